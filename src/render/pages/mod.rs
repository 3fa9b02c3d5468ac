//! Every page of the site, one module per kind of page: each holds its page's context
//! building (as `impl Views` blocks) and the specs of its pages, which the renderer fills
//! in, in parallel. `lists` makes the full, paginated lists that summaries link to.

mod alignment;
mod checkins;
mod dashboard;
mod free;
mod lists;
mod objective;
mod period;
mod person;
mod review;
mod team;

use super::paths;
use super::views::Views;

/// The kinds of page: each has its template and its name (the `page_kind` templates get,
/// and the body's class `page-NAME`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PageKind {
    Dashboard,
    Periods,
    Period,
    Review,
    Objective,
    Teams,
    Team,
    People,
    Person,
    Alignment,
    Checkins,
    List,
    Page,
    Search,
    NotFound,
}

impl PageKind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            PageKind::Dashboard => "dashboard",
            PageKind::Periods => "periods",
            PageKind::Period => "period",
            PageKind::Review => "review",
            PageKind::Objective => "objective",
            PageKind::Teams => "teams",
            PageKind::Team => "team",
            PageKind::People => "people",
            PageKind::Person => "person",
            PageKind::Alignment => "alignment",
            PageKind::Checkins => "checkins",
            PageKind::List => "list",
            PageKind::Page => "page",
            PageKind::Search => "search",
            PageKind::NotFound => "not_found",
        }
    }

    pub(crate) fn template(self) -> &'static str {
        match self {
            PageKind::Dashboard => "dashboard.html",
            PageKind::Periods => "periods.html",
            PageKind::Period => "period.html",
            PageKind::Review => "review.html",
            PageKind::Objective => "objective.html",
            PageKind::Teams => "teams.html",
            PageKind::Team => "team.html",
            PageKind::People => "people.html",
            PageKind::Person => "person.html",
            PageKind::Alignment => "alignment.html",
            PageKind::Checkins => "checkins.html",
            PageKind::List => "list.html",
            PageKind::Page => "page.html",
            PageKind::Search => "search.html",
            PageKind::NotFound => "404.html",
        }
    }
}

/// A page's own variables, built only when the page is rendered so that a large site
/// never holds every page's context at once.
pub(crate) type Vars<'v> = Box<dyn Fn(&mut tera::Context) + Send + Sync + 'v>;

/// One page to render: where, of which kind, and its own variables.
pub(crate) struct PageSpec<'v> {
    /// The page's folder relative to the root ("" for the dashboard).
    pub(crate) path: String,
    pub(crate) kind: PageKind,
    pub(crate) title: String,
    pub(crate) vars: Vars<'v>,
}

impl PageSpec<'_> {
    pub(crate) fn output_path(&self) -> String {
        if self.kind == PageKind::NotFound {
            paths::NOT_FOUND.to_owned()
        } else {
            paths::index_file(&self.path)
        }
    }
}

/// Adds the specs of one group of pages.
type Group = for<'v> fn(&'v Views, &mut Vec<PageSpec<'v>>);

/// Every group of pages, in the order the site lists them, with the first folders of their
/// pages' paths ("" for a file at the root).
const GROUPS: [(Group, &[&str]); 9] = [
    (
        dashboard::specs,
        &["", paths::list::AT_RISK, paths::list::CHECKINS_DUE],
    ),
    (period::specs, &["periods"]),
    (review::specs, &["periods"]),
    (objective::specs, &["objectives"]),
    (team::specs, &["teams"]),
    (person::specs, &["people"]),
    (alignment::specs, &["alignment"]),
    (checkins::specs, &["checkins"]),
    (free::specs, &["", "pages", "search"]),
];

fn specs_of<'v, 'g>(
    views: &'v Views,
    groups: impl IntoIterator<Item = &'g (Group, &'g [&'g str])>,
) -> Vec<PageSpec<'v>> {
    let mut specs = Vec::new();
    for (add, _) in groups {
        add(views, &mut specs);
    }
    specs
}

/// Every page of the site.
pub(crate) fn page_specs(views: &Views) -> Vec<PageSpec<'_>> {
    specs_of(views, &GROUPS)
}

/// The page whose file is `output_path`: an objective's found directly, any other among
/// the pages of the groups whose paths begin with its first folder, and only when none of
/// them has it among all the others: `serve` renders a page on request without listing
/// every page of a large site.
pub(crate) fn page_spec<'v>(views: &'v Views, output_path: &str) -> Option<PageSpec<'v>> {
    if let Some(spec) = objective::spec_at(views, output_path) {
        return Some(spec);
    }
    let first = output_path.split_once('/').map_or("", |(first, _)| first);
    let (likely, others): (Vec<_>, Vec<_>) = GROUPS
        .iter()
        .partition(|(_, folders)| folders.contains(&first));
    [likely, others].into_iter().find_map(|groups| {
        specs_of(views, groups)
            .into_iter()
            .find(|s| s.output_path() == output_path)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_template() {
        assert_eq!(PageKind::Dashboard.template(), "dashboard.html");
        assert_eq!(PageKind::Search.template(), "search.html");
        assert_eq!(PageKind::NotFound.template(), "404.html");
        assert_eq!(PageKind::List.template(), "list.html");
        assert_eq!(PageKind::NotFound.name(), "not_found");
    }

    /// `serve` finds a page by its path among some groups only: it must find the page that
    /// the list of every page has at that path, for every page.
    #[test]
    fn every_page_is_found_by_its_path() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-okrs/acme");
        let views = views_of(&root);
        let all = page_specs(&views);
        each_page_is_found(&views);
        let kinds: std::collections::HashSet<&str> = all.iter().map(|s| s.kind.name()).collect();
        assert!(kinds.len() >= 12, "acme has most kinds of page: {kinds:?}");
        assert!(page_spec(&views, "objectives/nothing/index.html").is_none());
    }

    #[test]
    fn objectives_whose_folder_is_not_their_id_are_found_by_their_path() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir(site.path().join("objectives")).unwrap();
        std::fs::write(site.path().join("okrs.yaml"), "title: T\n").unwrap();
        let ids = ["con", "a:b", "x-deadbeef", "目标|一", "plain"];
        for (i, id) in ids.iter().enumerate() {
            let text = format!("---\nid: \"{id}\"\ntitle: O{i}\nperiod: 2024-Q1\n---\n");
            std::fs::write(site.path().join(format!("objectives/{i}.md")), text).unwrap();
        }
        let views = views_of(site.path());
        assert_eq!(views.site.objectives.len(), ids.len());
        let renamed = ids
            .iter()
            .filter(|id| paths::objective(id) != format!("objectives/{id}/"))
            .count();
        assert_eq!(renamed, 4, "all but `plain` get a safe folder name");
        each_page_is_found(&views);
    }

    fn views_of(root: &std::path::Path) -> Views {
        let options = crate::Options {
            as_of: None,
            include_drafts: true,
            output: None,
        };
        let analysis = crate::analyse(root, &options);
        Views::new(analysis.site, analysis.figures)
    }

    /// Every page is found at its path, as the first page of the list of every page there.
    fn each_page_is_found(views: &Views) {
        let mut seen = std::collections::HashSet::new();
        for spec in page_specs(views)
            .iter()
            .filter(|s| seen.insert(s.output_path()))
        {
            let path = spec.output_path();
            let found = page_spec(views, &path).expect("found");
            assert_eq!(
                (found.kind, &found.title),
                (spec.kind, &spec.title),
                "{path}"
            );
        }
    }
}
