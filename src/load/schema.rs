//! Reads a YAML tree into the model's types, one kind at a time, reporting every wrong
//! type, unknown key and missing field with the position it was written at.

use chrono::{NaiveDate, NaiveTime};
use std::collections::HashSet;

use super::Missing;
use super::hints::{self, DateProblem};
use crate::diagnostics::Diagnostic;
use crate::model::*;
use crate::yaml::{Node, Value};

/// Turns YAML nodes into model values for one file, collecting its diagnostics.
/// Positions in the tree are already positions in the file.
pub struct Reader<'a> {
    pub file: &'a str,
    pub diagnostics: Vec<Diagnostic>,
    /// Every problem found, also those not reported because an error already reported
    /// explains them: what was read with a problem is not complete.
    faults: usize,
    /// Positions inside values read under a corrected key (`titel:` read as `title:`):
    /// the unknown key's error already covers them.
    muted: HashSet<Pos>,
    /// What the errors leave out of the site, each with the position of the error that
    /// explains it.
    pub gaps: Vec<(Pos, Missing)>,
}

/// A point in a reading, to ask afterwards what went wrong since.
#[derive(Clone, Copy, Debug)]
pub struct Mark {
    diagnostics: usize,
    faults: usize,
}

/// The entries of one mapping whose keys have been checked against the known ones.
pub struct Fields<'n> {
    entries: &'n [(Node, Node)],
    pub pos: Pos,
    /// Unknown keys read as the known key they were most likely meant to be: the known
    /// key and the entry's index.
    aliases: Vec<(String, usize)>,
    /// Numbers that YAML split at their thousands commas in a flow mapping
    /// (`{ target: 1,077,000 }`), joined again: the key and the number.
    rejoined: Vec<(String, f64)>,
}

impl<'n> Fields<'n> {
    pub fn get(&self, key: &str) -> Option<&'n Node> {
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

    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    fn rejoined(&self, key: &str) -> Option<f64> {
        self.rejoined
            .iter()
            .find(|(k, _)| k == key)
            .map(|&(_, n)| n)
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

/// Whether a mapping key is a group of three digits with no value: what YAML makes of
/// the `,077` in `{ target: 1,077,000 }`.
fn is_split_group(key: &Node, value: &Node) -> bool {
    value.value == Value::Null
        && key
            .scalar_text()
            .is_some_and(|t| t.len() == 3 && t.bytes().all(|b| b.is_ascii_digit()))
}

impl<'a> Reader<'a> {
    pub fn new(file: &'a str) -> Self {
        Reader {
            file,
            diagnostics: Vec::new(),
            faults: 0,
            muted: HashSet::new(),
            gaps: Vec::new(),
        }
    }

    /// The start of a reading.
    pub const START: Mark = Mark {
        diagnostics: 0,
        faults: 0,
    };

    /// Records what an error since `mark` leaves out, if there was one.
    pub fn gap_since(&mut self, mark: Mark, missing: Missing) {
        if self.faulty_since(mark) {
            let cause = self.cause_since(mark).unwrap_or(Pos { line: 1, column: 1 });
            self.gaps.push((cause, missing));
        }
    }

    pub fn gap(&mut self, cause: Pos, missing: Missing) {
        self.gaps.push((cause, missing));
    }

    pub fn error(&mut self, pos: Pos, rule: Rule, message: impl Into<crate::message::Message>) {
        self.faults += 1;
        if self.muted.contains(&pos) {
            return;
        }
        self.diagnostics
            .push(Diagnostic::error(self.file, pos, rule, message));
    }

    pub fn mark(&self) -> Mark {
        Mark {
            diagnostics: self.diagnostics.len(),
            faults: self.faults,
        }
    }

    /// Whether anything went wrong since `mark`.
    pub fn faulty_since(&self, mark: Mark) -> bool {
        self.faults > mark.faults
    }

    /// The first error reported since `mark`: the one that explains what went wrong then.
    /// When none was (an error inside a value read under a corrected key), the one
    /// reported last: the unknown key's.
    pub fn cause_since(&self, mark: Mark) -> Option<Pos> {
        self.diagnostics[mark.diagnostics..]
            .first()
            .or(self.diagnostics.last())
            .map(|d| Pos {
                line: d.line,
                column: d.column,
            })
    }

    fn type_error(&mut self, node: &Node, key: &str, expected: &str) {
        let message = format!("`{key}` must be {expected}, not {}", node.value.kind_name());
        self.error(node.pos, Rule::Type, message);
    }

    /// Checks that `node` is a mapping whose keys are all in `known`; `what` names it in messages.
    pub fn fields<'n>(&mut self, node: &'n Node, what: &str, known: &[&str]) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            let message = format!(
                "{what} must be a mapping of keys, not {}",
                node.value.kind_name()
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
                let name = key.scalar_text().unwrap_or_default();
                let head = value.scalar_text().unwrap_or_default();
                let tail: Vec<String> = entries[i + 1..=i + groups]
                    .iter()
                    .filter_map(|(k, _)| k.scalar_text())
                    .collect();
                let joined = format!("{head}{}", tail.concat());
                let message = format!(
                    "`{name}` is {head},{} with thousands commas, which YAML reads as {head} and the keys {}: write `{name}: {joined}`",
                    tail.join(","),
                    tail.iter()
                        .map(|t| format!("`{t}`"))
                        .collect::<Vec<_>>()
                        .join(" and ")
                );
                self.error(value.pos, Rule::Type, message);
                if let Ok(n) = joined.parse() {
                    rejoined.push((name, n));
                }
                i += 1 + groups;
                continue;
            }
            i += 1;
            if known_key {
                continue;
            }
            let name = key.scalar_text().unwrap_or_else(|| "?".into());
            let meant = did_you_mean(&name, known.iter().copied());
            let hint = meant
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_else(|| {
                    let extra = if known.contains(&"extra") {
                        "; free fields go under `extra:`"
                    } else {
                        ""
                    };
                    format!("{extra}. Known keys: {}", known.join(", "))
                });
            self.error(
                key.pos,
                Rule::UnknownKey,
                format!("unknown key `{name}` in {what}{hint}"),
            );
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

    pub fn require<'n>(&mut self, fields: &Fields<'n>, key: &str, what: &str) -> Option<&'n Node> {
        let node = fields.get(key);
        if node.is_none() {
            self.error(
                fields.pos,
                Rule::MissingField,
                format!("{what} needs `{key}`"),
            );
        }
        node
    }

    /// Text; numbers and booleans are read as they were written (`title: 2024`).
    pub fn text(&mut self, fields: &Fields, key: &str) -> Option<At<String>> {
        let node = fields.get(key)?;
        match node.scalar_text() {
            Some(s) => Some(At::new(s, node.pos)),
            None => {
                self.type_error(node, key, "text");
                None
            }
        }
    }

    pub fn required_text(&mut self, fields: &Fields, key: &str, what: &str) -> Option<At<String>> {
        self.require(fields, key, what)?;
        let text = self.text(fields, key)?;
        if text.value.trim().is_empty() {
            self.error(
                text.pos,
                Rule::MissingField,
                format!("{what} needs a non-empty `{key}`"),
            );
            return None;
        }
        Some(text)
    }

    /// A number. A number written as text (`"79%"`, `1,077,000`) is an error that gives
    /// the number to write, and is read as that number, so nothing else fails for it.
    pub fn number(&mut self, fields: &Fields, key: &str) -> Option<At<f64>> {
        let node = fields.get(key)?;
        if let Some(n) = fields.rejoined(key) {
            return Some(At::new(n, node.pos));
        }
        if let Some(n) = node.as_f64() {
            return Some(At::new(n, node.pos));
        }
        let Value::Str(text) = &node.value else {
            self.type_error(node, key, "a number");
            return None;
        };
        let Some((n, unit)) = hints::number(text) else {
            self.type_error(node, key, "a number");
            return None;
        };
        // Fractions written as percentages: `grade: 70%` is 0.7.
        let fraction = matches!(key, "grade" | "pace_tolerance") && unit.is_some();
        let n = if fraction { n / 100.0 } else { n };
        let unit_hint = match unit {
            Some(u) if matches!(key, "start" | "target") && !fields.has("unit") => {
                format!(" and `unit: \"{u}\"`")
            }
            Some(u) if key == "value" => {
                format!(" (the key result's `unit: \"{u}\"` shows the unit)")
            }
            _ => String::new(),
        };
        self.error(
            node.pos,
            Rule::Type,
            format!(
                "`{key}` must be a number, not text ('{text}'): write `{key}: {}`{unit_hint}",
                hints::show(n)
            ),
        );
        Some(At::new(n, node.pos))
    }

    pub fn boolean(&mut self, fields: &Fields, key: &str) -> Option<At<bool>> {
        let node = fields.get(key)?;
        match node.value {
            Value::Bool(b) => Some(At::new(b, node.pos)),
            _ => {
                self.type_error(node, key, "true or false");
                None
            }
        }
    }

    /// A weight: a number above zero, 1 when not given.
    pub fn weight(&mut self, fields: &Fields) -> f64 {
        match self.number(fields, "weight") {
            Some(w) if w.value > 0.0 => w.value,
            Some(w) => {
                self.error(
                    w.pos,
                    Rule::InvalidValue,
                    format!("`weight` must be above 0, not {}", w.value),
                );
                1.0
            }
            None => 1.0,
        }
    }

    pub fn date(&mut self, fields: &Fields, key: &str) -> Option<At<NaiveDate>> {
        let node = fields.get(key)?;
        let Some(text) = node.scalar_text() else {
            self.type_error(node, key, "a date (YYYY-MM-DD)");
            return None;
        };
        match parse_date(&text) {
            Some(d) => Some(At::new(d, node.pos)),
            None => {
                self.error(node.pos, Rule::InvalidValue, date_message(key, &text, ""));
                None
            }
        }
    }

    /// A check-in's date, with an optional local time of day: `2024-05-15`,
    /// `2024-05-15T14:30` or `2024-05-15 14:30` (seconds allowed).
    pub fn date_time(
        &mut self,
        fields: &Fields,
        key: &str,
    ) -> Option<(At<NaiveDate>, Option<NaiveTime>)> {
        let node = fields.get(key)?;
        let Some(text) = node.scalar_text() else {
            self.type_error(node, key, "a date (YYYY-MM-DD, or YYYY-MM-DD HH:MM)");
            return None;
        };
        match parse_date_time(&text) {
            Some((d, t)) => Some((At::new(d, node.pos), t)),
            None => {
                let message = date_message(key, &text, " (or YYYY-MM-DD HH:MM)");
                self.error(node.pos, Rule::InvalidValue, message);
                None
            }
        }
    }

    /// A grade by hand: a number from 0 to 1.
    pub fn grade(&mut self, fields: &Fields) -> Option<At<f64>> {
        let grade = self.number(fields, "grade")?;
        if !(0.0..=1.0).contains(&grade.value) {
            self.error(
                grade.pos,
                Rule::GradeRange,
                format!(
                    "`grade` is {}; a grade is a number from 0 to 1 (0.7 for 70 %)",
                    grade.value
                ),
            );
            return None;
        }
        Some(grade)
    }

    /// One text or a list of them (`aligns_to: x` or `aligns_to: [x, y]`).
    pub fn text_list(&mut self, fields: &Fields, key: &str) -> Vec<At<String>> {
        let Some(node) = fields.get(key) else {
            return Vec::new();
        };
        let items: Vec<&Node> = match &node.value {
            Value::Seq(items) => items.iter().collect(),
            _ => vec![node],
        };
        items
            .into_iter()
            .filter_map(|item| match item.scalar_text() {
                Some(s) => Some(At::new(s, item.pos)),
                None => {
                    self.type_error(item, key, "an id or a list of ids");
                    None
                }
            })
            .collect()
    }

    pub fn list<'n>(&mut self, fields: &Fields<'n>, key: &str) -> &'n [Node] {
        match fields.get(key) {
            None => &[],
            Some(Node {
                value: Value::Seq(items),
                ..
            }) => items,
            Some(node) => {
                self.type_error(node, key, "a list");
                &[]
            }
        }
    }

    pub fn confidence(&mut self, fields: &Fields) -> Option<At<u8>> {
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
                            "a fraction"
                        } else {
                            "a percentage"
                        };
                        format!(" (if {text} is {what}, write `confidence: {c}`)")
                    })
                    .unwrap_or_default();
                self.error(
                    node.pos,
                    Rule::ConfidenceRange,
                    format!("`confidence` is {text}; it must be a whole number from 0 to 10{hint}"),
                );
                None
            }
            Value::Str(ref text) => {
                let meant = hints::confidence_text(text);
                let hint = meant
                    .map(|c| format!(": write `confidence: {c}`"))
                    .unwrap_or_default();
                self.error(
                    node.pos,
                    Rule::Type,
                    format!(
                        "`confidence` must be a whole number from 0 to 10, not text ('{text}'){hint}"
                    ),
                );
                None
            }
            _ => {
                self.type_error(node, "confidence", "a whole number from 0 to 10");
                None
            }
        }
    }

    /// An id: text with no `/`, white space or any of `?#%\"<>`.
    pub fn id(&mut self, fields: &Fields, key: &str) -> Option<At<String>> {
        let id = self.text(fields, key)?;
        self.check_id(&id, key).then_some(id)
    }

    pub fn check_id(&mut self, id: &At<String>, key: &str) -> bool {
        if let Some(problem) = id_problem(&id.value) {
            self.error(
                id.pos,
                Rule::InvalidValue,
                format!("`{key}` '{}' {problem}", id.value),
            );
            return false;
        }
        true
    }

    /// Free fields under `extra:`, for templates.
    pub fn extra(&mut self, fields: &Fields) -> serde_json::Value {
        fields.get("extra").map_or(serde_json::Value::Null, to_json)
    }
}

/// What is wrong with an id, if anything.
pub fn id_problem(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        Some("is empty")
    } else if id.starts_with('.') {
        Some("must not start with `.`")
    } else if id.contains('/') {
        Some("must not contain `/`")
    } else if id.chars().any(char::is_whitespace) {
        Some("must not contain white space")
    } else if id.chars().any(|c| "?#%\\\"<>".contains(c)) {
        Some("must not contain any of ? # % \\ \" < >")
    } else {
        None
    }
}

pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    // Exactly YYYY-MM-DD: chrono alone would accept 2024-5-1.
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// A date with an optional time of day after `T` or one space.
pub fn parse_date_time(text: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
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
fn date_message(key: &str, text: &str, or_time: &str) -> String {
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
            format!("`{key}`: {day} is not a day: {why}")
        }
        DateProblem::NotADay(why) => {
            format!("`{key}`: {day} (in '{text}') is not a day: {why}")
        }
        DateProblem::Form(exact) => {
            let write = exact
                .map(|d| format!(": write `{key}: {d}{time}`"))
                .unwrap_or_default();
            format!(
                "`{key}` is '{text}', which is not a date of the form YYYY-MM-DD{or_time}{write}"
            )
        }
    }
}

/// The known name closest to `word`, if one is close enough to be a typo.
pub fn did_you_mean<'k>(word: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    let limit = (word.chars().count() / 3).max(1);
    known
        .into_iter()
        .map(|k| (strsim::damerau_levenshtein(word, k), k))
        .filter(|(d, k)| *d <= limit.max(k.chars().count() / 3) && *d > 0)
        .min()
        .map(|(_, k)| k)
}

fn to_json(node: &Node) -> serde_json::Value {
    use serde_json::Value as J;
    match &node.value {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(i) => J::from(*i),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        Value::Str(s) => J::String(s.clone()),
        Value::Seq(items) => J::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => J::Object(
            entries
                .iter()
                .map(|(k, v)| (k.scalar_text().unwrap_or_default(), to_json(v)))
                .collect(),
        ),
    }
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
}
