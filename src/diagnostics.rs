//! Every problem okrs finds, from a YAML typo to a stale check-in, is a `Diagnostic`:
//! collected across all files, sorted, and printed in one of three formats.

use serde::Serialize;
use std::fmt::Write as _;

use crate::rule::Rule;
use crate::yaml::Pos;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem at one place. `file` is relative to the site root, with `/` separators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub severity: Severity,
    pub rule: Rule,
    pub message: String,
}

impl Diagnostic {
    pub fn error(file: &str, pos: Pos, rule: Rule, message: impl Into<String>) -> Self {
        Self::new(file, pos, Severity::Error, rule, message)
    }

    pub fn new(
        file: &str,
        pos: Pos,
        severity: Severity,
        rule: Rule,
        message: impl Into<String>,
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
}

/// Sorts errors before warnings, each by file, then position, then rule, and drops exact
/// repeats: the errors, which must be fixed, come first.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        (a.severity, &a.file, a.line, a.column, &a.rule, &a.message)
            .cmp(&(b.severity, &b.file, b.line, b.column, &b.rule, &b.message))
    });
    diagnostics.dedup();
}

/// `(errors, warnings)`
pub fn count(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
}

/// Renders the diagnostics for output; `color` adds ANSI colours to the human format.
pub fn render(diagnostics: &[Diagnostic], format: Format, color: bool) -> String {
    match format {
        Format::Human => diagnostics.iter().fold(String::new(), |mut out, d| {
            let _ = writeln!(out, "{}", human_line(d, color));
            out
        }),
        Format::Json => {
            let mut json = serde_json::to_string_pretty(diagnostics).unwrap_or_default();
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
                github_data(&d.message)
            );
            out
        }),
    }
}

/// `file:line:col: severity[rule]: message`
pub fn human_line(d: &Diagnostic, color: bool) -> String {
    let (on, off, bold) = match (color, d.severity) {
        (false, _) => ("", "", ""),
        (true, Severity::Error) => ("\x1b[1;31m", "\x1b[0m", "\x1b[1m"),
        (true, Severity::Warning) => ("\x1b[1;33m", "\x1b[0m", "\x1b[1m"),
    };
    format!(
        "{bold}{}:{}:{}:{off} {on}{}[{}]{off}: {}",
        d.file,
        d.line,
        d.column,
        d.severity.as_str(),
        d.rule,
        d.message
    )
}

/// The closing line: "2 errors, 1 warning in 14 files".
pub fn summary(diagnostics: &[Diagnostic], files: usize) -> String {
    let (errors, warnings) = count(diagnostics);
    format!(
        "{}, {} in {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(files, "file")
    )
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

// GitHub's workflow commands escape %, CR and LF in data, and also : and , in properties.
fn github_data(s: &str) -> String {
    s.replace('%', "%25")
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
            "aligns_to names 'x', 100% wrong",
        )
    }

    #[test]
    fn human_format_is_file_line_col_severity_rule_message() {
        assert_eq!(
            human_line(&sample(), false),
            "objectives/a.md:12:5: error[unknown-reference]: aligns_to names 'x', 100% wrong"
        );
    }

    #[test]
    fn github_format_escapes_data_and_properties() {
        let out = render(&[sample()], Format::Github, false);
        assert_eq!(
            out,
            "::error file=objectives/a.md,line=12,col=5,title=unknown-reference::aligns_to names 'x', 100%25 wrong\n"
        );
    }

    #[test]
    fn json_format_has_the_six_fields() {
        let out = render(&[sample()], Format::Json, false);
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
        assert_eq!(summary(&[sample(), w], 1), "1 error, 1 warning in 1 file");
    }
}
