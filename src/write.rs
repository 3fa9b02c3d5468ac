//! Stage 6: writes the output folder. The new site is built beside the old one and
//! swapped in, so a web server never serves a half-written site and a failed write
//! leaves the previous output as it was.

use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::render::OutputFile;

/// Writes `files` into `output`, replacing whatever was there.
pub fn write_site(output: &Path, files: &[OutputFile]) -> io::Result<()> {
    let output = std::path::absolute(output)?;
    let parent = output
        .parent()
        .ok_or_else(|| io::Error::other("the output folder has no parent folder"))?;
    std::fs::create_dir_all(parent)?;
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let staging = sibling(parent, &name, "new");
    let retired = sibling(parent, &name, "old");
    remove_if_present(&staging)?;
    remove_if_present(&retired)?;
    if let Err(err) = write_all(&staging, files) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(err);
    }
    if output.exists() {
        std::fs::rename(&output, &retired)?;
    }
    if let Err(err) = std::fs::rename(&staging, &output) {
        // Put the previous output back rather than leave nothing.
        let _ = std::fs::rename(&retired, &output);
        return Err(err);
    }
    remove_if_present(&retired)
}

/// A hidden folder beside the output, which the loader skips (its name starts with `.`).
fn sibling(parent: &Path, name: &str, what: &str) -> PathBuf {
    parent.join(format!(".{name}.okrs-{what}-{}", std::process::id()))
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match std::fs::remove_dir_all(path) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
        _ => Ok(()),
    }
}

fn write_all(root: &Path, files: &[OutputFile]) -> io::Result<()> {
    std::fs::create_dir_all(root)?;
    let folders: std::collections::BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|f| root.join(&f.path).parent().map(Path::to_path_buf))
        .collect();
    for folder in &folders {
        std::fs::create_dir_all(folder)?;
    }
    // Writing many small files is bound by the file system; doing it in parallel helps.
    files
        .par_iter()
        .try_for_each(|file| std::fs::write(root.join(&file.path), &file.bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_previous_output_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("old")).unwrap();
        std::fs::write(out.join("old/stale.html"), "x").unwrap();
        let files = [OutputFile {
            path: "a/b.txt".into(),
            bytes: b"new".to_vec(),
        }];
        write_site(&out, &files).unwrap();
        assert_eq!(std::fs::read(out.join("a/b.txt")).unwrap(), b"new");
        assert!(!out.join("old").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "staging folders are cleaned up");
    }
}
