//! Estimated text widths, for layout and truncation.

use super::FONT_MAX;

/// Whether a character is drawn about one em wide (CJK, full-width, emoji).
pub(super) fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1FAFF
        | 0x20000..=0x3FFFD)
}

/// Estimated width of a character at `FONT_MAX`, erring wide.
pub(super) fn char_width(c: char) -> f64 {
    let em = if is_wide(c) {
        1.0
    } else if c == ' ' {
        0.3
    } else if c == '%' {
        0.9
    } else if c.is_ascii_uppercase() || matches!(c, 'm' | 'w' | '@') {
        0.72
    } else if c.is_ascii() {
        0.56
    } else {
        0.62
    };
    em * FONT_MAX
}

/// Estimated width of a text at `FONT_MAX`.
pub(super) fn text_width(s: &str) -> f64 {
    s.chars().map(char_width).sum()
}

/// The text cut to fit `max` (with "…"), or whole when it fits.
pub(super) fn truncate_to_width(s: &str, max: f64) -> String {
    if text_width(s) <= max {
        return s.to_string();
    }
    let budget = max - char_width('…');
    let mut out = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        let cw = char_width(c);
        if w + cw > budget {
            break;
        }
        w += cw;
        out.push(c);
    }
    let mut out = out.trim_end().to_string();
    out.push('…');
    out
}
