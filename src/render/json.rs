//! okrs.json: every computed figure, field for field as docs/format.md#okrsjson lists them.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::views::listed_periods;
use crate::compute::{Band, Current, EPSILON, Figures, KeyResultFigures};
use crate::model::*;

/// A number as okrs.json writes it: whole numbers without a fraction, never `-0`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Num(pub f64);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let x = if self.0 == 0.0 { 0.0 } else { self.0 };
        if x.fract() == 0.0 && x.abs() < 9.0e15 {
            s.serialize_i64(x as i64)
        } else {
            s.serialize_f64(x)
        }
    }
}

#[derive(Serialize)]
pub(crate) struct Export<'a> {
    pub(crate) generator: String,
    pub(crate) as_of: String,
    pub(crate) site: SiteInfo<'a>,
    pub(crate) org: Option<OrgInfo<'a>>,
    pub(crate) periods: Vec<PeriodInfo<'a>>,
    pub(crate) teams: Vec<TeamInfo<'a>>,
    pub(crate) people: Vec<PersonInfo<'a>>,
    pub(crate) objectives: Vec<ObjectiveInfo<'a>>,
}

#[derive(Serialize)]
pub(crate) struct SiteInfo<'a> {
    pub(crate) title: &'a str,
    pub(crate) language: &'a str,
    pub(crate) description: Option<&'a str>,
}

#[derive(Serialize)]
pub(crate) struct OrgInfo<'a> {
    pub(crate) name: Option<&'a str>,
    pub(crate) mission: Option<&'a str>,
    pub(crate) vision: Option<&'a str>,
    pub(crate) strategies: Vec<StrategyInfo<'a>>,
}

#[derive(Serialize)]
pub(crate) struct StrategyInfo<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: &'a str,
}

#[derive(Serialize)]
pub(crate) struct PeriodInfo<'a> {
    pub(crate) id: &'a str,
    pub(crate) start: String,
    pub(crate) end: String,
    pub(crate) state: &'a str,
    pub(crate) expected: Num,
    pub(crate) progress: Num,
    pub(crate) status: &'a str,
    pub(crate) grade: Option<Num>,
    pub(crate) band: Option<&'a str>,
    pub(crate) objectives: Vec<&'a str>,
}

/// Period id → progress, in period order.
pub(crate) struct ProgressByPeriod<'a>(pub Vec<(&'a str, Num)>);

impl Serialize for ProgressByPeriod<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
pub(crate) struct TeamInfo<'a> {
    pub(crate) id: &'a str,
    pub(crate) name: &'a str,
    pub(crate) parent: Option<&'a str>,
    pub(crate) progress: ProgressByPeriod<'a>,
    pub(crate) progress_with_subteams: ProgressByPeriod<'a>,
}

#[derive(Serialize)]
pub(crate) struct PersonInfo<'a> {
    pub(crate) id: &'a str,
    pub(crate) name: &'a str,
    pub(crate) team: Option<&'a str>,
}

#[derive(Serialize)]
pub(crate) struct ObjectiveInfo<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: &'a str,
    pub(crate) period: &'a str,
    pub(crate) owner: Option<&'a str>,
    pub(crate) team: Option<&'a str>,
    pub(crate) aligns_to: Vec<&'a str>,
    pub(crate) children: Vec<&'a str>,
    pub(crate) commitment: &'a str,
    pub(crate) weight: Num,
    pub(crate) draft: bool,
    pub(crate) progress: Num,
    pub(crate) expected: Num,
    pub(crate) status: &'a str,
    pub(crate) confidence: Option<u8>,
    pub(crate) at_risk: bool,
    pub(crate) grade: Option<Num>,
    pub(crate) band: Option<&'a str>,
    pub(crate) carried_from: Option<&'a str>,
    pub(crate) carried_to: Vec<&'a str>,
    pub(crate) review: Option<&'a str>,
    pub(crate) url: String,
    pub(crate) key_results: Vec<KeyResultInfo<'a>>,
    /// Its `extra:` free fields as written (YAML as JSON), null without them.
    pub(crate) extra: &'a serde_json::Value,
}

#[derive(Serialize)]
#[serde(untagged)]
pub(crate) enum CurrentInfo {
    Number(Num),
    Done(bool),
}

#[derive(Serialize)]
pub(crate) struct KeyResultInfo<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: &'a str,
    pub(crate) owner: Option<&'a str>,
    pub(crate) metric: &'a str,
    pub(crate) start: Option<Num>,
    pub(crate) target: Option<Num>,
    pub(crate) unit: Option<&'a str>,
    pub(crate) weight: Num,
    /// SPEC 6: a number, or a milestone's true/false (kept so for the consumers the
    /// spec promised it to); `done` is the same fact typed alike for every key result.
    pub(crate) current: CurrentInfo,
    pub(crate) done: bool,
    pub(crate) raw_progress: Num,
    pub(crate) progress: Num,
    pub(crate) confidence: Option<u8>,
    pub(crate) at_risk: bool,
    pub(crate) status: &'a str,
    pub(crate) grade: Option<Num>,
    pub(crate) band: Option<&'a str>,
    pub(crate) checkin_due: bool,
    pub(crate) checkins: Vec<CheckinInfo<'a>>,
    /// Its `extra:` free fields as written (YAML as JSON), null without them.
    pub(crate) extra: &'a serde_json::Value,
}

#[derive(Serialize)]
pub(crate) struct CheckinInfo<'a> {
    pub(crate) date: String,
    pub(crate) value: Option<Num>,
    pub(crate) done: Option<bool>,
    pub(crate) confidence: Option<u8>,
    pub(crate) author: Option<&'a str>,
    pub(crate) source: &'a str,
}

/// A grade and its band, as okrs.json gives them (both null outside closed periods).
fn graded(grade: Option<f64>) -> (Option<Num>, Option<&'static str>) {
    (grade.map(Num), grade.map(|g| Band::of(g).as_str()))
}

/// Whether a key result is met as of the as-of date: a milestone done, a number at (or
/// past, or on the right side of) its target, that is at progress 1.
pub(crate) fn is_done(kf: &KeyResultFigures) -> bool {
    match kf.current {
        Current::Done(done) => done,
        Current::Number(_) => kf.progress >= 1.0 - EPSILON,
    }
}

/// A check-in's date as written: with its time of day when it has one.
pub(crate) fn checkin_date(c: &Checkin) -> String {
    match c.time {
        Some(t) => format!("{}T{}", c.date, t.format("%H:%M")),
        None => c.date.to_string(),
    }
}

/// Builds the export of the whole site; excluded drafts are left out everywhere.
pub(crate) fn export<'a>(site: &'a Site, figures: &'a Figures) -> Export<'a> {
    let included = |o: usize| figures.objectives[o].included;
    let periods = period_infos(site, figures);
    let teams = site
        .teams
        .iter()
        .enumerate()
        .filter(|(t, _)| figures.teams_included[*t])
        .map(|(t, team)| TeamInfo {
            id: &team.id,
            name: &team.name,
            parent: team.team.map(|p| site.teams[p].id.as_str()),
            progress: by_period(site, &figures.teams[t].progress),
            progress_with_subteams: by_period(site, &figures.teams[t].with_subteams),
        })
        .collect();
    let people = site
        .people
        .iter()
        .enumerate()
        .filter(|(p, _)| figures.people_included[*p])
        .map(|(_, p)| PersonInfo {
            id: &p.id,
            name: &p.name,
            team: p.team.map(|t| site.teams[t].id.as_str()),
        })
        .collect();
    let objectives = (0..site.objectives.len())
        .filter(|&o| included(o))
        .map(|o| objective_info(site, figures, o))
        .collect();
    Export {
        generator: format!("okrs {}", env!("CARGO_PKG_VERSION")),
        as_of: figures.as_of.to_string(),
        site: SiteInfo {
            title: &site.config.title,
            language: site.config.language.code(),
            description: site.config.description.as_deref(),
        },
        org: site.org().map(|org| OrgInfo {
            name: org.name.as_deref(),
            mission: org.mission.as_deref(),
            vision: org.vision.as_deref(),
            strategies: org
                .strategies
                .iter()
                .map(|s| StrategyInfo {
                    id: &s.id.value,
                    title: &s.title,
                })
                .collect(),
        }),
        periods,
        teams,
        people,
        objectives,
    }
}

/// The periods that get a page (`views::listed_periods`), with their figures.
fn period_infos<'a>(site: &'a Site, figures: &'a Figures) -> Vec<PeriodInfo<'a>> {
    let objective_id = |o: usize| site.objective(o).id.value.as_str();
    listed_periods(site, figures)
        .into_iter()
        .map(|p| {
            let period = &site.periods[p];
            let f = &figures.periods[p];
            let (grade, band) = graded(f.grade);
            PeriodInfo {
                id: &period.id,
                start: period.start.to_string(),
                end: period.end.to_string(),
                state: f.state.as_str(),
                expected: Num(f.expected),
                progress: Num(f.progress),
                status: f.status.as_str(),
                grade,
                band,
                objectives: f.objectives.iter().map(|&o| objective_id(o)).collect(),
            }
        })
        .collect()
}

fn by_period<'a>(site: &'a Site, list: &[(usize, f64)]) -> ProgressByPeriod<'a> {
    ProgressByPeriod(
        list.iter()
            .map(|&(p, x)| (site.periods[p].id.as_str(), Num(x)))
            .collect(),
    )
}

fn objective_info<'a>(site: &'a Site, figures: &'a Figures, o: usize) -> ObjectiveInfo<'a> {
    let resolved = &site.objectives[o];
    let data = &resolved.data;
    let f = &figures.objectives[o];
    let included = |x: usize| figures.objectives[x].included;
    let aligns_to = aligns_to(site, figures, resolved);
    let key_results = resolved
        .each_key_result()
        .zip(&f.key_results)
        .map(|(kr, kf)| key_result_info(site, kr, kf))
        .collect();
    let (grade, band) = graded(f.grade);
    let id_of = |x: usize| site.objective(x).id.value.as_str();
    ObjectiveInfo {
        grade,
        band,
        carried_from: resolved.carried_from.filter(|&x| included(x)).map(id_of),
        carried_to: resolved
            .carried_to
            .iter()
            .copied()
            .filter(|&x| included(x))
            .map(id_of)
            .collect(),
        review: data.review.as_deref(),
        id: &data.id.value,
        title: &data.title,
        period: &site.periods[resolved.period].id,
        owner: resolved.owner.map(|p| site.people[p].id.as_str()),
        team: resolved.team.map(|t| site.teams[t].id.as_str()),
        aligns_to,
        children: resolved
            .children
            .iter()
            .filter(|&&c| included(c))
            .map(|&c| site.objective(c).id.value.as_str())
            .collect(),
        commitment: data.commitment.as_str(),
        weight: Num(data.weight),
        draft: data.draft,
        progress: Num(f.progress),
        expected: Num(f.expected),
        status: f.status.as_str(),
        confidence: f.confidence,
        at_risk: f.at_risk,
        url: super::paths::objective(&data.id.value),
        key_results,
        extra: &data.extra,
    }
}

/// An objective's `aligns_to` as written, less references to drafts left out of this
/// build; a target written twice is one alignment.
fn aligns_to<'a>(site: &Site, figures: &Figures, resolved: &'a ResolvedObjective) -> Vec<&'a str> {
    let included = |x: usize| figures.objectives[x].included;
    resolved
        .data
        .aligns_to
        .iter()
        .filter(|a| {
            !resolved
                .parents
                .iter()
                .any(|&p| !included(p) && site.objective(p).id.value == a.value)
        })
        .map(|a| a.value.as_str())
        .fold(Vec::new(), |mut ids: Vec<&str>, id| {
            if !ids.contains(&id) {
                ids.push(id);
            }
            ids
        })
}

/// A key result with its figures and the check-ins up to the as-of date.
fn key_result_info<'a>(
    site: &'a Site,
    KeyResultRef {
        written: kr,
        resolved: rk,
    }: KeyResultRef<'a>,
    kf: &KeyResultFigures,
) -> KeyResultInfo<'a> {
    let numeric_start = matches!(rk.metric, Metric::Increase | Metric::Decrease);
    let (grade, band) = graded(kf.grade);
    KeyResultInfo {
        id: &rk.full_id,
        title: &kr.title,
        owner: rk.owner.map(|p| site.people[p].id.as_str()),
        metric: rk.metric.as_str(),
        start: numeric_start.then(|| Num(kr.start_value())),
        target: if rk.metric == Metric::Milestone {
            None
        } else {
            kr.target.as_ref().map(|t| Num(t.value))
        },
        unit: kr.unit.as_deref(),
        weight: Num(kr.weight),
        current: match kf.current {
            Current::Number(v) => CurrentInfo::Number(Num(v)),
            Current::Done(d) => CurrentInfo::Done(d),
        },
        done: is_done(kf),
        raw_progress: Num(kf.raw_progress),
        progress: Num(kf.progress),
        confidence: kf.confidence,
        at_risk: kf.at_risk,
        status: kf.status.as_str(),
        grade,
        band,
        checkin_due: kf.checkin_due,
        checkins: rk.checkins[..kf.checkins]
            .iter()
            .map(|c| CheckinInfo {
                date: checkin_date(c),
                value: c.value.map(Num),
                done: c.done,
                confidence: c.confidence,
                author: c.author.as_deref(),
                source: &c.source,
            })
            .collect(),
        extra: &kr.extra,
    }
}

/// okrs.json's bytes: pretty-printed, with a final newline.
pub(crate) fn to_bytes(site: &Site, figures: &Figures) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(&export(site, figures)).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_have_no_fraction_and_zero_has_no_sign() {
        assert_eq!(serde_json::to_string(&Num(40.0)).unwrap(), "40");
        assert_eq!(serde_json::to_string(&Num(-0.0)).unwrap(), "0");
        assert_eq!(serde_json::to_string(&Num(0.5)).unwrap(), "0.5");
        assert_eq!(serde_json::to_string(&Num(99.9)).unwrap(), "99.9");
    }
}
