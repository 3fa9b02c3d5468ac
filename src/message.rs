//! Every sentence okrs says outside a page — diagnostics, hints, the summaries of `check`
//! and `build`, what `new`, `init` and `serve` print — is a `Message`: an entry of the
//! catalogue below and its arguments, put into words only when it is shown, in English or
//! Chinese. Each entry holds both languages side by side, so neither can be missing; a
//! test checks that both use the same placeholders, and docs/checks.md lists them all
//! (generated from this catalogue by a test, so it cannot drift).

use crate::model::Language;

/// One argument of a message: text as it is (an id, a value, a file), a number, or
/// another message put into words in the same language (a hint, the name of a thing).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Arg {
    Text(String),
    Message(Box<Message>),
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(Box::new(m))
    }
}

impl From<Option<Message>> for Arg {
    /// No message is no text (an optional hint).
    fn from(m: Option<Message>) -> Arg {
        m.map_or_else(|| Arg::Text(String::new()), Arg::from)
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Text(n.to_string())
            }
        }
    )*};
}
number_args!(usize, u32, u8, i64, f64);

/// One entry of the catalogue: its name and its words in each language.
#[derive(Debug, PartialEq, Eq)]
pub struct Entry {
    pub(crate) name: &'static str,
    pub(crate) en: &'static str,
    pub(crate) zh: &'static str,
}

impl Entry {
    pub(crate) fn template(&self, language: Language) -> &'static str {
        match language {
            Language::En => self.en,
            Language::ZhCn => self.zh,
        }
    }
}

/// A catalogue entry and its arguments.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Message {
    pub(crate) entry: &'static Entry,
    pub(crate) args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub(crate) fn new(entry: &'static Entry) -> Message {
        Message {
            entry,
            args: Vec::new(),
        }
    }

    /// Adds the argument that fills `{name}`.
    pub(crate) fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The message in words: its template with every `{name}` filled in.
    pub(crate) fn text(&self, language: Language) -> String {
        fill(self.entry.template(language), |name| {
            self.args
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, arg)| match arg {
                    Arg::Text(s) => s.clone(),
                    Arg::Message(m) => m.text(language),
                })
        })
    }
}

/// `msg!(UNKNOWN_KEY, key = name, hint = hint)`: a message of an entry in scope, with its
/// arguments.
#[macro_export]
macro_rules! msg {
    ($entry:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::message::Message::new(&$entry)
            $(.arg(stringify!($name), $value))*
    };
}

/// Declares catalogue entries, each with its English and Chinese words, and `ALL`, the
/// list of them for the catalogue's table and tests.
#[macro_export]
macro_rules! messages {
    ($( $name:ident { en: $en:literal, zh: $zh:literal $(,)? } )*) => {
        $(
            pub(crate) static $name: $crate::message::Entry = $crate::message::Entry {
                name: stringify!($name),
                en: $en,
                zh: $zh,
            };
        )*
        /// Every entry declared here (the catalogue's tests read them all).
        #[cfg(test)]
        pub(crate) static ALL: &[&$crate::message::Entry] = &[ $( &$name, )* ];
    };
}

/// Fills `{name}` placeholders; `{{` and `}}` are literal braces. A placeholder without
/// an argument stays as written, so a mistake shows instead of vanishing.
fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(after) = tail.strip_prefix("{{").or_else(|| tail.strip_prefix("}}")) {
            out.push_str(&tail[..1]);
            rest = after;
            continue;
        }
        match tail[1..].find('}').map(|end| &tail[1..=end]) {
            Some(name) if tail.starts_with('{') && is_name(name) => {
                match value(name) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&tail[..name.len() + 2]),
                }
                rest = &tail[name.len() + 2..];
            }
            _ => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

/// The placeholders of a template, sorted, each once (the catalogue's tests compare each
/// entry's English and Chinese).
#[cfg(test)]
pub(crate) fn placeholders(template: &str) -> Vec<String> {
    let names = std::cell::RefCell::new(Vec::new());
    fill(template, |name| {
        names.borrow_mut().push(name.to_owned());
        Some(String::new())
    });
    let mut names = names.into_inner();
    names.sort();
    names.dedup();
    names
}

/// The words every module shares: hints and counts.
pub(crate) mod common {
    crate::messages! {
        DID_YOU_MEAN { en: " (did you mean '{suggestion}'?)", zh: "（是不是想写「{suggestion}」？）" }
        DID_YOU_MEAN_KEY { en: " (did you mean `{suggestion}`?)", zh: "（是不是想写 `{suggestion}`？）" }
        SUMMARY {
            en: "{errors}, {warnings} in {files}",
            zh: "{errors}，{warnings}，共 {files}",
        }
        SEVERITY_ERROR { en: "error", zh: "错误" }
        SEVERITY_WARNING { en: "warning", zh: "警告" }
        WITH_NOTE { en: "{message} ({note})", zh: "{message}（{note}）" }
        ON_MORE_PAGES {
            en: "{message} (and on {n} more pages)",
            zh: "{message}（另有 {n} 个页面出同样的错）",
        }
        ERRORS { en: "{n} errors", zh: "{n} 个错误" }
        ONE_ERROR { en: "1 error", zh: "1 个错误" }
        WARNINGS { en: "{n} warnings", zh: "{n} 个警告" }
        ONE_WARNING { en: "1 warning", zh: "1 个警告" }
        FILES { en: "{n} files", zh: "{n} 个文件" }
        ONE_FILE { en: "1 file", zh: "1 个文件" }
    }

    use super::{Arg, Message};

    /// The hint ` (did you mean 'x'?)` after a message, when there is something to suggest.
    pub(crate) fn did_you_mean<S: Into<Arg>>(suggestion: Option<S>) -> Option<Message> {
        suggestion.map(|s| Message::new(&DID_YOU_MEAN).arg("suggestion", s))
    }

    /// The same hint for a key, a kind or a folder, written as code: `` (did you mean `x`?)``.
    pub(crate) fn did_you_mean_key<S: Into<Arg>>(suggestion: Option<S>) -> Option<Message> {
        suggestion.map(|s| Message::new(&DID_YOU_MEAN_KEY).arg("suggestion", s))
    }
}

/// What the commands print around the diagnostics.
pub(crate) mod cli {
    crate::messages! {
        CHECK_DONE { en: "okrs check: {summary}", zh: "okrs check：{summary}" }
        BUILD_REFUSED {
            en: "okrs build: {summary}; nothing was written, {output} is as it was",
            zh: "okrs build：{summary}；没有写入任何文件，{output} 保持原样",
        }
        BUILD_TEMPLATE_FAILED {
            en: "okrs build: a template failed; nothing was written, {output} is as it was",
            zh: "okrs build：有模板出错；没有写入任何文件，{output} 保持原样",
        }
        BUILD_WRITTEN {
            en: "okrs build: wrote {pages} ({files}) to {output} in {seconds} s ({warnings}, as of {as_of})",
            zh: "okrs build：已写入 {pages}（{files}）到 {output}，用时 {seconds} 秒（{warnings}，统计日期 {as_of}）",
        }
        BUILD_CANNOT_WRITE {
            en: "cannot write {output}: {error}",
            zh: "无法写入 {output}：{error}",
        }
        RENDERING {
            en: "rendering pages: {done}/{total}",
            zh: "正在生成页面：{done}/{total}",
        }
        PAGES { en: "{n} pages", zh: "{n} 个页面" }
        ONE_PAGE { en: "1 page", zh: "1 个页面" }
        ERROR_PREFIX { en: "error: {message}", zh: "错误：{message}" }
        NOT_A_SITE {
            en: "'{site}' is not an okrs site: it has no okrs.yaml (run `okrs init` to start one)",
            zh: "「{site}」不是 okrs 站点：其中没有 okrs.yaml（运行 `okrs init` 新建一个）",
        }
        NEW_OBJECTIVE_NEEDS {
            en: "okrs new objective needs --title and --period (or --carry ID)",
            zh: "okrs new objective 需要 --title 和 --period（或 --carry ID）",
        }
        NOT_A_DATE {
            en: "{flag} '{value}' is not a date of the form YYYY-MM-DD{hint}",
            zh: "{flag} 的值「{value}」不是 YYYY-MM-DD 格式的日期{hint}",
        }
        NOT_A_DAY {
            en: "{flag} '{value}' is not a date: {reason}",
            zh: "{flag} 的值「{value}」不是有效日期：{reason}",
        }
        UNKNOWN_LANGUAGE {
            en: "'{value}' is not a language okrs knows: use en or zh-CN{hint}",
            zh: "「{value}」不是 okrs 支持的语言：请用 en 或 zh-CN{hint}",
        }
    }
}

/// Every entry of every module's catalogue (for its tests and docs/checks.md).
#[cfg(test)]
pub(crate) fn catalogue() -> Vec<&'static Entry> {
    [
        common::ALL,
        cli::ALL,
        crate::validate::messages::ALL,
        crate::lint::messages::ALL,
        crate::render::messages::ALL,
        crate::write::messages::ALL,
        crate::author::messages::ALL,
        crate::serve::messages::ALL,
        crate::load::messages::ALL,
        crate::usage::ALL,
    ]
    .concat()
}

/// "1 error" / "2 errors": the catalogue entry for one and for several.
pub(crate) fn count(n: usize, one: &'static Entry, many: &'static Entry) -> Message {
    if n == 1 {
        Message::new(one)
    } else {
        Message::new(many).arg("n", n)
    }
}

/// The catalogue as a Markdown table, English and Chinese side by side, for docs/checks.md
/// (a test writes it there and fails when it is stale).
#[cfg(test)]
pub(crate) fn catalogue_table() -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out = String::from("| message | English | 中文 |\n|---|---|---|\n");
    for entry in catalogue() {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            entry.name,
            cell(entry.en),
            cell(entry.zh)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_of_every_message_use_the_same_placeholders() {
        let entries = catalogue();
        for entry in &entries {
            assert_eq!(
                placeholders(entry.en),
                placeholders(entry.zh),
                "{}",
                entry.name
            );
            assert!(
                !entry.en.is_empty() && !entry.zh.is_empty(),
                "{}",
                entry.name
            );
        }
        let mut names: Vec<&str> = entries.iter().map(|e| e.name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "every entry's name is unique");
    }

    #[test]
    fn messages_fill_their_placeholders_in_either_language() {
        use common::*;
        let m = msg!(
            SUMMARY,
            errors = count(2, &ONE_ERROR, &ERRORS),
            warnings = count(1, &ONE_WARNING, &WARNINGS),
            files = count(3, &ONE_FILE, &FILES)
        );
        assert_eq!(m.text(Language::En), "2 errors, 1 warning in 3 files");
        assert_eq!(m.text(Language::ZhCn), "2 个错误，1 个警告，共 3 个文件");
    }

    /// docs/checks.md's table of every message is this catalogue's; `OKRS_BLESS=1`
    /// writes it anew.
    #[test]
    fn the_catalogue_in_docs_checks_md_is_up_to_date() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/checks.md");
        let docs = std::fs::read_to_string(path).unwrap();
        let (start, end) = ("<!-- catalogue:start -->\n", "<!-- catalogue:end -->");
        let (before, rest) = docs.split_once(start).expect("the start marker");
        let (table, after) = rest.split_once(end).expect("the end marker");
        let fresh = catalogue_table();
        if std::env::var_os("OKRS_BLESS").is_some() {
            std::fs::write(path, format!("{before}{start}{fresh}{end}{after}")).unwrap();
        } else {
            assert!(
                table == fresh,
                "docs/checks.md's message table is out of date: run `OKRS_BLESS=1 cargo test --lib catalogue`"
            );
        }
    }

    #[test]
    fn braces_can_be_written_and_missing_arguments_show() {
        assert_eq!(
            fill("{{a}} {b} {c}", |n| (n == "b").then(|| "B".into())),
            "{a} B {c}"
        );
        assert_eq!(fill("{ x } {", |_| None), "{ x } {");
        assert_eq!(placeholders("{a} {b} {a} {{c}}"), ["a", "b"]);
    }
}
