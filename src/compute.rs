//! Stage 3: every figure of SPEC 2 — key result progress, objective, team and period
//! rollups, expected pace, status, confidence and risk — as of one date.

use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

use crate::model::*;
use crate::period;

/// Comparisons allow this much rounding error (0.7 − 0.2 counts as 0.5).
pub const EPSILON: f64 = 1e-9;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Upcoming,
    Done,
    NoData,
    OnTrack,
    Behind,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Upcoming => "upcoming",
            Status::Done => "done",
            Status::NoData => "no_data",
            Status::OnTrack => "on_track",
            Status::Behind => "behind",
        }
    }
}

/// A key result's current value: a number, or done / not done for a milestone.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Current {
    Number(f64),
    Done(bool),
}

#[derive(Clone, Debug, PartialEq)]
pub struct KeyResultFigures {
    pub current: Current,
    pub raw_progress: f64,
    pub progress: f64,
    pub confidence: Option<u8>,
    pub at_risk: bool,
    pub status: Status,
    /// How many of its check-ins are on or before the as-of date (they come first).
    pub checkins: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ObjectiveFigures {
    pub progress: f64,
    pub expected: f64,
    pub status: Status,
    pub confidence: Option<u8>,
    pub at_risk: bool,
    /// False for a draft left out of this build.
    pub included: bool,
    /// Whether any key result under it (its own, or its descendants' when it has none)
    /// has a check-in.
    pub has_data: bool,
    pub key_results: Vec<KeyResultFigures>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PeriodFigures {
    pub expected: f64,
    pub progress: f64,
    /// Included objectives of the period, by id.
    pub objectives: Vec<usize>,
    /// Those that align to no included objective of the same period.
    pub top_level: Vec<usize>,
}

/// Every figure of the site as of one date.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    pub as_of: NaiveDate,
    pub include_drafts: bool,
    /// Parallel to `site.objectives`.
    pub objectives: Vec<ObjectiveFigures>,
    /// Parallel to `site.periods`.
    pub periods: Vec<PeriodFigures>,
    /// Parallel to `site.teams`: (period index, progress) for each period with objectives.
    pub teams: Vec<Vec<(usize, f64)>>,
    /// Parallel to `site.teams` and `site.people`: whether each appears in the output. One
    /// that no file defines appears only if something in the output names it (not only
    /// drafts left out of the build).
    pub teams_included: Vec<bool>,
    pub people_included: Vec<bool>,
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
pub fn progress(kr: &KeyResult, metric: Metric, current: Option<Current>) -> (f64, f64) {
    let Some(current) = current else {
        return (0.0, 0.0);
    };
    let target = kr.target.as_ref().map_or(0.0, |t| t.value);
    let p = match (metric, current) {
        (Metric::Increase | Metric::Decrease, Current::Number(v)) => {
            let start = kr.start_value();
            let raw = decimal(v - start) / decimal(target - start);
            if !raw.is_finite() {
                return (0.0, 0.0);
            }
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

/// Weighted mean of `(value, weight)` pairs; 0 when there are none.
pub fn weighted_mean(items: impl IntoIterator<Item = (f64, f64)>) -> f64 {
    let (sum, weights) = items
        .into_iter()
        .fold((0.0, 0.0), |(s, w), (value, weight)| {
            (s + value * weight, w + weight)
        });
    if weights > 0.0 { sum / weights } else { 0.0 }
}

pub fn status(
    as_of: NaiveDate,
    period: &Period,
    progress: f64,
    has_data: bool,
    expected: f64,
    tolerance: f64,
) -> Status {
    if as_of < period.start {
        Status::Upcoming
    } else if progress >= 1.0 - EPSILON {
        Status::Done
    } else if !has_data {
        Status::NoData
    } else if progress >= expected - tolerance - EPSILON {
        Status::OnTrack
    } else {
        Status::Behind
    }
}

/// Computes the figures of a key result as of `date`.
pub fn key_result_at(
    site: &Site,
    objective: usize,
    index: usize,
    date: NaiveDate,
) -> KeyResultFigures {
    let resolved = &site.objectives[objective];
    let rk = &resolved.key_results[index];
    let kr = &resolved.data.key_results[rk.written];
    let visible = rk.checkins.partition_point(|c| c.date <= date);
    let seen = &rk.checkins[..visible];
    let current = seen.last().map(|c| match rk.metric {
        Metric::Milestone => Current::Done(c.done.unwrap_or(false)),
        _ => Current::Number(c.value.unwrap_or(0.0)),
    });
    let (raw_progress, progress) = progress(kr, rk.metric, current);
    let confidence = seen.iter().rev().find_map(|c| c.confidence);
    let period = &site.periods[resolved.period];
    let expected = period::expected(period, date);
    KeyResultFigures {
        current: current.unwrap_or(match rk.metric {
            Metric::Milestone => Current::Done(false),
            _ => Current::Number(kr.start_value()),
        }),
        raw_progress,
        progress,
        confidence,
        at_risk: confidence.is_some_and(|c| c <= 3),
        status: status(
            date,
            period,
            progress,
            visible > 0,
            expected,
            site.config.pace_tolerance,
        ),
        checkins: visible,
    }
}

/// The progress of an objective as of `date`, following children where it has no key
/// results. `include` says which objectives count (drafts may not).
pub fn objective_progress_at(
    site: &Site,
    objective: usize,
    date: NaiveDate,
    include: &dyn Fn(usize) -> bool,
) -> f64 {
    let mut memo = HashMap::new();
    progress_rec(site, objective, date, include, &mut memo)
}

fn progress_rec(
    site: &Site,
    o: usize,
    date: NaiveDate,
    include: &dyn Fn(usize) -> bool,
    memo: &mut HashMap<usize, f64>,
) -> f64 {
    if let Some(&p) = memo.get(&o) {
        return p;
    }
    // Guards against alignment cycles (reported as errors) while they are walked.
    memo.insert(o, 0.0);
    let resolved = &site.objectives[o];
    let p = if resolved.key_results.is_empty() {
        let children: Vec<usize> = resolved
            .children
            .iter()
            .copied()
            .filter(|&c| include(c))
            .collect();
        weighted_mean(children.into_iter().map(|c| {
            (
                progress_rec(site, c, date, include, memo),
                site.objective(c).weight,
            )
        }))
    } else {
        weighted_mean((0..resolved.key_results.len()).map(|k| {
            let kr = &resolved.data.key_results[resolved.key_results[k].written];
            (key_result_at(site, o, k, date).progress, kr.weight)
        }))
    };
    memo.insert(o, p);
    p
}

/// The dates of the check-ins (up to the as-of date) that move an objective: those of its
/// key results, or of its included descendants' when it has none. Sorted, without repeats.
pub fn checkin_dates(site: &Site, figures: &Figures, o: usize) -> Vec<NaiveDate> {
    let mut dates = Vec::new();
    let mut stack = vec![o];
    let mut seen = HashSet::new();
    while let Some(x) = stack.pop() {
        if !seen.insert(x) {
            continue;
        }
        let resolved = &site.objectives[x];
        for (k, kr) in resolved.key_results.iter().enumerate() {
            let visible = figures.objectives[x].key_results[k].checkins;
            dates.extend(kr.checkins[..visible].iter().map(|c| c.date));
        }
        if resolved.key_results.is_empty() {
            stack.extend(
                resolved
                    .children
                    .iter()
                    .copied()
                    .filter(|&c| figures.objectives[c].included),
            );
        }
    }
    dates.sort_unstable();
    dates.dedup();
    dates
}

/// An objective's progress recomputed at each of its check-in dates, oldest first.
pub fn progress_history(site: &Site, figures: &Figures, o: usize) -> Vec<(NaiveDate, f64)> {
    let include = |x: usize| figures.objectives[x].included;
    checkin_dates(site, figures, o)
        .into_iter()
        .map(|d| (d, objective_progress_at(site, o, d, &include)))
        .collect()
}

/// Computes every figure as of `as_of`; drafts count only with `include_drafts`.
pub fn compute(site: &Site, as_of: NaiveDate, include_drafts: bool) -> Figures {
    let n = site.objectives.len();
    let included: Vec<bool> = (0..n)
        .map(|i| include_drafts || !site.objective(i).draft)
        .collect();
    let include = |i: usize| included[i];
    let key_results: Vec<Vec<KeyResultFigures>> = (0..n)
        .map(|o| {
            (0..site.objectives[o].key_results.len())
                .map(|k| key_result_at(site, o, k, as_of))
                .collect()
        })
        .collect();

    // Progress, confidence and data bottom-up through the alignment graph.
    let mut progress: Vec<Option<f64>> = vec![None; n];
    let mut confidence: Vec<Option<Option<u8>>> = vec![None; n];
    let mut has_data: Vec<Option<bool>> = vec![None; n];
    for o in topological_children_first(site) {
        let resolved = &site.objectives[o];
        let children: Vec<usize> = resolved
            .children
            .iter()
            .copied()
            .filter(|&c| include(c))
            .collect();
        if resolved.key_results.is_empty() {
            progress[o] =
                Some(weighted_mean(children.iter().map(|&c| {
                    (progress[c].unwrap_or(0.0), site.objective(c).weight)
                })));
            confidence[o] = Some(
                children
                    .iter()
                    .filter_map(|&c| confidence[c].flatten())
                    .min(),
            );
            has_data[o] = Some(children.iter().any(|&c| has_data[c].unwrap_or(false)));
        } else {
            let krs = &key_results[o];
            progress[o] = Some(weighted_mean(krs.iter().enumerate().map(|(k, f)| {
                (
                    f.progress,
                    resolved.data.key_results[resolved.key_results[k].written].weight,
                )
            })));
            confidence[o] = Some(krs.iter().filter_map(|f| f.confidence).min());
            has_data[o] = Some(krs.iter().any(|f| f.checkins > 0));
        }
    }

    let objectives: Vec<ObjectiveFigures> = key_results
        .into_iter()
        .enumerate()
        .map(|(o, krs)| {
            let period = &site.periods[site.objectives[o].period];
            let expected = period::expected(period, as_of);
            let p = progress[o].unwrap_or(0.0);
            let data = has_data[o].unwrap_or(false);
            let conf = confidence[o].flatten();
            ObjectiveFigures {
                progress: p,
                expected,
                status: status(as_of, period, p, data, expected, site.config.pace_tolerance),
                confidence: conf,
                at_risk: conf.is_some_and(|c| c <= 3),
                included: included[o],
                has_data: data,
                key_results: krs,
            }
        })
        .collect();

    let periods = site
        .periods
        .iter()
        .enumerate()
        .map(|(p, period)| {
            let members: Vec<usize> = (0..n)
                .filter(|&o| included[o] && site.objectives[o].period == p)
                .collect();
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
            PeriodFigures {
                expected: period::expected(period, as_of),
                progress: weighted_mean(
                    top_level
                        .iter()
                        .map(|&o| (objectives[o].progress, site.objective(o).weight)),
                ),
                objectives: members,
                top_level,
            }
        })
        .collect();

    let teams = (0..site.teams.len())
        .map(|t| {
            (0..site.periods.len())
                .filter_map(|p| {
                    let members: Vec<usize> = (0..n)
                        .filter(|&o| {
                            included[o]
                                && site.objectives[o].period == p
                                && site.objectives[o].team == Some(t)
                        })
                        .collect();
                    (!members.is_empty()).then(|| {
                        (
                            p,
                            weighted_mean(
                                members
                                    .iter()
                                    .map(|&o| (objectives[o].progress, site.objective(o).weight)),
                            ),
                        )
                    })
                })
                .collect()
        })
        .collect();

    let (teams_included, people_included) = parties_included(site, &included);
    Figures {
        as_of,
        include_drafts,
        objectives,
        periods,
        teams,
        teams_included,
        people_included,
    }
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
fn topological_children_first(site: &Site) -> Vec<usize> {
    let n = site.objectives.len();
    let mut state = vec![0u8; n];
    let mut order = Vec::with_capacity(n);
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
                }
                continue;
            }
            state[o] = 2;
            order.push(o);
            stack.pop();
        }
    }
    order
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
    }

    #[test]
    fn status_takes_the_first_that_applies() {
        let q2 = period::calendar("2024-Q2").unwrap();
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            status(d("2024-03-31"), &q2, 1.0, true, 0.0, 0.1),
            Status::Upcoming
        );
        assert_eq!(
            status(d("2024-05-20"), &q2, 1.0, true, 0.5, 0.1),
            Status::Done
        );
        assert_eq!(
            status(d("2024-05-20"), &q2, 0.0, false, 0.5, 0.1),
            Status::NoData
        );
        assert_eq!(
            status(d("2024-05-20"), &q2, 0.4, true, 0.5, 0.1),
            Status::OnTrack
        );
        assert_eq!(
            status(d("2024-05-20"), &q2, 0.39, true, 0.5, 0.1),
            Status::Behind
        );
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
