//! The `okrs` command line: parses the arguments, calls the library, and maps the
//! outcome to exit codes (0 success, 1 content errors, 2 wrong usage).

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use okrs::author::{self, Outcome};
use okrs::diagnostics::{self, Format};
use okrs::load::hints::{self, DateProblem};
use okrs::message::{Message, cli, common, count};
use okrs::model::Language;
use okrs::msg;
use okrs::{Analysis, BuildResult, Options};

/// A build allocates and frees many small values on every core; jemalloc spends about
/// half the time the system allocator does on that (docs/performance.md).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[derive(Parser)]
#[command(name = "okrs", version, about = "Static OKR report site generator")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of what okrs prints: en or zh-CN [default: the site's language].
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Language>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the site with drafts, rebuilding and reloading the browser on every save.
    Serve {
        /// The site folder (the one with okrs.yaml).
        #[arg(default_value = ".")]
        site: PathBuf,
        /// The port to listen on.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; the default serves this machine only.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Compute as of this date (YYYY-MM-DD).
        #[arg(long)]
        as_of: Option<String>,
        /// Open the site in a browser.
        #[arg(long)]
        open: bool,
    },
    /// Check the site, compute every figure and write the site to OUT.
    Build {
        /// The site folder (the one with okrs.yaml).
        #[arg(default_value = ".")]
        site: PathBuf,
        /// The output folder [default: SITE/public].
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Compute as of this date (YYYY-MM-DD).
        #[arg(long)]
        as_of: Option<String>,
        /// Include draft objectives.
        #[arg(long)]
        drafts: bool,
        /// Replace OUT even if it is not empty and okrs did not write it (never the site
        /// or its content).
        #[arg(long)]
        force: bool,
    },
    /// Check the site for errors and lint warnings.
    Check {
        /// The site folder (the one with okrs.yaml).
        #[arg(default_value = ".")]
        site: PathBuf,
        /// Compute as of this date (YYYY-MM-DD).
        #[arg(long)]
        as_of: Option<String>,
        /// How to print the diagnostics.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Write a new objective, check-in, team or person from a template (never overwrites).
    New {
        #[command(subcommand)]
        what: New,
    },
    /// Start a new site in DIR: a small working example to edit.
    Init {
        /// The folder to create; it must be empty (hidden files such as .git are fine) or not exist.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The language of the site and its example content: en or zh-CN.
        #[arg(long, default_value = "en")]
        language: String,
    },
}

#[derive(Subcommand)]
enum New {
    /// Write objectives/[TEAM/]ID.md, the id made from the title; or, with --carry, the
    /// continuation of an objective into a later period, beside it.
    Objective {
        /// The objective.
        #[arg(long, allow_hyphen_values = true, required_unless_present = "carry")]
        title: Option<String>,
        /// A calendar period (2024, 2024-H1, 2024-Q2) or a custom period of okrs.yaml
        /// [with --carry, default: the next period of the same kind].
        #[arg(long, required_unless_present = "carry")]
        period: Option<String>,
        /// The team (its id); the file goes to objectives/TEAM/.
        #[arg(long)]
        team: Option<String>,
        /// The owner (a person id, or a name).
        #[arg(long)]
        owner: Option<String>,
        /// A strategy or objective it aligns to (repeat for several).
        #[arg(long = "aligns-to", value_name = "ID")]
        aligns_to: Vec<String>,
        /// The id and file name [default: a slug of an ASCII title, else TEAM-PERIOD-oN
        /// such as sales-2025-q2-o3; with --carry, the old id with the new period in it].
        #[arg(long)]
        id: Option<String>,
        /// Continue this objective: same title, owner, team, alignment, commitment and
        /// weight, with its key results that are not done, each starting where it stands.
        #[arg(long, value_name = "ID", conflicts_with_all = ["title", "team", "owner", "aligns_to"])]
        carry: Option<String>,
        /// With --carry: judge what is done, and where each key result stands, as of this
        /// date (YYYY-MM-DD) [default: the site's as-of date].
        // `requires` alone yields to a present argument that --carry conflicts with.
        #[arg(
            long,
            requires = "carry",
            conflicts_with_all = ["title", "team", "owner", "aligns_to"]
        )]
        as_of: Option<String>,
        /// The site folder (the one with okrs.yaml).
        #[arg(default_value = ".")]
        site: PathBuf,
    },
    /// Write checkins/DATE-OBJECTIVE-KR.md for one key result and show its new progress.
    Checkin {
        /// The key result's full id, OBJECTIVE/KR.
        kr: String,
        /// Its current value (for a number: increase, decrease, stay_above, stay_below).
        #[arg(long, allow_negative_numbers = true)]
        value: Option<String>,
        /// A milestone is done.
        #[arg(long, conflicts_with_all = ["value", "not_done"])]
        done: bool,
        /// A milestone is not done yet.
        #[arg(long, conflicts_with = "value")]
        not_done: bool,
        /// How sure the owner is that the key result will be met, 0–10.
        #[arg(long)]
        confidence: Option<String>,
        /// The day of the check-in (YYYY-MM-DD), written without a time [default: now, as
        /// today's date with the local time of day].
        #[arg(long)]
        date: Option<String>,
        /// The notes, in Markdown: what happened, what blocks, what comes next.
        #[arg(long, allow_hyphen_values = true)]
        note: Option<String>,
        /// Who checks in.
        #[arg(long)]
        author: Option<String>,
        /// The site folder (the one with okrs.yaml).
        #[arg(default_value = ".")]
        site: PathBuf,
    },
    /// Write teams/ID.md.
    Team {
        /// The team's id (and file name).
        id: String,
        /// Its display name.
        #[arg(long, allow_hyphen_values = true)]
        name: String,
        /// Its parent team.
        #[arg(long)]
        parent: Option<String>,
        /// Its lead (a person).
        #[arg(long)]
        lead: Option<String>,
        /// The site folder (the one with okrs.yaml).
        #[arg(default_value = ".")]
        site: PathBuf,
    },
    /// Write people/ID.md.
    Person {
        /// The person's id (and file name).
        id: String,
        /// Their display name.
        #[arg(long, allow_hyphen_values = true)]
        name: String,
        /// Their team.
        #[arg(long)]
        team: Option<String>,
        /// The site folder (the one with okrs.yaml).
        #[arg(default_value = ".")]
        site: PathBuf,
    },
}

impl New {
    /// The site folder the command writes into.
    fn site(&self) -> &Path {
        match self {
            New::Objective { site, .. }
            | New::Checkin { site, .. }
            | New::Team { site, .. }
            | New::Person { site, .. } => site,
        }
    }
}

/// `--lang`, read by clap before any site is: its own error is in English.
fn parse_lang(text: &str) -> Result<Language, String> {
    author::parse_language(text).map_err(|m| m.text(Language::En))
}

/// A date argument (`--as-of`, `--date`): YYYY-MM-DD; else what is wrong with it, and
/// the date to write where the text can be read as one.
fn parse_date(flag: &'static str, text: &str) -> Result<NaiveDate, Message> {
    if let Some(date) = okrs::load::schema::parse_date(text) {
        return Ok(date);
    }
    Err(match hints::date(text) {
        DateProblem::NotADay(reason) => {
            msg!(cli::NOT_A_DAY, flag = flag, value = text, reason = reason)
        }
        DateProblem::Form(date) => {
            let hint = date.map(|d| msg!(common::DID_YOU_MEAN, suggestion = d));
            msg!(cli::NOT_A_DATE, flag = flag, value = text, hint = hint)
        }
    })
}

/// An optional `--as-of`.
fn as_of_arg(text: Option<&str>) -> Result<Option<NaiveDate>, Message> {
    text.map(|t| parse_date("--as-of", t)).transpose()
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(err) => return usage_error(&err, &args),
    };
    // Parsing and rendering walk nested structures recursively on rayon's threads; give
    // them the stack a main thread has. (Failing to set it leaves rayon's default.)
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(8 << 20)
        .build_global();
    let lang = cli.lang;
    match cli.command {
        Command::Serve {
            site,
            port,
            bind,
            as_of,
            open,
        } => serve(site, bind, port, as_of.as_deref(), open, lang),
        Command::Check {
            site,
            as_of,
            format,
            deny_warnings,
        } => check(&site, as_of.as_deref(), format, deny_warnings, lang),
        Command::Build {
            site,
            output,
            as_of,
            drafts,
            force,
        } => build(&site, output, as_of.as_deref(), drafts, force, lang),
        Command::New { what } => {
            // The language of the site written into, unless --lang says another.
            let language = lang.unwrap_or_else(|| author::site_language(what.site()));
            report(new(what, language), language)
        }
        Command::Init { dir, language } => init(&dir, &language, lang),
    }
}

/// A command line clap refused, told in the site's language; help and version as clap
/// prints them.
fn usage_error(err: &clap::Error, args: &[std::ffi::OsString]) -> ExitCode {
    match okrs::usage::explain(err) {
        Some(problem) => {
            print_error(problem, okrs::usage::language_of(args));
            ExitCode::from(2)
        }
        None => {
            let _ = err.print();
            ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2))
        }
    }
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn init(dir: &Path, language: &str, lang: Option<Language>) -> ExitCode {
    let language = match author::parse_language(language) {
        Ok(language) => language,
        Err(problem) => {
            print_error(problem, lang.unwrap_or_default());
            return ExitCode::from(2);
        }
    };
    // What init prints is in the new site's language, unless --lang says another.
    let lang = lang.unwrap_or(language);
    report(author::init(dir, language, today(), lang), lang)
}

fn new(what: New, lang: Language) -> Result<Outcome, author::Error> {
    let usage = author::Error::Usage;
    match what {
        New::Objective {
            carry: Some(from),
            period,
            id,
            as_of,
            site,
            ..
        } => author::carry_objective(
            &site,
            &author::CarryObjective {
                from,
                period,
                id,
                as_of: as_of_arg(as_of.as_deref()).map_err(usage)?,
            },
            lang,
        ),
        New::Objective {
            title,
            period,
            team,
            owner,
            aligns_to,
            id,
            site,
            ..
        } => match (title, period) {
            (Some(title), Some(period)) => author::new_objective(
                &site,
                &author::NewObjective {
                    title,
                    period,
                    team,
                    owner,
                    aligns_to,
                    id,
                },
                lang,
            ),
            _ => Err(usage(msg!(cli::NEW_OBJECTIVE_NEEDS))),
        },
        New::Checkin {
            kr,
            value,
            done,
            not_done,
            confidence,
            date,
            note,
            author,
            site,
        } => {
            let value = value.as_deref().map(author::parse_value).transpose();
            let confidence = confidence.as_deref().map(author::parse_confidence);
            let date = date.as_deref().map(|d| parse_date("--date", d));
            author::new_checkin(
                &site,
                &author::NewCheckin {
                    kr,
                    value: value.map_err(usage)?,
                    done: (done || not_done).then_some(done),
                    confidence: confidence.transpose().map_err(usage)?,
                    date: date.transpose().map_err(usage)?,
                    note,
                    author,
                },
                chrono::Local::now().naive_local(),
                lang,
            )
        }
        New::Team {
            id,
            name,
            parent,
            lead,
            site,
        } => author::new_team(
            &site,
            &author::NewTeam {
                id,
                name,
                parent,
                lead,
            },
            lang,
        ),
        New::Person {
            id,
            name,
            team,
            site,
        } => author::new_person(&site, &author::NewPerson { id, name, team }, lang),
    }
}

/// Prints what `okrs new` or `okrs init` did, or why it did nothing, in `lang`.
fn report(result: Result<Outcome, author::Error>, lang: Language) -> ExitCode {
    match result {
        Ok(outcome) => {
            for line in &outcome.report {
                println!("{line}");
            }
            for note in &outcome.notes {
                eprintln!("{note}");
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            print_error(err.message().clone(), lang);
            ExitCode::from(err.exit_code())
        }
    }
}

fn serve(
    site: PathBuf,
    bind: std::net::IpAddr,
    port: u16,
    as_of: Option<&str>,
    open: bool,
    lang: Option<Language>,
) -> ExitCode {
    if let Err(code) = require_site(&site, lang) {
        return code;
    }
    let language = lang.unwrap_or_else(|| author::site_language(&site));
    let as_of = match as_of_arg(as_of) {
        Ok(as_of) => as_of,
        Err(problem) => {
            print_error(problem, language);
            return ExitCode::from(2);
        }
    };
    let options = okrs::serve::ServeOptions {
        site,
        bind,
        port,
        as_of,
        open,
        lang,
    };
    match okrs::serve::serve(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            print_error(err.message(), language);
            ExitCode::from(1)
        }
    }
}

fn require_site(site: &Path, lang: Option<Language>) -> Result<(), ExitCode> {
    if okrs::is_site(site) {
        return Ok(());
    }
    let problem = msg!(cli::NOT_A_SITE, site = site.display().to_string());
    print_error(problem, lang.unwrap_or_default());
    Err(ExitCode::from(2))
}

fn print_error(message: impl Into<Message>, language: Language) {
    eprintln!(
        "{}",
        msg!(cli::ERROR_PREFIX, message = message.into()).text(language)
    );
}

fn color_for(stream_is_terminal: bool) -> bool {
    stream_is_terminal && std::env::var_os("NO_COLOR").is_none()
}

/// The site is there and `--as-of` is a date: the date; else the exit code, the
/// problem printed in `lang` or the site's language.
fn site_and_as_of(
    site: &Path,
    as_of: Option<&str>,
    lang: Option<Language>,
) -> Result<Option<NaiveDate>, ExitCode> {
    require_site(site, lang)?;
    as_of_arg(as_of).map_err(|problem| {
        print_error(problem, lang.unwrap_or_else(|| author::site_language(site)));
        ExitCode::from(2)
    })
}

fn check(
    site: &Path,
    as_of: Option<&str>,
    format: Format,
    deny_warnings: bool,
    lang: Option<Language>,
) -> ExitCode {
    let as_of = match site_and_as_of(site, as_of, lang) {
        Ok(as_of) => as_of,
        Err(code) => return code,
    };
    let analysis = okrs::analyse(
        site,
        &Options {
            as_of,
            ..Options::default()
        },
    );
    let language = lang.unwrap_or(analysis.site.config.language);
    let color = color_for(std::io::stdout().is_terminal());
    let out = diagnostics::render(&analysis.diagnostics, format, color, language);
    // A closed pipe (`okrs check | head`) is not an error worth reporting.
    let _ = std::io::stdout().write_all(out.as_bytes());
    let summary = diagnostics::summary(&analysis.diagnostics, analysis.files);
    eprintln!(
        "{}",
        msg!(cli::CHECK_DONE, summary = summary).text(language)
    );
    let (errors, warnings) = diagnostics::count(&analysis.diagnostics);
    if errors > 0 || (deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn build(
    site: &Path,
    output: Option<PathBuf>,
    as_of: Option<&str>,
    drafts: bool,
    force: bool,
    lang: Option<Language>,
) -> ExitCode {
    let as_of = match site_and_as_of(site, as_of, lang) {
        Ok(as_of) => as_of,
        Err(code) => return code,
    };
    let started = Instant::now();
    let output = output.unwrap_or_else(|| site.join("public"));
    if let Some(problem) = okrs::unsafe_output(site, &output, force) {
        print_error(problem, lang.unwrap_or_else(|| author::site_language(site)));
        return ExitCode::from(2);
    }
    // Build where the output really is: a symbolic link to the output folder is kept,
    // and its target replaced.
    let output = okrs::real_path(&output);
    let analysis: Analysis = okrs::analyse(
        site,
        &Options {
            as_of,
            include_drafts: drafts,
            output: Some(output.clone()),
        },
    );
    let language = lang.unwrap_or(analysis.site.config.language);
    let color = color_for(std::io::stderr().is_terminal());
    eprint!(
        "{}",
        diagnostics::render(&analysis.diagnostics, Format::Human, color, language)
    );
    let (errors, warnings) = diagnostics::count(&analysis.diagnostics);
    // A counter on a terminal only, redrawn every 1% on one line.
    let terminal = std::io::stderr().is_terminal();
    let progress = move |done: usize, total: usize| {
        if total >= 500 && (done * 100 / total != (done - 1) * 100 / total || done == total) {
            eprint!(
                "\r{}{}",
                msg!(cli::RENDERING, done = done, total = total).text(language),
                if done == total { "\n" } else { "" }
            );
        }
    };
    let progress: Option<okrs::render::Progress> = terminal.then_some(&progress);
    match okrs::build(&analysis, &output, progress) {
        Ok(BuildResult::ContentErrors) => {
            let summary = diagnostics::summary(&analysis.diagnostics, analysis.files);
            let shown = output.display().to_string();
            let refused = msg!(cli::BUILD_REFUSED, summary = summary, output = shown);
            eprintln!("{}", refused.text(language));
            ExitCode::from(1)
        }
        Ok(BuildResult::TemplateErrors(errors)) => {
            eprint!(
                "{}",
                diagnostics::render(&errors, Format::Human, color, language)
            );
            let shown = output.display().to_string();
            let failed = msg!(cli::BUILD_TEMPLATE_FAILED, output = shown);
            eprintln!("{}", failed.text(language));
            ExitCode::from(1)
        }
        Ok(BuildResult::Written { pages, files }) => {
            let written = msg!(
                cli::BUILD_WRITTEN,
                pages = count(pages, &cli::ONE_PAGE, &cli::PAGES),
                files = count(files, &common::ONE_FILE, &common::FILES),
                output = output.display().to_string(),
                seconds = format!("{:.2}", started.elapsed().as_secs_f64()),
                warnings = count(warnings, &common::ONE_WARNING, &common::WARNINGS),
                as_of = analysis.figures.as_of.to_string(),
            );
            eprintln!("{}", written.text(language));
            debug_assert_eq!(errors, 0);
            ExitCode::SUCCESS
        }
        Err(err) => {
            let shown = output.display().to_string();
            let failed = msg!(
                cli::BUILD_CANNOT_WRITE,
                output = shown,
                error = err.to_string()
            );
            print_error(failed, language);
            ExitCode::from(1)
        }
    }
}
