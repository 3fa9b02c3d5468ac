//! Reads the site's own templates and static files, and those of the theme it chose.

use crate::rule::Rule;
use std::path::Path;

use super::messages::*;
use crate::diagnostics::Diagnostic;
use crate::model::{Config, Pos, ThemeFiles};
use crate::msg;

/// The names of the built-in themes.
pub(crate) const BUILT_IN_THEMES: [&str; 1] = ["default"];

pub(crate) fn load_theme(root: &Path, config: &Config) -> (ThemeFiles, Vec<Diagnostic>) {
    let mut files = ThemeFiles::default();
    let mut diagnostics = Vec::new();
    let site = Site(root.canonicalize().ok());
    if let Some(theme) = &config.theme {
        let folder = root.join("themes").join(&theme.value);
        if folder.is_dir() {
            let prefix = format!("themes/{}/templates", theme.value);
            read_templates(
                &site,
                &folder.join("templates"),
                &prefix,
                &mut files,
                &mut diagnostics,
            );
            read_static(
                &site,
                &folder.join("static"),
                &mut files,
                &mut diagnostics,
                &format!("themes/{}/static", theme.value),
            );
        } else if !BUILT_IN_THEMES.contains(&theme.value.as_str()) {
            diagnostics.push(Diagnostic::error(
                "okrs.yaml",
                theme.pos,
                Rule::UnknownReference,
                msg!(
                    LOAD_UNKNOWN_THEME,
                    theme = &theme.value,
                    built_in = BUILT_IN_THEMES.join(", ")
                ),
            ));
        }
    }
    read_templates(
        &site,
        &root.join("templates"),
        "templates",
        &mut files,
        &mut diagnostics,
    );
    read_static(
        &site,
        &root.join("static"),
        &mut files,
        &mut diagnostics,
        "static",
    );
    (files, diagnostics)
}

/// Where the site folder really is (symbolic links resolved), when it can be found.
struct Site(Option<std::path::PathBuf>);

impl Site {
    /// Where `folder` leads when that is outside the site: a symbolic link (committed to a
    /// repository, say) must not publish files of the machine that builds it.
    fn outside(&self, folder: &Path) -> Option<std::path::PathBuf> {
        let real = folder.canonicalize().ok()?;
        let site = self.0.as_ref()?;
        (!real.starts_with(site)).then_some(real)
    }
}

fn walk(folder: &Path) -> impl Iterator<Item = walkdir::DirEntry> {
    walkdir::WalkDir::new(folder)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
}

/// Every file under `folder` (none if it does not exist) as (name relative to it, bytes);
/// a file that cannot be read is a diagnostic on `prefix/name`.
fn read_folder(
    site: &Site,
    folder: &Path,
    prefix: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(String, Vec<u8>)> {
    if !folder.is_dir() {
        return Vec::new();
    }
    if let Some(target) = site.outside(folder) {
        diagnostics.push(Diagnostic::error(
            prefix,
            Pos { line: 1, column: 1 },
            Rule::Io,
            msg!(
                LOAD_OUTSIDE_SITE,
                folder = prefix,
                target = target.display().to_string()
            ),
        ));
        return Vec::new();
    }
    let mut files = Vec::new();
    for entry in walk(folder) {
        let Ok(rel) = entry.path().strip_prefix(folder) else {
            continue;
        };
        let name = super::relative_name(rel);
        match std::fs::read(entry.path()) {
            Ok(bytes) => files.push((name, bytes)),
            Err(err) => diagnostics.push(Diagnostic::error(
                &format!("{prefix}/{name}"),
                Pos { line: 1, column: 1 },
                Rule::Io,
                msg!(LOAD_CANNOT_READ_FILE, error = super::io_error(&err)),
            )),
        }
    }
    files
}

fn read_templates(
    site: &Site,
    folder: &Path,
    prefix: &str,
    files: &mut ThemeFiles,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (name, bytes) in read_folder(site, folder, prefix, diagnostics) {
        let origin = format!("{prefix}/{name}");
        match String::from_utf8(bytes) {
            Ok(text) => {
                files.templates.insert(name, (origin, text));
            }
            Err(_) => diagnostics.push(Diagnostic::error(
                &origin,
                Pos { line: 1, column: 1 },
                Rule::Io,
                msg!(LOAD_TEMPLATE_NOT_UTF8),
            )),
        }
    }
}

fn read_static(
    site: &Site,
    folder: &Path,
    files: &mut ThemeFiles,
    diagnostics: &mut Vec<Diagnostic>,
    prefix: &str,
) {
    files
        .static_files
        .extend(read_folder(site, folder, prefix, diagnostics));
}
