//! Errors (docs/checks.md#errors): the `broken` fixture has one file per error class, named
//! after it. Every error is reported in one run, each with the line and column of the
//! offending key or value in the file itself (the front matter starts on line 2, after
//! the opening `---`).

use std::sync::OnceLock;

use crate::support::*;

/// `okrs check tests/fixtures/broken --format json`, run once for all tests.
fn broken() -> &'static (i32, Vec<Diag>) {
    static RUN: OnceLock<(i32, Vec<Diag>)> = OnceLock::new();
    RUN.get_or_init(|| check(&fixture("broken"), &[]))
}

fn errors() -> Vec<Diag> {
    broken()
        .1
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect()
}

/// The one error in `file`, which must have `rule`, at `line`:`column`.
#[track_caller]
fn assert_error_at(file: &str, line: u32, column: u32, rule: &str) -> Diag {
    let errors = errors();
    let d = only(&errors, file, rule).clone();
    assert_eq!(
        (d.line, d.column),
        (line, column),
        "{file}: {rule} reported at {}:{}, expected {line}:{column}: {}",
        d.line,
        d.column,
        d.message
    );
    d
}

/// Every error of the fixture: file and rule.
const EXPECTED: [(&str, &str); 19] = [
    ("checkins/confidence-range.md", "confidence-range"),
    ("checkins/done-on-number.md", "checkin-mismatch"),
    ("checkins/unknown-kr.md", "unknown-reference"),
    ("checkins/value-on-milestone.md", "checkin-mismatch"),
    ("objective/unknown-kind.md", "unknown-kind"),
    ("objectives/bom-crlf.md", "type"),
    ("objectives/cycle-a.md", "alignment-cycle"),
    ("objectives/duplicate-id-2.md", "duplicate-id"),
    ("objectives/duplicate-kr-id.md", "duplicate-id"),
    ("objectives/front-matter-missing.md", "front-matter"),
    ("objectives/front-matter-unclosed.md", "front-matter"),
    ("objectives/missing-period.md", "missing-field"),
    ("objectives/missing-title.md", "missing-field"),
    ("objectives/target-equals-start.md", "target-equals-start"),
    ("objectives/type.md", "type"),
    ("objectives/unknown-aligns-to.md", "unknown-reference"),
    ("objectives/unknown-key.md", "unknown-key"),
    ("objectives/unknown-period.md", "unknown-reference"),
    ("objectives/yaml-syntax.md", "yaml-syntax"),
];

#[test]
fn every_error_in_every_file_is_reported_in_one_run() {
    let (code, diags) = broken();
    assert_eq!(*code, 1, "errors exit 1");
    let mut found: Vec<(String, String)> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.file.clone(), d.rule.clone()))
        .collect();
    found.sort();
    let mut want: Vec<(String, String)> = EXPECTED
        .iter()
        .map(|(f, r)| (f.to_string(), r.to_string()))
        .collect();
    want.sort();
    assert_eq!(found, want, "all diagnostics:\n{}", listing(diags));
}

#[test]
fn error_messages_name_what_is_wrong_and_suggest_a_fix() {
    let errors = errors();
    let message = |file: &str, rule: &str| only(&errors, file, rule).message.clone();
    let m = message("objectives/unknown-key.md", "unknown-key");
    assert!(
        m.contains("targt") && m.contains("did you mean `target`"),
        "{m}"
    );
    let m = message("objectives/unknown-aligns-to.md", "unknown-reference");
    assert!(
        m.contains("'bulk-te'") && m.contains("did you mean 'bulk-tea'"),
        "{m}"
    );
    let m = message("objectives/unknown-period.md", "unknown-reference");
    assert!(m.contains("2024-Q5"), "{m}");
    let m = message("checkins/unknown-kr.md", "unknown-reference");
    assert!(
        m.contains("'base/sale'") && m.contains("did you mean 'base/sales'"),
        "{m}"
    );
    let m = message("objectives/duplicate-id-2.md", "duplicate-id");
    assert!(
        m.contains("'twice'") && m.contains("objectives/duplicate-id-1.md"),
        "{m}"
    );
    let m = message("objectives/missing-title.md", "missing-field");
    assert!(m.contains("`title`"), "{m}");
    let m = message("objectives/missing-period.md", "missing-field");
    assert!(m.contains("`period`"), "{m}");
    let m = message("objectives/type.md", "type");
    assert!(m.contains("`weight`"), "{m}");
    let m = message("checkins/confidence-range.md", "confidence-range");
    assert!(m.contains("11"), "{m}");
    let m = message("objective/unknown-kind.md", "unknown-kind");
    assert!(
        m.contains("objective/unknown-kind.md") && m.contains("objectives/"),
        "{m}"
    );
}

#[test]
fn alignment_cycle_is_one_error_naming_all_three_objectives() {
    let cycles: Vec<Diag> = errors()
        .into_iter()
        .filter(|d| d.rule == "alignment-cycle")
        .collect();
    assert_eq!(cycles.len(), 1, "{}", listing(&cycles));
    let m = &cycles[0].message;
    for id in ["cycle-a", "cycle-b", "cycle-c"] {
        assert!(m.contains(id), "{m}");
    }
}

#[test]
fn human_format_prints_file_line_column_severity_rule_and_message() {
    let run = run(&["check", fixture("broken").to_str().unwrap()], &[]);
    assert_eq!(run.code, 1);
    let (_, diags) = broken();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), diags.len(), "{}", run.stdout);
    for d in diags {
        let line = format!(
            "{}:{}:{}: {}[{}]: {}",
            d.file, d.line, d.column, d.severity, d.rule, d.message
        );
        assert!(lines.contains(&line.as_str()), "missing {line}");
    }
    assert!(
        run.stderr.contains("19 errors"),
        "summary on stderr: {}",
        run.stderr
    );
}

// ---- Where each error points ----

#[test]
fn yaml_syntax_error_points_at_the_unclosed_bracket() {
    // objectives/yaml-syntax.md line 4: `aligns_to: [bulk-tea` — the `[` is column 12.
    assert_error_at("objectives/yaml-syntax.md", 4, 12, "yaml-syntax");
}

#[test]
fn wrong_type_points_at_the_value() {
    // objectives/type.md line 5: `weight: heavy`.
    assert_error_at("objectives/type.md", 5, 9, "type");
}

#[test]
fn unknown_key_points_at_the_key() {
    // objectives/unknown-key.md line 8: `    targt: 70`.
    assert_error_at("objectives/unknown-key.md", 8, 5, "unknown-key");
}

#[test]
fn missing_title_and_period_point_at_the_start_of_the_front_matter() {
    assert_error_at("objectives/missing-title.md", 2, 1, "missing-field");
    assert_error_at("objectives/missing-period.md", 2, 1, "missing-field");
}

#[test]
fn confidence_outside_0_to_10_points_at_the_value() {
    // checkins/confidence-range.md line 5: `confidence: 11`.
    assert_error_at("checkins/confidence-range.md", 5, 13, "confidence-range");
}

#[test]
fn markdown_in_a_misspelt_folder_is_an_unknown_kind_error() {
    assert_error_at("objective/unknown-kind.md", 1, 1, "unknown-kind");
}

#[test]
fn missing_or_unclosed_front_matter_is_an_error_on_line_1() {
    assert_error_at("objectives/front-matter-missing.md", 1, 1, "front-matter");
    assert_error_at("objectives/front-matter-unclosed.md", 1, 1, "front-matter");
}

#[test]
fn bom_and_crlf_keep_lines_and_columns_right() {
    let bytes = std::fs::read(fixture("broken/objectives/bom-crlf.md")).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF---\r\n"),
        "the fixture lost its BOM"
    );
    // Line 5: `weight: heavy\r\n`.
    assert_error_at("objectives/bom-crlf.md", 5, 9, "type");
}

#[test]
fn duplicate_objective_id_points_at_the_second_id() {
    // objectives/duplicate-id-2.md line 3: `id: twice` (sorted by path, -1 comes first).
    let d = assert_error_at("objectives/duplicate-id-2.md", 3, 5, "duplicate-id");
    // …and the first one is on line 2 of duplicate-id-1.md.
    assert!(d.message.contains("line 2"), "{}", d.message);
}

#[test]
fn duplicate_key_result_id_points_at_the_second_id() {
    // objectives/duplicate-kr-id.md: `- id: same` on lines 6 and 9.
    let d = assert_error_at("objectives/duplicate-kr-id.md", 9, 9, "duplicate-id");
    assert!(d.message.contains("line 6"), "{}", d.message);
}

#[test]
fn unknown_period_points_at_the_period_value() {
    // objectives/unknown-period.md line 4: `period: 2024-Q5`.
    assert_error_at("objectives/unknown-period.md", 4, 9, "unknown-reference");
}

#[test]
fn unknown_aligns_to_points_at_the_value() {
    // objectives/unknown-aligns-to.md line 4: `aligns_to: bulk-te`.
    assert_error_at(
        "objectives/unknown-aligns-to.md",
        4,
        12,
        "unknown-reference",
    );
}

#[test]
fn checkin_naming_an_unknown_key_result_points_at_the_kr_value() {
    // checkins/unknown-kr.md line 3: `kr: base/sale`.
    assert_error_at("checkins/unknown-kr.md", 3, 5, "unknown-reference");
}

#[test]
fn alignment_cycle_points_at_the_aligns_to_of_its_first_member() {
    // objectives/cycle-a.md line 4: `aligns_to: cycle-b`.
    assert_error_at("objectives/cycle-a.md", 4, 12, "alignment-cycle");
}

#[test]
fn value_on_a_milestone_points_at_the_value() {
    // checkins/value-on-milestone.md line 4: `value: 1`.
    assert_error_at("checkins/value-on-milestone.md", 4, 8, "checkin-mismatch");
}

#[test]
fn done_on_a_number_points_at_done() {
    // checkins/done-on-number.md line 5: `  - { kr: base/sales, done: true }`.
    assert_error_at("checkins/done-on-number.md", 5, 29, "checkin-mismatch");
}

#[test]
fn target_equal_to_start_points_at_the_target() {
    // objectives/target-equals-start.md line 9: `    target: 50`.
    assert_error_at(
        "objectives/target-equals-start.md",
        9,
        13,
        "target-equals-start",
    );
}

// ---- Errors in sites written for one test ----

#[test]

fn an_unknown_period_does_not_hide_the_objectives_other_errors() {
    let site = Site::new("title: T\nas_of: 2024-05-20\n");
    site.file(
        "objectives/a.md",
        "---\ntitle: A\nperiod: 2024-Q5\naligns_to: nothing\nkey_results:\n  - { title: k, start: 5, target: 5 }\n---\n",
    )
    .file(
        "objectives/b.md",
        "---\ntitle: B\nperiod: 2024-Q2\naligns_to: a\n---\n",
    )
    .file(
        "checkins/c.md",
        "---\ndate: 2024-05-01\nkr: a/kr1\nvalue: 3\n---\n",
    );
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 1);
    let errors: Vec<Diag> = diags.into_iter().filter(Diag::is_error).collect();
    let mut rules: Vec<(&str, &str)> = errors
        .iter()
        .map(|d| (d.file.as_str(), d.rule.as_str()))
        .collect();
    rules.sort();
    assert_eq!(
        rules,
        [
            ("objectives/a.md", "target-equals-start"),
            ("objectives/a.md", "unknown-reference"),
            ("objectives/a.md", "unknown-reference"),
        ],
        "a.md's period, aligns_to and target are wrong; b.md and c.md name an objective and \
         key result that exist:\n{}",
        listing(&errors)
    );
}

#[test]
fn well_formed_bom_and_crlf_files_are_read() {
    let site = Site::new("title: T\r\nas_of: 2024-05-20\r\n");
    site.file(
        "objectives/o.md",
        b"\xEF\xBB\xBF---\r\ntitle: CRLF objective\r\nperiod: 2024-Q2\r\nkey_results:\r\n  - title: k\r\n    target: 10\r\n---\r\nBody\r\n",
    )
    .file(
        "checkins/c.md",
        b"\xEF\xBB\xBF---\r\ndate: 2024-05-01\r\nkr: o/kr1\r\nvalue: 5\r\n---\r\n",
    );
    let json = site.built_json(&[]);
    assert_eq!(objective(&json, "o")["title"], "CRLF objective");
    assert_close(&key_result(&json, "o/kr1")["progress"], 0.5, "o/kr1");
}

#[test]
fn errors_in_okrs_yaml_are_reported_with_its_lines() {
    let site = Site::new("title: T\nas_of: 2024-05-20\npace_tolerence: 0.2\n");
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 1);
    let d = only(&diags, "okrs.yaml", "unknown-key");
    assert_eq!((d.line, d.column), (3, 1));
    assert!(
        d.message.contains("did you mean `pace_tolerance`"),
        "{}",
        d.message
    );
}

#[test]
fn files_and_folders_starting_with_dot_or_underscore_and_root_markdown_are_skipped() {
    let site = Site::new("title: T\nas_of: 2024-05-20\n");
    site.file("README.md", "# Not content, no front matter\n")
        .file("objectives/_draft-notes.md", "no front matter\n")
        .file("objectives/.hidden.md", "no front matter\n")
        .file("_scratch/x.md", "no front matter\n")
        .file("templates/x.md", "no front matter\n")
        .file("static/x.md", "no front matter\n")
        .file("themes/t/templates/x.md", "no front matter\n");
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 0, "{}", listing(&diags));
    assert!(diags.is_empty(), "{}", listing(&diags));
}

/// The errors of a site written for one test.
fn errors_of(site: &Site) -> Vec<Diag> {
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 1, "errors exit 1:\n{}", listing(&diags));
    diags.into_iter().filter(Diag::is_error).collect()
}

fn one_objective_site(objective: &str) -> Site {
    let site = Site::new("title: T\nas_of: 2024-05-20\n");
    site.file("objectives/o.md", objective);
    site
}

#[test]
fn default_key_result_id_colliding_with_an_explicit_one_is_a_duplicate() {
    // The second key result's default id is kr2, by position, like the first one's explicit id.
    let site = one_objective_site(
        "---\ntitle: O\nperiod: 2024-Q2\nkey_results:\n  - { id: kr2, title: a, target: 1 }\n  - { title: b, target: 2 }\n---\n",
    );
    let errors = errors_of(&site);
    let d = only(&errors, "objectives/o.md", "duplicate-id");
    assert!(d.message.contains("'kr2'"), "{}", d.message);
    assert_eq!(errors.len(), 1, "{}", listing(&errors));
}

#[test]
fn objective_ids_share_the_namespace_of_strategies() {
    let site = Site::new("title: T\nas_of: 2024-05-20\n");
    site.file(
        "org.md",
        "---\nstrategies:\n  - { id: grow, title: Grow }\n---\n",
    )
    .file(
        "objectives/grow.md",
        "---\ntitle: Grow\nperiod: 2024-Q2\n---\n",
    );
    let errors = errors_of(&site);
    let d = only(&errors, "objectives/grow.md", "duplicate-id");
    assert!(d.message.contains("org.md"), "{}", d.message);
}

#[test]
fn duplicate_ids_from_file_names_are_reported() {
    let site = Site::new("title: T\nas_of: 2024-05-20\n");
    let objective = "---\ntitle: Same\nperiod: 2024-Q2\n---\n";
    site.file("objectives/a/same.md", objective)
        .file("objectives/b/same.md", objective);
    let errors = errors_of(&site);
    let d = only(&errors, "objectives/b/same.md", "duplicate-id");
    assert!(d.message.contains("objectives/a/same.md"), "{}", d.message);
}

#[test]
fn duplicate_ids_from_file_names_point_at_a_real_line() {
    let site = Site::new("title: T\nas_of: 2024-05-20\n");
    let objective = "---\ntitle: Same\nperiod: 2024-Q2\n---\n";
    site.file("objectives/a/same.md", objective)
        .file("objectives/b/same.md", objective);
    let errors = errors_of(&site);
    let d = only(&errors, "objectives/b/same.md", "duplicate-id");
    assert!(d.line >= 1, "{}", d.at());
    assert!(!d.message.contains("line 0"), "{}", d.message);
}

#[test]
fn ids_with_separators_or_spaces_are_invalid() {
    let site = one_objective_site("---\nid: \"a b\"\ntitle: O\nperiod: 2024-Q2\n---\n");
    let errors = errors_of(&site);
    let d = only(&errors, "objectives/o.md", "invalid-value");
    assert_eq!((d.line, d.column), (2, 5), "{}", d.at());
    let site = one_objective_site("---\nid: a/b\ntitle: O\nperiod: 2024-Q2\n---\n");
    let errors = errors_of(&site);
    only(&errors, "objectives/o.md", "invalid-value");
}

#[test]
fn a_numeric_metric_without_target_is_a_missing_field() {
    let site = one_objective_site(
        "---\ntitle: O\nperiod: 2024-Q2\nkey_results:\n  - title: k\n    metric: stay_above\n---\n",
    );
    let errors = errors_of(&site);
    let d = only(&errors, "objectives/o.md", "missing-field");
    assert!(d.message.contains("`target`"), "{}", d.message);
    // The key result starts on line 5 (`  - title: k`).
    assert_eq!((d.line, d.column), (5, 5), "{}", d.at());
}

#[test]
fn a_misspelt_metric_is_an_invalid_value_with_a_hint() {
    let site = one_objective_site(
        "---\ntitle: O\nperiod: 2024-Q2\nkey_results:\n  - title: k\n    target: 5\n    metric: increse\n---\n",
    );
    let errors = errors_of(&site);
    let d = only(&errors, "objectives/o.md", "invalid-value");
    assert_eq!((d.line, d.column), (7, 13), "{}", d.at());
    assert!(
        d.message.contains("did you mean `increase`"),
        "{}",
        d.message
    );
}

#[test]
fn kind_in_the_front_matter_overrides_the_folder() {
    let site = Site::new("title: T\nas_of: 2024-05-20\n");
    site.file(
        "notes/o.md",
        "---\nkind: objective\ntitle: From notes\nperiod: 2024-Q2\n---\n",
    );
    let json = site.built_json(&[]);
    assert_eq!(objective(&json, "o")["title"], "From notes");
    site.file(
        "notes/o.md",
        "---\nkind: objectiv\ntitle: From notes\nperiod: 2024-Q2\n---\n",
    );
    let errors = errors_of(&site);
    let d = only(&errors, "notes/o.md", "invalid-value");
    assert_eq!((d.line, d.column), (2, 7), "{}", d.at());
    assert!(
        d.message.contains("did you mean `objective`"),
        "{}",
        d.message
    );
}

#[test]
fn custom_periods_may_not_reuse_a_calendar_id_or_end_before_they_start() {
    let site = Site::new(
        "title: T\nas_of: 2024-05-20\nperiods:\n  - { id: 2024-Q2, start: 2024-04-01, end: 2024-06-30 }\n  - { id: FY, start: 2024-05-01, end: 2024-04-30 }\n",
    );
    let errors = errors_of(&site);
    let found: Vec<(u32, u32, &str)> = errors
        .iter()
        .filter(|d| d.file == "okrs.yaml")
        .map(|d| (d.line, d.column, d.rule.as_str()))
        .collect();
    assert_eq!(
        found,
        [(4, 11, "invalid-value"), (5, 39, "invalid-value")],
        "{}",
        listing(&errors)
    );
}

#[test]
fn team_cycle_is_an_error_naming_both_teams() {
    let site = Site::new("title: T\nas_of: 2024-05-20\n");
    site.file("teams/a.md", "---\nname: A\nparent: b\n---\n")
        .file("teams/b.md", "---\nname: B\nparent: a\n---\n");
    let errors = errors_of(&site);
    assert_eq!(errors.len(), 1, "{}", listing(&errors));
    let d = &errors[0];
    assert_eq!(d.rule, "team-cycle");
    assert!(d.file.starts_with("teams/"), "{}", d.at());
    assert!(
        d.message.contains('a') && d.message.contains('b'),
        "{}",
        d.message
    );
}

#[test]
fn team_cycle_points_at_the_parent_value() {
    let site = Site::new("title: T\nas_of: 2024-05-20\n");
    site.file("teams/a.md", "---\nname: A\nparent: b\n---\n")
        .file("teams/b.md", "---\nname: B\nparent: a\n---\n");
    let errors = errors_of(&site);
    let d = only(&errors, "teams/a.md", "team-cycle");
    assert_eq!((d.line, d.column), (3, 9), "{}", d.at());
}
