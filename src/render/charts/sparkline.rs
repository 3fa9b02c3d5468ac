//! The sparkline of objective lists.

use std::fmt::Write;

use super::svg::{actual_line, num};
use crate::render::escape::Esc;

/// A tiny progress sparkline (80×20) for lists. `points` are (x, y), both 0..1, x
/// being the position in the period. Fewer than 2 points draw only the baseline (and
/// the one point, if any). The id is unused: the same sparkline may appear in several
/// lists of a page, so it carries no element id (its name is its `aria-label`).
pub fn sparkline(title: &str, points: &[(f64, f64)]) -> String {
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
    let t = Esc(title);
    let mut out = String::with_capacity(256 + 2 * title.len());
    let _ = write!(
        out,
        r#"<svg class="sparkline" viewBox="0 0 80 20" width="80" height="20" fill="currentColor" role="img" aria-label="{t}"><title>{t}</title><g fill="none" stroke="currentColor"><path class="chart-grid" d="M2 18H78"/>"#
    );
    actual_line(&mut out, &pts);
    out.push_str("</g>");
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
