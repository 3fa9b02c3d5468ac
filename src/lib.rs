//! okrs: a static OKR report site generator. A site folder flows one way through the
//! stages — load → validate → compute → lint → render → write — each in its own module.

pub mod author;
pub mod cli;
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
use message::Message;
use model::Site;

/// What okrs knows about a site after checking it: the site, its figures and every problem.
pub struct Analysis {
    pub site: Arc<Site>,
    pub figures: Arc<Figures>,
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were read.
    pub(crate) files: usize,
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
pub(crate) fn is_site(root: &Path) -> bool {
    root.join("okrs.yaml").symlink_metadata().is_ok()
}

/// That `root` is a site folder ([`is_site`]); else the usage mistake.
pub(crate) fn require_site(root: &Path) -> Result<(), Message> {
    if is_site(root) {
        return Ok(());
    }
    let site = root.display().to_string();
    Err(msg!(message::cli::NOT_A_SITE, site = site))
}

/// How a command ends, as its exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Exit {
    /// 0: done.
    Success,
    /// 1: the content has errors (or warnings, with `--deny-warnings`); or okrs refused,
    /// or failed, to write.
    Failed,
    /// 2: wrong usage: no site there, or an argument okrs cannot use.
    Usage,
}

impl Exit {
    pub(crate) fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Failed => 1,
            Exit::Usage => 2,
        }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> std::process::ExitCode {
        std::process::ExitCode::from(exit.code())
    }
}

/// Loads, validates, computes and lints the site at `root`.
pub fn analyse(root: &Path, options: &Options) -> Analysis {
    let output = write::output_folder(root, options.output.as_deref());
    analyse_loaded(load::load_site(root, Some(&output)), options)
}

/// Validates, computes and lints what was loaded (by `load_site` or a `FileCache`).
pub(crate) fn analyse_loaded(loaded: load::Loaded, options: &Options) -> Analysis {
    let files = loaded.files;
    let (site, earlier, figures, _) = validate_and_compute(loaded, options);
    linted(Arc::new(site), Arc::new(figures), earlier, files)
}

/// The site, loading's and validation's diagnostics (validation amends the former:
/// docs/checks.md#one-mistake-one-error), the figures and the as-of date they are for.
pub(crate) fn validate_and_compute(
    loaded: load::Loaded,
    options: &Options,
) -> (Site, Vec<Diagnostic>, Figures, NaiveDate) {
    let (site, earlier) = validate::validate(loaded);
    let as_of = as_of(options, &site);
    let figures = compute::compute(&site, as_of, options.include_drafts);
    (site, earlier, figures, as_of)
}

pub(crate) fn as_of(options: &Options, site: &Site) -> NaiveDate {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    compute::as_of_date(options.as_of, &site.config, epoch.as_deref())
}

/// The analysis of a validated and computed site: `earlier` and the lints, in order.
fn linted(
    site: Arc<Site>,
    figures: Arc<Figures>,
    earlier: Vec<Diagnostic>,
    files: usize,
) -> Analysis {
    let mut diagnostics = lint::lint(&site, &figures, earlier);
    diagnostics::sort(&mut diagnostics);
    Analysis {
        site,
        figures,
        diagnostics,
        files,
    }
}

/// What a build did.
pub(crate) enum BuildResult {
    /// The content has errors: nothing was written.
    ContentErrors,
    /// A template failed: nothing was written.
    TemplateErrors(Vec<Diagnostic>),
    /// The output folder now holds these pages and files (pages included).
    Written { pages: usize, files: usize },
}

/// Builds the site into `output`, unless the content or a template has errors.
pub(crate) fn build(
    analysis: &Analysis,
    output: &Path,
    progress: Option<render::Progress>,
) -> std::io::Result<BuildResult> {
    if analysis.has_errors() {
        return Ok(BuildResult::ContentErrors);
    }
    let options = render::RenderOptions { live_reload: false };
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
