//! `okrs init`: a small working site to start from.

use chrono::{Datelike, Duration, NaiveDate};
use std::path::Path;

use super::messages::*;
use super::{Error, Outcome, list, write_new};
use crate::message::{common, count};
use crate::model::Language;
use crate::write::DEFAULT_OUTPUT;
use crate::yaml::write::yaml_number;
use crate::{msg, period};

// ---- okrs init ----

/// One file of a starter site: its path and text, both with `{{…}}` placeholders.
type StarterFile = (&'static str, &'static str);

/// The files of a starter site, read from `starter/LANGUAGE/`: each one's path in the new
/// site and, where it differs, its file there. The sites of both languages have the same
/// files but for the people, whose names are the language's.
macro_rules! starter {
    (@files $language:literal: $($path:literal $(<- $file:literal)?),* $(,)?) => {
        &[$((
            $path,
            include_str!(concat!("../../starter/", $language, "/", starter!(@file $path $($file)?))),
        )),*]
    };
    (@file $path:literal) => { $path };
    (@file $path:literal $file:literal) => { $file };
    ($language:literal, people: [$($person:literal),*]) => {
        starter!(@files $language:
            "okrs.yaml",
            "org.md",
            "teams/product.md",
            "teams/sales.md",
            $($person,)*
            "objectives/win-small-shops.md",
            "objectives/product/faster-onboarding.md",
            "objectives/sales/keep-shops.md",
            "checkins/{{d1}}-kickoff.md" <- "checkins/kickoff.md",
            "checkins/{{d2}}-faster-onboarding-time-to-first-sale.md" <- "checkins/time-to-first-sale.md",
            "checkins/{{d3}}-weekly-review.md" <- "checkins/weekly-review.md",
            "pages/how-we-okr.md",
        )
    };
}

const STARTER_EN: &[StarterFile] = starter!(
    "en",
    people: ["people/ana-lima.md", "people/ben-okafor.md", "people/chen-jing.md"]
);

const STARTER_ZH: &[StarterFile] = starter!(
    "zh-CN",
    people: ["people/wang-fang.md", "people/li-si.md", "people/chen-jing.md"]
);

/// The dates a starter site is written for: the current calendar quarter, and three
/// check-in days within it, on or before `today` and at most 13 days before it (so no
/// `stale-checkin` or `kr-no-checkins` fires on the day of `okrs init`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct StarterDates {
    pub(crate) period: crate::model::Period,
    pub(crate) checkin_days: [NaiveDate; 3],
}

impl StarterDates {
    pub(crate) fn for_today(today: NaiveDate) -> StarterDates {
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

    /// Fills in `{{period}}` (`{{period_lower}}` in lower case, as in an id), `{{year}}`,
    /// `{{d1}}`–`{{d3}}` (check-in days) and `{{vN:START:TARGET:PACE}}` (a value on day
    /// N, see [`StarterDates::value`]).
    pub(crate) fn fill(&self, template: &str) -> String {
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
            "period_lower" => self.period.id.to_lowercase(),
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

/// Writes a small working site in `language` into `dir` (created if missing; it must
/// hold nothing but hidden files such as `.git`), for the calendar quarter holding
/// `today`; says what it did in `lang`.
pub(crate) fn init(
    dir: &Path,
    language: Language,
    today: NaiveDate,
    lang: Language,
) -> Result<Outcome, Error> {
    refuse_unless_empty(dir, lang)?;
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
    let created = msg!(
        AUTHOR_INIT_CREATED,
        dir = dir.display().to_string(),
        files = count(written.len(), &common::ONE_FILE, &common::FILES),
        period = dates.period.id.as_str()
    );
    let mut report = vec![
        created.text(lang),
        String::new(),
        msg!(AUTHOR_INIT_NEXT).text(lang),
    ];
    report.extend(next_steps(dir, &dates, lang));
    Ok(Outcome {
        report,
        notes: Vec::new(),
    })
}

/// Refuses a `dir` that is a file, cannot be read, or holds anything but hidden files.
fn refuse_unless_empty(dir: &Path, lang: Language) -> Result<(), Error> {
    let shown = dir.display().to_string();
    if !dir.exists() {
        return Ok(());
    }
    if !dir.is_dir() {
        return Err(Error::Refused(msg!(AUTHOR_INIT_IS_FILE, dir = shown)));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Error::Refused(msg!(
            AUTHOR_INIT_CANNOT_READ,
            dir = shown.as_str(),
            error = e.to_string()
        ))
    })?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let first: Vec<String> = names
        .iter()
        .take(3)
        .map(|n| match lang {
            Language::En => format!("'{n}'"),
            Language::ZhCn => n.clone(),
        })
        .collect();
    let more = match (names.len() > 3, lang) {
        (false, _) => "",
        (true, Language::En) => " …",
        (true, Language::ZhCn) => "等",
    };
    Err(Error::Refused(msg!(
        AUTHOR_INIT_NOT_EMPTY,
        dir = shown,
        names = list(&first, lang) + more
    )))
}

/// What to run next in the new site in `dir`, each command with what it does.
fn next_steps(dir: &Path, dates: &StarterDates, lang: Language) -> Vec<String> {
    let arg = shell_arg(dir);
    let site = if arg == "." {
        String::new()
    } else {
        format!(" {arg}")
    };
    let output = if arg == "." {
        DEFAULT_OUTPUT.to_owned()
    } else {
        format!("{}/{DEFAULT_OUTPUT}", dir.display())
    };
    let example = dates.value(3, 0.0, 200.0, 0.9) + 10.0;
    let steps = [
        (format!("okrs serve{site}"), msg!(AUTHOR_INIT_SERVE)),
        (format!("okrs check{site}"), msg!(AUTHOR_INIT_CHECK)),
        (
            format!("okrs build{site}"),
            msg!(AUTHOR_INIT_BUILD, output = output),
        ),
        (
            format!(
                "okrs new checkin win-small-shops/new-shops --value {} --confidence 7{site}",
                yaml_number(example)
            ),
            msg!(AUTHOR_INIT_CHECKIN),
        ),
        (
            format!(
                "okrs new objective --title \"…\" --period {} --team sales{site}",
                dates.period.id
            ),
            msg!(AUTHOR_INIT_OBJECTIVE),
        ),
    ];
    let mut report = Vec::new();
    // Short commands get their description beside them, long ones under them.
    let width = steps[..3]
        .iter()
        .map(|(c, _)| c.chars().count())
        .max()
        .unwrap_or(0)
        + 4;
    for (command, what) in steps {
        let what = what.text(lang);
        let length = command.chars().count();
        if length < width {
            report.push(format!("  {command}{}{what}", " ".repeat(width - length)));
        } else {
            report.push(format!("  {command}"));
            report.push(format!("  {}{what}", " ".repeat(width)));
        }
    }
    report
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
    use crate::Options;
    use crate::diagnostics;
    use crate::load::schema;

    fn d(s: &str) -> NaiveDate {
        schema::parse_date(s).unwrap()
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
            dates.fill("checkins/{{d3}}-x.md {{period}} {{year}} {{period_lower}}"),
            "checkins/2024-05-20-x.md 2024-Q2 2024 2024-q2"
        );
    }

    fn init_and_check(language: Language, today: &str) {
        let dir = tempfile::TempDir::new().unwrap();
        let site = dir.path().join("site");
        let outcome = init(&site, language, d(today), Language::En).unwrap();
        assert!(outcome.report[0].contains("14"), "{:?}", outcome.report);
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
            .map(|d| diagnostics::human_line(d, false, crate::model::Language::En))
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
    fn the_how_to_page_names_no_id_of_the_example_which_is_there_to_be_replaced() {
        for language in [Language::En, Language::ZhCn] {
            let dir = tempfile::TempDir::new().unwrap();
            init(dir.path(), language, d("2024-05-20"), Language::En).unwrap();
            let analysis = crate::analyse(dir.path(), &Options::default());
            let site = &analysis.site;
            let mut ids: Vec<&str> = Vec::new();
            for o in &site.objectives {
                ids.push(&o.data.id.value);
                for k in &o.key_results {
                    ids.extend([k.full_id.as_str(), &k.full_id[o.data.id.value.len() + 1..]]);
                }
            }
            ids.extend(site.teams.iter().map(|t| t.id.as_str()));
            ids.extend(site.people.iter().map(|p| p.id.as_str()));
            let org = site.org().unwrap();
            ids.extend(org.strategies.iter().map(|s| s.id.value.as_str()));
            assert!(ids.len() > 15, "{ids:?}");
            let page = std::fs::read_to_string(dir.path().join("pages/how-we-okr.md")).unwrap();
            let words: Vec<&str> = page
                .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
                .collect();
            for id in ids {
                assert!(!words.contains(&id), "{language:?}: '{id}' in:\n{page}");
            }
        }
    }

    #[test]
    fn the_chinese_starter_says_check_in_as_the_glossary_does() {
        for (path, text) in STARTER_ZH {
            for (at, _) in text.match_indices("检查") {
                let (before, after) = (&text[..at], &text[at..]);
                assert!(
                    after.starts_with("检查规则") || before.ends_with("`okrs check` "),
                    "{path}: 检查 for a check-in: …{}…",
                    &after[..after.len().min(60)]
                );
            }
        }
        let org = STARTER_ZH.iter().find(|(p, _)| *p == "org.md").unwrap().1;
        assert!(org.contains("**进展更新**（check-in）"), "{org}");
        // Its body is shown on the dashboard with the mission, vision and strategies, not
        // as a page of its own.
        assert!(!org.contains("本页"), "{org}");
    }

    #[test]
    fn init_refuses_a_folder_with_files_but_not_one_with_only_git() {
        let dir = tempfile::TempDir::new().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let err = init(dir.path(), Language::En, d("2024-05-20"), Language::En).unwrap_err();
        assert_eq!(err.exit_code(), 1);
        let text = err.text(Language::En);
        assert!(text.contains("'notes.txt'"), "{text}");
        let err = init(dir.path(), Language::En, d("2024-05-20"), Language::ZhCn).unwrap_err();
        let text = err.text(Language::ZhCn);
        assert!(
            text.contains("不是空文件夹（其中有「notes.txt」）"),
            "{text}"
        );
        assert!(!dir.path().join("okrs.yaml").exists());

        let git = tempfile::TempDir::new().unwrap();
        std::fs::create_dir(git.path().join(".git")).unwrap();
        init(git.path(), Language::En, d("2024-05-20"), Language::En).unwrap();
        assert!(git.path().join("okrs.yaml").is_file());
    }
}
