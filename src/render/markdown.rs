//! Markdown bodies to safe HTML: CommonMark with tables, task lists, footnotes,
//! strikethrough and heading anchors, then sanitised so raw HTML cannot run script.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};
use std::collections::HashSet;
use std::sync::LazyLock;

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_generic_attributes(["id", "class"])
        .add_tags(["input"])
        .add_tag_attributes("input", ["type", "checked", "disabled", "aria-label"])
        .attribute_filter(|element, attribute, value| {
            // Only the disabled checkboxes of task lists survive as inputs.
            if element == "input" && attribute == "type" && value != "checkbox" {
                return None;
            }
            Some(value.into())
        });
    b
});

/// Renders a Markdown body. Headings get ids from their text (never one the layout
/// uses) and form an outline that skips no level, its top heading an `<h2>` (the page has
/// its own `<h1>`; see [`place`]); raw HTML is sanitised. A body that shows nothing (blank,
/// or only an HTML comment, as `okrs new team` and `okrs new person` write) gives an
/// empty string, so that pages leave out its heading too.
pub(crate) fn to_html(markdown: &str) -> String {
    if markdown.trim().is_empty() {
        return String::new();
    }
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let events = label_tasks(join_cjk_lines(anchor_headings(events)));
    let mut raw = String::new();
    html::push_html(&mut raw, events.into_iter());
    let clean = SANITIZER.clean(&raw).to_string();
    if clean.trim().is_empty() {
        return String::new();
    }
    // Task-list checkboxes must stay disabled, whatever the raw HTML said.
    let clean = clean.replace(
        "<input type=\"checkbox\"",
        "<input disabled=\"\" type=\"checkbox\"",
    );
    place(&focusable_scrollers(&clean), 1, "")
}

/// Places a body made by [`to_html`] under a heading of level `under` (1–5) of its page:
/// its top headings become `<h{under + 1}>` and the ones below them follow without
/// skipping a level (at most `<h6>`). With a `scope`, every id of the body, and every link
/// of the body to one of them, becomes `SCOPE--ID`, so that bodies shown together on a page
/// (check-in notes, reviews) never repeat an id. The built-in templates' scopes (`about`,
/// `review`, `org`, `note-…`) begin none of the pages' own ids.
pub(crate) fn place(html: &str, under: u8, scope: &str) -> String {
    let ids: HashSet<&str> = if scope.is_empty() {
        HashSet::new()
    } else {
        segments(html)
            .filter_map(|(tag, s)| tag.then(|| attribute(s, " id=\"")).flatten())
            .collect()
    };
    let mut outline = Outline {
        under,
        open: Vec::new(),
        current: 0,
    };
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    for (tag, s) in segments(html) {
        if !tag {
            out.push_str(s);
            continue;
        }
        let s = outline.heading(s);
        if ids.is_empty() {
            out.push_str(&s);
        } else {
            out.push_str(&scoped(&s, scope, &ids));
        }
    }
    out
}

/// The template filter `place(under=N, scope="…")`: [`place`] on a body's HTML, which
/// keeps its safety (print it with `| safe`, as the body itself). `under` is taken into
/// 1–5 and `scope` made a slug, so that no argument can break the markup.
pub(crate) fn place_filter(
    html: tera::StringInput,
    kwargs: tera::Kwargs,
    _: &tera::State,
) -> tera::TeraResult<tera::Value> {
    let under = kwargs.must_get::<u8>("under")?.clamp(1, 5);
    let scope = match kwargs.get::<&str>("scope")? {
        Some(scope) if !scope.is_empty() => crate::model::slug(scope),
        _ => String::new(),
    };
    Ok(html.inherit_safety(place(html.as_str(), under, &scope)))
}

/// Makes every `<pre>` and `<table>` focusable: a wide one scrolls sideways (style.css),
/// and a reader on the keyboard must be able to reach it to scroll it. Added after
/// sanitising, which keeps no `tabindex`.
fn focusable_scrollers(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    for (tag, s) in segments(html) {
        let name = ["<pre", "<table"].into_iter().find(|name| {
            s.strip_prefix(name)
                .is_some_and(|rest| rest.starts_with(['>', ' ']))
        });
        match name {
            Some(name) if tag => {
                out.push_str(name);
                out.push_str(" tabindex=\"0\"");
                out.push_str(&s[name.len()..]);
            }
            _ => out.push_str(s),
        }
    }
    out
}

/// The pieces of sanitised HTML in order, each with whether it is a tag. The sanitiser's
/// output escapes `<` in text and quotes every attribute value with `"`, which it escapes
/// inside, so a tag runs from `<` to the first `>` outside quotes.
fn segments(html: &str) -> impl Iterator<Item = (bool, &str)> {
    let mut rest = html;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let len = if rest.starts_with('<') {
            let mut quoted = false;
            rest.char_indices()
                .find(|&(_, c)| {
                    quoted ^= c == '"';
                    c == '>' && !quoted
                })
                .map_or(rest.len(), |(i, _)| i + 1)
        } else {
            rest.find('<').unwrap_or(rest.len())
        };
        let (piece, after) = rest.split_at(len);
        rest = after;
        Some((piece.starts_with('<'), piece))
    })
}

/// The value of the attribute that `start` (` id="`) opens in `tag`, if it has it.
fn attribute<'t>(tag: &'t str, start: &str) -> Option<&'t str> {
    let from = tag.find(start)? + start.len();
    let len = tag[from..].find('"')?;
    Some(&tag[from..from + len])
}

/// Heading levels as [`place`] moves them: `open` holds the (written, placed) levels of
/// the headings above the current one, `current` the placed level of the heading last
/// opened, for its end tag.
struct Outline {
    under: u8,
    open: Vec<(u8, u8)>,
    current: u8,
}

impl Outline {
    /// `tag`, with its level moved if it opens or closes a heading.
    fn heading<'t>(&mut self, tag: &'t str) -> std::borrow::Cow<'t, str> {
        let Some((end, written)) = heading_level(tag) else {
            return tag.into();
        };
        if !end {
            while self.open.last().is_some_and(|&(w, _)| w >= written) {
                self.open.pop();
            }
            let parent = self.open.last().map_or(self.under, |&(_, placed)| placed);
            self.current = (parent + 1).min(6);
            self.open.push((written, self.current));
        }
        // The digit follows `<h` or `</h`.
        let at = if end { 3 } else { 2 };
        format!("{}{}{}", &tag[..at], self.current, &tag[at + 1..]).into()
    }
}

/// Whether `tag` closes (true) or opens a heading, and its level, if it is one.
fn heading_level(tag: &str) -> Option<(bool, u8)> {
    let (end, name) = match tag.strip_prefix("</") {
        Some(name) => (true, name),
        None => (false, tag.strip_prefix('<')?),
    };
    let mut chars = name.strip_prefix('h')?.chars();
    let level = chars.next()?.to_digit(10).filter(|d| (1..=6).contains(d))?;
    matches!(chars.next(), Some(' ' | '>')).then_some((end, level as u8))
}

/// `tag` with its id, and its link to an id of `ids`, put in `scope`.
fn scoped(tag: &str, scope: &str, ids: &HashSet<&str>) -> String {
    let mut tag = tag.to_owned();
    if let Some(id) = attribute(&tag, " id=\"") {
        tag = tag.replacen(
            &format!(" id=\"{id}\""),
            &format!(" id=\"{scope}--{id}\""),
            1,
        );
    }
    if let Some(target) = attribute(&tag, " href=\"#") {
        let decoded = percent_encoding::percent_decode_str(target).decode_utf8_lossy();
        if ids.contains(target) || ids.contains(decoded.as_ref()) {
            tag = tag.replacen(
                &format!(" href=\"#{target}\""),
                &format!(" href=\"#{scope}--{target}\""),
                1,
            );
        }
    }
    tag
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

/// Gives each task-list checkbox its item's text as its accessible name (`aria-label`):
/// a form control without one is a WCAG failure (axe's `label`), and the item's text is
/// what the box says is done or not, in the body's own language.
fn label_tasks(mut events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    for i in 0..events.len() {
        let Event::TaskListMarker(checked) = events[i] else {
            continue;
        };
        let mut label = String::new();
        for e in &events[i + 1..] {
            match e {
                Event::Text(t) | Event::Code(t) => label.push_str(t),
                Event::SoftBreak | Event::HardBreak => label.push(' '),
                Event::End(TagEnd::Item) | Event::Start(Tag::List(_) | Tag::Item) => break,
                _ => {}
            }
        }
        events[i] = Event::InlineHtml(CowStr::from(format!(
            "<input disabled=\"\" type=\"checkbox\"{} aria-label=\"{}\">",
            if checked { " checked=\"\"" } else { "" },
            super::escape::escape(label.trim())
        )));
    }
    events
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

/// Ids the layout (`base.html`) gives its own elements, which a heading must not take.
const LAYOUT_IDS: [&str; 1] = ["main"];

fn anchor_headings(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut used: HashSet<String> = LAYOUT_IDS.iter().map(|id| id.to_string()).collect();
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
            out.push(Event::Start(Tag::Heading {
                level: *level,
                id: Some(CowStr::from(anchor)),
                classes: classes.clone(),
                attrs: attrs.clone(),
            }));
            out.extend(events[i + 1..end].iter().cloned());
            out.push(Event::End(TagEnd::Heading(*level)));
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
    fn a_task_checkbox_is_named_by_its_item_text() {
        let html = to_html("- [ ] write the **plan** & a < b\n- [x] 上线\n  - [ ] nested\n");
        assert!(
            html.contains(r#"type="checkbox" aria-label="write the plan &amp; a &lt; b""#),
            "{html}"
        );
        assert!(html.contains(r#"checked="" aria-label="上线""#), "{html}");
        assert!(html.contains(r#"aria-label="nested""#), "{html}");
        assert_eq!(html.matches("disabled").count(), 3, "{html}");
    }

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
        assert!(html.contains("<table tabindex=\"0\">"), "{html}");
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

    /// The levels of the headings of `html`, in order.
    fn levels(html: &str) -> Vec<u8> {
        segments(html)
            .filter_map(|(tag, s)| tag.then(|| heading_level(s)).flatten())
            .filter(|&(end, _)| !end)
            .map(|(_, level)| level)
            .collect()
    }

    #[test]
    fn a_body_sits_one_level_below_its_section_and_skips_no_level() {
        let html = to_html("#### A\n\n## B\n\n#### C\n\n##### D\n\n# E\n\n<h1>raw</h1>\n");
        assert_eq!(levels(&html), [2, 2, 3, 4, 2, 2], "{html}");
        assert!(html.contains("<h3 id=\"c\">C</h3>"), "{html}");
        assert_eq!(levels(&place(&html, 4, "")), [5, 5, 6, 6, 5, 5]);
        assert_eq!(levels(&place(&html, 1, "")), levels(&html));
    }

    #[test]
    fn a_scope_puts_every_id_and_every_link_to_one_in_it() {
        let html = to_html(
            "## Next steps\n\nSee [blockers](#blockers), [away](#elsewhere) and <span id=\"raw\">this</span>.[^1]\n\n## Blockers\n\n[^1]: A footnote.\n",
        );
        let placed = place(&html, 2, "note-3");
        for id in ["next-steps", "blockers", "raw"] {
            assert!(
                placed.contains(&format!(" id=\"note-3--{id}\"")),
                "{id}: {placed}"
            );
        }
        assert!(placed.contains("href=\"#note-3--blockers\""), "{placed}");
        assert!(placed.contains("href=\"#elsewhere\""), "{placed}");
        let footnote = attribute(&html, "<sup class=\"footnote-reference\"><a href=\"#").unwrap();
        assert!(
            placed.contains(&format!("href=\"#note-3--{footnote}\""))
                && placed.contains(&format!(" id=\"note-3--{footnote}\"")),
            "{placed}"
        );
        assert_eq!(
            placed.matches(" id=\"").count(),
            html.matches(" id=\"").count()
        );
    }

    #[test]
    fn a_chinese_heading_link_is_scoped_too() {
        let placed = place(&to_html("## 背景\n\n见[背景](#背景)。\n"), 2, "about");
        assert!(placed.contains(" id=\"about--背景\""), "{placed}");
        assert!(placed.contains("href=\"#about--"), "{placed}");
    }

    #[test]
    fn a_heading_never_takes_an_id_of_the_layout() {
        let html = to_html("# Main\n");
        assert!(html.contains("<h2 id=\"main-1\">Main</h2>"), "{html}");
    }

    #[test]
    fn code_blocks_and_tables_can_be_reached_by_keyboard_to_scroll() {
        let html = to_html("```\nwide\n```\n\n| a |\n|---|\n| 1 |\n\n<pre>raw</pre>\n");
        assert_eq!(html.matches("<pre tabindex=\"0\">").count(), 2, "{html}");
        assert_eq!(html.matches("<table tabindex=\"0\">").count(), 1, "{html}");
    }

    #[test]
    fn headings_are_demoted_and_anchored() {
        let html = to_html("# 背景\n\n## Next steps\n\n## Next steps\n");
        assert!(html.contains("<h2 id=\"背景\">背景</h2>"), "{html}");
        assert!(html.contains("<h3 id=\"next-steps\">"), "{html}");
        assert!(html.contains("<h3 id=\"next-steps-1\">"), "{html}");
    }
}
