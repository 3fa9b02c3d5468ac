//! Replays the fuzz corpus: every file under fuzz/corpus/<target>/ (the seeds, and every
//! input that once crashed or was slow) goes through the same function its fuzz target
//! calls (fuzz/harness.rs), so a regression shows up in `cargo test` without a nightly
//! compiler. See docs/reliability.md, "Fuzzing".

#[path = "../fuzz/harness.rs"]
mod harness;

use rayon::prelude::*;
use std::path::{Path, PathBuf};

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs `run` on every corpus file of `target`; fails naming each file that panics.
fn replay(target: &str, run: fn(&[u8])) {
    let files = corpus(target);
    assert!(!files.is_empty(), "fuzz/corpus/{target} is empty");
    harness::init();
    let failed: Vec<String> = files
        .par_iter()
        .filter(|path| {
            let bytes = std::fs::read(path).unwrap();
            std::panic::catch_unwind(|| run(&bytes)).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} corpus files fail:\n{}",
        failed.len(),
        files.len(),
        failed.join("\n")
    );
}

#[test]
fn the_document_corpus_replays() {
    replay("document", harness::document);
}

#[test]
fn the_pipeline_corpus_replays() {
    replay("pipeline", harness::pipeline);
}

/// The pipeline's input format: `>>> PATH` sections, with paths made safe.
#[test]
fn fuzzed_sites_keep_to_safe_paths() {
    let files = harness::site_files(
        b">>> okrs.yaml\ntitle: x\n>>> ../../etc/passwd\nroot\n>>> objectives/.hidden/a b.md\n---\n>>> /\nlost\n",
    );
    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        ["okrs.yaml", "etc/passwd.md", "objectives/hidden/ab.md"]
    );
    assert_eq!(files[0].1, b"title: x\n");
    assert_eq!(files[1].1, b"root\n");
    assert_eq!(
        files[2].1, b"---\n",
        "the lines of a path that keeps nothing are dropped"
    );
}
