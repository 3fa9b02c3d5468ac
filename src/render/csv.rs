//! okrs.csv: one row per key result, UTF-8 with a byte-order mark so that Excel opens
//! Chinese text correctly.

use crate::compute::{Band, Current, Figures, KeyResultFigures};
use crate::model::*;

const HEADER: [&str; 23] = [
    "objective_id",
    "objective_title",
    "period",
    "team",
    "objective_owner",
    "key_result_id",
    "key_result_title",
    "owner",
    "metric",
    "start",
    "target",
    "unit",
    "current",
    "done",
    "raw_progress",
    "progress",
    "confidence",
    "status",
    "at_risk",
    "last_checkin",
    "checkin_due",
    "grade",
    "band",
];

fn number(x: f64) -> String {
    let x = if x == 0.0 { 0.0 } else { x };
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// Text that a spreadsheet would run as a formula (`=cmd|…`, `@SUM(…)`) gets a leading `'`,
/// which spreadsheets read as "this is text"; numbers are left alone.
fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && !cell.parse::<f64>().is_ok_and(f64::is_finite);
    if risky {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// okrs.csv's bytes: the byte-order mark, the header, and a row per key result of each
/// included objective, in site order.
pub(crate) fn to_bytes(site: &Site, figures: &Figures) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(HEADER);
    for (o, resolved) in site.objectives.iter().enumerate() {
        let f = &figures.objectives[o];
        if !f.included {
            continue;
        }
        for (k, kr) in resolved.each_key_result().enumerate() {
            let row = key_result_row(site, resolved, kr, &f.key_results[k]);
            let _ = writer.write_record(row.iter().map(|cell| spreadsheet_safe(cell).into_owned()));
        }
    }
    writer.into_inner().unwrap_or_default()
}

/// A key result's row: its objective's columns, then its own, as `HEADER` names them.
fn key_result_row(
    site: &Site,
    resolved: &ResolvedObjective,
    KeyResultRef {
        written: kr,
        resolved: rk,
    }: KeyResultRef<'_>,
    kf: &KeyResultFigures,
) -> Vec<String> {
    let data = &resolved.data;
    let numeric_start = matches!(rk.metric, Metric::Increase | Metric::Decrease);
    vec![
        data.id.value.clone(),
        data.title.clone(),
        site.periods[resolved.period].id.clone(),
        resolved
            .team
            .map(|t| site.teams[t].name.clone())
            .unwrap_or_default(),
        resolved
            .owner
            .map(|p| site.people[p].name.clone())
            .unwrap_or_default(),
        rk.full_id.clone(),
        kr.title.clone(),
        rk.owner
            .map(|p| site.people[p].name.clone())
            .unwrap_or_default(),
        rk.metric.as_str().to_owned(),
        if numeric_start {
            number(kr.start_value())
        } else {
            String::new()
        },
        kr.target
            .as_ref()
            .filter(|_| rk.metric != Metric::Milestone)
            .map(|t| number(t.value))
            .unwrap_or_default(),
        kr.unit.clone().unwrap_or_default(),
        // A number or nothing, so that spreadsheets read the column as numbers;
        // whether a milestone is done is in `done`.
        match kf.current {
            Current::Number(v) => number(v),
            Current::Done(_) => String::new(),
        },
        super::json::is_done(kf).to_string(),
        number(kf.raw_progress),
        number(kf.progress),
        kf.confidence.map(|c| c.to_string()).unwrap_or_default(),
        kf.status.as_str().to_owned(),
        kf.at_risk.to_string(),
        rk.checkins[..kf.checkins]
            .last()
            .map(super::json::checkin_date)
            .unwrap_or_default(),
        kf.checkin_due.to_string(),
        kf.grade.map(number).unwrap_or_default(),
        kf.grade
            .map(|g| Band::of(g).as_str().to_owned())
            .unwrap_or_default(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        assert_eq!(
            spreadsheet_safe("=cmd|' /C calc'!A0"),
            "'=cmd|' /C calc'!A0"
        );
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("-0.3"), "-0.3");
        assert_eq!(spreadsheet_safe("-inf"), "'-inf");
        assert_eq!(spreadsheet_safe("客户续约率达到70%"), "客户续约率达到70%");
    }
}
