//! One reader per kind of file: org, objective (with key results, tasks and inline
//! check-ins), check-in (one update or several), team, person and page.

use super::Missing;
use super::hints;
use super::messages::*;
use super::schema::{Fields, Reader};
use crate::message::{Message, common};
use crate::model::*;
use crate::msg;
use crate::yaml::{Node, Value};

const ORG_KEYS: &[&str] = &["kind", "name", "mission", "vision", "strategies", "extra"];
const STRATEGY_KEYS: &[&str] = &["id", "title", "description"];
const OBJECTIVE_KEYS: &[&str] = &[
    "kind",
    "id",
    "title",
    "period",
    "owner",
    "team",
    "aligns_to",
    "commitment",
    "weight",
    "draft",
    "key_results",
    "carried_from",
    "review",
    "allow",
    "extra",
];
const KEY_RESULT_KEYS: &[&str] = &[
    "id", "title", "owner", "start", "target", "unit", "weight", "metric", "tasks", "checkins",
    "grade", "extra",
];
const TASK_KEYS: &[&str] = &["title", "done"];
const INLINE_CHECKIN_KEYS: &[&str] = &["date", "value", "done", "confidence", "note"];
const CHECKIN_KEYS: &[&str] = &[
    "kind",
    "date",
    "author",
    "kr",
    "value",
    "done",
    "confidence",
    "updates",
    "extra",
];
const UPDATE_KEYS: &[&str] = &["kr", "value", "done", "confidence", "note"];
const TEAM_KEYS: &[&str] = &["kind", "id", "name", "parent", "lead", "extra"];
const PERSON_KEYS: &[&str] = &["kind", "id", "name", "team", "extra"];
const PAGE_KEYS: &[&str] = &["kind", "title", "extra"];

/// Whether a mapping of some kind of file has this key.
pub(crate) fn is_known_key(key: &str) -> bool {
    [
        ORG_KEYS,
        STRATEGY_KEYS,
        OBJECTIVE_KEYS,
        KEY_RESULT_KEYS,
        TASK_KEYS,
        INLINE_CHECKIN_KEYS,
        CHECKIN_KEYS,
        UPDATE_KEYS,
        TEAM_KEYS,
        PERSON_KEYS,
        PAGE_KEYS,
    ]
    .iter()
    .any(|keys| keys.contains(&key))
}

/// Reads a document of a known kind: from its folder, or from `kind:` when `written`.
/// `stem` is the file name without `.md`; `slug` the path under its folder without
/// `.md`, for pages.
pub(crate) fn read(
    r: &mut Reader,
    root: &Node,
    kind: Kind,
    written: bool,
    stem: &str,
    slug: &str,
) -> Option<Content> {
    if let Some(message) = wrong_kind(root, kind, written) {
        r.error(Pos { line: 1, column: 1 }, Rule::WrongKind, message);
        return None;
    }
    Some(match kind {
        Kind::Org => Content::Org(org(r, root)?),
        Kind::Objective => Content::Objective(std::sync::Arc::new(objective(r, root, stem)?)),
        Kind::Checkin => Content::Checkin(checkin(r, root)?),
        Kind::Team => Content::Team(team(r, root, stem)?),
        Kind::Person => Content::Person(person(r, root, stem)?),
        Kind::Page => Content::Page(page(r, root, slug)?),
    })
}

/// The keys only an objective has, and those only a check-in has.
const OBJECTIVE_ONLY: &[&str] = &[
    "title",
    "period",
    "key_results",
    "aligns_to",
    "commitment",
    "owner",
    "team",
    "weight",
    "draft",
    "carried_from",
    "review",
    "allow",
    "id",
];
const CHECKIN_ONLY: &[&str] = &[
    "date",
    "kr",
    "value",
    "done",
    "confidence",
    "updates",
    "author",
];

/// Why a file is the other kind of the pair objective / check-in: when its keys are
/// more of the other kind's than of its own, and at least two, it was filed in the
/// wrong folder (or given the wrong `kind:`), and one error says so rather than one
/// per key.
fn wrong_kind(root: &Node, kind: Kind, written: bool) -> Option<Message> {
    let objective = (
        OBJECTIVE_ONLY,
        "objective",
        &LOAD_AN_OBJECTIVE,
        "objectives/",
    );
    let checkin = (CHECKIN_ONLY, "checkin", &LOAD_A_CHECKIN, "checkins/");
    let ((own, own_kind, _, own_folder), (other, other_kind, other_name, other_folder)) = match kind
    {
        Kind::Objective => (objective, checkin),
        Kind::Checkin => (checkin, objective),
        _ => return None,
    };
    let keys: Vec<&str> = root
        .as_map()?
        .iter()
        .filter_map(|(k, _)| match &k.value {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    let theirs: Vec<&str> = keys.iter().copied().filter(|k| other.contains(k)).collect();
    let ours = keys.iter().filter(|k| own.contains(k)).count();
    if theirs.len() < 2 || theirs.len() <= ours {
        return None;
    }
    let shown = list(&theirs[..theirs.len().min(3)]);
    let other_name = Message::new(other_name);
    Some(if written {
        msg!(
            LOAD_WRONG_KIND_WRITTEN,
            kind = own_kind,
            other = other_name,
            keys = shown,
            other_kind = other_kind
        )
    } else {
        msg!(
            LOAD_WRONG_KIND_FOLDER,
            folder = own_folder,
            other = other_name,
            keys = shown,
            other_folder = other_folder
        )
    })
}

fn org(r: &mut Reader, root: &Node) -> Option<Org> {
    let f = r.fields(root, msg!(LOAD_IN_ORG), ORG_KEYS)?;
    let strategies = r
        .list(&f, "strategies")
        .iter()
        .filter_map(|node| {
            let mark = r.mark();
            let strategy = strategy(r, node);
            if strategy.is_none() {
                let ids = node
                    .get("id")
                    .and_then(Node::scalar_text)
                    .into_iter()
                    .collect();
                r.gap_since(mark, Missing::Strategies { ids });
            }
            strategy
        })
        .collect();
    Some(Org {
        name: r.text(&f, "name").map(|t| t.value),
        mission: r.text(&f, "mission").map(|t| t.value),
        vision: r.text(&f, "vision").map(|t| t.value),
        strategies,
        body: String::new(),
        extra: r.extra(&f),
    })
}

fn strategy(r: &mut Reader, node: &Node) -> Option<Strategy> {
    let s = r.fields(node, msg!(LOAD_A_STRATEGY), STRATEGY_KEYS)?;
    let id = r.require(&s, "id", &LOAD_A_STRATEGY).and(r.id(&s, "id"));
    let title = r.required_text(&s, "title", &LOAD_A_STRATEGY);
    let description = r.text(&s, "description").map(|t| t.value);
    Some(Strategy {
        id: id?,
        title: title?.value,
        description,
    })
}

fn own_id(r: &mut Reader, f: &Fields, stem: &str) -> Option<At<String>> {
    if f.has("id") {
        return r.id(f, "id");
    }
    // An id from the file name points at the file's first line.
    let id = At::new(stem.to_owned(), Pos { line: 1, column: 1 });
    if let Some(problem) = super::schema::id_problem(stem) {
        r.error(
            Pos { line: 1, column: 1 },
            Rule::InvalidValue,
            msg!(LOAD_FILE_NAME_ID, id = stem, problem = problem.message()),
        );
        return None;
    }
    Some(id)
}

/// An objective's id: the id rules, and at most `MAX_OBJECTIVE_ID` bytes, as its page's
/// folder is named after it.
fn objective_id(r: &mut Reader, f: &Fields, stem: &str) -> Option<At<String>> {
    let id = own_id(r, f, stem)?;
    let bytes = id.value.len();
    if bytes <= super::schema::MAX_OBJECTIVE_ID {
        return Some(id);
    }
    let problem = super::schema::IdProblem::TooLong(bytes).message();
    let shown = super::schema::shortened(&id.value);
    let message = if f.has("id") {
        msg!(LOAD_BAD_ID, key = "id", id = shown, problem = problem)
    } else {
        msg!(LOAD_FILE_NAME_ID, id = shown, problem = problem)
    };
    r.error(id.pos, Rule::InvalidValue, message);
    None
}

fn objective(r: &mut Reader, root: &Node, stem: &str) -> Option<Objective> {
    let f = r.fields(root, msg!(LOAD_AN_OBJECTIVE), OBJECTIVE_KEYS)?;
    let id = objective_id(r, &f, stem);
    let title = r.required_text(&f, "title", &LOAD_AN_OBJECTIVE);
    let period = r.required_text(&f, "period", &LOAD_AN_OBJECTIVE);
    let commitment = r
        .text(&f, "commitment")
        .map_or(Commitment::Aspirational, |t| {
            let parse = |s: &str| match s {
                "aspirational" => Some(Commitment::Aspirational),
                "committed" => Some(Commitment::Committed),
                _ => None,
            };
            if let Some(c) = parse(&t.value) {
                return c;
            }
            // `承诺型` is `committed`: said, and read as meant.
            let meant = hints::commitment(&t.value);
            let hint = meant.map(|c| msg!(LOAD_WRITE, key = "commitment", value = c));
            r.error(
                t.pos,
                Rule::InvalidValue,
                msg!(LOAD_COMMITMENT, value = &t.value, hint = hint),
            );
            meant.and_then(parse).unwrap_or(Commitment::Aspirational)
        });
    // The id references use, even when it is not a valid one.
    let written_id = f
        .get("id")
        .and_then(Node::scalar_text)
        .unwrap_or_else(|| stem.to_owned());
    let mark = r.mark();
    let list = r.list(&f, "key_results");
    r.gap_since(
        mark,
        Missing::KeyResults {
            objective: written_id.clone(),
        },
    );
    let key_results = list
        .iter()
        .enumerate()
        .filter_map(|(i, node)| {
            let kr_id = node
                .get("id")
                .and_then(Node::scalar_text)
                .unwrap_or_else(|| format!("kr{}", i + 1));
            let full_id = format!("{written_id}/{kr_id}");
            let mark = r.mark();
            let kr = key_result(r, node, i, &full_id);
            if kr.is_none() {
                r.gap_since(mark, Missing::KeyResult { full_id });
            }
            kr
        })
        .collect();
    Some(Objective {
        pos: f.pos,
        carried_from: r.text(&f, "carried_from"),
        review: r.text(&f, "review").map(|t| t.value),
        allow: allowed_lints(r, &f),
        owner: r.text(&f, "owner"),
        team: r.text(&f, "team"),
        aligns_to: r.text_list(&f, "aligns_to"),
        weight: r.weight(&f),
        draft: r.boolean(&f, "draft").is_some_and(|d| d.value),
        extra: r.extra(&f),
        commitment,
        key_results,
        id: id?,
        title: title?.value,
        period: period?,
    })
}

/// `allow:` — lint names, one or a list; an unknown name is an error with a hint.
fn allowed_lints(r: &mut Reader, f: &Fields) -> Vec<Rule> {
    r.text_list(f, "allow")
        .into_iter()
        .filter_map(|name| {
            let rule = Rule::lint(&name.value);
            if rule.is_none() {
                let names = Rule::lint_names();
                let meant = super::schema::did_you_mean(&name.value, names.iter().copied());
                let hint = common::did_you_mean_key(meant)
                    .unwrap_or_else(|| msg!(LOAD_LINTS_ARE, names = list(&names)));
                r.error(
                    name.pos,
                    Rule::InvalidValue,
                    msg!(LOAD_NOT_A_LINT, name = &name.value, hint = hint),
                );
            }
            rule
        })
        .collect()
}

/// Reads the key result at `index`; `full_id` is the id other files name it by.
fn key_result(r: &mut Reader, node: &Node, index: usize, full_id: &str) -> Option<KeyResult> {
    let f = r.fields(node, msg!(LOAD_A_KEY_RESULT), KEY_RESULT_KEYS)?;
    let id = if f.has("id") {
        r.id(&f, "id")
    } else {
        Some(At::new(format!("kr{}", index + 1), node.pos))
    };
    let title = r.required_text(&f, "title", &LOAD_A_KEY_RESULT);
    // What a check-in is compared with: if any of it is wrong, check-ins are not judged.
    let measure = r.mark();
    let metric = metric(r, &f);
    let start = r.number(&f, "start");
    let target = r.number(&f, "target");
    if let Some(m) = &metric
        && m.value.is_numeric()
        && target.is_none()
        && !f.has("target")
    {
        r.error(
            f.pos,
            Rule::MissingField,
            msg!(LOAD_NEEDS_TARGET, metric = m.value.as_str()),
        );
    }
    if let Some(m) = &metric
        && m.value == Metric::Decrease
        && start.is_none()
        && !f.has("start")
    {
        r.error(m.pos, Rule::MissingStart, msg!(LOAD_DECREASE_NEEDS_START));
    }
    r.gap_since(
        measure,
        Missing::KeyResult {
            full_id: full_id.to_owned(),
        },
    );
    let tasks = r
        .list(&f, "tasks")
        .iter()
        .filter_map(|t| task(r, t))
        .collect();
    let checkins = r
        .list(&f, "checkins")
        .iter()
        .filter_map(|c| inline_checkin(r, c))
        .collect();
    Some(KeyResult {
        pos: node.pos,
        owner: r.text(&f, "owner"),
        unit: r.text(&f, "unit").map(|u| u.value),
        weight: r.weight(&f),
        extra: r.extra(&f),
        start,
        target,
        metric,
        tasks,
        checkins,
        grade: r.grade(&f),
        id: id?,
        title: title?.value,
    })
}

/// `metric`, when it names one; an unknown one is reported, with the metric meant or one
/// close to it.
fn metric(r: &mut Reader, f: &Fields) -> Option<At<Metric>> {
    r.text(f, "metric")
        .and_then(|t| match Metric::parse(&t.value) {
            Some(m) => Some(At::new(m, t.pos)),
            None => {
                // `里程碑` is `milestone`: said, and read as meant.
                let meant = hints::metric(&t.value);
                let hint = match meant {
                    Some(m) => Some(msg!(LOAD_WRITE, key = "metric", value = m)),
                    None => common::did_you_mean_key(super::schema::did_you_mean(
                        &t.value,
                        Metric::NAMES,
                    )),
                };
                r.error(
                    t.pos,
                    Rule::InvalidValue,
                    msg!(
                        LOAD_METRIC,
                        value = &t.value,
                        metrics = list(&Metric::NAMES),
                        hint = hint
                    ),
                );
                meant.and_then(Metric::parse).map(|m| At::new(m, t.pos))
            }
        })
}

fn task(r: &mut Reader, node: &Node) -> Option<Task> {
    if let Value::Str(title) = &node.value {
        return Some(Task {
            title: title.clone(),
            done: false,
        });
    }
    let f = r.fields(node, msg!(LOAD_A_TASK), TASK_KEYS)?;
    let title = r.required_text(&f, "title", &LOAD_A_TASK)?;
    Some(Task {
        title: title.value,
        done: r.boolean(&f, "done").is_some_and(|d| d.value),
    })
}

/// Reads one update's fields, reporting every problem in them even when its key result
/// or date is already known to be wrong; the update is kept only if all of it is right.
fn read_update(
    r: &mut Reader,
    f: &Fields,
    kr: Option<At<String>>,
    date: Option<(At<chrono::NaiveDate>, Option<chrono::NaiveTime>)>,
) -> Option<Update> {
    let value = r.number(f, "value");
    let done = r.boolean(f, "done");
    let confidence = r.confidence(f);
    let note = r.text(f, "note").map(|n| n.value);
    if !f.has("value") && !f.has("done") {
        r.error(f.pos, Rule::MissingField, msg!(LOAD_UPDATE_NEEDS_VALUE));
    }
    if value.is_none() && done.is_none() {
        return None;
    }
    let (date, time) = date?;
    Some(Update {
        kr: kr?,
        date,
        time,
        value,
        done,
        confidence,
        note,
        author: None,
    })
}

fn inline_checkin(r: &mut Reader, node: &Node) -> Option<Update> {
    let f = r.fields(node, msg!(LOAD_AN_INLINE_CHECKIN), INLINE_CHECKIN_KEYS)?;
    r.require(&f, "date", &LOAD_A_CHECKIN);
    let date = r.date_time(&f, "date");
    read_update(r, &f, Some(At::new(String::new(), f.pos)), date)
}

fn checkin(r: &mut Reader, root: &Node) -> Option<CheckinFile> {
    let f = r.fields(root, msg!(LOAD_A_CHECKIN), CHECKIN_KEYS)?;
    r.require(&f, "date", &LOAD_A_CHECKIN);
    let date = r.date_time(&f, "date");
    let author = r.text(&f, "author");
    let single = f.has("kr");
    let several = f.has("updates");
    let mut updates = Vec::new();
    match (single, several) {
        (true, true) => {
            let pos = f.get("updates").map_or(f.pos, |u| u.pos);
            r.error(pos, Rule::InvalidValue, msg!(LOAD_KR_AND_UPDATES));
        }
        (false, false) => {
            r.error(f.pos, Rule::MissingField, msg!(LOAD_CHECKIN_NEEDS_KR));
        }
        (true, false) => {
            let mark = r.mark();
            let kr = r.text(&f, "kr");
            let written = kr.as_ref().map(|k| k.value.clone());
            match read_update(r, &f, kr, date.clone()) {
                Some(update) => updates.push(update),
                None => lost(r, mark, written),
            }
        }
        (false, true) => {
            for key in ["value", "done", "confidence"] {
                if let Some(node) = f.get(key) {
                    r.error(
                        node.pos,
                        Rule::InvalidValue,
                        msg!(LOAD_BELONGS_IN_UPDATES, key = key),
                    );
                }
            }
            let list = r.list(&f, "updates");
            if list.is_empty()
                && let Some(node) = f.get("updates")
                && matches!(node.value, Value::Seq(_))
            {
                r.error(node.pos, Rule::MissingField, msg!(LOAD_NO_UPDATES));
            }
            for node in list {
                let Some(u) = r.fields(node, msg!(LOAD_A_CHECKIN_UPDATE), UPDATE_KEYS) else {
                    continue;
                };
                let mark = r.mark();
                r.require(&u, "kr", &LOAD_A_CHECKIN_UPDATE);
                let kr = r.text(&u, "kr");
                let written = kr.as_ref().map(|k| k.value.clone());
                match read_update(r, &u, kr, date.clone()) {
                    Some(update) => updates.push(update),
                    None => lost(r, mark, written),
                }
            }
        }
    }
    for update in &mut updates {
        update.author = author.as_ref().map(|a| a.value.clone());
    }
    // A check-in file without a date gives no check-in (its error is reported above).
    date?;
    Some(CheckinFile { updates })
}

/// An update that could not be read leaves its key result without that check-in.
fn lost(r: &mut Reader, mark: super::schema::Mark, kr: Option<String>) {
    if let Some(kr) = kr {
        r.gap_since(mark, Missing::Checkins { krs: vec![kr] });
    }
}

fn team(r: &mut Reader, root: &Node, stem: &str) -> Option<Team> {
    let f = r.fields(root, msg!(LOAD_A_TEAM), TEAM_KEYS)?;
    let id = own_id(r, &f, stem)?;
    Some(Team {
        name: r
            .text(&f, "name")
            .map_or_else(|| id.value.clone(), |n| n.value),
        parent: r.text(&f, "parent"),
        lead: r.text(&f, "lead"),
        extra: r.extra(&f),
        id,
    })
}

fn person(r: &mut Reader, root: &Node, stem: &str) -> Option<Person> {
    let f = r.fields(root, msg!(LOAD_A_PERSON), PERSON_KEYS)?;
    let id = own_id(r, &f, stem)?;
    Some(Person {
        name: r
            .text(&f, "name")
            .map_or_else(|| id.value.clone(), |n| n.value),
        team: r.text(&f, "team"),
        extra: r.extra(&f),
        id,
    })
}

fn page(r: &mut Reader, root: &Node, slug: &str) -> Option<Page> {
    let f = r.fields(root, msg!(LOAD_A_PAGE), PAGE_KEYS)?;
    let title = r.required_text(&f, "title", &LOAD_A_PAGE)?;
    Some(Page {
        title: title.value,
        slug: slug.to_owned(),
        extra: r.extra(&f),
    })
}
