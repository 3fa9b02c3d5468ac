//! Every problem okrs finds, from a YAML typo to a stale check-in, is a `Diagnostic`:
//! collected across all files, sorted, and printed in one of three formats.

use serde::Serialize;
use std::fmt::Write as _;

use crate::message::{Message, common};
use crate::model::Language;
use crate::rule::Rule;
use crate::yaml::Pos;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Severity {
    Error,
    Warning,
}

/// One problem at one place. `file` is relative to the site root, with `/` separators.
/// The message is put into words in the language it is shown in.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub file: String,
    pub(crate) line: u32,
    pub(crate) column: u32,
    pub(crate) severity: Severity,
    pub(crate) rule: Rule,
    pub(crate) message: Message,
}

/// A diagnostic as `--format json` prints it, its message in words.
#[derive(Serialize)]
struct Printed<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    severity: Severity,
    rule: Rule,
    message: String,
}

impl Diagnostic {
    pub(crate) fn error(file: &str, pos: Pos, rule: Rule, message: impl Into<Message>) -> Self {
        Self::new(file, pos, Severity::Error, rule, message)
    }

    pub(crate) fn new(
        file: &str,
        pos: Pos,
        severity: Severity,
        rule: Rule,
        message: impl Into<Message>,
    ) -> Self {
        Diagnostic {
            file: file.to_owned(),
            line: pos.line,
            column: pos.column,
            severity,
            rule,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message in words.
    pub(crate) fn text(&self, language: Language) -> String {
        self.message.text(language)
    }
}

/// Sorts errors before warnings, each by file, then position, then rule, and drops exact
/// repeats: the errors, which must be fixed, come first.
pub(crate) fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by_cached_key(|d| {
        (
            d.severity,
            d.file.clone(),
            d.line,
            d.column,
            d.rule,
            d.text(Language::En),
        )
    });
    diagnostics.dedup();
}

/// `(errors, warnings)`
pub(crate) fn count(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
}

/// Whether what goes to `stream` is coloured: when it is a terminal and `NO_COLOR` is not set.
pub(crate) fn color(stream: &impl std::io::IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Renders the diagnostics for output, their messages in `language`; `color` adds ANSI
/// colours to the human format.
pub fn render(
    diagnostics: &[Diagnostic],
    format: Format,
    color: bool,
    language: Language,
) -> String {
    match format {
        Format::Human => diagnostics.iter().fold(String::new(), |mut out, d| {
            let _ = writeln!(out, "{}", human_line(d, color, language));
            out
        }),
        Format::Json => {
            let printed: Vec<Printed> = diagnostics
                .iter()
                .map(|d| Printed {
                    file: &d.file,
                    line: d.line,
                    column: d.column,
                    severity: d.severity,
                    rule: d.rule,
                    message: d.text(language),
                })
                .collect();
            let mut json = serde_json::to_string_pretty(&printed).unwrap_or_default();
            json.push('\n');
            json
        }
        Format::Github => diagnostics.iter().fold(String::new(), |mut out, d| {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let _ = writeln!(
                out,
                "::{command} file={},line={},col={},title={}::{}",
                github_property(&d.file),
                d.line,
                d.column,
                github_property(d.rule.name()),
                github_data(&d.text(language))
            );
            out
        }),
    }
}

/// `file:line:col: severity[rule]: message`, the severity and message in `language`.
pub(crate) fn human_line(d: &Diagnostic, color: bool, language: Language) -> String {
    let (on, off, bold) = match (color, d.severity) {
        (false, _) => ("", "", ""),
        (true, Severity::Error) => ("\x1b[1;31m", "\x1b[0m", "\x1b[1m"),
        (true, Severity::Warning) => ("\x1b[1;33m", "\x1b[0m", "\x1b[1m"),
    };
    let severity = match d.severity {
        Severity::Error => &common::SEVERITY_ERROR,
        Severity::Warning => &common::SEVERITY_WARNING,
    };
    format!(
        "{bold}{}:{}:{}:{off} {on}{}[{}]{off}: {}",
        printable(&d.file, false),
        d.line,
        d.column,
        severity.template(language),
        d.rule,
        printable(&d.text(language), false)
    )
}

/// `text` with every character that would act on a terminal instead of showing written
/// out: ESC as `\e`, a line break as `\n` (or kept, with `line_breaks`), tab as `\t`,
/// other control characters and the bidirectional overrides that reorder what a line
/// shows as `\u{..}`. A file name or value in a message can then neither colour nor
/// clear the terminal, nor forge a diagnostic line of its own.
pub(crate) fn printable(text: &str, line_breaks: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' if line_breaks => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x1b' => out.push_str("\\e"),
            c if is_hidden_control(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// C0 and C1 control characters, DEL, the line and paragraph separators, and the
/// bidirectional embeddings, overrides and isolates.
fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// "2 errors, 1 warning in 14 files".
pub(crate) fn summary(diagnostics: &[Diagnostic], files: usize) -> Message {
    let (errors, warnings) = count(diagnostics);
    crate::msg!(
        common::SUMMARY,
        errors = crate::message::count(errors, &common::ONE_ERROR, &common::ERRORS),
        warnings = crate::message::count(warnings, &common::ONE_WARNING, &common::WARNINGS),
        files = crate::message::count(files, &common::ONE_FILE, &common::FILES),
    )
}

// GitHub's workflow commands escape %, CR and LF in data, and also : and , in properties.
// Other control characters would reach the log as they are: they are written out.
fn github_data(s: &str) -> String {
    printable(s, true)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Diagnostic {
        Diagnostic::error(
            "objectives/a.md",
            Pos {
                line: 12,
                column: 5,
            },
            Rule::UnknownReference,
            crate::msg!(
                crate::validate::messages::VALIDATE_UNKNOWN_ALIGNS_TO,
                id = "x",
                hint = " (100% wrong)"
            ),
        )
    }

    #[test]
    fn human_format_is_file_line_col_severity_rule_message() {
        assert_eq!(
            human_line(&sample(), false, Language::En),
            "objectives/a.md:12:5: error[unknown-reference]: aligns_to names 'x', which no objective or strategy defines (100% wrong)"
        );
    }

    #[test]
    fn github_format_escapes_data_and_properties() {
        let out = render(&[sample()], Format::Github, false, Language::En);
        assert_eq!(
            out,
            "::error file=objectives/a.md,line=12,col=5,title=unknown-reference::aligns_to names 'x', which no objective or strategy defines (100%25 wrong)\n"
        );
    }

    /// A value from content that holds a terminal escape and a line break.
    fn hostile() -> Diagnostic {
        let mut d = sample();
        d.file = "objectives/\u{1b}[2Ja.md".into();
        d.message = crate::msg!(
            crate::validate::messages::VALIDATE_UNKNOWN_ALIGNS_TO,
            id = "x\u{1b}[31m\nobjectives/b.md:1:1: error[forged]: \u{7}\u{9b}\u{202e}",
            hint = ""
        );
        d
    }

    #[test]
    fn human_format_writes_out_control_characters() {
        let line = human_line(&hostile(), false, Language::En);
        assert_eq!(
            line,
            "objectives/\\e[2Ja.md:12:5: error[unknown-reference]: aligns_to names 'x\\e[31m\\nobjectives/b.md:1:1: error[forged]: \\u{7}\\u{9b}\\u{202e}', which no objective or strategy defines"
        );
        let out = render(&[hostile()], Format::Human, true, Language::ZhCn);
        assert_eq!(out.lines().count(), 1, "{out}");
        // Only okrs's own colours are escapes.
        assert_eq!(out.matches('\u{1b}').count(), 4, "{out:?}");
    }

    #[test]
    fn github_format_neutralises_control_characters() {
        let out = render(&[hostile()], Format::Github, false, Language::En);
        assert_eq!(
            out,
            "::error file=objectives/\\e[2Ja.md,line=12,col=5,title=unknown-reference::aligns_to names 'x\\e[31m%0Aobjectives/b.md:1:1: error[forged]: \\u{7}\\u{9b}\\u{202e}', which no objective or strategy defines\n"
        );
    }

    #[test]
    fn printable_keeps_text_and_line_breaks_when_asked() {
        assert_eq!(printable("目标 a\\b 80%", false), "目标 a\\b 80%");
        assert_eq!(printable("a\r\nb\tc\u{7f}", false), "a\\r\\nb\\tc\\u{7f}");
        assert_eq!(printable("a\r\nb\u{1b}", true), "a\r\nb\\e");
    }

    #[test]
    fn json_format_has_the_six_fields() {
        let out = render(&[sample()], Format::Json, false, Language::En);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v[0]["file"], "objectives/a.md");
        assert_eq!(v[0]["line"], 12);
        assert_eq!(v[0]["column"], 5);
        assert_eq!(v[0]["severity"], "error");
        assert_eq!(v[0]["rule"], "unknown-reference");
    }

    #[test]
    fn errors_come_before_warnings_then_file_line_and_column() {
        let at = |file: &str, line, severity| {
            let mut d = sample();
            d.file = file.into();
            d.line = line;
            d.severity = severity;
            d
        };
        let mut all = vec![
            at("a.md", 1, Severity::Warning),
            at("b.md", 9, Severity::Error),
            at("b.md", 2, Severity::Error),
            at("a.md", 5, Severity::Error),
            at("a.md", 5, Severity::Error),
        ];
        sort(&mut all);
        let order: Vec<(&str, u32, Severity)> = all
            .iter()
            .map(|d| (d.file.as_str(), d.line, d.severity))
            .collect();
        assert_eq!(
            order,
            [
                ("a.md", 5, Severity::Error),
                ("b.md", 2, Severity::Error),
                ("b.md", 9, Severity::Error),
                ("a.md", 1, Severity::Warning),
            ]
        );
    }

    #[test]
    fn summary_counts_in_words() {
        let mut w = sample();
        w.severity = Severity::Warning;
        assert_eq!(
            summary(&[sample(), w], 1).text(Language::En),
            "1 error, 1 warning in 1 file"
        );
    }
}
