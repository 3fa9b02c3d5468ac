//! `okrs serve`: builds the site (drafts shown) into memory, serves it over HTTP on
//! loopback, watches the site and rebuilds on every save, and tells open pages to reload
//! over Server-Sent Events. While the content has errors the last good pages stay up and
//! every page carries an overlay listing the errors.

mod http;
mod inject;
pub(crate) mod messages;
mod reuse;
mod watch;

use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use crate::diagnostics::{self, Diagnostic};
use crate::load::{Changes, FileCache};
use crate::message::{Message, cli, common, count};
use crate::model::Language;
use crate::render::i18n::Strings;
use crate::render::{RenderOptions, Renderer};
use crate::{Options, msg};
use messages::*;
use reuse::Checked;

#[derive(Clone, Debug)]
pub(crate) struct ServeOptions {
    pub(crate) site: PathBuf,
    pub(crate) bind: IpAddr,
    pub(crate) port: u16,
    pub(crate) as_of: Option<NaiveDate>,
    pub(crate) open: bool,
    /// The language of what is printed on the terminal; default: the site's. (The
    /// overlay is part of the pages, and follows the site's language.)
    pub(crate) lang: Option<Language>,
}

/// Why serving stopped before it began.
#[derive(Debug)]
pub(crate) enum ServeError {
    /// The address is taken (another server on that port).
    AddressInUse(SocketAddr),
    /// The address cannot be listened on (not one of this machine's, say).
    Bind(SocketAddr, std::io::Error),
    /// The server could not start (no threads, say).
    Start(std::io::Error),
    /// The site folder cannot be watched for changes.
    Watch(PathBuf, String),
}

impl ServeError {
    /// What went wrong, to be put into words.
    pub(crate) fn message(&self) -> Message {
        match self {
            ServeError::AddressInUse(addr) => msg!(
                SERVE_ADDRESS_IN_USE,
                address = addr.to_string(),
                port = u32::from(addr.port())
            ),
            ServeError::Bind(addr, err) => msg!(
                SERVE_CANNOT_LISTEN,
                address = addr.to_string(),
                error = err.to_string()
            ),
            ServeError::Start(err) => msg!(SERVE_CANNOT_START, error = err.to_string()),
            ServeError::Watch(site, err) => msg!(
                SERVE_CANNOT_WATCH,
                site = site.display().to_string(),
                error = err.as_str()
            ),
        }
    }
}

/// What the browser is told after a rebuild.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Change {
    /// Reload the page.
    Reload,
    /// Only stylesheets changed: swap them without a reload.
    Css,
}

/// Rendered files by output path.
type Rendered = HashMap<String, Arc<Vec<u8>>>;

/// The site as served: the last good build, rendered page by page as pages are asked
/// for, and the latest build's errors.
#[derive(Default)]
pub(crate) struct Snapshot {
    pub(crate) renderer: Option<Arc<Renderer>>,
    /// Files rendered so far from the last good build.
    pub(crate) cache: Arc<Mutex<Rendered>>,
    /// The files rendered from the build before it: shown (with the overlay) when a page
    /// of the last build fails to render.
    pub(crate) fallback: Arc<Mutex<Rendered>>,
    /// Render errors already printed on the terminal.
    pub(crate) reported: Mutex<HashSet<String>>,
    /// The site's language, for the overlay.
    pub(crate) language: Language,
    pub(crate) strings: Strings,
    /// Errors of the latest build; empty when it succeeded.
    pub(crate) errors: Vec<Diagnostic>,
    /// Increases with every rebuild.
    pub(crate) version: u64,
}

impl Snapshot {
    /// A file of the last good build: from the cache, else rendered now (and cached).
    /// None when the site has no such file.
    pub(crate) fn file(&self, path: &str) -> Option<Result<Arc<Vec<u8>>, Diagnostic>> {
        if let Some(bytes) = self.cache.lock().ok()?.get(path) {
            return Some(Ok(Arc::clone(bytes)));
        }
        let rendered = self.renderer.as_ref()?.render_path(path)?;
        Some(rendered.map(|bytes| {
            let bytes = Arc::new(bytes);
            if let Ok(mut cache) = self.cache.lock() {
                cache.insert(path.to_owned(), Arc::clone(&bytes));
            }
            bytes
        }))
    }
}

/// State shared by the HTTP handlers and the rebuild loop.
pub(crate) struct Shared {
    pub(crate) snapshot: RwLock<Arc<Snapshot>>,
    pub(crate) changes: tokio::sync::broadcast::Sender<Change>,
    /// The language of the terminal's lines, when not the site's (`--lang`).
    pub(crate) lang: Option<Language>,
}

/// Rebuilds the site, re-reading only the files that changed. Pages are not rendered
/// here but when asked for, so a rebuild costs about as much as `okrs check` without its
/// reading of files.
pub(crate) struct Builder {
    /// Absolute, as the watcher names changed paths.
    root: PathBuf,
    options: Options,
    cache: FileCache,
    /// What okrs.yaml, templates, themes and static files were at the last rebuild.
    fingerprint: Option<u64>,
    /// What the last rebuild validated and computed.
    checked: Option<Checked>,
}

/// The result of one rebuild, for the terminal and the browser.
pub(crate) struct Rebuilt {
    /// Nothing that can change the site had changed: nothing was done or sent.
    pub(crate) unchanged: bool,
    /// No build has succeeded yet.
    pub(crate) never_built: bool,
    pub(crate) errors: Vec<Diagnostic>,
    pub(crate) warnings: usize,
    /// The site's language, for what is printed.
    pub(crate) language: Language,
    /// Files read and parsed again this time.
    pub(crate) parsed: usize,
    pub(crate) pages: usize,
    /// From the start of the rebuild to the browser being told.
    pub(crate) elapsed: std::time::Duration,
}

impl Builder {
    pub(crate) fn new(root: &Path, as_of: Option<NaiveDate>) -> Builder {
        let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
        Builder {
            options: Options {
                as_of,
                include_drafts: true,
                output: Some(crate::write::output_folder(&root, None)),
            },
            root,
            cache: FileCache::default(),
            fingerprint: None,
            checked: None,
        }
    }

    /// A hash of what can change the site besides its content files: okrs.yaml's bytes and
    /// the names, sizes and times of the files under templates/, themes/ and static/.
    fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        // Read as the loader reads it: a FIFO named okrs.yaml is never opened.
        crate::load::read_config_file(&self.root)
            .ok()
            .hash(&mut hasher);
        for folder in crate::load::NOT_CONTENT {
            for entry in walkdir::WalkDir::new(self.root.join(folder))
                .sort_by_file_name()
                .into_iter()
                .flatten()
            {
                entry.path().hash(&mut hasher);
                if let Ok(meta) = entry.metadata() {
                    (meta.len(), meta.modified().ok()).hash(&mut hasher);
                }
            }
        }
        hasher.finish()
    }

    /// Rebuilds after `changes` and updates `shared`; on errors the served pages stay as
    /// they were.
    pub(crate) fn rebuild(&mut self, shared: &Shared, changes: &Changes) -> Rebuilt {
        let started = Instant::now();
        let first = self.fingerprint.is_none();
        let settings_changed = first || changes.touches_settings(&self.root);
        let fingerprint = if settings_changed {
            Some(self.fingerprint())
        } else {
            self.fingerprint
        };
        let loaded = self
            .cache
            .load(&self.root, self.options.output.as_deref(), changes);
        let previous = shared
            .snapshot
            .read()
            .map(|s| Arc::clone(&s))
            .unwrap_or_default();
        // An editor's second event for one save, or the tail of a bulk change already
        // read, changes nothing: no rebuild, no reload.
        if self.fingerprint == fingerprint && self.cache.parsed == 0 && self.cache.removed == 0 {
            return Rebuilt::unchanged(&previous, started);
        }
        self.fingerprint = fingerprint;
        let analysis = self.analyse(loaded, settings_changed);
        let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = analysis
            .diagnostics
            .iter()
            .cloned()
            .partition(Diagnostic::is_error);
        let (renderer, rendered, errors) = if errors.is_empty() {
            prepare(&analysis, self.templates_changed(changes, first))
        } else {
            (None, HashMap::new(), errors)
        };
        // With okrs.yaml broken, its language is unknown: keep the one the pages have.
        let language =
            if errors.iter().any(|e| e.file == "okrs.yaml") && previous.renderer.is_some() {
                previous.language
            } else {
                analysis.site.config.language
            };
        let change = change_after(changes, &previous, &errors);
        let built = renderer.map(|renderer| {
            let kept = unchanged_statics(&previous, &analysis.site.theme);
            (renderer, kept.into_iter().chain(rendered).collect())
        });
        let snapshot = Arc::new(next_snapshot(&previous, built, &errors, language));
        publish(shared, &snapshot, change);
        let elapsed = started.elapsed();
        // Freeing the previous build takes a while on a large site: not before the
        // browser is told, but before the next rebuild, so builds never pile up.
        drop(previous);
        // Counted after the browser was told: listing every page is not on its way.
        let pages = snapshot.renderer.as_ref().map_or(0, |r| {
            r.paths().iter().filter(|p| p.ends_with(".html")).count()
        });
        Rebuilt {
            unchanged: false,
            never_built: snapshot.renderer.is_none(),
            errors,
            warnings: warnings.len(),
            language,
            parsed: self.cache.parsed,
            pages,
            elapsed,
        }
    }

    /// Analyses what was loaded: after local edits alone (objectives' prose, check-in
    /// files that read cleanly), from the last analysis; else from scratch.
    fn analyse(&mut self, loaded: crate::load::Loaded, settings_changed: bool) -> crate::Analysis {
        let edits = self
            .cache
            .local_edits
            .as_deref()
            .filter(|_| !settings_changed);
        let reused = self
            .checked
            .as_ref()
            .zip(edits)
            .and_then(|(checked, edits)| checked.after_local_edits(&loaded, edits, &self.options));
        let (analysis, checked) = reused.unwrap_or_else(|| Checked::analyse(loaded, &self.options));
        self.checked = Some(checked);
        analysis
    }

    /// Whether a file under templates/ or themes/ changed, so every page is rendered now:
    /// a template that fails on some page is then an error like any other, and the last
    /// good pages stay. (The first build renders pages as they are asked for, as after a
    /// content change.)
    fn templates_changed(&self, changes: &Changes, first: bool) -> bool {
        match changes {
            Changes::Everything => !first,
            Changes::Paths(paths) => paths.iter().any(|p| {
                let first = p.strip_prefix(&self.root).unwrap_or(p).components().next();
                first.is_some_and(|c| c.as_os_str() == "templates" || c.as_os_str() == "themes")
            }),
        }
    }
}

impl Rebuilt {
    /// A rebuild that found nothing changed: the served pages and their errors stay.
    fn unchanged(previous: &Snapshot, started: Instant) -> Rebuilt {
        Rebuilt {
            unchanged: true,
            never_built: previous.renderer.is_none(),
            errors: previous.errors.clone(),
            warnings: 0,
            language: previous.language,
            parsed: 0,
            pages: 0,
            elapsed: started.elapsed(),
        }
    }
}

/// What the browser is told: swap the stylesheets when only CSS files changed and
/// neither this build nor the one before had errors, else reload.
fn change_after(changes: &Changes, previous: &Snapshot, errors: &[Diagnostic]) -> Change {
    let only_css = matches!(changes, Changes::Paths(paths)
        if paths.iter().all(|p| p.extension().is_some_and(|e| e == "css")))
        && previous.errors.is_empty()
        && errors.is_empty();
    if only_css {
        Change::Css
    } else {
        Change::Reload
    }
}

/// The site as served after a rebuild: with `built` (the new renderer and the files
/// already rendered), its pages, the previous ones as the fallback; without, the previous
/// pages with `errors` on them.
fn next_snapshot(
    previous: &Snapshot,
    built: Option<(Arc<Renderer>, Rendered)>,
    errors: &[Diagnostic],
    language: Language,
) -> Snapshot {
    let (renderer, cache, fallback, errors) = match built {
        Some((renderer, files)) => (
            Some(renderer),
            Arc::new(Mutex::new(files)),
            Arc::clone(&previous.cache),
            Vec::new(),
        ),
        None => (
            previous.renderer.clone(),
            Arc::clone(&previous.cache),
            Arc::clone(&previous.fallback),
            errors.to_vec(),
        ),
    };
    Snapshot {
        renderer,
        cache,
        fallback,
        reported: Mutex::default(),
        errors,
        version: previous.version + 1,
        language,
        strings: Strings::for_language(language),
    }
}

/// Serves `snapshot` from now on and tells open pages `change`.
fn publish(shared: &Shared, snapshot: &Arc<Snapshot>, change: Change) {
    if let Ok(mut slot) = shared.snapshot.write() {
        *slot = Arc::clone(snapshot);
    }
    // No page is open yet when nobody listens: that is not an error.
    let _ = shared.changes.send(change);
}

/// The renderer of a build without content errors and, after a template change, every
/// file rendered; or the template errors that stop it.
fn prepare(
    analysis: &crate::Analysis,
    render_all: bool,
) -> (Option<Arc<Renderer>>, Rendered, Vec<Diagnostic>) {
    let options = RenderOptions { live_reload: true };
    let renderer = match Renderer::new(
        Arc::clone(&analysis.site),
        Arc::clone(&analysis.figures),
        options,
    ) {
        Ok(renderer) => Arc::new(renderer),
        Err(template_errors) => return (None, HashMap::new(), template_errors),
    };
    if !render_all {
        return (Some(renderer), HashMap::new(), Vec::new());
    }
    let collected = Mutex::new(HashMap::new());
    let result = renderer.render_each(None, &|file| {
        if let Ok(mut map) = collected.lock() {
            map.insert(file.path, Arc::new(file.bytes));
        }
        Ok::<(), ()>(())
    });
    match result {
        Ok(_) | Err(crate::render::RenderError::Sink(())) => (
            Some(renderer),
            collected.into_inner().unwrap_or_default(),
            Vec::new(),
        ),
        Err(crate::render::RenderError::Templates(template_errors)) => {
            (None, HashMap::new(), template_errors)
        }
    }
}

/// The static files served from the previous build whose bytes are still the site's
/// (its theme's or the built-in one's): kept, while every page and data file is
/// rendered again when next asked for. A file whose bytes differ (a static file changed,
/// or a generated file of that name) is dropped.
fn unchanged_statics(
    previous: &Snapshot,
    theme: &crate::model::ThemeFiles,
) -> Vec<(String, Arc<Vec<u8>>)> {
    let Ok(cache) = previous.cache.lock() else {
        return Vec::new();
    };
    let source = |path: &str| {
        theme.static_files.get(path).map(Vec::as_slice).or_else(|| {
            crate::render::templates::BUILT_IN_STATIC
                .iter()
                .find(|(name, _)| *name == path)
                .map(|(_, bytes)| *bytes)
        })
    };
    cache
        .iter()
        .filter(|(path, bytes)| source(path) == Some(bytes.as_slice()))
        .map(|(path, bytes)| (path.clone(), Arc::clone(bytes)))
        .collect()
}

/// What a rebuild says on the terminal, in `lang` or else the site's language: the
/// errors and that the last good pages stay, or how long it took.
fn report_text(rebuilt: &Rebuilt, color: bool, lang: Option<Language>) -> Option<String> {
    if rebuilt.unchanged {
        return None;
    }
    let language = lang.unwrap_or(rebuilt.language);
    if !rebuilt.errors.is_empty() {
        let listing =
            diagnostics::render(&rebuilt.errors, diagnostics::Format::Human, color, language);
        let state = if rebuilt.never_built {
            msg!(SERVE_NO_PAGE_YET)
        } else {
            msg!(SERVE_LAST_GOOD)
        };
        let summary = msg!(
            SERVE_HAS_ERRORS,
            errors = count(rebuilt.errors.len(), &common::ONE_ERROR, &common::ERRORS),
            state = state
        );
        Some(format!("{listing}{}", summary.text(language)))
    } else {
        let rebuilt_in = msg!(
            SERVE_REBUILT,
            ms = rebuilt.elapsed.as_millis().to_string(),
            pages = count(rebuilt.pages, &cli::ONE_PAGE, &cli::PAGES),
            files = count(rebuilt.parsed, &common::ONE_FILE, &common::FILES),
            warnings = count(rebuilt.warnings, &common::ONE_WARNING, &common::WARNINGS),
        );
        Some(rebuilt_in.text(language))
    }
}

fn report(rebuilt: &Rebuilt, color: bool, lang: Option<Language>) {
    if let Some(text) = report_text(rebuilt, color, lang) {
        eprintln!("{text}");
    }
}

/// Serves until Ctrl-C.
pub(crate) fn serve(options: ServeOptions) -> Result<(), ServeError> {
    let color = diagnostics::color(&std::io::stderr());
    let lang = options.lang;
    let (changes, _) = tokio::sync::broadcast::channel(16);
    let shared = Arc::new(Shared {
        snapshot: RwLock::new(Arc::new(Snapshot::default())),
        changes,
        lang,
    });
    let mut builder = Builder::new(&options.site, options.as_of);
    let first = builder.rebuild(&shared, &Changes::Everything);
    report(&first, color, lang);
    // The banner's language: the one asked for, else the site's as first read.
    let language = lang.unwrap_or(first.language);

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(ServeError::Start)?;
    let addr = SocketAddr::new(options.bind, options.port);
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(addr))
        .map_err(|err| {
            if err.kind() == std::io::ErrorKind::AddrInUse {
                ServeError::AddressInUse(addr)
            } else {
                ServeError::Bind(addr, err)
            }
        })?;
    let local = listener.local_addr().map_err(ServeError::Start)?;
    // Watch before saying where the site is, so no save after that line goes unseen.
    let _watcher = watch::start(&options.site, {
        let shared = Arc::clone(&shared);
        move |changes: &Changes| report(&builder.rebuild(&shared, changes), color, lang)
    })
    .map_err(|err| ServeError::Watch(options.site.clone(), err.to_string()))?;

    let url = format!("http://{local}/");
    let serving = msg!(
        SERVE_SERVING,
        site = options.site.display().to_string(),
        url = url.as_str()
    );
    eprintln!("{}", serving.text(language));
    if !options.bind.is_loopback() {
        let exposed = msg!(SERVE_EXPOSED, address = options.bind.to_string());
        eprintln!("{}", exposed.text(language));
    }

    if options.open {
        open_browser(&url, language);
    }
    runtime
        .block_on(http::run(listener, shared))
        .map_err(ServeError::Start)?;
    eprintln!("{}", msg!(SERVE_STOPPED).text(language));
    Ok(())
}

fn open_browser(url: &str, language: Language) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(program)
        .arg(url)
        .spawn()
        .is_err()
    {
        eprintln!("{}", msg!(SERVE_NO_BROWSER, url = url).text(language));
    }
}
