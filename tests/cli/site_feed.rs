//! feed.xml is a valid Atom feed, newest first, with links under `base_url` or relative
//! to the feed; and a check-in's time of day is shown beside its date and dates its feed
//! entry.

use crate::site::{
    Token, assert_no_problems, build, build_sample, check_url, ids_by_page, tokenize,
};
use crate::support::*;

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
