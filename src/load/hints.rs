//! What a value that okrs cannot read was most likely meant to be: a period, a date, a
//! number, a confidence or a word written in another common form — also as Chinese typing
//! habits write them (`2025年4月11日`, `二季度`, `里程碑`, full-width `１`). Diagnostics
//! quote the value to write, so that the fix is a copy, not a guess (docs/checks.md#errors). The same
//! functions serve `okrs check` and `okrs new`.

use chrono::{Datelike, NaiveDate};

use super::messages::*;
use crate::message::{Message, common};
use crate::msg;
use crate::period;
/// A text in YAML double quotes: the one the YAML writer uses.
pub(crate) use crate::yaml::write::yaml_quoted as quoted;

/// The calendar period meant by a quarter, half or year written in another order, case,
/// spacing or in Chinese: `Q3-2018`, `2018Q3`, `2018 Q3`, `q3 2018`, `2018-q3`,
/// `2018年Q3`, `2018年第三季度` → `2018-Q3`; `H1 2018`, `2018h1`, `2018年上半年` →
/// `2018-H1`; `2018年` → `2018`. Full-width letters and digits count as ASCII. None when
/// the text is no such period, or already in okrs's form.
pub(crate) fn period(text: &str) -> Option<String> {
    let ascii = full_width_to_ascii(text);
    let squeezed: String = ascii
        .as_deref()
        .unwrap_or(text)
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '/' | '.'))
        .flat_map(char::to_uppercase)
        .collect();
    let is_year = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    let id = match (squeezed.get(..4), squeezed.get(4..)) {
        (Some(year), Some(rest)) if is_year(year) => match year_part(rest)? {
            Some(part) => format!("{year}-{part}"),
            None => year.to_owned(),
        },
        _ => {
            let (part, year) = (squeezed.get(..2)?, squeezed.get(2..)?);
            if !(is_part(part) && is_year(year)) {
                return None;
            }
            format!("{year}-{part}")
        }
    };
    (id != text && period::calendar(&id).is_some()).then_some(id)
}

fn is_part(s: &str) -> bool {
    s.len() == 2 && (s.starts_with('Q') || s.starts_with('H'))
}

/// What follows a year in a period: `Q3`, `年第三季度`, `年上半年` → the part (`Q3`, `H1`);
/// `年`, `年度` or nothing → the whole year (`Some(None)`); anything else → None.
fn year_part(rest: &str) -> Option<Option<String>> {
    let rest = rest.strip_prefix('年').unwrap_or(rest);
    let rest = rest.strip_prefix('度').unwrap_or(rest);
    if rest.is_empty() || rest == "全年" {
        return Some(None);
    }
    part(rest).map(Some)
}

/// A quarter or half without its year: `Q3`, `H1`, `第三季度`, `三季度`, `3季度`, `上半年`.
fn part(text: &str) -> Option<String> {
    if is_part(text) {
        return Some(text.to_owned());
    }
    match text {
        "上半年" | "上半" => return Some("H1".to_owned()),
        "下半年" | "下半" => return Some("H2".to_owned()),
        _ => {}
    }
    let text = text.strip_prefix('第').unwrap_or(text);
    let number = text
        .strip_suffix("季度")
        .or_else(|| text.strip_suffix('季'))?;
    let n = match number {
        "一" | "1" => 1,
        "二" | "2" => 2,
        "三" | "3" => 3,
        "四" | "4" => 4,
        _ => return None,
    };
    Some(format!("Q{n}"))
}

/// The hint for a period that names none: the calendar id meant (` (did you mean
/// '2025-Q2'?)`), or, for a quarter or half written without its year (`二季度`, `Q2`,
/// `上半年`), what to write with the year as a placeholder. None when the text looks like
/// neither; the caller may then suggest the nearest custom period.
pub(crate) fn period_message(text: &str) -> Option<Message> {
    if let Some(id) = period(text) {
        return common::did_you_mean(Some(id));
    }
    let ascii = full_width_to_ascii(text);
    let squeezed: String = ascii
        .as_deref()
        .unwrap_or(text)
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect();
    let part = part(&squeezed)?;
    Some(msg!(LOAD_PERIOD_NEEDS_YEAR, part = part))
}

/// Why a text is not a date of the form YYYY-MM-DD.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum DateProblem {
    /// It reads as a year, month and day, but that day does not exist:
    /// "September has 30 days".
    NotADay(Message),
    /// It is written in another form; the date to write, when the text can be read as one
    /// without doubt (`2018/9/3`, `2018-9-3`, `2018年9月3日` → `2018-09-03`, but not
    /// `3.9.2018`).
    Form(Option<String>),
}

/// What is wrong with a date that does not parse (see `DateProblem`).
pub(crate) fn date(text: &str) -> DateProblem {
    let ascii = full_width_to_ascii(text);
    let text = ascii.as_deref().unwrap_or(text).trim();
    let Some((year, month, day)) = year_month_day(text) else {
        return DateProblem::Form(None);
    };
    if !(1..=12).contains(&month) {
        return DateProblem::NotADay(msg!(LOAD_NO_MONTH, month = month));
    }
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => DateProblem::Form(Some(d.format("%Y-%m-%d").to_string())),
        None if day == 0 => DateProblem::NotADay(msg!(LOAD_NO_DAY_ZERO)),
        None => {
            let days = days_in_month(year, month);
            let name = if month == 2 {
                msg!(LOAD_FEBRUARY_OF, year = i64::from(year))
            } else {
                Message::new(MONTHS[month as usize - 1])
            };
            DateProblem::NotADay(msg!(LOAD_MONTH_HAS_DAYS, month = name, days = days))
        }
    }
}

static MONTHS: [&crate::message::Entry; 12] = [
    &LOAD_JANUARY,
    &LOAD_FEBRUARY,
    &LOAD_MARCH,
    &LOAD_APRIL,
    &LOAD_MAY,
    &LOAD_JUNE,
    &LOAD_JULY,
    &LOAD_AUGUST,
    &LOAD_SEPTEMBER,
    &LOAD_OCTOBER,
    &LOAD_NOVEMBER,
    &LOAD_DECEMBER,
];

/// Year, month and day from `YYYY-M-D`, `YYYY/M/D`, `YYYY.M.D`, `YYYYMMDD` or
/// `YYYY年M月D日`: forms that start with the year, so they cannot be misread. Day-first and
/// month-first forms (`3.9.2018`, `9/3/2018`) mean different days in different countries
/// and are not read.
fn year_month_day(text: &str) -> Option<(i32, u32, u32)> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if text.len() == 8 && digits(text) {
        return Some((
            text[..4].parse().ok()?,
            text[4..6].parse().ok()?,
            text[6..].parse().ok()?,
        ));
    }
    let chinese: String;
    let (year, month, day) = if text.contains('年') {
        // `2018年9月3日` (or `号`), spaces allowed between the parts.
        chinese = text.chars().filter(|c| !c.is_whitespace()).collect();
        let (year, rest) = chinese.split_once('年')?;
        let (month, rest) = rest.split_once('月')?;
        let day = rest
            .strip_suffix('日')
            .or_else(|| rest.strip_suffix('号'))
            .unwrap_or(rest);
        (year, month, day)
    } else {
        let separator = text.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
        let parts: Vec<&str> = text.split(separator).collect();
        let [year, month, day] = parts[..] else {
            return None;
        };
        (year, month, day)
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
/// `1,077,000` → 1077000, `"55 %"` → 55 and `%`, `"1 077 000"` → 1077000, `2.5小时` →
/// 2.5 and `小时`, `120 万元` → 1200000 and `元` (万 is 10⁴, 亿 10⁸). Thousands
/// separators count only in groups of three, so `1,5` (a decimal comma, or a list) is
/// not read.
pub(crate) fn number(text: &str) -> Option<(f64, Option<String>)> {
    let text = text.trim();
    let (text, unit, scale) = match text.strip_suffix('%') {
        Some(rest) => (rest.trim_end(), Some("%".to_owned()), 1.0),
        None => chinese_unit(text),
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
    let n: f64 = written.parse().ok()?;
    // `1.2亿` is 120000000, not 120000000.00000001.
    let n = if scale == 1.0 {
        n
    } else {
        (n * scale * 1e6).round() / 1e6
    };
    Some((n, unit))
}

/// A number's text split from a Chinese unit written after it (`2.5小时` → `2.5`, `小时`)
/// and the multiplier of a leading 万 or 亿 (`120 万元` → `120`, `元`, 10⁴). Only letters
/// outside ASCII count as a unit, so `7.x` stays no number.
fn chinese_unit(text: &str) -> (&str, Option<String>, f64) {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| !c.is_ascii() && c.is_alphabetic())
        .last()
        .map(|(i, _)| i);
    let Some(start) = start else {
        return (text, None, 1.0);
    };
    let (number, suffix) = text.split_at(start);
    let (scale, unit) = match suffix.chars().next() {
        Some('万') => (1e4, &suffix['万'.len_utf8()..]),
        Some('亿') => (1e8, &suffix['亿'.len_utf8()..]),
        _ => (1.0, suffix),
    };
    let unit = (!unit.is_empty()).then(|| unit.to_owned());
    (number.trim_end(), unit, scale)
}

/// A number as okrs writes it in a hint: no needless decimals, never `-0`.
pub(crate) fn show(n: f64) -> String {
    if n == 0.0 {
        "0".to_owned()
    } else {
        format!("{n}")
    }
}

/// The confidence (0–10) meant by a number that is not one: a percentage (`70` → 7; with
/// `percent`, as in `"75%"`, any share rounded: 8) or a fraction (`0.7` → 7). None when it
/// looks like neither (`11` is more likely a slip than 110 %).
pub(crate) fn confidence(n: f64, percent: bool) -> Option<u8> {
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
pub(crate) fn confidence_text(text: &str) -> Option<u8> {
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

/// Whether a character is a full-width form of an ASCII one (`１`, `：`, `Ｑ`, `，`) or the
/// ideographic space `　`, as Chinese input methods type them.
pub(crate) fn is_full_width(c: char) -> bool {
    matches!(c, '\u{3000}' | '\u{FF01}'..='\u{FF5E}')
}

/// The text with its full-width characters written as the ASCII ones they stand for
/// (`１２` → `12`, `２０２５－Ｑ２` → `2025-Q2`); None when it has none.
pub(crate) fn full_width_to_ascii(text: &str) -> Option<String> {
    // White space around a value (a full-width space typed after an id) is not this slip:
    // names and ids are read without it, with a warning of their own (validate).
    let text = text.trim();
    if !text.chars().any(is_full_width) {
        return None;
    }
    let ascii = |c: char| match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    Some(text.chars().map(ascii).collect())
}

/// Quotation marks that Chinese input methods type, which YAML takes as text.
const CHINESE_QUOTES: [char; 10] = ['“', '”', '‘', '’', '「', '」', '『', '』', '＂', '＇'];

/// A value written between Chinese quotation marks, or with one at either end (`“个”`,
/// `”个”`, `「co-o2」`, `“个`): the text inside and the marks as written (`“”`, `””`, `“`).
pub(crate) fn chinese_quotes(text: &str) -> Option<(String, String)> {
    let mut chars: Vec<char> = text.trim().chars().collect();
    let mut marks = String::new();
    if chars.first().is_some_and(|c| CHINESE_QUOTES.contains(c)) {
        marks.push(chars.remove(0));
    }
    if chars.last().is_some_and(|c| CHINESE_QUOTES.contains(c)) {
        marks.extend(chars.pop());
    }
    let inner: String = chars.into_iter().collect();
    let inner = inner.trim();
    (!marks.is_empty() && !inner.is_empty()).then(|| (inner.to_owned(), marks))
}

/// The characters that Chinese writing separates items of a list with, and the ASCII
/// comma: YAML reads `co-o2、co-o3` (or `co-o2, co-o3` without brackets) as one text.
pub(crate) const LIST_SEPARATORS: [char; 5] = ['、', '，', ',', '；', ';'];

/// The ids of a text that lists them with one of `LIST_SEPARATORS`: the separator first
/// written and the ids. None when the text has none, or an item would be empty.
pub(crate) fn list_items(text: &str) -> Option<(char, Vec<String>)> {
    let separator = text.chars().find(|c| LIST_SEPARATORS.contains(c))?;
    let items: Vec<String> = text
        .split(LIST_SEPARATORS)
        .map(|s| s.trim().to_owned())
        .collect();
    (items.len() > 1 && items.iter().all(|s| !s.is_empty())).then_some((separator, items))
}

/// The metric meant by a Chinese word for it: `里程碑` → `milestone`, `提升` → `increase`,
/// `降低` → `decrease`, `保持高于` → `stay_above`, `保持低于` → `stay_below`.
pub(crate) fn metric(text: &str) -> Option<&'static str> {
    Some(match text.trim() {
        "里程碑" | "里程碑式" | "是否完成" => "milestone",
        "提升" | "提高" | "增加" | "增长" | "上升" | "递增" => "increase",
        "降低" | "减少" | "下降" | "减小" | "递减" => "decrease",
        "保持高于" | "保持在以上" | "不低于" | "高于" | "维持高于" => {
            "stay_above"
        }
        "保持低于" | "保持在以下" | "不高于" | "低于" | "不超过" | "维持低于" => {
            "stay_below"
        }
        _ => return None,
    })
}

/// The commitment meant by a Chinese word for it: `承诺型` → `committed`, `挑战型` →
/// `aspirational`.
pub(crate) fn commitment(text: &str) -> Option<&'static str> {
    Some(match text.trim() {
        "承诺型" | "承诺" | "承诺性" | "必达" | "必达型" => "committed",
        "挑战型" | "挑战" | "挑战性" | "愿景型" | "进取型" => "aspirational",
        _ => return None,
    })
}

/// The keys a Chinese name for one may mean, the likelier first (`标题` → `title`, then
/// `name`; `负责人` → `owner`, then a team's `lead`); empty for any other text.
pub(crate) fn chinese_key(text: &str) -> &'static [&'static str] {
    match text.trim() {
        "标题" | "名称" | "名字" => &["title", "name"],
        "姓名" => &["name"],
        "编号" | "标识" | "标识符" => &["id"],
        "类型" | "文件类型" => &["kind"],
        "周期" | "期间" | "季度" => &["period"],
        "负责人" | "所有者" | "责任人" => &["owner", "lead"],
        "团队负责人" | "组长" => &["lead", "owner"],
        "团队" | "部门" | "所属团队" => &["team"],
        "上级团队" | "上级" | "上级部门" => &["parent"],
        "对齐" | "对齐到" | "对齐目标" | "支撑" => &["aligns_to"],
        "承诺类型" | "目标类型" | "承诺" => &["commitment"],
        "权重" => &["weight"],
        "草稿" => &["draft"],
        "关键结果" => &["key_results"],
        "延续自" | "延续" => &["carried_from"],
        "复盘" | "回顾" => &["review"],
        "允许" | "忽略" => &["allow"],
        "起始值" | "基线" | "基线值" | "初始值" | "起点" => &["start"],
        "目标值" => &["target"],
        "单位" => &["unit"],
        "指标类型" | "度量" | "指标" => &["metric"],
        "关键任务" | "任务" => &["tasks"],
        "进展更新" => &["checkins", "updates"],
        "评分" | "得分" => &["grade"],
        "已完成" | "完成" => &["done"],
        "日期" | "时间" => &["date"],
        "作者" | "填写人" => &["author"],
        "关键结果编号" => &["kr"],
        "当前值" | "数值" | "进展" | "值" => &["value"],
        "信心" | "信心指数" | "信心值" => &["confidence"],
        "备注" | "说明" => &["note", "description"],
        "描述" | "简介" => &["description", "note"],
        "使命" => &["mission"],
        "愿景" => &["vision"],
        "战略" => &["strategies"],
        "扩展" | "其他" => &["extra"],
        _ => &[],
    }
}

/// The boolean meant by a word for yes or no: `是`, `完成`, `yes` → true; `否`, `未完成`,
/// `no` → false.
pub(crate) fn boolean(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "是" | "对" | "真" | "完成" | "已完成" | "达成" | "已达成" | "yes" | "y" | "on"
        | "done" => Some(true),
        "否" | "不" | "不是" | "错" | "假" | "未完成" | "没完成" | "未达成" | "no" | "n"
        | "off" => Some(false),
        _ => None,
    }
}

/// The site language meant by another name for it: `zh-cn`, `zh`, `zh_CN`, `中文`,
/// `Chinese` → `zh-CN`; `en-US`, `English`, `英文` → `en`. None when it is one already.
pub(crate) fn language(text: &str) -> Option<&'static str> {
    let lower = text.trim().to_lowercase().replace('_', "-");
    let meant = match lower.as_str() {
        "zh-cn" | "zh" | "cn" | "zh-hans" | "zh-hans-cn" | "zh-sg" | "chinese" | "中文"
        | "简体中文" | "汉语" | "简体" => "zh-CN",
        "en" | "en-us" | "en-gb" | "english" | "英文" | "英语" => "en",
        _ => return None,
    };
    (meant != text).then_some(meant)
}

/// A text as a YAML value: plain where YAML reads it back as that text, else in double
/// quotes (`%` → `"%"`, `O1: x` → `"O1: x"`).
pub(crate) fn yaml_text(text: &str) -> String {
    let special_start = text.starts_with([
        '%', '@', '`', '!', '&', '*', '|', '>', '\'', '"', '#', '{', '}', '[', ']', ',', '?', ':',
        '-',
    ]);
    let reserved = matches!(
        text.to_lowercase().as_str(),
        "true" | "false" | "null" | "~" | ""
    ) || text.parse::<f64>().is_ok();
    let breaks = text.contains(": ")
        || text.contains(" #")
        || text.ends_with(':')
        || text.trim() != text
        || text.contains(['\n', '\t']);
    if special_start || reserved || breaks {
        quoted(text)
    } else {
        text.to_owned()
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
    fn periods_as_chinese_writing_has_them_suggest_the_calendar_id() {
        for (written, id) in [
            ("2025年Q2", "2025-Q2"),
            ("2025Q2", "2025-Q2"),
            ("2025年第二季度", "2025-Q2"),
            ("2025年二季度", "2025-Q2"),
            ("2025 年第 2 季度", "2025-Q2"),
            ("2025年4季度", "2025-Q4"),
            ("2025年上半年", "2025-H1"),
            ("2025年下半年", "2025-H2"),
            ("2025年H2", "2025-H2"),
            ("2025年", "2025"),
            ("2025年度", "2025"),
            ("２０２５－Ｑ２", "2025-Q2"),
        ] {
            assert_eq!(period(written).as_deref(), Some(id), "{written}");
        }
        assert_eq!(period("2025年第五季度"), None);
        assert_eq!(period("2025年春"), None);
    }

    #[test]
    fn a_period_without_its_year_asks_for_it() {
        use crate::model::Language::{En, ZhCn};
        let hint = |text: &str, language| period_message(text).map(|m| m.text(language));
        assert_eq!(
            hint("二季度", ZhCn).as_deref(),
            Some("（周期要写明年份：请写成 `YYYY-Q2`，YYYY 为四位年份）")
        );
        assert_eq!(
            hint("第三季度", En).as_deref(),
            Some(" (a period needs its year: write `YYYY-Q3`, with YYYY the year)")
        );
        assert!(hint("Q1", En).unwrap().contains("`YYYY-Q1`"));
        assert!(hint("上半年", En).unwrap().contains("`YYYY-H1`"));
        assert_eq!(
            hint("2025年Q2", En).as_deref(),
            Some(" (did you mean '2025-Q2'?)")
        );
        assert_eq!(hint("grow", En), None);
    }

    #[test]
    fn chinese_words_for_metrics_commitments_booleans_and_languages_give_the_value() {
        assert_eq!(metric("里程碑"), Some("milestone"));
        assert_eq!(metric("提升"), Some("increase"));
        assert_eq!(metric("降低"), Some("decrease"));
        assert_eq!(metric("保持高于"), Some("stay_above"));
        assert_eq!(metric("保持低于"), Some("stay_below"));
        assert_eq!(metric("随便"), None);
        assert_eq!(commitment("承诺型"), Some("committed"));
        assert_eq!(commitment("挑战型"), Some("aspirational"));
        assert_eq!(boolean("否"), Some(false));
        assert_eq!(boolean("未完成"), Some(false));
        assert_eq!(boolean("是"), Some(true));
        assert_eq!(boolean("完成"), Some(true));
        assert_eq!(boolean("Yes"), Some(true));
        assert_eq!(boolean("也许"), None);
        for written in ["zh-cn", "zh", "zh_CN", "中文", "Chinese", "ZH-CN"] {
            assert_eq!(language(written), Some("zh-CN"), "{written}");
        }
        assert_eq!(language("English"), Some("en"));
        assert_eq!(language("zh-CN"), None);
        assert_eq!(language("en"), None);
        assert_eq!(language("fr"), None);
    }

    #[test]
    fn full_width_characters_and_chinese_quotes_are_found() {
        assert_eq!(full_width_to_ascii("１２３").as_deref(), Some("123"));
        assert_eq!(full_width_to_ascii("１，２４０").as_deref(), Some("1,240"));
        assert_eq!(full_width_to_ascii("a　b").as_deref(), Some("a b"));
        assert_eq!(full_width_to_ascii("王强"), None);
        let quotes = |s: &str| chinese_quotes(s).map(|(i, m)| format!("{i} {m}"));
        assert_eq!(quotes("“个”").as_deref(), Some("个 “”"));
        assert_eq!(quotes("”个”").as_deref(), Some("个 ””"));
        assert_eq!(quotes("「co-o2」").as_deref(), Some("co-o2 「」"));
        assert_eq!(quotes("个”").as_deref(), Some("个 ”"));
        assert_eq!(quotes("个"), None);
        assert_eq!(quotes("“”"), None);
        assert_eq!(
            list_items("co-o2、co-o3"),
            Some(('、', vec!["co-o2".into(), "co-o3".into()]))
        );
        assert_eq!(
            list_items("a， b，c"),
            Some(('，', vec!["a".into(), "b".into(), "c".into()]))
        );
        assert_eq!(list_items("co-o2"), None);
        assert_eq!(list_items("a、"), None);
    }

    #[test]
    fn texts_are_quoted_only_where_yaml_needs_it() {
        assert_eq!(yaml_text("个"), "个");
        assert_eq!(yaml_text("%"), "\"%\"");
        assert_eq!(yaml_text("O1: 确定"), "\"O1: 确定\"");
        assert_eq!(yaml_text("12"), "\"12\"");
        assert_eq!(yaml_text("true"), "\"true\"");
        assert_eq!(quoted("a \"b\" \\"), "\"a \\\"b\\\" \\\\\"");
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
        use crate::model::Language::{En, ZhCn};
        let why = |text: &str, language| match date(text) {
            DateProblem::NotADay(m) => m.text(language),
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(why("2018-09-31", En), "September has 30 days");
        assert_eq!(why("2018-09-31", ZhCn), "九月只有 30 天");
        assert_eq!(why("2023-02-29", En), "February 2023 has 28 days");
        assert_eq!(why("2023-02-29", ZhCn), "2023 年二月只有 28 天");
        assert_eq!(why("2024-02-30", En), "February 2024 has 29 days");
        assert_eq!(why("2018-13-01", En), "there is no month 13");
        assert_eq!(why("2018-13-01", ZhCn), "没有 13 月");
        assert_eq!(why("2018-05-00", En), "there is no day 0");
        assert_eq!(why("2018/9/31", En), "September has 30 days");
        assert_eq!(why("2018年9月31日", ZhCn), "九月只有 30 天");
    }

    #[test]
    fn a_date_in_another_form_gets_the_date_to_write_when_it_cannot_be_misread() {
        let exact = |s: &str| DateProblem::Form(Some(s.to_owned()));
        assert_eq!(date("2018/9/3"), exact("2018-09-03"));
        assert_eq!(date("2018-9-3"), exact("2018-09-03"));
        assert_eq!(date("2018.09.03"), exact("2018-09-03"));
        assert_eq!(date("20180903"), exact("2018-09-03"));
        // As Chinese writing has it.
        assert_eq!(date("2025年4月11日"), exact("2025-04-11"));
        assert_eq!(date("2025 年 4 月 11 号"), exact("2025-04-11"));
        assert_eq!(date("2025/4/11"), exact("2025-04-11"));
        assert_eq!(date("2025.4.11"), exact("2025-04-11"));
        assert_eq!(date("２０２５-０４-１１"), exact("2025-04-11"));
        assert_eq!(date("2025年4月"), DateProblem::Form(None));
        // Day or month first: 3 September or 9 March?
        assert_eq!(date("3.9.2018"), DateProblem::Form(None));
        assert_eq!(date("9/3/2018"), DateProblem::Form(None));
        assert_eq!(date("tomorrow"), DateProblem::Form(None));
        assert_eq!(date("2018-09"), DateProblem::Form(None));
    }

    #[test]
    fn numbers_written_as_text_give_the_number_and_the_unit() {
        assert_eq!(number("79%"), Some((79.0, Some("%".to_owned()))));
        assert_eq!(number("55 %"), Some((55.0, Some("%".to_owned()))));
        assert_eq!(number("1,077,000"), Some((1_077_000.0, None)));
        assert_eq!(number("1 077 000"), Some((1_077_000.0, None)));
        assert_eq!(number("70"), Some((70.0, None)));
        assert_eq!(number("-2.5"), Some((-2.5, None)));
        assert_eq!(number("12.5%"), Some((12.5, Some("%".to_owned()))));
    }

    #[test]
    fn chinese_names_of_keys_give_the_keys_they_may_mean() {
        assert_eq!(chinese_key("标题"), ["title", "name"]);
        assert_eq!(chinese_key(" 负责人"), ["owner", "lead"]);
        assert_eq!(chinese_key("基线"), ["start"]);
        assert_eq!(chinese_key("关键结果"), ["key_results"]);
        assert!(chinese_key("颜色").is_empty());
    }

    #[test]
    fn numbers_with_a_chinese_unit_give_the_number_and_the_unit() {
        let unit = |u: &str| Some(u.to_owned());
        assert_eq!(number("2.5小时"), Some((2.5, unit("小时"))));
        assert_eq!(number("1200名"), Some((1200.0, unit("名"))));
        assert_eq!(number("300 个"), Some((300.0, unit("个"))));
        assert_eq!(number("120 万元"), Some((1_200_000.0, unit("元"))));
        assert_eq!(number("1.2亿"), Some((120_000_000.0, None)));
        assert_eq!(number("小时"), None);
        assert_eq!(number("约300个"), None);
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
