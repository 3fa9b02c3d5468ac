//! Bar charts: the status breakdown (one stacked bar) and rollup bars (a row per team).

use std::fmt::Write;

use super::figure::{Swatch, data_table, draw_legend, legend_layout, open_figure};
use super::svg::{anchor_near, class_key, num, sanitize_id};
use super::text::{text_width, wrap_in_two};
use super::{Bar, ChartLabels, FONT_MAX, LEGEND_ROW, StatusSlice, W};
use crate::render::escape::Esc;

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
            Esc(&labels.field(&labels.count, "0"))
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
                Esc(&labels.field(s.label, &s.count.to_string())),
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

/// Horizontal rollup bars, one row per team: the label above its bar across the whole
/// width (on two lines when it needs them, cut after the second, full text in the row's
/// `<title>` and the data table), the value right of the bar, an optional expected-pace
/// mark across each bar.
pub fn bars(
    id: &str,
    title: &str,
    bars: &[Bar],
    expected: Option<f64>,
    labels: &ChartLabels,
) -> String {
    let expected = expected
        .filter(|e| e.is_finite())
        .map(|e| e.clamp(0.0, 1.0));
    let expected_text = expected.map(crate::render::format::percent);
    let desc = bars_desc(title, bars, expected_text.as_deref(), labels);
    let rows: Vec<Vec<String>> = bars.iter().map(|b| wrap_in_two(b.label, W)).collect();
    let layout = BarsLayout::new(bars, &rows, expected.is_some());

    let mut out = String::new();
    open_figure(&mut out, "bars", &sanitize_id(id), layout.h, title, &desc);
    for ((b, lines), &by) in bars.iter().zip(&rows).zip(&layout.bar_tops) {
        layout.draw_row(&mut out, b, lines, by, labels);
    }
    if let (Some(e), Some(text)) = (expected, &expected_text) {
        layout.draw_expected(&mut out, e, &format!("{} {}", labels.expected, text));
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

/// A bars chart's text alternative: each bar's label and value, and the expected pace;
/// the title alone when there are no bars and no pace.
fn bars_desc(title: &str, bars: &[Bar], expected: Option<&str>, labels: &ChartLabels) -> String {
    let mut parts: Vec<String> = bars
        .iter()
        .map(|b| labels.field(b.label, b.display))
        .collect();
    if let Some(e) = expected {
        parts.push(labels.field(&labels.expected, e));
    }
    if parts.is_empty() {
        title.to_string()
    } else {
        labels.join(&parts)
    }
}

/// Where a bars chart draws: its rows' heights, each bar's top, the bars' width.
struct BarsLayout {
    line_h: f64,
    bar_h: f64,
    /// The top of the first row: below the expected-pace label when there is one.
    top: f64,
    /// The top of each bar: below its label's lines, then the bar and a gap.
    bar_tops: Vec<f64>,
    /// The chart's height.
    h: f64,
    /// The bars' full width, left of the values.
    bw: f64,
}

impl BarsLayout {
    fn new(bars: &[Bar], rows: &[Vec<String>], expected: bool) -> Self {
        let line_h = FONT_MAX + 3.0;
        let bar_h = 14.0;
        let top = if expected { FONT_MAX + 12.0 } else { 4.0 };
        let mut bar_tops = Vec::with_capacity(rows.len());
        let mut y = top;
        for lines in rows {
            y += line_h * lines.len() as f64 + 2.0;
            bar_tops.push(y);
            y += bar_h + 16.0;
        }
        let value_w = bars
            .iter()
            .map(|b| text_width(b.display))
            .fold(0.0, f64::max)
            .clamp(32.0, 120.0);
        BarsLayout {
            line_h,
            bar_h,
            top,
            bar_tops,
            h: y.max(top + line_h + bar_h) + 2.0,
            bw: W - value_w - 12.0,
        }
    }

    /// One bar's row, with its top at `by`: its label's lines, track, bar and value.
    fn draw_row(&self, out: &mut String, b: &Bar, lines: &[String], by: f64, labels: &ChartLabels) {
        let (line_h, bar_h, bw) = (self.line_h, self.bar_h, self.bw);
        let value = if b.value.is_finite() {
            b.value.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let status = b
            .status
            .map(|s| format!(" status-{}", class_key(s)))
            .unwrap_or_default();
        let _ = write!(
            out,
            r#"<g class="chart-row chart-label"><title>{}</title>"#,
            Esc(&labels.field(b.label, b.display)),
        );
        for (i, line) in lines.iter().enumerate() {
            let baseline = by - 6.0 - line_h * (lines.len() - 1 - i) as f64;
            let _ = write!(
                out,
                r#"<text x="0" y="{}">{}</text>"#,
                num(baseline),
                Esc(line)
            );
        }
        let _ = write!(
            out,
            r#"<rect class="chart-bar-track" x="0" y="{}" width="{}" height="{}" rx="3" fill="none"/>"#,
            num(by),
            num(bw),
            num(bar_h),
        );
        if value > 0.0 {
            let _ = write!(
                out,
                r#"<rect class="chart-bar{}" x="0" y="{}" width="{}" height="{}" rx="3"/>"#,
                status,
                num(by),
                num(bw * value),
                num(bar_h),
            );
        }
        let _ = write!(
            out,
            r#"<text class="chart-value" x="{}" y="{}" dy="0.35em" text-anchor="end">{}</text></g>"#,
            num(W),
            num(by + bar_h / 2.0),
            Esc(b.display)
        );
    }

    /// The expected pace `e`: one dashed mark across each bar, so that it crosses no
    /// label, and its `label` above the rows.
    fn draw_expected(&self, out: &mut String, e: f64, label: &str) {
        let x = num(self.bw * e);
        let mut d = String::new();
        for &by in &self.bar_tops {
            let _ = write!(d, "M{x} {}V{}", num(by - 3.0), num(by + self.bar_h + 3.0));
        }
        let _ = write!(
            out,
            r#"<path class="chart-expected" d="{d}" fill="none" stroke="currentColor"/>"#
        );
        let _ = write!(
            out,
            r#"<text class="chart-label" x="{x}" y="{}"{}>{}</text>"#,
            num(self.top - 8.0),
            anchor_near(self.bw * e, text_width(label), 0.0, W),
            Esc(label)
        );
    }
}
