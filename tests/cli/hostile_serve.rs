//! `okrs serve` against hostile requests and file systems (issue 9): it never sends the
//! browser to another host, never lets idle or half-sent connections hold it, and keeps
//! rebuilding when the site folder is deleted and made again.

use crate::serve::{edit, get, start, wait_for};
use crate::support::{copy_dir, sample};

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
    let mut page = open(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    let mut answer = Vec::new();
    page.read_to_end(&mut answer).unwrap();
    assert!(
        answer.starts_with(b"HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&answer)
    );
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

/// A `git checkout` of another branch can delete the site folder and make it again
/// (issue 9): the server watches the new folder, shows what it holds, and later edits.
#[test]
fn a_site_folder_deleted_and_made_again_is_still_watched() {
    let server = start("teebee");
    let root = server.site.path();
    let page = "/objectives/teebee-o1/";
    assert_eq!(get(server.port, page).status, 200);
    std::fs::remove_dir_all(root).unwrap();
    std::fs::create_dir(root).unwrap();
    copy_dir(&sample("teebee"), root);
    let file = root.join("objectives/teebee-o1.md");
    edit(&file, "title: ", "title: 换了分支 ");
    wait_for(server.port, page, "the recreated folder's title", |b| {
        b.contains("换了分支")
    });
    // And edits after that.
    edit(&file, "换了分支", "再改一次");
    wait_for(server.port, page, "a later edit", |b| {
        b.contains("再改一次")
    });

    // The same when the folder is moved away and another moved in its place.
    let other = tempfile::tempdir().unwrap();
    let moved_in = other.path().join("site");
    std::fs::create_dir(&moved_in).unwrap();
    copy_dir(&sample("teebee"), &moved_in);
    std::fs::rename(root, other.path().join("old")).unwrap();
    std::fs::rename(&moved_in, root).unwrap();
    wait_for(server.port, page, "the folder moved in", |b| {
        !b.contains("再改一次")
    });
    edit(&file, "title: ", "title: 第三版 ");
    wait_for(server.port, page, "an edit in the folder moved in", |b| {
        b.contains("第三版")
    });
}
