//! Stage 2: checks what no single file can — unique ids, references between files,
//! alignment cycles, check-ins that fit their key result — and resolves every id to an
//! index, giving the `Site` that later stages read.

use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, Severity};
use crate::load::{Gap, Loaded, Missing, hints, schema::did_you_mean};
use crate::message::{Arg, Entry, Message, common};
use crate::model::*;
use crate::msg;
use crate::period;

pub(crate) mod messages;
use messages::*;

/// Builds the site from what was loaded; returns it with every problem found, those of
/// loading included. A reference to what a file with errors would have defined is not
/// reported: that file's error says how many such references were not checked.
pub fn validate(mut loaded: Loaded) -> (Site, Vec<Diagnostic>) {
    let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
    let mut faulty: HashMap<String, HashSet<Pos>> = HashMap::new();
    for d in diagnostics.iter().filter(|d| d.is_error()) {
        let pos = Pos {
            line: d.line,
            column: d.column,
        };
        faulty.entry(d.file.clone()).or_default().insert(pos);
    }
    let mut v = Validator {
        diagnostics: Vec::new(),
        gaps: Gaps::new(std::mem::take(&mut loaded.gaps)),
        rejected: Vec::new(),
        faulty,
    };
    diagnostics.extend(tidy(&mut loaded.documents));
    let mut site = v.build(loaded);
    site.unread = v.gaps.unread();
    site.unread.checkins_of.extend(v.rejected);
    v.gaps.amend(&mut diagnostics);
    diagnostics.append(&mut v.diagnostics);
    (site, diagnostics)
}

/// The site `previous` was, after `edits` (`FileCache::local_edits`), each parsed again
/// from a file `previous` has: objective files changed only in their prose and measures
/// (`Objective::same_but_measures`), and check-in files read without a word before and
/// after; with the objectives whose check-ins or measures changed. Only those documents,
/// objectives and key results are replaced; every other objective is shared with
/// `previous`. None when a check-in file would not go wholly to key results as they
/// stand, or when tidying it has something to say, or when a target equals its start in
/// an objective whose measures changed: validation has words for it, and only `validate`
/// says them.
pub(crate) fn with_local_edits(
    previous: &Site,
    edits: &[Arc<Document>],
) -> Option<(Site, Vec<usize>)> {
    let mut site = previous.clone();
    let mut moved: Vec<(usize, usize)> = Vec::new();
    let mut remeasured: Vec<usize> = Vec::new();
    for edit in edits {
        let doc_index = site.documents.iter().position(|d| d.path == edit.path)?;
        // Tidied as `validate` tidies it.
        let mut document = [Arc::clone(edit)];
        let words = tidy(&mut document);
        let [document] = document;
        match &document.content {
            Content::Objective(data) => {
                let Content::Objective(old) = &site.documents[doc_index].content else {
                    return None;
                };
                // Its warnings are those it had: its references are as they were, and no
                // target equals its start, before or after.
                let measures = !old.same_but_prose(data);
                let equal =
                    |o: &Objective| o.key_results.iter().any(|k| target_at_start(k).is_some());
                if measures && (equal(old) || equal(data)) {
                    return None;
                }
                for o in 0..site.objectives.len() {
                    if site.objectives[o].document == doc_index {
                        site.objective_mut(o).data = Arc::clone(data);
                        remeasured.extend(measures.then_some(o));
                    }
                }
                site.documents[doc_index] = document;
            }
            Content::Checkin(_) if words.is_empty() => {
                moved.extend(replace_checkins(&mut site, doc_index, document)?);
            }
            _ => return None,
        }
    }
    moved.sort_unstable();
    moved.dedup();
    for &(o, k) in &moved {
        let objective = site.objective_mut(o);
        let own = objective.document;
        objective.key_results[k]
            .checkins
            .sort_by_key(|c| checkin_order(c, own));
    }
    let mut changed: Vec<usize> = moved.into_iter().map(|(o, _)| o).collect();
    changed.extend(remeasured);
    changed.sort_unstable();
    changed.dedup();
    Some((site, changed))
}

/// Puts the check-in file `document` in the place of the one at `doc_index`: its check-ins
/// leave their key results, and the new file's go to theirs (unsorted). Returns the key
/// results changed; None when an update of the new file would not go to a key result.
fn replace_checkins(
    site: &mut Site,
    doc_index: usize,
    document: Arc<Document>,
) -> Option<Vec<(usize, usize)>> {
    let (Content::Checkin(old), Content::Checkin(new)) =
        (&site.documents[doc_index].content, &document.content)
    else {
        return None;
    };
    let mut moved: Vec<(usize, usize)> = old
        .updates
        .iter()
        .filter_map(|u| find_kr(&site.objectives, &u.kr.value))
        .collect();
    site.documents[doc_index] = Arc::clone(&document);
    let quiet = Validator::default();
    let mut attached = Vec::with_capacity(new.updates.len());
    for attach in quiet.match_updates(site, doc_index, new) {
        match attach {
            Attach::To(o, k, checkin) => attached.push((o, k, checkin)),
            _ => return None,
        }
    }
    for &(o, k) in &moved {
        let checkins = &mut site.objective_mut(o).key_results[k].checkins;
        checkins.retain(|c| c.document != doc_index);
    }
    for (o, k, checkin) in attached {
        site.objective_mut(o).key_results[k].checkins.push(checkin);
        moved.push((o, k));
    }
    Some(moved)
}

/// The objective behind a document's shared `Arc`: read as it is, or copied once to be
/// changed (`mut`).
macro_rules! objective_of {
    ($o:ident) => {
        &**$o
    };
    ($o:ident, mut) => {
        Arc::make_mut($o)
    };
}

/// Calls `$visit(key, value)` on every name and id of `$content` that refers to something
/// else (owners, teams, parents, leads, `aligns_to`, `carried_from`, check-ins' `kr`,
/// periods), as `&At<String>`, or as `&mut At<String>` when `$mut` is `mut`.
macro_rules! each_reference {
    ($content:expr, $visit:expr $(, $mut:tt)?) => {{
        let mut visit = $visit;
        match $content {
            Content::Objective(o) => {
                let o = objective_of!(o $(, $mut)?);
                visit("period", & $($mut)? o.period);
                let optional = [
                    ("owner", & $($mut)? o.owner),
                    ("team", & $($mut)? o.team),
                    ("carried_from", & $($mut)? o.carried_from),
                ];
                for (key, value) in optional {
                    if let Some(value) = value {
                        visit(key, value);
                    }
                }
                for target in & $($mut)? o.aligns_to {
                    visit("aligns_to", target);
                }
                for kr in & $($mut)? o.key_results {
                    if let Some(owner) = & $($mut)? kr.owner {
                        visit("owner", owner);
                    }
                }
            }
            Content::Checkin(c) => {
                for update in & $($mut)? c.updates {
                    visit("kr", & $($mut)? update.kr);
                }
            }
            Content::Team(t) => {
                let optional = [("parent", & $($mut)? t.parent), ("lead", & $($mut)? t.lead)];
                for (key, value) in optional {
                    if let Some(value) = value {
                        visit(key, value);
                    }
                }
            }
            Content::Person(p) => {
                if let Some(team) = & $($mut)? p.team {
                    visit("team", team);
                }
            }
            Content::Org(_) | Content::Page(_) => {}
        }
    }};
}

/// Trims the white space around every name and id that refers to something else, full-width
/// spaces included, so that `owner: "王强 "` and `owner: 王强　` are the person 王强 and
/// never a second one. Each value trimmed is an `invalid-value` warning at it (the content
/// still builds). Only a document with such a value is copied (documents are shared with
/// `okrs serve`'s cache).
fn tidy(documents: &mut [Arc<Document>]) -> Vec<Diagnostic> {
    let stray = |value: &str| value.trim().len() != value.len() && !value.trim().is_empty();
    let mut warnings = Vec::new();
    for doc in documents {
        let mut needed = false;
        each_reference!(&doc.content, |_, at: &At<String>| {
            needed |= stray(&at.value);
        });
        if !needed {
            continue;
        }
        let doc = Arc::make_mut(doc);
        let path = doc.path.clone();
        each_reference!(
            &mut doc.content,
            |key, at: &mut At<String>| {
                if stray(&at.value) {
                    warnings.push(stray_space(&path, key, at));
                    at.value = at.value.trim().to_owned();
                }
            },
            mut
        );
    }
    warnings
}

/// The warning for a value with white space around it, naming the space and where it is.
fn stray_space(file: &str, key: &str, at: &At<String>) -> Diagnostic {
    let value = at.value.trim();
    let (start, rest) = at
        .value
        .split_at(at.value.len() - at.value.trim_start().len());
    let end = &rest[value.len()..];
    let spaces: String = [start, end].concat();
    let space = if spaces.contains('\u{3000}') {
        &VALIDATE_FULL_WIDTH_SPACE
    } else if spaces.chars().all(|c| c == ' ') {
        &VALIDATE_SPACE
    } else {
        &VALIDATE_WHITE_SPACE
    };
    let side = match (start.is_empty(), end.is_empty()) {
        (false, false) => &VALIDATE_AT_BOTH_ENDS,
        (false, true) => &VALIDATE_AT_START,
        _ => &VALIDATE_AT_END,
    };
    let message = msg!(
        VALIDATE_STRAY_SPACE,
        key = key,
        written = at.value.as_str(),
        space = Message::new(space),
        end = Message::new(side),
        value = value,
    );
    Diagnostic::new(file, at.pos, Severity::Warning, Rule::InvalidValue, message)
}

/// Ids and names as they are compared, without white space around them.
fn trimmed(list: &[String]) -> impl Iterator<Item = String> + '_ {
    list.iter().map(|s| s.trim().to_owned())
}

/// The items joined in one, with `entry` ("{first}, {rest}") between each two; None for
/// none.
fn join(entry: &'static Entry, items: impl DoubleEndedIterator<Item = Arg>) -> Option<Arg> {
    items.rev().reduce(|rest, first| {
        Message::new(entry)
            .arg("first", first)
            .arg("rest", rest)
            .into()
    })
}

/// A list of ids, "a, b, c" / "a、b、c".
fn id_list<'a>(ids: impl IntoIterator<Item = &'a str>) -> Arg {
    let ids: Vec<Arg> = ids.into_iter().map(Arg::from).collect();
    join(&VALIDATE_LIST, ids.into_iter()).unwrap_or_else(|| Arg::from(""))
}

#[derive(Default)]
struct Validator {
    diagnostics: Vec<Diagnostic>,
    gaps: Gaps,
    /// Key results with a check-in set aside (it does not fit, its value was read with an
    /// error, or its `kr:` most likely meant them): no lint says they have none.
    rejected: Vec<String>,
    /// Where loading found errors, by file.
    faulty: HashMap<String, HashSet<Pos>>,
}

/// What one update of a check-in file comes to, found apart from the others
/// (`Validator::match_updates`) and applied in order.
enum Attach {
    /// It names what a file with errors would have defined: counted, not reported.
    Gap(usize),
    /// It names no key result.
    Unknown {
        pos: Pos,
        message: Message,
        /// The key results it most likely meant.
        meant: Vec<String>,
    },
    /// Its key result's measure is unknown (its file has errors): counted.
    Unsure(usize),
    /// Set aside: its value was read with an error (no error of its own), or it does not
    /// fit its key result's metric.
    Rejected {
        full_id: String,
        error: Option<(Pos, Message)>,
    },
    /// Attached to key result `k` of objective `o`.
    To(usize, usize, Checkin),
}

/// The gaps that files with errors leave, by the ids other files may name, and how many
/// references to each were left unchecked for that reason.
#[derive(Default)]
struct Gaps {
    list: Vec<Gap>,
    unchecked: Vec<usize>,
    objectives: HashMap<String, usize>,
    key_result_lists: HashMap<String, usize>,
    key_results: HashMap<String, usize>,
    strategies: HashMap<String, usize>,
    periods: HashMap<String, usize>,
    /// Ids and names of teams and people.
    teams: HashMap<String, usize>,
    people: HashMap<String, usize>,
}

impl Gaps {
    fn new(list: Vec<Gap>) -> Gaps {
        let mut gaps = Gaps {
            unchecked: vec![0; list.len()],
            objectives: HashMap::new(),
            key_result_lists: HashMap::new(),
            key_results: HashMap::new(),
            strategies: HashMap::new(),
            periods: HashMap::new(),
            teams: HashMap::new(),
            people: HashMap::new(),
            list,
        };
        for (i, gap) in gaps.list.iter().enumerate() {
            let (map, ids): (&mut HashMap<String, usize>, Vec<&String>) = match &gap.missing {
                Missing::Objective { id, .. } => (&mut gaps.objectives, vec![id]),
                Missing::KeyResults { objective } => (&mut gaps.key_result_lists, vec![objective]),
                Missing::KeyResult { full_id } => (&mut gaps.key_results, vec![full_id]),
                Missing::Strategies { ids } => (&mut gaps.strategies, ids.iter().collect()),
                Missing::Periods { ids } => (&mut gaps.periods, ids.iter().collect()),
                Missing::Teams { names } => (&mut gaps.teams, names.iter().collect()),
                Missing::People { names } => (&mut gaps.people, names.iter().collect()),
                _ => continue,
            };
            for id in ids {
                map.entry(id.trim().to_owned()).or_insert(i);
            }
        }
        gaps
    }

    /// The gap that explains why an objective or strategy id names nothing.
    fn objective_or_strategy(&self, id: &str) -> Option<usize> {
        self.objectives
            .get(id)
            .or_else(|| self.strategies.get(id))
            .copied()
    }

    /// The gap that explains why a check-in's `kr:` names no key result: its objective,
    /// its list of key results, or that key result could not be read.
    fn key_result(&self, written: &str) -> Option<usize> {
        let objective = written.split_once('/').map_or(written, |(o, _)| o);
        self.objectives
            .get(objective)
            .or_else(|| self.key_results.get(written))
            .or_else(|| self.key_result_lists.get(objective))
            .copied()
    }

    /// A key result read with errors in what check-ins are judged by (metric, start, target).
    fn measure(&self, full_id: &str) -> Option<usize> {
        self.key_results.get(full_id).copied()
    }

    fn period(&self, id: &str) -> Option<usize> {
        self.periods.get(id).copied()
    }

    /// Counts a reference left unchecked because of `gap`, when it comes from another file.
    fn skip(&mut self, gap: usize, from: &str) {
        if self.list[gap].file != from {
            self.unchecked[gap] += 1;
        }
    }

    /// What the lints must not flag for lack of what the gaps leave out.
    fn unread(&self) -> Unread {
        let mut unread = Unread::default();
        for gap in &self.list {
            unread.files.insert(gap.file.clone());
            match &gap.missing {
                Missing::LintSettings => unread.lint_settings = true,
                Missing::Objective { aligns_to, .. } => unread.parents.extend(trimmed(aligns_to)),
                Missing::Checkins { krs } => unread.checkins_of.extend(trimmed(krs)),
                Missing::Teams { names } => unread.teams.extend(trimmed(names)),
                Missing::People { names } => unread.people.extend(trimmed(names)),
                _ => {}
            }
        }
        unread
    }

    /// Tells each gap's error how many references to what is missing were not checked:
    /// `… (3 references to this objective from other files were not checked)`.
    fn amend(&self, diagnostics: &mut [Diagnostic]) {
        // By the English words of what was not checked, the order the notes are written in.
        type Notes<'a> = BTreeMap<&'static str, (&'static Entry, usize)>;
        let mut notes: BTreeMap<(&str, Pos), Notes> = BTreeMap::new();
        for (gap, &n) in self.list.iter().zip(&self.unchecked) {
            let what = match gap.missing {
                Missing::Objective { .. } => &VALIDATE_THIS_OBJECTIVE,
                Missing::KeyResults { .. } => &VALIDATE_ITS_KEY_RESULTS,
                Missing::KeyResult { .. } => &VALIDATE_THIS_KEY_RESULT,
                Missing::Strategies { .. } => &VALIDATE_ITS_STRATEGIES,
                Missing::Periods { .. } => &VALIDATE_ITS_PERIODS,
                Missing::Teams { .. } => &VALIDATE_THIS_TEAM,
                Missing::People { .. } => &VALIDATE_THIS_PERSON,
                _ => continue,
            };
            if n > 0 {
                notes
                    .entry((&gap.file, gap.cause))
                    .or_default()
                    .entry(what.en)
                    .or_insert((what, 0))
                    .1 += n;
            }
        }
        for ((file, cause), counts) in notes {
            let at = |d: &Diagnostic| d.line == cause.line && d.column == cause.column;
            let target = diagnostics
                .iter()
                .position(|d| d.file == file && d.is_error() && at(d))
                .or_else(|| {
                    diagnostics
                        .iter()
                        .position(|d| d.file == file && d.is_error())
                });
            let Some(target) = target else {
                continue;
            };
            let clauses: Vec<Arg> = counts
                .into_values()
                .map(|(what, n)| {
                    let what = Message::new(what);
                    Arg::from(if n == 1 {
                        msg!(VALIDATE_UNCHECKED_ONE, what = what)
                    } else {
                        msg!(VALIDATE_UNCHECKED, n = n, what = what)
                    })
                })
                .collect();
            let Some(note) = join(&VALIDATE_NOTES, clauses.into_iter()) else {
                continue;
            };
            let d = &mut diagnostics[target];
            d.message = msg!(common::WITH_NOTE, message = d.message.clone(), note = note);
        }
    }
}

/// People or teams by id, gathering those only named by references as they are met.
struct Parties {
    list: Vec<Party>,
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl Parties {
    fn new() -> Self {
        Parties {
            list: Vec::new(),
            by_id: HashMap::new(),
            by_name: HashMap::new(),
        }
    }

    /// The party a reference names: by id, else by display name, else a new one only named here.
    /// The bool says whether a file defines it.
    fn resolve(&mut self, text: &str) -> (usize, bool) {
        if let Some(&i) = self.by_id.get(text).or_else(|| self.by_name.get(text)) {
            return (i, self.list[i].document.is_some());
        }
        let id = slug(text);
        if let Some(&i) = self.by_id.get(&id) {
            return (i, self.list[i].document.is_some());
        }
        let i = self.list.len();
        self.list.push(Party {
            id: id.clone(),
            name: text.to_owned(),
            document: None,
            team: None,
            lead: None,
        });
        self.by_id.insert(id, i);
        (i, false)
    }

    /// Whether a file defines the party a reference names (found as `resolve` finds it).
    fn defined(&self, text: &str) -> bool {
        let found = self.by_id.get(text).or_else(|| self.by_name.get(text));
        found
            .or_else(|| self.by_id.get(&slug(text)))
            .is_some_and(|&i| self.list[i].document.is_some())
    }
}

impl Validator {
    fn error(&mut self, file: &str, pos: Pos, rule: Rule, message: impl Into<Message>) {
        self.diagnostics
            .push(Diagnostic::error(file, pos, rule, message));
    }

    fn build(&mut self, loaded: Loaded) -> Site {
        let mut site = Site {
            config: loaded.config,
            theme: loaded.theme,
            has_people_folder: loaded.has_people_folder,
            has_teams_folder: loaded.has_teams_folder,
            ..Site::default()
        };
        site.documents = loaded.documents;
        let periods = self.periods(&site);
        site.periods = periods.values().cloned().collect();
        let named = named_periods(&site, &periods);
        let mut teams = Parties::new();
        let mut people = Parties::new();
        self.define_parties(&site, &mut teams, &mut people);
        let (mut names, strategies) = self.org(&mut site);
        let objective_index = self.objectives(
            &mut site,
            &mut names,
            (&periods, &named),
            (&mut teams, &mut people),
        );
        self.alignment(&mut site, &objective_index, &strategies);
        self.carry_over(&mut site, &objective_index);
        self.checkins(&mut site);
        self.resolve_party_links(&site, &mut teams, &mut people);
        self.skip_unread_parties(&site, &teams, &people);
        self.pages_and_checkin_files(&mut site);
        sort_periods_and_parties(&mut site, teams, people);
        site
    }

    /// The site's org file and its strategies: a second org file, and a strategy id used
    /// twice, are reported and dropped. Returns the ids taken (id → file and position, shared
    /// with objectives) and the strategy ids in the order written.
    fn org(&mut self, site: &mut Site) -> (HashMap<String, (String, Pos)>, Vec<String>) {
        let mut names: HashMap<String, (String, Pos)> = HashMap::new();
        let mut strategies: Vec<String> = Vec::new();
        for (i, doc) in site.documents.iter().enumerate() {
            if let Content::Org(org) = &doc.content {
                if let Some(first) = site.org {
                    let first = site.documents[first].path.clone();
                    self.error(
                        &doc.path,
                        Pos { line: 1, column: 1 },
                        Rule::DuplicateId,
                        msg!(VALIDATE_SECOND_ORG, first = first),
                    );
                    continue;
                }
                site.org = Some(i);
                for s in &org.strategies {
                    if let Some((file, _)) = names.get(&s.id.value) {
                        let message =
                            msg!(VALIDATE_DUPLICATE_STRATEGY, id = &s.id.value, file = file);
                        self.error(&doc.path, s.id.pos, Rule::DuplicateId, message);
                    } else {
                        names.insert(s.id.value.clone(), (doc.path.clone(), s.id.pos));
                        strategies.push(s.id.value.clone());
                    }
                }
            }
        }
        (names, strategies)
    }

    /// Resolves the objectives, sorted by id, into `site.objectives`; an id already taken (by
    /// a strategy or an earlier objective) is reported and its objective dropped. Returns
    /// each objective's index in `site.objectives` by id.
    fn objectives(
        &mut self,
        site: &mut Site,
        names: &mut HashMap<String, (String, Pos)>,
        periods: (&BTreeMap<String, Period>, &BTreeSet<String>),
        (teams, people): (&mut Parties, &mut Parties),
    ) -> HashMap<String, usize> {
        let mut objective_index: HashMap<String, usize> = HashMap::new();
        for doc_index in objectives_by_id(site) {
            let doc = &site.documents[doc_index];
            let Content::Objective(objective) = &doc.content else {
                continue;
            };
            if let Some((file, pos)) = names.get(&objective.id.value) {
                let message = msg!(
                    VALIDATE_DUPLICATE_OBJECTIVE,
                    id = &objective.id.value,
                    file = file,
                    line = pos.line
                );
                self.error(&doc.path, objective.id.pos, Rule::DuplicateId, message);
                continue;
            }
            names.insert(
                objective.id.value.clone(),
                (doc.path.clone(), objective.id.pos),
            );
            let period = self.period_of(&doc.path, &objective.period, periods, &mut site.periods);
            let key_results = self.key_results(&doc.path, doc_index, objective, people);
            let owner = objective.owner.as_ref().map(|o| people.resolve(&o.value).0);
            let team = objective.team.as_ref().map(|t| teams.resolve(&t.value).0);
            objective_index.insert(objective.id.value.clone(), site.objectives.len());
            site.objectives.push(Arc::new(ResolvedObjective {
                document: doc_index,
                data: std::sync::Arc::clone(objective),
                period,
                owner,
                team,
                parents: Vec::new(),
                strategies: Vec::new(),
                children: Vec::new(),
                carried_from: None,
                carried_to: Vec::new(),
                key_results,
            }));
        }
        objective_index
    }

    /// Pages and check-in files, by path (documents are already in path order); a page whose
    /// slug an earlier page has is reported and dropped.
    fn pages_and_checkin_files(&mut self, site: &mut Site) {
        let mut slugs: HashMap<String, String> = HashMap::new();
        for (i, doc) in site.documents.iter().enumerate() {
            match &doc.content {
                Content::Page(page) => {
                    if let Some(first) = slugs.insert(page.slug.clone(), doc.path.clone()) {
                        self.diagnostics.push(Diagnostic::error(
                            &doc.path,
                            Pos { line: 1, column: 1 },
                            Rule::DuplicateId,
                            msg!(VALIDATE_DUPLICATE_PAGE, slug = &page.slug, first = first),
                        ));
                        continue;
                    }
                    site.pages.push(i);
                }
                Content::Checkin(_) => site.checkin_files.push(i),
                _ => {}
            }
        }
    }

    /// Custom periods from okrs.yaml, checked for duplicates.
    fn periods(&mut self, site: &Site) -> BTreeMap<String, Period> {
        let mut periods = BTreeMap::new();
        for p in &site.config.periods {
            if periods.contains_key(&p.value.id) {
                let message = msg!(VALIDATE_DUPLICATE_PERIOD, id = &p.value.id);
                self.error("okrs.yaml", p.pos, Rule::DuplicateId, message);
            } else {
                periods.insert(p.value.id.clone(), p.value.clone());
            }
        }
        periods
    }

    /// The index in `used` of the period an objective names, adding it on first use. An
    /// unknown period is reported and stands in as a far-future one, so the objective's other
    /// problems, and references to it, are still checked.
    fn period_of(
        &mut self,
        file: &str,
        id: &At<String>,
        (custom, named): (&BTreeMap<String, Period>, &BTreeSet<String>),
        used: &mut Vec<Period>,
    ) -> usize {
        let known = custom.contains_key(&id.value) || period::calendar(&id.value).is_some();
        if !known && let Some(gap) = self.gaps.period(&id.value) {
            self.gaps.skip(gap, file);
        } else if !known {
            let candidates = custom.keys().chain(named).map(String::as_str);
            // With no year to go by, a yearless `二季度` is told to write its year.
            let hint = common::did_you_mean(period_hint(&id.value, candidates))
                .or_else(|| hints::period_message(&id.value));
            self.error(
                file,
                id.pos,
                Rule::UnknownReference,
                msg!(VALIDATE_UNKNOWN_PERIOD, id = &id.value, hint = hint),
            );
        }
        if let Some(i) = used.iter().position(|p| p.id == id.value) {
            return i;
        }
        let far_future = chrono::NaiveDate::MAX;
        used.push(period::calendar(&id.value).unwrap_or(Period {
            id: id.value.clone(),
            start: far_future,
            end: far_future,
        }));
        used.len() - 1
    }

    fn define_parties(&mut self, site: &Site, teams: &mut Parties, people: &mut Parties) {
        for (i, doc) in site.documents.iter().enumerate() {
            let (parties, id, name, duplicate) = match &doc.content {
                Content::Team(t) => (&mut *teams, &t.id, &t.name, &VALIDATE_DUPLICATE_TEAM),
                Content::Person(p) => (&mut *people, &p.id, &p.name, &VALIDATE_DUPLICATE_PERSON),
                _ => continue,
            };
            if let Some(&j) = parties.by_id.get(&id.value) {
                let first = parties.list[j]
                    .document
                    .map(|d| site.documents[d].path.clone());
                let message = msg!(*duplicate, id = &id.value, file = first.unwrap_or_default());
                self.error(&doc.path, id.pos, Rule::DuplicateId, message);
                continue;
            }
            // A display name is compared, and shown, without white space around it.
            let name = name.trim();
            let index = parties.list.len();
            parties.list.push(Party {
                id: id.value.clone(),
                name: name.to_owned(),
                document: Some(i),
                team: None,
                lead: None,
            });
            parties.by_id.insert(id.value.clone(), index);
            parties.by_name.entry(name.to_owned()).or_insert(index);
        }
    }

    fn key_results(
        &mut self,
        file: &str,
        document: usize,
        objective: &Objective,
        people: &mut Parties,
    ) -> Vec<ResolvedKeyResult> {
        let mut seen: HashMap<&str, Pos> = HashMap::new();
        let mut out = Vec::new();
        let source: Arc<str> = Arc::from(file);
        for (written, kr) in objective.key_results.iter().enumerate() {
            if let Some(first) = seen.get(kr.id.value.as_str()) {
                let message = msg!(
                    VALIDATE_DUPLICATE_KEY_RESULT,
                    id = &kr.id.value,
                    line = first.line
                );
                self.error(file, kr.id.pos, Rule::DuplicateId, message);
                continue;
            }
            seen.insert(&kr.id.value, kr.id.pos);
            let metric = kr.effective_metric();
            if let Some(target) = target_at_start(kr) {
                self.error(
                    file,
                    target.pos,
                    Rule::TargetEqualsStart,
                    msg!(
                        VALIDATE_TARGET_EQUALS_START,
                        id = &kr.id.value,
                        target = target.value,
                        metric = Message::new(if metric == Metric::Increase {
                            &VALIDATE_TO_INCREASE
                        } else {
                            &VALIDATE_TO_DECREASE
                        }),
                    ),
                );
            }
            let owner = kr.owner.as_ref().map(|o| people.resolve(&o.value).0);
            let full_id = format!("{}/{}", objective.id.value, kr.id.value);
            // A key result read with errors in its measure: its check-ins are not judged.
            let unsure = self.gaps.measure(&full_id).is_some();
            let checkins = kr
                .checkins
                .iter()
                .filter(|update| {
                    if misread(self.faulty.get(file), update) {
                        self.rejected.push(full_id.clone());
                        return false;
                    }
                    match mismatch(update, metric, &full_id) {
                        None => true,
                        Some((pos, message)) => {
                            if !unsure {
                                self.error(file, pos, Rule::CheckinMismatch, message);
                            }
                            self.rejected.push(full_id.clone());
                            false
                        }
                    }
                })
                .map(|update| checkin_of(update, &source, document, || Arc::from("")))
                .collect();
            out.push(ResolvedKeyResult {
                written,
                full_id,
                metric,
                owner,
                checkins,
            });
        }
        out
    }

    /// Resolves `aligns_to`, fills in children and reports every cycle once.
    fn alignment(
        &mut self,
        site: &mut Site,
        index: &HashMap<String, usize>,
        strategies: &[String],
    ) {
        for i in 0..site.objectives.len() {
            let file = site.documents[site.objectives[i].document].path.clone();
            let targets = site.objectives[i].data.aligns_to.clone();
            for target in targets {
                if let Some(&parent) = index.get(&target.value) {
                    if parent == i {
                        self.error(
                            &file,
                            target.pos,
                            Rule::AlignmentCycle,
                            msg!(VALIDATE_ALIGNS_TO_ITSELF, id = &target.value),
                        );
                    } else if !site.objectives[i].parents.contains(&parent) {
                        site.objective_mut(i).parents.push(parent);
                        site.objective_mut(parent).children.push(i);
                    }
                } else if strategies.contains(&target.value) {
                    site.objective_mut(i).strategies.push(target.value.clone());
                } else if let Some(gap) = self.gaps.objective_or_strategy(&target.value) {
                    self.gaps.skip(gap, &file);
                } else {
                    let candidates = index
                        .keys()
                        .map(String::as_str)
                        .chain(strategies.iter().map(String::as_str));
                    let hint = match target.value.split_once('/') {
                        // A key result's full id: its objective is what can be aligned to.
                        Some((o, _)) if index.contains_key(o) => {
                            Some(msg!(VALIDATE_ITS_OBJECTIVE, objective = o))
                        }
                        _ => common::did_you_mean(did_you_mean(&target.value, candidates)),
                    };
                    self.error(
                        &file,
                        target.pos,
                        Rule::UnknownReference,
                        msg!(VALIDATE_UNKNOWN_ALIGNS_TO, id = &target.value, hint = hint),
                    );
                }
            }
        }
        for o in &mut site.objectives {
            Arc::make_mut(o).children.sort_unstable();
        }
        for cycle in find_cycles(site) {
            let ids: Vec<&str> = cycle
                .iter()
                .map(|&i| site.objective(i).id.value.as_str())
                .collect();
            let first = cycle[0];
            let next = cycle.get(1).copied().unwrap_or(first);
            let next_id = &site.objective(next).id.value;
            let pos = site
                .objective(first)
                .aligns_to
                .iter()
                .find(|a| &a.value == next_id)
                .map_or(Pos { line: 1, column: 1 }, |a| a.pos);
            let file = site.documents[site.objectives[first].document].path.clone();
            let mut path = ids.join(" → ");
            path.push_str(" → ");
            path.push_str(ids[0]);
            self.error(
                &file,
                pos,
                Rule::AlignmentCycle,
                msg!(VALIDATE_ALIGNMENT_CYCLE, path = path),
            );
        }
    }

    /// Resolves `carried_from`: the named objective must exist and belong to a period that
    /// ends before this objective's period starts.
    fn carry_over(&mut self, site: &mut Site, index: &HashMap<String, usize>) {
        for o in 0..site.objectives.len() {
            let Some(from) = site.objective(o).carried_from.clone() else {
                continue;
            };
            let file = site.documents[site.objectives[o].document].path.clone();
            let id = &site.objective(o).id.value;
            let Some(&earlier) = index.get(&from.value) else {
                if let Some(gap) = self.gaps.objective_or_strategy(&from.value) {
                    self.gaps.skip(gap, &file);
                    continue;
                }
                // An objective is never carried from itself: not a hint.
                let others = index.keys().map(String::as_str).filter(|k| k != id);
                let hint = common::did_you_mean(did_you_mean(&from.value, others));
                let message = msg!(VALIDATE_UNKNOWN_CARRIED_FROM, id = &from.value, hint = hint);
                self.error(&file, from.pos, Rule::UnknownReference, message);
                continue;
            };
            let (before, after) = (
                &site.periods[site.objectives[earlier].period],
                &site.periods[site.objectives[o].period],
            );
            let unknown = |p: &Period| p.start == chrono::NaiveDate::MAX;
            if unknown(before) || unknown(after) {
                continue;
            }
            if earlier == o || before.end >= after.start {
                let message = msg!(
                    VALIDATE_CARRY_PERIOD,
                    id = id,
                    period = &after.id,
                    from = &from.value,
                    from_period = &before.id,
                );
                self.error(&file, from.pos, Rule::CarryPeriod, message);
                continue;
            }
            site.objective_mut(o).carried_from = Some(earlier);
            site.objective_mut(earlier).carried_to.push(o);
        }
    }

    /// Attaches each check-in file's updates to its key result and orders every key result's
    /// check-ins as docs/format.md#which-check-in-counts says.
    fn checkins(&mut self, site: &mut Site) {
        // Matching reads only: it runs on every file at once, and what it found is then
        // applied file by file, in the documents' order, as if it had run in that order.
        let matched: Vec<Vec<Attach>> = site
            .documents
            .par_iter()
            .enumerate()
            .map(|(doc_index, doc)| match &doc.content {
                Content::Checkin(file) => self.match_updates(site, doc_index, file),
                _ => Vec::new(),
            })
            .collect();
        for (doc_index, attachments) in matched.into_iter().enumerate() {
            let path = &site.documents[doc_index].path;
            for attach in attachments {
                match attach {
                    Attach::Gap(gap) => self.gaps.skip(gap, path),
                    Attach::Unknown {
                        pos,
                        message,
                        meant,
                    } => {
                        self.rejected.extend(meant);
                        self.error(path, pos, Rule::UnknownReference, message);
                    }
                    Attach::Rejected { full_id, error } => {
                        if let Some((pos, message)) = error {
                            self.error(path, pos, Rule::CheckinMismatch, message);
                        }
                        self.rejected.push(full_id);
                    }
                    Attach::Unsure(gap) => self.gaps.skip(gap, path),
                    Attach::To(o, k, checkin) => {
                        // Not `objective_mut`: `path` borrows the documents.
                        let objective = Arc::make_mut(&mut site.objectives[o]);
                        objective.key_results[k].checkins.push(checkin);
                    }
                }
            }
        }
        site.objectives.par_iter_mut().for_each(|o| {
            let o = Arc::make_mut(o);
            let own = o.document;
            for kr in &mut o.key_results {
                kr.checkins.sort_by_key(|c| checkin_order(c, own));
            }
        });
    }

    /// What to do with each update of a check-in file: which key result it goes to, or
    /// which error or gap keeps it out.
    fn match_updates(&self, site: &Site, doc_index: usize, file: &CheckinFile) -> Vec<Attach> {
        let doc = &site.documents[doc_index];
        let faulty = self.faulty.get(&doc.path);
        let source: Arc<str> = Arc::from(doc.path.as_str());
        let mut out = Vec::with_capacity(file.updates.len());
        for update in &file.updates {
            let Some((o, k)) = find_kr(&site.objectives, &update.kr.value) else {
                out.push(self.unknown_kr(site, update));
                continue;
            };
            let kr = &site.objectives[o].key_results[k];
            if misread(faulty, update) {
                out.push(Attach::Rejected {
                    full_id: kr.full_id.clone(),
                    error: None,
                });
                continue;
            }
            let unsure = self.gaps.measure(&kr.full_id);
            out.extend(unsure.map(Attach::Unsure));
            if let Some(error) = mismatch(update, kr.metric, &kr.full_id) {
                out.push(Attach::Rejected {
                    full_id: kr.full_id.clone(),
                    error: unsure.is_none().then_some(error),
                });
                continue;
            }
            // The file's body is the note of every update without one of its own.
            let checkin = checkin_of(update, &source, doc_index, || Arc::clone(&doc.body));
            out.push(Attach::To(o, k, checkin));
        }
        out
    }

    /// A check-in's `kr:` that names no key result: a gap explains it, or it is an error.
    fn unknown_kr(&self, site: &Site, update: &Update) -> Attach {
        if let Some(gap) = self.gaps.key_result(&update.kr.value) {
            return Attach::Gap(gap);
        }
        // The key results it most likely meant are left unchecked: no lint says they lack
        // the check-in this one may be.
        let (what, meant) = key_result_guess(site, &update.kr.value);
        let mut message = msg!(VALIDATE_UNKNOWN_KR, kr = &update.kr.value, what = what);
        if !meant.is_empty() {
            let ids = id_list(meant.iter().copied());
            let note = msg!(VALIDATE_KR_LEFT_UNCHECKED, ids = ids);
            message = msg!(common::WITH_NOTE, message = message, note = note);
        }
        Attach::Unknown {
            pos: update.kr.pos,
            message,
            meant: meant.into_iter().map(str::to_owned).collect(),
        }
    }

    /// Counts the references to teams and people that files with errors would have
    /// defined: the lints do not flag them (`unknown-team`, `unknown-person`), and those
    /// files' errors say how many were left unchecked.
    fn skip_unread_parties(&mut self, site: &Site, teams: &Parties, people: &Parties) {
        let gaps = &mut self.gaps;
        if gaps.people.is_empty() && gaps.teams.is_empty() {
            return;
        }
        for doc in &site.documents {
            each_reference!(&doc.content, |key: &str, at: &At<String>| {
                let (parties, unread) = match key {
                    "owner" | "lead" => (people, &gaps.people),
                    "team" | "parent" => (teams, &gaps.teams),
                    _ => return,
                };
                if parties.defined(&at.value) {
                    return;
                }
                if let Some(&gap) = unread.get(&at.value) {
                    gaps.skip(gap, &doc.path);
                }
            });
        }
    }

    /// Links teams to parents and leads, and people to their teams.
    fn resolve_party_links(&mut self, site: &Site, teams: &mut Parties, people: &mut Parties) {
        for doc in &site.documents {
            match &doc.content {
                Content::Team(t) => {
                    let Some(&me) = teams.by_id.get(&t.id.value) else {
                        continue;
                    };
                    if teams.list[me].document.map(|d| &site.documents[d].path) != Some(&doc.path) {
                        continue;
                    }
                    if let Some(parent) = &t.parent {
                        let p = teams.resolve(&parent.value).0;
                        teams.list[me].team = Some(p);
                    }
                    if let Some(lead) = &t.lead {
                        let l = people.resolve(&lead.value).0;
                        teams.list[me].lead = Some(l);
                    }
                }
                Content::Person(p) => {
                    let Some(&me) = people.by_id.get(&p.id.value) else {
                        continue;
                    };
                    if people.list[me].document.map(|d| &site.documents[d].path) != Some(&doc.path)
                    {
                        continue;
                    }
                    if let Some(team) = &p.team {
                        let t = teams.resolve(&team.value).0;
                        people.list[me].team = Some(t);
                    }
                }
                _ => {}
            }
        }
        for cycle in party_cycles(&teams.list) {
            let names: Vec<&str> = cycle.iter().map(|&i| teams.list[i].id.as_str()).collect();
            let first = &teams.list[cycle[0]];
            let (file, pos) = first
                .document
                .map(|d| {
                    let doc = &site.documents[d];
                    let pos = match &doc.content {
                        Content::Team(t) => t.parent.as_ref().map(|p| p.pos),
                        _ => None,
                    };
                    (doc.path.clone(), pos.unwrap_or(Pos { line: 1, column: 1 }))
                })
                .unwrap_or_default();
            let path = format!("{} → {}", names.join(" → "), names[0]);
            let message = msg!(VALIDATE_TEAM_CYCLE, path = path);
            self.error(&file, pos, Rule::TeamCycle, message);
            // Break the cycle so that nothing downstream walks it forever.
            teams.list[cycle[0]].team = None;
        }
    }
}

/// Why an update does not fit its key result's metric (`done` for milestones, `value`
/// otherwise): where, and what to say.
fn mismatch(update: &Update, metric: Metric, kr: &str) -> Option<(Pos, Message)> {
    match (metric, &update.value, &update.done) {
        (Metric::Milestone, Some(value), _) => {
            Some((value.pos, msg!(VALIDATE_CHECKIN_ON_MILESTONE, kr = kr)))
        }
        (m, _, Some(done)) if m.is_numeric() => Some((
            done.pos,
            msg!(VALIDATE_CHECKIN_ON_NUMBER, kr = kr, metric = m.as_str()),
        )),
        _ => None,
    }
}

/// The target of a key result to increase or decrease that equals its start (an error:
/// there is nothing to move).
fn target_at_start(kr: &KeyResult) -> Option<&At<f64>> {
    let moves = matches!(kr.effective_metric(), Metric::Increase | Metric::Decrease);
    let target = kr.target.as_ref().filter(|_| moves)?;
    ((target.value - kr.start_value()).abs() < 1e-9).then_some(target)
}

/// A check-in update as attached to its key result; `note` gives the notes when the update
/// has no `note` of its own (a check-in file's body; nothing for inline check-ins).
fn checkin_of(
    update: &Update,
    source: &Arc<str>,
    document: usize,
    note: impl FnOnce() -> Arc<str>,
) -> Checkin {
    Checkin {
        date: update.date.value,
        time: update.time,
        value: update.value.as_ref().map(|v| v.value),
        done: update.done.as_ref().map(|d| d.value),
        confidence: update.confidence.as_ref().map(|c| c.value),
        author: update.author.clone(),
        source: Arc::clone(source),
        note: update.note.as_deref().map_or_else(note, Arc::from),
        document,
    }
}

/// Whether an update's value was read with an error: `value: "55 %"` is read as 55 so
/// that nothing else fails for it, but it counts as no check-in, for the figures and the
/// lints alike (like one that could not be read at all).
fn misread(faulty: Option<&HashSet<Pos>>, update: &Update) -> bool {
    update
        .value
        .as_ref()
        .is_some_and(|value| faulty.is_some_and(|errors| errors.contains(&value.pos)))
}

/// Where a check-in goes in its key result's list, whose objective is the document `own`:
/// by date and time (at midnight without one), inline before files, files in the order
/// of the documents (byte order of their paths); a stable sort keeps those of one file as
/// written, which gives the order of docs/format.md#which-check-in-counts.
fn checkin_order(c: &Checkin, own: usize) -> (chrono::NaiveDateTime, bool, usize) {
    let moment = c.date.and_time(c.time.unwrap_or(chrono::NaiveTime::MIN));
    (moment, c.document != own, c.document)
}

/// What a check-in's `kr:` that names no key result names instead, with the nearest valid
/// id, as a clause after the name: "is an objective; its key results are a/x, a/y",
/// "is no key result (did you mean 'a/x'?)". `okrs check` and `okrs new checkin` both
/// say it so; examples are the site's own ids.
pub(crate) fn key_result_hint(site: &Site, written: &str) -> Message {
    key_result_guess(site, written).0
}

/// `key_result_hint`, and the key results it names as the ones meant: the one it suggests,
/// those sharing the id written, or every key result of the objective it names.
fn key_result_guess<'s>(site: &'s Site, written: &str) -> (Message, Vec<&'s str>) {
    fn ids_of(o: &ResolvedObjective) -> Vec<&str> {
        o.key_results.iter().map(|k| k.full_id.as_str()).collect()
    }
    let objective = |id: &str| site.objectives.iter().find(|o| o.data.id.value == id);
    let all: Vec<&str> = site.objectives.iter().flat_map(|o| ids_of(o)).collect();
    let meant = |id: &'s str| {
        let hint = common::did_you_mean(Some(id));
        (msg!(VALIDATE_KR_NONE, hint = hint), vec![id])
    };
    if !written.contains('/') {
        if let Some(o) = objective(written) {
            let ids = ids_of(o);
            return if ids.is_empty() {
                (msg!(VALIDATE_KR_IS_EMPTY_OBJECTIVE), ids)
            } else {
                (
                    msg!(VALIDATE_KR_IS_OBJECTIVE, ids = id_list(ids.iter().copied())),
                    ids,
                )
            };
        }
        // A key result's own id, without its objective.
        let same: Vec<&str> = all
            .iter()
            .copied()
            .filter(|f| f.rsplit_once('/').is_some_and(|(_, kr)| kr == written))
            .collect();
        match same[..] {
            [one] => return meant(one),
            [_, _, ..] => {
                let message = msg!(
                    VALIDATE_KR_SHARED_ID,
                    id = written,
                    ids = id_list(same.iter().copied())
                );
                return (message, same);
            }
            [] => {}
        }
    }
    if let Some(found) = did_you_mean(written, all.iter().copied()) {
        return meant(found);
    }
    if let Some((o, _)) = written.split_once('/')
        && let Some(o) = objective(o)
    {
        let ids = ids_of(o);
        let id = &o.data.id.value;
        return if ids.is_empty() {
            (msg!(VALIDATE_KR_OBJECTIVE_HAS_NONE, objective = id), ids)
        } else {
            let message = msg!(
                VALIDATE_KR_OF_OBJECTIVE,
                objective = id,
                ids = id_list(ids.iter().copied())
            );
            (message, ids)
        };
    }
    let message = match all.first() {
        Some(example) => msg!(VALIDATE_KR_FORM, example = *example),
        None => msg!(VALIDATE_KR_SITE_HAS_NONE),
    };
    (message, Vec::new())
}

/// The period most likely meant by an id that names none: the calendar id of a quarter
/// or half written in another form (`Q3 2018` → `2018-Q3`; `2025年第二季度` → `2025-Q2`;
/// `二季度` → the second quarter of the year `known` names most), else the nearest of
/// `known`.
pub(crate) fn period_hint<'k>(
    written: &str,
    known: impl IntoIterator<Item = &'k str>,
) -> Option<String> {
    let known: Vec<&str> = known.into_iter().collect();
    hints::period(written)
        .or_else(|| chinese_period(written, usual_year(&known)))
        .or_else(|| did_you_mean(written, known).map(str::to_owned))
}

/// The year most of these periods are in (the latest of equals), if any is a calendar
/// period.
fn usual_year(periods: &[&str]) -> Option<i32> {
    use chrono::Datelike;
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    for p in periods.iter().filter_map(|p| period::calendar(p)) {
        *years.entry(p.start.year()).or_default() += 1;
    }
    years
        .into_iter()
        .max_by_key(|&(year, n)| (n, year))
        .map(|(year, _)| year)
}

/// The calendar period meant by one written the Chinese way, in full-width or half-width
/// characters: a year (`2025年`, `2025年度`), a quarter (`2025年Q2`, `2025年第二季度`,
/// `2025年2季度`, `2025年第二季`) or a half (`2025年上半年`, `2025年下半年`). Without a
/// year (`二季度`, `第二季度`, `Q2`, `上半年`) it is in `year`. None when the text is no
/// such period, or already okrs's id.
fn chinese_period(written: &str, year: Option<i32>) -> Option<String> {
    // Full-width letters and digits (`２０２５年Ｑ２`) as their ASCII forms; no spaces.
    let text: String = written
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            c => c,
        })
        .collect();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let (year, rest) = match digits {
        4 => (text[..4].parse().ok()?, text[4..].trim_start_matches('年')),
        0 => (year?, text.as_str()),
        _ => return None,
    };
    let part = match rest.trim_end_matches('度') {
        "" if digits == 4 => None,
        "上半年" => Some("H1".to_owned()),
        "下半年" => Some("H2".to_owned()),
        rest => {
            let quarter = rest
                .strip_prefix(['Q', 'q'])
                .or_else(|| rest.strip_suffix('季'))
                .map(|n| n.strip_prefix('第').unwrap_or(n))?;
            let n = match quarter {
                "1" | "一" => 1,
                "2" | "二" => 2,
                "3" | "三" => 3,
                "4" | "四" => 4,
                _ => return None,
            };
            Some(format!("Q{n}"))
        }
    };
    let id = match part {
        Some(part) => format!("{year}-{part}"),
        None => year.to_string(),
    };
    (id != written && period::calendar(&id).is_some()).then_some(id)
}

/// The key result a check-in's `kr:` names, as (objective, key result): objectives are in
/// the order of their ids, each id once (`Validator::objectives`).
fn find_kr(objectives: &[Arc<ResolvedObjective>], full: &str) -> Option<(usize, usize)> {
    let (objective, _) = full.rsplit_once('/')?;
    let o = objectives
        .binary_search_by(|o| o.data.id.value.as_str().cmp(objective))
        .ok()?;
    // Key results dropped as duplicates are not in the resolved list: find by full id.
    let k = objectives[o]
        .key_results
        .iter()
        .position(|r| r.full_id == full)?;
    Some((o, k))
}

/// Sorts a list by a key and returns, for each old index, the new one.
fn sort_with_map<T, K: Ord>(list: Vec<T>, key: impl Fn(&T) -> K) -> (Vec<T>, Vec<usize>) {
    let mut order: Vec<usize> = (0..list.len()).collect();
    order.sort_by_key(|&i| key(&list[i]));
    let mut map = vec![0; list.len()];
    for (new, &old) in order.iter().enumerate() {
        map[old] = new;
    }
    let mut slots: Vec<Option<T>> = list.into_iter().map(Some).collect();
    let sorted = order.iter().filter_map(|&old| slots[old].take()).collect();
    (sorted, map)
}

/// Every period an objective names that exists: the candidates for a hint.
fn named_periods(site: &Site, periods: &BTreeMap<String, Period>) -> BTreeSet<String> {
    site.documents
        .iter()
        .filter_map(|d| match &d.content {
            Content::Objective(o) => Some(o.period.value.clone()),
            _ => None,
        })
        .filter(|p| periods.contains_key(p) || period::calendar(p).is_some())
        .collect()
}

/// The indices of the objective documents, sorted by objective id, then by path.
fn objectives_by_id(site: &Site) -> Vec<usize> {
    let mut order: Vec<usize> = site
        .documents
        .iter()
        .enumerate()
        .filter(|(_, d)| matches!(d.content, Content::Objective(_)))
        .map(|(i, _)| i)
        .collect();
    order.sort_by(|&a, &b| {
        let (Content::Objective(x), Content::Objective(y)) =
            (&site.documents[a].content, &site.documents[b].content)
        else {
            return std::cmp::Ordering::Equal;
        };
        (&x.id.value, &site.documents[a].path).cmp(&(&y.id.value, &site.documents[b].path))
    });
    order
}

/// Puts the periods (by start, then id), teams and people (by id) in order, and renumbers
/// every reference to them to match.
fn sort_periods_and_parties(site: &mut Site, teams: Parties, people: Parties) {
    let (periods, period_map) = sort_with_map(std::mem::take(&mut site.periods), |p| {
        (p.start, p.id.clone())
    });
    let (team_list, team_map) = sort_with_map(teams.list, |p| p.id.clone());
    let (people_list, people_map) = sort_with_map(people.list, |p| p.id.clone());
    let remap = |map: &[usize], i: &mut Option<usize>| *i = i.map(|x| map[x]);
    for o in &mut site.objectives {
        let o = Arc::make_mut(o);
        o.period = period_map[o.period];
        remap(&team_map, &mut o.team);
        remap(&people_map, &mut o.owner);
        for kr in &mut o.key_results {
            remap(&people_map, &mut kr.owner);
        }
    }
    site.periods = periods;
    site.teams = team_list;
    site.people = people_list;
    for t in &mut site.teams {
        remap(&team_map, &mut t.team);
        remap(&people_map, &mut t.lead);
    }
    for p in &mut site.people {
        remap(&team_map, &mut p.team);
    }
}

/// Every alignment cycle, each as its members starting from the smallest index.
fn find_cycles(site: &Site) -> Vec<Vec<usize>> {
    let parents: Vec<Vec<usize>> = site.objectives.iter().map(|o| o.parents.clone()).collect();
    cycles(&parents)
}

fn party_cycles(list: &[Party]) -> Vec<Vec<usize>> {
    let parents: Vec<Vec<usize>> = list.iter().map(|p| p.team.into_iter().collect()).collect();
    cycles(&parents)
}

/// Finds the strongly connected components with more than one member (Tarjan's algorithm,
/// iteratively so deep alignment chains cannot overflow the stack), each as a cycle path.
pub(crate) fn cycles(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = edges.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut next = 0;
    let mut components = Vec::new();
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work = vec![(root, 0usize)];
        while let Some(&mut (v, ref mut edge)) = work.last_mut() {
            if *edge == 0 && index[v] == usize::MAX {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*edge) {
                *edge += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    components.push(cycle_path(edges, &component));
                }
            }
        }
    }
    components.sort();
    components
}

/// Orders a component's members along its edges, starting from the smallest.
fn cycle_path(edges: &[Vec<usize>], component: &[usize]) -> Vec<usize> {
    let start = *component.iter().min().unwrap_or(&0);
    let mut path = vec![start];
    let mut current = start;
    while path.len() < component.len() {
        let next = edges[current]
            .iter()
            .copied()
            .filter(|w| component.contains(w) && !path.contains(w))
            .min();
        match next {
            Some(w) => {
                path.push(w);
                current = w;
            }
            None => break,
        }
    }
    // Members off the walked path (a component with branches) are still named.
    let mut rest: Vec<usize> = component
        .iter()
        .copied()
        .filter(|w| !path.contains(w))
        .collect();
    rest.sort_unstable();
    path.extend(rest);
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Loads and validates these files (in path order), as `okrs check` does.
    fn validated(files: &[(&str, &str)]) -> (Site, Vec<Diagnostic>) {
        let mut loaded = Loaded::default();
        for (path, text) in files {
            let (document, diagnostics, gaps) = crate::load::load_file(path, text.as_bytes());
            loaded.documents.extend(document.map(Arc::new));
            loaded.diagnostics.extend(diagnostics);
            loaded.gaps.extend(gaps);
        }
        validate(loaded)
    }

    const OBJECTIVE: (&str, &str) = (
        "objectives/o.md",
        "---\ntitle: O\nperiod: 2024-Q2\nkey_results:\n  - { id: a, title: A, target: 40 }\n  - { id: b, title: B, target: 10, checkins: [{ date: 2024-05-02, value: \"7 %\" }] }\n---\n",
    );

    #[test]
    fn a_checkin_value_read_with_an_error_is_no_checkin_and_leaves_its_key_result_unread() {
        let checkin = (
            "checkins/c.md",
            "---\nkr: o/a\ndate: 2024-05-15\nvalue: \"55 %\"\n---\n",
        );
        let (site, diagnostics) = validated(&[checkin, OBJECTIVE]);
        let errors: Vec<(String, u32, u32)> = diagnostics
            .iter()
            .map(|d| (d.file.clone(), d.line, d.column))
            .collect();
        assert_eq!(
            errors,
            [
                ("checkins/c.md".to_owned(), 4, 8),
                ("objectives/o.md".to_owned(), 6, 74),
            ]
        );
        // Neither the check-in file's nor the inline one counts.
        let krs = &site.objectives[0].key_results;
        assert!(krs.iter().all(|kr| kr.checkins.is_empty()));
        let mut unread: Vec<&String> = site.unread.checkins_of.iter().collect();
        unread.sort();
        assert_eq!(unread, ["o/a", "o/b"]);
    }

    #[test]
    fn a_checkin_kr_that_names_nothing_leaves_what_its_hint_names_unread() {
        let other = (
            "objectives/p.md",
            "---\ntitle: P\nperiod: 2024-Q2\nkey_results:\n  - { id: a, title: A, target: 1 }\n---\n",
        );
        let unread = |kr: &str| {
            let text = format!("---\nkr: {kr}\ndate: 2024-05-15\nvalue: 3\n---\n");
            let (site, _) = validated(&[("checkins/c.md", &text), OBJECTIVE, other]);
            let mut unread: Vec<String> = site.unread.checkins_of.into_iter().collect();
            unread.sort();
            unread.retain(|kr| kr != "o/b");
            unread
        };
        assert_eq!(unread("o/aa"), ["o/a"]);
        assert_eq!(unread("o"), ["o/a"]);
        // An id that key results of two objectives share: both.
        assert_eq!(unread("a"), ["o/a", "p/a"]);
        // An objective's id with a key result far from any of its own: all of its own.
        assert_eq!(unread("o/something-else"), ["o/a"]);
        assert_eq!(unread("nothing/here"), Vec::<String>::new());
    }

    #[test]
    fn periods_written_the_chinese_way_give_the_calendar_id() {
        let known = ["2025-Q1", "2025-Q2", "2024-Q4"];
        for (written, want) in [
            ("2025年Q2", "2025-Q2"),
            ("2025Q2", "2025-Q2"),
            ("2025年第二季度", "2025-Q2"),
            ("2025年二季度", "2025-Q2"),
            ("2025年第2季度", "2025-Q2"),
            ("2025 年 第四季", "2025-Q4"),
            ("２０２５年Ｑ３", "2025-Q3"),
            ("2025年上半年", "2025-H1"),
            ("2025年下半年", "2025-H2"),
            ("2025年", "2025"),
            ("2025年度", "2025"),
            // Without a year: the year the site's periods name most.
            ("二季度", "2025-Q2"),
            ("第一季度", "2025-Q1"),
            ("上半年", "2025-H1"),
        ] {
            assert_eq!(
                period_hint(written, known).as_deref(),
                Some(want),
                "{written}"
            );
        }
    }

    #[test]
    fn a_chinese_period_that_is_none_or_has_no_year_to_go_by_gets_no_calendar_id() {
        assert_eq!(chinese_period("二季度", None), None);
        assert_eq!(chinese_period("第五季度", Some(2025)), None);
        assert_eq!(chinese_period("2025年第二周", Some(2025)), None);
        assert_eq!(chinese_period("明年", Some(2025)), None);
        assert_eq!(chinese_period("2025", Some(2025)), None);
        assert_eq!(chinese_period("2025-Q2", Some(2025)), None);
    }

    #[test]
    fn the_usual_year_is_the_one_most_periods_are_in_the_latest_of_equals() {
        assert_eq!(usual_year(&["2024-Q4", "2025-Q1", "2025-Q2"]), Some(2025));
        assert_eq!(usual_year(&["2024-Q4", "2025-Q1"]), Some(2025));
        assert_eq!(usual_year(&["2024-Q3", "2024-Q4", "2025-Q1"]), Some(2024));
        assert_eq!(usual_year(&["FY"]), None);
    }

    #[test]
    fn white_space_around_a_value_is_named_with_where_it_is() {
        let warn = |written: &str| {
            let at = At::new(written.to_owned(), Pos { line: 3, column: 8 });
            let d = stray_space("objectives/a.md", "owner", &at);
            assert_eq!((d.line, d.column, d.severity), (3, 8, Severity::Warning));
            (d.text(Language::En), d.text(Language::ZhCn))
        };
        assert_eq!(
            warn(" 王强　"),
            (
                "`owner` is ' 王强　', with a full-width space '　' at its start and end: it is read as '王强'; delete it".to_owned(),
                "`owner` 的值「 王强　」开头和末尾有全角空格「　」：已按「王强」读取；请删除多余的全角空格「　」".to_owned()
            )
        );
        let (en, zh) = warn("\t王强");
        assert!(en.contains("with white space at its start"), "{en}");
        assert!(zh.contains("开头有空白字符"), "{zh}");
    }

    #[test]
    fn lists_of_ids_are_joined_as_each_language_joins_them() {
        let list = |ids: &[&str]| match id_list(ids.iter().copied()) {
            Arg::Message(m) => (m.text(Language::En), m.text(Language::ZhCn)),
            Arg::Text(t) => (t.clone(), t),
        };
        assert_eq!(list(&["a/x"]), ("a/x".to_owned(), "a/x".to_owned()));
        assert_eq!(
            list(&["a/x", "a/y", "b/z"]),
            ("a/x, a/y, b/z".to_owned(), "a/x、a/y、b/z".to_owned())
        );
    }

    #[test]
    fn cycles_name_every_member() {
        // 0 → 1 → 2 → 0, and 3 → 0 outside the cycle.
        let edges = vec![vec![1], vec![2], vec![0], vec![0]];
        assert_eq!(cycles(&edges), vec![vec![0, 1, 2]]);
        assert!(cycles(&[vec![1], vec![], vec![1]]).is_empty());
    }
}
