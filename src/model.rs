//! The types every stage shares: what a site's files say (after loading) and the
//! site they describe once ids are resolved to indices (after validation).

use chrono::{NaiveDate, NaiveTime};
use std::collections::BTreeMap;
use std::sync::Arc;

pub(crate) use crate::rule::Rule;
pub(crate) use crate::yaml::Pos;

/// A value and the position it was written at, so a later stage can point at it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct At<T> {
    pub(crate) value: T,
    pub(crate) pos: Pos,
}

impl<T> At<T> {
    pub(crate) fn new(value: T, pos: Pos) -> Self {
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
    pub(crate) fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::ZhCn => "zh-CN",
        }
    }
}

/// okrs.yaml
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub(crate) title: String,
    pub(crate) language: Language,
    pub(crate) description: Option<String>,
    pub(crate) base_url: Option<String>,
    pub(crate) theme: Option<At<String>>,
    pub(crate) as_of: Option<NaiveDate>,
    pub(crate) pace_tolerance: f64,
    pub(crate) periods: Vec<At<Period>>,
    pub(crate) lints: BTreeMap<Rule, LintSetting>,
    /// The `extra:` keys objective pages show, in this order (`show_extra:`).
    pub(crate) show_extra: Vec<String>,
    pub(crate) extra: serde_json::Value,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LintLevel {
    Allow,
    Warn,
    Deny,
}

/// A lint's configured level and its parameter (`max`, `days`), where given.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct LintSetting {
    pub(crate) level: Option<LintLevel>,
    pub(crate) param: Option<f64>,
}

/// A period of time, inclusive at both ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Period {
    pub(crate) id: String,
    pub(crate) start: NaiveDate,
    pub(crate) end: NaiveDate,
}

/// org.md
#[derive(Clone, Debug, Default)]
pub(crate) struct Org {
    pub(crate) name: Option<String>,
    pub(crate) mission: Option<String>,
    pub(crate) vision: Option<String>,
    pub(crate) strategies: Vec<Strategy>,
    pub(crate) body: String,
    pub(crate) extra: serde_json::Value,
}

#[derive(Clone, Debug)]
pub(crate) struct Strategy {
    pub(crate) id: At<String>,
    pub(crate) title: String,
    pub(crate) description: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Commitment {
    #[default]
    Aspirational,
    Committed,
}

impl Commitment {
    pub(crate) fn as_str(self) -> &'static str {
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
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Metric::Increase => "increase",
            Metric::Decrease => "decrease",
            Metric::StayAbove => "stay_above",
            Metric::StayBelow => "stay_below",
            Metric::Milestone => "milestone",
        }
    }

    pub(crate) const NAMES: [&'static str; 5] = [
        "increase",
        "decrease",
        "stay_above",
        "stay_below",
        "milestone",
    ];

    pub(crate) fn parse(s: &str) -> Option<Metric> {
        Some(match s {
            "increase" => Metric::Increase,
            "decrease" => Metric::Decrease,
            "stay_above" => Metric::StayAbove,
            "stay_below" => Metric::StayBelow,
            "milestone" => Metric::Milestone,
            _ => return None,
        })
    }

    pub(crate) fn is_numeric(self) -> bool {
        self != Metric::Milestone
    }
}

/// objectives/…/NAME.md
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Objective {
    /// Where its front matter starts: lints about the objective as a whole point here.
    pub(crate) pos: Pos,
    pub(crate) id: At<String>,
    pub(crate) title: String,
    pub(crate) period: At<String>,
    pub(crate) owner: Option<At<String>>,
    pub(crate) team: Option<At<String>>,
    pub(crate) aligns_to: Vec<At<String>>,
    pub(crate) commitment: Commitment,
    pub(crate) weight: f64,
    pub(crate) draft: bool,
    pub(crate) key_results: Vec<KeyResult>,
    /// The objective of an earlier period that this one continues.
    pub(crate) carried_from: Option<At<String>>,
    /// What was learned when the period was graded, in Markdown.
    pub(crate) review: Option<String>,
    /// Lints silenced for this objective and its key results.
    pub(crate) allow: Vec<Rule>,
    pub(crate) extra: serde_json::Value,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct KeyResult {
    /// The id within its objective (`renewal`, or `kr2` by position).
    pub(crate) id: At<String>,
    /// Where the key result starts in the file (its list item).
    pub(crate) pos: Pos,
    pub(crate) title: String,
    pub(crate) owner: Option<At<String>>,
    pub(crate) start: Option<At<f64>>,
    pub(crate) target: Option<At<f64>>,
    pub(crate) unit: Option<String>,
    pub(crate) weight: f64,
    /// The metric as written, if it was.
    pub(crate) metric: Option<At<Metric>>,
    pub(crate) tasks: Vec<Task>,
    pub(crate) checkins: Vec<Update>,
    /// A grade given by hand, 0 to 1, for a key result of a closed period.
    pub(crate) grade: Option<At<f64>>,
    pub(crate) extra: serde_json::Value,
}

impl Objective {
    /// Whether `other` differs from it only in its prose: its title and review, its key
    /// results' titles and units, and the `extra:` keys. Validation and compute read none
    /// of these (lints and pages do), so such an edit leaves every id, reference, check-in
    /// and figure of the site as it was (`okrs serve` then only lints and renders again).
    pub(crate) fn same_but_prose(&self, other: &Objective) -> bool {
        self.without_prose() == other.without_prose()
    }

    /// Whether `other` differs from it only in its prose and its measures: its weight, its
    /// key results' starts, targets, weights, tasks and hand grades, each key result's
    /// metric in force staying the same. Validation reads none of these but to say that a
    /// target equals its start; compute reads them for this objective's figures and for
    /// those it rolls up into, never for another's check-ins.
    pub(crate) fn same_but_measures(&self, other: &Objective) -> bool {
        let metrics = |o: &Objective| -> Vec<Metric> {
            o.key_results
                .iter()
                .map(KeyResult::effective_metric)
                .collect()
        };
        metrics(self) == metrics(other) && self.without_measures() == other.without_measures()
    }

    fn without_measures(&self) -> Objective {
        let mut bare = self.without_prose();
        bare.weight = 0.0;
        for kr in &mut bare.key_results {
            kr.start = None;
            kr.target = None;
            kr.weight = 0.0;
            kr.tasks.clear();
            kr.grade = None;
        }
        bare
    }

    fn without_prose(&self) -> Objective {
        let mut bare = self.clone();
        bare.title.clear();
        bare.review = None;
        bare.extra = serde_json::Value::Null;
        for kr in &mut bare.key_results {
            kr.title.clear();
            kr.unit = None;
            kr.extra = serde_json::Value::Null;
        }
        bare
    }
}

impl KeyResult {
    /// The metric in force: as written, else increase or decrease from start and target,
    /// else (no target) a milestone.
    pub(crate) fn effective_metric(&self) -> Metric {
        if let Some(m) = &self.metric {
            return m.value;
        }
        match &self.target {
            Some(target) if target.value < self.start_value() => Metric::Decrease,
            Some(_) => Metric::Increase,
            None => Metric::Milestone,
        }
    }

    pub(crate) fn start_value(&self) -> f64 {
        self.start.as_ref().map_or(0.0, |s| s.value)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Task {
    pub(crate) title: String,
    pub(crate) done: bool,
}

/// One update to one key result: from a check-in file or written inline under the key result.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Update {
    /// The key result's full id as written (`obj/kr`); empty for inline check-ins.
    pub(crate) kr: At<String>,
    pub(crate) date: At<NaiveDate>,
    /// The local time of day written after the date, if any.
    pub(crate) time: Option<NaiveTime>,
    pub(crate) value: Option<At<f64>>,
    pub(crate) done: Option<At<bool>>,
    pub(crate) confidence: Option<At<u8>>,
    pub(crate) note: Option<String>,
    pub(crate) author: Option<String>,
}

/// checkins/…/NAME.md
#[derive(Clone, Debug)]
pub(crate) struct CheckinFile {
    /// Its updates, each with the file's date, time and author.
    pub(crate) updates: Vec<Update>,
}

/// teams/…/NAME.md
#[derive(Clone, Debug)]
pub(crate) struct Team {
    pub(crate) id: At<String>,
    pub(crate) name: String,
    pub(crate) parent: Option<At<String>>,
    pub(crate) lead: Option<At<String>>,
    pub(crate) extra: serde_json::Value,
}

/// people/…/NAME.md
#[derive(Clone, Debug)]
pub(crate) struct Person {
    pub(crate) id: At<String>,
    pub(crate) name: String,
    pub(crate) team: Option<At<String>>,
    pub(crate) extra: serde_json::Value,
}

/// pages/…/NAME.md
#[derive(Clone, Debug)]
pub(crate) struct Page {
    pub(crate) title: String,
    /// The page's path under `pages/`, from its file path (`how-we-okr`, `guides/intro`).
    pub(crate) slug: String,
    pub(crate) extra: serde_json::Value,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Kind {
    Org,
    Objective,
    Checkin,
    Team,
    Person,
    Page,
}

impl Kind {
    pub(crate) fn parse(s: &str) -> Option<Kind> {
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

    pub(crate) const NAMES: [&'static str; 6] =
        ["objective", "checkin", "team", "person", "page", "org"];

    /// The top-level folders of content, each with the kind of the files in it.
    pub(crate) const FOLDERS: [(&'static str, Kind); 5] = [
        ("objectives", Kind::Objective),
        ("checkins", Kind::Checkin),
        ("teams", Kind::Team),
        ("people", Kind::Person),
        ("pages", Kind::Page),
    ];

    /// The kind of the files in a top-level folder of the site.
    pub(crate) fn from_folder(folder: &str) -> Option<Kind> {
        Kind::FOLDERS
            .iter()
            .find(|(name, _)| *name == folder)
            .map(|(_, kind)| *kind)
    }
}

#[derive(Clone, Debug)]
pub(crate) enum Content {
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
    pub(crate) path: String,
    pub(crate) content: Content,
    /// The Markdown after the front matter (shared as the notes of a check-in file's updates).
    pub(crate) body: Arc<str>,
}

/// A person or team: one a file defines, or one only named by an `owner` or `team`.
#[derive(Clone, Debug)]
pub(crate) struct Party {
    pub(crate) id: String,
    pub(crate) name: String,
    /// The document that defines it, if a file does.
    pub(crate) document: Option<usize>,
    /// For teams, the parent team; for people, their team.
    pub(crate) team: Option<usize>,
    /// For teams, the lead.
    pub(crate) lead: Option<usize>,
}

/// A check-in update attached to its key result.
#[derive(Clone, Debug)]
pub(crate) struct Checkin {
    pub(crate) date: NaiveDate,
    /// The time of day, if the check-in gave one; a date alone is the start of its day.
    pub(crate) time: Option<NaiveTime>,
    pub(crate) value: Option<f64>,
    pub(crate) done: Option<bool>,
    pub(crate) confidence: Option<u8>,
    pub(crate) author: Option<String>,
    /// The file it was written in (shared by its updates).
    pub(crate) source: Arc<str>,
    /// The Markdown notes: the check-in file's body (shared with its document),
    /// or an inline check-in's `note`.
    pub(crate) note: Arc<str>,
    /// The document it came from (a check-in file or, inline, the objective's file).
    pub(crate) document: usize,
}

#[derive(Clone, Debug)]
pub(crate) struct ResolvedKeyResult {
    /// Its index in the objective's written `key_results` (duplicates are dropped here).
    pub(crate) written: usize,
    pub(crate) full_id: String,
    pub(crate) metric: Metric,
    pub(crate) owner: Option<usize>,
    /// Every check-in, in the order of docs/format.md#which-check-in-counts (date, then inline before files, then path,
    /// then as written): dated after the as-of date included; compute filters them.
    pub(crate) checkins: Vec<Checkin>,
}

#[derive(Clone, Debug)]
pub(crate) struct ResolvedObjective {
    pub(crate) document: usize,
    /// The objective as written, shared with its document.
    pub(crate) data: std::sync::Arc<Objective>,
    pub(crate) period: usize,
    pub(crate) owner: Option<usize>,
    pub(crate) team: Option<usize>,
    /// Objectives it aligns to.
    pub(crate) parents: Vec<usize>,
    /// Strategy ids it aligns to.
    pub(crate) strategies: Vec<String>,
    /// Objectives aligned to it, by id.
    pub(crate) children: Vec<usize>,
    /// The objective it continues (`carried_from`).
    pub(crate) carried_from: Option<usize>,
    /// The objectives that continue it, by id.
    pub(crate) carried_to: Vec<usize>,
    pub(crate) key_results: Vec<ResolvedKeyResult>,
}

/// One key result of an objective: as written, and as validation resolved it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct KeyResultRef<'a> {
    pub(crate) written: &'a KeyResult,
    pub(crate) resolved: &'a ResolvedKeyResult,
}

impl ResolvedObjective {
    /// Its `k`-th key result: `key_results[k]` with the written form it came from.
    pub(crate) fn key_result(&self, k: usize) -> KeyResultRef<'_> {
        let resolved = &self.key_results[k];
        KeyResultRef {
            written: &self.data.key_results[resolved.written],
            resolved,
        }
    }

    /// Its key results in order, each with its written form.
    pub(crate) fn each_key_result(&self) -> impl ExactSizeIterator<Item = KeyResultRef<'_>> {
        (0..self.key_results.len()).map(|k| self.key_result(k))
    }
}

/// The whole site, with every id resolved to an index. Lists are sorted as okrs.json wants.
/// Templates and static files from the site and its theme (the built-in ones are in the binary).
#[derive(Clone, Debug, Default)]
pub(crate) struct ThemeFiles {
    /// Template name → (the file it came from, relative to the site root; its text).
    /// The site's `templates/` win over the theme's.
    pub(crate) templates: BTreeMap<String, (String, String)>,
    /// Output path → bytes: the theme's `static/`, then the site's `static/` over it.
    pub(crate) static_files: BTreeMap<String, Vec<u8>>,
}

#[derive(Clone, Debug, Default)]
pub struct Site {
    pub config: Config,
    pub(crate) theme: ThemeFiles,
    /// Shared with the loader's cache, so `okrs serve` does not copy every file per rebuild.
    pub(crate) documents: Vec<std::sync::Arc<Document>>,
    pub(crate) org: Option<usize>,
    pub(crate) periods: Vec<Period>,
    /// Sorted by id. Each is shared, so that a site changed in one objective
    /// (`validate::with_local_edits`) shares the others.
    pub(crate) objectives: Vec<Arc<ResolvedObjective>>,
    /// Sorted by id.
    pub(crate) teams: Vec<Party>,
    /// Sorted by id.
    pub(crate) people: Vec<Party>,
    /// Check-in files, sorted by path.
    pub(crate) checkin_files: Vec<usize>,
    /// Pages, sorted by slug.
    pub(crate) pages: Vec<usize>,
    /// Whether the site has a `people/` or `teams/` folder (unknown-person/-team lints).
    pub(crate) has_people_folder: bool,
    pub(crate) has_teams_folder: bool,
    /// What files with errors left out, so that no lint flags its absence.
    pub(crate) unread: Unread,
}

/// What files with errors left out of the site, for the lints (docs/checks.md#one-mistake-one-error: one mistake
/// gives one error): nothing is flagged for the lack of what a broken file would give.
#[derive(Clone, Debug, Default)]
pub(crate) struct Unread {
    /// okrs.yaml could not be read, so no lint has a known level: none is reported.
    pub(crate) lint_settings: bool,
    /// Files read with errors: they get no lints until they read cleanly.
    pub(crate) files: std::collections::HashSet<String>,
    /// Key results (full ids, as check-ins name them) that lost check-ins to errors.
    pub(crate) checkins_of: std::collections::HashSet<String>,
    /// Objectives and strategies that an objective which could not be read aligns to.
    pub(crate) parents: std::collections::HashSet<String>,
    /// Ids and names of the teams and people whose files could not be read.
    pub(crate) teams: std::collections::HashSet<String>,
    pub(crate) people: std::collections::HashSet<String>,
}

impl Site {
    pub(crate) fn objective(&self, index: usize) -> &Objective {
        &self.objectives[index].data
    }

    /// The resolved objective at `index`, to change: copied first if another site shares it.
    pub(crate) fn objective_mut(&mut self, index: usize) -> &mut ResolvedObjective {
        Arc::make_mut(&mut self.objectives[index])
    }

    pub(crate) fn org(&self) -> Option<&Org> {
        self.org.and_then(|i| match &self.documents[i].content {
            Content::Org(o) => Some(o),
            _ => None,
        })
    }
}

/// A slug of a name for a page path: Chinese and other letters kept, ASCII lower-cased,
/// white space, slashes and characters unsafe in a URL replaced by `-`.
pub(crate) fn slug(text: &str) -> String {
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
