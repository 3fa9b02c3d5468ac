//! Charts: inline SVG drawn at build time, no JavaScript.
//!
//! Every chart but the sparkline is a `<figure class="chart chart-KIND">` holding an
//! `<svg role="img">` (with a `<title>` and a one-sentence `<desc>` as its text
//! alternative) followed by a `<table class="chart-data">` with the data, for screen
//! readers and print. The SVG has a `viewBox`, `width="100%"` and no height, so it
//! scales to its container and never causes horizontal scrolling. Text from callers is
//! XML-escaped; numbers are written with at most one decimal, so output is deterministic.
//!
//! # Colours
//!
//! No colour is hard-coded: the root `<svg>` has `fill="currentColor"` (so text and
//! points follow the page's text colour), lines have `stroke="currentColor"
//! fill="none"`, and everything else is left to the theme's CSS through these classes
//! (a CSS rule always beats SVG presentation attributes):
//!
//! | class | on |
//! |---|---|
//! | `chart` | every chart's `<figure>` |
//! | `chart-burnup`, `chart-progress`, `chart-status`, `chart-bars` | the `<figure>`, by kind |
//! | `chart-svg` | every chart's `<svg>` (not the sparkline) |
//! | `chart-data` | the data `<table>` (hide it visually on screen, show it in print) |
//! | `chart-axis` | the x and y axis `<line>`s |
//! | `chart-grid` | horizontal grid `<line>`s; the sparkline's baseline |
//! | `chart-label` | every `<text>` (tick labels, line labels, legend, bar labels) |
//! | `chart-value` | with `chart-label`: the value text right of a bar |
//! | `chart-ideal` | the expected-pace line: the burn-up's from start to target, the progress chart's diagonal (dashed `6 4`) |
//! | `chart-actual` | the check-ins `<polyline>` (also the sparkline's line) |
//! | `chart-point` | a check-in `<circle>` (also the sparkline's last point) |
//! | `chart-target` | the horizontal target / threshold `<line>` (dashed `2 3`) |
//! | `chart-asof` | the vertical as-of `<line>` (dashed `3 3`) |
//! | `chart-zone-kept`, `chart-zone-broken` | stay_above/stay_below zone `<rect>`s (no fill unless styled) |
//! | `chart-zone-label` | with `chart-label`: the "Kept"/"Broken" zone texts |
//! | `chart-expected` | the bars chart's vertical expected-pace `<line>` (dashed `3 3`) |
//! | `chart-row` | a `<g>` per bar row (it has a `<title>` with the full label) |
//! | `chart-bar` | a bar `<rect>` (rollup bar, status segment); with `status-*` when known |
//! | `chart-bar-track` | the full-width `<rect>` behind a bar (no fill unless styled) |
//! | `chart-legend` | the `<g>` holding a legend |
//! | `chart-swatch` | a legend sample: `<rect>` with `chart-bar status-*`, or `<line>` with the line's class |
//! | `chart-empty` | with `chart-label`: the text of an empty status breakdown |
//! | `sparkline` | the sparkline `<svg>` |
//! | `status-on_track`, `status-behind`, `status-done`, `status-missed`, `status-no_data`, `status-upcoming` | status bars, segments and swatches (`status-KEY` for any key given, sanitised to `[A-Za-z0-9_-]`) |
//!
//! Geometry defaults set as presentation attributes, which CSS may override:
//! `stroke-width`, `stroke-dasharray` (above), `r` of points, `rx` of bars.

use std::fmt::Write;

use chrono::NaiveDate;

use crate::model::Metric;

/// Words the charts print, in the site's language (the caller fills them from its locale).
#[derive(Clone, Debug, Default)]
pub struct ChartLabels {
    /// "Date" / "日期" — data table header.
    pub date: String,
    /// "Value" / "数值".
    pub value: String,
    /// "Progress" / "进度".
    pub progress: String,
    /// "Target" / "目标".
    pub target: String,
    /// "As of" / "截至".
    pub as_of: String,
    /// "Kept" / "达标".
    pub kept: String,
    /// "Broken" / "未达标".
    pub broken: String,
    /// "Done" / "已完成".
    pub done: String,
    /// "Not done" / "未完成".
    pub not_done: String,
    /// "Expected pace" / "预期进度": the burn-up's line from start to target, the progress
    /// chart's diagonal and the bars chart's marker (one term for one idea).
    pub expected: String,
    /// "Objectives" / "目标数".
    pub count: String,
    /// "Team" / "团队".
    pub team: String,
    /// The language's punctuation in text alternatives: ": " / "：", "; " / "；",
    /// ", " / "，", and " ({text})" / "（{text}）".
    pub colon: String,
    pub separator: String,
    pub comma: String,
    pub parens: String,
}

impl ChartLabels {
    /// "label: value", with the language's colon.
    fn field(&self, label: &str, value: &str) -> String {
        format!("{label}{}{value}", self.colon)
    }

    /// " (text)" / "（text）", to follow a word.
    fn parens(&self, text: &str) -> String {
        self.parens.replace("{text}", text)
    }

    /// The parts of a text alternative, with the language's separator.
    fn join(&self, parts: &[String]) -> String {
        parts.join(&self.separator)
    }
}

/// A key result's burn-up chart.
pub struct BurnUp<'a> {
    /// Unique within the page, for element ids; sanitised here.
    pub id: &'a str,
    /// Accessible title, e.g. the key result's title.
    pub title: &'a str,
    pub metric: Metric,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub as_of: NaiveDate,
    /// The baseline (ignored for milestones and stay_*).
    pub start: f64,
    /// `None` for milestones.
    pub target: Option<f64>,
    /// Check-ins on or before the as-of date, oldest first; milestones give 0.0/1.0.
    pub points: &'a [(NaiveDate, f64)],
    /// A value with its unit, e.g. "55%" / "¥131,000".
    pub format_value: &'a dyn Fn(f64) -> String,
    /// e.g. "5月15日" / "May 15".
    pub format_date: &'a dyn Fn(NaiveDate) -> String,
    pub labels: &'a ChartLabels,
}

/// An objective's progress over time, with the expected-pace diagonal.
pub struct ProgressOverTime<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub as_of: NaiveDate,
    /// Objective progress 0..1 at each check-in date, oldest first.
    pub points: &'a [(NaiveDate, f64)],
    pub format_date: &'a dyn Fn(NaiveDate) -> String,
    /// 0.5 -> "50%".
    pub format_percent: &'a dyn Fn(f64) -> String,
    pub labels: &'a ChartLabels,
}

/// One status of a status breakdown: its key (`on_track` …, used as a class), its
/// label and how many objectives have it.
pub struct StatusSlice<'a> {
    pub key: &'a str,
    pub label: &'a str,
    pub count: usize,
}

/// One row of a bars chart.
pub struct Bar<'a> {
    pub label: &'a str,
    /// 0..1.
    pub value: f64,
    /// The value as shown, e.g. "50%".
    pub display: &'a str,
    /// A status key for the bar's colour.
    pub status: Option<&'a str>,
}

/// Width of every chart's viewBox (the sparkline's excepted).
const W: f64 = 560.0;
/// Font size in viewBox units as drawn (the `font-size` of the `<svg>`): 12 px where a
/// chart is 560 px wide. A theme makes it larger where a chart is drawn narrow (the
/// default theme: up to `FONT_MAX` on a phone, ~11.5 px in a 320 px wide chart).
const FONT: f64 = 12.0;
/// The largest font size a theme may give chart text, in viewBox units. Room for text
/// (margins, legend spacing, truncation, gaps between lines of text) is measured at this
/// size, so that text drawn at any size up to it neither overlaps nor leaves the chart.
const FONT_MAX: f64 = 21.0;
/// Distance between the baselines of two legend rows.
const LEGEND_ROW: f64 = FONT_MAX + 8.0;
/// Height of the line charts' viewBox.
const LINE_H: f64 = 270.0;

// ---------------------------------------------------------------------------------
// Public charts
// ---------------------------------------------------------------------------------

/// A key result's burn-up chart: expected-pace line (start to target), target line,
/// check-ins, as-of marker;
/// kept/broken zones for stay_above/stay_below; a step line for milestones.
pub fn burn_up(chart: &BurnUp) -> String {
    let l = chart.labels;
    let milestone = chart.metric == Metric::Milestone;
    let stay = matches!(chart.metric, Metric::StayAbove | Metric::StayBelow);
    let target = if milestone {
        None
    } else {
        chart.target.filter(|t| t.is_finite())
    };
    let start = if chart.start.is_finite() {
        chart.start
    } else {
        0.0
    };
    let points = clean_points(chart.points, milestone);
    let fmt_val = |v: f64| -> String {
        if milestone {
            if v >= 0.5 {
                l.done.clone()
            } else {
                l.not_done.clone()
            }
        } else {
            (chart.format_value)(v)
        }
    };
    let fmt_date = chart.format_date;
    let kept = |v: f64, t: f64| match chart.metric {
        Metric::StayAbove => v >= t,
        _ => v <= t,
    };
    let pace_line = match (chart.metric, target) {
        (Metric::Increase | Metric::Decrease, Some(t)) => Some((start, t)),
        _ => None,
    };

    // The y domain and its ticks.
    let (lo, hi, ticks) = if milestone {
        let (lo, hi) = padded(0.0, 1.0);
        (
            lo,
            hi,
            vec![(0.0, l.not_done.clone()), (1.0, l.done.clone())],
        )
    } else {
        let mut values: Vec<f64> = points.iter().map(|p| p.1).collect();
        values.extend(target);
        if !stay {
            values.push(start);
        }
        let data_lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let data_hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (lo, hi) = if values.is_empty() {
            (0.0, 1.0)
        } else {
            padded(data_lo, data_hi)
        };
        let mut ticks: Vec<(f64, String)> = Vec::new();
        for v in nice_ticks(lo, hi) {
            let label = (chart.format_value)(v);
            if ticks.last().is_none_or(|(_, last)| *last != label) {
                ticks.push((v, label));
            }
        }
        (lo, hi, ticks)
    };

    // The text alternative.
    let mut parts = Vec::new();
    if let Some(&(d, v)) = points.last() {
        let mut s = l.field(&l.value, &fmt_val(v)) + &l.parens(&fmt_date(d));
        if let (true, Some(t)) = (stay, target) {
            let word = if kept(v, t) { &l.kept } else { &l.broken };
            let _ = write!(s, "{}{word}", l.comma);
        }
        parts.push(s);
    }
    if let Some(t) = target {
        parts.push(l.field(&l.target, &fmt_val(t)));
    }
    parts.push(l.field(&l.as_of, &fmt_date(chart.as_of)));
    let desc = l.join(&parts);

    // The data table.
    let axis = TimeAxis::new(chart.period_start, chart.period_end);
    let mut head = vec![l.date.as_str(), l.value.as_str()];
    if pace_line.is_some() {
        head.push(l.expected.as_str());
    }
    let rows: Vec<(String, Vec<String>)> = points
        .iter()
        .map(|&(d, v)| {
            let mut value = fmt_val(v);
            if let (true, Some(t)) = (stay, target) {
                let word = if kept(v, t) { &l.kept } else { &l.broken };
                value.push_str(&l.parens(word));
            }
            let mut cells = vec![value];
            if let Some((a, b)) = pace_line {
                cells.push(fmt_val(between(a, b, axis.frac(d))));
            }
            (fmt_date(d), cells)
        })
        .collect();
    let foot = target.map(|t| (l.target.clone(), fmt_val(t)));
    let table = data_table(chart.title, &head, &rows, foot.as_ref());

    let zones = match (chart.metric, target) {
        (Metric::StayAbove, Some(t)) => Some((t, true)),
        (Metric::StayBelow, Some(t)) => Some((t, false)),
        _ => None,
    };
    let spec = LineChart {
        kind: "burnup",
        id: chart.id,
        title: chart.title,
        desc: &desc,
        axis,
        as_of: chart.as_of,
        lo,
        hi,
        ticks,
        pace_line: pace_line.map(|(a, b)| (a, b, l.expected.as_str())),
        target: target.map(|t| (t, format!("{} {}", l.target, fmt_val(t)))),
        zones,
        points: points
            .iter()
            .map(|&(d, v)| (d, v, l.field(&fmt_date(d), &fmt_val(v))))
            .collect(),
        step: milestone,
        series: &l.value,
        date_labels: (fmt_date(chart.period_start), fmt_date(chart.period_end)),
        as_of_label: format!("{} {}", l.as_of, fmt_date(chart.as_of)),
        labels: l,
        table,
    };
    spec.render()
}

/// An objective's progress over time, with the expected-pace diagonal from (start, 0)
/// to (end, 1).
pub fn progress_over_time(chart: &ProgressOverTime) -> String {
    let l = chart.labels;
    let fmt_date = chart.format_date;
    let fmt_pct = chart.format_percent;
    let points: Vec<(NaiveDate, f64)> = clean_points(chart.points, false)
        .into_iter()
        .map(|(d, v)| (d, v.clamp(0.0, 1.0)))
        .collect();
    let axis = TimeAxis::new(chart.period_start, chart.period_end);
    let (lo, hi) = (0.0, 1.1);
    let ticks = [0.0, 0.25, 0.5, 0.75, 1.0]
        .iter()
        .map(|&v| (v, fmt_pct(v)))
        .collect();

    let mut parts = Vec::new();
    if let Some(&(d, v)) = points.last() {
        parts.push(l.field(&l.progress, &fmt_pct(v)) + &l.parens(&fmt_date(d)));
    }
    parts.push(l.field(&l.expected, &fmt_pct(axis.frac(chart.as_of))));
    parts.push(l.field(&l.as_of, &fmt_date(chart.as_of)));
    let desc = l.join(&parts);

    let head = [l.date.as_str(), l.progress.as_str(), l.expected.as_str()];
    let rows: Vec<(String, Vec<String>)> = points
        .iter()
        .map(|&(d, v)| (fmt_date(d), vec![fmt_pct(v), fmt_pct(axis.frac(d))]))
        .collect();
    let table = data_table(chart.title, &head, &rows, None);

    let spec = LineChart {
        kind: "progress",
        id: chart.id,
        title: chart.title,
        desc: &desc,
        axis,
        as_of: chart.as_of,
        lo,
        hi,
        ticks,
        pace_line: Some((0.0, 1.0, l.expected.as_str())),
        target: None,
        zones: None,
        points: points
            .iter()
            .map(|&(d, v)| (d, v, l.field(&fmt_date(d), &fmt_pct(v))))
            .collect(),
        step: false,
        series: &l.progress,
        date_labels: (fmt_date(chart.period_start), fmt_date(chart.period_end)),
        as_of_label: format!("{} {}", l.as_of, fmt_date(chart.as_of)),
        labels: l,
        table,
    };
    spec.render()
}

/// A period's status breakdown: one horizontal stacked bar with a legend. Zero counts
/// draw nothing (they stay in the data table); all zero draws an empty track.
pub fn status_breakdown(
    id: &str,
    title: &str,
    slices: &[StatusSlice],
    labels: &ChartLabels,
) -> String {
    let sid = sanitize_id(id);
    let total: usize = slices.iter().map(|s| s.count).sum();
    let shown: Vec<&StatusSlice> = slices.iter().filter(|s| s.count > 0).collect();

    let mut parts: Vec<String> = shown
        .iter()
        .map(|s| labels.field(s.label, &s.count.to_string()))
        .collect();
    parts.push(labels.field(&labels.count, &total.to_string()));
    let desc = labels.join(&parts);

    let bar_y = 4.0;
    let bar_h = 28.0;
    let legend_y = bar_y + bar_h + FONT_MAX + 4.0;
    let items: Vec<(Swatch, String)> = shown
        .iter()
        .map(|s| {
            (
                Swatch::Rect(format!("chart-bar status-{}", class_key(s.key))),
                format!("{} {}", s.label, s.count),
            )
        })
        .collect();
    let legend_rows = legend_layout(&items, 0.0, W).len().max(1);
    let h = legend_y + (legend_rows as f64 - 1.0) * LEGEND_ROW + 8.0;

    let mut out = String::new();
    open_figure(&mut out, "status", &sid, h, title, &desc);
    let _ = write!(
        out,
        r#"<rect class="chart-bar-track" x="0" y="{}" width="{}" height="{}" rx="3" fill="none"/>"#,
        num(bar_y),
        num(W),
        num(bar_h)
    );
    if total == 0 {
        let _ = write!(
            out,
            r#"<text class="chart-label chart-empty" x="{}" y="{}" text-anchor="middle">{}</text>"#,
            num(W / 2.0),
            num(legend_y),
            escape(&labels.field(&labels.count, "0"))
        );
    } else {
        let mut acc = 0usize;
        for s in &shown {
            let x0 = W * acc as f64 / total as f64;
            acc += s.count;
            let x1 = W * acc as f64 / total as f64;
            let _ = write!(
                out,
                r#"<rect class="chart-bar status-{}" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>"#,
                class_key(s.key),
                num(x0),
                num(bar_y),
                num(x1 - x0),
                num(bar_h),
                escape(&labels.field(s.label, &s.count.to_string())),
            );
        }
        draw_legend(&mut out, &items, 0.0, W, legend_y);
    }
    out.push_str("</svg>");

    let head = ["", labels.count.as_str()];
    let rows: Vec<(String, Vec<String>)> = slices
        .iter()
        .map(|s| (s.label.to_string(), vec![s.count.to_string()]))
        .collect();
    out.push_str(&data_table(title, &head, &rows, None));
    out.push_str("</figure>");
    out
}

/// Horizontal rollup bars, one row per team: label left (truncated, full text in the
/// row's `<title>` and the data table), value right, an optional expected-pace line.
pub fn bars(
    id: &str,
    title: &str,
    bars: &[Bar],
    expected: Option<f64>,
    labels: &ChartLabels,
) -> String {
    let sid = sanitize_id(id);
    let expected = expected
        .filter(|e| e.is_finite())
        .map(|e| e.clamp(0.0, 1.0));
    let expected_text = expected.map(|e| format!("{}%", (e * 100.0).round() as i64));

    let mut parts: Vec<String> = bars
        .iter()
        .map(|b| labels.field(b.label, b.display))
        .collect();
    if let Some(e) = &expected_text {
        parts.push(labels.field(&labels.expected, e));
    }
    let desc = if parts.is_empty() {
        title.to_string()
    } else {
        labels.join(&parts)
    };

    let row_h = FONT_MAX + 12.0;
    let bar_h = 14.0;
    let top = if expected.is_some() {
        FONT_MAX + 12.0
    } else {
        4.0
    };
    let h = top + row_h * bars.len().max(1) as f64 + 4.0;
    let label_w = (W * 0.32).round();
    let value_w = bars
        .iter()
        .map(|b| text_width(b.display))
        .fold(0.0, f64::max)
        .clamp(32.0, 120.0);
    let x0 = label_w + 8.0;
    let x1 = W - value_w - 12.0;
    let bw = x1 - x0;

    let mut out = String::new();
    open_figure(&mut out, "bars", &sid, h, title, &desc);
    for (i, b) in bars.iter().enumerate() {
        let value = if b.value.is_finite() {
            b.value.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let cy = top + row_h * (i as f64 + 0.5);
        let by = cy - bar_h / 2.0;
        let status = b
            .status
            .map(|s| format!(" status-{}", class_key(s)))
            .unwrap_or_default();
        let _ = write!(
            out,
            r#"<g class="chart-row"><title>{}</title><text class="chart-label" x="0" y="{}" dy="0.35em">{}</text><rect class="chart-bar-track" x="{}" y="{}" width="{}" height="{}" rx="3" fill="none"/>"#,
            escape(&labels.field(b.label, b.display)),
            num(cy),
            escape(&truncate_to_width(b.label, label_w)),
            num(x0),
            num(by),
            num(bw),
            num(bar_h),
        );
        if value > 0.0 {
            let _ = write!(
                out,
                r#"<rect class="chart-bar{}" x="{}" y="{}" width="{}" height="{}" rx="3"/>"#,
                status,
                num(x0),
                num(by),
                num(bw * value),
                num(bar_h),
            );
        }
        let _ = write!(
            out,
            r#"<text class="chart-label chart-value" x="{}" y="{}" dy="0.35em" text-anchor="end">{}</text></g>"#,
            num(W),
            num(cy),
            escape(b.display)
        );
    }
    if let (Some(e), Some(text)) = (expected, &expected_text) {
        let x = x0 + bw * e;
        let _ = write!(
            out,
            r#"<line class="chart-expected" x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="currentColor" stroke-width="1.5" stroke-dasharray="3 3"/>"#,
            num(top - 4.0),
            num(h - 2.0),
            x = num(x)
        );
        let label = format!("{} {}", labels.expected, text);
        let _ = write!(
            out,
            r#"<text class="chart-label" x="{}" y="{}"{}>{}</text>"#,
            num(x),
            num(top - 8.0),
            anchor_near(x, text_width(&label), 0.0, W),
            escape(&label)
        );
    }
    out.push_str("</svg>");

    let head = [labels.team.as_str(), labels.progress.as_str()];
    let rows: Vec<(String, Vec<String>)> = bars
        .iter()
        .map(|b| (b.label.to_string(), vec![b.display.to_string()]))
        .collect();
    let foot = expected_text.map(|e| (labels.expected.clone(), e));
    out.push_str(&data_table(title, &head, &rows, foot.as_ref()));
    out.push_str("</figure>");
    out
}

/// A tiny progress sparkline (80×20) for lists. `points` are (x, y), both 0..1, x
/// being the position in the period. Fewer than 2 points draw only the baseline (and
/// the one point, if any). The id is unused: the same sparkline may appear in several
/// lists of a page, so it carries no element id (its name is its `aria-label`).
pub fn sparkline(_id: &str, title: &str, points: &[(f64, f64)]) -> String {
    let pts: Vec<(f64, f64)> = points
        .iter()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .map(|&(x, y)| {
            (
                2.0 + 76.0 * x.clamp(0.0, 1.0),
                18.0 - 16.0 * y.clamp(0.0, 1.0),
            )
        })
        .collect();
    let t = escape(title);
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" viewBox="0 0 80 20" width="80" height="20" fill="currentColor" role="img" aria-label="{t}"><title>{t}</title><line class="chart-grid" x1="2" y1="18" x2="78" y2="18" stroke="currentColor" stroke-width="1"/>"#
    );
    if pts.len() >= 2 {
        let _ = write!(
            out,
            r#"<polyline class="chart-actual" points="{}" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>"#,
            polyline(&pts)
        );
    }
    if let Some(&(x, y)) = pts.last() {
        let _ = write!(
            out,
            r#"<circle class="chart-point" cx="{}" cy="{}" r="2"/>"#,
            num(x),
            num(y)
        );
    }
    out.push_str("</svg>");
    out
}

// ---------------------------------------------------------------------------------
// Line charts (burn-up, progress over time)
// ---------------------------------------------------------------------------------

/// Maps dates of a period to 0..1.
#[derive(Clone, Copy)]
struct TimeAxis {
    start: NaiveDate,
    days: i64,
}

impl TimeAxis {
    fn new(start: NaiveDate, end: NaiveDate) -> Self {
        TimeAxis {
            start,
            days: (end - start).num_days(),
        }
    }

    /// Position of a date in the period, clamped to 0..1. A one-day (or inverted)
    /// period is 1 from its day on, as the expected pace is.
    fn frac(&self, d: NaiveDate) -> f64 {
        let off = (d - self.start).num_days();
        if self.days <= 0 {
            f64::from(u8::from(off >= 0))
        } else {
            (off as f64 / self.days as f64).clamp(0.0, 1.0)
        }
    }
}

struct LineChart<'a> {
    kind: &'a str,
    id: &'a str,
    title: &'a str,
    desc: &'a str,
    axis: TimeAxis,
    as_of: NaiveDate,
    /// The y domain, already padded.
    lo: f64,
    hi: f64,
    ticks: Vec<(f64, String)>,
    /// The expected-pace line from (start, a) to (end, b), with its legend label.
    pace_line: Option<(f64, f64, &'a str)>,
    /// Target value and its line label.
    target: Option<(f64, String)>,
    /// Threshold and whether the kept zone is above it.
    zones: Option<(f64, bool)>,
    /// Date, value, tooltip.
    points: Vec<(NaiveDate, f64, String)>,
    /// Step-after line, carried on to the as-of date (milestones).
    step: bool,
    /// Legend label of the check-ins line.
    series: &'a str,
    date_labels: (String, String),
    as_of_label: String,
    labels: &'a ChartLabels,
    table: String,
}

impl LineChart<'_> {
    fn render(&self) -> String {
        let sid = sanitize_id(self.id);
        let left = (self
            .ticks
            .iter()
            .map(|(_, s)| text_width(s))
            .fold(0.0, f64::max)
            + 12.0)
            .clamp(28.0, 160.0);
        let right = W - 12.0;
        let top = FONT_MAX + 10.0;
        let bottom = LINE_H - (2.0 * FONT_MAX + 16.0);
        let span = if self.hi - self.lo > 1e-12 {
            self.hi - self.lo
        } else {
            1.0
        };
        let xf = |f: f64| left + (right - left) * f;
        let xd = |d: NaiveDate| xf(self.axis.frac(d));
        let y = |v: f64| bottom - (bottom - top) * ((v - self.lo) / span).clamp(0.0, 1.0);

        let mut out = String::new();
        open_figure(&mut out, self.kind, &sid, LINE_H, self.title, self.desc);

        // Zones.
        if let Some((t, kept_above)) = self.zones {
            let yt = y(t);
            let (above, below) = if kept_above {
                ("chart-zone-kept", "chart-zone-broken")
            } else {
                ("chart-zone-broken", "chart-zone-kept")
            };
            for (class, y0, y1) in [(above, top, yt), (below, yt, bottom)] {
                if y1 - y0 > 0.05 {
                    let _ = write!(
                        out,
                        r#"<rect class="{class}" x="{}" y="{}" width="{}" height="{}" fill="none"/>"#,
                        num(left),
                        num(y0),
                        num(right - left),
                        num(y1 - y0)
                    );
                }
            }
        }

        // Grid and y tick labels.
        for (v, label) in &self.ticks {
            let yv = y(*v);
            let _ = write!(
                out,
                r#"<line class="chart-grid" x1="{}" y1="{yv}" x2="{}" y2="{yv}" stroke="currentColor" stroke-width="0.5"/><text class="chart-label" x="{}" y="{yv}" dy="0.35em" text-anchor="end">{}</text>"#,
                num(left),
                num(right),
                num(left - 6.0),
                escape(label),
                yv = num(yv)
            );
        }

        // Axes and date labels.
        let _ = write!(
            out,
            r#"<line class="chart-axis" x1="{l}" y1="{b}" x2="{r}" y2="{b}" stroke="currentColor"/><line class="chart-axis" x1="{l}" y1="{t}" x2="{l}" y2="{b}" stroke="currentColor"/>"#,
            l = num(left),
            r = num(right),
            t = num(top),
            b = num(bottom)
        );
        let date_y = num(bottom + FONT_MAX + 1.0);
        let _ = write!(
            out,
            r#"<text class="chart-label" x="{}" y="{date_y}">{}</text>"#,
            num(left),
            escape(&self.date_labels.0)
        );
        if self.axis.days > 0 && self.date_labels.1 != self.date_labels.0 {
            let _ = write!(
                out,
                r#"<text class="chart-label" x="{}" y="{date_y}" text-anchor="end">{}</text>"#,
                num(right),
                escape(&self.date_labels.1)
            );
        }

        // Expected-pace line.
        if let Some((a, b, _)) = self.pace_line {
            let _ = write!(
                out,
                r#"<line class="chart-ideal" x1="{}" y1="{}" x2="{}" y2="{}" stroke="currentColor" stroke-width="1.5" stroke-dasharray="6 4"/>"#,
                num(left),
                num(y(a)),
                num(right),
                num(y(b))
            );
        }

        // Target line and its label: above the line (below it near the top); at the
        // left end when the expected-pace line ends at the right one, else at the right end
        // (clear of the zone labels, which sit at the left).
        if let Some((t, label)) = &self.target {
            let yt = y(*t);
            let ly = if yt - top < FONT_MAX + 4.0 {
                yt + FONT_MAX + 2.0
            } else {
                yt - 4.0
            };
            let (lx, anchor) = if self.pace_line.is_some() {
                (left + 6.0, "")
            } else {
                (right - 2.0, r#" text-anchor="end""#)
            };
            let _ = write!(
                out,
                r#"<line class="chart-target" x1="{}" y1="{yt}" x2="{}" y2="{yt}" stroke="currentColor" stroke-width="1" stroke-dasharray="2 3"/><text class="chart-label" x="{}" y="{}"{anchor}>{}</text>"#,
                num(left),
                num(right),
                num(lx),
                num(ly),
                escape(label),
                yt = num(yt)
            );
        }

        // As-of marker, labelled in the top margin.
        let xa = xd(self.as_of);
        let _ = write!(
            out,
            r#"<line class="chart-asof" x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="currentColor" stroke-width="1" stroke-dasharray="3 3"/><text class="chart-label" x="{}" y="{}"{}>{}</text>"#,
            num(top - 4.0),
            num(bottom),
            num(xa),
            num(top - 8.0),
            anchor_near(xa, text_width(&self.as_of_label), 0.0, W),
            escape(&self.as_of_label),
            x = num(xa)
        );

        // Check-ins.
        let coords: Vec<(f64, f64)> = self.points.iter().map(|p| (xd(p.0), y(p.1))).collect();
        let mut line: Vec<(f64, f64)> = Vec::new();
        for (i, &(px, py)) in coords.iter().enumerate() {
            if self.step && i > 0 {
                push_vertex(&mut line, (px, coords[i - 1].1));
            }
            push_vertex(&mut line, (px, py));
        }
        let last = coords.last().filter(|&&(lx, _)| self.step && xa > lx);
        if let Some(&(_, ly)) = last {
            line.push((xa, ly));
        }
        if line.len() >= 2 {
            let _ = write!(
                out,
                r#"<polyline class="chart-actual" points="{}" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>"#,
                polyline(&line)
            );
        }
        for ((_, _, tip), (px, py)) in self.points.iter().zip(&coords) {
            let _ = write!(
                out,
                r#"<circle class="chart-point" cx="{}" cy="{}" r="3.5"><title>{}</title></circle>"#,
                num(*px),
                num(*py),
                escape(tip)
            );
        }

        // Zone labels, inside their zones when there is room.
        if let Some((t, kept_above)) = self.zones {
            let yt = y(t);
            let (above, below) = if kept_above {
                (&self.labels.kept, &self.labels.broken)
            } else {
                (&self.labels.broken, &self.labels.kept)
            };
            if yt - top >= FONT_MAX + 6.0 {
                let _ = write!(
                    out,
                    r#"<text class="chart-label chart-zone-label" x="{}" y="{}">{}</text>"#,
                    num(left + 6.0),
                    num(top + FONT_MAX + 2.0),
                    escape(above)
                );
            }
            if bottom - yt >= FONT_MAX + 6.0 {
                let _ = write!(
                    out,
                    r#"<text class="chart-label chart-zone-label" x="{}" y="{}">{}</text>"#,
                    num(left + 6.0),
                    num(bottom - 6.0),
                    escape(below)
                );
            }
        }

        // Legend.
        let mut items = Vec::new();
        if let Some((_, _, label)) = self.pace_line {
            items.push((Swatch::Line("chart-ideal", Some("6 4")), label.to_string()));
        }
        if !self.points.is_empty() {
            items.push((Swatch::Line("chart-actual", None), self.series.to_string()));
        }
        if self.target.is_some() {
            items.push((
                Swatch::Line("chart-target", Some("2 3")),
                self.labels.target.clone(),
            ));
        }
        draw_legend(&mut out, &items, left, W, LINE_H - 8.0);

        out.push_str("</svg>");
        out.push_str(&self.table);
        out.push_str("</figure>");
        out
    }
}

/// Adds a vertex unless it repeats the last one (as rounded for output).
fn push_vertex(line: &mut Vec<(f64, f64)>, p: (f64, f64)) {
    let same = |a: f64, b: f64| num(a) == num(b);
    if line
        .last()
        .is_none_or(|&(x, y)| !same(x, p.0) || !same(y, p.1))
    {
        line.push(p);
    }
}

/// Finite points sorted by date (stable); milestone values clamped to 0..1.
fn clean_points(points: &[(NaiveDate, f64)], milestone: bool) -> Vec<(NaiveDate, f64)> {
    let mut pts: Vec<(NaiveDate, f64)> = points
        .iter()
        .filter(|p| p.1.is_finite())
        .map(|&(d, v)| (d, if milestone { v.clamp(0.0, 1.0) } else { v }))
        .collect();
    pts.sort_by_key(|p| p.0);
    pts
}

/// The data range with ~10% headroom, not crossing zero when the data does not.
fn padded(lo: f64, hi: f64) -> (f64, f64) {
    let range = hi - lo;
    let pad = if range > 1e-12 {
        range * 0.1
    } else if hi.abs() > 1e-12 {
        hi.abs() * 0.1
    } else {
        1.0
    };
    let mut a = lo - pad;
    let mut b = hi + pad;
    if lo >= 0.0 && a < 0.0 {
        a = 0.0;
    }
    if hi <= 0.0 && lo < 0.0 && b > 0.0 {
        b = 0.0;
    }
    if a.is_finite() && b.is_finite() {
        (a, b)
    } else if lo < hi {
        (lo, hi)
    } else {
        (0.0, 1.0)
    }
}

/// Three to six "nice" tick values (multiples of 1, 2 or 5 × 10ⁿ) within lo..hi.
fn nice_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let range = hi - lo;
    if !(range.is_finite() && range > 0.0) {
        return vec![lo];
    }
    let raw = range / 6.0;
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let step = mag
        * if f <= 1.0 {
            1.0
        } else if f <= 2.0 {
            2.0
        } else if f <= 5.0 {
            5.0
        } else {
            10.0
        };
    let first = (lo / step - 1e-9).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    // Round away float noise (3 × 0.2 = 0.6000000000000001) so labels stay clean.
    let scale = 10f64.powi((-mag.log10().round() as i32).clamp(0, 12));
    (first..=last.min(first + 20))
        .map(|k| {
            // `+ 0.0` turns -0 into 0.
            (k as f64 * step * scale).round() / scale + 0.0
        })
        .collect()
}

// ---------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------

enum Swatch {
    /// A short line with this class and dash pattern.
    Line(&'static str, Option<&'static str>),
    /// A small square with these classes.
    Rect(String),
}

/// Lays legend items out in rows from `x0`, wrapping before `max_x`: (row, x) per item.
fn legend_layout(items: &[(Swatch, String)], x0: f64, max_x: f64) -> Vec<Vec<(usize, f64)>> {
    let mut rows: Vec<Vec<(usize, f64)>> = Vec::new();
    let mut x = x0;
    for (i, (_, label)) in items.iter().enumerate() {
        let w = 18.0 + text_width(label);
        if rows.is_empty() || (x + w > max_x && x > x0) {
            rows.push(Vec::new());
            x = x0;
        }
        if let Some(row) = rows.last_mut() {
            row.push((i, x));
        }
        x += w + 14.0;
    }
    rows
}

/// Draws a legend whose first row's text baseline is at `y`; rows are `LEGEND_ROW` apart.
fn draw_legend(out: &mut String, items: &[(Swatch, String)], x0: f64, max_x: f64, y: f64) {
    if items.is_empty() {
        return;
    }
    out.push_str(r#"<g class="chart-legend">"#);
    for (r, row) in legend_layout(items, x0, max_x).iter().enumerate() {
        let yy = y + LEGEND_ROW * r as f64;
        for &(i, x) in row {
            let (swatch, label) = &items[i];
            match swatch {
                Swatch::Line(class, dash) => {
                    let dash = dash
                        .map(|d| format!(r#" stroke-dasharray="{d}""#))
                        .unwrap_or_default();
                    let _ = write!(
                        out,
                        r#"<line class="chart-swatch {class}" x1="{}" y1="{ly}" x2="{}" y2="{ly}" stroke="currentColor" stroke-width="2"{dash}/>"#,
                        num(x),
                        num(x + 14.0),
                        ly = num(yy - 4.0)
                    );
                }
                Swatch::Rect(class) => {
                    let _ = write!(
                        out,
                        r#"<rect class="chart-swatch {class}" x="{}" y="{}" width="10" height="10" rx="2"/>"#,
                        num(x + 2.0),
                        num(yy - 9.0)
                    );
                }
            }
            let _ = write!(
                out,
                r#"<text class="chart-label" x="{}" y="{}">{}</text>"#,
                num(x + 18.0),
                num(yy),
                escape(label)
            );
        }
    }
    out.push_str("</g>");
}

/// Opens `<figure>` and `<svg>` with the title and description.
fn open_figure(out: &mut String, kind: &str, sid: &str, h: f64, title: &str, desc: &str) {
    let _ = write!(
        out,
        r#"<figure class="chart chart-{kind}"><svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 {} {}" width="100%" preserveAspectRatio="xMidYMid meet" font-size="{}" fill="currentColor" role="img" aria-labelledby="{sid}-title {sid}-desc"><title id="{sid}-title">{}</title><desc id="{sid}-desc">{}</desc>"#,
        num(W),
        num(h),
        num(FONT),
        escape(title),
        escape(desc)
    );
}

/// The data table: caption, column headers, one row per entry (its first cell a row
/// header), an optional footer row.
fn data_table(
    caption: &str,
    head: &[&str],
    rows: &[(String, Vec<String>)],
    foot: Option<&(String, String)>,
) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<table class="chart-data"><caption>{}</caption><thead><tr>"#,
        escape(caption)
    );
    for h in head {
        if h.is_empty() {
            out.push_str("<td></td>");
        } else {
            let _ = write!(out, r#"<th scope="col">{}</th>"#, escape(h));
        }
    }
    out.push_str("</tr></thead>");
    if !rows.is_empty() {
        out.push_str("<tbody>");
        for (first, cells) in rows {
            let _ = write!(out, r#"<tr><th scope="row">{}</th>"#, escape(first));
            for c in cells {
                let _ = write!(out, "<td>{}</td>", escape(c));
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody>");
    }
    if let Some((label, value)) = foot {
        let span = head.len().saturating_sub(1).max(1);
        let colspan = if span > 1 {
            format!(r#" colspan="{span}""#)
        } else {
            String::new()
        };
        let _ = write!(
            out,
            r#"<tfoot><tr><th scope="row">{}</th><td{colspan}>{}</td></tr></tfoot>"#,
            escape(label),
            escape(value)
        );
    }
    out.push_str("</table>");
    out
}

/// `text-anchor` for a label placed at `x`: start, or end when it would overflow `max`.
fn anchor_near(x: f64, width: f64, min: f64, max: f64) -> &'static str {
    if x + 4.0 + width <= max || x - width < min {
        ""
    } else {
        r#" text-anchor="end""#
    }
}

fn polyline(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|&(x, y)| format!("{},{}", num(x), num(y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Escapes text for XML/HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 forbids.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The value a fraction `f` of the way from `a` to `b`, also when `b − a` is too large for
/// a number (from −1e308 to 1e308).
fn between(a: f64, b: f64, f: f64) -> f64 {
    let way = b - a;
    if way.is_finite() {
        a + way * f
    } else {
        a * (1.0 - f) + b * f
    }
}

/// A coordinate with at most one decimal, never `-0`, `NaN` or `inf`.
fn num(v: f64) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 {
        return "0".into();
    }
    let s = format!("{r:.1}");
    match s.strip_suffix(".0") {
        Some(t) => t.to_string(),
        None => s,
    }
}

/// An element id from any text: `[A-Za-z0-9-]` kept, `_` doubled, anything else
/// written `_HEX_` (so different ids stay different).
fn sanitize_id(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' => out.push(c),
            '_' => out.push_str("__"),
            c => {
                let _ = write!(out, "_{:x}_", c as u32);
            }
        }
    }
    if out.is_empty() {
        out.push_str("chart");
    }
    out
}

/// A class name suffix: `[A-Za-z0-9_-]` kept, anything else `-`.
fn class_key(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Whether a character is drawn about one em wide (CJK, full-width, emoji).
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1FAFF
        | 0x20000..=0x3FFFD)
}

/// Estimated width of a character at `FONT_MAX`, erring wide.
fn char_width(c: char) -> f64 {
    let em = if is_wide(c) {
        1.0
    } else if c == ' ' {
        0.3
    } else if c == '%' {
        0.9
    } else if c.is_ascii_uppercase() || matches!(c, 'm' | 'w' | '@') {
        0.72
    } else if c.is_ascii() {
        0.56
    } else {
        0.62
    };
    em * FONT_MAX
}

/// Estimated width of a text at `FONT_MAX`.
fn text_width(s: &str) -> f64 {
    s.chars().map(char_width).sum()
}

/// The text cut to fit `max` (with "…"), or whole when it fits.
fn truncate_to_width(s: &str, max: f64) -> String {
    if text_width(s) <= max {
        return s.to_string();
    }
    let budget = max - char_width('…');
    let mut out = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        let cw = char_width(c);
        if w + cw > budget {
            break;
        }
        w += cw;
        out.push(c);
    }
    let mut out = out.trim_end().to_string();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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

        let spark = sparkline("x", title, &[]);
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
        assert_eq!(count(&s, r#"<circle class="chart-point""#), 2);
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
            .filter(|n| n.attribute("class") == Some("chart-point"))
            .map(|n| n.attribute("cx").unwrap())
            .collect();
        let axis_x: Vec<&str> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("chart-axis"))
            .flat_map(|n| [n.attribute("x1").unwrap(), n.attribute("x2").unwrap()])
            .collect();
        assert_eq!(xs, vec![axis_x[0], axis_x[1]]);
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
        assert_eq!(count(&s, r#"<g class="chart-row">"#), 4);
        assert_eq!(count(&s, r#"class="chart-bar-track""#), 4);
        assert_eq!(count(&s, r#"<rect class="chart-bar "#), 3);
        assert_eq!(count(&s, r#"class="chart-expected""#), 1);
        // Long labels are truncated in the drawing, whole in the row title and table.
        assert!(s.contains("Customer Success and…<") || s.contains("…</text>"));
        assert!(s.contains(&format!("<title>{long}: 50%</title>")));
        assert!(s.contains(&format!(r#"<th scope="row">{long}</th>"#)));
        assert!(s.contains("华东区域大客户销售"));
        let doc = roxmltree::Document::parse(&s).unwrap();
        for t in doc
            .descendants()
            .filter(|n| n.has_tag_name("text") && n.attribute("x") == Some("0"))
        {
            assert!(text_width(t.text().unwrap()) <= W * 0.32 + 0.01);
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
            let s = sparkline("kr-1", "Renewal & co", pts);
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
        let s = sparkline("k", "t", &[(0.0, 0.0), (1.0, 1.0)]);
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
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.34), "12.3");
        assert_eq!(num(f64::NAN), "0");
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
        assert!(truncate_to_width("华东区域大客户销售", 50.0).ends_with('…'));
        assert!(text_width(&truncate_to_width("华东区域大客户销售", 50.0)) <= 50.0);
    }
}
