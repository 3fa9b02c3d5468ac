//! A key result's burn-up chart.

use std::fmt::Write;

use chrono::NaiveDate;

use crate::model::Metric;

use super::BurnUp;
use super::figure::data_table;
use super::line::{LineChart, axis_labels, clean_points, tipped_points};
use super::scale::{TimeAxis, between, nice_ticks, padded};

/// A key result's burn-up chart: expected-pace line (start to target), target line,
/// check-ins, as-of marker;
/// kept/broken zones for stay_above/stay_below; a step line for milestones.
pub fn burn_up(chart: &BurnUp) -> String {
    let b = Burn::of(chart);
    let l = chart.labels;
    let (lo, hi, ticks) = b.y_domain();

    // Each text once: the check-ins' dates and values, the target, the as-of date.
    let texts: Vec<(String, String)> = b
        .points
        .iter()
        .map(|&(d, v)| ((chart.format_date)(d), b.fmt_val(v)))
        .collect();
    let target_text = b.target.map(|t| b.fmt_val(t));
    let as_of_text = (chart.format_date)(chart.as_of);

    let desc = b.desc(&texts, target_text.as_deref(), &as_of_text);
    let axis = TimeAxis::new(chart.period_start, chart.period_end);
    let table = b.table(axis, &texts, target_text.as_ref());
    let zones = match (chart.metric, b.target) {
        (Metric::StayAbove, Some(t)) => Some((t, true)),
        (Metric::StayBelow, Some(t)) => Some((t, false)),
        _ => None,
    };
    let (date_labels, as_of_label) = axis_labels(
        l,
        chart.format_date,
        (chart.period_start, chart.period_end),
        &as_of_text,
    );
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
        pace_line: b.pace_line.map(|(a, b)| (a, b, l.expected.as_str())),
        target: b
            .target
            .zip(target_text.as_ref())
            .map(|(t, text)| (t, format!("{} {text}", l.target))),
        zones,
        points: tipped_points(l, &b.points, &texts),
        step: b.milestone,
        series: &l.value,
        date_labels,
        as_of_label,
        labels: l,
        table,
    };
    spec.render()
}

/// A burn-up chart's input, cleaned: its kind of metric, its target and start as drawn,
/// its check-ins and its expected-pace line.
struct Burn<'c, 'a> {
    chart: &'c BurnUp<'a>,
    milestone: bool,
    stay: bool,
    /// `None` for milestones and for a target that is not a number.
    target: Option<f64>,
    start: f64,
    points: Vec<(NaiveDate, f64)>,
    /// From (start, start value) to (end, target), for increase and decrease.
    pace_line: Option<(f64, f64)>,
}

impl<'c, 'a> Burn<'c, 'a> {
    fn of(chart: &'c BurnUp<'a>) -> Self {
        let milestone = chart.metric == Metric::Milestone;
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
        let pace_line = match (chart.metric, target) {
            (Metric::Increase | Metric::Decrease, Some(t)) => Some((start, t)),
            _ => None,
        };
        Burn {
            chart,
            milestone,
            stay: matches!(chart.metric, Metric::StayAbove | Metric::StayBelow),
            target,
            start,
            points: clean_points(chart.points, milestone),
            pace_line,
        }
    }

    /// A value as shown: done / not done for milestones, else with its unit.
    fn fmt_val(&self, v: f64) -> String {
        let l = self.chart.labels;
        if self.milestone {
            if v >= 0.5 {
                l.done.clone()
            } else {
                l.not_done.clone()
            }
        } else {
            (self.chart.format_value)(v)
        }
    }

    /// For stay_above / stay_below with a target: the word for whether `v` keeps it.
    fn kept_word(&self, v: f64) -> Option<&'a str> {
        let l = self.chart.labels;
        let t = self.target.filter(|_| self.stay)?;
        let kept = match self.chart.metric {
            Metric::StayAbove => v >= t,
            _ => v <= t,
        };
        Some(if kept { &l.kept } else { &l.broken })
    }

    /// The y domain and its ticks: done / not done for milestones, else padded around
    /// the check-ins, the target and (but for stay_*) the start, one tick per label.
    fn y_domain(&self) -> (f64, f64, Vec<(f64, String)>) {
        let l = self.chart.labels;
        if self.milestone {
            let (lo, hi) = padded(0.0, 1.0);
            return (
                lo,
                hi,
                vec![(0.0, l.not_done.clone()), (1.0, l.done.clone())],
            );
        }
        let mut values: Vec<f64> = self.points.iter().map(|p| p.1).collect();
        values.extend(self.target);
        if !self.stay {
            values.push(self.start);
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
            let label = (self.chart.format_value)(v);
            if ticks.last().is_none_or(|(_, last)| *last != label) {
                ticks.push((v, label));
            }
        }
        (lo, hi, ticks)
    }

    /// The text alternative: the last check-in (kept or broken for stay_*), the
    /// target, the as-of date.
    fn desc(&self, texts: &[(String, String)], target: Option<&str>, as_of: &str) -> String {
        let l = self.chart.labels;
        let mut parts = Vec::new();
        if let (Some(&(_, v)), Some((date, value))) = (self.points.last(), texts.last()) {
            let mut s = l.field(&l.value, value) + &l.parens(date);
            if let Some(word) = self.kept_word(v) {
                let _ = write!(s, "{}{word}", l.comma);
            }
            parts.push(s);
        }
        if let Some(t) = target {
            parts.push(l.field(&l.target, t));
        }
        parts.push(l.field(&l.as_of, as_of));
        l.join(&parts)
    }

    /// The data table: each check-in's date and value (kept or broken for stay_*), and
    /// the expected value then when there is a pace line; the target as its foot.
    fn table(&self, axis: TimeAxis, texts: &[(String, String)], target: Option<&String>) -> String {
        let l = self.chart.labels;
        let mut head = vec![l.date.as_str(), l.value.as_str()];
        if self.pace_line.is_some() {
            head.push(l.expected.as_str());
        }
        let rows: Vec<(String, Vec<String>)> = self
            .points
            .iter()
            .zip(texts)
            .map(|(&(d, v), (date, value))| {
                let mut value = value.clone();
                if let Some(word) = self.kept_word(v) {
                    value.push_str(&l.parens(word));
                }
                let mut cells = vec![value];
                if let Some((a, b)) = self.pace_line {
                    cells.push(self.fmt_val(between(a, b, axis.frac(d))));
                }
                (date.clone(), cells)
            })
            .collect();
        let foot = target.map(|t| (l.target.clone(), t.clone()));
        data_table(self.chart.title, &head, &rows, foot.as_ref())
    }
}
