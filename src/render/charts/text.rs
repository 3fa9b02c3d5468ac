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

/// The text in at most two lines of `max`: whole on one line when it fits, else broken
/// at the last space or wide character that fits (anywhere in a word longer than a
/// line), the second line cut as `truncate_to_width` does.
pub(super) fn wrap_in_two(s: &str, max: f64) -> Vec<String> {
    if text_width(s) <= max {
        return vec![s.to_string()];
    }
    let mut w = 0.0;
    // Where the first line may end: before a space or a wide character, after a wide one.
    let mut fits = 0;
    let mut cut = s.len();
    for (i, c) in s.char_indices() {
        if c == ' ' || is_wide(c) {
            fits = i;
        }
        w += char_width(c);
        if w > max {
            cut = if fits > 0 { fits } else { i.max(c.len_utf8()) };
            break;
        }
        if is_wide(c) {
            fits = i + c.len_utf8();
        }
    }
    let (first, rest) = s.split_at(cut);
    vec![
        first.trim_end().to_string(),
        truncate_to_width(rest.trim_start(), max),
    ]
}
