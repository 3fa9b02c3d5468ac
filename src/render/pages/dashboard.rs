//! The dashboard (the root page): the current period's report, with the at-risk and due
//! lists of every running period, and their full lists `at-risk/` and `checkins-due/`.

use super::period::risk_and_due_lists;
use super::{PageKind, PageSpec};
use crate::render::view::PeriodView;
use crate::render::views::{Risk, Views};

impl Views {
    /// The at-risk items and due key results of the dashboard: period `p`'s, then those of
    /// every other period that holds the as-of date too (a running year's at-risk key
    /// result belongs on the running quarter's dashboard), each saying its period. After
    /// `p`'s own, in the order of `Figures::running_periods` (shortest first). When any
    /// period runs, `p` (the current period) is the first of them, so it runs too.
    pub(crate) fn dashboard_lists(&self, p: usize) -> (Vec<Risk>, Vec<(usize, usize)>) {
        let (mut risks, mut due) = self.period_lists(p);
        for &x in self.figures.running_periods.iter().filter(|&&x| x != p) {
            risks.extend(self.risks(&self.figures.periods[x].objectives));
            due.extend(self.due_key_results(&self.figures.periods[x].objectives));
        }
        (risks, due)
    }

    /// The root page: period `p`'s view with the lists of `dashboard_lists`.
    pub(crate) fn dashboard(&self, root: &str, p: usize) -> PeriodView {
        self.period_view(root, p, self.dashboard_lists(p), "")
    }
}

pub(super) fn specs<'v>(views: &'v Views, specs: &mut Vec<PageSpec<'v>>) {
    specs.push(PageSpec {
        path: String::new(),
        kind: PageKind::Dashboard,
        title: views.strings.get("nav.dashboard"),
        vars: Box::new(move |c| {
            c.insert("periods", &views.periods(""));
            if let Some(p) = views.current_period {
                c.insert("view", &views.dashboard("", p));
            }
        }),
    });
    if let Some(p) = views.current_period {
        let label = views.strings.get("nav.dashboard");
        risk_and_due_lists(
            specs,
            views,
            (String::new(), label),
            p,
            views.dashboard_lists(p),
        );
    }
}
