//! Watches the site folder and calls back once per burst of changes: one save, or a
//! `git checkout` of many files, makes one rebuild.

use notify_debouncer_full::notify::event::ModifyKind;
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::path::{Path, PathBuf};

use crate::load::Changes;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

/// How long a changed path must be quiet before a rebuild starts: long enough for an
/// editor's save (write, rename, chmod: well under a millisecond apart) to be one change,
/// short next to the rebuild itself (docs/serve.md, docs/performance.md).
pub(crate) const DEBOUNCE: Duration = Duration::from_millis(20);

/// Whether a changed path can change the site: not the output folder, not hidden files
/// (`.git`, editor swap files), not editor backups.
pub(crate) fn is_relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut components = rel.components().map(|c| c.as_os_str().to_string_lossy());
    let first = components.next();
    if first.as_deref() == Some(crate::write::DEFAULT_OUTPUT) {
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

/// How often the site folder itself is looked at, to notice it deleted and made again.
pub(crate) const ROOT_CHECK: Duration = Duration::from_millis(250);

type Inner = Debouncer<RecommendedWatcher, RecommendedCache>;

/// Watches a site folder while it lives.
pub(crate) struct Watcher {
    /// Kept alive for its thread; also re-armed by the root keeper.
    _debouncer: Arc<Mutex<Inner>>,
    stop: Arc<AtomicBool>,
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Which folder a path is now: its device and inode on Unix, so that a folder deleted
/// and made again (a `git checkout` of another branch can do that), or another moved in
/// its place, is told from the one watched; elsewhere only whether it is there.
fn identity(path: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(path).ok().filter(|m| m.is_dir())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Some((0, 0))
    }
}

/// Starts watching `root`; `rebuild` runs on a thread of its own after each burst. A
/// watch follows the folder it was set on, so when `root` is deleted and made again (or
/// replaced by another folder) the watch is set again on the new one and a rebuild runs.
pub(crate) fn start(
    root: &Path,
    mut rebuild: impl FnMut(&Changes) + Send + 'static,
) -> Result<Watcher, notify_debouncer_full::notify::Error> {
    let root: PathBuf = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let (tx, rx) = mpsc::channel::<Changes>();
    // The folder itself made, removed or renamed: the watch must be set again.
    let (root_tx, root_rx) = mpsc::channel::<()>();
    let watched = root.clone();
    let events = tx.clone();
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
        // The watcher lost track (its queue overflowed, say): read everything again.
        let lost = |events: &mpsc::Sender<Changes>| {
            let _ = events.send(Changes::Everything);
        };
        let Ok(events_seen) = result else {
            return lost(&events);
        };
        if events_seen.iter().any(|e| e.need_rescan()) {
            return lost(&events);
        }
        if events_seen.iter().any(|e| {
            matches!(
                e.kind,
                EventKind::Create(_)
                    | EventKind::Remove(_)
                    | EventKind::Modify(ModifyKind::Name(_))
            ) && e.paths.contains(&watched)
        }) {
            let _ = root_tx.send(());
        }
        let changed: Vec<PathBuf> = events_seen
            .iter()
            .filter(|e| !matches!(e.kind, EventKind::Access(_)))
            .flat_map(|e| e.paths.iter())
            .filter(|p| is_relevant(&watched, p))
            .cloned()
            .collect();
        if !changed.is_empty() {
            let _ = events.send(Changes::Paths(changed));
        }
    })?;
    debouncer.watch(&root, RecursiveMode::Recursive)?;
    // The parent tells when the folder itself is made again (a watch on the folder
    // ends with it). Without one, `keep_root` still looks at the folder every
    // `ROOT_CHECK`.
    if let Some(parent) = root.parent() {
        let _ = debouncer.watch(parent, RecursiveMode::NonRecursive);
    }
    let debouncer = Arc::new(Mutex::new(debouncer));
    let stop = Arc::new(AtomicBool::new(false));
    std::thread::spawn(move || {
        while let Ok(mut changes) = rx.recv() {
            // Bursts that arrived while the last rebuild ran make one more rebuild, not many.
            while let Ok(more) = rx.try_recv() {
                changes.merge(more);
            }
            rebuild(&changes);
        }
    });
    std::thread::spawn({
        let (debouncer, stop) = (Arc::clone(&debouncer), Arc::clone(&stop));
        move || keep_root(&root, &debouncer, &stop, &root_rx, &tx)
    });
    Ok(Watcher {
        _debouncer: debouncer,
        stop,
    })
}

/// Sets the watch again whenever `root` was made, removed or renamed (`root_events`), or
/// is another folder than the one watched (looked at every `ROOT_CHECK`: a folder made
/// again may even have the same inode), and asks for a rebuild of everything, as the new
/// folder's files were never seen.
fn keep_root(
    root: &Path,
    debouncer: &Mutex<Inner>,
    stop: &AtomicBool,
    root_events: &mpsc::Receiver<()>,
    tx: &mpsc::Sender<Changes>,
) {
    let mut watching = identity(root);
    while !stop.load(Ordering::Relaxed) {
        let told = match root_events.recv_timeout(ROOT_CHECK) {
            Ok(()) => true,
            Err(mpsc::RecvTimeoutError::Timeout) => false,
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        let now = identity(root);
        if !told && now == watching {
            continue;
        }
        let Ok(mut debouncer) = debouncer.lock() else {
            return;
        };
        // The old watch may be gone with its folder already.
        let _ = debouncer.unwatch(root);
        let armed = now.is_some() && debouncer.watch(root, RecursiveMode::Recursive).is_ok();
        drop(debouncer);
        // Not there (or not watchable) yet: try again on the next look.
        watching = if armed { now } else { None };
        if armed && tx.send(Changes::Everything).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    /// Waits for a rebuild whose changes satisfy `ok`.
    fn wait_for(rx: &mpsc::Receiver<Changes>, what: &str, ok: impl Fn(&Changes) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(changed) if ok(&changed) => return,
                Ok(_) => {}
                Err(_) => break,
            }
        }
        panic!("no rebuild for {what}");
    }

    #[test]
    fn a_site_folder_deleted_and_made_again_is_watched_again() {
        let parent = tempfile::tempdir().unwrap();
        let root = parent.path().join("site");
        std::fs::create_dir_all(root.join("objectives")).unwrap();
        let (tx, rx) = mpsc::channel();
        let _watcher = start(&root, move |changes: &Changes| {
            let _ = tx.send(changes.clone());
        })
        .unwrap();
        let names =
            |path: PathBuf| move |c: &Changes| matches!(c, Changes::Paths(p) if p.contains(&path));
        let a = root.join("objectives/a.md");
        std::fs::write(&a, "one").unwrap();
        wait_for(&rx, "the first edit", names(a));

        std::fs::remove_dir_all(&root).unwrap();
        std::fs::create_dir_all(root.join("objectives")).unwrap();
        // The new folder is watched, and read again whole.
        wait_for(&rx, "the new folder", |c| *c == Changes::Everything);
        let b = root.join("objectives/b.md");
        std::fs::write(&b, "two").unwrap();
        wait_for(&rx, "an edit in the new folder", names(b));

        // A folder moved in its place is watched too.
        let other = parent.path().join("other");
        std::fs::create_dir_all(&other).unwrap();
        std::fs::rename(&root, parent.path().join("old")).unwrap();
        std::fs::rename(&other, &root).unwrap();
        wait_for(&rx, "the folder moved in", |c| *c == Changes::Everything);
        let c = root.join("org.md");
        std::fs::write(&c, "three").unwrap();
        wait_for(&rx, "an edit in the folder moved in", names(c));
    }

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
