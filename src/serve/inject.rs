//! What `okrs serve` adds to the HTML it sends, and only there (never to `build`'s
//! output): the live-reload script and, while the content has errors, an overlay that
//! lists them. The overlay is part of the HTML, so it shows even where scripts do not run.

use crate::diagnostics::{Diagnostic, Severity};
use crate::message::common;
use crate::render::escape::escape;
use crate::render::i18n::Strings;

/// Reloads the page (keeping its scroll position) or swaps its stylesheets when told to.
pub(crate) const LIVE_RELOAD: &str = concat!(
    "<script>\n",
    include_str!("assets/live-reload.js"),
    "</script>\n"
);

/// The overlay's style, put in the page's head while there are errors.
const OVERLAY_STYLE: &str = concat!(
    "<style>\n",
    include_str!("assets/overlay.css"),
    "</style>\n"
);

/// The overlay listing every error, `file:line:col`, severity, rule and message, all but
/// the file and rule in the site's language.
pub(crate) fn overlay(errors: &[Diagnostic], last_good: bool, strings: &Strings) -> String {
    let mut html = String::from("<div id=\"okrs-overlay\" role=\"alert\">");
    let count = if errors.len() == 1 {
        strings.get("serve.errors_one")
    } else {
        strings
            .get("serve.errors_many")
            .replace("{n}", &errors.len().to_string())
    };
    let state = strings.get(if last_good {
        "serve.last_good"
    } else {
        "serve.no_page"
    });
    html.push_str(&format!(
        "<p>{} — {}</p><ul>",
        escape(&count),
        escape(&state)
    ));
    for d in errors {
        let severity = match d.severity {
            Severity::Error => &common::SEVERITY_ERROR,
            Severity::Warning => &common::SEVERITY_WARNING,
        };
        html.push_str(&format!(
            "<li><span class=\"okrs-at\">{}:{}:{}</span>: <span class=\"okrs-rule\">{}[{}]</span>: {}</li>",
            escape(&d.file),
            d.line,
            d.column,
            escape(severity.template(strings.language)),
            escape(d.rule.name()),
            escape(&d.text(strings.language))
        ));
    }
    html.push_str("</ul></div>\n");
    html
}

/// Adds the script (and the overlay, when there are errors) before `</body>`, and the
/// overlay's style before `</head>` (or with the overlay, in a page without a head).
pub(crate) fn inject(html: &[u8], errors: &[Diagnostic], strings: &Strings) -> Vec<u8> {
    inject_with(html, errors, true, strings)
}

fn inject_with(html: &[u8], errors: &[Diagnostic], last_good: bool, strings: &Strings) -> Vec<u8> {
    let mut text = String::from_utf8_lossy(html).into_owned();
    if !errors.is_empty() {
        // The overlay's style in the head; in a page without one, with the overlay.
        let head = text.find("</head>").unwrap_or_else(|| body_end(&text));
        text.insert_str(head, OVERLAY_STYLE);
        text.insert_str(body_end(&text), &overlay(errors, last_good, strings));
    }
    text.insert_str(body_end(&text), LIVE_RELOAD);
    text.into_bytes()
}

/// Where `</body>` is, else the end.
fn body_end(text: &str) -> usize {
    text.rfind("</body>").unwrap_or(text.len())
}

/// The page shown when no build has succeeded yet.
pub(crate) fn error_page(errors: &[Diagnostic], strings: &Strings, language: &str) -> Vec<u8> {
    let page = format!(
        "<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>okrs</title></head><body></body></html>"
    );
    inject_with(page.as_bytes(), errors, false, strings)
}

/// Makes a page's relative links resolve from the site root, wherever it is served
/// (the 404 page answers for any missing path); links within the page (`#main`) keep
/// pointing at the page itself.
pub(crate) fn with_root_base(html: &[u8], request_path: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let Some(at) = text.find("<head>") else {
        return html.to_vec();
    };
    let at = at + "<head>".len();
    let here = escape(request_path);
    let body = text[at..].replace("href=\"#", &format!("href=\"{here}#"));
    format!("{}<base href=\"/\">{body}", &text[..at]).into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Pos;

    #[test]
    fn overlay_names_each_error_escaped() {
        let d = Diagnostic::error(
            "objectives/<a>.md",
            Pos { line: 3, column: 7 },
            crate::rule::Rule::Type,
            crate::msg!(common::DID_YOU_MEAN, suggestion = "<b>"),
        );
        let strings = Strings::for_language(crate::model::Language::En);
        let html = String::from_utf8(inject(
            b"<html><body><p>hi</p></body></html>",
            std::slice::from_ref(&d),
            &strings,
        ))
        .unwrap();
        assert!(html.contains("objectives/&lt;a&gt;.md:3:7"), "{html}");
        assert!(html.contains(">error[type]<"), "{html}");
        assert!(
            html.contains("(did you mean &#39;&lt;b&gt;&#39;?)"),
            "{html}"
        );
        assert!(html.find("okrs-overlay").unwrap() < html.find("</body>").unwrap());
        assert!(html.contains("EventSource"));

        // On a Chinese site, the severity and the message are in Chinese too.
        let strings = Strings::for_language(crate::model::Language::ZhCn);
        let html = String::from_utf8(inject(b"<body></body>", &[d], &strings)).unwrap();
        assert!(html.contains(">错误[type]<"), "{html}");
        assert!(html.contains("（是不是想写「&lt;b&gt;」？）"), "{html}");
    }

    #[test]
    fn the_404_page_links_from_the_root_but_keeps_its_own_anchors() {
        let page = b"<html><head><title>x</title></head><body><a href=\"#main\">skip</a><a href=\"style.css\">s</a></body></html>";
        let html = String::from_utf8(with_root_base(page, "/a/b/")).unwrap();
        assert!(html.contains("<head><base href=\"/\">"), "{html}");
        assert!(html.contains("href=\"/a/b/#main\""), "{html}");
        assert!(html.contains("href=\"style.css\""), "{html}");
    }

    #[test]
    fn no_overlay_without_errors() {
        let strings = Strings::for_language(crate::model::Language::ZhCn);
        let html = String::from_utf8(inject(b"<body></body>", &[], &strings)).unwrap();
        assert!(!html.contains("okrs-overlay"));
        assert!(html.contains("/__okrs/events"));
    }
}
