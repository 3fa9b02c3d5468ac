//! `okrs serve`: builds the site (drafts shown) into memory, serves it over HTTP on
//! loopback, watches the site and rebuilds on every save, and tells open pages to reload
//! over Server-Sent Events. While the content has errors the last good pages stay up and
//! every page carries an overlay listing the errors.

mod http;
mod inject;
mod watch;

use chrono::NaiveDate;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Instant;

use crate::diagnostics::{self, Diagnostic};
use crate::load::FileCache;
use crate::render::{self, RenderOptions};
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

/// The site as served: the pages of the last good build and the latest build's errors.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Output path (`objectives/x/index.html`) → bytes.
    pub files: HashMap<String, Arc<Vec<u8>>>,
    /// Errors of the latest build; empty when it succeeded.
    pub errors: Vec<Diagnostic>,
    /// Increases with every rebuild.
    pub version: u64,
}

/// State shared by the HTTP handlers and the rebuild loop.
pub struct Shared {
    pub snapshot: RwLock<Arc<Snapshot>>,
    pub changes: tokio::sync::broadcast::Sender<Change>,
}

/// Rebuilds the site into memory, re-reading only the files that changed.
pub struct Builder {
    root: PathBuf,
    options: Options,
    cache: FileCache,
}

/// The result of one rebuild, for the terminal and the browser.
pub struct Rebuilt {
    pub errors: Vec<Diagnostic>,
    pub warnings: usize,
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
        }
    }

    /// Rebuilds and updates `shared`; on errors the served pages stay as they were.
    pub fn rebuild(&mut self, shared: &Shared) -> Rebuilt {
        let started = Instant::now();
        let loaded = self.cache.load(&self.root, self.options.output.as_deref());
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
        let rendered = if errors.is_empty() {
            match render::render(&analysis.site, &analysis.figures, options) {
                Ok(files) => Some(files),
                Err(template_errors) => {
                    errors = template_errors;
                    None
                }
            }
        } else {
            None
        };
        let previous = shared
            .snapshot
            .read()
            .map(|s| Arc::clone(&s))
            .unwrap_or_default();
        let mut change = Change::Reload;
        let files = match rendered {
            Some(files) => {
                let files: HashMap<String, Arc<Vec<u8>>> = files
                    .into_iter()
                    .map(|f| {
                        // Keep the same allocation for unchanged files.
                        let bytes = match previous.files.get(&f.path) {
                            Some(old) if **old == f.bytes => Arc::clone(old),
                            _ => Arc::new(f.bytes),
                        };
                        (f.path, bytes)
                    })
                    .collect();
                let changed: Vec<&String> = files
                    .iter()
                    .filter(|(path, bytes)| {
                        previous
                            .files
                            .get(*path)
                            .is_none_or(|old| !Arc::ptr_eq(old, bytes))
                    })
                    .map(|(path, _)| path)
                    .collect();
                if !changed.is_empty()
                    && changed.iter().all(|p| p.ends_with(".css"))
                    && previous.errors.is_empty()
                    && previous.files.len() == files.len()
                {
                    change = Change::Css;
                }
                files
            }
            None => previous.files.clone(),
        };
        let pages = files.keys().filter(|p| p.ends_with(".html")).count();
        let snapshot = Snapshot {
            files,
            errors: errors.clone(),
            version: previous.version + 1,
        };
        if let Ok(mut slot) = shared.snapshot.write() {
            *slot = Arc::new(snapshot);
        }
        // No page is open yet when nobody listens: that is not an error.
        let _ = shared.changes.send(change);
        Rebuilt {
            errors,
            warnings: warnings.len(),
            parsed: self.cache.parsed,
            pages,
            change,
            elapsed: started.elapsed(),
        }
    }
}

fn report(rebuilt: &Rebuilt, color: bool) {
    if !rebuilt.errors.is_empty() {
        eprint!(
            "{}",
            diagnostics::render(&rebuilt.errors, diagnostics::Format::Human, color)
        );
        eprintln!(
            "okrs serve: {}; still serving the last good pages",
            diagnostics::plural(rebuilt.errors.len(), "error")
        );
    } else {
        eprintln!(
            "okrs serve: rebuilt {} in {} ms ({} re-read, {})",
            diagnostics::plural(rebuilt.pages, "page"),
            rebuilt.elapsed.as_millis(),
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
    report(&builder.rebuild(&shared), color);

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
                ServeError::Io(err)
            }
        })?;
    let local = listener.local_addr().map_err(ServeError::Io)?;
    // Watch before saying where the site is, so no save after that line goes unseen.
    let _watcher = watch::start(&options.site, {
        let shared = Arc::clone(&shared);
        move || report(&builder.rebuild(&shared), color)
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
