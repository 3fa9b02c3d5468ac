//! The search index stays in small pieces as the site grows (docs/themes.md#search,
//! docs/format.md#pages-at-company-scale): on a generated site of a few thousand objectives no piece is over its bound,
//! and the pieces are many; `serve` serves them.

#[path = "../support/search_site.rs"]
mod search_site;

use crate::support::{build_into_temp, read_tree};

/// The most any piece of the index may weigh (docs/themes.md, "Search").
const PIECE_BOUND: usize = 64 * 1024;

/// The pieces of a built site's index, by kind (`t`, `p`, `d`), as (name, bytes).
fn pieces(site: &std::path::Path, chinese: bool) -> Vec<(String, usize)> {
    search_site::write_site(site, 3000, chinese);
    let (run, out) = build_into_temp(site, &[], &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let public = out.path().join("public");
    let manifest = std::fs::read_to_string(public.join("search-index.js")).unwrap();
    assert!(
        manifest.starts_with("window.OKRS_SEARCH = {") && manifest.contains("\"termShards\":"),
        "{manifest}"
    );
    read_tree(&public.join("search/index"))
        .into_iter()
        .map(|(path, bytes)| (path.display().to_string(), bytes.len()))
        .collect()
}

fn assert_bounded(pieces: &[(String, usize)]) {
    let largest = pieces.iter().max_by_key(|(_, n)| *n).unwrap();
    assert!(
        largest.1 <= PIECE_BOUND,
        "{} is {} bytes, over {PIECE_BOUND}",
        largest.0,
        largest.1
    );
    for kind in ["t", "p", "d"] {
        let n = pieces.iter().filter(|(p, _)| p.starts_with(kind)).count();
        assert!(n > 4, "only {n} pieces of kind {kind}: {pieces:?}");
    }
    let total: usize = pieces.iter().map(|(_, n)| n).sum();
    assert!(
        total > 20 * PIECE_BOUND,
        "the whole index ({total} bytes) is large: the bound matters"
    );
}

#[test]
fn no_piece_of_the_search_index_is_over_its_bound_on_a_site_of_3000_objectives() {
    let site = tempfile::tempdir().unwrap();
    assert_bounded(&pieces(site.path(), false));
}

#[test]
fn no_piece_of_a_chinese_search_index_is_over_its_bound_on_a_site_of_3000_objectives() {
    let site = tempfile::tempdir().unwrap();
    assert_bounded(&pieces(site.path(), true));
}

#[test]
fn serve_serves_the_pieces_of_the_index_it_builds_when_asked() {
    let server = crate::serve::start("teebee");
    let get = |path: &str| crate::serve::get(server.port, path);
    let manifest = get("/search-index.js");
    assert_eq!(manifest.status, 200);
    assert!(
        manifest.body.starts_with("window.OKRS_SEARCH = {"),
        "{}",
        manifest.body
    );
    for piece in ["t0", "d0"] {
        let response = get(&format!("/search/index/{piece}.js"));
        assert_eq!(response.status, 200, "{piece}");
        assert_eq!(
            response.header("content-type"),
            Some("text/javascript; charset=utf-8")
        );
        let call = format!("okrsSearchPiece(\"{piece}\",");
        assert!(response.body.starts_with(&call), "{}", response.body);
    }
    assert_eq!(get("/search/index/t99999.js").status, 404);
}
