//! `okrs serve`: a real server on a free loopback port, spoken to over raw HTTP/1.1 so
//! that requests reach it exactly as written (`/../`, `%2e%2e`), edited while it runs.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::{copy_dir, sample};

/// A running `okrs serve`, stopped when dropped.
pub(crate) struct Server {
    child: Child,
    pub(crate) port: u16,
    pub(crate) site: tempfile::TempDir,
    /// Every line it has printed on standard error so far.
    stderr: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Waits until a line it printed satisfies `ok`, and returns that line.
    pub(crate) fn wait_for_line(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(line) = self.stderr.lock().unwrap().iter().find(|l| ok(l)) {
                return line.clone();
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; printed:\n{}",
                self.stderr.lock().unwrap().join("\n")
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `okrs serve` on a copy of a sample, on a port the system picks.
pub(crate) fn start(sample_name: &str) -> Server {
    start_with(sample_name, &[])
}

/// Starts `okrs serve` with more arguments.
pub(crate) fn start_with(sample_name: &str, args: &[&str]) -> Server {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&sample(sample_name), site.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_okrs"))
        .args(["serve", site.path().to_str().unwrap(), "--port", "0"])
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("okrs serve starts");
    let stderr = child.stderr.take().unwrap();
    let printed = Arc::new(Mutex::new(Vec::new()));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn({
        let printed = Arc::clone(&printed);
        move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                    let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    let _ = tx.send(port.parse::<u16>().unwrap());
                }
                printed.lock().unwrap().push(line);
            }
        }
    });
    let port = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("okrs serve says where it serves");
    Server {
        child,
        port,
        site,
        stderr: printed,
    }
}

/// A response: status code, headers (lower-case names) and body.
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: String,
}

impl Response {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

pub(crate) fn get(port: u16, path: &str) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_owned(),
    }
}

/// Polls `path` until `ok` holds for its body (rebuilds are asynchronous).
pub(crate) fn wait_for(port: u16, path: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let body = get(port, path).body;
        if ok(&body) {
            return body;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub(crate) fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn serves_pages_with_drafts_and_utf8_types() {
    let server = start("acme");
    let page = get(server.port, "/");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(page.header("cache-control"), Some("no-cache"));
    assert!(
        page.body.contains("/__okrs/events"),
        "the live-reload script is injected"
    );
    let json = get(server.port, "/okrs.json");
    assert_eq!(
        json.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert!(json.body.contains("\"draft\": true"), "serve shows drafts");
    assert_eq!(
        get(server.port, "/style.css").header("content-type"),
        Some("text/css; charset=utf-8")
    );
    assert_eq!(
        get(server.port, "/search.js").header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert_eq!(
        get(server.port, "/favicon.svg").header("content-type"),
        Some("image/svg+xml; charset=utf-8")
    );
    assert_eq!(
        get(server.port, "/feed.xml").header("content-type"),
        Some("application/xml; charset=utf-8")
    );
    let missing = get(server.port, "/no/such/page/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("<html"), "the 404 page is a page");
    let folder = get(server.port, "/alignment");
    assert_eq!(folder.status, 308);
    assert_eq!(folder.header("location"), Some("/alignment/"));
}

#[test]
fn build_output_never_carries_the_live_reload_script() {
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_okrs"))
        .args([
            "build",
            sample("teebee").to_str().unwrap(),
            "-o",
            out.path().join("p").to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(status.success());
    let index = std::fs::read_to_string(out.path().join("p/index.html")).unwrap();
    assert!(!index.contains("__okrs"));
}

#[test]
fn an_edited_objective_shows_on_the_served_page() {
    let server = start("teebee");
    let file = server.site.path().join("objectives/teebee-o1.md");
    edit(&file, "title: ", "title: 全新的标题 ");
    wait_for(
        server.port,
        "/objectives/teebee-o1/",
        "the new title",
        |b| b.contains("全新的标题"),
    );
}

#[test]
fn a_new_checkin_file_changes_okrs_json() {
    let server = start("teebee");
    let before = get(server.port, "/okrs.json").body;
    assert!(!before.contains("\"value\": 69"));
    std::fs::write(
        server.site.path().join("checkins/2024-05-19-new.md"),
        "---\ndate: 2024-05-19\nkr: teebee-o1/renewal\nvalue: 69\nconfidence: 8\n---\nAlmost there.\n",
    )
    .unwrap();
    wait_for(server.port, "/okrs.json", "the new check-in", |b| {
        b.contains("\"value\": 69")
    });
}

#[test]
fn a_rebuild_sends_a_reload_event() {
    let server = start("teebee");
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    write!(
        stream,
        "GET /__okrs/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    // Headers first.
    loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        if line == "\r\n" {
            break;
        }
        if line.to_ascii_lowercase().starts_with("content-type") {
            assert!(line.contains("text/event-stream"), "{line}");
        }
    }
    edit(
        &server.site.path().join("objectives/teebee-o2.md"),
        "title: ",
        "title: 改 ",
    );
    let deadline = Instant::now() + Duration::from_secs(15);
    let mut seen = String::new();
    while !seen.contains("event: reload") {
        assert!(Instant::now() < deadline, "no reload event; got {seen:?}");
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        seen.push_str(&line);
    }
    assert!(seen.contains("event: reload"), "{seen}");
}

#[test]
fn errors_show_as_an_overlay_until_fixed_and_the_server_stays_up() {
    let server = start("teebee");
    let file = server.site.path().join("objectives/teebee-o2.md");
    let good = std::fs::read_to_string(&file).unwrap();
    edit(&file, "period:", "perod:");
    let page = wait_for(server.port, "/objectives/teebee-o1/", "the overlay", |b| {
        b.contains("okrs-overlay")
    });
    assert!(
        page.contains("objectives/teebee-o2.md:"),
        "the overlay names the file"
    );
    assert!(page.contains("unknown-key"), "and the rule");
    assert!(
        page.contains("向餐厅供应商"),
        "the last good page is still served"
    );
    assert_eq!(get(server.port, "/").status, 200, "the server stays up");
    std::fs::write(&file, good).unwrap();
    wait_for(
        server.port,
        "/objectives/teebee-o1/",
        "the overlay to go",
        |b| !b.contains("okrs-overlay"),
    );
}

#[test]
fn the_terminal_speaks_the_sites_language_or_lang_and_the_overlay_the_sites() {
    // teebee is a zh-CN site.
    let server = start("teebee");
    let banner = server.wait_for_line("the banner", |l| l.contains("http://127.0.0.1:"));
    assert_eq!(
        banner,
        format!(
            "okrs serve：正在 http://127.0.0.1:{}/ 提供 {}（按 Ctrl-C 停止）",
            server.port,
            server.site.path().display()
        )
    );
    server.wait_for_line("the first build", |l| {
        l.starts_with("okrs serve：已重新生成，用时 ")
    });
    edit(
        &server.site.path().join("objectives/teebee-o2.md"),
        "period:",
        "perod:",
    );
    server.wait_for_line("the error", |l| {
        l.starts_with("objectives/teebee-o2.md:") && l.contains(": 错误[unknown-key]: ")
    });
    server.wait_for_line("the summary", |l| {
        l == "okrs serve：1 个错误；仍在提供上一次成功生成的页面"
    });

    let server = start_with("teebee", &["--lang", "en"]);
    server.wait_for_line("the banner", |l| {
        l.starts_with("okrs serve: serving ") && l.ends_with("/ (Ctrl-C to stop)")
    });
    server.wait_for_line("the first build", |l| {
        l.starts_with("okrs serve: rebuilt in ")
    });
    edit(
        &server.site.path().join("objectives/teebee-o2.md"),
        "period:",
        "perod:",
    );
    server.wait_for_line("the error", |l| l.contains(": error[unknown-key]: "));
    server.wait_for_line("the summary", |l| {
        l == "okrs serve: 1 error; still serving the last good pages"
    });
    // The overlay is part of the page: in the site's language.
    let page = wait_for(server.port, "/objectives/teebee-o1/", "the overlay", |b| {
        b.contains("okrs-overlay")
    });
    assert!(page.contains(">错误[unknown-key]<"), "{page}");
}

#[test]
fn requests_outside_the_site_get_nothing() {
    let server = start("teebee");
    let secret = std::fs::read_to_string(server.site.path().join("okrs.yaml")).unwrap();
    for path in [
        "/../okrs.yaml",
        "/%2e%2e/okrs.yaml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/objectives/../../okrs.yaml",
        "/..%2fokrs.yaml",
        "/..%5cokrs.yaml",
        "//etc/passwd",
        "/etc/passwd",
        "/okrs.yaml",
        "/objectives/teebee-o1.md",
    ] {
        let response = get(server.port, path);
        assert_eq!(response.status, 404, "{path}");
        assert!(
            !response.body.contains(secret.lines().next().unwrap()),
            "{path} leaked okrs.yaml"
        );
        assert!(
            !response.body.contains("root:x:0:0"),
            "{path} leaked /etc/passwd"
        );
    }
}

#[test]
fn a_port_in_use_is_reported_with_a_hint_in_the_sites_language() {
    let server = start("phone-repair");
    let port = server.port.to_string();
    let serve_again = |extra: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_okrs"))
            .args([
                "serve",
                server.site.path().to_str().unwrap(),
                "--port",
                &port,
            ])
            .args(extra)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    // phone-repair is a zh-CN site.
    let stderr = serve_again(&[]);
    assert!(
        stderr.contains(&format!(
            "错误：127.0.0.1:{port} 已被占用：请停止占用端口 {port} 的程序，或用 --port 换一个端口"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("okrs serve：已重新生成"), "{stderr}");
    let stderr = serve_again(&["--lang", "en"]);
    assert!(
        stderr.contains(&format!(
            "error: 127.0.0.1:{port} is already in use: stop the program using port {port} or choose another with --port"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("okrs serve: rebuilt in "), "{stderr}");
}

#[test]
fn a_missing_nested_page_gets_a_404_whose_links_work_from_the_root() {
    let server = start("phone-repair");
    let missing = get(server.port, "/a/b/c/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("<base href=\"/\">"),
        "the 404 page's relative links resolve from the root"
    );
    let redirect = get(server.port, "/periods?x=1");
    assert_eq!(
        redirect.header("location"),
        Some("/periods/?x=1"),
        "the query survives the redirect"
    );
}

#[test]
fn a_template_that_fails_on_a_page_keeps_the_last_good_page_with_the_error_on_it() {
    let server = start("teebee");
    let good = get(server.port, "/pages/how-we-okr/");
    assert_eq!(good.status, 200);
    std::fs::create_dir_all(server.site.path().join("templates")).unwrap();
    std::fs::write(
        server.site.path().join("templates/page.html"),
        "{% extends \"base.html\" %}{% block content %}{{ page.nope }}{% endblock %}",
    )
    .unwrap();
    let page = wait_for(server.port, "/pages/how-we-okr/", "the overlay", |b| {
        b.contains("okrs-overlay")
    });
    assert!(
        page.contains("错误[template]"),
        "the overlay names the template error, in the site's language"
    );
    assert!(
        page.contains("我们如何制定OKR"),
        "the last good page is still shown"
    );
    std::fs::remove_file(server.site.path().join("templates/page.html")).unwrap();
    wait_for(
        server.port,
        "/pages/how-we-okr/",
        "the overlay to go",
        |b| !b.contains("okrs-overlay"),
    );
}
