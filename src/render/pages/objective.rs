//! One page per objective, `objectives/ID/` (its view is in `views.rs`: lists and cards
//! show objectives too).

use super::{PageKind, PageSpec};
use crate::render::paths::{self, root_of};
use crate::render::views::Views;

pub(super) fn specs<'v>(views: &'v Views, specs: &mut Vec<PageSpec<'v>>) {
    specs.extend(views.included_objectives().map(|o| spec(views, o)));
}

/// The page of the objective whose page's file is `output_path`, found without making
/// every objective's spec (`serve` asks for one page at a time): by its id when the path
/// holds the id as written, else by each id's folder.
pub(super) fn spec_at<'v>(views: &'v Views, output_path: &str) -> Option<PageSpec<'v>> {
    let folder = output_path.strip_suffix("index.html")?;
    let name = folder.strip_prefix("objectives/")?.strip_suffix('/')?;
    let site = &views.site;
    let is_page =
        |o: usize| views.included(o) && paths::objective(&site.objective(o).id.value) == folder;
    // Objectives are in the order of their ids.
    let by_id = site
        .objectives
        .binary_search_by(|o| o.data.id.value.as_str().cmp(name))
        .ok()
        .filter(|&o| is_page(o));
    let o = by_id.or_else(|| views.included_objectives().find(|&o| is_page(o)))?;
    Some(spec(views, o))
}

fn spec(views: &Views, o: usize) -> PageSpec<'_> {
    let data = views.site.objective(o);
    let path = paths::objective(&data.id.value);
    let root = root_of(&path);
    PageSpec {
        title: data.title.clone(),
        vars: Box::new(move |c| c.insert("objective", &views.objective(&root, o, true))),
        path,
        kind: PageKind::Objective,
    }
}
