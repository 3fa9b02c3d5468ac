//! The one place that knows about YAML: parses front matter into a tree of values that
//! each carry the line and column they were written at, so every later stage can point at
//! them; and ([`write`]) writes the YAML of new files so that it reads back as meant.

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Options, Spanned};
use std::fmt;

use crate::load::messages::*;
use crate::message::Message;
use crate::msg;

pub(crate) mod write;

/// A position in a file: 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Pos {
    pub(crate) line: u32,
    pub(crate) column: u32,
}

/// A YAML value with the position it was written at.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    pub(crate) value: Value,
    pub(crate) pos: Pos,
    /// The scalar as written in the source (for plain scalars read as text), if known.
    pub(crate) source: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// What the value is, as a reader would name it in an error message.
    pub(crate) fn kind_name(&self) -> Message {
        Message::new(match self {
            Value::Null => &LOAD_NOTHING,
            Value::Bool(_) => &LOAD_A_BOOLEAN,
            Value::Int(_) | Value::Float(_) => &LOAD_A_NUMBER,
            Value::Str(_) => &LOAD_TEXT,
            Value::Seq(_) => &LOAD_A_LIST,
            Value::Map(_) => &LOAD_A_MAPPING,
        })
    }
}

impl Node {
    /// A scalar's text: strings as they are, numbers and booleans as written.
    pub(crate) fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::Str(s) => Some(s.clone()),
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => self.source.clone().or_else(|| {
                Some(match &self.value {
                    Value::Int(i) => i.to_string(),
                    Value::Float(f) => f.to_string(),
                    Value::Bool(b) => b.to_string(),
                    _ => String::new(),
                })
            }),
            _ => None,
        }
    }

    pub(crate) fn as_f64(&self) -> Option<f64> {
        match self.value {
            Value::Int(i) => Some(i as f64),
            Value::Float(f) => Some(f),
            _ => None,
        }
    }

    pub(crate) fn as_map(&self) -> Option<&[(Node, Node)]> {
        match &self.value {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    /// The tree as JSON (for `extra:` and templates): mappings and lists as they are, keys
    /// as text, each scalar as `scalar` makes it.
    pub(crate) fn to_json_with(
        &self,
        scalar: &impl Fn(&Node) -> serde_json::Value,
    ) -> serde_json::Value {
        match &self.value {
            Value::Map(entries) => serde_json::Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.scalar_text().unwrap_or_default(), v.to_json_with(scalar)))
                    .collect(),
            ),
            Value::Seq(items) => {
                serde_json::Value::Array(items.iter().map(|n| n.to_json_with(scalar)).collect())
            }
            _ => scalar(self),
        }
    }

    /// The tree as JSON with its scalars typed: null, booleans, numbers and text.
    pub(crate) fn to_json(&self) -> serde_json::Value {
        self.to_json_with(&|node| match &node.value {
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Int(i) => serde_json::Value::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Value::Str(s) => serde_json::Value::String(s.clone()),
            _ => serde_json::Value::Null,
        })
    }

    /// The value of a key, when this is a mapping that has it.
    pub(crate) fn get(&self, key: &str) -> Option<&Node> {
        self.as_map()?
            .iter()
            .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
            .map(|(_, v)| v)
    }
}

/// A YAML syntax error, positioned in the parsed text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SyntaxError {
    pub(crate) pos: Pos,
    pub(crate) message: Message,
    /// What the parser said, in English: what the error is, for those who look for one.
    pub(crate) detail: String,
}

struct RawValue(Value);

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawValue;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<RawValue, E> {
        Ok(RawValue(Value::Null))
    }
    fn visit_none<E>(self) -> Result<RawValue, E> {
        Ok(RawValue(Value::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawValue, D::Error> {
        RawValue::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<RawValue, E> {
        Ok(RawValue(Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<RawValue, E> {
        Ok(RawValue(Value::Int(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<RawValue, E> {
        Ok(RawValue(
            i64::try_from(v).map_or(Value::Float(v as f64), Value::Int),
        ))
    }
    fn visit_f64<E>(self, v: f64) -> Result<RawValue, E> {
        Ok(RawValue(Value::Float(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<RawValue, E> {
        Ok(RawValue(Value::Str(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<RawValue, E> {
        Ok(RawValue(Value::Str(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<RawValue>>()? {
            items.push(item);
        }
        Ok(RawValue(Value::Seq(
            items.into_iter().map(spanned_to_node).collect(),
        )))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawValue, A::Error> {
        let mut entries = Vec::new();
        while let Some((k, v)) = map.next_entry::<Spanned<RawValue>, Spanned<RawValue>>()? {
            entries.push((spanned_to_node(k), spanned_to_node(v)));
        }
        Ok(RawValue(Value::Map(entries)))
    }
}

fn spanned_to_node(s: Spanned<RawValue>) -> Node {
    let pos = Pos {
        line: u32::try_from(s.referenced.line()).unwrap_or(u32::MAX),
        column: u32::try_from(s.referenced.column()).unwrap_or(u32::MAX),
    };
    Node {
        value: s.value.0,
        pos,
        source: None,
    }
}

/// How deeply front matter may nest.
pub(crate) const MAX_DEPTH: usize = 24;

/// Parses one YAML document. Positions are relative to the text given.
pub(crate) fn parse(text: &str) -> Result<Node, SyntaxError> {
    let mut options = Options::default();
    // Front matter nests a few levels; a tree much deeper is a mistake or an attack, and
    // every later stage walks the tree recursively.
    if let Some(budget) = options.budget.as_mut() {
        budget.max_depth = MAX_DEPTH;
    }
    options.strict_booleans = true;
    options.with_snippet = false;
    // `.inf` or 1e400 is valid YAML: it reaches the reader as text, which then reports
    // that a number was wanted, on that value alone.
    options.non_finite_float_policy = serde_saphyr::NonFiniteFloatPolicy::AsString;
    match serde_saphyr::from_str_with_options::<Spanned<RawValue>>(text, options) {
        Ok(root) => {
            let mut node = spanned_to_node(root);
            // An empty document is an empty mapping, not "nothing".
            if node.value == Value::Null {
                node.value = Value::Map(Vec::new());
                node.pos = Pos { line: 1, column: 1 };
            }
            attach_sources(&mut node, text);
            Ok(node)
        }
        Err(err) => {
            let pos = err
                .location()
                .map_or(Pos { line: 1, column: 1 }, |loc| Pos {
                    line: u32::try_from(loc.line()).unwrap_or(1).max(1),
                    column: u32::try_from(loc.column()).unwrap_or(1).max(1),
                });
            let detail = clean_message(&err.without_snippet().to_string());
            // An unclosed `[` or `{` makes the parser stumble lines later: point at it.
            if let Some((at, bracket)) = unclosed_flow(text, pos.line)
                && at < pos
            {
                let close = if bracket == '[' { "]" } else { "}" };
                return Err(SyntaxError {
                    pos: at,
                    message: msg!(
                        LOAD_UNCLOSED_BRACKET,
                        open = bracket.to_string(),
                        close = close
                    ),
                    detail,
                });
            }
            Err(SyntaxError {
                pos,
                message: syntax_message(&detail),
                detail,
            })
        }
    }
}

/// The first `[` or `{` on a line before `error_line` that its line leaves open, while
/// the next line is not indented under it (so the flow cannot go on there): where it is.
fn unclosed_flow(text: &str, error_line: u32) -> Option<(Pos, char)> {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    for (i, line) in lines.iter().enumerate().take(error_line as usize) {
        let mut open: Vec<(usize, char)> = Vec::new();
        let mut quote: Option<char> = None;
        let mut previous = ' ';
        for (column, c) in line.chars().enumerate() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') if matches!(previous, ' ' | '[' | '{' | ',' | ':') => {
                    quote = Some(c)
                }
                (None, '#') if previous == ' ' => break,
                (None, '[' | '{') => open.push((column, c)),
                (None, ']' | '}') => {
                    open.pop();
                }
                _ => {}
            }
            previous = c;
        }
        let Some(&(column, bracket)) = open.first() else {
            continue;
        };
        let next = lines[i + 1..].iter().find(|l| !l.trim().is_empty());
        if next.is_none_or(|n| indent(n) <= indent(line)) {
            let pos = Pos {
                line: i as u32 + 1,
                column: column as u32 + 1,
            };
            return Some((pos, bracket));
        }
    }
    None
}

/// Moves every position down by `lines`, making positions in the YAML text positions in
/// the file that holds it (front matter starts after the opening `---`).
pub(crate) fn shift_lines(node: &mut Node, lines: u32) {
    node.pos.line += lines;
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|n| shift_lines(n, lines)),
        Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            shift_lines(k, lines);
            shift_lines(v, lines);
        }),
        _ => {}
    }
}

/// Records the written text of plain numbers and booleans, so `title: 2024` reads as "2024"
/// and `value: 1.50` keeps its spelling where text is wanted.
fn attach_sources(node: &mut Node, text: &str) {
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|n| attach_sources(n, text)),
        Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            attach_sources(k, text);
            attach_sources(v, text);
        }),
        Value::Int(_) | Value::Float(_) | Value::Bool(_) => {
            node.source = scalar_at(text, node.pos);
        }
        // A float too large (`1e309`) comes as the text of infinity: keep what was written.
        Value::Str(s) if matches!(s.as_str(), ".inf" | "-.inf" | ".nan") => {
            node.source = scalar_at(text, node.pos);
        }
        _ => {}
    }
}

/// The plain scalar starting at `pos`: up to the end of the line, a comment, or a flow indicator.
fn scalar_at(text: &str, pos: Pos) -> Option<String> {
    let line = text.lines().nth(pos.line.checked_sub(1)? as usize)?;
    let rest: String = line
        .chars()
        .skip(pos.column.checked_sub(1)? as usize)
        .collect();
    let end = rest
        .find(" #")
        .into_iter()
        .chain(rest.find([',', ']', '}']))
        .min()
        .unwrap_or(rest.len());
    let word = rest[..end].trim();
    (!word.is_empty()).then(|| word.to_owned())
}

/// serde-saphyr appends " at line N, column M"; the diagnostic carries the position itself.
fn clean_message(message: &str) -> String {
    let trimmed = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    let trimmed = trimmed.strip_prefix("error: ").unwrap_or(trimmed);
    trimmed
        .replace(", set DuplicateKeyPolicy in Options if acceptable", "")
        .trim()
        .to_owned()
}

/// The parser's message in the catalogue's words: the common ones in both languages, the
/// rare ones as the parser says them, after a Chinese "YAML syntax error".
fn syntax_message(detail: &str) -> Message {
    // The parser's own limit comes first on trees thousands of levels deep.
    if (detail.contains("budget breached") && detail.contains("Depth"))
        || detail == "recursion limit exceeded"
    {
        return msg!(LOAD_YAML_TOO_DEEP, depth = MAX_DEPTH);
    }
    if detail.contains("recursive references") {
        return msg!(LOAD_YAML_ANCHOR_LOOP);
    }
    let entry = match detail {
        "mapping values are not allowed in this context" => &LOAD_YAML_MAPPING_VALUES,
        "simple key expected ':'" => &LOAD_YAML_EXPECTED_COLON,
        "while parsing a block mapping, did not find expected key" => &LOAD_YAML_EXPECTED_KEY,
        "while parsing a block collection, did not find expected '-' indicator" => {
            &LOAD_YAML_EXPECTED_DASH
        }
        "unclosed quote" => &LOAD_YAML_UNCLOSED_QUOTE,
        "invalid trailing content after double-quoted scalar" => &LOAD_YAML_AFTER_DOUBLE_QUOTED,
        "invalid trailing content after single-quoted scalar" => &LOAD_YAML_AFTER_SINGLE_QUOTED,
        "alias references unknown anchor" => &LOAD_YAML_UNKNOWN_ANCHOR,
        _ => return argument_message(detail),
    };
    Message::new(entry)
}

/// Parser messages that carry a value: a key, a character, a bracket.
fn argument_message(detail: &str) -> Message {
    if let Some(key) = detail.strip_prefix("duplicate mapping key: ") {
        return msg!(LOAD_YAML_DUPLICATE_KEY, key = key);
    }
    if let Some(c) = detail
        .strip_prefix("unexpected character: `")
        .and_then(|rest| rest.strip_suffix('\''))
    {
        return msg!(LOAD_YAML_UNEXPECTED_CHARACTER, character = c);
    }
    if let Some(open) = detail
        .strip_prefix("unclosed bracket '")
        .and_then(|rest| rest.strip_suffix('\''))
    {
        return msg!(LOAD_YAML_UNCLOSED, open = open);
    }
    if let Some((open, close)) = detail
        .strip_prefix("mismatched bracket '")
        .and_then(|rest| rest.strip_suffix('\''))
        .and_then(|rest| rest.split_once("' closed by '"))
    {
        return msg!(LOAD_YAML_MISMATCHED, open = open, close = close);
    }
    let entry = if detail.contains("tab") {
        &LOAD_YAML_TAB
    } else if detail.contains("indentation") || detail.contains("indented") {
        &LOAD_YAML_INDENTATION
    } else {
        &LOAD_YAML_OTHER
    };
    msg!(*entry, detail = detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    fn map_get<'a>(node: &'a Node, key: &str) -> &'a Node {
        let entries = node.as_map().expect("a mapping");
        &entries
            .iter()
            .find(|(k, _)| k.value == Value::Str(key.into()))
            .expect("key present")
            .1
    }

    #[test]
    fn values_carry_their_line_and_column() {
        let root = parse("title: x\nkey_results:\n  - { id: a, target: 70 }\n").unwrap();
        let krs = map_get(&root, "key_results");
        let Value::Seq(items) = &krs.value else {
            panic!("a list")
        };
        let target = map_get(&items[0], "target");
        assert_eq!(target.value, Value::Int(70));
        assert_eq!(
            target.pos,
            Pos {
                line: 3,
                column: 22
            }
        );
    }

    #[test]
    fn yaml_1_1_booleans_stay_text() {
        let root = parse("owner: yes\nn: 1\n").unwrap();
        assert_eq!(map_get(&root, "owner").value, Value::Str("yes".into()));
        assert_eq!(map_get(&root, "n").value, Value::Int(1));
    }

    #[test]
    fn numbers_keep_their_spelling() {
        let root = parse("title: 2024\nv: 1.50 # note\n").unwrap();
        assert_eq!(map_get(&root, "title").scalar_text().unwrap(), "2024");
        assert_eq!(map_get(&root, "v").scalar_text().unwrap(), "1.50");
    }

    #[test]
    fn dates_are_text() {
        let root = parse("date: 2024-05-15\n").unwrap();
        assert_eq!(
            map_get(&root, "date").value,
            Value::Str("2024-05-15".into())
        );
    }

    #[test]
    fn syntax_errors_are_positioned() {
        let err = parse("a: 1\nb: c: d\n").unwrap_err();
        assert_eq!(err.pos.line, 2);
        assert!(!err.detail.contains("at line"), "{}", err.detail);
        assert_eq!(
            err.message.text(Language::En),
            "mapping values are not allowed in this context"
        );
        assert!(err.message.text(Language::ZhCn).contains("此处不能出现"));
    }

    #[test]
    fn an_unclosed_bracket_is_blamed_where_it_opens() {
        let err = parse("title: x\naligns_to: [grow\nkey_results:\n  - title: k\n").unwrap_err();
        assert_eq!(
            err.pos,
            Pos {
                line: 2,
                column: 12
            }
        );
        assert_eq!(
            err.message.text(Language::En),
            "unclosed bracket '[': close it with ']' on this line"
        );
        assert_eq!(
            err.message.text(Language::ZhCn),
            "括号「[」没有闭合：请在这一行用「]」闭合"
        );
        // A flow list may go on to an indented line.
        assert!(parse("aligns_to: [a,\n  b]\nn: 1\n").is_ok());
        // Brackets inside quotes do not count.
        let err = parse("t: \"[x\"\nu: {a\nv: 1\n").unwrap_err();
        assert_eq!(err.pos, Pos { line: 2, column: 4 });
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let err = parse("a: 1\na: 2\n").unwrap_err();
        assert_eq!(err.pos, Pos { line: 2, column: 1 });
        assert_eq!(err.message.text(Language::En), "duplicate mapping key: a");
        assert_eq!(err.message.text(Language::ZhCn), "键重复：a");
    }

    #[test]
    fn non_finite_numbers_are_text_not_syntax_errors() {
        let root = parse("a: .inf\nb: 1e400\n").unwrap();
        assert!(matches!(map_get(&root, "a").value, Value::Str(_)));
        assert!(matches!(map_get(&root, "b").value, Value::Str(_)));
    }

    #[test]
    fn deep_nesting_is_a_readable_error() {
        let deep = format!("x: {}1{}\n", "[".repeat(40), "]".repeat(40));
        let err = parse(&deep).unwrap_err();
        assert_eq!(
            err.message.text(Language::En),
            "the YAML nests more than 24 levels deep"
        );
        let deeper = format!("x: {}1{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let err = parse(&deeper).unwrap_err();
        assert_eq!(
            err.message.text(Language::En),
            "the YAML nests more than 24 levels deep"
        );
    }

    #[test]
    fn empty_document_is_an_empty_mapping() {
        assert_eq!(parse("").unwrap().value, Value::Map(vec![]));
    }
}
