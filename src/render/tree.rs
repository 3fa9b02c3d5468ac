//! Where the alignment tree shows each objective (docs/format.md#pages-at-company-scale). Objectives may align to several
//! parents, so the tree of every path from the top would grow exponentially with the
//! layers; instead each objective is shown in full once, at its first place in reading
//! order, and every later place is one row that links to it ("see above").
//!
//! Every page is bounded, whatever the shape of the tree: a page lists at most
//! `ROOTS_PER_PAGE` rows at its top (longer lists of roots continue on `page/2/` …), shows
//! `DEPTH_LIMIT` levels, inlines at most `BREADTH` children of one objective and at most
//! `ROW_BUDGET` rows below its top. An objective whose children do not all fit gets a page
//! of its own listing all of them (the first ones may already be shown above it), which
//! follows the same rules. Pages are laid out in order, breadth first (the alignment page,
//! then the pages it links to, …), without recursion, in time and memory linear in the
//! objectives and their alignments.

/// How many levels of objectives one alignment page shows.
pub(crate) const DEPTH_LIMIT: usize = 8;
/// How many rows one page lists at its top (roots, or the children of its objective).
pub(crate) const ROOTS_PER_PAGE: usize = 100;
/// How many children of one objective are shown in place, below it.
pub(crate) const BREADTH: usize = 20;
/// How many rows one page shows below the rows at its top.
pub(crate) const ROW_BUDGET: usize = 200;

/// The limits a layout keeps to (the constants above, smaller in tests).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    pub(crate) depth: usize,
    pub(crate) roots_per_page: usize,
    pub(crate) breadth: usize,
    pub(crate) row_budget: usize,
}

pub(crate) const LIMITS: Limits = Limits {
    depth: DEPTH_LIMIT,
    roots_per_page: ROOTS_PER_PAGE,
    breadth: BREADTH,
    row_budget: ROW_BUDGET,
};

/// How a row shows its objective.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shown {
    /// In full, with its children (or the first of them) below it; with `more`, all its
    /// children are on the first of that objective's own pages (an index into
    /// `Layout::pages`).
    Full { more: Option<usize> },
    /// Already shown at its first place: a link there.
    Seen,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    pub(crate) objective: usize,
    pub(crate) depth: usize,
    pub(crate) shown: Shown,
    /// On the alignment page, the section (strategy) of its root; 0 elsewhere.
    pub(crate) section: usize,
}

/// One alignment page: the alignment page itself (`top` none) or an objective's own page,
/// `number` of `of` when its list of roots is long.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TreePage {
    pub(crate) top: Option<usize>,
    pub(crate) number: usize,
    pub(crate) of: usize,
    /// In order; on an objective's page its own row first, at depth 0, the rest below it.
    pub(crate) rows: Vec<Row>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Layout {
    /// The alignment page's pages first, then the objectives' own pages in the order
    /// they were cut.
    pub(crate) pages: Vec<TreePage>,
    /// Each objective's first place, an index into `pages` (none for one not in the tree).
    pub(crate) first: Vec<Option<usize>>,
    /// For each objective that has pages of its own, the first of them.
    pub(crate) own_page: Vec<Option<usize>>,
}

/// Lays out the sections, each a list of root objectives, reading `children(o)` (in the
/// order shown) for every objective shown in full; `objectives` is how many there are.
pub(crate) fn layout(
    objectives: usize,
    sections: &[Vec<usize>],
    children: &dyn Fn(usize) -> Vec<usize>,
    limits: Limits,
) -> Layout {
    let depth_limit = limits.depth.max(1);
    let per_page = limits.roots_per_page.max(1);
    let mut layout = Layout {
        pages: Vec::new(),
        first: vec![None; objectives],
        own_page: vec![None; objectives],
    };
    let roots: Vec<(usize, usize)> = sections
        .iter()
        .enumerate()
        .flat_map(|(s, list)| list.iter().map(move |&o| (o, s)))
        .collect();
    add_pages(&mut layout, None, &roots, per_page);
    // Pages are laid out in order; laying one out may add pages after it.
    let mut next = 0;
    let mut tops: Vec<Vec<(usize, usize)>> = chunks(&roots, per_page);
    while next < layout.pages.len() {
        let page_roots = std::mem::take(&mut tops[next]);
        let base = usize::from(layout.pages[next].top.is_some());
        // Depth first, in order: the stack holds what is still to show, next on top.
        let mut stack: Vec<(usize, usize, usize)> = page_roots
            .iter()
            .rev()
            .map(|&(o, s)| (o, base, s))
            .collect();
        let mut budget = limits.row_budget;
        while let Some((o, depth, section)) = stack.pop() {
            let shown = if layout.first[o].is_some() {
                Shown::Seen
            } else {
                layout.first[o] = Some(next);
                let below = children(o);
                let fits = if depth + 1 < depth_limit {
                    below.len().min(limits.breadth)
                } else {
                    0
                };
                let inline = if fits <= budget { fits } else { 0 };
                budget -= inline;
                stack.extend(
                    below[..inline]
                        .iter()
                        .rev()
                        .map(|&c| (c, depth + 1, section)),
                );
                if inline < below.len() {
                    let own: Vec<(usize, usize)> = below.iter().map(|&c| (c, 0)).collect();
                    let first_own = layout.pages.len();
                    layout.own_page[o] = Some(first_own);
                    add_pages(&mut layout, Some(o), &own, per_page);
                    tops.extend(chunks(&own, per_page));
                    Shown::Full {
                        more: Some(first_own),
                    }
                } else {
                    Shown::Full { more: None }
                }
            };
            layout.pages[next].rows.push(Row {
                objective: o,
                depth,
                shown,
                section,
            });
        }
        next += 1;
    }
    layout
}

fn chunks(roots: &[(usize, usize)], per_page: usize) -> Vec<Vec<(usize, usize)>> {
    if roots.is_empty() {
        return vec![Vec::new()];
    }
    roots.chunks(per_page).map(<[_]>::to_vec).collect()
}

/// Adds the pages of one list of roots (at least one page, even for none), each with its
/// top objective's row first.
fn add_pages(layout: &mut Layout, top: Option<usize>, roots: &[(usize, usize)], per_page: usize) {
    let of = roots.len().div_ceil(per_page).max(1);
    for number in 1..=of {
        let rows = top
            .map(|o| Row {
                objective: o,
                depth: 0,
                shown: Shown::Full { more: None },
                section: 0,
            })
            .into_iter()
            .collect();
        layout.pages.push(TreePage {
            top,
            number,
            of,
            rows,
        });
    }
}

/// For each row of a list in order: whether its children's rows follow it, and how many
/// levels end after it.
pub(crate) fn nesting(rows: &[Row]) -> Vec<(bool, usize)> {
    rows.iter()
        .enumerate()
        .map(|(i, row)| {
            let next = rows.get(i + 1).map_or(0, |r| r.depth);
            if next > row.depth {
                (true, 0)
            } else {
                (false, row.depth - next)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(rows: &[Row]) -> Vec<(usize, usize, Shown)> {
        rows.iter()
            .map(|r| (r.objective, r.depth, r.shown))
            .collect()
    }

    const FULL: Shown = Shown::Full { more: None };

    fn limits(depth: usize) -> Limits {
        Limits { depth, ..LIMITS }
    }

    #[test]
    fn an_objective_with_several_parents_is_shown_in_full_once() {
        // 0 and 1 at the top; 2 aligns to both; 3 aligns to 2.
        let children = |o: usize| match o {
            0 | 1 => vec![2],
            2 => vec![3],
            _ => vec![],
        };
        let l = layout(4, &[vec![0, 1]], &children, limits(8));
        assert_eq!(l.pages.len(), 1);
        assert_eq!(
            shape(&l.pages[0].rows),
            vec![
                (0, 0, FULL),
                (2, 1, FULL),
                (3, 2, FULL),
                (1, 0, FULL),
                (2, 1, Shown::Seen),
            ]
        );
        assert_eq!(l.first, vec![Some(0); 4]);
    }

    #[test]
    fn layers_that_each_align_to_every_objective_above_stay_linear() {
        // 10 layers of 5, each objective aligned to all 5 of the layer above: 5^10 paths.
        let (width, layers) = (5, 10);
        let children = |o: usize| {
            let layer = o / width;
            if layer + 1 < layers {
                ((layer + 1) * width..(layer + 2) * width).collect()
            } else {
                vec![]
            }
        };
        let big = Limits {
            depth: 100,
            row_budget: 10_000,
            ..LIMITS
        };
        let l = layout(width * layers, &[(0..width).collect()], &children, big);
        let rows = l.pages[0].rows.len();
        // Each objective once in full, plus one row per further alignment.
        let edges = width * width * (layers - 1);
        assert_eq!(rows, width + edges);
        let full = l.pages[0]
            .rows
            .iter()
            .filter(|r| r.shown != Shown::Seen)
            .count();
        assert_eq!(full, width * layers);
    }

    #[test]
    fn a_chain_deeper_than_the_limit_continues_on_pages_of_its_own() {
        let n = 20;
        let children = |o: usize| if o + 1 < n { vec![o + 1] } else { vec![] };
        let l = layout(n, &[vec![0]], &children, limits(8));
        let main = &l.pages[0].rows;
        assert_eq!(main.len(), 8);
        assert_eq!(main[7].shown, Shown::Full { more: Some(1) });
        // Page 1: 7 at its top, then 8…14; 14 is cut again onto page 2.
        assert_eq!(l.pages[1].top, Some(7));
        let first_page: Vec<usize> = l.pages[1].rows.iter().map(|r| r.objective).collect();
        assert_eq!(first_page, (7..15).collect::<Vec<_>>());
        assert_eq!(l.pages.len(), 3);
        assert_eq!(l.pages[2].rows.last().unwrap().objective, n - 1);
        assert_eq!(l.first[8], Some(1));
        assert_eq!(l.first[7], Some(0));
        assert_eq!(l.own_page[7], Some(1));
        // No page holds more than the limit of levels.
        for page in &l.pages {
            assert!(page.rows.iter().all(|r| r.depth < 8));
        }
    }

    #[test]
    fn a_cycle_ends_where_it_comes_back() {
        let children = |o: usize| vec![(o + 1) % 3];
        let l = layout(3, &[vec![0]], &children, limits(8));
        assert_eq!(
            shape(&l.pages[0].rows),
            vec![
                (0, 0, FULL),
                (1, 1, FULL),
                (2, 2, FULL),
                (0, 3, Shown::Seen)
            ]
        );
    }

    #[test]
    fn a_wide_objective_shows_its_first_children_and_lists_all_on_its_own_pages() {
        // 0 has 250 children; the limits: 20 in place, 100 a page.
        let children = |o: usize| if o == 0 { (1..251).collect() } else { vec![] };
        let l = layout(251, &[vec![0]], &children, LIMITS);
        let main = &l.pages[0].rows;
        assert_eq!(main.len(), 1 + BREADTH);
        assert_eq!(main[0].shown, Shown::Full { more: Some(1) });
        // Its own pages: 250 children, 100 a page, each page with 0's row on top.
        let own: Vec<&TreePage> = l.pages.iter().filter(|p| p.top == Some(0)).collect();
        assert_eq!(own.len(), 3);
        assert_eq!(
            own.iter().map(|p| (p.number, p.of)).collect::<Vec<_>>(),
            vec![(1, 3), (2, 3), (3, 3)]
        );
        let listed: Vec<usize> = own
            .iter()
            .flat_map(|p| p.rows[1..].iter().map(|r| r.objective))
            .collect();
        assert_eq!(listed, (1..251).collect::<Vec<_>>());
        // The first ones were shown in place: there they link back up.
        assert_eq!(own[0].rows[1].shown, Shown::Seen);
        assert_eq!(own[0].rows[BREADTH + 1].shown, FULL);
        assert!(l.first.iter().all(Option::is_some));
    }

    #[test]
    fn every_page_stays_within_its_limits() {
        // 300 roots, each with 30 children, each of those with 30 more.
        let (roots, fan) = (300, 30);
        let n = roots + roots * fan + roots * fan * fan;
        let children = |o: usize| {
            let first = roots + o * fan;
            if first + fan <= n {
                (first..first + fan).collect()
            } else {
                vec![]
            }
        };
        let l = layout(n, &[(0..roots).collect()], &children, LIMITS);
        assert_eq!(l.pages.iter().filter(|p| p.top.is_none()).count(), 3);
        for page in &l.pages {
            let top = page
                .rows
                .iter()
                .filter(|r| r.depth == usize::from(page.top.is_some()))
                .count();
            assert!(top <= ROOTS_PER_PAGE, "{top} rows at the top");
            assert!(page.rows.len() <= 1 + ROOTS_PER_PAGE + ROW_BUDGET);
        }
        // Every objective is shown in full exactly once.
        let full = l
            .pages
            .iter()
            .flat_map(|p| &p.rows)
            .filter(|r| r.shown != Shown::Seen)
            .count()
            - l.pages.iter().filter(|p| p.top.is_some()).count();
        assert_eq!(full, n);
    }

    #[test]
    fn nesting_opens_before_children_and_closes_each_level_after_the_last() {
        let row = |depth| Row {
            objective: 0,
            depth,
            shown: FULL,
            section: 0,
        };
        let rows = [row(0), row(1), row(2), row(1), row(0)];
        assert_eq!(
            nesting(&rows),
            vec![(true, 0), (true, 0), (false, 1), (false, 1), (false, 0)]
        );
        assert_eq!(nesting(&[row(0), row(1), row(2)])[2], (false, 2));
    }
}
