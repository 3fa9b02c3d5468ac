//! What `okrs serve` keeps of a rebuild: the site as validated and its figures, so that
//! a save that changed only objectives' prose (titles, units, reviews, `extra:`, the
//! Markdown body) or measures (weights, starts, targets, tasks, hand grades), or check-in
//! files that read cleanly, is linted and rendered again without validating or computing
//! the whole site (docs/serve.md, "What happens on a save").

use chrono::NaiveDate;
use std::sync::Arc;

use crate::compute::{self, Figures};
use crate::diagnostics::Diagnostic;
use crate::model::{Content, Document, Site};
use crate::{Analysis, Options, as_of, linted, load, validate, validate_and_compute};

/// What `okrs serve` keeps of a rebuild, so that the next one, after local edits only,
/// lints and renders again without validating or computing the whole site.
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

    /// The analysis after `edits` (`FileCache::local_edits`) to the site this was, loaded
    /// again as `loaded` with the same okrs.yaml and theme; None when something else that
    /// validation or compute reads changed too: the as-of date (a new day), or whether
    /// there is a `people/` or `teams/` folder; or when validation may have more to say
    /// about an edited check-in file than that it is fine: it had words before, or a file
    /// that could not be read leaves gaps that matching its updates would have to mind.
    pub(crate) fn after_local_edits(
        &self,
        loaded: &load::Loaded,
        edits: &[Arc<Document>],
        options: &Options,
    ) -> Option<(Analysis, Checked)> {
        let same = as_of(options, &self.site) == self.as_of
            && loaded.has_people_folder == self.site.has_people_folder
            && loaded.has_teams_folder == self.site.has_teams_folder
            && loaded.documents.len() == self.site.documents.len();
        let checkins = || {
            edits
                .iter()
                .filter(|e| matches!(e.content, Content::Checkin(_)))
        };
        let clean = checkins().next().is_none()
            || (loaded.gaps.is_empty()
                && checkins().all(|e| self.earlier.iter().all(|d| d.file != e.path)));
        if !same || !clean {
            return None;
        }
        let (site, changed) = validate::with_local_edits(&self.site, edits)?;
        let figures = if changed.is_empty() {
            Arc::clone(&self.figures)
        } else {
            Arc::new(compute::after_edits(&self.figures, &site, &changed))
        };
        let checked = Checked {
            site: Arc::new(site),
            figures,
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

    /// A copy of the sample site `name`, its cache and its analysis, as `okrs serve` has
    /// them after its first build.
    fn analysed(name: &str) -> (tempfile::TempDir, FileCache, Checked) {
        let site = sample(name);
        let mut cache = FileCache::default();
        let loaded = cache.load(site.path(), None, &Changes::Everything);
        let (_, checked) = Checked::analyse(loaded, &options());
        (site, cache, checked)
    }

    /// Writes `text` to `file` and analyses the site again from `checked`, as `okrs
    /// serve` does after that save: Some when the edit was taken as local.
    fn after_save(
        cache: &mut FileCache,
        checked: &Checked,
        file: &std::path::Path,
        text: &str,
    ) -> Option<(Analysis, Checked)> {
        std::fs::write(file, text).unwrap();
        let root = file.ancestors().nth(2).unwrap();
        let loaded = cache.load(root, None, &Changes::Paths(vec![file.to_path_buf()]));
        let edits = cache.local_edits.clone()?;
        checked.after_local_edits(&loaded, &edits, &options())
    }

    #[test]
    fn prose_and_measure_edits_give_what_a_full_analysis_gives_and_others_are_not_taken_for_them() {
        let (site, mut cache, mut checked) = analysed("teebee");
        let root = site.path();
        let file = root.join("objectives/teebee-o1.md");
        let text = std::fs::read_to_string(&file).unwrap();
        let prose_and_measures = [
            text.replacen("title: ", "title: 改过的 ", 1),
            text.replacen("title: ", "title: x", 1) + "\n更多的说明。\n",
            text.clone() + "\n",
            text.replacen("weight: 2", "weight: 3", 1),
            text.replacen("target: 70", "target: 90", 1),
            text.replacen("start: 40", "start: 10", 1),
            text.replacen("done: true", "done: false", 1),
        ];
        for edit in prose_and_measures {
            let (analysis, next) = after_save(&mut cache, &checked, &file, &edit).expect(&edit);
            same(&analysis, &from_scratch(root));
            checked = next;
        }
        // A target now equal to its start is an error only validation gives.
        let equal = text.replacen("target: 70", "target: 40", 1);
        assert!(after_save(&mut cache, &checked, &file, &equal).is_none());
        let other = [
            text.replacen("title: ", "title: a\nperiod: 2099-q1\n# ", 1),
            // The metric in force changes: check-ins may no longer fit it.
            text.replacen("target: 70", "target: 30", 1),
            text.replacen("owner: li-si", "owner: zhang-wei", 1),
        ];
        for edit in other {
            std::fs::write(&file, &edit).unwrap();
            cache.load(root, None, &Changes::Paths(vec![file.clone()]));
            assert!(cache.local_edits.is_none(), "{edit}");
        }
        std::fs::remove_file(&file).unwrap();
        cache.load(root, None, &Changes::Paths(vec![file.clone()]));
        assert!(cache.local_edits.is_none(), "a file removed");
    }

    #[test]
    fn checkin_edits_give_what_a_full_analysis_gives_and_faulty_ones_are_analysed_afresh() {
        let (site, mut cache, mut checked) = analysed("teebee");
        let root = site.path();
        let weekly = root.join("checkins/2024-05-17-weekly.md");
        let uptime = root.join("checkins/2024-04-22-uptime.md");
        let weekly_text = std::fs::read_to_string(&weekly).unwrap();
        let uptime_text = std::fs::read_to_string(&uptime).unwrap();
        let satisfaction = "  - { kr: teebee-o2/satisfaction, value: 7.1, confidence: 6 }\n";
        let edits = [
            (&weekly, weekly_text.replacen("value: 24", "value: 31", 1)),
            (&weekly, weekly_text.replacen(satisfaction, "", 1)),
            (
                &weekly,
                weekly_text.replacen("confidence: 3", "confidence: 2", 1) + "\n又一条。\n",
            ),
            (&uptime, uptime_text.replacen("2024-04-22", "2024-05-06", 1)),
            (
                &uptime,
                uptime_text.replacen("teebee-reliability/uptime", "teebee-o2/satisfaction", 1),
            ),
            (
                &uptime,
                uptime_text.replacen("2024-04-22", "2024-05-17 09:30", 1),
            ),
            // The same moment as the weekly file's update of it: the file's order decides.
            (&uptime, uptime_text.replacen("2024-04-22", "2024-05-17", 1)),
        ];
        for (file, edit) in edits {
            let (analysis, next) = after_save(&mut cache, &checked, file, &edit).expect(&edit);
            same(&analysis, &from_scratch(root));
            checked = next;
        }
        // Validation has words for these, or had for the file before: analysed afresh.
        let faulty = [
            uptime_text.replacen("teebee-reliability/uptime", "teebee-o2/nothing", 1),
            uptime_text.clone(),
            uptime_text.replacen(
                "teebee-reliability/uptime",
                "\"teebee-o2/satisfaction \"",
                1,
            ),
        ];
        for edit in faulty {
            assert!(
                after_save(&mut cache, &checked, &uptime, &edit).is_none(),
                "{edit}"
            );
            checked = Checked::analyse(cache.load(root, None, &Changes::Everything), &options()).1;
        }
    }
}
