//! Periods: calendar quarters, halves and years by their ids, and the expected pace
//! through a period on a given day.

use chrono::NaiveDate;

use crate::model::Period;

/// The calendar period an id names: `2024`, `2024-H1`, `2024-Q2`.
pub(crate) fn calendar(id: &str) -> Option<Period> {
    let (year, part) = match id.split_once('-') {
        Some((y, p)) => (y, Some(p)),
        None => (id, None),
    };
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = year.parse().ok()?;
    let (first_month, last_month) = match part {
        None => (1, 12),
        Some("H1") => (1, 6),
        Some("H2") => (7, 12),
        Some(q) if q.len() == 2 && q.starts_with('Q') => {
            let n: u32 = q[1..].parse().ok()?;
            if !(1..=4).contains(&n) {
                return None;
            }
            (3 * n - 2, 3 * n)
        }
        Some(_) => return None,
    };
    let start = NaiveDate::from_ymd_opt(y, first_month, 1)?;
    let end = last_day_of_month(y, last_month)?;
    Some(Period {
        id: id.to_owned(),
        start,
        end,
    })
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// `clamp((as_of − start) / (end − start), 0, 1)` in days; a one-day period is 1 from its day on.
pub(crate) fn expected(period: &Period, as_of: NaiveDate) -> f64 {
    let span = (period.end - period.start).num_days();
    let elapsed = (as_of - period.start).num_days();
    if span <= 0 {
        return if elapsed >= 0 { 1.0 } else { 0.0 };
    }
    (elapsed as f64 / span as f64).clamp(0.0, 1.0)
}

/// Where a period stands on the as-of date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PeriodState {
    /// Before its first day.
    Upcoming,
    /// From its first to its last day, both included.
    Running,
    /// After its last day: graded and reviewed.
    Closed,
}

impl PeriodState {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            PeriodState::Upcoming => "upcoming",
            PeriodState::Running => "running",
            PeriodState::Closed => "closed",
        }
    }
}

pub(crate) fn state(period: &Period, as_of: NaiveDate) -> PeriodState {
    if as_of < period.start {
        PeriodState::Upcoming
    } else if as_of <= period.end {
        PeriodState::Running
    } else {
        PeriodState::Closed
    }
}

/// The period that follows one of the same kind: the next quarter, half or year; after a
/// custom period, the custom period (of `custom`) that starts soonest after its end.
pub(crate) fn next(period: &Period, custom: &[Period]) -> Option<String> {
    if let Some((year, part)) = calendar_parts(&period.id) {
        return Some(match part {
            None => format!("{}", year + 1),
            Some(CalendarPart::Half(1)) => format!("{year}-H2"),
            Some(CalendarPart::Half(_)) => format!("{}-H1", year + 1),
            Some(CalendarPart::Quarter(4)) => format!("{}-Q1", year + 1),
            Some(CalendarPart::Quarter(q)) => format!("{year}-Q{}", q + 1),
        });
    }
    custom
        .iter()
        .filter(|p| p.start > period.end)
        .min_by_key(|p| (p.start, p.id.clone()))
        .map(|p| p.id.clone())
}

enum CalendarPart {
    Half(u32),
    Quarter(u32),
}

/// The year and part of a calendar period's id, if it is one.
fn calendar_parts(id: &str) -> Option<(i32, Option<CalendarPart>)> {
    calendar(id)?;
    let (year, part) = match id.split_once('-') {
        Some((y, p)) => (y, Some(p)),
        None => (id, None),
    };
    let n = |p: &str| p[1..].parse().ok();
    let part = match part {
        None => None,
        Some(p) if p.starts_with('H') => Some(CalendarPart::Half(n(p)?)),
        Some(p) => Some(CalendarPart::Quarter(n(p)?)),
    };
    Some((year.parse().ok()?, part))
}

/// Whether the as-of date falls within the period.
pub(crate) fn is_running(period: &Period, as_of: NaiveDate) -> bool {
    period.start <= as_of && as_of <= period.end
}

/// The day halfway through the period (rounded down).
pub(crate) fn midpoint(period: &Period) -> NaiveDate {
    let half = (period.end - period.start).num_days() / 2;
    period.start + chrono::Duration::days(half)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn states_turn_on_the_first_and_after_the_last_day() {
        let q1 = calendar("2024-Q1").unwrap();
        assert_eq!(state(&q1, d("2023-12-31")), PeriodState::Upcoming);
        assert_eq!(state(&q1, d("2024-01-01")), PeriodState::Running);
        assert_eq!(state(&q1, d("2024-03-31")), PeriodState::Running);
        assert_eq!(state(&q1, d("2024-04-01")), PeriodState::Closed);
        // A leap year: 2024-02-29 exists and is inside the first half.
        let h1 = calendar("2024-H1").unwrap();
        assert_eq!(state(&h1, d("2024-02-29")), PeriodState::Running);
        assert_eq!((h1.end - h1.start).num_days(), 181);
        assert_eq!(
            state(&calendar("2023-Q1").unwrap(), d("2023-03-31")),
            PeriodState::Running
        );
    }

    #[test]
    fn the_next_period_is_of_the_same_kind() {
        let next_of = |id: &str| next(&calendar(id).unwrap(), &[]);
        assert_eq!(next_of("2024-Q2").as_deref(), Some("2024-Q3"));
        assert_eq!(next_of("2024-Q4").as_deref(), Some("2025-Q1"));
        assert_eq!(next_of("2024-H1").as_deref(), Some("2024-H2"));
        assert_eq!(next_of("2024-H2").as_deref(), Some("2025-H1"));
        assert_eq!(next_of("2024").as_deref(), Some("2025"));
        let custom = |id: &str, start: &str, end: &str| Period {
            id: id.into(),
            start: d(start),
            end: d(end),
        };
        let periods = [
            custom("FY24", "2023-07-01", "2024-06-30"),
            custom("FY26", "2025-07-01", "2026-06-30"),
            custom("FY25", "2024-07-01", "2025-06-30"),
        ];
        assert_eq!(next(&periods[0], &periods).as_deref(), Some("FY25"));
        assert_eq!(next(&periods[2], &periods).as_deref(), Some("FY26"));
        assert_eq!(next(&periods[1], &periods), None);
    }

    #[test]
    fn quarters_halves_and_years() {
        let q2 = calendar("2024-Q2").unwrap();
        assert_eq!((q2.start, q2.end), (d("2024-04-01"), d("2024-06-30")));
        let h2 = calendar("2024-H2").unwrap();
        assert_eq!((h2.start, h2.end), (d("2024-07-01"), d("2024-12-31")));
        let y = calendar("2024").unwrap();
        assert_eq!((y.start, y.end), (d("2024-01-01"), d("2024-12-31")));
        let q1 = calendar("2024-Q1").unwrap();
        assert_eq!(q1.end, d("2024-03-31"));
        assert!(calendar("2024-Q5").is_none());
        assert!(calendar("2024-H3").is_none());
        assert!(calendar("FY2024").is_none());
        assert!(calendar("24-Q1").is_none());
    }

    #[test]
    fn expected_pace_counts_days_from_start_to_end() {
        let q2 = calendar("2024-Q2").unwrap();
        // 90 days from 04-01 to 06-30.
        assert_eq!(expected(&q2, d("2024-04-01")), 0.0);
        assert!((expected(&q2, d("2024-05-20")) - 49.0 / 90.0).abs() < 1e-12);
        assert_eq!(expected(&q2, d("2024-06-30")), 1.0);
        assert_eq!(expected(&q2, d("2024-03-01")), 0.0);
        assert_eq!(expected(&q2, d("2024-09-01")), 1.0);
    }

    #[test]
    fn leap_years_have_a_longer_first_quarter() {
        let leap = calendar("2024-Q1").unwrap();
        let common = calendar("2023-Q1").unwrap();
        assert_eq!((leap.end - leap.start).num_days(), 90);
        assert_eq!((common.end - common.start).num_days(), 89);
        assert!((expected(&leap, d("2024-03-01")) - 60.0 / 90.0).abs() < 1e-12);
        assert!((expected(&common, d("2023-03-01")) - 59.0 / 89.0).abs() < 1e-12);
        let year = calendar("2024").unwrap();
        assert!((expected(&year, d("2024-12-31")) - 1.0).abs() < 1e-12);
        assert!((expected(&year, d("2024-07-01")) - 182.0 / 365.0).abs() < 1e-12);
    }

    #[test]
    fn a_one_day_period_is_complete_from_its_day_on() {
        let day = Period {
            id: "launch".into(),
            start: d("2024-05-01"),
            end: d("2024-05-01"),
        };
        assert_eq!(expected(&day, d("2024-04-30")), 0.0);
        assert_eq!(expected(&day, d("2024-05-01")), 1.0);
    }
}
