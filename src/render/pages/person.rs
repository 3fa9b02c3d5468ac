//! The people index (`people/`, paginated) and each person's page (`people/ID/`).

use std::sync::Arc;

use super::lists::{List, index_pages};
use super::{PageKind, PageSpec};
use crate::render::markdown;
use crate::render::paths::{self, root_of, url};
use crate::render::view::*;
use crate::render::views::Views;

impl Views {
    pub(crate) fn person(&self, root: &str, p: usize) -> PersonView {
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
            extra: self.party_extra(person.document),
        }
    }

    pub(crate) fn person_summary(&self, root: &str, p: usize) -> PersonSummary {
        let person = &self.site.people[p];
        PersonSummary {
            person: self.person_link(root, p),
            team: person.team.map(|t| self.team_link(root, t)),
            objective_count: self.objectives_by_owner[p].len(),
            key_result_count: self.key_results_by_owner[p].len(),
        }
    }
}

pub(super) fn specs<'v>(views: &'v Views, specs: &mut Vec<PageSpec<'v>>) {
    let site = &*views.site;
    let people: Arc<Vec<usize>> = Arc::new(
        (0..site.people.len())
            .filter(|&x| views.figures.people_included[x])
            .collect(),
    );
    index_pages(
        specs,
        views,
        List {
            base: paths::PEOPLE.to_owned(),
            kind: PageKind::People,
            title: views.strings.get("title.people"),
            total: people.len(),
        },
        Arc::clone(&people),
        ("people", Views::person_summary),
    );
    for &x in people.iter() {
        let person = &site.people[x];
        let path = paths::person(&person.id);
        let root = root_of(&path);
        specs.push(PageSpec {
            title: person.name.clone(),
            vars: Box::new(move |c| c.insert("person", &views.person(&root, x))),
            path,
            kind: PageKind::Person,
        });
    }
}
