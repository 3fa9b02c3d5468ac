//! What the Nu Html Checker found on the built pages, pinned without Java (the checker
//! itself runs in tests/browser.rs): on every page of every sample and of the `prose`
//! fixture (Markdown whose headings skip levels and repeat from note to note, footnotes,
//! a raw id), no id is given twice and the headings skip no level.

use crate::support::{build_into_temp, fixture, sample};
use std::collections::BTreeSet;
use std::path::Path;

/// The values of the `id` attributes of `html`, in order (okrs quotes every attribute
/// with `"` and escapes `"` inside).
fn ids(html: &str) -> Vec<&str> {
    html.split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

/// The levels of the headings of `html`, in order.
fn heading_levels(html: &str) -> Vec<u32> {
    html.split("<h")
        .skip(1)
        .filter_map(|rest| {
            let mut chars = rest.chars();
            let level = chars.next()?.to_digit(10)?;
            matches!(chars.next(), Some(' ' | '>')).then_some(level)
        })
        .collect()
}

/// What is wrong with the page at `rel`: ids given twice, headings that skip a level.
fn faults(rel: &str, html: &str) -> Vec<String> {
    let mut faults = Vec::new();
    let mut seen = BTreeSet::new();
    for id in ids(html) {
        if !seen.insert(id) {
            faults.push(format!("{rel}: the id {id:?} is given twice"));
        }
    }
    let mut previous = 1;
    for level in heading_levels(html) {
        if level > previous + 1 {
            faults.push(format!("{rel}: an h{level} follows an h{previous}"));
        }
        previous = level;
    }
    faults
}

/// The faults of every page built from `site` with `args`, and how many pages there were.
fn site_faults(site: &Path, args: &[&str]) -> (Vec<String>, usize) {
    let (run, out) = build_into_temp(site, args, &[]);
    assert_eq!(run.code, 0, "{}: {}", site.display(), run.stderr);
    let public = out.path().join("public");
    let mut found = Vec::new();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&public) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|x| x != "html") {
            continue;
        }
        pages += 1;
        let html = std::fs::read_to_string(entry.path()).unwrap();
        let rel = entry.path().strip_prefix(&public).unwrap().display();
        found.extend(faults(&format!("{}: {rel}", site.display()), &html));
    }
    (found, pages)
}

#[test]
fn no_page_repeats_an_id_or_skips_a_heading_level() {
    let sites = [
        (sample("teebee"), vec![]),
        (sample("phone-repair"), vec![]),
        (sample("acme"), vec!["--drafts"]),
        (fixture("zh-site"), vec![]),
        (fixture("prose"), vec![]),
    ];
    let mut all = Vec::new();
    for (site, args) in &sites {
        let (faults, pages) = site_faults(site, args);
        assert!(pages > 10, "{}: only {pages} pages", site.display());
        all.extend(faults);
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}

#[test]
fn the_checker_helpers_see_repeated_ids_and_skipped_levels() {
    let page = "<h1>T</h1><h3 id=\"a\">x</h3><p id=\"a\">y</p><h2>z</h2><h4>w</h4><hr>";
    assert_eq!(
        faults("p", page),
        [
            "p: the id \"a\" is given twice",
            "p: an h3 follows an h1",
            "p: an h4 follows an h2",
        ]
    );
}
