//! Every page and file that `okrs build` writes for each sample
//! (docs/themes.md#templates-and-their-own-variables, docs/format.md#what-a-build-writes),
//! what an over-achieved key result shows, and the pages of `tests/fixtures/site/` pinned
//! by snapshots (tests/snapshots/).

use crate::site::{
    SAMPLES, assert_no_problems, build, build_sample, link_problems, list, str_of, visible_text,
};
use crate::support::*;
use serde_json::Value;
use std::path::Path;

/// How many check-ins one page of the check-in timeline lists.
const CHECKINS_PER_PAGE: usize = 20;

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
