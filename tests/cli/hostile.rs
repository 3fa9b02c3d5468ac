//! Content written to make okrs fail (issue 9): names that cannot become folders, alignment
//! shapes whose paths explode, chains deeper than any stack, numbers at the edge of `f64`,
//! and an okrs.yaml that is no file. Whatever `check` accepts, `build` builds, in time and
//! output that grow with the content; what cannot be built is a `check` error at its place.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use crate::support::*;

/// Builds `site` (it must succeed) into a temporary folder; returns the folder (kept alive)
/// and the output's path inside it.
pub fn build_ok(site: &Site, args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let (_, diags) = site.check(args);
    assert!(
        diags.iter().all(|d| !d.is_error()),
        "check: {}",
        listing(&diags)
    );
    let (run, out) = build_into_temp(site.path(), args, &[]);
    assert_eq!(
        run.code, 0,
        "check passed but build failed:\n{}",
        run.stderr
    );
    let public = out.path().join("public");
    (out, public)
}

/// The values of every `href="…"` and `src="…"` of an HTML page, unescaped.
fn links(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attribute) {
            rest = &rest[i + attribute.len()..];
            let end = rest.find('"').unwrap_or(rest.len());
            found.push(
                rest[..end]
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&#x27;", "'")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&"),
            );
        }
    }
    found
}

/// `dir/link` with `.` and `..` taken away.
fn resolve(dir: &Path, link: &str) -> PathBuf {
    let mut out = PathBuf::new();
    for part in dir.join(link).components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Every link of every page of a built site that leads nowhere: to no file, or to an anchor
/// the page it names does not have. Links to other hosts are left out.
pub fn dead_links(public: &Path) -> Vec<String> {
    let pages: BTreeMap<PathBuf, String> = read_tree(public)
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "html"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).expect("pages are UTF-8")))
        .collect();
    let mut dead = Vec::new();
    for (page, html) in &pages {
        let dir = page.parent().unwrap_or(Path::new(""));
        for link in links(html) {
            if link.is_empty()
                || ["http:", "https:", "mailto:", "data:"]
                    .iter()
                    .any(|s| link.starts_with(s))
            {
                continue;
            }
            let (path, anchor) = link.split_once('#').unwrap_or((&link, ""));
            let path = path.split('?').next().unwrap_or(path);
            let decoded = percent_encoding::percent_decode_str(path)
                .decode_utf8()
                .expect("links are UTF-8")
                .into_owned();
            let target = if decoded.is_empty() {
                page.clone()
            } else {
                resolve(dir, &decoded)
            };
            let exists = public.join(&target).is_file();
            let anchored = anchor.is_empty()
                || pages.get(&target).is_some_and(|html| {
                    html.contains(&format!("id=\"{anchor}\""))
                        || html.contains(&format!("name=\"{anchor}\""))
                });
            if !exists || !anchored {
                dead.push(format!("{}: {link}", page.display()));
            }
        }
    }
    dead
}

fn site_with(config: &str, files: &[(&str, String)]) -> Site {
    let site = Site::new(config);
    for (path, text) in files {
        site.file(path, text);
    }
    site
}

const CONFIG: &str = "title: Hostile\nas_of: 2024-05-20\n";

// ---- Names that cannot become folders (issue 9, item 3) ----

#[test]
fn names_that_collide_with_pages_or_are_too_long_for_a_folder_get_safe_paths() {
    let long_owner = "王".repeat(90);
    let site = site_with(
        "title: Names\nas_of: 2024-05-20\nperiods:\n  - { id: index.html, start: 2024-01-01, end: 2024-12-31 }\n",
        &[
            (
                "objectives/index.html.md",
                format!(
                    "---\ntitle: Collides\nperiod: index.html\nowner: {long_owner}\nteam: index.html\nkey_results:\n  - {{ title: k, owner: index.html, target: 10, checkins: [{{ date: 2024-05-01, value: 5 }}] }}\n---\n"
                ),
            ),
            (
                "objectives/con.md",
                "---\ntitle: Device\nperiod: 2024-Q2\nowner: con\nteam: Research & Development\n---\n".into(),
            ),
            (
                "teams/index.html.md",
                "---\nname: A team named like a page\n---\n".into(),
            ),
            ("pages/50%.md", "---\ntitle: Fifty\n---\nBody.\n".into()),
        ],
    );
    let (_out, public) = build_ok(&site, &[]);

    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(public.join("okrs.json")).unwrap()).unwrap();
    let url = objective(&json, "index.html")["url"].as_str().unwrap();
    assert_eq!(url, "objectives/index.html-16211f22/");
    assert!(public.join(url).join("index.html").is_file());
    let url = objective(&json, "con")["url"].as_str().unwrap();
    assert_eq!(url, "objectives/_con-0d01642b/");
    // The list pages are still the list pages, and each named page is a folder of its own.
    for list in ["teams", "people", "periods"] {
        let html = std::fs::read_to_string(public.join(list).join("index.html")).unwrap();
        assert!(html.contains("<html"), "{list}/index.html is a page");
        assert!(
            public
                .join(list)
                .join("index.html-16211f22/index.html")
                .is_file()
        );
    }
    // The owner's 270 bytes are cut to a folder of 63 bytes and a hash.
    let people: Vec<String> = std::fs::read_dir(public.join("people"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let owner = people
        .iter()
        .find(|p| p.starts_with('王'))
        .expect("the owner's page");
    assert!(
        owner.len() <= 72 && owner.starts_with(&"王".repeat(21)),
        "{owner}"
    );
    assert!(public.join("pages/50--047cf2df/index.html").is_file());
    assert_eq!(dead_links(&public), Vec::<String>::new());
}

#[test]
fn an_objective_id_over_100_bytes_is_an_error_at_the_id() {
    let long = "a".repeat(300);
    let from_file = "b".repeat(120);
    let site = site_with(
        CONFIG,
        &[
            (
                "objectives/long.md",
                format!("---\ntitle: T\nid: {long}\nperiod: 2024-Q2\n---\n"),
            ),
            (
                &format!("objectives/{from_file}.md"),
                "---\ntitle: T\nperiod: 2024-Q2\n---\n".into(),
            ),
            (
                "objectives/just.md",
                format!(
                    "---\ntitle: T\nid: {}\nperiod: 2024-Q2\n---\n",
                    "c".repeat(100)
                ),
            ),
        ],
    );
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 1);
    let d = only(&diags, "objectives/long.md", "invalid-value");
    assert_eq!((d.line, d.column, d.severity.as_str()), (3, 5, "error"));
    assert!(
        d.message
            .contains("is 300 bytes long, more than the 100 an objective id may have")
            && d.message.contains(&format!("'{}…'", "a".repeat(32))),
        "{}",
        d.message
    );
    let d = only(
        &diags,
        &format!("objectives/{from_file}.md"),
        "invalid-value",
    );
    assert_eq!((d.line, d.column), (1, 1));
    assert!(
        d.message.contains("the file name gives the id"),
        "{}",
        d.message
    );
    assert!(
        diags
            .iter()
            .all(|d| d.file != "objectives/just.md" || !d.is_error()),
        "{}",
        listing(&diags)
    );

    site.file("okrs.yaml", format!("{CONFIG}language: zh-CN\n"));
    let (_, diags) = site.check(&[]);
    let d = only(&diags, "objectives/long.md", "invalid-value");
    assert!(
        d.message
            .contains("长 300 字节，超过了目标 id 的上限 100 字节"),
        "{}",
        d.message
    );
}

// ---- Alignment shapes (issue 9, items 1 and 2) ----

/// Every file of the alignment pages, by path under `alignment/`.
fn alignment_pages(public: &Path) -> BTreeMap<PathBuf, String> {
    read_tree(&public.join("alignment"))
        .into_iter()
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

/// How deep `<details>` elements nest in a page.
fn details_depth(html: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut rest = html;
    while let Some(i) = rest.find("details") {
        let opening = rest[..i].ends_with('<');
        let closing = rest[..i].ends_with("</");
        if opening {
            depth += 1;
            deepest = deepest.max(depth);
        } else if closing {
            depth = depth.saturating_sub(1);
        }
        rest = &rest[i + "details".len()..];
    }
    deepest
}

/// A site of `layers` layers of `width` objectives, each aligned to every objective of the
/// layer above (`width^layers` paths from top to bottom), the top layer to two strategies.
fn layered_site(layers: usize, width: usize) -> Site {
    let site = Site::new(CONFIG);
    site.file(
        "org.md",
        "---\nname: Org\nmission: M\nstrategies:\n  - { id: s1, title: S1 }\n  - { id: s2, title: S2 }\n---\n",
    );
    for l in 0..layers {
        for i in 0..width {
            let parents: Vec<String> = if l == 0 {
                vec!["s1".into(), "s2".into()]
            } else {
                (0..width).map(|p| format!("l{}-{p}", l - 1)).collect()
            };
            site.file(
                &format!("objectives/l{l}-{i}.md"),
                format!(
                    "---\ntitle: Layer {l} number {i}\nperiod: 2024-Q2\nowner: o\naligns_to: [{}]\nkey_results:\n  - {{ title: k, owner: o, target: 10, checkins: [{{ date: 2024-05-10, value: 5 }}] }}\n---\n",
                    parents.join(", ")
                ),
            );
        }
    }
    site
}

#[test]
fn objectives_aligned_to_several_parents_are_shown_once_and_the_page_stays_small() {
    // 40 files: 5^8 = 390,625 paths, which once made a page of hundreds of megabytes.
    let (layers, width) = (8, 5);
    let site = layered_site(layers, width);
    let (_out, public) = build_ok(&site, &[]);
    let pages = alignment_pages(&public);
    let all: String = pages.values().cloned().collect();
    let main = &pages[Path::new("index.html")];
    assert!(main.len() < 400_000, "alignment/ is {} bytes", main.len());
    // Each objective in full once; every further place (each alignment but the first,
    // and the second strategy's top layer) a "see above" link.
    for l in 0..layers {
        for i in 0..width {
            let anchor = format!("id=\"o-l{l}-{i}\"");
            assert_eq!(all.matches(&anchor).count(), 1, "{anchor}");
        }
    }
    let objectives = layers * width;
    let places = width * 2 + width * width * (layers - 1);
    assert_eq!(
        all.matches("class=\"trow-seen\"").count(),
        places - objectives
    );
    assert!(details_depth(main) <= 2 + 8, "{}", details_depth(main));
    assert_eq!(dead_links(&public), Vec::<String>::new());
}

#[test]
fn a_chain_deeper_than_a_page_continues_on_pages_of_its_own() {
    // Once a template recursion error from 19 levels on, naming no content file.
    let n = 19;
    let site = Site::new(CONFIG);
    for i in 0..n {
        let parent = if i == 0 {
            String::new()
        } else {
            format!("aligns_to: c{}\n", i - 1)
        };
        site.file(
            &format!("objectives/c{i}.md"),
            format!("---\ntitle: Chain {i}\nperiod: 2024-Q2\n{parent}key_results:\n  - {{ title: k, target: 10 }}\n---\n"),
        );
    }
    let (_out, public) = build_ok(&site, &[]);
    let pages = alignment_pages(&public);
    // Levels 0–7 on alignment/, 7–14 on alignment/c7/, 14–18 on alignment/c14/.
    let names: Vec<String> = pages.keys().map(|p| p.display().to_string()).collect();
    assert_eq!(names, ["c14/index.html", "c7/index.html", "index.html"]);
    let main = &pages[Path::new("index.html")];
    assert!(main.contains("id=\"o-c7\"") && !main.contains("id=\"o-c8\""));
    assert!(
        main.contains("href=\"../alignment/c7/index.html\""),
        "the cut links to its page"
    );
    let c7 = &pages[Path::new("c7/index.html")];
    assert!(
        c7.contains("href=\"../../alignment/index.html#o-c7\""),
        "the page links back up"
    );
    assert!(c7.contains("id=\"o-c8\"") && c7.contains("id=\"o-c14\""));
    assert!(pages[Path::new("c14/index.html")].contains("id=\"o-c18\""));
    assert_eq!(dead_links(&public), Vec::<String>::new());
}

#[test]
fn a_chain_of_thousands_builds_without_overflowing_and_leaves_no_staging_folder() {
    let n: usize = 2500;
    let site = Site::new(CONFIG);
    for i in 0..n {
        let parent = if i == 0 {
            String::new()
        } else {
            format!("aligns_to: c{}\n", i - 1)
        };
        let krs = if i == n - 1 {
            "key_results:\n  - { title: k, target: 10, checkins: [{ date: 2024-05-10, value: 5 }] }\n"
        } else {
            ""
        };
        site.file(
            &format!("objectives/c{i}.md"),
            format!("---\ntitle: Chain {i}\nperiod: 2024-Q2\n{parent}{krs}---\n"),
        );
    }
    let (out, public) = build_ok(&site, &[]);
    let left: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(left, ["public"]);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(public.join("okrs.json")).unwrap()).unwrap();
    // The leaf's half rolls up the whole chain.
    assert_close(&objective(&json, "c0")["progress"], 0.5, "c0 progress");
    let pages = alignment_pages(&public);
    // 8 levels on the first page, 7 more on each further one.
    assert_eq!(pages.len(), 1 + (n - 8).div_ceil(7));
    assert!(pages.values().all(|html| details_depth(html) <= 10));
}

/// `okrs serve` on `site`, on a port the system picks: the child and the port.
fn serve(site: &Site) -> (std::process::Child, u16) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_okrs"))
        .args(["serve", site.arg(), "--port", "0"])
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("okrs serve starts");
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let _ = tx.send(port.parse::<u16>().unwrap());
            }
        }
    });
    let port = rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("okrs serve says where it serves");
    (child, port)
}

/// `GET path`: the status line and the body.
fn get(port: u16, path: &str) -> (String, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
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
    (
        head.lines().next().unwrap_or("").to_owned(),
        body.to_owned(),
    )
}

#[test]
fn serve_answers_the_alignment_page_of_layers_aligned_to_every_objective_above() {
    let site = layered_site(8, 5);
    let (mut child, port) = serve(&site);
    let (status, body) = get(port, "/alignment/");
    let _ = child.kill();
    let _ = child.wait();
    assert!(status.contains(" 200 "), "{status}");
    assert!(
        body.contains("id=\"o-l7-4\"") && body.len() < 400_000,
        "{}",
        body.len()
    );
}

// ---- Numbers at the edge of f64 (issue 9, item 10) ----

/// Whether `word` stands alone in `text`, as a number written wrong would (`inf`, `-inf`,
/// `>NaN<`), not inside a name: an id such as `infsfiui` or `team-inf` is content.
fn has_word(text: &str, word: &str) -> bool {
    let part_of_name = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let ends_name = |before: &str| before.chars().next_back().is_some_and(part_of_name);
    text.match_indices(word).any(|(i, _)| {
        let before = &text[..i];
        let starts_alone = match before.strip_suffix('-') {
            Some(sign) => !ends_name(sign),
            None => !ends_name(before),
        };
        starts_alone && !text[i + word.len()..].starts_with(part_of_name)
    })
}

/// The output files that spell a number that is none (NaN, infinity).
pub fn non_numbers(public: &Path) -> Vec<String> {
    read_tree(public)
        .into_iter()
        .filter_map(|(path, bytes)| {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let bad = ["NaN", "inf", "Infinity"]
                .iter()
                .any(|w| has_word(&text, w));
            bad.then(|| path.display().to_string())
        })
        .collect()
}

#[test]
fn progress_from_minus_to_plus_1e308_and_weights_of_1e308_compute_without_overflow() {
    let site = site_with(
        CONFIG,
        &[
            (
                "objectives/far.md",
                "---\ntitle: Far\nperiod: 2024-Q2\nteam: t\nweight: 1e308\nkey_results:\n  - { title: k, start: -1e308, target: 1e308, checkins: [{ date: 2024-05-01, value: 1e308 }] }\n  - { title: half, start: -1e308, target: 1e308, checkins: [{ date: 2024-05-01, value: 0 }] }\n---\n".into(),
            ),
            (
                "objectives/heavy.md",
                "---\ntitle: Heavy\nperiod: 2024-Q2\nteam: t\nweight: 1e308\nkey_results:\n  - { title: a, target: 10, weight: 1e308, checkins: [{ date: 2024-05-01, value: 10 }] }\n  - { title: b, target: 10, weight: 1e308, checkins: [{ date: 2024-05-01, value: 5 }] }\n---\n".into(),
            ),
        ],
    );
    let (_out, public) = build_ok(&site, &[]);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(public.join("okrs.json")).unwrap()).unwrap();
    assert_close(&key_result(&json, "far/kr1")["progress"], 1.0, "far/kr1");
    assert_close(
        &key_result(&json, "far/kr1")["raw_progress"],
        1.0,
        "far/kr1 raw",
    );
    assert_close(&key_result(&json, "far/kr2")["progress"], 0.5, "far/kr2");
    assert_close(&objective(&json, "far")["progress"], 0.75, "far");
    assert_close(&objective(&json, "heavy")["progress"], 0.75, "heavy");
    assert_close(&period(&json, "2024-Q2")["progress"], 0.75, "2024-Q2");
    assert_close(&team(&json, "t")["progress"]["2024-Q2"], 0.75, "team t");
    assert_eq!(non_numbers(&public), Vec::<String>::new());
    // Pages write such numbers short.
    let page = std::fs::read_to_string(public.join("objectives/far/index.html")).unwrap();
    assert!(page.contains("1e308") && !page.contains("000,000,000"));
}

#[test]
fn infinities_and_numbers_too_large_for_a_float_are_errors_at_the_value() {
    let site = site_with(
        CONFIG,
        &[(
            "objectives/inf.md",
            "---\ntitle: Inf\nperiod: 2024-Q2\nkey_results:\n  - { title: k, target: .inf, checkins: [{ date: 2024-05-01, value: 1e309 }] }\n  - { title: n, target: .nan, weight: 1e400 }\n---\n".into(),
        )],
    );
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 1);
    let errors: Vec<(u32, u32, &str)> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.line, d.column, d.message.as_str()))
        .collect();
    let tail = "is not a finite number: okrs computes with numbers up to about ±1.8e308";
    assert_eq!(
        errors,
        [
            (5, 25, format!("`target` '.inf' {tail}").as_str()),
            (5, 69, format!("`value` '1e309' {tail}").as_str()),
            (6, 25, format!("`target` '.nan' {tail}").as_str()),
            (6, 39, format!("`weight` '1e400' {tail}").as_str()),
        ]
    );
    site.file("okrs.yaml", format!("{CONFIG}language: zh-CN\n"));
    let (_, diags) = site.check(&[]);
    assert!(
        diags
            .iter()
            .any(|d| d.message
                == "`value` 的值「1e309」不是有限的数：okrs 能计算的数最大约为 ±1.8e308"),
        "{}",
        listing(&diags)
    );
}

// ---- okrs.yaml that reaches outside the site (issue 9, item 8) ----

#[test]
fn a_theme_given_as_a_path_is_an_error_and_publishes_nothing_of_it() {
    let outside = tempfile::TempDir::new().unwrap();
    std::fs::create_dir_all(outside.path().join("static")).unwrap();
    std::fs::write(outside.path().join("static/secret.txt"), "do not publish").unwrap();
    let absolute = outside.path().to_str().unwrap().to_owned();
    for theme in [absolute.as_str(), "../../etc", "a/b"] {
        let site = Site::new(&format!("title: T\ntheme: '{theme}'\n"));
        let (code, diags) = site.check(&[]);
        assert_eq!(code, 1, "{theme}");
        let d = only(&diags, "okrs.yaml", "invalid-value");
        assert_eq!((d.line, d.column), (2, 8), "{theme}");
        assert!(
            d.message
                .contains("must be the name of a folder under themes/ or of a built-in theme"),
            "{}",
            d.message
        );
        let (run, out) = build_into_temp(site.path(), &[], &[]);
        assert_eq!(run.code, 1);
        assert!(!out.path().join("public").exists());
    }
}

#[cfg(unix)]
#[test]
fn a_theme_or_static_folder_that_links_outside_the_site_is_an_error() {
    let outside = tempfile::TempDir::new().unwrap();
    std::fs::create_dir_all(outside.path().join("static")).unwrap();
    std::fs::write(outside.path().join("static/secret.txt"), "do not publish").unwrap();

    let site = Site::new("title: T\ntheme: shared\n");
    std::fs::create_dir_all(site.path().join("themes")).unwrap();
    std::os::unix::fs::symlink(outside.path(), site.path().join("themes/shared")).unwrap();
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 1);
    let d = only(&diags, "themes/shared/static", "io");
    assert!(
        d.message.contains("leads outside the site folder"),
        "{}",
        d.message
    );

    let site = Site::new("title: T\n");
    std::os::unix::fs::symlink(outside.path().join("static"), site.path().join("static")).unwrap();
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 1);
    only(&diags, "static", "io");
    let (run, out) = build_into_temp(site.path(), &[], &[]);
    assert_eq!(run.code, 1);
    assert!(!out.path().join("public/secret.txt").exists());

    // A link that stays inside the site is fine.
    let site = Site::new("title: T\n");
    site.file("assets/logo.txt", "logo");
    std::os::unix::fs::symlink(site.path().join("assets"), site.path().join("static")).unwrap();
    let (_out, public) = build_ok(&site, &[]);
    assert!(public.join("logo.txt").is_file());
}

#[test]
fn a_base_url_that_is_no_http_address_is_an_error_and_a_good_one_starts_the_feeds_links() {
    for url in [
        "javascript:alert(1)",
        "//evil.example/",
        "https://x.example/\"><b>",
    ] {
        let site = Site::new(&format!("title: T\nbase_url: '{url}'\n"));
        let (code, diags) = site.check(&[]);
        assert_eq!(code, 1, "{url}");
        let d = only(&diags, "okrs.yaml", "invalid-value");
        assert_eq!((d.line, d.column), (2, 11), "{url}");
        assert!(
            d.message
                .contains("must be an absolute http:// or https:// address")
        );
    }
    let site = site_with(
        "title: T\nas_of: 2024-05-20\nbase_url: https://intranet.example/okrs/\n",
        &[
            (
                "objectives/o.md",
                "---\ntitle: O\nperiod: 2024-Q2\nkey_results:\n  - { title: k, target: 10 }\n---\n"
                    .into(),
            ),
            (
                "checkins/c.md",
                "---\ndate: 2024-05-01\nkr: o/kr1\nvalue: 3\n---\n".into(),
            ),
        ],
    );
    let (_out, public) = build_ok(&site, &[]);
    let feed = std::fs::read_to_string(public.join("feed.xml")).unwrap();
    assert!(
        feed.contains("href=\"https://intranet.example/okrs/objectives/o/index.html#kr-kr1\""),
        "{feed}"
    );
}

// ---- okrs.yaml that is no file (issue 9, item 11) ----

/// `okrs check` on a site whose okrs.yaml is made by `make`, in `lang`: the exit code and
/// what it printed on standard output.
fn check_odd_config(make: impl Fn(&Path), lang: &str) -> (i32, String) {
    let site = Site::empty();
    make(&site.path().join("okrs.yaml"));
    site.file("objectives/o.md", "---\ntitle: O\nperiod: 2024-Q2\n---\n");
    let run = run(&["check", site.arg(), "--lang", lang], &[]);
    (run.code, run.stdout)
}

#[test]
fn an_okrs_yaml_that_is_a_folder_is_named_so_not_missing() {
    let make = |p: &Path| std::fs::create_dir_all(p.join("inside")).unwrap();
    let (code, out) = check_odd_config(make, "en");
    assert_eq!(code, 1);
    assert!(
        out.contains("okrs.yaml:1:1: error[io]: okrs.yaml is a folder, not a file"),
        "{out}"
    );
    let (_, out) = check_odd_config(make, "zh-CN");
    assert!(out.contains("okrs.yaml 是一个文件夹而不是文件"), "{out}");
}

#[cfg(unix)]
#[test]
fn an_okrs_yaml_that_is_a_fifo_is_named_so_and_never_waited_on() {
    let make = |p: &Path| {
        let made = std::process::Command::new("mkfifo")
            .arg(p)
            .status()
            .unwrap();
        assert!(made.success());
    };
    let (code, out) = check_odd_config(make, "en");
    assert_eq!(code, 1);
    assert!(
        out.contains("okrs.yaml:1:1: error[io]: okrs.yaml is not a regular file (a FIFO"),
        "{out}"
    );
    let (_, out) = check_odd_config(make, "zh-CN");
    assert!(out.contains("okrs.yaml 不是普通文件"), "{out}");
}

#[test]
fn a_number_that_is_none_is_told_from_a_name_that_begins_like_one() {
    for bad in [
        "value: inf",
        "<td>-inf</td>",
        "\"NaN\"",
        ">Infinity<",
        "(inf)",
    ] {
        assert!(
            ["NaN", "inf", "Infinity"].iter().any(|w| has_word(bad, w)),
            "{bad}"
        );
    }
    for name in ["\"infsfiui\"", "team-inf", "person nan-ce", "a_inf", "Info"] {
        assert!(
            !["NaN", "inf", "Infinity"].iter().any(|w| has_word(name, w)),
            "{name}"
        );
    }
}

#[test]
fn a_key_result_far_past_its_target_shows_a_bounded_percentage() {
    let site = site_with(
        CONFIG,
        &[(
            "objectives/past.md",
            "---\ntitle: Past\nperiod: 2024-Q2\nteam: t\nkey_results:\n  - { title: k, target: 1, checkins: [{ date: 2024-05-01, value: 1e308 }] }\n---\n".into(),
        )],
    );
    let (_out, public) = build_ok(&site, &[]);
    assert_eq!(non_numbers(&public), Vec::<String>::new());
    let page = std::fs::read_to_string(public.join("objectives/past/index.html")).unwrap();
    assert!(page.contains("&gt; 1000000%"), "the over-target figure");
}
