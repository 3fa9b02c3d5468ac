//! What a value that okrs cannot read was most likely meant to be: a period, a date, a
//! number or a confidence written in another common form. Diagnostics quote the value to
//! write, so that the fix is a copy, not a guess (SPEC 8). The same functions serve
//! `okrs check` and `okrs new`.

use chrono::{Datelike, NaiveDate};

use crate::period;

/// The calendar period meant by a quarter or half written in another order, case or
/// spacing: `Q3-2018`, `2018Q3`, `2018 Q3`, `q3 2018`, `2018-q3` → `2018-Q3`; `H1 2018`,
/// `2018h1` → `2018-H1`. None when the text is no such period, or already in okrs's form.
pub fn period(text: &str) -> Option<String> {
    let squeezed: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '/' | '.'))
        .flat_map(char::to_uppercase)
        .collect();
    let is_year = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    let is_part = |s: &str| s.len() == 2 && (s.starts_with('Q') || s.starts_with('H'));
    let id = match (squeezed.get(..4), squeezed.get(4..)) {
        (Some(year), Some(part)) if is_year(year) && is_part(part) => format!("{year}-{part}"),
        _ => match (squeezed.get(..2), squeezed.get(2..)) {
            (Some(part), Some(year)) if is_part(part) && is_year(year) => {
                format!("{year}-{part}")
            }
            _ => return None,
        },
    };
    (id != text && period::calendar(&id).is_some()).then_some(id)
}

/// Why a text is not a date of the form YYYY-MM-DD.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// It reads as a year, month and day, but that day does not exist:
    /// "September has 30 days".
    NotADay(String),
    /// It is written in another form; the date to write, when the text can be read as one
    /// without doubt (`2018/9/3`, `2018-9-3` → `2018-09-03`, but not `3.9.2018`).
    Form(Option<String>),
}

/// What is wrong with a date that does not parse (see `DateProblem`).
pub fn date(text: &str) -> DateProblem {
    let text = text.trim();
    let Some((year, month, day)) = year_month_day(text) else {
        return DateProblem::Form(None);
    };
    let month_name = |m: u32| {
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ][m as usize - 1]
    };
    if !(1..=12).contains(&month) {
        return DateProblem::NotADay(format!("there is no month {month}"));
    }
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => DateProblem::Form(Some(d.format("%Y-%m-%d").to_string())),
        None if day == 0 => DateProblem::NotADay("there is no day 0".to_owned()),
        None => {
            let days = days_in_month(year, month);
            let name = if month == 2 {
                format!("February {year}")
            } else {
                month_name(month).to_owned()
            };
            DateProblem::NotADay(format!("{name} has {days} days"))
        }
    }
}

/// Year, month and day from `YYYY-M-D`, `YYYY/M/D`, `YYYY.M.D` or `YYYYMMDD`: forms that
/// start with the year, so they cannot be misread. Day-first and month-first forms
/// (`3.9.2018`, `9/3/2018`) mean different days in different countries and are not read.
fn year_month_day(text: &str) -> Option<(i32, u32, u32)> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if text.len() == 8 && digits(text) {
        return Some((
            text[..4].parse().ok()?,
            text[4..6].parse().ok()?,
            text[6..].parse().ok()?,
        ));
    }
    let separator = text.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = text.split(separator).collect();
    let [year, month, day] = parts[..] else {
        return None;
    };
    if year.len() != 4 || !digits(year) || month.len() > 2 || day.len() > 2 {
        return None;
    }
    if !digits(month) || !digits(day) {
        return None;
    }
    Some((year.parse().ok()?, month.parse().ok()?, day.parse().ok()?))
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).map_or(31, |d| d.day())
}

/// A number written as text, and the unit written with it: `"79%"` → 79 and `%`,
/// `1,077,000` → 1077000, `"55 %"` → 55 and `%`, `"1 077 000"` → 1077000. Thousands
/// separators count only in groups of three, so `1,5` (a decimal comma, or a list) is
/// not read.
pub fn number(text: &str) -> Option<(f64, Option<&'static str>)> {
    let text = text.trim();
    let (text, unit) = match text.strip_suffix('%') {
        Some(rest) => (rest.trim_end(), Some("%")),
        None => (text, None),
    };
    let (sign, text) = match text.strip_prefix(['-', '+']) {
        Some(rest) => (&text[..1], rest),
        None => ("", text),
    };
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    let whole = match whole.chars().find(|c| matches!(c, ',' | ' ' | '\u{a0}')) {
        None if digits(whole) => whole.to_owned(),
        None => return None,
        Some(separator) => {
            let groups: Vec<&str> = whole.split(separator).collect();
            let first_ok = groups[0].len() <= 3 && digits(groups[0]);
            let rest_ok = groups[1..].iter().all(|g| g.len() == 3 && digits(g));
            if !first_ok || !rest_ok {
                return None;
            }
            groups.concat()
        }
    };
    let written = match fraction {
        Some(f) => format!("{sign}{whole}.{f}"),
        None => format!("{sign}{whole}"),
    };
    written.parse().ok().map(|n| (n, unit))
}

/// A number as okrs writes it in a hint: no needless decimals, never `-0`.
pub fn show(n: f64) -> String {
    if n == 0.0 {
        "0".to_owned()
    } else {
        format!("{n}")
    }
}

/// The confidence (0–10) meant by a number that is not one: a percentage (`70` → 7; with
/// `percent`, as in `"75%"`, any share rounded: 8) or a fraction (`0.7` → 7). None when it
/// looks like neither (`11` is more likely a slip than 110 %).
pub fn confidence(n: f64, percent: bool) -> Option<u8> {
    let whole = |x: f64| (x - x.round()).abs() < 1e-9;
    let percentage = if percent {
        (0.0..=100.0).contains(&n)
    } else {
        10.0 < n && n <= 100.0 && whole(n / 10.0)
    };
    let tenth = if percentage {
        (n / 10.0).round()
    } else if 0.0 < n && n < 1.0 && whole(n * 10.0) {
        (n * 10.0).round()
    } else {
        return None;
    };
    Some(tenth as u8)
}

/// The confidence meant by one written as text: `"7"`, `"7/10"`, `"70%"` → 7.
pub fn confidence_text(text: &str) -> Option<u8> {
    if let Some(n) = text.trim().strip_suffix("/10") {
        return n.trim().parse().ok().filter(|n| *n <= 10);
    }
    let (n, unit) = number(text)?;
    match unit {
        Some(_) => confidence(n, true),
        None if (0.0..=10.0).contains(&n) && n.fract() == 0.0 => Some(n as u8),
        None => confidence(n, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_and_halves_in_other_orders_suggest_the_calendar_id() {
        for written in [
            "Q3-2018", "2018Q3", "2018 Q3", "q3 2018", "2018-q3", "Q3 2018",
        ] {
            assert_eq!(period(written).as_deref(), Some("2018-Q3"), "{written}");
        }
        for written in ["H1 2018", "2018h1", "h1-2018", "2018 H1"] {
            assert_eq!(period(written).as_deref(), Some("2018-H1"), "{written}");
        }
    }

    #[test]
    fn a_period_already_right_or_not_a_period_gets_no_suggestion() {
        assert_eq!(period("2018-Q3"), None);
        assert_eq!(period("2018-Q5"), None);
        assert_eq!(period("Q5 2018"), None);
        assert_eq!(period("FY2018"), None);
        assert_eq!(period("2018"), None);
        assert_eq!(period(""), None);
    }

    #[test]
    fn a_day_that_does_not_exist_is_called_that() {
        assert_eq!(
            date("2018-09-31"),
            DateProblem::NotADay("September has 30 days".into())
        );
        assert_eq!(
            date("2023-02-29"),
            DateProblem::NotADay("February 2023 has 28 days".into())
        );
        assert_eq!(
            date("2024-02-30"),
            DateProblem::NotADay("February 2024 has 29 days".into())
        );
        assert_eq!(
            date("2018-13-01"),
            DateProblem::NotADay("there is no month 13".into())
        );
        assert_eq!(
            date("2018-05-00"),
            DateProblem::NotADay("there is no day 0".into())
        );
        assert_eq!(
            date("2018/9/31"),
            DateProblem::NotADay("September has 30 days".into())
        );
    }

    #[test]
    fn a_date_in_another_form_gets_the_date_to_write_when_it_cannot_be_misread() {
        let exact = |s: &str| DateProblem::Form(Some(s.to_owned()));
        assert_eq!(date("2018/9/3"), exact("2018-09-03"));
        assert_eq!(date("2018-9-3"), exact("2018-09-03"));
        assert_eq!(date("2018.09.03"), exact("2018-09-03"));
        assert_eq!(date("20180903"), exact("2018-09-03"));
        // Day or month first: 3 September or 9 March?
        assert_eq!(date("3.9.2018"), DateProblem::Form(None));
        assert_eq!(date("9/3/2018"), DateProblem::Form(None));
        assert_eq!(date("tomorrow"), DateProblem::Form(None));
        assert_eq!(date("2018-09"), DateProblem::Form(None));
    }

    #[test]
    fn numbers_written_as_text_give_the_number_and_the_unit() {
        assert_eq!(number("79%"), Some((79.0, Some("%"))));
        assert_eq!(number("55 %"), Some((55.0, Some("%"))));
        assert_eq!(number("1,077,000"), Some((1_077_000.0, None)));
        assert_eq!(number("1 077 000"), Some((1_077_000.0, None)));
        assert_eq!(number("70"), Some((70.0, None)));
        assert_eq!(number("-2.5"), Some((-2.5, None)));
        assert_eq!(number("12.5%"), Some((12.5, Some("%"))));
    }

    #[test]
    fn text_that_is_no_number_or_is_ambiguous_gives_none() {
        assert_eq!(number("1,5"), None);
        assert_eq!(number("1,0770,00"), None);
        assert_eq!(number("heavy"), None);
        assert_eq!(number("%"), None);
        assert_eq!(number(""), None);
        assert_eq!(number("7.x"), None);
    }

    #[test]
    fn a_confidence_that_looks_like_a_percentage_or_fraction_gives_its_tenth() {
        assert_eq!(confidence(70.0, false), Some(7));
        assert_eq!(confidence(100.0, false), Some(10));
        assert_eq!(confidence(75.0, true), Some(8));
        assert_eq!(confidence(70.0, true), Some(7));
        assert_eq!(confidence(0.7, false), Some(7));
        assert_eq!(confidence(75.0, false), None);
        assert_eq!(confidence(11.0, false), None);
        assert_eq!(confidence(-1.0, false), None);
        assert_eq!(confidence(250.0, false), None);
        assert_eq!(confidence(0.75, false), None);
    }

    #[test]
    fn a_confidence_written_as_text_gives_the_number() {
        assert_eq!(confidence_text("7"), Some(7));
        assert_eq!(confidence_text("7/10"), Some(7));
        assert_eq!(confidence_text("70%"), Some(7));
        assert_eq!(confidence_text("70"), Some(7));
        assert_eq!(confidence_text("11/10"), None);
        assert_eq!(confidence_text("high"), None);
    }

    #[test]
    fn hint_numbers_have_no_needless_decimals() {
        assert_eq!(show(1_077_000.0), "1077000");
        assert_eq!(show(2.5), "2.5");
        assert_eq!(show(-0.0), "0");
    }
}
