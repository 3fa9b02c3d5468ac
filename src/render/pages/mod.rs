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
pub enum PageKind {
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
    pub fn name(self) -> &'static str {
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

    pub fn template(self) -> &'static str {
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
    pub path: String,
    pub kind: PageKind,
    pub title: String,
    pub vars: Vars<'v>,
}

impl PageSpec<'_> {
    pub fn output_path(&self) -> String {
        if self.kind == PageKind::NotFound {
            paths::NOT_FOUND.to_owned()
        } else {
            paths::index_file(&self.path)
        }
    }
}

/// Every page of the site.
pub(crate) fn page_specs(views: &Views) -> Vec<PageSpec<'_>> {
    let mut specs = Vec::new();
    dashboard::specs(views, &mut specs);
    period::specs(views, &mut specs);
    review::specs(views, &mut specs);
    objective::specs(views, &mut specs);
    team::specs(views, &mut specs);
    person::specs(views, &mut specs);
    alignment::specs(views, &mut specs);
    checkins::specs(views, &mut specs);
    free::specs(views, &mut specs);
    specs
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
}
