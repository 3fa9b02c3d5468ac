//! The loader's cache for `okrs serve`: every file parsed once and kept, so that a save
//! re-reads only what the watcher says changed.

use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::messages::*;
use super::{
    Gap, Loaded, Missing, discover, discover_under, file_gaps, io_error, is_content_file,
    load_file, output_inside, read_config, read_config_file, relative_name, theme,
};
use crate::diagnostics::Diagnostic;
use crate::model::{Config, Content, Document, Pos, ThemeFiles};
use crate::msg;
use crate::rule::Rule;

/// What changed in a site since the last load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Changes {
    /// Anything may have: every file is looked at (its size and time) again.
    Everything,
    /// These paths (absolute, or relative to the root): files written, made or removed,
    /// and folders made, removed or renamed. Nothing else is looked at.
    Paths(Vec<PathBuf>),
}

impl Changes {
    /// Both changes in one.
    pub(crate) fn merge(&mut self, other: Changes) {
        match (self, other) {
            (Changes::Paths(mine), Changes::Paths(theirs)) => mine.extend(theirs),
            (me, _) => *me = Changes::Everything,
        }
    }

    /// Whether okrs.yaml, or a file under `templates/`, `themes/` or `static/`, may have
    /// changed: what the site reads besides its content files.
    pub(crate) fn touches_settings(&self, root: &Path) -> bool {
        match self {
            Changes::Everything => true,
            Changes::Paths(paths) => paths.iter().any(|p| {
                let rel = p.strip_prefix(root).unwrap_or(p);
                let first = rel.components().next().map(|c| c.as_os_str());
                first.is_none_or(|f| f == "okrs.yaml" || super::NOT_CONTENT.iter().any(|n| f == *n))
            }),
        }
    }
}

/// A parsed file and what it was parsed from.
#[derive(Clone, Debug)]
struct CachedFile {
    modified: Option<std::time::SystemTime>,
    len: u64,
    /// A hash of the bytes, so a save that changed nothing (or a `touch`) counts as no change.
    hash: u64,
    document: Option<Arc<Document>>,
    diagnostics: Vec<Diagnostic>,
    gaps: Vec<Gap>,
}

/// okrs.yaml and the theme, as last read.
#[derive(Clone, Debug)]
struct Settings {
    config: Config,
    diagnostics: Vec<Diagnostic>,
    gaps: Vec<Gap>,
    theme: ThemeFiles,
}

/// Keeps every parsed file between loads, so that `okrs serve` reads and parses again
/// only the files that changed.
#[derive(Clone, Debug, Default)]
pub struct FileCache {
    /// By the name diagnostics show (the order of `discover`), then the path itself.
    files: BTreeMap<(String, PathBuf), CachedFile>,
    settings: Option<Settings>,
    /// How many files the last load parsed (not taken from the cache).
    pub(crate) parsed: usize,
    /// How many files the last load found gone since the load before.
    pub(crate) removed: usize,
    /// When every file the last load parsed again was an objective that changed only in
    /// its prose and measures (`Objective::same_but_measures`, with the same diagnostics)
    /// or a check-in file read without a word before and after, and none was added or
    /// removed: those documents, new (`validate::with_local_edits`). Else None.
    pub(crate) local_edits: Option<Vec<Arc<Document>>>,
}

impl FileCache {
    /// Loads the site at `root` (skipping `output`), reading again what `changes` names:
    /// with `Changes::Paths`, only those files and folders are looked at.
    pub fn load(&mut self, root: &Path, output: Option<&Path>, changes: &Changes) -> Loaded {
        let first = self.settings.is_none();
        if first || changes.touches_settings(root) {
            self.settings = Some(read_settings(root));
        }
        let (stale, forced) = match changes {
            Changes::Paths(paths) if !first => (self.touched(root, output, paths), true),
            _ => (self.everything(root, output), false),
        };
        self.parsed = self.refresh(root, stale, forced);
        if self.removed > 0 {
            self.local_edits = None;
        }
        self.assemble(root)
    }

    /// Every content file, after dropping those gone; returns those whose size or time
    /// changed.
    fn everything(&mut self, root: &Path, output: Option<&Path>) -> Vec<PathBuf> {
        let files = discover(root, output);
        let present: std::collections::HashSet<&PathBuf> = files.iter().collect();
        let before = self.files.len();
        self.files.retain(|(_, path), _| present.contains(path));
        self.removed = before - self.files.len();
        files
            .into_iter()
            .filter(|rel| {
                let stamp = stamp(&root.join(rel));
                match self.files.get(&(relative_name(rel), rel.clone())) {
                    Some(c) => c.modified.is_none() || (c.modified, c.len) != stamp,
                    None => true,
                }
            })
            .collect()
    }

    /// The content files among `paths` (and in the folders among them) to read again;
    /// drops what is gone: a file removed, or every file of a folder removed or renamed.
    fn touched(&mut self, root: &Path, output: Option<&Path>, paths: &[PathBuf]) -> Vec<PathBuf> {
        let inside = output_inside(root, output);
        let before = self.files.len();
        let mut stale = Vec::new();
        for path in paths {
            let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
            if rel.as_os_str().is_empty() {
                continue;
            }
            match std::fs::symlink_metadata(root.join(&rel)) {
                Ok(meta) if meta.is_dir() => {
                    let found = discover_under(root, &rel, output);
                    self.files
                        .retain(|(_, p), _| !p.starts_with(&rel) || found.contains(p));
                    stale.extend(found);
                }
                Ok(meta) if meta.is_file() && is_content_file(&rel, inside.as_deref()) => {
                    stale.push(rel);
                }
                // Gone, or no longer a file the site reads (a FIFO in its place, say).
                _ => self.files.retain(|(_, p), _| !p.starts_with(&rel)),
            }
        }
        self.removed = before.saturating_sub(self.files.len());
        stale.sort();
        stale.dedup();
        stale
    }

    /// Reads and parses `stale` (in parallel) and keeps the result; a file whose bytes are
    /// the same as before keeps what was parsed. `forced`: read even when the size and time
    /// are as before (the watcher said it was written). Returns how many were parsed.
    fn refresh(&mut self, root: &Path, stale: Vec<PathBuf>, forced: bool) -> usize {
        let cached = &self.files;
        let fresh: Vec<((String, PathBuf), Option<CachedFile>)> = stale
            .into_par_iter()
            .filter_map(|rel| {
                let key = (relative_name(&rel), rel);
                let (modified, len) = stamp(&root.join(&key.1));
                let before = cached.get(&key);
                if !forced
                    && before.is_some_and(|c| {
                        c.modified.is_some() && (c.modified, c.len) == (modified, len)
                    })
                {
                    return None;
                }
                let file = read_file(root, &key, (modified, len), before);
                Some((key, file))
            })
            .collect();
        let mut parsed = 0;
        let mut local_edits = Some(Vec::new());
        for (key, file) in fresh {
            match file {
                Some(file) => {
                    parsed += 1;
                    let edit = self.files.get(&key).and_then(|b| local_edit(b, &file));
                    self.files.insert(key, file);
                    match (&mut local_edits, edit) {
                        (Some(edits), Some(document)) => edits.push(document),
                        _ => local_edits = None,
                    }
                }
                None => {
                    if let Some(c) = self.files.get_mut(&key) {
                        c.modified = stamp(&root.join(&key.1)).0;
                    }
                }
            }
        }
        self.local_edits = local_edits;
        parsed
    }

    /// What the cache holds, as one load.
    fn assemble(&self, root: &Path) -> Loaded {
        let mut loaded = Loaded {
            files: 1 + self.files.len(),
            has_people_folder: root.join("people").is_dir(),
            has_teams_folder: root.join("teams").is_dir(),
            ..Loaded::default()
        };
        if let Some(settings) = &self.settings {
            loaded.config = settings.config.clone();
            loaded
                .diagnostics
                .extend(settings.diagnostics.iter().cloned());
            loaded.gaps.extend(settings.gaps.iter().cloned());
            loaded.theme = settings.theme.clone();
        }
        loaded.documents.reserve(self.files.len());
        for cached in self.files.values() {
            loaded.documents.extend(cached.document.clone());
            loaded
                .diagnostics
                .extend(cached.diagnostics.iter().cloned());
            loaded.gaps.extend(cached.gaps.iter().cloned());
        }
        loaded
    }
}

/// The document `after` parsed, when it is the objective `before` was but for its prose
/// and measures, with the same diagnostics and gaps, or when both are check-in files read
/// without a word.
fn local_edit(before: &CachedFile, after: &CachedFile) -> Option<Arc<Document>> {
    let (Some(old), Some(new)) = (&before.document, &after.document) else {
        return None;
    };
    let same_words = before.diagnostics == after.diagnostics && before.gaps == after.gaps;
    let local = old.path == new.path
        && match (&old.content, &new.content) {
            (Content::Objective(old), Content::Objective(new)) => {
                same_words && old.same_but_measures(new)
            }
            (Content::Checkin(_), Content::Checkin(_)) => {
                same_words && after.diagnostics.is_empty() && after.gaps.is_empty()
            }
            _ => false,
        };
    local.then(|| Arc::clone(new))
}

/// A file's modification time and size; none when it cannot be looked at.
fn stamp(path: &Path) -> (Option<std::time::SystemTime>, u64) {
    match std::fs::metadata(path) {
        Ok(m) => (m.modified().ok(), m.len()),
        Err(_) => (None, 0),
    }
}

/// Reads okrs.yaml and the theme.
fn read_settings(root: &Path) -> Settings {
    let (config, mut diagnostics, gaps) = match read_config_file(root) {
        Ok(text) => read_config(&text),
        Err(message) => {
            let start = Pos { line: 1, column: 1 };
            let gap = Gap {
                file: "okrs.yaml".into(),
                cause: start,
                missing: Missing::LintSettings,
            };
            let error = Diagnostic::error("okrs.yaml", start, Rule::Io, message);
            (Config::default(), vec![error], vec![gap])
        }
    };
    let (theme, theme_diagnostics) = theme::load_theme(root, &config);
    diagnostics.extend(theme_diagnostics);
    Settings {
        config,
        diagnostics,
        gaps,
        theme,
    }
}

/// Reads and parses one file; None when its bytes are those `before` was parsed from.
fn read_file(
    root: &Path,
    (name, rel): &(String, PathBuf),
    (modified, len): (Option<std::time::SystemTime>, u64),
    before: Option<&CachedFile>,
) -> Option<CachedFile> {
    let bytes = match std::fs::read(root.join(rel)) {
        Ok(bytes) => bytes,
        Err(err) => {
            let d = Diagnostic::error(
                name,
                Pos { line: 1, column: 1 },
                Rule::Io,
                msg!(LOAD_CANNOT_READ_FILE, error = io_error(&err)),
            );
            let gaps = file_gaps(name, None, &d);
            return Some(CachedFile {
                modified,
                len,
                hash: 0,
                document: None,
                diagnostics: vec![d],
                gaps,
            });
        }
    };
    let hash = {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut hasher);
        hasher.finish()
    };
    // Same bytes as before: only the time changed; keep what was parsed.
    if before.is_some_and(|c| c.hash == hash && c.len == bytes.len() as u64) {
        return None;
    }
    let (document, diagnostics, gaps) = load_file(name, &bytes);
    Some(CachedFile {
        modified,
        len: bytes.len() as u64,
        hash,
        document: document.map(Arc::new),
        diagnostics,
        gaps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHECKIN: &str = "---\ndate: 2024-05-01\nkr: o/k\nvalue: 1\n---\n";

    fn paths(loaded: &Loaded) -> Vec<&str> {
        loaded.documents.iter().map(|d| d.path.as_str()).collect()
    }

    #[test]
    fn only_the_named_paths_are_read_and_folders_are_walked_or_dropped_whole() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        std::fs::write(root.join("okrs.yaml"), "title: T\n").unwrap();
        std::fs::create_dir_all(root.join("checkins/q1")).unwrap();
        std::fs::write(root.join("checkins/q1/a.md"), CHECKIN).unwrap();
        std::fs::write(root.join("checkins/b.md"), CHECKIN).unwrap();
        let mut cache = FileCache::default();
        let first = cache.load(root, None, &Changes::Paths(Vec::new()));
        assert_eq!(paths(&first), ["checkins/b.md", "checkins/q1/a.md"]);

        // A file written without the watcher naming it is not looked at.
        std::fs::write(root.join("checkins/c.md"), CHECKIN).unwrap();
        let named = cache.load(
            root,
            None,
            &Changes::Paths(vec![root.join("checkins/b.md")]),
        );
        assert_eq!(paths(&named), ["checkins/b.md", "checkins/q1/a.md"]);
        assert_eq!(cache.parsed, 0, "b.md's bytes are the same");

        // A folder renamed: the old name is dropped whole, the new one walked.
        std::fs::rename(root.join("checkins/q1"), root.join("checkins/first")).unwrap();
        let renamed = cache.load(
            root,
            None,
            &Changes::Paths(vec![root.join("checkins/q1"), root.join("checkins/first")]),
        );
        assert_eq!(paths(&renamed), ["checkins/b.md", "checkins/first/a.md"]);
        assert_eq!((cache.parsed, cache.removed), (1, 1));

        // Files the site does not read are never taken in, even when named.
        std::fs::write(root.join("checkins/_draft.md"), CHECKIN).unwrap();
        std::fs::write(root.join("README.md"), "# hi\n").unwrap();
        let skipped = cache.load(
            root,
            None,
            &Changes::Paths(vec![
                root.join("checkins/_draft.md"),
                root.join("README.md"),
            ]),
        );
        assert_eq!(skipped.documents.len(), 2);

        // Everything: the file the watcher never named is found.
        let all = cache.load(root, None, &Changes::Everything);
        assert_eq!(
            paths(&all),
            ["checkins/b.md", "checkins/c.md", "checkins/first/a.md"]
        );
    }
}
