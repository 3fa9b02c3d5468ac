//! What `okrs serve` keeps of a rebuild: the site as validated and its figures, so that
//! a save that changed only objectives' prose (titles, units, reviews, `extra:`, the
//! Markdown body) is linted and rendered again without validating or computing the whole
//! site (docs/serve.md, "What happens on a save").

use chrono::NaiveDate;
use std::sync::Arc;

use crate::compute::Figures;
use crate::diagnostics::Diagnostic;
use crate::model::{Document, Site};
use crate::{Analysis, Options, as_of, linted, load, validate, validate_and_compute};

/// What `okrs serve` keeps of a rebuild, so that the next one, after edits to objectives'
/// prose only, lints and renders again without validating or computing.
pub(crate) struct Checked {
    site: Arc<Site>,
    figures: Arc<Figures>,
    /// Loading's and validation's diagnostics, before the lints.
    earlier: Vec<Diagnostic>,
    as_of: NaiveDate,
}

impl Checked {
    /// Analyses what was loaded, as `analyse_loaded` does, keeping what the next rebuild
    /// can start from.
    pub(crate) fn analyse(loaded: load::Loaded, options: &Options) -> (Analysis, Checked) {
        let files = loaded.files;
        let (site, earlier, figures, as_of) = validate_and_compute(loaded, options);
        let checked = Checked {
            site: Arc::new(site),
            figures: Arc::new(figures),
            earlier,
            as_of,
        };
        (checked.lint(files), checked)
    }

    /// The analysis after `edits` (`FileCache::prose_edits`) to the site this was, loaded
    /// again as `loaded` with the same okrs.yaml and theme; None when something else that
    /// validation or compute reads changed too: the as-of date (a new day), or whether
    /// there is a `people/` or `teams/` folder.
    pub(crate) fn after_prose_edits(
        &self,
        loaded: &load::Loaded,
        edits: &[Arc<Document>],
        options: &Options,
    ) -> Option<(Analysis, Checked)> {
        let same = as_of(options, &self.site) == self.as_of
            && loaded.has_people_folder == self.site.has_people_folder
            && loaded.has_teams_folder == self.site.has_teams_folder
            && loaded.documents.len() == self.site.documents.len();
        if !same {
            return None;
        }
        let checked = Checked {
            site: Arc::new(validate::with_prose_edits(&self.site, edits)),
            figures: Arc::clone(&self.figures),
            earlier: self.earlier.clone(),
            as_of: self.as_of,
        };
        Some((checked.lint(loaded.files), checked))
    }

    fn lint(&self, files: usize) -> Analysis {
        let site = Arc::clone(&self.site);
        linted(site, Arc::clone(&self.figures), self.earlier.clone(), files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Changes, FileCache};

    /// A copy of the sample site `name` in a temporary folder.
    fn sample(name: &str) -> tempfile::TempDir {
        let site = tempfile::tempdir().unwrap();
        let from = std::path::Path::new("sample-okrs").join(name);
        for entry in walkdir::WalkDir::new(&from).into_iter().flatten() {
            let to = site.path().join(entry.path().strip_prefix(&from).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(to).unwrap();
            } else {
                std::fs::copy(entry.path(), to).unwrap();
            }
        }
        site
    }

    fn options() -> Options {
        Options {
            as_of: NaiveDate::from_ymd_opt(2024, 5, 20),
            include_drafts: true,
            output: None,
        }
    }

    /// The analysis of the site at `root` from scratch, to compare with one reused.
    fn from_scratch(root: &std::path::Path) -> Analysis {
        let loaded = FileCache::default().load(root, None, &Changes::Everything);
        Checked::analyse(loaded, &options()).0
    }

    fn same(a: &Analysis, b: &Analysis) {
        assert_eq!(a.diagnostics, b.diagnostics);
        assert_eq!(a.figures, b.figures);
        assert_eq!(format!("{:?}", a.site), format!("{:?}", b.site));
    }

    #[test]
    fn prose_edits_give_what_a_full_analysis_gives_and_other_edits_are_not_taken_for_them() {
        let site = sample("teebee");
        let root = site.path();
        let mut cache = FileCache::default();
        let (_, mut checked) =
            Checked::analyse(cache.load(root, None, &Changes::Everything), &options());
        let file = root.join("objectives/teebee-o1.md");
        let text = std::fs::read_to_string(&file).unwrap();
        let prose = [
            text.replacen("title: ", "title: 改过的 ", 1),
            text.replacen("title: ", "title: x", 1) + "\n更多的说明。\n",
            text.clone() + "\n",
        ];
        for edit in prose {
            std::fs::write(&file, &edit).unwrap();
            let loaded = cache.load(root, None, &Changes::Paths(vec![file.clone()]));
            let edits = cache.prose_edits.clone().expect("a prose edit");
            let (analysis, next) = checked
                .after_prose_edits(&loaded, &edits, &options())
                .unwrap();
            same(&analysis, &from_scratch(root));
            checked = next;
        }
        let other = [
            text.replacen("weight: 2", "weight: 3", 1),
            text.replacen("title: ", "title: a\nperiod: 2099-q1\n# ", 1),
        ];
        for edit in other {
            std::fs::write(&file, &edit).unwrap();
            cache.load(root, None, &Changes::Paths(vec![file.clone()]));
            assert!(cache.prose_edits.is_none(), "{edit}");
        }
        std::fs::remove_file(&file).unwrap();
        cache.load(root, None, &Changes::Paths(vec![file.clone()]));
        assert!(cache.prose_edits.is_none(), "a file removed");
    }
}
