//! Where the alignment tree shows each objective (SPEC 9). Objectives may align to several
//! parents, so the tree of every path from the top would grow exponentially with the
//! layers; instead each objective is shown in full once, at its first place in reading
//! order, and every later place is one row that links to it ("see above"). A page shows
//! `DEPTH_LIMIT` levels; a subtree deeper than that gets a page of its own, which follows
//! the same rules. The layout is worked out once, without recursion, in time and memory
//! linear in the objectives and their alignments.

/// How many levels of objectives one alignment page shows.
pub const DEPTH_LIMIT: usize = 8;

/// The page an objective is shown on: the alignment page, or the page of a subtree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Main,
    /// An index into `Layout::subtrees`.
    Subtree(usize),
}

/// How a row shows its objective.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// In full, with its children below it, or, with `more`, on the page of that subtree.
    Full { more: Option<usize> },
    /// Already shown at its first place: a link there.
    Seen,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub objective: usize,
    pub depth: usize,
    pub shown: Shown,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The alignment page's sections, one for each list of roots given.
    pub sections: Vec<Vec<Row>>,
    /// The pages of deeper subtrees: their root objective and rows (the root first).
    pub subtrees: Vec<(usize, Vec<Row>)>,
    /// Each objective's first place, by objective index (none for one not in the tree).
    pub first: Vec<Option<Page>>,
}

/// Lays out the sections, each a list of root objectives, reading `children(o)` (in the
/// order shown) for every objective shown in full; `objectives` is how many there are.
pub fn layout(
    objectives: usize,
    sections: &[Vec<usize>],
    children: &dyn Fn(usize) -> Vec<usize>,
    depth_limit: usize,
) -> Layout {
    let depth_limit = depth_limit.max(1);
    let mut layout = Layout {
        sections: vec![Vec::new(); sections.len()],
        subtrees: Vec::new(),
        first: vec![None; objectives],
    };
    /// Where rows go: a section of the alignment page, or a subtree's page.
    #[derive(Clone, Copy)]
    enum Sink {
        Section(usize),
        Subtree(usize),
    }
    for (s, roots) in sections.iter().enumerate() {
        // Depth first, in order: the stack holds what is still to show, next on top.
        let mut stack: Vec<(usize, usize, Sink)> = roots
            .iter()
            .rev()
            .map(|&o| (o, 0, Sink::Section(s)))
            .collect();
        while let Some((o, depth, sink)) = stack.pop() {
            let page = match sink {
                Sink::Section(_) => Page::Main,
                Sink::Subtree(t) => Page::Subtree(t),
            };
            let shown = if layout.first[o].is_some() {
                Shown::Seen
            } else {
                layout.first[o] = Some(page);
                let below = children(o);
                if below.is_empty() {
                    Shown::Full { more: None }
                } else if depth + 1 < depth_limit {
                    stack.extend(below.into_iter().rev().map(|c| (c, depth + 1, sink)));
                    Shown::Full { more: None }
                } else {
                    // Cut here: the children go on a page of this objective's own.
                    let t = layout.subtrees.len();
                    let root = Row {
                        objective: o,
                        depth: 0,
                        shown: Shown::Full { more: None },
                    };
                    layout.subtrees.push((o, vec![root]));
                    stack.extend(below.into_iter().rev().map(|c| (c, 1, Sink::Subtree(t))));
                    Shown::Full { more: Some(t) }
                }
            };
            let row = Row {
                objective: o,
                depth,
                shown,
            };
            match sink {
                Sink::Section(i) => layout.sections[i].push(row),
                Sink::Subtree(t) => layout.subtrees[t].1.push(row),
            }
        }
    }
    layout
}

/// For each row of a list in order: whether its children's rows follow it, and how many
/// levels end after it.
pub fn nesting(rows: &[Row]) -> Vec<(bool, usize)> {
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

    #[test]
    fn an_objective_with_several_parents_is_shown_in_full_once() {
        // 0 and 1 at the top; 2 aligns to both; 3 aligns to 2.
        let children = |o: usize| match o {
            0 | 1 => vec![2],
            2 => vec![3],
            _ => vec![],
        };
        let l = layout(4, &[vec![0, 1]], &children, 8);
        assert_eq!(
            shape(&l.sections[0]),
            vec![
                (0, 0, FULL),
                (2, 1, FULL),
                (3, 2, FULL),
                (1, 0, FULL),
                (2, 1, Shown::Seen),
            ]
        );
        assert!(l.subtrees.is_empty());
        assert_eq!(l.first, vec![Some(Page::Main); 4]);
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
        let l = layout(width * layers, &[(0..width).collect()], &children, 100);
        let rows = l.sections[0].len();
        // Each objective once in full, plus one row per further alignment.
        let edges = width * width * (layers - 1);
        assert_eq!(rows, width + edges);
        let full = l.sections[0]
            .iter()
            .filter(|r| r.shown != Shown::Seen)
            .count();
        assert_eq!(full, width * layers);
    }

    #[test]
    fn a_chain_deeper_than_the_limit_continues_on_pages_of_its_own() {
        let n = 20;
        let children = |o: usize| if o + 1 < n { vec![o + 1] } else { vec![] };
        let l = layout(n, &[vec![0]], &children, 8);
        let main = &l.sections[0];
        assert_eq!(main.len(), 8);
        assert_eq!(
            main[7],
            Row {
                objective: 7,
                depth: 7,
                shown: Shown::Full { more: Some(0) }
            }
        );
        // Page 0: 7 at its top, then 8…14; 14 is cut again onto page 1.
        assert_eq!(l.subtrees[0].0, 7);
        let first_page: Vec<usize> = l.subtrees[0].1.iter().map(|r| r.objective).collect();
        assert_eq!(first_page, (7..15).collect::<Vec<_>>());
        assert_eq!(l.subtrees.len(), 2);
        assert_eq!(l.subtrees[1].1.last().unwrap().objective, n - 1);
        assert_eq!(l.first[8], Some(Page::Subtree(0)));
        assert_eq!(l.first[7], Some(Page::Main));
        // No page holds more than the limit of levels.
        for (_, rows) in &l.subtrees {
            assert!(rows.iter().all(|r| r.depth < 8));
        }
    }

    #[test]
    fn a_cycle_ends_where_it_comes_back() {
        let children = |o: usize| vec![(o + 1) % 3];
        let l = layout(3, &[vec![0]], &children, 8);
        assert_eq!(
            shape(&l.sections[0]),
            vec![
                (0, 0, FULL),
                (1, 1, FULL),
                (2, 2, FULL),
                (0, 3, Shown::Seen)
            ]
        );
    }

    #[test]
    fn nesting_opens_before_children_and_closes_each_level_after_the_last() {
        let row = |depth| Row {
            objective: 0,
            depth,
            shown: FULL,
        };
        let rows = [row(0), row(1), row(2), row(1), row(0)];
        assert_eq!(
            nesting(&rows),
            vec![(true, 0), (true, 0), (false, 1), (false, 1), (false, 0)]
        );
        assert_eq!(nesting(&[row(0), row(1), row(2)])[2], (false, 2));
    }
}
