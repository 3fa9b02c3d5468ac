//! `okrs serve` rebuilds from the paths the watcher names (docs/serve.md, "What happens
//! on a save"): each kind of change — an edit, a file added, deleted or renamed, a folder
//! renamed, a template — shows in every page and file it changes, not only in the page
//! of the file that changed.

use crate::serve::{get, start, wait_for};

/// The check-ins of the key result `teebee-o1/renewal` in okrs.json, by `source`, and its
/// current value.
fn renewal(okrs_json: &str) -> (Vec<String>, f64) {
    let json: serde_json::Value = serde_json::from_str(okrs_json).expect("okrs.json parses");
    let objective = json["objectives"]
        .as_array()
        .and_then(|all| all.iter().find(|o| o["id"] == "teebee-o1"))
        .expect("teebee-o1 in okrs.json");
    let kr = &objective["key_results"][0];
    assert_eq!(kr["id"], "teebee-o1/renewal");
    let sources = kr["checkins"]
        .as_array()
        .map(|c| {
            c.iter()
                .filter_map(|c| c["source"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    (sources, kr["current"].as_f64().unwrap_or(f64::NAN))
}

#[test]
fn an_edited_objective_title_shows_on_its_team_page_and_in_okrs_json() {
    let server = start("teebee");
    let team = get(server.port, "/teams/sales/").body;
    assert!(!team.contains("改过的标题"));
    crate::serve::edit(
        &server.site.path().join("objectives/teebee-o1.md"),
        "title: 向餐厅",
        "title: 改过的标题 向餐厅",
    );
    wait_for(
        server.port,
        "/okrs.json",
        "the new title in okrs.json",
        |b| b.contains("改过的标题"),
    );
    for page in [
        "/objectives/teebee-o1/",
        "/teams/sales/",
        "/people/wang-fang/",
    ] {
        assert!(
            get(server.port, page).body.contains("改过的标题"),
            "{page} shows the new title"
        );
    }
}

#[test]
fn a_new_checkin_changes_the_figures_of_the_team_page_and_the_dashboard() {
    let server = start("teebee");
    let team = get(server.port, "/teams/sales/").body;
    let dashboard = get(server.port, "/").body;
    assert!(team.contains("50%") && !team.contains("67%"));
    assert!(dashboard.contains("49%") && !dashboard.contains("57%"));
    let (before, _) = renewal(&get(server.port, "/okrs.json").body);
    std::fs::write(
        server.site.path().join("checkins/2024-05-19-done.md"),
        "---\ndate: 2024-05-19\nauthor: li-si\nkr: teebee-o1/renewal\nvalue: 70\nconfidence: 9\n---\nDone.\n",
    )
    .unwrap();
    let json = wait_for(server.port, "/okrs.json", "the new check-in", |b| {
        renewal(b).0.len() == before.len() + 1
    });
    assert_eq!(renewal(&json).1, 70.0);
    // Objective progress 50% → 67% on the team page; the period's 49% → 57% on the
    // dashboard.
    assert!(get(server.port, "/teams/sales/").body.contains("67%"));
    assert!(get(server.port, "/").body.contains("57%"));
    assert!(
        get(server.port, "/objectives/teebee-o1/")
            .body
            .contains("Done.")
    );
}

#[test]
fn an_objective_added_renamed_and_deleted_comes_and_goes_everywhere() {
    let server = start("teebee");
    let objectives = server.site.path().join("objectives");
    std::fs::write(
        objectives.join("brand-new.md"),
        "---\ntitle: 全新的目标\nperiod: 2024-Q2\nteam: sales\nkey_results:\n  - id: one\n    title: 做完一件事\n    metric: milestone\n---\n",
    )
    .unwrap();
    wait_for(server.port, "/objectives/brand-new/", "the new page", |b| {
        b.contains("全新的目标")
    });
    assert!(
        get(server.port, "/teams/sales/")
            .body
            .contains("全新的目标")
    );
    assert!(
        get(server.port, "/okrs.json")
            .body
            .contains("\"brand-new\"")
    );

    // Its id is its file's name: renamed (into a new folder), it is another objective.
    std::fs::create_dir_all(objectives.join("later")).unwrap();
    std::fs::rename(
        objectives.join("brand-new.md"),
        objectives.join("later/renamed.md"),
    )
    .unwrap();
    // The folder's creation and the rename may reach the server in two batches (the first
    // rebuild can still hold the old path); what must hold is where it settles.
    wait_for(
        server.port,
        "/okrs.json",
        "the renamed objective, the old one gone",
        |b| b.contains("\"renamed\"") && !b.contains("\"brand-new\""),
    );
    assert!(
        get(server.port, "/objectives/renamed/")
            .body
            .contains("全新的目标")
    );
    assert_eq!(get(server.port, "/objectives/brand-new/").status, 404);

    std::fs::remove_file(objectives.join("later/renamed.md")).unwrap();
    wait_for(server.port, "/okrs.json", "the objective gone", |b| {
        !b.contains("\"renamed\"")
    });
    assert_eq!(get(server.port, "/objectives/renamed/").status, 404);
    assert!(
        !get(server.port, "/teams/sales/")
            .body
            .contains("全新的目标")
    );
}

#[test]
fn a_checkin_renamed_or_deleted_and_a_folder_renamed_are_read_again() {
    let server = start("teebee");
    let checkins = server.site.path().join("checkins");
    let (before, current) = renewal(&get(server.port, "/okrs.json").body);
    assert_eq!(current, 55.0);
    assert!(before.contains(&"checkins/2024-05-15-renewal.md".to_owned()));

    std::fs::create_dir_all(checkins.join("may")).unwrap();
    std::fs::rename(
        checkins.join("2024-05-15-renewal.md"),
        checkins.join("may/2024-05-15-renewal.md"),
    )
    .unwrap();
    // The folder's creation and the rename may reach the server in two batches, so the
    // first rebuild can still see the old path; what must hold is where it settles.
    let json = wait_for(
        server.port,
        "/okrs.json",
        "the renamed check-in, counted once",
        |b| {
            let (sources, _) = renewal(b);
            sources.contains(&"checkins/may/2024-05-15-renewal.md".to_owned())
                && sources.len() == before.len()
        },
    );
    assert!(
        !renewal(&json)
            .0
            .contains(&"checkins/2024-05-15-renewal.md".to_owned())
    );

    // A folder renamed: no event names the files in it, yet each is read under its new name.
    std::fs::rename(checkins.join("2024-q1"), checkins.join("first-quarter")).unwrap();
    let json = wait_for(server.port, "/okrs.json", "the renamed folder", |b| {
        b.contains("checkins/first-quarter/") && !b.contains("checkins/2024-q1/")
    });
    assert_eq!(renewal(&json).0.len(), before.len());

    std::fs::remove_file(checkins.join("may/2024-05-15-renewal.md")).unwrap();
    let json = wait_for(server.port, "/okrs.json", "the check-in gone", |b| {
        renewal(b).0.len() == before.len() - 1
    });
    assert_ne!(
        renewal(&json).1,
        55.0,
        "the value is the earlier check-in's"
    );
}

#[test]
fn a_new_template_shows_on_every_page_it_renders() {
    let server = start("teebee");
    std::fs::create_dir_all(server.site.path().join("templates")).unwrap();
    std::fs::write(
        server.site.path().join("templates/page.html"),
        "{% extends \"base.html\" %}{% block content %}<p>TEMPLATE-MARK {{ page.title }}</p>{% endblock %}",
    )
    .unwrap();
    wait_for(server.port, "/pages/how-we-okr/", "the new template", |b| {
        b.contains("TEMPLATE-MARK")
    });
    // Other pages use other templates.
    assert!(!get(server.port, "/").body.contains("TEMPLATE-MARK"));
    std::fs::remove_file(server.site.path().join("templates/page.html")).unwrap();
    wait_for(
        server.port,
        "/pages/how-we-okr/",
        "the built-in template",
        |b| !b.contains("TEMPLATE-MARK"),
    );
}

#[test]
fn an_edit_that_breaks_references_in_other_files_shows_their_errors_until_undone() {
    let server = start("teebee");
    let file = server.site.path().join("objectives/teebee-o1.md");
    let good = std::fs::read_to_string(&file).unwrap();
    // The check-in files that update `teebee-o1/renewal` now name no key result.
    crate::serve::edit(&file, "  - id: renewal\n", "  - id: renewals\n");
    let page = wait_for(server.port, "/objectives/teebee-o2/", "the overlay", |b| {
        b.contains("okrs-overlay")
    });
    assert!(
        page.contains("checkins/2024-04-12-sales.md:"),
        "the overlay names a check-in file that refers to the key result"
    );
    assert!(page.contains("unknown-reference"), "and the rule");
    std::fs::write(&file, good).unwrap();
    wait_for(
        server.port,
        "/objectives/teebee-o2/",
        "the overlay to go",
        |b| !b.contains("okrs-overlay"),
    );
    let (sources, _) = renewal(&get(server.port, "/okrs.json").body);
    assert!(
        sources.iter().any(|s| s == "checkins/2024-04-12-sales.md"),
        "the check-ins are attached again: {sources:?}"
    );
}
