//! Reads a YAML tree into the model's types, one kind at a time, reporting every wrong
//! type, unknown key and missing field with the position it was written at.

use chrono::{NaiveDate, NaiveTime};

use crate::diagnostics::Diagnostic;
use crate::model::*;
use crate::yaml::{Node, Value};

/// Turns YAML nodes into model values for one file, collecting its diagnostics.
/// Positions in the tree are already positions in the file.
pub struct Reader<'a> {
    pub file: &'a str,
    pub diagnostics: Vec<Diagnostic>,
}

/// The entries of one mapping whose keys have been checked against the known ones.
pub struct Fields<'n> {
    entries: &'n [(Node, Node)],
    pub pos: Pos,
}

impl<'n> Fields<'n> {
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
            .map(|(_, v)| v)
            .filter(|v| v.value != Value::Null)
    }

    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

impl<'a> Reader<'a> {
    pub fn new(file: &'a str) -> Self {
        Reader {
            file,
            diagnostics: Vec::new(),
        }
    }

    pub fn error(&mut self, pos: Pos, rule: Rule, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::error(self.file, pos, rule, message));
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
        for (key, _) in entries {
            match &key.value {
                Value::Str(name) if known.contains(&name.as_str()) => {}
                _ => {
                    let name = key.scalar_text().unwrap_or_else(|| "?".into());
                    let hint = did_you_mean(&name, known.iter().copied())
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
                }
            }
        }
        Some(Fields {
            entries,
            pos: node.pos,
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

    pub fn number(&mut self, fields: &Fields, key: &str) -> Option<At<f64>> {
        let node = fields.get(key)?;
        match node.as_f64() {
            Some(n) => Some(At::new(n, node.pos)),
            None => {
                self.type_error(node, key, "a number");
                None
            }
        }
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
                self.error(
                    node.pos,
                    Rule::InvalidValue,
                    format!("`{key}` is '{text}', which is not a date of the form YYYY-MM-DD"),
                );
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
                self.error(
                    node.pos,
                    Rule::InvalidValue,
                    format!(
                        "`{key}` is '{text}', which is not a date of the form YYYY-MM-DD (or YYYY-MM-DD HH:MM)"
                    ),
                );
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
                self.error(
                    node.pos,
                    Rule::ConfidenceRange,
                    format!("`confidence` is {text}; it must be a whole number from 0 to 10"),
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
