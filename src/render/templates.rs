//! The Tera templates: the built-in ones embedded in the binary, overridden file by
//! file by the theme's and then the site's.

use crate::rule::Rule;
use std::collections::BTreeMap;

use super::messages::*;
use crate::diagnostics::Diagnostic;
use crate::model::{Pos, ThemeFiles};

/// The built-in templates, embedded so the binary works on its own anywhere.
pub(crate) const BUILT_IN: [(&str, &str); 17] = [
    ("base.html", include_str!("../../templates/base.html")),
    (
        "components.html",
        include_str!("../../templates/components.html"),
    ),
    (
        "dashboard.html",
        include_str!("../../templates/dashboard.html"),
    ),
    ("period.html", include_str!("../../templates/period.html")),
    ("periods.html", include_str!("../../templates/periods.html")),
    ("review.html", include_str!("../../templates/review.html")),
    (
        "objective.html",
        include_str!("../../templates/objective.html"),
    ),
    ("team.html", include_str!("../../templates/team.html")),
    ("teams.html", include_str!("../../templates/teams.html")),
    ("person.html", include_str!("../../templates/person.html")),
    ("people.html", include_str!("../../templates/people.html")),
    (
        "alignment.html",
        include_str!("../../templates/alignment.html"),
    ),
    (
        "checkins.html",
        include_str!("../../templates/checkins.html"),
    ),
    ("list.html", include_str!("../../templates/list.html")),
    ("page.html", include_str!("../../templates/page.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("404.html", include_str!("../../templates/404.html")),
];

/// The built-in theme's static files, copied to the output root.
pub(crate) const BUILT_IN_STATIC: [(&str, &[u8]); 3] = [
    (
        "style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
    (
        "search.js",
        include_bytes!("../../themes/default/static/search.js"),
    ),
    (
        "favicon.svg",
        include_bytes!("../../themes/default/static/favicon.svg"),
    ),
];

/// Template name → the file it came from, for diagnostics.
pub(crate) type Origins = BTreeMap<String, String>;

/// Builds the template set; a template that does not parse is a diagnostic on its file.
pub(crate) fn load(theme: &ThemeFiles) -> Result<(tera::Tera, Origins), Vec<Diagnostic>> {
    let mut sources: BTreeMap<String, (String, String)> = BUILT_IN
        .iter()
        .map(|(name, text)| {
            (
                name.to_string(),
                (format!("(built-in) templates/{name}"), text.to_string()),
            )
        })
        .collect();
    for (name, (origin, text)) in &theme.templates {
        sources.insert(name.clone(), (origin.clone(), text.clone()));
    }
    let origins: Origins = sources
        .iter()
        .map(|(name, (origin, _))| (name.clone(), origin.clone()))
        .collect();
    let mut tera = tera::Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    tera.register_filter("place", super::markdown::place_filter);
    let result = tera.add_raw_templates(
        sources
            .iter()
            .map(|(name, (_, text))| (name.as_str(), text.as_str())),
    );
    match result {
        Ok(()) => Ok((tera, origins)),
        Err(err) => Err(vec![diagnostic(&err, &origins, None)]),
    }
}

/// A Tera error as a diagnostic on the template (and line and column) it names, which may
/// be the site's, the theme's or a built-in one; `page` is the page being rendered, if any.
pub(crate) fn diagnostic(
    err: &dyn std::error::Error,
    origins: &Origins,
    page: Option<&str>,
) -> Diagnostic {
    let text = error_chain(err);
    // Tera writes "error: MESSAGE  --> NAME:LINE:COL  | snippet".
    let (message, place) = match text.split_once(" --> ") {
        Some((message, rest)) => (message.trim(), Some(rest)),
        None => (text.as_str(), None),
    };
    let message = message.strip_prefix("error: ").unwrap_or(message);
    let located = place.and_then(|rest| {
        let spot = rest.split_whitespace().next()?;
        let mut parts = spot.rsplitn(3, ':');
        let column: u32 = parts.next()?.parse().ok()?;
        let line: u32 = parts.next()?.parse().ok()?;
        let name = parts.next()?;
        Some((origins.get(name)?.clone(), Pos { line, column }))
    });
    let (file, pos) =
        located.unwrap_or_else(|| ("templates".to_owned(), Pos { line: 1, column: 1 }));
    let message = match page {
        Some(page) => crate::msg!(RENDER_PAGE_FAILED, page = page, error = message),
        None => crate::msg!(RENDER_TEMPLATE_ERROR, error = message),
    };
    Diagnostic::error(&file, pos, Rule::Template, message)
}

/// An error and its causes, on one line.
pub(crate) fn error_chain(err: &dyn std::error::Error) -> String {
    let mut message = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message.replace('\n', " ")
}
