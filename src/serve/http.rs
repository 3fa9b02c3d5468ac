//! The HTTP side of `okrs serve`: pages from memory, the live-reload event stream, and
//! nothing else — a path can only ever name a file of the built site.

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;
use tower_http::set_header::SetResponseHeaderLayer;

use super::{Change, Shared, Snapshot, inject};
use crate::diagnostics::{self, Diagnostic};
use crate::model::Language;

/// What a connection may take, so that clients that connect and send nothing, send half
/// a request, or stop reading can never hold the server.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    /// To send a request's headers, counted from when the server waits for them: from
    /// the connection's start, and between the requests of a kept-alive connection.
    pub(crate) header_read: Duration,
    /// With nothing read and nothing written (a half-sent body, a client that stops
    /// reading its response). An open live-reload stream sends a keep-alive comment
    /// every 15 seconds, so it is never idle that long.
    pub(crate) idle: Duration,
    /// Connections served at once; further ones wait in the system's queue until one
    /// closes.
    pub(crate) connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            header_read: Duration::from_secs(10),
            idle: Duration::from_secs(60),
            connections: 256,
        }
    }
}

/// Serves until Ctrl-C.
pub(crate) async fn run(listener: TcpListener, shared: Arc<Shared>) -> std::io::Result<()> {
    // Open event streams never end by themselves, so Ctrl-C ends the server outright.
    tokio::select! {
        () = accept(listener, router(shared), Limits::default()) => Ok(()),
        _ = tokio::signal::ctrl_c() => Ok(()),
    }
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/__okrs/events", get(events))
        .fallback(get(file))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .with_state(shared)
}

/// Accepts connections, at most `limits.connections` at once, each served under
/// `limits`; never returns.
pub(crate) async fn accept(listener: TcpListener, app: Router, limits: Limits) {
    let slots = Arc::new(Semaphore::new(limits.connections.max(1)));
    loop {
        // The semaphore is never closed.
        let Ok(slot) = Arc::clone(&slots).acquire_owned().await else {
            continue;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, say: wait for connections to close.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let app = app.clone();
        tokio::spawn(async move {
            connection(stream, app, limits).await;
            drop(slot);
        });
    }
}

/// Serves one connection until it closes, or breaks `limits`.
async fn connection(stream: TcpStream, app: Router, limits: Limits) {
    let progress = Arc::new(Progress::new());
    let io = Watched {
        stream,
        progress: Arc::clone(&progress),
    };
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read);
    let served = builder.serve_connection(TokioIo::new(io), TowerToHyperService::new(app));
    // Dropping the connection closes it.
    tokio::select! {
        _ = served => {}
        () = progress.stalled(limits.idle) => {}
    }
}

/// When a connection last read or wrote something.
struct Progress {
    start: Instant,
    /// Milliseconds since `start`.
    last: AtomicU64,
}

impl Progress {
    fn new() -> Progress {
        Progress {
            start: Instant::now(),
            last: AtomicU64::new(0),
        }
    }

    fn now(&self) -> u64 {
        u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn touch(&self) {
        self.last.store(self.now(), Ordering::Relaxed);
    }

    /// Returns once nothing was read or written for `idle`.
    async fn stalled(&self, idle: Duration) {
        let idle_ms = u64::try_from(idle.as_millis()).unwrap_or(u64::MAX);
        loop {
            let quiet = self.now().saturating_sub(self.last.load(Ordering::Relaxed));
            if quiet >= idle_ms {
                return;
            }
            tokio::time::sleep(Duration::from_millis(idle_ms - quiet)).await;
        }
    }
}

/// A connection's stream that notes each read and write that moved bytes.
struct Watched {
    stream: TcpStream,
    progress: Arc<Progress>,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let result = Pin::new(&mut self.stream).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.progress.touch();
        }
        result
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let result = Pin::new(&mut self.stream).poll_write(cx, buf);
        if matches!(result, Poll::Ready(Ok(n)) if n > 0) {
            self.progress.touch();
        }
        result
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let result = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        if matches!(result, Poll::Ready(Ok(n)) if n > 0) {
            self.progress.touch();
        }
        result
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

async fn events(State(shared): State<Arc<Shared>>) -> impl IntoResponse {
    let stream = BroadcastStream::new(shared.changes.subscribe()).filter_map(|change| {
        let name = match change {
            Ok(Change::Reload) => "reload",
            Ok(Change::Css) => "css",
            // A slow reader missed some changes: a reload covers them all.
            Err(_) => "reload",
        };
        Some(Ok::<Event, Infallible>(
            Event::default().event(name).data(name),
        ))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// The site path a request names, or None for one that tries to leave the site
/// (`..`, its percent-encoded forms, backslashes, NUL). `""` is the root.
pub(crate) fn site_path(raw: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .ok()?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s => segments.push(s),
        }
    }
    let mut path = segments.join("/");
    if decoded.ends_with('/') && !path.is_empty() {
        path.push('/');
    }
    Some(path)
}

/// The request's path as a path on this server, to write into a link or a `Location`:
/// runs of slashes are one, `.` segments are dropped and a backslash (which browsers read
/// as a slash) is percent-encoded, so it always starts with exactly one `/` and can never
/// be read as another host (`//evil.example/`) or a scheme. The trailing slash stays.
pub(crate) fn local_path(raw: &str) -> String {
    let segments: Vec<&str> = raw
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    let mut path = format!("/{}", segments.join("/")).replace('\\', "%5C");
    if raw.ends_with('/') && !segments.is_empty() {
        path.push('/');
    }
    path
}

fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

fn respond(status: StatusCode, path: &str, body: Vec<u8>) -> Response {
    (status, [(header::CONTENT_TYPE, content_type(path))], body).into_response()
}

async fn file(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let snapshot = match shared.snapshot.read() {
        Ok(s) => Arc::clone(&s),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let path = uri.path().to_owned();
    let query = uri.query().map(str::to_owned);
    let terminal = shared.lang.unwrap_or(snapshot.language);
    // Rendering a page is work for a blocking thread, not for the event loop.
    tokio::task::spawn_blocking(move || answer(&snapshot, &path, query.as_deref(), terminal))
        .await
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

/// The response to a request; render errors are printed on the terminal in `terminal`.
fn answer(
    snapshot: &Snapshot,
    raw_path: &str,
    query: Option<&str>,
    terminal: Language,
) -> Response {
    if snapshot.renderer.is_none() {
        return respond(
            StatusCode::SERVICE_UNAVAILABLE,
            "error.html",
            inject::error_page(
                &snapshot.errors,
                &snapshot.strings,
                snapshot.language.code(),
            ),
        );
    }
    let Some(path) = site_path(raw_path) else {
        return not_found(snapshot, raw_path);
    };
    let key = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path
    };
    if let Some(response) = serve(snapshot, &key, terminal) {
        return response;
    }
    // A folder asked for without its slash: relative links need the slash.
    if snapshot.file(&format!("{key}/index.html")).is_some() {
        let query = query.map(|q| format!("?{q}")).unwrap_or_default();
        return (
            StatusCode::PERMANENT_REDIRECT,
            [(
                header::LOCATION,
                format!("{}/{query}", local_path(raw_path)),
            )],
        )
            .into_response();
    }
    not_found(snapshot, raw_path)
}

/// A page of the site with the latest build's errors, and `extra`, in its overlay.
fn html(snapshot: &Snapshot, status: StatusCode, bytes: &[u8], extra: &[Diagnostic]) -> Response {
    let mut errors = snapshot.errors.clone();
    errors.extend_from_slice(extra);
    respond(
        status,
        "page.html",
        inject::inject(bytes, &errors, &snapshot.strings),
    )
}

/// The site's file `key`; None when the site has no such file.
fn serve(snapshot: &Snapshot, key: &str, terminal: Language) -> Option<Response> {
    Some(match snapshot.file(key)? {
        Ok(bytes) if key.ends_with(".html") => html(snapshot, StatusCode::OK, &bytes, &[]),
        Ok(bytes) => respond(StatusCode::OK, key, bytes.to_vec()),
        Err(d) => failed_page(snapshot, key, d, terminal),
    })
}

/// A page that fails to render: its last good version, with the error on it (and on the
/// terminal, in `terminal`, once).
fn failed_page(snapshot: &Snapshot, key: &str, d: Diagnostic, terminal: Language) -> Response {
    if snapshot
        .reported
        .lock()
        .is_ok_and(|mut seen| seen.insert(d.text(Language::En)))
    {
        eprint!(
            "{}",
            diagnostics::render(
                std::slice::from_ref(&d),
                diagnostics::Format::Human,
                false,
                terminal
            )
        );
    }
    let last_good = snapshot
        .fallback
        .lock()
        .ok()
        .and_then(|f| f.get(key).cloned());
    let page = last_good.map_or_else(
        || b"<!DOCTYPE html><html><body></body></html>".to_vec(),
        |b| b.to_vec(),
    );
    html(snapshot, StatusCode::INTERNAL_SERVER_ERROR, &page, &[d])
}

/// The site's 404 page for a path it does not have, or a bare 404 when it has none.
fn not_found(snapshot: &Snapshot, raw_path: &str) -> Response {
    match snapshot.file("404.html") {
        // Its links are written for the site root; a nested missing path needs the base.
        Some(Ok(bytes)) => html(
            snapshot,
            StatusCode::NOT_FOUND,
            &inject::with_root_base(&bytes, &local_path(raw_path)),
            &[],
        ),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    /// A server with no site built yet (every page answers 503) under `limits`, on a
    /// loopback port; it stops when the runtime is dropped.
    fn server(limits: Limits) -> (u16, tokio::runtime::Runtime) {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let listener = runtime.block_on(TcpListener::bind("127.0.0.1:0")).unwrap();
        let port = listener.local_addr().unwrap().port();
        let shared = Arc::new(Shared {
            snapshot: std::sync::RwLock::new(Arc::new(Snapshot::default())),
            changes: tokio::sync::broadcast::channel(4).0,
            lang: None,
        });
        runtime.spawn(accept(listener, router(shared), limits));
        (port, runtime)
    }

    fn connect(port: u16) -> std::net::TcpStream {
        let stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream
    }

    /// Reads until the server closes the connection; what it sent, and when it closed.
    fn until_closed(mut stream: std::net::TcpStream, since: Instant) -> (String, Duration) {
        let mut out = Vec::new();
        let _ = stream.read_to_end(&mut out);
        (String::from_utf8_lossy(&out).into_owned(), since.elapsed())
    }

    fn answered(port: u16) -> bool {
        let mut stream = connect(port);
        write!(
            stream,
            "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        until_closed(stream, Instant::now())
            .0
            .starts_with("HTTP/1.1 503")
    }

    const SHORT: Limits = Limits {
        header_read: Duration::from_millis(400),
        idle: Duration::from_secs(30),
        connections: 8,
    };

    #[test]
    fn half_a_request_line_is_closed_after_the_header_timeout_and_others_are_served() {
        let (port, _runtime) = server(SHORT);
        let started = Instant::now();
        let mut half = connect(port);
        half.write_all(b"GET /objectives/x HT").unwrap();
        let silent = connect(port);
        // Served meanwhile.
        assert!(answered(port));
        let (sent, after) = until_closed(half, started);
        assert!(
            after >= Duration::from_millis(300) && after < Duration::from_secs(5),
            "closed after {after:?}"
        );
        assert!(!sent.contains("200 OK"), "{sent}");
        let (_, after) = until_closed(silent, started);
        assert!(after < Duration::from_secs(5), "closed after {after:?}");
        assert!(answered(port));
    }

    #[test]
    fn an_idle_kept_alive_connection_is_closed() {
        let (port, _runtime) = server(SHORT);
        let mut stream = connect(port);
        write!(stream, "GET / HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let (sent, after) = until_closed(stream, Instant::now());
        assert!(sent.starts_with("HTTP/1.1 503"), "{sent}");
        assert!(after < Duration::from_secs(5), "closed after {after:?}");
    }

    #[test]
    fn a_connection_that_moves_no_bytes_is_closed_after_the_idle_timeout() {
        // An event stream sends nothing for 15 seconds when nothing changes.
        let (port, _runtime) = server(Limits {
            header_read: Duration::from_secs(30),
            idle: Duration::from_millis(500),
            connections: 8,
        });
        let mut stream = connect(port);
        let started = Instant::now();
        write!(stream, "GET /__okrs/events HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let (sent, after) = until_closed(stream, started);
        assert!(sent.contains("text/event-stream"), "{sent}");
        assert!(
            after >= Duration::from_millis(400) && after < Duration::from_secs(5),
            "closed after {after:?}"
        );
    }

    #[test]
    fn connections_beyond_the_limit_wait_for_a_free_one() {
        let (port, _runtime) = server(Limits {
            header_read: Duration::from_millis(800),
            idle: Duration::from_secs(30),
            connections: 2,
        });
        let held = [connect(port), connect(port)];
        // Both slots are taken by silent connections.
        std::thread::sleep(Duration::from_millis(100));
        let started = Instant::now();
        assert!(answered(port));
        assert!(
            started.elapsed() >= Duration::from_millis(500),
            "served before a slot was free: {:?}",
            started.elapsed()
        );
        drop(held);
        let started = Instant::now();
        assert!(answered(port));
        assert!(started.elapsed() < Duration::from_millis(500));
    }

    #[test]
    fn paths_that_leave_the_site_are_refused() {
        assert_eq!(site_path("/").as_deref(), Some(""));
        assert_eq!(
            site_path("/objectives/a/").as_deref(),
            Some("objectives/a/")
        );
        assert_eq!(
            site_path("/objectives/%E7%9B%AE%E6%A0%87/").as_deref(),
            Some("objectives/目标/")
        );
        assert_eq!(site_path("//etc/passwd").as_deref(), Some("etc/passwd"));
        assert_eq!(site_path("/../etc/passwd"), None);
        assert_eq!(site_path("/%2e%2e/etc/passwd"), None);
        assert_eq!(site_path("/%2E%2E%2Fetc"), None);
        assert_eq!(site_path("/a/..%5C..%5Cwindows"), None);
        assert_eq!(site_path("/a%00b"), None);
    }

    #[test]
    fn local_paths_never_name_another_host() {
        assert_eq!(local_path("/objectives/x"), "/objectives/x");
        assert_eq!(local_path("//objectives/x"), "/objectives/x");
        assert_eq!(local_path("///evil.example//x/"), "/evil.example/x/");
        assert_eq!(local_path("/./a/./b"), "/a/b");
        assert_eq!(local_path("/\\evil.example/x"), "/%5Cevil.example/x");
        assert_eq!(local_path("/%E7%9B%AE/"), "/%E7%9B%AE/");
        assert_eq!(local_path("/"), "/");
        assert_eq!(local_path("//"), "/");
    }

    #[test]
    fn text_is_served_as_utf8() {
        for path in ["a.html", "a.css", "a.js", "okrs.json", "a.svg", "feed.xml"] {
            assert!(content_type(path).ends_with("charset=utf-8"), "{path}");
        }
    }
}
