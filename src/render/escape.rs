//! The one escaping of text from content for markup okrs writes by hand: charts (SVG),
//! feed.xml and `serve`'s error overlay.

use std::fmt;

/// Escapes text for XML/HTML content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let _ = write_escaped(&mut out, s);
    out
}

/// Text escaped as [`escape`] does, written where it is displayed (no `String` made).
pub(crate) struct Esc<'a>(pub &'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_escaped(f, self.0)
    }
}

/// The one escaping of text okrs writes into HTML, SVG and XML itself (templates escape
/// through Tera): markup characters as entities, characters XML 1.0
/// forbids dropped; runs of other characters are written whole.
fn write_escaped(out: &mut impl fmt::Write, s: &str) -> fmt::Result {
    let mut plain = 0;
    for (i, c) in s.char_indices() {
        let entity = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => "",
            '\u{FFFE}' | '\u{FFFF}' => "",
            _ => continue,
        };
        out.write_str(&s[plain..i])?;
        out.write_str(entity)?;
        plain = i + c.len_utf8();
    }
    out.write_str(&s[plain..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_is_the_same_written_or_made() {
        for s in [
            "",
            "plain",
            "<a href=\"x\">'&'</a>",
            "a\u{1}b\u{FFFE}",
            "续约率 ¥ & co",
        ] {
            assert_eq!(Esc(s).to_string(), escape(s));
        }
        assert_eq!(escape("a<b"), "a&lt;b");
    }
}
