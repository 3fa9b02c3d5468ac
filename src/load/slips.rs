//! Slips of Chinese typing that break the YAML of front matter, where a parser reports
//! something else somewhere else: a full-width colon `：` after a key (`date：2025-04-11`,
//! reported on the next line as "mapping values are not allowed"), a full-width space `　`
//! in the indentation or after a colon or a list's dash, and a colon followed by a space
//! inside a value (`title: O1: 确定创新方向`), and a key's colon with no space after it
//! (`owner:wang-qiang`, which YAML reads as one text where a key belongs). Each is one error at the character itself,
//! naming it and its fix; the text is then read as meant, so that nothing else is reported
//! for it (docs/checks.md#chinese-input-full-width-characters-quotation-marks-and-chinese-words).
//!
//! Full-width colons and spaces are found in the lines before parsing (outside block
//! scalars, whose text is the user's own); a colon inside a value is found where the parser
//! stops, and the value is quoted.

use std::collections::HashMap;

use super::hints;
use super::messages::*;
use super::schema::PROSE;
use crate::message::Message;
use crate::msg;
use crate::yaml::{self, Node, Pos, SyntaxError, Value};

/// One error: where it is in the text as written, and what to say.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Slip {
    pub(crate) pos: Pos,
    pub(crate) message: Message,
}

/// Front matter parsed with its slips repaired.
#[derive(Debug)]
pub(crate) struct Parsed {
    /// The tree, its positions in the text as written; None when even the repaired text is
    /// no YAML.
    pub(crate) root: Option<Node>,
    /// The slips; or, when there are none and the text is no YAML, its syntax error.
    pub(crate) errors: Vec<Slip>,
    /// The text as repaired: what can still be scanned when it cannot be parsed.
    pub(crate) text: String,
}

/// How many values with a colon are quoted, one parse each, before giving up.
const MAX_QUOTED: usize = 64;

const FULL_WIDTH_SPACE: char = '\u{3000}';
const FULL_WIDTH_COLON: char = '：';

/// Parses YAML text, repairing the slips above. `known_key` tells the keys okrs knows,
/// so that a list item `- v2：上线` (a task's text) is not taken for a key, and that only
/// values of prose (`title`) or of keys okrs does not know are quoted: a colon in any other
/// value (`weight: : 2`) is no text to keep.
pub(crate) fn parse(text: &str, known_key: &dyn Fn(&str) -> bool) -> Parsed {
    // A full-width space is two columns wide on screen: the indentation meant is most
    // likely two spaces for each, else one.
    let first = attempt(text, known_key, 2);
    if first.root.is_none()
        && first
            .errors
            .iter()
            .any(|e| e.message.entry == &LOAD_FULL_WIDTH_INDENT)
    {
        let second = attempt(text, known_key, 1);
        if second.root.is_some() {
            return second;
        }
    }
    first
}

fn attempt(text: &str, known_key: &dyn Fn(&str) -> bool, width: usize) -> Parsed {
    let mut fixed = Fixed::scan(text, known_key, width);
    for _ in 0..=MAX_QUOTED {
        match yaml::parse(&fixed.text()) {
            Ok(mut root) => {
                fixed.map_tree(&mut root);
                return fixed.parsed(Some(root));
            }
            Err(err) if fixed.quote_value(&err, known_key) => {}
            Err(err) => {
                if fixed.slips.is_empty() {
                    fixed.slips.push(Slip {
                        pos: fixed.original(err.pos),
                        message: err.message,
                    });
                }
                return fixed.parsed(None);
            }
        }
    }
    fixed.parsed(None)
}

/// The text's lines as repaired, and how to find a position of the repaired text in the
/// text as written.
struct Fixed {
    lines: Vec<String>,
    /// For each line (1-based), where its repaired text is longer than written: from which
    /// column on, and by how many characters.
    shifts: HashMap<u32, Vec<(u32, u32)>>,
    slips: Vec<Slip>,
}

impl Fixed {
    fn scan(text: &str, known_key: &dyn Fn(&str) -> bool, width: usize) -> Fixed {
        let mut fixed = Fixed {
            lines: Vec::new(),
            shifts: HashMap::new(),
            slips: Vec::new(),
        };
        // The indentation of the line that opened a block scalar (`review: |`).
        let mut block: Option<usize> = None;
        for (i, line) in text.split('\n').enumerate() {
            let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
            if let Some(indent) = block {
                if line.trim().is_empty() || spaces(line) > indent {
                    fixed.lines.push(line.to_owned());
                    continue;
                }
                block = None;
            }
            let repaired = fixed.repair(n, line, known_key, width);
            if opens_block(&repaired) {
                block = Some(spaces(&repaired));
            }
            fixed.lines.push(repaired);
        }
        fixed
    }

    fn text(&self) -> String {
        self.lines.join("\n")
    }

    fn parsed(self, root: Option<Node>) -> Parsed {
        Parsed {
            text: self.text(),
            root,
            errors: self.slips,
        }
    }

    /// Repairs the full-width colons and spaces of line `n`, recording each as a slip.
    fn repair(
        &mut self,
        n: u32,
        line: &str,
        known_key: &dyn Fn(&str) -> bool,
        width: usize,
    ) -> String {
        let mut scan = Scan::new(line);
        scan.indentation(width);
        if scan.comment() {
            return self.done(n, scan.out, scan.found);
        }
        let item = scan.dash();
        if let Some(key) = scan.key(item, known_key) {
            if PROSE.contains(&key.as_str()) && scan.quote_prose(&key) {
                return self.done(n, scan.out, scan.found);
            }
            scan.key_colon(key);
        }
        scan.flow(known_key);
        self.done(n, scan.out, scan.found)
    }

    /// Records the slips found on line `n` (their fix quotes the repaired line) and its shifts.
    fn done(&mut self, n: u32, out: Out, found: Vec<(usize, Found)>) -> String {
        let shown = strip_comment(&out.text).trim().to_owned();
        let whole = out.text.trim();
        for (at, what) in found {
            let message = match what {
                Found::Indentation => msg!(LOAD_FULL_WIDTH_INDENT),
                Found::Colon(key) => msg!(LOAD_FULL_WIDTH_COLON, key = key, fixed = &shown),
                Found::SpaceAfter(after) => {
                    msg!(LOAD_FULL_WIDTH_SPACE, after = after, fixed = &shown)
                }
                Found::NoSpace => msg!(LOAD_NO_SPACE_AFTER_COLON, fixed = &shown),
                Found::Hash(key) => msg!(LOAD_HASH_IN_PROSE, key = key, fixed = whole),
            };
            self.slips.push(Slip {
                pos: Pos {
                    line: n,
                    column: column(at),
                },
                message,
            });
        }
        if !out.shifts.is_empty() {
            self.shifts.insert(n, out.shifts);
        }
        out.text
    }

    /// Quotes the value that a syntax error shows to hold a colon and a space
    /// (`title: O1: 确定创新方向`), recording the slip; false when the error is another.
    fn quote_value(&mut self, err: &SyntaxError, known_key: &dyn Fn(&str) -> bool) -> bool {
        if err.detail != "mapping values are not allowed in this context" {
            return false;
        }
        let Some(index) = (err.pos.line as usize).checked_sub(1) else {
            return false;
        };
        let Some(line) = self.lines.get(index) else {
            return false;
        };
        let c: Vec<char> = line.chars().collect();
        let mut i = c.iter().take_while(|&&ch| ch == ' ').count();
        if c.get(i) == Some(&'-') && c.get(i + 1) == Some(&' ') {
            i += 2;
            while c.get(i) == Some(&' ') {
                i += 1;
            }
        }
        let key_start = i;
        while i < c.len() && (c[i].is_ascii_alphanumeric() || c[i] == '_' || c[i] == '-') {
            i += 1;
        }
        if i == key_start || c.get(i) != Some(&':') || c.get(i + 1) != Some(&' ') {
            return false;
        }
        let key: String = c[key_start..i].iter().collect();
        if known_key(&key) && !PROSE.contains(&key.as_str()) {
            return false;
        }
        let mut start = i + 1;
        while c.get(start) == Some(&' ') {
            start += 1;
        }
        let rest: String = c[start.min(c.len())..].iter().collect();
        let value = strip_comment(&rest).trim_end();
        let end = start + value.chars().count();
        let colon = err.pos.column as usize;
        let quoted_already = value.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!']);
        // The colon is inside the value, after some of its text.
        if value.is_empty() || quoted_already || !(start + 1 < colon && colon <= end) {
            return false;
        }
        if c.get(colon - 1) != Some(&':') {
            return false;
        }
        let head: String = c[..start].iter().collect();
        let tail: String = c[end..].iter().collect();
        let repaired = format!("{head}{}{tail}", hints::quoted(value));
        let shown = strip_comment(&repaired).trim().to_owned();
        self.slips.push(Slip {
            pos: self.original(err.pos),
            message: msg!(LOAD_QUOTE_THE_VALUE, key = key, fixed = shown),
        });
        self.lines[index] = repaired;
        true
    }

    /// A position in the repaired text, in the text as written.
    fn original(&self, pos: Pos) -> Pos {
        let by: u32 = self.shifts.get(&pos.line).map_or(0, |shifts| {
            shifts
                .iter()
                .filter(|&&(from, _)| from <= pos.column)
                .map(|&(_, by)| by)
                .sum()
        });
        Pos {
            line: pos.line,
            column: pos.column.saturating_sub(by).max(1),
        }
    }

    fn map_tree(&self, node: &mut Node) {
        if self.shifts.is_empty() {
            return;
        }
        node.pos = self.original(node.pos);
        match &mut node.value {
            Value::Seq(items) => items.iter_mut().for_each(|n| self.map_tree(n)),
            Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
                self.map_tree(k);
                self.map_tree(v);
            }),
            _ => {}
        }
    }
}

/// A slip found in a line.
enum Found {
    Indentation,
    Colon(String),
    SpaceAfter(String),
    /// A colon right before the value (`owner:wang-qiang`).
    NoSpace,
    /// A `#` that cuts a prose value short (`title: 上线 API 网关 #1`).
    Hash(String),
}

/// Where, in a plain prose value, a `#` starts what YAML reads as a comment though it is
/// text: `#` right after a space (or at the start) and followed by more text, not by a
/// space as a comment is (`上线 API 网关 #1，支撑…`, `#1 上线`). None when the value is
/// quoted or a block, has no such `#`, or has `"` or `\\` (which quoting would change).
fn hash_in_prose(value: &[char]) -> Option<usize> {
    if value.first().is_none_or(|c| "\"'[{|>&*!".contains(*c))
        || value.iter().any(|c| matches!(c, '"' | '\\'))
    {
        return None;
    }
    let hash = (0..value.len()).find(|&k| value[k] == '#' && (k == 0 || value[k - 1] == ' '))?;
    value
        .get(hash + 1)
        .is_some_and(|c| !matches!(c, ' ' | '\t' | '#'))
        .then_some(hash)
}

/// A line being repaired: its text, the column its next character goes to, and where it
/// grew longer than written.
struct Out {
    text: String,
    column: u32,
    shifts: Vec<(u32, u32)>,
}

impl Default for Out {
    fn default() -> Out {
        Out {
            text: String::new(),
            column: 1,
            shifts: Vec::new(),
        }
    }
}

impl Out {
    fn keep(&mut self, c: char) {
        self.text.push(c);
        self.column += 1;
    }

    /// Writes `with` for one character as written.
    fn replace(&mut self, with: &str) {
        let len = u32::try_from(with.chars().count()).unwrap_or(1);
        self.text.push_str(with);
        self.column += len;
        if len > 1 {
            self.shifts.push((self.column, len - 1));
        }
    }

    fn rest(&mut self, chars: &[char]) {
        chars.iter().for_each(|&c| self.keep(c));
    }
}

/// One line being scanned for slips, step by step: its characters as written, the index of
/// the next one, the line as repaired so far, and the slips found (column as written, what).
struct Scan {
    c: Vec<char>,
    i: usize,
    out: Out,
    found: Vec<(usize, Found)>,
}

impl Scan {
    fn new(line: &str) -> Scan {
        Scan {
            c: line.chars().collect(),
            i: 0,
            out: Out::default(),
            found: Vec::new(),
        }
    }

    /// The indentation: each full-width space becomes `width` spaces, one slip for all.
    fn indentation(&mut self, width: usize) {
        let c = &self.c;
        while self.i < c.len() && matches!(c[self.i], ' ' | FULL_WIDTH_SPACE) {
            if c[self.i] == FULL_WIDTH_SPACE {
                if self.found.is_empty() {
                    self.found.push((self.i, Found::Indentation));
                }
                self.out.replace(&" ".repeat(width));
            } else {
                self.out.keep(' ');
            }
            self.i += 1;
        }
    }

    /// A list item's dash and the space after it (full-width repaired), and any more spaces;
    /// whether the line is a list item.
    fn dash(&mut self) -> bool {
        let (c, i) = (&self.c, self.i);
        let item =
            c.get(i) == Some(&'-') && matches!(c.get(i + 1), Some(&(' ' | FULL_WIDTH_SPACE)));
        if item {
            self.out.keep('-');
            if c[i + 1] == FULL_WIDTH_SPACE {
                self.found.push((i + 1, Found::SpaceAfter("-".to_owned())));
                self.out.replace(" ");
            } else {
                self.out.keep(' ');
            }
            self.i += 2;
            while c.get(self.i) == Some(&' ') {
                self.out.keep(' ');
                self.i += 1;
            }
        }
        item
    }

    /// A comment line, kept as written; whether the line is one.
    fn comment(&mut self) -> bool {
        let comment = self.c.get(self.i) == Some(&'#');
        if comment {
            self.out.rest(&self.c[self.i..]);
        }
        comment
    }

    /// The word that may be a key (ASCII letters, digits, `_` and `-`), kept as written; it
    /// is one when it starts with a letter or `_`, and, in a list item, when okrs knows it.
    fn key(&mut self, item: bool, known_key: &dyn Fn(&str) -> bool) -> Option<String> {
        let c = &self.c;
        let start = self.i;
        while self.i < c.len()
            && (c[self.i].is_ascii_alphanumeric() || c[self.i] == '_' || c[self.i] == '-')
        {
            self.out.keep(c[self.i]);
            self.i += 1;
        }
        let key: String = c[start..self.i].iter().collect();
        let is_key = c
            .get(start)
            .is_some_and(|&k| k.is_ascii_alphabetic() || k == '_')
            && (!item || known_key(&key));
        is_key.then_some(key)
    }

    /// `title: 上线 API 网关 #1，支撑…`: after a prose key, a value with a `#` that YAML
    /// would read as a comment is quoted, so that the title is whole; false (and nothing
    /// written) when there is no such `#`.
    fn quote_prose(&mut self, key: &str) -> bool {
        let (c, i) = (&self.c, self.i);
        if c.get(i) != Some(&':') || c.get(i + 1) != Some(&' ') {
            return false;
        }
        let mut start = i + 1;
        while c.get(start) == Some(&' ') {
            start += 1;
        }
        let Some(hash) = hash_in_prose(&c[start..]) else {
            return false;
        };
        let out = &mut self.out;
        out.keep(':');
        (i + 1..start).for_each(|_| out.keep(' '));
        let value = &c[start..];
        let end = value.len() - value.iter().rev().take_while(|&&ch| ch == ' ').count();
        for (k, &ch) in value[..end].iter().enumerate() {
            match (k == 0, k + 1 == end) {
                (true, true) => out.replace(&format!("\"{ch}\"")),
                (true, false) => out.replace(&format!("\"{ch}")),
                (false, true) => out.replace(&format!("{ch}\"")),
                (false, false) => out.keep(ch),
            }
        }
        out.rest(&value[end..]);
        self.found.push((start + hash, Found::Hash(key.to_owned())));
        true
    }

    /// The colon after a key: full-width, with no space after it, or with a full-width
    /// space after it.
    fn key_colon(&mut self, key: String) {
        let (c, i) = (&self.c, self.i);
        match c.get(i) {
            Some(&FULL_WIDTH_COLON) => {
                self.found.push((i, Found::Colon(key)));
                match c.get(i + 1) {
                    None | Some(' ') => self.out.replace(":"),
                    Some(&FULL_WIDTH_SPACE) => {
                        self.out.replace(":");
                        self.out.replace(" ");
                        self.i += 1;
                    }
                    Some(_) => self.out.replace(": "),
                }
                self.i += 1;
            }
            // `owner:wang-qiang`: YAML reads the line as one text. Not `url:http://…`'s
            // `//`, nor a line that is no key.
            Some(':')
                if c.get(i + 1).is_some_and(|&next| {
                    !matches!(next, ' ' | '\t' | '/' | ':' | FULL_WIDTH_SPACE)
                }) =>
            {
                self.found.push((i, Found::NoSpace));
                self.out.replace(": ");
                self.i += 1;
            }
            Some(':') if c.get(i + 1) == Some(&FULL_WIDTH_SPACE) => {
                self.found
                    .push((i + 1, Found::SpaceAfter(format!("{key}:"))));
                self.out.keep(':');
                self.out.replace(" ");
                self.i += 2;
            }
            _ => {}
        }
    }

    /// The rest of the line: a full-width colon after a key of a flow mapping
    /// (`{ kr: a/b, value：3 }`), outside quotes and before a comment.
    fn flow(&mut self, known_key: &dyn Fn(&str) -> bool) {
        let c = &self.c;
        let mut quote: Option<char> = None;
        while self.i < c.len() {
            let i = self.i;
            let ch = c[i];
            match quote {
                Some(q) if ch == q => quote = None,
                Some(_) => {}
                None if matches!(ch, '"' | '\'') && opens_quote(&c[..i]) => quote = Some(ch),
                None if ch == '#' && c[..i].last() == Some(&' ') => break,
                None if ch == FULL_WIDTH_COLON => {
                    if let Some(key) = flow_key(&c[..i]).filter(|k| known_key(k)) {
                        self.found.push((i, Found::Colon(key)));
                        self.out.replace(if c.get(i + 1) == Some(&' ') {
                            ":"
                        } else {
                            ": "
                        });
                        self.i += 1;
                        continue;
                    }
                }
                None => {}
            }
            self.out.keep(ch);
            self.i += 1;
        }
        self.out.rest(&c[self.i.min(c.len())..]);
    }
}

/// The key just before a colon inside a flow mapping: ASCII letters, digits, `_` and `-`
/// after `{` or `,` (and spaces).
fn flow_key(before: &[char]) -> Option<String> {
    let start = before
        .iter()
        .rposition(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
        .map_or(0, |p| p + 1);
    let key: String = before[start..].iter().collect();
    let opener = before[..start].iter().rev().find(|c| **c != ' ');
    (!key.is_empty() && matches!(opener, Some('{' | ','))).then_some(key)
}

/// Whether a quotation mark after these characters opens a quoted scalar: at the start of
/// a value, not inside text (`他说"好"`).
fn opens_quote(before: &[char]) -> bool {
    matches!(
        before.iter().rev().find(|c| **c != ' '),
        None | Some('{' | '[' | ',' | ':' | '-')
    )
}

/// The 1-based column of the character at `index`.
fn column(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

fn spaces(line: &str) -> usize {
    line.chars().take_while(|&c| c == ' ').count()
}

fn strip_comment(line: &str) -> &str {
    line.find(" #").map_or(line, |i| &line[..i])
}

/// Whether a line ends with a block scalar's indicator (`review: |`, `- >-`).
fn opens_block(line: &str) -> bool {
    let line = strip_comment(line).trim_end();
    let Some(token) = line.rsplit(' ').next() else {
        return false;
    };
    let indicator = token.starts_with(['|', '>'])
        && token[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || c == '+' || c == '-');
    let before = line[..line.len() - token.len()].trim_end();
    indicator && (before.ends_with(':') || before.ends_with('-'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language::{En, ZhCn};

    fn any_key(_: &str) -> bool {
        false
    }

    fn errors(text: &str) -> Vec<(u32, u32, String)> {
        parse(text, &any_key)
            .errors
            .iter()
            .map(|e| (e.pos.line, e.pos.column, e.message.text(ZhCn)))
            .collect()
    }

    #[test]
    fn a_full_width_colon_is_one_error_at_itself_and_read_as_meant() {
        let parsed = parse("kr: a/b\ndate：2025-04-11\nvalue: 3\n", &any_key);
        let root = parsed.root.expect("read as meant");
        let date = root.get("date").expect("the key is read");
        assert_eq!(date.value, Value::Str("2025-04-11".into()));
        // The value is where it was written, one column left of where the repair put it.
        assert_eq!(date.pos, Pos { line: 2, column: 6 });
        assert_eq!(root.get("value").unwrap().pos, Pos { line: 3, column: 8 });
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(parsed.errors[0].pos, Pos { line: 2, column: 5 });
        assert_eq!(
            parsed.errors[0].message.text(ZhCn),
            "`date` 后是全角冒号「：」，请改为半角「:」后加空格：`date: 2025-04-11`"
        );
        assert_eq!(
            parsed.errors[0].message.text(En),
            "a full-width colon「：」 after `date`: write an ASCII colon `:` followed by a space: `date: 2025-04-11`"
        );
        // With a space after it, or a full-width one, or nothing.
        assert_eq!(errors("title： T\n")[0].1, 6);
        assert!(
            parse("title：　T\n", &any_key)
                .root
                .unwrap()
                .get("title")
                .is_some()
        );
        assert!(
            parse("key_results：\n  - title: k\n", &any_key)
                .root
                .is_some()
        );
    }

    #[test]
    fn a_full_width_colon_in_a_flow_mapping_is_one_error() {
        let known = |k: &str| matches!(k, "kr" | "value");
        let text = "updates:\n  - { kr: a/b, value：3 }\n  - { kr: \"x：y\", value: 4 }\n";
        let parsed = parse(text, &known);
        assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
        assert_eq!(
            parsed.errors[0].pos,
            Pos {
                line: 2,
                column: 21
            }
        );
        assert!(
            parsed.errors[0]
                .message
                .text(ZhCn)
                .contains("`value` 后是全角冒号「：」")
        );
        let root = parsed.root.expect("read as meant");
        let Value::Seq(items) = &root.get("updates").unwrap().value else {
            panic!("a list")
        };
        let value = items[0].get("value").unwrap();
        assert_eq!(value.value, Value::Int(3));
        assert_eq!(
            value.pos,
            Pos {
                line: 2,
                column: 22
            }
        );
        // Text with a full-width colon in it is no key.
        assert_eq!(errors("tasks: [准备：调研, 完成]\n"), []);
    }

    #[test]
    fn text_is_not_taken_for_a_key() {
        // Chinese text, a value's own colon, a block scalar, a comment, a task's text.
        for text in [
            "title: 目标：增长\n",
            "title: x\nreview: |\n  note：这是正文\n  原因：没有\n",
            "# note：x\ntitle: x\n",
            "tasks:\n  - v2：上线\n",
        ] {
            assert_eq!(errors(text), [], "{text}");
        }
        // A key okrs knows, in a list item, is one.
        let known = |k: &str| k == "title";
        let parsed = parse("key_results:\n  - title：k\n", &known);
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(
            parsed.errors[0].pos,
            Pos {
                line: 2,
                column: 10
            }
        );
    }

    #[test]
    fn a_colon_without_a_space_after_a_key_is_one_error_and_read_as_meant() {
        let text =
            "owner:wang-qiang\nvalue:120\nkey_results:\n  - id: kr1\n    title:API 网关正式上线\n";
        let parsed = parse(text, &any_key);
        let found: Vec<(u32, u32, String)> = parsed
            .errors
            .iter()
            .map(|e| (e.pos.line, e.pos.column, e.message.text(ZhCn)))
            .collect();
        assert_eq!(
            found,
            [
                (
                    1,
                    6,
                    "冒号后缺少空格：请写成 `owner: wang-qiang`".to_owned()
                ),
                (2, 6, "冒号后缺少空格：请写成 `value: 120`".to_owned()),
                (
                    5,
                    10,
                    "冒号后缺少空格：请写成 `title: API 网关正式上线`".to_owned()
                ),
            ]
        );
        assert_eq!(
            parsed.errors[0].message.text(En),
            "a colon must be followed by a space: write `owner: wang-qiang`"
        );
        let root = parsed.root.expect("read as meant");
        let owner = root.get("owner").unwrap();
        assert_eq!(owner.value, Value::Str("wang-qiang".into()));
        assert_eq!(owner.pos, Pos { line: 1, column: 7 });
        assert_eq!(root.get("value").unwrap().value, Value::Int(120));
        // Addresses, times and colons inside a value are no such slip.
        for text in [
            "url: http://example.com\n",
            "date: 2024-05-15 14:30\n",
            "link:\n  - http://example.com\n",
            "title: 目标:增长\n",
            "tasks:\n  - v2:上线\n",
        ] {
            assert_eq!(errors(text), [], "{text}");
        }
    }

    #[test]
    fn a_hash_that_cuts_a_prose_value_short_is_one_error_and_the_value_is_whole() {
        let text = "title: 上线 API 网关 #1，支撑生态\nperiod: 2025-Q2\n";
        let parsed = parse(text, &any_key);
        assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
        assert_eq!(
            parsed.errors[0].pos,
            Pos {
                line: 1,
                column: 18
            }
        );
        assert_eq!(
            parsed.errors[0].message.text(ZhCn),
            "`title` 中「#」后面的文字被当作注释丢掉了：请给整个值加上引号：`title: \"上线 API 网关 #1，支撑生态\"`"
        );
        let root = parsed.root.expect("read as meant");
        let title = root.get("title").unwrap();
        assert_eq!(title.value, Value::Str("上线 API 网关 #1，支撑生态".into()));
        assert_eq!(title.pos, Pos { line: 1, column: 8 });
        assert_eq!(root.get("period").unwrap().pos, Pos { line: 2, column: 9 });
        assert_eq!(errors("title: #1\n").len(), 1);
        // A comment, a quoted value, a value that is no prose, are no such slip.
        for text in [
            "title: 上线 # 口径见周报\n",
            "title: \"上线 #1\"\n",
            "team: product #1\n",
            "title: C#\n",
        ] {
            assert_eq!(errors(text), [], "{text}");
        }
    }

    #[test]
    fn a_full_width_space_in_the_indentation_is_one_error() {
        let parsed = parse("updates:\n　- kr: a/b\n    value: 3\n", &any_key);
        assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
        assert_eq!(parsed.errors[0].pos, Pos { line: 2, column: 1 });
        assert!(
            parsed.errors[0]
                .message
                .text(ZhCn)
                .contains("缩进里有全角空格「　」")
        );
        let root = parsed.root.expect("read as meant");
        let Value::Seq(items) = &root.get("updates").unwrap().value else {
            panic!("a list")
        };
        // `a/b` is at column 8 as written (the full-width space is one character), not
        // at 9 where the two spaces put it.
        assert_eq!(items[0].get("kr").unwrap().pos, Pos { line: 2, column: 8 });
        // One full-width space for one column, when two would not parse.
        let parsed = parse("a:\n b: 1\n　c: 2\n", &any_key);
        assert!(parsed.root.is_some(), "{:?}", parsed.errors);
    }

    #[test]
    fn a_full_width_space_after_a_colon_or_dash_is_one_error() {
        let found = errors("title:　T\n");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0, found[0].1), (1, 7));
        assert!(
            found[0].2.contains("`title:` 后是全角空格「　」"),
            "{}",
            found[0].2
        );
        let found = errors("aligns_to:\n  -　a\n");
        assert_eq!((found[0].0, found[0].1), (2, 4));
    }

    #[test]
    fn a_colon_in_a_value_is_one_error_saying_to_quote_it() {
        let parsed = parse(
            "title: O1: 确定创新方向\nperiod: 2025-Q2\nkey_results:\n  - title: KR1: 用户数 # c\n",
            &any_key,
        );
        let root = parsed.root.expect("read as meant");
        assert_eq!(
            root.get("title").unwrap().value,
            Value::Str("O1: 确定创新方向".into())
        );
        let shown: Vec<(Pos, String)> = parsed
            .errors
            .iter()
            .map(|e| (e.pos, e.message.text(En)))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    Pos { line: 1, column: 10 },
                    "the value of `title` holds a colon followed by a space, which YAML reads as the start of another key: put the value in quotes: `title: \"O1: 确定创新方向\"`".to_owned()
                ),
                (
                    Pos { line: 4, column: 15 },
                    "the value of `title` holds a colon followed by a space, which YAML reads as the start of another key: put the value in quotes: `- title: \"KR1: 用户数\"`".to_owned()
                ),
            ]
        );
        assert!(
            parsed.errors[0]
                .message
                .text(ZhCn)
                .contains("请给整个值加上引号：`title: \"O1: 确定创新方向\"`")
        );
    }

    #[test]
    fn only_text_is_quoted() {
        let known = |k: &str| matches!(k, "title" | "weight" | "period");
        for text in ["weight: : 2\n", "period: 2025: Q2\n", "title: : x\n"] {
            let parsed = parse(text, &known);
            assert!(parsed.root.is_none(), "{text}");
            assert_eq!(
                parsed.errors[0].message.entry, &LOAD_YAML_MAPPING_VALUES,
                "{text}"
            );
        }
        // A free field of `extra:` is text.
        let parsed = parse("extra:\n  motto: 一: 二\n", &known);
        assert_eq!(parsed.errors[0].message.entry, &LOAD_QUOTE_THE_VALUE);
    }

    #[test]
    fn other_syntax_errors_are_reported_as_they_are() {
        let parsed = parse("title: x\n  period: y\n", &any_key);
        assert!(parsed.root.is_none());
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(
            parsed.errors[0].message.text(En),
            "mapping values are not allowed in this context"
        );
        // A slip that leaves the text broken is the one error told.
        let parsed = parse("title：x\nperiod: [a\n", &any_key);
        assert!(parsed.root.is_none());
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(parsed.errors[0].message.entry, &LOAD_FULL_WIDTH_COLON);
    }

    #[test]
    fn block_scalars_are_recognised() {
        assert!(opens_block("review: |"));
        assert!(opens_block("  - note: >- # c"));
        assert!(opens_block("review: |2+"));
        assert!(!opens_block("title: a|b"));
        assert!(!opens_block("title: |x"));
    }
}
