//! The free pages of `pages/`, the search page and the 404 page.

use super::{PageKind, PageSpec};
use crate::model::Content;
use crate::render::markdown;
use crate::render::paths;
use crate::render::view::FreePageView;
use crate::render::views::Views;

pub(super) fn specs<'v>(views: &'v Views, specs: &mut Vec<PageSpec<'v>>) {
    let site = &*views.site;
    for &d in &site.pages {
        let Content::Page(page) = &site.documents[d].content else {
            continue;
        };
        specs.push(PageSpec {
            path: paths::page(&page.slug),
            kind: PageKind::Page,
            title: page.title.clone(),
            vars: Box::new(move |c| {
                let view = FreePageView {
                    title: page.title.clone(),
                    slug: page.slug.clone(),
                    body_html: markdown::to_html(&site.documents[d].body),
                    extra: page.extra.clone(),
                };
                c.insert("page", &view);
            }),
        });
    }
    specs.push(PageSpec {
        path: paths::SEARCH.into(),
        kind: PageKind::Search,
        title: views.strings.get("title.search"),
        vars: Box::new(|_| {}),
    });
    // Web servers (and `okrs serve`) show 404.html for a missing page; its links assume
    // it is served at the site root.
    specs.push(PageSpec {
        path: String::new(),
        kind: PageKind::NotFound,
        title: views.strings.get("title.not_found"),
        vars: Box::new(|_| {}),
    });
}
