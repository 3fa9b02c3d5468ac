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
    assert_eq!(run.code, 0, "check passed but build failed:\n{}", run.stderr);
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
        serde_json::from_str(&std::fs::read_to_string(public.join("okrs.json")).unwrap())
            .unwrap();
    let url = objective(&json, "index.html")["url"].as_str().unwrap();
    assert_eq!(url, "objectives/index.html-16211f22/");
    assert!(public.join(url).join("index.html").is_file());
    let url = objective(&json, "con")["url"].as_str().unwrap();
    assert_eq!(url, "objectives/_con-0d01642b/");
    // The list pages are still the list pages, and each named page is a folder of its own.
    for list in ["teams", "people", "periods"] {
        let html = std::fs::read_to_string(public.join(list).join("index.html")).unwrap();
        assert!(html.contains("<html"), "{list}/index.html is a page");
        assert!(public.join(list).join("index.html-16211f22/index.html").is_file());
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
    assert!(owner.len() <= 72 && owner.starts_with(&"王".repeat(21)), "{owner}");
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
                format!("---\ntitle: T\nid: {}\nperiod: 2024-Q2\n---\n", "c".repeat(100)),
            ),
        ],
    );
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 1);
    let d = only(&diags, "objectives/long.md", "invalid-value");
    assert_eq!((d.line, d.column, d.severity.as_str()), (3, 5, "error"));
    assert!(
        d.message.contains("is 300 bytes long, more than the 100 an objective id may have")
            && d.message.contains(&format!("'{}…'", "a".repeat(32))),
        "{}",
        d.message
    );
    let d = only(&diags, &format!("objectives/{from_file}.md"), "invalid-value");
    assert_eq!((d.line, d.column), (1, 1));
    assert!(d.message.contains("the file name gives the id"), "{}", d.message);
    assert!(
        diags.iter().all(|d| d.file != "objectives/just.md" || !d.is_error()),
        "{}",
        listing(&diags)
    );

    site.file("okrs.yaml", format!("{CONFIG}language: zh-CN\n"));
    let (_, diags) = site.check(&[]);
    let d = only(&diags, "objectives/long.md", "invalid-value");
    assert!(
        d.message.contains("长 300 字节，超过了目标 id 的上限 100 字节"),
        "{}",
        d.message
    );
}
