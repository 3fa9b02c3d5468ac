//! The search index: a script that sets `window.OKRS_SEARCH`, so the search page works
//! from `file://` too (a fetched JSON file would not).

use serde::Serialize;

use super::paths;
use super::views::{Views, url};
use crate::model::Content;

#[derive(Serialize)]
struct Entry {
    kind: &'static str,
    title: String,
    text: String,
    /// Relative to the site root.
    url: String,
    context: String,
}

/// The text a reader sees in sanitised HTML (what the page shows, not what the Markdown
/// said: text inside removed elements such as scripts is gone), shortened for the index.
fn plain(html: &str, limit: usize) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                if !text.ends_with(' ') && !text.is_empty() {
                    text.push(' ');
                }
            }
            '>' => in_tag = false,
            c if !in_tag => text.push(if c.is_whitespace() { ' ' } else { c }),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    let words: Vec<&str> = text.split_whitespace().collect();
    words.join(" ").chars().take(limit).collect()
}

pub fn to_bytes(views: &Views) -> Vec<u8> {
    let site = &*views.site;
    let mut entries = Vec::new();
    for o in views.included_objectives() {
        let resolved = &site.objectives[o];
        let data = &resolved.data;
        let period = super::format::period_label(&site.periods[resolved.period].id, views.language);
        let objective_url = url("", &paths::objective(&data.id.value));
        let owner = resolved
            .owner
            .map(|p| site.people[p].name.clone())
            .unwrap_or_default();
        entries.push(Entry {
            kind: "objective",
            title: data.title.clone(),
            text: plain(&views.prepared(o).body_html, 300),
            url: objective_url.clone(),
            context: [period.as_str(), owner.as_str(), data.id.value.as_str()].join(" · "),
        });
        for (k, rk) in resolved.key_results.iter().enumerate() {
            let kr = &data.key_results[rk.written];
            let kr_url = format!("{objective_url}#{}", paths::kr_anchor(&kr.id.value));
            let owner = rk
                .owner
                .map(|p| site.people[p].name.clone())
                .unwrap_or_default();
            entries.push(Entry {
                kind: "key_result",
                title: kr.title.clone(),
                text: kr
                    .tasks
                    .iter()
                    .map(|t| t.title.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                url: kr_url.clone(),
                context: [data.title.as_str(), owner.as_str()].join(" · "),
            });
            let visible = views.figures.objectives[o].key_results[k].checkins;
            for (n, c) in rk.checkins[..visible].iter().enumerate() {
                if c.note.trim().is_empty() {
                    continue;
                }
                let note = views.prepared(o).notes_html[k]
                    .get(n)
                    .map_or("", String::as_str);
                // The author by name when a people/ file defines them (as on the pages).
                let author = views.checkin("", o, k, n).author.map(|a| a.name);
                entries.push(Entry {
                    kind: "checkin",
                    title: format!("{} · {}", kr.title, views.date(c.date)),
                    text: plain(note, 300),
                    url: kr_url.clone(),
                    context: author.unwrap_or_default(),
                });
            }
        }
    }
    let people = site
        .people
        .iter()
        .enumerate()
        .filter(|(p, _)| views.figures.people_included[*p]);
    for (_, person) in people {
        let team = person
            .team
            .map(|t| site.teams[t].name.clone())
            .unwrap_or_default();
        entries.push(Entry {
            kind: "person",
            title: person.name.clone(),
            text: person.id.clone(),
            url: url("", &paths::person(&person.id)),
            context: team,
        });
    }
    let teams = site
        .teams
        .iter()
        .enumerate()
        .filter(|(t, _)| views.figures.teams_included[*t]);
    for (_, team) in teams {
        entries.push(Entry {
            kind: "team",
            title: team.name.clone(),
            text: team.id.clone(),
            url: url("", &paths::team(&team.id)),
            context: team
                .team
                .map(|p| site.teams[p].name.clone())
                .unwrap_or_default(),
        });
    }
    for &d in &site.pages {
        if let Content::Page(page) = &site.documents[d].content {
            entries.push(Entry {
                kind: "page",
                title: page.title.clone(),
                text: plain(&super::markdown::to_html(&site.documents[d].body), 300),
                url: url("", &paths::page(&page.slug)),
                context: String::new(),
            });
        }
    }
    // Markup characters are written as JSON escapes, so no content can close or open a
    // script element even if this file is ever inlined.
    let data = serde_json::to_string(&entries)
        .unwrap_or_else(|_| "[]".into())
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    format!("window.OKRS_SEARCH = {data};\n").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_text_is_what_the_page_shows() {
        let html = super::super::markdown::to_html(
            "Body with <script>alert(1)</script> and **bold** &amp; more",
        );
        let text = plain(&html, 300);
        assert!(!text.contains("alert"), "{text}");
        assert!(text.contains("bold & more"), "{text}");
    }
}
