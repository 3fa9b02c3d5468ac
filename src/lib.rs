//! okrs: a static OKR report site generator. A site folder flows one way through the
//! stages — load → validate → compute → lint → render → write — each in its own module.

pub mod author;
pub mod compute;
pub mod diagnostics;
pub mod lint;
pub mod load;
pub mod message;
pub mod model;
pub mod period;
pub mod render;
pub mod rule;
pub mod serve;
pub mod usage;
pub mod validate;
pub mod write;
pub mod yaml;

use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use compute::Figures;
use diagnostics::Diagnostic;
use model::Site;

/// What okrs knows about a site after checking it: the site, its figures and every problem.
pub struct Analysis {
    pub site: Arc<Site>,
    pub figures: Arc<Figures>,
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were read.
    pub files: usize,
}

impl Analysis {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// How to read a site.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub as_of: Option<NaiveDate>,
    pub include_drafts: bool,
    /// The build's output folder, skipped when it lies inside the site.
    pub output: Option<PathBuf>,
}

/// Whether `root` is a site folder: it has okrs.yaml, in any form. One that is not a
/// readable file (a folder, a FIFO) is then an error of the site, at okrs.yaml, not a
/// folder without one.
pub fn is_site(root: &Path) -> bool {
    root.join("okrs.yaml").symlink_metadata().is_ok()
}

/// Loads, validates, computes and lints the site at `root`.
pub fn analyse(root: &Path, options: &Options) -> Analysis {
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| root.join("public"));
    analyse_loaded(load::load_site(root, Some(&output)), options)
}

/// Validates, computes and lints what was loaded (by `load_site` or a `FileCache`).
pub fn analyse_loaded(loaded: load::Loaded, options: &Options) -> Analysis {
    let files = loaded.files;
    // Loading's diagnostics and validation's: validation amends the former (docs/checks.md#one-mistake-one-error).
    let (site, earlier) = validate::validate(loaded);
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    let as_of = compute::as_of_date(options.as_of, &site.config, epoch.as_deref());
    let figures = compute::compute(&site, as_of, options.include_drafts);
    let mut diagnostics = lint::lint(&site, &figures, earlier);
    diagnostics::sort(&mut diagnostics);
    Analysis {
        site: Arc::new(site),
        figures: Arc::new(figures),
        diagnostics,
        files,
    }
}

/// Where a path really is: symbolic links and `..` resolved. A path that does not exist
/// yet is resolved through its nearest existing ancestor, the rest taken as written.
pub fn real_path(path: &Path) -> PathBuf {
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
/// not write it (it has no `write::MARKER`), which only `force` allows. None when it is
/// safe: a folder that does not exist, an empty one, or an earlier build's output. Paths
/// are compared where they really are, so neither `..` nor a symbolic link can hide the
/// site. (The root folder holds every site, so an output that passes has a parent folder
/// to stage the build in.)
pub fn unsafe_output(site: &Path, output: &Path, force: bool) -> Option<message::Message> {
    use write::messages::*;
    let (site_real, out_real) = (real_path(site), real_path(output));
    let shown = output.display().to_string();
    if site_real.starts_with(&out_real) {
        return Some(msg!(WRITE_OUTPUT_HOLDS_SITE, output = shown));
    }
    if let Ok(inside) = out_real.strip_prefix(&site_real)
        && let Some(first) = inside.components().next()
    {
        let first = first.as_os_str().to_string_lossy();
        let content = [
            "objectives",
            "checkins",
            "teams",
            "people",
            "pages",
            "templates",
            "themes",
            "static",
        ];
        if content.contains(&first.as_ref()) || first == "okrs.yaml" || first == "org.md" {
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
    match write::existing(&out_real) {
        write::Existing::Empty | write::Existing::Ours => None,
        write::Existing::OlderBuild => Some(msg!(
            WRITE_OUTPUT_OLDER_BUILD,
            output = shown,
            marker = write::MARKER
        )),
        write::Existing::Other => Some(msg!(
            WRITE_OUTPUT_NOT_OURS,
            output = shown,
            marker = write::MARKER
        )),
    }
}

/// What a build did.
pub enum BuildResult {
    /// The content has errors: nothing was written.
    ContentErrors,
    /// A template failed: nothing was written.
    TemplateErrors(Vec<Diagnostic>),
    /// The output folder now holds these pages and files (pages included).
    Written { pages: usize, files: usize },
}

/// Builds the site into `output`, unless the content or a template has errors.
pub fn build(
    analysis: &Analysis,
    output: &Path,
    progress: Option<render::Progress>,
) -> std::io::Result<BuildResult> {
    if analysis.has_errors() {
        return Ok(BuildResult::ContentErrors);
    }
    let options = render::RenderOptions {
        live_reload: false,
        progress,
    };
    let renderer = match render::Renderer::new(
        Arc::clone(&analysis.site),
        Arc::clone(&analysis.figures),
        options,
    ) {
        Ok(renderer) => renderer,
        Err(errors) => return Ok(BuildResult::TemplateErrors(errors)),
    };
    let staging = write::Staging::new(output)?;
    match renderer.render_each(progress, &|file| staging.write(&file)) {
        Ok((pages, files)) => {
            staging.commit()?;
            Ok(BuildResult::Written { pages, files })
        }
        // Dropping the staging folder leaves the previous output as it was.
        Err(render::RenderError::Templates(errors)) => Ok(BuildResult::TemplateErrors(errors)),
        Err(render::RenderError::Sink(err)) => Err(err),
    }
}
