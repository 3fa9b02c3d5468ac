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

/// Every id of a built site: periods, teams, people, objectives and key results (full ids).
fn site_ids(json: &serde_json::Value) -> Vec<String> {
    let list = |key: &str| json[key].as_array().cloned().unwrap_or_default();
    let mut ids: Vec<String> = ["periods", "teams", "people", "objectives"]
        .iter()
        .flat_map(|&key| list(key))
        .filter_map(|x| x["id"].as_str().map(str::to_owned))
        .collect();
    for o in list("objectives") {
        for kr in o["key_results"].as_array().into_iter().flatten() {
            ids.extend(kr["id"].as_str().map(str::to_owned));
        }
    }
    ids
}

/// What a page names that could be an id: its code spans, and in its command examples
/// the key result of `okrs new checkin` and the values of `--team` and `--period`.
/// Paths (`org.md`, `teams/`), fields (`id:`), options, commands and placeholders
/// (`OBJECTIVE/KR`, `TEAM`: capitals only; `团队id`: not ASCII) are left out.
fn named_ids(markdown: &str) -> Vec<String> {
    let mut words = Vec::new();
    for (i, block) in markdown.split("```").enumerate() {
        if i % 2 == 1 {
            let tokens: Vec<&str> = block.split_whitespace().collect();
            for pair in tokens.windows(2) {
                if matches!(pair[0], "checkin" | "--team" | "--period") {
                    words.push(pair[1].to_owned());
                }
            }
        } else {
            words.extend(block.split('`').skip(1).step_by(2).map(str::to_owned));
        }
    }
    words.retain(|w| {
        let placeholder = !w.is_ascii()
            || !w
                .chars()
                .any(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        !(placeholder || w.contains(['.', ' ']) || w.ends_with(['/', ':']) || w.starts_with('-'))
    });
    words
}

#[test]
fn the_starter_pages_name_only_ids_the_new_site_has() {
    for language in ["en", "zh-CN"] {
        let dir = tempfile::TempDir::new().unwrap();
        let site = dir.path().join("my-okrs");
        let site_arg = site.to_str().unwrap();
        let init = run(&["init", site_arg, "--language", language], &[]);
        assert_eq!(init.code, 0, "{}", init.stderr);
        let pages = std::fs::read_dir(site.join("pages")).unwrap();
        let mut named = Vec::new();
        for page in pages {
            let text = std::fs::read_to_string(page.unwrap().path()).unwrap();
            named.extend(named_ids(&text));
        }
        // The example is there to be replaced, so the page names none of its ids (it
        // writes placeholders), but its command names the new site's quarter.
        let json = built_json(&site, &[]);
        assert_eq!(
            named,
            [json["periods"][0]["id"].as_str().unwrap()],
            "{language}"
        );
        let ids = site_ids(&json);
        for id in &named {
            assert!(
                ids.contains(id),
                "{language}: the new site has {id}: {ids:?}"
            );
        }
    }
}
