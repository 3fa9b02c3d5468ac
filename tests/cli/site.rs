//! The HTML site that `okrs build` renders (SPEC 4): every page exists, every relative
//! link and asset resolves inside the output, nothing is loaded from another host, text
//! from content cannot inject markup, the output is deterministic, templates and themes
//! override in the documented order, the UI speaks the site's language, drafts are marked
//! or left out, feed.xml is a valid Atom feed, and the pages of `tests/fixtures/site/`
//! are pinned by snapshots (tests/snapshots/).
//!
//! HTML is read with the small tokenizer at the bottom of this file (tags with their
//! unescaped attributes, text, and the raw text of `<script>`/`<style>`), which is
//! enough for markup that okrs itself writes.

use crate::support::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The samples and the arguments they are built with.
const SAMPLES: [(&str, &[&str]); 3] = [
    ("teebee", &["--as-of", "2024-05-20"]),
    ("phone-repair", &["--as-of", "2024-05-20"]),
    ("acme", &["--as-of", "2024-05-20", "--drafts"]),
];

/// How many check-ins one page of the check-in timeline lists.
const CHECKINS_PER_PAGE: usize = 20;

/// A successful build: the temporary folder (kept alive), the output root and okrs.json.
pub(crate) struct Built {
    _dir: TempDir,
    pub(crate) root: PathBuf,
    pub(crate) json: Value,
}

impl Built {
    pub(crate) fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root.join(rel))
            .unwrap_or_else(|e| panic!("cannot read {rel} of the built site: {e}"))
    }

    pub(crate) fn html_files(&self) -> BTreeMap<String, String> {
        html_files(&self.root)
    }
}

/// Every `.html` file under `root`, by `/`-separated relative path.
pub(crate) fn html_files(root: &Path) -> BTreeMap<String, String> {
    read_tree(root)
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
        .map(|(p, bytes)| {
            (
                rel_string(&p),
                String::from_utf8(bytes).expect("HTML is UTF-8"),
            )
        })
        .collect()
}

fn rel_string(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Builds `site` with `args` into a temporary folder; the build must succeed.
pub(crate) fn build(site: &Path, args: &[&str]) -> Built {
    let (run, dir) = build_into_temp(site, args, &[]);
    assert_eq!(
        run.code,
        0,
        "okrs build {} {args:?} failed:\n{}",
        site.display(),
        run.stderr
    );
    let root = dir.path().join("public");
    let json = serde_json::from_str(
        &std::fs::read_to_string(root.join("okrs.json")).expect("okrs.json was written"),
    )
    .expect("okrs.json is JSON");
    Built {
        _dir: dir,
        root,
        json,
    }
}

fn build_sample(name: &str) -> Built {
    let args = SAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, a)| *a)
        .unwrap();
    build(&sample(name), args)
}

fn list<'a>(json: &'a Value, key: &str) -> &'a Vec<Value> {
    json[key]
        .as_array()
        .unwrap_or_else(|| panic!("okrs.json has no list `{key}`"))
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is not a string in {v}"))
}

/// Fails with every problem found, one a line (the first 60).
#[track_caller]
pub(crate) fn assert_no_problems(what: &str, problems: &[String]) {
    if !problems.is_empty() {
        let shown: Vec<&str> = problems.iter().take(60).map(String::as_str).collect();
        panic!(
            "{what}: {} problem(s):\n{}",
            problems.len(),
            shown.join("\n")
        );
    }
}

// ---- 1. Every page of SPEC 4 exists ----

/// The slugs of the free pages: paths under `pages/` without `.md`, skipping `.`/`_` names.
fn page_slugs(site: &Path) -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name.starts_with('_') {
                continue;
            }
            if entry.file_type().unwrap().is_dir() {
                walk(&entry.path(), &format!("{prefix}{name}/"), out);
            } else if let Some(stem) = name.strip_suffix(".md") {
                out.push(format!("{prefix}{stem}"));
            }
        }
    }
    let mut out = Vec::new();
    walk(&site.join("pages"), "", &mut out);
    out.sort();
    out
}

/// How many check-ins the timeline lists: every update of every key result in okrs.json.
fn checkin_count(json: &Value) -> usize {
    list(json, "objectives")
        .iter()
        .flat_map(|o| list(o, "key_results"))
        .map(|kr| list(kr, "checkins").len())
        .sum()
}

#[test]
fn every_sample_builds_every_page_and_file_of_spec_4() {
    for (name, _) in SAMPLES {
        let built = build_sample(name);
        let json = &built.json;
        let mut expected: Vec<String> = [
            "index.html",
            "periods/index.html",
            "teams/index.html",
            "people/index.html",
            "alignment/index.html",
            "checkins/index.html",
            "search/index.html",
            "feed.xml",
            "okrs.json",
            "okrs.csv",
            "style.css",
            "search.js",
            "search-index.js",
        ]
        .map(str::to_owned)
        .to_vec();
        for p in list(json, "periods") {
            expected.push(format!("periods/{}/index.html", str_of(p, "id")));
        }
        for o in list(json, "objectives") {
            expected.push(format!("objectives/{}/index.html", str_of(o, "id")));
            assert_eq!(
                str_of(o, "url"),
                format!("objectives/{}/", str_of(o, "id")),
                "{name}: the url of objective {} in okrs.json",
                o["id"]
            );
        }
        for t in list(json, "teams") {
            expected.push(format!("teams/{}/index.html", str_of(t, "id")));
        }
        for p in list(json, "people") {
            expected.push(format!("people/{}/index.html", str_of(p, "id")));
        }
        let slugs = page_slugs(&sample(name));
        for slug in &slugs {
            expected.push(format!("pages/{slug}/index.html"));
        }
        let checkins = checkin_count(json);
        let pages = checkins.div_ceil(CHECKINS_PER_PAGE).max(1);
        for n in 2..=pages {
            expected.push(format!("checkins/page/{n}/index.html"));
        }
        let missing: Vec<String> = expected
            .iter()
            .filter(|rel| !built.root.join(rel).is_file())
            .cloned()
            .collect();
        assert_no_problems(&format!("{name}: missing output files"), &missing);
        assert!(
            !built
                .root
                .join(format!("checkins/page/{}/index.html", pages + 1))
                .exists(),
            "{name}: {checkins} check-ins need {pages} timeline page(s), not more"
        );
        // The samples are meant to show every page kind between them.
        assert!(
            !list(json, "objectives").is_empty(),
            "{name} has objectives"
        );
        assert!(!list(json, "teams").is_empty(), "{name} has teams");
        assert!(!list(json, "people").is_empty(), "{name} has people");
        if name != "phone-repair" {
            assert!(!slugs.is_empty(), "{name} has free pages");
            assert!(
                checkins > CHECKINS_PER_PAGE,
                "{name} has more than one page of check-ins ({checkins})"
            );
        }
    }
}

// ---- 2. Links and assets ----

/// Attributes that hold a URL.
const URL_ATTRS: [&str; 8] = [
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "xlink:href",
    "srcset",
];

/// Tags whose URL attribute makes the browser load something (not a link to follow).
const LOADING_TAGS: [&str; 12] = [
    "script", "link", "img", "image", "source", "iframe", "frame", "embed", "object", "video",
    "audio", "input",
];

fn is_other_host(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("http:") || u.starts_with("https:") || u.starts_with("//")
}

/// The scheme of a URL (`mailto`, `https` …), if it has one.
fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let colon = cleaned.find(':')?;
    let head = &cleaned[..colon];
    let first_special = cleaned.find(['/', '?', '#']).unwrap_or(usize::MAX);
    (colon < first_special
        && !head.is_empty()
        && head
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
    .then(|| head.to_ascii_lowercase())
}

/// `url(…)` and `@import "…"` references in CSS.
fn css_urls(css: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = css.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find("url(") {
        let start = from + p + 4;
        let end = css[start..].find(')').map_or(css.len(), |e| start + e);
        out.push(
            css[start..end]
                .trim()
                .trim_matches(['"', '\''])
                .trim()
                .to_owned(),
        );
        from = end;
    }
    let mut from = 0;
    while let Some(p) = lower[from..].find("@import") {
        let rest = css[from + p + 7..].trim_start();
        if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'')
            && let Some(end) = rest[1..].find(q)
        {
            out.push(rest[1..1 + end].to_owned());
        }
        from += p + 7;
    }
    out
}

/// Resolves a URL path (no fragment, no query) against the folder of `from` (a
/// `/`-separated path relative to the output root). `None` when it climbs out of the root.
pub(crate) fn resolve(from: &str, path: &str) -> Option<String> {
    let mut parts: Vec<String> = from.split('/').map(str::to_owned).collect();
    parts.pop();
    if path.is_empty() {
        return Some(from.to_owned());
    }
    let decoded = percent_decode(path);
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s.to_owned()),
        }
    }
    let mut joined = parts.join("/");
    if decoded.ends_with('/') {
        joined.push('/');
    }
    Some(joined)
}

/// The ids (and `<a name>`s) of every HTML page of the output.
fn ids_by_page(pages: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    pages
        .iter()
        .map(|(path, html)| {
            let ids = tags(html)
                .into_iter()
                .flat_map(|t| {
                    let named = if t.name == "a" { t.attr("name") } else { None };
                    [t.attr("id"), named]
                        .into_iter()
                        .flatten()
                        .map(str::to_owned)
                        .collect::<Vec<_>>()
                })
                .collect();
            (path.clone(), ids)
        })
        .collect()
}

/// Checks one URL found in `page`: relative, resolving to a file of the output (and to
/// an element with the fragment's id). External links are allowed only when `may_link_out`.
fn check_url(
    root: &Path,
    ids: &BTreeMap<String, BTreeSet<String>>,
    page: &str,
    what: &str,
    url: &str,
    may_link_out: bool,
    problems: &mut Vec<String>,
) {
    let url = url.trim();
    if let Some(s) = scheme(url) {
        let allowed = may_link_out && matches!(s.as_str(), "http" | "https" | "mailto");
        if !allowed {
            problems.push(format!("{page}: {what} has a `{s}:` URL: {url}"));
        }
        return;
    }
    if url.starts_with('/') {
        problems.push(format!("{page}: {what} is not relative: {url}"));
        return;
    }
    let (rest, fragment) = match url.split_once('#') {
        Some((r, f)) => (r, Some(percent_decode(f))),
        None => (url, None),
    };
    let path = rest.split('?').next().unwrap_or("");
    let Some(target) = resolve(page, path) else {
        problems.push(format!("{page}: {what} climbs out of the site: {url}"));
        return;
    };
    let file = root.join(&target);
    if !file.is_file() {
        let why = if file.is_dir() {
            "is a folder (a link from file:// needs index.html)"
        } else {
            "does not exist"
        };
        problems.push(format!("{page}: {what} → {target} {why}: {url}"));
        return;
    }
    if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
        match ids.get(&target) {
            Some(found) if found.contains(&fragment) => {}
            Some(_) => problems.push(format!(
                "{page}: {what} → {target} has no element with id=\"{fragment}\": {url}"
            )),
            None => problems.push(format!(
                "{page}: {what} has a #fragment into {target}, which is not HTML: {url}"
            )),
        }
    }
}

/// Every link and asset problem of a built site, and how many URLs were checked.
pub(crate) fn link_problems(root: &Path) -> (Vec<String>, usize) {
    let pages = html_files(root);
    let ids = ids_by_page(&pages);
    let mut problems = Vec::new();
    let mut checked = 0;
    for (page, html) in &pages {
        for token in tokenize(html) {
            match token {
                Token::Tag(tag) => {
                    for (attr, value) in &tag.attrs {
                        if !URL_ATTRS.contains(&attr.as_str()) {
                            if attr == "style" {
                                for u in css_urls(value) {
                                    checked += 1;
                                    check_css_url(root, page, &u, &mut problems);
                                }
                            }
                            continue;
                        }
                        let what = format!("<{} {attr}>", tag.name);
                        let loads = LOADING_TAGS.contains(&tag.name.as_str())
                            && !(tag.name == "link" && attr != "href");
                        if loads && is_other_host(value) {
                            problems
                                .push(format!("{page}: {what} loads from another host: {value}"));
                            continue;
                        }
                        let urls: Vec<String> = if attr == "srcset" {
                            value
                                .split(',')
                                .filter_map(|c| c.split_whitespace().next())
                                .map(str::to_owned)
                                .collect()
                        } else {
                            vec![value.clone()]
                        };
                        for u in urls {
                            // Only a plain <a href> may point out (a link in a Markdown body).
                            let may_link_out = tag.name == "a" && attr == "href";
                            checked += 1;
                            check_url(root, &ids, page, &what, &u, may_link_out, &mut problems);
                        }
                    }
                }
                Token::Raw { tag, text } if tag == "style" => {
                    for u in css_urls(&text) {
                        checked += 1;
                        check_css_url(root, page, &u, &mut problems);
                    }
                }
                _ => {}
            }
        }
    }
    // Stylesheets.
    for (path, bytes) in read_tree(root) {
        if path.extension().is_some_and(|e| e == "css") {
            let rel = rel_string(&path);
            let css = String::from_utf8_lossy(&bytes);
            for u in css_urls(&css) {
                checked += 1;
                check_css_url(root, &rel, &u, &mut problems);
            }
        }
    }
    (problems, checked)
}

fn check_css_url(root: &Path, from: &str, url: &str, problems: &mut Vec<String>) {
    if url.starts_with("data:") || url.starts_with('#') {
        return;
    }
    if is_other_host(url) {
        problems.push(format!("{from}: CSS url() loads from another host: {url}"));
        return;
    }
    if url.starts_with('/') {
        problems.push(format!("{from}: CSS url() is not relative: {url}"));
        return;
    }
    let path = url.split(['#', '?']).next().unwrap_or("");
    match resolve(from, path) {
        Some(target) if root.join(&target).is_file() => {}
        _ => problems.push(format!("{from}: CSS url() does not resolve: {url}")),
    }
}

#[test]
fn every_relative_link_and_asset_of_every_sample_resolves_and_nothing_loads_from_another_host() {
    for (name, _) in SAMPLES {
        let built = build_sample(name);
        let (problems, checked) = link_problems(&built.root);
        assert_no_problems(&format!("{name}: links"), &problems);
        let pages = built.html_files().len();
        assert!(
            checked > pages * 10,
            "{name}: only {checked} URLs found in {pages} pages: is the checker reading them?"
        );
    }
}

#[test]
fn the_link_checker_reports_every_kind_of_broken_link() {
    let out = TempDir::new().unwrap();
    let root = out.path();
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "index.html",
        r##"<html><head><link rel="stylesheet" href="https://cdn.example/x.css"><script src="http://cdn.example/y.js"></script></head><body>
<a href="missing/index.html">1</a> <a href="/abs/index.html">2</a> <a href="ok/index.html#nope">3</a>
<img src="//cdn.example/x.png"> <a href="ok/">4</a> <a href="../out.html">5</a>
<div style="background:url(https://cdn.example/bg.png)"></div>
<a href="https://example.com/">fine</a> <a href="mailto:a@example.com">fine</a>
<a href="ok/index.html#here">fine</a> <a href="ok/index.html?x=1">fine</a> <a href="#top">fine</a> <a id="top"></a>
<a href="%E4%B8%AD/index.html#%E4%B8%AD">fine</a> <a href="javascript:alert(1)">6</a>
</body></html>"##,
    );
    write("ok/index.html", r#"<p id="here">here</p>"#);
    write("中/index.html", r#"<p id="中">中</p>"#);
    write(
        "style.css",
        "body { background: url('https://fonts.example/x.woff') }",
    );
    let (problems, _) = link_problems(root);
    let expected = [
        "<link href> loads from another host",
        "<script src> loads from another host",
        "<img src> loads from another host",
        "missing/index.html does not exist",
        "is not relative: /abs/index.html",
        "no element with id=\"nope\"",
        "is a folder",
        "climbs out of the site: ../out.html",
        "index.html: CSS url() loads from another host: https://cdn.example/bg.png",
        "style.css: CSS url() loads from another host",
        "`javascript:` URL",
    ];
    for e in expected {
        assert!(
            problems.iter().any(|p| p.contains(e)),
            "not reported: {e}\n{problems:#?}"
        );
    }
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
}

#[test]
fn unusual_ids_names_and_page_folders_still_give_resolving_links() {
    let site = Site::new("title: Edge & <Co>\nas_of: 2024-05-20\n");
    let mut objective = String::from(
        "---\nid: 销售-2024Q2\ntitle: 销售\nperiod: 2024-Q2\nowner: Li Si\nteam: R&D / Ops\nkey_results:\n  - id: 续约\n    title: 续约率\n    owner: 李四\n    target: 100\n    checkins:\n",
    );
    for day in 1..=30 {
        objective.push_str(&format!(
            "      - {{ date: 2024-04-{day:02}, value: {day}, note: \"n{day}\" }}\n"
        ));
    }
    for day in 1..=15 {
        objective.push_str(&format!(
            "      - {{ date: 2024-05-{day:02}, value: {} }}\n",
            30 + day
        ));
    }
    objective.push_str(
        "---\n# 背景\n\nSee [the guide](../../pages/guides/checkins/index.html#how-to).\n",
    );
    site.file("objectives/sales.md", objective);
    site.file(
        "pages/guides/checkins.md",
        "---\ntitle: Guide\n---\n## How to\n\ntext\n",
    );
    site.file(
        "notes/glossary.md",
        "---\nkind: page\ntitle: Glossary\n---\nx\n",
    );
    let built = build(site.path(), &[]);
    for page in [
        "objectives/销售-2024Q2/index.html",
        "people/li-si/index.html",
        "people/李四/index.html",
        "teams/r-d-ops/index.html",
        "pages/guides/checkins/index.html",
        "pages/glossary/index.html",
        "checkins/page/2/index.html",
        "checkins/page/3/index.html",
    ] {
        assert!(built.root.join(page).is_file(), "{page} is missing");
    }
    assert!(!built.root.join("checkins/page/4").exists());
    let (problems, _) = link_problems(&built.root);
    assert_no_problems("links", &problems);
}

#[test]
fn search_index_urls_resolve_from_the_site_root() {
    for (name, _) in SAMPLES {
        let built = build_sample(name);
        let pages = built.html_files();
        let ids = ids_by_page(&pages);
        let entries = search_entries(&built.root);
        assert!(!entries.is_empty(), "{name}: the search index is empty");
        let mut problems = Vec::new();
        for e in &entries {
            let url = str_of(e, "url");
            // The index's URLs are relative to the root, as if from the root's index.html.
            check_url(
                &built.root,
                &ids,
                "index.html",
                "search entry",
                url,
                false,
                &mut problems,
            );
        }
        assert_no_problems(&format!("{name}: search-index.js"), &problems);
    }
}

/// The entries of a built site's search index, in document order, as objects
/// `{ kind, title, text, url, context }`: the records of its record shards
/// (`search/index/dN.js`: `okrsSearchPiece("dN",[[KIND, title, text, url, context], …]);`).
pub(crate) fn search_entries(public: &Path) -> Vec<Value> {
    const KINDS: [&str; 6] = [
        "objective",
        "key_result",
        "person",
        "team",
        "checkin",
        "page",
    ];
    let mut entries = Vec::new();
    for n in 0.. {
        let path = public.join(format!("search/index/d{n}.js"));
        let Ok(js) = std::fs::read_to_string(&path) else {
            break;
        };
        let start = js.find('[').expect("a record shard holds a JSON array");
        let end = js.rfind(']').expect("a record shard holds a JSON array");
        let records: Vec<Value> =
            serde_json::from_str(&js[start..=end]).expect("a record shard holds valid JSON");
        for r in records {
            entries.push(serde_json::json!({
                "kind": KINDS[r[0].as_u64().unwrap() as usize],
                "title": r[1], "text": r[2], "url": r[3], "context": r[4],
            }));
        }
    }
    entries
}

// ---- 3. Text from content cannot inject markup ----

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "\"><img src=x onerror=alert(1)>";
const JS_URL: &str = "javascript:alert(1)";

/// Every payload at once, for fields that take any text.
fn all_payloads() -> String {
    format!("{SCRIPT} {IMG} {JS_URL}")
}

/// A YAML single-quoted scalar.
fn yq(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// A Markdown body full of raw HTML and links that must not survive.
const EVIL_BODY: &str = r#"Some **bold** text.

<script>alert(1)</script>

<img src=x onerror=alert(1)>

<a href="javascript:alert(1)">raw link</a> <a href="JaVaScRiPt:alert(1)">mixed case</a>
<a href="jav&#x09;ascript:alert(1)">tab</a> <a href="data:text/html,<script>alert(1)</script>">data</a>

[x](javascript:alert(2)) [y](  javascript:alert(3)  ) <javascript:alert(4)>

[ref][evil]

[evil]: javascript:alert(5)

<iframe src="https://evil.example/"></iframe>

<object data="x.swf"></object><embed src="x.swf">

<svg onload=alert(1)><circle r="1"/></svg>

<style>body { background: url(https://evil.example/x.png) }</style>

<p onclick="alert(1)" style="background:url(https://evil.example/)">p</p>

<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>

<base href="https://evil.example/">

<details ontoggle=alert(1) open>d</details>

<math><mi xlink:href="javascript:alert(1)">m</mi></math>
"#;

/// A site where every front-matter text field and every body carries an XSS payload.
fn evil_site() -> Site {
    let all = yq(&all_payloads());
    let script = yq(SCRIPT);
    let img = yq(IMG);
    let js = yq(JS_URL);
    let site = Site::new(&format!(
        "title: {all}\ndescription: {all}\nas_of: 2024-05-20\nextra:\n  x: {all}\n"
    ));
    site.file(
        "org.md",
        format!(
            "---\nname: {all}\nmission: {all}\nvision: {all}\nstrategies:\n  - id: s1\n    title: {all}\n    description: {all}\n  - id: s2\n    title: {js}\nextra:\n  x: {all}\n---\n{EVIL_BODY}"
        ),
    );
    site.file(
        "teams/t1.md",
        format!("---\nname: {all}\nlead: p1\nextra:\n  x: {all}\n---\n{EVIL_BODY}"),
    );
    site.file(
        "teams/t2.md",
        format!("---\nname: {js}\nparent: t1\n---\n{EVIL_BODY}"),
    );
    site.file(
        "people/p1.md",
        format!("---\nname: {all}\nteam: t1\nextra:\n  x: {all}\n---\n{EVIL_BODY}"),
    );
    site.file(
        "people/p2.md",
        format!("---\nname: {js}\nteam: t2\n---\n{EVIL_BODY}"),
    );
    site.file(
        "objectives/o1.md",
        format!(
            r#"---
title: {all}
period: 2024-Q2
owner: p1
team: t1
aligns_to: s1
carried_from: o0
extra:
  x: {all}
key_results:
  - id: k1
    title: {all}
    owner: p2
    start: 0
    target: 100
    unit: {img}
    tasks:
      - {all}
      - {{ title: {script}, done: true }}
    extra:
      x: {all}
    checkins:
      - date: 2024-04-10
        value: 10
        confidence: 5
        note: {note}
  - id: k2
    title: {js}
    owner: {script}
    metric: milestone
  - id: k3
    title: {img}
    owner: {js}
    metric: stay_above
    target: 5
    unit: {script}
---
{EVIL_BODY}"#,
            note = yq(EVIL_BODY),
        ),
    );
    // A closed quarter: its review page, grades and carry-over links carry payloads too.
    site.file(
        "objectives/o0.md",
        format!(
            r#"---
title: {all}
period: 2024-Q1
owner: p1
team: t1
aligns_to: s1
review: {note}
key_results:
  - title: {all}
    owner: p2
    target: 10
    grade: 0.5
    checkins:
      - date: 2024-03-10
        value: 4
        note: {note}
---
{EVIL_BODY}"#,
            note = yq(EVIL_BODY),
        ),
    );
    site.file(
        "objectives/o2.md",
        format!(
            "---\ntitle: {script}\nperiod: 2024-Q2\nowner: {script}\nteam: {img}\naligns_to: o1\nkey_results:\n  - title: {js}\n    owner: {img}\n    target: 10\n    unit: {js}\n---\n{EVIL_BODY}"
        ),
    );
    site.file(
        "objectives/o3.md",
        format!(
            "---\ntitle: {img}\nperiod: 2024-Q2\nowner: {js}\nteam: {js}\naligns_to: s2\nkey_results:\n  - title: {script}\n    target: 3\n---\n{EVIL_BODY}"
        ),
    );
    site.file(
        "checkins/2024-05-01.md",
        format!(
            "---\ndate: 2024-05-01\nauthor: {all}\nextra:\n  x: {all}\nupdates:\n  - {{ kr: o1/k1, value: 40, confidence: 6 }}\n  - {{ kr: o1/k2, done: true }}\n  - {{ kr: o2/kr1, value: 4 }}\n---\n{EVIL_BODY}"
        ),
    );
    site.file(
        "checkins/2024-05-02.md",
        format!(
            "---\ndate: 2024-05-02\nauthor: {js}\nkr: o1/k3\nvalue: 6\nconfidence: 2\n---\n{EVIL_BODY}"
        ),
    );
    site.file(
        "checkins/2024-05-03.md",
        format!("---\ndate: 2024-05-03\nauthor: p1\nkr: o3/kr1\nvalue: 1\n---\n{EVIL_BODY}"),
    );
    site.file(
        "pages/evil.md",
        format!("---\ntitle: {all}\nextra:\n  x: {all}\n---\n{EVIL_BODY}"),
    );
    site.file(
        "pages/plain.md",
        format!("---\ntitle: {js}\n---\n{EVIL_BODY}"),
    );
    site
}

fn build_evil_site() -> (Site, Built) {
    let site = evil_site();
    let built = build(site.path(), &["--drafts"]);
    (site, built)
}

/// A URL value that would run script when followed or loaded (or names `javascript:` at all).
fn is_script_url(value: &str) -> bool {
    let cleaned: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    cleaned.contains("javascript:")
        || cleaned.starts_with("vbscript:")
        || cleaned.starts_with("data:text/html")
}

/// Markup problems of an HTML document (or fragment): script that is not the site's own,
/// event handlers, script URLs and embedding tags.
fn markup_problems(where_: &str, html: &str, problems: &mut Vec<String>) {
    let lower = html.to_ascii_lowercase();
    if lower.contains("<script>alert") {
        problems.push(format!("{where_}: contains `<script>alert`"));
    }
    for token in tokenize(html) {
        match token {
            Token::Tag(tag) if !tag.closing => {
                let name = tag.name.as_str();
                if matches!(
                    name,
                    "iframe" | "object" | "embed" | "frame" | "frameset" | "applet" | "base"
                ) {
                    problems.push(format!("{where_}: a <{name}> tag"));
                }
                if name == "script" {
                    let own = tag.attr("src").is_some_and(|s| {
                        !is_other_host(s)
                            && (s.ends_with("search.js") || s.ends_with("search-index.js"))
                    });
                    if !own {
                        problems.push(format!(
                            "{where_}: a <script> that is not the site's own search script: {:?}",
                            tag.attrs
                        ));
                    }
                }
                for (attr, value) in &tag.attrs {
                    if attr.starts_with("on") {
                        problems.push(format!(
                            "{where_}: <{name}> has an event handler {attr}={value:?}"
                        ));
                    }
                    if URL_ATTRS.contains(&attr.as_str()) && is_script_url(value) {
                        problems.push(format!(
                            "{where_}: <{name} {attr}> holds a script URL: {value:?}"
                        ));
                    }
                    if attr == "http-equiv" {
                        problems.push(format!("{where_}: <{name} http-equiv={value:?}>"));
                    }
                }
            }
            Token::Raw { tag, text } if tag == "script" && !text.trim().is_empty() => {
                problems.push(format!("{where_}: an inline <script>: {text:.80}"));
            }
            Token::Raw { tag, text }
                if tag == "style" && css_urls(&text).iter().any(|u| is_other_host(u)) =>
            {
                problems.push(format!("{where_}: a <style> loading from another host"));
            }
            _ => {}
        }
    }
}

#[test]
fn front_matter_text_and_markdown_bodies_cannot_inject_markup_into_html_pages() {
    let (_site, built) = build_evil_site();
    let pages = built.html_files();
    // The payloads reached the pages (as text): the test exercises what it means to.
    let dashboard = visible_text(&built.read("index.html"));
    assert!(
        dashboard.contains(SCRIPT),
        "the site title is shown, escaped, on the dashboard:\n{dashboard:.2000}"
    );
    let objective = visible_text(&built.read("objectives/o1/index.html"));
    for shown in [SCRIPT, IMG, JS_URL, "Some bold text"] {
        assert!(
            objective.contains(shown),
            "objectives/o1 shows {shown:?} as text:\n{objective:.3000}"
        );
    }
    let review = visible_text(&built.read("periods/2024-Q1/review/index.html"));
    for shown in [SCRIPT, "Some bold text"] {
        assert!(
            review.contains(shown),
            "the review page shows {shown:?} (a title, a review) as text:\n{review:.3000}"
        );
    }
    let mut problems = Vec::new();
    for (path, html) in &pages {
        markup_problems(path, html, &mut problems);
    }
    assert_no_problems("markup injected from content", &problems);
    // And nothing is loaded from another host, whatever the bodies asked for.
    let loads: Vec<String> = link_problems(&built.root)
        .0
        .into_iter()
        .filter(|p| {
            p.contains("another host") || p.contains("script URL") || p.contains("`javascript:")
        })
        .collect();
    assert_no_problems("links injected from content", &loads);
}

#[test]
fn the_markup_checker_catches_a_template_that_prints_content_unescaped() {
    let site = evil_site();
    site.file(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title | safe }}</h1>{% endblock content %}",
    );
    let built = build(site.path(), &["--drafts"]);
    let mut problems = Vec::new();
    markup_problems(
        "pages/evil/index.html",
        &built.read("pages/evil/index.html"),
        &mut problems,
    );
    for e in ["`<script>alert`", "not the site's own", "onerror"] {
        assert!(
            problems.iter().any(|p| p.contains(e)),
            "not reported: {e}\n{problems:#?}"
        );
    }
}

#[test]
fn front_matter_text_and_markdown_bodies_appear_only_escaped_in_feed_xml() {
    let (_site, built) = build_evil_site();
    let feed = built.read("feed.xml");
    let lower = feed.to_ascii_lowercase();
    for raw in [
        "<script", "<img", "<iframe", "<object", "<embed", "<svg", "<style", "<a ", "<form",
    ] {
        assert!(
            !lower.contains(raw),
            "feed.xml contains raw `{raw}`:\n{feed}"
        );
    }
    let doc = roxmltree::Document::parse(&feed).expect("feed.xml is well-formed XML");
    let mut problems = Vec::new();
    let mut texts = String::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        let text: String = node
            .children()
            .filter(|c| c.is_text())
            .filter_map(|c| c.text())
            .collect();
        texts.push_str(&text);
        texts.push('\n');
        // HTML content is rendered by feed readers: it must be safe HTML.
        if node.attribute("type") == Some("html") {
            markup_problems(
                &format!("feed.xml <{}>", node.tag_name().name()),
                &text,
                &mut problems,
            );
        }
        for attr in node.attributes() {
            if is_script_url(attr.value()) {
                problems.push(format!(
                    "feed.xml <{} {}> holds a script URL",
                    node.tag_name().name(),
                    attr.name()
                ));
            }
        }
    }
    assert_no_problems("feed.xml", &problems);
    // The payloads are there, as text.
    assert!(
        texts.contains(SCRIPT),
        "feed.xml carries the payload as text"
    );
}

#[test]
fn front_matter_text_cannot_close_a_script_element_from_search_index_js() {
    let (_site, built) = build_evil_site();
    let js = search_index_text(&built.root);
    let lower = js.to_ascii_lowercase();
    assert!(
        !lower.contains("</script"),
        "search-index.js contains a raw `</script`:\n{js}"
    );
    assert!(
        !lower.contains("<!--"),
        "search-index.js contains a raw `<!--`:\n{js}"
    );
    let entries = search_entries(&built.root);
    assert!(
        entries
            .iter()
            .any(|e| e["title"].as_str().is_some_and(|t| t.contains(SCRIPT))),
        "the payload is in the index, as data"
    );
    for e in &entries {
        let url = str_of(e, "url");
        assert!(
            !is_script_url(url) && scheme(url).is_none() && !url.starts_with('/'),
            "a search entry's url is not a relative path: {url}"
        );
    }
}

#[test]

fn search_index_js_has_no_script_tag_from_content() {
    let (_site, built) = build_evil_site();
    let js = search_index_text(&built.root);
    assert!(
        !js.to_ascii_lowercase().contains("<script>alert"),
        "search-index.js contains `<script>alert`"
    );
}

// ---- 4. Determinism ----

#[test]
fn two_builds_of_each_sample_from_different_folders_are_byte_identical() {
    for (name, args) in SAMPLES {
        let copies: Vec<Site> = (0..2)
            .map(|_| {
                let site = Site::empty();
                for entry in std::fs::read_dir(sample(name)).unwrap() {
                    let entry = entry.unwrap();
                    let file_name = entry.file_name();
                    if file_name == "public" {
                        continue; // a build output someone left in the sample
                    }
                    let target = site.path().join(&file_name);
                    if entry.file_type().unwrap().is_dir() {
                        copy_dir(&entry.path(), &target);
                    } else {
                        std::fs::copy(entry.path(), target).unwrap();
                    }
                }
                site
            })
            .collect();
        let a = build(copies[0].path(), args);
        let b = build(copies[1].path(), args);
        let tree_a = read_tree(&a.root);
        let tree_b = read_tree(&b.root);
        assert_eq!(
            tree_a.keys().collect::<Vec<_>>(),
            tree_b.keys().collect::<Vec<_>>(),
            "{name}: the same files"
        );
        let differ: Vec<String> = tree_a
            .iter()
            .filter(|(p, bytes)| tree_b[*p] != **bytes)
            .map(|(p, _)| p.display().to_string())
            .collect();
        assert_no_problems(&format!("{name}: files that differ"), &differ);
    }
}

// ---- 5. Templates and themes ----

const PAGE_TEMPLATE: &str = r#"{% extends "base.html" %}
{% block content %}<p class="marker">MARKER-{{ page.title }}</p>{{ page.body_html | safe }}{% endblock content %}
"#;

/// A small site with one objective and one free page.
fn themed_site(okrs_yaml: &str) -> Site {
    let site = Site::new(okrs_yaml);
    site.file(
        "objectives/o1.md",
        "---\ntitle: Grow\nperiod: 2024-Q2\nowner: ann\nkey_results:\n  - title: Revenue\n    target: 10\n---\n",
    );
    site.file("pages/about.md", "---\ntitle: About\n---\nAbout us.\n");
    site
}

fn marker_template(marker: &str) -> String {
    PAGE_TEMPLATE.replace("MARKER-", &format!("{marker} "))
}

#[test]
fn site_templates_override_the_built_in_ones_file_by_file() {
    let site = themed_site("title: T\nas_of: 2024-05-20\n");
    site.file("templates/page.html", marker_template("SITE-TEMPLATE-B"));
    let built = build(site.path(), &[]);
    let page = built.read("pages/about/index.html");
    assert!(page.contains("SITE-TEMPLATE-B About"), "{page}");
    assert!(page.contains("About us."), "{page}");
    // The page still extends the built-in layout, and other pages are the built-in ones.
    assert!(page.contains("style.css"), "{page}");
    assert!(!built.read("index.html").contains("SITE-TEMPLATE-B"));
}

#[test]
fn a_theme_of_the_site_supplies_templates_and_static_files() {
    let site = themed_site("title: T\nas_of: 2024-05-20\ntheme: mytheme\n");
    site.file(
        "themes/mytheme/templates/page.html",
        marker_template("THEME-TEMPLATE-A"),
    );
    site.file(
        "themes/mytheme/static/style.css",
        "/* THEME-STYLE-MARKER */\n",
    );
    site.file("themes/mytheme/static/theme-only.txt", "theme only\n");
    let built = build(site.path(), &[]);
    let page = built.read("pages/about/index.html");
    assert!(page.contains("THEME-TEMPLATE-A About"), "{page}");
    assert!(
        built.read("style.css").contains("THEME-STYLE-MARKER"),
        "the theme's style.css replaces the built-in one"
    );
    assert_eq!(built.read("theme-only.txt"), "theme only\n");
    // What the theme does not supply comes from the built-in theme.
    assert!(built.root.join("search.js").is_file());
    assert!(
        built.read("objectives/o1/index.html").contains("Grow"),
        "the built-in objective template"
    );
    // themes/ is not content, and is not copied as such.
    assert!(!built.root.join("themes").exists());
}

#[test]
fn site_templates_and_static_files_win_over_the_themes() {
    let site = themed_site("title: T\nas_of: 2024-05-20\ntheme: mytheme\n");
    site.file(
        "themes/mytheme/templates/page.html",
        marker_template("THEME-TEMPLATE-A"),
    );
    site.file("templates/page.html", marker_template("SITE-TEMPLATE-B"));
    site.file(
        "themes/mytheme/static/style.css",
        "/* THEME-STYLE-MARKER */\n",
    );
    site.file("static/style.css", "/* SITE-STYLE-MARKER */\n");
    site.file("themes/mytheme/static/theme-only.txt", "theme only\n");
    site.file("static/files/site-only.txt", "site only\n");
    let built = build(site.path(), &[]);
    let page = built.read("pages/about/index.html");
    assert!(page.contains("SITE-TEMPLATE-B About"), "{page}");
    assert!(!page.contains("THEME-TEMPLATE-A"), "{page}");
    assert_eq!(built.read("style.css"), "/* SITE-STYLE-MARKER */\n");
    assert_eq!(built.read("theme-only.txt"), "theme only\n");
    assert_eq!(built.read("files/site-only.txt"), "site only\n");
}

#[test]
fn a_theme_that_is_neither_a_folder_nor_built_in_is_an_error_on_the_theme_line() {
    let site = themed_site("title: T\nas_of: 2024-05-20\ntheme: nosuch\n");
    let theme_line = 3;
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 1, "{}", listing(&diags));
    let errors: Vec<&Diag> = diags.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{}", listing(&diags));
    let d = errors[0];
    assert_eq!(d.file, "okrs.yaml", "{}", d.at());
    assert_eq!(d.line, theme_line, "{}", d.at());
    assert!(
        d.column == 1 || d.column == 8,
        "the key or the value: {}",
        d.at()
    );
    assert!(d.message.contains("nosuch"), "{}", d.message);

    let (run, out) = build_into_temp(site.path(), &[], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("okrs.yaml:{theme_line}:")),
        "{}",
        run.stderr
    );
    assert!(!out.path().join("public").exists(), "nothing is written");
}

#[test]
fn a_template_with_a_syntax_error_fails_the_build_and_keeps_the_previous_output() {
    let site = themed_site("title: T\nas_of: 2024-05-20\n");
    let public = site.path().join("public");
    let first = run(&["build", site.arg()], &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let before = read_tree(&public);
    assert!(before.contains_key(Path::new("pages/about/index.html")));

    site.file(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}{% for x in %}{{ x }{% endblock content %}\n",
    );
    // The content changes too, so a build that went through would differ.
    site.file("pages/about.md", "---\ntitle: About (new)\n---\nNew.\n");
    let second = run(&["build", site.arg()], &[]);
    assert_eq!(second.code, 1, "{}", second.stderr);
    assert!(
        second.stderr.contains("templates/page.html"),
        "the error names the template: {}",
        second.stderr
    );
    let after = read_tree(&public);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &before {
        assert!(after[path] == *bytes, "{} changed", path.display());
    }
}

// ---- 6. Language, numbers and units ----

/// Every leaf string of a locale file, by its dotted key.
pub(crate) fn locale(name: &str) -> BTreeMap<String, String> {
    fn leaves(prefix: &str, v: &Value, out: &mut BTreeMap<String, String>) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    let key = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    leaves(&key, v, out);
                }
            }
            Value::String(s) => {
                out.insert(prefix.to_owned(), s.clone());
            }
            other => {
                out.insert(prefix.to_owned(), other.to_string());
            }
        }
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(format!("{name}.yaml"));
    let text = std::fs::read_to_string(&path).unwrap();
    let value: Value = serde_saphyr::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not YAML: {e}", path.display()));
    let mut out = BTreeMap::new();
    leaves("", &value, &mut out);
    out
}

/// The literal parts of a UI string around its `{placeholders}`.
pub(crate) fn literal_parts(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        parts.push(rest[..open].to_owned());
        rest = rest[open..]
            .find('}')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    parts.push(rest.to_owned());
    parts.into_iter().map(|p| p.trim().to_owned()).collect()
}

/// Asserts that a page of a zh-CN site is Chinese: `<html lang="zh-CN">`, the Chinese
/// navigation and the Chinese strings of `keys` (dotted locale keys) shown, and no English
/// UI string (one that zh-CN translates) anywhere in its visible text.
#[track_caller]
pub(crate) fn assert_chinese_page(page: &str, html: &str, keys: &[&str]) {
    let en = locale("en");
    let zh = locale("zh-CN");
    assert_eq!(
        en.keys().collect::<Vec<_>>(),
        zh.keys().collect::<Vec<_>>(),
        "both locales have the same keys"
    );
    let english: BTreeSet<String> = en
        .iter()
        .filter(|(k, v)| v.chars().count() > 3 && zh[*k] != **v)
        .flat_map(|(_, v)| literal_parts(v))
        .filter(|p| p.chars().count() > 3)
        .collect();
    assert!(english.len() > 50, "{english:?}");
    let first = tags(html)
        .into_iter()
        .find(|t| t.name == "html")
        .expect("an <html> tag");
    assert_eq!(first.attr("lang"), Some("zh-CN"), "{page}: <html lang>");
    let text = visible_text(html);
    let wanted: Vec<&String> = zh
        .iter()
        .filter(|(k, _)| k.starts_with("nav."))
        .map(|(_, v)| v)
        .chain(keys.iter().map(|k| &zh[*k]))
        .collect();
    for value in wanted {
        for part in literal_parts(value).iter().filter(|p| !p.is_empty()) {
            assert!(
                text.contains(part.as_str()),
                "{page}: the Chinese UI string {part:?} is missing"
            );
        }
    }
    let found: Vec<String> = english
        .iter()
        .filter(|s| text.contains(s.as_str()))
        .map(|s| format!("{page}: English UI string {s:?}"))
        .collect();
    assert_no_problems("English in a zh-CN page", &found);
}

#[test]
fn teebee_pages_are_in_chinese_with_no_english_ui_strings() {
    let built = build_sample("teebee");
    let pages: [(&str, &[&str]); 2] = [
        (
            "index.html",
            &[
                "dashboard.period_progress",
                "dashboard.objectives_heading",
                "dashboard.latest_checkins",
                "label.owner",
            ],
        ),
        (
            "objectives/teebee-o1/index.html",
            &[
                "objective.key_results_heading",
                "objective.checkin_history",
                "objective.tasks",
                "label.owner",
                "label.confidence",
            ],
        ),
    ];
    for (page, keys) in pages {
        assert_chinese_page(page, &built.read(page), keys);
    }
}

#[test]
fn teebee_objective_page_writes_amounts_percentages_and_confidences_the_chinese_way() {
    let built = build_sample("teebee");
    let text = visible_text(&built.read("objectives/teebee-o1/index.html"));
    let revenue = key_result(&built.json, "teebee-o1/revenue");
    // The sample's revenue is in 元 (a CJK unit: no space), with thousands separators.
    assert_eq!(revenue["unit"], "元");
    assert_close(&revenue["current"], 131000.0, "teebee-o1/revenue current");
    for amount in ["131,000元", "250,000元"] {
        assert!(text.contains(amount), "{amount} is missing:\n{text:.3000}");
    }
    // Percentages without a space.
    for pct in ["55%", "70%", "50%"] {
        assert!(text.contains(pct), "{pct} is missing");
    }
    let spaced: Vec<&str> = text
        .match_indices(" %")
        .filter(|(i, _)| text[..*i].ends_with(|c: char| c.is_ascii_digit()))
        .map(|(i, _)| &text[i.saturating_sub(12)..i + 2])
        .collect();
    assert!(spaced.is_empty(), "a space before %: {spaced:?}");
    // Confidences out of 10, with no space before "/10".
    for kr in list(objective(&built.json, "teebee-o1"), "key_results") {
        if let Some(c) = kr["confidence"].as_u64() {
            assert!(
                text.contains(&format!("{c}/10")),
                "{}: confidence {c}/10 is missing",
                kr["id"]
            );
        }
    }
    assert!(!text.contains(" /10"), "a space before /10");
}

#[test]
fn a_yuan_sign_unit_goes_before_the_amount_with_thousands_separators() {
    let site = Site::new("title: 测试\nlanguage: zh-CN\nas_of: 2024-05-20\n");
    site.file(
        "objectives/o1.md",
        "---\ntitle: 收入\nperiod: 2024-Q2\nowner: 王芳\nkey_results:\n  - title: 完成25万交易额\n    start: 0\n    target: 250000\n    unit: ¥\n    checkins:\n      - { date: 2024-05-15, value: 131000, confidence: 6 }\n---\n",
    );
    let built = build(site.path(), &[]);
    let text = visible_text(&built.read("objectives/o1/index.html"));
    for amount in ["¥131,000", "¥250,000", "6/10"] {
        assert!(text.contains(amount), "{amount} is missing:\n{text:.3000}");
    }
}

// ---- 7. Drafts ----

const DRAFT: &str = "ai-assistant-q2";

#[test]
fn with_drafts_the_draft_objective_is_marked_on_its_page_and_in_every_list() {
    let built = build_sample("acme");
    let draft_label = locale("en")["label.draft"].clone();
    let o = objective(&built.json, DRAFT);
    assert_eq!(o["draft"], true, "acme's {DRAFT} is a draft");
    let has_mark = |html: &str| {
        tokenize(html).windows(2).any(|w| {
            matches!((&w[0], &w[1]), (Token::Tag(t), Token::Text(s)) if !t.closing && s.trim() == draft_label)
        })
    };
    let own = format!("objectives/{DRAFT}/index.html");
    assert!(has_mark(&built.read(&own)), "{own} shows the draft mark");
    // The lists that must show it, from okrs.json.
    let mut lists = vec![
        "index.html".to_owned(),
        format!("periods/{}/index.html", str_of(o, "period")),
        format!("teams/{}/index.html", str_of(o, "team")),
        format!("people/{}/index.html", str_of(o, "owner")),
        "alignment/index.html".to_owned(),
    ];
    assert_eq!(
        built.json["periods"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["objectives"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x == DRAFT))
            .map(|p| p["id"].clone()),
        Some(o["period"].clone())
    );
    // …and any other page that links to it, except the check-in timeline.
    let pages = built.html_files();
    for (path, html) in &pages {
        if path == &own || path.starts_with("checkins/") || lists.contains(path) {
            continue;
        }
        if links_to(path, html, &own) {
            lists.push(path.clone());
        }
    }
    for page in &lists {
        let html = &pages[page];
        assert!(links_to(page, html, &own), "{page} lists the draft");
        assert!(
            has_mark(html),
            "{page} lists the draft without a draft mark"
        );
    }
}

/// Whether `html` (at `page`) has an `<a href>` to the page `target`.
pub(crate) fn links_to(page: &str, html: &str, target: &str) -> bool {
    tags(html).iter().any(|t| {
        t.name == "a"
            && t.attr("href").is_some_and(|h| {
                let path = h.split('#').next().unwrap_or("");
                scheme(h).is_none() && resolve(page, path).as_deref() == Some(target)
            })
    })
}

#[test]
fn without_drafts_the_draft_objective_has_no_page_and_no_link_anywhere() {
    let with = build(&sample("acme"), &["--as-of", "2024-05-20", "--drafts"]);
    let title = str_of(objective(&with.json, DRAFT), "title").to_owned();
    let built = build(&sample("acme"), &["--as-of", "2024-05-20"]);
    assert!(!built.root.join(format!("objectives/{DRAFT}")).exists());
    assert!(
        !list(&built.json, "objectives")
            .iter()
            .any(|o| o["id"] == DRAFT)
    );
    let own = format!("objectives/{DRAFT}/index.html");
    let mut problems = Vec::new();
    for (path, html) in built.html_files() {
        if links_to(&path, &html, &own) {
            problems.push(format!("{path} links to the draft"));
        }
        if html.contains(DRAFT) {
            problems.push(format!("{path} names the draft's id"));
        }
        if visible_text(&html).contains(&title) {
            problems.push(format!("{path} shows the draft's title"));
        }
    }
    for file in ["feed.xml", "search-index.js", "okrs.csv"] {
        let text = match file {
            "search-index.js" => search_index_text(&built.root),
            _ => built.read(file),
        };
        if text.contains(DRAFT) || text.contains(&title) {
            problems.push(format!("{file} mentions the draft"));
        }
    }
    assert_no_problems("the draft leaks into a build without --drafts", &problems);
}

// ---- 8. feed.xml ----

const ATOM: &str = "http://www.w3.org/2005/Atom";

/// The entries of feed.xml: (updated, link href).
fn feed_entries(feed: &str) -> Vec<(String, String)> {
    let doc = roxmltree::Document::parse(feed).expect("feed.xml is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "feed");
    assert_eq!(
        root.tag_name().namespace(),
        Some(ATOM),
        "the Atom namespace"
    );
    for required in ["title", "id", "updated"] {
        assert!(
            root.children()
                .any(|c| c.is_element() && c.tag_name().name() == required),
            "the feed has <{required}>"
        );
    }
    root.children()
        .filter(|c| c.is_element() && c.tag_name().name() == "entry")
        .map(|entry| {
            let child = |name: &str| {
                entry
                    .children()
                    .find(|c| c.is_element() && c.tag_name().name() == name)
                    .unwrap_or_else(|| panic!("an entry without <{name}>"))
            };
            assert_eq!(child("id").tag_name().namespace(), Some(ATOM));
            assert!(!child("title").text().unwrap_or("").is_empty());
            (
                child("updated").text().unwrap_or("").to_owned(),
                child("link")
                    .attribute("href")
                    .expect("a link with href")
                    .to_owned(),
            )
        })
        .collect()
}

#[test]
fn feed_xml_is_atom_newest_first_with_absolute_links_under_base_url() {
    let built = build_sample("acme");
    let base = "https://intranet.acme.example/okrs/";
    let feed = built.read("feed.xml");
    let entries = feed_entries(&feed);
    assert!(entries.len() > 5, "acme's feed has entries");
    let dates: Vec<&str> = entries.iter().map(|(d, _)| d.as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "entries newest first");
    let pages = built.html_files();
    let ids = ids_by_page(&pages);
    let doc = roxmltree::Document::parse(&feed).unwrap();
    let mut problems = Vec::new();
    for link in doc.descendants().filter(|n| n.tag_name().name() == "link") {
        let href = link.attribute("href").unwrap();
        match href.strip_prefix(base) {
            // The part under base_url is a page of this build.
            Some(rel) => check_url(
                &built.root,
                &ids,
                "feed.xml",
                "feed link",
                rel,
                false,
                &mut problems,
            ),
            None => problems.push(format!("not under base_url: {href}")),
        }
    }
    assert_no_problems("acme feed.xml links", &problems);
}

#[test]
fn feed_xml_links_are_relative_without_base_url() {
    for name in ["teebee", "phone-repair"] {
        let built = build_sample(name);
        let feed = built.read("feed.xml");
        let entries = feed_entries(&feed);
        assert!(!entries.is_empty(), "{name}'s feed has entries");
        let dates: Vec<&str> = entries.iter().map(|(d, _)| d.as_str()).collect();
        let mut sorted = dates.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(dates, sorted, "{name}: entries newest first");
        let pages = built.html_files();
        let ids = ids_by_page(&pages);
        let doc = roxmltree::Document::parse(&feed).unwrap();
        let mut problems = Vec::new();
        for link in doc.descendants().filter(|n| n.tag_name().name() == "link") {
            let href = link.attribute("href").unwrap();
            // Relative to feed.xml, at the root.
            check_url(
                &built.root,
                &ids,
                "feed.xml",
                "feed link",
                href,
                false,
                &mut problems,
            );
        }
        assert_no_problems(&format!("{name} feed.xml links"), &problems);
    }
}

// ---- 9. Over-achievement ----

#[test]
fn an_over_achieved_key_result_shows_its_raw_percentage() {
    let site = Site::new("title: Over\nas_of: 2024-05-20\n");
    site.file(
        "objectives/o1.md",
        "---\ntitle: Sell more\nperiod: 2024-Q2\nowner: ann\nkey_results:\n  - title: Sell 100 boxes\n    owner: ann\n    start: 0\n    target: 100\n    checkins:\n      - { date: 2024-05-10, value: 110, confidence: 9 }\n---\n",
    );
    let built = build(site.path(), &[]);
    assert_close(
        &key_result(&built.json, "o1/kr1")["raw_progress"],
        1.1,
        "raw_progress",
    );
    let text = visible_text(&built.read("objectives/o1/index.html"));
    assert!(text.contains("110%"), "110% is shown:\n{text:.3000}");
}

// ---- 10. Snapshots of tests/fixtures/site/ ----

#[test]
fn fixture_site_pages_snapshot() {
    let built = build(&fixture("site"), &[]);
    assert_no_problems("fixture site links", &link_problems(&built.root).0);
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!("site_fixture_dashboard_index_html", built.read("index.html"));
        insta::assert_snapshot!(
            "site_fixture_objective_renewals_index_html",
            built.read("objectives/renewals/index.html")
        );
        insta::assert_snapshot!(
            "site_fixture_period_objectives_list_index_html",
            built.read("periods/2024-Q2/objectives/index.html")
        );
    });
}

// ---- Check-in times ----

/// Every `<time class="checkin-date">` of a page: its `datetime` and its visible text.
fn checkin_times(html: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut inside: Option<(String, String)> = None;
    for token in tokenize(html) {
        match (token, &mut inside) {
            (Token::Tag(t), None) if t.name == "time" && !t.closing => {
                let class = t.attr("class").unwrap_or("");
                if class.split_whitespace().any(|c| c == "checkin-date") {
                    let datetime = t.attr("datetime").unwrap_or("").to_owned();
                    inside = Some((datetime, String::new()));
                }
            }
            (Token::Text(text), Some((_, seen))) => seen.push_str(&text),
            (Token::Tag(t), Some(_)) if t.name == "time" && t.closing => {
                let (datetime, text) = inside.take().unwrap();
                found.push((
                    datetime,
                    text.split_whitespace().collect::<Vec<_>>().join(" "),
                ));
            }
            _ => {}
        }
    }
    found
}

#[test]
fn a_checkins_time_of_day_is_shown_beside_its_date_and_dates_the_feed_entry() {
    // tests/fixtures/cycle/: mobile-2024-q2/rating is checked in on 2024-05-15 at 09:00
    // and at 16:00 (checkins/b-early.md, checkins/a-late.md), and on other days by date.
    let built = build(&fixture("cycle"), &[]);
    let late = (
        "2024-05-15T16:00".to_owned(),
        "May 15, 2024 16:00".to_owned(),
    );
    let early = (
        "2024-05-15T09:00".to_owned(),
        "May 15, 2024 09:00".to_owned(),
    );
    for page in [
        "objectives/mobile-2024-q2/index.html",
        "checkins/index.html",
        "index.html",
    ] {
        let times = checkin_times(&built.read(page));
        // Newest first, by the time of day too.
        let at = |want: &(String, String)| {
            times
                .iter()
                .position(|t| t == want)
                .unwrap_or_else(|| panic!("{page}: no {want:?} in {times:#?}"))
        };
        assert!(at(&late) < at(&early), "{page}: {times:#?}");
        // A date alone: the day, with no time.
        assert!(
            times
                .iter()
                .filter(|(d, _)| !d.contains('T'))
                .all(|(d, text)| d.len() == 10 && !text.contains(':')),
            "{page}: {times:#?}"
        );
    }
    // The timeline's day headings keep the day alone.
    let timeline = built.read("checkins/index.html");
    assert!(
        timeline.contains("<time datetime=\"2024-05-15\">May 15, 2024</time></h2>"),
        "{timeline}"
    );

    // feed.xml: the time, read as UTC (RFC 3339 needs an offset); a date alone at 00:00.
    let feed = built.read("feed.xml");
    let entries = feed_entries(&feed);
    let updated: Vec<&str> = entries.iter().map(|(u, _)| u.as_str()).collect();
    assert_eq!(
        updated[..2],
        ["2024-05-15T16:00:00Z", "2024-05-15T09:00:00Z"],
        "{feed}"
    );
    assert!(updated.contains(&"2024-05-10T00:00:00Z"), "{updated:?}");
    let doc = roxmltree::Document::parse(&feed).unwrap();
    let feed_updated = doc
        .root_element()
        .children()
        .find(|c| c.tag_name().name() == "updated")
        .and_then(|c| c.text());
    assert_eq!(feed_updated, Some("2024-05-15T16:00:00Z"));
    assert!(
        feed.contains("<title>Store rating from 4.0 to 4.5: 4.4 (May 15, 2024 16:00)</title>"),
        "{feed}"
    );
}

// ---- A small HTML tokenizer ----

#[derive(Clone, Debug)]
pub(crate) struct Tag {
    /// Lower-case.
    pub(crate) name: String,
    pub(crate) closing: bool,
    /// Lower-case names, unescaped values.
    pub(crate) attrs: Vec<(String, String)>,
}

impl Tag {
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Clone, Debug)]
pub(crate) enum Token {
    Tag(Tag),
    /// Unescaped text between tags.
    Text(String),
    /// The raw content of `<script>` or `<style>`.
    Raw {
        tag: String,
        text: String,
    },
}

pub(crate) fn tokenize(html: &str) -> Vec<Token> {
    let b = html.as_bytes();
    let n = b.len();
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    let flush = |out: &mut Vec<Token>, from: usize, to: usize| {
        if to > from {
            out.push(Token::Text(unescape(&html[from..to])));
        }
    };
    while i < n {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if html[i..].starts_with("<!--") {
            flush(&mut out, text_start, i);
            i = html[i + 4..].find("-->").map_or(n, |p| i + 4 + p + 3);
            text_start = i;
            continue;
        }
        if html[i..].starts_with("<!") || html[i..].starts_with("<?") {
            flush(&mut out, text_start, i);
            i = html[i..].find('>').map_or(n, |p| i + p + 1);
            text_start = i;
            continue;
        }
        let closing = b.get(i + 1) == Some(&b'/');
        let name_start = i + 1 + usize::from(closing);
        if name_start >= n || !b[name_start].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        flush(&mut out, text_start, i);
        let mut j = name_start;
        while j < n && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':') {
            j += 1;
        }
        let name = html[name_start..j].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while j < n && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j >= n {
                break;
            }
            if b[j] == b'>' {
                j += 1;
                break;
            }
            if b[j] == b'/' {
                j += 1;
                continue;
            }
            let a = j;
            while j < n && !b[j].is_ascii_whitespace() && !matches!(b[j], b'=' | b'>' | b'/') {
                j += 1;
            }
            if j == a {
                j += 1;
                continue;
            }
            let attr_name = html[a..j].to_ascii_lowercase();
            while j < n && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let mut value = String::new();
            if j < n && b[j] == b'=' {
                j += 1;
                while j < n && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j < n && (b[j] == b'"' || b[j] == b'\'') {
                    let q = b[j];
                    let v = j + 1;
                    j = v;
                    while j < n && b[j] != q {
                        j += 1;
                    }
                    value = unescape(&html[v..j.min(n)]);
                    j = (j + 1).min(n);
                } else {
                    let v = j;
                    while j < n && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                        j += 1;
                    }
                    value = unescape(&html[v..j]);
                }
            }
            attrs.push((attr_name, value));
        }
        i = j;
        text_start = i;
        let raw = !closing && (name == "script" || name == "style");
        out.push(Token::Tag(Tag {
            name: name.clone(),
            closing,
            attrs,
        }));
        if raw {
            let end_tag = format!("</{name}");
            let end = html[i..]
                .to_ascii_lowercase()
                .find(&end_tag)
                .map_or(n, |p| i + p);
            out.push(Token::Raw {
                tag: name,
                text: html[i..end].to_owned(),
            });
            i = end;
            text_start = i;
        }
    }
    flush(&mut out, text_start, n);
    out
}

/// The opening tags of a document.
pub(crate) fn tags(html: &str) -> Vec<Tag> {
    tokenize(html)
        .into_iter()
        .filter_map(|t| match t {
            Token::Tag(tag) if !tag.closing => Some(tag),
            _ => None,
        })
        .collect()
}

/// The text a reader sees (tags stripped, entities decoded, whitespace collapsed).
pub(crate) fn visible_text(html: &str) -> String {
    let mut out = String::new();
    for token in tokenize(html) {
        match token {
            Token::Text(t) => out.push_str(&t),
            Token::Tag(_) => out.push(' '),
            Token::Raw { .. } => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes HTML character references (named ones okrs may write, and numeric ones).
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest[1..].find(';').map(|p| p + 1).filter(|&p| p <= 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes `%XX` escapes of a URL (as UTF-8).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn the_test_tokenizer_reads_attributes_text_and_raw_elements() {
    let html = "<!DOCTYPE html><html lang=\"zh-CN\"><!-- <a href=\"x\"> --><p class=a title='x &amp; y' data-x=1>A &lt;b&gt; &#x4e2d;</p><script src=\"s.js\"></script><style>p{background:url(a.png)}</style><img src=x onerror=alert(1)>";
    let tokens = tokenize(html);
    let all_tags = tags(html);
    let names: Vec<&str> = all_tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["html", "p", "script", "style", "img"]);
    assert_eq!(all_tags[1].attr("title"), Some("x & y"));
    assert_eq!(all_tags[4].attr("onerror"), Some("alert(1)"));
    assert!(tokens.iter().any(
        |t| matches!(t, Token::Raw { tag, text } if tag == "style" && text.contains("url(a.png)"))
    ));
    assert_eq!(visible_text(html), "A <b> 中");
    assert_eq!(percent_decode("a%20b%E4%B8%AD%"), "a b中%");
    assert_eq!(
        resolve("objectives/x/index.html", "../../style.css").as_deref(),
        Some("style.css")
    );
    assert_eq!(resolve("index.html", "../x"), None);
    assert_eq!(
        scheme(" JavaScript:alert(1)").as_deref(),
        Some("javascript")
    );
    assert_eq!(scheme("../people/a:b/index.html"), None);
    assert_eq!(literal_parts("Page {n} of {total}"), ["Page", "of", ""]);
}
