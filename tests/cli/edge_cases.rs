//! Behaviours found by testing the binary on unusual content: each test pins one.

use crate::support::{Site, build_into_temp, listing, search_index_text};

fn site_with(files: &[(&str, &str)]) -> Site {
    let site = Site::new("title: T\nas_of: 2024-05-20\n");
    for (path, text) in files {
        site.file(path, text);
    }
    site
}

#[test]
fn people_and_teams_named_only_by_drafts_stay_out_of_a_build_without_drafts() {
    let site = site_with(&[
        (
            "objectives/dp.md",
            "---\ntitle: Draft parent\nperiod: 2024-Q2\ndraft: true\nowner: Draft Owner\nteam: Draft Team\nkey_results:\n  - { title: k, target: 10, owner: Draft KR Owner }\n---\n",
        ),
        (
            "objectives/c.md",
            "---\ntitle: C\nperiod: 2024-Q2\nowner: Real Owner\nkey_results:\n  - { title: k, target: 10, owner: Real Owner }\n---\n",
        ),
    ]);
    let without = site.built_json(&[]);
    let ids = |v: &serde_json::Value, key: &str| -> Vec<String> {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids(&without, "people"), vec!["real-owner"]);
    assert!(ids(&without, "teams").is_empty());
    let (run, out) = build_into_temp(site.path(), &[], &[]);
    assert_eq!(run.code, 0);
    assert!(!out.path().join("public/people/draft-owner").exists());
    assert!(!out.path().join("public/teams/draft-team").exists());
    let index = search_index_text(&out.path().join("public"));
    assert!(!index.contains("Draft Owner"));

    let with = site.built_json(&["--drafts"]);
    assert_eq!(
        ids(&with, "people"),
        vec!["draft-kr-owner", "draft-owner", "real-owner"]
    );
    assert_eq!(ids(&with, "teams"), vec!["draft-team"]);
}

#[test]
fn a_whole_number_written_with_a_fraction_is_a_confidence() {
    let site = site_with(&[(
        "objectives/o.md",
        "---\ntitle: O\nperiod: 2024-Q2\naligns_to: []\nkey_results:\n  - title: k\n    target: 1\n    checkins:\n      - { date: 2024-05-19, value: 0.25, confidence: 7.0 }\n---\n",
    )]);
    let (_, diags) = site.check(&[]);
    assert!(diags.iter().all(|d| !d.is_error()), "{}", listing(&diags));
    assert_eq!(site.built_json(&[])["objectives"][0]["confidence"], 7);
}

#[test]
fn every_problem_of_a_checkin_is_reported_even_when_its_kr_is_wrong() {
    let site = site_with(&[(
        "checkins/b.md",
        "---\ndate: 2024-05-01\nkr: [a]\nvalue: \"5\"\nconfidence: 12\n---\n",
    )]);
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 1);
    let at: Vec<(u32, &str)> = diags.iter().map(|d| (d.line, d.rule.as_str())).collect();
    assert_eq!(
        at,
        vec![(3, "type"), (4, "type"), (5, "confidence-range")],
        "{}",
        listing(&diags)
    );
}

#[test]
fn an_infinite_number_is_a_type_error_on_that_value_alone() {
    let site = site_with(&[(
        "objectives/o.md",
        "---\ntitle: O\nperiod: 2024-Q9\nkey_results:\n  - { title: k, target: 1e400 }\n---\n",
    )]);
    let (_, diags) = site.check(&[]);
    let errors: Vec<(u32, &str)> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.line, d.rule.as_str()))
        .collect();
    assert_eq!(
        errors,
        vec![(3, "unknown-reference"), (5, "type")],
        "{}",
        listing(&diags)
    );
}

#[test]
fn an_empty_list_of_updates_is_an_error() {
    let site = site_with(&[("checkins/c.md", "---\ndate: 2024-05-01\nupdates: []\n---\n")]);
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 1);
    assert!(
        diags
            .iter()
            .any(|d| d.rule == "missing-field" && d.line == 3),
        "{}",
        listing(&diags)
    );
}

#[test]
fn two_updates_of_one_key_result_in_one_file_are_one_feed_entry() {
    let site = site_with(&[
        (
            "objectives/o1.md",
            "---\ntitle: O\nperiod: 2024-Q2\nkey_results:\n  - { title: k, target: 400 }\n---\n",
        ),
        (
            "checkins/b.md",
            "---\ndate: 2024-05-15\nupdates:\n  - { kr: o1/kr1, value: 290 }\n  - { kr: o1/kr1, value: 300 }\n---\n",
        ),
    ]);
    let (run, out) = build_into_temp(site.path(), &[], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let feed = std::fs::read_to_string(out.path().join("public/feed.xml")).unwrap();
    let doc = roxmltree::Document::parse(&feed).unwrap();
    let ids: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .filter_map(|e| {
            e.children()
                .find(|c| c.has_tag_name("id"))
                .and_then(|c| c.text())
        })
        .collect();
    // One check-in, one entry (issue 10), listing both updates.
    assert_eq!(ids.len(), 1, "{feed}");
    assert!(ids[0].ends_with("#checkins/b.md"), "{}", ids[0]);
    assert!(feed.contains("k: 290; k: 300"), "{feed}");
}

#[test]
fn an_alignment_written_twice_is_listed_once() {
    let site = site_with(&[
        ("objectives/p.md", "---\ntitle: P\nperiod: 2024\n---\n"),
        (
            "objectives/c.md",
            "---\ntitle: C\nperiod: 2024-Q2\naligns_to: [p, p]\n---\n",
        ),
    ]);
    let json = site.built_json(&[]);
    let c = json["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "c")
        .unwrap();
    assert_eq!(c["aligns_to"], serde_json::json!(["p"]));
}
