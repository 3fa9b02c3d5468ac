//! Stage 1: finds the site's files, splits each into front matter and body, and reads
//! the front matter into the model. Each file is read on its own (and in parallel).

mod cache;
mod config;
pub(crate) mod hints;
mod kinds;
pub(crate) mod messages;
pub(crate) mod schema;
mod slips;
pub(crate) mod theme;

use crate::rule::Rule;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostics::Diagnostic;
use crate::message::{Entry, Message, common};
use crate::model::{Config, Content, Document, Kind, Pos, ThemeFiles};
use crate::msg;
use crate::yaml;
pub use cache::{Changes, FileCache};
use messages::*;

/// What loading a site gives: its configuration, every document that could be read,
/// and every problem found on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub(crate) config: Config,
    pub(crate) documents: Vec<Arc<Document>>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// What files with errors would have given the site (docs/checks.md#one-mistake-one-error).
    pub(crate) gaps: Vec<Gap>,
    /// How many files were read (okrs.yaml included).
    pub(crate) files: usize,
    pub(crate) has_people_folder: bool,
    pub(crate) has_teams_folder: bool,
    pub(crate) theme: ThemeFiles,
}

/// Something a file would have given the site had it been read without errors. What
/// depends on it in other files is not reported again: the file's own error is the one
/// to fix (docs/checks.md#one-mistake-one-error).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Gap {
    pub(crate) file: String,
    /// Where the error that explains the gap is; its message is told how many
    /// references to what is missing were not checked.
    pub(crate) cause: Pos,
    pub(crate) missing: Missing,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Missing {
    /// The file was read, but with parts left out or unsure: it gets no lints.
    Parts,
    /// An objective the file would have defined, and the ids it aligns to.
    Objective {
        id: String,
        aligns_to: Vec<String>,
    },
    /// An objective's key results, which could not be read as a list.
    KeyResults {
        objective: String,
    },
    /// A key result (`OBJECTIVE/KR`) left out, or read with errors, so that its metric or
    /// target may be wrong.
    KeyResult {
        full_id: String,
    },
    /// Check-ins of these key results (as written in `kr:`) that could not be read.
    Checkins {
        krs: Vec<String>,
    },
    /// Teams or people a file would have defined: ids and names.
    Teams {
        names: Vec<String>,
    },
    People {
        names: Vec<String>,
    },
    /// Strategies org.md would have defined.
    Strategies {
        ids: Vec<String>,
    },
    /// Custom periods okrs.yaml would have defined.
    Periods {
        ids: Vec<String>,
    },
    /// okrs.yaml's lint settings could not be read: no lint is reported, as none has a
    /// known level.
    LintSettings,
}

/// Top-level folders that hold no content: templates, themes and static files (the content
/// folders are `Kind::FOLDERS`).
pub(crate) const NOT_CONTENT: [&str; 3] = ["templates", "themes", "static"];

/// Loads the site at `root`, skipping `output` (the build's output folder) if it lies inside.
pub(crate) fn load_site(root: &Path, output: Option<&Path>) -> Loaded {
    FileCache::default().load(root, output, &Changes::Everything)
}

/// The text of the site's okrs.yaml, or why it cannot be read. A folder or anything else
/// that is not a file (a FIFO, a device) is called so, and never opened: reading a FIFO
/// would wait for a writer for ever.
pub(crate) fn read_config_file(root: &Path) -> Result<String, Message> {
    let path = root.join("okrs.yaml");
    match std::fs::metadata(&path) {
        Ok(m) if m.is_dir() => Err(msg!(LOAD_CONFIG_IS_FOLDER)),
        Ok(m) if !m.is_file() => Err(msg!(LOAD_CONFIG_NOT_A_FILE)),
        _ => std::fs::read_to_string(&path)
            .map_err(|err| msg!(LOAD_CANNOT_READ_CONFIG, error = io_error(&err))),
    }
}

/// Why a file could not be read, as the system says it, after its meaning in Chinese.
pub(crate) fn io_error(err: &std::io::Error) -> Message {
    let entry = match err.kind() {
        std::io::ErrorKind::NotFound => &LOAD_IO_NOT_FOUND,
        std::io::ErrorKind::PermissionDenied => &LOAD_IO_PERMISSION,
        _ => &LOAD_IO_OTHER,
    };
    msg!(*entry, detail = err.to_string())
}

/// Parses YAML text, repairing (and reporting) the slips of Chinese typing that break it.
/// The reader gets the errors; the tree's positions are in the file, after `offset` lines.
fn parse_yaml(
    reader: &mut schema::Reader,
    text: &str,
    offset: u32,
) -> (Option<yaml::Node>, String) {
    let parsed = slips::parse(text, &is_known_key);
    for slip in parsed.errors {
        let pos = Pos {
            line: slip.pos.line + offset,
            column: slip.pos.column,
        };
        reader.error(pos, Rule::YamlSyntax, slip.message);
    }
    let root = parsed.root.map(|mut root| {
        yaml::shift_lines(&mut root, offset);
        root
    });
    (root, parsed.text)
}

/// Whether any mapping of any file okrs reads has this key.
fn is_known_key(key: &str) -> bool {
    kinds::is_known_key(key) || config::is_known_key(key)
}

/// Reads okrs.yaml's text.
pub fn load_config(text: &str) -> (Config, Vec<Diagnostic>) {
    let (config, diagnostics, _) = read_config(text);
    (config, diagnostics)
}

/// Reads okrs.yaml's text, with what its errors leave out.
fn read_config(text: &str) -> (Config, Vec<Diagnostic>, Vec<Gap>) {
    let text = normalise(text.as_bytes());
    let mut reader = schema::Reader::new("okrs.yaml").with_source(&text, 0);
    let (root, repaired) = parse_yaml(&mut reader, &text, 0);
    let config = match root {
        Some(root) => config::read(&mut reader, &root),
        None => {
            let cause = reader
                .cause_since(schema::Reader::START)
                .unwrap_or(Pos { line: 1, column: 1 });
            reader.gap(cause, Missing::LintSettings);
            let ids = Source::Text(&repaired).anywhere("id");
            reader.gap(cause, Missing::Periods { ids });
            Config {
                pace_tolerance: 0.1,
                ..Config::default()
            }
        }
    };
    let gaps = reader
        .gaps
        .drain(..)
        .map(|(cause, missing)| Gap {
            file: "okrs.yaml".to_owned(),
            cause,
            missing,
        })
        .collect();
    (config, reader.diagnostics, gaps)
}

/// The site's Markdown files, relative to `root`, in byte order of their paths.
pub(crate) fn discover(root: &Path, output: Option<&Path>) -> Vec<PathBuf> {
    let mut files = discover_under(root, Path::new(""), output);
    files.sort_by_cached_key(|p| relative_name(p));
    files
}

/// The output folder relative to `root`, when it lies inside.
fn output_inside(root: &Path, output: Option<&Path>) -> Option<PathBuf> {
    let o = std::path::absolute(output?).ok()?;
    let r = std::path::absolute(root).ok()?;
    o.strip_prefix(&r).ok().map(Path::to_path_buf)
}

/// Whether a folder (relative to the root) holds no content: hidden or `_`-prefixed at any
/// depth, or at the top one of `templates/`, `themes/`, `static/` or the output folder.
fn excluded_folder(rel: &Path, output: Option<&Path>) -> bool {
    let mut names = rel.components().map(|c| c.as_os_str().to_string_lossy());
    if names.any(|n| n.starts_with('.') || n.starts_with('_')) {
        return true;
    }
    let first = rel.components().next().map(|c| c.as_os_str());
    first.is_some_and(|f| NOT_CONTENT.iter().any(|n| f == *n) || output == Some(Path::new(f)))
}

/// Whether a file (relative to the root) is one the site reads: Markdown outside the
/// folders that hold none, and at the root only org.md (another is a README).
fn is_content_file(rel: &Path, output: Option<&Path>) -> bool {
    let folder = rel.parent().unwrap_or(Path::new(""));
    rel.extension().is_some_and(|e| e == "md")
        && !excluded_folder(rel, output)
        && (folder != Path::new("") || rel == Path::new("org.md"))
}

/// The content files under `folder` (relative to `root`; "" for the whole site), relative
/// to `root`, in no particular order. Symbolic links are not followed.
pub(crate) fn discover_under(root: &Path, folder: &Path, output: Option<&Path>) -> Vec<PathBuf> {
    let output = output_inside(root, output);
    let output = output.as_deref();
    if excluded_folder(folder, output) {
        return Vec::new();
    }
    walkdir::WalkDir::new(root.join(folder))
        .min_depth(1)
        .into_iter()
        .filter_entry(|entry| {
            let Ok(rel) = entry.path().strip_prefix(root) else {
                return false;
            };
            !entry.file_type().is_dir() || !excluded_folder(rel, output)
        })
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter_map(|entry| entry.path().strip_prefix(root).ok().map(Path::to_path_buf))
        .filter(|rel| is_content_file(rel, output))
        .collect()
}

/// A relative path written with `/`, as diagnostics and okrs.json show it.
pub(crate) fn relative_name(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Drops a UTF-8 byte-order mark and turns CRLF into LF.
fn normalise(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8_lossy(bytes).replace("\r\n", "\n")
}

/// A file split at its front matter: the YAML text, the line it starts on, and the body.
#[derive(Debug, PartialEq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// Lines before the YAML in the file (the opening `---`).
    pub(crate) yaml_offset: u32,
    pub body: &'a str,
}

/// Splits a file at its front matter; the error is the catalogue's entry for what is wrong.
pub fn split_front_matter(text: &str) -> Result<Split<'_>, &'static Entry> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(&LOAD_NO_FRONT_MATTER);
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for line in lines {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_offset: 1,
                body: &text[offset + line.len()..],
            });
        }
        offset += line.len();
    }
    Err(&LOAD_FRONT_MATTER_UNCLOSED)
}

/// Reads one Markdown file of the site, given its path relative to the root.
pub fn load_document(path: &str, bytes: &[u8]) -> (Option<Document>, Vec<Diagnostic>) {
    let (document, diagnostics, _) = load_file(path, bytes);
    (document, diagnostics)
}

/// Reads one Markdown file of the site: the document, if it could be read, its
/// problems, and what its errors leave out of the site.
pub(crate) fn load_file(path: &str, bytes: &[u8]) -> (Option<Document>, Vec<Diagnostic>, Vec<Gap>) {
    let start = Pos { line: 1, column: 1 };
    if std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).is_err() {
        let d = Diagnostic::error(path, start, Rule::Io, msg!(LOAD_NOT_UTF8));
        let gaps = file_gaps(path, None, &d);
        return (None, vec![d], gaps);
    }
    let text = normalise(bytes);
    let split = match split_front_matter(&text) {
        Ok(split) => split,
        Err(entry) => {
            let d = Diagnostic::error(path, start, Rule::FrontMatter, Message::new(entry));
            let gaps = file_gaps(path, Some(Source::Text(&text)), &d);
            return (None, vec![d], gaps);
        }
    };
    let mut reader = schema::Reader::new(path).with_source(split.yaml, split.yaml_offset);
    let root = match parse_yaml(&mut reader, split.yaml, split.yaml_offset) {
        (Some(root), _) => root,
        (None, repaired) => {
            let gaps = match reader.diagnostics.first() {
                Some(first) => file_gaps(path, Some(Source::Text(&repaired)), first),
                None => Vec::new(),
            };
            return (None, reader.diagnostics, gaps);
        }
    };
    let (document, mut gaps) = read_document(&mut reader, path, &root, split.body);
    if document.is_none()
        && let Some(first) = reader.diagnostics.first()
    {
        gaps.extend(file_gaps(path, Some(Source::Tree(&root)), first));
    } else if reader.faulty_since(schema::Reader::START) {
        let cause = reader.cause_since(schema::Reader::START).unwrap_or(start);
        gaps.push(Gap {
            file: path.to_owned(),
            cause,
            missing: Missing::Parts,
        });
    }
    (document, reader.diagnostics, gaps)
}

/// Reads a parsed front matter as its kind.
fn read_document(
    reader: &mut schema::Reader,
    path: &str,
    root: &yaml::Node,
    body: &str,
) -> (Option<Document>, Vec<Gap>) {
    let Some((kind, written)) = kind_of(reader, path, root) else {
        return (None, Vec::new());
    };
    let stem = stem(path);
    let slug = path
        .split_once('/')
        .map_or(path, |(_, rest)| rest)
        .trim_end_matches(".md");
    let content = kinds::read(reader, root, kind, written, stem, slug);
    let document = content.map(|mut content| {
        if let Content::Org(org) = &mut content {
            org.body = body.to_owned();
        }
        Document {
            path: path.to_owned(),
            content,
            body: body.into(),
        }
    });
    let gaps = reader
        .gaps
        .drain(..)
        .map(|(cause, missing)| Gap {
            file: path.to_owned(),
            cause,
            missing,
        })
        .collect();
    (document, gaps)
}

/// A file's name without `.md`: the default id of objectives, teams and people.
fn stem(path: &str) -> &str {
    path.rsplit('/')
        .next()
        .unwrap_or(path)
        .trim_end_matches(".md")
}

/// Where to look for what a file that could not be read would have defined: its
/// parsed front matter, or (when even that failed) its lines.
#[derive(Clone, Copy)]
enum Source<'a> {
    Tree(&'a yaml::Node),
    Text(&'a str),
}

impl Source<'_> {
    /// The values of a top-level key: one, or each item of a list.
    fn top(&self, key: &str) -> Vec<String> {
        match self {
            Source::Tree(root) => root.get(key).map(texts).unwrap_or_default(),
            Source::Text(text) => scan_top(text, key),
        }
    }

    /// The values of a key wherever it is written (`kr:` in each update).
    fn anywhere(&self, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        match self {
            Source::Tree(root) => collect(root, key, &mut out),
            Source::Text(text) => {
                for line in text.lines() {
                    out.extend(scan_line(line, key));
                }
            }
        }
        out
    }
}

/// A scalar's text, or the texts of a list of scalars.
fn texts(node: &yaml::Node) -> Vec<String> {
    match &node.value {
        yaml::Value::Seq(items) => items.iter().filter_map(yaml::Node::scalar_text).collect(),
        _ => node.scalar_text().into_iter().collect(),
    }
}

fn collect(node: &yaml::Node, key: &str, out: &mut Vec<String>) {
    match &node.value {
        yaml::Value::Map(entries) => {
            for (k, v) in entries {
                if k.value == yaml::Value::Str(key.into()) {
                    out.extend(v.scalar_text());
                }
                collect(v, key, out);
            }
        }
        yaml::Value::Seq(items) => items.iter().for_each(|n| collect(n, key, out)),
        _ => {}
    }
}

/// A top-level key's values from the lines of a file that is not valid YAML:
/// `key: value`, `key: [a, b]`, or `key:` followed by indented `- item` lines.
fn scan_top(text: &str, key: &str) -> Vec<String> {
    let prefix = format!("{key}:");
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(rest) = line.strip_prefix(&prefix) else {
            continue;
        };
        let rest = strip_comment(rest).trim();
        if let Some(list) = rest.strip_prefix('[') {
            return list
                .trim_end_matches(']')
                .split(',')
                .filter_map(scalar)
                .collect();
        }
        if !rest.is_empty() {
            return scalar(rest).into_iter().collect();
        }
        return lines
            .take_while(|l| l.starts_with([' ', '\t', '-']) || l.trim().is_empty())
            .filter_map(|l| strip_comment(l).trim().strip_prefix('-').and_then(scalar))
            .collect();
    }
    Vec::new()
}

/// The values of `key:` on one line, at the start of it, after `- `, or in a flow
/// mapping (`- { kr: a/b, value: 3 }`).
fn scan_line(line: &str, key: &str) -> Vec<String> {
    let line = strip_comment(line);
    let prefix = format!("{key}:");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = line[from..].find(&prefix) {
        let at = from + i;
        from = at + prefix.len();
        let before = line[..at].trim_end();
        if !(before.is_empty() || before.ends_with(['{', ',', '-'])) {
            continue;
        }
        let rest = &line[from..];
        let end = rest.find([',', '}']).unwrap_or(rest.len());
        out.extend(scalar(&rest[..end]));
    }
    out
}

fn strip_comment(line: &str) -> &str {
    line.find(" #").map_or(line, |i| &line[..i])
}

/// A plain or quoted scalar's text, if it is one word (ids are).
fn scalar(text: &str) -> Option<String> {
    let text = text.trim().trim_matches(['"', '\'']);
    (!text.is_empty() && !text.contains(char::is_whitespace)).then(|| text.to_owned())
}

/// What a file that could not be read as its kind would have given the site, from what
/// can still be read of it. `cause` is its first error. A kind that cannot be known
/// from `kind:` is the folder's; an objective's id is its `id:`, else its file name.
fn file_gaps(path: &str, source: Option<Source>, cause: &Diagnostic) -> Vec<Gap> {
    let written = source.and_then(|s| s.top("kind").into_iter().next());
    let kind = written
        .as_deref()
        .and_then(|k| Kind::parse(k).or_else(|| Kind::parse(schema::did_you_mean(k, Kind::NAMES)?)))
        .or_else(|| (path == "org.md").then_some(Kind::Org))
        .or_else(|| Kind::from_folder(path.split('/').next().unwrap_or("")));
    let top = |key: &str| source.map(|s| s.top(key)).unwrap_or_default();
    let mut missing = Vec::new();
    let names = || {
        let mut names = top("id");
        if names.is_empty() {
            names.push(stem(path).to_owned());
        }
        names.extend(top("name"));
        names
    };
    match kind {
        Some(Kind::Objective) => missing.push(Missing::Objective {
            id: top("id")
                .into_iter()
                .next()
                .unwrap_or_else(|| stem(path).to_owned()),
            aligns_to: top("aligns_to"),
        }),
        Some(Kind::Team) => missing.push(Missing::Teams { names: names() }),
        Some(Kind::Person) => missing.push(Missing::People { names: names() }),
        Some(Kind::Org) => missing.push(Missing::Strategies {
            ids: source.map(|s| s.anywhere("id")).unwrap_or_default(),
        }),
        Some(Kind::Checkin | Kind::Page) | None => {}
    }
    // A check-in, or one filed in the wrong folder: its key results lost a check-in.
    let krs = source.map(|s| s.anywhere("kr")).unwrap_or_default();
    if !krs.is_empty() {
        missing.push(Missing::Checkins { krs });
    }
    let cause = Pos {
        line: cause.line,
        column: cause.column,
    };
    missing
        .into_iter()
        .map(|missing| Gap {
            file: path.to_owned(),
            cause,
            missing,
        })
        .collect()
}

/// The kind of a file, and whether `kind:` says so: `kind:` in its front matter, else its folder.
fn kind_of(reader: &mut schema::Reader, path: &str, root: &yaml::Node) -> Option<(Kind, bool)> {
    let written = root.as_map().and_then(|entries| {
        entries
            .iter()
            .find(|(k, _)| k.value == yaml::Value::Str("kind".into()))
            .map(|(_, v)| v)
    });
    if let Some(node) = written {
        let text = node.scalar_text().unwrap_or_default();
        return match Kind::parse(&text) {
            Some(kind) => Some((kind, true)),
            None => {
                let hint = common::did_you_mean_key(schema::did_you_mean(&text, Kind::NAMES));
                reader.error(
                    node.pos,
                    Rule::InvalidValue,
                    msg!(
                        LOAD_KIND_UNKNOWN,
                        value = text,
                        kinds = Kind::NAMES.join(", "),
                        hint = hint
                    ),
                );
                None
            }
        };
    }
    if path == "org.md" {
        return Some((Kind::Org, false));
    }
    let folder = path.split('/').next().unwrap_or("");
    if let Some(kind) = Kind::from_folder(folder) {
        return Some((kind, false));
    }
    let folders = Kind::FOLDERS.iter().map(|(name, _)| *name);
    let hint =
        common::did_you_mean_key(schema::did_you_mean(folder, folders).map(|f| format!("{f}/")));
    reader.diagnostics.push(Diagnostic::error(
        path,
        Pos { line: 1, column: 1 },
        Rule::UnknownKind,
        msg!(
            LOAD_UNKNOWN_FOLDER,
            path = path,
            folder = folder,
            hint = hint
        ),
    ));
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_from_the_body() {
        let s = split_front_matter("---\ntitle: x\n---\n# Body\n").unwrap();
        assert_eq!(s.yaml, "title: x\n");
        assert_eq!(s.body, "# Body\n");
    }

    #[test]
    fn unclosed_and_missing_front_matter_are_errors() {
        assert!(split_front_matter("---\ntitle: x\n").is_err());
        assert!(split_front_matter("title: x\n").is_err());
        assert!(split_front_matter("").is_err());
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let bytes = b"\xEF\xBB\xBF---\r\ntitle: T\r\nperiod: 2024-Q2\r\ncomitment: committed\r\n---\r\nBody\r\n";
        let (doc, diags) = load_document("objectives/o.md", bytes);
        let doc = doc.expect("read despite the unknown key");
        assert_eq!(&*doc.body, "Body\n");
        assert_eq!(diags.len(), 1);
        assert_eq!((diags[0].line, diags[0].column), (4, 1));
        assert_eq!(diags[0].rule, Rule::UnknownKey);
        assert!(
            diags[0]
                .text(crate::model::Language::En)
                .contains("did you mean"),
            "{}",
            diags[0].text(crate::model::Language::En)
        );
    }

    #[test]
    fn positions_count_the_opening_line() {
        let (_, diags) = load_document("objectives/o.md", b"---\ntitle: T\nperiod: [\n---\n");
        assert_eq!(diags[0].rule, Rule::YamlSyntax);
        assert!(diags[0].line >= 3, "{:?}", diags[0]);
    }

    #[test]
    fn a_file_in_an_unknown_folder_is_named() {
        let (doc, diags) = load_document("objective/o.md", b"---\ntitle: T\n---\n");
        assert!(doc.is_none());
        assert_eq!(diags[0].rule, Rule::UnknownKind);
        assert!(
            diags[0]
                .text(crate::model::Language::En)
                .contains("objectives/"),
            "{}",
            diags[0].text(crate::model::Language::En)
        );
    }

    #[test]
    fn a_file_that_cannot_be_read_leaves_what_it_would_define() {
        let text = b"---\nid: renewal-q2\ntitle: T\naligns_to:\n  - grow\n  - \"keep\" # two\nperiod: 2024-Q2\n";
        let (doc, diags, gaps) = load_file("objectives/renewal.md", text);
        assert!(doc.is_none());
        assert_eq!(diags.len(), 1);
        assert_eq!(
            gaps,
            [Gap {
                file: "objectives/renewal.md".into(),
                cause: Pos { line: 1, column: 1 },
                missing: Missing::Objective {
                    id: "renewal-q2".into(),
                    aligns_to: vec!["grow".into(), "keep".into()],
                },
            }]
        );
        // Without `id:`, the file name; a YAML error is read from the partial text.
        let (_, _, gaps) = load_file("objectives/a/grow.md", b"---\ntitle: [x\n---\n");
        assert!(matches!(&gaps[0].missing, Missing::Objective { id, .. } if id == "grow"));
    }

    #[test]
    fn a_check_in_that_cannot_be_read_leaves_its_key_results_without_it() {
        let text = b"---\ndate: 2024-05-15\nupdates:\n  - { kr: a/x, value: 1 }\n  - kr: 'b/y'\n    value: [2\n---\n";
        let (_, _, gaps) = load_file("checkins/c.md", text);
        assert_eq!(
            gaps.iter().map(|g| &g.missing).collect::<Vec<_>>(),
            [&Missing::Checkins {
                krs: vec!["a/x".into(), "b/y".into()]
            }]
        );
    }

    #[test]
    fn a_misspelt_key_is_read_as_the_key_it_was_meant_to_be() {
        let (doc, diags, gaps) = load_file(
            "objectives/o.md",
            b"---\ntitel: T\nperiod: 2024-Q2\nkey_results:\n  - { title: k, targt: 7 }\n---\n",
        );
        let rules: Vec<Rule> = diags.iter().map(|d| d.rule).collect();
        assert_eq!(rules, [Rule::UnknownKey, Rule::UnknownKey], "{diags:?}");
        let Some(Content::Objective(o)) = doc.map(|d| d.content) else {
            panic!("the objective is kept")
        };
        assert_eq!(o.title, "T");
        assert_eq!(o.key_results[0].target.as_ref().map(|t| t.value), Some(7.0));
        // Read, but with errors: it gets no lints.
        assert_eq!(gaps.len(), 1);
        assert_eq!(gaps[0].missing, Missing::Parts);
    }

    #[test]
    fn a_value_under_a_misspelt_key_is_not_faulted_twice() {
        let (_, diags, _) = load_file(
            "objectives/o.md",
            b"---\ntitle: T\nperiod: 2024-Q2\nkey_result:\n  - { target: 7 }\n---\n",
        );
        // Not also `a key result needs title` inside the misspelt key's value.
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].rule, Rule::UnknownKey);
    }

    #[test]
    fn objectives_and_check_ins_in_each_others_folders_are_one_error() {
        let checkin = b"---\ndate: 2024-05-15\nkr: a/b\nvalue: 3\n---\n";
        let (doc, diags, _) = load_file("objectives/c.md", checkin);
        assert!(doc.is_none());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].rule, Rule::WrongKind);
        assert!(
            diags[0]
                .text(crate::model::Language::En)
                .contains("move it to checkins/"),
            "{diags:?}"
        );
        // With `kind:` written, the fix is the kind.
        let (_, diags, _) = load_file(
            "notes/o.md",
            b"---\nkind: checkin\ntitle: T\nperiod: 2024-Q2\n---\n",
        );
        assert_eq!(diags[0].rule, Rule::WrongKind);
        assert!(
            diags[0]
                .text(crate::model::Language::En)
                .contains("change `kind:` to `objective`"),
            "{diags:?}"
        );
        // One stray key of the other kind is an unknown key, not a wrong kind.
        let (doc, diags, _) = load_file(
            "objectives/o.md",
            b"---\ntitle: T\nperiod: 2024-Q2\ndate: 2024-05-01\n---\n",
        );
        assert!(doc.is_some());
        assert_eq!(diags[0].rule, Rule::UnknownKey);
    }

    #[test]
    fn lines_are_scanned_for_values_when_yaml_cannot_be_parsed() {
        assert_eq!(scan_top("id: a # c\nid: b\n", "id"), ["a"]);
        assert_eq!(scan_top("aligns_to: [a, 'b']\n", "aligns_to"), ["a", "b"]);
        assert_eq!(scan_top("  id: nested\n", "id"), Vec::<String>::new());
        assert_eq!(scan_line("  - { kr: a/b, value: 3 }", "kr"), ["a/b"]);
        assert_eq!(scan_line("- kr: a/c", "kr"), ["a/c"]);
        assert_eq!(scan_line("ckr: a/d", "kr"), Vec::<String>::new());
    }

    #[test]
    fn chinese_quotes_and_full_width_characters_outside_prose_are_read_as_meant() {
        let text = "---\ntitle: 提升“活跃”用户\nperiod: ２０２５－Ｑ２\nowner: 王强（销售）\nkey_results:\n  - { title: k, target: 5, unit: ％ }\n  - { title: k2, target: 5, unit: “个” }\n---\n";
        let (doc, diags, _) = load_file("objectives/o.md", text.as_bytes());
        let found: Vec<(u32, u32, Rule)> =
            diags.iter().map(|d| (d.line, d.column, d.rule)).collect();
        assert_eq!(
            found,
            [(3, 9, Rule::InvalidValue), (7, 35, Rule::InvalidValue)],
            "{diags:?}"
        );
        assert_eq!(
            diags[0].text(crate::model::Language::En),
            "`period: ２０２５－Ｑ２` is written in full-width characters: write `period: 2025-Q2`"
        );
        let Some(Content::Objective(o)) = doc.map(|d| d.content) else {
            panic!("the objective is kept")
        };
        // Prose keeps its quotation marks; a name its brackets; a unit its full-width `％`.
        assert_eq!(o.title, "提升“活跃”用户");
        assert_eq!(o.period.value, "2025-Q2");
        assert_eq!(
            o.owner.as_ref().map(|a| a.value.as_str()),
            Some("王强（销售）")
        );
        assert_eq!(o.key_results[0].unit.as_deref(), Some("％"));
        assert_eq!(o.key_results[1].unit.as_deref(), Some("个"));
    }

    #[test]
    fn a_number_split_at_its_commas_in_a_flow_mapping_is_one_error() {
        let text = "---\ndate: 2025-04-21\nupdates:\n  - { kr: a/b, value: 1,240.5 }\n  - { kr: a/c, value: 12,40, confidence: 7 }\n---\n";
        let (doc, diags, _) = load_file("checkins/c.md", text.as_bytes());
        let shown: Vec<String> = diags
            .iter()
            .map(|d| {
                format!(
                    "{}:{} {}",
                    d.line,
                    d.column,
                    d.text(crate::model::Language::En)
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                "4:23 `value` is 1,240.5 with thousands commas, which YAML reads as 1 and the keys `240.5`: write `value: 1240.5`",
                "5:23 `value` is 12,40, which YAML reads as 12 and the keys `40`: write the number without commas",
            ]
        );
        // The first is read as the number meant; the second, which may be 1240 or 12.40,
        // keeps what YAML read (12) beside its error.
        let Some(Content::Checkin(c)) = doc.map(|d| d.content) else {
            panic!("the check-in is kept")
        };
        let values: Vec<Option<f64>> = c
            .updates
            .iter()
            .map(|u| u.value.as_ref().map(|v| v.value))
            .collect();
        assert_eq!(values, [Some(1240.5), Some(12.0)]);
    }

    #[test]
    fn kind_overrides_the_folder() {
        let (doc, diags) = load_document("notes/x.md", b"---\nkind: page\ntitle: Notes\n---\n");
        assert!(diags.is_empty(), "{diags:?}");
        assert!(matches!(doc.unwrap().content, Content::Page(_)));
    }
}
