//! The alignment tree: `alignment/` and the pages of objectives whose children do not all
//! fit on the page above (`alignment/ID/`), laid out by `tree.rs`.

use std::collections::HashMap;

use super::lists::pagination;
use super::{PageKind, PageSpec};
use crate::render::paths::{self, root_of, url};
use crate::render::tree;
use crate::render::view::*;
use crate::render::views::Views;

impl Views {
    /// The alignment tree's sections: the objectives of each strategy of org.md (by period),
    /// then the top-level objectives that align to no strategy.
    pub(crate) fn tree_roots(&self) -> Vec<Vec<usize>> {
        let site = &*self.site;
        let strategies: Vec<&str> = site
            .org()
            .map(|org| org.strategies.iter().map(|s| s.id.value.as_str()).collect())
            .unwrap_or_default();
        let section: HashMap<&str, usize> = strategies
            .iter()
            .enumerate()
            .map(|(i, &s)| (s, i))
            .collect();
        let mut roots = vec![Vec::new(); strategies.len() + 1];
        for o in self.included_objectives() {
            let r = &site.objectives[o];
            for s in &r.strategies {
                if let Some(&i) = section.get(s.as_str()) {
                    roots[i].push(o);
                }
            }
            if r.strategies.is_empty() && !r.parents.iter().any(|&p| self.included(p)) {
                roots[strategies.len()].push(o);
            }
        }
        let by_period = |a: &usize, b: &usize| {
            let pa = &site.periods[site.objectives[*a].period];
            let pb = &site.periods[site.objectives[*b].period];
            (pa.start, &pa.id, *a).cmp(&(pb.start, &pb.id, *b))
        };
        for list in &mut roots {
            list.sort_by(by_period);
            list.dedup();
        }
        roots
    }

    /// The objectives aligned to `o` that this build shows.
    pub(crate) fn tree_children(&self, o: usize) -> Vec<usize> {
        self.site.objectives[o]
            .children
            .iter()
            .copied()
            .filter(|&c| self.included(c))
            .collect()
    }

    /// Where the alignment tree shows each objective, worked out on first use.
    pub(crate) fn tree(&self) -> &tree::Layout {
        self.tree.get_or_init(|| {
            tree::layout(
                self.site.objectives.len(),
                &self.tree_roots(),
                &|o| self.tree_children(o),
                tree::LIMITS,
            )
        })
    }

    /// The first folder of an alignment page's list: the alignment page's, or its
    /// objective's.
    pub(crate) fn tree_base(&self, page: &tree::TreePage) -> String {
        match page.top {
            None => paths::ALIGNMENT.to_owned(),
            Some(o) => paths::alignment(&self.site.objective(o).id.value),
        }
    }

    /// The folder of an alignment page (an index into the layout's pages).
    pub(crate) fn tree_page_path(&self, page: usize) -> String {
        let page = &self.tree().pages[page];
        paths::list_page(&self.tree_base(page), page.number)
    }

    /// Where the tree lists every objective aligned to `o`: its own page when it has one,
    /// else its place.
    pub(crate) fn children_url(&self, root: &str, o: usize) -> Option<String> {
        let layout = self.tree();
        match layout.own_page[o] {
            Some(page) => Some(url(root, &self.tree_page_path(page))),
            None => layout.first[o].map(|page| {
                let anchor = paths::tree_anchor(&self.site.objective(o).id.value);
                format!("{}#{anchor}", url(root, &self.tree_page_path(page)))
            }),
        }
    }

    pub(crate) fn tree_rows(&self, root: &str, rows: &[tree::Row]) -> Vec<TreeRow> {
        let layout = self.tree();
        rows.iter()
            .zip(tree::nesting(rows))
            .map(|(row, (has_children, close))| {
                let o = row.objective;
                let anchor = paths::tree_anchor(&self.site.objective(o).id.value);
                let (full, more_url) = match row.shown {
                    tree::Shown::Full { more } => {
                        (true, more.map(|t| url(root, &self.tree_page_path(t))))
                    }
                    tree::Shown::Seen => (false, None),
                };
                let seen_url = (!full).then(|| {
                    let page = layout.first[o].unwrap_or(0);
                    format!("{}#{anchor}", url(root, &self.tree_page_path(page)))
                });
                TreeRow {
                    objective: self.objective_link(root, o),
                    owner: self.site.objectives[o]
                        .owner
                        .map(|p| self.person_link(root, p)),
                    depth: row.depth,
                    anchor: full.then_some(anchor),
                    seen_url,
                    more_url,
                    children_count: self.tree_children(o).len(),
                    has_children,
                    close,
                }
            })
            .collect()
    }

    /// Alignment page `page` (an index into the layout's pages): the alignment page, or
    /// the page of an objective whose children did not all fit on the page above.
    pub(crate) fn alignment(&self, root: &str, page: usize) -> AlignmentView {
        let layout = self.tree();
        let tp = &layout.pages[page];
        let pagination =
            (tp.of > 1).then(|| pagination(root, &self.tree_base(tp), tp.number, tp.of));
        if let Some(top) = tp.top {
            let above = layout.first[top].unwrap_or(0);
            let anchor = paths::tree_anchor(&self.site.objective(top).id.value);
            return AlignmentView {
                strategies: Vec::new(),
                unaligned: Vec::new(),
                subtree: Some(SubtreeView {
                    objective: self.objective_link(root, top),
                    up_url: format!("{}#{anchor}", url(root, &self.tree_page_path(above))),
                    rows: self.tree_rows(root, &tp.rows),
                }),
                depth_limit: tree::DEPTH_LIMIT,
                pagination,
            };
        }
        let strategies = self.org().map(|org| org.strategies).unwrap_or_default();
        let section = |s: usize| -> Vec<tree::Row> {
            tp.rows.iter().copied().filter(|r| r.section == s).collect()
        };
        AlignmentView {
            // Every strategy on the first page (an empty one says so); later pages show
            // those that continue there.
            strategies: strategies
                .into_iter()
                .enumerate()
                .map(|(s, strategy)| StrategyTree {
                    strategy,
                    rows: self.tree_rows(root, &section(s)),
                })
                .filter(|st| tp.number == 1 || !st.rows.is_empty())
                .collect(),
            unaligned: self.tree_rows(root, &section(self.tree_roots_sections() - 1)),
            subtree: None,
            depth_limit: tree::DEPTH_LIMIT,
            pagination,
        }
    }

    /// How many sections the alignment page has: one per strategy, then the unaligned.
    pub(crate) fn tree_roots_sections(&self) -> usize {
        self.site.org().map_or(0, |org| org.strategies.len()) + 1
    }
}

pub(super) fn specs<'v>(views: &'v Views, specs: &mut Vec<PageSpec<'v>>) {
    let t = |key: &str| views.strings.get(key);
    for page in 0..views.tree().pages.len() {
        let path = views.tree_page_path(page);
        let root = root_of(&path);
        let title = match views.tree().pages[page].top {
            None => t("title.alignment"),
            Some(top) => {
                t("alignment.subtree_title").replace("{title}", &views.site.objective(top).title)
            }
        };
        specs.push(PageSpec {
            title,
            vars: Box::new(move |c| c.insert("alignment", &views.alignment(&root, page))),
            path,
            kind: PageKind::Alignment,
        });
    }
}
