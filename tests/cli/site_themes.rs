//! Templates and themes override in the documented order (docs/themes.md): the site's
//! templates and static files over a theme's, a theme's over the built-in ones, file by
//! file; an unknown theme and a template with a syntax error are errors.

use crate::site::build;
use crate::support::*;
use std::path::Path;

const PAGE_TEMPLATE: &str = r#"{% extends "base.html" %}
{% block content %}<p class="marker">MARKER-{{ page.title }}</p>{{ page.body_html | safe }}{% endblock content %}
"#;

/// A small site with one objective and one free page.
fn themed_site(okrs_yaml: &str) -> Site {
    let site = Site::new(okrs_yaml);
    site.file(
        "objectives/o1.md",
        "---\ntitle: Grow\nperiod: 2024-Q2\nowner: ann\nkey_results:\n  - title: Revenue\n    target: 10\n---\n",
    );
    site.file("pages/about.md", "---\ntitle: About\n---\nAbout us.\n");
    site
}

fn marker_template(marker: &str) -> String {
    PAGE_TEMPLATE.replace("MARKER-", &format!("{marker} "))
}

#[test]
fn site_templates_override_the_built_in_ones_file_by_file() {
    let site = themed_site("title: T\nas_of: 2024-05-20\n");
    site.file("templates/page.html", marker_template("SITE-TEMPLATE-B"));
    let built = build(site.path(), &[]);
    let page = built.read("pages/about/index.html");
    assert!(page.contains("SITE-TEMPLATE-B About"), "{page}");
    assert!(page.contains("About us."), "{page}");
    // The page still extends the built-in layout, and other pages are the built-in ones.
    assert!(page.contains("style.css"), "{page}");
    assert!(!built.read("index.html").contains("SITE-TEMPLATE-B"));
}

#[test]
fn a_theme_of_the_site_supplies_templates_and_static_files() {
    let site = themed_site("title: T\nas_of: 2024-05-20\ntheme: mytheme\n");
    site.file(
        "themes/mytheme/templates/page.html",
        marker_template("THEME-TEMPLATE-A"),
    );
    site.file(
        "themes/mytheme/static/style.css",
        "/* THEME-STYLE-MARKER */\n",
    );
    site.file("themes/mytheme/static/theme-only.txt", "theme only\n");
    let built = build(site.path(), &[]);
    let page = built.read("pages/about/index.html");
    assert!(page.contains("THEME-TEMPLATE-A About"), "{page}");
    assert!(
        built.read("style.css").contains("THEME-STYLE-MARKER"),
        "the theme's style.css replaces the built-in one"
    );
    assert_eq!(built.read("theme-only.txt"), "theme only\n");
    // What the theme does not supply comes from the built-in theme.
    assert!(built.root.join("search.js").is_file());
    assert!(
        built.read("objectives/o1/index.html").contains("Grow"),
        "the built-in objective template"
    );
    // themes/ is not content, and is not copied as such.
    assert!(!built.root.join("themes").exists());
}

#[test]
fn site_templates_and_static_files_win_over_the_themes() {
    let site = themed_site("title: T\nas_of: 2024-05-20\ntheme: mytheme\n");
    site.file(
        "themes/mytheme/templates/page.html",
        marker_template("THEME-TEMPLATE-A"),
    );
    site.file("templates/page.html", marker_template("SITE-TEMPLATE-B"));
    site.file(
        "themes/mytheme/static/style.css",
        "/* THEME-STYLE-MARKER */\n",
    );
    site.file("static/style.css", "/* SITE-STYLE-MARKER */\n");
    site.file("themes/mytheme/static/theme-only.txt", "theme only\n");
    site.file("static/files/site-only.txt", "site only\n");
    let built = build(site.path(), &[]);
    let page = built.read("pages/about/index.html");
    assert!(page.contains("SITE-TEMPLATE-B About"), "{page}");
    assert!(!page.contains("THEME-TEMPLATE-A"), "{page}");
    assert_eq!(built.read("style.css"), "/* SITE-STYLE-MARKER */\n");
    assert_eq!(built.read("theme-only.txt"), "theme only\n");
    assert_eq!(built.read("files/site-only.txt"), "site only\n");
}

#[test]
fn a_theme_that_is_neither_a_folder_nor_built_in_is_an_error_on_the_theme_line() {
    let site = themed_site("title: T\nas_of: 2024-05-20\ntheme: nosuch\n");
    let theme_line = 3;
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 1, "{}", listing(&diags));
    let errors: Vec<&Diag> = diags.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{}", listing(&diags));
    let d = errors[0];
    assert_eq!(d.file, "okrs.yaml", "{}", d.at());
    assert_eq!(d.line, theme_line, "{}", d.at());
    assert!(
        d.column == 1 || d.column == 8,
        "the key or the value: {}",
        d.at()
    );
    assert!(d.message.contains("nosuch"), "{}", d.message);

    let (run, out) = build_into_temp(site.path(), &[], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("okrs.yaml:{theme_line}:")),
        "{}",
        run.stderr
    );
    assert!(!out.path().join("public").exists(), "nothing is written");
}

#[test]
fn a_template_with_a_syntax_error_fails_the_build_and_keeps_the_previous_output() {
    let site = themed_site("title: T\nas_of: 2024-05-20\n");
    let public = site.path().join("public");
    let first = run(&["build", site.arg()], &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let before = read_tree(&public);
    assert!(before.contains_key(Path::new("pages/about/index.html")));

    site.file(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}{% for x in %}{{ x }{% endblock content %}\n",
    );
    // The content changes too, so a build that went through would differ.
    site.file("pages/about.md", "---\ntitle: About (new)\n---\nNew.\n");
    let second = run(&["build", site.arg()], &[]);
    assert_eq!(second.code, 1, "{}", second.stderr);
    assert!(
        second.stderr.contains("templates/page.html"),
        "the error names the template: {}",
        second.stderr
    );
    let after = read_tree(&public);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &before {
        assert!(after[path] == *bytes, "{} changed", path.display());
    }
}
