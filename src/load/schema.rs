//! Reads a YAML tree into the model's types, one kind at a time, reporting every wrong
//! type, unknown key and missing field with the position it was written at.

use chrono::{NaiveDate, NaiveTime};
use std::collections::HashSet;

use super::Missing;
use super::hints::{self, DateProblem};
use super::messages::*;
use crate::diagnostics::Diagnostic;
use crate::message::{Arg, Message, common};
use crate::model::*;
use crate::msg;
use crate::yaml::{Node, Value};

/// Keys whose values are the user's own prose: Chinese quotation marks in them are text.
/// In every other value (ids, references, units, periods, numbers, dates, words of a
/// fixed list) they are a slip of Chinese typing, reported and read as meant.
pub(crate) const PROSE: &[&str] = &[
    "title",
    "name",
    "description",
    "mission",
    "vision",
    "review",
    "note",
];

/// Turns YAML nodes into model values for one file, collecting its diagnostics.
/// Positions in the tree are already positions in the file.
pub(crate) struct Reader<'a> {
    pub(crate) file: &'a str,
    /// The YAML text as written, and the lines before it in the file: where to find a
    /// character inside a value.
    source: Option<(&'a str, u32)>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Every problem found, also those not reported because an error already reported
    /// explains them: what was read with a problem is not complete.
    faults: usize,
    /// Positions inside values read under a corrected key (`titel:` read as `title:`):
    /// the unknown key's error already covers them.
    muted: HashSet<Pos>,
    /// What the errors leave out of the site, each with the position of the error that
    /// explains it.
    pub(crate) gaps: Vec<(Pos, Missing)>,
}

/// A point in a reading, to ask afterwards what went wrong since.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mark {
    diagnostics: usize,
    faults: usize,
}

/// The entries of one mapping whose keys have been checked against the known ones.
pub(crate) struct Fields<'n> {
    entries: &'n [(Node, Node)],
    pub(crate) pos: Pos,
    /// Unknown keys read as the known key they were most likely meant to be: the known
    /// key and the entry's index.
    aliases: Vec<(String, usize)>,
    /// Numbers that YAML split at their thousands commas in a flow mapping
    /// (`{ target: 1,077,000 }`), joined again: the key and the number.
    rejoined: Vec<(String, f64)>,
}

impl<'n> Fields<'n> {
    pub(crate) fn get(&self, key: &str) -> Option<&'n Node> {
        let entries = self.entries;
        entries
            .iter()
            .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
            .or_else(|| {
                let &(_, i) = self.aliases.iter().find(|(known, _)| known == key)?;
                entries.get(i)
            })
            .map(|(_, v)| v)
            .filter(|v| v.value != Value::Null)
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    fn rejoined(&self, key: &str) -> Option<f64> {
        self.rejoined
            .iter()
            .find(|(k, _)| k == key)
            .map(|&(_, n)| n)
    }
}

/// Chinese quotation marks around a value, or full-width characters in it for ASCII ones:
/// where the first is, and the message, once the value to write is known.
struct ValueSlip {
    pos: Pos,
    key: String,
    value: String,
    /// The quotation marks as written; None for full-width characters.
    marks: Option<String>,
}

impl ValueSlip {
    fn message(self, fixed: String) -> Message {
        let ValueSlip {
            key, value, marks, ..
        } = self;
        match marks {
            Some(marks) => msg!(
                LOAD_CHINESE_QUOTES,
                key = key,
                marks = marks,
                value = value,
                fixed = fixed
            ),
            None => msg!(
                LOAD_FULL_WIDTH_VALUE,
                key = key,
                value = value,
                fixed = fixed
            ),
        }
    }
}

/// Every position in a value, its own and those of all it holds.
fn positions(node: &Node, out: &mut HashSet<Pos>) {
    out.insert(node.pos);
    match &node.value {
        Value::Seq(items) => items.iter().for_each(|n| positions(n, out)),
        Value::Map(entries) => entries.iter().for_each(|(k, v)| {
            positions(k, out);
            positions(v, out);
        }),
        _ => {}
    }
}

/// Whether a mapping key is a group of digits with no value: what YAML makes of the
/// `,077` in `{ target: 1,077,000 }` (or of `,240.5` and `,40` in `1,240.5` and `12,40`).
fn is_split_group(key: &Node, value: &Node) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    value.value == Value::Null
        && key.scalar_text().is_some_and(|t| match t.split_once('.') {
            Some((whole, fraction)) => digits(whole) && digits(fraction),
            None => digits(&t),
        })
}

impl<'a> Reader<'a> {
    pub(crate) fn new(file: &'a str) -> Self {
        Reader {
            file,
            source: None,
            diagnostics: Vec::new(),
            faults: 0,
            muted: HashSet::new(),
            gaps: Vec::new(),
        }
    }

    /// The reader of a file whose YAML text is `text`, after `offset` lines of the file.
    pub(crate) fn with_source(mut self, text: &'a str, offset: u32) -> Self {
        self.source = Some((text, offset));
        self
    }

    /// Where the first character that is `wanted` lies in a value, on the line the value
    /// starts on; the value's own position when it cannot be found there.
    fn char_pos(&self, node: &Node, wanted: impl Fn(char) -> bool) -> Pos {
        let found = self.source.and_then(|(text, offset)| {
            let index = node.pos.line.checked_sub(offset + 1)?;
            let line = text.split('\n').nth(index as usize)?;
            let skip = node.pos.column.checked_sub(1)? as usize;
            let at = line.chars().skip(skip).position(wanted)?;
            Some(node.pos.column + u32::try_from(at).ok()?)
        });
        found.map_or(node.pos, |column| Pos {
            line: node.pos.line,
            column,
        })
    }

    /// The start of a reading.
    pub(crate) const START: Mark = Mark {
        diagnostics: 0,
        faults: 0,
    };

    /// Records what an error since `mark` leaves out, if there was one.
    pub(crate) fn gap_since(&mut self, mark: Mark, missing: Missing) {
        if self.faulty_since(mark) {
            let cause = self.cause_since(mark).unwrap_or(Pos { line: 1, column: 1 });
            self.gaps.push((cause, missing));
        }
    }

    pub(crate) fn gap(&mut self, cause: Pos, missing: Missing) {
        self.gaps.push((cause, missing));
    }

    pub(crate) fn error(
        &mut self,
        pos: Pos,
        rule: Rule,
        message: impl Into<crate::message::Message>,
    ) {
        self.faults += 1;
        if self.muted.contains(&pos) {
            return;
        }
        self.diagnostics
            .push(Diagnostic::error(self.file, pos, rule, message));
    }

    pub(crate) fn mark(&self) -> Mark {
        Mark {
            diagnostics: self.diagnostics.len(),
            faults: self.faults,
        }
    }

    /// Whether anything went wrong since `mark`.
    pub(crate) fn faulty_since(&self, mark: Mark) -> bool {
        self.faults > mark.faults
    }

    /// The first error reported since `mark`: the one that explains what went wrong then.
    /// When none was (an error inside a value read under a corrected key), the one
    /// reported last: the unknown key's.
    pub(crate) fn cause_since(&self, mark: Mark) -> Option<Pos> {
        self.diagnostics[mark.diagnostics..]
            .first()
            .or(self.diagnostics.last())
            .map(|d| Pos {
                line: d.line,
                column: d.column,
            })
    }

    fn type_error(&mut self, node: &Node, key: &str, expected: &'static crate::message::Entry) {
        self.type_error_hint(node, key, expected, None);
    }

    fn type_error_hint(
        &mut self,
        node: &Node,
        key: &str,
        expected: &'static crate::message::Entry,
        hint: Option<Message>,
    ) {
        let message = msg!(
            LOAD_TYPE,
            key = key,
            expected = Message::new(expected),
            found = node.value.kind_name(),
            hint = hint
        );
        self.error(node.pos, Rule::Type, message);
    }

    /// Checks that `node` is a mapping whose keys are all in `known`; `what` names it in messages.
    pub(crate) fn fields<'n>(
        &mut self,
        node: &'n Node,
        what: Message,
        known: &[&str],
    ) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            let message = msg!(
                LOAD_NOT_A_MAPPING,
                what = what,
                found = node.value.kind_name()
            );
            self.error(node.pos, Rule::Type, message);
            return None;
        };
        let present = |name: &str| {
            entries
                .iter()
                .any(|(k, _)| matches!(&k.value, Value::Str(s) if s == name))
        };
        let mut aliases: Vec<(String, usize)> = Vec::new();
        let mut rejoined: Vec<(String, f64)> = Vec::new();
        let mut i = 0;
        while i < entries.len() {
            let (key, value) = &entries[i];
            let known_key =
                matches!(&key.value, Value::Str(name) if known.contains(&name.as_str()));
            // `1,077,000` in a flow mapping: the number 1, then keys `077` and `000`.
            let groups = entries[i + 1..]
                .iter()
                .take_while(|(k, v)| is_split_group(k, v) && k.pos.line == value.pos.line)
                .count();
            if known_key && groups > 0 && matches!(value.value, Value::Int(_)) {
                let tail = &entries[i + 1..=i + groups];
                rejoined.extend(self.split_number(key, value, tail));
                i += 1 + groups;
                continue;
            }
            i += 1;
            if known_key {
                continue;
            }
            let meant = self.unknown_key(key, &what, known);
            // Read the value as the key it was meant to be, so that the typo is the
            // one error: not also a missing field, nor a key result gone from the site.
            if let Some(meant) = meant
                && !present(meant)
                && !aliases.iter().any(|(k, _)| k == meant)
            {
                aliases.push((meant.to_owned(), i - 1));
                positions(value, &mut self.muted);
            }
        }
        Some(Fields {
            entries,
            pos: node.pos,
            aliases,
            rejoined,
        })
    }

    /// Reports a number that a flow mapping split at its commas (`key: 1,077,000` read as
    /// the number 1, then keys `077` and `000`, the `tail` entries); when the groups are
    /// thousands, returns the key and the number meant, to be read in its place.
    fn split_number(
        &mut self,
        key: &Node,
        value: &Node,
        tail: &[(Node, Node)],
    ) -> Option<(String, f64)> {
        let name = key.scalar_text().unwrap_or_default();
        let head = value.scalar_text().unwrap_or_default();
        let tail: Vec<String> = tail.iter().filter_map(|(k, _)| k.scalar_text()).collect();
        let written = format!("{head},{}", tail.join(","));
        // "`077` and `000`", in the words of the language shown.
        let mut shown = tail.iter().rev().map(|t| format!("`{t}`"));
        let last = Arg::from(shown.next().unwrap_or_default());
        let keys = shown.fold(last, |rest, first| {
            Arg::from(msg!(LOAD_AND, first = first, rest = rest))
        });
        // Groups of three digits (the last may have decimals) are thousands.
        let thousands = tail.iter().enumerate().all(|(j, t)| {
            let whole = if j + 1 == tail.len() {
                t.split_once('.').map_or(t.as_str(), |(w, _)| w)
            } else {
                t
            };
            whole.len() == 3
        });
        let joined = format!("{head}{}", tail.concat());
        let message = if thousands {
            msg!(
                LOAD_THOUSANDS,
                key = &name,
                written = written,
                head = &head,
                keys = keys,
                joined = &joined
            )
        } else {
            msg!(
                LOAD_COMMA_IN_NUMBER,
                key = &name,
                written = written,
                head = &head,
                keys = keys
            )
        };
        self.error(value.pos, Rule::Type, message);
        match (thousands, joined.parse()) {
            (true, Ok(n)) => Some((name, n)),
            _ => None,
        }
    }

    /// Reports a key not in `known`, with the key meant when one is likely (a Chinese name
    /// for a key, `标题`, else a typo of one, `titel`), else the keys known; returns the key
    /// meant.
    fn unknown_key<'k>(
        &mut self,
        key: &Node,
        what: &Message,
        known: &[&'k str],
    ) -> Option<&'k str> {
        let name = key.scalar_text().unwrap_or_else(|| "?".into());
        let meant = hints::chinese_key(&name)
            .iter()
            .find_map(|k| known.iter().copied().find(|known| known == k))
            .or_else(|| did_you_mean(&name, known.iter().copied()));
        let hint = common::did_you_mean_key(meant).unwrap_or_else(|| {
            let entry = if known.contains(&"extra") {
                &LOAD_KNOWN_KEYS_EXTRA
            } else {
                &LOAD_KNOWN_KEYS
            };
            msg!(*entry, keys = list(known))
        });
        self.error(
            key.pos,
            Rule::UnknownKey,
            msg!(
                LOAD_UNKNOWN_KEY,
                key = name,
                what = what.clone(),
                hint = hint
            ),
        );
        meant
    }

    pub(crate) fn require<'n>(
        &mut self,
        fields: &Fields<'n>,
        key: &str,
        what: &'static crate::message::Entry,
    ) -> Option<&'n Node> {
        let node = fields.get(key);
        if node.is_none() {
            self.error(
                fields.pos,
                Rule::MissingField,
                msg!(LOAD_NEEDS, what = Message::new(what), key = key),
            );
        }
        node
    }

    /// Text; numbers and booleans are read as they were written (`title: 2024`). Outside
    /// prose (`PROSE`), Chinese quotation marks around the text, or full-width letters and
    /// digits that stand for ASCII (`２０２５－Ｑ２`), are an error and read as meant.
    pub(crate) fn text(&mut self, fields: &Fields, key: &str) -> Option<At<String>> {
        let node = fields.get(key)?;
        match node.scalar_text() {
            Some(s) if PROSE.contains(&key) => Some(At::new(s, node.pos)),
            Some(s) => Some(At::new(self.plain(node, key, &s), node.pos)),
            None => {
                self.type_error(node, key, &LOAD_TEXT);
                None
            }
        }
    }

    /// A text that is no prose, with the slips of Chinese typing in it reported and
    /// repaired: Chinese quotation marks around it, full-width characters for ASCII ones.
    fn plain(&mut self, node: &Node, key: &str, text: &str) -> String {
        let (clean, slip) = self.unslip(node, key, text);
        if let Some(slip) = slip {
            self.error(
                slip.pos,
                Rule::InvalidValue,
                slip.message(hints::yaml_text(&clean)),
            );
        }
        clean
    }

    /// A value without the Chinese quotation marks around it and with full-width ASCII
    /// written as ASCII (only where all of it then is ASCII: `王强（销售）` stays), and
    /// the slip, if it had either.
    fn unslip(&self, node: &Node, key: &str, text: &str) -> (String, Option<ValueSlip>) {
        let slip = |pos, marks| ValueSlip {
            pos,
            key: key.to_owned(),
            value: text.to_owned(),
            marks,
        };
        if let Some((inner, marks)) = hints::chinese_quotes(text) {
            let inner = hints::full_width_to_ascii(&inner)
                .filter(|a| a.is_ascii())
                .unwrap_or(inner);
            let pos = self.char_pos(node, |c| marks.contains(c));
            return (inner, Some(slip(pos, Some(marks))));
        }
        // A unit is shown as written: `％` and `ｋｍ` are its text.
        let full_width = (key != "unit")
            .then(|| hints::full_width_to_ascii(text))
            .flatten()
            .filter(|a| a.is_ascii());
        match full_width {
            Some(ascii) => {
                let pos = self.char_pos(node, hints::is_full_width);
                (ascii, Some(slip(pos, None)))
            }
            None => (text.to_owned(), None),
        }
    }

    pub(crate) fn required_text(
        &mut self,
        fields: &Fields,
        key: &str,
        what: &'static crate::message::Entry,
    ) -> Option<At<String>> {
        self.require(fields, key, what)?;
        let text = self.text(fields, key)?;
        if text.value.trim().is_empty() {
            self.error(
                text.pos,
                Rule::MissingField,
                msg!(LOAD_NEEDS_NON_EMPTY, what = Message::new(what), key = key),
            );
            return None;
        }
        Some(text)
    }

    /// A number. A number written as text (`"79%"`, `1,077,000`) is an error that gives
    /// the number to write, and is read as that number, so nothing else fails for it.
    pub(crate) fn number(&mut self, fields: &Fields, key: &str) -> Option<At<f64>> {
        let node = fields.get(key)?;
        if let Some(n) = fields.rejoined(key) {
            return Some(At::new(n, node.pos));
        }
        if let Some(n) = node.as_f64() {
            return Some(At::new(n, node.pos));
        }
        let Value::Str(text) = &node.value else {
            self.type_error(node, key, &LOAD_A_NUMBER);
            return None;
        };
        // `“3”`, `１２`: the number in Chinese quotes or full-width digits.
        let (clean, slip) = self.unslip(node, key, text);
        if let Some(slip) = slip
            && let Some((n, _)) = hints::number(&clean)
        {
            self.error(slip.pos, Rule::Type, slip.message(hints::show(n)));
            return Some(At::new(n, node.pos));
        }
        if is_non_finite(text) {
            self.error(
                node.pos,
                Rule::Type,
                msg!(
                    LOAD_NOT_FINITE,
                    key = key,
                    value = node.source.as_deref().unwrap_or(text)
                ),
            );
            return None;
        }
        let Some((n, unit)) = hints::number(text) else {
            self.type_error(node, key, &LOAD_A_NUMBER);
            return None;
        };
        // Fractions written as percentages: `grade: 70%` is 0.7.
        let fraction = matches!(key, "grade" | "pace_tolerance") && unit.is_some();
        let n = if fraction { n / 100.0 } else { n };
        let unit_hint = match unit {
            Some(u) if matches!(key, "start" | "target") && !fields.has("unit") => {
                Some(msg!(LOAD_AND_UNIT, unit = u))
            }
            Some(u) if key == "value" => Some(msg!(LOAD_UNIT_OF_KR, unit = u)),
            _ => None,
        };
        self.error(
            node.pos,
            Rule::Type,
            msg!(
                LOAD_NUMBER_AS_TEXT,
                key = key,
                value = text,
                number = hints::show(n),
                unit = unit_hint
            ),
        );
        Some(At::new(n, node.pos))
    }

    /// `true` or `false`; a word for yes or no (`是`, `否`, `完成`, `yes`) is an error that
    /// gives the boolean to write, and is read as it.
    pub(crate) fn boolean(&mut self, fields: &Fields, key: &str) -> Option<At<bool>> {
        let node = fields.get(key)?;
        if let Value::Bool(b) = node.value {
            return Some(At::new(b, node.pos));
        }
        let meant = match &node.value {
            Value::Str(text) => {
                let (clean, slip) = self.unslip(node, key, text);
                let word = match clean.to_lowercase().as_str() {
                    "true" => Some(true),
                    "false" => Some(false),
                    _ => None,
                };
                // `“true”`, `ｔｒｕｅ`: the boolean in Chinese quotes or full-width letters.
                if let Some(slip) = slip
                    && let Some(b) = word.or_else(|| hints::boolean(&clean))
                {
                    self.error(slip.pos, Rule::Type, slip.message(b.to_string()));
                    return Some(At::new(b, node.pos));
                }
                hints::boolean(&clean)
            }
            // `1` and `0`, as a spreadsheet writes them.
            Value::Int(1) => Some(true),
            Value::Int(0) => Some(false),
            _ => None,
        };
        let hint = meant.map(|b| msg!(LOAD_WRITE, key = key, value = b.to_string()));
        self.type_error_hint(node, key, &LOAD_TRUE_OR_FALSE, hint);
        meant.map(|b| At::new(b, node.pos))
    }

    /// A weight: a number above zero, 1 when not given.
    pub(crate) fn weight(&mut self, fields: &Fields) -> f64 {
        match self.number(fields, "weight") {
            Some(w) if w.value > 0.0 => w.value,
            Some(w) => {
                self.error(
                    w.pos,
                    Rule::InvalidValue,
                    msg!(LOAD_WEIGHT_ABOVE_ZERO, value = w.value),
                );
                1.0
            }
            None => 1.0,
        }
    }

    pub(crate) fn date(&mut self, fields: &Fields, key: &str) -> Option<At<NaiveDate>> {
        let node = fields.get(key)?;
        let Some(text) = node.scalar_text() else {
            self.type_error(node, key, &LOAD_A_DATE);
            return None;
        };
        match parse_date(&text) {
            Some(d) => Some(At::new(d, node.pos)),
            None => {
                let (pos, message) = self.date_problem(node, key, &text, None);
                self.error(pos, Rule::InvalidValue, message);
                None
            }
        }
    }

    /// Where a date that does not parse is wrong and what to say: Chinese quotation marks
    /// or full-width digits around a good date are named; else see `date_message`.
    fn date_problem(
        &self,
        node: &Node,
        key: &str,
        text: &str,
        or_time: Option<Message>,
    ) -> (Pos, Message) {
        let (clean, slip) = self.unslip(node, key, text);
        match slip {
            Some(slip) if parse_date_time(&clean).is_some() => (slip.pos, slip.message(clean)),
            _ => (node.pos, date_message(key, text, or_time)),
        }
    }

    /// A check-in's date, with an optional local time of day: `2024-05-15`,
    /// `2024-05-15T14:30` or `2024-05-15 14:30` (seconds allowed).
    pub(crate) fn date_time(
        &mut self,
        fields: &Fields,
        key: &str,
    ) -> Option<(At<NaiveDate>, Option<NaiveTime>)> {
        let node = fields.get(key)?;
        let Some(text) = node.scalar_text() else {
            self.type_error(node, key, &LOAD_A_DATE_TIME);
            return None;
        };
        match parse_date_time(&text) {
            Some((d, t)) => Some((At::new(d, node.pos), t)),
            None => {
                let or_time = Some(msg!(LOAD_OR_TIME));
                let (pos, message) = self.date_problem(node, key, &text, or_time);
                self.error(pos, Rule::InvalidValue, message);
                None
            }
        }
    }

    /// A grade by hand: a number from 0 to 1.
    pub(crate) fn grade(&mut self, fields: &Fields) -> Option<At<f64>> {
        let grade = self.number(fields, "grade")?;
        if !(0.0..=1.0).contains(&grade.value) {
            self.error(
                grade.pos,
                Rule::GradeRange,
                msg!(LOAD_GRADE_RANGE, value = grade.value),
            );
            return None;
        }
        Some(grade)
    }

    /// One text or a list of them (`aligns_to: x` or `aligns_to: [x, y]`). Ids written
    /// in one text with a Chinese list comma (`co-o2、co-o3`) or another separator are one
    /// error, and read as the list meant.
    pub(crate) fn text_list(&mut self, fields: &Fields, key: &str) -> Vec<At<String>> {
        let Some(node) = fields.get(key) else {
            return Vec::new();
        };
        let items: Vec<&Node> = match &node.value {
            Value::Seq(items) => items.iter().collect(),
            _ => vec![node],
        };
        // `allow:` lists the names of lints; every other list, ids.
        let (expected, separated_entry) = if key == "allow" {
            (&LOAD_LINT_NAMES, &LOAD_LIST_SEPARATOR_LINTS)
        } else {
            (&LOAD_IDS, &LOAD_LIST_SEPARATOR)
        };
        let mut ids: Vec<At<String>> = Vec::new();
        let mut separated: Option<(&Node, char)> = None;
        for item in items {
            let Some(text) = item.scalar_text() else {
                self.type_error(item, key, expected);
                continue;
            };
            match hints::list_items(&text) {
                Some((separator, parts)) => {
                    separated.get_or_insert((item, separator));
                    ids.extend(parts.into_iter().map(|p| At::new(p, item.pos)));
                }
                None => ids.push(At::new(self.plain(item, key, &text), item.pos)),
            }
        }
        if let Some((item, separator)) = separated {
            let all: Vec<&str> = ids.iter().map(|id| id.value.as_str()).collect();
            let pos = self.char_pos(item, |c| c == separator);
            self.error(
                pos,
                Rule::InvalidValue,
                msg!(
                    *separated_entry,
                    key = key,
                    separator = separator.to_string(),
                    ids = all.join(", ")
                ),
            );
        }
        ids
    }

    pub(crate) fn list<'n>(&mut self, fields: &Fields<'n>, key: &str) -> &'n [Node] {
        match fields.get(key) {
            None => &[],
            Some(Node {
                value: Value::Seq(items),
                ..
            }) => items,
            Some(node) => {
                self.type_error(node, key, &LOAD_A_LIST);
                &[]
            }
        }
    }

    pub(crate) fn confidence(&mut self, fields: &Fields) -> Option<At<u8>> {
        let node = fields.get("confidence")?;
        match node.value {
            Value::Int(c) if (0..=10).contains(&c) => Some(At::new(c as u8, node.pos)),
            // 7.0 is the whole number 7.
            Value::Float(c) if c.fract() == 0.0 && (0.0..=10.0).contains(&c) => {
                Some(At::new(c as u8, node.pos))
            }
            Value::Int(_) | Value::Float(_) => {
                let text = node.scalar_text().unwrap_or_default();
                let hint = node
                    .as_f64()
                    .and_then(|n| hints::confidence(n, false))
                    .map(|c| {
                        let what = if node.as_f64().is_some_and(|n| n < 1.0) {
                            &LOAD_A_FRACTION
                        } else {
                            &LOAD_A_PERCENTAGE
                        };
                        msg!(
                            LOAD_CONFIDENCE_IF,
                            value = &text,
                            what = Message::new(what),
                            confidence = c
                        )
                    });
                self.error(
                    node.pos,
                    Rule::ConfidenceRange,
                    msg!(LOAD_CONFIDENCE_RANGE, value = text, hint = hint),
                );
                None
            }
            Value::Str(ref text) => {
                let (clean, slip) = self.unslip(node, "confidence", text);
                let meant = hints::confidence_text(&clean);
                if let (Some(slip), Some(c)) = (slip, meant) {
                    self.error(slip.pos, Rule::Type, slip.message(c.to_string()));
                    return None;
                }
                let hint = meant.map(|c| msg!(LOAD_WRITE, key = "confidence", value = c));
                self.error(
                    node.pos,
                    Rule::Type,
                    msg!(LOAD_CONFIDENCE_TEXT, value = text, hint = hint),
                );
                None
            }
            _ => {
                self.type_error(node, "confidence", &LOAD_ZERO_TO_TEN);
                None
            }
        }
    }

    /// An id: text with no `/`, white space or any of `?#%\"<>`.
    pub(crate) fn id(&mut self, fields: &Fields, key: &str) -> Option<At<String>> {
        let id = self.text(fields, key)?;
        self.check_id(&id, key).then_some(id)
    }

    pub(crate) fn check_id(&mut self, id: &At<String>, key: &str) -> bool {
        if let Some(problem) = id_problem(&id.value) {
            self.error(
                id.pos,
                Rule::InvalidValue,
                msg!(
                    LOAD_BAD_ID,
                    key = key,
                    id = &id.value,
                    problem = problem.message()
                ),
            );
            return false;
        }
        true
    }

    /// Free fields under `extra:`, for templates.
    pub(crate) fn extra(&mut self, fields: &Fields) -> serde_json::Value {
        fields
            .get("extra")
            .map_or(serde_json::Value::Null, Node::to_json)
    }
}

/// Whether a value is a number no computation can use: YAML's `.inf` and `.nan`, or one
/// too large for a 64-bit float (`1e309`).
fn is_non_finite(text: &str) -> bool {
    let t = text.trim().trim_start_matches(['+', '-']);
    matches!(t.to_ascii_lowercase().as_str(), ".inf" | ".nan")
        || t.parse::<f64>().is_ok_and(|n| !n.is_finite())
}

/// The longest objective id, in bytes: its page's folder is named after it (see
/// `render::paths::MAX_SEGMENT`).
pub(crate) const MAX_OBJECTIVE_ID: usize = 100;

/// What is wrong with an id: shown in English with `{}`, in either language by `message`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IdProblem {
    Empty,
    StartsWithDot,
    Slash,
    WhiteSpace,
    Reserved,
    /// An objective id of this many bytes, more than `MAX_OBJECTIVE_ID`.
    TooLong(usize),
}

impl IdProblem {
    pub(crate) fn message(self) -> Message {
        match self {
            IdProblem::Empty => Message::new(&LOAD_ID_EMPTY),
            IdProblem::StartsWithDot => Message::new(&LOAD_ID_DOT),
            IdProblem::Slash => Message::new(&LOAD_ID_SLASH),
            IdProblem::WhiteSpace => Message::new(&LOAD_ID_SPACE),
            IdProblem::Reserved => Message::new(&LOAD_ID_RESERVED),
            IdProblem::TooLong(bytes) => {
                msg!(LOAD_ID_TOO_LONG, bytes = bytes, max = MAX_OBJECTIVE_ID)
            }
        }
    }
}

/// A long value cut for a message: its first 32 characters and `…`.
pub(crate) fn shortened(text: &str) -> String {
    match text.char_indices().nth(32) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

impl std::fmt::Display for IdProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().text(Language::En))
    }
}

/// What is wrong with an id, if anything.
pub(crate) fn id_problem(id: &str) -> Option<IdProblem> {
    if id.is_empty() {
        Some(IdProblem::Empty)
    } else if id.starts_with('.') {
        Some(IdProblem::StartsWithDot)
    } else if id.contains('/') {
        Some(IdProblem::Slash)
    } else if id.chars().any(char::is_whitespace) {
        Some(IdProblem::WhiteSpace)
    } else if id.chars().any(|c| "?#%\\\"<>".contains(c)) {
        Some(IdProblem::Reserved)
    } else {
        None
    }
}

pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    // Exactly YYYY-MM-DD: chrono alone would accept 2024-5-1.
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// A date with an optional time of day after `T` or one space.
pub(crate) fn parse_date_time(text: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let text = text.trim();
    if text.len() <= 10 {
        return parse_date(text).map(|d| (d, None));
    }
    let (date, time) = (text.get(..10)?, text.get(10..)?);
    let time = time.strip_prefix('T').or_else(|| time.strip_prefix(' '))?;
    let time = NaiveTime::parse_from_str(time, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(time, "%H:%M:%S"))
        .ok()?;
    Some((parse_date(date)?, Some(time)))
}

/// The message for a date that does not parse: a day that does not exist is called that;
/// another form gets the form, and the date to write when it can be read without doubt.
fn date_message(key: &str, text: &str, or_time: Option<Message>) -> Message {
    // A time of day after the date keeps its place in the suggestion.
    let trimmed = text.trim();
    let (day, time) = match trimmed.find(['T', ' ']) {
        Some(i) if NaiveTime::parse_from_str(&trimmed[i + 1..], "%H:%M").is_ok() => {
            trimmed.split_at(i)
        }
        _ => (trimmed, ""),
    };
    match hints::date(day) {
        DateProblem::NotADay(why) if time.is_empty() => {
            msg!(LOAD_NOT_A_DAY, key = key, day = day, why = why)
        }
        DateProblem::NotADay(why) => {
            msg!(
                LOAD_NOT_A_DAY_IN,
                key = key,
                day = day,
                value = text,
                why = why
            )
        }
        DateProblem::Form(exact) => {
            let write = exact.map(|d| msg!(LOAD_WRITE, key = key, value = format!("{d}{time}")));
            msg!(
                LOAD_DATE_FORM,
                key = key,
                value = text,
                or_time = or_time,
                write = write
            )
        }
    }
}

/// The known name closest to `word`, if one is close enough to be a typo.
pub(crate) fn did_you_mean<'k>(
    word: &str,
    known: impl IntoIterator<Item = &'k str>,
) -> Option<&'k str> {
    let limit = (word.chars().count() / 3).max(1);
    known
        .into_iter()
        .map(|k| (strsim::damerau_levenshtein(word, k), k))
        .filter(|(d, k)| *d <= limit.max(k.chars().count() / 3) && *d > 0)
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_get_a_hint() {
        let keys = ["target", "title", "start"];
        assert_eq!(did_you_mean("targt", keys), Some("target"));
        assert_eq!(did_you_mean("titel", keys), Some("title"));
        assert_eq!(did_you_mean("colour", keys), None);
    }

    #[test]
    fn dates_may_carry_a_time_of_day() {
        let day = parse_date("2024-05-15").unwrap();
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(parse_date_time("2024-05-15"), Some((day, None)));
        assert_eq!(parse_date_time("2024-05-15T14:30"), Some((day, at(14, 30))));
        assert_eq!(parse_date_time("2024-05-15 14:30"), Some((day, at(14, 30))));
        assert_eq!(
            parse_date_time("2024-05-15 14:30:00"),
            Some((day, at(14, 30)))
        );
        assert_eq!(parse_date_time("2024-05-15 25:00"), None);
        assert_eq!(parse_date_time("2024-05-15x14:30"), None);
    }

    #[test]
    fn dates_must_be_complete_and_real() {
        assert!(parse_date("2024-02-29").is_some());
        assert!(parse_date("2023-02-29").is_none());
        assert!(parse_date("2024-5-1").is_none());
        assert!(parse_date("tomorrow").is_none());
    }

    #[test]
    fn ids_reject_separators_and_space() {
        assert!(id_problem("teebee-o1").is_none());
        assert!(id_problem("团队-目标").is_none());
        assert!(id_problem("a/b").is_some());
        assert!(id_problem("a b").is_some());
        assert!(id_problem("a#b").is_some());
        assert!(id_problem("").is_some());
        assert!(id_problem("..").is_some());
    }

    #[test]
    fn infinities_and_numbers_beyond_floats_are_not_finite() {
        for text in [".inf", "-.inf", "+.INF", ".NaN", "1e309", "-1e400", "inf"] {
            assert!(is_non_finite(text), "{text}");
        }
        for text in ["1e308", "-1.7e308", "55", "79%", "abc", ""] {
            assert!(!is_non_finite(text), "{text}");
        }
    }
}
