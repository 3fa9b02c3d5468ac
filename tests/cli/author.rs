//! `okrs new objective|checkin|team|person` and `okrs init` (docs/authoring.md): each writes a new,
//! valid file (or a whole starter site), refuses to overwrite, and leaves the site clean.

use serde_json::Value;

use crate::support::*;

const CONFIG: &str = "title: Authoring\nas_of: 2024-05-20\n";

const ORG: &str = "---\nname: Co\nstrategies:\n  - { id: focus, title: Focus }\n---\n";

/// A site with one objective: a number key result and a milestone, as of 2024-05-20.
fn site_with_key_results() -> Site {
    let site = Site::new(CONFIG);
    site.file("org.md", ORG).file(
        "objectives/o1.md",
        "---\ntitle: Win\nperiod: 2024-Q2\nowner: Ann\naligns_to: focus\nkey_results:\n  \
         - { id: renewal, title: Renewal rate reaches 70%, owner: Ann, start: 40, target: 70, unit: \"%\" }\n  \
         - { id: iso, title: ISO certified, owner: Ann, metric: milestone }\n  \
         - { id: calls, title: Calls fall to 200, owner: Ann, start: 400, target: 200 }\n---\n",
    );
    site
}

fn new(site: &Site, args: &[&str]) -> Run {
    let mut all = vec!["new"];
    all.extend_from_slice(args);
    all.push(site.arg());
    run(&all, &[])
}

#[track_caller]
fn assert_ok(run: &Run) {
    assert_eq!(
        run.code, 0,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
}

#[track_caller]
fn assert_no_errors(site: &Site) {
    let (code, diags) = site.check(&[]);
    let errors: Vec<Diag> = diags.into_iter().filter(Diag::is_error).collect();
    assert!(errors.is_empty(), "{}", listing(&errors));
    assert_eq!(code, 0);
}

fn files_under(site: &Site, folder: &str) -> Vec<String> {
    let dir = site.path().join(folder);
    if !dir.exists() {
        return Vec::new();
    }
    read_tree(&dir)
        .into_keys()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect()
}

// ---- new objective ----

#[test]
fn new_objective_writes_a_valid_file_under_its_team() {
    let site = Site::new(CONFIG);
    site.file("org.md", ORG);
    let run = new(
        &site,
        &[
            "objective",
            "--title",
            "Grow revenue in the mid-market",
            "--period",
            "2024-Q2",
            "--team",
            "sales",
            "--owner",
            "Ann Lee",
            "--aligns-to",
            "focus",
        ],
    );
    assert_ok(&run);
    let rel = "objectives/sales/grow-revenue-in-the-mid-market.md";
    assert!(run.stdout.contains(rel), "{}", run.stdout);
    let text = site.read(rel);
    assert!(
        text.starts_with(
            "---\ntitle: \"Grow revenue in the mid-market\"\nperiod: 2024-Q2\n\
             owner: \"Ann Lee\"\nteam: sales\naligns_to: focus\n"
        ),
        "{text}"
    );
    assert!(text.contains("# key_results:"), "{text}");
    assert!(text.contains("## Why this objective"), "{text}");

    let (code, diags) = site.check(&[]);
    assert_eq!(code, 0);
    // Until its key results are written, only objective-empty has something to say.
    assert_eq!(
        diags.iter().map(|d| d.rule.as_str()).collect::<Vec<_>>(),
        ["objective-empty"],
        "{}",
        listing(&diags)
    );
    let json = site.built_json(&[]);
    let o = objective(&json, "grow-revenue-in-the-mid-market");
    assert_eq!(o["title"], "Grow revenue in the mid-market");
    assert_eq!(o["period"], "2024-Q2");
    assert_eq!(o["team"], "sales");
    assert_eq!(o["owner"], "ann-lee");
    assert_eq!(o["aligns_to"], serde_json::json!(["focus"]));
}

#[test]
fn new_objective_without_team_goes_to_objectives_and_hints_at_alignment() {
    let site = Site::new(CONFIG);
    assert_ok(&new(
        &site,
        &["objective", "--title", "Ship it", "--period", "2024"],
    ));
    let text = site.read("objectives/ship-it.md");
    assert!(text.contains("period: 2024\n"), "{text}");
    assert!(text.contains("# aligns_to:"), "{text}");
    assert!(
        !text.contains("\nowner:") && !text.contains("\nteam:"),
        "{text}"
    );
    assert_no_errors(&site);
}

#[test]
fn titles_with_yaml_punctuation_are_quoted_and_read_back_exactly() {
    let site = Site::new(CONFIG);
    let title = "Ship v2: the \"#1\" release # for real, 100% \\ done";
    assert_ok(&new(
        &site,
        &[
            "objective",
            "--title",
            title,
            "--period",
            "2024-Q2",
            "--id",
            "v2",
        ],
    ));
    assert_no_errors(&site);
    let json = site.built_json(&[]);
    assert_eq!(objective(&json, "v2")["title"], title);
    for title in ["- dash first", "* star first", "@at first", "[not a list]"] {
        let run = new(
            &site,
            &["objective", "--title", title, "--period", "2024-Q2"],
        );
        assert_ok(&run);
    }
    assert_no_errors(&site);
    let json = site.built_json(&[]);
    assert_eq!(objective(&json, "dash-first")["title"], "- dash first");
    assert_eq!(objective(&json, "not-a-list")["title"], "[not a list]");
}

#[test]
fn a_chinese_title_gives_a_short_numbered_id_and_chinese_headings() {
    let site = Site::new("title: 中文站点\nlanguage: zh-CN\nas_of: 2024-05-20\n");
    let run = new(
        &site,
        &[
            "objective",
            "--title",
            "提高客户满意度：NPS 达到 50",
            "--period",
            "2024-Q2",
            "--team",
            "销售部",
        ],
    );
    assert_ok(&run);
    // The team's folder keeps its Chinese name; the id, in every URL, is short ASCII
    // (a Chinese team id is left out of it).
    let rel = "objectives/销售部/2024-q2-o1.md";
    let text = site.read(rel);
    assert!(
        text.contains("title: \"提高客户满意度：NPS 达到 50\"\n"),
        "{text}"
    );
    assert!(text.contains("team: 销售部\n"), "{text}");
    assert!(text.contains("## 为什么是这个目标"), "{text}");
    assert!(run.stdout.contains("id：2024-q2-o1"), "{}", run.stdout);
    assert!(run.stdout.contains("--id"), "{}", run.stdout);
    assert_no_errors(&site);
    let json = site.built_json(&[]);
    assert_eq!(
        objective(&json, "2024-q2-o1")["title"],
        "提高客户满意度：NPS 达到 50"
    );
}

const ZH_CONFIG: &str = "title: 中文站点\nlanguage: zh-CN\nas_of: 2024-05-20\n";

const ZH_ORG: &str = "---\nname: 公司\nstrategies:\n  - { id: focus, title: 聚焦 }\n---\n";

/// `okrs new objective --title TITLE --period PERIOD [--team TEAM]`, which must succeed.
fn write_objective(site: &Site, title: &str, period: &str, team: Option<&str>) -> Run {
    let mut args = vec!["objective", "--title", title, "--period", period];
    if let Some(team) = team {
        args.extend(["--team", team]);
    }
    let run = new(site, &args);
    assert_ok(&run);
    run
}

#[test]
fn chinese_titles_are_numbered_within_their_team_and_period() {
    let site = Site::new(ZH_CONFIG);
    site.file("org.md", ZH_ORG)
        .file(
            "objectives/sales/renewals.md",
            "---\ntitle: Renewals\nperiod: 2024-Q2\nteam: sales\naligns_to: focus\n---\n",
        )
        // It has the id the next one would get: that number is skipped.
        .file(
            "objectives/sales/mine.md",
            "---\nid: sales-2024-q2-o3\ntitle: 我的\nperiod: 2024-Q3\nteam: sales\naligns_to: focus\n---\n",
        );
    // The second objective of sales in 2024-Q2: o2.
    let title = "提高续约率，让老客户愿意继续使用我们的产品";
    let run = write_objective(&site, title, "2024-Q2", Some("sales"));
    assert!(
        run.stdout.contains("已写入 ")
            && run.stdout.contains("objectives/sales/sales-2024-q2-o2.md"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "id：sales-2024-q2-o2，由于标题生成的文件名会太长，按周期 2024-Q2 编号\
             （想换一个：在有其他文件引用它之前重命名这个文件，或用 --id 指定）"
        ),
        "{}",
        run.stdout
    );
    // The third would be o3, which is taken: o4.
    write_objective(&site, "开拓新市场", "2024-Q2", Some("sales"));
    assert!(
        site.path()
            .join("objectives/sales/sales-2024-q2-o4.md")
            .is_file()
    );
    // Other periods and teams count on their own; without a team, no prefix.
    write_objective(&site, "开拓新市场", "2024-Q3", Some("sales"));
    assert!(
        site.path()
            .join("objectives/sales/sales-2024-q3-o2.md")
            .is_file()
    );
    write_objective(&site, "开拓新市场", "2024", None);
    assert!(site.path().join("objectives/2024-o1.md").is_file());
    // --id chooses another, and nothing is said about it; an ASCII title keeps its words.
    let run = new(
        &site,
        &[
            "objective",
            "--title",
            "开拓新市场",
            "--period",
            "2024",
            "--id",
            "new-markets",
        ],
    );
    assert_ok(&run);
    assert!(site.path().join("objectives/new-markets.md").is_file());
    assert!(!run.stdout.contains("id："), "{}", run.stdout);
    let run = write_objective(&site, "Grow revenue", "2024-Q2", Some("sales"));
    assert!(
        run.stdout.contains("id：grow-revenue，由标题生成"),
        "{}",
        run.stdout
    );
    assert_no_errors(&site);
    let json = site.built_json(&[]);
    assert_eq!(objective(&json, "sales-2024-q2-o2")["title"], title);
}

#[test]
fn a_numbered_id_is_carried_into_the_next_period_by_its_number() {
    let site = Site::new(ZH_CONFIG);
    site.file("org.md", ZH_ORG);
    write_objective(&site, "提高续约率", "2024-Q1", Some("sales"));
    let run = carry(&site, "sales-2024-q1-o1", &[]);
    assert_ok(&run);
    assert!(
        site.path()
            .join("objectives/sales/sales-2024-q2-o1.md")
            .is_file(),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("已将「sales-2024-q1-o1」延续到 2024-Q2：它自己没有关键结果"),
        "{}",
        run.stdout
    );
    // A new objective of that period then takes the next number.
    write_objective(&site, "开拓新市场", "2024-Q2", Some("sales"));
    assert!(
        site.path()
            .join("objectives/sales/sales-2024-q2-o2.md")
            .is_file()
    );
}

#[test]
fn new_objective_never_overwrites_a_file_or_reuses_an_id() {
    let site = Site::new(CONFIG);
    site.file("objectives/ship-it.md", "mine, not a template");
    let run = new(
        &site,
        &["objective", "--title", "Ship it", "--period", "2024-Q2"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("error: "), "{}", run.stderr);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert_eq!(site.read("objectives/ship-it.md"), "mine, not a template");

    // The same id in another folder, or given by `id:`, is taken too.
    let site = Site::new(CONFIG);
    site.file(
        "objectives/eng/other.md",
        "---\nid: ship-it\ntitle: Other\nperiod: 2024-Q2\n---\n",
    );
    let run = new(
        &site,
        &[
            "objective",
            "--title",
            "Ship it",
            "--period",
            "2024-Q2",
            "--team",
            "sales",
        ],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("objectives/eng/other.md"),
        "{}",
        run.stderr
    );
    assert!(files_under(&site, "objectives/sales").is_empty());

    // A strategy's id is taken as well: they share the namespace.
    let site = Site::new(CONFIG);
    site.file("org.md", ORG);
    let run = new(
        &site,
        &["objective", "--title", "Focus", "--period", "2024-Q2"],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("strategy"), "{}", run.stderr);
}

#[test]
fn an_unknown_period_or_alignment_is_refused_with_a_hint() {
    let site =
        Site::new("title: T\nperiods:\n  - { id: FY2024, start: 2024-02-01, end: 2025-01-31 }\n");
    site.file("org.md", ORG);
    let run = new(
        &site,
        &["objective", "--title", "Grow", "--period", "2024-q2"],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("did you mean '2024-Q2'?"),
        "{}",
        run.stderr
    );
    let run = new(
        &site,
        &["objective", "--title", "Grow", "--period", "FY2042"],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("FY2024"), "{}", run.stderr);
    let run = new(
        &site,
        &[
            "objective",
            "--title",
            "Grow",
            "--period",
            "FY2024",
            "--aligns-to",
            "focs",
        ],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("did you mean 'focus'?"),
        "{}",
        run.stderr
    );
    assert!(files_under(&site, "objectives").is_empty());

    // A custom period of okrs.yaml is a period.
    let run = new(
        &site,
        &["objective", "--title", "Grow", "--period", "FY2024"],
    );
    assert_ok(&run);
    assert!(site.read("objectives/grow.md").contains("period: FY2024\n"));
}

#[test]
fn a_title_with_no_usable_name_needs_an_id() {
    let site = Site::new(CONFIG);
    let run = new(&site, &["objective", "--title", "!!!", "--period", "2024"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--id"), "{}", run.stderr);
    let run = new(
        &site,
        &[
            "objective",
            "--title",
            "!!!",
            "--period",
            "2024",
            "--id",
            "bang",
        ],
    );
    assert_ok(&run);
    assert!(site.read("objectives/bang.md").contains("title: \"!!!\""));
}

#[test]
fn new_outside_a_site_is_wrong_usage_and_suggests_init() {
    let empty = Site::empty();
    for args in [
        &["objective", "--title", "T", "--period", "2024"][..],
        &["checkin", "o/kr", "--value", "1"],
        &["team", "sales", "--name", "Sales"],
        &["person", "ann", "--name", "Ann"],
    ] {
        let run = new(&empty, args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains("okrs init"), "{}", run.stderr);
    }
    assert!(read_tree(empty.path()).is_empty());
}

// ---- new objective --carry ----

/// `okrs new objective --carry ID ARGS… SITE`.
fn carry(site: &Site, id: &str, args: &[&str]) -> Run {
    let mut all = vec!["objective", "--carry", id];
    all.extend_from_slice(args);
    new(site, &all)
}

#[test]
fn carry_writes_the_continuation_with_what_is_not_done() {
    let site = Site::copy_of("carry");
    let run = carry(&site, "sales-2024-q2", &[]);
    assert_ok(&run);
    let rel = "objectives/sales/sales-2024-q3.md";
    assert!(run.stdout.contains(rel), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "carried 3 of the 5 key results of 'sales-2024-q2' into 2024-Q3; \
             left out, done: sales-2024-q2/iso, sales-2024-q2/uptime"
        ),
        "{}",
        run.stdout
    );
    // The same title, owner, team, alignment, commitment and weight; the key results not
    // done (the milestone done, the threshold held at the end are left out), each with
    // its id (kr3 keeps its id by position), starting where it stood after the quarter
    // (62 and 300, from a check-in dated after its end), or where it started without
    // data. No grade, tasks, check-ins, review or allow.
    assert_eq!(
        site.read(rel),
        "---\n\
         title: \"Win the mid-market: renewals first\"\n\
         period: 2024-Q3\n\
         owner: ann\n\
         team: sales\n\
         aligns_to: focus\n\
         commitment: committed\n\
         weight: 2\n\
         carried_from: sales-2024-q2\n\
         key_results:\n  \
           - id: renewal\n    \
             title: \"Renewal rate reaches 70%\"\n    \
             owner: ann\n    \
             metric: increase\n    \
             start: 62\n    \
             target: 70\n    \
             unit: \"%\"\n    \
             weight: 2\n  \
           - id: kr3\n    \
             title: \"Support calls fall to 200\"\n    \
             owner: ann\n    \
             start: 300\n    \
             target: 200\n  \
           - id: shops\n    \
             title: \"50 shops signed\"\n    \
             start: 10\n    \
             target: 50\n\
         ---\n\
         ## Why we carry it on\n\
         \n\
         <!-- What the last period taught, and what changes this time. -->\n"
    );
    // What `okrs check` says about the new file, as notes: 2024-Q3 is running, and
    // `allow: [kr-owner]` was not carried.
    assert!(
        run.stderr
            .contains("sales-2024-q3.md:24:5: warning[kr-owner]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("warning[kr-no-checkins]"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("error"), "{}", run.stderr);

    assert_no_errors(&site);
    let json = site.built_json(&[]);
    let new = objective(&json, "sales-2024-q3");
    assert_eq!(new["carried_from"], "sales-2024-q2");
    assert_eq!(new["carried_to"], serde_json::json!([]));
    assert_eq!(new["review"], Value::Null);
    assert_eq!(
        objective(&json, "sales-2024-q2")["carried_to"],
        serde_json::json!(["sales-2024-q3"])
    );
    assert_eq!(
        ids(&new["key_results"]),
        [
            "sales-2024-q3/renewal",
            "sales-2024-q3/kr3",
            "sales-2024-q3/shops"
        ]
    );
    let calls = key_result(&json, "sales-2024-q3/kr3");
    assert_eq!(calls["metric"], "decrease");
    assert_close(&calls["start"], 300.0, "start");
    assert_eq!(calls["checkins"], serde_json::json!([]));
    assert_eq!(
        key_result(&json, "sales-2024-q3/renewal")["grade"],
        Value::Null
    );
}

#[test]
fn carry_names_the_continuation_after_the_next_period_of_the_same_kind() {
    let site = Site::copy_of("carry");
    for (from, written, period) in [
        // An id without its period gets the new one appended.
        ("growth", "objectives/growth-2024-q3.md", "2024-Q3"),
        // After Q4, next year's Q1; the period in the id matched in any case.
        ("eu-2024-Q4", "objectives/eu-2025-q1.md", "2025-Q1"),
        ("plan-2024-h1", "objectives/plan-2024-h2.md", "2024-H2"),
        ("vision-2024", "objectives/vision-2025.md", "2025"),
        // After a custom period, the custom period that starts soonest after it ends.
        ("fy24-hiring", "objectives/fy25-hiring.md", "FY25"),
    ] {
        let run = carry(&site, from, &[]);
        assert_ok(&run);
        let text = site.read(written);
        assert!(
            text.contains(&format!("\nperiod: {period}\n"))
                && text.contains(&format!("\ncarried_from: {from}\n")),
            "{from}: {text}"
        );
    }
    // Carried while its period still runs (or has not begun), it says so.
    let run = carry(&site, "fy25-ops", &["--period", "2025-Q3"]);
    assert_ok(&run);
    assert!(
        run.stderr
            .contains("note: FY25 has not ended as of 2024-07-10"),
        "{}",
        run.stderr
    );
    assert!(
        site.read("objectives/2025-q3-ops.md")
            .contains("period: 2025-Q3\n")
    );
    assert_no_errors(&site);
    let json = site.built_json(&[]);
    for (old, new) in [
        ("growth", "growth-2024-q3"),
        ("eu-2024-Q4", "eu-2025-q1"),
        ("plan-2024-h1", "plan-2024-h2"),
        ("vision-2024", "vision-2025"),
        ("fy24-hiring", "fy25-hiring"),
        ("fy25-ops", "2025-q3-ops"),
    ] {
        assert_eq!(objective(&json, new)["carried_from"], old);
        assert_eq!(
            objective(&json, old)["carried_to"],
            serde_json::json!([new])
        );
    }
    // Where each started: the latest value, or as written without data.
    assert_close(
        &key_result(&json, "growth-2024-q3/users")["start"],
        7000.0,
        "start",
    );
    assert_close(
        &key_result(&json, "vision-2025/nps")["start"],
        31.0,
        "start",
    );
    assert_eq!(key_result(&json, "eu-2025-q1/lease")["metric"], "milestone");
}

#[test]
fn carry_after_the_last_custom_period_asks_for_one() {
    let site = Site::copy_of("carry");
    let run = carry(&site, "fy25-ops", &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--period"), "{}", run.stderr);
    assert!(run.stderr.contains("FY25"), "{}", run.stderr);
    assert_eq!(read_tree(site.path()), read_tree(&fixture("carry")));
}

#[test]
fn carry_into_an_explicit_period_that_must_come_later() {
    let site = Site::copy_of("carry");
    let run = carry(&site, "growth", &["--period", "2024-H2"]);
    assert_ok(&run);
    assert!(
        site.read("objectives/growth-2024-h2.md")
            .contains("\nperiod: 2024-H2\n")
    );
    // Not after the old period: the period itself, an earlier one, one that overlaps it.
    for period in ["2024-Q2", "2024-Q1", "2024-H1", "2024"] {
        let run = carry(&site, "sales-2024-q2", &["--period", period]);
        assert_eq!(run.code, 1, "{period}: {}", run.stderr);
        assert!(run.stderr.contains("carry-period"), "{}", run.stderr);
    }
    // An unknown period, with a hint.
    let run = carry(&site, "sales-2024-q2", &["--period", "2024-q3"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("did you mean '2024-Q3'?"),
        "{}",
        run.stderr
    );
    assert_eq!(files_under(&site, "objectives/sales"), ["sales-2024-q2.md"]);
}

#[test]
fn carry_never_overwrites_and_a_split_takes_another_id() {
    let site = Site::copy_of("carry");
    assert_ok(&carry(&site, "growth", &[]));
    let first = site.read("objectives/growth-2024-q3.md");
    let run = carry(&site, "growth", &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert!(run.stderr.contains("--id"), "{}", run.stderr);
    assert_eq!(site.read("objectives/growth-2024-q3.md"), first);
    // A split: the second continuation under an id of its own.
    let run = carry(&site, "growth", &["--id", "growth-2024-q3-eu"]);
    assert_ok(&run);
    assert_no_errors(&site);
    let json = site.built_json(&[]);
    assert_eq!(
        objective(&json, "growth")["carried_to"],
        serde_json::json!(["growth-2024-q3", "growth-2024-q3-eu"])
    );

    // The id taken by an objective elsewhere (through `id:`) is refused too.
    let site = Site::copy_of("carry");
    site.file(
        "objectives/other/mine.md",
        "---\nid: sales-2024-q3\ntitle: Mine\nperiod: 2024-Q3\naligns_to: focus\n\
         key_results:\n  - { title: One, owner: ann, target: 1 }\n---\n",
    );
    let run = carry(&site, "sales-2024-q2", &[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("objectives/other/mine.md"),
        "{}",
        run.stderr
    );
    assert_eq!(files_under(&site, "objectives/sales"), ["sales-2024-q2.md"]);
}

#[test]
fn carry_refuses_what_is_no_objective_with_a_hint() {
    let site = Site::copy_of("carry");
    for (id, says) in [
        ("sales-2024-q", "did you mean 'sales-2024-q2'?"),
        ("grwth", "did you mean 'growth'?"),
        ("focus", "is a strategy of org.md, not an objective"),
        ("sales-2024-q2/renewal", "write --carry sales-2024-q2"),
    ] {
        let run = carry(&site, id, &[]);
        assert_eq!(run.code, 1, "{id}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{id}: {}", run.stderr);
    }
    assert_eq!(read_tree(site.path()), read_tree(&fixture("carry")));
}

#[test]
fn carry_as_of_an_earlier_date_starts_from_the_value_then() {
    let site = Site::copy_of("carry");
    let run = carry(&site, "growth", &["--as-of", "2024-06-01"]);
    assert_ok(&run);
    assert!(
        site.read("objectives/growth-2024-q3.md")
            .contains("\n    start: 4000\n")
    );
    // --as-of belongs to --carry; --title does not go with it.
    let run = new(
        &site,
        &[
            "objective",
            "--title",
            "T",
            "--period",
            "2024",
            "--as-of",
            "2024-06-01",
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = carry(&site, "growth", &["--title", "Other", "--id", "g2"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!site.path().join("objectives/g2.md").exists());
}

#[test]
fn carry_writes_the_body_in_the_sites_language() {
    let site = Site::new("title: 中文\nlanguage: zh-CN\nas_of: 2024-07-10\n");
    site.file("org.md", ORG).file(
        "objectives/增长.md",
        "---\ntitle: 增长\nperiod: 2024-Q2\nowner: 李四\naligns_to: focus\nkey_results:\n  \
         - { id: kr1, title: 用户达到一万, owner: 李四, target: 10000 }\n---\n",
    );
    assert_ok(&carry(&site, "增长", &[]));
    let text = site.read("objectives/增长-2024-q3.md");
    assert!(text.contains("owner: 李四\n"), "{text}");
    assert!(
        text.ends_with("---\n## 为什么继续\n\n<!-- 上一期学到了什么，这一期有什么不同。 -->\n"),
        "{text}"
    );
    assert_no_errors(&site);
}

#[test]
fn carry_writes_nothing_that_would_have_errors() {
    let site = Site::new(CONFIG);
    site.file("org.md", ORG).file(
        "objectives/o1.md",
        "---\ntitle: Win\nperiod: 2024-Q1\nowner: ann\naligns_to: focs\nkey_results:\n  \
         - { id: kr1, title: One, owner: ann, target: 10 }\n---\n",
    );
    let run = carry(&site, "o1", &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("objectives/o1-2024-q2.md:5:12: error[unknown-reference]"),
        "{}",
        run.stderr
    );
    assert_eq!(files_under(&site, "objectives"), ["o1.md"]);
}

/// Q1 of 2024 closed as of 2024-04-10: `eng-2024-q1` (no key results of its own) under
/// the strategy `focus`; `web-2024-q1` under it, under the yearly `company-2024` and
/// under `focus`; `plan-2024-h1` and `docs-2024-q2` under it.
fn site_with_aligned_quarters() -> Site {
    let site = Site::new("title: Aligned\nas_of: 2024-04-10\n");
    let objective = |title: &str, period: &str, aligns_to: &str, key_results: bool| {
        let kr = "key_results:\n  - { id: kr1, title: One, owner: ann, start: 0, target: 10 }\n";
        let kr = if key_results { kr } else { "" };
        format!(
            "---\ntitle: {title}\nperiod: {period}\nowner: ann\naligns_to: {aligns_to}\n{kr}---\n"
        )
    };
    let web = "[eng-2024-q1, company-2024, focus]";
    site.file("org.md", ORG)
        .file(
            "objectives/company-2024.md",
            objective("Company", "2024", "focus", true),
        )
        .file(
            "objectives/eng-2024-q1.md",
            objective("Eng", "2024-Q1", "focus", false),
        )
        .file(
            "objectives/web-2024-q1.md",
            objective("Web", "2024-Q1", web, true),
        )
        .file(
            "objectives/plan-2024-h1.md",
            objective("Plan", "2024-H1", "focus", true),
        )
        .file(
            "objectives/docs-2024-q2.md",
            objective("Docs", "2024-Q2", "plan-2024-h1", true),
        );
    site
}

/// The `aligns_to:` line of a written objective.
#[track_caller]
fn aligns_to_line(site: &Site, rel: &str) -> String {
    let text = site.read(rel);
    text.lines()
        .find(|l| l.starts_with("aligns_to:"))
        .unwrap_or_else(|| panic!("no aligns_to in {text}"))
        .to_owned()
}

#[test]
fn a_carried_objective_does_not_align_to_a_closed_objective_of_its_old_period() {
    // Carried before its parent: the Q1 parent is left out, with a note naming it; the
    // yearly objective (it covers Q2) and the strategy stay.
    let site = site_with_aligned_quarters();
    let run = carry(&site, "web-2024-q1", &[]);
    assert_ok(&run);
    let rel = "objectives/web-2024-q2.md";
    assert_eq!(
        aligns_to_line(&site, rel),
        "aligns_to: [company-2024, focus]"
    );
    assert!(
        run.stderr.contains(
            "note: 'web-2024-q1' aligns to 'eng-2024-q1', of 2024-Q1, which ends before \
             2024-Q2 starts, and 'eng-2024-q1' has no continuation in 2024-Q2, so the \
             continuation does not align to it: align it by hand in its `aligns_to`"
        ),
        "{}",
        run.stderr
    );
    assert_no_errors(&site);

    // Carried after its parent: aligned to the parent's continuation instead, and said so.
    let site = site_with_aligned_quarters();
    assert_ok(&carry(&site, "eng-2024-q1", &[]));
    let run = carry(&site, "web-2024-q1", &[]);
    assert_ok(&run);
    assert_eq!(
        aligns_to_line(&site, rel),
        "aligns_to: [eng-2024-q2, company-2024, focus]"
    );
    assert!(
        run.stdout.contains(
            "aligns to 'eng-2024-q2' in place of 'eng-2024-q1': 'eng-2024-q1' is of \
             2024-Q1, which ends before 2024-Q2 starts, and 'eng-2024-q2' continues it"
        ),
        "{}",
        run.stdout
    );
    assert!(
        !run.stderr.contains("note: 'web-2024-q1'"),
        "{}",
        run.stderr
    );
    assert_no_errors(&site);
    let json = site.built_json(&["--as-of", "2024-05-01"]);
    assert_eq!(
        ids(&objective(&json, "eng-2024-q2")["children"]),
        ["web-2024-q2"]
    );

    // A continuation whose period covers the new one counts (H1 → H2 around Q3), and in
    // Chinese the note and the line say the same.
    let site = site_with_aligned_quarters();
    assert_ok(&carry(&site, "plan-2024-h1", &[]));
    let run = carry(&site, "docs-2024-q2", &["--lang", "zh-CN"]);
    assert_ok(&run);
    assert_eq!(
        aligns_to_line(&site, "objectives/docs-2024-q3.md"),
        "aligns_to: plan-2024-h2"
    );
    assert!(
        run.stdout.contains(
            "对齐到「plan-2024-h2」而不是「plan-2024-h1」：「plan-2024-h1」属于 2024-H1，\
             在 2024-Q3 开始前就已结束，而「plan-2024-h2」是它的延续"
        ),
        "{}",
        run.stdout
    );
    let run = carry(&site, "web-2024-q1", &["--lang", "zh-CN"]);
    assert!(
        run.stderr.contains(
            "注意：「web-2024-q1」对齐到「eng-2024-q1」，而「eng-2024-q1」属于 2024-Q1，\
             在 2024-Q2 开始前就已结束，且在 2024-Q2 没有延续"
        ),
        "{}",
        run.stderr
    );

    // A parent split into two continuations: the continuation aligns to neither.
    let site = site_with_aligned_quarters();
    assert_ok(&carry(&site, "eng-2024-q1", &[]));
    assert_ok(&carry(&site, "eng-2024-q1", &["--id", "eng-2024-q2-eu"]));
    let run = carry(&site, "web-2024-q1", &[]);
    assert_ok(&run);
    assert_eq!(
        aligns_to_line(&site, rel),
        "aligns_to: [company-2024, focus]"
    );
    assert!(
        run.stderr
            .contains("'eng-2024-q1' was carried into eng-2024-q2, eng-2024-q2-eu"),
        "{}",
        run.stderr
    );
}

#[test]
fn carrying_an_objective_without_key_results_says_where_its_progress_comes_from() {
    // As of 2024-03-20 its quarter still runs: no note about key results starting
    // where they stood, for it has none.
    let site = site_with_aligned_quarters();
    let run = carry(&site, "eng-2024-q1", &["--as-of", "2024-03-20"]);
    assert_ok(&run);
    let says = "carried 'eng-2024-q1' into 2024-Q2: it has no key results of its own, \
                and its progress comes from the objectives aligned to it (carried after \
                it, they align to this continuation)";
    assert!(run.stdout.contains(says), "{}", run.stdout);
    for wrong in ["0 of the 0", "start where they stood"] {
        assert!(
            !run.stdout.contains(wrong) && !run.stderr.contains(wrong),
            "{}\n{}",
            run.stdout,
            run.stderr
        );
    }
    let site = site_with_aligned_quarters();
    let run = carry(&site, "eng-2024-q1", &["--lang", "zh-CN"]);
    assert_ok(&run);
    assert!(
        run.stdout.contains(
            "已将「eng-2024-q1」延续到 2024-Q2：它自己没有关键结果，进度来自对齐到它的目标"
        ),
        "{}",
        run.stdout
    );
}

// ---- new checkin ----

#[test]
fn new_checkin_writes_the_file_and_reports_the_new_progress() {
    let site = site_with_key_results();
    let run = new(
        &site,
        &[
            "checkin",
            "o1/renewal",
            "--value",
            "55",
            "--confidence",
            "7",
            "--date",
            "2024-05-15",
            "--author",
            "Ann Lee",
            "--note",
            "Renewals: 41 of 50 calls done.",
        ],
    );
    assert_ok(&run);
    let rel = "checkins/2024-05-15-o1-renewal.md";
    assert!(run.stdout.contains(rel), "{}", run.stdout);
    assert!(
        run.stdout.contains("o1/renewal: 0% → 50% (on_track)"),
        "{}",
        run.stdout
    );
    assert_eq!(
        site.read(rel),
        "---\ndate: 2024-05-15\nauthor: \"Ann Lee\"\nkr: o1/renewal\nvalue: 55\nconfidence: 7\n---\n\
         Renewals: 41 of 50 calls done.\n"
    );
    assert_no_errors(&site);
    let json = site.built_json(&[]);
    let kr = key_result(&json, "o1/renewal");
    assert_close(&kr["current"], 55.0, "current");
    assert_eq!(kr["confidence"], 7);
    assert_eq!(
        checkin_dates(&json, "o1/renewal"),
        [("2024-05-15".to_owned(), rel.to_owned())]
    );
}

#[test]
fn a_second_checkin_on_the_same_day_gets_a_new_file_that_counts() {
    let site = site_with_key_results();
    for value in ["50", "52", "58"] {
        let run = new(
            &site,
            &[
                "checkin",
                "o1/renewal",
                "--value",
                value,
                "--date",
                "2024-05-15",
            ],
        );
        assert_ok(&run);
    }
    assert_eq!(
        files_under(&site, "checkins"),
        [
            "2024-05-15-o1-renewal.md",
            "2024-05-15-o1-renewal_2.md",
            "2024-05-15-o1-renewal_3.md"
        ]
    );
    assert!(
        site.read("checkins/2024-05-15-o1-renewal.md")
            .contains("value: 50\n")
    );
    let json = site.built_json(&[]);
    assert_close(&key_result(&json, "o1/renewal")["current"], 58.0, "current");

    // A file of another name that sorts after it wins the day, and okrs says so.
    site.file(
        "checkins/2024-05-16-weekly.md",
        "---\ndate: 2024-05-16\nkr: o1/renewal\nvalue: 61\n---\n",
    );
    let run = new(
        &site,
        &[
            "checkin",
            "o1/renewal",
            "--value",
            "50",
            "--date",
            "2024-05-16",
        ],
    );
    assert_ok(&run);
    assert!(
        run.stderr
            .contains("checkins/2024-05-16-weekly.md also checks in 'o1/renewal' on 2024-05-16"),
        "{}",
        run.stderr
    );
}

/// The `date:` line of a check-in written without `--date`: today, to the minute.
#[track_caller]
fn written_moment(text: &str) -> chrono::NaiveDateTime {
    let line = text
        .lines()
        .nth(1)
        .and_then(|l| l.strip_prefix("date: "))
        .unwrap_or_else(|| panic!("no date line second: {text}"));
    chrono::NaiveDateTime::parse_from_str(line, "%Y-%m-%dT%H:%M")
        .unwrap_or_else(|e| panic!("'{line}' is not YYYY-MM-DDTHH:MM ({e})"))
}

#[test]
fn new_checkin_dates_today_by_default_with_the_time_of_day() {
    let site = site_with_key_results();
    let before = chrono::Local::now().naive_local();
    let run = new(&site, &["checkin", "o1/calls", "--value", "-5"]);
    let after = chrono::Local::now().naive_local();
    assert_ok(&run);
    let files = files_under(&site, "checkins");
    assert_eq!(files.len(), 1);
    let text = site.read(&format!("checkins/{}", files[0]));
    assert!(text.contains("value: -5\n"), "{text}");
    // Local time, to the minute, between the clock readings around the run.
    let moment = written_moment(&text);
    let minute = |t: chrono::NaiveDateTime| t.format("%Y-%m-%dT%H:%M").to_string();
    let written = minute(moment);
    assert!(
        minute(before) <= written && written <= minute(after),
        "{written} is not between {before} and {after}"
    );
    assert_eq!(files[0], format!("{}-o1-calls.md", moment.date()));
    // Dated after okrs.yaml's as_of, it does not count yet, and okrs says so.
    assert!(
        run.stderr.contains("after the as-of date 2024-05-20"),
        "{}",
        run.stderr
    );
    assert_no_errors(&site);
}

#[test]
fn a_checkin_written_now_wins_over_earlier_ones_of_the_same_day() {
    let site = site_with_key_results();
    let today = chrono::Local::now().date_naive();
    // Written by hand this morning, without a time, in a file whose name sorts last.
    let by_hand = "checkins/zz-weekly.md";
    site.file(
        by_hand,
        format!("---\ndate: {today}\nkr: o1/renewal\nvalue: 61\n---\n"),
    );
    for value in ["50", "52"] {
        assert_ok(&new(&site, &["checkin", "o1/renewal", "--value", value]));
    }
    let files = files_under(&site, "checkins");
    assert_eq!(files.len(), 3, "{files:?}");
    let written: Vec<String> = files
        .iter()
        .filter(|f| !f.starts_with("zz"))
        .map(|f| format!("checkins/{f}"))
        .collect();
    let moments: Vec<chrono::NaiveDateTime> = written
        .iter()
        .map(|f| written_moment(&site.read(f)))
        .collect();
    assert!(moments[0] <= moments[1], "{moments:?}");

    let as_of = chrono::Local::now().date_naive().to_string();
    let json = site.built_json(&["--as-of", &as_of]);
    assert_close(&key_result(&json, "o1/renewal")["current"], 52.0, "current");
    let order = checkin_dates(&json, "o1/renewal");
    let sources: Vec<&str> = order.iter().map(|(_, s)| s.as_str()).collect();
    // At 00:00 exactly, a time ties with a date alone, and the path decides.
    if moments[0].time() == chrono::NaiveTime::MIN {
        assert_eq!(sources[2], written[1], "{order:?}");
    } else {
        assert_eq!(sources, [by_hand, &written[0], &written[1]], "{order:?}");
    }
    // okrs.json shows the written time.
    let shown = order.iter().find(|(_, s)| *s == written[1]).unwrap();
    assert_eq!(shown.0, moments[1].format("%Y-%m-%dT%H:%M").to_string());
}

#[test]
fn milestones_take_done_or_not_done() {
    let site = site_with_key_results();
    let run = new(
        &site,
        &[
            "checkin",
            "o1/iso",
            "--not-done",
            "--confidence",
            "4",
            "--date",
            "2024-05-01",
        ],
    );
    assert_ok(&run);
    assert!(
        site.read("checkins/2024-05-01-o1-iso.md")
            .contains("done: false\nconfidence: 4\n")
    );
    let run = new(
        &site,
        &["checkin", "o1/iso", "--done", "--date", "2024-05-10"],
    );
    assert_ok(&run);
    assert!(
        run.stdout.contains("o1/iso: 0% → 100% (done)"),
        "{}",
        run.stdout
    );
    assert!(
        site.read("checkins/2024-05-10-o1-iso.md")
            .contains("done: true\n")
    );
    assert_no_errors(&site);
    let json = site.built_json(&[]);
    assert_eq!(key_result(&json, "o1/iso")["current"], Value::Bool(true));
}

#[test]
fn an_unknown_key_result_is_refused_with_did_you_mean() {
    let site = site_with_key_results();
    let run = new(&site, &["checkin", "o1/renewl", "--value", "50"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("did you mean 'o1/renewal'?"),
        "{}",
        run.stderr
    );
    // An objective's id alone lists its key results; a key result's id alone finds it.
    let run = new(&site, &["checkin", "o1", "--value", "50"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("o1/renewal, o1/iso, o1/calls"),
        "{}",
        run.stderr
    );
    let run = new(&site, &["checkin", "renewal", "--value", "50"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("did you mean 'o1/renewal'?"),
        "{}",
        run.stderr
    );
    assert!(files_under(&site, "checkins").is_empty());
}

#[test]
fn an_unknown_key_results_hint_is_in_the_sites_language() {
    let site = Site::copy_of("zh-cli");
    for (kr, said) in [
        (
            "xiaoshou-2025-q2-o1/xuyu",
            "错误：「xiaoshou-2025-q2-o1/xuyu」不是任何关键结果（是不是想写「xiaoshou-2025-q2-o1/xuyue」？）\n",
        ),
        (
            "xiaoshou-2025-q2-o1",
            "错误：「xiaoshou-2025-q2-o1」是目标，不是关键结果；它的关键结果有 \
             xiaoshou-2025-q2-o1/xuyue、xiaoshou-2025-q2-o1/iso\n",
        ),
    ] {
        let run = new(&site, &["checkin", kr, "--value", "50"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_eq!(run.stderr, said);
    }
    let run = new(
        &site,
        &["checkin", "xuyue", "--value", "50", "--lang", "en"],
    );
    assert_eq!(
        run.stderr,
        "error: 'xuyue' is no key result (did you mean 'xiaoshou-2025-q2-o1/xuyue'?)\n"
    );
}

#[test]
fn a_value_must_fit_the_key_result() {
    let site = site_with_key_results();
    // A value for a milestone, done for a number, or neither: refused, nothing written.
    for args in [
        &["checkin", "o1/iso", "--value", "1"][..],
        &["checkin", "o1/iso"],
        &["checkin", "o1/renewal", "--done"],
        &["checkin", "o1/renewal", "--not-done"],
        &["checkin", "o1/renewal"],
    ] {
        let run = new(&site, args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    }
    // Arguments wrong in themselves are wrong usage.
    for args in [
        &[
            "checkin",
            "o1/renewal",
            "--value",
            "50",
            "--confidence",
            "11",
        ][..],
        &["checkin", "o1/renewal", "--value", "fifty"],
        &["checkin", "o1/renewal", "--value", "inf"],
        &[
            "checkin",
            "o1/renewal",
            "--value",
            "50",
            "--date",
            "2024-5-1",
        ],
        &["checkin", "o1/iso", "--done", "--not-done"],
        &["checkin", "o1/iso", "--done", "--value", "1"],
    ] {
        let run = new(&site, args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
    }
    assert!(files_under(&site, "checkins").is_empty());
}

#[test]
fn a_value_or_confidence_written_otherwise_gets_the_number_to_write_as_check_gives_it() {
    let site = site_with_key_results();
    for (args, says) in [
        (
            &["--value", "55", "--confidence", "70"][..],
            "--confidence is 70; it must be a whole number from 0 to 10 \
             (if 70 is a percentage, write --confidence 7)",
        ),
        (
            &["--value", "79%"],
            "--value '79%' is not a number: write --value 79",
        ),
        (
            &["--value", "1,240"],
            "--value '1,240' is not a number: write --value 1240",
        ),
    ] {
        let mut all = vec!["checkin", "o1/renewal"];
        all.extend_from_slice(args);
        let run = new(&site, &all);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
    }
    // The same in Chinese.
    let run = new(
        &site,
        &[
            "checkin",
            "o1/renewal",
            "--value",
            "55",
            "--confidence",
            "70",
            "--lang",
            "zh-CN",
        ],
    );
    assert!(
        run.stderr
            .contains("（如果 70 是百分比，请写成 --confidence 7）"),
        "{}",
        run.stderr
    );
    assert!(files_under(&site, "checkins").is_empty());
    // What `okrs check` says of the same values in a check-in file.
    site.file(
        "checkins/2024-05-15.md",
        "---\ndate: 2024-05-15\nkr: o1/renewal\nvalue: 79%\nconfidence: 70\n---\n",
    );
    let (_, diags) = site.check(&[]);
    let text = listing(&diags);
    assert!(text.contains("write `value: 79`"), "{text}");
    assert!(text.contains("write `confidence: 7`"), "{text}");
}

// ---- new team / person ----

#[test]
fn new_team_and_person_write_their_files() {
    let site = Site::new(CONFIG);
    let run = new(
        &site,
        &["person", "ann", "--name", "Ann Lee", "--team", "sales"],
    );
    assert_ok(&run);
    assert_eq!(run.stderr, "");
    assert_eq!(
        site.read("people/ann.md"),
        "---\nname: \"Ann Lee\"\nteam: sales\n---\n<!-- Their role, and what they work on. -->\n"
    );
    let run = new(
        &site,
        &[
            "team",
            "sales",
            "--name",
            "Sales & Success",
            "--lead",
            "dana",
        ],
    );
    assert_ok(&run);
    assert!(
        site.read("teams/sales.md")
            .starts_with("---\nname: \"Sales & Success\"\nlead: dana\n---\n")
    );
    // Dana has no file in people/ yet: okrs says what `okrs check` will say.
    assert!(
        run.stderr
            .contains("teams/sales.md:3:7: warning[unknown-person]"),
        "{}",
        run.stderr
    );
    assert_ok(&new(&site, &["person", "dana", "--name", "Dana"]));
    assert_ok(&new(&site, &["person", "李四", "--name", "李四"]));
    let (_, diags) = site.check(&[]);
    assert!(diags.is_empty(), "{}", listing(&diags));
    let json = site.built_json(&[]);
    assert_eq!(team(&json, "sales")["name"], "Sales & Success");
    let people = json["people"].as_array().unwrap();
    let ann = people.iter().find(|p| p["id"] == "ann").unwrap();
    assert_eq!(ann["name"], "Ann Lee");
    assert_eq!(ann["team"], "sales");
    assert!(people.iter().any(|p| p["id"] == "李四"));
}

#[test]
fn new_team_and_person_refuse_existing_ids_and_bad_ones() {
    let site = Site::new(CONFIG);
    site.file("teams/sales.md", "---\nname: Mine\n---\n")
        .file("people/x/bob.md", "---\nid: ann\nname: Bob\n---\n");
    let run = new(&site, &["team", "sales", "--name", "Sales"]);
    assert_eq!(run.code, 1);
    assert_eq!(site.read("teams/sales.md"), "---\nname: Mine\n---\n");
    let run = new(&site, &["person", "ann", "--name", "Ann"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("people/x/bob.md"), "{}", run.stderr);
    assert!(!site.path().join("people/ann.md").exists());
    for id in ["a b", "a/b", "_hidden", ".hidden", "a#b"] {
        let run = new(&site, &["person", id, "--name", "X"]);
        assert_eq!(run.code, 2, "{id}");
    }
    assert_eq!(files_under(&site, "people"), ["x/bob.md"]);
}

// ---- init ----

#[test]
fn init_writes_a_site_that_checks_clean_and_builds() {
    for language in ["en", "zh-CN"] {
        let parent = Site::empty();
        let dir = parent.path().join("my-okrs");
        let dir_arg = dir.to_str().unwrap();
        let run = run(&["init", dir_arg, "--language", language], &[]);
        assert_ok(&run);
        for step in ["okrs serve", "okrs check", "okrs build", "okrs new checkin"] {
            assert!(run.stdout.contains(&format!("{step} ")), "{}", run.stdout);
        }
        let tree = read_tree(&dir);
        for file in [
            "okrs.yaml",
            "org.md",
            "teams/product.md",
            "teams/sales.md",
            "pages/how-we-okr.md",
            "objectives/win-small-shops.md",
            "objectives/product/faster-onboarding.md",
            "objectives/sales/keep-shops.md",
        ] {
            assert!(
                tree.contains_key(std::path::Path::new(file)),
                "{file}: {tree:?}"
            );
        }
        assert_eq!(tree.keys().filter(|p| p.starts_with("people")).count(), 3);
        assert_eq!(tree.keys().filter(|p| p.starts_with("checkins")).count(), 3);

        let (code, diags) = check(&dir, &["--deny-warnings"]);
        assert!(diags.is_empty(), "{language}:\n{}", listing(&diags));
        assert_eq!(code, 0);
        let json = built_json(&dir, &[]);
        assert_eq!(json["site"]["language"], language);
        assert_eq!(ids(&json["objectives"]).len(), 3);
        assert_eq!(
            objective(&json, "faster-onboarding")["aligns_to"],
            serde_json::json!(["win-small-shops"])
        );
        let metrics: Vec<String> = json["objectives"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|o| o["key_results"].as_array().unwrap().iter())
            .map(|k| k["metric"].as_str().unwrap().to_owned())
            .collect();
        for metric in ["increase", "decrease", "milestone"] {
            assert!(metrics.iter().any(|m| m == metric), "{metric}: {metrics:?}");
        }

        // The check-in command it suggests works as printed.
        let line = run
            .stdout
            .lines()
            .find(|l| l.contains("okrs new checkin"))
            .unwrap();
        let words: Vec<&str> = line.split_whitespace().skip(1).collect();
        let suggested = crate::support::run(&words, &[]);
        assert_ok(&suggested);
        let (_, diags) = check(&dir, &[]);
        assert!(diags.is_empty(), "{}", listing(&diags));
    }
}

#[test]
fn init_defaults_to_the_current_folder_and_allows_a_git_folder() {
    let dir = Site::empty();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let output = okrs().arg("init").current_dir(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("\n  okrs check "), "{stdout}");
    assert!(dir.path().join("okrs.yaml").is_file());
    let (_, diags) = dir.check(&[]);
    assert!(diags.is_empty(), "{}", listing(&diags));
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let site = site_with_key_results();
    let before = read_tree(site.path());
    let run = run(&["init", site.arg()], &[]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("not empty"), "{}", run.stderr);
    assert_eq!(read_tree(site.path()), before);

    let dir = Site::empty();
    dir.file("notes.txt", "mine");
    let run = crate::support::run(&["init", dir.arg()], &[]);
    assert_eq!(run.code, 1);
    assert_eq!(read_tree(dir.path()).len(), 1);
}
