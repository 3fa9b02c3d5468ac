//! Links and assets of the built site: every relative link and asset of every sample
//! resolves inside the output, nothing is loaded from another host, the link checker
//! itself reports every kind of broken link, and the search index's URLs resolve.

use crate::site::{
    SAMPLES, assert_no_problems, build, build_sample, check_url, ids_by_page, link_problems,
    search_entries, str_of,
};
use crate::support::*;
use tempfile::TempDir;

#[test]
fn every_relative_link_and_asset_of_every_sample_resolves_and_nothing_loads_from_another_host() {
    for (name, _) in SAMPLES {
        let built = build_sample(name);
        let (problems, checked) = link_problems(&built.root);
        assert_no_problems(&format!("{name}: links"), &problems);
        let pages = built.html_files().len();
        assert!(
            checked > pages * 10,
            "{name}: only {checked} URLs found in {pages} pages: is the checker reading them?"
        );
    }
}

#[test]
fn the_link_checker_reports_every_kind_of_broken_link() {
    let out = TempDir::new().unwrap();
    let root = out.path();
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "index.html",
        r##"<html><head><link rel="stylesheet" href="https://cdn.example/x.css"><script src="http://cdn.example/y.js"></script></head><body>
<a href="missing/index.html">1</a> <a href="/abs/index.html">2</a> <a href="ok/index.html#nope">3</a>
<img src="//cdn.example/x.png"> <a href="ok/">4</a> <a href="../out.html">5</a>
<div style="background:url(https://cdn.example/bg.png)"></div>
<a href="https://example.com/">fine</a> <a href="mailto:a@example.com">fine</a>
<a href="ok/index.html#here">fine</a> <a href="ok/index.html?x=1">fine</a> <a href="#top">fine</a> <a id="top"></a>
<a href="%E4%B8%AD/index.html#%E4%B8%AD">fine</a> <a href="javascript:alert(1)">6</a>
</body></html>"##,
    );
    write("ok/index.html", r#"<p id="here">here</p>"#);
    write("中/index.html", r#"<p id="中">中</p>"#);
    write(
        "style.css",
        "body { background: url('https://fonts.example/x.woff') }",
    );
    let (problems, _) = link_problems(root);
    let expected = [
        "<link href> loads from another host",
        "<script src> loads from another host",
        "<img src> loads from another host",
        "missing/index.html does not exist",
        "is not relative: /abs/index.html",
        "no element with id=\"nope\"",
        "is a folder",
        "climbs out of the site: ../out.html",
        "index.html: CSS url() loads from another host: https://cdn.example/bg.png",
        "style.css: CSS url() loads from another host",
        "`javascript:` URL",
    ];
    for e in expected {
        assert!(
            problems.iter().any(|p| p.contains(e)),
            "not reported: {e}\n{problems:#?}"
        );
    }
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
}

#[test]
fn unusual_ids_names_and_page_folders_still_give_resolving_links() {
    let site = Site::new("title: Edge & <Co>\nas_of: 2024-05-20\n");
    let mut objective = String::from(
        "---\nid: 销售-2024Q2\ntitle: 销售\nperiod: 2024-Q2\nowner: Li Si\nteam: R&D / Ops\nkey_results:\n  - id: 续约\n    title: 续约率\n    owner: 李四\n    target: 100\n    checkins:\n",
    );
    for day in 1..=30 {
        objective.push_str(&format!(
            "      - {{ date: 2024-04-{day:02}, value: {day}, note: \"n{day}\" }}\n"
        ));
    }
    for day in 1..=15 {
        objective.push_str(&format!(
            "      - {{ date: 2024-05-{day:02}, value: {} }}\n",
            30 + day
        ));
    }
    objective.push_str(
        "---\n# 背景\n\nSee [the guide](../../pages/guides/checkins/index.html#how-to).\n",
    );
    site.file("objectives/sales.md", objective);
    site.file(
        "pages/guides/checkins.md",
        "---\ntitle: Guide\n---\n## How to\n\ntext\n",
    );
    site.file(
        "notes/glossary.md",
        "---\nkind: page\ntitle: Glossary\n---\nx\n",
    );
    let built = build(site.path(), &[]);
    for page in [
        "objectives/销售-2024Q2/index.html",
        "people/li-si/index.html",
        "people/李四/index.html",
        "teams/r-d-ops/index.html",
        "pages/guides/checkins/index.html",
        "pages/glossary/index.html",
        "checkins/page/2/index.html",
        "checkins/page/3/index.html",
    ] {
        assert!(built.root.join(page).is_file(), "{page} is missing");
    }
    assert!(!built.root.join("checkins/page/4").exists());
    let (problems, _) = link_problems(&built.root);
    assert_no_problems("links", &problems);
}

#[test]
fn search_index_urls_resolve_from_the_site_root() {
    for (name, _) in SAMPLES {
        let built = build_sample(name);
        let pages = built.html_files();
        let ids = ids_by_page(&pages);
        let entries = search_entries(&built.root);
        assert!(!entries.is_empty(), "{name}: the search index is empty");
        let mut problems = Vec::new();
        for e in &entries {
            let url = str_of(e, "url");
            // The index's URLs are relative to the root, as if from the root's index.html.
            check_url(
                &built.root,
                &ids,
                "index.html",
                "search entry",
                url,
                false,
                &mut problems,
            );
        }
        assert_no_problems(&format!("{name}: search-index.js"), &problems);
    }
}
