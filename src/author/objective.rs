//! `okrs new objective`: a new objective from a template.

use std::path::Path;

use super::messages::*;
use super::{
    Error, Outcome, documents, file_slug, list, notes_about, parse_id, read_config, require_site,
    shown, stem, tr, under, write_new, yaml_period,
};
use crate::load::{self, schema};
use crate::message::{Message, common};
use crate::model::{Config, Content, Language};
use crate::rule::Rule;
use crate::yaml::write::{yaml_quoted, yaml_scalar};
use crate::{Options, msg, period};

// ---- okrs new objective ----

/// The arguments of `okrs new objective`.
#[derive(Clone, Debug, Default)]
pub(crate) struct NewObjective {
    pub(crate) title: String,
    pub(crate) period: String,
    pub(crate) team: Option<String>,
    pub(crate) owner: Option<String>,
    pub(crate) aligns_to: Vec<String>,
    /// The id (and file name); default: a slug of the title, or for a title that would
    /// make a long file name, a number within its period (see [`numbered_id`]).
    pub(crate) id: Option<String>,
}

/// Writes `objectives/[TEAM/]ID.md`: title, period, owner, team, alignment, a commented
/// example key result and a body to fill in, in the site's language; says what it
/// wrote in `lang`.
pub(crate) fn new_objective(
    site: &Path,
    args: &NewObjective,
    lang: Language,
) -> Result<Outcome, Error> {
    require_site(site)?;
    let title = args.title.trim();
    if title.is_empty() {
        return Err(Error::Usage(msg!(AUTHOR_EMPTY_TITLE)));
    }
    let config = read_config(site)?;
    check_period(&config, &args.period, lang)?;
    let folder =
        match &args.team {
            Some(team) => Some(file_slug(team).ok_or_else(|| {
                Error::Usage(msg!(AUTHOR_NO_FOLDER_FROM_TEAM, team = team.as_str()))
            })?),
            None => None,
        };
    let in_folder = |id: &str| match &folder {
        Some(folder) => format!("objectives/{folder}/{id}.md"),
        None => format!("objectives/{id}.md"),
    };
    let taken = ids_in(site);
    let (id, picked) = match &args.id {
        Some(id) => (parse_id(id).map_err(Error::Usage)?, None),
        None => match file_slug(title) {
            Some(slug) if slug.is_ascii() => {
                let picked = msg!(AUTHOR_ID_FROM_TITLE, id = slug.as_str());
                (slug, Some(picked))
            }
            Some(_) => {
                let id = numbered_id(args, folder.as_deref(), &taken, |id| {
                    site.join(in_folder(id)).exists()
                });
                let picked = msg!(
                    AUTHOR_ID_NUMBERED,
                    id = id.as_str(),
                    period = args.period.as_str()
                );
                (id, Some(picked))
            }
            None => {
                return Err(Error::Usage(msg!(AUTHOR_NO_NAME_FROM_TITLE, title = title)));
            }
        },
    };
    let rel = in_folder(&id);
    refuse_taken(site, &rel, &id, &taken, msg!(AUTHOR_ADVICE_NEW))?;
    for target in &args.aligns_to {
        let known = taken
            .objectives
            .iter()
            .map(|o| o.id.as_str())
            .chain(taken.strategies.iter().map(String::as_str));
        if !taken.objectives.iter().any(|o| &o.id == target) && !taken.strategies.contains(target) {
            let hint = common::did_you_mean(schema::did_you_mean(target, known));
            return Err(Error::Refused(msg!(
                AUTHOR_UNKNOWN_ALIGNMENT,
                target = target.as_str(),
                hint = hint
            )));
        }
    }

    let text = objective_text(title, args, config.language);
    write_new(site, &rel, &text)?;
    let after = crate::analyse(site, &Options::default());
    // A template has no key results yet: `objective-empty` is expected until it does.
    let notes = notes_about(&after, &rel, &[Rule::ObjectiveEmpty], lang);
    let wrote = msg!(AUTHOR_WROTE, file = shown(site, &rel));
    let report = [Some(wrote), picked, Some(msg!(AUTHOR_NEXT_OBJECTIVE))]
        .into_iter()
        .flatten()
        .map(|m| m.text(lang))
        .collect();
    Ok(Outcome { report, notes })
}

/// The id of a new objective whose title would make a long file name (a Chinese one):
/// the team's folder name (when it is in ASCII, so the id stays readable in a URL),
/// the period in lower case and `oN`, N the objective's place among the objectives of
/// its team and period, or the next number no objective, strategy or file has taken:
/// `sales-2025-q2-o3`, `2025-q2-o1`.
fn numbered_id(
    args: &NewObjective,
    folder: Option<&str>,
    taken: &Ids,
    exists: impl Fn(&str) -> bool,
) -> String {
    let prefix = match folder {
        Some(folder) if folder.is_ascii() => format!("{folder}-"),
        _ => String::new(),
    };
    let period = args.period.to_lowercase();
    let team = args.team.as_deref().map(str::trim);
    let siblings = taken
        .objectives
        .iter()
        .filter(|o| o.period.as_deref() == Some(args.period.as_str()) && o.team.as_deref() == team)
        .count();
    (siblings + 1..)
        .map(|n| format!("{prefix}{period}-o{n}"))
        .find(|id| {
            !taken.objectives.iter().any(|o| &o.id == id)
                && !taken.strategies.contains(id)
                && !exists(id)
        })
        .unwrap_or_else(|| format!("{prefix}{period}-o{}", siblings + 1))
}

/// An objective already on the site: its id and file, and where it could be read, its
/// period and team.
struct Known {
    id: String,
    path: String,
    period: Option<String>,
    team: Option<String>,
}

/// The ids objectives may not take: those of objectives and strategies.
pub(super) struct Ids {
    objectives: Vec<Known>,
    strategies: Vec<String>,
}

pub(super) fn ids_in(site: &Path) -> Ids {
    let loaded = documents(site);
    let mut objectives: Vec<Known> = Vec::new();
    let mut strategies: Vec<String> = Vec::new();
    for doc in &loaded.documents {
        match &doc.content {
            Content::Objective(o) => objectives.push(Known {
                id: o.id.value.clone(),
                path: doc.path.clone(),
                period: Some(o.period.value.clone()),
                team: o.team.as_ref().map(|t| t.value.trim().to_owned()),
            }),
            Content::Org(org) => {
                strategies.extend(org.strategies.iter().map(|s| s.id.value.clone()))
            }
            _ => {}
        }
    }
    // An objective file with errors is not loaded, but it will likely take its name's id.
    for path in load::discover(site, Some(&crate::write::output_folder(site, None))) {
        let path = load::relative_name(&path);
        if under(&path, "objectives") && !loaded.documents.iter().any(|d| d.path == path) {
            objectives.push(Known {
                id: stem(&path).to_owned(),
                path,
                period: None,
                team: None,
            });
        }
    }
    Ids {
        objectives,
        strategies,
    }
}

/// Refuses a new objective file `rel` that exists, or an `id` an objective or strategy has.
pub(super) fn refuse_taken(
    site: &Path,
    rel: &str,
    id: &str,
    taken: &Ids,
    advice: Message,
) -> Result<(), Error> {
    if site.join(rel).exists() {
        return Err(Error::Refused(msg!(
            AUTHOR_EXISTS_ADVICE,
            file = rel,
            advice = advice
        )));
    }
    if let Some(known) = taken.objectives.iter().find(|o| o.id == id) {
        return Err(Error::Refused(msg!(
            AUTHOR_OBJECTIVE_TAKEN,
            id = id,
            file = known.path.as_str(),
            advice = advice
        )));
    }
    if taken.strategies.iter().any(|s| s == id) {
        return Err(Error::Refused(msg!(AUTHOR_STRATEGY_TAKEN, id = id)));
    }
    Ok(())
}

/// Refuses a period that is neither a calendar id nor a custom period of okrs.yaml.
pub(super) fn check_period(config: &Config, id: &str, lang: Language) -> Result<(), Error> {
    if period::calendar(id).is_some() || config.periods.iter().any(|p| p.value.id == id) {
        return Ok(());
    }
    let candidates = config.periods.iter().map(|p| p.value.id.as_str());
    let custom = if config.periods.is_empty() {
        msg!(AUTHOR_NO_CUSTOM_PERIODS)
    } else {
        let ids: Vec<&str> = config.periods.iter().map(|p| p.value.id.as_str()).collect();
        msg!(AUTHOR_CUSTOM_PERIODS, periods = list(&ids, lang))
    };
    let hint = crate::validate::period_hint(id, candidates);
    Err(Error::Refused(msg!(
        AUTHOR_UNKNOWN_PERIOD,
        period = id,
        hint = common::did_you_mean(hint),
        custom = custom
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
        .map_or_else(|| tr(language, "someone", "成员id").to_owned(), yaml_scalar);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn known(id: &str, period: &str, team: Option<&str>) -> Known {
        Known {
            id: id.into(),
            path: format!("objectives/{id}.md"),
            period: Some(period.into()),
            team: team.map(str::to_owned),
        }
    }

    #[test]
    fn numbered_ids_count_the_objectives_of_their_team_and_period_and_skip_taken_ones() {
        let args = |period: &str, team: Option<&str>| NewObjective {
            title: "提高续约率".into(),
            period: period.into(),
            team: team.map(str::to_owned),
            ..NewObjective::default()
        };
        let taken = Ids {
            objectives: vec![
                known("a", "2025-Q2", Some("sales")),
                known("b", "2025-Q2", Some("sales")),
                known("c", "2025-Q2", None),
                known("d", "2025-Q3", Some("sales")),
                // A file that could not be read counts for its id only.
                Known {
                    id: "sales-2025-q3-o2".into(),
                    path: "objectives/sales/broken.md".into(),
                    period: None,
                    team: None,
                },
            ],
            strategies: vec!["2025-o1".into()],
        };
        let none = |_: &str| false;
        let q2 = args("2025-Q2", Some("sales"));
        assert_eq!(
            numbered_id(&q2, Some("sales"), &taken, none),
            "sales-2025-q2-o3"
        );
        // The number of a file already there is skipped.
        let exists = |id: &str| id == "sales-2025-q2-o3";
        assert_eq!(
            numbered_id(&q2, Some("sales"), &taken, exists),
            "sales-2025-q2-o4"
        );
        let q3 = args("2025-Q3", Some("sales"));
        assert_eq!(
            numbered_id(&q3, Some("sales"), &taken, none),
            "sales-2025-q3-o3"
        );
        // Without a team, or with a team whose name is not ASCII, no prefix.
        assert_eq!(
            numbered_id(&args("2025-Q2", None), None, &taken, none),
            "2025-q2-o2"
        );
        let chinese = args("2025-Q2", Some("销售部"));
        assert_eq!(
            numbered_id(&chinese, Some("销售部"), &taken, none),
            "2025-q2-o1"
        );
        // Objectives and strategies share ids.
        assert_eq!(
            numbered_id(&args("2025", None), None, &taken, none),
            "2025-o2"
        );
        // A custom period's id, in lower case.
        let fy = args("FY25", Some("ops"));
        assert_eq!(numbered_id(&fy, Some("ops"), &taken, none), "ops-fy25-o1");
    }
}
