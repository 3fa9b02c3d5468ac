//! Authoring: `okrs new` writes one new, valid content file from a template, and
//! `okrs init` writes a small working site to start from. Nothing here overwrites a file.

use crate::rule::Rule;
use chrono::{Datelike, Duration, NaiveDate};
use std::fmt;
use std::io::Write as _;
use std::path::Path;

use crate::compute::Figures;
use crate::diagnostics::{self, Diagnostic};
use crate::load::{self, schema};
use crate::model::{Config, Content, Language, Metric, slug};
use crate::{Analysis, Options, period};

/// The longest file name (in characters, without `.md`) made from a title.
const MAX_NAME: usize = 60;

// ---- Outcomes and errors ----

/// Why a command wrote nothing.
#[derive(Debug, PartialEq, Eq)]
pub enum Error {
    /// Wrong usage (exit code 2): no site there, an argument okrs cannot use.
    Usage(String),
    /// Refused (exit code 1): the file exists, the key result is unknown, the value does
    /// not fit the key result, the folder is not empty, or the file could not be written.
    Refused(String),
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Refused(_) => 1,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Error::Usage(m) | Error::Refused(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

/// What a command did, for the command line to print.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The files written, relative to the site folder.
    pub written: Vec<String>,
    /// Lines for standard output: what was written and what to do next.
    pub report: Vec<String>,
    /// Lines for standard error: what `okrs check` will say about the new file.
    pub notes: Vec<String>,
}

// ---- Argument parsers (also used by clap) ----

/// An id for a new file: the id rules, and no leading `_` (okrs skips such files).
pub fn parse_id(text: &str) -> Result<String, String> {
    if let Some(problem) = schema::id_problem(text) {
        return Err(format!("the id '{text}' {problem}"));
    }
    if text.starts_with('_') {
        return Err(format!(
            "the id '{text}' must not start with `_`: okrs skips files whose names do"
        ));
    }
    Ok(text.to_owned())
}

/// A check-in value: a finite number.
pub fn parse_value(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(if v == 0.0 { 0.0 } else { v }),
        _ => Err(format!("'{text}' is not a number")),
    }
}

/// A site language: `en` or `zh-CN`.
pub fn parse_language(text: &str) -> Result<Language, String> {
    match text {
        "en" => Ok(Language::En),
        "zh-CN" => Ok(Language::ZhCn),
        _ => Err(format!(
            "'{text}' is not a language okrs knows: use en or zh-CN"
        )),
    }
}

// ---- Names and YAML ----

/// A file name (without `.md`) from a title or id: [`slug`] (Chinese kept, ASCII
/// lower-cased, spaces and punctuation turned into `-`), without a leading `.` or `_`
/// (okrs skips such files), cut to [`MAX_NAME`] characters at a `-` where it can be.
/// `None` when nothing usable is left (a title of punctuation only).
pub fn file_slug(text: &str) -> Option<String> {
    let full = slug(text);
    let mut name = full.trim_start_matches(['.', '_', '-']).to_owned();
    if name.chars().count() > MAX_NAME {
        let cut: String = name.chars().take(MAX_NAME).collect();
        // Cut at the last `-` unless that would drop more than half the name.
        name = match cut.rfind('-') {
            Some(i) if cut[..i].chars().count() >= MAX_NAME / 2 => cut[..i].to_owned(),
            _ => cut,
        };
    }
    let name = name.trim_end_matches(['.', '-']);
    (!name.is_empty() && parse_id(name).is_ok()).then(|| name.to_owned())
}

/// A YAML double-quoted string: safe for any text (`:`, `#`, quotes, leading `-`, `*` …).
pub fn yaml_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            // Characters YAML does not allow as they are: controls, DEL, C1 controls,
            // line and paragraph separators, the byte-order mark and non-characters.
            c if (c < ' ')
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ) =>
            {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A YAML scalar for an id or name: plain when it can only be read back as this very
/// text (`li-si`, `销售部`, `teebee-o1/renewal`), else double-quoted.
pub fn yaml_scalar(text: &str) -> String {
    const WORDS: [&str; 11] = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf",
    ];
    let plain = text.chars().next().is_some_and(char::is_alphabetic)
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
        && !WORDS.contains(&text.to_lowercase().as_str());
    if plain {
        text.to_owned()
    } else {
        yaml_quoted(text)
    }
}

/// A period id as YAML: calendar ids plain (`2024-Q2`, `2024`), others as [`yaml_scalar`].
fn yaml_period(id: &str) -> String {
    if period::calendar(id).is_some() {
        id.to_owned()
    } else {
        yaml_scalar(id)
    }
}

/// A number as YAML: whole numbers without decimals, never an exponent.
fn yaml_number(v: f64) -> String {
    if v == 0.0 {
        "0".to_owned()
    } else {
        format!("{v}")
    }
}

// ---- Shared steps ----

fn require_site(site: &Path) -> Result<(), Error> {
    if crate::is_site(site) {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "'{}' is not an okrs site: it has no okrs.yaml (run `okrs init` to start one)",
        site.display()
    )))
}

fn read_config(site: &Path) -> Result<Config, Error> {
    let text = std::fs::read_to_string(site.join("okrs.yaml"))
        .map_err(|e| Error::Refused(format!("cannot read okrs.yaml: {e}")))?;
    Ok(load::load_config(&text).0)
}

/// The site's documents as okrs reads them (the default output folder skipped).
fn documents(site: &Path) -> load::Loaded {
    load::load_site(site, Some(&site.join("public")))
}

/// Writes a new file, creating its folders; refuses if the file exists.
fn write_new(site: &Path, rel: &str, text: &str) -> Result<(), Error> {
    let path = site.join(rel);
    let cannot = |e: std::io::Error| Error::Refused(format!("cannot write {rel}: {e}"));
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(cannot)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Error::Refused(format!(
                    "{rel} already exists; okrs new never overwrites a file"
                ))
            } else {
                cannot(e)
            }
        })?;
    file.write_all(text.as_bytes()).map_err(cannot)
}

/// How a written file is shown: its path as the user can open it.
fn shown(site: &Path, rel: &str) -> String {
    site.join(rel).display().to_string()
}

/// Whether `rel` lies under the top-level folder `folder`.
fn under(rel: &str, folder: &str) -> bool {
    rel.split('/').next() == Some(folder)
}

fn stem(rel: &str) -> &str {
    rel.rsplit('/')
        .next()
        .unwrap_or(rel)
        .trim_end_matches(".md")
}

/// What `okrs check` says about one file, except the rules in `expected`.
fn notes_about(analysis: &Analysis, rel: &str, expected: &[Rule]) -> Vec<String> {
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.file == rel && !expected.contains(&d.rule))
        .map(|d: &Diagnostic| diagnostics::human_line(d, false))
        .collect()
}

fn hint(found: Option<&str>) -> String {
    found
        .map(|f| format!(" (did you mean '{f}'?)"))
        .unwrap_or_default()
}

fn tr(language: Language, en: &'static str, zh: &'static str) -> &'static str {
    match language {
        Language::En => en,
        Language::ZhCn => zh,
    }
}

// ---- okrs new objective ----

/// The arguments of `okrs new objective`.
#[derive(Clone, Debug, Default)]
pub struct NewObjective {
    pub title: String,
    pub period: String,
    pub team: Option<String>,
    pub owner: Option<String>,
    pub aligns_to: Vec<String>,
    /// The id (and file name); default: a slug of the title.
    pub id: Option<String>,
}

/// Writes `objectives/[TEAM/]ID.md`: title, period, owner, team, alignment, a commented
/// example key result and a body to fill in, in the site's language.
pub fn new_objective(site: &Path, args: &NewObjective) -> Result<Outcome, Error> {
    require_site(site)?;
    let title = args.title.trim();
    if title.is_empty() {
        return Err(Error::Usage("--title must not be empty".into()));
    }
    let config = read_config(site)?;
    check_period(&config, &args.period)?;
    let id = match &args.id {
        Some(id) => parse_id(id).map_err(Error::Usage)?,
        None => file_slug(title).ok_or_else(|| {
            Error::Usage(format!(
                "cannot make a file name from the title '{title}'; give one with --id"
            ))
        })?,
    };
    let rel = match &args.team {
        Some(team) => {
            let folder = file_slug(team).ok_or_else(|| {
                Error::Usage(format!("cannot make a folder name from the team '{team}'"))
            })?;
            format!("objectives/{folder}/{id}.md")
        }
        None => format!("objectives/{id}.md"),
    };

    let loaded = documents(site);
    let mut objectives: Vec<(String, String)> = Vec::new();
    let mut strategies: Vec<String> = Vec::new();
    for doc in &loaded.documents {
        match &doc.content {
            Content::Objective(o) => objectives.push((o.id.value.clone(), doc.path.clone())),
            Content::Org(org) => {
                strategies.extend(org.strategies.iter().map(|s| s.id.value.clone()))
            }
            _ => {}
        }
    }
    // An objective file with errors is not loaded, but it will likely take its name's id.
    for path in load::discover(site, Some(&site.join("public"))) {
        let path = load::relative_name(&path);
        if under(&path, "objectives") && !loaded.documents.iter().any(|d| d.path == path) {
            objectives.push((stem(&path).to_owned(), path));
        }
    }
    if site.join(&rel).exists() {
        return Err(Error::Refused(format!(
            "{rel} already exists; okrs new never overwrites a file (choose another title, or an id with --id)"
        )));
    }
    if let Some((_, path)) = objectives.iter().find(|(o, _)| *o == id) {
        return Err(Error::Refused(format!(
            "an objective with the id '{id}' already exists ({path}); choose another title, or an id with --id"
        )));
    }
    if strategies.contains(&id) {
        return Err(Error::Refused(format!(
            "'{id}' is the id of a strategy in org.md, and objectives share ids with strategies; give another id with --id"
        )));
    }
    for target in &args.aligns_to {
        let known = objectives
            .iter()
            .map(|(o, _)| o.as_str())
            .chain(strategies.iter().map(String::as_str));
        if !objectives.iter().any(|(o, _)| o == target) && !strategies.contains(target) {
            return Err(Error::Refused(format!(
                "--aligns-to names '{target}', which no objective or strategy defines{}",
                hint(schema::did_you_mean(target, known))
            )));
        }
    }

    let text = objective_text(title, args, config.language);
    write_new(site, &rel, &text)?;
    let after = crate::analyse(site, &Options::default());
    // A template has no key results yet: `objective-empty` is expected until it does.
    let notes = notes_about(&after, &rel, &[Rule::ObjectiveEmpty]);
    Ok(Outcome {
        report: vec![
            format!("wrote {}", shown(site, &rel)),
            "next: write its key results (and what it aligns to), then run `okrs check`".to_owned(),
        ],
        written: vec![rel],
        notes,
    })
}

/// Refuses a period that is neither a calendar id nor a custom period of okrs.yaml.
fn check_period(config: &Config, id: &str) -> Result<(), Error> {
    if period::calendar(id).is_some() || config.periods.iter().any(|p| p.value.id == id) {
        return Ok(());
    }
    let candidates = config.periods.iter().map(|p| p.value.id.as_str());
    let custom = if config.periods.is_empty() {
        String::from("it declares none")
    } else {
        let ids: Vec<&str> = config.periods.iter().map(|p| p.value.id.as_str()).collect();
        format!("it declares {}", ids.join(", "))
    };
    Err(Error::Refused(format!(
        "--period '{id}' is no period{}; write a calendar period such as 2024, 2024-H1 or 2024-Q2, or a custom period of okrs.yaml ({custom})",
        hint(crate::validate::period_hint(id, candidates).as_deref())
    )))
}

fn objective_text(title: &str, args: &NewObjective, language: Language) -> String {
    let mut t = String::from("---\n");
    t += &format!("title: {}\n", yaml_quoted(title));
    t += &format!("period: {}\n", yaml_period(&args.period));
    if let Some(owner) = &args.owner {
        t += &format!("owner: {}\n", yaml_scalar(owner));
    }
    if let Some(team) = &args.team {
        t += &format!("team: {}\n", yaml_scalar(team));
    }
    match args.aligns_to.as_slice() {
        [] => {
            t += tr(
                language,
                "# aligns_to: the id of a strategy (from org.md) or of a parent objective; one, or a list\n",
                "# aligns_to: 所对齐的战略（见 org.md）或上级目标的 id；一个，或一个列表\n",
            )
        }
        [one] => t += &format!("aligns_to: {}\n", yaml_scalar(one)),
        many => {
            let ids: Vec<String> = many.iter().map(|a| yaml_scalar(a)).collect();
            t += &format!("aligns_to: [{}]\n", ids.join(", "));
        }
    }
    let owner = args
        .owner
        .as_deref()
        .map_or_else(|| "someone".to_owned(), yaml_scalar);
    t += &match language {
        Language::En => format!(
            "# commitment: committed   # default aspirational: a stretch, where about 70% is a good result\n\
             # key_results:\n\
             #   - id: kr1\n\
             #     title: \"A result anyone can check, with a number to reach\"\n\
             #     owner: {owner}   # who keeps pushing and checking it\n\
             #     start: 0         # where it stands today\n\
             #     target: 100      # where it must get to\n\
             #     unit: \"%\"\n\
             #     # metric: milestone   # for a yes/no result; also decrease, stay_above, stay_below\n\
             ---\n\
             ## Why this objective\n\
             \n\
             <!-- Why it matters now, and how it serves what it aligns to. -->\n\
             \n\
             ## How we will get there\n\
             \n\
             <!-- The key tasks and bets behind the key results, and what we will not do. -->\n"
        ),
        Language::ZhCn => format!(
            "# commitment: committed   # 默认 aspirational（挑战型，完成约 70% 即是好结果）；committed 为承诺型，必须完成\n\
             # key_results:\n\
             #   - id: kr1\n\
             #     title: \"任何人都能判断是否达成的结果，带一个要达到的数字\"\n\
             #     owner: {owner}   # 负责推进和跟进的人\n\
             #     start: 0         # 现在的数值\n\
             #     target: 100      # 要达到的数值\n\
             #     unit: \"%\"\n\
             #     # metric: milestone   # 是/否型的结果；另有 decrease、stay_above、stay_below\n\
             ---\n\
             ## 为什么是这个目标\n\
             \n\
             <!-- 为什么现在要做，它如何支撑所对齐的战略或上级目标。 -->\n\
             \n\
             ## 我们如何达成\n\
             \n\
             <!-- 关键结果背后的关键任务和打法，以及我们不做什么。 -->\n"
        ),
    };
    t
}

// ---- okrs new checkin ----

/// The arguments of `okrs new checkin`.
#[derive(Clone, Debug, Default)]
pub struct NewCheckin {
    /// The key result's full id, `OBJECTIVE/KR`.
    pub kr: String,
    pub value: Option<f64>,
    /// `Some(true)` for `--done`, `Some(false)` for `--not-done`.
    pub done: Option<bool>,
    pub confidence: Option<u8>,
    /// Default: `today`.
    pub date: Option<NaiveDate>,
    pub note: Option<String>,
    pub author: Option<String>,
}

/// Writes `checkins/DATE-OBJECTIVE-KR.md` for one key result, after checking that the
/// key result exists and that the value fits its metric; reports its new progress.
pub fn new_checkin(site: &Path, args: &NewCheckin, today: NaiveDate) -> Result<Outcome, Error> {
    require_site(site)?;
    if let Some(c) = args.confidence
        && c > 10
    {
        return Err(Error::Usage(format!(
            "--confidence is {c}; it must be a whole number from 0 to 10"
        )));
    }
    let options = Options {
        include_drafts: true,
        ..Options::default()
    };
    let before = crate::analyse(site, &options);
    let (o, k) = find_key_result(&before, &args.kr)?;
    let resolved = &before.site.objectives[o];
    let rk = &resolved.key_results[k];
    check_fits(&args.kr, rk.metric, args)?;

    let date = args.date.unwrap_or(today);
    let base = format!(
        "{date}-{}",
        file_slug(&format!(
            "{}-{}",
            resolved.data.id.value,
            kr_id(&rk.full_id)
        ))
        .unwrap_or_else(|| "checkin".to_owned())
    );
    let rel = format!("checkins/{}", free_name(&site.join("checkins"), &base));
    write_new(site, &rel, &checkin_text(date, args))?;

    let after = crate::analyse(site, &options);
    let mut report = vec![format!("wrote {}", shown(site, &rel))];
    let mut notes = notes_about(&after, &rel, &[]);
    if let (Some(was), Some((o2, k2))) = (
        kr_figures(&before.figures, o, k),
        find_key_result(&after, &args.kr).ok(),
    ) && let Some(now) = kr_figures(&after.figures, o2, k2)
    {
        report.push(format!(
            "{}: {} → {} ({})",
            args.kr,
            percent(was.raw_progress),
            percent(now.raw_progress),
            now.status.as_str()
        ));
        let as_of = after.figures.as_of;
        let checkins = &after.site.objectives[o2].key_results[k2].checkins;
        if date > as_of {
            notes.push(format!(
                "note: the check-in is dated {date}, after the as-of date {as_of}: it counts from that day on"
            ));
        } else if let Some(last) = checkins[..now.checkins].last()
            && last.source != rel
            && last.date == date
        {
            notes.push(format!(
                "note: {} also checks in '{}' on {date} and comes after this file (by path), so its value counts",
                last.source, args.kr
            ));
        }
    }
    let (errors, _) = diagnostics::count(&after.diagnostics);
    if errors > 0 {
        notes.push(format!(
            "note: the site has {} elsewhere: `okrs check` lists them, and `okrs build` will not build until they are fixed",
            diagnostics::plural(errors, "error")
        ));
    }
    Ok(Outcome {
        written: vec![rel],
        report,
        notes,
    })
}

fn kr_id(full_id: &str) -> &str {
    full_id.rsplit_once('/').map_or(full_id, |(_, kr)| kr)
}

fn kr_figures(figures: &Figures, o: usize, k: usize) -> Option<&crate::compute::KeyResultFigures> {
    figures.objectives.get(o)?.key_results.get(k)
}

fn percent(fraction: f64) -> String {
    let p = (fraction * 100.0).round();
    format!("{}%", if p == 0.0 { 0.0 } else { p })
}

/// The key result with this full id, as (objective, key result) indices.
fn find_key_result(analysis: &Analysis, full_id: &str) -> Result<(usize, usize), Error> {
    let site = &analysis.site;
    for (o, resolved) in site.objectives.iter().enumerate() {
        if let Some(k) = resolved
            .key_results
            .iter()
            .position(|k| k.full_id == full_id)
        {
            return Ok((o, k));
        }
    }
    let hint = crate::validate::unknown_key_result(site, full_id);
    let mut message = format!("'{full_id}' {hint}");
    if analysis.has_errors() {
        message += "\n(the site has errors, and a key result in a file with errors may be missing: run `okrs check`)";
    }
    Err(Error::Refused(message))
}

/// Refuses a value for a milestone, `done` for a number, or neither.
fn check_fits(kr: &str, metric: Metric, args: &NewCheckin) -> Result<(), Error> {
    match (metric, args.value, args.done) {
        (Metric::Milestone, None, Some(_)) => Ok(()),
        (Metric::Milestone, _, _) => Err(Error::Refused(format!(
            "'{kr}' is a milestone: check it in with --done (or --not-done), not --value"
        ))),
        (_, Some(_), None) => Ok(()),
        (metric, _, _) => Err(Error::Refused(format!(
            "'{kr}' is measured by a number (metric {}): give its current value with --value, not --done or --not-done",
            metric.as_str()
        ))),
    }
}

/// The first free `BASE.md`, `BASE_2.md` … that also sorts after every one already there,
/// so that of several check-ins on one day the newest comes last and counts.
fn free_name(dir: &Path, base: &str) -> String {
    let ours = |name: &str| {
        name.strip_prefix(base)
            .and_then(|rest| rest.strip_suffix(".md"))
            .is_some_and(|rest| {
                rest.is_empty()
                    || rest
                        .strip_prefix('_')
                        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            })
    };
    let last = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| ours(name))
        .max();
    (1..)
        .map(|n| {
            if n == 1 {
                format!("{base}.md")
            } else {
                format!("{base}_{n}.md")
            }
        })
        .find(|name| !dir.join(name).exists() && last.as_ref().is_none_or(|l| name > l))
        .unwrap_or_else(|| format!("{base}.md"))
}

fn checkin_text(date: NaiveDate, args: &NewCheckin) -> String {
    let mut t = String::from("---\n");
    t += &format!("date: {date}\n");
    if let Some(author) = &args.author {
        t += &format!("author: {}\n", yaml_scalar(author));
    }
    t += &format!("kr: {}\n", yaml_scalar(&args.kr));
    if let Some(v) = args.value {
        t += &format!("value: {}\n", yaml_number(v));
    }
    if let Some(done) = args.done {
        t += &format!("done: {done}\n");
    }
    if let Some(c) = args.confidence {
        t += &format!("confidence: {c}\n");
    }
    t += "---\n";
    if let Some(note) = args
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        t += note;
        t += "\n";
    }
    t
}

// ---- okrs new team / person ----

/// The arguments of `okrs new team`.
#[derive(Clone, Debug, Default)]
pub struct NewTeam {
    pub id: String,
    pub name: String,
    pub parent: Option<String>,
    pub lead: Option<String>,
}

/// The arguments of `okrs new person`.
#[derive(Clone, Debug, Default)]
pub struct NewPerson {
    pub id: String,
    pub name: String,
    pub team: Option<String>,
}

/// Writes `teams/ID.md`.
pub fn new_team(site: &Path, args: &NewTeam) -> Result<Outcome, Error> {
    let mut fields = vec![("name", yaml_quoted(args.name.trim()))];
    fields.extend(args.parent.as_ref().map(|p| ("parent", yaml_scalar(p))));
    fields.extend(args.lead.as_ref().map(|l| ("lead", yaml_scalar(l))));
    new_party(site, "teams", &args.id, &args.name, &fields)
}

/// Writes `people/ID.md`.
pub fn new_person(site: &Path, args: &NewPerson) -> Result<Outcome, Error> {
    let mut fields = vec![("name", yaml_quoted(args.name.trim()))];
    fields.extend(args.team.as_ref().map(|t| ("team", yaml_scalar(t))));
    new_party(site, "people", &args.id, &args.name, &fields)
}

fn new_party(
    site: &Path,
    folder: &str,
    id: &str,
    name: &str,
    fields: &[(&str, String)],
) -> Result<Outcome, Error> {
    require_site(site)?;
    let id = parse_id(id).map_err(Error::Usage)?;
    if name.trim().is_empty() {
        return Err(Error::Usage("--name must not be empty".into()));
    }
    let language = read_config(site)?.language;
    let (what, body) = match folder {
        "teams" => (
            "team",
            tr(
                language,
                "<!-- What this team does, and how to reach it. -->\n",
                "<!-- 这个团队做什么，如何联系。 -->\n",
            ),
        ),
        _ => (
            "person",
            tr(
                language,
                "<!-- Their role, and what they work on. -->\n",
                "<!-- 职责，以及负责的工作。 -->\n",
            ),
        ),
    };
    let rel = format!("{folder}/{id}.md");
    if site.join(&rel).exists() {
        return Err(Error::Refused(format!(
            "{rel} already exists; okrs new never overwrites a file"
        )));
    }
    let taken = documents(site).documents.into_iter().find_map(|doc| {
        let other = match &doc.content {
            Content::Team(t) if folder == "teams" => &t.id.value,
            Content::Person(p) if folder == "people" => &p.id.value,
            _ => return None,
        };
        (*other == id).then(|| doc.path.clone())
    });
    if let Some(path) = taken {
        return Err(Error::Refused(format!(
            "a {what} with the id '{id}' already exists ({path})"
        )));
    }
    let mut text = String::from("---\n");
    for (key, value) in fields {
        text += &format!("{key}: {value}\n");
    }
    text += "---\n";
    text += body;
    write_new(site, &rel, &text)?;
    let after = crate::analyse(site, &Options::default());
    Ok(Outcome {
        report: vec![format!("wrote {}", shown(site, &rel))],
        notes: notes_about(&after, &rel, &[]),
        written: vec![rel],
    })
}

// ---- okrs init ----

/// One file of a starter site: its path and text, both with `{{…}}` placeholders.
type StarterFile = (&'static str, &'static str);

const STARTER_EN: &[StarterFile] = &[
    ("okrs.yaml", include_str!("../starter/en/okrs.yaml")),
    ("org.md", include_str!("../starter/en/org.md")),
    (
        "teams/product.md",
        include_str!("../starter/en/teams/product.md"),
    ),
    (
        "teams/sales.md",
        include_str!("../starter/en/teams/sales.md"),
    ),
    (
        "people/ana-lima.md",
        include_str!("../starter/en/people/ana-lima.md"),
    ),
    (
        "people/ben-okafor.md",
        include_str!("../starter/en/people/ben-okafor.md"),
    ),
    (
        "people/chen-jing.md",
        include_str!("../starter/en/people/chen-jing.md"),
    ),
    (
        "objectives/win-small-shops.md",
        include_str!("../starter/en/objectives/win-small-shops.md"),
    ),
    (
        "objectives/product/faster-onboarding.md",
        include_str!("../starter/en/objectives/product/faster-onboarding.md"),
    ),
    (
        "objectives/sales/keep-shops.md",
        include_str!("../starter/en/objectives/sales/keep-shops.md"),
    ),
    (
        "checkins/{{d1}}-kickoff.md",
        include_str!("../starter/en/checkins/kickoff.md"),
    ),
    (
        "checkins/{{d2}}-faster-onboarding-time-to-first-sale.md",
        include_str!("../starter/en/checkins/time-to-first-sale.md"),
    ),
    (
        "checkins/{{d3}}-weekly-review.md",
        include_str!("../starter/en/checkins/weekly-review.md"),
    ),
    (
        "pages/how-we-okr.md",
        include_str!("../starter/en/pages/how-we-okr.md"),
    ),
];

const STARTER_ZH: &[StarterFile] = &[
    ("okrs.yaml", include_str!("../starter/zh-CN/okrs.yaml")),
    ("org.md", include_str!("../starter/zh-CN/org.md")),
    (
        "teams/product.md",
        include_str!("../starter/zh-CN/teams/product.md"),
    ),
    (
        "teams/sales.md",
        include_str!("../starter/zh-CN/teams/sales.md"),
    ),
    (
        "people/wang-fang.md",
        include_str!("../starter/zh-CN/people/wang-fang.md"),
    ),
    (
        "people/li-si.md",
        include_str!("../starter/zh-CN/people/li-si.md"),
    ),
    (
        "people/chen-jing.md",
        include_str!("../starter/zh-CN/people/chen-jing.md"),
    ),
    (
        "objectives/win-small-shops.md",
        include_str!("../starter/zh-CN/objectives/win-small-shops.md"),
    ),
    (
        "objectives/product/faster-onboarding.md",
        include_str!("../starter/zh-CN/objectives/product/faster-onboarding.md"),
    ),
    (
        "objectives/sales/keep-shops.md",
        include_str!("../starter/zh-CN/objectives/sales/keep-shops.md"),
    ),
    (
        "checkins/{{d1}}-kickoff.md",
        include_str!("../starter/zh-CN/checkins/kickoff.md"),
    ),
    (
        "checkins/{{d2}}-faster-onboarding-time-to-first-sale.md",
        include_str!("../starter/zh-CN/checkins/time-to-first-sale.md"),
    ),
    (
        "checkins/{{d3}}-weekly-review.md",
        include_str!("../starter/zh-CN/checkins/weekly-review.md"),
    ),
    (
        "pages/how-we-okr.md",
        include_str!("../starter/zh-CN/pages/how-we-okr.md"),
    ),
];

/// The dates a starter site is written for: the current calendar quarter, and three
/// check-in days within it, on or before `today` and at most 13 days before it (so no
/// `stale-checkin` or `kr-no-checkins` fires on the day of `okrs init`).
#[derive(Clone, Debug, PartialEq)]
pub struct StarterDates {
    pub period: crate::model::Period,
    pub checkin_days: [NaiveDate; 3],
}

impl StarterDates {
    pub fn for_today(today: NaiveDate) -> StarterDates {
        let id = format!("{}-Q{}", today.year(), (today.month() - 1) / 3 + 1);
        let period = period::calendar(&id).expect("a calendar quarter");
        let first = (today - Duration::days(13)).max(period.start);
        let middle = first + Duration::days((today - first).num_days() / 2);
        StarterDates {
            period,
            checkin_days: [first, middle, today],
        }
    }

    /// A value `fraction` of the way from `start` to `target`, where `fraction` is the
    /// expected pace on check-in day `day` (1–3) times `pace`, kept below 0.9 so that no
    /// objective of the starter is complete (the `too-easy` lint).
    fn value(&self, day: usize, start: f64, target: f64, pace: f64) -> f64 {
        let date = self.checkin_days[day - 1];
        let fraction = (period::expected(&self.period, date) * pace).clamp(0.0, 0.9);
        let v = start + (target - start) * fraction;
        let v = if (target - start).abs() >= 20.0 {
            v.round()
        } else {
            (v * 10.0).round() / 10.0
        };
        if v == 0.0 { 0.0 } else { v }
    }

    /// Fills in `{{period}}`, `{{year}}`, `{{d1}}`–`{{d3}}` (check-in days) and
    /// `{{vN:START:TARGET:PACE}}` (a value on day N, see [`StarterDates::value`]).
    pub fn fill(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find("{{") {
            out.push_str(&rest[..open]);
            let after = &rest[open + 2..];
            let close = after.find("}}").expect("a placeholder is closed with }}");
            out.push_str(&self.placeholder(&after[..close]));
            rest = &after[close + 2..];
        }
        out.push_str(rest);
        out
    }

    fn placeholder(&self, name: &str) -> String {
        match name {
            "period" => self.period.id.clone(),
            "year" => self.period.start.year().to_string(),
            "d1" => self.checkin_days[0].to_string(),
            "d2" => self.checkin_days[1].to_string(),
            "d3" => self.checkin_days[2].to_string(),
            value => {
                let parts: Vec<&str> = value.split(':').collect();
                let day = match parts.first() {
                    Some(&"v1") => 1,
                    Some(&"v2") => 2,
                    Some(&"v3") => 3,
                    _ => panic!("unknown starter placeholder {{{{{name}}}}}"),
                };
                let number = |i: usize| -> f64 {
                    parts
                        .get(i)
                        .and_then(|p| p.parse().ok())
                        .unwrap_or_else(|| panic!("bad starter placeholder {{{{{name}}}}}"))
                };
                yaml_number(self.value(day, number(1), number(2), number(3)))
            }
        }
    }
}

/// Writes a small working site into `dir` (created if missing; it must hold nothing but
/// hidden files such as `.git`), for the calendar quarter holding `today`.
pub fn init(dir: &Path, language: Language, today: NaiveDate) -> Result<Outcome, Error> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(Error::Refused(format!(
                "'{}' is a file, not a folder",
                dir.display()
            )));
        }
        let entries = std::fs::read_dir(dir)
            .map_err(|e| Error::Refused(format!("cannot read '{}': {e}", dir.display())))?;
        let visible: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| !name.starts_with('.'))
            .collect();
        if !visible.is_empty() {
            let mut names = visible;
            names.sort();
            return Err(Error::Refused(format!(
                "'{}' is not empty (it holds {}): okrs init writes only into an empty folder, so it never overwrites anything; choose a new folder, e.g. `okrs init my-okrs`",
                dir.display(),
                names
                    .iter()
                    .take(3)
                    .map(|n| format!("'{n}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
                    + if names.len() > 3 { " …" } else { "" }
            )));
        }
    }
    let dates = StarterDates::for_today(today);
    let files = match language {
        Language::En => STARTER_EN,
        Language::ZhCn => STARTER_ZH,
    };
    let mut written = Vec::new();
    for (path, text) in files {
        let rel = dates.fill(path);
        write_new(dir, &rel, &dates.fill(text))?;
        written.push(rel);
    }

    let arg = shell_arg(dir);
    let site = if arg == "." {
        String::new()
    } else {
        format!(" {arg}")
    };
    let output = if arg == "." {
        "public".to_owned()
    } else {
        format!("{}/public", dir.display())
    };
    let example = dates.value(3, 0.0, 200.0, 0.9) + 10.0;
    let steps = [
        (
            format!("okrs serve{site}"),
            "preview it in your browser, updated as you edit".to_owned(),
        ),
        (
            format!("okrs check{site}"),
            "check it for errors and lint warnings (what CI runs)".to_owned(),
        ),
        (
            format!("okrs build{site}"),
            format!("write the static site to {output}"),
        ),
        (
            format!(
                "okrs new checkin win-small-shops/new-shops --value {} --confidence 7{site}",
                yaml_number(example)
            ),
            "record progress on a key result".to_owned(),
        ),
        (
            format!(
                "okrs new objective --title \"…\" --period {} --team sales{site}",
                dates.period.id
            ),
            "start a new objective from a template".to_owned(),
        ),
    ];
    let mut report = vec![
        format!(
            "created an okrs site in {} ({} files), with OKRs for {}",
            dir.display(),
            written.len(),
            dates.period.id
        ),
        String::new(),
        "next:".to_owned(),
    ];
    // Short commands get their description beside them, long ones under them.
    let width = steps[..3]
        .iter()
        .map(|(c, _)| c.chars().count())
        .max()
        .unwrap_or(0)
        + 4;
    for (command, what) in steps {
        let length = command.chars().count();
        if length < width {
            report.push(format!("  {command}{}{what}", " ".repeat(width - length)));
        } else {
            report.push(format!("  {command}"));
            report.push(format!("  {}{what}", " ".repeat(width)));
        }
    }
    Ok(Outcome {
        written,
        report,
        notes: Vec::new(),
    })
}

/// A path as one shell word, quoted when it needs to be.
fn shell_arg(path: &Path) -> String {
    let text = path.display().to_string();
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./~+:@".contains(c))
    {
        text
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{self, Value};

    fn d(s: &str) -> NaiveDate {
        schema::parse_date(s).unwrap()
    }

    /// What `key: <written>` reads back as.
    fn read_back(written: &str) -> Value {
        let root = yaml::parse(&format!("key: {written}\n")).expect("valid YAML");
        root.as_map().unwrap()[0].1.value.clone()
    }

    #[test]
    fn file_names_come_from_titles_with_chinese_kept() {
        assert_eq!(
            file_slug("Grow Revenue in Q2!").as_deref(),
            Some("grow-revenue-in-q2")
        );
        assert_eq!(
            file_slug("提高客户满意度：NPS 达到 50").as_deref(),
            Some("提高客户满意度-nps-达到-50")
        );
        assert_eq!(
            file_slug("R&D / Ops: ship it.").as_deref(),
            Some("r-d-ops-ship-it")
        );
        assert_eq!(
            file_slug(".NET migration").as_deref(),
            Some("net-migration")
        );
        assert_eq!(file_slug("_private").as_deref(), Some("private"));
        assert_eq!(file_slug("!!!"), None);
        assert_eq!(file_slug("..."), None);
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let title =
            "Keep the platform boringly reliable while traffic doubles and the team grows fast";
        let name = file_slug(title).unwrap();
        assert!(name.chars().count() <= MAX_NAME, "{name}");
        assert_eq!(
            name,
            "keep-the-platform-boringly-reliable-while-traffic-doubles"
        );
        let chinese = "向".repeat(100);
        assert_eq!(file_slug(&chinese).unwrap().chars().count(), MAX_NAME);
    }

    #[test]
    fn slugged_names_pass_the_id_rules() {
        for title in [
            "a#b",
            "50% more",
            "\"quoted\" <tags>",
            "what? why\\how",
            "tab\there",
        ] {
            let name = file_slug(title).unwrap();
            assert!(schema::id_problem(&name).is_none(), "{title} → {name}");
        }
    }

    #[test]
    fn quoted_strings_read_back_as_written() {
        for text in [
            "Grow revenue: the mid-market",
            "# not a comment",
            "- not a list",
            "* not an alias",
            "& not an anchor",
            "! not a tag",
            "%",
            "@at",
            "`tick`",
            "'single' and \"double\" quotes",
            "back\\slash",
            "line\nbreak\tand tab",
            "bell\u{7}, del\u{7f}, nel\u{85}, ls\u{2028}",
            "true",
            "null",
            "2024",
            "1e3",
            "~",
            "",
            "  padded  ",
            "客户续约率达到70%：第二季度",
            "{ not: a map }",
            "[not, a list]",
            "a: b # c",
        ] {
            assert_eq!(
                read_back(&yaml_quoted(text)),
                Value::Str(text.to_owned()),
                "{text:?} written as {}",
                yaml_quoted(text)
            );
        }
    }

    #[test]
    fn plain_scalars_only_where_they_read_back_as_text() {
        assert_eq!(yaml_scalar("li-si"), "li-si");
        assert_eq!(yaml_scalar("销售部"), "销售部");
        assert_eq!(yaml_scalar("teebee-o1/renewal"), "teebee-o1/renewal");
        assert_eq!(yaml_scalar("Li Si"), "\"Li Si\"");
        assert_eq!(yaml_scalar("true"), "\"true\"");
        assert_eq!(yaml_scalar("No"), "\"No\"");
        assert_eq!(yaml_scalar("2024"), "\"2024\"");
        assert_eq!(yaml_scalar("a:b"), "\"a:b\"");
        for text in [
            "li-si",
            "销售部",
            "o1/kr2",
            "Li Si",
            "yes",
            "007",
            "x.y_z",
            "-x",
            "a#b",
        ] {
            assert_eq!(
                read_back(&yaml_scalar(text)),
                Value::Str(text.to_owned()),
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_survives_quoting(text in "\\PC*") {
            proptest::prop_assert_eq!(read_back(&yaml_quoted(&text)), Value::Str(text.clone()));
        }

        #[test]
        fn any_text_survives_plain_or_quoted(text in "[a-z销#:\\- /._0-9]{1,12}") {
            proptest::prop_assert_eq!(read_back(&yaml_scalar(&text)), Value::Str(text.clone()));
        }
    }

    #[test]
    fn numbers_are_written_without_needless_decimals() {
        assert_eq!(yaml_number(55.0), "55");
        assert_eq!(yaml_number(99.95), "99.95");
        assert_eq!(yaml_number(-0.0), "0");
        assert_eq!(yaml_number(-12.5), "-12.5");
        assert_eq!(yaml_number(1e21), "1000000000000000000000");
    }

    #[test]
    fn ids_for_files_refuse_what_okrs_would_skip_or_reject() {
        assert!(parse_id("sales").is_ok());
        assert!(parse_id("销售部").is_ok());
        assert!(parse_id("_hidden").is_err());
        assert!(parse_id(".hidden").is_err());
        assert!(parse_id("a b").is_err());
        assert!(parse_id("a/b").is_err());
    }

    #[test]
    fn starter_dates_stay_in_the_quarter_and_recent() {
        for today in [
            "2024-04-01",
            "2024-04-05",
            "2024-05-20",
            "2024-06-30",
            "2024-02-29",
            "2025-12-31",
        ] {
            let dates = StarterDates::for_today(d(today));
            let [a, b, c] = dates.checkin_days;
            assert!(dates.period.start <= a && a <= b && b <= c, "{today}");
            assert_eq!(c, d(today));
            assert!((c - a).num_days() <= 13, "{today}");
        }
        assert_eq!(
            StarterDates::for_today(d("2024-05-20")).period.id,
            "2024-Q2"
        );
        assert_eq!(
            StarterDates::for_today(d("2025-12-31")).period.id,
            "2025-Q4"
        );
        let first_day = StarterDates::for_today(d("2024-07-01"));
        assert_eq!(first_day.checkin_days, [d("2024-07-01"); 3]);
    }

    #[test]
    fn starter_placeholders_are_all_filled() {
        let dates = StarterDates::for_today(d("2024-05-20"));
        for (path, text) in STARTER_EN.iter().chain(STARTER_ZH) {
            let filled = dates.fill(text);
            assert!(!filled.contains("{{"), "{path}: {filled}");
            assert!(!dates.fill(path).contains("{{"), "{path}");
        }
        // 36 and 49 of Q2's 90 days have passed on the first and last check-in days.
        assert_eq!(dates.fill("{{v1:0:200:1}}"), "80");
        assert_eq!(dates.fill("{{v3:0:200:1}}"), "109");
        assert_eq!(dates.fill("{{v3:12:4:1}}"), "7.6");
        assert_eq!(
            dates.fill("checkins/{{d3}}-x.md {{period}} {{year}}"),
            "checkins/2024-05-20-x.md 2024-Q2 2024"
        );
    }

    fn init_and_check(language: Language, today: &str) {
        let dir = tempfile::TempDir::new().unwrap();
        let site = dir.path().join("site");
        let outcome = init(&site, language, d(today)).unwrap();
        assert_eq!(outcome.written.len(), 14);
        let analysis = crate::analyse(
            &site,
            &Options {
                as_of: Some(d(today)),
                ..Options::default()
            },
        );
        let listing: Vec<String> = analysis
            .diagnostics
            .iter()
            .map(|d| diagnostics::human_line(d, false))
            .collect();
        assert!(
            listing.is_empty(),
            "{language:?} as of {today}:\n{}",
            listing.join("\n")
        );
        assert_eq!(analysis.site.objectives.len(), 3);
    }

    #[test]
    fn starter_sites_check_clean_on_any_day() {
        for today in [
            "2024-04-01",
            "2024-04-02",
            "2024-05-20",
            "2024-06-30",
            "2024-02-29",
            "2026-10-15",
        ] {
            init_and_check(Language::En, today);
            init_and_check(Language::ZhCn, today);
        }
    }

    #[test]
    fn init_refuses_a_folder_with_files_but_not_one_with_only_git() {
        let dir = tempfile::TempDir::new().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let err = init(dir.path(), Language::En, d("2024-05-20")).unwrap_err();
        assert_eq!(err.exit_code(), 1);
        assert!(err.to_string().contains("notes.txt"), "{err}");
        assert!(!dir.path().join("okrs.yaml").exists());

        let git = tempfile::TempDir::new().unwrap();
        std::fs::create_dir(git.path().join(".git")).unwrap();
        init(git.path(), Language::En, d("2024-05-20")).unwrap();
        assert!(git.path().join("okrs.yaml").is_file());
    }

    #[test]
    fn same_day_checkins_get_names_that_sort_after_the_earlier_ones() {
        let dir = tempfile::TempDir::new().unwrap();
        let base = "2024-05-15-o-kr";
        let mut names = Vec::new();
        for _ in 0..12 {
            let name = free_name(dir.path(), base);
            std::fs::write(dir.path().join(&name), "").unwrap();
            names.push(name);
        }
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        assert_eq!(names[0], "2024-05-15-o-kr.md");
        assert_eq!(names[1], "2024-05-15-o-kr_2.md");
        // A key result whose id extends this one's is not mistaken for a repeat.
        let other = tempfile::TempDir::new().unwrap();
        std::fs::write(other.path().join("2024-05-15-o-kr10.md"), "").unwrap();
        assert_eq!(free_name(other.path(), base), "2024-05-15-o-kr.md");
    }
}
