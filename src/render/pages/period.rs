//! The periods list (`periods/`) and each period's report (`periods/ID/`): its summary,
//! top-level objectives, team rollups, at-risk and due lists and latest check-ins, and the
//! full lists those link to.

use std::sync::Arc;

use super::lists::{list_spec, rows};
use super::{PageKind, PageSpec};
use crate::compute::{Status, TeamGroup};
use crate::period::PeriodState;
use crate::render::paths::{self, root_of};
use crate::render::view::*;
use crate::render::views::{self, LATEST_SHOWN, Risk, SHOWN, TEAMS_SHOWN, Views};
use crate::render::{charts, format};

impl Views {
    /// A period's team groups in the order its pages show them: the team tree read top
    /// down (the company's team first, each team before its sub-teams, siblings by
    /// name), "no team" last.
    pub(crate) fn period_teams(&self, p: usize) -> Vec<&TeamGroup> {
        let mut groups: Vec<&TeamGroup> = self.figures.periods[p].teams.iter().collect();
        groups.sort_by_key(|g| g.team.map_or(usize::MAX, |t| self.team_rank[t]));
        groups
    }

    /// A period's objectives in the order its pages show them: by team, as `period_teams`.
    pub(crate) fn period_objectives(&self, p: usize) -> Vec<usize> {
        self.period_teams(p)
            .into_iter()
            .flat_map(|g| g.objectives.iter().copied())
            .collect()
    }

    /// Its top-level objectives: those aligned to no objective of the same period.
    pub(crate) fn top_level(&self, p: usize) -> Vec<usize> {
        self.period_objectives(p)
            .into_iter()
            .filter(|&o| {
                !self.site.objectives[o]
                    .parents
                    .iter()
                    .any(|&x| self.included(x) && self.site.objectives[x].period == p)
            })
            .collect()
    }

    /// The rollups of a period's teams in `range`, in the order of `period_teams`.
    pub(crate) fn team_rollups(
        &self,
        root: &str,
        p: usize,
        range: std::ops::Range<usize>,
    ) -> Vec<TeamRollup> {
        let groups = self.period_teams(p);
        groups[range.start.min(groups.len())..range.end.min(groups.len())]
            .iter()
            .map(|g| TeamRollup {
                team: g.team.map(|t| self.team_link(root, t)),
                objective_count: g.objectives.len(),
                progress: self.fraction(g.progress),
                grade: self.mean_grade(&g.objectives),
            })
            .collect()
    }

    /// The status counts of a period and their chart.
    pub(crate) fn status_counts(&self, p: usize) -> (Vec<StatusCount>, String) {
        let pf = &self.figures.periods[p];
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
        let period_label = format::period_label(&self.site.periods[p].id, self.language);
        let chart = charts::status_breakdown(
            &format!("status-{p}"),
            &format!(
                "{} · {}",
                self.strings.get("chart.status_title"),
                period_label
            ),
            &slices,
            &self.labels,
        );
        (status_counts, chart)
    }

    /// The bars of the team rollups shown.
    pub(crate) fn teams_chart(&self, p: usize, teams: &[TeamRollup]) -> String {
        let pf = &self.figures.periods[p];
        let no_team = self.strings.get("no_team");
        let labels: Vec<String> = teams
            .iter()
            .map(|g| {
                g.team
                    .as_ref()
                    .map_or_else(|| no_team.clone(), |t| t.name.clone())
            })
            .collect();
        let bars: Vec<charts::Bar> = teams
            .iter()
            .zip(&labels)
            .map(|(g, label)| charts::Bar {
                label,
                value: g.progress.value,
                display: &g.progress.percent,
                status: None,
            })
            .collect();
        let period_label = format::period_label(&self.site.periods[p].id, self.language);
        charts::bars(
            &format!("teams-{p}"),
            &format!(
                "{} · {}",
                self.strings.get("chart.teams_title"),
                period_label
            ),
            &bars,
            (pf.state != PeriodState::Closed).then_some(pf.expected),
            &self.labels,
        )
    }

    /// The at-risk items and due key results a period's page lists.
    pub(crate) fn period_lists(&self, p: usize) -> (Vec<Risk>, Vec<(usize, usize)>) {
        let pf = &self.figures.periods[p];
        // Confidence no longer matters once the period is over: it is graded instead.
        let risks = if pf.state == PeriodState::Closed {
            Vec::new()
        } else {
            self.risks(&pf.objectives)
        };
        (risks, self.due_key_results(&pf.objectives))
    }

    /// The dashboard of one period; `lists` are the at-risk items and due key results it
    /// shows, and `path` the folder of their full lists.
    pub(crate) fn period_view(
        &self,
        root: &str,
        p: usize,
        (risks, due): (Vec<Risk>, Vec<(usize, usize)>),
        lists: &str,
    ) -> PeriodView {
        let site = &*self.site;
        let pf = &self.figures.periods[p];
        let base = paths::period(&site.periods[p].id);
        let (status_counts, status_chart_svg) = self.status_counts(p);
        let teams = self.team_rollups(root, p, 0..TEAMS_SHOWN);
        let teams_chart_svg = self.teams_chart(p, &teams);
        let top = self.top_level(p);
        let due = self.due_in_order(&due);
        let latest_checkins = self.checkin_list(
            root,
            self.checkins_newest_first(pf.objectives.iter().copied())
                .into_iter()
                .take(LATEST_SHOWN),
        );
        PeriodView {
            period: self.period_link(root, p),
            pace: self.pace(p),
            status_counts,
            status_chart_svg,
            teams_chart_svg,
            objectives: top
                .iter()
                .take(SHOWN)
                .map(|&o| self.objective(root, o, false))
                .collect(),
            all_objectives: self.more(
                root,
                pf.objectives.len(),
                top.len().min(SHOWN),
                &paths::list_of(&base, paths::list::OBJECTIVES),
            ),
            teams_more: self.more(
                root,
                pf.teams.len(),
                TEAMS_SHOWN,
                &paths::list_of(&base, paths::list::TEAMS),
            ),
            teams,
            at_risk: risks
                .iter()
                .take(SHOWN)
                .map(|&r| self.risk_view(root, r, p))
                .collect(),
            at_risk_more: self.more(
                root,
                risks.len(),
                SHOWN,
                &paths::list_of(lists, paths::list::AT_RISK),
            ),
            checkins_due: self.due_groups(root, &due[..due.len().min(SHOWN)], Some(p)),
            checkins_due_more: self.more(
                root,
                due.len(),
                SHOWN,
                &paths::list_of(lists, paths::list::CHECKINS_DUE),
            ),
            latest_checkins,
        }
    }

    /// A period's page.
    pub(crate) fn period(&self, root: &str, p: usize) -> PeriodView {
        let base = paths::period(&self.site.periods[p].id);
        self.period_view(root, p, self.period_lists(p), &base)
    }
}

pub(super) fn specs<'v>(views: &'v Views, specs: &mut Vec<PageSpec<'v>>) {
    let site = &*views.site;
    specs.push(PageSpec {
        path: paths::PERIODS.into(),
        kind: PageKind::Periods,
        title: views.strings.get("title.periods"),
        vars: Box::new(move |c| c.insert("periods", &views.periods(&root_of(paths::PERIODS)))),
    });
    for &p in &views.listed_periods {
        let path = paths::period(&site.periods[p].id);
        let root = root_of(&path);
        specs.push(PageSpec {
            title: format::period_label(&site.periods[p].id, views.language),
            vars: Box::new(move |c| {
                c.insert("view", &views.period(&root, p));
                c.insert("periods", &views.periods(&root));
            }),
            path,
            kind: PageKind::Period,
        });
    }
    period_lists(specs, views);
}

/// The full lists of every period's page, for those cut short there.
fn period_lists<'v>(specs: &mut Vec<PageSpec<'v>>, views: &'v Views) {
    let site = &*views.site;
    for &p in &views.listed_periods {
        let base = paths::period(&site.periods[p].id);
        let label = format::period_label(&site.periods[p].id, views.language);
        let order = Arc::new(views.period_objectives(p));
        if order.len() > views.top_level(p).len().min(views::SHOWN) {
            list_spec(
                specs,
                views,
                (base.clone(), label.clone()),
                (paths::list::OBJECTIVES, order.len()),
                rows(views, order, ("objectives", Views::objective_row)),
            );
        }
        let teams = views.figures.periods[p].teams.len();
        if teams > views::TEAMS_SHOWN {
            list_spec(
                specs,
                views,
                (base.clone(), label.clone()),
                (paths::list::TEAMS, teams),
                Arc::new(move |c, root, range| {
                    c.insert("teams", &views.team_rollups(root, p, range));
                }),
            );
        }
        risk_and_due_lists(specs, views, (base, label), p, views.period_lists(p));
    }
}

/// The full at-risk and due lists of a period's page (or the dashboard's), when cut there.
pub(super) fn risk_and_due_lists<'v>(
    specs: &mut Vec<PageSpec<'v>>,
    views: &'v Views,
    (base, label): (String, String),
    p: usize,
    (risks, due): (Vec<views::Risk>, Vec<(usize, usize)>),
) {
    if risks.len() > views::SHOWN {
        let total = risks.len();
        let risks = Arc::new(risks);
        list_spec(
            specs,
            views,
            (base.clone(), label.clone()),
            (paths::list::AT_RISK, total),
            Arc::new(move |c, root, range| {
                let rows: Vec<_> = risks[range]
                    .iter()
                    .map(|&r| views.risk_view(root, r, p))
                    .collect();
                c.insert("risks", &rows);
            }),
        );
    }
    if due.len() > views::SHOWN {
        let due = Arc::new(views.due_in_order(&due));
        list_spec(
            specs,
            views,
            (base, label),
            (paths::list::CHECKINS_DUE, due.len()),
            Arc::new(move |c, root, range| {
                c.insert("due", &views.due_groups(root, &due[range], Some(p)));
            }),
        );
    }
}
