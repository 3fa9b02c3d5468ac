//! The HTTP side of `okrs serve`: pages from memory, the live-reload event stream, and
//! nothing else — a path can only ever name a file of the built site.

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::convert::Infallible;
use std::sync::Arc;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;
use tower_http::set_header::SetResponseHeaderLayer;

use super::{Change, Shared, Snapshot, inject};
use crate::diagnostics;
use crate::model::Language;

pub async fn run(listener: tokio::net::TcpListener, shared: Arc<Shared>) -> std::io::Result<()> {
    let app = Router::new()
        .route("/__okrs/events", get(events))
        .fallback(get(file))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .with_state(shared);
    // Open event streams never end by themselves, so Ctrl-C ends the server outright.
    tokio::select! {
        result = axum::serve(listener, app) => result,
        _ = tokio::signal::ctrl_c() => Ok(()),
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
pub fn site_path(raw: &str) -> Option<String> {
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
pub fn local_path(raw: &str) -> String {
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
    let html = |status: StatusCode, bytes: &[u8], extra: &[crate::diagnostics::Diagnostic]| {
        let mut errors = snapshot.errors.clone();
        errors.extend_from_slice(extra);
        respond(
            status,
            "page.html",
            inject::inject(bytes, &errors, &snapshot.strings),
        )
    };
    let serve = |status: StatusCode, key: &str| match snapshot.file(key) {
        Some(Ok(bytes)) if key.ends_with(".html") => Some(html(status, &bytes, &[])),
        Some(Ok(bytes)) => Some(respond(status, key, bytes.to_vec())),
        Some(Err(d)) => {
            // A page that fails to render: its last good version, with the error on it
            // (and on the terminal, once).
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
            Some(html(StatusCode::INTERNAL_SERVER_ERROR, &page, &[d]))
        }
        None => None,
    };
    let not_found = || match snapshot.file("404.html") {
        // Its links are written for the site root; a nested missing path needs the base.
        Some(Ok(bytes)) => html(
            StatusCode::NOT_FOUND,
            &inject::with_root_base(&bytes, &local_path(raw_path)),
            &[],
        ),
        _ => StatusCode::NOT_FOUND.into_response(),
    };
    let Some(path) = site_path(raw_path) else {
        return not_found();
    };
    let key = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.clone()
    };
    if let Some(response) = serve(StatusCode::OK, &key) {
        return response;
    }
    // A folder asked for without its slash: relative links need the slash.
    if snapshot.paths.contains(&format!("{key}/index.html")) {
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
    not_found()
}

#[cfg(test)]
mod tests {
    use super::*;

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
