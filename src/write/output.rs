//! Where a build may write: the output folder asked for (or the default, `SITE/public`),
//! where it really is, and why it may not be used.

use std::path::{Path, PathBuf};

use super::messages::*;
use super::{Existing, MARKER, existing};
use crate::load::NOT_CONTENT;
use crate::message::Message;
use crate::model::Kind;
use crate::msg;

/// The output folder's name inside the site when none is given (`okrs build -o`).
pub(crate) const DEFAULT_OUTPUT: &str = "public";

/// The output folder of a build of `site`: `output` when given, else `SITE/public`.
pub(crate) fn output_folder(site: &Path, output: Option<&Path>) -> PathBuf {
    output.map_or_else(|| site.join(DEFAULT_OUTPUT), Path::to_path_buf)
}

/// Where a path really is: symbolic links and `..` resolved. A path that does not exist
/// yet is resolved through its nearest existing ancestor, the rest taken as written.
pub(crate) fn real_path(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut missing: Vec<std::ffi::OsString> = Vec::new();
    let mut existing = absolute.as_path();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            for part in missing.iter().rev() {
                match part.to_str() {
                    Some("..") => {
                        out.pop();
                    }
                    Some(".") => {}
                    _ => out.push(part),
                }
            }
            return out;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name.to_os_string());
                existing = parent;
            }
            // `..` or `.` at the end of a path that does not exist.
            (Some(parent), None) => {
                missing.push(
                    existing
                        .components()
                        .next_back()
                        .map(|c| c.as_os_str().to_os_string())
                        .unwrap_or_default(),
                );
                existing = parent;
            }
            (None, _) => return absolute,
        }
    }
}

/// Why an output folder may not be used: building would replace the site itself, one of
/// its content folders, or another site; or the folder is not empty and `okrs build` did
/// not write it (it has no `MARKER`), which only `force` allows. None when it is
/// safe: a folder that does not exist, an empty one, or an earlier build's output. Paths
/// are compared where they really are, so neither `..` nor a symbolic link can hide the
/// site. (The root folder holds every site, so an output that passes has a parent folder
/// to stage the build in.)
pub(crate) fn unsafe_output(site: &Path, output: &Path, force: bool) -> Option<Message> {
    let (site_real, out_real) = (real_path(site), real_path(output));
    let shown = output.display().to_string();
    if site_real.starts_with(&out_real) {
        return Some(msg!(WRITE_OUTPUT_HOLDS_SITE, output = shown));
    }
    if let Ok(inside) = out_real.strip_prefix(&site_real)
        && let Some(first) = inside.components().next()
    {
        let first = first.as_os_str().to_string_lossy();
        let settings = NOT_CONTENT.contains(&first.as_ref()) || first == "okrs.yaml";
        if Kind::from_folder(&first).is_some() || settings || first == "org.md" {
            let folder = first.into_owned();
            return Some(msg!(
                WRITE_OUTPUT_IN_CONTENT,
                output = shown,
                folder = folder
            ));
        }
    }
    if out_real.join("okrs.yaml").exists() {
        return Some(msg!(WRITE_OUTPUT_IS_SITE, output = shown));
    }
    if out_real.exists() && !out_real.is_dir() {
        return Some(msg!(WRITE_OUTPUT_IS_FILE, output = shown));
    }
    if let Some(file) = out_real.ancestors().skip(1).find(|a| a.is_file()) {
        let file = file.display().to_string();
        return Some(msg!(WRITE_OUTPUT_UNDER_FILE, output = shown, file = file));
    }
    if force || !out_real.is_dir() {
        return None;
    }
    match existing(&out_real) {
        Existing::Empty | Existing::Ours => None,
        Existing::OlderBuild => Some(msg!(
            WRITE_OUTPUT_OLDER_BUILD,
            output = shown,
            marker = MARKER
        )),
        Existing::Other => Some(msg!(WRITE_OUTPUT_NOT_OURS, output = shown, marker = MARKER)),
    }
}
