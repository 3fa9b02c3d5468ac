//! What the exports say and how they type it (issue 10): one feed entry and one search
//! record per check-in, however many key results it updates; search text without spaces
//! at inline markup; typed `current`/`done` in okrs.csv and okrs.json; `extra:` fields in
//! okrs.json and, when okrs.yaml asks, on the objective page; feed links and ids with and
//! without `base_url`, and the `feed-base-url` lint.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::support::*;

/// Every distinct check-in of okrs.json: a check-in file once (by its path), an inline
/// check-in by its key result and place.
fn distinct_checkins(json: &Value) -> BTreeSet<String> {
    let mut all = BTreeSet::new();
    for objective in json["objectives"].as_array().unwrap() {
        for kr in objective["key_results"].as_array().unwrap() {
            for (n, c) in kr["checkins"].as_array().unwrap().iter().enumerate() {
                let source = c["source"].as_str().unwrap();
                if source.starts_with("checkins/") {
                    all.insert(source.to_owned());
                } else {
                    all.insert(format!("{source} {} {n}", kr["id"].as_str().unwrap()));
                }
            }
        }
    }
    all
}

fn read(public: &Path, rel: &str) -> String {
    std::fs::read_to_string(public.join(rel)).unwrap()
}

/// The entries of feed.xml (which must parse as XML): (id, link, content) each.
fn feed_entries(public: &Path) -> Vec<(String, String, String)> {
    let text = read(public, "feed.xml");
    let doc = roxmltree::Document::parse(&text).expect("feed.xml is XML");
    let atom = "http://www.w3.org/2005/Atom";
    let child_text = |node: roxmltree::Node, name: &str| {
        node.children()
            .find(|c| c.has_tag_name((atom, name)))
            .and_then(|c| c.text())
            .unwrap_or_default()
            .to_owned()
    };
    doc.root_element()
        .children()
        .filter(|n| n.has_tag_name((atom, "entry")))
        .map(|entry| {
            let link = entry
                .children()
                .find(|c| c.has_tag_name((atom, "link")))
                .and_then(|l| l.attribute("href"))
                .unwrap_or_default()
                .to_owned();
            (child_text(entry, "id"), link, child_text(entry, "content"))
        })
        .collect()
}

/// Every search record of a built site: `[kind, title, text, url, context]`.
fn search_records(public: &Path) -> Vec<Value> {
    let mut records = Vec::new();
    for (path, bytes) in read_tree(&public.join("search/index")) {
        let name = path.file_name().unwrap().to_str().unwrap();
        if !name.starts_with('d') {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        let data = text
            .split_once(',')
            .map(|(_, rest)| rest.trim_end().trim_end_matches(");"))
            .unwrap();
        let shard: Vec<Value> = serde_json::from_str(data).unwrap();
        records.extend(shard);
    }
    records
}

fn built(site: &Path) -> (tempfile::TempDir, Value) {
    let (run, out) = build_into_temp(site, &[], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = serde_json::from_str(&read(&out.path().join("public"), "okrs.json")).unwrap();
    (out, json)
}

/// A copy of the TeeBee sample, its okrs.yaml changed by `change`.
fn teebee_with(change: impl Fn(&str) -> String) -> Site {
    let site = Site::empty();
    copy_dir(&sample("teebee"), site.path());
    let yaml = change(&site.read("okrs.yaml"));
    site.file("okrs.yaml", yaml);
    site
}

#[test]
fn the_feed_has_one_entry_per_checkin_with_the_updates_it_makes() {
    let site = teebee_with(|yaml| format!("{yaml}base_url: https://okr.teebee.example/\n"));
    let (out, json) = built(site.path());
    let public = out.path().join("public");
    let checkins = distinct_checkins(&json);
    let entries = feed_entries(&public);
    assert!(checkins.len() <= 50, "the feed carries 50");
    assert_eq!(entries.len(), checkins.len());
    let bodies: BTreeSet<&str> = entries.iter().map(|e| e.2.as_str()).collect();
    assert_eq!(bodies.len(), entries.len(), "no two entries say the same");
    let ids: BTreeSet<&str> = entries.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(ids.len(), entries.len());
    // The weekly check-in updates five key results of three objectives: one entry lists
    // them all, each linked.
    let weekly = entries
        .iter()
        .find(|e| e.0.ends_with("#checkins/2024-05-17-weekly.md"))
        .expect("the weekly check-in's entry");
    for kr in ["#kr-uptime", "#kr-phone-support", "#kr-self-renewal"] {
        assert!(weekly.2.contains(kr), "{kr} in {}", weekly.2);
    }
    // With base_url, every link and id is absolute.
    for (id, link, _) in &entries {
        assert!(
            id.starts_with("https://okr.teebee.example/feed.xml#"),
            "{id}"
        );
        assert!(
            link.starts_with("https://okr.teebee.example/objectives/"),
            "{link}"
        );
    }
}

#[test]
fn search_has_one_checkin_record_per_checkin_by_its_authors_name() {
    let (out, json) = built(&sample("teebee"));
    let public = out.path().join("public");
    let records = search_records(&public);
    let checkins: Vec<&Value> = records.iter().filter(|r| r[0] == 4).collect();
    assert!(!checkins.is_empty());
    assert!(checkins.len() <= distinct_checkins(&json).len());
    let texts: BTreeSet<&str> = checkins.iter().map(|r| r[2].as_str().unwrap()).collect();
    assert_eq!(
        texts.len(),
        checkins.len(),
        "no two check-in records say the same"
    );
    let person_ids: BTreeSet<&str> = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    let authors: BTreeSet<&str> = checkins.iter().map(|r| r[4].as_str().unwrap()).collect();
    assert!(authors.contains("王芳"), "{authors:?}");
    assert!(authors.is_disjoint(&person_ids), "{authors:?}");
    // Bold text in a note adds no space: "**续约率 45%**：" reads "续约率 45%：".
    assert!(
        texts.iter().any(|t| t.contains("续约率 45%：续约提醒邮件")),
        "{texts:?}"
    );
    // Free pages are indexed, and the search page labels their kind.
    assert!(
        records
            .iter()
            .any(|r| r[0] == 5 && r[1] == "我们如何制定OKR"),
        "a page record"
    );
    let search = read(&public, "search/index.html");
    assert!(search.contains("data-kind-page=\"页面\""), "{search}");
    let script = read(&public, "search.js");
    assert!(
        script.contains(
            "var KINDS = [\"objective\", \"key_result\", \"person\", \"team\", \"checkin\", \"page\"];"
        ),
        "record kind 5 is a page in search.js"
    );
}

#[test]
fn csv_current_is_a_number_and_done_is_true_or_false() {
    let (out, json) = built(&sample("teebee"));
    let bytes = std::fs::read(out.path().join("public/okrs.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (current, done, metric, id) = (
        column("current"),
        column("done"),
        column("metric"),
        column("key_result_id"),
    );
    assert_eq!(done, current + 1);
    let mut milestones = 0;
    for row in reader.records() {
        let row = row.unwrap();
        let kr = key_result(&json, &row[id]);
        assert_eq!(row[done], kr["done"].to_string(), "{}", &row[id]);
        if &row[metric] == "milestone" {
            milestones += 1;
            assert_eq!(&row[current], "", "{}", &row[id]);
            assert_eq!(kr["current"], kr["done"], "JSON keeps SPEC 6's true/false");
        } else {
            assert!(row[current].parse::<f64>().is_ok(), "{}", &row[current]);
            assert!(kr["current"].is_number());
        }
    }
    assert!(milestones > 0, "the sample has milestones");
}

#[test]
fn json_done_is_a_boolean_on_every_key_result_and_extra_fields_are_kept() {
    let json = built_json(&sample("acme"), &[]);
    for objective in json["objectives"].as_array().unwrap() {
        assert!(objective.get("extra").is_some(), "{}", objective["id"]);
        for kr in objective["key_results"].as_array().unwrap() {
            assert!(kr["done"].is_boolean(), "{}", kr["id"]);
            let met = kr["progress"].as_f64().unwrap() >= 1.0 - 1e-9;
            if kr["metric"] != "milestone" {
                assert_eq!(kr["done"], met, "{}", kr["id"]);
            }
        }
    }
    assert_eq!(
        objective(&json, "web-onboarding-q2")["extra"],
        serde_json::json!({
            "jira_epic": "WEB-142",
            "slack_channel": "#onboarding",
            "design_doc": "https://wiki.acme.example/web/onboarding-2024"
        })
    );
    assert_eq!(objective(&json, "acme-2024")["extra"], Value::Null);
}

#[test]
fn show_extra_puts_the_named_fields_on_the_objective_page_escaped() {
    let site = Site::new("title: T\nshow_extra: [budget, 负责人, missing]\n");
    site.file(
        "objectives/o.md",
        "---\ntitle: O\nperiod: 2024-Q2\nextra:\n  负责人: \"<b>李四</b>\"\n  budget: 20000\n  hidden: secret\n  tags: [a, b]\nkey_results:\n  - { title: K, target: 1, owner: x }\n---\n",
    );
    let (run, out) = build_into_temp(site.path(), &[], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = read(&out.path().join("public"), "objectives/o/index.html");
    let shown = page
        .split("<dl class=\"card\">")
        .nth(1)
        .and_then(|s| s.split("</dl>").next())
        .expect("the extra fields' list");
    let pairs: String = shown.split_whitespace().collect();
    assert_eq!(
        pairs,
        "<dt>budget</dt><dd>20000</dd><dt>负责人</dt><dd>&lt;b&gt;李四&lt;/b&gt;</dd>"
    );
    assert!(!page.contains("secret"));
    // Without show_extra, no list.
    let plain = Site::new("title: T\n");
    plain.file(
        "objectives/o.md",
        "---\ntitle: O\nperiod: 2024-Q2\nextra: { budget: 20000 }\n---\n",
    );
    let (_, out) = build_into_temp(plain.path(), &[], &[]);
    let page = read(&out.path().join("public"), "objectives/o/index.html");
    assert!(!page.contains("extra-fields"));
}

#[test]
fn without_base_url_feed_links_are_relative_ids_are_uris_and_check_warns() {
    let site = teebee_with(|yaml| {
        yaml.replace("title: TeeBee OKR", "title: 茶叶 OKR")
            .replace("lints:\n", "lints:\n  feed-base-url: warn\n")
    });
    let (run, out) = build_into_temp(site.path(), &[], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let public = out.path().join("public");
    let feed = read(&public, "feed.xml");
    assert!(
        feed.contains("<id>tag:okrs,2024:%E8%8C%B6%E5%8F%B6-okr</id>"),
        "{feed}"
    );
    assert!(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"feed.xml\"/>"));
    for (id, link, _) in feed_entries(&public) {
        assert!(
            id.starts_with("tag:okrs,2024:%E8%8C%B6%E5%8F%B6-okr#"),
            "{id}"
        );
        assert!(
            id.is_ascii() && !id.contains([' ', '<', '>', '"']),
            "{id} is a URI"
        );
        assert!(link.starts_with("objectives/"), "{link}");
    }
    // Turned on, the lint warns; off by default, it says nothing.
    let (_, diags) = site.check(&[]);
    let warned = only(&diags, "okrs.yaml", "feed-base-url");
    assert_eq!((warned.line, warned.severity.as_str()), (1, "warning"));
    let quiet = |diags: &[Diag]| diags.iter().all(|d| d.rule != "feed-base-url");
    let (_, diags) = check(&sample("teebee"), &[]);
    assert!(quiet(&diags), "{}", listing(&diags));
    // With base_url, or without check-ins (an empty feed), no warning even when denied.
    let published = teebee_with(|yaml| {
        format!("{yaml}base_url: https://okr.teebee.example/\n")
            .replace("lints:\n", "lints:\n  feed-base-url: deny\n")
    });
    let (code, diags) = published.check(&[]);
    assert!(quiet(&diags) && code == 0, "{}", listing(&diags));
    let empty = Site::new("title: T\nlints: { feed-base-url: deny }\n");
    empty.file("objectives/o.md", "---\ntitle: O\nperiod: 2024-Q2\n---\n");
    let (code, diags) = empty.check(&[]);
    assert!(quiet(&diags) && code == 0, "{}", listing(&diags));
}
