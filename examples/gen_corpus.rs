//! Writes a synthetic okrs site for benchmarks (docs/performance.md):
//!
//! ```sh
//! cargo run --release --example gen_corpus -- OUT OBJECTIVES [--hugo HUGO_DIR]
//! ```
//!
//! For N quarterly objectives: four key results each (increase, decrease, stay_above,
//! milestone); six check-in files per objective, each updating all four; N/50 teams in a
//! tree (ten under the root, the rest under those); N/5 people; N/100 yearly company
//! objectives, every quarterly objective aligned under one of them. With `--hugo`, the
//! same Markdown files are also written as the content of a Hugo site with one-line
//! templates, the anchor the build is compared with. The same arguments always give the
//! same bytes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

struct Shape {
    objectives: usize,
    teams: usize,
    people: usize,
    company: usize,
}

impl Shape {
    fn new(objectives: usize) -> Self {
        Shape {
            objectives,
            teams: (objectives / 50).max(1),
            people: (objectives / 5).max(1),
            company: (objectives / 100).max(1),
        }
    }
}

/// Check-in dates: six, a fortnight apart, all inside 2024-Q2 and before the as-of date.
const CHECKIN_DATES: [&str; 6] = [
    "2024-04-05",
    "2024-04-19",
    "2024-05-03",
    "2024-05-17",
    "2024-05-31",
    "2024-06-14",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, count, hugo)) = parse_args(&args) else {
        eprintln!("usage: gen_corpus OUT OBJECTIVES [--hugo HUGO_DIR]");
        std::process::exit(2);
    };
    let files = corpus(&Shape::new(count));
    if let Err(err) = write_all(&out, &files).and_then(|()| match &hugo {
        Some(dir) => write_hugo(dir, &files),
        None => Ok(()),
    }) {
        eprintln!("gen_corpus: {err}");
        std::process::exit(1);
    }
    let bytes: usize = files.iter().map(|(_, text)| text.len()).sum();
    println!("{}: {} files, {} bytes", out.display(), files.len(), bytes);
}

fn parse_args(args: &[String]) -> Option<(PathBuf, usize, Option<PathBuf>)> {
    match args {
        [out, count] => Some((out.into(), count.parse().ok()?, None)),
        [out, count, flag, hugo] if flag == "--hugo" => {
            Some((out.into(), count.parse().ok()?, Some(hugo.into())))
        }
        _ => None,
    }
}

fn write_all(root: &Path, files: &[(String, String)]) -> std::io::Result<()> {
    for (path, text) in files {
        let path = root.join(path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, text)?;
    }
    Ok(())
}

/// The same Markdown files under `content/`, with a configuration and one-line layouts.
fn write_hugo(root: &Path, files: &[(String, String)]) -> std::io::Result<()> {
    let content: Vec<(String, String)> = files
        .iter()
        .filter(|(path, _)| path.ends_with(".md"))
        .map(|(path, text)| (format!("content/{path}"), text.clone()))
        .collect();
    write_all(root, &content)?;
    write_all(
        root,
        &[
            (
                "hugo.toml".into(),
                "baseURL = 'http://localhost/'\ntitle = 'Corpus'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n".into(),
            ),
            (
                "layouts/_default/single.html".into(),
                "<!doctype html><title>{{ .Title }}</title>{{ .Content }}\n".into(),
            ),
            (
                "layouts/_default/list.html".into(),
                "<!doctype html><title>{{ .Title }}</title><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>\n".into(),
            ),
        ],
    )
}

fn corpus(shape: &Shape) -> Vec<(String, String)> {
    let mut files = vec![
        (
            "okrs.yaml".to_owned(),
            "title: Corpus\nlanguage: en\nas_of: 2024-06-20\n".to_owned(),
        ),
        (
            "org.md".to_owned(),
            "---\nname: Corpus Inc.\nmission: Measure okrs at company scale\nstrategies:\n  - { id: grow, title: Grow the business }\n---\nA synthetic company.\n".to_owned(),
        ),
    ];
    files.extend((0..shape.teams).map(|t| team(shape, t)));
    files.extend((0..shape.people).map(|p| person(shape, p)));
    files.extend((0..shape.company).map(|c| company_objective(shape, c)));
    for o in 0..shape.objectives {
        files.push(objective(shape, o));
        files.extend((0..CHECKIN_DATES.len()).map(|n| checkin(shape, o, n)));
    }
    files
}

fn team(shape: &Shape, t: usize) -> (String, String) {
    let parent = match t {
        0 => String::new(),
        1..=10 => "parent: team-0\n".to_owned(),
        _ => format!("parent: team-{}\n", 1 + t % 10),
    };
    (
        format!("teams/team-{t}.md"),
        format!(
            "---\nname: Team {t}\nlead: person-{}\n{parent}---\nWhat team {t} is for.\n",
            t % shape.people
        ),
    )
}

fn person(shape: &Shape, p: usize) -> (String, String) {
    (
        format!("people/person-{p}.md"),
        format!(
            "---\nname: Person {p}\nteam: team-{}\n---\n",
            p % shape.teams
        ),
    )
}

fn company_objective(shape: &Shape, c: usize) -> (String, String) {
    (
        format!("objectives/company/company-{c}.md"),
        format!(
            "---\nid: company-{c}\ntitle: Company goal {c} for the year\nperiod: 2024\nowner: person-{}\ncommitment: aspirational\naligns_to: grow\n---\nThe quarterly objectives aligned under it roll up into it.\n",
            c % shape.people
        ),
    )
}

fn objective(shape: &Shape, o: usize) -> (String, String) {
    let team = o % shape.teams;
    let mut text = format!(
        "---\nid: obj-{o}\ntitle: Objective {o} of team {team}, to make the product better for customers\nperiod: 2024-Q2\nteam: team-{team}\nowner: person-{}\naligns_to: company-{}\nkey_results:\n",
        o % shape.people,
        o % shape.company
    );
    let owner = |k: usize| (o + k) % shape.people;
    let _ = write!(
        text,
        "  - {{ id: users, title: Grow weekly active users from 1000 to 2000, owner: person-{}, metric: increase, start: 1000, target: 2000, unit: users }}\n\
         \x20 - {{ id: latency, title: Cut p95 latency from 400 ms to 200 ms, owner: person-{}, metric: decrease, start: 400, target: 200, unit: ms }}\n\
         \x20 - {{ id: uptime, title: Keep uptime above 99.5 %, owner: person-{}, metric: stay_above, target: 99.5, unit: '%' }}\n\
         \x20 - {{ id: launch, title: Launch the new onboarding, owner: person-{}, metric: milestone }}\n",
        owner(0),
        owner(1),
        owner(2),
        owner(3)
    );
    text.push_str(
        "---\n## Why\n\nCustomers told us **twice** what slows them down: slow pages and a confusing first day. \
         This quarter we fix both, measured by the people who come back each week, \
         by the time the slowest pages take, and by keeping the service up while we change it.\n\n\
         ## How\n\nSmall steps, each shipped behind a flag and measured for a week before the next. \
         The onboarding launch is the milestone the others lead up to.\n\n\
         | risk | plan |\n|---|---|\n| hiring | start early |\n\n- [x] agree the plan\n- [ ] ship it\n",
    );
    (format!("objectives/team-{team}/obj-{o}.md"), text)
}

fn checkin(shape: &Shape, o: usize, n: usize) -> (String, String) {
    let date = CHECKIN_DATES[n];
    let step = n + 1;
    let mut text = format!(
        "---\ndate: {date}\nauthor: person-{}\nupdates:\n",
        o % shape.people
    );
    let _ = write!(
        text,
        "  - {{ kr: obj-{o}/users, value: {}, confidence: {} }}\n\
         \x20 - {{ kr: obj-{o}/latency, value: {}, confidence: {} }}\n\
         \x20 - {{ kr: obj-{o}/uptime, value: {} }}\n\
         \x20 - {{ kr: obj-{o}/launch, done: {} }}\n",
        1000 + (o * 37 + step * 131) % 900,
        3 + (o + step) % 7,
        400 - (o * 11 + step * 23) % 180,
        4 + (o + 2 * step) % 6,
        if (o + step).is_multiple_of(5) {
            "99.2"
        } else {
            "99.7"
        },
        step == CHECKIN_DATES.len() && o.is_multiple_of(3)
    );
    text.push_str("---\nSteady progress this fortnight: the sign-up funnel lost fewer people at the second step, \
         and the latency work on the search service landed in production on Tuesday. \
         Uptime dipped once during the database upgrade; the post-mortem is linked from the team page.\n\n\
         Next: **keep going** with the onboarding launch, and review the alert thresholds with operations.\n");
    (
        format!("checkins/team-{}/obj-{o}-{date}.md", o % shape.teams),
        text,
    )
}
