//! Stage 6: writes the output folder. The new site is written into a staging folder
//! beside the old one, file by file as pages are rendered (so a large site is never
//! held in memory whole), then swapped in: a web server never serves a half-written
//! site, and a failed build leaves the previous output as it was.

use rayon::prelude::*;
use std::io;
use std::path::{Path, PathBuf};

use crate::render::OutputFile;

pub(crate) mod messages;
mod output;

pub(crate) use output::{DEFAULT_OUTPUT, output_folder, real_path, unsafe_output};

/// The file every build writes at the top of its output folder: a folder that has it was
/// written by `okrs build`, and the next build may replace it whole. Any other folder
/// that is not empty is refused unless `--force` is given.
pub(crate) const MARKER: &str = ".okrs-output";

/// What the marker file says, to whoever finds it.
const MARKER_TEXT: &str = "okrs build wrote this folder and replaces it whole on every build.\n\
Anything else put here is lost on the next build.\n";

/// What is in an output folder that exists, as far as replacing it goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Existing {
    /// Nothing in it (not even hidden files): nothing to lose.
    Empty,
    /// `okrs build` wrote it (it has the marker).
    Ours,
    /// It has the files of an okrs build (index.html, 404.html, okrs.json) but no
    /// marker: most likely an older okrs, which did not write one.
    OlderBuild,
    /// Anything else.
    Other,
}

/// What `dir`, an existing folder, holds; a folder that cannot be read counts as `Other`.
pub(crate) fn existing(dir: &Path) -> Existing {
    let Ok(mut entries) = std::fs::read_dir(dir) else {
        return Existing::Other;
    };
    if entries.next().is_none() {
        return Existing::Empty;
    }
    if dir.join(MARKER).is_file() {
        Existing::Ours
    } else if ["index.html", "404.html", "okrs.json"]
        .iter()
        .all(|name| dir.join(name).is_file())
    {
        Existing::OlderBuild
    } else {
        Existing::Other
    }
}

/// A new output folder being written. Dropped without `commit`, it is removed and the
/// previous output stays.
pub(crate) struct Staging {
    dir: PathBuf,
    output: PathBuf,
    retired: PathBuf,
    committed: bool,
}

impl Staging {
    /// Starts a build into `output`, which must have a parent folder (`unsafe_output`
    /// refuses the root); the root gives `InvalidInput`.
    pub(crate) fn new(output: &Path) -> io::Result<Staging> {
        let output = std::path::absolute(output)?;
        let parent = output
            .parent()
            .ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
        std::fs::create_dir_all(parent)?;
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| DEFAULT_OUTPUT.into());
        let staging = Staging {
            dir: sibling(parent, &name, "new"),
            retired: sibling(parent, &name, "old"),
            output,
            committed: false,
        };
        remove_if_present(&staging.dir)?;
        remove_if_present(&staging.retired)?;
        if let Some(parent) = staging.output.parent() {
            remove_abandoned(parent, &name);
        }
        std::fs::create_dir_all(&staging.dir)?;
        Ok(staging)
    }

    /// Writes one file (safe to call from many threads at once).
    pub(crate) fn write(&self, file: &OutputFile) -> io::Result<()> {
        let path = self.dir.join(&file.path);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(path, &file.bytes)
    }

    /// Swaps the new folder in for the old one: on Linux in one atomic exchange, so the
    /// output folder never goes missing; elsewhere (or on a file system without it) by
    /// moving the old one aside first.
    pub(crate) fn commit(mut self) -> io::Result<()> {
        // Written last, so that no file of the site can take its place.
        std::fs::write(self.dir.join(MARKER), MARKER_TEXT)?;
        if self.output.exists() {
            #[cfg(target_os = "linux")]
            if exchange(&self.dir, &self.output).is_ok() {
                self.committed = true;
                // The staging folder now holds the previous output.
                return remove_if_present(&self.dir);
            }
            std::fs::rename(&self.output, &self.retired)?;
        }
        if let Err(err) = std::fs::rename(&self.dir, &self.output) {
            // Put the previous output back rather than leave nothing.
            let _ = std::fs::rename(&self.retired, &self.output);
            return Err(err);
        }
        self.committed = true;
        remove_if_present(&self.retired)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Swaps two paths atomically (`renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

/// A hidden folder beside the output, which the loader skips (its name starts with `.`).
fn sibling(parent: &Path, name: &str, what: &str) -> PathBuf {
    parent.join(format!(".{name}.okrs-{what}-{}", std::process::id()))
}

/// Removes staging folders that builds interrupted before they finished left behind
/// (their process is gone). Only Linux can tell which processes still run; elsewhere
/// they stay until removed by hand.
fn remove_abandoned(parent: &Path, name: &str) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let prefix = format!(".{name}.okrs-");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let pid = rest.rsplit('-').next().unwrap_or("");
        if !pid.is_empty()
            && pid.bytes().all(|b| b.is_ascii_digit())
            && !Path::new("/proc").join(pid).exists()
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match remove_tree(path) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
        _ => Ok(()),
    }
}

/// Removes a folder and all it holds, its sub-folders in parallel: the previous output of
/// a large site is thousands of folders, and removing it is part of every build over it
/// (docs/performance.md). A symbolic link is removed, never followed.
fn remove_tree(path: &Path) -> io::Result<()> {
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(path)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            folders.push(entry.path());
        } else {
            std::fs::remove_file(entry.path())?;
        }
    }
    folders
        .par_iter()
        .try_for_each(|folder| remove_tree(folder))?;
    std::fs::remove_dir(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, bytes: &[u8]) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn replaces_the_previous_output_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("old")).unwrap();
        std::fs::write(out.join("old/stale.html"), "x").unwrap();
        let staging = Staging::new(&out).unwrap();
        staging.write(&file("a/b.txt", b"new")).unwrap();
        staging.commit().unwrap();
        assert_eq!(std::fs::read(out.join("a/b.txt")).unwrap(), b"new");
        assert!(!out.join("old").exists());
        assert_eq!(existing(&out), Existing::Ours);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "staging folders are cleaned up");
    }

    #[test]
    fn the_marker_is_written_last_over_a_file_of_the_same_name() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let staging = Staging::new(&out).unwrap();
        staging.write(&file(MARKER, b"a static file")).unwrap();
        staging.commit().unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join(MARKER)).unwrap(),
            MARKER_TEXT
        );
    }

    #[test]
    fn existing_folders_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str, files: &[&str]| {
            let folder = dir.path().join(name);
            std::fs::create_dir_all(&folder).unwrap();
            for f in files {
                std::fs::write(folder.join(f), "x").unwrap();
            }
            existing(&folder)
        };
        assert_eq!(at("empty", &[]), Existing::Empty);
        assert_eq!(at("git", &[".git"]), Existing::Other);
        assert_eq!(at("drafts", &["notes.md"]), Existing::Other);
        assert_eq!(
            at("old", &["index.html", "404.html", "okrs.json"]),
            Existing::OlderBuild
        );
        assert_eq!(at("ours", &[MARKER, "index.html"]), Existing::Ours);
    }

    #[test]
    fn folders_of_interrupted_builds_are_cleaned_up() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        // No process has this id (Linux's pid_max is far below it).
        let stale = dir.path().join(".public.okrs-new-999999999");
        std::fs::create_dir_all(stale.join("objectives")).unwrap();
        let staging = Staging::new(&out).unwrap();
        staging.commit().unwrap();
        if Path::new("/proc/self").exists() {
            assert!(!stale.exists());
        }
        assert!(out.is_dir());
    }

    #[test]
    fn a_tree_is_removed_whole_without_following_links() {
        let dir = tempfile::tempdir().unwrap();
        let kept = dir.path().join("kept");
        std::fs::create_dir_all(&kept).unwrap();
        std::fs::write(kept.join("x.txt"), "x").unwrap();
        let tree = dir.path().join("tree");
        for n in 0..20 {
            let folder = tree.join(format!("objectives/o{n}/deeper"));
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join("index.html"), "page").unwrap();
        }
        std::fs::write(tree.join("index.html"), "root").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&kept, tree.join("objectives/link")).unwrap();
        remove_if_present(&tree).unwrap();
        assert!(!tree.exists());
        assert_eq!(std::fs::read(kept.join("x.txt")).unwrap(), b"x");
        remove_if_present(&tree).unwrap();
    }

    #[test]
    fn an_abandoned_build_leaves_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("index.html"), "old").unwrap();
        {
            let staging = Staging::new(&out).unwrap();
            staging.write(&file("index.html", b"half")).unwrap();
        }
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
