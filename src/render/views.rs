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
pub struct Prepared {
    pub body_html: String,
    pub review_html: String,
    pub sparkline_svg: String,
    pub chart_svg: String,
    /// Per key result: its burn-up chart, and the notes HTML of each visible check-in.
    pub kr_charts: Vec<String>,
    pub notes_html: Vec<Vec<String>>,
}

/// Everything needed to build views; one per build. It owns (shares) what it reads, so
/// `okrs serve` can keep it between requests and render pages only when they are asked for.
pub struct Views {
    pub site: Arc<Site>,
    pub figures: Arc<Figures>,
    pub strings: Strings,
    pub language: Language,
    pub labels: ChartLabels,
    /// Made on first use, once per objective, whichever page asks first.
    prepared: Vec<OnceLock<Prepared>>,
    /// The alignment tree's layout, made on first use.
    tree: OnceLock<tree::Layout>,
    /// The period the dashboard shows.
    pub current_period: Option<usize>,
    /// Periods that get pages: those with objectives in this build, and custom ones.
    pub listed_periods: Vec<usize>,
    person_by_name: HashMap<String, usize>,
    /// Included objectives by owner, by team, and key results by owner: found once, not per page.
    objectives_by_owner: Vec<Vec<usize>>,
    objectives_by_team: Vec<Vec<usize>>,
    key_results_by_owner: Vec<Vec<(usize, usize)>>,
    /// Each team's direct sub-teams, by name.
    sub_teams: Vec<Vec<usize>>,
}

/// A URL from a page at `root` to a folder page at `path` (or to the root with "").
pub fn url(root: &str, path: &str) -> String {
    format!("{root}{path}index.html")
}

impl Views {
    pub fn new(site: Arc<Site>, figures: Arc<Figures>) -> Views {
        let language = site.config.language;
        let strings = Strings::for_language(language);
        let labels = ChartLabels {
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
        };
        let listed_periods: Vec<usize> = (0..site.periods.len())
            .filter(|&p| {
                !figures.periods[p].objectives.is_empty()
                    || site
                        .config
                        .periods
                        .iter()
                        .any(|c| c.value.id == site.periods[p].id)
            })
            .collect();
        let current_period = figures.current_period;
        let person_by_name = site
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.document.is_some())
            .flat_map(|(i, p)| [(p.id.clone(), i), (p.name.clone(), i)])
            .collect();
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
        let mut sub_teams = vec![Vec::new(); site.teams.len()];
        for (x, team) in site.teams.iter().enumerate() {
            if let Some(parent) = team.team.filter(|&parent| parent != x) {
                sub_teams[parent].push(x);
            }
        }
        for list in &mut sub_teams {
            list.sort_by(|&a, &b| (&site.teams[a].name, a).cmp(&(&site.teams[b].name, b)));
        }
        Views {
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
    pub fn prepared(&self, o: usize) -> &Prepared {
        self.prepared[o].get_or_init(|| self.prepare(o))
    }

    fn prepare(&self, o: usize) -> Prepared {
        let site = &*self.site;
        let resolved = &site.objectives[o];
        let f = &self.figures.objectives[o];
        let period = &site.periods[resolved.period];
        let document = &site.documents[resolved.document];
        let as_of = self.figures.as_of;
        let language = self.language;
        let format_date = move |d: NaiveDate| format::short_date(d, language);
        let format_percent = |x: f64| format::percent(x);
        let mut kr_charts = Vec::new();
        let mut notes_html = Vec::new();
        for (k, rk) in resolved.key_results.iter().enumerate() {
            let kr = &resolved.data.key_results[rk.written];
            let kf = &f.key_results[k];
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
            kr_charts.push(charts::burn_up(&charts::BurnUp {
                id: &id,
                title: &kr.title,
                metric: rk.metric,
                period_start: period.start,
                period_end: period.end,
                as_of,
                start: kr.start_value(),
                target: kr.target.as_ref().map(|t| t.value),
                points: &points,
                format_value: &format_value,
                format_date: &format_date,
                labels: &self.labels,
            }));
            notes_html.push(visible.iter().map(|c| markdown::to_html(&c.note)).collect());
        }
        let history = self.progress_history(o);
        let span = (period.end - period.start).num_days().max(1) as f64;
        let spark_points: Vec<(f64, f64)> = history
            .iter()
            .map(|(d, p)| {
                (
                    ((*d - period.start).num_days() as f64 / span).clamp(0.0, 1.0),
                    *p,
                )
            })
            .collect();
        let title = &resolved.data.title;
        Prepared {
            body_html: markdown::to_html(&document.body),
            review_html: resolved
                .data
                .review
                .as_deref()
                .map(markdown::to_html)
                .unwrap_or_default(),
            sparkline_svg: charts::sparkline(&format!("spark-{o}"), title, &spark_points),
            chart_svg: charts::progress_over_time(&charts::ProgressOverTime {
                id: &format!("objective-{o}"),
                title,
                period_start: period.start,
                period_end: period.end,
                as_of,
                points: &history,
                format_date: &format_date,
                format_percent: &format_percent,
                labels: &self.labels,
            }),
            kr_charts,
            notes_html,
        }
    }

    /// The objective's progress at the period start and at each check-in date up to the
    /// as-of date.
    fn progress_history(&self, o: usize) -> Vec<(NaiveDate, f64)> {
        let period = &self.site.periods[self.site.objectives[o].period];
        let mut history = self.figures.objectives[o].history.clone();
        let start = period.start.min(self.figures.as_of);
        if history.first().is_none_or(|(d, _)| *d > start) {
            history.insert(0, (start, 0.0));
        }
        history
    }

    pub fn fraction(&self, value: f64) -> Fraction {
        Fraction {
            value,
            percent: format::percent(value),
            width: (value.clamp(0.0, 1.0) * 100.0).round() as u32,
        }
    }

    pub fn status(&self, status: Status) -> StatusView {
        StatusView {
            key: status.as_str().to_owned(),
            label: self.strings.get(&format!("status.{}", status.as_str())),
        }
    }

    /// A grade with its band, as number and word.
    pub fn grade(&self, grade: Option<f64>) -> Option<GradeView> {
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
    fn date_view(&self, checkin: &Checkin) -> DateView {
        DateView {
            date: checkin.date.to_string(),
            display: self.date(checkin.date),
            time: time_of_day(checkin.time),
            datetime: datetime(checkin.date, checkin.time),
        }
    }

    pub fn confidence(&self, confidence: Option<u8>) -> Option<ConfidenceView> {
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

    pub fn date(&self, d: NaiveDate) -> String {
        format::date(d, self.language)
    }

    pub fn person_link(&self, root: &str, index: usize) -> Link {
        let p = &self.site.people[index];
        Link {
            id: p.id.clone(),
            name: p.name.clone(),
            url: url(root, &paths::person(&p.id)),
        }
    }

    pub fn team_link(&self, root: &str, index: usize) -> Link {
        let t = &self.site.teams[index];
        Link {
            id: t.id.clone(),
            name: t.name.clone(),
            url: url(root, &paths::team(&t.id)),
        }
    }

    pub fn period_link(&self, root: &str, p: usize) -> PeriodLink {
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

    pub fn periods(&self, root: &str) -> Vec<PeriodLink> {
        self.listed_periods
            .iter()
            .map(|&p| self.period_link(root, p))
            .collect()
    }

    pub fn objective_link(&self, root: &str, o: usize) -> ObjectiveLink {
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

    fn included(&self, o: usize) -> bool {
        self.figures.objectives[o].included
    }

    /// The full view of an objective; charts and check-ins only when `full`.
    pub fn objective(&self, root: &str, o: usize, full: bool) -> ObjectiveView {
        let site = &*self.site;
        let resolved = &site.objectives[o];
        let data = &resolved.data;
        let f = &self.figures.objectives[o];
        let prepared = self.prepared(o);
        let period = &site.periods[resolved.period];
        let strategies = site
            .org()
            .map(|org| {
                resolved
                    .strategies
                    .iter()
                    .filter_map(|id| org.strategies.iter().find(|s| &s.id.value == id))
                    .map(|s| Link {
                        id: s.id.value.clone(),
                        name: s.title.clone(),
                        url: format!("{}#strategy-{}", url(root, "alignment/"), slug(&s.id.value)),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let key_results = (0..resolved.key_results.len())
            .map(|k| self.key_result(root, o, k, full))
            .collect();
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
            parents: resolved
                .parents
                .iter()
                .filter(|&&p| self.included(p))
                .map(|&p| self.objective_link(root, p))
                .collect(),
            strategies,
            children: resolved
                .children
                .iter()
                .filter(|&&c| self.included(c))
                .map(|&c| self.objective_link(root, c))
                .collect(),
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
            carried_to: resolved
                .carried_to
                .iter()
                .filter(|&&x| self.included(x))
                .map(|&x| self.objective_link(root, x))
                .collect(),
            sparkline_svg: prepared.sparkline_svg.clone(),
            chart_svg: if full {
                prepared.chart_svg.clone()
            } else {
                String::new()
            },
            key_results,
            extra: data.extra.clone(),
        }
    }

    pub fn key_result(&self, root: &str, o: usize, k: usize, full: bool) -> KeyResultView {
        let site = &*self.site;
        let resolved = &site.objectives[o];
        let rk = &resolved.key_results[k];
        let kr = &resolved.data.key_results[rk.written];
        let kf = &self.figures.objectives[o].key_results[k];
        let unit = kr.unit.as_deref();
        let numeric = |v: f64| format::with_unit(v, unit);
        let (start_display, target_display) = match rk.metric {
            Metric::Increase | Metric::Decrease => (
                numeric(kr.start_value()),
                kr.target
                    .as_ref()
                    .map(|t| numeric(t.value))
                    .unwrap_or_default(),
            ),
            Metric::StayAbove => (
                String::new(),
                kr.target
                    .as_ref()
                    .map(|t| format!("≥ {}", numeric(t.value)))
                    .unwrap_or_default(),
            ),
            Metric::StayBelow => (
                String::new(),
                kr.target
                    .as_ref()
                    .map(|t| format!("≤ {}", numeric(t.value)))
                    .unwrap_or_default(),
            ),
            // A milestone has no target to compare with: its state is shown once, as
            // its current value ("Done" / "Not done").
            Metric::Milestone => (String::new(), String::new()),
        };
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
    pub fn person_named(&self, author: &str) -> Option<usize> {
        self.person_by_name.get(author).copied()
    }

    /// The `c`-th visible check-in of a key result.
    pub fn checkin(&self, root: &str, o: usize, k: usize, c: usize) -> CheckinView {
        let resolved = &self.site.objectives[o];
        let rk = &resolved.key_results[k];
        let kr = &resolved.data.key_results[rk.written];
        let checkin = &rk.checkins[c];
        let value_display = match (checkin.value, checkin.done) {
            (Some(v), _) => format::with_unit(v, kr.unit.as_deref()),
            (None, Some(true)) => self.strings.get("milestone.done"),
            _ => self.strings.get("milestone.not_done"),
        };
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
                .cloned()
                .unwrap_or_default(),
            source: checkin.source.clone(),
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
    pub fn checkin_list(
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
                    && !seen.insert((checkin.document, checkin.date, view.note_html.clone()))
                {
                    view.note_html.clear();
                }
                view
            })
            .collect()
    }

    /// Every visible check-in of the given objectives as (objective, kr, index), newest first.
    pub fn checkins_newest_first(
        &self,
        objectives: impl IntoIterator<Item = usize>,
    ) -> Vec<(usize, usize, usize)> {
        let mut all: Vec<(NaiveDateTime, usize, usize, usize)> = Vec::new();
        for o in objectives {
            for (k, rk) in self.site.objectives[o].key_results.iter().enumerate() {
                let visible = self.figures.objectives[o].key_results[k].checkins;
                all.extend((0..visible).map(|c| {
                    let checkin = &rk.checkins[c];
                    // A date alone counts as the start of its day (SPEC 7).
                    let at = checkin
                        .date
                        .and_time(checkin.time.unwrap_or(NaiveTime::MIN));
                    (at, o, k, c)
                }));
            }
        }
        // Newest first, by date and time of day; at one moment, the reverse of SPEC 2's
        // order (latest written first).
        all.sort_by(|a, b| b.cmp(a));
        all.into_iter().map(|(_, o, k, c)| (o, k, c)).collect()
    }

    pub fn included_objectives(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.site.objectives.len()).filter(|&o| self.included(o))
    }

    pub fn org(&self) -> Option<OrgView> {
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
        })
    }

    /// The pace verdict of a period that is not closed, from its status (so that it never
    /// contradicts the status the same figures give an objective).
    fn pace(&self, p: usize) -> Option<PaceView> {
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
    fn mean_grade(&self, objectives: &[usize]) -> Option<GradeView> {
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
    fn due_owner(&self, o: usize, k: usize) -> Option<usize> {
        let resolved = &self.site.objectives[o];
        resolved.key_results[k].owner.or(resolved.owner)
    }

    /// The key results of these objectives whose owners owe a check-in.
    fn due_key_results(&self, objectives: &[usize]) -> Vec<(usize, usize)> {
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
    fn other_period(&self, root: &str, o: usize, page_period: Option<usize>) -> Option<Link> {
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

    fn due(&self, root: &str, o: usize, k: usize, page_period: Option<usize>) -> DueView {
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

    /// Due key results by owner: owners by name, then those with no owner.
    fn due_groups(
        &self,
        root: &str,
        due: &[(usize, usize)],
        page_period: Option<usize>,
    ) -> Vec<DueGroup> {
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

    /// The dashboard of one period.
    pub fn period(&self, root: &str, p: usize) -> PeriodView {
        let site = &*self.site;
        let pf = &self.figures.periods[p];
        let closed = pf.state == PeriodState::Closed;
        let members = &pf.objectives;
        // Only the statuses its objectives can have: they all share the period's state.
        let possible: &[Status] = match pf.state {
            PeriodState::Upcoming => &[Status::Upcoming],
            PeriodState::Running => &[
                Status::OnTrack,
                Status::Behind,
                Status::NoData,
                Status::Done,
            ],
            PeriodState::Closed => &[Status::Done, Status::Missed],
        };
        let status_counts: Vec<StatusCount> = possible
            .iter()
            .map(|&s| StatusCount {
                key: s.as_str().to_owned(),
                label: self.strings.get(&format!("status.{}", s.as_str())),
                count: members
                    .iter()
                    .filter(|&&o| self.figures.objectives[o].status == s)
                    .count(),
            })
            .collect();
        let slices: Vec<charts::StatusSlice> = status_counts
            .iter()
            .map(|s| charts::StatusSlice {
                key: &s.key,
                label: &s.label,
                count: s.count,
            })
            .collect();
        let period_label = format::period_label(&site.periods[p].id, self.language);
        let status_chart_svg = charts::status_breakdown(
            &format!("status-{p}"),
            &format!(
                "{} · {}",
                self.strings.get("chart.status_title"),
                period_label
            ),
            &slices,
            &self.labels,
        );

        let groups: Vec<TeamGroup> = pf
            .teams
            .iter()
            .map(|g| TeamGroup {
                team: g.team.map(|t| self.team_link(root, t)),
                progress: self.fraction(g.progress),
                grade: self.mean_grade(&g.objectives),
                objectives: g
                    .objectives
                    .iter()
                    .map(|&o| self.objective(root, o, false))
                    .collect(),
            })
            .collect();
        let no_team = self.strings.get("no_team");
        let bar_labels: Vec<String> = groups
            .iter()
            .map(|g| {
                g.team
                    .as_ref()
                    .map_or_else(|| no_team.clone(), |t| t.name.clone())
            })
            .collect();
        let bars: Vec<charts::Bar> = groups
            .iter()
            .zip(&bar_labels)
            .map(|(g, label)| charts::Bar {
                label,
                value: g.progress.value,
                display: &g.progress.percent,
                status: None,
            })
            .collect();
        let teams_chart_svg = charts::bars(
            &format!("teams-{p}"),
            &format!(
                "{} · {}",
                self.strings.get("chart.teams_title"),
                period_label
            ),
            &bars,
            (!closed).then_some(pf.expected),
            &self.labels,
        );

        // Confidence no longer matters once the period is over: it is graded instead.
        let at_risk = if closed {
            Vec::new()
        } else {
            self.risks(root, members, p)
        };
        let latest_checkins = self.checkin_list(
            root,
            self.checkins_newest_first(members.iter().copied())
                .into_iter()
                .take(8),
        );
        PeriodView {
            period: self.period_link(root, p),
            pace: self.pace(p),
            status_counts,
            status_chart_svg,
            teams_chart_svg,
            groups,
            at_risk,
            checkins_due: self.due_groups(root, &self.due_key_results(members), Some(p)),
            latest_checkins,
        }
    }

    /// The root page: period `p`'s view, with the risks and due check-ins of every other
    /// period that holds the as-of date too (a running year's at-risk key result belongs
    /// on the running quarter's dashboard), each saying its period. After `p`'s own, in
    /// the order of `Figures::running_periods` (shortest first). When any period runs, `p`
    /// (the current period) is the first of them, so it runs too.
    pub fn dashboard(&self, root: &str, p: usize) -> PeriodView {
        let mut view = self.period(root, p);
        let others: Vec<usize> = self
            .figures
            .running_periods
            .iter()
            .copied()
            .filter(|&x| x != p)
            .collect();
        if others.is_empty() {
            return view;
        }
        for &x in &others {
            view.at_risk
                .extend(self.risks(root, &self.figures.periods[x].objectives, p));
        }
        let mut due = self.due_key_results(&self.figures.periods[p].objectives);
        for &x in &others {
            due.extend(self.due_key_results(&self.figures.periods[x].objectives));
        }
        view.checkins_due = self.due_groups(root, &due, Some(p));
        view
    }

    /// The at-risk objectives and key results among `objectives`, each objective followed
    /// by its key results; `page_period` is the period of the page listing them.
    fn risks(&self, root: &str, objectives: &[usize], page_period: usize) -> Vec<RiskView> {
        let mut at_risk = Vec::new();
        for &o in objectives {
            let f = &self.figures.objectives[o];
            let resolved = &self.site.objectives[o];
            let period = self.other_period(root, o, Some(page_period));
            if f.at_risk {
                at_risk.push(RiskView {
                    kind: "objective".into(),
                    title: resolved.data.title.clone(),
                    url: url(root, &paths::objective(&resolved.data.id.value)),
                    objective_title: None,
                    period: period.clone(),
                    owner: resolved.owner.map(|x| self.person_link(root, x)),
                    confidence: self.confidence(f.confidence),
                    status: self.status(f.status),
                    progress: self.fraction(f.progress),
                    draft: resolved.data.draft,
                });
            }
            for (k, kf) in f.key_results.iter().enumerate() {
                if kf.at_risk {
                    let view = self.key_result(root, o, k, false);
                    at_risk.push(RiskView {
                        kind: "key_result".into(),
                        title: view.title,
                        url: view.url,
                        objective_title: Some(resolved.data.title.clone()),
                        period: period.clone(),
                        owner: view.owner,
                        confidence: view.confidence,
                        status: view.status,
                        progress: view.progress,
                        draft: view.draft,
                    });
                }
            }
        }
        at_risk
    }

    /// The review page of a closed period.
    pub fn review(&self, root: &str, p: usize) -> ReviewView {
        let site = &*self.site;
        let pf = &self.figures.periods[p];
        // Teams by name, "no team" last, as on the period page.
        let order: Vec<usize> = pf
            .teams
            .iter()
            .flat_map(|g| g.objectives.iter().copied())
            .collect();
        let band_of = |o: usize| self.figures.objectives[o].grade.map(Band::of);
        let band_counts = Band::ALL
            .iter()
            .map(|&b| BandCount {
                key: b.as_str().to_owned(),
                label: self.strings.get(&format!("band.{}", b.as_str())),
                count: order.iter().filter(|&&o| band_of(o) == Some(b)).count(),
            })
            .collect();
        let is = |o: usize, c: Commitment| site.objective(o).commitment == c;
        let committed: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&o| is(o, Commitment::Committed))
            .collect();
        // The aspirational objectives' grades, each by its weight, as every other grade.
        let aspirational: Vec<(f64, f64)> = order
            .iter()
            .filter(|&&o| is(o, Commitment::Aspirational))
            .filter_map(|&o| {
                let grade = self.figures.objectives[o].grade?;
                Some((grade, site.objective(o).weight))
            })
            .collect();
        let objectives: Vec<ObjectiveView> = order
            .iter()
            .map(|&o| self.objective(root, o, false))
            .collect();
        ReviewView {
            period: self.period_link(root, p),
            band_counts,
            committed_done: committed
                .iter()
                .filter(|&&o| self.figures.objectives[o].status == Status::Done)
                .count(),
            committed_total: committed.len(),
            aspirational_total: aspirational.len(),
            aspirational_mean: (!aspirational.is_empty())
                .then(|| self.grade(Some(weighted_mean(aspirational))))
                .flatten(),
            reviewed_count: objectives
                .iter()
                .filter(|o| !o.review_html.is_empty())
                .count(),
            carried: order
                .iter()
                .zip(&objectives)
                .filter(|(_, view)| !view.carried_to.is_empty())
                .map(|(&o, view)| CarriedView {
                    objective: self.objective_link(root, o),
                    carried_to: view.carried_to.clone(),
                })
                .collect(),
            objectives,
        }
    }

    /// The alignment tree's sections: the objectives of each strategy of org.md (by period),
    /// then the top-level objectives that align to no strategy.
    fn tree_roots(&self) -> Vec<Vec<usize>> {
        let site = &*self.site;
        let strategies: Vec<&str> = site
            .org()
            .map(|org| org.strategies.iter().map(|s| s.id.value.as_str()).collect())
            .unwrap_or_default();
        let section: HashMap<&str, usize> = strategies
            .iter()
            .enumerate()
            .map(|(i, &s)| (s, i))
            .collect();
        let mut roots = vec![Vec::new(); strategies.len() + 1];
        for o in self.included_objectives() {
            let r = &site.objectives[o];
            for s in &r.strategies {
                if let Some(&i) = section.get(s.as_str()) {
                    roots[i].push(o);
                }
            }
            if r.strategies.is_empty() && !r.parents.iter().any(|&p| self.included(p)) {
                roots[strategies.len()].push(o);
            }
        }
        let by_period = |a: &usize, b: &usize| {
            let pa = &site.periods[site.objectives[*a].period];
            let pb = &site.periods[site.objectives[*b].period];
            (pa.start, &pa.id, *a).cmp(&(pb.start, &pb.id, *b))
        };
        for list in &mut roots {
            list.sort_by(by_period);
            list.dedup();
        }
        roots
    }

    /// The objectives aligned to `o` that this build shows.
    fn tree_children(&self, o: usize) -> Vec<usize> {
        self.site.objectives[o]
            .children
            .iter()
            .copied()
            .filter(|&c| self.included(c))
            .collect()
    }

    /// Where the alignment tree shows each objective, worked out on first use.
    pub fn tree(&self) -> &tree::Layout {
        self.tree.get_or_init(|| {
            tree::layout(
                self.site.objectives.len(),
                &self.tree_roots(),
                &|o| self.tree_children(o),
                tree::DEPTH_LIMIT,
            )
        })
    }

    /// The folder of an alignment page.
    pub fn tree_page_path(&self, page: tree::Page) -> String {
        match page {
            tree::Page::Main => "alignment/".to_owned(),
            tree::Page::Subtree(t) => {
                paths::alignment(&self.site.objective(self.tree().subtrees[t].0).id.value)
            }
        }
    }

    fn tree_rows(&self, root: &str, rows: &[tree::Row]) -> Vec<TreeRow> {
        let layout = self.tree();
        rows.iter()
            .zip(tree::nesting(rows))
            .map(|(row, (has_children, close))| {
                let o = row.objective;
                let anchor = paths::tree_anchor(&self.site.objective(o).id.value);
                let (full, more_url) = match row.shown {
                    tree::Shown::Full { more } => (
                        true,
                        more.map(|t| url(root, &self.tree_page_path(tree::Page::Subtree(t)))),
                    ),
                    tree::Shown::Seen => (false, None),
                };
                let seen_url = (!full).then(|| {
                    let page = layout.first[o].unwrap_or(tree::Page::Main);
                    format!("{}#{anchor}", url(root, &self.tree_page_path(page)))
                });
                TreeRow {
                    objective: self.objective_link(root, o),
                    owner: self.site.objectives[o]
                        .owner
                        .map(|p| self.person_link(root, p)),
                    depth: row.depth,
                    anchor: full.then_some(anchor),
                    seen_url,
                    more_url,
                    children_count: self.tree_children(o).len(),
                    has_children,
                    close,
                }
            })
            .collect()
    }

    /// The alignment page: the tree to `tree::DEPTH_LIMIT` levels.
    pub fn alignment(&self, root: &str) -> AlignmentView {
        let layout = self.tree();
        let strategies = self.org().map(|org| org.strategies).unwrap_or_default();
        let unaligned = layout.sections.last().map_or(&[][..], Vec::as_slice);
        AlignmentView {
            strategies: strategies
                .into_iter()
                .zip(&layout.sections)
                .map(|(strategy, rows)| StrategyTree {
                    strategy,
                    rows: self.tree_rows(root, rows),
                })
                .collect(),
            unaligned: self.tree_rows(root, unaligned),
            subtree: None,
            depth_limit: tree::DEPTH_LIMIT,
        }
    }

    /// The page of the `t`th subtree cut from the page above it.
    pub fn alignment_subtree(&self, root: &str, t: usize) -> AlignmentView {
        let layout = self.tree();
        let (top, rows) = &layout.subtrees[t];
        let above = layout.first[*top].unwrap_or(tree::Page::Main);
        let anchor = paths::tree_anchor(&self.site.objective(*top).id.value);
        AlignmentView {
            strategies: Vec::new(),
            unaligned: Vec::new(),
            subtree: Some(SubtreeView {
                objective: self.objective_link(root, *top),
                up_url: format!("{}#{anchor}", url(root, &self.tree_page_path(above))),
                rows: self.tree_rows(root, rows),
            }),
            depth_limit: tree::DEPTH_LIMIT,
        }
    }

    /// Every team below `t`, depth first, sub-teams by name: (team, its parent, depth).
    fn teams_below(&self, t: usize) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        let mut seen = std::collections::HashSet::from([t]);
        let mut stack: Vec<(usize, usize, usize)> =
            self.sub_teams[t].iter().rev().map(|&x| (x, t, 1)).collect();
        while let Some((x, parent, depth)) = stack.pop() {
            if !seen.insert(x) {
                continue;
            }
            found.push((x, parent, depth));
            stack.extend(self.sub_teams[x].iter().rev().map(|&y| (y, x, depth + 1)));
        }
        found
    }

    fn team_objectives_in(&self, t: usize, p: usize) -> Vec<usize> {
        self.objectives_by_team[t]
            .iter()
            .copied()
            .filter(|&o| self.site.objectives[o].period == p)
            .collect()
    }

    pub fn team(&self, root: &str, t: usize) -> TeamView {
        let site = &*self.site;
        let team = &site.teams[t];
        let tf = &self.figures.teams[t];
        let below = self.teams_below(t);
        let own_in = |p: usize| tf.progress.iter().find(|(x, _)| *x == p).map(|&(_, v)| v);
        let periods: Vec<TeamPeriod> = tf
            .with_subteams
            .iter()
            .map(|&(p, with_subteams)| {
                let own = self.team_objectives_in(t, p);
                let mut all = own.clone();
                let sub_teams: Vec<SubTeamGroup> = below
                    .iter()
                    .filter_map(|&(x, parent, depth)| {
                        let list = self.team_objectives_in(x, p);
                        let progress = self.figures.teams[x]
                            .progress
                            .iter()
                            .find(|(y, _)| *y == p)
                            .map(|&(_, v)| v)?;
                        all.extend(&list);
                        Some(SubTeamGroup {
                            team: self.team_link(root, x),
                            parent: self.team_link(root, parent),
                            depth,
                            progress: self.fraction(progress),
                            objectives: list
                                .iter()
                                .map(|&o| self.objective(root, o, false))
                                .collect(),
                        })
                    })
                    .collect();
                TeamPeriod {
                    period: self.period_link(root, p),
                    progress: own_in(p).map(|v| self.fraction(v)),
                    with_subteams: self.fraction(with_subteams),
                    grade: self.mean_grade(&own),
                    grade_with_subteams: self.mean_grade(&all),
                    objectives: own
                        .iter()
                        .map(|&o| self.objective(root, o, false))
                        .collect(),
                    sub_teams,
                }
            })
            .collect();
        let with_label = self.strings.get("team.with_subteams");
        let has_sub_objectives = periods.iter().any(|p| !p.sub_teams.is_empty());
        // One bar per period for its own objectives and, when teams below it have some,
        // one for the rollup with them.
        let mut rows: Vec<(String, &Fraction)> = Vec::new();
        for tp in &periods {
            if let Some(own) = &tp.progress {
                rows.push((tp.period.label.clone(), own));
            }
            if has_sub_objectives {
                rows.push((
                    format!("{} · {with_label}", tp.period.label),
                    &tp.with_subteams,
                ));
            }
        }
        let bars: Vec<charts::Bar> = rows
            .iter()
            .map(|(label, f)| charts::Bar {
                label,
                value: f.value,
                display: &f.percent,
                status: None,
            })
            .collect();
        let body = team
            .document
            .map(|d| markdown::to_html(&site.documents[d].body))
            .unwrap_or_default();
        TeamView {
            id: team.id.clone(),
            name: team.name.clone(),
            url: url(root, &paths::team(&team.id)),
            parent: team.team.map(|p| self.team_link(root, p)),
            lead: team.lead.map(|p| self.person_link(root, p)),
            sub_teams: self.sub_teams[t]
                .iter()
                .map(|&x| self.team_link(root, x))
                .collect(),
            members: (0..site.people.len())
                .filter(|&x| site.people[x].team == Some(t))
                .map(|x| self.person_link(root, x))
                .collect(),
            chart_svg: if bars.is_empty() {
                String::new()
            } else {
                charts::bars(&format!("team-{t}"), &team.name, &bars, None, &self.labels)
            },
            periods,
            body_html: body,
        }
    }

    pub fn team_summary(&self, root: &str, t: usize) -> TeamSummary {
        let team = &self.site.teams[t];
        TeamSummary {
            team: self.team_link(root, t),
            parent: team.team.map(|p| self.team_link(root, p)),
            objective_count: self.objectives_by_team[t].len(),
            progress: self.current_period.and_then(|cp| {
                self.figures.teams[t]
                    .progress
                    .iter()
                    .find(|(p, _)| *p == cp)
                    .map(|&(_, x)| self.fraction(x))
            }),
        }
    }

    pub fn person(&self, root: &str, p: usize) -> PersonView {
        let site = &*self.site;
        let person = &site.people[p];
        let objectives = &self.objectives_by_owner[p];
        let key_results = &self.key_results_by_owner[p];
        let mut periods: Vec<usize> = objectives
            .iter()
            .chain(key_results.iter().map(|(o, _)| o))
            .map(|&o| site.objectives[o].period)
            .collect();
        // Newest first: by start, then end, latest first.
        periods.sort_by(|&a, &b| {
            let (pa, pb) = (&site.periods[a], &site.periods[b]);
            (pb.start, pb.end, &pb.id).cmp(&(pa.start, pa.end, &pa.id))
        });
        periods.dedup();
        let in_period = |o: usize, x: usize| site.objectives[o].period == x;
        // Theirs: the key results they own, and those without an owner of their objectives.
        let mut due: Vec<(usize, usize)> = key_results
            .iter()
            .copied()
            .chain(
                objectives
                    .iter()
                    .flat_map(|&o| (0..site.objectives[o].key_results.len()).map(move |k| (o, k))),
            )
            .filter(|&(o, k)| {
                self.figures.objectives[o].key_results[k].checkin_due
                    && self.due_owner(o, k) == Some(p)
            })
            .collect();
        due.sort_unstable();
        due.dedup();
        PersonView {
            id: person.id.clone(),
            name: person.name.clone(),
            url: url(root, &paths::person(&person.id)),
            team: person.team.map(|t| self.team_link(root, t)),
            objectives: objectives
                .iter()
                .map(|&o| self.objective(root, o, false))
                .collect(),
            key_results: key_results
                .iter()
                .map(|&(o, k)| self.key_result(root, o, k, false))
                .collect(),
            periods: periods
                .into_iter()
                .map(|x| PersonPeriod {
                    period: self.period_link(root, x),
                    objectives: objectives
                        .iter()
                        .filter(|&&o| in_period(o, x))
                        .map(|&o| self.objective(root, o, false))
                        .collect(),
                    key_results: key_results
                        .iter()
                        .filter(|&&(o, _)| in_period(o, x))
                        .map(|&(o, k)| self.key_result(root, o, k, false))
                        .collect(),
                })
                .collect(),
            checkins_due: due
                .into_iter()
                .map(|(o, k)| self.due(root, o, k, self.current_period))
                .collect(),
            body_html: person
                .document
                .map(|d| markdown::to_html(&site.documents[d].body))
                .unwrap_or_default(),
        }
    }

    pub fn person_summary(&self, root: &str, p: usize) -> PersonSummary {
        let person = &self.site.people[p];
        PersonSummary {
            person: self.person_link(root, p),
            team: person.team.map(|t| self.team_link(root, t)),
            objective_count: self.objectives_by_owner[p].len(),
            key_result_count: self.key_results_by_owner[p].len(),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn views(language: Language) -> Views {
        let mut site = Site::default();
        site.config.language = language;
        let date = NaiveDate::from_ymd_opt(2024, 5, 20).unwrap();
        let figures = crate::compute::compute(&site, date, false);
        Views::new(Arc::new(site), Arc::new(figures))
    }

    #[test]
    fn a_grade_is_its_number_and_its_band_in_words() {
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
    fn the_number_shown_never_falls_in_another_band_than_the_word() {
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
