//! A built site, read back: `build` runs `okrs build` into a temporary folder and returns
//! its output root and okrs.json; the samples and the arguments they are built with; the
//! link checker (every relative link and asset resolves inside the output, nothing loads
//! from another host); the search index's entries; the locale files and the check that a
//! page is Chinese; and a small HTML tokenizer (tags with their unescaped attributes, text,
//! and the raw text of `<script>`/`<style>`), which is enough for markup that okrs itself
//! writes. Shared by the `site_*` tests and the other tests of rendered pages.

use crate::support::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The samples and the arguments they are built with.
pub(crate) const SAMPLES: [(&str, &[&str]); 3] = [
    ("teebee", &["--as-of", "2024-05-20"]),
    ("phone-repair", &["--as-of", "2024-05-20"]),
    ("acme", &["--as-of", "2024-05-20", "--drafts"]),
];

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

pub(crate) fn build_sample(name: &str) -> Built {
    let args = SAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, a)| *a)
        .unwrap();
    build(&sample(name), args)
}

pub(crate) fn list<'a>(json: &'a Value, key: &str) -> &'a Vec<Value> {
    json[key]
        .as_array()
        .unwrap_or_else(|| panic!("okrs.json has no list `{key}`"))
}

pub(crate) fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
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

// ---- Links and assets ----

/// Attributes that hold a URL.
pub(crate) const URL_ATTRS: [&str; 8] = [
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

pub(crate) fn is_other_host(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("http:") || u.starts_with("https:") || u.starts_with("//")
}

/// The scheme of a URL (`mailto`, `https` …), if it has one.
pub(crate) fn scheme(url: &str) -> Option<String> {
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
pub(crate) fn css_urls(css: &str) -> Vec<String> {
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
pub(crate) fn ids_by_page(pages: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
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
pub(crate) fn check_url(
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

// ---- The search index ----

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

// ---- Language ----

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

// ---- A small HTML tokenizer ----

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
