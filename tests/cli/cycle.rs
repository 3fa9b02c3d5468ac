//! The whole OKR cycle (docs/format.md, "The OKR cycle") on the `cycle` fixture, built as of
//! its okrs.yaml date 2024-05-20: a closed 2024-Q1 (graded) and a running 2024-Q2. Every
//! figure is worked out by hand.
//!
//! - 2024-Q1 (closed): `launch-2024-q1` (committed, mobile) and `quality-2024-q1`
//!   (weight 2, product, a hand grade, a review, carried into `quality-2024-q2`).
//! - 2024-Q2 (running, expected 49/90, on track from 49/90 − 0.1 = 0.4444…):
//!   `company-2024-q2` (company, no key results) with the children `quality-2024-q2`
//!   (product) and `mobile-2024-q2` (mobile, weight 2).
//! - Teams: company → product → mobile.

use serde_json::{Value, json};

use crate::support::*;

const Q2_EXPECTED: f64 = 49.0 / 90.0;

fn cycle() -> Value {
    built_json(&fixture("cycle"), &[])
}

#[track_caller]
fn assert_grade(item: &Value, grade: Option<f64>, band: Option<&str>, what: &str) {
    match grade {
        Some(g) => assert_close(&item["grade"], g, &format!("{what} grade")),
        None => assert_eq!(item["grade"], Value::Null, "{what} grade"),
    }
    assert_eq!(
        item["band"],
        band.map_or(Value::Null, Value::from),
        "{what} band"
    );
}

#[test]
fn a_closed_quarter_is_done_or_missed_and_counts_checkins_after_its_end() {
    let json = cycle();
    // users: 04-03 → 920, after 03-31 but before the as-of date: raw 0.92; closed → missed.
    assert_kr(
        &json,
        "launch-2024-q1/users",
        KrFigures {
            current: json!(920),
            raw_progress: 0.92,
            progress: 0.92,
            confidence: Some(6),
            status: "missed",
            at_risk: false,
        },
    );
    assert_eq!(key_result(&json, "launch-2024-q1/store")["status"], "done");
    // (0.92 + 1) / 2 = 0.96: a committed objective at 96 % has missed.
    assert_objective(
        &json,
        "launch-2024-q1",
        ObjectiveFigures {
            progress: 0.96,
            expected: 1.0,
            status: "missed",
            confidence: Some(6),
            at_risk: false,
        },
    );
    // A threshold held at the last check-in of a closed quarter is done.
    assert_eq!(
        key_result(&json, "quality-2024-q1/crash-free")["status"],
        "done"
    );
    let q1 = period(&json, "2024-Q1");
    assert_eq!(q1["state"], "closed");
    assert_eq!(q1["status"], "missed");
    // Top-level objectives: launch (0.96, weight 1) and quality (0.7, weight 2).
    assert_close(&q1["progress"], (0.96 + 1.4) / 3.0, "2024-Q1 progress");
}

#[test]
fn grades_use_hand_grades_and_roll_up_by_weight_with_bands() {
    let json = cycle();
    assert_grade(
        key_result(&json, "launch-2024-q1/users"),
        Some(0.92),
        Some("green"),
        "users",
    );
    // crash-free held (progress 1) but was graded 0.8 by hand.
    let crash = key_result(&json, "quality-2024-q1/crash-free");
    assert_close(&crash["progress"], 1.0, "crash-free progress");
    assert_grade(crash, Some(0.8), Some("green"), "crash-free");
    // bugs: (34 − 50) / (10 − 50) = 0.4, exactly the yellow edge.
    assert_grade(
        key_result(&json, "quality-2024-q1/bugs"),
        Some(0.4),
        Some("yellow"),
        "bugs",
    );
    assert_grade(
        objective(&json, "launch-2024-q1"),
        Some(0.96),
        Some("green"),
        "launch",
    );
    // (0.8 + 0.4) / 2 = 0.6, while its progress is (1 + 0.4) / 2 = 0.7.
    let quality = objective(&json, "quality-2024-q1");
    assert_close(&quality["progress"], 0.7, "quality progress");
    assert_grade(quality, Some(0.6), Some("yellow"), "quality");
    // (0.96 · 1 + 0.6 · 2) / 3 = 0.72.
    assert_grade(
        period(&json, "2024-Q1"),
        Some(0.72),
        Some("green"),
        "2024-Q1",
    );
    // Nothing of a running period is graded.
    assert_grade(period(&json, "2024-Q2"), None, None, "2024-Q2");
    assert_grade(
        objective(&json, "quality-2024-q2"),
        None,
        None,
        "quality-2024-q2",
    );
    assert_grade(
        key_result(&json, "quality-2024-q2/bugs"),
        None,
        None,
        "q2 bugs",
    );
}

#[test]
fn a_running_quarter_keeps_thresholds_and_milestones_off_done() {
    let json = cycle();
    let kr = |id: &str| key_result(&json, id)["status"].clone();
    // (22 − 34) / (10 − 34) = 0.5 ≥ 0.4444: on track.
    assert_eq!(kr("quality-2024-q2/bugs"), "on_track");
    // 98.5 < 99: the threshold does not hold.
    assert_eq!(kr("quality-2024-q2/crash-free"), "behind");
    assert_eq!(kr("mobile-2024-q2/release"), "no_data");
    assert_objective(
        &json,
        "quality-2024-q2",
        ObjectiveFigures {
            progress: 1.0 / 3.0,
            expected: Q2_EXPECTED,
            status: "behind",
            confidence: None,
            at_risk: false,
        },
    );
    // (1/3 · 1 + 0.4 · 2) / 3.
    let company = (1.0 / 3.0 + 0.8) / 3.0;
    assert_close(
        &objective(&json, "company-2024-q2")["progress"],
        company,
        "company-2024-q2 progress",
    );
    let q2 = period(&json, "2024-Q2");
    assert_eq!(q2["state"], "running");
    assert_close(&q2["progress"], company, "2024-Q2 progress");
    assert_eq!(q2["status"], "behind");
}

#[test]
fn the_latest_checkin_of_a_day_is_the_one_with_the_latest_time() {
    let json = cycle();
    // checkins/a-late.md (16:00, 4.4) sorts before b-early.md (09:00, 4.25) by path, but
    // comes after it by time: (4.4 − 4.0) / 0.5 = 0.8.
    assert_kr(
        &json,
        "mobile-2024-q2/rating",
        KrFigures {
            current: json!(4.4),
            raw_progress: 0.8,
            progress: 0.8,
            confidence: Some(7),
            status: "on_track",
            at_risk: false,
        },
    );
    assert_eq!(
        checkin_dates(&json, "mobile-2024-q2/rating"),
        [
            (
                "2024-05-15T09:00".to_owned(),
                "checkins/b-early.md".to_owned()
            ),
            (
                "2024-05-15T16:00".to_owned(),
                "checkins/a-late.md".to_owned()
            ),
        ]
    );
}

#[test]
fn checkins_are_due_when_missing_or_older_than_the_stale_days() {
    let json = cycle();
    let due = |id: &str| key_result(&json, id)["checkin_due"].clone();
    assert_eq!(due("mobile-2024-q2/release"), true, "never checked in");
    assert_eq!(due("quality-2024-q2/crash-free"), true, "30 days old");
    assert_eq!(due("quality-2024-q2/docs"), false, "exactly 14 days old");
    assert_eq!(due("quality-2024-q2/bugs"), false);
    assert_eq!(due("mobile-2024-q2/rating"), false);
    assert_eq!(due("launch-2024-q1/users"), false, "closed period");
}

#[test]
fn carry_over_links_both_ways() {
    let json = cycle();
    let old = objective(&json, "quality-2024-q1");
    let new = objective(&json, "quality-2024-q2");
    assert_eq!(old["carried_to"], json!(["quality-2024-q2"]));
    assert_eq!(old["carried_from"], Value::Null);
    assert_eq!(new["carried_from"], "quality-2024-q1");
    assert_eq!(new["carried_to"], json!([]));
    assert!(
        old["review"].as_str().unwrap().contains("graded 0.8"),
        "{}",
        old["review"]
    );
}

#[test]
fn teams_roll_up_their_subteams() {
    let json = cycle();
    let company = team(&json, "company");
    assert_eq!(
        company["progress"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["2024-Q2"]
    );
    let q2_all = (1.0 / 3.0 + 0.8) / 3.0;
    let q1_all = (0.96 + 0.7 * 2.0) / 3.0;
    let with_subteams = &company["progress_with_subteams"];
    assert_close(
        &with_subteams["2024-Q1"],
        q1_all,
        "company Q1 with sub-teams",
    );
    // company-2024-q2 (1 · 0.3778) + quality (1 · 1/3) + mobile (2 · 0.4), over 4.
    assert_close(
        &with_subteams["2024-Q2"],
        (q2_all + 1.0 / 3.0 + 0.8) / 4.0,
        "company Q2 with sub-teams",
    );
    let product = team(&json, "product");
    assert_close(&product["progress"]["2024-Q1"], 0.7, "product Q1");
    assert_close(
        &product["progress_with_subteams"]["2024-Q1"],
        q1_all,
        "product Q1 with sub-teams",
    );
    let mobile = team(&json, "mobile");
    assert_eq!(mobile["progress"], mobile["progress_with_subteams"]);
    assert_close(&mobile["progress"]["2024-Q1"], 0.96, "mobile Q1");
}

#[test]
fn lints_follow_the_cycle_and_allow_silences_one_objective() {
    let (code, diags) = check(&fixture("cycle"), &[]);
    assert_eq!(code, 0, "{}", listing(&diags));
    let found: Vec<String> = diags.iter().map(Diag::at).collect();
    assert_eq!(
        found,
        [
            "objectives/2024-q1/launch-2024-q1.md:2:1 committed-missed",
            "objectives/2024-q2/mobile-2024-q2.md:9:5 kr-no-checkins",
            "objectives/2024-q2/quality-2024-q2.md:17:5 stale-checkin",
        ],
        "quality-2024-q2/docs has no owner, but its objective allows kr-owner"
    );
}

#[test]
fn a_review_quiets_committed_missed_and_a_period_verdict_matches_the_objective_rule() {
    // 77 % against 82 % expected (2024-06-14: 74/90) is on track, for the objective and
    // for the period alike.
    let site = Site::new("title: T\n");
    site.file(
        "objectives/o.md",
        "---\ntitle: O\nperiod: 2024-Q2\ncommitment: committed\nkey_results:\n  - { title: k, owner: x, target: 100, checkins: [{ date: 2024-06-01, value: 77 }] }\n---\n",
    );
    let json = site.built_json(&["--as-of", "2024-06-14"]);
    assert_eq!(objective(&json, "o")["status"], "on_track");
    assert_eq!(period(&json, "2024-Q2")["status"], "on_track");
    let (_, diags) = site.check(&["--as-of", "2024-07-01"]);
    assert!(
        diags.iter().any(|d| d.rule == "committed-missed"),
        "{}",
        listing(&diags)
    );
    site.file(
        "objectives/o.md",
        "---\ntitle: O\nperiod: 2024-Q2\ncommitment: committed\nreview: We learned.\nkey_results:\n  - { title: k, owner: x, target: 100, checkins: [{ date: 2024-06-01, value: 77 }] }\n---\n",
    );
    let (_, diags) = site.check(&["--as-of", "2024-07-01"]);
    assert!(
        !diags.iter().any(|d| d.rule == "committed-missed"),
        "{}",
        listing(&diags)
    );
}

#[test]
fn a_grade_before_the_period_closes_is_an_error_at_the_grade() {
    let site = Site::new("title: T\n");
    site.file(
        "objectives/o.md",
        "---\ntitle: O\nperiod: 2024-Q2\nkey_results:\n  - title: k\n    target: 10\n    grade: 0.5\n---\n",
    );
    let (code, diags) = site.check(&["--as-of", "2024-06-30"]);
    assert_eq!(code, 1);
    let d = only(&diags, "objectives/o.md", "grade-too-early");
    assert_eq!((d.line, d.column), (7, 12), "{}", listing(&diags));
    let (code, diags) = site.check(&["--as-of", "2024-07-01"]);
    assert!(
        !diags.iter().any(|d| d.rule == "grade-too-early"),
        "{}",
        listing(&diags)
    );
    assert_eq!(code, 0, "{}", listing(&diags));
}

#[test]
fn carried_from_must_name_an_earlier_objective() {
    let site = Site::new("title: T\n");
    site.file(
        "objectives/a.md",
        "---\ntitle: A\nperiod: 2024-Q2\nkey_results: [{ title: k, target: 1 }]\n---\n",
    );
    site.file(
        "objectives/b.md",
        "---\ntitle: B\nperiod: 2024-Q2\ncarried_from: a\nkey_results: [{ title: k, target: 1 }]\n---\n",
    );
    site.file(
        "objectives/c.md",
        "---\ntitle: C\nperiod: 2024-Q3\ncarried_from: aa\nkey_results: [{ title: k, target: 1 }]\n---\n",
    );
    let (code, diags) = site.check(&["--as-of", "2024-05-01"]);
    assert_eq!(code, 1);
    let d = only(&diags, "objectives/b.md", "carry-period");
    assert_eq!((d.line, d.column), (4, 15));
    let d = only(&diags, "objectives/c.md", "unknown-reference");
    assert_eq!((d.line, d.column), (4, 15));
    assert!(d.message.contains("did you mean 'a'"), "{}", d.message);
}

#[test]
fn an_unknown_lint_in_allow_is_an_error_with_a_hint() {
    let site = Site::new("title: T\n");
    site.file(
        "objectives/a.md",
        "---\ntitle: A\nperiod: 2024-Q2\nallow: [too-easy, kr-ownr]\nkey_results: [{ title: k, target: 1 }]\n---\n",
    );
    let (code, diags) = site.check(&["--as-of", "2024-05-01"]);
    assert_eq!(code, 1);
    let d = only(&diags, "objectives/a.md", "invalid-value");
    assert_eq!((d.line, d.column), (4, 19));
    assert!(
        d.message.contains("did you mean `kr-owner`"),
        "{}",
        d.message
    );
}
