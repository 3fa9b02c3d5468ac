//! Watches the site folder and calls back once per burst of changes: one save, or a
//! `git checkout` of many files, makes one rebuild.

use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// How long the file system must be quiet before a rebuild starts.
pub const DEBOUNCE: Duration = Duration::from_millis(50);

/// Whether a changed path can change the site: not the output folder, not hidden files
/// (`.git`, editor swap files), not editor backups.
pub fn is_relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut components = rel.components().map(|c| c.as_os_str().to_string_lossy());
    let first = components.next();
    if first.as_deref() == Some("public") {
        return false;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let hidden = rel
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    !(hidden || name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".tmp"))
}

/// Starts watching `root`; `rebuild` runs on a thread of its own after each burst.
pub fn start(
    root: &Path,
    mut rebuild: impl FnMut(&[PathBuf]) + Send + 'static,
) -> Result<Debouncer<RecommendedWatcher, RecommendedCache>, notify_debouncer_full::notify::Error> {
    let root: PathBuf = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let (tx, rx) = mpsc::channel::<Vec<PathBuf>>();
    let watched = root.clone();
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
        let Ok(events) = result else {
            return;
        };
        let changed: Vec<PathBuf> = events
            .iter()
            .filter(|e| !matches!(e.kind, EventKind::Access(_)))
            .flat_map(|e| e.paths.iter())
            .filter(|p| is_relevant(&watched, p))
            .cloned()
            .collect();
        if !changed.is_empty() {
            let _ = tx.send(changed);
        }
    })?;
    debouncer.watch(&root, RecursiveMode::Recursive)?;
    std::thread::spawn(move || {
        while let Ok(mut changed) = rx.recv() {
            // Bursts that arrived while the last rebuild ran make one more rebuild, not many.
            while let Ok(more) = rx.try_recv() {
                changed.extend(more);
            }
            rebuild(&changed);
        }
    });
    Ok(debouncer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_hidden_and_backup_files_do_not_rebuild() {
        let root = Path::new("/site");
        assert!(is_relevant(root, Path::new("/site/objectives/a.md")));
        assert!(is_relevant(root, Path::new("/site/okrs.yaml")));
        assert!(is_relevant(
            root,
            Path::new("/site/themes/x/static/style.css")
        ));
        assert!(!is_relevant(root, Path::new("/site/public/index.html")));
        assert!(!is_relevant(root, Path::new("/site/.git/index")));
        assert!(!is_relevant(root, Path::new("/site/objectives/.a.md.swp")));
        assert!(!is_relevant(root, Path::new("/site/objectives/a.md~")));
        assert!(!is_relevant(root, Path::new("/elsewhere/a.md")));
    }
}
