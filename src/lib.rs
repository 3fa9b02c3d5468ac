//! okrs: a static OKR report site generator. A site folder flows one way through the
//! stages — load → validate → compute → lint → render → write — each in its own module.

pub mod author;
pub mod compute;
pub mod diagnostics;
pub mod lint;
pub mod load;
pub mod model;
pub mod period;
pub mod render;
pub mod serve;
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

/// Whether `root` is a site folder (it has okrs.yaml).
pub fn is_site(root: &Path) -> bool {
    root.join("okrs.yaml").is_file()
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
pub fn analyse_loaded(mut loaded: load::Loaded, options: &Options) -> Analysis {
    let files = loaded.files;
    let mut earlier = std::mem::take(&mut loaded.diagnostics);
    let (site, validation) = validate::validate(loaded);
    earlier.extend(validation);
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

/// Why an output folder may not be used: building would replace the site itself, one of
/// its content folders, or another site. None when it is safe. (Any other folder is
/// replaced whole, as a build output is.)
pub fn unsafe_output(site: &Path, output: &Path) -> Option<String> {
    let (Ok(site_abs), Ok(out_abs)) = (std::path::absolute(site), std::path::absolute(output))
    else {
        return None;
    };
    let normal = |p: &Path| -> PathBuf { p.components().collect() };
    let (site_abs, out_abs) = (normal(&site_abs), normal(&out_abs));
    if site_abs.starts_with(&out_abs) {
        return Some(format!(
            "the output folder {} holds the site itself; building there would replace it",
            output.display()
        ));
    }
    if let Ok(inside) = out_abs.strip_prefix(&site_abs)
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
            return Some(format!(
                "the output folder {} is inside the site's {first}, which building would replace",
                output.display()
            ));
        }
    }
    if output.join("okrs.yaml").exists() {
        return Some(format!(
            "the output folder {} is an okrs site (it has okrs.yaml); building there would replace it",
            output.display()
        ));
    }
    if output.exists() && !output.is_dir() {
        return Some(format!(
            "the output {} is a file, not a folder",
            output.display()
        ));
    }
    None
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
