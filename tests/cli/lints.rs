//! Lints (docs/checks.md#lints): the `lints` fixture has one objective per lint, named after it, and
//! an objective (`clean.md`) no lint objects to. As of 2024-05-20, 2024-Q2 is running and
//! 2024-Q1 has ended; every other key result was checked in on 2024-05-15.

use std::collections::BTreeMap;

use crate::support::*;

const LINTS: [&str; 12] = [
    "max-key-results",
    "kr-owner",
    "kr-measurable",
    "kr-direction",
    "kr-no-checkins",
    "stale-checkin",
    "objective-aligned",
    "objective-empty",
    "too-easy",
    "committed-missed",
    "unknown-person",
    "unknown-team",
];

/// How many diagnostics of each rule.
fn counts(diags: &[Diag]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for d in diags {
        *counts.entry(d.rule.clone()).or_default() += 1;
    }
    counts
}

/// A copy of the lints fixture with this `lints:` section in okrs.yaml.
fn lints_with(config: &str) -> Site {
    let site = Site::copy_of("lints");
    let yaml = site.read("okrs.yaml");
    site.file("okrs.yaml", format!("{yaml}lints:\n{config}"));
    site
}

#[test]
fn each_lint_fires_exactly_once_in_its_own_file() {
    let (code, diags) = check(&fixture("lints"), &[]);
    assert_eq!(code, 0, "warnings alone exit 0:\n{}", listing(&diags));
    assert!(
        diags.iter().all(|d| d.severity == "warning"),
        "{}",
        listing(&diags)
    );
    let want: BTreeMap<String, usize> = LINTS.iter().map(|l| (l.to_string(), 1)).collect();
    assert_eq!(counts(&diags), want, "{}", listing(&diags));
    for d in &diags {
        assert_eq!(
            d.file,
            format!("objectives/{}.md", d.rule),
            "{}: {}",
            d.at(),
            d.message
        );
    }
}

#[test]
fn objective_lints_point_at_the_start_of_the_front_matter() {
    let (_, diags) = check(&fixture("lints"), &[]);
    for rule in [
        "objective-aligned",
        "objective-empty",
        "too-easy",
        "committed-missed",
    ] {
        let d = only(&diags, &format!("objectives/{rule}.md"), rule);
        assert_eq!((d.line, d.column), (2, 1), "{}", d.at());
    }
}

#[test]
fn key_result_lints_point_at_the_key_result_and_reference_lints_at_the_name() {
    let (_, diags) = check(&fixture("lints"), &[]);
    // file, rule, line, column
    let want = [
        // The sixth key result, `  - { title: Six …` on line 12.
        ("max-key-results", 12, 5),
        // `  - title: …` on line 7.
        ("kr-owner", 7, 5),
        ("kr-measurable", 7, 5),
        ("kr-direction", 7, 5),
        ("kr-no-checkins", 7, 5),
        ("stale-checkin", 7, 5),
        // `owner: zed` on line 4, `team: nowhere` on line 5.
        ("unknown-person", 4, 8),
        ("unknown-team", 5, 7),
    ];
    let mut wrong = Vec::new();
    for (rule, line, column) in want {
        let d = only(&diags, &format!("objectives/{rule}.md"), rule);
        if (d.line, d.column) != (line, column) {
            wrong.push(format!("{} (expected {line}:{column})", d.at()));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn lint_messages_name_the_objective_or_key_result() {
    let (_, diags) = check(&fixture("lints"), &[]);
    let message = |rule: &str| {
        only(&diags, &format!("objectives/{rule}.md"), rule)
            .message
            .clone()
    };
    assert!(message("kr-owner").contains("'kr-owner/kr1'"));
    assert!(message("stale-checkin").contains("2024-05-01"));
    assert!(message("max-key-results").contains("'max-key-results'"));
    assert!(message("unknown-person").contains("'zed'"));
    assert!(message("unknown-team").contains("'nowhere'"));
}

#[test]
fn kr_direction_asks_whether_an_increase_from_0_is_a_decrease_with_its_first_value() {
    // kr-direction.md: target 48, no `start`, first check-in 72.
    let (_, diags) = check(&fixture("lints"), &[]);
    let m = &only(&diags, "objectives/kr-direction.md", "kr-direction").message;
    assert!(
        m.contains("'kr-direction/kr1'")
            && m.contains("first check-in (72)")
            && m.contains("`start: 72`")
            && m.contains("`metric: decrease`"),
        "{m}"
    );
    // With its baseline written, it is a decrease under way: no warning.
    let site = Site::copy_of("lints");
    let text = site.read("objectives/kr-direction.md");
    site.file(
        "objectives/kr-direction.md",
        text.replace("    target: 48\n", "    start: 80\n    target: 48\n"),
    );
    let (_, diags) = site.check(&[]);
    assert_eq!(
        counts(&diags).get("kr-direction"),
        None,
        "{}",
        listing(&diags)
    );
    // A first check-in at or under the target is an increase on its way: no warning.
    site.file(
        "objectives/kr-direction.md",
        text.replace("value: 72", "value: 30"),
    );
    let (_, diags) = site.check(&[]);
    assert_eq!(
        counts(&diags).get("kr-direction"),
        None,
        "{}",
        listing(&diags)
    );
}

#[test]
fn allow_silences_a_lint() {
    let site = lints_with("  kr-owner: allow\n  too-easy: { level: allow }\n");
    let (code, diags) = site.check(&["--deny-warnings"]);
    let counts = counts(&diags);
    assert_eq!(counts.get("kr-owner"), None, "{}", listing(&diags));
    assert_eq!(counts.get("too-easy"), None, "{}", listing(&diags));
    assert_eq!(counts.len(), LINTS.len() - 2, "{}", listing(&diags));
    assert_eq!(code, 1, "other warnings remain");
}

#[test]
fn deny_makes_a_lint_an_error() {
    let site = lints_with("  too-easy: deny\n  unknown-team: { level: deny }\n");
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 1, "a denied lint fails the check");
    let d = only(&diags, "objectives/too-easy.md", "too-easy");
    assert_eq!(d.severity, "error");
    let d = only(&diags, "objectives/unknown-team.md", "unknown-team");
    assert_eq!(d.severity, "error");
    let errors = diags.iter().filter(|d| d.is_error()).count();
    assert_eq!(errors, 2, "{}", listing(&diags));
    // And the build refuses to write.
    let (run, out) = build_into_temp(site.path(), &[], &[]);
    assert_eq!(run.code, 1);
    assert!(!out.path().join("public").exists());
}

#[test]
fn warn_keeps_a_lint_a_warning() {
    let site = lints_with("  kr-owner: warn\n");
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 0);
    assert_eq!(
        only(&diags, "objectives/kr-owner.md", "kr-owner").severity,
        "warning"
    );
}

#[test]
fn max_key_results_parameter_changes_when_it_fires() {
    // max-key-results.md has 6 key results: over a max of 6 it is fine…
    let (_, diags) = lints_with("  max-key-results: { max: 6 }\n").check(&[]);
    assert_eq!(
        counts(&diags).get("max-key-results"),
        None,
        "{}",
        listing(&diags)
    );
    // …over a max of 2 it fires at the third key result (`  - { title: Three …`, line 9);
    // the other objectives have at most one key result.
    let (_, diags) = lints_with("  max-key-results: { level: warn, max: 2 }\n").check(&[]);
    let d = only(&diags, "objectives/max-key-results.md", "max-key-results");
    assert!(d.message.contains("has 6 key results"), "{}", d.message);
    assert_eq!((d.line, d.column), (9, 5), "{}", d.at());
    assert_eq!(counts(&diags)["max-key-results"], 1);
}

#[test]
fn stale_checkin_parameter_changes_when_it_fires() {
    // With 30 days, the 05-01 check-in (19 days before 05-20) is not stale.
    let (_, diags) = lints_with("  stale-checkin: { days: 30 }\n").check(&[]);
    assert_eq!(
        counts(&diags).get("stale-checkin"),
        None,
        "{}",
        listing(&diags)
    );
    // With 3 days, every running key result not done whose last check-in is 05-15 (5 days)
    // is stale too: clean 1, max-key-results 6, kr-owner 1, kr-measurable 1 (a milestone
    // not done), objective-aligned 1, unknown-person 1, unknown-team 1, and stale-checkin
    // 1 = 13. too-easy is done; committed-missed's period has ended.
    let (_, diags) = lints_with("  stale-checkin: { days: 3 }\n").check(&[]);
    let stale: Vec<&Diag> = diags.iter().filter(|d| d.rule == "stale-checkin").collect();
    assert_eq!(stale.len(), 13, "{}", listing(&diags));
    let mut per_file: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &stale {
        *per_file.entry(d.file.as_str()).or_default() += 1;
    }
    assert_eq!(per_file["objectives/max-key-results.md"], 6);
    assert_eq!(per_file["objectives/clean.md"], 1);
    assert!(!per_file.contains_key("objectives/too-easy.md"));
    assert!(!per_file.contains_key("objectives/committed-missed.md"));
}

#[test]
fn unknown_lint_name_in_okrs_yaml_is_an_unknown_key_error() {
    let site = lints_with("  stale-checkins: allow\n");
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 1);
    let d = only(&diags, "okrs.yaml", "unknown-key");
    assert_eq!(d.severity, "error");
    // okrs.yaml has no front matter fence: lines are the file's. `lints:` is line 3.
    assert_eq!((d.line, d.column), (4, 3), "{}", d.at());
    assert!(
        d.message.contains("stale-checkins") && d.message.contains("did you mean `stale-checkin`"),
        "{}",
        d.message
    );
}

#[test]
fn unknown_lint_level_is_an_error() {
    let site = lints_with("  kr-owner: loud\n");
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 1);
    let d = only(&diags, "okrs.yaml", "invalid-value");
    assert_eq!((d.line, d.column), (4, 13), "{}", d.at());
}

#[test]
fn unknown_person_and_team_are_not_flagged_without_people_and_teams_folders() {
    let site = Site::copy_of("lints");
    std::fs::remove_dir_all(site.path().join("people")).unwrap();
    std::fs::remove_dir_all(site.path().join("teams")).unwrap();
    let (_, diags) = site.check(&[]);
    let counts = counts(&diags);
    assert_eq!(counts.get("unknown-person"), None, "{}", listing(&diags));
    assert_eq!(counts.get("unknown-team"), None, "{}", listing(&diags));
}
