//! Diagnostics that point at the cause (docs/checks.md#one-mistake-one-error). The `broken-cause` fixture makes each
//! mistake once, in a file named after it, and other files refer to what the broken files
//! would have defined: each mistake must give exactly one error, at its file, line and
//! column, with a hint that names the fix, and nothing that refers to a broken file may
//! be reported for it.

use std::sync::OnceLock;

use crate::support::*;

/// `okrs check tests/fixtures/broken-cause --format json`, run once for all tests.
fn cause() -> &'static (i32, Vec<Diag>) {
    static RUN: OnceLock<(i32, Vec<Diag>)> = OnceLock::new();
    RUN.get_or_init(|| check(&fixture("broken-cause"), &[]))
}

/// Every error of the fixture: file, line, column, rule, and words its message must hold.
const EXPECTED: [(&str, u32, u32, &str, &[&str]); 22] = [
    (
        "checkins/confidence-percent.md",
        5,
        13,
        "confidence-range",
        &["70", "percentage", "write `confidence: 7`"],
    ),
    (
        "checkins/date-form.md",
        2,
        7,
        "invalid-value",
        &["'2024/5/3'", "YYYY-MM-DD", "write `date: 2024-05-03`"],
    ),
    (
        "checkins/kr-far.md",
        3,
        5,
        "unknown-reference",
        // The example is the site's own first key result, not a made-up id.
        &["'nothing/here'", "e.g. 'base/sales'"],
    ),
    (
        "checkins/kr-objective.md",
        3,
        5,
        "unknown-reference",
        &["'base', which is an objective; its key results are base/sales, base/uptime"],
    ),
    (
        "checkins/kr-own-id.md",
        3,
        5,
        "unknown-reference",
        &["'uptime'", "did you mean 'base/uptime'?"],
    ),
    (
        "checkins/misfiled-objective.md",
        1,
        1,
        "wrong-kind",
        &[
            "this file in checkins/ reads as an objective (it has title, period, key_results): move it to objectives/",
        ],
    ),
    (
        "checkins/not-a-day.md",
        2,
        7,
        "invalid-value",
        &["2024-04-31 is not a day: April has 30 days"],
    ),
    (
        "objectives/carried.md",
        6,
        15,
        "carry-period",
        &["'base'", "does not end before 2024-Q2 starts"],
    ),
    (
        "objectives/decrease.md",
        9,
        13,
        "missing-start",
        &["`decrease` needs `start`"],
    ),
    (
        "objectives/early.md",
        10,
        12,
        "grade-too-early",
        &["'early/kr1'", "2024-Q2 is running until 2024-06-30"],
    ),
    (
        "objectives/grades.md",
        6,
        9,
        "invalid-value",
        &["'too-easey'", "did you mean `too-easy`?"],
    ),
    (
        "objectives/grades.md",
        11,
        12,
        "grade-range",
        &["`grade` is 1.5", "from 0 to 1"],
    ),
    (
        "objectives/krs-number.md",
        6,
        14,
        "type",
        &[
            "`key_results` must be a list",
            "(1 reference to its key results from another file was not checked)",
        ],
    ),
    (
        "objectives/misfiled-checkin.md",
        1,
        1,
        "wrong-kind",
        &[
            "this file in objectives/ reads as a check-in (it has date, kr, value): move it to checkins/",
        ],
    ),
    (
        "objectives/numbers.md",
        9,
        13,
        "type",
        &["'79%'", "write `target: 79` and `unit: \"%\"`"],
    ),
    (
        "objectives/numbers.md",
        12,
        13,
        "type",
        // This key result has a unit already.
        &["'1,077,000'", "write `target: 1077000`"],
    ),
    (
        "objectives/period-form.md",
        3,
        9,
        "unknown-reference",
        &["'Q3 2024'", "did you mean '2024-Q3'?"],
    ),
    (
        "objectives/renewal.md",
        1,
        1,
        "front-matter",
        &[
            "never closed",
            "(4 references to this objective from other files were not checked)",
        ],
    ),
    (
        "objectives/syntax.md",
        4,
        12,
        "yaml-syntax",
        &[
            "unclosed bracket '['",
            "(1 reference to this objective from another file was not checked)",
        ],
    ),
    (
        "objectives/typo-target.md",
        10,
        5,
        "unknown-key",
        &["`targt`", "did you mean `target`?"],
    ),
    (
        "objectives/typo-title.md",
        2,
        1,
        "unknown-key",
        &["`titel`", "did you mean `title`?"],
    ),
    (
        "objectives/wrong-target.md",
        9,
        13,
        "type",
        &[
            "`target` must be a number, not text",
            "(1 reference to this key result from another file was not checked)",
        ],
    ),
];

#[test]
fn each_mistake_is_one_error_at_its_place_with_its_fix() {
    let (code, diags) = cause();
    assert_eq!(*code, 1);
    let mut found: Vec<(String, u32, u32, String)> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.file.clone(), d.line, d.column, d.rule.clone()))
        .collect();
    found.sort();
    let mut want: Vec<(String, u32, u32, String)> = EXPECTED
        .iter()
        .map(|(f, l, c, r, _)| (f.to_string(), *l, *c, r.to_string()))
        .collect();
    want.sort();
    assert_eq!(found, want, "all diagnostics:\n{}", listing(diags));
    let mut wrong = Vec::new();
    for (file, line, column, rule, words) in EXPECTED {
        let d = diags
            .iter()
            .find(|d| d.file == file && (d.line, d.column) == (line, column) && d.rule == rule)
            .unwrap();
        for w in words {
            if !d.message.contains(w) {
                wrong.push(format!("{}: {:?} lacks {w:?}", d.at(), d.message));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn files_that_refer_to_a_broken_file_get_no_diagnostics_of_their_own() {
    let (_, diags) = cause();
    // They name renewal-q2 (never closed), syntax (a YAML error), krs-number
    // (`key_results: 3`), typo-title, typo-target and wrong-target; and base, which is fine.
    for file in [
        "checkins/2024-05-01-renewal.md",
        "checkins/2024-05-15-weekly.md",
        "objectives/followup.md",
    ] {
        let about: Vec<&Diag> = diags.iter().filter(|d| d.file == file).collect();
        assert!(about.is_empty(), "{file}:\n{}", listing(diags));
    }
    // The broken objective itself: exactly one diagnostic, warnings included.
    let renewal: Vec<&Diag> = diags
        .iter()
        .filter(|d| d.file == "objectives/renewal.md")
        .collect();
    assert_eq!(renewal.len(), 1, "{}", listing(diags));
}

#[test]
fn a_file_with_errors_gets_no_lints_nor_does_what_lost_a_check_in_to_one() {
    let (_, diags) = cause();
    // Every objective of the fixture has an error, whichever stage finds it (a grade too
    // early, a carry from the same quarter are found after reading), so none has lints;
    // base/uptime's only check-in (not-a-day.md) cannot be read, so it is not told it has
    // none.
    let warnings: Vec<&Diag> = diags.iter().filter(|d| !d.is_error()).collect();
    assert!(warnings.is_empty(), "{}", listing(diags));
}

#[test]
fn errors_come_before_warnings_then_by_file_line_and_column() {
    // The fixture's files with errors get no lints: a clean objective that aligns to
    // nothing and has no key results gives the warnings, after every error although its
    // file comes first among the objectives.
    let site = Site::copy_of("broken-cause");
    site.file(
        "objectives/aaa-alone.md",
        "---\ntitle: Alone\nperiod: 2024-Q2\n---\n",
    );
    let (_, diags) = site.check(&[]);
    let key = |d: &Diag| (!d.is_error(), d.file.clone(), d.line, d.column);
    let keys: Vec<_> = diags.iter().map(key).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "{}", listing(&diags));
    let warnings: Vec<String> = diags
        .iter()
        .filter(|d| !d.is_error())
        .map(Diag::at)
        .collect();
    assert_eq!(
        warnings,
        [
            "objectives/aaa-alone.md:2:1 objective-aligned",
            "objectives/aaa-alone.md:2:1 objective-empty",
        ]
    );
    // The human format prints them in the same order.
    let run = run(&["check", site.arg()], &[]);
    let severities: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| {
            if l.contains(": error[") {
                "error"
            } else {
                "warning"
            }
        })
        .collect();
    let first_warning = severities.iter().position(|s| *s == "warning").unwrap();
    assert!(
        severities[..first_warning].iter().all(|s| *s == "error")
            && severities[first_warning..].iter().all(|s| *s == "warning"),
        "{}",
        run.stdout
    );
    assert_eq!(first_warning, EXPECTED.len(), "{}", run.stdout);
}

// ---- One mistake in a real site ----

/// A copy of the teebee sample site, whose objective teebee-o1 has key results that
/// nine check-ins name.
fn teebee() -> Site {
    let site = Site::empty();
    copy_dir(&sample("teebee"), site.path());
    site
}

#[test]
fn a_missing_closing_fence_in_a_real_site_is_one_error() {
    let site = teebee();
    let text = site.read("objectives/teebee-o1.md");
    let close = text[4..].find("\n---\n").unwrap() + 4;
    site.file(
        "objectives/teebee-o1.md",
        format!("{}\n{}", &text[..close], &text[close + 5..]),
    );
    // The site is in Chinese; `--lang en` asks for the English messages.
    let (code, diags) = site.check(&["--lang", "en"]);
    assert_eq!(code, 1);
    assert_eq!(diags.len(), 1, "{}", listing(&diags));
    let d = &diags[0];
    assert_eq!(
        (d.file.as_str(), d.line, d.column, d.rule.as_str()),
        ("objectives/teebee-o1.md", 1, 1, "front-matter")
    );
    assert!(
        d.message
            .ends_with("(9 references to this objective from other files were not checked)"),
        "{}",
        d.message
    );
}

#[test]
fn a_mistyped_key_in_a_real_site_is_one_error() {
    let site = teebee();
    let text = site.read("objectives/teebee-o1.md");
    site.file(
        "objectives/teebee-o1.md",
        text.replacen("\ntitle: ", "\ntitel: ", 1),
    );
    // The site is in Chinese; `--lang en` asks for the English messages.
    let (code, diags) = site.check(&["--lang", "en"]);
    assert_eq!(code, 1);
    assert_eq!(diags.len(), 1, "{}", listing(&diags));
    let d = &diags[0];
    assert_eq!(
        (d.file.as_str(), d.line, d.column, d.rule.as_str()),
        ("objectives/teebee-o1.md", 3, 1, "unknown-key")
    );
    assert!(d.message.contains("did you mean `title`?"), "{}", d.message);
}

#[test]
fn a_yaml_error_in_an_objective_without_id_uses_its_file_name() {
    let site = Site::new("title: T\nas_of: 2024-05-20\n");
    site.file(
        "objectives/grow.md",
        "---\ntitle: Grow\nperiod: 2024-Q2\nweight: : 2\nkey_results:\n  - { title: k, target: 5 }\n---\n",
    )
    .file(
        "checkins/c.md",
        "---\ndate: 2024-05-01\nupdates:\n  - { kr: grow/kr1, value: 3 }\n  - { kr: grow, value: 3 }\n---\n",
    )
    .file(
        "objectives/child.md",
        "---\ntitle: C\nperiod: 2024-Q2\naligns_to: grow\ncarried_from: grow\n---\n",
    );
    let (_, diags) = site.check(&[]);
    let errors: Vec<&Diag> = diags.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{}", listing(&diags));
    assert_eq!(errors[0].file, "objectives/grow.md");
    assert_eq!(errors[0].rule, "yaml-syntax");
    assert!(
        errors[0]
            .message
            .ends_with("(4 references to this objective from other files were not checked)"),
        "{}",
        errors[0].message
    );
}

#[test]
fn a_parent_whose_only_child_cannot_be_read_is_not_told_it_is_empty() {
    let site = Site::new("title: T\nas_of: 2024-05-20\n");
    site.file(
        "objectives/parent.md",
        "---\ntitle: P\nperiod: 2024\naligns_to: x\n---\n",
    )
    .file("org.md", "---\nstrategies:\n  - { id: x, title: X }\n---\n")
    .file(
        "objectives/child.md",
        "---\ntitle: C\nperiod: 2024-Q2\naligns_to: parent\nkey_results: [\n---\n",
    );
    let (_, diags) = site.check(&[]);
    assert_eq!(diags.len(), 1, "{}", listing(&diags));
    assert_eq!(diags[0].file, "objectives/child.md");
    // And once the child reads, the parent has a child: still no objective-empty.
    site.file(
        "objectives/child.md",
        "---\ntitle: C\nperiod: 2024-Q2\naligns_to: parent\n---\n",
    );
    let (_, diags) = site.check(&[]);
    assert!(
        !diags.iter().any(|d| d.file == "objectives/parent.md"),
        "{}",
        listing(&diags)
    );
}

#[test]
fn a_team_or_person_file_that_cannot_be_read_is_not_reported_as_unknown() {
    let site = Site::new("title: T\nas_of: 2024-05-20\n");
    site.file("teams/sales.md", "---\nname: [Sales\n---\n")
        .file("people/li-si.md", "---\nname: Li Si\nteam: sales\n")
        .file(
            "objectives/o.md",
            "---\ntitle: O\nperiod: 2024-Q2\nowner: li-si\nteam: sales\n---\n",
        );
    let (_, diags) = site.check(&[]);
    let mut rules: Vec<(&str, &str)> = diags
        .iter()
        .map(|d| (d.file.as_str(), d.rule.as_str()))
        .collect();
    rules.sort();
    assert_eq!(
        rules,
        [
            ("objectives/o.md", "objective-aligned"),
            ("objectives/o.md", "objective-empty"),
            ("people/li-si.md", "front-matter"),
            ("teams/sales.md", "yaml-syntax"),
        ],
        "no unknown-person or unknown-team for li-si and sales:\n{}",
        listing(&diags)
    );
}

#[test]
fn a_custom_period_that_cannot_be_read_is_not_reported_where_it_is_named() {
    let site = Site::new(
        "title: T\nas_of: 2024-05-20\nperiods:\n  - { id: FY, start: 2024-02-01, end: 2025-02-30 }\n",
    );
    site.file(
        "objectives/o.md",
        "---\ntitle: O\nperiod: FY\naligns_to: x\nkey_results:\n  - { title: k, owner: a, target: 1 }\n---\n",
    );
    let (_, diags) = site.check(&[]);
    let errors: Vec<&Diag> = diags.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 2, "{}", listing(&diags));
    let d = only(&diags, "okrs.yaml", "invalid-value");
    assert_eq!((d.line, d.column), (4, 39), "{}", d.at());
    assert!(
        d.message
            .contains("2025-02-30 is not a day: February 2025 has 28 days")
            && d.message
                .ends_with("(1 reference to its custom periods from another file was not checked)"),
        "{}",
        d.message
    );
    // `aligns_to: x` names nothing: that is a mistake of its own.
    only(&diags, "objectives/o.md", "unknown-reference");
}

#[test]
fn okrs_yaml_that_cannot_be_read_hides_its_periods_and_every_lint() {
    let site = Site::new(
        "title: T\nas_of: 2024-05-20\nperiods:\n  - { id: FY, start: 2024-02-01, end: 2025-01-31 }\nlints: { kr-owner: deny\n",
    );
    site.file(
        "objectives/o.md",
        "---\ntitle: O\nperiod: FY\nkey_results:\n  - { title: k, target: 1 }\n---\n",
    );
    let (_, diags) = site.check(&[]);
    assert_eq!(diags.len(), 1, "{}", listing(&diags));
    assert_eq!(
        (diags[0].file.as_str(), diags[0].rule.as_str()),
        ("okrs.yaml", "yaml-syntax")
    );
    assert!(
        diags[0]
            .message
            .ends_with("(1 reference to its custom periods from another file was not checked)"),
        "{}",
        diags[0].message
    );
}

#[test]
fn a_key_result_left_out_hides_only_the_references_to_it() {
    let site = Site::new("title: T\nas_of: 2024-05-20\n");
    site.file(
        "objectives/o.md",
        "---\ntitle: O\nperiod: 2024-Q2\nkey_results:\n  - { id: a, title: A, target: 5 }\n  - { id: b, target: 5 }\n---\n",
    )
    .file(
        "checkins/c.md",
        "---\ndate: 2024-05-01\nupdates:\n  - { kr: o/b, value: 3 }\n  - { kr: o/c, value: 3 }\n  - { kr: o/a, done: true }\n---\n",
    );
    let (_, diags) = site.check(&[]);
    let errors: Vec<&Diag> = diags.iter().filter(|d| d.is_error()).collect();
    let mut at: Vec<(&str, u32, &str)> = errors
        .iter()
        .map(|d| (d.file.as_str(), d.line, d.rule.as_str()))
        .collect();
    at.sort();
    // o/b is the key result without a title: not checked. o/c and the `done` on o/a are
    // mistakes of their own.
    assert_eq!(
        at,
        [
            ("checkins/c.md", 5, "unknown-reference"),
            ("checkins/c.md", 6, "checkin-mismatch"),
            ("objectives/o.md", 6, "missing-field"),
        ],
        "{}",
        listing(&diags)
    );
    let d = only(&diags, "objectives/o.md", "missing-field");
    assert!(
        d.message
            .ends_with("(1 reference to this key result from another file was not checked)"),
        "{}",
        d.message
    );
    let d = only(&diags, "checkins/c.md", "unknown-reference");
    assert!(d.message.contains("did you mean 'o/a'?"), "{}", d.message);
}

#[test]
fn a_number_split_by_yaml_at_its_commas_is_one_error() {
    let site = Site::new("title: T\nas_of: 2024-05-20\n");
    site.file(
        "objectives/o.md",
        "---\ntitle: O\nperiod: 2024-Q2\nkey_results:\n  - { title: k, owner: a, target: 1,077,000 }\n---\n",
    )
    .file(
        "checkins/c.md",
        "---\ndate: 2024-05-01\nkr: o/kr1\nvalue: \"55 %\"\n---\n",
    );
    let (_, diags) = site.check(&[]);
    let errors: Vec<&Diag> = diags.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 2, "{}", listing(&diags));
    let d = only(&diags, "objectives/o.md", "type");
    assert_eq!((d.line, d.column), (5, 35), "{}", d.at());
    assert!(
        d.message.contains("1,077,000") && d.message.contains("write `target: 1077000`"),
        "{}",
        d.message
    );
    let d = only(&diags, "checkins/c.md", "type");
    assert_eq!((d.line, d.column), (4, 8), "{}", d.at());
    assert!(
        d.message.contains("write `value: 55`")
            && d.message
                .contains("a unit such as '%' belongs in the key result's `unit:`"),
        "{}",
        d.message
    );
}

#[test]
fn periods_and_dates_in_other_forms_name_the_value_to_write() {
    let site = Site::new("title: T\nas_of: 2024-05-20\n");
    for (i, written) in ["2018Q3", "q3 2018", "2018-q3", "H1 2018", "2018h1"]
        .iter()
        .enumerate()
    {
        site.file(
            &format!("objectives/o{i}.md"),
            format!("---\ntitle: O\nperiod: {written}\naligns_to: x\n---\n"),
        );
    }
    site.file(
        "org.md",
        "---\nstrategies:\n  - { id: x, title: X }\n---\n",
    )
    .file(
        "objectives/dated.md",
        "---\ntitle: D\nperiod: 2024-Q2\naligns_to: x\nkey_results:\n  - title: k\n    target: 5\n    checkins:\n      - { date: 2023-02-29, value: 1 }\n      - { date: 2024-5-3 10:30, value: 1 }\n      - { date: 3.9.2018, value: 1 }\n---\n",
    );
    let (_, diags) = site.check(&[]);
    let hint = |file: &str| only(&diags, file, "unknown-reference").message.clone();
    for (i, want) in ["2018-Q3", "2018-Q3", "2018-Q3", "2018-H1", "2018-H1"]
        .iter()
        .enumerate()
    {
        let m = hint(&format!("objectives/o{i}.md"));
        assert!(m.contains(&format!("did you mean '{want}'?")), "{m}");
    }
    let dates: Vec<(u32, &str)> = diags
        .iter()
        .filter(|d| d.file == "objectives/dated.md" && d.is_error())
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(dates.len(), 3, "{}", listing(&diags));
    assert!(
        dates[0]
            .1
            .contains("2023-02-29 is not a day: February 2023 has 28 days"),
        "{dates:?}"
    );
    assert!(
        dates[1].1.contains("write `date: 2024-05-03 10:30`"),
        "{dates:?}"
    );
    assert!(
        dates[2].1.contains("YYYY-MM-DD") && !dates[2].1.contains("write"),
        "3.9.2018 could be 3 September or 9 March: no date is suggested: {dates:?}"
    );
}

#[test]
fn a_key_result_id_shared_by_several_objectives_lists_them() {
    let site = Site::new("title: T\nas_of: 2024-05-20\n");
    site.file(
        "objectives/a.md",
        "---\ntitle: A\nperiod: 2024-Q2\nkey_results:\n  - { id: nps, title: k, target: 5 }\n---\n",
    )
    .file(
        "objectives/b.md",
        "---\ntitle: B\nperiod: 2024-Q2\nkey_results:\n  - { id: nps, title: k, target: 5 }\n---\n",
    )
    .file(
        "checkins/c.md",
        "---\ndate: 2024-05-01\nkr: nps\nvalue: 3\n---\n",
    );
    let (_, diags) = site.check(&[]);
    let m = &only(&diags, "checkins/c.md", "unknown-reference").message;
    assert!(m.contains("a/nps, b/nps"), "{m}");
    // `okrs new checkin` says the same.
    let run = run(&["new", "checkin", "nps", "--value", "3", site.arg()], &[]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("a/nps, b/nps"), "{}", run.stderr);
}

/// Terminal escapes and line breaks in content (issue 9): `check` writes them out, so a
/// value can neither colour or clear the terminal nor forge a diagnostic line; the GitHub
/// format keeps its %0A and neutralises the rest; JSON carries the text as it is.
#[test]
fn control_characters_in_content_are_written_out() {
    let site = Site::copy_of("good");
    site.file(
        "objectives/sales/upsell.md",
        site.read("objectives/sales/upsell.md").replace(
            "aligns_to: grow-revenue",
            "aligns_to: \"grow\\e[2J\\e[31m\\nobjectives/x.md:1:1: error[forged]: \\a\"",
        ),
    );
    let human = run(&["check", site.arg(), "--lang", "en"], &[]);
    assert_eq!(human.code, 1, "{}", human.stderr);
    assert!(!human.stdout.contains('\u{1b}'), "{:?}", human.stdout);
    assert!(!human.stdout.contains('\u{7}'), "{:?}", human.stdout);
    let (_, json) = site.check(&[]);
    // One line per diagnostic, none of them forged.
    assert_eq!(human.stdout.lines().count(), json.len(), "{}", human.stdout);
    assert!(
        !human
            .stdout
            .lines()
            .any(|l| l.starts_with("objectives/x.md")),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.contains(
            "objectives/sales/upsell.md:6:12: error[unknown-reference]: aligns_to names \
             'grow\\e[2J\\e[31m\\nobjectives/x.md:1:1: error[forged]: \\u{7}'"
        ),
        "{}",
        human.stdout
    );

    let github = run(&["check", site.arg(), "--format", "github"], &[]);
    assert_eq!(
        github.stdout.lines().count(),
        json.len(),
        "{}",
        github.stdout
    );
    assert!(!github.stdout.contains('\u{1b}'), "{:?}", github.stdout);
    assert!(
        github
            .stdout
            .contains("'grow\\e[2J\\e[31m%0Aobjectives/x.md:1:1: error[forged]: \\u{7}'"),
        "{}",
        github.stdout
    );

    let d = only(&json, "objectives/sales/upsell.md", "unknown-reference");
    assert!(
        d.message
            .contains("grow\u{1b}[2J\u{1b}[31m\nobjectives/x.md"),
        "{}",
        d.message
    );
}
