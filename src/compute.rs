//! Stage 3: every figure of docs/format.md#how-figures-are-computed — key result progress, objective, team and period
//! rollups, expected pace, status, confidence and risk — as of one date.

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::model::*;
use crate::period::{self, PeriodState};

/// Comparisons allow this much rounding error (0.7 − 0.2 counts as 0.5).
pub(crate) const EPSILON: f64 = 1e-9;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Status {
    Upcoming,
    Done,
    Missed,
    NoData,
    OnTrack,
    Behind,
}

impl Status {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Status::Upcoming => "upcoming",
            Status::Done => "done",
            Status::Missed => "missed",
            Status::NoData => "no_data",
            Status::OnTrack => "on_track",
            Status::Behind => "behind",
        }
    }
}

/// Where a grade falls: red below 0.4, yellow from 0.4 below 0.7, green from 0.7.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Band {
    Red,
    Yellow,
    Green,
}

impl Band {
    pub(crate) const ALL: [Band; 3] = [Band::Green, Band::Yellow, Band::Red];

    pub(crate) fn of(grade: f64) -> Band {
        if grade >= 0.7 - EPSILON {
            Band::Green
        } else if grade >= 0.4 - EPSILON {
            Band::Yellow
        } else {
            Band::Red
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Band::Red => "red",
            Band::Yellow => "yellow",
            Band::Green => "green",
        }
    }
}

/// A key result's current value: a number, or done / not done for a milestone.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Current {
    Number(f64),
    Done(bool),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct KeyResultFigures {
    pub(crate) current: Current,
    pub(crate) raw_progress: f64,
    pub(crate) progress: f64,
    pub(crate) confidence: Option<u8>,
    pub(crate) at_risk: bool,
    pub(crate) status: Status,
    /// How many of its check-ins are on or before the as-of date (they come first).
    pub(crate) checkins: usize,
    /// Its grade, in a closed period: written by hand, else its progress.
    pub(crate) grade: Option<f64>,
    /// Whether its owner owes a check-in (a running period, not done, none for too long).
    pub(crate) checkin_due: bool,
    /// The date of the first check-in that brought its progress to 1, for those that can
    /// be done (increase, decrease, milestone).
    pub(crate) done_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ObjectiveFigures {
    pub(crate) progress: f64,
    pub(crate) expected: f64,
    pub(crate) status: Status,
    pub(crate) confidence: Option<u8>,
    pub(crate) at_risk: bool,
    /// False for a draft left out of this build.
    pub(crate) included: bool,
    /// Whether any key result under it (its own, or its descendants' when it has none)
    /// has a check-in.
    pub(crate) has_data: bool,
    /// Its grade, in a closed period.
    pub(crate) grade: Option<f64>,
    /// Its progress recomputed at each date a check-in moved it, oldest first.
    pub(crate) history: Vec<(NaiveDate, f64)>,
    pub(crate) key_results: Vec<KeyResultFigures>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PeriodFigures {
    pub(crate) state: PeriodState,
    pub(crate) expected: f64,
    pub(crate) progress: f64,
    pub(crate) status: Status,
    pub(crate) grade: Option<f64>,
    /// Included objectives of the period, by id.
    pub(crate) objectives: Vec<usize>,
    /// Those that align to no included objective of the same period.
    pub(crate) top_level: Vec<usize>,
    /// The period's objectives by team: teams by name, then those without a team.
    pub(crate) teams: Vec<TeamGroup>,
}

/// A period's objectives of one team (or of none), with their rollup.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TeamGroup {
    pub(crate) team: Option<usize>,
    pub(crate) objectives: Vec<usize>,
    pub(crate) progress: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct TeamFigures {
    /// (period index, progress) for each period in which the team has objectives.
    pub(crate) progress: Vec<(usize, f64)>,
    /// (period index, progress) over the team's objectives and those of every team
    /// below it, for each period in which any of them has objectives.
    pub(crate) with_subteams: Vec<(usize, f64)>,
}

/// Every figure of the site as of one date.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    pub(crate) as_of: NaiveDate,
    pub(crate) include_drafts: bool,
    /// Parallel to `site.objectives`.
    pub(crate) objectives: Vec<ObjectiveFigures>,
    /// Parallel to `site.periods`.
    pub(crate) periods: Vec<PeriodFigures>,
    /// Parallel to `site.teams`.
    pub(crate) teams: Vec<TeamFigures>,
    /// Parallel to `site.teams` and `site.people`: whether each appears in the output. One
    /// that no file defines appears only if something in the output names it (not only
    /// drafts left out of the build).
    pub(crate) teams_included: Vec<bool>,
    pub(crate) people_included: Vec<bool>,
    /// The period the dashboard shows: the shortest period with objectives that holds the
    /// as-of date, else the one with objectives that ends last.
    pub(crate) current_period: Option<usize>,
    /// Every period with objectives that holds the as-of date, shortest first (then by
    /// start and id): a quarter, its half and its year. The first is `current_period`;
    /// the dashboard lists the risks and due check-ins of all of them.
    pub(crate) running_periods: Vec<usize>,
    /// What the figures were made from, for `after_edits` to start from.
    derived: Derived,
}

/// What figures are made from, besides the key results' figures and histories.
#[derive(Clone, Debug, Default, PartialEq)]
struct Derived {
    /// The objectives, children before the objectives they align to.
    order: Vec<usize>,
    /// Whether the alignment graph has no cycle (with one, a rollup in it reads a child's
    /// before it is worked out, as nothing else would).
    acyclic: bool,
    /// Parallel to `site.objectives`.
    rollups: Vec<Rollup>,
}

/// The as-of date: the flag, else okrs.yaml, else SOURCE_DATE_EPOCH (UTC), else today.
pub fn as_of_date(
    flag: Option<NaiveDate>,
    config: &Config,
    source_date_epoch: Option<&str>,
) -> NaiveDate {
    flag.or(config.as_of)
        .or_else(|| {
            let seconds: i64 = source_date_epoch?.trim().parse().ok()?;
            chrono::DateTime::from_timestamp(seconds, 0).map(|t| t.date_naive())
        })
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// `clamp(x, 0, 1)`, with values within rounding error of 0 or 1 made exactly 0 or 1.
fn clamp_unit(x: f64) -> f64 {
    let x = x.clamp(0.0, 1.0);
    if x > 1.0 - EPSILON {
        1.0
    } else if x < EPSILON {
        0.0
    } else {
        x
    }
}

/// Rounds a difference of two written decimals to 12 significant digits, which removes
/// binary representation noise (7.1 − 6.2 is 0.9, not 0.8999999999999995).
fn decimal(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(11 - x.abs().log10().floor() as i32);
    let rounded = (x * scale).round() / scale;
    if rounded.is_finite() { rounded } else { x }
}
/// A key result's progress from its current value; `None` current means no data.
pub(crate) fn progress(kr: &KeyResult, metric: Metric, current: Option<Current>) -> (f64, f64) {
    let Some(current) = current else {
        return (0.0, 0.0);
    };
    let target = kr.target.as_ref().map_or(0.0, |t| t.value);
    let p = match (metric, current) {
        (Metric::Increase | Metric::Decrease, Current::Number(v)) => {
            let start = kr.start_value();
            let (moved, way) = (v - start, target - start);
            let raw = if moved.is_finite() && way.is_finite() {
                decimal(moved) / decimal(way)
            } else {
                // From −1e308 to 1e308: the same ratio of halves, which cannot overflow.
                (v / 2.0 - start / 2.0) / (target / 2.0 - start / 2.0)
            };
            if raw.is_nan() {
                return (0.0, 0.0);
            }
            // A ratio too large for a number (1e308 on the way to 1e-300) is the largest one.
            let raw = raw.clamp(-f64::MAX, f64::MAX);
            // Within rounding error of a whole number, it is that number.
            let raw = if (raw - raw.round()).abs() < EPSILON {
                raw.round()
            } else {
                raw
            };
            return (raw, clamp_unit(raw));
        }
        (Metric::StayAbove, Current::Number(v)) => f64::from(u8::from(v >= target - EPSILON)),
        (Metric::StayBelow, Current::Number(v)) => f64::from(u8::from(v <= target + EPSILON)),
        (Metric::Milestone, Current::Done(done)) => f64::from(u8::from(done)),
        _ => 0.0,
    };
    (p, p)
}

/// Weighted mean of `(value, weight)` pairs; 0 when there are none. Weights so large that
/// their sum overflows (two of 1e308) count as they are divided by the largest of them.
pub(crate) fn weighted_mean<I>(items: I) -> f64
where
    I: IntoIterator<Item = (f64, f64)>,
    I::IntoIter: Clone,
{
    let items = items.into_iter();
    let sums = |scale: f64| {
        items.clone().fold((0.0, 0.0), |(s, w), (value, weight)| {
            let weight = weight / scale;
            (s + value * weight, w + weight)
        })
    };
    let (mut sum, mut weights) = sums(1.0);
    if !(sum.is_finite() && weights.is_finite()) {
        let largest = items.clone().fold(0.0, |m: f64, (_, w)| m.max(w));
        (sum, weights) = sums(largest);
    }
    if weights > 0.0 { sum / weights } else { 0.0 }
}

/// The pace verdict of docs/format.md ("Pace and status") for progress in a running
/// period: done at 1, no data without check-ins, else on track or behind the expected pace.
pub(crate) fn pace(progress: f64, has_data: bool, expected: f64, tolerance: f64) -> Status {
    if progress >= 1.0 - EPSILON {
        Status::Done
    } else if !has_data {
        Status::NoData
    } else if progress >= expected - tolerance - EPSILON {
        Status::OnTrack
    } else {
        Status::Behind
    }
}

/// A closed period's verdict: done at progress 1, else missed.
fn closed(progress: f64) -> Status {
    if progress >= 1.0 - EPSILON {
        Status::Done
    } else {
        Status::Missed
    }
}

/// A key result's status. In a running period a milestone has no pace (on track until
/// done) and a threshold that holds is on track, not yet done.
pub(crate) fn key_result_status(
    state: PeriodState,
    metric: Metric,
    progress: f64,
    has_data: bool,
    expected: f64,
    tolerance: f64,
) -> Status {
    match state {
        PeriodState::Upcoming => Status::Upcoming,
        PeriodState::Closed => closed(progress),
        PeriodState::Running if !has_data => Status::NoData,
        PeriodState::Running => match metric {
            Metric::Milestone if progress < 1.0 - EPSILON => Status::OnTrack,
            Metric::StayAbove | Metric::StayBelow if progress >= 1.0 - EPSILON => Status::OnTrack,
            Metric::StayAbove | Metric::StayBelow => Status::Behind,
            _ => pace(progress, has_data, expected, tolerance),
        },
    }
}

/// The status of an objective or period. In a running period it is done only when
/// everything under it is (`all_done`); otherwise the pace rules apply to its progress.
pub(crate) fn rollup_status(
    state: PeriodState,
    progress: f64,
    has_data: bool,
    all_done: bool,
    expected: f64,
    tolerance: f64,
) -> Status {
    match state {
        PeriodState::Upcoming => Status::Upcoming,
        PeriodState::Closed => closed(progress),
        PeriodState::Running if all_done => Status::Done,
        PeriodState::Running => match pace(progress, has_data, expected, tolerance) {
            Status::Done => Status::OnTrack,
            status => status,
        },
    }
}

/// The children that count towards an objective's figures: the included objectives aligned
/// to it, except those of a period that starts after its own has ended — a continuation
/// aligned to a closed objective does not change that objective's grade after the fact.
pub(crate) fn counted_children(
    site: &Site,
    include: &dyn Fn(usize) -> bool,
    o: usize,
) -> Vec<usize> {
    let end = site.periods[site.objectives[o].period].end;
    site.objectives[o]
        .children
        .iter()
        .copied()
        .filter(|&c| include(c) && site.periods[site.objectives[c].period].start <= end)
        .collect()
}

/// The parameter of a lint as okrs.yaml sets it, else its default.
pub(crate) fn lint_param(config: &Config, rule: Rule) -> f64 {
    let default = rule.param().map_or(0.0, |(_, d)| d);
    config
        .lints
        .get(&rule)
        .and_then(|s| s.param)
        .unwrap_or(default)
}

/// Computes the figures of a key result as of `date`.
pub(crate) fn key_result_at(
    site: &Site,
    objective: usize,
    index: usize,
    date: NaiveDate,
) -> KeyResultFigures {
    let resolved = &site.objectives[objective];
    let KeyResultRef {
        written: kr,
        resolved: rk,
    } = resolved.key_result(index);
    let visible = rk.checkins.partition_point(|c| c.date <= date);
    let seen = &rk.checkins[..visible];
    let current = seen.last().map(|c| current_of(rk.metric, c));
    let (raw_progress, progress) = progress(kr, rk.metric, current);
    let confidence = seen.iter().rev().find_map(|c| c.confidence);
    let period = &site.periods[resolved.period];
    let state = period::state(period, date);
    let expected = period::expected(period, date);
    let status = key_result_status(
        state,
        rk.metric,
        progress,
        visible > 0,
        expected,
        site.config.pace_tolerance,
    );
    let stale_days = lint_param(&site.config, Rule::StaleCheckin);
    let overdue = seen
        .last()
        .is_none_or(|last| ((date - last.date).num_days() as f64) > stale_days);
    let can_be_done = matches!(
        rk.metric,
        Metric::Increase | Metric::Decrease | Metric::Milestone
    );
    KeyResultFigures {
        current: current.unwrap_or(match rk.metric {
            Metric::Milestone => Current::Done(false),
            _ => Current::Number(kr.start_value()),
        }),
        raw_progress,
        progress,
        confidence,
        at_risk: confidence.is_some_and(|c| c <= 3),
        status,
        checkins: visible,
        grade: (state == PeriodState::Closed)
            .then(|| kr.grade.as_ref().map_or(progress, |g| g.value)),
        checkin_due: state == PeriodState::Running && status != Status::Done && overdue,
        done_on: seen
            .iter()
            .find(|c| {
                can_be_done
                    && self::progress(kr, rk.metric, Some(current_of(rk.metric, c))).1 >= 1.0
            })
            .map(|c| c.date),
    }
}

/// A key result's progress as of `date` alone: what the progress history needs, without
/// the rest of its figures.
fn key_result_progress_at(site: &Site, objective: usize, index: usize, date: NaiveDate) -> f64 {
    let KeyResultRef {
        written: kr,
        resolved: rk,
    } = site.objectives[objective].key_result(index);
    let visible = rk.checkins.partition_point(|c| c.date <= date);
    let current = rk.checkins[..visible]
        .last()
        .map(|c| current_of(rk.metric, c));
    progress(kr, rk.metric, current).1
}

/// What a check-in says the current value is.
fn current_of(metric: Metric, c: &Checkin) -> Current {
    match metric {
        Metric::Milestone => Current::Done(c.done.unwrap_or(false)),
        _ => Current::Number(c.value.unwrap_or(0.0)),
    }
}

/// Each objective's progress at every date on which a check-in (up to the as-of date) moved
/// it, oldest first, one entry per date: from its key results' check-ins, or, for one
/// without key results, from its counted children's histories (each child's progress holds
/// from one of its dates to its next, 0 before its first). Worked out children first
/// (`order`), without recursion, so that each history is read by each parent once: time
/// grows with the alignments times the dates, never with the paths through the tree.
fn histories(
    site: &Site,
    key_results: &[Vec<KeyResultFigures>],
    included: &(dyn Fn(usize) -> bool + Sync),
    order: &[usize],
) -> Vec<Vec<(NaiveDate, f64)>> {
    // Objectives with key results need nothing else: all at once, then the rollups.
    let mut histories: Vec<Vec<(NaiveDate, f64)>> = (0..site.objectives.len())
        .into_par_iter()
        .map(|o| {
            let own = included(o) && !site.objectives[o].key_results.is_empty();
            if own {
                key_result_history(site, o, &key_results[o])
            } else {
                Vec::new()
            }
        })
        .collect();
    for &o in order {
        if included(o) && site.objectives[o].key_results.is_empty() {
            histories[o] = rollup_history(site, included, o, &|c| &histories[c]);
        }
    }
    histories
}

/// The history of an objective with key results: its progress at each date a visible
/// check-in moved one of them.
fn key_result_history(
    site: &Site,
    o: usize,
    figures: &[KeyResultFigures],
) -> Vec<(NaiveDate, f64)> {
    let resolved = &site.objectives[o];
    let mut dates: Vec<NaiveDate> = resolved
        .key_results
        .iter()
        .zip(figures)
        .flat_map(|(rk, f)| rk.checkins[..f.checkins].iter().map(|c| c.date))
        .collect();
    dates.sort_unstable();
    dates.dedup();
    dates
        .into_iter()
        .map(|d| {
            let progress: Vec<(f64, f64)> = resolved
                .each_key_result()
                .enumerate()
                .map(|(k, kr)| (key_result_progress_at(site, o, k, d), kr.written.weight))
                .collect();
            let progress = weighted_mean(progress);
            (d, progress)
        })
        .collect()
}

/// The history of an objective without key results, from its counted children's, which
/// are already worked out.
fn rollup_history<'h>(
    site: &Site,
    included: &dyn Fn(usize) -> bool,
    o: usize,
    histories: &dyn Fn(usize) -> &'h [(NaiveDate, f64)],
) -> Vec<(NaiveDate, f64)> {
    let children = counted_children(site, included, o);
    let mut dates: Vec<NaiveDate> = children
        .iter()
        .flat_map(|&c| histories(c).iter().map(|(d, _)| *d))
        .collect();
    dates.sort_unstable();
    dates.dedup();
    // For each child: how many entries of its history are on or before the date.
    let mut seen = vec![0usize; children.len()];
    dates
        .into_iter()
        .map(|d| {
            for (i, &c) in children.iter().enumerate() {
                let h = histories(c);
                while seen[i] < h.len() && h[seen[i]].0 <= d {
                    seen[i] += 1;
                }
            }
            let progress = weighted_mean(children.iter().zip(&seen).map(|(&c, &n)| {
                let p = n.checked_sub(1).map_or(0.0, |j| histories(c)[j].1);
                (p, site.objective(c).weight)
            }));
            (d, progress)
        })
        .collect()
}

/// Progress, confidence, data, "all done" and grade of one objective, from its key
/// results' figures or (without key results) from its children's, already computed.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Rollup {
    progress: f64,
    confidence: Option<u8>,
    has_data: bool,
    all_done: bool,
    /// Its grade if its period is closed; children of other periods count with progress.
    graded: f64,
}

fn rollup(
    site: &Site,
    o: usize,
    krs: &[KeyResultFigures],
    children: &[usize],
    done: &dyn Fn(usize) -> Option<Rollup>,
) -> Rollup {
    let resolved = &site.objectives[o];
    if resolved.key_results.is_empty() {
        let of = |c: usize| done(c).unwrap_or_default();
        let weight = |c: usize| site.objective(c).weight;
        return Rollup {
            progress: weighted_mean(children.iter().map(|&c| (of(c).progress, weight(c)))),
            confidence: children.iter().filter_map(|&c| of(c).confidence).min(),
            has_data: children.iter().any(|&c| of(c).has_data),
            all_done: !children.is_empty() && children.iter().all(|&c| of(c).all_done),
            graded: weighted_mean(children.iter().map(|&c| (of(c).graded, weight(c)))),
        };
    }
    let weight = |k: usize| resolved.key_result(k).written.weight;
    Rollup {
        progress: weighted_mean(krs.iter().enumerate().map(|(k, f)| (f.progress, weight(k)))),
        confidence: krs.iter().filter_map(|f| f.confidence).min(),
        has_data: krs.iter().any(|f| f.checkins > 0),
        all_done: krs.iter().all(|f| f.status == Status::Done),
        graded: weighted_mean(
            krs.iter()
                .enumerate()
                .map(|(k, f)| (f.grade.unwrap_or(f.progress), weight(k))),
        ),
    }
}

/// Computes every figure as of `as_of`; drafts count only with `include_drafts`.
pub fn compute(site: &Site, as_of: NaiveDate, include_drafts: bool) -> Figures {
    let included = included(site, include_drafts);
    let key_results: Vec<Vec<KeyResultFigures>> = (0..site.objectives.len())
        .into_par_iter()
        .map(|o| key_results_at(site, o, as_of))
        .collect();
    let (order, acyclic) = topological_children_first(site);
    let histories = histories(site, &key_results, &|i| included[i], &order);
    let rollups = rollups(site, as_of, &included, &key_results, &order);
    let objectives = key_results
        .into_iter()
        .zip(histories)
        .enumerate()
        .map(|(o, figures)| objective_figures(site, as_of, o, rollups[o], included[o], figures))
        .collect();
    let derived = Derived {
        order,
        acyclic,
        rollups,
    };
    figures(
        site,
        (as_of, include_drafts),
        &included,
        objectives,
        derived,
    )
}

/// The figures `previous` were, for the site after edits that changed only the check-ins
/// and measures of the objectives `changed` (`validate::with_local_edits`): theirs are
/// computed again, and those of the objectives without key results that roll up from
/// them, children first; every other objective's are as they were. Periods and teams,
/// which read every objective's figures and weight but no check-in, are worked out again
/// as `compute` does.
pub(crate) fn after_edits(previous: &Figures, site: &Site, changed: &[usize]) -> Figures {
    let (as_of, include_drafts) = (previous.as_of, previous.include_drafts);
    if !previous.derived.acyclic {
        return compute(site, as_of, include_drafts);
    }
    let included = included(site, include_drafts);
    let include = |i: usize| included[i];
    let mut objectives = previous.objectives.clone();
    let mut derived = previous.derived.clone();
    let affected = rolling_up_from(site, changed);
    for &o in previous.derived.order.iter().filter(|&&o| affected[o]) {
        let own = !site.objectives[o].key_results.is_empty();
        let key_results = key_results_at(site, o, as_of);
        let history = match (include(o), own) {
            (false, _) => Vec::new(),
            (true, true) => key_result_history(site, o, &key_results),
            (true, false) => {
                let histories = |c: usize| objectives[c].history.as_slice();
                rollup_history(site, &include, o, &histories)
            }
        };
        let children = counted_children(site, &include, o);
        let r = rollup_of(site, as_of, o, &key_results, &children, &|c| {
            Some(derived.rollups[c])
        });
        derived.rollups[o] = r;
        objectives[o] = objective_figures(site, as_of, o, r, included[o], (key_results, history));
    }
    figures(
        site,
        (as_of, include_drafts),
        &included,
        objectives,
        derived,
    )
}

/// The objectives `changed`, and every objective without key results above them (through
/// others without): those whose figures read theirs.
fn rolling_up_from(site: &Site, changed: &[usize]) -> Vec<bool> {
    let mut affected = vec![false; site.objectives.len()];
    let mut next: Vec<usize> = changed.to_vec();
    while let Some(o) = next.pop() {
        if std::mem::replace(&mut affected[o], true) {
            continue;
        }
        let parents = site.objectives[o].parents.iter().copied();
        next.extend(parents.filter(|&p| site.objectives[p].key_results.is_empty()));
    }
    affected
}

/// Which objectives count: all, or all but drafts.
fn included(site: &Site, include_drafts: bool) -> Vec<bool> {
    (0..site.objectives.len())
        .map(|i| include_drafts || !site.objective(i).draft)
        .collect()
}

/// The figures of an objective's key results as of `as_of`.
fn key_results_at(site: &Site, o: usize, as_of: NaiveDate) -> Vec<KeyResultFigures> {
    (0..site.objectives[o].key_results.len())
        .map(|k| key_result_at(site, o, k, as_of))
        .collect()
}

/// Every figure, from each objective's: each period's and each team's.
fn figures(
    site: &Site,
    (as_of, include_drafts): (NaiveDate, bool),
    included: &[bool],
    objectives: Vec<ObjectiveFigures>,
    derived: Derived,
) -> Figures {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); site.periods.len()];
    for (o, resolved) in site.objectives.iter().enumerate() {
        if included[o] {
            members[resolved.period].push(o);
        }
    }
    let periods: Vec<PeriodFigures> = members
        .into_iter()
        .enumerate()
        .map(|(p, members)| period_figures(site, &objectives, (included, members), as_of, p))
        .collect();
    let (teams_included, people_included) = parties_included(site, included);
    let counts: Vec<usize> = periods.iter().map(|p| p.objectives.len()).collect();
    let running_periods = running_periods(&site.periods, &counts, as_of);
    Figures {
        as_of,
        include_drafts,
        teams: team_figures(site, &objectives, included),
        current_period: running_periods
            .first()
            .copied()
            .or_else(|| latest_period(&site.periods, &counts)),
        running_periods,
        objectives,
        periods,
        teams_included,
        people_included,
        derived,
    }
}

/// Each objective's rollup, bottom-up through the alignment graph (`order`).
fn rollups(
    site: &Site,
    as_of: NaiveDate,
    included: &[bool],
    key_results: &[Vec<KeyResultFigures>],
    order: &[usize],
) -> Vec<Rollup> {
    let include = |i: usize| included[i];
    let mut rollups: Vec<Option<Rollup>> = vec![None; included.len()];
    for &o in order {
        let children = counted_children(site, &include, o);
        let done = |c: usize| rollups[c];
        rollups[o] = Some(rollup_of(site, as_of, o, &key_results[o], &children, &done));
    }
    rollups.into_iter().map(Option::unwrap_or_default).collect()
}

/// An objective's rollup as of `as_of` (`done`: its children's, when worked out).
fn rollup_of(
    site: &Site,
    as_of: NaiveDate,
    o: usize,
    key_results: &[KeyResultFigures],
    children: &[usize],
    done: &dyn Fn(usize) -> Option<Rollup>,
) -> Rollup {
    let mut r = rollup(site, o, key_results, children, done);
    if period::state(&site.periods[site.objectives[o].period], as_of) != PeriodState::Closed {
        r.graded = r.progress;
    }
    r
}

/// An objective's figures, from its rollup, its key results' figures and its history.
fn objective_figures(
    site: &Site,
    as_of: NaiveDate,
    o: usize,
    r: Rollup,
    included: bool,
    (key_results, history): (Vec<KeyResultFigures>, Vec<(NaiveDate, f64)>),
) -> ObjectiveFigures {
    let period = &site.periods[site.objectives[o].period];
    let state = period::state(period, as_of);
    let expected = period::expected(period, as_of);
    ObjectiveFigures {
        progress: r.progress,
        expected,
        status: rollup_status(
            state,
            r.progress,
            r.has_data,
            r.all_done,
            expected,
            site.config.pace_tolerance,
        ),
        confidence: r.confidence,
        at_risk: r.confidence.is_some_and(|c| c <= 3),
        included,
        has_data: r.has_data,
        grade: (state == PeriodState::Closed).then_some(r.graded),
        history,
        key_results,
    }
}

/// The figures of the period `p`, whose included objectives are `members`.
fn period_figures(
    site: &Site,
    objectives: &[ObjectiveFigures],
    (included, members): (&[bool], Vec<usize>),
    as_of: NaiveDate,
    p: usize,
) -> PeriodFigures {
    let period = &site.periods[p];
    let top_level: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&o| {
            !site.objectives[o]
                .parents
                .iter()
                .any(|&parent| included[parent] && site.objectives[parent].period == p)
        })
        .collect();
    let weighted = |list: &[usize], value: &dyn Fn(usize) -> f64| {
        weighted_mean(list.iter().map(|&o| (value(o), site.objective(o).weight)))
    };
    let progress = weighted(&top_level, &|o| objectives[o].progress);
    let state = period::state(period, as_of);
    let expected = period::expected(period, as_of);
    let status = rollup_status(
        state,
        progress,
        members.iter().any(|&o| objectives[o].has_data),
        !members.is_empty()
            && members
                .iter()
                .all(|&o| objectives[o].status == Status::Done),
        expected,
        site.config.pace_tolerance,
    );
    // A period with nothing in it has nothing to grade.
    let grade = (state == PeriodState::Closed && !top_level.is_empty())
        .then(|| weighted(&top_level, &|o| objectives[o].grade.unwrap_or(0.0)));
    PeriodFigures {
        state,
        expected,
        progress,
        status,
        grade,
        teams: team_groups(site, objectives, &members),
        objectives: members,
        top_level,
    }
}

/// A period's objectives grouped by team: teams by name, then those without a team.
fn team_groups(site: &Site, objectives: &[ObjectiveFigures], members: &[usize]) -> Vec<TeamGroup> {
    let mut groups: Vec<TeamGroup> = Vec::new();
    // Each team's group in `groups`, if it has one yet; the last: no team.
    let mut group_of: Vec<Option<usize>> = vec![None; site.teams.len() + 1];
    for &o in members {
        let team = site.objectives[o].team;
        let slot = &mut group_of[team.unwrap_or(site.teams.len())];
        match *slot {
            Some(g) => groups[g].objectives.push(o),
            None => {
                *slot = Some(groups.len());
                groups.push(TeamGroup {
                    team,
                    objectives: vec![o],
                    progress: 0.0,
                });
            }
        }
    }
    groups.sort_by(|a, b| match (a.team, b.team) {
        (Some(x), Some(y)) => (&site.teams[x].name, x).cmp(&(&site.teams[y].name, y)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    for group in &mut groups {
        group.progress = weighted_mean(
            group
                .objectives
                .iter()
                .map(|&o| (objectives[o].progress, site.objective(o).weight)),
        );
    }
    groups
}

/// Each team's rollup per period, on its own objectives and with those of its sub-teams.
fn team_figures(
    site: &Site,
    objectives: &[ObjectiveFigures],
    included: &[bool],
) -> Vec<TeamFigures> {
    let periods = site.periods.len();
    // (team, period) → the sums of a weighted mean, own and with every team below.
    let mut own = vec![vec![Sums::default(); periods]; site.teams.len()];
    let mut all = own.clone();
    let above = teams_and_above(site);
    let mut overflowed = false;
    for (o, resolved) in site.objectives.iter().enumerate() {
        let Some(team) = resolved.team.filter(|_| included[o]) else {
            continue;
        };
        let (p, w) = (resolved.period, resolved.data.weight);
        let progress = objectives[o].progress;
        overflowed |= own[team][p].add(progress, w);
        for &t in &above[team] {
            overflowed |= all[t][p].add(progress, w);
        }
    }
    if overflowed {
        // Weights so large that a sum overflowed: those means again, each weight divided
        // by the largest, as `weighted_mean` does.
        for (o, resolved) in site.objectives.iter().enumerate() {
            let Some(team) = resolved.team.filter(|_| included[o]) else {
                continue;
            };
            let (p, w) = (resolved.period, resolved.data.weight);
            let progress = objectives[o].progress;
            own[team][p].add_scaled(progress, w);
            for &t in &above[team] {
                all[t][p].add_scaled(progress, w);
            }
        }
    }
    let means = |cells: &[Sums]| -> Vec<(usize, f64)> {
        cells
            .iter()
            .enumerate()
            .filter(|(_, c)| c.count > 0)
            .map(|(p, c)| (p, c.mean()))
            .collect()
    };
    own.iter()
        .zip(&all)
        .map(|(own, all)| TeamFigures {
            progress: means(own),
            with_subteams: means(all),
        })
        .collect()
}

/// Each team, then the team above it, and so on up, each once (a cycle of teams is an
/// error of its own, and ends the walk).
fn teams_and_above(site: &Site) -> Vec<Vec<usize>> {
    (0..site.teams.len())
        .map(|team| {
            let mut chain: Vec<usize> = Vec::new();
            let mut up = Some(team);
            while let Some(t) = up.filter(|t| !chain.contains(t)) {
                chain.push(t);
                up = site.teams[t].team;
            }
            chain
        })
        .collect()
}

/// The running sums of one weighted mean, kept as `weighted_mean` computes it: plainly,
/// and, once they overflow, with each weight divided by the largest (a second pass).
#[derive(Clone, Copy, Debug, Default)]
struct Sums {
    sum: f64,
    weight: f64,
    largest: f64,
    count: usize,
    scaled_sum: f64,
    scaled_weight: f64,
}

impl Sums {
    /// Adds one value; says whether the plain sums have overflowed.
    fn add(&mut self, value: f64, weight: f64) -> bool {
        self.sum += value * weight;
        self.weight += weight;
        self.largest = self.largest.max(weight);
        self.count += 1;
        !(self.sum.is_finite() && self.weight.is_finite())
    }

    fn add_scaled(&mut self, value: f64, weight: f64) {
        let weight = weight / self.largest;
        self.scaled_sum += value * weight;
        self.scaled_weight += weight;
    }

    fn mean(&self) -> f64 {
        let (sum, weight) = if self.sum.is_finite() && self.weight.is_finite() {
            (self.sum, self.weight)
        } else {
            (self.scaled_sum, self.scaled_weight)
        };
        if weight > 0.0 { sum / weight } else { 0.0 }
    }
}

/// The periods with objectives that hold the as-of date: the one with the most objectives
/// first (the one the dashboard shows), then by length, shortest first (a quarter before
/// its year), then by start and id. `objectives` counts each period's objectives.
fn running_periods(periods: &[Period], objectives: &[usize], as_of: NaiveDate) -> Vec<usize> {
    let mut running: Vec<usize> = (0..periods.len())
        .filter(|&p| objectives[p] > 0 && period::is_running(&periods[p], as_of))
        .collect();
    running.sort_by_key(|&p| {
        let period = &periods[p];
        (
            std::cmp::Reverse(objectives[p]),
            (period.end - period.start).num_days(),
            period.start,
            &period.id,
        )
    });
    running
}

/// When no period with objectives holds the as-of date, the dashboard shows the one that
/// ends last.
fn latest_period(periods: &[Period], objectives: &[usize]) -> Option<usize> {
    (0..periods.len())
        .filter(|&p| objectives[p] > 0)
        .max_by_key(|&p| {
            let period = &periods[p];
            (period.end, period.start, &period.id)
        })
}

/// Teams and people that appear in the output: those files define, and those named by an
/// included objective, one of its key results, or a defined team or person.
fn parties_included(site: &Site, included: &[bool]) -> (Vec<bool>, Vec<bool>) {
    let mut teams: Vec<bool> = site.teams.iter().map(|t| t.document.is_some()).collect();
    let mut people: Vec<bool> = site.people.iter().map(|p| p.document.is_some()).collect();
    for (o, resolved) in site.objectives.iter().enumerate() {
        if !included[o] {
            continue;
        }
        if let Some(t) = resolved.team {
            teams[t] = true;
        }
        for p in resolved
            .owner
            .into_iter()
            .chain(resolved.key_results.iter().filter_map(|k| k.owner))
        {
            people[p] = true;
        }
    }
    for team in site.teams.iter().filter(|t| t.document.is_some()) {
        if let Some(parent) = team.team {
            teams[parent] = true;
        }
        if let Some(lead) = team.lead {
            people[lead] = true;
        }
    }
    for person in site.people.iter().filter(|p| p.document.is_some()) {
        if let Some(t) = person.team {
            teams[t] = true;
        }
    }
    (teams, people)
}

/// Objectives ordered so that every child comes before its parents; members of a cycle
/// (an error reported by validation) come in some order and count each other as 0.
/// With whether there is no such cycle.
fn topological_children_first(site: &Site) -> (Vec<usize>, bool) {
    let n = site.objectives.len();
    let mut state = vec![0u8; n];
    let mut order = Vec::with_capacity(n);
    let mut acyclic = true;
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        state[root] = 1;
        while let Some(&mut (o, ref mut next)) = stack.last_mut() {
            if let Some(&c) = site.objectives[o].children.get(*next) {
                *next += 1;
                if state[c] == 0 {
                    state[c] = 1;
                    stack.push((c, 0));
                } else if state[c] == 1 {
                    acyclic = false;
                }
                continue;
            }
            state[o] = 2;
            order.push(o);
            stack.pop();
        }
    }
    (order, acyclic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kr(start: Option<f64>, target: Option<f64>) -> KeyResult {
        let at = |v| At::new(v, Pos::default());
        KeyResult {
            id: At::new("kr1".to_owned(), Pos::default()),
            pos: Pos::default(),
            title: "t".into(),
            owner: None,
            start: start.map(at),
            target: target.map(at),
            unit: None,
            weight: 1.0,
            metric: None,
            tasks: vec![],
            checkins: vec![],
            grade: None,
            extra: serde_json::Value::Null,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn increase_measures_the_way_from_start_to_target() {
        let k = kr(Some(40.0), Some(70.0));
        let (raw, p) = progress(&k, Metric::Increase, Some(Current::Number(55.0)));
        assert!(close(raw, 0.5) && close(p, 0.5));
    }

    #[test]
    fn decrease_metric_counts_down() {
        let k = kr(Some(400.0), Some(200.0));
        assert_eq!(k.effective_metric(), Metric::Decrease);
        let (raw, p) = progress(&k, Metric::Decrease, Some(Current::Number(300.0)));
        assert!(close(raw, 0.5) && close(p, 0.5));
    }

    #[test]
    fn over_achievement_shows_raw_and_clamps_progress() {
        let k = kr(Some(0.0), Some(10.0));
        let (raw, p) = progress(&k, Metric::Increase, Some(Current::Number(11.0)));
        assert!(close(raw, 1.1));
        assert_eq!(p, 1.0);
    }

    #[test]
    fn progress_across_the_whole_range_of_numbers_does_not_overflow() {
        let n = |v: f64| Some(Current::Number(v));
        let k = kr(Some(-1e308), Some(1e308));
        assert_eq!(progress(&k, Metric::Increase, n(1e308)), (1.0, 1.0));
        assert_eq!(progress(&k, Metric::Increase, n(0.0)), (0.5, 0.5));
        assert_eq!(progress(&k, Metric::Increase, n(-1e308)), (0.0, 0.0));
        let down = kr(Some(1e308), Some(-1e308));
        assert_eq!(progress(&down, Metric::Decrease, n(-1e308)), (1.0, 1.0));
        // A ratio beyond any number is the largest one.
        let tiny = kr(Some(0.0), Some(1e-300));
        assert_eq!(progress(&tiny, Metric::Increase, n(1e308)), (f64::MAX, 1.0));
        assert_eq!(
            progress(&tiny, Metric::Increase, n(-1e308)),
            (-f64::MAX, 0.0)
        );
    }

    #[test]
    fn below_start_is_negative_raw_and_zero_progress() {
        let k = kr(Some(40.0), Some(70.0));
        let (raw, p) = progress(&k, Metric::Increase, Some(Current::Number(31.0)));
        assert!(close(raw, -0.3));
        assert_eq!(p, 0.0);
    }

    #[test]
    fn rounding_error_is_tolerated() {
        let k = kr(Some(0.2), Some(1.2));
        let (raw, _) = progress(&k, Metric::Increase, Some(Current::Number(1.2)));
        assert_eq!(raw, 1.0);
        let k = kr(Some(0.0), Some(1.0));
        let (_, p) = progress(&k, Metric::Increase, Some(Current::Number(0.7 - 0.2)));
        assert!(close(p, 0.5));
        let k = kr(Some(6.2), Some(8.0));
        let (raw, _) = progress(&k, Metric::Increase, Some(Current::Number(7.1)));
        assert_eq!(raw, 0.5);
        let k = kr(Some(0.0), Some(3.0));
        let (raw, _) = progress(&k, Metric::Increase, Some(Current::Number(1.0)));
        assert_eq!(raw, 1.0 / 3.0);
        let k = kr(None, Some(99.9));
        let (_, p) = progress(&k, Metric::StayAbove, Some(Current::Number(99.9)));
        assert_eq!(p, 1.0);
    }

    #[test]
    fn no_data_is_zero() {
        let k = kr(Some(40.0), Some(70.0));
        assert_eq!(progress(&k, Metric::Increase, None), (0.0, 0.0));
        assert_eq!(progress(&k, Metric::StayAbove, None), (0.0, 0.0));
    }

    #[test]
    fn stay_above_and_below_are_kept_or_broken() {
        let k = kr(None, Some(99.9));
        assert_eq!(
            progress(&k, Metric::StayAbove, Some(Current::Number(99.95))).1,
            1.0
        );
        assert_eq!(
            progress(&k, Metric::StayAbove, Some(Current::Number(99.8))).1,
            0.0
        );
        let k = kr(None, Some(200.0));
        assert_eq!(
            progress(&k, Metric::StayBelow, Some(Current::Number(200.0))).1,
            1.0
        );
        assert_eq!(
            progress(&k, Metric::StayBelow, Some(Current::Number(201.0))).1,
            0.0
        );
    }

    #[test]
    fn milestones_are_done_or_not() {
        let k = kr(None, None);
        assert_eq!(k.effective_metric(), Metric::Milestone);
        assert_eq!(
            progress(&k, Metric::Milestone, Some(Current::Done(true))),
            (1.0, 1.0)
        );
        assert_eq!(
            progress(&k, Metric::Milestone, Some(Current::Done(false))),
            (0.0, 0.0)
        );
    }

    #[test]
    fn weighted_mean_weighs_and_handles_empty() {
        assert!(close(weighted_mean([(1.0, 3.0), (0.0, 1.0)]), 0.75));
        assert_eq!(weighted_mean([]), 0.0);
        assert!(close(weighted_mean([(1.0, 1e308), (0.5, 1e308)]), 0.75));
        assert!(close(weighted_mean([(1.0, f64::MAX), (0.0, 1.0)]), 1.0));
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn running_periods_hold_the_as_of_date_the_fullest_first_then_the_shortest() {
        let periods: Vec<Period> = [
            "2024", "2024-Q3", "2024-Q2", "2024-H1", "2023-Q4", "2024-Q1",
        ]
        .iter()
        .filter_map(|id| period::calendar(id))
        .collect();
        // 2024-Q1 has no objectives.
        let objectives = [1, 1, 1, 1, 1, 0];
        assert_eq!(
            running_periods(&periods, &objectives, d("2024-05-20")),
            vec![2, 3, 0],
            "the quarter, its half, its year"
        );
        assert_eq!(
            running_periods(&periods, &objectives, d("2024-02-01")),
            vec![3, 0],
            "a quarter without objectives is not listed"
        );
        // The year with more objectives comes before the quarter.
        assert_eq!(
            running_periods(&periods, &[3, 1, 1, 1, 1, 0], d("2024-05-20")),
            vec![0, 2, 3]
        );
        assert!(running_periods(&periods, &objectives, d("2025-02-01")).is_empty());
        assert_eq!(latest_period(&periods, &objectives), Some(0));
        assert_eq!(latest_period(&periods, &[0; 6]), None);
    }

    #[test]
    fn pace_takes_the_first_that_applies() {
        assert_eq!(pace(1.0, true, 0.5, 0.1), Status::Done);
        assert_eq!(pace(0.0, false, 0.5, 0.1), Status::NoData);
        assert_eq!(pace(0.4, true, 0.5, 0.1), Status::OnTrack);
        assert_eq!(pace(0.39, true, 0.5, 0.1), Status::Behind);
        // 77 % against 82 % expected is within the tolerance: on track, for periods too.
        assert_eq!(pace(0.77, true, 0.82, 0.1), Status::OnTrack);
    }

    #[test]
    fn key_result_statuses_by_period_state_and_metric() {
        use PeriodState::*;
        let s = |state, metric, p, data| key_result_status(state, metric, p, data, 0.5, 0.1);
        assert_eq!(s(Upcoming, Metric::Increase, 1.0, true), Status::Upcoming);
        assert_eq!(s(Closed, Metric::Increase, 0.92, true), Status::Missed);
        assert_eq!(s(Closed, Metric::Increase, 1.0, true), Status::Done);
        assert_eq!(s(Closed, Metric::StayAbove, 1.0, true), Status::Done);
        assert_eq!(s(Closed, Metric::Milestone, 0.0, false), Status::Missed);
        assert_eq!(s(Running, Metric::Milestone, 0.0, true), Status::OnTrack);
        assert_eq!(s(Running, Metric::Milestone, 0.0, false), Status::NoData);
        assert_eq!(s(Running, Metric::Milestone, 1.0, true), Status::Done);
        assert_eq!(s(Running, Metric::StayAbove, 1.0, true), Status::OnTrack);
        assert_eq!(s(Running, Metric::StayBelow, 0.0, true), Status::Behind);
        assert_eq!(s(Running, Metric::Increase, 1.0, true), Status::Done);
        assert_eq!(s(Running, Metric::Decrease, 0.1, true), Status::Behind);
    }

    #[test]
    fn rollups_are_done_in_a_running_period_only_when_everything_under_is() {
        use PeriodState::*;
        let s = |state, p, all_done| rollup_status(state, p, true, all_done, 0.5, 0.1);
        assert_eq!(s(Running, 1.0, false), Status::OnTrack);
        assert_eq!(s(Running, 1.0, true), Status::Done);
        assert_eq!(s(Running, 0.2, false), Status::Behind);
        assert_eq!(s(Closed, 0.92, false), Status::Missed);
        assert_eq!(s(Closed, 1.0, false), Status::Done);
        assert_eq!(
            rollup_status(Running, 0.0, false, false, 0.5, 0.1),
            Status::NoData
        );
    }

    #[test]
    fn bands_split_at_four_and_seven_tenths() {
        assert_eq!(Band::of(0.0), Band::Red);
        assert_eq!(Band::of(0.399), Band::Red);
        assert_eq!(Band::of(0.4), Band::Yellow);
        assert_eq!(Band::of(0.4 - 1e-10), Band::Yellow);
        assert_eq!(Band::of(0.6999), Band::Yellow);
        assert_eq!(Band::of(0.7), Band::Green);
        assert_eq!(Band::of(0.1 * 7.0 - 1e-12), Band::Green);
        assert_eq!(Band::of(1.0), Band::Green);
    }

    /// A site from `(path, text)` files and okrs.yaml's text, validated.
    fn site_of(config: &str, files: &[(&str, &str)]) -> Site {
        let (config, diagnostics) = crate::load::load_config(config);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let documents = files
            .iter()
            .map(|(path, text)| {
                let (doc, diagnostics) = crate::load::load_document(path, text.as_bytes());
                assert!(diagnostics.is_empty(), "{path}: {diagnostics:?}");
                std::sync::Arc::new(doc.unwrap())
            })
            .collect();
        let loaded = crate::load::Loaded {
            config,
            documents,
            ..Default::default()
        };
        let (site, diagnostics) = crate::validate::validate(loaded);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        site
    }

    const CONFIG: &str = "title: T\n";

    #[test]
    fn figures_after_edits_are_those_computed_from_scratch() {
        let objective = |id: &str, aligns: &str, krs: &str| {
            let file = format!("objectives/{id}.md");
            let text = format!("---\ntitle: {id}\nperiod: 2024-Q2\n{aligns}{krs}---\n");
            (file, text)
        };
        let kr = "key_results:\n  - { id: x, title: x, target: 10, checkins: [{ date: 2024-04-10, value: 5 }] }\n";
        let files = [
            objective("top", "", ""),
            objective("middle", "aligns_to: top\n", ""),
            objective("leaf", "aligns_to: middle\n", kr),
            objective("sibling", "aligns_to: top\n", kr),
            objective("draft", "aligns_to: middle\ndraft: true\n", kr),
            objective("other", "", kr),
            objective("under-other", "aligns_to: other\n", kr),
            objective("both", "aligns_to: [middle, top]\n", kr),
        ];
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(f, t)| (f.as_str(), t.as_str()))
            .collect();
        let before = site_of(CONFIG, &files);
        for include_drafts in [false, true] {
            let previous = compute(&before, d("2024-05-01"), include_drafts);
            let changes = ["leaf", "draft", "other", "under-other", "both"];
            for (changed, measures) in changes.iter().flat_map(|c| [(c, false), (c, true)]) {
                let mut site = before.clone();
                let o = index(&site, changed);
                if measures {
                    let data = std::sync::Arc::make_mut(&mut site.objective_mut(o).data);
                    data.weight = 3.0;
                    data.key_results[0].target = Some(At::new(20.0, Pos::default()));
                } else {
                    let checkins = &mut site.objective_mut(o).key_results[0].checkins;
                    checkins[0].value = Some(8.0);
                    let mut later = checkins[0].clone();
                    later.date = d("2024-04-20");
                    checkins.push(later);
                }
                let fresh = compute(&site, d("2024-05-01"), include_drafts);
                assert_ne!(fresh, previous, "{changed}");
                let after = after_edits(&previous, &site, &[o]);
                assert_eq!(after, fresh, "{changed}, measures: {measures}");
            }
        }
    }

    fn index(site: &Site, id: &str) -> usize {
        site.objectives
            .iter()
            .position(|o| o.data.id.value == id)
            .unwrap()
    }

    #[test]
    fn grades_take_hand_grades_and_roll_up_by_weight() {
        let site = site_of(
            CONFIG,
            &[
                (
                    "objectives/a.md",
                    "---\ntitle: A\nperiod: 2024-Q1\nkey_results:\n  - { title: x, target: 10, weight: 3, grade: 0.5, checkins: [{ date: 2024-03-01, value: 10 }] }\n  - { title: y, target: 10, checkins: [{ date: 2024-03-01, value: 2 }] }\n---\n",
                ),
                ("objectives/parent.md", "---\ntitle: P\nperiod: 2024\n---\n"),
                (
                    "objectives/b.md",
                    "---\ntitle: B\nperiod: 2024-Q1\naligns_to: parent\nweight: 2\nkey_results:\n  - { title: x, target: 10, checkins: [{ date: 2024-03-01, value: 8 }] }\n---\n",
                ),
                (
                    "objectives/c.md",
                    "---\ntitle: C\nperiod: 2024-Q2\naligns_to: parent\nkey_results:\n  - { title: x, target: 10, checkins: [{ date: 2024-04-10, value: 5 }] }\n---\n",
                ),
            ],
        );
        let f = compute(&site, d("2024-04-15"), false);
        let a = &f.objectives[index(&site, "a")];
        assert_eq!(a.key_results[0].grade, Some(0.5));
        assert_eq!(a.key_results[1].grade, Some(0.2));
        // (0.5·3 + 0.2·1) / 4, while progress is (1·3 + 0.2) / 4.
        assert!(close(a.grade.unwrap(), 0.425));
        assert!(close(a.progress, 0.8));
        assert_eq!(a.status, Status::Missed);
        // A yearly parent is running: no grade, even though one child is graded.
        let parent = &f.objectives[index(&site, "parent")];
        assert_eq!(parent.grade, None);
        // Q1's grade: its top-level objectives a (0.425) and b (0.8, weight 2).
        let q1 = site.periods.iter().position(|p| p.id == "2024-Q1").unwrap();
        assert_eq!(f.periods[q1].state, PeriodState::Closed);
        assert!(close(f.periods[q1].grade.unwrap(), (0.425 + 1.6) / 3.0));
        assert_eq!(f.periods[q1].status, Status::Missed);
        let q2 = site.periods.iter().position(|p| p.id == "2024-Q2").unwrap();
        assert_eq!(f.periods[q2].grade, None);
        assert_eq!(f.periods[q2].state, PeriodState::Running);
        // Once the year is closed, the parent's grade mixes b's grade with c's.
        let f = compute(&site, d("2025-01-01"), false);
        let parent = &f.objectives[index(&site, "parent")];
        assert!(close(parent.grade.unwrap(), (0.8 * 2.0 + 0.5) / 3.0));
    }

    #[test]
    fn a_child_of_a_period_not_closed_counts_with_its_progress() {
        let site = site_of(
            CONFIG,
            &[
                ("objectives/p.md", "---\ntitle: P\nperiod: 2024-Q1\n---\n"),
                (
                    "objectives/c.md",
                    "---\ntitle: C\nperiod: 2024-H1\naligns_to: p\nkey_results:\n  - { title: x, target: 10, checkins: [{ date: 2024-03-01, value: 3 }] }\n---\n",
                ),
            ],
        );
        let f = compute(&site, d("2024-04-02"), false);
        assert!(close(f.objectives[index(&site, "p")].grade.unwrap(), 0.3));
        assert_eq!(f.objectives[index(&site, "c")].grade, None);
    }

    #[test]
    fn check_ins_are_due_strictly_after_the_stale_days() {
        let site = site_of(
            "title: T\nlints:\n  stale-checkin: { days: 10 }\n",
            &[(
                "objectives/a.md",
                "---\ntitle: A\nperiod: 2024-Q2\nkey_results:\n  - { title: x, target: 10, checkins: [{ date: 2024-05-01, value: 2 }] }\n  - { title: never, target: 10 }\n  - { title: held, metric: stay_above, target: 5, checkins: [{ date: 2024-04-01, value: 6 }] }\n---\n",
            )],
        );
        let due = |date: &str| -> Vec<bool> {
            compute(&site, d(date), false).objectives[0]
                .key_results
                .iter()
                .map(|k| k.checkin_due)
                .collect()
        };
        assert_eq!(due("2024-05-11"), [false, true, true]);
        assert_eq!(due("2024-05-12"), [true, true, true]);
        // Outside running periods nothing is due.
        assert_eq!(due("2024-07-01"), [false, false, false]);
        assert_eq!(due("2024-03-01"), [false, false, false]);
    }

    #[test]
    fn sub_team_rollups_reach_three_levels_down() {
        let site = site_of(
            CONFIG,
            &[
                ("teams/company.md", "---\nname: Company\n---\n"),
                ("teams/eng.md", "---\nname: Eng\nparent: company\n---\n"),
                ("teams/web.md", "---\nname: Web\nparent: eng\n---\n"),
                (
                    "objectives/c.md",
                    "---\ntitle: C\nperiod: 2024-Q2\nteam: company\nkey_results:\n  - { title: x, target: 10, checkins: [{ date: 2024-05-01, value: 10 }] }\n---\n",
                ),
                (
                    "objectives/e.md",
                    "---\ntitle: E\nperiod: 2024-Q2\nteam: eng\nweight: 2\nkey_results:\n  - { title: x, target: 10, checkins: [{ date: 2024-05-01, value: 4 }] }\n---\n",
                ),
                (
                    "objectives/w.md",
                    "---\ntitle: W\nperiod: 2024-Q3\nteam: web\nkey_results:\n  - { title: x, target: 10 }\n---\n",
                ),
            ],
        );
        let f = compute(&site, d("2024-05-20"), false);
        let team = |id: &str| &f.teams[site.teams.iter().position(|t| t.id == id).unwrap()];
        let q2 = site.periods.iter().position(|p| p.id == "2024-Q2").unwrap();
        let q3 = site.periods.iter().position(|p| p.id == "2024-Q3").unwrap();
        assert_eq!(team("company").progress, vec![(q2, 1.0)]);
        let company = &team("company").with_subteams;
        assert_eq!(company.len(), 2);
        assert!(close(company[0].1, (1.0 + 0.8) / 3.0));
        assert_eq!(company[1], (q3, 0.0));
        assert_eq!(team("eng").with_subteams.len(), 2);
        assert_eq!(team("web").with_subteams, vec![(q3, 0.0)]);
        assert!(team("web").progress == vec![(q3, 0.0)]);
    }

    #[test]
    fn a_timed_check_in_wins_over_an_earlier_one_of_the_same_day() {
        let site = site_of(
            CONFIG,
            &[
                (
                    "objectives/a.md",
                    "---\ntitle: A\nperiod: 2024-Q2\nkey_results:\n  - { title: x, target: 10 }\n---\n",
                ),
                // By path, b.md would win; by time, a.md (14:30) does.
                (
                    "checkins/a.md",
                    "---\ndate: 2024-05-15T14:30\nkr: a/kr1\nvalue: 7\n---\n",
                ),
                (
                    "checkins/b.md",
                    "---\ndate: 2024-05-15 09:00\nkr: a/kr1\nvalue: 3\n---\n",
                ),
                // A date alone is the start of its day: before both.
                (
                    "checkins/c.md",
                    "---\ndate: 2024-05-15\nkr: a/kr1\nvalue: 1\n---\n",
                ),
            ],
        );
        let f = compute(&site, d("2024-05-20"), false);
        assert_eq!(f.objectives[0].key_results[0].current, Current::Number(7.0));
        let values: Vec<f64> = site.objectives[0].key_results[0]
            .checkins
            .iter()
            .filter_map(|c| c.value)
            .collect();
        assert_eq!(values, [1.0, 3.0, 7.0]);
    }

    #[test]
    fn a_later_child_does_not_change_a_closed_objectives_grade() {
        let site = site_of(
            CONFIG,
            &[
                ("objectives/p.md", "---\ntitle: P\nperiod: 2024-Q1\n---\n"),
                (
                    "objectives/a.md",
                    "---\ntitle: A\nperiod: 2024-Q1\naligns_to: p\nkey_results:\n  - { title: x, target: 10, checkins: [{ date: 2024-03-01, value: 6 }] }\n---\n",
                ),
                // A continuation into Q2 that kept `aligns_to: p`.
                (
                    "objectives/b.md",
                    "---\ntitle: B\nperiod: 2024-Q2\naligns_to: p\ncarried_from: a\nkey_results:\n  - { title: x, start: 6, target: 10 }\n---\n",
                ),
            ],
        );
        let f = compute(&site, d("2024-05-01"), false);
        let p = &f.objectives[index(&site, "p")];
        assert!(close(p.progress, 0.6));
        assert!(close(p.grade.unwrap(), 0.6));
        assert_eq!(p.history.len(), 1);
    }

    #[test]
    fn a_rollups_history_holds_each_childs_progress_until_its_next_check_in() {
        // g has no key results; a and b align to it (b twice as heavy), c to b. c's
        // check-in after the as-of date is no date of anyone's history.
        let site = site_of(
            CONFIG,
            &[
                ("objectives/g.md", "---\ntitle: G\nperiod: 2024-Q2\n---\n"),
                (
                    "objectives/a.md",
                    "---\ntitle: A\nperiod: 2024-Q2\naligns_to: g\nkey_results:\n  - { title: x, target: 10, checkins: [{ date: 2024-04-10, value: 3 }, { date: 2024-05-01, value: 6 }] }\n---\n",
                ),
                (
                    "objectives/b.md",
                    "---\ntitle: B\nperiod: 2024-Q2\naligns_to: g\nweight: 2\n---\n",
                ),
                (
                    "objectives/c.md",
                    "---\ntitle: C\nperiod: 2024-Q2\naligns_to: b\nkey_results:\n  - { title: x, target: 10, checkins: [{ date: 2024-04-20, value: 9 }, { date: 2024-06-01, value: 10 }] }\n---\n",
                ),
            ],
        );
        let f = compute(&site, d("2024-05-20"), false);
        let history = |id: &str| f.objectives[index(&site, id)].history.clone();
        assert_eq!(history("b"), [(d("2024-04-20"), 0.9)]);
        let g = history("g");
        let dates: Vec<NaiveDate> = g.iter().map(|(d, _)| *d).collect();
        assert_eq!(dates, [d("2024-04-10"), d("2024-04-20"), d("2024-05-01")]);
        // 04-10: a 0.3, b not yet (0); 04-20: a 0.3, b 0.9; 05-01: a 0.6, b 0.9.
        for ((_, got), want) in g.iter().zip([0.1, (0.3 + 1.8) / 3.0, (0.6 + 1.8) / 3.0]) {
            assert!(close(*got, want), "{got} ≠ {want}");
        }
        // The last entry of a history is the objective's progress.
        assert!(close(g[2].1, f.objectives[index(&site, "g")].progress));
    }

    #[test]
    fn the_dashboard_period_holds_the_as_of_date_and_the_most_objectives() {
        let objective = |id: &str, period: &str| {
            (
                format!("objectives/{id}.md"),
                format!(
                    "---\ntitle: {id}\nperiod: {period}\nkey_results: [{{ title: x, target: 1 }}]\n---\n"
                ),
            )
        };
        let files = [
            objective("q1", "2024-Q2"),
            objective("q2", "2024-Q2"),
            objective("c1", "sprint"),
            objective("y1", "2024"),
            objective("y2", "2024"),
        ];
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let config = "title: T\nperiods:\n  - { id: sprint, start: 2024-05-01, end: 2024-05-14 }\n  - { id: empty, start: 2024-01-01, end: 2024-01-31 }\n";
        let site = site_of(config, &files);
        let f = compute(&site, d("2024-05-10"), false);
        // 2024-Q2 and 2024 both have two objectives and the sprint one: the shorter wins.
        assert_eq!(site.periods[f.current_period.unwrap()].id, "2024-Q2");
        // An empty closed period has nothing to grade.
        let empty = site.periods.iter().position(|p| p.id == "empty").unwrap();
        assert_eq!(f.periods[empty].state, PeriodState::Closed);
        assert_eq!(f.periods[empty].grade, None);
    }

    #[test]
    fn check_ins_after_the_end_count_in_a_closed_period() {
        let site = site_of(
            CONFIG,
            &[(
                "objectives/a.md",
                "---\ntitle: A\nperiod: 2024-Q1\nkey_results:\n  - { title: x, target: 10, checkins: [{ date: 2024-03-20, value: 6 }, { date: 2024-04-03, value: 10 }] }\n---\n",
            )],
        );
        let f = compute(&site, d("2024-04-05"), false);
        assert_eq!(f.objectives[0].status, Status::Done);
        assert_eq!(f.objectives[0].grade, Some(1.0));
        let f = compute(&site, d("2024-04-02"), false);
        assert_eq!(f.objectives[0].status, Status::Missed);
        assert!(close(f.objectives[0].grade.unwrap(), 0.6));
    }

    #[test]
    fn as_of_prefers_flag_then_config_then_epoch() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let mut config = Config::default();
        assert_eq!(
            as_of_date(None, &config, Some("1716163200")),
            d("2024-05-20")
        );
        config.as_of = Some(d("2024-01-02"));
        assert_eq!(
            as_of_date(None, &config, Some("1716163200")),
            d("2024-01-02")
        );
        assert_eq!(
            as_of_date(Some(d("2024-03-03")), &config, None),
            d("2024-03-03")
        );
    }
}
