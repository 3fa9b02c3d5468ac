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
