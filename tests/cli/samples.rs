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
