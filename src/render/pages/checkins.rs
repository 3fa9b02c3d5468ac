//! The check-in timeline, newest first, `CHECKINS_PER_PAGE` a page: `checkins/`,
//! `checkins/page/2/` …

use std::sync::Arc;

use super::lists::pagination;
use super::{PageKind, PageSpec};
use crate::render::paths::{self, root_of};
use crate::render::views::Views;

/// How many check-ins one page of the timeline lists.
pub(crate) const CHECKINS_PER_PAGE: usize = 20;

pub(super) fn specs<'v>(views: &'v Views, specs: &mut Vec<PageSpec<'v>>) {
    let all = Arc::new(views.checkins_newest_first(views.included_objectives()));
    let total = all.len().div_ceil(CHECKINS_PER_PAGE).max(1);
    for n in 1..=total {
        let path = paths::list_page(paths::CHECKINS, n);
        let root = root_of(&path);
        let all = Arc::clone(&all);
        specs.push(PageSpec {
            path,
            kind: PageKind::Checkins,
            title: views.strings.get("title.checkins"),
            vars: Box::new(move |c| {
                let page = all
                    .iter()
                    .copied()
                    .skip((n - 1) * CHECKINS_PER_PAGE)
                    .take(CHECKINS_PER_PAGE);
                let checkins = views.checkin_list(&root, page);
                c.insert("checkins", &checkins);
                c.insert("pagination", &pagination(&root, paths::CHECKINS, n, total));
            }),
        });
    }
}
