//! The `okrs` command line: parses the arguments, calls the library, and maps the
//! outcome to exit codes (0 success, 1 content errors, 2 wrong usage).

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use okrs::diagnostics::{self, Format};
use okrs::{Analysis, BuildResult, Options};

#[derive(Parser)]
#[command(name = "okrs", version, about = "Static OKR report site generator")]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
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
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// Include draft objectives.
        #[arg(long)]
        drafts: bool,
    },
    /// Check the site for errors and lint warnings.
    Check {
        /// The site folder (the one with okrs.yaml).
        #[arg(default_value = ".")]
        site: PathBuf,
        /// Compute as of this date (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// How to print the diagnostics.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    okrs::load::schema::parse_date(s)
        .ok_or_else(|| format!("'{s}' is not a date of the form YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve {
            site,
            port,
            bind,
            as_of,
            open,
        } => serve(okrs::serve::ServeOptions {
            site,
            bind,
            port,
            as_of,
            open,
        }),
        Command::Check {
            site,
            as_of,
            format,
            deny_warnings,
        } => check(&site, as_of, format, deny_warnings),
        Command::Build {
            site,
            output,
            as_of,
            drafts,
        } => build(&site, output, as_of, drafts),
    }
}

fn serve(options: okrs::serve::ServeOptions) -> ExitCode {
    if let Err(code) = require_site(&options.site) {
        return code;
    }
    match okrs::serve::serve(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(1)
        }
    }
}

fn require_site(site: &Path) -> Result<(), ExitCode> {
    if okrs::is_site(site) {
        return Ok(());
    }
    eprintln!(
        "error: '{}' is not an okrs site: it has no okrs.yaml (run `okrs init` to start one)",
        site.display()
    );
    Err(ExitCode::from(2))
}

fn color_for(stream_is_terminal: bool) -> bool {
    stream_is_terminal && std::env::var_os("NO_COLOR").is_none()
}

fn check(site: &Path, as_of: Option<NaiveDate>, format: Format, deny_warnings: bool) -> ExitCode {
    if let Err(code) = require_site(site) {
        return code;
    }
    let analysis = okrs::analyse(
        site,
        &Options {
            as_of,
            ..Options::default()
        },
    );
    let color = color_for(std::io::stdout().is_terminal());
    let out = diagnostics::render(&analysis.diagnostics, format, color);
    // A closed pipe (`okrs check | head`) is not an error worth reporting.
    let _ = std::io::stdout().write_all(out.as_bytes());
    eprintln!(
        "okrs check: {}",
        diagnostics::summary(&analysis.diagnostics, analysis.files)
    );
    let (errors, warnings) = diagnostics::count(&analysis.diagnostics);
    if errors > 0 || (deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn build(site: &Path, output: Option<PathBuf>, as_of: Option<NaiveDate>, drafts: bool) -> ExitCode {
    if let Err(code) = require_site(site) {
        return code;
    }
    let started = Instant::now();
    let output = output.unwrap_or_else(|| site.join("public"));
    let analysis: Analysis = okrs::analyse(
        site,
        &Options {
            as_of,
            include_drafts: drafts,
            output: Some(output.clone()),
        },
    );
    let color = color_for(std::io::stderr().is_terminal());
    eprint!(
        "{}",
        diagnostics::render(&analysis.diagnostics, Format::Human, color)
    );
    let (errors, warnings) = diagnostics::count(&analysis.diagnostics);
    // A counter on a terminal only, redrawn every 1% on one line.
    let terminal = std::io::stderr().is_terminal();
    let progress = move |done: usize, total: usize| {
        if total >= 500 && (done * 100 / total != (done - 1) * 100 / total || done == total) {
            eprint!(
                "\rrendering pages: {done}/{total}{}",
                if done == total { "\n" } else { "" }
            );
        }
    };
    let progress: Option<okrs::render::Progress> = terminal.then_some(&progress);
    match okrs::build(&analysis, &output, progress) {
        Ok(BuildResult::ContentErrors) => {
            eprintln!(
                "okrs build: {}; nothing was written, {} is as it was",
                diagnostics::summary(&analysis.diagnostics, analysis.files),
                output.display()
            );
            ExitCode::from(1)
        }
        Ok(BuildResult::TemplateErrors(errors)) => {
            eprint!("{}", diagnostics::render(&errors, Format::Human, color));
            eprintln!(
                "okrs build: a template failed; nothing was written, {} is as it was",
                output.display()
            );
            ExitCode::from(1)
        }
        Ok(BuildResult::Written(files)) => {
            let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
            eprintln!(
                "okrs build: wrote {} ({}) to {} in {:.2} s ({}, as of {})",
                diagnostics::plural(pages, "page"),
                diagnostics::plural(files.len(), "file"),
                output.display(),
                started.elapsed().as_secs_f64(),
                diagnostics::plural(warnings, "warning"),
                analysis.figures.as_of
            );
            debug_assert_eq!(errors, 0);
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: cannot write {}: {err}", output.display());
            ExitCode::from(1)
        }
    }
}
