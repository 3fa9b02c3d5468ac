//! Full lists, paginated: `views::PER_PAGE` items a page, the first at the list's folder,
//! the others at `page/2/` … below it, each with links to the others.

use std::sync::Arc;

use super::{PageKind, PageSpec};
use crate::render::paths::{self, root_of, url};
use crate::render::view::{Link, PageLink, Pagination};
use crate::render::views::{self, Views};

/// A full list to paginate: its first page's folder, its kind of page, and its items.
pub(super) struct List {
    pub(crate) base: String,
    pub(crate) kind: PageKind,
    pub(crate) title: String,
    pub(crate) total: usize,
}

/// Fills a page of a list with the items of a range.
pub(super) type Fill<'v> =
    Arc<dyn Fn(&mut tera::Context, &str, std::ops::Range<usize>) + Send + Sync + 'v>;

/// A row of an index: a person's or team's summary, for the page at `root`.
pub(super) type Summary<S> = fn(&Views, &str, usize) -> S;

/// An index of the site's people or teams, 200 a page: the included ones (`included`),
/// each as its `summary` row, under the template variable `var`.
pub(super) fn index_pages<'v, S: serde::Serialize + 'v>(
    specs: &mut Vec<PageSpec<'v>>,
    views: &'v Views,
    list: List,
    included: Arc<Vec<usize>>,
    (var, summary): (&'static str, Summary<S>),
) {
    list_pages(specs, list, rows(views, included, (var, summary)));
}

/// Fills a page with the items of its range, each as its `summary` row, under the
/// template variable `var`.
pub(super) fn rows<'v, S: serde::Serialize + 'v>(
    views: &'v Views,
    items: Arc<Vec<usize>>,
    (var, summary): (&'static str, Summary<S>),
) -> Fill<'v> {
    Arc::new(move |c, root, range| {
        let rows: Vec<S> = items[range]
            .iter()
            .map(|&x| summary(views, root, x))
            .collect();
        c.insert(var, &rows);
    })
}

/// The pages of a full list: `base`, `base/page/2/` …
pub(super) fn list_pages<'v>(specs: &mut Vec<PageSpec<'v>>, list: List, fill: Fill<'v>) {
    let total = list.total.div_ceil(views::PER_PAGE).max(1);
    for n in 1..=total {
        let path = paths::list_page(&list.base, n);
        let root = root_of(&path);
        let base = list.base.clone();
        let fill = Arc::clone(&fill);
        let items = list.total;
        specs.push(PageSpec {
            path,
            kind: list.kind,
            title: list.title.clone(),
            vars: Box::new(move |c| {
                let start = (n - 1) * views::PER_PAGE;
                fill(c, &root, start..(start + views::PER_PAGE).min(items));
                c.insert("total", &items);
                c.insert("pagination", &pagination(&root, &base, n, total));
            }),
        });
    }
}

/// A list page of `list.html` continuing a page at `base` titled `of`: `name` is the
/// list's folder below it (`paths::list`) and the kind of items it shows.
pub(super) fn list_spec<'v>(
    specs: &mut Vec<PageSpec<'v>>,
    views: &'v Views,
    (base, of): (String, String),
    (name, total): (&'static str, usize),
    fill: Fill<'v>,
) {
    let back = base.clone();
    let title = views
        .strings
        .get(&format!("list.{}", name.replace('-', "_")))
        .replace("{of}", &of);
    let wrapped: Fill<'v> = Arc::new(move |c, root, range| {
        c.insert("list_kind", name);
        c.insert(
            "back",
            &Link {
                id: String::new(),
                name: of.clone(),
                url: url(root, &back),
            },
        );
        fill(c, root, range);
    });
    list_pages(
        specs,
        List {
            base: paths::list_of(&base, name),
            kind: PageKind::List,
            title,
            total,
        },
        wrapped,
    );
}

/// Links for page `n` of `total` of the list whose first page is `base`: the first, the
/// last, and two on each side of `n`.
pub(crate) fn pagination(root: &str, base: &str, n: usize, total: usize) -> Pagination {
    let shown = |m: usize| m == 1 || m == total || m.abs_diff(n) <= 2;
    Pagination {
        current: n,
        total,
        previous_url: (n > 1).then(|| url(root, &paths::list_page(base, n - 1))),
        next_url: (n < total).then(|| url(root, &paths::list_page(base, n + 1))),
        pages: (1..=total)
            .filter(|&m| shown(m))
            .map(|m| PageLink {
                number: m,
                url: url(root, &paths::list_page(base, m)),
                current: m == n,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_shows_the_ends_and_the_neighbourhood() {
        let p = pagination("../../../", "checkins/", 5, 9);
        let numbers: Vec<usize> = p.pages.iter().map(|l| l.number).collect();
        assert_eq!(numbers, vec![1, 3, 4, 5, 6, 7, 9]);
        assert_eq!(
            p.previous_url.as_deref(),
            Some("../../../checkins/page/4/index.html")
        );
        assert_eq!(pagination("", "checkins/", 1, 1).pages.len(), 1);
        assert_eq!(pagination("", "checkins/", 1, 2).previous_url, None);
        assert_eq!(
            pagination("../", "checkins/", 2, 2).previous_url.as_deref(),
            Some("../checkins/index.html")
        );
    }
}
