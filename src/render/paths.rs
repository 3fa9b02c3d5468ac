//! Paths of pages, relative to the site root (folders, ending in `/`). Every page's folder
//! comes from here — the files written, every link, okrs.json's `url`, the search index and
//! the feed — so they always agree.
//!
//! A name becomes a folder as it is written when any file system and any browser takes it
//! so; otherwise it gets a safe name, the same on every build: its first bytes (characters
//! unsafe in a file name or a URL replaced by `-`) and a short hash of the whole name, as
//! in `index.html-1f3c9a2b` (see docs/format.md, "Ids").

use std::borrow::Cow;

/// The longest name kept as it is, in bytes (file systems allow 255; an objective id may
/// have up to this many, see `load::schema::MAX_OBJECTIVE_ID`).
pub(crate) const MAX_SEGMENT: usize = 100;

/// How many bytes of a name a safe name keeps before its hash.
const KEPT: usize = 64;

pub(crate) fn objective(id: &str) -> String {
    format!("objectives/{}/", segment(id))
}

pub(crate) fn team(id: &str) -> String {
    format!("teams/{}/", segment(id))
}

pub(crate) fn person(id: &str) -> String {
    format!("people/{}/", segment(id))
}

pub(crate) fn period(id: &str) -> String {
    format!("periods/{}/", segment(id))
}

pub(crate) fn review(period_id: &str) -> String {
    format!("{}review/", period(period_id))
}

/// A free page: its slug is its path under `pages/`, each folder a name of its own.
pub(crate) fn page(slug: &str) -> String {
    let parts: Vec<Cow<str>> = slug.split('/').map(segment).collect();
    format!("pages/{}/", parts.join("/"))
}

/// The page web servers show for a missing page, at the root.
pub(crate) const NOT_FOUND: &str = "404.html";
/// The files a build writes beside the pages.
pub(crate) const DATA_FILES: [&str; 3] = ["okrs.json", "okrs.csv", "feed.xml"];

/// The file of a page in folder `path`.
pub(crate) fn index_file(path: &str) -> String {
    format!("{path}index.html")
}

/// A URL from a page at `root` to a folder page at `path` (or to the root with "").
pub(crate) fn url(root: &str, path: &str) -> String {
    format!("{root}{}", index_file(path))
}

/// The relative path from a page folder back to the root: "objectives/x/" → "../../".
pub(crate) fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The alignment page.
pub(crate) const ALIGNMENT: &str = "alignment/";
pub(crate) const CHECKINS: &str = "checkins/";
pub(crate) const TEAMS: &str = "teams/";
pub(crate) const PEOPLE: &str = "people/";
pub(crate) const PERIODS: &str = "periods/";
pub(crate) const SEARCH: &str = "search/";

/// The names of the full lists, as folders below the page they continue (`list_of`).
pub(crate) mod list {
    pub(crate) const OBJECTIVES: &str = "objectives";
    pub(crate) const TEAMS: &str = "teams";
    pub(crate) const AT_RISK: &str = "at-risk";
    pub(crate) const CHECKINS_DUE: &str = "checkins-due";
    pub(crate) const MEMBERS: &str = "members";
    pub(crate) const SUB_TEAMS: &str = "sub-teams";
}

/// The pages of an objective too deep or with too many children for the page above it.
pub(crate) fn alignment(id: &str) -> String {
    format!("{ALIGNMENT}{}/", segment(id))
}

/// A full list of a period's (or the dashboard's, with "") or a team's page: `objectives`,
/// `teams`, `at-risk`, `checkins-due`, `members`, `sub-teams`.
pub(crate) fn list_of(page: &str, list: &str) -> String {
    format!("{page}{list}/")
}

/// Page `n` (from 1) of a paginated list whose first page is `base`: `base/page/N/`.
/// `page` is never kept as a name (see `segment`), so this never meets an id's page.
pub(crate) fn list_page(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_owned()
    } else {
        format!("{base}{PAGE}/{n}/")
    }
}

/// The folder of the later pages of a list.
const PAGE: &str = "page";

pub(crate) fn kr_anchor(kr_id: &str) -> String {
    format!("kr-{}", crate::model::slug(kr_id))
}

/// The anchor of an objective's place in the alignment tree.
pub(crate) fn tree_anchor(id: &str) -> String {
    format!("o-{}", crate::model::slug(id))
}

/// A name as one folder of a path: itself when it is safe, else its safe name.
pub(crate) fn segment(name: &str) -> Cow<'_, str> {
    if is_safe(name) {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(safe_name(name))
    }
}

/// Characters that some file system refuses in a name, or that end or change a URL's path.
fn is_unsafe_char(c: char) -> bool {
    c.is_control() || "<>:\"/\\|?*#%".contains(c)
}

/// Names Windows keeps for devices, alone or before an extension (`nul.txt`).
fn is_device_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    matches!(stem.as_str(), "con" | "prn" | "aux" | "nul")
        || (stem.len() == 4
            && (stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.as_bytes()[3].is_ascii_digit())
}

/// Whether a name ends like a safe name (`-` and eight hex digits): such names get a safe
/// name of their own too, so that a safe name never equals a name kept as written.
fn looks_hashed(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.len() >= 9
        && bytes[bytes.len() - 9] == b'-'
        && bytes[bytes.len() - 8..]
            .iter()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
}

fn is_safe(name: &str) -> bool {
    is_file_name(name) && !looks_hashed(name)
}

/// Whether a name works as a folder on every file system and in a URL's path, colliding
/// with no page of okrs's own.
fn is_file_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_SEGMENT
        && !name.starts_with('.')
        && !name.ends_with('.')
        && !name.chars().any(is_unsafe_char)
        && !name.eq_ignore_ascii_case("index.html")
        && !name.eq_ignore_ascii_case(PAGE)
        && !is_device_name(name)
}

fn safe_name(name: &str) -> String {
    let mut kept = String::new();
    for c in name.chars() {
        if kept.len() + c.len_utf8() > KEPT {
            break;
        }
        kept.push(if is_unsafe_char(c) { '-' } else { c });
    }
    let kept = kept.trim_start_matches('.').trim_end_matches('.');
    // `nul.txt-…` is still the device `nul` to Windows.
    let mark = if is_device_name(kept) { "_" } else { "" };
    format!("{mark}{kept}-{:08x}", hash(name) as u32)
}

/// FNV-1a: the same on every machine and every build.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_climb_one_level_per_folder() {
        assert_eq!(root_of(""), "");
        assert_eq!(root_of("objectives/x/"), "../../");
        assert_eq!(root_of("checkins/page/2/"), "../../../");
        assert_eq!(url("../", "teams/"), "../teams/index.html");
    }

    #[test]
    fn ordinary_names_are_kept_as_written() {
        for name in [
            "teebee-o1",
            "李四",
            "2024-Q2",
            "FY2024",
            "a.b",
            "r-d-ops",
            "x_1",
        ] {
            assert_eq!(segment(name), name);
        }
        assert_eq!(objective("teebee-o1"), "objectives/teebee-o1/");
        assert_eq!(review("2024-Q1"), "periods/2024-Q1/review/");
        assert_eq!(page("guide/intro"), "pages/guide/intro/");
        assert_eq!(list_page("teams/", 1), "teams/");
        assert_eq!(list_page("teams/", 3), "teams/page/3/");
        assert_eq!(
            list_of(&period("2024-Q2"), list::AT_RISK),
            "periods/2024-Q2/at-risk/"
        );
    }

    #[test]
    fn names_that_collide_or_cannot_be_files_get_a_safe_name() {
        let long = "目".repeat(90);
        for name in [
            "index.html",
            "INDEX.HTML",
            "",
            ".",
            "..",
            ".hidden",
            "trailing.",
            "con",
            "NUL.txt",
            "com1",
            "lpt9",
            "a:b",
            "a#b",
            "50%",
            "tab\there",
            long.as_str(),
            "release-deadbeef",
            "page",
            "Page",
        ] {
            let safe = segment(name);
            assert_ne!(safe, name, "{name:?}");
            assert!(is_file_name(&safe), "{name:?} → {safe:?}");
            assert!(safe.len() <= KEPT + 9, "{name:?} → {safe:?}");
            assert_eq!(safe, segment(name), "the same every time");
        }
        assert_eq!(segment("index.html"), "index.html-16211f22");
        // Cut at a character, never inside one: 21 characters of 3 bytes are 63 bytes.
        assert_eq!(
            segment(&long),
            format!("{}-{:08x}", "目".repeat(21), hash(&long) as u32)
        );
    }

    #[test]
    fn different_names_get_different_safe_names() {
        let a = format!("{}a", "x".repeat(200));
        let b = format!("{}b", "x".repeat(200));
        assert_ne!(segment(&a), segment(&b));
        assert_ne!(segment("con"), segment("CON"));
    }

    #[test]
    fn a_name_of_exactly_the_limit_is_kept() {
        let name = "o".repeat(MAX_SEGMENT);
        assert_eq!(segment(&name), name);
        assert_ne!(segment(&format!("{name}o")), format!("{name}o"));
    }
}
