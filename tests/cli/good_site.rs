//! The computations of docs/format.md#how-figures-are-computed and the contents of okrs.json (docs/format.md#okrsjson), on the `good`
//! fixture built as of its okrs.yaml date, 2024-05-20. Every figure is worked out by hand.
//!
//! The fixture (tests/fixtures/good):
//! - `company-2024` (period 2024, team company, owner 李四, no key results) has the
//!   children `grow-revenue` (weight 2), `eng-uptime` (weight 1), `q3-expansion`
//!   (2024-Q3, weight 1) and the draft `draft-idea` (weight 1).
//! - `upsell` (2024-Q2) aligns to `grow-revenue`, which has key results of its own.
//! - `partners` (2024-Q2, team "Customer Success", which no file defines) aligns to a strategy.
//!
//! Pace, as of 2024-05-20:
//! - 2024-Q2 runs 04-01 → 06-30, 90 days; 49 days have passed: expected = 49/90 = 0.5444…
//! - 2024 runs 01-01 → 12-31, 365 days; 31+29+31+30+19 = 140 have passed: expected = 140/365.
//! - 2024-Q3 has not started: expected = 0.
//!
//! Status uses the default pace tolerance 0.1, so in 2024-Q2 a figure is on track from
//! 49/90 − 0.1 = 0.4444… up.

use serde_json::{Value, json};

use crate::support::*;

const Q2_EXPECTED: f64 = 49.0 / 90.0;
const YEAR_EXPECTED: f64 = 140.0 / 365.0;

fn good() -> Value {
    built_json(&fixture("good"), &[])
}

fn good_with_drafts() -> Value {
    built_json(&fixture("good"), &["--drafts"])
}

#[test]
fn increase_key_result_uses_the_latest_checkin_and_a_file_beats_inline_on_the_same_day() {
    let json = good();
    // Inline: 04-15 → 120 (confidence 6), 05-10 → 150 (confidence 7).
    // File checkins/2024-05-10-revenue.md: 05-10 → 160 (confidence 5): same day, files
    // come after inline check-ins, so it is the latest.
    // File checkins/2024-05-25-revenue.md: after the as-of date, ignored.
    // raw = (160 − 100) / (200 − 100) = 0.6; 0.6 ≥ 0.4444 → on_track.
    assert_kr(
        &json,
        "grow-revenue/revenue",
        KrFigures {
            current: json!(160),
            raw_progress: 0.6,
            progress: 0.6,
            confidence: Some(5),
            status: "on_track",
            at_risk: false,
        },
    );
}

#[test]
fn decrease_is_inferred_and_files_on_one_day_go_in_path_order() {
    let json = good();
    // start 10, target 5, no `metric`: target < start, so decrease.
    // 05-15 checkins/2024-05-15-a-churn.md → 9 (confidence 4), then
    // 05-15 checkins/2024-05-15-weekly.md → 8 (confidence 3): later in byte order, it wins.
    // raw = (8 − 10) / (5 − 10) = −2 / −5 = 0.4; 0.4 < 0.4444 → behind.
    // confidence 3 ≤ 3 → at risk.
    assert_eq!(
        key_result(&json, "grow-revenue/churn")["metric"],
        "decrease"
    );
    assert_kr(
        &json,
        "grow-revenue/churn",
        KrFigures {
            current: json!(8),
            raw_progress: 0.4,
            progress: 0.4,
            confidence: Some(3),
            status: "behind",
            at_risk: true,
        },
    );
}

#[test]
fn stay_above_broken_on_the_latest_checkin_is_zero_and_keeps_the_last_confidence_given() {
    let json = good();
    // 04-30 inline 99.95 (confidence 8); 05-15 weekly file 99.85 (no confidence).
    // 99.85 < 99.9 → progress 0 = raw_progress; confidence from the latest that gave one: 8.
    assert_kr(
        &json,
        "eng-uptime/kr1",
        KrFigures {
            current: json!(99.85),
            raw_progress: 0.0,
            progress: 0.0,
            confidence: Some(8),
            status: "behind",
            at_risk: false,
        },
    );
    let kr = key_result(&json, "eng-uptime/kr1");
    assert_eq!(kr["metric"], "stay_above");
    assert_eq!(kr["start"], Value::Null);
    assert_close(&kr["target"], 99.9, "eng-uptime/kr1 target");
    assert_eq!(kr["unit"], "%");
}

#[test]
fn stay_below_kept_is_on_track_while_the_period_runs() {
    let json = good();
    // 05-01 inline 280 ≤ 300 → progress 1; a threshold held mid-period is on track, not
    // yet done (docs/format.md, "Status in a closed period").
    assert_kr(
        &json,
        "eng-uptime/kr2",
        KrFigures {
            current: json!(280),
            raw_progress: 1.0,
            progress: 1.0,
            confidence: Some(9),
            status: "on_track",
            at_risk: false,
        },
    );
    let kr = key_result(&json, "eng-uptime/kr2");
    assert_eq!(kr["metric"], "stay_below");
    assert_eq!(kr["start"], Value::Null);
    assert_close(&kr["weight"], 2.0, "eng-uptime/kr2 weight");
}

#[test]
fn milestone_not_done_is_false_and_has_no_start_or_target() {
    let json = good();
    // checkins/2024-q2/2024-05-02-soc2.md: done: false, confidence 4 → progress 0; a
    // milestone has no pace, so it is on track until done.
    assert_kr(
        &json,
        "eng-uptime/kr3",
        KrFigures {
            current: json!(false),
            raw_progress: 0.0,
            progress: 0.0,
            confidence: Some(4),
            status: "on_track",
            at_risk: false,
        },
    );
    let kr = key_result(&json, "eng-uptime/kr3");
    assert_eq!(kr["metric"], "milestone");
    assert_eq!(kr["start"], Value::Null);
    assert_eq!(kr["target"], Value::Null);
    assert_eq!(kr["checkins"][0]["done"], false);
    assert_eq!(kr["checkins"][0]["value"], Value::Null);
}

#[test]
fn over_achieved_key_result_shows_raw_progress_above_one_and_clamps_progress() {
    let json = good();
    // partners/kr2: start 0, target 10, inline 04-10 → 12: raw 1.2, progress 1 → done.
    assert_kr(
        &json,
        "partners/kr2",
        KrFigures {
            current: json!(12),
            raw_progress: 1.2,
            progress: 1.0,
            confidence: Some(9),
            status: "done",
            at_risk: false,
        },
    );
}

#[test]
fn key_result_without_checkins_has_no_data_and_current_is_start() {
    let json = good();
    // partners/kr1: start 0 (default), target 4, no check-in.
    assert_kr(
        &json,
        "partners/kr1",
        KrFigures {
            current: json!(0),
            raw_progress: 0.0,
            progress: 0.0,
            confidence: None,
            status: "no_data",
            at_risk: false,
        },
    );
    // q3-expansion/kr1: 2024-Q3 has not started → upcoming, whatever its data.
    assert_kr(
        &json,
        "q3-expansion/kr1",
        KrFigures {
            current: json!(0),
            raw_progress: 0.0,
            progress: 0.0,
            confidence: None,
            status: "upcoming",
            at_risk: false,
        },
    );
    // upsell/kr1: start 0, target 20, file 05-18 → 5: raw 0.25 < 0.4444 → behind.
    assert_kr(
        &json,
        "upsell/kr1",
        KrFigures {
            current: json!(5),
            raw_progress: 0.25,
            progress: 0.25,
            confidence: Some(6),
            status: "behind",
            at_risk: false,
        },
    );
}

#[test]
fn objectives_roll_up_their_key_results_by_weight_and_take_the_weakest_confidence() {
    let json = good();
    // grow-revenue: revenue 0.6 × weight 3, churn 0.4 × weight 1:
    // (1.8 + 0.4) / 4 = 0.55 ≥ 0.4444 → on_track; confidence min(5, 3) = 3 → at risk.
    assert_objective(
        &json,
        "grow-revenue",
        ObjectiveFigures {
            progress: 0.55,
            expected: Q2_EXPECTED,
            status: "on_track",
            confidence: Some(3),
            at_risk: true,
        },
    );
    // eng-uptime: kr1 0 × 1, kr2 1 × 2, kr3 0 × 1: 2 / 4 = 0.5 → on_track;
    // confidence min(8, 9, 4) = 4 → not at risk.
    assert_objective(
        &json,
        "eng-uptime",
        ObjectiveFigures {
            progress: 0.5,
            expected: Q2_EXPECTED,
            status: "on_track",
            confidence: Some(4),
            at_risk: false,
        },
    );
    // partners: (0 + 1) / 2 = 0.5; kr1 has no confidence and is skipped: 9.
    assert_objective(
        &json,
        "partners",
        ObjectiveFigures {
            progress: 0.5,
            expected: Q2_EXPECTED,
            status: "on_track",
            confidence: Some(9),
            at_risk: false,
        },
    );
    // upsell: 0.25 < 0.4444 → behind.
    assert_objective(
        &json,
        "upsell",
        ObjectiveFigures {
            progress: 0.25,
            expected: Q2_EXPECTED,
            status: "behind",
            confidence: Some(6),
            at_risk: false,
        },
    );
    // q3-expansion: 2024-Q3 has not started.
    assert_objective(
        &json,
        "q3-expansion",
        ObjectiveFigures {
            progress: 0.0,
            expected: 0.0,
            status: "upcoming",
            confidence: None,
            at_risk: false,
        },
    );
}

#[test]
fn yearly_objective_without_key_results_rolls_up_its_children_of_any_period() {
    let json = good();
    // company-2024's children (the draft left out): grow-revenue 0.55 × 2,
    // eng-uptime 0.5 × 1, q3-expansion (not started) 0 × 1:
    // (1.1 + 0.5 + 0) / 4 = 0.4. Expected 140/365 = 0.3836; 0.4 ≥ 0.2836 → on_track.
    // Confidence: the lowest of its children's, min(3, 4) = 3 (q3-expansion has none) → at risk.
    assert_objective(
        &json,
        "company-2024",
        ObjectiveFigures {
            progress: 0.4,
            expected: YEAR_EXPECTED,
            status: "on_track",
            confidence: Some(3),
            at_risk: true,
        },
    );
    let o = objective(&json, "company-2024");
    assert_eq!(
        o["period"], "2024",
        "an unquoted `period: 2024` is the year"
    );
    assert_eq!(o["key_results"], json!([]));
}

#[test]
fn periods_roll_up_their_top_level_objectives() {
    let json = good();
    // Periods by start date: 2024 (01-01), 2024-Q2 (04-01), 2024-Q3 (07-01).
    assert_eq!(ids(&json["periods"]), ["2024", "2024-Q2", "2024-Q3"]);

    // 2024-Q2: all its objectives by id; upsell aligns to grow-revenue (same period) so it
    // is not top level; grow-revenue and eng-uptime align to a yearly objective, so they are.
    // (0.55 × 2 + 0.5 × 1 + 0.5 × 1) / 4 = 2.1 / 4 = 0.525.
    let q2 = period(&json, "2024-Q2");
    assert_eq!(q2["start"], "2024-04-01");
    assert_eq!(q2["end"], "2024-06-30");
    assert_close(&q2["expected"], Q2_EXPECTED, "2024-Q2 expected");
    assert_close(&q2["progress"], 0.525, "2024-Q2 progress");
    assert_eq!(
        ids(&q2["objectives"]),
        ["eng-uptime", "grow-revenue", "partners", "upsell"]
    );

    // 2024: company-2024 alone, 0.4.
    let year = period(&json, "2024");
    assert_eq!(
        (&year["start"], &year["end"]),
        (&json!("2024-01-01"), &json!("2024-12-31"))
    );
    assert_close(&year["expected"], YEAR_EXPECTED, "2024 expected");
    assert_close(&year["progress"], 0.4, "2024 progress");
    assert_eq!(ids(&year["objectives"]), ["company-2024"]);

    // 2024-Q3: q3-expansion, 0 of 0.
    let q3 = period(&json, "2024-Q3");
    assert_close(&q3["expected"], 0.0, "2024-Q3 expected");
    assert_close(&q3["progress"], 0.0, "2024-Q3 progress");
    assert_eq!(ids(&q3["objectives"]), ["q3-expansion"]);
}

#[test]
fn teams_roll_up_their_objectives_per_period() {
    let json = good();
    // Teams by id; "Customer Success" is only named by `team:` of partners.
    assert_eq!(
        ids(&json["teams"]),
        ["company", "customer-success", "eng", "sales"]
    );
    // company: company-2024 alone → {2024: 0.4}.
    let company = team(&json, "company");
    assert_eq!(company["parent"], Value::Null);
    assert_eq!(
        company["progress"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["2024"]
    );
    assert_close(&company["progress"]["2024"], 0.4, "company 2024");
    // sales: 2024-Q2 grow-revenue 0.55 × 2 and upsell 0.25 × 1 → 1.35 / 3 = 0.45;
    // 2024-Q3 q3-expansion → 0.
    let sales = team(&json, "sales");
    assert_eq!(sales["name"], "Sales");
    assert_eq!(sales["parent"], "company");
    assert_close(&sales["progress"]["2024-Q2"], 0.45, "sales 2024-Q2");
    assert_close(&sales["progress"]["2024-Q3"], 0.0, "sales 2024-Q3");
    assert_eq!(sales["progress"].as_object().unwrap().len(), 2);
    // eng: eng-uptime 0.5 (the draft left out).
    let eng = team(&json, "eng");
    assert_eq!(eng["parent"], "company");
    assert_close(&eng["progress"]["2024-Q2"], 0.5, "eng 2024-Q2");
    assert_eq!(eng["progress"].as_object().unwrap().len(), 1);
    // customer-success: partners 0.5.
    let cs = team(&json, "customer-success");
    assert_eq!(cs["name"], "Customer Success");
    assert_eq!(cs["parent"], Value::Null);
    assert_close(&cs["progress"]["2024-Q2"], 0.5, "customer-success 2024-Q2");
}

#[test]
fn objectives_are_listed_by_id_with_their_children_and_alignment() {
    let json = good();
    assert_eq!(
        ids(&json["objectives"]),
        [
            "company-2024",
            "eng-uptime",
            "grow-revenue",
            "partners",
            "q3-expansion",
            "upsell"
        ]
    );
    let children = |id: &str| ids(&objective(&json, id)["children"]);
    assert_eq!(
        children("company-2024"),
        ["eng-uptime", "grow-revenue", "q3-expansion"]
    );
    assert_eq!(children("grow-revenue"), ["upsell"]);
    assert!(children("eng-uptime").is_empty());
    assert!(children("upsell").is_empty());

    let uptime = objective(&json, "eng-uptime");
    assert_eq!(uptime["aligns_to"], json!(["company-2024", "reliable"]));
    assert_eq!(uptime["commitment"], "committed");
    assert_eq!(uptime["draft"], false);
    assert_eq!(uptime["url"], "objectives/eng-uptime/");
    let grow = objective(&json, "grow-revenue");
    assert_close(&grow["weight"], 2.0, "grow-revenue weight");
    assert_eq!(grow["commitment"], "aspirational");
    assert_eq!(grow["owner"], "bob");
    assert_eq!(grow["team"], "sales");
    // Key results in the order written; ids default to krN by position.
    assert_eq!(
        ids(&uptime["key_results"]),
        ["eng-uptime/kr1", "eng-uptime/kr2", "eng-uptime/kr3"]
    );
    assert_eq!(
        ids(&grow["key_results"]),
        ["grow-revenue/revenue", "grow-revenue/churn"]
    );
}

#[test]
fn checkins_are_listed_by_date_then_inline_then_path_and_later_ones_are_left_out() {
    let json = good();
    // The inline 05-10 check-in is written before the 04-15 one; the list is by date.
    assert_eq!(
        checkin_dates(&json, "grow-revenue/revenue"),
        [
            (
                "2024-04-15".into(),
                "objectives/sales/grow-revenue.md".into()
            ),
            (
                "2024-05-10".into(),
                "objectives/sales/grow-revenue.md".into()
            ),
            ("2024-05-10".into(), "checkins/2024-05-10-revenue.md".into()),
        ] as [(String, String); 3]
    );
    assert_eq!(
        checkin_dates(&json, "grow-revenue/churn"),
        [
            ("2024-05-15".into(), "checkins/2024-05-15-a-churn.md".into()),
            ("2024-05-15".into(), "checkins/2024-05-15-weekly.md".into()),
        ] as [(String, String); 2]
    );
    // Inline check-ins have no author; file check-ins carry the file's author.
    let revenue = key_result(&json, "grow-revenue/revenue");
    assert_eq!(
        revenue["checkins"][0],
        json!({ "date": "2024-04-15", "value": 120, "done": null, "confidence": 6,
                "author": null, "source": "objectives/sales/grow-revenue.md" })
    );
    assert_eq!(
        revenue["checkins"][2],
        json!({ "date": "2024-05-10", "value": 160, "done": null, "confidence": 5,
                "author": "bob", "source": "checkins/2024-05-10-revenue.md" })
    );
    // An update of a multi-update file without confidence.
    assert_eq!(
        key_result(&json, "eng-uptime/kr1")["checkins"][1],
        json!({ "date": "2024-05-15", "value": 99.85, "done": null, "confidence": null,
                "author": "ann", "source": "checkins/2024-05-15-weekly.md" })
    );
    // Nothing dated after 2024-05-20 appears anywhere.
    let text = serde_json::to_string(&json).unwrap();
    assert!(
        !text.contains("2024-05-25"),
        "a later check-in leaked: {text}"
    );
}

#[test]
fn people_and_teams_named_only_by_an_owner_or_team_are_listed_with_slug_ids() {
    let json = good();
    // people/ann.md and people/bob.md, plus "Carl Diaz" (owner of a key result) and 李四
    // (owner of company-2024); the check-in author "dave" creates nobody.
    assert_eq!(
        json["people"],
        json!([
            { "id": "ann", "name": "Ann Lee", "team": "eng" },
            { "id": "bob", "name": "Bob Ray", "team": "sales" },
            { "id": "carl-diaz", "name": "Carl Diaz", "team": null },
            { "id": "李四", "name": "李四", "team": null },
        ])
    );
    assert_eq!(
        key_result(&json, "grow-revenue/churn")["owner"],
        "carl-diaz"
    );
    assert_eq!(objective(&json, "company-2024")["owner"], "李四");
    assert_eq!(objective(&json, "partners")["team"], "customer-success");
}

#[test]
fn site_and_org_come_from_okrs_yaml_and_org_md() {
    let json = good();
    assert_eq!(
        json["generator"],
        format!("okrs {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(json["as_of"], "2024-05-20");
    assert_eq!(
        json["site"],
        json!({ "title": "Good Co OKRs", "language": "en",
                "description": "A small, complete site for the integration tests" })
    );
    assert_eq!(
        json["org"],
        json!({
            "name": "Good Co",
            "mission": "Make good things",
            "vision": "Everyone owns something good",
            "strategies": [
                { "id": "grow", "title": "Grow the business" },
                { "id": "reliable", "title": "Be the most reliable supplier" },
            ]
        })
    );
    let top: Vec<&String> = json.as_object().unwrap().keys().collect();
    let mut want = vec![
        "as_of",
        "generator",
        "objectives",
        "org",
        "people",
        "periods",
        "site",
        "teams",
    ];
    want.sort();
    assert_eq!(top, want);
}

#[test]
fn draft_is_left_out_without_drafts() {
    let json = good();
    let text = serde_json::to_string(&json).unwrap();
    assert!(
        !text.contains("draft-idea"),
        "the draft appears somewhere in okrs.json: {text}"
    );
    // …and out of the rollups: see the figures of the tests above (eng 0.5, 2024-Q2 0.525).
}

#[test]
fn draft_is_listed_and_counted_in_rollups_with_drafts() {
    let json = good_with_drafts();
    // draft-idea/kr1: start 0, target 10, inline 05-01 → 2 (confidence 2):
    // raw 0.2 < 0.4444 → behind; confidence 2 → at risk.
    assert_kr(
        &json,
        "draft-idea/kr1",
        KrFigures {
            current: json!(2),
            raw_progress: 0.2,
            progress: 0.2,
            confidence: Some(2),
            status: "behind",
            at_risk: true,
        },
    );
    assert_objective(
        &json,
        "draft-idea",
        ObjectiveFigures {
            progress: 0.2,
            expected: Q2_EXPECTED,
            status: "behind",
            confidence: Some(2),
            at_risk: true,
        },
    );
    assert_eq!(objective(&json, "draft-idea")["draft"], true);
    assert_eq!(
        ids(&json["objectives"]),
        [
            "company-2024",
            "draft-idea",
            "eng-uptime",
            "grow-revenue",
            "partners",
            "q3-expansion",
            "upsell"
        ]
    );
    // company-2024: (0.55 × 2 + 0.5 + 0 + 0.2) / 5 = 1.8 / 5 = 0.36;
    // confidence min(3, 4, 2) = 2.
    assert_objective(
        &json,
        "company-2024",
        ObjectiveFigures {
            progress: 0.36,
            expected: YEAR_EXPECTED,
            status: "on_track",
            confidence: Some(2),
            at_risk: true,
        },
    );
    assert_eq!(
        ids(&objective(&json, "company-2024")["children"]),
        ["draft-idea", "eng-uptime", "grow-revenue", "q3-expansion"]
    );
    // 2024-Q2: (0.55 × 2 + 0.5 + 0.5 + 0.2) / 5 = 2.3 / 5 = 0.46.
    let q2 = period(&json, "2024-Q2");
    assert_close(&q2["progress"], 0.46, "2024-Q2 progress with drafts");
    assert_eq!(
        ids(&q2["objectives"]),
        [
            "draft-idea",
            "eng-uptime",
            "grow-revenue",
            "partners",
            "upsell"
        ]
    );
    // 2024: company-2024 alone, 0.36.
    assert_close(&period(&json, "2024")["progress"], 0.36, "2024 with drafts");
    // eng: eng-uptime 0.5 and draft-idea 0.2 → 0.35.
    assert_close(
        &team(&json, "eng")["progress"]["2024-Q2"],
        0.35,
        "eng 2024-Q2 with drafts",
    );
    // company team: company-2024 → 0.36.
    assert_close(
        &team(&json, "company")["progress"]["2024"],
        0.36,
        "company 2024 with drafts",
    );
}

#[test]
fn a_link_to_a_draft_is_omitted_without_drafts() {
    let site = Site::new("title: Drafts\nas_of: 2024-05-20\n");
    site.file(
        "objectives/idea.md",
        "---\ntitle: An idea\nperiod: 2024-Q2\ndraft: true\n---\n",
    )
    .file(
        "objectives/work.md",
        "---\ntitle: Work\nperiod: 2024-Q2\naligns_to: [idea, focus]\n\
         key_results:\n  - { title: k, target: 10, checkins: [{ date: 2024-05-01, value: 5 }] }\n---\n",
    )
    .file(
        "org.md",
        "---\nstrategies:\n  - { id: focus, title: Focus }\n---\n",
    );
    let json = site.built_json(&[]);
    assert_eq!(objective(&json, "work")["aligns_to"], json!(["focus"]));
    assert!(!serde_json::to_string(&json).unwrap().contains("idea"));
    // Without the draft, work is top level in 2024-Q2: progress 0.5.
    assert_close(&period(&json, "2024-Q2")["progress"], 0.5, "2024-Q2");

    let json = site.built_json(&["--drafts"]);
    assert_eq!(
        objective(&json, "work")["aligns_to"],
        json!(["idea", "focus"])
    );
    assert_eq!(ids(&objective(&json, "idea")["children"]), ["work"]);
    // With it, idea (no key results) is 0.5 through work, and the only top-level one.
    assert_close(&objective(&json, "idea")["progress"], 0.5, "idea");
    assert_close(&period(&json, "2024-Q2")["progress"], 0.5, "2024-Q2");
}

#[test]
fn numbers_are_never_negative_zero() {
    // A decrease key result checked in at its start: (10 − 10) / (5 − 10) = −0.
    let site = Site::new("title: Zero\nas_of: 2024-05-20\n");
    site.file(
        "objectives/o.md",
        "---\ntitle: O\nperiod: 2024-Q2\nkey_results:\n  - { title: k, start: 10, target: 5, \
         checkins: [{ date: 2024-05-01, value: 10 }] }\n---\n",
    );
    let (run, out) = build_into_temp(site.path(), &[], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(out.path().join("public/okrs.json")).unwrap();
    let negative_zero = text.lines().any(|line| {
        let value = line.trim().trim_end_matches(',');
        let value = value.rsplit(": ").next().unwrap();
        value == "-0" || value == "-0.0"
    });
    assert!(!negative_zero, "negative zero in okrs.json:\n{text}");
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(key_result(&json, "o/kr1")["raw_progress"], json!(0));
}

#[test]
fn custom_periods_are_listed_even_without_objectives() {
    let site = Site::new(
        "title: Custom\nas_of: 2024-05-20\nperiods:\n  - { id: FY2024, start: 2024-02-01, end: 2025-01-31 }\n",
    );
    site.file(
        "objectives/o.md",
        "---\ntitle: O\nperiod: 2024-Q2\nkey_results:\n  - { title: k, target: 4, \
         checkins: [{ date: 2024-05-01, value: 1 }] }\n---\n",
    );
    let json = site.built_json(&[]);
    // FY2024 starts before 2024-Q2. 2024-02-01 → 2025-01-31 is 365 days; 2024-05-20 is
    // 29 + 31 + 30 + 19 = 109 days in.
    assert_eq!(ids(&json["periods"]), ["FY2024", "2024-Q2"]);
    let fy = period(&json, "FY2024");
    assert_close(&fy["expected"], 109.0 / 365.0, "FY2024 expected");
    assert_close(&fy["progress"], 0.0, "FY2024 progress");
    assert_eq!(fy["objectives"], json!([]));
}

/// A site with one 2024-Q2 objective whose two key results are checked in on 2024-05-01.
fn pace_site(pace_tolerance: &str) -> Site {
    let site = Site::new(&format!("title: Pace\nas_of: 2024-05-25\n{pace_tolerance}"));
    site.file(
        "objectives/o.md",
        "---\ntitle: O\nperiod: 2024-Q2\nkey_results:\n\
         \x20 - { id: a, title: a, start: 0.2, target: 1.2, checkins: [{ date: 2024-05-01, value: 0.7 }] }\n\
         \x20 - { id: b, title: b, start: 0, target: 100, checkins: [{ date: 2024-05-01, value: 49 }] }\n---\n",
    );
    site
}

#[test]
fn comparisons_allow_rounding_error() {
    // As of 2024-05-25, 54 of 90 days of 2024-Q2: expected 0.6; on track from 0.6 − 0.1 = 0.5.
    // a: (0.7 − 0.2) / (1.2 − 0.2) is 0.49999999999999994 in binary, but counts as 0.5:
    // on_track. b: 49 / 100 = 0.49 → behind.
    let json = pace_site("").built_json(&[]);
    assert_close(&objective(&json, "o")["expected"], 0.6, "o expected");
    assert_close(
        &key_result(&json, "o/a")["raw_progress"],
        0.5,
        "o/a raw_progress",
    );
    assert_eq!(key_result(&json, "o/a")["status"], "on_track");
    assert_eq!(key_result(&json, "o/b")["status"], "behind");
}

#[test]
fn pace_tolerance_in_okrs_yaml_widens_on_track() {
    // With pace_tolerance 0.2, on track from 0.6 − 0.2 = 0.4: b (0.49) is on track too.
    let json = pace_site("pace_tolerance: 0.2\n").built_json(&[]);
    assert_eq!(key_result(&json, "o/b")["status"], "on_track");
    // The objective: (0.5 + 0.49) / 2 = 0.495 ≥ 0.4.
    assert_close(&objective(&json, "o")["progress"], 0.495, "o progress");
    assert_eq!(objective(&json, "o")["status"], "on_track");
}

#[test]
fn a_one_day_period_is_expected_complete_from_its_day_on() {
    let site = Site::new(
        "title: Launch\nperiods:\n  - { id: launch-day, start: 2024-05-20, end: 2024-05-20 }\n",
    );
    site.file(
        "objectives/launch.md",
        "---\ntitle: Launch\nperiod: launch-day\nkey_results:\n  - { title: Shipped, metric: milestone }\n---\n",
    );
    let on_the_day = site.built_json(&["--as-of", "2024-05-20"]);
    assert_close(
        &period(&on_the_day, "launch-day")["expected"],
        1.0,
        "on the day",
    );
    assert_eq!(objective(&on_the_day, "launch")["status"], "no_data");
    let day_before = site.built_json(&["--as-of", "2024-05-19"]);
    assert_close(
        &period(&day_before, "launch-day")["expected"],
        0.0,
        "the day before",
    );
    assert_eq!(objective(&day_before, "launch")["status"], "upcoming");
}
