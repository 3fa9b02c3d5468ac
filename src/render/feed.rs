//! feed.xml: an Atom feed of check-ins, newest first.

use chrono::{NaiveDate, NaiveTime};

use super::escape::escape as xml;
use super::view::CheckinView;
use super::views::Views;

/// How many check-ins the feed carries.
pub(crate) const FEED_ENTRIES: usize = 50;

/// A link in the feed: absolute under `base_url` when it is set, else relative to the feed.
fn link(base: Option<&str>, path: &str) -> String {
    match base {
        Some(base) => format!("{}/{}", base.trim_end_matches('/'), path),
        None => path.to_owned(),
    }
}

pub(crate) fn to_bytes(views: &Views) -> Vec<u8> {
    let site = &*views.site;
    let base = site.config.base_url.as_deref();
    let checkins = views.checkins_newest_first(views.included_objectives());
    let updated = match checkins.first() {
        Some(&(o, k, c)) => {
            let checkin = &site.objectives[o].key_results[k].checkins[c];
            atom_time(checkin.date, checkin.time)
        }
        None => atom_time(views.figures.as_of, None),
    };
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        site.config.language.code()
    ));
    out.push_str(&format!("  <title>{}</title>\n", xml(&site.config.title)));
    if let Some(description) = &site.config.description {
        out.push_str(&format!("  <subtitle>{}</subtitle>\n", xml(description)));
    }
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml(&link(base, "index.html"))
    ));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml(&link(base, "feed.xml"))
    ));
    out.push_str(&format!(
        "  <id>{}</id>\n",
        xml(&feed_id(base, &site.config.title))
    ));
    out.push_str(&format!("  <updated>{updated}</updated>\n"));
    out.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        xml(&site.config.title)
    ));
    out.push_str(&format!(
        "  <generator>okrs {}</generator>\n",
        env!("CARGO_PKG_VERSION")
    ));
    let feed = feed_id(base, &site.config.title);
    for group in views.checkins_grouped(checkins).iter().take(FEED_ENTRIES) {
        out.push_str(&entry(views, base, &feed, group));
    }
    out.push_str("</feed>\n");
    out.into_bytes()
}

/// One check-in's entry: the updates it makes (in the title, the summary and a list
/// before its note) and its note, linked to the first key result it updates.
fn entry(views: &Views, base: Option<&str>, feed: &str, group: &[(usize, usize, usize)]) -> String {
    let site = &*views.site;
    // In the order of the pages (objective, key result, then as written), as search has
    // them; the feed's newest-first order reverses a check-in's updates.
    let mut group = group.to_vec();
    group.sort_unstable();
    let updates: Vec<CheckinView> = group
        .iter()
        .map(|&(o, k, c)| views.checkin("", o, k, c))
        .collect();
    let (o, k, c) = group[0];
    let first = &updates[0];
    let t = |key: &str| views.strings.get(key);
    let (colon, separator) = (t("punct.colon"), t("punct.separator"));
    // "Key result: 55% (May 15, 2024 10:15)" / "关键结果：55%（2024年5月15日 10:15）", each
    // update in turn, the time where the check-in has one.
    let when = match &first.time {
        Some(time) => format!("{} {time}", first.date_display),
        None => first.date_display.clone(),
    };
    let title = updates
        .iter()
        .map(|u| format!("{}{colon}{}", u.key_result.name, u.value_display))
        .collect::<Vec<_>>()
        .join(&separator)
        + &t("punct.parens").replace("{text}", &when);
    let summary = summary(views, &updates);
    let content = content_html(base, &updates, &colon);
    let checkin = &site.objectives[o].key_results[k].checkins[c];
    // A check-in file is its path; an inline check-in, its place among its key result's
    // check-ins (unique even for two on one day).
    let id = if checkin.document == site.objectives[o].document {
        format!(
            "{}/{}/{}/{c}",
            first.source, first.key_result.id, first.date
        )
    } else {
        first.source.to_string()
    };
    let mut out = String::from("  <entry>\n");
    out.push_str(&format!("    <title>{}</title>\n", xml(&title)));
    out.push_str(&format!(
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml(&link(base, &first.key_result.url))
    ));
    out.push_str(&format!(
        "    <id>{}</id>\n",
        xml(&format!("{feed}#{}", uri_escape(&id)))
    ));
    out.push_str(&format!(
        "    <updated>{}</updated>\n",
        atom_time(checkin.date, checkin.time)
    ));
    if let Some(author) = &first.author {
        out.push_str(&format!(
            "    <author><name>{}</name></author>\n",
            xml(&author.name)
        ));
    }
    out.push_str(&format!("    <summary>{}</summary>\n", xml(&summary)));
    out.push_str(&format!(
        "    <content type=\"html\">{}</content>\n",
        xml(&content)
    ));
    out.push_str("  </entry>\n");
    out
}

/// An entry's summary: each update with its objective and confidence, "Objective — Key
/// result: 55% · Confidence 7/10; …".
fn summary(views: &Views, updates: &[CheckinView]) -> String {
    let t = |key: &str| views.strings.get(key);
    let colon = t("punct.colon");
    updates
        .iter()
        .map(|u| {
            let mut line = format!(
                "{} — {}{colon}{}",
                u.objective.name, u.key_result.name, u.value_display
            );
            if let Some(confidence) = &u.confidence {
                line.push_str(&format!(
                    " · {} {}",
                    t("label.confidence"),
                    confidence.label
                ));
            }
            line
        })
        .collect::<Vec<_>>()
        .join(&t("punct.separator"))
}

/// An entry's content, as HTML: a list of the updates, each linked to its key result,
/// then the note once (a file's updates share its body; an update with a `note:` of its
/// own adds it).
fn content_html(base: Option<&str>, updates: &[CheckinView], colon: &str) -> String {
    let mut content = String::from("<ul>");
    for u in updates {
        content.push_str(&format!(
            "<li><a href=\"{}\">{}</a>{}{}</li>",
            xml(&link(base, &u.key_result.url)),
            xml(&u.key_result.name),
            xml(colon),
            xml(&u.value_display)
        ));
    }
    content.push_str("</ul>\n");
    let mut notes: Vec<&str> = Vec::new();
    for u in updates {
        if !u.note_html.is_empty() && !notes.contains(&&*u.note_html) {
            notes.push(&u.note_html);
        }
    }
    content.push_str(&notes.concat());
    content
}

/// Text as it may stand in a URI: ASCII letters, digits and the characters RFC 3986
/// allows in a path or fragment kept, every other byte percent-encoded (`团队` →
/// `%E5%9B%A2%E9%98%9F`), so ids are URIs, not only IRIs.
fn uri_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// An Atom date (RFC 3339, which needs an offset) for a check-in: its local time of day
/// as written, read as UTC, since okrs knows no time zone; a date alone is its start:
/// `2024-05-15T10:15:00Z`, `2024-05-15T00:00:00Z` (docs/themes.md).
fn atom_time(date: NaiveDate, time: Option<NaiveTime>) -> String {
    let time = time.unwrap_or(NaiveTime::MIN);
    format!("{date}T{}Z", time.format("%H:%M:%S"))
}

/// A stable id for the feed: its URL when known, else a tag URI (RFC 4151) from the site
/// title, percent-encoded: `tag:okrs,2024:teebee-okr`, `tag:okrs,2024:%E5%9B%A2%E9%98%9F`.
fn feed_id(base: Option<&str>, title: &str) -> String {
    match base {
        Some(base) => link(Some(base), "feed.xml"),
        None => format!("tag:okrs,2024:{}", uri_escape(&crate::model::slug(title))),
    }
}
