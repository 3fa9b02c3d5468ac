//! Charts: inline SVG drawn at build time, no JavaScript.
//!
//! Every chart but the sparkline is a `<figure class="chart chart-KIND">` holding an
//! `<svg role="img">` (with a `<title>` and a one-sentence `<desc>` as its text
//! alternative) followed by a `<table class="chart-data">` with the data, for screen
//! readers and print. The SVG has a `viewBox`, `width="100%"` and no height, so it
//! scales to its container and never causes horizontal scrolling. Text from callers is
//! XML-escaped; numbers are written with at most one decimal, so output is deterministic.
//!
//! # Colours and styles
//!
//! No colour is hard-coded: the root `<svg>` has `fill="currentColor"` (so text and
//! points follow the page's text colour) and every line is in a
//! `<g fill="none" stroke="currentColor">` (legend samples and the bars' marker carry
//! `stroke="currentColor"` themselves), so a chart is legible without a stylesheet.
//! Everything else — colours, stroke widths, dash patterns, line joins — is the theme's
//! CSS, through these classes; the default theme's `style.css` (section "Chart SVG") sets
//! them all, and a theme that replaces `style.css` should copy that section. Properties
//! SVG inherits (fill, stroke, stroke-width, font) may be set on a group's class, which
//! is how `chart-label` and `chart-point` reach their elements:
//!
//! | class | on |
//! |---|---|
//! | `chart` | every chart's `<figure>` |
//! | `chart-burnup`, `chart-progress`, `chart-status`, `chart-bars` | the `<figure>`, by kind |
//! | `chart-svg` | every chart's `<svg>` (not the sparkline) |
//! | `chart-data` | the data `<table>` (hide it visually on screen, show it in print) |
//! | `chart-axis` | one `<path>`: the y axis, then the x axis |
//! | `chart-grid` | one `<path>` of the horizontal grid lines; the sparkline's baseline |
//! | `chart-label` | a line chart's `<g>` of tick, date, target and as-of texts; a legend's `<g>`; a bar row's `<g>`; every other `<text>` (zone labels, the bars' marker label, the empty breakdown's text) |
//! | `chart-value` | the value text right of a bar (in its row's `chart-label` group) |
//! | `chart-ideal` | the expected-pace `<line>`: the burn-up's from start to target, the progress chart's diagonal (dashed in the default theme, as are target, as-of and expected) |
//! | `chart-actual` | the check-ins `<polyline>` (also the sparkline's line) |
//! | `chart-point` | the `<g>` of a line chart's check-in `<circle>`s (each with a `<title>`); the sparkline's last point `<circle>` |
//! | `chart-target` | the horizontal target / threshold `<line>` |
//! | `chart-asof` | the vertical as-of `<line>` |
//! | `chart-zone-kept`, `chart-zone-broken` | stay_above/stay_below zone `<rect>`s (no fill unless styled) |
//! | `chart-zone-label` | with `chart-label`: the "Kept"/"Broken" zone texts |
//! | `chart-expected` | the bars chart's expected-pace `<path>`: a vertical mark across each bar |
//! | `chart-row` | with `chart-label`: a `<g>` per bar row: its label on one or two lines above the bar, the bar, its value (it has a `<title>` with the full label) |
//! | `chart-bar` | a bar `<rect>` (rollup bar, status segment); with `status-*` when known |
//! | `chart-bar-track` | the full-width `<rect>` behind a bar (no fill unless styled) |
//! | `chart-legend` | the `<g>` holding a legend (with `chart-label`) |
//! | `chart-swatch` | a legend sample: `<rect>` with `chart-bar status-*`, or `<line>` with the line's class |
//! | `chart-empty` | with `chart-label`: the text of an empty status breakdown |
//! | `sparkline` | the sparkline `<svg>` |
//! | `status-on_track`, `status-behind`, `status-done`, `status-missed`, `status-no_data`, `status-upcoming` | status bars, segments and swatches (`status-KEY` for any key given, sanitised to `[A-Za-z0-9_-]`) |
//!
//! Geometry set as attributes: `r` of points, `rx` of bars. The SVG is written for an
//! HTML page (no `xmlns`); coordinates have at most one decimal.

mod bars;
mod burn_up;
mod figure;
mod line;
mod progress;
mod scale;
mod sparkline;
mod svg;
#[cfg(test)]
mod tests;
mod text;

pub use bars::{bars, status_breakdown};
pub use burn_up::burn_up;
pub use progress::progress_over_time;
pub use sparkline::sparkline;

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
