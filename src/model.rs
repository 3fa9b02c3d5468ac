//! The types every stage shares: what a site's files say (after loading) and the
//! site they describe once ids are resolved to indices (after validation).

use chrono::{NaiveDate, NaiveTime};
use std::collections::BTreeMap;
use std::sync::Arc;

pub use crate::rule::Rule;
pub use crate::yaml::Pos;

/// A value and the position it was written at, so a later stage can point at it.
#[derive(Clone, Debug, PartialEq)]
pub struct At<T> {
    pub value: T,
    pub pos: Pos,
}

impl<T> At<T> {
    pub fn new(value: T, pos: Pos) -> Self {
        At { value, pos }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    En,
    ZhCn,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::ZhCn => "zh-CN",
        }
    }
}

/// okrs.yaml
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub title: String,
    pub language: Language,
    pub description: Option<String>,
    pub base_url: Option<String>,
    pub theme: Option<At<String>>,
    pub as_of: Option<NaiveDate>,
    pub pace_tolerance: f64,
    pub periods: Vec<At<Period>>,
    pub lints: BTreeMap<Rule, LintSetting>,
    /// The `extra:` keys objective pages show, in this order (`show_extra:`).
    pub show_extra: Vec<String>,
    pub extra: serde_json::Value,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LintLevel {
    Allow,
    Warn,
    Deny,
}

/// A lint's configured level and its parameter (`max`, `days`), where given.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LintSetting {
    pub level: Option<LintLevel>,
    pub param: Option<f64>,
}

/// A period of time, inclusive at both ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    pub id: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// org.md
#[derive(Clone, Debug, Default)]
pub struct Org {
    pub name: Option<String>,
    pub mission: Option<String>,
    pub vision: Option<String>,
    pub strategies: Vec<Strategy>,
    pub body: String,
    pub extra: serde_json::Value,
}

#[derive(Clone, Debug)]
pub struct Strategy {
    pub id: At<String>,
    pub title: String,
    pub description: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Commitment {
    #[default]
    Aspirational,
    Committed,
}

impl Commitment {
    pub fn as_str(self) -> &'static str {
        match self {
            Commitment::Aspirational => "aspirational",
            Commitment::Committed => "committed",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    Increase,
    Decrease,
    StayAbove,
    StayBelow,
    Milestone,
}

impl Metric {
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Increase => "increase",
            Metric::Decrease => "decrease",
            Metric::StayAbove => "stay_above",
            Metric::StayBelow => "stay_below",
            Metric::Milestone => "milestone",
        }
    }

    pub const NAMES: [&'static str; 5] = [
        "increase",
        "decrease",
        "stay_above",
        "stay_below",
        "milestone",
    ];

    pub fn parse(s: &str) -> Option<Metric> {
        Some(match s {
            "increase" => Metric::Increase,
            "decrease" => Metric::Decrease,
            "stay_above" => Metric::StayAbove,
            "stay_below" => Metric::StayBelow,
            "milestone" => Metric::Milestone,
            _ => return None,
        })
    }

    pub fn is_numeric(self) -> bool {
        self != Metric::Milestone
    }
}

/// objectives/…/NAME.md
#[derive(Clone, Debug)]
pub struct Objective {
    /// Where its front matter starts: lints about the objective as a whole point here.
    pub pos: Pos,
    pub id: At<String>,
    pub title: String,
    pub period: At<String>,
    pub owner: Option<At<String>>,
    pub team: Option<At<String>>,
    pub aligns_to: Vec<At<String>>,
    pub commitment: Commitment,
    pub weight: f64,
    pub draft: bool,
    pub key_results: Vec<KeyResult>,
    /// The objective of an earlier period that this one continues.
    pub carried_from: Option<At<String>>,
    /// What was learned when the period was graded, in Markdown.
    pub review: Option<String>,
    /// Lints silenced for this objective and its key results.
    pub allow: Vec<Rule>,
    pub extra: serde_json::Value,
}

#[derive(Clone, Debug)]
pub struct KeyResult {
    /// The id within its objective (`renewal`, or `kr2` by position).
    pub id: At<String>,
    /// Where the key result starts in the file (its list item).
    pub pos: Pos,
    pub title: String,
    pub owner: Option<At<String>>,
    pub start: Option<At<f64>>,
    pub target: Option<At<f64>>,
    pub unit: Option<String>,
    pub weight: f64,
    /// The metric as written, if it was.
    pub metric: Option<At<Metric>>,
    pub tasks: Vec<Task>,
    pub checkins: Vec<Update>,
    /// A grade given by hand, 0 to 1, for a key result of a closed period.
    pub grade: Option<At<f64>>,
    pub extra: serde_json::Value,
}

impl KeyResult {
    /// The metric in force: as written, else increase or decrease from start and target,
    /// else (no target) a milestone.
    pub fn effective_metric(&self) -> Metric {
        if let Some(m) = &self.metric {
            return m.value;
        }
        match &self.target {
            Some(target) if target.value < self.start_value() => Metric::Decrease,
            Some(_) => Metric::Increase,
            None => Metric::Milestone,
        }
    }

    pub fn start_value(&self) -> f64 {
        self.start.as_ref().map_or(0.0, |s| s.value)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Task {
    pub title: String,
    pub done: bool,
}

/// One update to one key result: from a check-in file or written inline under the key result.
#[derive(Clone, Debug)]
pub struct Update {
    /// The key result's full id as written (`obj/kr`); empty for inline check-ins.
    pub kr: At<String>,
    pub date: At<NaiveDate>,
    /// The local time of day written after the date, if any.
    pub time: Option<NaiveTime>,
    pub value: Option<At<f64>>,
    pub done: Option<At<bool>>,
    pub confidence: Option<At<u8>>,
    pub note: Option<String>,
    pub author: Option<String>,
    /// Where the update was written, for error messages.
    pub pos: Pos,
}

/// checkins/…/NAME.md
#[derive(Clone, Debug)]
pub struct CheckinFile {
    pub date: At<NaiveDate>,
    pub time: Option<NaiveTime>,
    pub author: Option<At<String>>,
    pub updates: Vec<Update>,
    pub extra: serde_json::Value,
}

/// teams/…/NAME.md
#[derive(Clone, Debug)]
pub struct Team {
    pub id: At<String>,
    pub name: String,
    pub parent: Option<At<String>>,
    pub lead: Option<At<String>>,
    pub extra: serde_json::Value,
}

/// people/…/NAME.md
#[derive(Clone, Debug)]
pub struct Person {
    pub id: At<String>,
    pub name: String,
    pub team: Option<At<String>>,
    pub extra: serde_json::Value,
}

/// pages/…/NAME.md
#[derive(Clone, Debug)]
pub struct Page {
    pub title: String,
    /// The page's path under `pages/`, from its file path (`how-we-okr`, `guides/intro`).
    pub slug: String,
    pub extra: serde_json::Value,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Org,
    Objective,
    Checkin,
    Team,
    Person,
    Page,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "org" => Kind::Org,
            "objective" => Kind::Objective,
            "checkin" => Kind::Checkin,
            "team" => Kind::Team,
            "person" => Kind::Person,
            "page" => Kind::Page,
            _ => return None,
        })
    }

    pub const NAMES: [&'static str; 6] = ["objective", "checkin", "team", "person", "page", "org"];

    /// The top-level folders of content, each with the kind of the files in it.
    pub const FOLDERS: [(&'static str, Kind); 5] = [
        ("objectives", Kind::Objective),
        ("checkins", Kind::Checkin),
        ("teams", Kind::Team),
        ("people", Kind::Person),
        ("pages", Kind::Page),
    ];

    /// The kind of the files in a top-level folder of the site.
    pub fn from_folder(folder: &str) -> Option<Kind> {
        Kind::FOLDERS
            .iter()
            .find(|(name, _)| *name == folder)
            .map(|(_, kind)| *kind)
    }
}

#[derive(Clone, Debug)]
pub enum Content {
    Org(Org),
    /// Shared with the resolved objective, so validation does not copy it.
    Objective(std::sync::Arc<Objective>),
    Checkin(CheckinFile),
    Team(Team),
    Person(Person),
    Page(Page),
}

/// One Markdown file of the site, parsed on its own.
#[derive(Clone, Debug)]
pub struct Document {
    /// Relative to the site root, `/`-separated.
    pub path: String,
    pub content: Content,
    /// The Markdown after the front matter (shared as the notes of a check-in file's updates).
    pub body: Arc<str>,
}

/// A person or team: one a file defines, or one only named by an `owner` or `team`.
#[derive(Clone, Debug)]
pub struct Party {
    pub id: String,
    pub name: String,
    /// The document that defines it, if a file does.
    pub document: Option<usize>,
    /// For teams, the parent team; for people, their team.
    pub team: Option<usize>,
    /// For teams, the lead.
    pub lead: Option<usize>,
}

/// A check-in update attached to its key result.
#[derive(Clone, Debug)]
pub struct Checkin {
    pub date: NaiveDate,
    /// The time of day, if the check-in gave one; a date alone is the start of its day.
    pub time: Option<NaiveTime>,
    pub value: Option<f64>,
    pub done: Option<bool>,
    pub confidence: Option<u8>,
    pub author: Option<String>,
    /// The file it was written in.
    pub source: String,
    /// The Markdown notes: the check-in file's body (shared with its document),
    /// or an inline check-in's `note`.
    pub note: Arc<str>,
    /// The document it came from (a check-in file or, inline, the objective's file).
    pub document: usize,
}

#[derive(Clone, Debug)]
pub struct ResolvedKeyResult {
    /// Its index in the objective's written `key_results` (duplicates are dropped here).
    pub written: usize,
    pub full_id: String,
    pub metric: Metric,
    pub owner: Option<usize>,
    /// Every check-in, in the order of docs/format.md#which-check-in-counts (date, then inline before files, then path,
    /// then as written): dated after the as-of date included; compute filters them.
    pub checkins: Vec<Checkin>,
}

#[derive(Clone, Debug)]
pub struct ResolvedObjective {
    pub document: usize,
    /// The objective as written, shared with its document.
    pub data: std::sync::Arc<Objective>,
    pub period: usize,
    pub owner: Option<usize>,
    pub team: Option<usize>,
    /// Objectives it aligns to.
    pub parents: Vec<usize>,
    /// Strategy ids it aligns to.
    pub strategies: Vec<String>,
    /// Objectives aligned to it, by id.
    pub children: Vec<usize>,
    /// The objective it continues (`carried_from`).
    pub carried_from: Option<usize>,
    /// The objectives that continue it, by id.
    pub carried_to: Vec<usize>,
    pub key_results: Vec<ResolvedKeyResult>,
}

/// One key result of an objective: as written, and as validation resolved it.
#[derive(Clone, Copy, Debug)]
pub struct KeyResultRef<'a> {
    pub written: &'a KeyResult,
    pub resolved: &'a ResolvedKeyResult,
}

impl ResolvedObjective {
    /// Its `k`-th key result: `key_results[k]` with the written form it came from.
    pub fn key_result(&self, k: usize) -> KeyResultRef<'_> {
        let resolved = &self.key_results[k];
        KeyResultRef {
            written: &self.data.key_results[resolved.written],
            resolved,
        }
    }

    /// Its key results in order, each with its written form.
    pub fn each_key_result(&self) -> impl ExactSizeIterator<Item = KeyResultRef<'_>> {
        (0..self.key_results.len()).map(|k| self.key_result(k))
    }
}

/// The whole site, with every id resolved to an index. Lists are sorted as okrs.json wants.
/// Templates and static files from the site and its theme (the built-in ones are in the binary).
#[derive(Clone, Debug, Default)]
pub struct ThemeFiles {
    /// Template name → (the file it came from, relative to the site root; its text).
    /// The site's `templates/` win over the theme's.
    pub templates: BTreeMap<String, (String, String)>,
    /// Output path → bytes: the theme's `static/`, then the site's `static/` over it.
    pub static_files: BTreeMap<String, Vec<u8>>,
    /// Whether the site chose a theme of its own (else the built-in default).
    pub custom_theme: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Site {
    pub config: Config,
    pub theme: ThemeFiles,
    /// Shared with the loader's cache, so `okrs serve` does not copy every file per rebuild.
    pub documents: Vec<std::sync::Arc<Document>>,
    pub org: Option<usize>,
    pub periods: Vec<Period>,
    /// Sorted by id.
    pub objectives: Vec<ResolvedObjective>,
    /// Sorted by id.
    pub teams: Vec<Party>,
    /// Sorted by id.
    pub people: Vec<Party>,
    /// Check-in files, sorted by path.
    pub checkin_files: Vec<usize>,
    /// Pages, sorted by slug.
    pub pages: Vec<usize>,
    /// Whether the site has a `people/` or `teams/` folder (unknown-person/-team lints).
    pub has_people_folder: bool,
    pub has_teams_folder: bool,
    /// What files with errors left out, so that no lint flags its absence.
    pub unread: Unread,
}

/// What files with errors left out of the site, for the lints (docs/checks.md#one-mistake-one-error: one mistake
/// gives one error): nothing is flagged for the lack of what a broken file would give.
#[derive(Clone, Debug, Default)]
pub struct Unread {
    /// okrs.yaml could not be read, so no lint has a known level: none is reported.
    pub lint_settings: bool,
    /// Files read with errors: they get no lints until they read cleanly.
    pub files: std::collections::HashSet<String>,
    /// Key results (full ids, as check-ins name them) that lost check-ins to errors.
    pub checkins_of: std::collections::HashSet<String>,
    /// Objectives and strategies that an objective which could not be read aligns to.
    pub parents: std::collections::HashSet<String>,
    /// Ids and names of the teams and people whose files could not be read.
    pub teams: std::collections::HashSet<String>,
    pub people: std::collections::HashSet<String>,
}

impl Site {
    pub fn objective(&self, index: usize) -> &Objective {
        &self.objectives[index].data
    }

    pub fn org(&self) -> Option<&Org> {
        self.org.and_then(|i| match &self.documents[i].content {
            Content::Org(o) => Some(o),
            _ => None,
        })
    }
}

/// A slug of a name for a page path: Chinese and other letters kept, ASCII lower-cased,
/// white space, slashes and characters unsafe in a URL replaced by `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '_' || c == '.' {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() || trimmed.chars().all(|c| c == '.') {
        "_".to_owned()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_chinese_and_replace_unsafe_characters() {
        assert_eq!(slug("Li Si"), "li-si");
        assert_eq!(slug("李四"), "李四");
        assert_eq!(slug("R&D / Ops"), "r-d-ops");
        assert_eq!(slug("  "), "_");
    }
}
