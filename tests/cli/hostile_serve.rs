//! `okrs serve` against hostile requests and file systems (issue 9): it never sends the
//! browser to another host, never lets idle or half-sent connections hold it, and keeps
//! rebuilding when the site folder is deleted and made again.

use crate::serve::{get, start};

/// `//host/…` is another host to a browser: no redirect and no link may start with `//`
/// (or a backslash, which browsers read as a slash).
#[test]
fn redirects_and_links_stay_on_this_server() {
    let server = start("acme");
    for (path, location) in [
        ("//periods", "/periods/"),
        ("///periods?x=1", "/periods/?x=1"),
        ("//./periods", "/periods/"),
        ("/periods", "/periods/"),
    ] {
        let redirect = get(server.port, path);
        assert_eq!(redirect.status, 308, "{path}");
        assert_eq!(redirect.header("location"), Some(location), "{path}");
    }
    for (path, here) in [
        ("//evil.example/x", "/evil.example/x"),
        ("///evil.example/x/", "/evil.example/x/"),
        ("/\\evil.example/x", "/%5Cevil.example/x"),
    ] {
        let missing = get(server.port, path);
        assert_eq!(missing.status, 404, "{path}");
        assert!(missing.header("location").is_none(), "{path}");
        // The skip link points at this page, on this server.
        assert!(
            missing.body.contains(&format!("href=\"{here}#main\"")),
            "{path}: {}",
            missing.body
        );
        for bad in ["href=\"//", "href=\"/\\", "href=\"\\", "src=\"//"] {
            assert!(
                !missing.body.contains(bad),
                "{path}: {bad} in {}",
                missing.body
            );
        }
    }
}

/// Idle and half-sent connections (issue 9): more of them than the server takes at once
/// neither stop it from answering nor stay open past the 10-second header timeout.
#[test]
fn half_sent_requests_are_closed_and_never_block_the_server() {
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::time::{Duration, Instant};

    let server = start("acme");
    let started = Instant::now();
    let open = |half: &[u8]| {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        stream.write_all(half).unwrap();
        stream
    };
    let mut first = open(b"GET /objectives/x HT");
    // Beyond the 256 connections served at once.
    let held: Vec<TcpStream> = (0..300).map(|_| open(b"GET / HTTP/1.1\r\nHost:")).collect();
    // A request on a new connection is served once slots free up, within the timeout
    // and a margin.
    let page = get(server.port, "/");
    assert_eq!(page.status, 200);
    assert!(
        started.elapsed() < Duration::from_secs(25),
        "answered after {:?}",
        started.elapsed()
    );
    // The first half-sent request was closed after about 10 seconds, unanswered.
    let mut sent = Vec::new();
    let _ = first.read_to_end(&mut sent);
    let closed = started.elapsed();
    assert!(
        closed >= Duration::from_secs(8) && closed < Duration::from_secs(25),
        "closed after {closed:?}"
    );
    assert!(!String::from_utf8_lossy(&sent).contains("200 OK"));
    drop(held);
    let again = get(server.port, "/");
    assert_eq!(again.status, 200);
}
