//! `okrs new team` and `okrs new person`.

use std::path::Path;

use super::messages::*;
use super::{
    Error, Outcome, documents, notes_about, parse_id, read_config, require_site, shown, tr,
    write_new,
};
use crate::model::{Content, Language};
use crate::yaml::write::{yaml_quoted, yaml_scalar};
use crate::{Options, msg};

// ---- okrs new team / person ----

/// The arguments of `okrs new team` (the doc comments are its `--help`).
#[derive(Clone, Debug, Default, clap::Args)]
pub(crate) struct NewTeam {
    /// The team's id (and file name).
    pub(crate) id: String,
    /// Its display name.
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) name: String,
    /// Its parent team.
    #[arg(long)]
    pub(crate) parent: Option<String>,
    /// Its lead (a person).
    #[arg(long)]
    pub(crate) lead: Option<String>,
}

/// The arguments of `okrs new person` (the doc comments are its `--help`).
#[derive(Clone, Debug, Default, clap::Args)]
pub(crate) struct NewPerson {
    /// The person's id (and file name).
    pub(crate) id: String,
    /// Their display name.
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) name: String,
    /// Their team.
    #[arg(long)]
    pub(crate) team: Option<String>,
}

/// Writes `teams/ID.md`; says what it did in `lang`.
pub(crate) fn new_team(site: &Path, args: &NewTeam, lang: Language) -> Result<Outcome, Error> {
    let mut fields = vec![("name", yaml_quoted(args.name.trim()))];
    fields.extend(args.parent.as_ref().map(|p| ("parent", yaml_scalar(p))));
    fields.extend(args.lead.as_ref().map(|l| ("lead", yaml_scalar(l))));
    new_party(site, "teams", &args.id, &args.name, &fields, lang)
}

/// Writes `people/ID.md`; says what it did in `lang`.
pub(crate) fn new_person(site: &Path, args: &NewPerson, lang: Language) -> Result<Outcome, Error> {
    let mut fields = vec![("name", yaml_quoted(args.name.trim()))];
    fields.extend(args.team.as_ref().map(|t| ("team", yaml_scalar(t))));
    new_party(site, "people", &args.id, &args.name, &fields, lang)
}

fn new_party(
    site: &Path,
    folder: &str,
    id: &str,
    name: &str,
    fields: &[(&str, String)],
    lang: Language,
) -> Result<Outcome, Error> {
    require_site(site)?;
    let id = parse_id(id).map_err(Error::Usage)?;
    if name.trim().is_empty() {
        return Err(Error::Usage(msg!(AUTHOR_EMPTY_NAME)));
    }
    let language = read_config(site)?.language;
    let (taken_by, body) = match folder {
        "teams" => (
            &AUTHOR_TEAM_TAKEN,
            tr(
                language,
                "<!-- What this team does, and how to reach it. -->\n",
                "<!-- 这个团队做什么，如何联系。 -->\n",
            ),
        ),
        _ => (
            &AUTHOR_PERSON_TAKEN,
            tr(
                language,
                "<!-- Their role, and what they work on. -->\n",
                "<!-- 职责，以及负责的工作。 -->\n",
            ),
        ),
    };
    let rel = format!("{folder}/{id}.md");
    if site.join(&rel).exists() {
        return Err(Error::Refused(msg!(AUTHOR_EXISTS, file = rel.as_str())));
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
        return Err(Error::Refused(msg!(
            *taken_by,
            id = id.as_str(),
            file = path.as_str()
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
        report: vec![msg!(AUTHOR_WROTE, file = shown(site, &rel)).text(lang)],
        notes: notes_about(&after, &rel, &[], lang),
    })
}
