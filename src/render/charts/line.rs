//! The line charts' renderer (burn-up, progress over time).

use std::fmt::Write;

use chrono::NaiveDate;

use super::figure::{Swatch, draw_legend, open_figure};
use super::scale::TimeAxis;
use super::svg::{Path, actual_line, anchor_near, num, sanitize_id};
use super::text::text_width;
use super::{ChartLabels, FONT_MAX, LINE_H, W};
use crate::render::escape::Esc;

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

/// Where a line chart draws: the plot area and the y scale.
struct Frame {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    lo: f64,
    span: f64,
    axis: TimeAxis,
}

impl Frame {
    fn x(&self, d: NaiveDate) -> f64 {
        self.left + (self.right - self.left) * self.axis.frac(d)
    }

    fn y(&self, v: f64) -> f64 {
        self.bottom - (self.bottom - self.top) * ((v - self.lo) / self.span).clamp(0.0, 1.0)
    }
}

impl LineChart<'_> {
    pub(super) fn render(&self) -> String {
        let f = self.frame();
        let mut out = String::with_capacity(2048 + self.table.len());
        open_figure(
            &mut out,
            self.kind,
            &sanitize_id(self.id),
            LINE_H,
            self.title,
            self.desc,
        );
        self.draw_zones(&mut out, &f);
        self.draw_lines(&mut out, &f);
        self.draw_labels(&mut out, &f);
        self.draw_points(&mut out, &f);
        self.draw_zone_labels(&mut out, &f);
        self.draw_legend(&mut out, &f);
        out.push_str("</svg>");
        out.push_str(&self.table);
        out.push_str("</figure>");
        out
    }

    fn frame(&self) -> Frame {
        let left = (self
            .ticks
            .iter()
            .map(|(_, s)| text_width(s))
            .fold(0.0, f64::max)
            + 12.0)
            .clamp(28.0, 160.0);
        Frame {
            left,
            right: W - 12.0,
            top: FONT_MAX + 10.0,
            bottom: LINE_H - (2.0 * FONT_MAX + 16.0),
            lo: self.lo,
            span: if self.hi - self.lo > 1e-12 {
                self.hi - self.lo
            } else {
                1.0
            },
            axis: self.axis,
        }
    }

    /// The kept and broken zones of stay_above / stay_below.
    fn draw_zones(&self, out: &mut String, f: &Frame) {
        let Some((t, kept_above)) = self.zones else {
            return;
        };
        let yt = f.y(t);
        let (above, below) = if kept_above {
            ("chart-zone-kept", "chart-zone-broken")
        } else {
            ("chart-zone-broken", "chart-zone-kept")
        };
        for (class, y0, y1) in [(above, f.top, yt), (below, yt, f.bottom)] {
            if y1 - y0 > 0.05 {
                let _ = write!(
                    out,
                    r#"<rect class="{class}" x="{}" y="{}" width="{}" height="{}" fill="none"/>"#,
                    num(f.left),
                    num(y0),
                    num(f.right - f.left),
                    num(y1 - y0)
                );
            }
        }
    }

    /// Grid, axes, expected pace, target, as-of marker and check-ins line: strokes
    /// without fill, in one group that sets both.
    fn draw_lines(&self, out: &mut String, f: &Frame) {
        out.push_str(r#"<g fill="none" stroke="currentColor">"#);
        let mut grid = Path::default();
        for (v, _) in &self.ticks {
            grid.move_to(f.left, f.y(*v)).h(f.right);
        }
        let mut axes = Path::default();
        axes.move_to(f.left, f.top).v(f.bottom).h(f.right);
        let _ = write!(
            out,
            r#"<path class="chart-grid" d="{}"/><path class="chart-axis" d="{}"/>"#,
            grid.as_str(),
            axes.as_str()
        );
        if let Some((a, b, _)) = self.pace_line {
            let _ = write!(
                out,
                r#"<line class="chart-ideal" x1="{}" y1="{}" x2="{}" y2="{}"/>"#,
                num(f.left),
                num(f.y(a)),
                num(f.right),
                num(f.y(b))
            );
        }
        if let Some((t, _)) = &self.target {
            let _ = write!(
                out,
                r#"<line class="chart-target" x1="{}" y1="{yt}" x2="{}" y2="{yt}"/>"#,
                num(f.left),
                num(f.right),
                yt = num(f.y(*t))
            );
        }
        let _ = write!(
            out,
            r#"<line class="chart-asof" x1="{x}" y1="{}" x2="{x}" y2="{}"/>"#,
            num(f.top - 4.0),
            num(f.bottom),
            x = num(f.x(self.as_of))
        );
        actual_line(out, &self.actual_vertices(f));
        out.push_str("</g>");
    }

    /// The check-ins line's vertices: the points, with steps for milestones (carried on
    /// to the as-of date).
    fn actual_vertices(&self, f: &Frame) -> Vec<(f64, f64)> {
        let mut line: Vec<(f64, f64)> = Vec::with_capacity(self.points.len() * 2 + 1);
        let mut last: Option<(f64, f64)> = None;
        for &(d, v, _) in &self.points {
            let (px, py) = (f.x(d), f.y(v));
            if let (true, Some((_, ly))) = (self.step, last) {
                push_vertex(&mut line, (px, ly));
            }
            push_vertex(&mut line, (px, py));
            last = Some((px, py));
        }
        let xa = f.x(self.as_of);
        if let (true, Some((lx, ly))) = (self.step, last)
            && xa > lx
        {
            line.push((xa, ly));
        }
        line
    }

    /// Tick, date, target and as-of labels, in one group of class `chart-label`.
    fn draw_labels(&self, out: &mut String, f: &Frame) {
        out.push_str(r#"<g class="chart-label"><g text-anchor="end">"#);
        for (v, label) in &self.ticks {
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" dy="0.35em">{}</text>"#,
                num(f.left - 6.0),
                num(f.y(*v)),
                Esc(label)
            );
        }
        out.push_str("</g>");
        let date_y = num(f.bottom + FONT_MAX + 1.0);
        let _ = write!(
            out,
            r#"<text x="{}" y="{date_y}">{}</text>"#,
            num(f.left),
            Esc(&self.date_labels.0)
        );
        if self.axis.days > 0 && self.date_labels.1 != self.date_labels.0 {
            let _ = write!(
                out,
                r#"<text x="{}" y="{date_y}" text-anchor="end">{}</text>"#,
                num(f.right),
                Esc(&self.date_labels.1)
            );
        }
        self.draw_target_label(out, f);
        // The as-of label, in the top margin.
        let xa = f.x(self.as_of);
        let _ = write!(
            out,
            r#"<text x="{}" y="{}"{}>{}</text></g>"#,
            num(xa),
            num(f.top - 8.0),
            anchor_near(xa, text_width(&self.as_of_label), 0.0, W),
            Esc(&self.as_of_label)
        );
    }

    /// The target line's label: above the line (below it near the top); at the left end
    /// when the expected-pace line ends at the right one, else at the right end (clear of
    /// the zone labels, which sit at the left).
    fn draw_target_label(&self, out: &mut String, f: &Frame) {
        let Some((t, label)) = &self.target else {
            return;
        };
        let yt = f.y(*t);
        let ly = if yt - f.top < FONT_MAX + 4.0 {
            yt + FONT_MAX + 2.0
        } else {
            yt - 4.0
        };
        let (lx, anchor) = if self.pace_line.is_some() {
            (f.left + 6.0, "")
        } else {
            (f.right - 2.0, r#" text-anchor="end""#)
        };
        let _ = write!(
            out,
            r#"<text x="{}" y="{}"{anchor}>{}</text>"#,
            num(lx),
            num(ly),
            Esc(label)
        );
    }

    /// A circle per check-in, with its date and value as a tooltip.
    fn draw_points(&self, out: &mut String, f: &Frame) {
        if self.points.is_empty() {
            return;
        }
        out.push_str(r#"<g class="chart-point">"#);
        for (d, v, tip) in &self.points {
            let _ = write!(
                out,
                r#"<circle cx="{}" cy="{}" r="3.5"><title>{}</title></circle>"#,
                num(f.x(*d)),
                num(f.y(*v)),
                Esc(tip)
            );
        }
        out.push_str("</g>");
    }

    /// Zone labels, inside their zones when there is room.
    fn draw_zone_labels(&self, out: &mut String, f: &Frame) {
        let Some((t, kept_above)) = self.zones else {
            return;
        };
        let yt = f.y(t);
        let (above, below) = if kept_above {
            (&self.labels.kept, &self.labels.broken)
        } else {
            (&self.labels.broken, &self.labels.kept)
        };
        for (room, y, text) in [
            (yt - f.top, f.top + FONT_MAX + 2.0, above),
            (f.bottom - yt, f.bottom - 6.0, below),
        ] {
            if room >= FONT_MAX + 6.0 {
                let _ = write!(
                    out,
                    r#"<text class="chart-label chart-zone-label" x="{}" y="{}">{}</text>"#,
                    num(f.left + 6.0),
                    num(y),
                    Esc(text)
                );
            }
        }
    }

    fn draw_legend(&self, out: &mut String, f: &Frame) {
        let mut items = Vec::new();
        if let Some((_, _, label)) = self.pace_line {
            items.push((Swatch::Line("chart-ideal"), label.to_string()));
        }
        if !self.points.is_empty() {
            items.push((Swatch::Line("chart-actual"), self.series.to_string()));
        }
        if self.target.is_some() {
            items.push((Swatch::Line("chart-target"), self.labels.target.clone()));
        }
        draw_legend(out, &items, f.left, W, LINE_H - 8.0);
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

/// Each check-in as drawn: its date, its value and the tooltip "date: value" of its
/// texts.
pub(super) fn tipped_points(
    l: &ChartLabels,
    points: &[(NaiveDate, f64)],
    texts: &[(String, String)],
) -> Vec<(NaiveDate, f64, String)> {
    points
        .iter()
        .zip(texts)
        .map(|(&(d, v), (date, value))| (d, v, l.field(date, value)))
        .collect()
}

/// The x axis's words: the period's first and last dates, and the as-of label.
pub(super) fn axis_labels(
    l: &ChartLabels,
    format_date: &dyn Fn(NaiveDate) -> String,
    (start, end): (NaiveDate, NaiveDate),
    as_of_text: &str,
) -> ((String, String), String) {
    (
        (format_date(start), format_date(end)),
        format!("{} {as_of_text}", l.as_of),
    )
}
