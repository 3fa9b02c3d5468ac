//! Writing SVG: numbers, ids and class names (text is escaped by `render::escape`).

use std::fmt::{self, Write};

/// `text-anchor` for a label placed at `x`: start, or end when it would overflow `max`.
pub(super) fn anchor_near(x: f64, width: f64, min: f64, max: f64) -> &'static str {
    if x + 4.0 + width <= max || x - width < min {
        ""
    } else {
        r#" text-anchor="end""#
    }
}

/// The points of a `<polyline>`: `x,y x,y …`.
pub(super) fn polyline(points: &[(f64, f64)]) -> String {
    let mut out = String::with_capacity(points.len() * 10);
    for (i, &(x, y)) in points.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{},{}", num(x), num(y));
    }
    out
}

/// The check-ins line of a line chart or sparkline, when it has two points or more.
pub(super) fn actual_line(out: &mut String, points: &[(f64, f64)]) {
    if points.len() >= 2 {
        let _ = write!(
            out,
            r#"<polyline class="chart-actual" points="{}"/>"#,
            polyline(points)
        );
    }
}

/// A coordinate rounded to one decimal, never `-0`, `NaN` or `inf`.
pub(super) fn num(v: f64) -> Num {
    Num(v)
}

/// A number as [`num`] writes it: `12`, `12.3`, `-0.5`, `0` for anything not finite.
/// Written from its integer count of tenths, without formatting a float, for every
/// value below 10¹⁴ (coordinates are a few hundred); larger ones take the float path,
/// which writes the same digits.
#[derive(Clone, Copy)]
pub(super) struct Num(f64);

/// Counts of tenths up to this are exact in an `f64` and in an `i64`.
const EXACT_TENTHS: f64 = 1e15;

impl Num {
    /// The value in tenths as written (0 for anything not finite), to compare two
    /// numbers as they are written.
    pub(super) fn tenths(self) -> f64 {
        let t = (self.0 * 10.0).round();
        if t.is_finite() { t + 0.0 } else { 0.0 }
    }
}

impl PartialEq for Num {
    fn eq(&self, other: &Self) -> bool {
        self.tenths() == other.tenths()
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.tenths();
        if t.abs() >= EXACT_TENTHS {
            let s = format!("{:.1}", t / 10.0);
            return f.write_str(s.strip_suffix(".0").unwrap_or(&s));
        }
        // Exact: |t| < 10¹⁵ is an integer an i64 holds.
        let t = t as i64;
        let mut buf = [0u8; 20];
        let mut at = buf.len();
        let mut rest = t.unsigned_abs();
        if !rest.is_multiple_of(10) {
            at -= 2;
            buf[at] = b'.';
            buf[at + 1] = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        loop {
            at -= 1;
            buf[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if t < 0 {
            at -= 1;
            buf[at] = b'-';
        }
        // Only ASCII digits, '.' and '-' were written.
        f.write_str(std::str::from_utf8(&buf[at..]).map_err(|_| fmt::Error)?)
    }
}

/// An SVG path's `d`: moves and horizontal and vertical lines, coordinates as [`num`] writes them.
#[derive(Default)]
pub(super) struct Path(String);

impl Path {
    /// Starts a new piece at (x, y).
    pub(super) fn move_to(&mut self, x: f64, y: f64) -> &mut Self {
        let _ = write!(self.0, "M{} {}", num(x), num(y));
        self
    }

    /// A horizontal line to x.
    pub(super) fn h(&mut self, x: f64) -> &mut Self {
        let _ = write!(self.0, "H{}", num(x));
        self
    }

    /// A vertical line to y.
    pub(super) fn v(&mut self, y: f64) -> &mut Self {
        let _ = write!(self.0, "V{}", num(y));
        self
    }

    pub(super) fn as_str(&self) -> &str {
        &self.0
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What `num` wrote before it had its own formatter (`format!` of the rounded float).
    fn slow(v: f64) -> String {
        if !v.is_finite() {
            return "0".into();
        }
        let r = (v * 10.0).round() / 10.0;
        if r == 0.0 {
            return "0".into();
        }
        let s = format!("{r:.1}");
        s.strip_suffix(".0").unwrap_or(&s).to_string()
    }

    #[test]
    fn numbers_are_written_with_one_decimal_at_most() {
        for (v, text) in [
            (0.0, "0"),
            (-0.0, "0"),
            (-0.04, "0"),
            (0.05, "0.1"),
            (-0.05, "-0.1"),
            (12.0, "12"),
            (12.34, "12.3"),
            (12.35, "12.4"),
            (-12.34, "-12.3"),
            (99.96, "100"),
            (0.7, "0.7"),
            (560.0, "560"),
            (1e14 - 0.1, "99999999999999.9"),
            (f64::NAN, "0"),
            (f64::INFINITY, "0"),
            (f64::NEG_INFINITY, "0"),
        ] {
            assert_eq!(num(v).to_string(), text, "{v}");
        }
    }

    #[test]
    fn the_formatter_writes_what_format_wrote() {
        // Every tenth from -1000 to 1000, values between tenths, and large values on both
        // sides of the exact range.
        let mut values: Vec<f64> = (-10_000..=10_000).map(|k| f64::from(k) / 10.0).collect();
        values.extend((0..5000).map(|k| f64::from(k) * 0.123_456_7 - 300.0));
        values.extend([1e13 + 0.25, 1e14 + 0.25, 3e15, -4.5e17, 1e300]);
        for v in values {
            assert_eq!(num(v).to_string(), slow(v), "{v}");
        }
    }

    #[test]
    fn numbers_compare_as_written() {
        assert!(num(1.01) == num(0.99));
        assert!(num(1.06) != num(1.0));
        assert!(num(-0.01) == num(0.0));
        assert!(num(f64::NAN) == num(0.0));
    }

    #[test]
    fn paths_are_written_compactly() {
        let mut p = Path::default();
        p.move_to(66.23, 212.0).h(548.0).move_to(1.0, -0.5).v(3.25);
        assert_eq!(p.as_str(), "M66.2 212H548M1 -0.5V3.3");
    }
}
