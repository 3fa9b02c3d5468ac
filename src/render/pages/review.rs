//! The review of each closed period, `periods/ID/review/`, 100 objectives a page.

use super::lists::pagination;
use super::{PageKind, PageSpec};
use crate::compute::{Band, Status, weighted_mean};
use crate::model::Commitment;
use crate::period::PeriodState;
use crate::render::format;
use crate::render::paths::{self, root_of};
use crate::render::view::*;
use crate::render::views::{self, REVIEW_PER_PAGE, Views};

impl Views {
    /// Page `n` (from 1) of the review of a closed period, `REVIEW_PER_PAGE` objectives a page.
    pub(crate) fn review(&self, root: &str, p: usize, n: usize) -> ReviewView {
        let site = &*self.site;
        // Teams by name, "no team" last, as on the period page.
        let order = self.period_objectives(p);
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
        let page: Vec<usize> = order
            .iter()
            .copied()
            .skip((n.max(1) - 1) * REVIEW_PER_PAGE)
            .take(REVIEW_PER_PAGE)
            .collect();
        let objectives: Vec<ObjectiveView> = page
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
            reviewed_count: order
                .iter()
                .filter(|&&o| {
                    site.objective(o)
                        .review
                        .as_deref()
                        .is_some_and(|r| !r.trim().is_empty())
                })
                .count(),
            carried: page
                .iter()
                .zip(&objectives)
                .filter(|(_, view)| !view.carried_to.is_empty())
                .map(|(&o, view)| CarriedView {
                    objective: self.objective_link(root, o),
                    carried_to: view.carried_to.clone(),
                })
                .collect(),
            objectives_total: order.len(),
            objectives,
        }
    }
}

pub(super) fn specs<'v>(views: &'v Views, specs: &mut Vec<PageSpec<'v>>) {
    let site = &*views.site;
    for &p in &views.listed_periods {
        if views.figures.periods[p].state != PeriodState::Closed {
            continue;
        }
        let base = paths::review(&site.periods[p].id);
        let title = views.strings.get("review.title").replace(
            "{period}",
            &format::period_label(&site.periods[p].id, views.language),
        );
        let total = views.figures.periods[p]
            .objectives
            .len()
            .div_ceil(views::REVIEW_PER_PAGE)
            .max(1);
        for n in 1..=total {
            let path = paths::list_page(&base, n);
            let root = root_of(&path);
            let base = base.clone();
            specs.push(PageSpec {
                title: title.clone(),
                vars: Box::new(move |c| {
                    c.insert("review", &views.review(&root, p, n));
                    c.insert("pagination", &pagination(&root, &base, n, total));
                }),
                path,
                kind: PageKind::Review,
            });
        }
    }
}
