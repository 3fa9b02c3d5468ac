//! Text from content cannot inject markup: a site whose every front-matter text field and
//! Markdown body carries an XSS payload builds pages, feed.xml and a search index that
//! show the payloads as text only (docs/themes.md#themes-and-templates).

use crate::site::{
    Built, Token, URL_ATTRS, assert_no_problems, build, css_urls, is_other_host, link_problems,
    scheme, search_entries, str_of, tokenize, visible_text,
};
use crate::support::*;

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "\"><img src=x onerror=alert(1)>";
const JS_URL: &str = "javascript:alert(1)";

/// Every payload at once, for fields that take any text.
fn all_payloads() -> String {
    format!("{SCRIPT} {IMG} {JS_URL}")
}

/// A YAML single-quoted scalar.
fn yq(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// A Markdown body full of raw HTML and links that must not survive.
const EVIL_BODY: &str = r#"Some **bold** text.

<script>alert(1)</script>

<img src=x onerror=alert(1)>

<a href="javascript:alert(1)">raw link</a> <a href="JaVaScRiPt:alert(1)">mixed case</a>
<a href="jav&#x09;ascript:alert(1)">tab</a> <a href="data:text/html,<script>alert(1)</script>">data</a>

[x](javascript:alert(2)) [y](  javascript:alert(3)  ) <javascript:alert(4)>

[ref][evil]

[evil]: javascript:alert(5)

<iframe src="https://evil.example/"></iframe>

<object data="x.swf"></object><embed src="x.swf">

<svg onload=alert(1)><circle r="1"/></svg>

<style>body { background: url(https://evil.example/x.png) }</style>

<p onclick="alert(1)" style="background:url(https://evil.example/)">p</p>

<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>

<base href="https://evil.example/">

<details ontoggle=alert(1) open>d</details>

<math><mi xlink:href="javascript:alert(1)">m</mi></math>
"#;

/// A site where every front-matter text field and every body carries an XSS payload.
fn evil_site() -> Site {
    let all = yq(&all_payloads());
    let script = yq(SCRIPT);
    let img = yq(IMG);
    let js = yq(JS_URL);
    let site = Site::new(&format!(
        "title: {all}\ndescription: {all}\nas_of: 2024-05-20\nextra:\n  x: {all}\n"
    ));
    site.file(
        "org.md",
        format!(
            "---\nname: {all}\nmission: {all}\nvision: {all}\nstrategies:\n  - id: s1\n    title: {all}\n    description: {all}\n  - id: s2\n    title: {js}\nextra:\n  x: {all}\n---\n{EVIL_BODY}"
        ),
    );
    site.file(
        "teams/t1.md",
        format!("---\nname: {all}\nlead: p1\nextra:\n  x: {all}\n---\n{EVIL_BODY}"),
    );
    site.file(
        "teams/t2.md",
        format!("---\nname: {js}\nparent: t1\n---\n{EVIL_BODY}"),
    );
    site.file(
        "people/p1.md",
        format!("---\nname: {all}\nteam: t1\nextra:\n  x: {all}\n---\n{EVIL_BODY}"),
    );
    site.file(
        "people/p2.md",
        format!("---\nname: {js}\nteam: t2\n---\n{EVIL_BODY}"),
    );
    site.file(
        "objectives/o1.md",
        format!(
            r#"---
title: {all}
period: 2024-Q2
owner: p1
team: t1
aligns_to: s1
carried_from: o0
extra:
  x: {all}
key_results:
  - id: k1
    title: {all}
    owner: p2
    start: 0
    target: 100
    unit: {img}
    tasks:
      - {all}
      - {{ title: {script}, done: true }}
    extra:
      x: {all}
    checkins:
      - date: 2024-04-10
        value: 10
        confidence: 5
        note: {note}
  - id: k2
    title: {js}
    owner: {script}
    metric: milestone
  - id: k3
    title: {img}
    owner: {js}
    metric: stay_above
    target: 5
    unit: {script}
---
{EVIL_BODY}"#,
            note = yq(EVIL_BODY),
        ),
    );
    // A closed quarter: its review page, grades and carry-over links carry payloads too.
    site.file(
        "objectives/o0.md",
        format!(
            r#"---
title: {all}
period: 2024-Q1
owner: p1
team: t1
aligns_to: s1
review: {note}
key_results:
  - title: {all}
    owner: p2
    target: 10
    grade: 0.5
    checkins:
      - date: 2024-03-10
        value: 4
        note: {note}
---
{EVIL_BODY}"#,
            note = yq(EVIL_BODY),
        ),
    );
    site.file(
        "objectives/o2.md",
        format!(
            "---\ntitle: {script}\nperiod: 2024-Q2\nowner: {script}\nteam: {img}\naligns_to: o1\nkey_results:\n  - title: {js}\n    owner: {img}\n    target: 10\n    unit: {js}\n---\n{EVIL_BODY}"
        ),
    );
    site.file(
        "objectives/o3.md",
        format!(
            "---\ntitle: {img}\nperiod: 2024-Q2\nowner: {js}\nteam: {js}\naligns_to: s2\nkey_results:\n  - title: {script}\n    target: 3\n---\n{EVIL_BODY}"
        ),
    );
    site.file(
        "checkins/2024-05-01.md",
        format!(
            "---\ndate: 2024-05-01\nauthor: {all}\nextra:\n  x: {all}\nupdates:\n  - {{ kr: o1/k1, value: 40, confidence: 6 }}\n  - {{ kr: o1/k2, done: true }}\n  - {{ kr: o2/kr1, value: 4 }}\n---\n{EVIL_BODY}"
        ),
    );
    site.file(
        "checkins/2024-05-02.md",
        format!(
            "---\ndate: 2024-05-02\nauthor: {js}\nkr: o1/k3\nvalue: 6\nconfidence: 2\n---\n{EVIL_BODY}"
        ),
    );
    site.file(
        "checkins/2024-05-03.md",
        format!("---\ndate: 2024-05-03\nauthor: p1\nkr: o3/kr1\nvalue: 1\n---\n{EVIL_BODY}"),
    );
    site.file(
        "pages/evil.md",
        format!("---\ntitle: {all}\nextra:\n  x: {all}\n---\n{EVIL_BODY}"),
    );
    site.file(
        "pages/plain.md",
        format!("---\ntitle: {js}\n---\n{EVIL_BODY}"),
    );
    site
}

fn build_evil_site() -> (Site, Built) {
    let site = evil_site();
    let built = build(site.path(), &["--drafts"]);
    (site, built)
}

/// A URL value that would run script when followed or loaded (or names `javascript:` at all).
fn is_script_url(value: &str) -> bool {
    let cleaned: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    cleaned.contains("javascript:")
        || cleaned.starts_with("vbscript:")
        || cleaned.starts_with("data:text/html")
}

/// Markup problems of an HTML document (or fragment): script that is not the site's own,
/// event handlers, script URLs and embedding tags.
fn markup_problems(where_: &str, html: &str, problems: &mut Vec<String>) {
    let lower = html.to_ascii_lowercase();
    if lower.contains("<script>alert") {
        problems.push(format!("{where_}: contains `<script>alert`"));
    }
    for token in tokenize(html) {
        match token {
            Token::Tag(tag) if !tag.closing => {
                let name = tag.name.as_str();
                if matches!(
                    name,
                    "iframe" | "object" | "embed" | "frame" | "frameset" | "applet" | "base"
                ) {
                    problems.push(format!("{where_}: a <{name}> tag"));
                }
                if name == "script" {
                    let own = tag.attr("src").is_some_and(|s| {
                        !is_other_host(s)
                            && (s.ends_with("search.js") || s.ends_with("search-index.js"))
                    });
                    if !own {
                        problems.push(format!(
                            "{where_}: a <script> that is not the site's own search script: {:?}",
                            tag.attrs
                        ));
                    }
                }
                for (attr, value) in &tag.attrs {
                    if attr.starts_with("on") {
                        problems.push(format!(
                            "{where_}: <{name}> has an event handler {attr}={value:?}"
                        ));
                    }
                    if URL_ATTRS.contains(&attr.as_str()) && is_script_url(value) {
                        problems.push(format!(
                            "{where_}: <{name} {attr}> holds a script URL: {value:?}"
                        ));
                    }
                    if attr == "http-equiv" {
                        problems.push(format!("{where_}: <{name} http-equiv={value:?}>"));
                    }
                }
            }
            Token::Raw { tag, text } if tag == "script" && !text.trim().is_empty() => {
                problems.push(format!("{where_}: an inline <script>: {text:.80}"));
            }
            Token::Raw { tag, text }
                if tag == "style" && css_urls(&text).iter().any(|u| is_other_host(u)) =>
            {
                problems.push(format!("{where_}: a <style> loading from another host"));
            }
            _ => {}
        }
    }
}

#[test]
fn front_matter_text_and_markdown_bodies_cannot_inject_markup_into_html_pages() {
    let (_site, built) = build_evil_site();
    let pages = built.html_files();
    // The payloads reached the pages (as text): the test exercises what it means to.
    let dashboard = visible_text(&built.read("index.html"));
    assert!(
        dashboard.contains(SCRIPT),
        "the site title is shown, escaped, on the dashboard:\n{dashboard:.2000}"
    );
    let objective = visible_text(&built.read("objectives/o1/index.html"));
    for shown in [SCRIPT, IMG, JS_URL, "Some bold text"] {
        assert!(
            objective.contains(shown),
            "objectives/o1 shows {shown:?} as text:\n{objective:.3000}"
        );
    }
    let review = visible_text(&built.read("periods/2024-Q1/review/index.html"));
    for shown in [SCRIPT, "Some bold text"] {
        assert!(
            review.contains(shown),
            "the review page shows {shown:?} (a title, a review) as text:\n{review:.3000}"
        );
    }
    let mut problems = Vec::new();
    for (path, html) in &pages {
        markup_problems(path, html, &mut problems);
    }
    assert_no_problems("markup injected from content", &problems);
    // And nothing is loaded from another host, whatever the bodies asked for.
    let loads: Vec<String> = link_problems(&built.root)
        .0
        .into_iter()
        .filter(|p| {
            p.contains("another host") || p.contains("script URL") || p.contains("`javascript:")
        })
        .collect();
    assert_no_problems("links injected from content", &loads);
}

#[test]
fn the_markup_checker_catches_a_template_that_prints_content_unescaped() {
    let site = evil_site();
    site.file(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title | safe }}</h1>{% endblock content %}",
    );
    let built = build(site.path(), &["--drafts"]);
    let mut problems = Vec::new();
    markup_problems(
        "pages/evil/index.html",
        &built.read("pages/evil/index.html"),
        &mut problems,
    );
    for e in ["`<script>alert`", "not the site's own", "onerror"] {
        assert!(
            problems.iter().any(|p| p.contains(e)),
            "not reported: {e}\n{problems:#?}"
        );
    }
}

#[test]
fn front_matter_text_and_markdown_bodies_appear_only_escaped_in_feed_xml() {
    let (_site, built) = build_evil_site();
    let feed = built.read("feed.xml");
    let lower = feed.to_ascii_lowercase();
    for raw in [
        "<script", "<img", "<iframe", "<object", "<embed", "<svg", "<style", "<a ", "<form",
    ] {
        assert!(
            !lower.contains(raw),
            "feed.xml contains raw `{raw}`:\n{feed}"
        );
    }
    let doc = roxmltree::Document::parse(&feed).expect("feed.xml is well-formed XML");
    let mut problems = Vec::new();
    let mut texts = String::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        let text: String = node
            .children()
            .filter(|c| c.is_text())
            .filter_map(|c| c.text())
            .collect();
        texts.push_str(&text);
        texts.push('\n');
        // HTML content is rendered by feed readers: it must be safe HTML.
        if node.attribute("type") == Some("html") {
            markup_problems(
                &format!("feed.xml <{}>", node.tag_name().name()),
                &text,
                &mut problems,
            );
        }
        for attr in node.attributes() {
            if is_script_url(attr.value()) {
                problems.push(format!(
                    "feed.xml <{} {}> holds a script URL",
                    node.tag_name().name(),
                    attr.name()
                ));
            }
        }
    }
    assert_no_problems("feed.xml", &problems);
    // The payloads are there, as text.
    assert!(
        texts.contains(SCRIPT),
        "feed.xml carries the payload as text"
    );
}

#[test]
fn front_matter_text_cannot_close_a_script_element_from_search_index_js() {
    let (_site, built) = build_evil_site();
    let js = search_index_text(&built.root);
    let lower = js.to_ascii_lowercase();
    assert!(
        !lower.contains("</script"),
        "search-index.js contains a raw `</script`:\n{js}"
    );
    assert!(
        !lower.contains("<!--"),
        "search-index.js contains a raw `<!--`:\n{js}"
    );
    let entries = search_entries(&built.root);
    assert!(
        entries
            .iter()
            .any(|e| e["title"].as_str().is_some_and(|t| t.contains(SCRIPT))),
        "the payload is in the index, as data"
    );
    for e in &entries {
        let url = str_of(e, "url");
        assert!(
            !is_script_url(url) && scheme(url).is_none() && !url.starts_with('/'),
            "a search entry's url is not a relative path: {url}"
        );
    }
}

#[test]

fn search_index_js_has_no_script_tag_from_content() {
    let (_site, built) = build_evil_site();
    let js = search_index_text(&built.root);
    assert!(
        !js.to_ascii_lowercase().contains("<script>alert"),
        "search-index.js contains `<script>alert`"
    );
}
