//! `okrs new objective`: a new objective from a template.

use chrono::NaiveDate;
use std::collections::HashSet;
use std::path::Path;

use super::{
    Error, Outcome, documents, file_slug, hint, notes_about, parse_id, read_config, require_site,
    shown, stem, tr, under, write_new, yaml_number, yaml_period, yaml_quoted, yaml_scalar,
};
use crate::compute::{Current, KeyResultFigures, Status};
use crate::diagnostics;
use crate::load::{self, schema};
use crate::model::{
    At, Commitment, Config, Content, KeyResult, Language, Metric, Objective, Period,
};
use crate::period::PeriodState;
use crate::rule::Rule;
use crate::{Analysis, Options, period};

// ---- okrs new objective ----

/// The arguments of `okrs new objective`.
#[derive(Clone, Debug, Default)]
pub struct NewObjective {
    pub title: String,
    pub period: String,
    pub team: Option<String>,
    pub owner: Option<String>,
    pub aligns_to: Vec<String>,
    /// The id (and file name); default: a slug of the title.
    pub id: Option<String>,
}

/// Writes `objectives/[TEAM/]ID.md`: title, period, owner, team, alignment, a commented
/// example key result and a body to fill in, in the site's language.
pub fn new_objective(site: &Path, args: &NewObjective) -> Result<Outcome, Error> {
    require_site(site)?;
    let title = args.title.trim();
    if title.is_empty() {
        return Err(Error::Usage("--title must not be empty".into()));
    }
    let config = read_config(site)?;
    check_period(&config, &args.period)?;
    let id = match &args.id {
        Some(id) => parse_id(id).map_err(Error::Usage)?,
        None => file_slug(title).ok_or_else(|| {
            Error::Usage(format!(
                "cannot make a file name from the title '{title}'; give one with --id"
            ))
        })?,
    };
    let rel = match &args.team {
        Some(team) => {
            let folder = file_slug(team).ok_or_else(|| {
                Error::Usage(format!("cannot make a folder name from the team '{team}'"))
            })?;
            format!("objectives/{folder}/{id}.md")
        }
        None => format!("objectives/{id}.md"),
    };

    let Ids {
        objectives,
        strategies,
    } = ids_in(site);
    refuse_taken(
        site,
        &rel,
        &id,
        &objectives,
        &strategies,
        "choose another title, or an id with --id",
    )?;
    for target in &args.aligns_to {
        let known = objectives
            .iter()
            .map(|(o, _)| o.as_str())
            .chain(strategies.iter().map(String::as_str));
        if !objectives.iter().any(|(o, _)| o == target) && !strategies.contains(target) {
            return Err(Error::Refused(format!(
                "--aligns-to names '{target}', which no objective or strategy defines{}",
                hint(schema::did_you_mean(target, known))
            )));
        }
    }

    let text = objective_text(title, args, config.language);
    write_new(site, &rel, &text)?;
    let after = crate::analyse(site, &Options::default());
    // A template has no key results yet: `objective-empty` is expected until it does.
    let notes = notes_about(&after, &rel, &[Rule::ObjectiveEmpty]);
    Ok(Outcome {
        report: vec![
            format!("wrote {}", shown(site, &rel)),
            "next: write its key results (and what it aligns to), then run `okrs check`".to_owned(),
        ],
        written: vec![rel],
        notes,
    })
}

/// The ids objectives may not take: those of objectives (each with its file) and strategies.
struct Ids {
    objectives: Vec<(String, String)>,
    strategies: Vec<String>,
}

fn ids_in(site: &Path) -> Ids {
    let loaded = documents(site);
    let mut objectives: Vec<(String, String)> = Vec::new();
    let mut strategies: Vec<String> = Vec::new();
    for doc in &loaded.documents {
        match &doc.content {
            Content::Objective(o) => objectives.push((o.id.value.clone(), doc.path.clone())),
            Content::Org(org) => {
                strategies.extend(org.strategies.iter().map(|s| s.id.value.clone()))
            }
            _ => {}
        }
    }
    // An objective file with errors is not loaded, but it will likely take its name's id.
    for path in load::discover(site, Some(&site.join("public"))) {
        let path = load::relative_name(&path);
        if under(&path, "objectives") && !loaded.documents.iter().any(|d| d.path == path) {
            objectives.push((stem(&path).to_owned(), path));
        }
    }
    Ids {
        objectives,
        strategies,
    }
}

/// Refuses a new objective file `rel` that exists, or an `id` an objective or strategy has.
fn refuse_taken(
    site: &Path,
    rel: &str,
    id: &str,
    objectives: &[(String, String)],
    strategies: &[String],
    advice: &str,
) -> Result<(), Error> {
    if site.join(rel).exists() {
        return Err(Error::Refused(format!(
            "{rel} already exists; okrs new never overwrites a file ({advice})"
        )));
    }
    if let Some((_, path)) = objectives.iter().find(|(o, _)| o == id) {
        return Err(Error::Refused(format!(
            "an objective with the id '{id}' already exists ({path}); {advice}"
        )));
    }
    if strategies.iter().any(|s| s == id) {
        return Err(Error::Refused(format!(
            "'{id}' is the id of a strategy in org.md, and objectives share ids with strategies; give another id with --id"
        )));
    }
    Ok(())
}

/// Refuses a period that is neither a calendar id nor a custom period of okrs.yaml.
fn check_period(config: &Config, id: &str) -> Result<(), Error> {
    if period::calendar(id).is_some() || config.periods.iter().any(|p| p.value.id == id) {
        return Ok(());
    }
    let candidates = config.periods.iter().map(|p| p.value.id.as_str());
    let custom = if config.periods.is_empty() {
        String::from("it declares none")
    } else {
        let ids: Vec<&str> = config.periods.iter().map(|p| p.value.id.as_str()).collect();
        format!("it declares {}", ids.join(", "))
    };
    Err(Error::Refused(format!(
        "--period '{id}' is no period{}; write a calendar period such as 2024, 2024-H1 or 2024-Q2, or a custom period of okrs.yaml ({custom})",
        hint(crate::validate::period_hint(id, candidates).as_deref())
    )))
}

fn objective_text(title: &str, args: &NewObjective, language: Language) -> String {
    let mut t = String::from("---\n");
    t += &format!("title: {}\n", yaml_quoted(title));
    t += &format!("period: {}\n", yaml_period(&args.period));
    if let Some(owner) = &args.owner {
        t += &format!("owner: {}\n", yaml_scalar(owner));
    }
    if let Some(team) = &args.team {
        t += &format!("team: {}\n", yaml_scalar(team));
    }
    match args.aligns_to.as_slice() {
        [] => {
            t += tr(
                language,
                "# aligns_to: the id of a strategy (from org.md) or of a parent objective; one, or a list\n",
                "# aligns_to: 所对齐的战略（见 org.md）或上级目标的 id；一个，或一个列表\n",
            )
        }
        [one] => t += &format!("aligns_to: {}\n", yaml_scalar(one)),
        many => {
            let ids: Vec<String> = many.iter().map(|a| yaml_scalar(a)).collect();
            t += &format!("aligns_to: [{}]\n", ids.join(", "));
        }
    }
    let owner = args
        .owner
        .as_deref()
        .map_or_else(|| "someone".to_owned(), yaml_scalar);
    t += &match language {
        Language::En => format!(
            "# commitment: committed   # default aspirational: a stretch, where about 70% is a good result\n\
             # key_results:\n\
             #   - id: kr1\n\
             #     title: \"A result anyone can check, with a number to reach\"\n\
             #     owner: {owner}   # who keeps pushing and checking it\n\
             #     start: 0         # where it stands today\n\
             #     target: 100      # where it must get to\n\
             #     unit: \"%\"\n\
             #     # metric: milestone   # for a yes/no result; also decrease, stay_above, stay_below\n\
             ---\n\
             ## Why this objective\n\
             \n\
             <!-- Why it matters now, and how it serves what it aligns to. -->\n\
             \n\
             ## How we will get there\n\
             \n\
             <!-- The key tasks and bets behind the key results, and what we will not do. -->\n"
        ),
        Language::ZhCn => format!(
            "# commitment: committed   # 默认 aspirational（挑战型，完成约 70% 即是好结果）；committed 为承诺型，必须完成\n\
             # key_results:\n\
             #   - id: kr1\n\
             #     title: \"任何人都能判断是否达成的结果，带一个要达到的数字\"\n\
             #     owner: {owner}   # 负责推进和跟进的人\n\
             #     start: 0         # 现在的数值\n\
             #     target: 100      # 要达到的数值\n\
             #     unit: \"%\"\n\
             #     # metric: milestone   # 是/否型的结果；另有 decrease、stay_above、stay_below\n\
             ---\n\
             ## 为什么是这个目标\n\
             \n\
             <!-- 为什么现在要做，它如何支撑所对齐的战略或上级目标。 -->\n\
             \n\
             ## 我们如何达成\n\
             \n\
             <!-- 关键结果背后的关键任务和打法，以及我们不做什么。 -->\n"
        ),
    };
    t
}

// ---- okrs new objective --carry ----

/// The arguments of `okrs new objective --carry`.
#[derive(Clone, Debug, Default)]
pub struct CarryObjective {
    /// The id of the objective to continue.
    pub from: String,
    /// The period to carry it into; default: the next period of the same kind.
    pub period: Option<String>,
    /// The new id (and file name); default: the old id with the new period in it.
    pub id: Option<String>,
    /// The date whose figures say which key results are done and where each stands.
    pub as_of: Option<NaiveDate>,
}

/// Writes the continuation of an objective into a later period, beside it (SPEC 7,
/// "Carry-over"): the same title, owner, team, alignment, commitment and weight,
/// `carried_from`, and the key results not yet done, each starting where it stands.
pub fn carry_objective(site: &Path, args: &CarryObjective) -> Result<Outcome, Error> {
    require_site(site)?;
    let options = Options {
        as_of: args.as_of,
        include_drafts: true,
        ..Options::default()
    };
    let before = crate::analyse(site, &options);
    let o = find_objective(&before, &args.from)?;
    let old = &before.site.objectives[o];
    let from = old.data.id.value.as_str();
    let config = &before.site.config;
    let custom: Vec<Period> = config.periods.iter().map(|p| p.value.clone()).collect();
    let old_period = &before.site.periods[old.period];
    if period::calendar(&old_period.id).is_none() && !custom.iter().any(|p| p.id == old_period.id) {
        return Err(Error::Refused(format!(
            "'{from}' is of the period '{}', which is no period: fix that first (`okrs check` says how)",
            old_period.id
        )));
    }
    let new_period_id = match &args.period {
        Some(p) => p.clone(),
        None => period::next(old_period, &custom).ok_or_else(|| {
            Error::Usage(format!(
                "'{from}' is of the custom period {}, and okrs.yaml has no period that starts after it ends ({}): say which period to carry it into with --period",
                old_period.id, old_period.end
            ))
        })?,
    };
    check_period(config, &new_period_id)?;
    let new_period = period::calendar(&new_period_id)
        .or_else(|| custom.iter().find(|p| p.id == new_period_id).cloned())
        .ok_or_else(|| Error::Refused(format!("--period '{new_period_id}' is no period")))?;
    if new_period.start <= old_period.end {
        return Err(Error::Refused(format!(
            "--period {} starts on {}, before '{from}' of {} ends ({}): an objective is carried into a later period (carry-period)",
            new_period.id, new_period.start, old_period.id, old_period.end
        )));
    }
    let id = match &args.id {
        Some(id) => parse_id(id).map_err(Error::Usage)?,
        None => parse_id(&carried_id(from, &old_period.id, &new_period.id))
            .map_err(|problem| Error::Usage(format!("{problem}; give one with --id")))?,
    };
    let old_path = &before.site.documents[old.document].path;
    let rel = match old_path.rsplit_once('/') {
        Some((folder, _)) => format!("{folder}/{id}.md"),
        None => format!("{id}.md"),
    };
    let Ids {
        objectives,
        strategies,
    } = ids_in(site);
    refuse_taken(
        site,
        &rel,
        &id,
        &objectives,
        &strategies,
        "give the continuation another id with --id",
    )?;

    let figures = &before.figures.objectives[o];
    let mut carried = Vec::new();
    let mut left_out = Vec::new();
    for (rk, f) in old.key_results.iter().zip(&figures.key_results) {
        if f.status == Status::Done {
            left_out.push(rk.full_id.as_str());
        } else {
            carried.push(continued(&old.data.key_results[rk.written], rk.metric, f));
        }
    }
    let text = carried_text(&rel, &old.data, &new_period.id, &carried, config.language);
    write_new(site, &rel, &text)?;

    let after = crate::analyse(site, &options);
    let known: HashSet<String> = error_lines(&before).collect();
    let new_errors: Vec<String> = error_lines(&after).filter(|l| !known.contains(l)).collect();
    if !new_errors.is_empty() {
        let removed = std::fs::remove_file(site.join(&rel)).map_or_else(
            |e| format!("; and {rel} could not be removed: {e}"),
            |()| String::new(),
        );
        return Err(Error::Refused(format!(
            "the continuation of '{from}' would have errors, so it was not written{removed}:\n{}",
            new_errors.join("\n")
        )));
    }

    let mut report = vec![
        format!("wrote {}", shown(site, &rel)),
        format!(
            "carried {} of the {} of '{from}' into {}{}",
            carried.len(),
            diagnostics::plural(old.key_results.len(), "key result"),
            new_period.id,
            if left_out.is_empty() {
                String::new()
            } else {
                format!("; left out, done: {}", left_out.join(", "))
            }
        ),
    ];
    report.push(format!(
        "next: review its targets for {}, then run `okrs check`",
        new_period.id
    ));
    let mut notes = notes_about(&after, &rel, &[]);
    let as_of = before.figures.as_of;
    if period::state(old_period, as_of) != PeriodState::Closed {
        notes.push(format!(
            "note: {} has not ended as of {as_of}, so '{from}' may still move; the new key results start where they stood on {as_of}",
            old_period.id
        ));
    }
    if !known.is_empty() {
        notes.push(format!(
            "note: the site has {} elsewhere: `okrs check` lists them",
            diagnostics::plural(known.len(), "error")
        ));
    }
    Ok(Outcome {
        written: vec![rel],
        report,
        notes,
    })
}

/// Each error of an analysis as one line, to tell new errors from those already there.
fn error_lines(analysis: &Analysis) -> impl Iterator<Item = String> + '_ {
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| diagnostics::human_line(d, false, analysis.site.config.language))
}

/// The objective with this id; else why there is none, with a hint.
fn find_objective(analysis: &Analysis, id: &str) -> Result<usize, Error> {
    let site = &analysis.site;
    if let Some(o) = site.objectives.iter().position(|o| o.data.id.value == id) {
        return Ok(o);
    }
    let is_objective = |i: &str| site.objectives.iter().any(|o| o.data.id.value == i);
    let is_strategy = site
        .org()
        .is_some_and(|org| org.strategies.iter().any(|s| s.id.value == id));
    let mut message = if is_strategy {
        format!(
            "'{id}' is a strategy of org.md, not an objective: only objectives are carried over"
        )
    } else if let Some((objective, _)) = id.rsplit_once('/')
        && is_objective(objective)
    {
        format!(
            "'{id}' is a key result, not an objective: write --carry {objective}, and its key results that are not done go with it"
        )
    } else {
        let ids = site.objectives.iter().map(|o| o.data.id.value.as_str());
        format!(
            "'{id}' is no objective of this site{}",
            hint(schema::did_you_mean(id, ids))
        )
    };
    if analysis.has_errors() {
        message += "\n(the site has errors, and an objective in a file with errors may be missing: run `okrs check`)";
    }
    Err(Error::Refused(message))
}

/// The id of the continuation of `old`, of period `from`, into period `to`: the old id
/// with the old period's id (in any case, not touching an ASCII letter or digit on either
/// side; the last such place) replaced by the new one in lower case, else the old id
/// followed by `-` and the new period's id in lower case.
fn carried_id(old: &str, from: &str, to: &str) -> String {
    let to = to.to_lowercase();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let found = old
        .char_indices()
        .filter_map(|(i, _)| {
            let mut rest = old[i..].char_indices();
            let mut end = i;
            for wanted in from.chars() {
                match rest.next() {
                    Some((j, c)) if c.to_lowercase().eq(wanted.to_lowercase()) => {
                        end = i + j + c.len_utf8();
                    }
                    _ => return None,
                }
            }
            let touches = word(old[..i].chars().next_back()) || word(old[end..].chars().next());
            (end > i && !touches).then_some((i, end))
        })
        .next_back();
    match found {
        Some((i, end)) => format!("{}{to}{}", &old[..i], &old[end..]),
        None => format!("{old}-{to}"),
    }
}

/// A key result as it is carried: its id, title, owner, metric, target, unit and weight;
/// `start` where it stands now (increase and decrease with data); nothing else. `metric`
/// is written where it was, or where the new start would change what it is inferred to be.
fn continued(kr: &KeyResult, metric: Metric, figures: &KeyResultFigures) -> KeyResult {
    let mut next = KeyResult {
        tasks: Vec::new(),
        checkins: Vec::new(),
        grade: None,
        extra: serde_json::Value::Null,
        ..kr.clone()
    };
    if matches!(metric, Metric::Increase | Metric::Decrease)
        && figures.checkins > 0
        && let Current::Number(value) = figures.current
    {
        let pos = kr.start.as_ref().map_or(kr.pos, |s| s.pos);
        next.start = Some(At::new(value, pos));
    }
    if next.metric.is_none() && next.effective_metric() != metric {
        next.metric = Some(At::new(metric, kr.pos));
    }
    next
}

fn carried_text(
    rel: &str,
    old: &Objective,
    period: &str,
    key_results: &[KeyResult],
    language: Language,
) -> String {
    let mut t = String::from("---\n");
    if !under(rel, "objectives") {
        // Beside an objective that says its kind itself, outside objectives/.
        t += "kind: objective\n";
    }
    t += &format!("title: {}\n", yaml_quoted(&old.title));
    t += &format!("period: {}\n", yaml_period(period));
    if let Some(owner) = &old.owner {
        t += &format!("owner: {}\n", yaml_scalar(&owner.value));
    }
    if let Some(team) = &old.team {
        t += &format!("team: {}\n", yaml_scalar(&team.value));
    }
    match old.aligns_to.as_slice() {
        [] => {}
        [one] => t += &format!("aligns_to: {}\n", yaml_scalar(&one.value)),
        many => {
            let ids: Vec<String> = many.iter().map(|a| yaml_scalar(&a.value)).collect();
            t += &format!("aligns_to: [{}]\n", ids.join(", "));
        }
    }
    if old.commitment == Commitment::Committed {
        t += "commitment: committed\n";
    }
    if old.weight != 1.0 {
        t += &format!("weight: {}\n", yaml_number(old.weight));
    }
    t += &format!("carried_from: {}\n", yaml_scalar(&old.id.value));
    if !key_results.is_empty() {
        t += "key_results:\n";
    }
    for kr in key_results {
        t += &format!("  - id: {}\n", yaml_scalar(&kr.id.value));
        t += &format!("    title: {}\n", yaml_quoted(&kr.title));
        if let Some(owner) = &kr.owner {
            t += &format!("    owner: {}\n", yaml_scalar(&owner.value));
        }
        if let Some(metric) = &kr.metric {
            t += &format!("    metric: {}\n", metric.value.as_str());
        }
        if let Some(start) = &kr.start {
            t += &format!("    start: {}\n", yaml_number(start.value));
        }
        if let Some(target) = &kr.target {
            t += &format!("    target: {}\n", yaml_number(target.value));
        }
        if let Some(unit) = &kr.unit {
            t += &format!("    unit: {}\n", yaml_quoted(unit));
        }
        if kr.weight != 1.0 {
            t += &format!("    weight: {}\n", yaml_number(kr.weight));
        }
    }
    t += "---\n";
    t += tr(
        language,
        "## Why we carry it on\n\n<!-- What the last period taught, and what changes this time. -->\n",
        "## 为什么继续\n\n<!-- 上一期学到了什么，这一期有什么不同。 -->\n",
    );
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::Pos;

    #[test]
    fn carried_ids_take_the_new_period_in_place_of_the_old() {
        assert_eq!(
            carried_id("sales-2024-q2", "2024-Q2", "2024-Q3"),
            "sales-2024-q3"
        );
        assert_eq!(carried_id("sales", "2024-Q2", "2024-Q3"), "sales-2024-q3");
        assert_eq!(carried_id("2024-q4-eu", "2024-Q4", "2025-Q1"), "2025-q1-eu");
        // The id's period text in any case; the new one in lower case.
        assert_eq!(carried_id("eu-2024-Q4", "2024-Q4", "2025-Q1"), "eu-2025-q1");
        assert_eq!(
            carried_id("plan-2024-h1", "2024-H1", "2024-H2"),
            "plan-2024-h2"
        );
        assert_eq!(carried_id("vision-2024", "2024", "2025"), "vision-2025");
        assert_eq!(carried_id("fy24-hiring", "FY24", "FY25"), "fy25-hiring");
        assert_eq!(
            carried_id("销售2024-q2", "2024-Q2", "2024-Q3"),
            "销售2024-q3"
        );
        // Only where it stands apart from other letters and digits, and the last time.
        assert_eq!(
            carried_id("x-12024-q2", "2024-Q2", "2024-Q3"),
            "x-12024-q2-2024-q3"
        );
        assert_eq!(carried_id("fyi", "FY", "FY2"), "fyi-fy2");
        assert_eq!(
            carried_id("2024-q2-review-2024-q2", "2024-Q2", "2024-Q3"),
            "2024-q2-review-2024-q3"
        );
        // A year inside a quarter's id is still that year.
        assert_eq!(carried_id("okr-2024-q2", "2024", "2025"), "okr-2025-q2");
    }

    fn kr(start: Option<f64>, target: Option<f64>, metric: Option<Metric>) -> KeyResult {
        let pos = Pos::default();
        KeyResult {
            id: At::new("kr1".into(), pos),
            pos,
            title: "A result".into(),
            owner: Some(At::new("ann".into(), pos)),
            start: start.map(|s| At::new(s, pos)),
            target: target.map(|t| At::new(t, pos)),
            unit: Some("%".into()),
            weight: 2.0,
            metric: metric.map(|m| At::new(m, pos)),
            tasks: vec![crate::model::Task {
                title: "a task".into(),
                done: false,
            }],
            checkins: Vec::new(),
            grade: Some(At::new(0.5, pos)),
            extra: serde_json::json!({ "note": "x" }),
        }
    }

    fn figures(current: Current, checkins: usize) -> KeyResultFigures {
        KeyResultFigures {
            current,
            raw_progress: 0.5,
            progress: 0.5,
            confidence: None,
            at_risk: false,
            status: Status::Behind,
            checkins,
            grade: None,
            checkin_due: false,
            done_on: None,
        }
    }

    #[test]
    fn a_carried_key_result_starts_where_it_stands_and_keeps_its_meaning() {
        let old = kr(Some(40.0), Some(70.0), None);
        let next = continued(&old, Metric::Increase, &figures(Current::Number(55.0), 2));
        assert_eq!(next.start.as_ref().map(|s| s.value), Some(55.0));
        assert_eq!(
            (next.target.as_ref().map(|t| t.value), next.weight),
            (Some(70.0), 2.0)
        );
        assert_eq!(next.unit.as_deref(), Some("%"));
        assert!(next.metric.is_none(), "an inferred increase stays inferred");
        assert!(next.tasks.is_empty() && next.grade.is_none() && next.extra.is_null());

        // Without data, the start stays as written (here: not written at all).
        let old = kr(None, Some(70.0), None);
        let next = continued(&old, Metric::Increase, &figures(Current::Number(0.0), 0));
        assert!(next.start.is_none());

        // Were the new start past the target, `metric` is written so it stays an increase.
        let old = kr(Some(40.0), Some(70.0), None);
        let next = continued(&old, Metric::Increase, &figures(Current::Number(80.0), 1));
        assert_eq!(
            next.metric.as_ref().map(|m| m.value),
            Some(Metric::Increase)
        );
        assert_eq!(next.effective_metric(), Metric::Increase);

        // A metric written is kept; thresholds and milestones keep their start.
        let old = kr(Some(5.0), Some(99.9), Some(Metric::StayAbove));
        let next = continued(&old, Metric::StayAbove, &figures(Current::Number(99.0), 3));
        assert_eq!(next.start.map(|s| s.value), Some(5.0));
        assert_eq!(next.metric.map(|m| m.value), Some(Metric::StayAbove));
        let old = kr(None, None, Some(Metric::Milestone));
        let next = continued(&old, Metric::Milestone, &figures(Current::Done(false), 1));
        assert!(next.start.is_none() && next.target.is_none());
    }
}
