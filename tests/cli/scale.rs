//! Pages stay light at company scale (docs/format.md#pages-at-company-scale): on a generated site of the issue-8 shape
//! (a team tree, yearly company objectives with the quarterly ones aligned under them),
//! plus a team with hundreds of objectives and a company objective with hundreds of
//! children, no list on any page has more than 200 items, every page is reachable by its
//! links (so every item of a cut list is, through the pagination links), and the
//! dashboard, team and alignment pages do not grow with the site.

use crate::support::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// The most items a list may show on one page.
const MOST: usize = 200;
/// How many objectives the big team owns and the wide objective has aligned to it.
const BIG: usize = 300;

/// A site of `n` quarterly objectives (each with one key result; a third at risk, half
/// without check-ins, so due), n/25 teams (more than a page shows, at both sizes the test
/// builds), n/5 people, n/100 yearly company objectives.
fn scale_site(n: usize) -> Site {
    let site = Site::new("title: Scale\nlanguage: en\nas_of: 2024-05-20\n");
    site.file(
        "org.md",
        "---\nname: Scale Inc.\nmission: Stay light\nstrategies:\n  - { id: grow, title: Grow }\n---\n",
    );
    let (teams, people, company) = (n / 25, n / 5, n / 100);
    for t in 0..teams {
        let parent = match t {
            0 => String::new(),
            1..=10 => "parent: team-0\n".to_owned(),
            _ => format!("parent: team-{}\n", 1 + t % 10),
        };
        site.file(
            &format!("teams/team-{t}.md"),
            format!("---\nname: Team {t}\n{parent}---\n"),
        );
    }
    site.file("teams/big.md", "---\nname: Big team\nparent: team-1\n---\n");
    for p in 0..people {
        site.file(
            &format!("people/person-{p}.md"),
            format!("---\nname: Person {p}\nteam: team-{}\n---\n", p % teams),
        );
    }
    for c in 0..company {
        site.file(
            &format!("objectives/company-{c}.md"),
            format!("---\nid: company-{c}\ntitle: Company goal {c}\nperiod: 2024\naligns_to: grow\n---\n"),
        );
    }
    site.file(
        "objectives/wide.md",
        "---\nid: wide\ntitle: The wide company goal\nperiod: 2024\naligns_to: grow\n---\n",
    );
    for o in 0..n {
        let team = if (BIG..2 * BIG).contains(&o) {
            "big".to_owned()
        } else {
            format!("team-{}", o % teams)
        };
        let parent = if o < BIG {
            "wide".to_owned()
        } else {
            format!("company-{}", o % company)
        };
        let mut text = format!(
            "---\nid: obj-{o}\ntitle: Objective {o}\nperiod: 2024-Q2\nteam: {team}\nowner: person-{}\naligns_to: {parent}\nkey_results:\n",
            o % people
        );
        let _ = writeln!(
            text,
            "  - {{ id: users, title: Users of {o}, metric: increase, start: 0, target: 100 }}\n---"
        );
        site.file(&format!("objectives/obj-{o}.md"), text);
        if o % 2 == 0 {
            site.file(
                &format!("checkins/obj-{o}.md"),
                format!(
                    "---\ndate: 2024-05-15\nupdates:\n  - {{ kr: obj-{o}/users, value: 40, confidence: {} }}\n---\n",
                    if o % 3 == 0 { 2 } else { 7 }
                ),
            );
        }
    }
    site
}

/// Every HTML page of a built site, by path relative to it.
fn html_pages(out: &Path) -> BTreeMap<String, String> {
    read_tree(out)
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "html"))
        .map(|(path, bytes)| {
            let rel = path.to_string_lossy().replace('\\', "/");
            (rel, String::from_utf8(bytes).expect("pages are UTF-8"))
        })
        .collect()
}

/// The items of each list (`<ul>`, `<ol>`, `<tbody>`) of a page, the largest first.
fn list_sizes(html: &str) -> Vec<usize> {
    let mut open: Vec<usize> = Vec::new();
    let mut sizes = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        match name.as_str() {
            "ul" | "ol" | "tbody" => open.push(0),
            "/ul" | "/ol" | "/tbody" => sizes.extend(open.pop()),
            "li" | "tr" => {
                if let Some(n) = open.last_mut() {
                    *n += 1;
                }
            }
            _ => {}
        }
    }
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    sizes
}

/// The local pages a page links to, as paths relative to the site.
fn links(from: &str, html: &str) -> Vec<String> {
    let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|href| href.ends_with("index.html") || href.contains("index.html#"))
        .map(|href| {
            let href = href.split('#').next().unwrap_or(href);
            let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
            for part in href.split('/') {
                match part {
                    ".." => {
                        parts.pop();
                    }
                    "." | "" => {}
                    p => parts.push(p),
                }
            }
            parts.join("/")
        })
        .collect()
}

/// Every page reached by following links from the dashboard.
fn reachable(pages: &BTreeMap<String, String>) -> BTreeSet<String> {
    let mut seen = BTreeSet::from(["index.html".to_owned()]);
    let mut todo = vec!["index.html".to_owned()];
    while let Some(page) = todo.pop() {
        let Some(html) = pages.get(&page) else {
            continue;
        };
        for link in links(&page, html) {
            if seen.insert(link.clone()) {
                todo.push(link);
            }
        }
    }
    seen
}

/// The pages of a list, following its "next" links from its first page.
fn list_chain<'p>(pages: &'p BTreeMap<String, String>, first: &str) -> Vec<&'p str> {
    let mut chain = Vec::new();
    let mut at = first.to_owned();
    loop {
        let html = pages.get(&at).unwrap_or_else(|| panic!("{at} exists"));
        chain.push(html.as_str());
        let next = html
            .split("href=\"")
            .skip(1)
            .find(|s| s.contains("rel=\"next\""))
            .and_then(|s| s.split('"').next());
        match next {
            Some(href) => at = links(&at, &format!("href=\"{href}\""))[0].clone(),
            None => return chain,
        }
    }
}

/// How many times each objective page is linked to from these pages.
fn objectives_linked(chain: &[&str]) -> BTreeSet<String> {
    chain
        .iter()
        .flat_map(|html| html.split("objectives/").skip(1))
        .filter_map(|s| s.split('/').next())
        .filter(|id| id.starts_with("obj-"))
        .map(str::to_owned)
        .collect()
}

fn build(n: usize) -> (tempfile::TempDir, BTreeMap<String, String>) {
    let site = scale_site(n);
    let (run, out) = build_into_temp(site.path(), &[], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pages = html_pages(&out.path().join("public"));
    (out, pages)
}

#[test]
fn pages_stay_light_and_every_item_is_reachable() {
    let (_small_out, small) = build(1500);
    let (_large_out, large) = build(3000);

    for (path, html) in &large {
        let most = list_sizes(html).first().copied().unwrap_or(0);
        assert!(most <= MOST, "{path}: a list of {most} items");
    }
    // Every page is linked from another, so every item of a cut list is reachable.
    let reached = reachable(&large);
    let unreached: Vec<&String> = large
        .keys()
        .filter(|p| !reached.contains(*p) && p.as_str() != "404.html")
        .collect();
    assert!(
        unreached.is_empty(),
        "{} pages not linked from any page, such as {:?}",
        unreached.len(),
        &unreached[..unreached.len().min(10)]
    );

    // The full lists hold every item: the big team's objectives, the period's objectives,
    // and everything aligned to the wide objective.
    let big_team = list_chain(&large, "teams/big/objectives/index.html");
    assert_eq!(big_team.len(), 2, "300 objectives, 200 a page");
    let expected: BTreeSet<String> = (BIG..2 * BIG).map(|o| format!("obj-{o}")).collect();
    assert_eq!(objectives_linked(&big_team), expected);
    let period = list_chain(&large, "periods/2024-Q2/objectives/index.html");
    assert_eq!(period.len(), 15);
    assert_eq!(objectives_linked(&period).len(), 3000);
    let wide = list_chain(&large, "alignment/wide/index.html");
    let expected: BTreeSet<String> = (0..BIG).map(|o| format!("obj-{o}")).collect();
    assert_eq!(objectives_linked(&wide), expected);
    assert!(large["objectives/wide/index.html"].contains("All 300 aligned to it"));

    // The summaries do not grow with the site.
    for page in [
        "index.html",
        "periods/2024-Q2/index.html",
        "teams/team-0/index.html",
        "teams/big/index.html",
        "alignment/index.html",
        "people/index.html",
    ] {
        let (a, b) = (small[page].len(), large[page].len());
        assert!(
            b * 10 <= a * 11,
            "{page}: {a} bytes at 1,500 objectives, {b} at 3,000"
        );
    }
}

#[test]
fn an_objective_with_two_parents_is_shown_once_and_linked_from_its_other_place() {
    let site = Site::new("title: Two parents\nlanguage: en\nas_of: 2024-05-20\n");
    site.file(
        "org.md",
        "---\nname: Org\nmission: M\nstrategies:\n  - { id: grow, title: Grow }\n---\n",
    );
    for (id, aligns) in [("a", "grow"), ("b", "grow"), ("c", "[a, b]"), ("d", "c")] {
        site.file(
            &format!("objectives/{id}.md"),
            format!(
                "---\ntitle: Objective {id}\nperiod: 2024-Q2\naligns_to: {aligns}\nkey_results:\n  - {{ title: k, target: 10 }}\n---\n"
            ),
        );
    }
    let (run, out) = build_into_temp(site.path(), &[], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pages = html_pages(&out.path().join("public"));
    let tree = &pages["alignment/index.html"];
    // c in full once, under a, with d below it; under b one row linking there.
    assert_eq!(tree.matches("id=\"o-c\"").count(), 1);
    assert_eq!(tree.matches("id=\"o-d\"").count(), 1);
    assert_eq!(
        tree.matches("class=\"trow-seen\" href=\"../alignment/index.html#o-c\"")
            .count(),
        1
    );
    assert_eq!(tree.matches("Objective d").count(), 1, "d is not repeated");
    assert!(tree.find("id=\"o-a\"") < tree.find("id=\"o-c\""));
    assert!(tree.find("id=\"o-c\"") < tree.find("id=\"o-b\""));
    // Both parents list it, and it lists both.
    let c = &pages["objectives/c/index.html"];
    assert!(
        c.contains("../../objectives/a/index.html") && c.contains("../../objectives/b/index.html")
    );
    for parent in ["a", "b"] {
        assert!(
            pages[&format!("objectives/{parent}/index.html")]
                .contains("../../objectives/c/index.html")
        );
    }
}
