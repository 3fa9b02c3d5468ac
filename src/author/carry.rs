//! `okrs new objective --carry`: the continuation of an objective into a later period.

use chrono::NaiveDate;
use std::collections::HashSet;
use std::path::Path;

use super::messages::*;
use super::objective::{check_period, ids_in, refuse_taken};
use super::{
    Error, Outcome, list, notes_about, parse_id, require_site, shown, tr, under, write_new,
    yaml_period,
};
use crate::compute::{Current, KeyResultFigures, ObjectiveFigures, Status};
use crate::load::schema;
use crate::message::{Message, common, count};
use crate::model::{
    At, Commitment, Config, KeyResult, Language, Metric, Objective, Period, ResolvedObjective, Site,
};
use crate::period::PeriodState;
use crate::yaml::write::{yaml_number, yaml_quoted, yaml_scalar};
use crate::{Analysis, Options, diagnostics, msg, period};

/// The arguments of `okrs new objective --carry`.
#[derive(Clone, Debug, Default)]
pub(crate) struct CarryObjective {
    /// The id of the objective to continue.
    pub(crate) from: String,
    /// The period to carry it into; default: the next period of the same kind.
    pub(crate) period: Option<String>,
    /// The new id (and file name); default: the old id with the new period in it.
    pub(crate) id: Option<String>,
    /// The date whose figures say which key results are done and where each stands.
    pub(crate) as_of: Option<NaiveDate>,
}

/// Writes the continuation of an objective into a later period, beside it
/// (docs/format.md#carry-over): the same title, owner, team, alignment, commitment and weight,
/// `carried_from`, and the key results not yet done, each starting where it stands.
pub(crate) fn carry_objective(
    site: &Path,
    args: &CarryObjective,
    lang: Language,
) -> Result<Outcome, Error> {
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
    let old_period = &before.site.periods[old.period];
    let new_period = carried_period(config, from, old_period, args.period.as_deref(), lang)?;
    let id = match &args.id {
        Some(id) => parse_id(id).map_err(Error::Usage)?,
        None => parse_id(&carried_id(from, &old_period.id, &new_period.id))
            .map_err(|problem| Error::Usage(msg!(AUTHOR_GIVE_ID, problem = problem)))?,
    };
    let old_path = &before.site.documents[old.document].path;
    let rel = match old_path.rsplit_once('/') {
        Some((folder, _)) => format!("{folder}/{id}.md"),
        None => format!("{id}.md"),
    };
    refuse_taken(site, &rel, &id, &ids_in(site), msg!(AUTHOR_ADVICE_CARRY))?;

    let (carried, left_out) = carried_key_results(old, &before.figures.objectives[o]);
    let alignment = carried_alignment(&before.site, &old.data, &new_period, lang);
    let text = carried_text(
        &rel,
        &old.data,
        &new_period.id,
        &alignment.aligns_to,
        &carried,
        config.language,
    );
    write_new(site, &rel, &text)?;

    let after = crate::analyse(site, &options);
    let known = refuse_new_errors(site, &rel, (&before, &after), from, lang)?;

    let carried_what = carried_summary(from, &new_period.id, carried.len(), &left_out, lang);
    let report = [msg!(AUTHOR_WROTE, file = shown(site, &rel)), carried_what];
    let report = report
        .into_iter()
        .chain(alignment.report)
        .chain([msg!(AUTHOR_NEXT_CARRY, period = new_period.id.as_str())])
        .map(|m| m.text(lang))
        .collect();
    let mut notes: Vec<String> = alignment.notes.iter().map(|m| m.text(lang)).collect();
    notes.extend(notes_about(&after, &rel, &[], lang));
    let as_of = before.figures.as_of;
    // Where no key result was carried, none starts where it stood.
    if !carried.is_empty() && period::state(old_period, as_of) != PeriodState::Closed {
        let note = msg!(
            AUTHOR_CARRY_STILL_RUNNING,
            period = old_period.id.as_str(),
            as_of = as_of.to_string(),
            from = from
        );
        notes.push(note.text(lang));
    }
    if known > 0 {
        let errors = count(known, &common::ONE_ERROR, &common::ERRORS);
        notes.push(msg!(AUTHOR_SITE_HAS_ERRORS, errors = errors).text(lang));
    }
    Ok(Outcome { report, notes })
}

/// The key results of `old` that are not done, as they are carried ([`continued`]), and
/// the full ids of those that are.
fn carried_key_results<'o>(
    old: &'o ResolvedObjective,
    figures: &ObjectiveFigures,
) -> (Vec<KeyResult>, Vec<&'o str>) {
    let mut carried = Vec::new();
    let mut left_out = Vec::new();
    for (kr, f) in old.each_key_result().zip(&figures.key_results) {
        if f.status == Status::Done {
            left_out.push(kr.resolved.full_id.as_str());
        } else {
            carried.push(continued(kr.written, kr.resolved.metric, f));
        }
    }
    (carried, left_out)
}

/// What was carried from `from` into `period`: `carried` key results, and the ids of
/// those `left_out` (done).
fn carried_summary(
    from: &str,
    period: &str,
    carried: usize,
    left_out: &[&str],
    lang: Language,
) -> Message {
    let all = carried + left_out.len();
    if all == 0 {
        return msg!(AUTHOR_CARRIED_NO_KEY_RESULTS, from = from, period = period);
    }
    let left_out =
        (!left_out.is_empty()).then(|| msg!(AUTHOR_LEFT_OUT, ids = list(left_out, lang)));
    msg!(
        AUTHOR_CARRIED,
        n = carried,
        key_results = count(all, &AUTHOR_ONE_KEY_RESULT, &AUTHOR_KEY_RESULTS),
        from = from,
        period = period,
        left_out = left_out
    )
}

/// The period the continuation of `from`, of `old_period`, goes into: `asked`, else the
/// next period of the same kind; refused unless it is known and starts after `old_period`.
fn carried_period(
    config: &Config,
    from: &str,
    old_period: &Period,
    asked: Option<&str>,
    lang: Language,
) -> Result<Period, Error> {
    let custom: Vec<Period> = config.periods.iter().map(|p| p.value.clone()).collect();
    if period::calendar(&old_period.id).is_none() && !custom.iter().any(|p| p.id == old_period.id) {
        return Err(Error::Refused(msg!(
            AUTHOR_CARRY_FROM_NO_PERIOD,
            from = from,
            period = old_period.id.as_str()
        )));
    }
    let new_period_id = match asked {
        Some(p) => p.to_owned(),
        None => period::next(old_period, &custom).ok_or_else(|| {
            Error::Usage(msg!(
                AUTHOR_CARRY_NO_NEXT,
                from = from,
                period = old_period.id.as_str(),
                end = old_period.end.to_string()
            ))
        })?,
    };
    check_period(config, &new_period_id, lang)?;
    let new_period = period::calendar(&new_period_id)
        .or_else(|| custom.iter().find(|p| p.id == new_period_id).cloned())
        .ok_or_else(|| {
            Error::Refused(msg!(AUTHOR_NO_SUCH_PERIOD, period = new_period_id.as_str()))
        })?;
    if new_period.start <= old_period.end {
        return Err(Error::Refused(msg!(
            AUTHOR_CARRY_NOT_LATER,
            period = new_period.id.as_str(),
            start = new_period.start.to_string(),
            from = from,
            old = old_period.id.as_str(),
            end = old_period.end.to_string()
        )));
    }
    Ok(new_period)
}

/// Removes the continuation `rel` of `from` again, and refuses it, if the site has errors
/// with it that it did not have before; else the number of errors it had before.
fn refuse_new_errors(
    site: &Path,
    rel: &str,
    (before, after): (&Analysis, &Analysis),
    from: &str,
    lang: Language,
) -> Result<usize, Error> {
    // Errors told apart by their lines in one language; listed in `lang`.
    let known: HashSet<String> = error_lines(before, Language::En).collect();
    let mut new_errors = error_lines(after, Language::En).filter(|l| !known.contains(l));
    if new_errors.next().is_none() {
        return Ok(known.len());
    }
    let removed = std::fs::remove_file(site.join(rel))
        .err()
        .map(|e| msg!(AUTHOR_NOT_REMOVED, file = rel, error = e.to_string()));
    let written: Vec<String> = error_lines(after, lang)
        .filter(|l| !known.contains(l))
        .collect();
    Err(Error::Refused(msg!(
        AUTHOR_CARRY_WOULD_FAIL,
        from = from,
        removed = removed,
        errors = written.join("\n")
    )))
}

/// Each error of an analysis as one line in `lang`, to tell new errors from those
/// already there.
fn error_lines(analysis: &Analysis, lang: Language) -> impl Iterator<Item = String> + '_ {
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(move |d| diagnostics::human_line(d, false, lang))
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
    let message = if is_strategy {
        msg!(AUTHOR_IS_STRATEGY, id = id)
    } else if let Some((objective, _)) = id.rsplit_once('/')
        && is_objective(objective)
    {
        msg!(AUTHOR_IS_KEY_RESULT, id = id, objective = objective)
    } else {
        let ids = site.objectives.iter().map(|o| o.data.id.value.as_str());
        let hint = common::did_you_mean(schema::did_you_mean(id, ids));
        msg!(AUTHOR_NO_OBJECTIVE, id = id, hint = hint)
    };
    if analysis.has_errors() {
        let message = msg!(AUTHOR_OBJECTIVE_MAYBE_BROKEN, message = message);
        return Err(Error::Refused(message));
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

/// What a continuation aligns to, and what to say about the objectives it no longer
/// aligns to.
struct Alignment {
    aligns_to: Vec<String>,
    /// An objective replaced by its continuation.
    report: Vec<Message>,
    /// An objective left out.
    notes: Vec<Message>,
}

/// What the continuation of `old` into `period` aligns to: what `old` aligns to, except
/// an objective whose period ends before `period` starts (figures do not count a child
/// of a later period: docs/format.md#rollups). That one gives way to its continuation whose period
/// covers `period` (following `carried_to`, so a continuation of a continuation counts
/// too) where there is exactly one; else it is left out, with a note naming it.
/// Strategies, and objectives of a period that has not ended by then (a year around a
/// quarter), stay as written; so does a name no objective has (`okrs check` reports it).
fn carried_alignment(site: &Site, old: &Objective, period: &Period, lang: Language) -> Alignment {
    let covers = |p: &Period| p.start <= period.start && period.end <= p.end;
    let mut alignment = Alignment {
        aligns_to: Vec::new(),
        report: Vec::new(),
        notes: Vec::new(),
    };
    for target in &old.aligns_to {
        let target = target.value.as_str();
        let found = site
            .objectives
            .iter()
            .position(|o| o.data.id.value == target);
        let ended = found
            .map(|t| &site.periods[site.objectives[t].period])
            .filter(|p| p.end < period.start);
        let (Some(t), Some(ended)) = (found, ended) else {
            alignment.aligns_to.push(target.to_owned());
            continue;
        };
        let mut continuations: Vec<&str> = Vec::new();
        let mut stack = site.objectives[t].carried_to.clone();
        let mut seen = HashSet::new();
        while let Some(c) = stack.pop() {
            if !seen.insert(c) {
                continue;
            }
            let next = &site.objectives[c];
            if covers(&site.periods[next.period]) {
                continuations.push(&next.data.id.value);
            }
            stack.extend(next.carried_to.iter().copied());
        }
        continuations.sort_unstable();
        let from = old.id.value.as_str();
        match continuations.as_slice() {
            [one] => {
                alignment.report.push(msg!(
                    AUTHOR_CARRY_REALIGNED,
                    to = *one,
                    target = target,
                    old = ended.id.as_str(),
                    period = period.id.as_str()
                ));
                alignment.aligns_to.push((*one).to_owned());
            }
            [] => alignment.notes.push(msg!(
                AUTHOR_CARRY_ALIGNMENT_DROPPED,
                target = target,
                from = from,
                old = ended.id.as_str(),
                period = period.id.as_str()
            )),
            several => alignment.notes.push(msg!(
                AUTHOR_CARRY_ALIGNMENT_SPLIT,
                target = target,
                from = from,
                old = ended.id.as_str(),
                period = period.id.as_str(),
                continuations = list(several, lang)
            )),
        }
    }
    let mut seen = HashSet::new();
    alignment.aligns_to.retain(|a| seen.insert(a.clone()));
    alignment
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
    aligns_to: &[String],
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
    match aligns_to {
        [] => {}
        [one] => t += &format!("aligns_to: {}\n", yaml_scalar(one)),
        many => {
            let ids: Vec<String> = many.iter().map(|a| yaml_scalar(a)).collect();
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
