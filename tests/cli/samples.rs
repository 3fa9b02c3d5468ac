//! The example sites of `sample-okrs/`: each passes `okrs check` without errors, and the
//! okrs.json of `teebee` is pinned by a snapshot (tests/snapshots/).

use crate::support::*;

#[test]
fn every_sample_site_checks_without_errors() {
    let mut checked = Vec::new();
    for entry in std::fs::read_dir(sample("")).unwrap() {
        let path = entry.unwrap().path();
        if !path.join("okrs.yaml").is_file() {
            continue;
        }
        let (code, diags) = check(&path, &[]);
        let errors: Vec<Diag> = diags.into_iter().filter(Diag::is_error).collect();
        assert!(
            errors.is_empty(),
            "{}:\n{}",
            path.display(),
            listing(&errors)
        );
        assert_eq!(code, 0, "{}", path.display());
        checked.push(path.file_name().unwrap().to_string_lossy().into_owned());
    }
    checked.sort();
    assert_eq!(checked, ["acme", "phone-repair", "teebee"]);
}

#[test]
fn every_sample_site_builds() {
    for name in ["acme", "phone-repair", "teebee"] {
        let (run, _out) = build_into_temp(&sample(name), &[], &[]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
    }
}

#[test]
fn teebee_okrs_json_snapshot() {
    let (run, out) = build_into_temp(&sample("teebee"), &["--as-of", "2024-05-20"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(out.path().join("public/okrs.json")).unwrap();
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!("teebee_okrs_json", text);
    });
}

/// A check-in file that updates several key results of one objective shows its note once
/// on the objective's page; the other key results' histories link to where it is.
#[test]
fn an_objective_page_shows_each_check_in_note_once() {
    let (run, out) = build_into_temp(&sample("teebee"), &[], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html =
        std::fs::read_to_string(out.path().join("public/objectives/teebee-o1/index.html")).unwrap();
    let notes: Vec<&str> = html
        .split("<div class=\"checkin-note prose\">")
        .skip(1)
        .map(|rest| rest.split("</div>").next().unwrap_or(""))
        .collect();
    let mut unique = notes.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(notes.len(), unique.len(), "a note shown twice: {notes:?}");
    let refs: Vec<&str> = html
        .split("<p class=\"checkin-note-ref muted\"><a href=\"#")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or(""))
        .collect();
    assert!(
        !refs.is_empty(),
        "the sample's multi-KR check-ins point to their note"
    );
    for anchor in refs {
        assert!(
            html.contains(&format!("id=\"{anchor}\"")),
            "no #{anchor} on the page"
        );
    }
}
