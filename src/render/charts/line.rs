//! The line charts' renderer (burn-up, progress over time).

use std::fmt::Write;

use chrono::NaiveDate;

use super::figure::{Swatch, draw_legend, open_figure};
use super::scale::TimeAxis;
use super::svg::{anchor_near, escape, num, polyline, sanitize_id};
use super::text::text_width;
use super::{ChartLabels, FONT_MAX, LINE_H, W};

pub(super) struct LineChart<'a> {
    pub(super) kind: &'a str,
    pub(super) id: &'a str,
    pub(super) title: &'a str,
    pub(super) desc: &'a str,
    pub(super) axis: TimeAxis,
    pub(super) as_of: NaiveDate,
    /// The y domain, already padded.
    pub(super) lo: f64,
    pub(super) hi: f64,
    pub(super) ticks: Vec<(f64, String)>,
    /// The expected-pace line from (start, a) to (end, b), with its legend label.
    pub(super) pace_line: Option<(f64, f64, &'a str)>,
    /// Target value and its line label.
    pub(super) target: Option<(f64, String)>,
    /// Threshold and whether the kept zone is above it.
    pub(super) zones: Option<(f64, bool)>,
    /// Date, value, tooltip.
    pub(super) points: Vec<(NaiveDate, f64, String)>,
    /// Step-after line, carried on to the as-of date (milestones).
    pub(super) step: bool,
    /// Legend label of the check-ins line.
    pub(super) series: &'a str,
    pub(super) date_labels: (String, String),
    pub(super) as_of_label: String,
    pub(super) labels: &'a ChartLabels,
    pub(super) table: String,
}

impl LineChart<'_> {
    pub(super) fn render(&self) -> String {
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
pub(super) fn push_vertex(line: &mut Vec<(f64, f64)>, p: (f64, f64)) {
    let same = |a: f64, b: f64| num(a) == num(b);
    if line
        .last()
        .is_none_or(|&(x, y)| !same(x, p.0) || !same(y, p.1))
    {
        line.push(p);
    }
}

/// Finite points sorted by date (stable); milestone values clamped to 0..1.
pub(super) fn clean_points(points: &[(NaiveDate, f64)], milestone: bool) -> Vec<(NaiveDate, f64)> {
    let mut pts: Vec<(NaiveDate, f64)> = points
        .iter()
        .filter(|p| p.1.is_finite())
        .map(|&(d, v)| (d, if milestone { v.clamp(0.0, 1.0) } else { v }))
        .collect();
    pts.sort_by_key(|p| p.0);
    pts
}
