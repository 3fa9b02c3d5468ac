//! Exit codes and output formats of `okrs check` (docs/checks.md#exit-codes): 0 success (warnings allowed),
//! 1 content errors (or warnings with --deny-warnings), 2 wrong usage.

use serde_json::Value;

use crate::support::*;

/// A site with nothing any check or lint objects to.
fn clean_site() -> Site {
    let site = Site::new("title: Clean\nas_of: 2024-05-20\n");
    site.file(
        "org.md",
        "---\nname: Clean Co\nstrategies:\n  - { id: focus, title: Focus }\n---\n",
    )
    .file(
        "objectives/o.md",
        "---\ntitle: Do the thing\nperiod: 2024-Q2\nowner: Ann\naligns_to: focus\n\
         key_results:\n  - title: Things done\n    owner: Ann\n    target: 10\n    \
         checkins:\n      - { date: 2024-05-15, value: 6, confidence: 7 }\n---\n",
    );
    site
}

#[test]
fn check_on_a_clean_site_exits_0_and_prints_nothing() {
    let site = clean_site();
    let run = run(&["check", site.arg(), "--deny-warnings"], &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("0 errors, 0 warnings"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_defaults_to_the_current_folder() {
    let site = clean_site();
    let output = okrs()
        .arg("check")
        .current_dir(site.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let empty = Site::empty();
    let output = okrs()
        .arg("check")
        .current_dir(empty.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn warnings_alone_exit_0() {
    let (code, diags) = check(&fixture("good"), &[]);
    assert!(!diags.is_empty());
    assert!(diags.iter().all(|d| !d.is_error()), "{}", listing(&diags));
    assert_eq!(code, 0);
}

#[test]
fn warnings_with_deny_warnings_exit_1() {
    let (code, _) = check(&fixture("good"), &["--deny-warnings"]);
    assert_eq!(code, 1);
    let (code, _) = check(&fixture("lints"), &["--deny-warnings"]);
    assert_eq!(code, 1);
}

#[test]
fn errors_exit_1() {
    let (code, diags) = check(&fixture("broken"), &[]);
    assert_eq!(code, 1);
    assert!(diags.iter().any(Diag::is_error));
}

#[test]
fn a_folder_without_okrs_yaml_is_wrong_usage() {
    let empty = Site::empty();
    empty.file("objectives/o.md", "---\ntitle: O\nperiod: 2024-Q2\n---\n");
    for command in ["check", "build"] {
        let run = run(&[command, empty.arg()], &[]);
        assert_eq!(run.code, 2, "okrs {command}: {}", run.stderr);
        assert!(run.stderr.contains("okrs.yaml"), "{}", run.stderr);
    }
    assert!(!empty.path().join("public").exists());
    let missing = empty.path().join("no-such-folder");
    let run = run(&["check", missing.to_str().unwrap()], &[]);
    assert_eq!(run.code, 2);
}

#[test]
fn bad_flags_are_wrong_usage() {
    let site = clean_site();
    for args in [
        vec!["check", site.arg(), "--no-such-flag"],
        vec!["check", site.arg(), "--format", "xml"],
        vec!["check", site.arg(), "--as-of", "2024-5-1"],
        vec!["check", site.arg(), "--as-of", "yesterday"],
        vec!["build", site.arg(), "--as-of", "2024-02-30"],
        vec!["build", site.arg(), "--bogus"],
        vec!["no-such-command"],
        vec![],
    ] {
        let run = run(&args, &[]);
        assert_eq!(run.code, 2, "okrs {args:?}: {}", run.stderr);
    }
    assert!(!site.path().join("public").exists());
}

#[test]
fn json_format_is_one_array_of_objects_with_exactly_the_six_keys() {
    let run = run(
        &[
            "check",
            fixture("broken").to_str().unwrap(),
            "--format",
            "json",
        ],
        &[],
    );
    assert_eq!(run.code, 1);
    let value: Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    let array = value.as_array().expect("a JSON array");
    assert!(!array.is_empty());
    for d in array {
        let object = d.as_object().expect("each diagnostic is an object");
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["column", "file", "line", "message", "rule", "severity"]
        );
        assert!(d["file"].is_string() && d["rule"].is_string() && d["message"].is_string());
        assert!(d["line"].as_u64().unwrap() >= 1 && d["column"].as_u64().unwrap() >= 1);
        assert!(["error", "warning"].contains(&d["severity"].as_str().unwrap()));
    }
    // Both severities are there: errors and lint warnings.
    assert!(array.iter().any(|d| d["severity"] == "warning"));
}

#[test]
fn json_format_on_a_clean_site_is_an_empty_array() {
    let site = clean_site();
    let run = run(&["check", site.arg(), "--format", "json"], &[]);
    assert_eq!(run.code, 0);
    let value: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value, Value::Array(vec![]));
}

#[test]
fn github_format_prints_workflow_commands() {
    let broken = fixture("broken");
    let run_json = run(
        &["check", broken.to_str().unwrap(), "--format", "json"],
        &[],
    );
    let diags: Vec<Diag> = serde_json::from_str(&run_json.stdout).unwrap();
    let run = run(
        &["check", broken.to_str().unwrap(), "--format", "github"],
        &[],
    );
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), diags.len(), "{}", run.stdout);
    for d in &diags {
        let prefix = format!(
            "::{} file={},line={},col={}",
            d.severity, d.file, d.line, d.column
        );
        assert!(
            lines.iter().any(|l| l.starts_with(&prefix)
                && l.contains("::")
                && l.ends_with(d.message.as_str())),
            "no line for {prefix} … {}:\n{}",
            d.message,
            run.stdout
        );
    }
    assert!(lines.iter().any(|l| l.starts_with("::error file=")));
    assert!(lines.iter().any(|l| l.starts_with("::warning file=")));
}

#[test]
fn github_format_escapes_percent_and_newlines_in_messages() {
    // committed-missed prints a percentage: `%` must become `%25`.
    let (_, diags) = check(&fixture("lints"), &[]);
    let missed = only(&diags, "objectives/committed-missed.md", "committed-missed");
    assert!(missed.message.contains('%'));
    let run = run(
        &[
            "check",
            fixture("lints").to_str().unwrap(),
            "--format",
            "github",
        ],
        &[],
    );
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("file=objectives/committed-missed.md"))
        .unwrap();
    assert!(line.contains(&missed.message.replace('%', "%25")), "{line}");
}
