//! A key result's burn-up chart.

use std::fmt::Write;

use crate::model::Metric;

use super::BurnUp;
use super::figure::data_table;
use super::line::{LineChart, clean_points};
use super::scale::{TimeAxis, between, nice_ticks, padded};

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

    // Each text once: the check-ins' dates and values, the target, the as-of date.
    let texts: Vec<(String, String)> = points
        .iter()
        .map(|&(d, v)| (fmt_date(d), fmt_val(v)))
        .collect();
    let target_text = target.map(fmt_val);
    let as_of_text = fmt_date(chart.as_of);

    // The text alternative.
    let mut parts = Vec::new();
    if let (Some(&(_, v)), Some((date, value))) = (points.last(), texts.last()) {
        let mut s = l.field(&l.value, value) + &l.parens(date);
        if let (true, Some(t)) = (stay, target) {
            let word = if kept(v, t) { &l.kept } else { &l.broken };
            let _ = write!(s, "{}{word}", l.comma);
        }
        parts.push(s);
    }
    if let Some(t) = &target_text {
        parts.push(l.field(&l.target, t));
    }
    parts.push(l.field(&l.as_of, &as_of_text));
    let desc = l.join(&parts);

    // The data table.
    let axis = TimeAxis::new(chart.period_start, chart.period_end);
    let mut head = vec![l.date.as_str(), l.value.as_str()];
    if pace_line.is_some() {
        head.push(l.expected.as_str());
    }
    let rows: Vec<(String, Vec<String>)> = points
        .iter()
        .zip(&texts)
        .map(|(&(d, v), (date, value))| {
            let mut value = value.clone();
            if let (true, Some(t)) = (stay, target) {
                let word = if kept(v, t) { &l.kept } else { &l.broken };
                value.push_str(&l.parens(word));
            }
            let mut cells = vec![value];
            if let Some((a, b)) = pace_line {
                cells.push(fmt_val(between(a, b, axis.frac(d))));
            }
            (date.clone(), cells)
        })
        .collect();
    let foot = target_text.as_ref().map(|t| (l.target.clone(), t.clone()));
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
        target: target
            .zip(target_text.as_ref())
            .map(|(t, text)| (t, format!("{} {text}", l.target))),
        zones,
        points: points
            .iter()
            .zip(&texts)
            .map(|(&(d, v), (date, value))| (d, v, l.field(date, value)))
            .collect(),
        step: milestone,
        series: &l.value,
        date_labels: (fmt_date(chart.period_start), fmt_date(chart.period_end)),
        as_of_label: format!("{} {as_of_text}", l.as_of),
        labels: l,
        table,
    };
    spec.render()
}
