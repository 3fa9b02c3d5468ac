//! An objective's progress over time.

use chrono::NaiveDate;

use super::ProgressOverTime;
use super::figure::data_table;
use super::line::{LineChart, axis_labels, clean_points, tipped_points};
use super::scale::TimeAxis;

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

    // Each text once: the check-ins' dates and progress, the as-of date.
    let texts: Vec<(String, String)> = points
        .iter()
        .map(|&(d, v)| (fmt_date(d), fmt_pct(v)))
        .collect();
    let as_of_text = fmt_date(chart.as_of);

    let mut parts = Vec::new();
    if let Some((date, value)) = texts.last() {
        parts.push(l.field(&l.progress, value) + &l.parens(date));
    }
    parts.push(l.field(&l.expected, &fmt_pct(axis.frac(chart.as_of))));
    parts.push(l.field(&l.as_of, &as_of_text));
    let desc = l.join(&parts);

    let head = [l.date.as_str(), l.progress.as_str(), l.expected.as_str()];
    let rows: Vec<(String, Vec<String>)> = points
        .iter()
        .zip(&texts)
        .map(|(&(d, _), (date, value))| (date.clone(), vec![value.clone(), fmt_pct(axis.frac(d))]))
        .collect();
    let table = data_table(chart.title, &head, &rows, None);

    let (date_labels, as_of_label) = axis_labels(
        l,
        fmt_date,
        (chart.period_start, chart.period_end),
        &as_of_text,
    );
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
        points: tipped_points(l, &points, &texts),
        step: false,
        series: &l.progress,
        date_labels,
        as_of_label,
        labels: l,
        table,
    };
    spec.render()
}
