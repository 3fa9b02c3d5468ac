//! feed.xml: an Atom feed of check-ins, newest first.

use chrono::{NaiveDate, NaiveTime};

use super::paths;
use super::views::{Views, url};

/// How many check-ins the feed carries.
pub const FEED_ENTRIES: usize = 50;

fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A link in the feed: absolute under `base_url` when it is set, else relative to the feed.
fn link(base: Option<&str>, path: &str) -> String {
    match base {
        Some(base) => format!("{}/{}", base.trim_end_matches('/'), path),
        None => path.to_owned(),
    }
}

pub fn to_bytes(views: &Views) -> Vec<u8> {
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
    for (o, k, c) in checkins.into_iter().take(FEED_ENTRIES) {
        let view = views.checkin("", o, k, c);
        let resolved = &site.objectives[o];
        let path = format!(
            "{}#{}",
            url("", &paths::objective(&resolved.data.id.value)),
            paths::kr_anchor(
                &resolved.data.key_results[resolved.key_results[k].written]
                    .id
                    .value
            )
        );
        // "Key result: 55% (May 15, 2024 10:15)" / "关键结果：55%（2024年5月15日 10:15）",
        // the time where the check-in has one.
        let t = |key: &str| views.strings.get(key);
        let when = match &view.time {
            Some(time) => format!("{} {time}", view.date_display),
            None => view.date_display.clone(),
        };
        let title = format!(
            "{}{}{}{}",
            view.key_result.name,
            t("punct.colon"),
            view.value_display,
            t("punct.parens").replace("{text}", &when)
        );
        let mut summary = format!("{} — {}", view.objective.name, view.value_display);
        if let Some(confidence) = &view.confidence {
            summary.push_str(&format!(
                " · {} {}",
                t("label.confidence"),
                confidence.label
            ));
        }
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title>{}</title>\n", xml(&title)));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml(&link(base, &path))
        ));
        out.push_str(&format!(
            "    <id>{}</id>\n",
            // The check-in's place among its key result's check-ins makes the id unique even
            // for two updates of one key result in one file.
            xml(&format!(
                "{}#{}/{}/{}/{c}",
                feed_id(base, &site.config.title),
                view.source,
                view.key_result.id,
                view.date
            ))
        ));
        let checkin = &resolved.key_results[k].checkins[c];
        out.push_str(&format!(
            "    <updated>{}</updated>\n",
            atom_time(checkin.date, checkin.time)
        ));
        if let Some(author) = &view.author {
            out.push_str(&format!(
                "    <author><name>{}</name></author>\n",
                xml(&author.name)
            ));
        }
        out.push_str(&format!("    <summary>{}</summary>\n", xml(&summary)));
        if !view.note_html.is_empty() {
            out.push_str(&format!(
                "    <content type=\"html\">{}</content>\n",
                xml(&view.note_html)
            ));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out.into_bytes()
}

/// An Atom date (RFC 3339, which needs an offset) for a check-in: its local time of day
/// as written, read as UTC, since okrs knows no time zone; a date alone is its start:
/// `2024-05-15T10:15:00Z`, `2024-05-15T00:00:00Z` (docs/themes.md).
fn atom_time(date: NaiveDate, time: Option<NaiveTime>) -> String {
    let time = time.unwrap_or(NaiveTime::MIN);
    format!("{date}T{}Z", time.format("%H:%M:%S"))
}

/// A stable id for the feed: its URL when known, else a tag URI from the site title.
fn feed_id(base: Option<&str>, title: &str) -> String {
    match base {
        Some(base) => link(Some(base), "feed.xml"),
        None => format!("tag:okrs,2024:{}", crate::model::slug(title)),
    }
}
