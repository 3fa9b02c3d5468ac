//! Mistakes on the command line, told in the language of the site they were meant for:
//! clap finds them, and this puts the common ones into the catalogue's words. `--help`
//! and `--version` stay as clap writes them.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;
use std::path::Path;

use crate::message::Message;
use crate::model::Language;
use crate::msg;

mod messages;
#[cfg(test)]
pub(crate) use messages::ALL;
use messages::*;

/// The language a command line asks for: `--lang`, else the language of the first
/// argument that is a site folder (or of the current folder), else English.
pub(crate) fn language_of(args: &[OsString]) -> Language {
    let text: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let flag = text.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_owned)
            .or_else(|| (a == "--lang").then(|| text.get(i + 1).cloned()).flatten())
    });
    if let Some(code) = flag {
        return if code.eq_ignore_ascii_case("zh-CN") {
            Language::ZhCn
        } else {
            Language::En
        };
    }
    text.iter()
        .skip(1)
        .map(String::as_str)
        .chain(["."])
        .map(Path::new)
        .find(|p| crate::is_site(p))
        .and_then(|site| std::fs::read_to_string(site.join("okrs.yaml")).ok())
        .map_or(Language::En, |yaml| {
            crate::load::load_config(&yaml).0.language
        })
}

/// A usage mistake in words, or None for what clap should print itself (help, version,
/// and kinds this does not know).
pub(crate) fn explain(error: &clap::Error) -> Option<Message> {
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        _ => String::new(),
    };
    let suggestion = || {
        let s = context(ContextKind::SuggestedArg) + &context(ContextKind::SuggestedSubcommand);
        (!s.is_empty()).then(|| msg!(USAGE_DID_YOU_MEAN, suggestion = s))
    };
    Some(match error.kind() {
        ErrorKind::MissingRequiredArgument => {
            msg!(USAGE_MISSING, args = context(ContextKind::InvalidArg))
        }
        ErrorKind::ArgumentConflict => msg!(
            USAGE_CONFLICT,
            arg = context(ContextKind::InvalidArg),
            other = context(ContextKind::PriorArg)
        ),
        ErrorKind::UnknownArgument => msg!(
            USAGE_UNKNOWN_ARGUMENT,
            arg = context(ContextKind::InvalidArg),
            hint = suggestion()
        ),
        ErrorKind::InvalidSubcommand => msg!(
            USAGE_UNKNOWN_COMMAND,
            command = context(ContextKind::InvalidSubcommand),
            hint = suggestion()
        ),
        // A value outside a list names the valid ones; one a parser refused has none.
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => msg!(
            USAGE_INVALID_VALUE,
            arg = context(ContextKind::InvalidArg),
            value = context(ContextKind::InvalidValue),
            valid = context(ContextKind::ValidValue)
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            msg!(USAGE_MISSING_COMMAND)
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};

    #[derive(Parser)]
    struct Args {
        #[arg(long)]
        period: String,
        #[arg(long, conflicts_with = "done")]
        value: Option<f64>,
        #[arg(long)]
        done: bool,
    }

    #[test]
    fn common_mistakes_are_told_in_chinese() {
        let _ = Args::command();
        let err = Args::try_parse_from(["okrs"]).err().unwrap();
        let text = explain(&err).unwrap().text(Language::ZhCn);
        assert!(
            text.contains("缺少必需的参数") && text.contains("--period"),
            "{text}"
        );
        let err = Args::try_parse_from(["okrs", "--period", "x", "--value", "1", "--done"])
            .err()
            .unwrap();
        let text = explain(&err).unwrap().text(Language::ZhCn);
        assert!(text.contains("不能与") && text.contains("--done"), "{text}");
        let err = Args::try_parse_from(["okrs", "--period", "x", "--perod"])
            .err()
            .unwrap();
        let text = explain(&err).unwrap().text(Language::En);
        assert!(text.contains("--perod"), "{text}");
    }

    #[test]
    fn the_language_comes_from_the_flag_or_the_site() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            language_of(&args(&["okrs", "--lang", "zh-CN"])),
            Language::ZhCn
        );
        assert_eq!(language_of(&args(&["okrs", "--lang=en"])), Language::En);
        let teebee = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-okrs/teebee");
        assert_eq!(
            language_of(&args(&["okrs", "check", teebee])),
            Language::ZhCn
        );
    }
}
