//! `okrs new checkin`: one update to one key result, and its new progress.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use std::path::Path;

use super::messages::*;
use super::{Error, Outcome, file_slug, notes_about, require_site, shown, write_new};
use crate::compute::{Figures, Status};
use crate::message::{Message, common, count};
use crate::model::{Checkin, Language, Metric};
use crate::render::format::percent;
use crate::yaml::write::{yaml_number, yaml_scalar};
use crate::{Analysis, Options, diagnostics, msg};

// ---- okrs new checkin ----

/// The arguments of `okrs new checkin`.
#[derive(Clone, Debug, Default)]
pub(crate) struct NewCheckin {
    /// The key result's full id, `OBJECTIVE/KR`.
    pub(crate) kr: String,
    pub(crate) value: Option<f64>,
    /// `Some(true)` for `--done`, `Some(false)` for `--not-done`.
    pub(crate) done: Option<bool>,
    pub(crate) confidence: Option<u8>,
    /// Default: today, at the time of `now` (so it orders after earlier check-ins of the day).
    pub(crate) date: Option<NaiveDate>,
    pub(crate) note: Option<String>,
    pub(crate) author: Option<String>,
}

/// Writes `checkins/DATE-OBJECTIVE-KR.md` for one key result, after checking that the
/// key result exists and that the value fits its metric; reports its new progress.
/// Without `--date` the check-in is dated `now`, to the minute (local time), so that it
/// comes after every earlier check-in of the day; with `--date`, the day alone. Says
/// what it did in `lang`.
pub(crate) fn new_checkin(
    site: &Path,
    args: &NewCheckin,
    now: NaiveDateTime,
    lang: Language,
) -> Result<Outcome, Error> {
    require_site(site)?;
    if let Some(c) = args.confidence
        && c > 10
    {
        return Err(Error::Usage(super::bad_confidence(&c.to_string())));
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

    let (date, time) = match args.date {
        Some(date) => (date, None),
        None => (
            now.date(),
            NaiveTime::from_hms_opt(now.hour(), now.minute(), 0),
        ),
    };
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
    write_new(site, &rel, &checkin_text(date, time, args))?;

    let after = crate::analyse(site, &options);
    let mut report = vec![msg!(AUTHOR_WROTE, file = shown(site, &rel)).text(lang)];
    let mut notes = notes_about(&after, &rel, &[], lang);
    if let (Some(was), Some((o2, k2))) = (
        kr_figures(&before.figures, o, k),
        find_key_result(&after, &args.kr).ok(),
    ) && let Some(now) = kr_figures(&after.figures, o2, k2)
    {
        let progress = msg!(
            AUTHOR_PROGRESS,
            kr = args.kr.as_str(),
            was = percent(was.raw_progress),
            now = percent(now.raw_progress),
            status = status_name(now.status)
        );
        report.push(progress.text(lang));
        let counted = &after.site.objectives[o2].key_results[k2].checkins[..now.checkins];
        let note = not_counted(after.figures.as_of, counted, &rel, (date, time), &args.kr);
        notes.extend(note.map(|n| n.text(lang)));
    }
    let (errors, _) = diagnostics::count(&after.diagnostics);
    if errors > 0 {
        let errors = count(errors, &common::ONE_ERROR, &common::ERRORS);
        notes.push(msg!(AUTHOR_SITE_HAS_ERRORS_NO_BUILD, errors = errors).text(lang));
    }
    Ok(Outcome { report, notes })
}

/// Why the check-in just written (`rel`, dated `when`) is not the one whose value counts,
/// if it is not: it is dated after the as-of date, or another check-in of that day, among
/// those `counted`, comes after it.
fn not_counted(
    as_of: NaiveDate,
    counted: &[Checkin],
    rel: &str,
    (date, time): (NaiveDate, Option<NaiveTime>),
    kr: &str,
) -> Option<Message> {
    if date > as_of {
        return Some(msg!(
            AUTHOR_DATED_AFTER_AS_OF,
            date = date.to_string(),
            as_of = as_of.to_string()
        ));
    }
    let last = counted.last()?;
    if *last.source == *rel || last.date != date {
        return None;
    }
    let why = if last.time.unwrap_or(NaiveTime::MIN) > time.unwrap_or(NaiveTime::MIN) {
        msg!(AUTHOR_LATER_IN_THE_DAY)
    } else {
        msg!(AUTHOR_LATER_BY_PATH)
    };
    Some(msg!(
        AUTHOR_LATER_CHECKIN,
        file = &*last.source,
        kr = kr,
        date = date.to_string(),
        why = why
    ))
}

fn kr_id(full_id: &str) -> &str {
    full_id.rsplit_once('/').map_or(full_id, |(_, kr)| kr)
}

fn kr_figures(figures: &Figures, o: usize, k: usize) -> Option<&crate::compute::KeyResultFigures> {
    figures.objectives.get(o)?.key_results.get(k)
}

/// A status in words: its identifier in English (as okrs.json has it), the glossary's
/// word in Chinese.
fn status_name(status: Status) -> Message {
    Message::new(match status {
        Status::Upcoming => &AUTHOR_STATUS_UPCOMING,
        Status::Done => &AUTHOR_STATUS_DONE,
        Status::Missed => &AUTHOR_STATUS_MISSED,
        Status::NoData => &AUTHOR_STATUS_NO_DATA,
        Status::OnTrack => &AUTHOR_STATUS_ON_TRACK,
        Status::Behind => &AUTHOR_STATUS_BEHIND,
    })
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
    let hint = crate::validate::key_result_hint(site, full_id);
    let message = msg!(AUTHOR_UNKNOWN_KEY_RESULT, kr = full_id, hint = hint);
    if analysis.has_errors() {
        let message = msg!(AUTHOR_KEY_RESULT_MAYBE_BROKEN, message = message);
        return Err(Error::Refused(message));
    }
    Err(Error::Refused(message))
}

/// Refuses a value for a milestone, `done` for a number, or neither.
fn check_fits(kr: &str, metric: Metric, args: &NewCheckin) -> Result<(), Error> {
    match (metric, args.value, args.done) {
        (Metric::Milestone, None, Some(_)) => Ok(()),
        (Metric::Milestone, _, _) => {
            Err(Error::Refused(msg!(AUTHOR_MILESTONE_NEEDS_DONE, kr = kr)))
        }
        (_, Some(_), None) => Ok(()),
        (metric, _, _) => Err(Error::Refused(msg!(
            AUTHOR_NUMBER_NEEDS_VALUE,
            kr = kr,
            metric = metric.as_str()
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

fn checkin_text(date: NaiveDate, time: Option<NaiveTime>, args: &NewCheckin) -> String {
    let mut t = String::from("---\n");
    match time {
        Some(time) => t += &format!("date: {date}T{}\n", time.format("%H:%M")),
        None => t += &format!("date: {date}\n"),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Language = Language::En;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    fn write(dir: &Path, rel: &str, text: &str) {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// A site as of 2024-05-20 with one key result, `o1/renewal` (40 → 70).
    fn site() -> tempfile::TempDir {
        let dir = tempfile::TempDir::new().unwrap();
        write(dir.path(), "okrs.yaml", "title: T\nas_of: 2024-05-20\n");
        write(
            dir.path(),
            "objectives/o1.md",
            "---\ntitle: Win\nperiod: 2024-Q2\nkey_results:\n  \
             - { id: renewal, title: Renewal, owner: ann, start: 40, target: 70 }\n---\n",
        );
        dir
    }

    fn checkin(value: f64, date: Option<NaiveDate>) -> NewCheckin {
        NewCheckin {
            kr: "o1/renewal".into(),
            value: Some(value),
            date,
            ..NewCheckin::default()
        }
    }

    fn current(dir: &Path) -> crate::compute::Current {
        let analysis = crate::analyse(dir, &Options::default());
        analysis.figures.objectives[0].key_results[0].current
    }

    #[test]
    fn a_checkin_written_now_carries_the_time_and_wins_over_the_day_so_far() {
        let dir = site();
        // Written by hand earlier that day, without a time, in a file that sorts last.
        write(
            dir.path(),
            "checkins/zz-weekly.md",
            "---\ndate: 2024-05-15\nkr: o1/renewal\nvalue: 61\n---\n",
        );
        assert_eq!(current(dir.path()), crate::compute::Current::Number(61.0));

        let outcome = new_checkin(
            dir.path(),
            &checkin(55.0, None),
            at("2024-05-15 14:30:59"),
            EN,
        )
        .unwrap();
        let text =
            std::fs::read_to_string(dir.path().join("checkins/2024-05-15-o1-renewal.md")).unwrap();
        assert_eq!(
            text,
            "---\ndate: 2024-05-15T14:30\nkr: o1/renewal\nvalue: 55\n---\n"
        );
        assert_eq!(current(dir.path()), crate::compute::Current::Number(55.0));
        assert!(outcome.notes.is_empty(), "{:?}", outcome.notes);

        // A second one in the same minute ties on the time and wins by its name.
        let outcome = new_checkin(
            dir.path(),
            &checkin(57.0, None),
            at("2024-05-15 14:30:10"),
            EN,
        )
        .unwrap();
        let second = dir.path().join("checkins/2024-05-15-o1-renewal_2.md");
        assert_eq!(outcome.report[0], format!("wrote {}", second.display()));
        assert_eq!(current(dir.path()), crate::compute::Current::Number(57.0));
    }

    #[test]
    fn an_explicit_date_is_the_day_alone_and_a_later_time_of_that_day_is_noted() {
        let dir = site();
        write(
            dir.path(),
            "checkins/a-evening.md",
            "---\ndate: 2024-05-15 18:00\nkr: o1/renewal\nvalue: 61\n---\n",
        );
        let day = NaiveDate::from_ymd_opt(2024, 5, 15);
        let outcome = new_checkin(
            dir.path(),
            &checkin(55.0, day),
            at("2024-05-20 09:00:00"),
            EN,
        )
        .unwrap();
        let text =
            std::fs::read_to_string(dir.path().join("checkins/2024-05-15-o1-renewal.md")).unwrap();
        assert!(text.starts_with("---\ndate: 2024-05-15\n"), "{text}");
        assert_eq!(
            outcome.notes,
            [
                "note: checkins/a-evening.md also checks in 'o1/renewal' on 2024-05-15 and comes \
              after this one (later in the day), so its value counts"
            ]
        );
        assert_eq!(current(dir.path()), crate::compute::Current::Number(61.0));

        // Written at 14:30 that day, it still loses to the evening's check-in.
        let outcome = new_checkin(
            dir.path(),
            &checkin(56.0, None),
            at("2024-05-15 14:30:00"),
            EN,
        )
        .unwrap();
        assert!(
            outcome.notes[0].contains("(later in the day)"),
            "{:?}",
            outcome.notes
        );
        assert_eq!(current(dir.path()), crate::compute::Current::Number(61.0));
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
