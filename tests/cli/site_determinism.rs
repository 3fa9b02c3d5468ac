//! The same bytes for the same input: two builds of each sample, from copies in different
//! folders, are byte-identical (docs/format.md#what-a-build-writes).

use crate::site::{SAMPLES, assert_no_problems, build};
use crate::support::*;

#[test]
fn two_builds_of_each_sample_from_different_folders_are_byte_identical() {
    for (name, args) in SAMPLES {
        let copies: Vec<Site> = (0..2)
            .map(|_| {
                let site = Site::empty();
                for entry in std::fs::read_dir(sample(name)).unwrap() {
                    let entry = entry.unwrap();
                    let file_name = entry.file_name();
                    if file_name == "public" {
                        continue; // a build output someone left in the sample
                    }
                    let target = site.path().join(&file_name);
                    if entry.file_type().unwrap().is_dir() {
                        copy_dir(&entry.path(), &target);
                    } else {
                        std::fs::copy(entry.path(), target).unwrap();
                    }
                }
                site
            })
            .collect();
        let a = build(copies[0].path(), args);
        let b = build(copies[1].path(), args);
        let tree_a = read_tree(&a.root);
        let tree_b = read_tree(&b.root);
        assert_eq!(
            tree_a.keys().collect::<Vec<_>>(),
            tree_b.keys().collect::<Vec<_>>(),
            "{name}: the same files"
        );
        let differ: Vec<String> = tree_a
            .iter()
            .filter(|(p, bytes)| tree_b[*p] != **bytes)
            .map(|(p, _)| p.display().to_string())
            .collect();
        assert_no_problems(&format!("{name}: files that differ"), &differ);
    }
}
