//! `okrs serve`: builds the site (drafts shown) into memory, serves it over HTTP on
//! loopback, watches the site and rebuilds on every save, and tells open pages to reload
//! over Server-Sent Events. While the content has errors the last good pages stay up and
//! every page carries an overlay listing the errors.

mod http;
mod inject;
mod watch;

use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use crate::diagnostics::{self, Diagnostic};
use crate::load::FileCache;
use crate::model::Language;
use crate::render::i18n::Strings;
use crate::render::{RenderOptions, Renderer};
use crate::{Options, analyse_loaded};

#[derive(Clone, Debug)]
pub struct ServeOptions {
    pub site: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    pub as_of: Option<NaiveDate>,
    pub open: bool,
}

/// Why serving stopped before it began.
#[derive(Debug)]
pub enum ServeError {
    /// The address is taken (another server on that port).
    AddressInUse(SocketAddr),
    /// The address cannot be listened on (not one of this machine's, say).
    Bind(SocketAddr, std::io::Error),
    Io(std::io::Error),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            ServeError::AddressInUse(addr) => write!(
                f,
                "{addr} is already in use: stop the program using port {} or choose another with --port",
                addr.port()
            ),
            ServeError::Bind(addr, err) => write!(f, "cannot listen on {addr}: {err}"),
            ServeError::Io(err) => write!(f, "{err}"),
        }
    }
}

/// What the browser is told after a rebuild.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Reload the page.
    Reload,
    /// Only stylesheets changed: swap them without a reload.
    Css,
}

/// The site as served: the last good build, rendered page by page as pages are asked
/// for, and the latest build's errors.
#[derive(Default)]
pub struct Snapshot {
    pub renderer: Option<Arc<Renderer>>,
    /// Every output path of the last good build.
    pub paths: Arc<HashSet<String>>,
    /// Files rendered so far from the last good build.
    pub cache: Arc<Mutex<HashMap<String, Arc<Vec<u8>>>>>,
    /// The files rendered from the build before it: shown (with the overlay) when a page
    /// of the last build fails to render.
    pub fallback: Arc<Mutex<HashMap<String, Arc<Vec<u8>>>>>,
    /// Render errors already printed on the terminal.
    pub reported: Mutex<HashSet<String>>,
    /// The site's language, for the overlay.
    pub language: Language,
    pub strings: Strings,
    /// Errors of the latest build; empty when it succeeded.
    pub errors: Vec<Diagnostic>,
    /// Increases with every rebuild.
    pub version: u64,
}

impl Snapshot {
    /// A file of the last good build: from the cache, else rendered now (and cached).
    /// None when the site has no such file.
    pub fn file(&self, path: &str) -> Option<Result<Arc<Vec<u8>>, Diagnostic>> {
        if !self.paths.contains(path) {
            return None;
        }
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
pub struct Shared {
    pub snapshot: RwLock<Arc<Snapshot>>,
    pub changes: tokio::sync::broadcast::Sender<Change>,
}

/// Rebuilds the site, re-reading only the files that changed. Pages are not rendered
/// here but when asked for, so a rebuild costs about as much as `okrs check`.
pub struct Builder {
    root: PathBuf,
    options: Options,
    cache: FileCache,
    /// What okrs.yaml, templates, themes and static files were at the last rebuild.
    fingerprint: Option<u64>,
}

/// The result of one rebuild, for the terminal and the browser.
pub struct Rebuilt {
    /// Nothing that can change the site had changed: nothing was done or sent.
    pub unchanged: bool,
    /// No build has succeeded yet.
    pub never_built: bool,
    pub errors: Vec<Diagnostic>,
    pub warnings: usize,
    /// The site's language, for what is printed.
    pub language: Language,
    /// Files read and parsed again this time.
    pub parsed: usize,
    pub pages: usize,
    pub change: Change,
    pub elapsed: std::time::Duration,
}

impl Builder {
    pub fn new(root: &Path, as_of: Option<NaiveDate>) -> Builder {
        Builder {
            root: root.to_path_buf(),
            options: Options {
                as_of,
                include_drafts: true,
                output: Some(root.join("public")),
            },
            cache: FileCache::default(),
            fingerprint: None,
        }
    }

    /// A hash of what can change the site besides its content files: okrs.yaml's bytes and
    /// the names, sizes and times of the files under templates/, themes/ and static/.
    fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        std::fs::read(self.root.join("okrs.yaml"))
            .ok()
            .hash(&mut hasher);
        for folder in ["templates", "themes", "static"] {
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

    /// Rebuilds after `changed` files changed and updates `shared`; on errors the served
    /// pages stay as they were.
    pub fn rebuild(&mut self, shared: &Shared, changed: &[PathBuf]) -> Rebuilt {
        let started = Instant::now();
        let fingerprint = self.fingerprint();
        let loaded = self.cache.load(&self.root, self.options.output.as_deref());
        let previous = shared
            .snapshot
            .read()
            .map(|s| Arc::clone(&s))
            .unwrap_or_default();
        // An editor's second event for one save, or the tail of a bulk change already
        // read, changes nothing: no rebuild, no reload.
        if self.fingerprint == Some(fingerprint)
            && self.cache.parsed == 0
            && self.cache.removed == 0
        {
            return Rebuilt {
                unchanged: true,
                never_built: previous.renderer.is_none(),
                errors: previous.errors.clone(),
                warnings: 0,
                language: previous.language,
                parsed: 0,
                pages: 0,
                change: Change::Reload,
                elapsed: started.elapsed(),
            };
        }
        self.fingerprint = Some(fingerprint);
        let analysis = analyse_loaded(loaded, &self.options);
        let (mut errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = analysis
            .diagnostics
            .iter()
            .cloned()
            .partition(Diagnostic::is_error);
        let options = RenderOptions {
            live_reload: true,
            progress: None,
        };
        let mut rendered = HashMap::new();
        let renderer = if errors.is_empty() {
            match Renderer::new(
                Arc::clone(&analysis.site),
                Arc::clone(&analysis.figures),
                options,
            ) {
                Ok(renderer) => Some(Arc::new(renderer)),
                Err(template_errors) => {
                    errors = template_errors;
                    None
                }
            }
        } else {
            None
        };
        // After a template change, render every page now: a template that fails on some
        // page is then an error like any other, and the last good pages stay.
        let templates_changed = changed.iter().any(|p| {
            p.components()
                .any(|c| c.as_os_str() == "templates" || c.as_os_str() == "themes")
        });
        let renderer = match renderer {
            Some(renderer) if templates_changed => {
                let collected = Mutex::new(HashMap::new());
                let result = renderer.render_each(None, &|file| {
                    if let Ok(mut map) = collected.lock() {
                        map.insert(file.path, Arc::new(file.bytes));
                    }
                    Ok::<(), ()>(())
                });
                match result {
                    Ok(_) => {
                        rendered = collected.into_inner().unwrap_or_default();
                        Some(renderer)
                    }
                    Err(crate::render::RenderError::Templates(template_errors)) => {
                        errors = template_errors;
                        None
                    }
                    Err(crate::render::RenderError::Sink(())) => Some(renderer),
                }
            }
            other => other,
        };
        // With okrs.yaml broken, its language is unknown: keep the one the pages have.
        let language =
            if errors.iter().any(|e| e.file == "okrs.yaml") && previous.renderer.is_some() {
                previous.language
            } else {
                analysis.site.config.language
            };
        let only_css = !changed.is_empty()
            && changed
                .iter()
                .all(|p| p.extension().is_some_and(|e| e == "css"))
            && previous.errors.is_empty()
            && errors.is_empty();
        let change = if only_css {
            Change::Css
        } else {
            Change::Reload
        };
        let snapshot = match renderer {
            Some(renderer) => Snapshot {
                paths: Arc::new(renderer.paths().into_iter().collect()),
                renderer: Some(renderer),
                cache: Arc::new(Mutex::new(rendered)),
                fallback: Arc::clone(&previous.cache),
                reported: Mutex::default(),
                errors: Vec::new(),
                version: previous.version + 1,
                language,
                strings: Strings::for_language(language),
            },
            None => Snapshot {
                renderer: previous.renderer.clone(),
                paths: Arc::clone(&previous.paths),
                cache: Arc::clone(&previous.cache),
                fallback: Arc::clone(&previous.fallback),
                reported: Mutex::default(),
                errors: errors.clone(),
                version: previous.version + 1,
                language,
                strings: Strings::for_language(language),
            },
        };
        let pages = snapshot
            .paths
            .iter()
            .filter(|p| p.ends_with(".html"))
            .count();
        if let Ok(mut slot) = shared.snapshot.write() {
            *slot = Arc::new(snapshot);
        }
        // No page is open yet when nobody listens: that is not an error.
        let _ = shared.changes.send(change);
        Rebuilt {
            unchanged: false,
            never_built: snapshot_never_built(shared),
            errors,
            warnings: warnings.len(),
            language,
            parsed: self.cache.parsed,
            pages,
            change,
            elapsed: started.elapsed(),
        }
    }
}

fn snapshot_never_built(shared: &Shared) -> bool {
    shared
        .snapshot
        .read()
        .map_or(true, |s| s.renderer.is_none())
}

fn report(rebuilt: &Rebuilt, color: bool) {
    if rebuilt.unchanged {
        return;
    }
    if !rebuilt.errors.is_empty() {
        eprint!(
            "{}",
            diagnostics::render(
                &rebuilt.errors,
                diagnostics::Format::Human,
                color,
                rebuilt.language
            )
        );
        let serving = if rebuilt.never_built {
            "no page can be shown until they are fixed"
        } else {
            "still serving the last good pages"
        };
        eprintln!(
            "okrs serve: {}; {serving}",
            diagnostics::plural(rebuilt.errors.len(), "error")
        );
    } else {
        eprintln!(
            "okrs serve: rebuilt in {} ms: {} ({} re-read, {})",
            rebuilt.elapsed.as_millis(),
            diagnostics::plural(rebuilt.pages, "page"),
            diagnostics::plural(rebuilt.parsed, "file"),
            diagnostics::plural(rebuilt.warnings, "warning"),
        );
    }
}

/// Serves until Ctrl-C.
pub fn serve(options: ServeOptions) -> Result<(), ServeError> {
    let color = std::io::IsTerminal::is_terminal(&std::io::stderr())
        && std::env::var_os("NO_COLOR").is_none();
    let (changes, _) = tokio::sync::broadcast::channel(16);
    let shared = Arc::new(Shared {
        snapshot: RwLock::new(Arc::new(Snapshot::default())),
        changes,
    });
    let mut builder = Builder::new(&options.site, options.as_of);
    report(&builder.rebuild(&shared, &[]), color);

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(ServeError::Io)?;
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
    let local = listener.local_addr().map_err(ServeError::Io)?;
    // Watch before saying where the site is, so no save after that line goes unseen.
    let _watcher = watch::start(&options.site, {
        let shared = Arc::clone(&shared);
        move |changed: &[PathBuf]| report(&builder.rebuild(&shared, changed), color)
    })
    .map_err(|err| ServeError::Io(std::io::Error::other(err.to_string())))?;

    let url = format!("http://{local}/");
    eprintln!(
        "okrs serve: serving {} at {url} (Ctrl-C to stop)",
        options.site.display()
    );
    if !options.bind.is_loopback() {
        eprintln!(
            "okrs serve: warning: bound to {}, so other machines can see the site",
            options.bind
        );
    }

    if options.open {
        open_browser(&url);
    }
    runtime
        .block_on(http::run(listener, shared))
        .map_err(ServeError::Io)?;
    eprintln!("okrs serve: stopped");
    Ok(())
}

fn open_browser(url: &str) {
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
        eprintln!("okrs serve: could not start a browser; open {url} yourself");
    }
}
