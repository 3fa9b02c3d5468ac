//! Copying a site folder, for the tests that change a copy of a sample or a fixture
//! (tests/cli and tests/browser.rs).

use std::path::Path;

/// Copies the folder `from` into `to` (created if need be), every file and folder below
/// it, except a `public/` folder at its top: a build output someone left in a sample.
pub fn copy_dir(from: &Path, to: &Path) {
    copy_below(from, to, true);
}

fn copy_below(from: &Path, to: &Path, top: bool) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            if !(top && entry.file_name() == "public") {
                copy_below(&entry.path(), &target, false);
            }
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
