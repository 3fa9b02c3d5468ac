//! The teams index (`teams/`, paginated) and each team's page (`teams/ID/`): its own
//! objectives by period and its direct sub-teams' rollups, with the full lists they link to.

use std::sync::Arc;

use super::lists::{List, index_pages, list_spec, rows};
use super::{PageKind, PageSpec};
use crate::render::paths::{self, root_of, url};
use crate::render::view::*;
use crate::render::views::{self, SHOWN, TEAMS_SHOWN, Views};
use crate::render::{charts, markdown};

impl Views {
    /// The teams whose pages a team's page links to: its direct sub-teams, by name.
    pub(crate) fn sub_teams(&self, t: usize) -> &[usize] {
        &self.sub_teams[t]
    }

    /// The included members of a team.
    pub(crate) fn members(&self, t: usize) -> Vec<usize> {
        (0..self.site.people.len())
            .filter(|&x| self.site.people[x].team == Some(t))
            .collect()
    }

    /// A team's own objectives, in every period (periods in order).
    pub(crate) fn team_objectives(&self, t: usize) -> Vec<usize> {
        let site = &*self.site;
        let mut list = self.objectives_by_team[t].clone();
        list.sort_by_key(|&o| {
            let p = &site.periods[site.objectives[o].period];
            (p.start, p.end, p.id.clone(), o)
        });
        list
    }

    pub(crate) fn team_objectives_in(&self, t: usize, p: usize) -> Vec<usize> {
        self.objectives_by_team[t]
            .iter()
            .copied()
            .filter(|&o| self.site.objectives[o].period == p)
            .collect()
    }

    pub(crate) fn progress_in(progress: &[(usize, f64)], p: usize) -> Option<f64> {
        progress.iter().find(|(x, _)| *x == p).map(|&(_, v)| v)
    }

    /// One period of a team's page: its rollups, its own objectives (the first), and its
    /// direct sub-teams' rollups (the first).
    pub(crate) fn team_period(
        &self,
        root: &str,
        t: usize,
        p: usize,
        with_subteams: f64,
    ) -> TeamPeriod {
        let tf = &self.figures.teams[t];
        let base = paths::team(&self.site.teams[t].id);
        let own = self.team_objectives_in(t, p);
        // The objectives of the team and of every team below it, for the grade with them.
        let mut all = own.clone();
        for &(x, _, _) in &self.teams_below(t) {
            all.extend(self.team_objectives_in(x, p));
        }
        let sub_teams: Vec<SubTeamRollup> = self.sub_teams[t]
            .iter()
            .filter_map(|&x| {
                let xf = &self.figures.teams[x];
                let with = Self::progress_in(&xf.with_subteams, p)?;
                Some(SubTeamRollup {
                    team: self.team_link(root, x),
                    progress: Self::progress_in(&xf.progress, p).map(|v| self.fraction(v)),
                    with_subteams: self.fraction(with),
                })
            })
            .collect();
        TeamPeriod {
            period: self.period_link(root, p),
            progress: Self::progress_in(&tf.progress, p).map(|v| self.fraction(v)),
            with_subteams: self.fraction(with_subteams),
            grade: self.mean_grade(&own),
            grade_with_subteams: self.mean_grade(&all),
            objectives: own
                .iter()
                .take(SHOWN)
                .map(|&o| self.objective(root, o, false))
                .collect(),
            objectives_more: self.more(
                root,
                own.len(),
                SHOWN,
                &paths::list_of(&base, paths::list::OBJECTIVES),
            ),
            sub_teams_more: self.more(
                root,
                sub_teams.len(),
                TEAMS_SHOWN,
                &paths::list_of(&base, paths::list::SUB_TEAMS),
            ),
            sub_teams: sub_teams.into_iter().take(TEAMS_SHOWN).collect(),
        }
    }

    pub(crate) fn team(&self, root: &str, t: usize) -> TeamView {
        let site = &*self.site;
        let team = &site.teams[t];
        let tf = &self.figures.teams[t];
        let base = paths::team(&team.id);
        let periods: Vec<TeamPeriod> = tf
            .with_subteams
            .iter()
            .map(|&(p, with_subteams)| self.team_period(root, t, p, with_subteams))
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
        let sub_teams = &self.sub_teams[t];
        let members = self.members(t);
        TeamView {
            id: team.id.clone(),
            name: team.name.clone(),
            url: url(root, &base),
            parent: team.team.map(|p| self.team_link(root, p)),
            lead: team.lead.map(|p| self.person_link(root, p)),
            sub_teams: sub_teams
                .iter()
                .take(TEAMS_SHOWN)
                .map(|&x| self.team_link(root, x))
                .collect(),
            sub_teams_more: self.more(
                root,
                sub_teams.len(),
                TEAMS_SHOWN,
                &paths::list_of(&base, paths::list::SUB_TEAMS),
            ),
            members: members
                .iter()
                .take(TEAMS_SHOWN)
                .map(|&x| self.person_link(root, x))
                .collect(),
            members_more: self.more(
                root,
                members.len(),
                TEAMS_SHOWN,
                &paths::list_of(&base, paths::list::MEMBERS),
            ),
            chart_svg: if bars.is_empty() {
                String::new()
            } else {
                charts::bars(&format!("team-{t}"), &team.name, &bars, None, &self.labels)
            },
            periods,
            body_html: body,
            extra: self.party_extra(team.document),
        }
    }

    /// Every team below `t`, depth first, sub-teams by name: (team, its parent, depth).
    pub(crate) fn teams_below(&self, t: usize) -> Vec<(usize, usize, usize)> {
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

    pub(crate) fn team_summary(&self, root: &str, t: usize) -> TeamSummary {
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
}

pub(super) fn specs<'v>(views: &'v Views, specs: &mut Vec<PageSpec<'v>>) {
    let site = &*views.site;
    let teams: Arc<Vec<usize>> = Arc::new(
        (0..site.teams.len())
            .filter(|&x| views.figures.teams_included[x])
            .collect(),
    );
    index_pages(
        specs,
        views,
        List {
            base: paths::TEAMS.to_owned(),
            kind: PageKind::Teams,
            title: views.strings.get("title.teams"),
            total: teams.len(),
        },
        Arc::clone(&teams),
        ("teams", Views::team_summary),
    );
    for &x in teams.iter() {
        let team = &site.teams[x];
        let path = paths::team(&team.id);
        let root = root_of(&path);
        specs.push(PageSpec {
            title: team.name.clone(),
            vars: Box::new(move |c| c.insert("team", &views.team(&root, x))),
            path,
            kind: PageKind::Team,
        });
        team_lists(specs, views, x);
    }
}

/// The full lists of a team's page: its own objectives, its sub-teams and its members.
fn team_lists<'v>(specs: &mut Vec<PageSpec<'v>>, views: &'v Views, t: usize) {
    let team = &views.site.teams[t];
    let of = (paths::team(&team.id), team.name.clone());
    let own = Arc::new(views.team_objectives(t));
    let periods = &views.figures.teams[t].with_subteams;
    let cut = periods.iter().any(|&(p, _)| {
        own.iter()
            .filter(|&&o| views.site.objectives[o].period == p)
            .count()
            > views::SHOWN
    });
    if cut {
        list_spec(
            specs,
            views,
            of.clone(),
            (paths::list::OBJECTIVES, own.len()),
            rows(views, own, ("objectives", Views::objective_row)),
        );
    }
    let sub_teams = views.sub_teams(t);
    if sub_teams.len() > views::TEAMS_SHOWN {
        list_spec(
            specs,
            views,
            of.clone(),
            (paths::list::SUB_TEAMS, sub_teams.len()),
            Arc::new(move |c, root, range| {
                let rows: Vec<_> = views.sub_teams(t)[range]
                    .iter()
                    .map(|&x| views.team_summary(root, x))
                    .collect();
                c.insert("team_summaries", &rows);
            }),
        );
    }
    let members = Arc::new(views.members(t));
    if members.len() > views::TEAMS_SHOWN {
        list_spec(
            specs,
            views,
            of,
            (paths::list::MEMBERS, members.len()),
            rows(views, members, ("people", Views::person_summary)),
        );
    }
}
