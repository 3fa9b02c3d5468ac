//! What the fuzz targets do with their input, shared with the replay test
//! (tests/fuzz_corpus.rs), which feeds every corpus file through the same functions.
//! Each function panics when okrs misbehaves: a panic inside okrs, or output that breaks
//! one of the promises checked here.

use std::path::Path;
use std::sync::{Arc, Once};

use okrs::diagnostics::{self, Diagnostic, Format};
use okrs::model::Language;
use okrs::render::{RenderError, RenderOptions, Renderer};

/// Where a file of each kind lives; the first input byte picks one.
pub const KINDS: [&str; 8] = [
    "objectives/o.md",
    "objectives/team/o.md",
    "checkins/2024-05-01-o-kr1.md",
    "teams/t.md",
    "people/p.md",
    "pages/about.md",
    "org.md",
    "okrs.yaml",
];

/// The as-of date of every run, so that a corpus file always means the same.
fn as_of() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2024, 6, 1).expect("a valid date")
}

/// Gives rayon's threads the stack `okrs` gives them (src/main.rs).
pub fn init() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = rayon::ThreadPoolBuilder::new()
            .stack_size(8 << 20)
            .build_global();
    });
}

/// One file of any kind: the first byte picks its folder (`KINDS`), the rest is the
/// file. It is split at its front matter and read as its kind; okrs.yaml is read as the
/// configuration.
pub fn document(data: &[u8]) {
    init();
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let path = KINDS[usize::from(pick) % KINDS.len()];
    if let Ok(text) = std::str::from_utf8(bytes)
        && let Ok(split) = okrs::load::split_front_matter(text)
    {
        assert!(split.yaml.len() + split.body.len() <= text.len());
    }
    let diagnostics = if path == "okrs.yaml" {
        okrs::load::load_config(&String::from_utf8_lossy(bytes)).1
    } else {
        okrs::load::load_document(path, bytes).1
    };
    check_printed(&diagnostics);
}

/// A small site: sections `>>> PATH` followed by the file's lines; PATH is made safe
/// (`site_files`). The site is written into a temporary folder, analysed with drafts,
/// and what of it is valid rendered in memory, every page and file (`analyse_and_render`).
pub fn pipeline(data: &[u8]) {
    init();
    let files = site_files(data);
    if files.is_empty() {
        return;
    }
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    for (path, bytes) in &files {
        let target = dir.path().join(path);
        if let Some(parent) = target.parent()
            && std::fs::create_dir_all(parent).is_err()
        {
            return;
        }
        if std::fs::write(&target, bytes).is_err() {
            return;
        }
    }
    analyse_and_render(dir.path());
}

/// At most this many files, and this many bytes of each path, in a fuzzed site.
const MAX_FILES: usize = 16;
const MAX_PATH: usize = 60;

/// The files of a fuzzed site: each `>>> PATH` line starts one. PATH keeps letters,
/// digits, `-`, `_` and `/` (no `.`, so no `..` and no hidden file); a path that is not
/// `okrs.yaml` or `org.md` gets `.md`; the lines of a path that keeps nothing are
/// dropped. A later file of the same path replaces the first.
pub fn site_files(data: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut current = false;
    for line in data.split_inclusive(|&b| b == b'\n') {
        if let Some(rest) = line.strip_prefix(b">>> ") {
            let path = safe_path(&String::from_utf8_lossy(rest));
            current = path.is_some();
            if let Some(path) = path {
                files.retain(|(p, _)| *p != path);
                files.push((path, Vec::new()));
            }
        } else if current && let Some((_, bytes)) = files.last_mut() {
            bytes.extend_from_slice(line);
        }
    }
    files.truncate(MAX_FILES);
    files
}

fn safe_path(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw == "okrs.yaml" || raw == "org.md" {
        return Some(raw.to_owned());
    }
    let stem = raw.strip_suffix(".md").unwrap_or(raw);
    let kept: String = stem
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/'))
        .take(MAX_PATH)
        .collect();
    let parts: Vec<&str> = kept.split('/').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    Some(format!("{}.md", parts.join("/")))
}

/// How many times a site with errors is cut down to its valid files.
const ROUNDS: usize = 4;

/// What replaces an okrs.yaml with errors.
const PLAIN_CONFIG: &str = "title: Fuzz\n";

/// Analyses the site at `root` as `okrs serve` does (drafts shown). With errors, the files
/// they are in are removed (okrs.yaml is replaced by a plain one) and the rest analysed
/// again, so that most inputs leave a valid site, a few files smaller; a valid site is
/// rendered, every page and file, as `okrs build` would write them.
pub fn analyse_and_render(root: &Path) {
    for _ in 0..ROUNDS {
        let analysis = okrs::analyse(
            root,
            &okrs::Options {
                as_of: Some(as_of()),
                include_drafts: true,
                output: None,
            },
        );
        check_printed(&analysis.diagnostics);
        if !analysis.has_errors() {
            render(&analysis);
            return;
        }
        let broken: std::collections::BTreeSet<&str> = analysis
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.file.as_str())
            .collect();
        let mut cut = false;
        for file in broken {
            let path = root.join(file);
            cut |= if file == "okrs.yaml" {
                std::fs::read(&path).is_ok_and(|b| b != PLAIN_CONFIG.as_bytes())
                    && std::fs::write(&path, PLAIN_CONFIG).is_ok()
            } else {
                std::fs::remove_file(&path).is_ok()
            };
        }
        if !cut {
            return;
        }
    }
}

/// Renders every page and file of a valid site in memory, and checks each output path.
fn render(analysis: &okrs::Analysis) {
    let options = RenderOptions { live_reload: false };
    let renderer = match Renderer::new(
        Arc::clone(&analysis.site),
        Arc::clone(&analysis.figures),
        options,
    ) {
        Ok(renderer) => renderer,
        Err(errors) => panic!("the built-in templates do not load: {}", listing(&errors)),
    };
    let result = renderer.render_each(None, &|file| {
        let path = Path::new(&file.path);
        assert!(
            path.is_relative()
                && path
                    .components()
                    .all(|c| matches!(c, std::path::Component::Normal(_))),
            "an output path that leaves the output folder: {:?}",
            file.path
        );
        if file.path.ends_with(".html") {
            assert!(
                std::str::from_utf8(&file.bytes).is_ok(),
                "{} is not UTF-8",
                file.path
            );
        }
        Ok::<(), ()>(())
    });
    match result {
        Ok(_) => {}
        Err(RenderError::Templates(errors)) => {
            panic!("a valid site fails to render: {}", listing(&errors))
        }
        Err(RenderError::Sink(())) => unreachable!("the sink never fails"),
    }
}

fn listing(diagnostics: &[Diagnostic]) -> String {
    diagnostics::render(diagnostics, Format::Human, false, Language::En)
}

/// Diagnostics print in every format and language, one line each in the human and
/// GitHub formats, with no character that acts on a terminal.
fn check_printed(all: &[Diagnostic]) {
    for language in [Language::En, Language::ZhCn] {
        for format in [Format::Human, Format::Github] {
            let out = diagnostics::render(all, format, false, language);
            assert_eq!(
                out.lines().count(),
                all.len(),
                "one line per diagnostic ({format:?}):\n{out}"
            );
            assert!(
                !out.chars().any(|c| c != '\n' && c.is_control()),
                "a control character printed ({format:?}): {out:?}"
            );
        }
        let json = diagnostics::render(all, Format::Json, false, language);
        let parsed: Result<serde_json::Value, _> = serde_json::from_str(&json);
        assert!(parsed.is_ok(), "JSON output that does not parse: {json}");
    }
}
