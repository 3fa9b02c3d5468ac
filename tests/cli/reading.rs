//! The site as a person reads it (issue 10, "Reading it as a person"): the order of the
//! dashboard, and the starter site of `okrs init` naming only what it has.

use crate::support::*;

/// A one-quarter site whose teams sort differently by name and by tree: the company's
/// team "Zeta Corp" is the root; under it "Beta" (with the sub-team "Aardvark") and
/// "Alpha". Each team has one objective; one objective has no team.
fn tree_site() -> Site {
    let site = Site::new("title: Zeta\nas_of: 2024-05-01\n");
    for (id, name, parent) in [
        ("zeta", "Zeta Corp", None),
        ("beta", "Beta", Some("zeta")),
        ("alpha", "Alpha", Some("zeta")),
        ("aardvark", "Aardvark", Some("beta")),
    ] {
        let parent = parent.map(|p| format!("parent: {p}\n")).unwrap_or_default();
        site.file(
            &format!("teams/{id}.md"),
            format!("---\nname: {name}\n{parent}---\n"),
        );
    }
    for (id, team) in [
        ("a-aardvark", Some("aardvark")),
        ("b-alpha", Some("alpha")),
        ("c-beta", Some("beta")),
        ("d-none", None),
        ("e-zeta", Some("zeta")),
    ] {
        let team = team.map(|t| format!("team: {t}\n")).unwrap_or_default();
        site.file(
            &format!("objectives/{id}.md"),
            format!(
                "---\ntitle: Objective {id}\nperiod: 2024-Q2\n{team}key_results:\n  - id: kr\n    title: Ship it\n    target: 10\n---\n"
            ),
        );
    }
    site
}

/// The positions of `needles` in `page`, which must hold each of them.
fn positions(page: &str, needles: &[&str]) -> Vec<usize> {
    needles
        .iter()
        .map(|n| page.find(n).unwrap_or_else(|| panic!("{n} on the page")))
        .collect()
}

fn assert_increasing(at: &[usize], what: &str) {
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "{what} in order: {at:?}"
    );
}

#[test]
fn the_dashboard_reads_the_team_tree_top_down() {
    let site = tree_site();
    let (run, out) = build_into_temp(site.path(), &[], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for page in ["public/index.html", "public/periods/2024-Q2/index.html"] {
        let html = std::fs::read_to_string(out.path().join(page)).unwrap();
        let (objectives, teams) = html.split_once("id=\"teams-heading\"").unwrap();
        // The company's objective first, then each team before its sub-teams, siblings
        // by name (Alpha, Beta, then Beta's Aardvark), the objective without a team last.
        assert_increasing(
            &positions(
                objectives
                    .split_once("id=\"objectives-heading\"")
                    .unwrap()
                    .1,
                &[
                    "objectives/e-zeta/",
                    "objectives/b-alpha/",
                    "objectives/c-beta/",
                    "objectives/a-aardvark/",
                    "objectives/d-none/",
                ],
            ),
            "the objectives",
        );
        assert_increasing(
            &positions(
                teams,
                &[
                    "teams/zeta/",
                    "teams/alpha/",
                    "teams/beta/",
                    "teams/aardvark/",
                ],
            ),
            "the team rollups",
        );
        // The team chart too (the text of its rows, before the data table).
        let chart = objectives.rsplit_once("chart-bars").unwrap().1;
        assert_increasing(
            &positions(chart, &[">Zeta Corp<", ">Alpha<", ">Beta<", ">Aardvark<"]),
            "the team chart's rows",
        );
    }
}

/// The rules of the built stylesheet's `@media print` blocks: (selectors, declarations).
fn print_rules(css: &str) -> Vec<(Vec<String>, String)> {
    let mut rules = Vec::new();
    let mut rest = css;
    while let Some(at) = rest.find("@media print {") {
        let body = &rest[at + "@media print {".len()..];
        let (mut depth, mut start, mut end) = (1, 0, body.len());
        let mut selectors = String::new();
        for (i, c) in body.char_indices() {
            match c {
                '{' => {
                    depth += 1;
                    selectors = body[start..i].to_string();
                    start = i + 1;
                }
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = i;
                        break;
                    }
                    let list = selectors
                        .rsplit("*/")
                        .next()
                        .unwrap_or_default()
                        .split(',')
                        .map(|s| s.trim().to_string())
                        .collect();
                    rules.push((list, body[start..i].to_string()));
                    start = i + 1;
                }
                _ => {}
            }
        }
        rest = &body[end..];
    }
    rules
}

#[test]
fn printed_pages_break_between_small_blocks_not_around_big_ones() {
    let (run, out) = build_into_temp(&sample("acme"), &[], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let css = std::fs::read_to_string(out.path().join("public/style.css")).unwrap();
    let rules = print_rules(&css);
    assert!(rules.len() > 20, "the print rules are read: {rules:?}");
    let kept_whole: Vec<&str> = rules
        .iter()
        .filter(|(_, decls)| decls.contains("break-inside: avoid"))
        .flat_map(|(selectors, _)| selectors.iter().map(String::as_str))
        .collect();
    // A big block kept whole moves to the next page and leaves this one half blank: the
    // objective's chart card, a key result with its check-in history, the mission.
    for big in [
        ".card",
        ".kr",
        "figure",
        ".org",
        ".overview",
        ".report-grid",
        ".checkin-list",
    ] {
        assert!(!kept_whole.contains(&big), "{big} may break in print");
    }
    for small in [
        ".ocard",
        ".risk",
        ".checkin",
        ".chart-svg",
        ".kr-head",
        ".summary",
        ".data-table tr",
    ] {
        assert!(
            kept_whole.contains(&small),
            "{small} is kept whole in print"
        );
    }
    // A heading stays with what follows it, a key result's heading with its figures.
    let kept_with_next: Vec<&str> = rules
        .iter()
        .filter(|(_, decls)| decls.contains("break-after: avoid"))
        .flat_map(|(selectors, _)| selectors.iter().map(String::as_str))
        .collect();
    for head in ["h2", ".section-title", ".kr-head"] {
        assert!(
            kept_with_next.contains(&head),
            "{head} stays with what follows"
        );
    }
    // Tables stay tables on paper: the stacked-card layout of narrow screens is for
    // screens only (a printed page is as narrow as a tablet).
    let narrow = css
        .split("@media ")
        .filter(|block| block.contains(".data-table thead {"))
        .map(|block| block.lines().next().unwrap_or_default())
        .collect::<Vec<_>>();
    assert_eq!(narrow, ["screen and (max-width: 48rem) {"]);
}
