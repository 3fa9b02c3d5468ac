//! Numbers, percentages, units, dates and period names, written the way the site's
//! language writes them.

use chrono::{Datelike, NaiveDate};

use crate::model::Language;

/// A number with thousands separators and no needless decimals: at most two from 1 up,
/// four significant digits below 1 (so small rates stay visible): 131000 → "131,000",
/// 7.10 → "7.1", 44.6667 → "44.67", 0.0025 → "0.0025".
pub(crate) fn number(x: f64) -> String {
    let x = if x == 0.0 { 0.0 } else { x };
    // Past a thousand trillion, digits say nothing more: 1e308, not 309 of them.
    if x.abs() >= 1e15 {
        let text = format!("{x:.2e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
        return format!("{mantissa}e{exponent}");
    }
    let decimals = if x.abs() >= 1.0 || x == 0.0 {
        2
    } else {
        (3 - x.abs().log10().floor() as i32).clamp(2, 8) as usize
    };
    let text = format!("{:.*}", decimals, x.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = fraction.trim_end_matches('0');
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if x < 0.0 && (grouped != "0" || !fraction.is_empty()) {
        "-"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// A fraction as a whole percentage: 0.485 → "49%".
pub(crate) fn percent(fraction: f64) -> String {
    // A key result far past its target (a value of 1e300 against a target of 10) has a
    // fraction no page can spell: it is shown as beyond a million per cent.
    const MOST: f64 = 1e6;
    let p = (fraction * 100.0).round();
    if p.is_nan() {
        return "—".to_owned();
    }
    if p.abs() > MOST {
        let sign = if p < 0.0 { "< -" } else { "> " };
        return format!("{sign}{MOST}%");
    }
    format!("{}%", if p == 0.0 { 0.0 } else { p })
}

/// A value with its unit placed as readers expect: `70%`, `¥250,000`, `8/10`, `200 ms`, `3家`.
/// A unit that starts with `/` (`/10`, `/week`) is part of the figure: no space before it.
pub(crate) fn with_unit(value: f64, unit: Option<&str>) -> String {
    let n = number(value);
    let Some(unit) = unit.map(str::trim).filter(|u| !u.is_empty()) else {
        return n;
    };
    let first = unit.chars().next().unwrap_or(' ');
    if ["¥", "$", "€", "£", "￥", "₩", "₹"].contains(&unit) {
        // A minus sign goes before the currency: -$5.
        match n.strip_prefix('-') {
            Some(abs) => format!("-{unit}{abs}"),
            None => format!("{unit}{n}"),
        }
    } else if unit == "%" || unit == "‰" || first == '/' || is_cjk(first) {
        format!("{n}{unit}")
    } else {
        format!("{n} {unit}")
    }
}

/// Whether a character is Chinese, Japanese or Korean script or full-width punctuation
/// (written with no space around it).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FA1F)
}

/// A full date: "May 20, 2024" / "2024年5月20日".
pub(crate) fn date(d: NaiveDate, language: Language) -> String {
    match language {
        Language::En => format!("{} {}, {}", MONTHS[d.month0() as usize], d.day(), d.year()),
        Language::ZhCn => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
    }
}

/// A short date for chart axes: "May 20" / "5月20日".
pub(crate) fn short_date(d: NaiveDate, language: Language) -> String {
    match language {
        Language::En => format!("{} {}", MONTHS[d.month0() as usize], d.day()),
        Language::ZhCn => format!("{}月{}日", d.month(), d.day()),
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A period's name: "Q2 2024" / "2024年第二季度"; custom periods keep their id.
pub(crate) fn period_label(id: &str, language: Language) -> String {
    let Some(period) = crate::period::calendar(id) else {
        return id.to_owned();
    };
    let year = period.start.year();
    let part = id.split_once('-').map(|(_, p)| p);
    match (language, part) {
        (Language::En, None) => year.to_string(),
        (Language::En, Some(p)) => format!("{p} {year}"),
        (Language::ZhCn, None) => format!("{year}年"),
        (Language::ZhCn, Some("H1")) => format!("{year}年上半年"),
        (Language::ZhCn, Some("H2")) => format!("{year}年下半年"),
        (Language::ZhCn, Some(q)) => {
            let n = ["一", "二", "三", "四"];
            let i = q[1..].parse::<usize>().unwrap_or(1).clamp(1, 4) - 1;
            format!("{year}年第{}季度", n[i])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_and_trimmed() {
        assert_eq!(number(131000.0), "131,000");
        assert_eq!(number(7.1), "7.1");
        assert_eq!(number(99.95), "99.95");
        assert_eq!(number(-1234.5), "-1,234.5");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(100.0), "100");
        assert_eq!(number(0.0025), "0.0025");
        assert_eq!(number(0.13125), "0.1313");
        assert_eq!(number(44.666_666_7), "44.67");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(999_999_999_999_999.0), "999,999,999,999,999");
        assert_eq!(number(1e308), "1e308");
        assert_eq!(number(-1.5e20), "-1.5e20");
        assert_eq!(number(-1e308 / 3.0), "-3.33e307");
    }

    #[test]
    fn units_are_placed_as_readers_expect() {
        assert_eq!(with_unit(70.0, Some("%")), "70%");
        assert_eq!(with_unit(250000.0, Some("¥")), "¥250,000");
        assert_eq!(with_unit(8.0, Some("/10")), "8/10");
        assert_eq!(with_unit(12.0, Some("/week")), "12/week");
        assert_eq!(with_unit(200.0, Some("ms")), "200 ms");
        assert_eq!(with_unit(3.0, Some("家")), "3家");
        assert_eq!(with_unit(-5.0, Some("$")), "-$5");
        assert_eq!(with_unit(5.0, None), "5");
    }

    #[test]
    fn percentages_round_to_whole_numbers() {
        assert_eq!(percent(0.485), "49%");
        assert_eq!(percent(1.1), "110%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(-0.001), "0%");
        assert_eq!(percent(10_000.0), "1000000%");
        assert_eq!(percent(1e300), "> 1000000%");
        assert_eq!(percent(f64::MAX), "> 1000000%");
        assert_eq!(percent(-1e300), "< -1000000%");
        assert_eq!(percent(f64::NAN), "—");
    }

    #[test]
    fn dates_and_periods_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2024, 5, 20).unwrap();
        assert_eq!(date(d, Language::En), "May 20, 2024");
        assert_eq!(date(d, Language::ZhCn), "2024年5月20日");
        assert_eq!(short_date(d, Language::ZhCn), "5月20日");
        assert_eq!(period_label("2024-Q2", Language::En), "Q2 2024");
        assert_eq!(period_label("2024-Q2", Language::ZhCn), "2024年第二季度");
        assert_eq!(period_label("2024-H1", Language::ZhCn), "2024年上半年");
        assert_eq!(period_label("2024", Language::ZhCn), "2024年");
        assert_eq!(period_label("FY2024", Language::ZhCn), "FY2024");
    }
}
