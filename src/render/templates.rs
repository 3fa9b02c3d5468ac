//! The Tera templates: the built-in ones embedded in the binary, overridden file by
//! file by the theme's and then the site's.

use std::collections::BTreeMap;

use crate::diagnostics::Diagnostic;
use crate::model::{Pos, ThemeFiles};

/// The built-in templates, embedded so the binary works on its own anywhere.
pub const BUILT_IN: [(&str, &str); 15] = [
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
    ("page.html", include_str!("../../templates/page.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("404.html", include_str!("../../templates/404.html")),
];

/// The built-in theme's static files, copied to the output root.
pub const BUILT_IN_STATIC: [(&str, &[u8]); 3] = [
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

/// Builds the template set; a template that does not parse is a diagnostic on its file.
pub fn load(theme: &ThemeFiles) -> Result<tera::Tera, Vec<Diagnostic>> {
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
    let mut tera = tera::Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    let result = tera.add_raw_templates(
        sources
            .iter()
            .map(|(name, (_, text))| (name.as_str(), text.as_str())),
    );
    match result {
        Ok(()) => Ok(tera),
        Err(err) => {
            let message = error_chain(&err);
            // Point at the template the error names, if it names one of ours.
            let origin = sources
                .iter()
                .find(|(name, _)| message.contains(name.as_str()))
                .map_or_else(|| "templates".to_owned(), |(_, (origin, _))| origin.clone());
            Err(vec![Diagnostic::error(
                &origin,
                Pos { line: 1, column: 1 },
                "template",
                message,
            )])
        }
    }
}

/// An error and its causes, on one line.
pub fn error_chain(err: &dyn std::error::Error) -> String {
    let mut message = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message.replace('\n', " ")
}
