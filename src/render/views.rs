//! Builds the views of `view.rs` from the site and its figures. Expensive parts that
//! do not depend on the page (Markdown, charts) are made once per objective and reused.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::charts::{self, ChartLabels};
use super::format;
use super::i18n::Strings;
use super::markdown;
use super::paths;
use super::tree;
use super::view::*;
use crate::compute::{Band, Current, EPSILON, Figures, Status, weighted_mean};
use crate::model::*;
use crate::period::PeriodState;

/// Per-objective HTML and SVG, the same on every page that shows the objective.
#[derive(Clone, Debug, Default)]
pub(crate) struct Prepared {
    pub(crate) body_html: String,
    pub(crate) review_html: String,
    pub(crate) sparkline_svg: String,
    pub(crate) chart_svg: String,
    /// Per key result: its burn-up chart, and the notes HTML of each visible check-in.
    pub(crate) kr_charts: Vec<String>,
    pub(crate) notes_html: Vec<Vec<Arc<str>>>,
}

/// The HTML of one objective's check-in notes, each made once: a check-in file updating
/// several key results shares one note (`Arc<str>`) among its updates.
#[derive(Default)]
struct NotesHtml(Vec<(Arc<str>, Arc<str>)>);

impl NotesHtml {
    fn html(&mut self, note: &Arc<str>) -> Arc<str> {
        if let Some((_, html)) = self.0.iter().find(|(seen, _)| Arc::ptr_eq(seen, note)) {
            return Arc::clone(html);
        }
        let html: Arc<str> = markdown::to_html(note).into();
        self.0.push((Arc::clone(note), Arc::clone(&html)));
        html
    }
}

/// Everything needed to build views; one per build. It owns (shares) what it reads, so
/// `okrs serve` can keep it between requests and render pages only when they are asked for.
pub(crate) struct Views {
    pub(crate) site: Arc<Site>,
    pub(crate) figures: Arc<Figures>,
    pub(crate) strings: Strings,
    pub(crate) language: Language,
    pub(crate) labels: ChartLabels,
    /// Made on first use, once per objective, whichever page asks first.
    pub(crate) prepared: Vec<OnceLock<Prepared>>,
    /// The alignment tree's layout, made on first use.
    pub(crate) tree: OnceLock<tree::Layout>,
    /// The period the dashboard shows.
    pub(crate) current_period: Option<usize>,
    /// Periods that get pages: those with objectives in this build, and custom ones.
    pub(crate) listed_periods: Vec<usize>,
    pub(crate) person_by_name: HashMap<String, usize>,
    /// Included objectives by owner, by team, and key results by owner: found once, not per page.
    pub(crate) objectives_by_owner: Vec<Vec<usize>>,
    pub(crate) objectives_by_team: Vec<Vec<usize>>,
    pub(crate) key_results_by_owner: Vec<Vec<(usize, usize)>>,
    /// Each team's direct sub-teams, by name.
    pub(crate) sub_teams: Vec<Vec<usize>>,
    /// Each team's place in the team tree read top down (`team_tree_order`).
    pub(crate) team_rank: Vec<usize>,
}

/// How many items a summary shows of a list before linking to its full list: the
/// top-level objectives, the at-risk and due lists, a team's own objectives in a period.
pub(crate) const SHOWN: usize = 20;
/// How many team rollups, sub-teams and members a page shows before linking to the full list.
pub(crate) const TEAMS_SHOWN: usize = 50;
/// How many objectives aligned to it an objective's page lists.
pub(crate) const CHILDREN_SHOWN: usize = 50;
/// How many latest check-ins a period's page shows.
pub(crate) const LATEST_SHOWN: usize = 8;
/// How many items one page of a full list shows.
pub(crate) const PER_PAGE: usize = 200;
/// How many objectives one page of a period's review shows (each with its key results).
pub(crate) const REVIEW_PER_PAGE: usize = 100;

/// An at-risk item: an objective, or one of its key results.
pub(crate) type Risk = (usize, Option<usize>);

pub(crate) use super::paths::url;

/// The rank of each team when the team tree is read top down: a team before its
/// sub-teams, siblings by name, the roots (teams with no parent) by name. Teams that no
/// root reaches (a parent cycle, which `okrs check` reports) follow, by name, each with
/// the teams below it not yet ranked.
fn team_tree_order(teams: &[Party], sub_teams: &[Vec<usize>]) -> Vec<usize> {
    let mut by_name: Vec<usize> = (0..teams.len()).collect();
    by_name.sort_by(|&a, &b| (&teams[a].name, a).cmp(&(&teams[b].name, b)));
    let roots = by_name.iter().filter(|&&t| teams[t].team.is_none());
    let mut rank = vec![usize::MAX; teams.len()];
    let mut next = 0;
    for &start in roots.chain(&by_name) {
        let mut stack = vec![start];
        while let Some(t) = stack.pop() {
            if rank[t] != usize::MAX {
                continue;
            }
            rank[t] = next;
            next += 1;
            stack.extend(sub_teams[t].iter().rev());
        }
    }
    rank
}

/// A key result's start and target as shown, with its unit: both for increase and
/// decrease, the bound with its sign for stay_above and stay_below.
fn start_and_target(metric: Metric, kr: &KeyResult) -> (String, String) {
    let numeric = |v: f64| format::with_unit(v, kr.unit.as_deref());
    let target = |sign: &str| {
        kr.target
            .as_ref()
            .map(|t| format!("{sign}{}", numeric(t.value)))
            .unwrap_or_default()
    };
    match metric {
        Metric::Increase | Metric::Decrease => (numeric(kr.start_value()), target("")),
        Metric::StayAbove => (String::new(), target("≥ ")),
        Metric::StayBelow => (String::new(), target("≤ ")),
        // A milestone has no target to compare with: its state is shown once, as
        // its current value ("Done" / "Not done").
        Metric::Milestone => (String::new(), String::new()),
    }
}

/// A sparkline's points: each (date, progress) of `history` as (position in the
/// period, progress).
fn spark_points(history: &[(NaiveDate, f64)], period: &Period) -> Vec<(f64, f64)> {
    let span = (period.end - period.start).num_days().max(1) as f64;
    history
        .iter()
        .map(|(d, p)| {
            (
                ((*d - period.start).num_days() as f64 / span).clamp(0.0, 1.0),
                *p,
            )
        })
        .collect()
}

/// The charts' words in the site's language.
fn chart_labels(strings: &Strings) -> ChartLabels {
    ChartLabels {
        date: strings.get("chart.date"),
        value: strings.get("chart.value"),
        progress: strings.get("chart.progress"),
        target: strings.get("chart.target"),
        as_of: strings.get("chart.as_of"),
        kept: strings.get("chart.kept"),
        broken: strings.get("chart.broken"),
        done: strings.get("chart.done"),
        not_done: strings.get("chart.not_done"),
        expected: strings.get("chart.expected"),
        count: strings.get("chart.count"),
        team: strings.get("chart.team"),
        colon: strings.get("punct.colon"),
        separator: strings.get("punct.separator"),
        comma: strings.get("punct.comma"),
        parens: strings.get("punct.parens"),
    }
}

/// The periods that get a page: those with objectives and those the config names.
pub(crate) fn listed_periods(site: &Site, figures: &Figures) -> Vec<usize> {
    (0..site.periods.len())
        .filter(|&p| {
            !figures.periods[p].objectives.is_empty()
                || site
                    .config
                    .periods
                    .iter()
                    .any(|c| c.value.id == site.periods[p].id)
        })
        .collect()
}

/// The included objectives of each person and of each team, and the key results of each
/// person (objective, key result), in site order.
struct Owned {
    objectives_by_owner: Vec<Vec<usize>>,
    objectives_by_team: Vec<Vec<usize>>,
    key_results_by_owner: Vec<Vec<(usize, usize)>>,
}

/// Who owns what among the included objectives: `Owned`.
fn included_by_owner_and_team(site: &Site, figures: &Figures) -> Owned {
    let mut objectives_by_owner = vec![Vec::new(); site.people.len()];
    let mut objectives_by_team = vec![Vec::new(); site.teams.len()];
    let mut key_results_by_owner = vec![Vec::new(); site.people.len()];
    for (o, resolved) in site.objectives.iter().enumerate() {
        if !figures.objectives[o].included {
            continue;
        }
        if let Some(p) = resolved.owner {
            objectives_by_owner[p].push(o);
        }
        if let Some(t) = resolved.team {
            objectives_by_team[t].push(o);
        }
        for (k, rk) in resolved.key_results.iter().enumerate() {
            if let Some(p) = rk.owner {
                key_results_by_owner[p].push((o, k));
            }
        }
    }
    Owned {
        objectives_by_owner,
        objectives_by_team,
        key_results_by_owner,
    }
}

/// Each team's direct sub-teams, by name (then site order); a team naming itself as its
/// parent is nobody's sub-team.
fn sorted_sub_teams(teams: &[Party]) -> Vec<Vec<usize>> {
    let mut sub_teams = vec![Vec::new(); teams.len()];
    for (x, team) in teams.iter().enumerate() {
        if let Some(parent) = team.team.filter(|&parent| parent != x) {
            sub_teams[parent].push(x);
        }
    }
    for list in &mut sub_teams {
        list.sort_by(|&a, &b| (&teams[a].name, a).cmp(&(&teams[b].name, b)));
    }
    sub_teams
}

impl Views {
    pub(crate) fn new(site: Arc<Site>, figures: Arc<Figures>) -> Views {
        let language = site.config.language;
        let strings = Strings::for_language(language);
        let labels = chart_labels(&strings);
        let listed_periods = listed_periods(&site, &figures);
        let current_period = figures.current_period;
        let person_by_name = site
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.document.is_some())
            .flat_map(|(i, p)| [(p.id.clone(), i), (p.name.clone(), i)])
            .collect();
        let Owned {
            objectives_by_owner,
            objectives_by_team,
            key_results_by_owner,
        } = included_by_owner_and_team(&site, &figures);
        let sub_teams = sorted_sub_teams(&site.teams);
        let team_rank = team_tree_order(&site.teams, &sub_teams);
        Views {
            team_rank,
            sub_teams,
            objectives_by_owner,
            objectives_by_team,
            key_results_by_owner,
            prepared: (0..site.objectives.len())
                .map(|_| OnceLock::new())
                .collect(),
            tree: OnceLock::new(),
            site,
            figures,
            strings,
            language,
            labels,
            current_period,
            listed_periods,
            person_by_name,
        }
    }

    /// The Markdown and charts of an objective, made the first time a page needs them.
    pub(crate) fn prepared(&self, o: usize) -> &Prepared {
        self.prepared[o].get_or_init(|| self.prepare(o))
    }

    /// Makes an objective's `Prepared`: its Markdown as HTML and its charts.
    pub(crate) fn prepare(&self, o: usize) -> Prepared {
        let site = &*self.site;
        let resolved = &site.objectives[o];
        let period = &site.periods[resolved.period];
        let document = &site.documents[resolved.document];
        let language = self.language;
        let format_date = move |d: NaiveDate| format::short_date(d, language);
        let format_percent = |x: f64| format::percent(x);
        let mut notes = NotesHtml::default();
        let (kr_charts, notes_html) = resolved
            .each_key_result()
            .enumerate()
            .map(|(k, kr)| self.key_result_chart(o, k, kr, &format_date, &mut notes))
            .unzip();
        let history = self.progress_history(o);
        let title = &resolved.data.title;
        Prepared {
            body_html: markdown::to_html(&document.body),
            review_html: resolved
                .data
                .review
                .as_deref()
                .map(markdown::to_html)
                .unwrap_or_default(),
            sparkline_svg: charts::sparkline(title, &spark_points(&history, period)),
            chart_svg: charts::progress_over_time(&charts::ProgressOverTime {
                id: &format!("objective-{o}"),
                title,
                period_start: period.start,
                period_end: period.end,
                as_of: self.figures.as_of,
                points: &history,
                format_date: &format_date,
                format_percent: &format_percent,
                labels: &self.labels,
            }),
            kr_charts,
            notes_html,
        }
    }

    /// Key result `k` of objective `o`: its burn-up chart over the check-ins up to the
    /// as-of date, and those check-ins' notes as HTML.
    fn key_result_chart(
        &self,
        o: usize,
        k: usize,
        KeyResultRef {
            written: kr,
            resolved: rk,
        }: KeyResultRef<'_>,
        format_date: &dyn Fn(NaiveDate) -> String,
        notes: &mut NotesHtml,
    ) -> (String, Vec<Arc<str>>) {
        let period = &self.site.periods[self.site.objectives[o].period];
        let kf = &self.figures.objectives[o].key_results[k];
        let visible = &rk.checkins[..kf.checkins];
        let points: Vec<(NaiveDate, f64)> = visible
            .iter()
            .map(|c| {
                let y = match rk.metric {
                    Metric::Milestone => f64::from(u8::from(c.done.unwrap_or(false))),
                    _ => c.value.unwrap_or(0.0),
                };
                (c.date, y)
            })
            .collect();
        let unit = kr.unit.clone();
        let format_value = move |v: f64| format::with_unit(v, unit.as_deref());
        let id = format!("{}-{}", paths::kr_anchor(&kr.id.value), o);
        let chart = charts::burn_up(&charts::BurnUp {
            id: &id,
            title: &kr.title,
            metric: rk.metric,
            period_start: period.start,
            period_end: period.end,
            as_of: self.figures.as_of,
            start: kr.start_value(),
            target: kr.target.as_ref().map(|t| t.value),
            points: &points,
            format_value: &format_value,
            format_date,
            labels: &self.labels,
        });
        let notes = visible.iter().map(|c| notes.html(&c.note)).collect();
        (chart, notes)
    }

    /// The objective's progress at the period start and at each check-in date up to the
    /// as-of date.
    pub(crate) fn progress_history(&self, o: usize) -> Vec<(NaiveDate, f64)> {
        let period = &self.site.periods[self.site.objectives[o].period];
        let mut history = self.figures.objectives[o].history.clone();
        let start = period.start.min(self.figures.as_of);
        if history.first().is_none_or(|(d, _)| *d > start) {
            history.insert(0, (start, 0.0));
        }
        history
    }

    pub(crate) fn fraction(&self, value: f64) -> Fraction {
        Fraction {
            value,
            percent: format::percent(value),
            width: (value.clamp(0.0, 1.0) * 100.0).round() as u32,
        }
    }

    pub(crate) fn status(&self, status: Status) -> StatusView {
        StatusView {
            key: status.as_str().to_owned(),
            label: self.strings.get(&format!("status.{}", status.as_str())),
        }
    }

    /// A grade with its band, as number and word.
    pub(crate) fn grade(&self, grade: Option<f64>) -> Option<GradeView> {
        grade.map(|value| {
            let band = Band::of(value).as_str();
            let display = grade_display(value);
            let band_label = self.strings.get(&format!("band.{band}"));
            GradeView {
                value,
                label: format!("{display} · {band_label}"),
                display,
                band: band.to_owned(),
                band_label,
            }
        })
    }

    /// A check-in's date and time of day.
    pub(crate) fn date_view(&self, checkin: &Checkin) -> DateView {
        DateView {
            date: checkin.date.to_string(),
            display: self.date(checkin.date),
            time: time_of_day(checkin.time),
            datetime: datetime(checkin.date, checkin.time),
        }
    }

    pub(crate) fn confidence(&self, confidence: Option<u8>) -> Option<ConfidenceView> {
        confidence.map(|value| ConfidenceView {
            value,
            level: match value {
                0..=3 => "low",
                4..=6 => "mid",
                _ => "high",
            }
            .to_owned(),
            label: format!("{value}/10"),
        })
    }

    pub(crate) fn date(&self, d: NaiveDate) -> String {
        format::date(d, self.language)
    }

    pub(crate) fn person_link(&self, root: &str, index: usize) -> Link {
        let p = &self.site.people[index];
        Link {
            id: p.id.clone(),
            name: p.name.clone(),
            url: url(root, &paths::person(&p.id)),
        }
    }

    pub(crate) fn team_link(&self, root: &str, index: usize) -> Link {
        let t = &self.site.teams[index];
        Link {
            id: t.id.clone(),
            name: t.name.clone(),
            url: url(root, &paths::team(&t.id)),
        }
    }

    pub(crate) fn period_link(&self, root: &str, p: usize) -> PeriodLink {
        let period = &self.site.periods[p];
        let f = &self.figures.periods[p];
        let state = f.state.as_str();
        PeriodLink {
            id: period.id.clone(),
            label: format::period_label(&period.id, self.language),
            url: url(root, &paths::period(&period.id)),
            start_display: self.date(period.start),
            end_display: self.date(period.end),
            state: StatusView {
                key: state.to_owned(),
                label: self.strings.get(&format!("state.{state}")),
            },
            progress: self.fraction(f.progress),
            expected: self.fraction(f.expected),
            status: self.status(f.status),
            grade: self.grade(f.grade),
            review_url: (f.state == PeriodState::Closed)
                .then(|| url(root, &paths::review(&period.id))),
            objective_count: f.objectives.len(),
            current: self.current_period == Some(p),
        }
    }

    pub(crate) fn periods(&self, root: &str) -> Vec<PeriodLink> {
        self.listed_periods
            .iter()
            .map(|&p| self.period_link(root, p))
            .collect()
    }

    pub(crate) fn objective_link(&self, root: &str, o: usize) -> ObjectiveLink {
        let data = self.site.objective(o);
        let f = &self.figures.objectives[o];
        ObjectiveLink {
            id: data.id.value.clone(),
            title: data.title.clone(),
            url: url(root, &paths::objective(&data.id.value)),
            period: format::period_label(
                &self.site.periods[self.site.objectives[o].period].id,
                self.language,
            ),
            progress: self.fraction(f.progress),
            status: self.status(f.status),
            grade: self.grade(f.grade),
            draft: data.draft,
        }
    }

    pub(crate) fn included(&self, o: usize) -> bool {
        self.figures.objectives[o].included
    }

    /// The full view of an objective; charts and check-ins only when `full`.
    pub(crate) fn objective(&self, root: &str, o: usize, full: bool) -> ObjectiveView {
        let site = &*self.site;
        let resolved = &site.objectives[o];
        let data = &resolved.data;
        let f = &self.figures.objectives[o];
        let prepared = self.prepared(o);
        let period = &site.periods[resolved.period];
        let mut key_results: Vec<KeyResultView> = (0..resolved.key_results.len())
            .map(|k| self.key_result(root, o, k, full))
            .collect();
        note_once(&mut key_results);
        ObjectiveView {
            id: data.id.value.clone(),
            title: data.title.clone(),
            url: url(root, &paths::objective(&data.id.value)),
            period: Link {
                id: period.id.clone(),
                name: format::period_label(&period.id, self.language),
                url: url(root, &paths::period(&period.id)),
            },
            owner: resolved.owner.map(|p| self.person_link(root, p)),
            team: resolved.team.map(|t| self.team_link(root, t)),
            commitment: data.commitment.as_str().to_owned(),
            commitment_label: self
                .strings
                .get(&format!("commitment.{}", data.commitment.as_str())),
            weight: data.weight,
            weight_display: format::number(data.weight),
            draft: data.draft,
            progress: self.fraction(f.progress),
            expected: self.fraction(f.expected),
            status: self.status(f.status),
            grade: self.grade(f.grade),
            confidence: self.confidence(f.confidence),
            // A closed period is graded: low confidence no longer puts anything at risk.
            at_risk: f.at_risk && f.grade.is_none(),
            parents: self.included_links(root, &resolved.parents),
            strategies: self.strategy_links(root, &resolved.strategies),
            children: resolved
                .children
                .iter()
                .filter(|&&c| self.included(c))
                .take(CHILDREN_SHOWN)
                .map(|&c| self.objective_link(root, c))
                .collect(),
            children_total: resolved
                .children
                .iter()
                .filter(|&&c| self.included(c))
                .count(),
            children_url: if full {
                self.children_url(root, o)
            } else {
                None
            },
            body_html: if full {
                prepared.body_html.clone()
            } else {
                String::new()
            },
            review_html: prepared.review_html.clone(),
            carried_from: resolved
                .carried_from
                .filter(|&x| self.included(x))
                .map(|x| self.objective_link(root, x)),
            carried_to: self.included_links(root, &resolved.carried_to),
            sparkline_svg: prepared.sparkline_svg.clone(),
            chart_svg: if full {
                prepared.chart_svg.clone()
            } else {
                String::new()
            },
            key_results,
            extra: data.extra.clone(),
            extra_shown: self.extra_shown(&data.extra),
        }
    }

    /// Links to the strategies of the org file that `ids` name, in their order, at their
    /// anchors on the alignment page; none without an org file.
    fn strategy_links(&self, root: &str, ids: &[String]) -> Vec<Link> {
        self.site
            .org()
            .map(|org| {
                ids.iter()
                    .filter_map(|id| org.strategies.iter().find(|s| &s.id.value == id))
                    .map(|s| Link {
                        id: s.id.value.clone(),
                        name: s.title.clone(),
                        url: format!(
                            "{}#strategy-{}",
                            url(root, paths::ALIGNMENT),
                            slug(&s.id.value)
                        ),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Links to the included objectives of `objectives`, in their order.
    fn included_links(&self, root: &str, objectives: &[usize]) -> Vec<ObjectiveLink> {
        objectives
            .iter()
            .filter(|&&x| self.included(x))
            .map(|&x| self.objective_link(root, x))
            .collect()
    }

    /// The free fields `show_extra:` names that `extra` has, in its order.
    fn extra_shown(&self, extra: &serde_json::Value) -> Vec<ExtraField> {
        self.site
            .config
            .show_extra
            .iter()
            .filter_map(|key| {
                let value = extra.get(key).filter(|v| !v.is_null())?;
                Some(ExtraField {
                    key: key.clone(),
                    value: self.extra_text(value),
                })
            })
            .collect()
    }

    /// A free field's value as text: a text as written, a number or true/false as YAML
    /// writes it, a list's items joined, a map as compact JSON.
    fn extra_text(&self, value: &serde_json::Value) -> String {
        match value {
            serde_json::Value::String(text) => text.clone(),
            serde_json::Value::Array(items) => items
                .iter()
                .map(|item| self.extra_text(item))
                .collect::<Vec<_>>()
                .join(&self.strings.get("punct.comma")),
            other => other.to_string(),
        }
    }

    /// The view of key result `k` of objective `o`; its chart and check-ins only when
    /// `full`.
    pub(crate) fn key_result(&self, root: &str, o: usize, k: usize, full: bool) -> KeyResultView {
        let site = &*self.site;
        let resolved = &site.objectives[o];
        let KeyResultRef {
            written: kr,
            resolved: rk,
        } = resolved.key_result(k);
        let kf = &self.figures.objectives[o].key_results[k];
        let unit = kr.unit.as_deref();
        let numeric = |v: f64| format::with_unit(v, unit);
        let (start_display, target_display) = start_and_target(rk.metric, kr);
        let current_display = match kf.current {
            Current::Number(v) => numeric(v),
            Current::Done(true) => self.strings.get("milestone.done"),
            Current::Done(false) => self.strings.get("milestone.not_done"),
        };
        let objective_url = url(root, &paths::objective(&resolved.data.id.value));
        let anchor = paths::kr_anchor(&kr.id.value);
        let checkins = if full {
            (0..kf.checkins)
                .rev()
                .map(|c| self.checkin(root, o, k, c))
                .collect()
        } else {
            Vec::new()
        };
        KeyResultView {
            id: rk.full_id.clone(),
            url: format!("{objective_url}#{anchor}"),
            anchor,
            title: kr.title.clone(),
            owner: rk.owner.map(|p| self.person_link(root, p)),
            metric: rk.metric.as_str().to_owned(),
            metric_label: self.strings.get(&format!("metric.{}", rk.metric.as_str())),
            unit: kr.unit.clone(),
            weight: kr.weight,
            weight_display: format::number(kr.weight),
            start_display,
            target_display,
            current_display,
            progress: self.fraction(kf.progress),
            raw_percent: format::percent(kf.raw_progress),
            over_achieved: kf.raw_progress > 1.0 + crate::compute::EPSILON,
            confidence: self.confidence(kf.confidence),
            at_risk: kf.at_risk && kf.grade.is_none(),
            status: self.status(kf.status),
            grade: self.grade(kf.grade),
            hand_graded: kf.grade.is_some() && kr.grade.is_some(),
            checkin_due: kf.checkin_due,
            last_checkin: kf
                .checkins
                .checked_sub(1)
                .map(|c| self.date_view(&rk.checkins[c])),
            tasks: kr
                .tasks
                .iter()
                .map(|t| TaskView {
                    title: t.title.clone(),
                    done: t.done,
                })
                .collect(),
            chart_svg: if full {
                self.prepared(o).kr_charts[k].clone()
            } else {
                String::new()
            },
            checkins,
            draft: resolved.data.draft,
            objective: Link {
                id: resolved.data.id.value.clone(),
                name: resolved.data.title.clone(),
                url: objective_url,
            },
        }
    }

    /// The person a check-in's author names (by id or name), when a people/ file defines them.
    pub(crate) fn person_named(&self, author: &str) -> Option<usize> {
        self.person_by_name.get(author).copied()
    }

    /// The value the `c`-th check-in of a key result gives, as shown, with its unit ("55%",
    /// "¥131,000", "done").
    pub(crate) fn value_display(&self, o: usize, k: usize, c: usize) -> String {
        let KeyResultRef {
            written: kr,
            resolved: rk,
        } = self.site.objectives[o].key_result(k);
        let checkin = &rk.checkins[c];
        match (checkin.value, checkin.done) {
            (Some(v), _) => format::with_unit(v, kr.unit.as_deref()),
            (None, Some(true)) => self.strings.get("milestone.done"),
            _ => self.strings.get("milestone.not_done"),
        }
    }

    /// The `c`-th visible check-in of a key result.
    pub(crate) fn checkin(&self, root: &str, o: usize, k: usize, c: usize) -> CheckinView {
        let resolved = &self.site.objectives[o];
        let KeyResultRef {
            written: kr,
            resolved: rk,
        } = resolved.key_result(k);
        let checkin = &rk.checkins[c];
        let value_display = self.value_display(o, k, c);
        let objective_url = url(root, &paths::objective(&resolved.data.id.value));
        CheckinView {
            date: checkin.date.to_string(),
            date_display: self.date(checkin.date),
            time: time_of_day(checkin.time),
            datetime: datetime(checkin.date, checkin.time),
            value_display,
            confidence: self.confidence(checkin.confidence),
            author: checkin
                .author
                .as_deref()
                .map(|a| match self.person_by_name.get(a) {
                    Some(&p) => self.person_link(root, p),
                    None => Link {
                        id: slug(a),
                        name: a.to_owned(),
                        url: String::new(),
                    },
                }),
            note_html: self
                .prepared(o)
                .notes_html
                .get(k)
                .and_then(|notes| notes.get(c))
                .map_or_else(|| Arc::from(""), Arc::clone),
            note_with: None,
            source: Arc::clone(&checkin.source),
            draft: resolved.data.draft,
            key_result: Link {
                id: rk.full_id.clone(),
                name: kr.title.clone(),
                url: format!("{objective_url}#{}", paths::kr_anchor(&kr.id.value)),
            },
            objective: Link {
                id: resolved.data.id.value.clone(),
                name: resolved.data.title.clone(),
                url: objective_url,
            },
        }
    }

    /// Check-ins for a list. A file with several updates has one body for all of them: it is
    /// shown with the first of its updates in the list only.
    pub(crate) fn checkin_list(
        &self,
        root: &str,
        items: impl IntoIterator<Item = (usize, usize, usize)>,
    ) -> Vec<CheckinView> {
        let mut seen = std::collections::HashSet::new();
        items
            .into_iter()
            .map(|(o, k, c)| {
                let mut view = self.checkin(root, o, k, c);
                let checkin = &self.site.objectives[o].key_results[k].checkins[c];
                let shared_body = checkin.document != self.site.objectives[o].document;
                if shared_body
                    && !seen.insert((checkin.document, checkin.date, Arc::clone(&view.note_html)))
                {
                    view.note_html = Arc::from("");
                }
                view
            })
            .collect()
    }

    /// Every visible check-in of the given objectives as (objective, kr, index), newest first.
    pub(crate) fn checkins_newest_first(
        &self,
        objectives: impl IntoIterator<Item = usize>,
    ) -> Vec<(usize, usize, usize)> {
        let mut all: Vec<(NaiveDateTime, usize, usize, usize)> = Vec::new();
        for o in objectives {
            for (k, rk) in self.site.objectives[o].key_results.iter().enumerate() {
                let visible = self.figures.objectives[o].key_results[k].checkins;
                all.extend((0..visible).map(|c| {
                    let checkin = &rk.checkins[c];
                    // A date alone counts as the start of its day (docs/format.md#which-check-in-counts).
                    let at = checkin
                        .date
                        .and_time(checkin.time.unwrap_or(NaiveTime::MIN));
                    (at, o, k, c)
                }));
            }
        }
        // Newest first, by date and time of day; at one moment, the reverse of the order
        // of docs/format.md#which-check-in-counts (latest written first).
        all.sort_by(|a, b| b.cmp(a));
        all.into_iter().map(|(_, o, k, c)| (o, k, c)).collect()
    }

    /// Key-result updates as check-ins, in the order of their first update: the updates of
    /// one check-in file together (one date, author and note, however many key results and
    /// objectives it updates), and each inline check-in alone.
    pub(crate) fn checkins_grouped(
        &self,
        updates: impl IntoIterator<Item = (usize, usize, usize)>,
    ) -> Vec<Vec<(usize, usize, usize)>> {
        let mut groups: Vec<Vec<(usize, usize, usize)>> = Vec::new();
        let mut by_file: HashMap<usize, usize> = HashMap::new();
        for (o, k, c) in updates {
            let resolved = &self.site.objectives[o];
            let document = resolved.key_results[k].checkins[c].document;
            if document == resolved.document {
                groups.push(vec![(o, k, c)]);
                continue;
            }
            match by_file.get(&document) {
                Some(&g) => groups[g].push((o, k, c)),
                None => {
                    by_file.insert(document, groups.len());
                    groups.push(vec![(o, k, c)]);
                }
            }
        }
        groups
    }

    pub(crate) fn included_objectives(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.site.objectives.len()).filter(|&o| self.included(o))
    }

    /// The free fields (`extra:`) of a team's or a person's file; null without one.
    pub(crate) fn party_extra(&self, document: Option<usize>) -> serde_json::Value {
        match document.map(|d| &self.site.documents[d].content) {
            Some(Content::Team(t)) => t.extra.clone(),
            Some(Content::Person(p)) => p.extra.clone(),
            _ => serde_json::Value::Null,
        }
    }

    pub(crate) fn org(&self) -> Option<OrgView> {
        self.site.org().map(|org| OrgView {
            name: org.name.clone(),
            mission: org.mission.clone(),
            vision: org.vision.clone(),
            strategies: org
                .strategies
                .iter()
                .map(|s| StrategyView {
                    id: s.id.value.clone(),
                    title: s.title.clone(),
                    description: s.description.clone(),
                })
                .collect(),
            body_html: markdown::to_html(&org.body),
            extra: org.extra.clone(),
        })
    }

    /// The pace verdict of a period that is not closed, from its status (so that it never
    /// contradicts the status the same figures give an objective).
    pub(crate) fn pace(&self, p: usize) -> Option<PaceView> {
        let pf = &self.figures.periods[p];
        let key = match pf.status {
            _ if pf.state == PeriodState::Closed => return None,
            Status::OnTrack
                if pf.progress > pf.expected + EPSILON
                    && format::percent(pf.progress) != format::percent(pf.expected) =>
            {
                "ahead"
            }
            Status::OnTrack => "even",
            status => status.as_str(),
        };
        Some(PaceView {
            key: key.to_owned(),
            label: self.strings.get(&format!("dashboard.pace_{key}")),
        })
    }

    /// The mean grade of objectives, each by its weight (none outside closed periods).
    pub(crate) fn mean_grade(&self, objectives: &[usize]) -> Option<GradeView> {
        let grades: Option<Vec<(f64, f64)>> = objectives
            .iter()
            .map(|&o| {
                self.figures.objectives[o]
                    .grade
                    .map(|g| (g, self.site.objective(o).weight))
            })
            .collect();
        grades
            .filter(|g| !g.is_empty())
            .and_then(|g| self.grade(Some(weighted_mean(g))))
    }

    /// Who owes a check-in on a key result: its owner, else its objective's.
    pub(crate) fn due_owner(&self, o: usize, k: usize) -> Option<usize> {
        let resolved = &self.site.objectives[o];
        resolved.key_results[k].owner.or(resolved.owner)
    }

    /// The key results of these objectives whose owners owe a check-in.
    pub(crate) fn due_key_results(&self, objectives: &[usize]) -> Vec<(usize, usize)> {
        objectives
            .iter()
            .flat_map(|&o| {
                self.figures.objectives[o]
                    .key_results
                    .iter()
                    .enumerate()
                    .filter(|(_, kf)| kf.checkin_due)
                    .map(move |(k, _)| (o, k))
            })
            .collect()
    }

    /// A link to the period of objective `o` when it is not `page_period`, the period of
    /// the page that lists it (a yearly key result on the quarter's dashboard says "2024").
    pub(crate) fn other_period(
        &self,
        root: &str,
        o: usize,
        page_period: Option<usize>,
    ) -> Option<Link> {
        let p = self.site.objectives[o].period;
        (Some(p) != page_period).then(|| {
            let id = &self.site.periods[p].id;
            Link {
                id: id.clone(),
                name: format::period_label(id, self.language),
                url: url(root, &paths::period(id)),
            }
        })
    }

    pub(crate) fn due(
        &self,
        root: &str,
        o: usize,
        k: usize,
        page_period: Option<usize>,
    ) -> DueView {
        let view = self.key_result(root, o, k, false);
        DueView {
            key_result: Link {
                id: view.id,
                name: view.title,
                url: view.url,
            },
            objective: view.objective,
            period: self.other_period(root, o, page_period),
            last_checkin: view.last_checkin,
            draft: view.draft,
        }
    }

    /// Due key results in the order shown: by owner (names in order, "no owner" last),
    /// within one owner in objective order.
    pub(crate) fn due_in_order(
        &self,
        due: &[(usize, usize)],
    ) -> Vec<(Option<usize>, usize, usize)> {
        let people = &self.site.people;
        let mut owned: Vec<(Option<usize>, usize, usize)> = due
            .iter()
            .map(|&(o, k)| (self.due_owner(o, k), o, k))
            .collect();
        // A stable sort: within one owner, the key results stay in objective order.
        owned.sort_by(|a, b| match (a.0, b.0) {
            (Some(x), Some(y)) => (&people[x].name, x).cmp(&(&people[y].name, y)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        owned
    }

    /// Due key results (in the order of `due_in_order`) grouped by owner.
    pub(crate) fn due_groups(
        &self,
        root: &str,
        owned: &[(Option<usize>, usize, usize)],
        page_period: Option<usize>,
    ) -> Vec<DueGroup> {
        owned
            .chunk_by(|a, b| a.0 == b.0)
            .map(|chunk| DueGroup {
                owner: chunk[0].0.map(|p| self.person_link(root, p)),
                items: chunk
                    .iter()
                    .map(|&(_, o, k)| self.due(root, o, k, page_period))
                    .collect(),
            })
            .collect()
    }

    /// Where a list of `total` items cut to `shown` continues: its list at `path`.
    pub(crate) fn more(&self, root: &str, total: usize, shown: usize, path: &str) -> More {
        More {
            total,
            shown: shown.min(total),
            url: if total > shown {
                url(root, path)
            } else {
                String::new()
            },
        }
    }

    pub(crate) fn objective_row(&self, root: &str, o: usize) -> ObjectiveRow {
        let resolved = &self.site.objectives[o];
        ObjectiveRow {
            objective: self.objective_link(root, o),
            team: resolved.team.map(|t| self.team_link(root, t)),
            owner: resolved.owner.map(|x| self.person_link(root, x)),
        }
    }

    /// The at-risk objectives and key results among `objectives`, each objective followed
    /// by its key results: (objective, key result or none for the objective itself).
    pub(crate) fn risks(&self, objectives: &[usize]) -> Vec<Risk> {
        let mut at_risk = Vec::new();
        for &o in objectives {
            let f = &self.figures.objectives[o];
            if f.at_risk {
                at_risk.push((o, None));
            }
            at_risk.extend(
                f.key_results
                    .iter()
                    .enumerate()
                    .filter(|(_, kf)| kf.at_risk)
                    .map(|(k, _)| (o, Some(k))),
            );
        }
        at_risk
    }

    /// One at-risk item; `page_period` is the period of the page listing it.
    pub(crate) fn risk_view(&self, root: &str, (o, k): Risk, page_period: usize) -> RiskView {
        let f = &self.figures.objectives[o];
        let resolved = &self.site.objectives[o];
        let period = self.other_period(root, o, Some(page_period));
        match k {
            None => RiskView {
                kind: "objective".into(),
                title: resolved.data.title.clone(),
                url: url(root, &paths::objective(&resolved.data.id.value)),
                objective_title: None,
                period,
                owner: resolved.owner.map(|x| self.person_link(root, x)),
                confidence: self.confidence(f.confidence),
                status: self.status(f.status),
                progress: self.fraction(f.progress),
                draft: resolved.data.draft,
            },
            Some(k) => {
                let view = self.key_result(root, o, k, false);
                RiskView {
                    kind: "key_result".into(),
                    title: view.title,
                    url: view.url,
                    objective_title: Some(resolved.data.title.clone()),
                    period,
                    owner: view.owner,
                    confidence: view.confidence,
                    status: view.status,
                    progress: view.progress,
                    draft: view.draft,
                }
            }
        }
    }
}

/// A grade with two decimals, rounded (2/3 is "0.67"), except where rounding would carry
/// it over a band's edge: then it is cut, so that the number shown is never in another
/// band than the word beside it (0.399 is "0.39", red, not "0.40").
fn grade_display(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let shown = if Band::of(rounded) == Band::of(value) {
        rounded
    } else {
        (value * 100.0 + EPSILON * 100.0).floor() / 100.0
    };
    format!("{shown:.2}")
}

/// A check-in's time of day as shown: `HH:MM`, local time as written.
fn time_of_day(time: Option<NaiveTime>) -> Option<String> {
    time.map(|t| t.format("%H:%M").to_string())
}

/// A check-in's moment for `<time datetime>`: `2024-05-15`, or `2024-05-15T10:15`.
fn datetime(date: NaiveDate, time: Option<NaiveTime>) -> String {
    match time_of_day(time) {
        Some(t) => format!("{date}T{t}"),
        None => date.to_string(),
    }
}

/// A check-in file that updates several key results of one objective has one note: it is
/// shown in the history of the first of them on the page, and the others point to it.
fn note_once(key_results: &mut [KeyResultView]) {
    let mut first: HashMap<(Arc<str>, String, Arc<str>), Link> = HashMap::new();
    for kr in key_results.iter_mut() {
        let here = Link {
            id: kr.id.clone(),
            name: kr.title.clone(),
            url: format!("#{}", kr.anchor),
        };
        for checkin in &mut kr.checkins {
            if checkin.note_html.is_empty() {
                continue;
            }
            let key = (
                Arc::clone(&checkin.source),
                checkin.datetime.clone(),
                Arc::clone(&checkin.note_html),
            );
            match first.get(&key) {
                Some(link) => {
                    checkin.note_html = Arc::from("");
                    checkin.note_with = Some(link.clone());
                }
                None => {
                    first.insert(key, here.clone());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn views(language: Language) -> Views {
        let mut site = Site::default();
        site.config.language = language;
        let date = NaiveDate::from_ymd_opt(2024, 5, 20).unwrap();
        let figures = crate::compute::compute(&site, date, false);
        Views::new(Arc::new(site), Arc::new(figures))
    }

    #[test]
    pub(crate) fn a_grade_is_its_number_and_its_band_in_words() {
        let en = views(Language::En);
        let g = en.grade(Some(0.72)).unwrap();
        assert_eq!(
            (g.display.as_str(), g.band.as_str(), g.label.as_str()),
            ("0.72", "green", "0.72 · green")
        );
        assert!(en.grade(None).is_none());
        let zh = views(Language::ZhCn).grade(Some(0.72)).unwrap();
        assert_eq!(zh.label, "0.72 · 绿");
    }

    #[test]
    pub(crate) fn the_number_shown_never_falls_in_another_band_than_the_word() {
        let v = views(Language::En);
        for (grade, label) in [
            (0.399, "0.39 · red"),
            (0.4 - 1e-10, "0.40 · yellow"),
            (0.4, "0.40 · yellow"),
            (0.699, "0.69 · yellow"),
            (0.6949, "0.69 · yellow"),
            (0.456, "0.46 · yellow"),
            (0.7 - 1e-10, "0.70 · green"),
            (0.65, "0.65 · yellow"),
            (0.35, "0.35 · red"),
            (0.9, "0.90 · green"),
            (1.0, "1.00 · green"),
            (0.0, "0.00 · red"),
            (2.0 / 3.0, "0.67 · yellow"),
        ] {
            assert_eq!(v.grade(Some(grade)).unwrap().label, label, "{grade}");
        }
        for hundredths in 0..=100 {
            let x = f64::from(hundredths) / 100.0;
            for value in [x - 0.004, x, x + 0.004]
                .into_iter()
                .filter(|v| (0.0..=1.0).contains(v))
            {
                let g = v.grade(Some(value)).unwrap();
                let shown: f64 = g.display.parse().unwrap();
                assert_eq!(
                    Band::of(shown).as_str(),
                    g.band,
                    "{value} shown as {}",
                    g.display
                );
            }
        }
    }
}
