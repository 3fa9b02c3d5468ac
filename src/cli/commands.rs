//! What each command does with its arguments: the library it calls, what it prints, and
//! how it ends ([`Exit`]).

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Instant;

use super::*;
use crate::author::Outcome;
use crate::diagnostics;
use crate::message::count;
use crate::{Analysis, BuildResult, Exit, Options, write};

/// Why a command stopped: `problem`, printed as `error: …` in `language`, and its exit.
pub(super) struct Failure {
    pub(super) exit: Exit,
    pub(super) problem: Message,
    pub(super) language: Language,
}

/// How a command ended: its exit, or why it stopped.
pub(super) type Ended = Result<Exit, Failure>;

fn fail(exit: Exit, problem: impl Into<Message>, language: Language) -> Failure {
    Failure {
        exit,
        problem: problem.into(),
        language,
    }
}

/// The language okrs speaks in about `site`: `--lang`, else the site's.
fn language(lang: Option<Language>, site: &Path) -> Language {
    lang.unwrap_or_else(|| author::site_language(site))
}

/// The site is there and `--as-of` is a date: the date; else the problem, printed.
fn site_and_as_of(
    site: &Path,
    as_of: &AsOfArg,
    lang: Option<Language>,
) -> Result<Option<NaiveDate>, Failure> {
    crate::require_site(site)
        .map_err(|problem| fail(Exit::Usage, problem, language(lang, site)))?;
    parse_as_of(as_of.as_of.as_deref())
        .map_err(|problem| fail(Exit::Usage, problem, language(lang, site)))
}

impl ServeArgs {
    pub(super) fn run(self, lang: Option<Language>) -> Ended {
        let site = self.site.site;
        let as_of = site_and_as_of(&site, &self.as_of, lang)?;
        let language = language(lang, &site);
        let options = crate::serve::ServeOptions {
            site,
            bind: self.bind,
            port: self.port,
            as_of,
            open: self.open,
            lang,
        };
        match crate::serve::serve(options) {
            Ok(()) => Ok(Exit::Success),
            Err(err) => Err(fail(Exit::Failed, err.message(), language)),
        }
    }
}

impl CheckArgs {
    pub(super) fn run(self, lang: Option<Language>) -> Ended {
        let site = &self.site.site;
        let as_of = site_and_as_of(site, &self.as_of, lang)?;
        let options = Options {
            as_of,
            ..Options::default()
        };
        let analysis = crate::analyse(site, &options);
        let language = lang.unwrap_or(analysis.site.config.language);
        let color = diagnostics::color(&std::io::stdout());
        let out = diagnostics::render(&analysis.diagnostics, self.format, color, language);
        // A closed pipe (`okrs check | head`) is not an error worth reporting.
        let _ = std::io::stdout().write_all(out.as_bytes());
        let summary = diagnostics::summary(&analysis.diagnostics, analysis.files);
        let done = msg!(cli::CHECK_DONE, summary = summary);
        eprintln!("{}", done.text(language));
        let (errors, warnings) = diagnostics::count(&analysis.diagnostics);
        if errors > 0 || (self.deny_warnings && warnings > 0) {
            Ok(Exit::Failed)
        } else {
            Ok(Exit::Success)
        }
    }
}

impl BuildArgs {
    pub(super) fn run(self, lang: Option<Language>) -> Ended {
        let site = &self.site.site;
        let as_of = site_and_as_of(site, &self.as_of, lang)?;
        let started = Instant::now();
        let output = write::output_folder(site, self.output.as_deref());
        if let Some(problem) = write::unsafe_output(site, &output, self.force) {
            return Err(fail(Exit::Usage, problem, language(lang, site)));
        }
        // Build where the output really is: a symbolic link to the output folder is kept,
        // and its target replaced.
        let output = write::real_path(&output);
        let options = Options {
            as_of,
            include_drafts: self.drafts,
            output: Some(output.clone()),
        };
        let analysis = crate::analyse(site, &options);
        let language = lang.unwrap_or(analysis.site.config.language);
        let color = diagnostics::color(&std::io::stderr());
        let listing = diagnostics::render(&analysis.diagnostics, Format::Human, color, language);
        eprint!("{listing}");
        let progress = progress(language);
        let progress: Option<crate::render::Progress> =
            std::io::stderr().is_terminal().then_some(&progress);
        let result = crate::build(&analysis, &output, progress);
        let built = Built {
            analysis: &analysis,
            output: &output,
            started,
            color,
            language,
        };
        built.report(result)
    }
}

/// A counter of the pages rendered (for a terminal), redrawn every 1% on one line.
fn progress(language: Language) -> impl Fn(usize, usize) + Sync {
    move |done: usize, total: usize| {
        if total >= 500 && (done * 100 / total != (done - 1) * 100 / total || done == total) {
            eprint!(
                "\r{}{}",
                msg!(cli::RENDERING, done = done, total = total).text(language),
                if done == total { "\n" } else { "" }
            );
        }
    }
}

/// A build that ran, for saying what it did.
struct Built<'a> {
    analysis: &'a Analysis,
    output: &'a Path,
    started: Instant,
    color: bool,
    language: Language,
}

impl Built<'_> {
    fn report(&self, result: std::io::Result<BuildResult>) -> Ended {
        let (analysis, language) = (self.analysis, self.language);
        let output = self.output.display().to_string();
        match result {
            Ok(BuildResult::ContentErrors) => {
                let summary = diagnostics::summary(&analysis.diagnostics, analysis.files);
                let refused = msg!(cli::BUILD_REFUSED, summary = summary, output = output);
                eprintln!("{}", refused.text(language));
                Ok(Exit::Failed)
            }
            Ok(BuildResult::TemplateErrors(errors)) => {
                let listing = diagnostics::render(&errors, Format::Human, self.color, language);
                eprint!("{listing}");
                let failed = msg!(cli::BUILD_TEMPLATE_FAILED, output = output);
                eprintln!("{}", failed.text(language));
                Ok(Exit::Failed)
            }
            Ok(BuildResult::Written { pages, files }) => {
                let (errors, warnings) = diagnostics::count(&analysis.diagnostics);
                let written = msg!(
                    cli::BUILD_WRITTEN,
                    pages = count(pages, &cli::ONE_PAGE, &cli::PAGES),
                    files = count(files, &common::ONE_FILE, &common::FILES),
                    output = output,
                    seconds = format!("{:.2}", self.started.elapsed().as_secs_f64()),
                    warnings = count(warnings, &common::ONE_WARNING, &common::WARNINGS),
                    as_of = analysis.figures.as_of.to_string(),
                );
                eprintln!("{}", written.text(language));
                debug_assert_eq!(errors, 0);
                Ok(Exit::Success)
            }
            Err(err) => {
                let error = err.to_string();
                let failed = msg!(cli::BUILD_CANNOT_WRITE, output = output, error = error);
                Err(fail(Exit::Failed, failed, language))
            }
        }
    }
}

impl New {
    pub(super) fn run(self, lang: Option<Language>) -> Ended {
        // The language of the site written into, unless --lang says another.
        let language = language(lang, self.site());
        report(self.write(language), language)
    }

    /// The site folder the command writes into.
    fn site(&self) -> &Path {
        match self {
            New::Objective { site, .. }
            | New::Checkin { site, .. }
            | New::Team { site, .. }
            | New::Person { site, .. } => &site.site,
        }
    }

    fn write(self, lang: Language) -> Result<Outcome, author::Error> {
        match self {
            New::Objective { objective, site } => objective.write(&site.site, lang),
            New::Checkin { checkin, site } => checkin.write(&site.site, lang),
            New::Team { team, site } => author::new_team(&site.site, &team, lang),
            New::Person { person, site } => author::new_person(&site.site, &person, lang),
        }
    }
}

impl ObjectiveArgs {
    fn write(self, site: &Path, lang: Language) -> Result<Outcome, author::Error> {
        let usage = author::Error::Usage;
        if let Some(from) = self.carry {
            let carry = author::CarryObjective {
                from,
                period: self.period,
                id: self.id,
                as_of: parse_as_of(self.as_of.as_deref()).map_err(usage)?,
            };
            return author::carry_objective(site, &carry, lang);
        }
        let (Some(title), Some(period)) = (self.title, self.period) else {
            return Err(usage(msg!(cli::NEW_OBJECTIVE_NEEDS)));
        };
        let objective = author::NewObjective {
            title,
            period,
            team: self.team,
            owner: self.owner,
            aligns_to: self.aligns_to,
            id: self.id,
        };
        author::new_objective(site, &objective, lang)
    }
}

impl CheckinArgs {
    fn write(self, site: &Path, lang: Language) -> Result<Outcome, author::Error> {
        let usage = author::Error::Usage;
        let value = self.value.as_deref().map(author::parse_value).transpose();
        let confidence = self.confidence.as_deref().map(author::parse_confidence);
        let date = self.date.as_deref().map(|d| parse_date("--date", d));
        let checkin = author::NewCheckin {
            kr: self.kr,
            value: value.map_err(usage)?,
            done: (self.done || self.not_done).then_some(self.done),
            confidence: confidence.transpose().map_err(usage)?,
            date: date.transpose().map_err(usage)?,
            note: self.note,
            author: self.author,
        };
        let now = chrono::Local::now().naive_local();
        author::new_checkin(site, &checkin, now, lang)
    }
}

impl InitArgs {
    pub(super) fn run(self, lang: Option<Language>) -> Ended {
        let language = match author::parse_language(&self.language) {
            Ok(language) => language,
            Err(problem) => return Err(fail(Exit::Usage, problem, lang.unwrap_or_default())),
        };
        // What init prints is in the new site's language, unless --lang says another.
        let lang = lang.unwrap_or(language);
        let today = chrono::Local::now().date_naive();
        report(author::init(&self.dir, language, today, lang), lang)
    }
}

/// Prints what `okrs new` or `okrs init` did, or why it did nothing, in `lang`.
fn report(result: Result<Outcome, author::Error>, lang: Language) -> Ended {
    match result {
        Ok(outcome) => {
            for line in &outcome.report {
                println!("{line}");
            }
            for note in &outcome.notes {
                eprintln!("{note}");
            }
            Ok(Exit::Success)
        }
        Err(err) => Err(fail(err.exit(), err.message().clone(), lang)),
    }
}
