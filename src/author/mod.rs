//! Authoring: `okrs new` writes one new, valid content file from a template, and
//! `okrs init` writes a small working site to start from. Nothing here overwrites a file.

use std::io::Write as _;
use std::path::Path;

use crate::diagnostics::{self, Diagnostic};
use crate::load::{self, hints, schema};
use crate::message::{Message, cli, common};
use crate::model::{Config, Language, slug};
use crate::rule::Rule;
use crate::yaml::write::yaml_scalar;
use crate::{Analysis, Exit, msg, period};

mod carry;
mod checkin;
mod init;
pub(crate) mod messages;
mod objective;
mod party;

use messages::*;

pub(crate) use carry::{CarryObjective, carry_objective};
pub(crate) use checkin::{NewCheckin, new_checkin};
pub(crate) use init::init;
pub(crate) use objective::{NewObjective, new_objective};
pub(crate) use party::{NewPerson, NewTeam, new_person, new_team};

/// The longest file name (in characters, without `.md`) made from a title.
const MAX_NAME: usize = 60;

// ---- Outcomes and errors ----

/// Why a command wrote nothing, put into words when it is printed.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Error {
    /// Wrong usage (exit code 2): no site there, an argument okrs cannot use.
    Usage(Message),
    /// Refused (exit code 1): the file exists, the key result is unknown, the value does
    /// not fit the key result, the folder is not empty, or the file could not be written.
    Refused(Message),
}

impl Error {
    /// How the command ends.
    pub(crate) fn exit(&self) -> Exit {
        match self {
            Error::Usage(_) => Exit::Usage,
            Error::Refused(_) => Exit::Failed,
        }
    }

    #[cfg(test)]
    pub(crate) fn exit_code(&self) -> u8 {
        self.exit().code()
    }

    pub(crate) fn message(&self) -> &Message {
        match self {
            Error::Usage(m) | Error::Refused(m) => m,
        }
    }

    /// The reason in words.
    #[cfg(test)]
    pub(crate) fn text(&self, language: Language) -> String {
        self.message().text(language)
    }
}

/// What a command did, for the command line to print: lines already in words, in the
/// language the command was given.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// Lines for standard output: what was written and what to do next.
    pub(crate) report: Vec<String>,
    /// Lines for standard error: what `okrs check` will say about the new file.
    pub(crate) notes: Vec<String>,
}

// ---- Argument parsers (also used by clap) ----

/// An id for a new file: the id rules, and no leading `_` (okrs skips such files).
pub(crate) fn parse_id(text: &str) -> Result<String, Message> {
    if let Some(problem) = schema::id_problem(text) {
        return Err(msg!(AUTHOR_BAD_ID, id = text, problem = problem.message()));
    }
    if text.starts_with('_') {
        return Err(msg!(AUTHOR_ID_UNDERSCORE, id = text));
    }
    Ok(text.to_owned())
}

/// A check-in value (`--value`): a finite number. A number written as `okrs check` would
/// not read it in `value:` (`79%`, `1,240`, `１２`) gets the same hint: the number to write.
pub(crate) fn parse_value(text: &str) -> Result<f64, Message> {
    match text.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(if v == 0.0 { 0.0 } else { v }),
        _ => {
            let clean = hints::full_width_to_ascii(text).unwrap_or_else(|| text.to_owned());
            let hint = hints::number(&clean).map(|(n, unit)| {
                let unit = unit.map(|u| msg!(AUTHOR_VALUE_UNIT, unit = u));
                msg!(AUTHOR_WRITE_VALUE, number = hints::show(n), unit = unit)
            });
            Err(msg!(AUTHOR_NOT_A_NUMBER, value = text, hint = hint))
        }
    }
}

/// A confidence (`--confidence`): a whole number from 0 to 10 (`7.0` is 7, as in
/// `confidence:`). Else refused with the hint `okrs check` gives: a percentage or a
/// fraction (`70`, `0.7`) suggests its tenth; `70%`, `7/10` or `７` the confidence meant.
pub(crate) fn parse_confidence(text: &str) -> Result<u8, Message> {
    let trimmed = text.trim();
    if let Ok(c) = trimmed.parse::<f64>()
        && c.fract() == 0.0
        && (0.0..=10.0).contains(&c)
    {
        return Ok(c as u8);
    }
    Err(bad_confidence(trimmed))
}

/// Why `text` is no confidence, with what it was likely meant to be, as `okrs check` says.
fn bad_confidence(text: &str) -> Message {
    msg!(
        AUTHOR_BAD_CONFIDENCE,
        value = text,
        hint = confidence_hint(text)
    )
}

fn confidence_hint(text: &str) -> Option<Message> {
    match text.parse::<f64>() {
        Ok(n) => hints::confidence(n, false).map(|c| {
            let what = if n < 1.0 {
                &load::messages::LOAD_A_FRACTION
            } else {
                &load::messages::LOAD_A_PERCENTAGE
            };
            msg!(
                AUTHOR_CONFIDENCE_IF,
                value = text,
                what = Message::new(what),
                confidence = c
            )
        }),
        Err(_) => {
            let clean = hints::full_width_to_ascii(text).unwrap_or_else(|| text.to_owned());
            hints::confidence_text(&clean).map(|c| msg!(AUTHOR_WRITE_CONFIDENCE, confidence = c))
        }
    }
}

/// A site language: `en` or `zh-CN` (another spelling of either gets a hint).
pub(crate) fn parse_language(text: &str) -> Result<Language, Message> {
    match text {
        "en" => Ok(Language::En),
        "zh-CN" => Ok(Language::ZhCn),
        _ => {
            let lower = text.trim().to_lowercase().replace('_', "-");
            let meant = match lower.as_str() {
                "en" | "en-us" | "en-gb" | "english" => Some("en"),
                "zh-cn" | "zh" | "cn" | "zh-hans" | "zh-hans-cn" | "chinese" | "中文" => {
                    Some("zh-CN")
                }
                _ => None,
            };
            let hint = common::did_you_mean(meant);
            Err(msg!(cli::UNKNOWN_LANGUAGE, value = text, hint = hint))
        }
    }
}

/// The language of the site in `site` as okrs.yaml gives it (English where there is no
/// okrs.yaml to read): the language okrs speaks in about that site, unless told another.
pub(crate) fn site_language(site: &Path) -> Language {
    load::read_config_file(site)
        .map(|text| load::load_config(&text).0.language)
        .unwrap_or_default()
}

// ---- Names and YAML ----

/// A file name (without `.md`) from a title or id: [`slug`] (Chinese kept, ASCII
/// lower-cased, spaces and punctuation turned into `-`), without a leading `.` or `_`
/// (okrs skips such files), cut to [`MAX_NAME`] characters at a `-` where it can be.
/// `None` when nothing usable is left (a title of punctuation only).
pub(crate) fn file_slug(text: &str) -> Option<String> {
    let full = slug(text);
    let mut name = full.trim_start_matches(['.', '_', '-']).to_owned();
    if name.chars().count() > MAX_NAME {
        let cut: String = name.chars().take(MAX_NAME).collect();
        // Cut at the last `-` unless that would drop more than half the name.
        name = match cut.rfind('-') {
            Some(i) if cut[..i].chars().count() >= MAX_NAME / 2 => cut[..i].to_owned(),
            _ => cut,
        };
    }
    let name = name.trim_end_matches(['.', '-']);
    (!name.is_empty() && parse_id(name).is_ok()).then(|| name.to_owned())
}

/// A period id as YAML: calendar ids plain (`2024-Q2`, `2024`), others as [`yaml_scalar`].
fn yaml_period(id: &str) -> String {
    if period::calendar(id).is_some() {
        id.to_owned()
    } else {
        yaml_scalar(id)
    }
}

// ---- Shared steps ----

fn require_site(site: &Path) -> Result<(), Error> {
    crate::require_site(site).map_err(Error::Usage)
}

fn read_config(site: &Path) -> Result<Config, Error> {
    let text = load::read_config_file(site).map_err(Error::Refused)?;
    Ok(load::load_config(&text).0)
}

/// The site's documents as okrs reads them (the default output folder skipped).
fn documents(site: &Path) -> load::Loaded {
    load::load_site(site, Some(&crate::write::output_folder(site, None)))
}

/// Writes a new file, creating its folders; refuses if the file exists.
fn write_new(site: &Path, rel: &str, text: &str) -> Result<(), Error> {
    let path = site.join(rel);
    let cannot = |e: std::io::Error| {
        Error::Refused(msg!(AUTHOR_CANNOT_WRITE, file = rel, error = e.to_string()))
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(cannot)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Error::Refused(msg!(AUTHOR_EXISTS, file = rel))
            } else {
                cannot(e)
            }
        })?;
    file.write_all(text.as_bytes()).map_err(cannot)
}

/// How a written file is shown: its path as the user can open it.
fn shown(site: &Path, rel: &str) -> String {
    site.join(rel).display().to_string()
}

/// Whether `rel` lies under the top-level folder `folder`.
fn under(rel: &str, folder: &str) -> bool {
    rel.split('/').next() == Some(folder)
}

fn stem(rel: &str) -> &str {
    rel.rsplit('/')
        .next()
        .unwrap_or(rel)
        .trim_end_matches(".md")
}

/// What `okrs check` says about one file, except the rules in `expected`, in `lang`.
fn notes_about(analysis: &Analysis, rel: &str, expected: &[Rule], lang: Language) -> Vec<String> {
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.file == rel && !expected.contains(&d.rule))
        .map(|d: &Diagnostic| diagnostics::human_line(d, false, lang))
        .collect()
}

/// Ids or values as a list in `lang`: `a, b` in English, `「a」、「b」` in Chinese (each
/// quoted, so that none is copied with a list comma).
fn list<S: AsRef<str>>(items: &[S], lang: Language) -> String {
    let items = items.iter().map(AsRef::as_ref);
    match lang {
        Language::En => items.collect::<Vec<_>>().join(", "),
        Language::ZhCn => items
            .map(|i| format!("「{i}」"))
            .collect::<Vec<_>>()
            .join("、"),
    }
}

fn tr(language: Language, en: &'static str, zh: &'static str) -> &'static str {
    match language {
        Language::En => en,
        Language::ZhCn => zh,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_titles_with_chinese_kept() {
        assert_eq!(
            file_slug("Grow Revenue in Q2!").as_deref(),
            Some("grow-revenue-in-q2")
        );
        assert_eq!(
            file_slug("提高客户满意度：NPS 达到 50").as_deref(),
            Some("提高客户满意度-nps-达到-50")
        );
        assert_eq!(
            file_slug("R&D / Ops: ship it.").as_deref(),
            Some("r-d-ops-ship-it")
        );
        assert_eq!(
            file_slug(".NET migration").as_deref(),
            Some("net-migration")
        );
        assert_eq!(file_slug("_private").as_deref(), Some("private"));
        assert_eq!(file_slug("!!!"), None);
        assert_eq!(file_slug("..."), None);
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let title =
            "Keep the platform boringly reliable while traffic doubles and the team grows fast";
        let name = file_slug(title).unwrap();
        assert!(name.chars().count() <= MAX_NAME, "{name}");
        assert_eq!(
            name,
            "keep-the-platform-boringly-reliable-while-traffic-doubles"
        );
        let chinese = "向".repeat(100);
        assert_eq!(file_slug(&chinese).unwrap().chars().count(), MAX_NAME);
    }

    #[test]
    fn slugged_names_pass_the_id_rules() {
        for title in [
            "a#b",
            "50% more",
            "\"quoted\" <tags>",
            "what? why\\how",
            "tab\there",
        ] {
            let name = file_slug(title).unwrap();
            assert!(schema::id_problem(&name).is_none(), "{title} → {name}");
        }
    }

    #[test]
    fn ids_for_files_refuse_what_okrs_would_skip_or_reject() {
        assert!(parse_id("sales").is_ok());
        assert!(parse_id("销售部").is_ok());
        assert!(parse_id("_hidden").is_err());
        assert!(parse_id(".hidden").is_err());
        assert!(parse_id("a b").is_err());
        assert!(parse_id("a/b").is_err());
    }

    #[test]
    fn values_and_confidences_written_otherwise_get_the_hint_okrs_check_gives() {
        let value = |t: &str| parse_value(t).map_err(|m| m.text(Language::En));
        assert_eq!(value(" 55 "), Ok(55.0));
        assert_eq!(value("-0"), Ok(0.0));
        assert_eq!(
            value("79%"),
            Err("--value '79%' is not a number: write --value 79 (the unit, %, is the key result's `unit`)".into())
        );
        assert_eq!(
            value("1,240"),
            Err("--value '1,240' is not a number: write --value 1240".into())
        );
        assert_eq!(
            value("１２"),
            Err("--value '１２' is not a number: write --value 12".into())
        );
        assert_eq!(
            value("fifty"),
            Err("--value 'fifty' is not a number".into())
        );
        assert_eq!(
            parse_value("79%").unwrap_err().text(Language::ZhCn),
            "--value 的值「79%」不是数字：请写成 --value 79（单位「%」由关键结果的 `unit` 表示）"
        );

        let confidence = |t: &str| parse_confidence(t).map_err(|m| m.text(Language::En));
        assert_eq!(confidence("7"), Ok(7));
        assert_eq!(confidence("7.0"), Ok(7));
        assert_eq!(confidence("0"), Ok(0));
        let bad = |value: &str, hint: &str| {
            Err(format!(
                "--confidence is {value}; it must be a whole number from 0 to 10{hint}"
            ))
        };
        assert_eq!(
            confidence("70"),
            bad("70", " (if 70 is a percentage, write --confidence 7)")
        );
        assert_eq!(
            confidence("0.7"),
            bad("0.7", " (if 0.7 is a fraction, write --confidence 7)")
        );
        assert_eq!(confidence("75%"), bad("75%", " (write --confidence 8)"));
        assert_eq!(confidence("7/10"), bad("7/10", " (write --confidence 7)"));
        assert_eq!(confidence("７"), bad("７", " (write --confidence 7)"));
        // 11 is more likely a slip than 110 %: no guess.
        assert_eq!(confidence("11"), bad("11", ""));
        assert_eq!(confidence("high"), bad("high", ""));
        assert_eq!(
            parse_confidence("70").unwrap_err().text(Language::ZhCn),
            "--confidence 的值为「70」；它必须是 0 到 10 的整数（如果 70 是百分比，请写成 --confidence 7）"
        );
    }
}
