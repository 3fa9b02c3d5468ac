//! The as-of date (docs/format.md#the-as-of-date): `--as-of`, else `as_of` in okrs.yaml, else SOURCE_DATE_EPOCH
//! (UTC), else today; check-ins after it appear nowhere.
//!
//! As of 2024-05-01 in the `good` fixture:
//! - 2024-Q2: 30 of 90 days → expected 1/3; on track from 1/3 − 0.1 = 0.2333… up.
//! - 2024: 31 + 29 + 31 + 30 = 121 of 365 days → expected 121/365 = 0.3315…

use serde_json::{Value, json};

use crate::support::*;

const Q2_EXPECTED: f64 = 30.0 / 90.0;
const YEAR_EXPECTED: f64 = 121.0 / 365.0;

/// 2024-05-01T00:00:00Z and 2024-05-01T23:59:59Z.
const MAY_1_START: &str = "1714521600";
const MAY_1_END: &str = "1714607999";

/// The figures that differ between 2024-05-01 and 2024-05-20.
fn assert_may_first_figures(json: &Value) {
    assert_eq!(json["as_of"], "2024-05-01");
    // revenue: only the 04-15 inline check-in (120, confidence 6) counts:
    // raw = (120 − 100) / 100 = 0.2 < 0.2333 → behind.
    assert_kr(
        json,
        "grow-revenue/revenue",
        KrFigures {
            current: json!(120),
            raw_progress: 0.2,
            progress: 0.2,
            confidence: Some(6),
            status: "behind",
            at_risk: false,
        },
    );
    assert_eq!(
        checkin_dates(json, "grow-revenue/revenue"),
        [(
            "2024-04-15".to_owned(),
            "objectives/sales/grow-revenue.md".to_owned()
        )]
    );
    // churn: both check-ins are on 05-15, so no data: current is start (10).
    assert_kr(
        json,
        "grow-revenue/churn",
        KrFigures {
            current: json!(10),
            raw_progress: 0.0,
            progress: 0.0,
            confidence: None,
            status: "no_data",
            at_risk: false,
        },
    );
    assert_eq!(
        key_result(json, "grow-revenue/churn")["checkins"],
        json!([])
    );
    // eng-uptime/kr1: 04-30 → 99.95 ≥ 99.9 → held, so on track (the 05-15 dip is not yet there).
    assert_kr(
        json,
        "eng-uptime/kr1",
        KrFigures {
            current: json!(99.95),
            raw_progress: 1.0,
            progress: 1.0,
            confidence: Some(8),
            status: "on_track",
            at_risk: false,
        },
    );
    // eng-uptime/kr2: the 05-01 check-in is on the as-of date, so it counts.
    assert_eq!(key_result(json, "eng-uptime/kr2")["status"], "on_track");
    // eng-uptime/kr3: its check-in is dated 05-02: no data, not done.
    assert_kr(
        json,
        "eng-uptime/kr3",
        KrFigures {
            current: json!(false),
            raw_progress: 0.0,
            progress: 0.0,
            confidence: None,
            status: "no_data",
            at_risk: false,
        },
    );
    // grow-revenue: (0.2 × 3 + 0 × 1) / 4 = 0.15 < 0.2333 → behind; confidence 6.
    assert_objective(
        json,
        "grow-revenue",
        ObjectiveFigures {
            progress: 0.15,
            expected: Q2_EXPECTED,
            status: "behind",
            confidence: Some(6),
            at_risk: false,
        },
    );
    // eng-uptime: (1 × 1 + 1 × 2 + 0 × 1) / 4 = 0.75; confidence min(8, 9) = 8.
    assert_objective(
        json,
        "eng-uptime",
        ObjectiveFigures {
            progress: 0.75,
            expected: Q2_EXPECTED,
            status: "on_track",
            confidence: Some(8),
            at_risk: false,
        },
    );
    // upsell: its only check-in is dated 05-18 → no data.
    assert_objective(
        json,
        "upsell",
        ObjectiveFigures {
            progress: 0.0,
            expected: Q2_EXPECTED,
            status: "no_data",
            confidence: None,
            at_risk: false,
        },
    );
    // company-2024: (0.15 × 2 + 0.75 × 1 + 0 × 1) / 4 = 1.05 / 4 = 0.2625;
    // 0.2625 ≥ 0.3315 − 0.1 → on_track; confidence min(6, 8) = 6.
    assert_objective(
        json,
        "company-2024",
        ObjectiveFigures {
            progress: 0.2625,
            expected: YEAR_EXPECTED,
            status: "on_track",
            confidence: Some(6),
            at_risk: false,
        },
    );
    // 2024-Q2: (0.15 × 2 + 0.75 + 0.5) / 4 = 1.55 / 4 = 0.3875.
    let q2 = period(json, "2024-Q2");
    assert_close(&q2["expected"], Q2_EXPECTED, "2024-Q2 expected");
    assert_close(&q2["progress"], 0.3875, "2024-Q2 progress");
    assert_close(
        &period(json, "2024")["expected"],
        YEAR_EXPECTED,
        "2024 expected",
    );
    // sales, 2024-Q2: (0.15 × 2 + 0 × 1) / 3 = 0.1.
    assert_close(
        &team(json, "sales")["progress"]["2024-Q2"],
        0.1,
        "sales 2024-Q2",
    );
    assert_close(
        &team(json, "eng")["progress"]["2024-Q2"],
        0.75,
        "eng 2024-Q2",
    );
    // Nothing dated after 05-01 appears anywhere.
    let text = serde_json::to_string(json).unwrap();
    for later in [
        "2024-05-02",
        "2024-05-10",
        "2024-05-15",
        "2024-05-18",
        "2024-05-25",
    ] {
        assert!(!text.contains(later), "a check-in of {later} leaked");
    }
}

#[test]
fn as_of_flag_changes_the_figures_and_drops_later_checkins() {
    let json = built_json(&fixture("good"), &["--as-of", "2024-05-01"]);
    assert_may_first_figures(&json);
}

/// A copy of the good site whose okrs.yaml has no `as_of`.
fn good_without_as_of() -> Site {
    let site = Site::copy_of("good");
    let yaml = site.read("okrs.yaml");
    let without: String = yaml
        .lines()
        .filter(|l| !l.starts_with("as_of:"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(yaml, without, "the fixture's okrs.yaml sets as_of");
    site.file("okrs.yaml", without);
    site
}

#[test]
fn source_date_epoch_is_the_as_of_date_without_flag_or_config() {
    let site = good_without_as_of();
    let json = built_json_env(site.path(), &[], &[("SOURCE_DATE_EPOCH", MAY_1_START)]);
    assert_may_first_figures(&json);
}

#[test]
fn source_date_epoch_is_read_in_utc() {
    // 2024-05-01T23:59:59Z is already 2024-05-02 in Shanghai; the as-of date is UTC's.
    let site = good_without_as_of();
    let json = built_json_env(
        site.path(),
        &[],
        &[("SOURCE_DATE_EPOCH", MAY_1_END), ("TZ", "Asia/Shanghai")],
    );
    assert_eq!(json["as_of"], "2024-05-01");
}

#[test]
fn as_of_in_okrs_yaml_beats_source_date_epoch() {
    let json = built_json_env(&fixture("good"), &[], &[("SOURCE_DATE_EPOCH", MAY_1_START)]);
    assert_eq!(json["as_of"], "2024-05-20");
}

#[test]
fn as_of_flag_beats_okrs_yaml_and_source_date_epoch() {
    let site = good_without_as_of();
    let json = built_json_env(
        site.path(),
        &["--as-of", "2024-05-20"],
        &[("SOURCE_DATE_EPOCH", MAY_1_START)],
    );
    assert_eq!(json["as_of"], "2024-05-20");
    assert_close(
        &objective(&json, "company-2024")["progress"],
        0.4,
        "company-2024",
    );
}

#[test]
fn today_is_the_as_of_date_without_flag_config_or_source_date_epoch() {
    let site = good_without_as_of();
    let before = chrono::Local::now().date_naive().to_string();
    let json = site.built_json(&[]);
    let after = chrono::Local::now().date_naive().to_string();
    let as_of = json["as_of"].as_str().unwrap();
    assert!(
        as_of == before || as_of == after,
        "as_of {as_of}, today {before}"
    );
}

#[test]
fn check_honours_the_as_of_flag() {
    // eng-uptime/kr3 was last checked in on 05-02: 18 days before 05-20 (stale, more
    // than 14), 8 days before 05-10 (not stale).
    let kr3_is_stale = |args: &[&str]| {
        let (_, diags) = check(&fixture("good"), args);
        diags
            .iter()
            .any(|d| d.rule == "stale-checkin" && d.message.contains("'eng-uptime/kr3'"))
    };
    assert!(kr3_is_stale(&[]));
    assert!(!kr3_is_stale(&["--as-of", "2024-05-10"]));
}
