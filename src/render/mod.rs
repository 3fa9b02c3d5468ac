//! Stage 5: turns the site and its figures into output files, as bytes in memory:
//! every page of docs/themes.md#templates-and-their-own-variables through the templates, okrs.json, okrs.csv, feed.xml, the
//! search index and the theme's static files.

pub mod charts;
pub(crate) mod csv;
pub(crate) mod escape;
pub(crate) mod feed;
pub(crate) mod format;
pub(crate) mod i18n;
pub(crate) mod json;
pub(crate) mod markdown;
pub(crate) mod messages;
pub(crate) mod pages;
pub(crate) mod paths;
pub(crate) mod search;
pub(crate) mod templates;
pub(crate) mod tree;
pub(crate) mod view;
pub(crate) mod views;

use rayon::prelude::*;
use serde::Serialize;

use crate::compute::Figures;
use crate::diagnostics::Diagnostic;
use std::sync::Arc;

use crate::model::{Content, Site};
use pages::{PageKind, PageSpec, page_specs};
use paths::{root_of, url};
use view::{Link, NavItem};
use views::Views;

/// A file to write, with its path relative to the output folder (`/`-separated).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Called with (pages rendered, pages in all) as rendering goes on.
pub(crate) type Progress<'p> = &'p (dyn Fn(usize, usize) + Sync);

/// Options that change what pages contain.
#[derive(Clone, Copy, Default)]
pub struct RenderOptions {
    /// Pages carry the live-reload script (only under `okrs serve`).
    pub live_reload: bool,
}

fn json<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// Renders the files of one build, all at once (`build`) or one at a time as they are
/// asked for (`serve`).
pub struct Renderer {
    tera: tera::Tera,
    origins: templates::Origins,
    views: Views,
    /// The search index, built when `serve` first asks for one of its files.
    search: std::sync::OnceLock<search::Index>,
}

impl Renderer {
    /// Loads the templates; a template that does not parse stops here.
    pub fn new(
        site: Arc<Site>,
        figures: Arc<Figures>,
        options: RenderOptions,
    ) -> Result<Renderer, Vec<Diagnostic>> {
        let (mut tera, origins) = templates::load(&site.theme)?;
        let views = Views::new(site, figures);
        // What every page shares is converted for the templates once, not per page.
        for (k, v) in common_vars(&views, options) {
            tera.global_context().insert(k, &v);
        }
        Ok(Renderer {
            tera,
            origins,
            views,
            search: std::sync::OnceLock::new(),
        })
    }

    /// The static files: the built-in theme's, then the chosen theme's, then the site's.
    fn statics(&self) -> std::collections::BTreeMap<String, Vec<u8>> {
        let mut statics: std::collections::BTreeMap<String, Vec<u8>> = templates::BUILT_IN_STATIC
            .iter()
            .map(|(name, bytes)| (name.to_string(), bytes.to_vec()))
            .collect();
        statics.extend(self.views.site.theme.static_files.clone());
        for generated in paths::DATA_FILES {
            statics.remove(generated);
        }
        statics.retain(|path, _| !search::is_generated(path));
        statics
    }

    fn data_file(&self, path: &str) -> Option<Vec<u8>> {
        let (site, figures) = (&*self.views.site, &*self.views.figures);
        Some(match path {
            "okrs.json" => json::to_bytes(site, figures),
            "okrs.csv" => csv::to_bytes(site, figures),
            "feed.xml" => feed::to_bytes(&self.views),
            // Only a path of the index builds it: asking for a page must not.
            _ if search::is_generated(path) => return self.search_index().get(path).cloned(),
            _ => return None,
        })
    }

    fn search_index(&self) -> &search::Index {
        self.search
            .get_or_init(|| search::Index::build(&self.views))
    }

    /// Every output path, pages and files alike, but for the search index's pieces
    /// (`search::is_generated`): listing them would mean building the index, which `serve`
    /// does only when a search asks for one.
    pub fn paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = page_specs(&self.views)
            .iter()
            .map(PageSpec::output_path)
            .collect();
        paths.extend(paths::DATA_FILES.iter().map(|p| p.to_string()));
        paths.push(search::MANIFEST.to_owned());
        paths.extend(self.statics().into_keys());
        paths.sort();
        paths.dedup();
        paths
    }

    /// One file, rendered now; None for a path the site does not have.
    pub fn render_path(&self, path: &str) -> Option<Result<Vec<u8>, Diagnostic>> {
        if let Some(bytes) = self.data_file(path) {
            return Some(Ok(bytes));
        }
        match pages::page_spec(&self.views, path) {
            Some(spec) => {
                Some(render_page(&self.tera, &self.origins, &self.views, spec).map(|f| f.bytes))
            }
            None => self.statics().remove(path).map(Ok),
        }
    }

    /// Renders every file of the site, pages in parallel, handing each to `sink` as soon
    /// as it is ready (so the site is never held in memory whole). Returns the number of
    /// pages and files, or what stopped it: template errors, or the sink's first error.
    pub fn render_each<E: Send>(
        &self,
        progress: Option<Progress>,
        sink: &(dyn Fn(OutputFile) -> Result<(), E> + Sync),
    ) -> Result<(usize, usize), RenderError<E>> {
        let specs = page_specs(&self.views);
        let total = specs.len();
        let pages: std::collections::HashSet<String> =
            specs.iter().map(PageSpec::output_path).collect();
        let done = std::sync::atomic::AtomicUsize::new(0);
        let results: Vec<Result<(), RenderError<E>>> = specs
            .into_par_iter()
            .map(|spec| {
                let page = render_page(&self.tera, &self.origins, &self.views, spec);
                let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                if let Some(progress) = progress {
                    progress(n, total);
                }
                match page {
                    Ok(file) => sink(file).map_err(RenderError::Sink),
                    Err(d) => Err(RenderError::Templates(vec![d])),
                }
            })
            .collect();
        let mut templates = Vec::new();
        for result in results {
            match result {
                Ok(()) => {}
                Err(RenderError::Templates(d)) => templates.extend(d),
                Err(sink_error) => return Err(sink_error),
            }
        }
        if !templates.is_empty() {
            return Err(RenderError::Templates(one_per_place(templates)));
        }
        let mut files = total;
        for path in paths::DATA_FILES {
            if let Some(bytes) = self.data_file(path) {
                sink(OutputFile {
                    path: path.to_owned(),
                    bytes,
                })
                .map_err(RenderError::Sink)?;
                files += 1;
            }
        }
        search::write_each(&self.views, &mut |path, bytes| {
            files += 1;
            sink(OutputFile { path, bytes })
        })
        .map_err(RenderError::Sink)?;
        // A generated page wins over a static file of the same name.
        for (path, bytes) in self
            .statics()
            .into_iter()
            .filter(|(path, _)| !pages.contains(path))
        {
            sink(OutputFile { path, bytes }).map_err(RenderError::Sink)?;
            files += 1;
        }
        Ok((total, files))
    }
}

/// One diagnostic for each place in a template, saying on how many pages it failed.
fn one_per_place(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut places: Vec<(Diagnostic, usize)> = Vec::new();
    for d in diagnostics {
        match places
            .iter_mut()
            .find(|(p, _)| (&p.file, p.line, p.column) == (&d.file, d.line, d.column))
        {
            Some((_, n)) => *n += 1,
            None => places.push((d, 0)),
        }
    }
    places
        .into_iter()
        .map(|(mut d, others)| {
            if others > 0 {
                d.message = crate::msg!(
                    crate::message::common::ON_MORE_PAGES,
                    message = d.message,
                    n = others
                );
            }
            d
        })
        .collect()
}

/// What stopped a full render.
#[derive(Debug)]
pub enum RenderError<E> {
    /// Templates that failed; nothing should be published.
    Templates(Vec<Diagnostic>),
    /// The sink (the writer) failed.
    Sink(E),
}

fn common_vars(
    views: &Views,
    options: RenderOptions,
) -> serde_json::Map<String, serde_json::Value> {
    let site = &*views.site;
    let mut vars = serde_json::Map::new();
    vars.insert(
        "site".into(),
        serde_json::json!({
            "title": site.config.title,
            "description": site.config.description,
            "language": site.config.language.code(),
            "base_url": site.config.base_url,
        }),
    );
    vars.insert("t".into(), views.strings.tree().clone());
    vars.insert(
        "as_of".into(),
        serde_json::json!({ "date": views.figures.as_of.to_string(), "display": views.date(views.figures.as_of) }),
    );
    vars.insert(
        "generator".into(),
        format!("okrs {}", env!("CARGO_PKG_VERSION")).into(),
    );
    vars.insert("drafts_shown".into(), views.figures.include_drafts.into());
    vars.insert("org".into(), json(&views.org()));
    vars.insert("live_reload".into(), options.live_reload.into());
    vars
}

const NAV: [(&str, &str); 7] = [
    ("dashboard", ""),
    ("periods", paths::PERIODS),
    ("alignment", paths::ALIGNMENT),
    ("teams", paths::TEAMS),
    ("people", paths::PEOPLE),
    ("checkins", paths::CHECKINS),
    ("search", paths::SEARCH),
];

fn render_page(
    tera: &tera::Tera,
    origins: &templates::Origins,
    views: &Views,
    spec: PageSpec<'_>,
) -> Result<OutputFile, Diagnostic> {
    let root = root_of(&spec.path);
    let mut context = tera::Context::new();
    let section = spec.path.split('/').next().unwrap_or("");
    let nav: Vec<NavItem> = NAV
        .iter()
        .map(|(key, path)| NavItem {
            key: key.to_string(),
            label: views.strings.get(&format!("nav.{key}")),
            url: url(&root, path),
            active: path.trim_end_matches('/') == section
                || (*key == "dashboard" && spec.kind == PageKind::Dashboard),
        })
        .collect();
    let free_pages: Vec<Link> = views
        .site
        .pages
        .iter()
        .filter_map(|&d| match &views.site.documents[d].content {
            Content::Page(p) => Some(Link {
                id: p.slug.clone(),
                name: p.title.clone(),
                url: url(&root, &paths::page(&p.slug)),
            }),
            _ => None,
        })
        .collect();
    context.insert("root", &root);
    context.insert("nav", &nav);
    context.insert("free_pages", &free_pages);
    context.insert("page_kind", spec.kind.name());
    context.insert("page_title", &spec.title);
    (spec.vars)(&mut context);
    match tera.render(spec.kind.template(), &context) {
        Ok(html) => Ok(OutputFile {
            path: spec.output_path(),
            bytes: html.into_bytes(),
        }),
        Err(err) => Err(templates::diagnostic(
            &err,
            origins,
            Some(&spec.output_path()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `serve` renders on request: a page must not build the search index (a second of
    /// CPU on a large site), only a piece of the index does.
    #[test]
    fn a_page_asked_for_does_not_build_the_search_index() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-okrs/teebee");
        let options = crate::Options {
            as_of: None,
            include_drafts: false,
            output: None,
        };
        let analysis = crate::analyse(&root, &options);
        let renderer = Renderer::new(
            Arc::clone(&analysis.site),
            Arc::clone(&analysis.figures),
            RenderOptions { live_reload: false },
        )
        .expect("the built-in templates load");
        let page = renderer.render_path("objectives/teebee-o1/index.html");
        assert!(page.is_some_and(|p| p.is_ok()));
        assert!(
            renderer
                .render_path("objectives/nothing/index.html")
                .is_none()
        );
        assert!(renderer.search.get().is_none(), "a page built the index");
        assert!(renderer.render_path(search::MANIFEST).is_some());
        assert!(renderer.search.get().is_some());
    }
}
