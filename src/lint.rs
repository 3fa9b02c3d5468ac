//! Stage 4: the lints of docs/checks.md, which turn the methodology's advice into
//! warnings, and the checks that depend on the as-of date. Lints take the level okrs.yaml
//! gives each rule, and an objective's `allow:` silences them for it and its key results.
//! Every figure is read from `compute`; nothing is computed again here.

use std::collections::HashSet;

use crate::compute::{Figures, Status, lint_param};
use crate::diagnostics::{Diagnostic, Severity};
use crate::message::{Message, common};
use crate::model::*;
use crate::msg;
use crate::period::{self, PeriodState};

pub(crate) mod messages;
use messages::*;

/// A lint found, with the objective it concerns (for that objective's `allow:`).
struct Found {
    objective: Option<usize>,
    diagnostic: Diagnostic,
}

/// Runs every lint, adds the date-dependent errors, and applies the configured levels and
/// each objective's `allow:`. `earlier` holds the diagnostics of the stages before.
pub fn lint(site: &Site, figures: &Figures, mut earlier: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for o in 0..site.objectives.len() {
        objective_lints(site, figures, o, &mut found);
        for k in 0..site.objectives[o].key_results.len() {
            key_result_lints(site, figures, o, k, &mut found);
        }
        earlier.extend(grades_too_early(site, figures, o));
    }
    party_lints(site, &mut found);
    found.extend(feed_base_url(site, figures));
    // A file with an error gets no lints, whichever stage found the error.
    let faulty: HashSet<&str> = earlier
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.file.as_str())
        .collect();
    found.retain(|f| !faulty.contains(f.diagnostic.file.as_str()));
    let lints = apply_levels(site, found);
    earlier.extend(lints);
    earlier
}

fn warning(site: &Site, o: usize, pos: Pos, rule: Rule, message: Message) -> Found {
    let file = &site.documents[site.objectives[o].document].path;
    Found {
        objective: Some(o),
        diagnostic: Diagnostic::new(file, pos, Severity::Warning, rule, message),
    }
}

fn objective_lints(site: &Site, figures: &Figures, o: usize, found: &mut Vec<Found>) {
    let resolved = &site.objectives[o];
    let objective = &resolved.data;
    let f = &figures.objectives[o];
    let period = &site.periods[resolved.period];
    let id = &objective.id.value;
    let mut warn = |pos: Pos, rule: Rule, message: Message| {
        found.push(warning(site, o, pos, rule, message));
    };
    let max_krs = lint_param(&site.config, Rule::MaxKeyResults);
    if objective.key_results.len() as f64 > max_krs {
        let over = &objective.key_results[max_krs as usize];
        warn(
            over.pos,
            Rule::MaxKeyResults,
            msg!(
                LINT_MAX_KEY_RESULTS,
                id = id,
                n = objective.key_results.len(),
                max = max_krs
            ),
        );
    }
    if objective.aligns_to.is_empty() {
        warn(
            objective.pos,
            Rule::ObjectiveAligned,
            msg!(LINT_OBJECTIVE_ALIGNED, id = id),
        );
    }
    // A child that could not be read may be what it lacks.
    if objective.key_results.is_empty()
        && resolved.children.is_empty()
        && !site.unread.parents.contains(id)
    {
        warn(
            objective.pos,
            Rule::ObjectiveEmpty,
            msg!(LINT_OBJECTIVE_EMPTY, id = id),
        );
    }
    // A check-in that could not be read may be the one that reached the target, or the
    // one that reached it too early.
    let lost = resolved
        .key_results
        .iter()
        .any(|rk| site.unread.checkins_of.contains(&rk.full_id));
    if objective.commitment == Commitment::Committed
        && f.status == Status::Missed
        && objective.review.is_none()
        && !lost
    {
        warn(
            objective.pos,
            Rule::CommittedMissed,
            msg!(
                LINT_COMMITTED_MISSED,
                id = id,
                period = &period.id,
                progress = format!("{:.0}", f.progress * 100.0)
            ),
        );
    }
    if objective.commitment == Commitment::Aspirational
        && !lost
        && let Some(day) = too_easy(site, figures, o)
    {
        warn(
            objective.pos,
            Rule::TooEasy,
            msg!(
                LINT_TOO_EASY,
                id = id,
                day = day.to_string(),
                period = &period.id
            ),
        );
    }
}

fn key_result_lints(site: &Site, figures: &Figures, o: usize, k: usize, found: &mut Vec<Found>) {
    let resolved = &site.objectives[o];
    let KeyResultRef {
        written: kr,
        resolved: rk,
    } = resolved.key_result(k);
    let kf = &figures.objectives[o].key_results[k];
    let period = &site.periods[resolved.period];
    let as_of = figures.as_of;
    let mut warn = |pos: Pos, rule: Rule, message: Message| {
        found.push(warning(site, o, pos, rule, message));
    };
    let full_id = &rk.full_id;
    if kr.owner.is_none() {
        warn(kr.pos, Rule::KrOwner, msg!(LINT_KR_OWNER, id = full_id));
    }
    if kr.target.is_none() && kr.metric.is_none() {
        warn(
            kr.pos,
            Rule::KrMeasurable,
            msg!(LINT_KR_MEASURABLE, id = full_id),
        );
    }
    if let Some(message) = wrong_direction(kr, rk, kf.checkins) {
        warn(kr.pos, Rule::KrDirection, message);
    }
    // A check-in that could not be read may be the one it lacks.
    if kf.checkin_due && !site.unread.checkins_of.contains(full_id) {
        let stale_days = lint_param(&site.config, Rule::StaleCheckin);
        match rk.checkins[..kf.checkins].last() {
            None => warn(
                kr.pos,
                Rule::KrNoCheckins,
                msg!(
                    LINT_KR_NO_CHECKINS,
                    id = full_id,
                    days = (as_of - period.start).num_days(),
                    period = &period.id
                ),
            ),
            Some(last) => warn(
                kr.pos,
                Rule::StaleCheckin,
                msg!(
                    LINT_STALE_CHECKIN,
                    id = full_id,
                    date = last.date.to_string(),
                    days = (as_of - last.date).num_days(),
                    as_of = as_of.to_string(),
                    max = stale_days
                ),
            ),
        }
    }
}

/// An increase whose `start` was left out (so 0) while its first check-in is already
/// past its target: most likely a decrease ("cut to 48 h") that needs its baseline.
fn wrong_direction(kr: &KeyResult, rk: &ResolvedKeyResult, visible: usize) -> Option<Message> {
    let target = kr.target.as_ref()?.value;
    let first = rk.checkins[..visible].first()?.value?;
    if rk.metric != Metric::Increase || kr.start.is_some() || first <= target {
        return None;
    }
    Some(msg!(
        LINT_KR_DIRECTION,
        id = &rk.full_id,
        first = first,
        target = target
    ))
}

/// The day an aspirational objective's last doable key result (increase, decrease or
/// milestone) reached progress 1, if all of them (at least one) did in the first half of
/// its period. A period of one or two days (its end less than 2 days after its start)
/// has no first half to be done in too early.
fn too_easy(site: &Site, figures: &Figures, o: usize) -> Option<chrono::NaiveDate> {
    let resolved = &site.objectives[o];
    let period = &site.periods[resolved.period];
    if (period.end - period.start).num_days() < 2 {
        return None;
    }
    let half = period::midpoint(period);
    let doable: Vec<Option<chrono::NaiveDate>> = resolved
        .key_results
        .iter()
        .zip(&figures.objectives[o].key_results)
        .filter(|(rk, _)| {
            matches!(
                rk.metric,
                Metric::Increase | Metric::Decrease | Metric::Milestone
            )
        })
        .map(|(_, kf)| kf.done_on)
        .collect();
    let last = doable.iter().copied().max()??;
    (!doable.is_empty() && doable.iter().all(Option::is_some) && last <= half).then_some(last)
}

/// `grade:` by hand on a key result of a period that is not closed yet.
fn grades_too_early(site: &Site, figures: &Figures, o: usize) -> Vec<Diagnostic> {
    let resolved = &site.objectives[o];
    let period = &site.periods[resolved.period];
    let state = period::state(period, figures.as_of);
    if state == PeriodState::Closed || period.start == chrono::NaiveDate::MAX {
        return Vec::new();
    }
    let file = &site.documents[resolved.document].path;
    resolved
        .each_key_result()
        .filter_map(
            |KeyResultRef {
                 written: kr,
                 resolved: rk,
             }| {
                let grade = kr.grade.as_ref()?;
                let message = if state == PeriodState::Upcoming {
                    msg!(
                        LINT_GRADE_TOO_EARLY_UPCOMING,
                        id = &rk.full_id,
                        period = &period.id,
                        start = period.start.to_string(),
                        end = period.end.to_string()
                    )
                } else {
                    msg!(
                        LINT_GRADE_TOO_EARLY,
                        id = &rk.full_id,
                        period = &period.id,
                        end = period.end.to_string()
                    )
                };
                Some(Diagnostic::error(
                    file,
                    grade.pos,
                    Rule::GradeTooEarly,
                    message,
                ))
            },
        )
        .collect()
}

/// Owners, teams, parents and leads that no file defines, where the site keeps such files.
fn party_lints(site: &Site, found: &mut Vec<Found>) {
    let mut check = |objective: Option<usize>,
                     file: &str,
                     text: &At<String>,
                     party: Option<usize>,
                     team: bool| {
        let (parties, has_folder) = if team {
            (&site.teams, site.has_teams_folder)
        } else {
            (&site.people, site.has_people_folder)
        };
        if !has_folder || party.is_none_or(|p| parties[p].document.is_some()) {
            return;
        }
        // A file that could not be read may be the one that defines it.
        let unread = if team {
            &site.unread.teams
        } else {
            &site.unread.people
        };
        if unread.contains(&text.value) {
            return;
        }
        let known = parties
            .iter()
            .filter(|p| p.document.is_some())
            .map(|p| p.id.as_str());
        let hint = common::did_you_mean(crate::load::schema::did_you_mean(&text.value, known));
        let (rule, unknown) = if team {
            (Rule::UnknownTeam, &LINT_UNKNOWN_TEAM)
        } else {
            (Rule::UnknownPerson, &LINT_UNKNOWN_PERSON)
        };
        let message = msg!(*unknown, name = &text.value, hint = hint);
        found.push(Found {
            objective,
            diagnostic: Diagnostic::new(file, text.pos, Severity::Warning, rule, message),
        });
    };
    for (o, resolved) in site.objectives.iter().enumerate() {
        let file = &site.documents[resolved.document].path;
        let objective = &resolved.data;
        if let Some(owner) = &objective.owner {
            check(Some(o), file, owner, resolved.owner, false);
        }
        if let Some(team) = &objective.team {
            check(Some(o), file, team, resolved.team, true);
        }
        for kr in resolved.each_key_result() {
            if let Some(owner) = &kr.written.owner {
                check(Some(o), file, owner, kr.resolved.owner, false);
            }
        }
    }
    for team in site.teams.iter().filter_map(|t| Some((t, t.document?))) {
        let (party, doc) = (team.0, &site.documents[team.1]);
        if let Content::Team(t) = &doc.content {
            if let Some(parent) = &t.parent {
                check(None, &doc.path, parent, party.team, true);
            }
            if let Some(lead) = &t.lead {
                check(None, &doc.path, lead, party.lead, false);
            }
        }
    }
    for person in site.people.iter().filter_map(|p| Some((p, p.document?))) {
        let (party, doc) = (person.0, &site.documents[person.1]);
        if let Content::Person(p) = &doc.content
            && let Some(team) = &p.team
        {
            check(None, &doc.path, team, party.team, true);
        }
    }
}

/// A feed with entries but no `base_url`: its links are relative, which readers that
/// fetched it by its address resolve, but a feed file passed on, imported or opened from
/// disk cannot (docs/checks.md). A site without check-ins has an empty feed: no warning.
/// Off unless okrs.yaml turns it on (`Rule::is_on_by_default`).
fn feed_base_url(site: &Site, figures: &Figures) -> Option<Found> {
    let has_entries = figures
        .objectives
        .iter()
        .filter(|f| f.included)
        .any(|f| f.key_results.iter().any(|k| k.checkins > 0));
    (site.config.base_url.is_none() && has_entries).then(|| Found {
        objective: None,
        diagnostic: Diagnostic::new(
            "okrs.yaml",
            Pos { line: 1, column: 1 },
            Severity::Warning,
            Rule::FeedBaseUrl,
            msg!(LINT_FEED_BASE_URL),
        ),
    })
}

/// Drops lints that okrs.yaml or the objective's `allow:` silences; `deny` makes errors.
/// A file read with parts left out gets no lints until it reads cleanly, and when okrs.yaml
/// cannot be read no lint has a known level, so none is reported.
fn apply_levels(site: &Site, found: Vec<Found>) -> Vec<Diagnostic> {
    if site.unread.lint_settings {
        return Vec::new();
    }
    found
        .into_iter()
        .filter(|f| !site.unread.files.contains(&f.diagnostic.file))
        .filter_map(
            |Found {
                 objective,
                 mut diagnostic,
             }| {
                let rule = diagnostic.rule;
                if objective.is_some_and(|o| site.objective(o).allow.contains(&rule)) {
                    return None;
                }
                match site.config.lints.get(&rule).and_then(|s| s.level) {
                    Some(LintLevel::Allow) => return None,
                    Some(LintLevel::Deny) => diagnostic.severity = Severity::Error,
                    None if !rule.is_on_by_default() => return None,
                    Some(LintLevel::Warn) | None => {}
                }
                Some(diagnostic)
            },
        )
        .collect()
}
