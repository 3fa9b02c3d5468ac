use chrono::NaiveDate;

use super::scale::{between, nice_ticks, padded};
use super::svg::sanitize_id;
use super::text::{text_width, truncate_to_width, wrap_in_two};
use super::*;
use crate::model::Metric;
use crate::render::escape::escape;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn labels() -> ChartLabels {
    ChartLabels {
        date: "Date".into(),
        value: "Value".into(),
        progress: "Progress".into(),
        target: "Target".into(),
        as_of: "As of".into(),
        kept: "Kept".into(),
        broken: "Broken".into(),
        done: "Done".into(),
        not_done: "Not done".into(),
        expected: "Expected pace".into(),
        count: "Objectives".into(),
        team: "Team".into(),
        colon: ": ".into(),
        separator: "; ".into(),
        comma: ", ".into(),
        parens: " ({text})".into(),
    }
}

fn fmt_pct_value(v: f64) -> String {
    format!("{v:.0}%")
}

fn fmt_date(d: NaiveDate) -> String {
    d.format("%b %-d").to_string()
}

fn fmt_percent(v: f64) -> String {
    format!("{:.0}%", v * 100.0)
}

fn burn<'a>(
    metric: Metric,
    start: f64,
    target: Option<f64>,
    points: &'a [(NaiveDate, f64)],
    labels: &'a ChartLabels,
) -> BurnUp<'a> {
    BurnUp {
        id: "kr-renewal",
        title: "Renewal rate",
        metric,
        period_start: d("2024-04-01"),
        period_end: d("2024-06-30"),
        as_of: d("2024-05-20"),
        start,
        target,
        points,
        format_value: &fmt_pct_value,
        format_date: &fmt_date,
        labels,
    }
}

/// Parses the output as XML and checks the figure's structure: svg with
/// aria-labelledby pointing at its title and desc, then the data table with a caption.
fn check_figure(s: &str, kind: &str) -> (String, String) {
    assert!(!s.contains("NaN") && !s.contains("inf"), "{s}");
    assert!(!s.contains('\n'), "not compact: {s}");
    let doc = roxmltree::Document::parse(s).unwrap_or_else(|e| panic!("{e}: {s}"));
    let fig = doc.root_element();
    assert_eq!(fig.tag_name().name(), "figure");
    assert_eq!(
        fig.attribute("class"),
        Some(&*format!("chart chart-{kind}"))
    );
    let svg = fig.first_element_child().unwrap();
    assert_eq!(svg.tag_name().name(), "svg");
    assert_eq!(svg.attribute("role"), Some("img"));
    assert_eq!(svg.attribute("width"), Some("100%"));
    assert!(svg.attribute("viewBox").is_some());
    assert!(svg.attribute("height").is_none());
    let ids: Vec<&str> = svg
        .attribute("aria-labelledby")
        .unwrap()
        .split(' ')
        .collect();
    assert_eq!(ids.len(), 2);
    let title = doc
        .descendants()
        .find(|n| n.attribute("id") == Some(ids[0]))
        .unwrap();
    assert_eq!(title.tag_name().name(), "title");
    let desc = doc
        .descendants()
        .find(|n| n.attribute("id") == Some(ids[1]))
        .unwrap();
    assert_eq!(desc.tag_name().name(), "desc");
    let table = svg.next_sibling_element().unwrap();
    assert_eq!(table.tag_name().name(), "table");
    assert_eq!(table.attribute("class"), Some("chart-data"));
    let caption = table.first_element_child().unwrap();
    assert_eq!(caption.tag_name().name(), "caption");
    // Every number in geometry attributes is finite and short.
    for n in doc
        .descendants()
        .filter(|n| n.is_element() && !n.has_tag_name("svg"))
    {
        for a in [
            "x", "y", "x1", "x2", "y1", "y2", "width", "height", "cx", "cy",
        ] {
            if let Some(v) = n.attribute(a) {
                v.parse::<f64>().unwrap_or_else(|_| panic!("{a}={v}"));
            }
        }
    }
    (
        title.text().unwrap_or("").to_string(),
        desc.text().unwrap_or("").to_string(),
    )
}

fn count(s: &str, needle: &str) -> usize {
    s.matches(needle).count()
}

#[test]
fn the_way_between_two_far_numbers_does_not_overflow() {
    assert_eq!(between(-1e308, 1e308, 0.5), 0.0);
    assert_eq!(between(-1e308, 1e308, 1.0), 1e308);
    assert_eq!(between(40.0, 70.0, 0.5), 55.0);
}

#[test]
fn escape_escapes_markup() {
    assert_eq!(
        escape(r#"<script>alert("x") & 'y'</script>"#),
        "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
    );
    assert_eq!(escape("续约率 ¥"), "续约率 ¥");
    assert_eq!(escape("a\u{1}b"), "ab");
}

#[test]
fn script_in_title_is_escaped_everywhere() {
    let l = ChartLabels {
        target: "<b>T</b>".into(),
        ..labels()
    };
    let pts = [(d("2024-04-15"), 20.0), (d("2024-05-15"), 55.0)];
    let mut c = burn(Metric::Increase, 0.0, Some(70.0), &pts, &l);
    let title = "<script>alert('x')</script> & co";
    c.title = title;
    c.id = "a\"><script>";
    let s = burn_up(&c);
    assert!(!s.contains("<script>"), "{s}");
    assert!(!s.contains("<b>"), "{s}");
    let (t, _) = check_figure(&s, "burnup");
    assert_eq!(t, title);

    let spark = sparkline(title, &[]);
    assert!(!spark.contains("<script>"));
    roxmltree::Document::parse(&spark).unwrap();

    let b = bars(
        "b",
        title,
        &[Bar {
            label: title,
            value: 0.5,
            display: "<i>50%</i>",
            status: Some("on_track\"x"),
        }],
        Some(0.5),
        &labels(),
    );
    assert!(!b.contains("<script>") && !b.contains("<i>"));
    check_figure(&b, "bars");

    let sb = status_breakdown(
        "s",
        title,
        &[StatusSlice {
            key: "on_track",
            label: title,
            count: 2,
        }],
        &labels(),
    );
    assert!(!sb.contains("<script>"));
    check_figure(&sb, "status");
}

#[test]
fn burn_up_increase() {
    let l = labels();
    let pts = [(d("2024-04-15"), 20.0), (d("2024-05-15"), 55.0)];
    let s = burn_up(&burn(Metric::Increase, 0.0, Some(70.0), &pts, &l));
    let (t, desc) = check_figure(&s, "burnup");
    assert_eq!(t, "Renewal rate");
    assert_eq!(desc, "Value: 55% (May 15); Target: 70%; As of: May 20");
    assert!(s.contains(r#"id="kr-renewal-title""#));
    assert_eq!(count(&s, r#"class="chart-ideal""#), 1);
    assert_eq!(count(&s, r#"class="chart-target""#), 1);
    assert_eq!(count(&s, r#"class="chart-asof""#), 1);
    assert_eq!(count(&s, r#"<polyline class="chart-actual""#), 1);
    assert_eq!(count(&s, r#"<g class="chart-point"><circle "#), 1);
    assert_eq!(count(&s, "<circle "), 2);
    assert!(s.contains(">Target 70%<"));
    assert!(s.contains(">As of May 20<"));
    assert!(!s.contains("chart-zone"));
    // The table: a row per check-in, with the expected pace; the target in the footer.
    assert!(s.contains(r#"<th scope="col">Expected pace</th>"#), "{s}");
    assert!(s.contains(r#"<tr><th scope="row">May 15</th><td>55%</td><td>34%</td></tr>"#));
    // The line from start to target is the expected pace, and the legend says so.
    assert!(s.contains(">Expected pace</text>"), "{s}");
    assert!(s.contains("<tfoot><tr><th scope=\"row\">Target</th><td colspan=\"2\">70%</td>"));
    // The ideal line runs from the start value at the left to the target at the right.
    let doc = roxmltree::Document::parse(&s).unwrap();
    let ideal = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("chart-ideal"))
        .unwrap();
    let target = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("chart-target"))
        .unwrap();
    assert_eq!(ideal.attribute("y2"), target.attribute("y1"));
    let y1: f64 = ideal.attribute("y1").unwrap().parse().unwrap();
    let y2: f64 = ideal.attribute("y2").unwrap().parse().unwrap();
    assert!(y1 > y2, "increase goes up");
}

#[test]
fn burn_up_decrease_goes_down() {
    let l = labels();
    let pts = [(d("2024-04-15"), 90.0), (d("2024-05-15"), 70.0)];
    let s = burn_up(&burn(Metric::Decrease, 100.0, Some(40.0), &pts, &l));
    check_figure(&s, "burnup");
    let doc = roxmltree::Document::parse(&s).unwrap();
    let ideal = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("chart-ideal"))
        .unwrap();
    let y1: f64 = ideal.attribute("y1").unwrap().parse().unwrap();
    let y2: f64 = ideal.attribute("y2").unwrap().parse().unwrap();
    assert!(y1 < y2, "decrease goes down");
}

#[test]
fn burn_up_stay_above_zones() {
    let l = labels();
    let pts = [(d("2024-04-15"), 99.5), (d("2024-05-15"), 98.0)];
    let s = burn_up(&burn(Metric::StayAbove, 0.0, Some(99.0), &pts, &l));
    let (_, desc) = check_figure(&s, "burnup");
    assert_eq!(
        desc,
        "Value: 98% (May 15), Broken; Target: 99%; As of: May 20"
    );
    assert!(!s.contains("chart-ideal"));
    let doc = roxmltree::Document::parse(&s).unwrap();
    let rect = |class: &str| {
        let n = doc
            .descendants()
            .find(|n| n.attribute("class") == Some(class))
            .unwrap();
        let y: f64 = n.attribute("y").unwrap().parse().unwrap();
        let h: f64 = n.attribute("height").unwrap().parse().unwrap();
        (y, y + h)
    };
    let kept = rect("chart-zone-kept");
    let broken = rect("chart-zone-broken");
    assert!(kept.1 <= broken.0 + 0.01, "kept above broken");
    assert!(
        (kept.1 - broken.0).abs() < 0.11,
        "they meet at the threshold"
    );
    assert!(s.contains("<td>98% (Broken)</td>"));
    assert!(s.contains("<td>100% (Kept)</td>"));

    // stay_below: kept below the threshold.
    let pts = [(d("2024-05-01"), 1.0)];
    let s = burn_up(&burn(Metric::StayBelow, 0.0, Some(2.0), &pts, &l));
    let (_, desc) = check_figure(&s, "burnup");
    assert!(desc.contains("Kept"));
    let doc = roxmltree::Document::parse(&s).unwrap();
    let y_of = |class: &str| -> f64 {
        doc.descendants()
            .find(|n| n.attribute("class") == Some(class))
            .unwrap()
            .attribute("y")
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!(y_of("chart-zone-kept") > y_of("chart-zone-broken"));
}

#[test]
fn burn_up_milestone_steps() {
    let l = labels();
    let pts = [
        (d("2024-04-10"), 0.0),
        (d("2024-05-01"), 0.0),
        (d("2024-05-10"), 1.0),
    ];
    let s = burn_up(&burn(Metric::Milestone, 0.0, None, &pts, &l));
    let (_, desc) = check_figure(&s, "burnup");
    assert_eq!(desc, "Value: Done (May 10); As of: May 20");
    assert!(!s.contains("chart-ideal") && !s.contains(r#"class="chart-target""#));
    assert!(s.contains(">Done<") && s.contains(">Not done<"));
    let doc = roxmltree::Document::parse(&s).unwrap();
    let line = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("chart-actual"))
        .unwrap();
    let pts: Vec<(f64, f64)> = line
        .attribute("points")
        .unwrap()
        .split(' ')
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect();
    // 3 points + 1 step corner (the other merges with a point) + the carry to as-of.
    assert_eq!(pts.len(), 5);
    // Every segment is horizontal or vertical.
    for w in pts.windows(2) {
        assert!(w[0].0 == w[1].0 || w[0].1 == w[1].1, "{w:?}");
    }
    // The corner before the rise keeps the old value.
    assert_eq!(pts[2].1, pts[1].1);
    assert_eq!(pts[2].0, pts[3].0);
    assert!(pts[3].1 < pts[2].1, "done is higher");
    assert!(s.contains("<td>Done</td>") && s.contains("<td>Not done</td>"));
}

#[test]
fn burn_up_edge_cases_never_nan() {
    let l = labels();
    let one = [(d("2024-05-01"), 5.0)];
    let outside = [(d("2023-01-01"), 5.0), (d("2025-01-01"), 9.0)];
    let weird = [
        (d("2024-05-01"), f64::NAN),
        (d("2024-05-02"), f64::INFINITY),
    ];
    type Case<'a> = (Metric, f64, Option<f64>, &'a [(NaiveDate, f64)]);
    let cases: Vec<Case> = vec![
        (Metric::Increase, 0.0, Some(70.0), &[]),
        (Metric::Increase, 0.0, Some(70.0), &one),
        (Metric::Increase, 5.0, Some(5.0), &one),
        (Metric::Increase, 0.0, Some(0.0), &[]),
        (Metric::Increase, 0.0, None, &[]),
        (Metric::Decrease, 5.0, Some(5.0), &[]),
        (Metric::StayAbove, 0.0, Some(0.0), &[]),
        (Metric::StayBelow, 0.0, Some(5.0), &one),
        (Metric::Milestone, 0.0, None, &[]),
        (Metric::Milestone, 0.0, None, &one),
        (Metric::Increase, 0.0, Some(10.0), &outside),
        (Metric::Increase, f64::NAN, Some(f64::INFINITY), &weird),
        (Metric::Increase, -1e300, Some(1e300), &one),
        (Metric::Increase, 0.0, Some(1e-9), &[]),
    ];
    for (metric, start, target, points) in cases {
        for (ps, pe) in [
            ("2024-04-01", "2024-06-30"),
            ("2024-05-01", "2024-05-01"),
            ("2024-06-30", "2024-04-01"),
        ] {
            let mut c = burn(metric, start, target, points, &l);
            c.period_start = d(ps);
            c.period_end = d(pe);
            let s = burn_up(&c);
            check_figure(&s, "burnup");
        }
    }
    // Points outside the period are clamped to its edges.
    let s = burn_up(&burn(Metric::Increase, 0.0, Some(10.0), &outside, &l));
    let doc = roxmltree::Document::parse(&s).unwrap();
    let xs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .map(|n| n.attribute("cx").unwrap())
        .collect();
    // The axes are one path: up the left edge, then along the bottom to the right edge.
    let axes = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("chart-axis"))
        .and_then(|n| n.attribute("d"))
        .unwrap();
    let (left, rest) = axes[1..].split_once(' ').unwrap();
    let right = rest.rsplit_once('H').unwrap().1;
    assert_eq!(xs, vec![left, right]);
    // A single point draws a point but no line.
    let s = burn_up(&burn(Metric::Increase, 0.0, Some(10.0), &one, &l));
    assert!(!s.contains("<polyline"));
    assert_eq!(count(&s, "<circle"), 1);
}

#[test]
fn burn_up_chinese_id_and_labels() {
    let l = ChartLabels {
        as_of: "截至".into(),
        target: "目标".into(),
        value: "数值".into(),
        colon: "：".into(),
        separator: "；".into(),
        comma: "，".into(),
        parens: "（{text}）".into(),
        ..labels()
    };
    let pts = [(d("2024-05-15"), 55.0)];
    let mut c = burn(Metric::Increase, 0.0, Some(70.0), &pts, &l);
    c.id = "kr-续约_率";
    c.title = "续约率";
    let fd = |d: NaiveDate| d.format("%-m月%-d日").to_string();
    c.format_date = &fd;
    let s = burn_up(&c);
    let (t, desc) = check_figure(&s, "burnup");
    assert_eq!(t, "续约率");
    assert_eq!(desc, "数值：55%（5月15日）；目标：70%；截至：5月20日");
    assert!(s.contains(r#"id="kr-_7eed__7ea6____7387_-title""#), "{s}");
    assert_ne!(sanitize_id("a_b"), sanitize_id("a-b"));
    assert_ne!(sanitize_id("续"), sanitize_id("约"));
    assert_eq!(sanitize_id(""), "chart");
}

#[test]
fn progress_over_time_chart() {
    let l = labels();
    let pts = [
        (d("2024-04-15"), 0.1),
        (d("2024-05-01"), 0.3),
        (d("2024-05-15"), 0.41),
    ];
    let c = ProgressOverTime {
        id: "obj-1",
        title: "Grow renewals",
        period_start: d("2024-04-01"),
        period_end: d("2024-06-30"),
        as_of: d("2024-05-20"),
        points: &pts,
        format_date: &fmt_date,
        format_percent: &fmt_percent,
        labels: &l,
    };
    let s = progress_over_time(&c);
    let (t, desc) = check_figure(&s, "progress");
    assert_eq!(t, "Grow renewals");
    assert_eq!(
        desc,
        "Progress: 41% (May 15); Expected pace: 54%; As of: May 20"
    );
    assert_eq!(count(&s, r#"class="chart-ideal""#), 1);
    assert_eq!(count(&s, "<circle"), 3);
    assert!(s.contains(r#"<tr><th scope="row">May 15</th><td>41%</td><td>49%</td></tr>"#));
    for (ps, pe, pts) in [
        ("2024-05-01", "2024-05-01", &[][..]),
        (
            "2024-04-01",
            "2024-06-30",
            &[(d("2024-04-02"), f64::NAN)][..],
        ),
        ("2024-04-01", "2024-06-30", &[(d("2024-04-02"), 7.0)][..]),
    ] {
        let c = ProgressOverTime {
            period_start: d(ps),
            period_end: d(pe),
            points: pts,
            ..c
        };
        check_figure(&progress_over_time(&c), "progress");
    }
}

#[test]
fn status_breakdown_chart() {
    let l = labels();
    let slices = [
        StatusSlice {
            key: "on_track",
            label: "On track",
            count: 3,
        },
        StatusSlice {
            key: "behind",
            label: "Behind",
            count: 0,
        },
        StatusSlice {
            key: "done",
            label: "Done",
            count: 1,
        },
    ];
    let s = status_breakdown("status", "Status", &slices, &l);
    let (t, desc) = check_figure(&s, "status");
    assert_eq!(t, "Status");
    assert_eq!(desc, "On track: 3; Done: 1; Objectives: 4");
    assert_eq!(count(&s, r#"<rect class="chart-bar status-on_track""#), 1);
    assert_eq!(count(&s, r#"<rect class="chart-bar status-done""#), 1);
    assert!(!s.contains("status-behind"), "zero counts draw nothing");
    assert!(s.contains(r#"<tr><th scope="row">Behind</th><td>0</td></tr>"#));
    assert!(s.contains(r#"width="420""#) && s.contains(r#"x="420""#));

    let zero: Vec<StatusSlice> = slices
        .iter()
        .map(|s| StatusSlice { count: 0, ..*s })
        .collect();
    let s = status_breakdown("status", "Status", &zero, &l);
    let (_, desc) = check_figure(&s, "status");
    assert_eq!(desc, "Objectives: 0");
    assert!(s.contains("chart-empty"));
    assert!(!s.contains(r#"class="chart-bar "#));
    check_figure(&status_breakdown("s", "S", &[], &l), "status");
}

#[test]
fn bars_chart() {
    let l = labels();
    let long = "Customer Success and Renewals Operations Team (EMEA + APAC)";
    let rows = [
        Bar {
            label: long,
            value: 0.5,
            display: "50%",
            status: Some("on_track"),
        },
        Bar {
            label: "华东区域大客户销售与客户成功联合团队第二小组",
            value: 0.2,
            display: "20%",
            status: Some("behind"),
        },
        Bar {
            label: "Ops",
            value: 0.0,
            display: "0%",
            status: None,
        },
        Bar {
            label: "Over",
            value: 1.7,
            display: "170%",
            status: Some("done"),
        },
    ];
    let s = bars("teams", "Teams", &rows, Some(0.54), &l);
    let (_, desc) = check_figure(&s, "bars");
    assert!(desc.starts_with(&format!("{long}: 50%; ")));
    assert!(desc.ends_with("Expected pace: 54%"));
    assert_eq!(count(&s, r#"<g class="chart-row chart-label">"#), 4);
    assert_eq!(count(&s, r#"class="chart-bar-track""#), 4);
    assert_eq!(count(&s, r#"<rect class="chart-bar "#), 3);
    assert_eq!(count(&s, r#"class="chart-expected""#), 1);
    // Labels sit above their bars across the whole width: a long one on two lines, whole
    // (the row title and the table have it too), the others on one.
    assert!(s.contains(">Customer Success and Renewals Operations Team</text>"));
    assert!(s.contains(">(EMEA + APAC)</text>"));
    assert!(s.contains(&format!("<title>{long}: 50%</title>")));
    assert!(s.contains(&format!(r#"<th scope="row">{long}</th>"#)));
    assert!(s.contains(">华东区域大客户销售与客户成功联合团队第二小组</text>"));
    assert!(s.contains(">Ops</text>"));
    assert_eq!(count(&s, "…"), 0);
    let doc = roxmltree::Document::parse(&s).unwrap();
    let label_lines: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("x") == Some("0"))
        .collect();
    assert_eq!(label_lines.len(), 5);
    for t in &label_lines {
        assert!(text_width(t.text().unwrap()) <= W + 0.01);
    }
    // Each label's lines end above its bar, and each bar ends above the next label (its
    // first line's ascent, about 0.8 em, at the largest font).
    let y = |n: &roxmltree::Node, a: &str| -> f64 { n.attribute(a).unwrap().parse().unwrap() };
    let drawn: Vec<(Vec<f64>, f64, f64)> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("chart-row chart-label"))
        .map(|row| {
            let lines = row
                .children()
                .filter(|n| n.has_tag_name("text") && n.attribute("x") == Some("0"))
                .map(|n| y(&n, "y"))
                .collect();
            let track = row
                .children()
                .find(|n| n.attribute("class") == Some("chart-bar-track"))
                .unwrap();
            (lines, y(&track, "y"), y(&track, "y") + y(&track, "height"))
        })
        .collect();
    assert_eq!(drawn.len(), 4);
    for (lines, bar_top, _) in &drawn {
        assert!(lines.iter().all(|&t| t + 0.25 * FONT_MAX <= *bar_top));
    }
    for pair in drawn.windows(2) {
        assert!(pair[0].2 < pair[1].0[0] - 0.8 * FONT_MAX);
    }
    // Values over 1 stay inside the track.
    let track_end = {
        let n = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("chart-bar-track"))
            .unwrap();
        let x: f64 = n.attribute("x").unwrap().parse().unwrap();
        let w: f64 = n.attribute("width").unwrap().parse().unwrap();
        x + w
    };
    for n in doc.descendants().filter(|n| {
        n.attribute("class")
            .is_some_and(|c| c.starts_with("chart-bar "))
    }) {
        let x: f64 = n.attribute("x").unwrap().parse().unwrap();
        let w: f64 = n.attribute("width").unwrap().parse().unwrap();
        assert!(x + w <= track_end + 0.01);
    }
    let s = bars("teams", "Teams", &rows, None, &l);
    check_figure(&s, "bars");
    assert!(!s.contains("chart-expected"));
    check_figure(&bars("e", "Empty", &[], Some(f64::NAN), &l), "bars");
}

#[test]
fn sparkline_points() {
    for pts in [
        &[][..],
        &[(0.5, 0.5)][..],
        &[(0.0, 0.0), (0.3, 0.2), (0.6, 0.5), (1.0, 1.0)][..],
        &[(f64::NAN, 0.0), (2.0, -1.0)][..],
    ] {
        let s = sparkline("Renewal & co", pts);
        assert!(!s.contains("NaN") && !s.contains("inf"));
        let doc = roxmltree::Document::parse(&s).unwrap();
        let svg = doc.root_element();
        assert_eq!(svg.attribute("class"), Some("sparkline"));
        assert_eq!(svg.attribute("aria-label"), Some("Renewal & co"));
        assert_eq!(svg.attribute("role"), Some("img"));
        assert_eq!(count(&s, r#"class="chart-grid""#), 1, "baseline");
        let line = count(&s, "<polyline");
        let finite = pts
            .iter()
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .count();
        assert_eq!(line, usize::from(finite >= 2));
    }
    let s = sparkline("t", &[(0.0, 0.0), (1.0, 1.0)]);
    assert!(s.contains(r#"points="2,18 78,2""#), "{s}");
}

#[test]
fn output_is_deterministic() {
    let l = labels();
    let pts = [(d("2024-04-15"), 20.123456), (d("2024-05-15"), 55.0)];
    let a = burn_up(&burn(Metric::Increase, 0.0, Some(70.0), &pts, &l));
    let b = burn_up(&burn(Metric::Increase, 0.0, Some(70.0), &pts, &l));
    assert_eq!(a, b);
    assert!(!a.contains("20.123"));
    let bar = [Bar {
        label: "A",
        value: 1.0 / 3.0,
        display: "33%",
        status: None,
    }];
    assert_eq!(
        bars("b", "B", &bar, Some(0.5), &l),
        bars("b", "B", &bar, Some(0.5), &l)
    );
    // Coordinates carry at most one decimal.
    let doc = roxmltree::Document::parse(&a).unwrap();
    for n in doc.descendants().filter(|n| n.is_element()) {
        for attr in n.attributes() {
            if let Ok(v) = attr.value().parse::<f64>() {
                let frac = attr.value().split('.').nth(1).unwrap_or("");
                assert!(frac.len() <= 1, "{}={v}", attr.name());
            }
        }
    }
}

#[test]
fn numbers_and_ticks() {
    assert_eq!(nice_ticks(0.0, 77.0), vec![0.0, 20.0, 40.0, 60.0]);
    assert_eq!(nice_ticks(0.0, 1.1), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
    assert_eq!(nice_ticks(0.0, 0.7), vec![0.0, 0.2, 0.4, 0.6]);
    assert_eq!(
        nice_ticks(81000.0, 189000.0),
        vec![100000.0, 120000.0, 140000.0, 160000.0, 180000.0]
    );
    assert_eq!(padded(0.0, 70.0), (0.0, 77.0));
    assert_eq!(padded(5.0, 5.0), (4.5, 5.5));
    assert_eq!(padded(0.0, 0.0), (0.0, 1.0));
    assert_eq!(truncate_to_width("abc", 100.0), "abc");
    // Two lines: whole when it fits; broken at a space, or between wide characters;
    // the second line cut when even two lines are too short.
    assert_eq!(wrap_in_two("GitLab (company)", W), ["GitLab (company)"]);
    let w = text_width("GitLab (company)");
    assert_eq!(
        wrap_in_two("GitLab (company) Ltd", w + 1.0),
        ["GitLab (company)", "Ltd"]
    );
    assert_eq!(
        wrap_in_two("华东区域大客户", 4.0 * 21.0),
        ["华东区域", "大客户"]
    );
    assert_eq!(wrap_in_two("销售 sales", 3.0 * 21.0), ["销售", "sales"]);
    let cut = wrap_in_two("one two three four five six", text_width("one two"));
    assert_eq!(cut[0], "one two");
    assert!(cut[1].ends_with('…') && text_width(&cut[1]) <= text_width("one two"));
    assert_eq!(
        wrap_in_two("abcdefgh", text_width("abcd")),
        ["abcd", "efgh"]
    );
    assert!(truncate_to_width("华东区域大客户销售", 50.0).ends_with('…'));
    assert!(text_width(&truncate_to_width("华东区域大客户销售", 50.0)) <= 50.0);
}

/// Every chart, drawn small: (kind, output).
fn every_chart(l: &ChartLabels) -> Vec<(&'static str, String)> {
    let pts = [(d("2024-04-15"), 20.0), (d("2024-05-15"), 55.0)];
    let progress = [(d("2024-04-15"), 0.2), (d("2024-05-15"), 0.4)];
    let done = [(d("2024-04-15"), 0.0), (d("2024-05-15"), 1.0)];
    let mut charts = vec![
        (
            "burnup",
            burn_up(&burn(Metric::Increase, 0.0, Some(70.0), &pts, l)),
        ),
        (
            "burnup",
            burn_up(&burn(Metric::StayAbove, 0.0, Some(30.0), &pts, l)),
        ),
        (
            "burnup",
            burn_up(&burn(Metric::Milestone, 0.0, None, &done, l)),
        ),
        (
            "progress",
            progress_over_time(&ProgressOverTime {
                id: "o",
                title: "Renewal rate",
                period_start: d("2024-04-01"),
                period_end: d("2024-06-30"),
                as_of: d("2024-05-20"),
                points: &progress,
                format_date: &fmt_date,
                format_percent: &fmt_percent,
                labels: l,
            }),
        ),
    ];
    let slices = [StatusSlice {
        key: "on_track",
        label: "On track",
        count: 2,
    }];
    charts.push(("status", status_breakdown("s", "Renewal rate", &slices, l)));
    let rows = [Bar {
        label: "Ops",
        value: 0.5,
        display: "50%",
        status: None,
    }];
    charts.push(("bars", bars("b", "Renewal rate", &rows, Some(0.4), l)));
    charts
}

#[test]
fn every_chart_keeps_its_accessible_name_and_text_alternative() {
    let l = labels();
    for (kind, s) in every_chart(&l) {
        // An image named by its title and described by a sentence, then the data as a
        // table captioned with the same title, with a header and a row per entry.
        let (title, desc) = check_figure(&s, kind);
        assert_eq!(title, "Renewal rate", "{s}");
        assert!(desc.len() > 5, "{s}");
        let doc = roxmltree::Document::parse(&s).unwrap();
        let table = doc.descendants().find(|n| n.has_tag_name("table")).unwrap();
        let caption = table.first_element_child().unwrap();
        assert_eq!(caption.text(), Some("Renewal rate"));
        assert!(table.descendants().any(|n| n.has_tag_name("thead")), "{s}");
        assert!(
            table
                .descendants()
                .any(|n| n.attribute("scope") == Some("row")),
            "{s}"
        );
    }
    // The sparkline is named by its aria-label and has the same text as its tooltip.
    let s = sparkline("Renewal & co", &[(0.0, 0.0), (0.5, 0.5)]);
    let doc = roxmltree::Document::parse(&s).unwrap();
    let svg = doc.root_element();
    assert_eq!(svg.attribute("role"), Some("img"));
    assert_eq!(svg.attribute("aria-label"), Some("Renewal & co"));
    let title = svg.first_element_child().unwrap();
    assert_eq!(title.tag_name().name(), "title");
    assert_eq!(title.text(), Some("Renewal & co"));
}

#[test]
fn lines_are_drawn_without_fill_in_one_group() {
    let l = labels();
    for (_, s) in every_chart(&l) {
        let doc = roxmltree::Document::parse(&s).unwrap();
        for n in doc.descendants().filter(|n| {
            n.has_tag_name("polyline") || n.has_tag_name("path") || n.has_tag_name("line")
        }) {
            // Every stroke has a colour and no fill without the stylesheet: from its
            // group, or (legend samples, the bars' marker) its own attribute.
            let stroked = n
                .ancestors()
                .any(|a| a.attribute("stroke") == Some("currentColor"));
            assert!(stroked, "{s}");
            let unfilled = n.has_tag_name("line")
                || n.ancestors().any(|a| a.attribute("fill") == Some("none"));
            assert!(unfilled, "{s}");
        }
    }
}
