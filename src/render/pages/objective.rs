//! One page per objective, `objectives/ID/` (its view is in `views.rs`: lists and cards
//! show objectives too).

use super::{PageKind, PageSpec};
use crate::render::paths::{self, root_of};
use crate::render::views::Views;

pub(super) fn specs<'v>(views: &'v Views, specs: &mut Vec<PageSpec<'v>>) {
    for o in views.included_objectives() {
        let data = views.site.objective(o);
        let path = paths::objective(&data.id.value);
        let root = root_of(&path);
        specs.push(PageSpec {
            title: data.title.clone(),
            vars: Box::new(move |c| c.insert("objective", &views.objective(&root, o, true))),
            path,
            kind: PageKind::Objective,
        });
    }
}
