//! `okrs new objective`: a new objective from a template.

use std::path::Path;

use super::{
    Error, Outcome, documents, file_slug, hint, notes_about, parse_id, read_config, require_site,
    shown, stem, tr, under, write_new, yaml_period, yaml_quoted, yaml_scalar,
};
use crate::load::{self, schema};
use crate::model::{Config, Content, Language};
use crate::rule::Rule;
use crate::{Options, period};

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
    let upper = id.to_uppercase();
    let candidates: Vec<&str> = config
        .periods
        .iter()
        .map(|p| p.value.id.as_str())
        .chain(period::calendar(&upper).is_some().then_some(upper.as_str()))
        .collect();
    let custom = if config.periods.is_empty() {
        String::from("it declares none")
    } else {
        let ids: Vec<&str> = config.periods.iter().map(|p| p.value.id.as_str()).collect();
        format!("it declares {}", ids.join(", "))
    };
    Err(Error::Refused(format!(
        "--period '{id}' is no period{}; write a calendar period such as 2024, 2024-H1 or 2024-Q2, or a custom period of okrs.yaml ({custom})",
        hint(schema::did_you_mean(id, candidates))
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
