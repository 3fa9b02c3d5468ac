//! The `okrs` command line: its arguments (clap), each command's arguments read into what
//! the library takes, and the outcome mapped to an exit code ([`crate::Exit`]).

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::author::{self, NewPerson, NewTeam};
use crate::diagnostics::Format;
use crate::load::hints::{self, DateProblem};
use crate::message::{Message, cli, common};
use crate::model::Language;
use crate::msg;

mod commands;

#[derive(Parser)]
#[command(name = "okrs", version, about = "Static OKR report site generator")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of what okrs prints: en or zh-CN [default: the site's language].
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Language>,
}

// The site folder: the last argument of every command but `init`.
#[derive(Args)]
struct SiteArg {
    /// The site folder (the one with okrs.yaml).
    #[arg(default_value = ".")]
    site: PathBuf,
}

// `--as-of` of serve, build and check, read after clap so that a wrong date is told as
// okrs tells it (`parse_date`).
#[derive(Args)]
struct AsOfArg {
    /// Compute as of this date (YYYY-MM-DD).
    #[arg(long)]
    as_of: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the site with drafts, rebuilding and reloading the browser on every save.
    Serve(ServeArgs),
    /// Check the site, compute every figure and write the site to OUT.
    Build(BuildArgs),
    /// Check the site for errors and lint warnings.
    Check(CheckArgs),
    /// Write a new objective, check-in, team or person from a template (never overwrites).
    New {
        #[command(subcommand)]
        what: New,
    },
    /// Start a new site in DIR: a small working example to edit.
    Init(InitArgs),
}

#[derive(Args)]
struct ServeArgs {
    #[command(flatten)]
    site: SiteArg,
    /// The port to listen on.
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// The address to listen on; the default serves this machine only.
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    #[command(flatten)]
    as_of: AsOfArg,
    /// Open the site in a browser.
    #[arg(long)]
    open: bool,
}

#[derive(Args)]
struct BuildArgs {
    #[command(flatten)]
    site: SiteArg,
    /// The output folder [default: SITE/public].
    #[arg(short, long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    as_of: AsOfArg,
    /// Include draft objectives.
    #[arg(long)]
    drafts: bool,
    /// Replace OUT even if it is not empty and okrs did not write it (never the site
    /// or its content).
    #[arg(long)]
    force: bool,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    site: SiteArg,
    #[command(flatten)]
    as_of: AsOfArg,
    /// How to print the diagnostics.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    deny_warnings: bool,
}

#[derive(Args)]
struct InitArgs {
    /// The folder to create; it must be empty (hidden files such as .git are fine) or not exist.
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// The language of the site and its example content: en or zh-CN.
    #[arg(long, default_value = "en")]
    language: String,
}

#[derive(Subcommand)]
enum New {
    /// Write objectives/[TEAM/]ID.md, the id made from the title; or, with --carry, the
    /// continuation of an objective into a later period, beside it.
    Objective {
        #[command(flatten)]
        objective: ObjectiveArgs,
        #[command(flatten)]
        site: SiteArg,
    },
    /// Write checkins/DATE-OBJECTIVE-KR.md for one key result and show its new progress.
    Checkin {
        #[command(flatten)]
        checkin: CheckinArgs,
        #[command(flatten)]
        site: SiteArg,
    },
    /// Write teams/ID.md.
    Team {
        #[command(flatten)]
        team: NewTeam,
        #[command(flatten)]
        site: SiteArg,
    },
    /// Write people/ID.md.
    Person {
        #[command(flatten)]
        person: NewPerson,
        #[command(flatten)]
        site: SiteArg,
    },
}

// `okrs new objective`: a new objective (`author::NewObjective`) or, with `--carry`, a
// continuation (`author::CarryObjective`).
#[derive(Args)]
struct ObjectiveArgs {
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
}

// `okrs new checkin`, its value, confidence and date read after clap (`author::NewCheckin`).
#[derive(Args)]
struct CheckinArgs {
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
}

/// Runs the command line `args` (the program's name first) and tells how it ended.
pub fn run(args: Vec<OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(err) => return usage_error(&err, &args),
    };
    let lang = cli.lang;
    let ended = match cli.command {
        Command::Serve(args) => args.run(lang),
        Command::Build(args) => args.run(lang),
        Command::Check(args) => args.run(lang),
        Command::New { what } => what.run(lang),
        Command::Init(args) => args.run(lang),
    };
    match ended {
        Ok(exit) => exit.into(),
        Err(failure) => {
            print_error(failure.problem, failure.language);
            failure.exit.into()
        }
    }
}

/// A command line clap refused, told in the site's language; help and version as clap
/// prints them.
fn usage_error(err: &clap::Error, args: &[OsString]) -> ExitCode {
    match crate::usage::explain(err) {
        Some(problem) => {
            print_error(problem, crate::usage::language_of(args));
            crate::Exit::Usage.into()
        }
        None => {
            let _ = err.print();
            ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2))
        }
    }
}

/// Prints `error: …` in `language`.
fn print_error(message: impl Into<Message>, language: Language) {
    eprintln!(
        "{}",
        msg!(cli::ERROR_PREFIX, message = message.into()).text(language)
    );
}

/// `--lang`, read by clap before any site is: its own error is in English.
fn parse_lang(text: &str) -> Result<Language, String> {
    author::parse_language(text).map_err(|m| m.text(Language::En))
}

/// A date argument (`--as-of`, `--date`): YYYY-MM-DD; else what is wrong with it, and
/// the date to write where the text can be read as one.
fn parse_date(flag: &'static str, text: &str) -> Result<NaiveDate, Message> {
    if let Some(date) = crate::load::schema::parse_date(text) {
        return Ok(date);
    }
    Err(match hints::date(text) {
        DateProblem::NotADay(reason) => {
            msg!(cli::NOT_A_DAY, flag = flag, value = text, reason = reason)
        }
        DateProblem::Form(date) => {
            let hint = common::did_you_mean(date);
            msg!(cli::NOT_A_DATE, flag = flag, value = text, hint = hint)
        }
    })
}

/// An optional `--as-of`.
fn parse_as_of(text: Option<&str>) -> Result<Option<NaiveDate>, Message> {
    text.map(|t| parse_date("--as-of", t)).transpose()
}
