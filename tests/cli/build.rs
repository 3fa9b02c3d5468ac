//! `okrs build` (docs/format.md#what-a-build-writes): writes nothing on error, keeps the previous output as it
//! was, is deterministic, and writes okrs.csv for Excel.

use crate::support::*;

#[test]
fn build_writes_okrs_json_and_okrs_csv_into_site_public_by_default() {
    let site = Site::copy_of("good");
    let run = run(&["build", site.arg()], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.path().join("public/okrs.json").is_file());
    assert!(site.path().join("public/okrs.csv").is_file());
    assert!(
        run.stderr.contains("okrs build"),
        "a summary line: {}",
        run.stderr
    );
    // A second build reads the site again without tripping over its own output.
    let again = run_again(&site);
    assert_eq!(again, 0);
}

fn run_again(site: &Site) -> i32 {
    run(&["build", site.arg()], &[]).code
}

#[test]
fn failed_first_build_writes_nothing() {
    let site = Site::copy_of("broken");
    let run = run(&["build", site.arg()], &[]);
    assert_eq!(run.code, 1);
    assert!(!site.path().join("public").exists());
    let (run, out) = build_into_temp(site.path(), &[], &[]);
    assert_eq!(run.code, 1);
    let left: Vec<_> = std::fs::read_dir(out.path()).unwrap().collect();
    assert!(left.is_empty(), "something was written: {left:?}");
}

#[test]
fn failed_build_keeps_previous_output() {
    let site = Site::copy_of("good");
    let public = site.path().join("public");
    assert_eq!(run(&["build", site.arg()], &[]).code, 0);
    let before = read_tree(&public);
    assert!(before.len() >= 2, "{:?}", before.keys());

    // Break one file; the content changes too, so a successful build would differ.
    site.file(
        "objectives/sales/upsell.md",
        site.read("objectives/sales/upsell.md").replace(
            "title: Upsell the premium plan",
            "title: Upsell\nweight: heavy",
        ),
    );
    let run = run(&["build", site.arg()], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("objectives/sales/upsell.md"),
        "{}",
        run.stderr
    );

    let after = read_tree(&public);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (path, bytes) in &before {
        assert!(after[path] == *bytes, "{} changed", path.display());
    }
    // No staging folder is left beside it.
    let siblings: Vec<String> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("public") && n != "public")
        .collect();
    assert!(siblings.is_empty(), "{siblings:?}");
}

#[test]
fn successful_build_replaces_the_previous_output_whole() {
    let site = Site::copy_of("good");
    let public = site.path().join("public");
    assert_eq!(run(&["build", site.arg()], &[]).code, 0);
    std::fs::create_dir_all(public.join("old")).unwrap();
    std::fs::write(public.join("old/stale.html"), "stale").unwrap();
    assert_eq!(run(&["build", site.arg()], &[]).code, 0);
    assert!(!public.join("old").exists());
    assert!(public.join("okrs.json").is_file());
}

#[test]
fn two_builds_of_the_same_content_are_byte_identical() {
    // Two copies in different folders, built into different folders.
    let a = Site::copy_of("good");
    let b = Site::copy_of("good");
    let (run_a, out_a) = build_into_temp(a.path(), &["--drafts"], &[]);
    let (run_b, out_b) = build_into_temp(b.path(), &["--drafts"], &[]);
    assert_eq!((run_a.code, run_b.code), (0, 0));
    let tree_a = read_tree(out_a.path());
    let tree_b = read_tree(out_b.path());
    assert_eq!(
        tree_a.keys().collect::<Vec<_>>(),
        tree_b.keys().collect::<Vec<_>>()
    );
    for name in ["public/okrs.json", "public/okrs.csv"] {
        let path = std::path::Path::new(name);
        assert!(tree_a.contains_key(path), "{name} was not written");
        assert!(
            tree_a[path] == tree_b[path],
            "{name} differs between builds"
        );
    }
    for (path, bytes) in &tree_a {
        assert!(tree_b[path] == *bytes, "{} differs", path.display());
    }
}

/// The rows of okrs.csv, after checking its byte-order mark.
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("okrs.csv starts with the UTF-8 byte-order mark");
    assert!(!body.starts_with(b"\xEF\xBB\xBF"), "only one BOM");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn okrs_csv_has_a_bom_a_header_and_one_row_per_key_result() {
    let (run, out) = build_into_temp(&fixture("good"), &[], &[]);
    assert_eq!(run.code, 0);
    let bytes = std::fs::read(out.path().join("public/okrs.csv")).unwrap();
    let rows = csv_rows(&bytes);
    let header = &rows[0];
    for column in ["objective_id", "key_result_id", "progress", "status"] {
        assert!(header.iter().any(|h| h == column), "{header:?}");
    }
    assert!(rows.iter().all(|r| r.len() == header.len()));
    let kr_column = header.iter().position(|h| h == "key_result_id").unwrap();
    let krs: Vec<&str> = rows[1..].iter().map(|r| r[kr_column].as_str()).collect();
    // Every key result of okrs.json, in its order; the draft's is left out.
    assert_eq!(
        krs,
        [
            "eng-uptime/kr1",
            "eng-uptime/kr2",
            "eng-uptime/kr3",
            "grow-revenue/revenue",
            "grow-revenue/churn",
            "partners/kr1",
            "partners/kr2",
            "q3-expansion/kr1",
            "upsell/kr1",
        ]
    );
    // With --drafts, the draft's key result is a row too.
    let (_, out) = build_into_temp(&fixture("good"), &["--drafts"], &[]);
    let rows = csv_rows(&std::fs::read(out.path().join("public/okrs.csv")).unwrap());
    assert_eq!(rows.len(), 1 + 10);
    assert!(rows.iter().any(|r| r[kr_column] == "draft-idea/kr1"));
}

#[test]
fn okrs_csv_keeps_chinese_text() {
    let (run, out) = build_into_temp(&sample("teebee"), &[], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("public/okrs.json")).unwrap(),
    )
    .unwrap();
    let rows = csv_rows(&std::fs::read(out.path().join("public/okrs.csv")).unwrap());
    let krs: usize = json["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["key_results"].as_array().unwrap().len())
        .sum();
    assert_eq!(rows.len(), 1 + krs);
    let text: String = rows
        .iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    for chinese in [
        "客户续约率达到70%",
        "向餐厅供应商证明我们所提供优质茶叶的价值",
    ] {
        assert!(text.contains(chinese), "{chinese} is missing from okrs.csv");
    }
}

#[test]
fn build_output_inside_the_site_is_not_read_as_content() {
    // A leftover Markdown file in the output folder would be an unknown-kind error if read.
    let site = Site::copy_of("good");
    assert_eq!(run(&["build", site.arg()], &[]).code, 0);
    site.file("public/notes.md", "no front matter\n");
    let run_default = run(&["build", site.arg()], &[]);
    assert_eq!(run_default.code, 0, "{}", run_default.stderr);

    let site = Site::copy_of("good");
    let out = site.path().join("site-out");
    let build_o = || run(&["build", site.arg(), "-o", out.to_str().unwrap()], &[]);
    assert_eq!(build_o().code, 0);
    site.file("site-out/notes.md", "no front matter\n");
    let run_o = build_o();
    assert_eq!(run_o.code, 0, "{}", run_o.stderr);
}

#[test]
fn an_output_folder_that_would_replace_the_site_is_refused() {
    let site = Site::copy_of("good");
    let objectives: Vec<_> = std::fs::read_dir(site.path().join("objectives"))
        .unwrap()
        .collect();
    for out in [
        site.path().to_path_buf(),
        site.path().join("objectives"),
        site.path().join("objectives/built"),
        site.path().parent().unwrap().to_path_buf(),
    ] {
        let run = run(&["build", site.arg(), "-o", out.to_str().unwrap()], &[]);
        assert_eq!(run.code, 2, "{}: {}", out.display(), run.stderr);
        assert!(run.stderr.contains("would replace"), "{}", run.stderr);
    }
    let other = Site::copy_of("good");
    let run = run(&["build", site.arg(), "-o", other.arg()], &[]);
    assert_eq!(
        run.code, 2,
        "another site is not an output folder: {}",
        run.stderr
    );
    assert!(site.path().join("okrs.yaml").is_file());
    assert_eq!(
        std::fs::read_dir(site.path().join("objectives"))
            .unwrap()
            .count(),
        objectives.len(),
        "no content was touched"
    );
}

#[test]
fn neither_dot_dot_nor_a_symbolic_link_can_hide_the_site_from_the_output_check() {
    let site = Site::copy_of("good");
    let sneaky = site.path().join("public/../objectives");
    let run1 = run(&["build", site.arg(), "-o", sneaky.to_str().unwrap()], &[]);
    assert_eq!(run1.code, 2, "{}", run1.stderr);

    let links = tempfile::tempdir().unwrap();
    let link = links.path().join("link");
    std::os::unix::fs::symlink(site.path(), &link).unwrap();
    let through_link = link.join("checkins");
    let run2 = run(
        &["build", site.arg(), "-o", through_link.to_str().unwrap()],
        &[],
    );
    assert_eq!(run2.code, 2, "{}", run2.stderr);
    assert!(site.path().join("objectives").read_dir().unwrap().count() > 0);
    assert!(site.path().join("checkins").read_dir().unwrap().count() > 0);

    // A link to an output folder stays a link, and its target gets the site.
    let target = links.path().join("www");
    std::fs::create_dir_all(&target).unwrap();
    let out_link = links.path().join("public");
    std::os::unix::fs::symlink(&target, &out_link).unwrap();
    let run3 = run(
        &["build", site.arg(), "-o", out_link.to_str().unwrap()],
        &[],
    );
    assert_eq!(run3.code, 0, "{}", run3.stderr);
    assert!(
        out_link
            .symlink_metadata()
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(target.join("okrs.json").is_file());
}

/// The marker every build writes at the top of its output (docs/checks.md, "The output
/// folder").
const MARKER: &str = ".okrs-output";

/// A mistyped `-o` (issue 9): a folder okrs did not write is never replaced without
/// `--force` — not the repository's `.git`, not a folder of drafts; the refusal is exit
/// 2 with the way out, and nothing in the folder is touched.
#[test]
fn a_folder_okrs_did_not_write_is_refused_without_force() {
    let site = Site::copy_of("good");
    site.file(".git/HEAD", "ref: refs/heads/main\n");
    site.file(".git/objects/ab/cdef", "a git object");
    site.file("_drafts/plan.txt", "my notes");
    for out in [".git", "_drafts"] {
        let target = site.path().join(out);
        let before = read_tree(&target);
        let refused = run(
            &[
                "build",
                site.arg(),
                "-o",
                target.to_str().unwrap(),
                "--lang",
                "en",
            ],
            &[],
        );
        assert_eq!(refused.code, 2, "{out}: {}", refused.stderr);
        assert!(
            refused.stderr.contains(&format!(
                "is not empty and was not written by okrs build (it has no {MARKER})"
            )) && refused.stderr.contains("pass --force to replace it"),
            "{}",
            refused.stderr
        );
        assert_eq!(read_tree(&target), before, "{out} was touched");
    }
    // The same refusal in Chinese on a zh-CN run.
    let zh = run(
        &[
            "build",
            site.arg(),
            "-o",
            site.path().join("_drafts").to_str().unwrap(),
            "--lang",
            "zh-CN",
        ],
        &[],
    );
    assert_eq!(zh.code, 2);
    assert!(
        zh.stderr.contains("不是空的，也不是 okrs build 生成的") && zh.stderr.contains("--force"),
        "{}",
        zh.stderr
    );

    // --force replaces it, and marks it as okrs's: the next build needs no --force.
    let drafts = site.path().join("_drafts");
    let forced = run(
        &[
            "build",
            site.arg(),
            "-o",
            drafts.to_str().unwrap(),
            "--force",
        ],
        &[],
    );
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert!(!drafts.join("plan.txt").exists());
    assert!(drafts.join(MARKER).is_file());
    let again = run(&["build", site.arg(), "-o", drafts.to_str().unwrap()], &[]);
    assert_eq!(again.code, 0, "{}", again.stderr);
}

#[test]
fn force_never_replaces_the_site_or_its_content() {
    let site = Site::copy_of("good");
    for out in [site.path().to_path_buf(), site.path().join("objectives")] {
        let run = run(
            &["build", site.arg(), "-o", out.to_str().unwrap(), "--force"],
            &[],
        );
        assert_eq!(run.code, 2, "{}: {}", out.display(), run.stderr);
    }
    assert!(site.path().join("objectives/sales/upsell.md").is_file());
}

#[test]
fn a_missing_or_empty_folder_is_built_into_and_marked() {
    let site = Site::copy_of("good");
    let parent = tempfile::tempdir().unwrap();
    let missing = parent.path().join("a/b/out");
    let empty = parent.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    for out in [&missing, &empty] {
        let run = run(&["build", site.arg(), "-o", out.to_str().unwrap()], &[]);
        assert_eq!(run.code, 0, "{}: {}", out.display(), run.stderr);
        assert!(out.join("okrs.json").is_file());
        let marker = std::fs::read_to_string(out.join(MARKER)).unwrap();
        assert!(
            marker.starts_with("okrs build wrote this folder"),
            "{marker}"
        );
    }
    // The default output is marked too.
    assert_eq!(run(&["build", site.arg()], &[]).code, 0);
    assert!(site.path().join("public").join(MARKER).is_file());
}

#[test]
fn the_output_of_an_older_build_without_a_marker_needs_force_once() {
    let site = Site::copy_of("good");
    let public = site.path().join("public");
    assert_eq!(run(&["build", site.arg()], &[]).code, 0);
    // What an okrs from before the marker left.
    std::fs::remove_file(public.join(MARKER)).unwrap();
    let refused = run(&["build", site.arg(), "--lang", "en"], &[]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused
            .stderr
            .contains("looks like the output of an older okrs build")
            && refused.stderr.contains("pass --force once"),
        "{}",
        refused.stderr
    );
    assert!(public.join("okrs.json").is_file(), "nothing was removed");
    let zh = run(&["build", site.arg(), "--lang", "zh-CN"], &[]);
    assert!(
        zh.stderr.contains("旧版 okrs build 的输出"),
        "{}",
        zh.stderr
    );
    assert_eq!(run(&["build", site.arg(), "--force"], &[]).code, 0);
    assert_eq!(run(&["build", site.arg()], &[]).code, 0);
}
