//! Writing SVG: escaping text, numbers, ids and class names.

use std::fmt::Write;

/// `text-anchor` for a label placed at `x`: start, or end when it would overflow `max`.
pub(super) fn anchor_near(x: f64, width: f64, min: f64, max: f64) -> &'static str {
    if x + 4.0 + width <= max || x - width < min {
        ""
    } else {
        r#" text-anchor="end""#
    }
}

pub(super) fn polyline(points: &[(f64, f64)]) -> String {
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

/// A coordinate with at most one decimal, never `-0`, `NaN` or `inf`.
pub(super) fn num(v: f64) -> String {
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
pub(super) fn sanitize_id(s: &str) -> String {
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
pub(super) fn class_key(s: &str) -> String {
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
