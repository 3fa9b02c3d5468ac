//! The frame every chart but the sparkline shares: the figure, its legend and its data table.

use std::fmt::Write;

use super::svg::num;
use super::text::text_width;
use super::{FONT, LEGEND_ROW, W};
use crate::render::escape::Esc;

pub(super) enum Swatch {
    /// A short line with this class (its dash pattern comes from the class).
    Line(&'static str),
    /// A small square with these classes.
    Rect(String),
}

/// Lays legend items out in rows from `x0`, wrapping before `max_x`: (row, x) per item.
pub(super) fn legend_layout(
    items: &[(Swatch, String)],
    x0: f64,
    max_x: f64,
) -> Vec<Vec<(usize, f64)>> {
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
pub(super) fn draw_legend(
    out: &mut String,
    items: &[(Swatch, String)],
    x0: f64,
    max_x: f64,
    y: f64,
) {
    if items.is_empty() {
        return;
    }
    out.push_str(r#"<g class="chart-legend chart-label">"#);
    for (r, row) in legend_layout(items, x0, max_x).iter().enumerate() {
        let yy = y + LEGEND_ROW * r as f64;
        for &(i, x) in row {
            let (swatch, label) = &items[i];
            match swatch {
                Swatch::Line(class) => {
                    let _ = write!(
                        out,
                        r#"<line class="chart-swatch {class}" x1="{}" y1="{ly}" x2="{}" y2="{ly}" stroke="currentColor"/>"#,
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
                r#"<text x="{}" y="{}">{}</text>"#,
                num(x + 18.0),
                num(yy),
                Esc(label)
            );
        }
    }
    out.push_str("</g>");
}

/// Opens `<figure>` and `<svg>` with the title and description.
pub(super) fn open_figure(
    out: &mut String,
    kind: &str,
    sid: &str,
    h: f64,
    title: &str,
    desc: &str,
) {
    let _ = write!(
        out,
        r#"<figure class="chart chart-{kind}"><svg class="chart-svg" viewBox="0 0 {} {}" width="100%" font-size="{}" fill="currentColor" role="img" aria-labelledby="{sid}-title {sid}-desc"><title id="{sid}-title">{}</title><desc id="{sid}-desc">{}</desc>"#,
        num(W),
        num(h),
        num(FONT),
        Esc(title),
        Esc(desc)
    );
}

/// The data table: caption, column headers, one row per entry (its first cell a row
/// header), an optional footer row.
pub(super) fn data_table(
    caption: &str,
    head: &[&str],
    rows: &[(String, Vec<String>)],
    foot: Option<&(String, String)>,
) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<table class="chart-data"><caption>{}</caption><thead><tr>"#,
        Esc(caption)
    );
    for h in head {
        if h.is_empty() {
            out.push_str("<td></td>");
        } else {
            let _ = write!(out, r#"<th scope="col">{}</th>"#, Esc(h));
        }
    }
    out.push_str("</tr></thead>");
    if !rows.is_empty() {
        out.push_str("<tbody>");
        for (first, cells) in rows {
            let _ = write!(out, r#"<tr><th scope="row">{}</th>"#, Esc(first));
            for c in cells {
                let _ = write!(out, "<td>{}</td>", Esc(c));
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
            Esc(label),
            Esc(value)
        );
    }
    out.push_str("</table>");
    out
}
