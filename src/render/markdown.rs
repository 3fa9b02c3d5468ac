//! Markdown bodies to safe HTML: CommonMark with tables, task lists, footnotes,
//! strikethrough and heading anchors, then sanitised so raw HTML cannot run script.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::collections::HashSet;
use std::sync::LazyLock;

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_generic_attributes(["id", "class"])
        .add_tags(["input"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .attribute_filter(|element, attribute, value| {
            // Only the disabled checkboxes of task lists survive as inputs.
            if element == "input" && attribute == "type" && value != "checkbox" {
                return None;
            }
            Some(value.into())
        });
    b
});

/// Renders a Markdown body. Headings move down one level (the page has its own `<h1>`)
/// and get ids from their text; raw HTML is sanitised. A body that shows nothing (blank,
/// or only an HTML comment, as `okrs new team` and `okrs new person` write) gives an
/// empty string, so that pages leave out its heading too.
pub fn to_html(markdown: &str) -> String {
    if markdown.trim().is_empty() {
        return String::new();
    }
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let events = join_cjk_lines(anchor_headings(events));
    let mut raw = String::new();
    html::push_html(&mut raw, events.into_iter());
    let clean = SANITIZER.clean(&raw).to_string();
    if clean.trim().is_empty() {
        return String::new();
    }
    // Task-list checkboxes must stay disabled, whatever the raw HTML said.
    clean.replace(
        "<input type=\"checkbox\"",
        "<input disabled=\"\" type=\"checkbox\"",
    )
}

/// Drops the line break inside a paragraph between two Chinese characters: HTML shows a
/// line break as a space, and Chinese has none between words ("咖啡店，\n让他们" reads
/// "咖啡店，让他们", not "咖啡店， 让他们"). Breaks next to Latin text stay spaces.
fn join_cjk_lines(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let is_cjk = super::format::is_cjk;
    let between_cjk = |i: usize| {
        matches!(events[i], Event::SoftBreak)
            && text_edge(events[..i].iter().rev(), true).is_some_and(is_cjk)
            && text_edge(events[i + 1..].iter(), false).is_some_and(is_cjk)
    };
    let keep: Vec<bool> = (0..events.len()).map(|i| !between_cjk(i)).collect();
    events
        .into_iter()
        .zip(keep)
        .filter_map(|(e, keep)| keep.then_some(e))
        .collect()
}

/// The character next to a line break: the last (or first) of the nearest text, through
/// inline markup (emphasis, links …); none past anything else.
fn text_edge<'e, 'a: 'e>(
    mut events: impl Iterator<Item = &'e Event<'a>>,
    last: bool,
) -> Option<char> {
    events.find_map(|e| match e {
        Event::Text(t) | Event::Code(t) => Some(if last {
            t.chars().next_back()
        } else {
            t.chars().next()
        }),
        Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. })
        | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link) => {
            None
        }
        _ => Some(None),
    })?
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

fn anchor_headings(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut used = HashSet::new();
    let mut out = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) = &events[i]
        {
            let end = events[i..]
                .iter()
                .position(|e| matches!(e, Event::End(TagEnd::Heading(_))))
                .map_or(events.len(), |p| i + p);
            let text: String = events[i + 1..end]
                .iter()
                .filter_map(|e| match e {
                    Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                    _ => None,
                })
                .collect();
            let base = id
                .as_ref()
                .map_or_else(|| crate::model::slug(&text), |id| id.to_string());
            let mut anchor = base.clone();
            let mut n = 1;
            while !used.insert(anchor.clone()) {
                anchor = format!("{base}-{n}");
                n += 1;
            }
            let level = demote(*level);
            out.push(Event::Start(Tag::Heading {
                level,
                id: Some(CowStr::from(anchor)),
                classes: classes.clone(),
                attrs: attrs.clone(),
            }));
            out.extend(events[i + 1..end].iter().cloned());
            out.push(Event::End(TagEnd::Heading(level)));
            i = end + 1;
            continue;
        }
        out.push(events[i].clone());
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_javascript_urls_are_removed() {
        let html = to_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) <a href=\"javascript:alert(2)\">y</a>\n\n<iframe src=\"https://evil\"></iframe><object data=x></object>",
        );
        for bad in ["<script", "onerror", "javascript:", "<iframe", "<object"] {
            assert!(!html.contains(bad), "{bad} survived in {html}");
        }
    }

    #[test]
    fn tables_tasks_footnotes_and_strikethrough_render() {
        let html = to_html(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~old~~ text[^1]\n\n[^1]: note\n",
        );
        assert!(html.contains("<table>"), "{html}");
        assert!(
            html.contains("checkbox") && html.contains("disabled"),
            "{html}"
        );
        assert!(html.contains("<del>old</del>"), "{html}");
        assert!(html.contains("footnote"), "{html}");
    }

    #[test]
    fn a_body_that_shows_nothing_renders_as_nothing() {
        for body in [
            "",
            "  \n\n",
            "<!-- What this team does, and how to reach it. -->\n",
            "<!-- 职责，以及负责的工作。 -->\n\n<!-- 第二条 -->\n",
            "<script>alert(1)</script>\n",
        ] {
            assert_eq!(to_html(body), "", "{body:?}");
        }
        assert!(
            to_html("<!-- note -->\n\n负责华东区的门店。\n").contains("<p>负责华东区的门店。</p>")
        );
    }

    #[test]
    fn a_line_break_between_chinese_characters_is_no_space() {
        let html = to_html(
            "供应给高档餐厅和咖啡店，\n让他们的客人喝到好茶。\n**使命**\n告诉我们为什么\nTeeBee\n是一家 tea\nsupplier",
        );
        assert!(
            html.contains("咖啡店，让他们的客人喝到好茶。<strong>使命</strong>告诉我们为什么\nTeeBee\n是一家 tea\nsupplier"),
            "{html}"
        );
    }

    #[test]
    fn headings_are_demoted_and_anchored() {
        let html = to_html("# 背景\n\n## Next steps\n\n## Next steps\n");
        assert!(html.contains("<h2 id=\"背景\">背景</h2>"), "{html}");
        assert!(html.contains("<h3 id=\"next-steps\">"), "{html}");
        assert!(html.contains("<h3 id=\"next-steps-1\">"), "{html}");
    }
}
