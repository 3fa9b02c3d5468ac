//! Drafts (docs/format.md#drafts): with `--drafts` a draft objective is marked on its page
//! and in every list; without, it has no page and no link or mention anywhere.

use crate::site::{
    Token, assert_no_problems, build, build_sample, links_to, list, locale, str_of, tokenize,
    visible_text,
};
use crate::support::*;

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
