//! A micro-benchmark of the charts, run by hand (never by `cargo test`):
//!
//! ```text
//! cargo run --release --example chart_bench [ROUNDS]
//! ```
//!
//! Draws, per round, what one objective page of the issue-8 corpus draws (four burn-ups,
//! one of each kind, six check-ins each; the progress chart; the sparkline), a period's
//! status breakdown and a 100-row teams chart, and prints the time and bytes per chart.

use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use okrs::model::Metric;
use okrs::render::charts::{self, Bar, BurnUp, ChartLabels, ProgressOverTime, StatusSlice};

fn labels() -> ChartLabels {
    let s = |t: &str| t.to_string();
    ChartLabels {
        date: s("Date"),
        value: s("Value"),
        progress: s("Progress"),
        target: s("Target"),
        as_of: s("As of"),
        kept: s("Kept"),
        broken: s("Broken"),
        done: s("Done"),
        not_done: s("Not done"),
        expected: s("Expected pace"),
        count: s("Objectives"),
        team: s("Team"),
        colon: s(": "),
        separator: s("; "),
        comma: s(", "),
        parens: s(" ({text})"),
    }
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
}

/// Runs `f` `rounds` times; prints nanoseconds and bytes per call.
fn measure(name: &str, rounds: u32, f: impl Fn() -> String) {
    let bytes = f().len();
    let t = Instant::now();
    for _ in 0..rounds {
        black_box(f());
    }
    let ns = t.elapsed().as_nanos() / u128::from(rounds);
    println!("{name:<22} {ns:>9} ns {bytes:>8} B");
}

fn main() {
    let rounds: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let l = labels();
    let dates: Vec<NaiveDate> = (0..6).map(|i| day(1 + i / 2, 3 + 13 * (i % 2))).collect();
    let rising: Vec<(NaiveDate, f64)> = dates
        .iter()
        .enumerate()
        .map(|(i, &d)| (d, 12.0 + 7.3 * i as f64))
        .collect();
    let milestone: Vec<(NaiveDate, f64)> = dates
        .iter()
        .enumerate()
        .map(|(i, &d)| (d, f64::from(u8::from(i >= 4))))
        .collect();
    let format_value = |v: f64| format!("{}%", v.round());
    let format_date = |d: NaiveDate| d.format("%b %-d").to_string();
    let format_percent = |v: f64| format!("{}%", (v * 100.0).round());
    let burn = |metric: Metric, target: Option<f64>, points: &[(NaiveDate, f64)]| {
        charts::burn_up(&BurnUp {
            id: "kr-1-17",
            title: "Raise the weekly active rate",
            metric,
            period_start: day(1, 1),
            period_end: day(3, 31),
            as_of: day(3, 20),
            start: 10.0,
            target,
            points,
            format_value: &format_value,
            format_date: &format_date,
            labels: &l,
        })
    };
    measure("burn_up increase", rounds, || {
        burn(Metric::Increase, Some(60.0), &rising)
    });
    measure("burn_up stay_above", rounds, || {
        burn(Metric::StayAbove, Some(30.0), &rising)
    });
    measure("burn_up milestone", rounds, || {
        burn(Metric::Milestone, None, &milestone)
    });
    let history: Vec<(NaiveDate, f64)> = dates
        .iter()
        .enumerate()
        .map(|(i, &d)| (d, 0.07 * i as f64))
        .collect();
    measure("progress_over_time", rounds, || {
        charts::progress_over_time(&ProgressOverTime {
            id: "objective-17",
            title: "Raise the weekly active rate",
            period_start: day(1, 1),
            period_end: day(3, 31),
            as_of: day(3, 20),
            points: &history,
            format_date: &format_date,
            format_percent: &format_percent,
            labels: &l,
        })
    });
    let spark: Vec<(f64, f64)> = (0..7)
        .map(|i| (f64::from(i) / 7.3, 0.061 * f64::from(i)))
        .collect();
    measure("sparkline", rounds, || {
        charts::sparkline("Raise the weekly active rate", &spark)
    });
    let slices = [
        ("on_track", 2210),
        ("behind", 1790),
        ("no_data", 0),
        ("done", 1000),
    ];
    measure("status_breakdown", rounds, || {
        let slices: Vec<StatusSlice> = slices
            .iter()
            .map(|&(key, count)| StatusSlice {
                key,
                label: key,
                count,
            })
            .collect();
        charts::status_breakdown("status", "Status", &slices, &l)
    });
    let names: Vec<String> = (0..100).map(|i| format!("Team number {i}")).collect();
    let shown: Vec<String> = (0..100).map(|i| format!("{}%", i % 97)).collect();
    measure("bars (100 rows)", rounds / 10, || {
        let rows: Vec<Bar> = (0..100)
            .map(|i| Bar {
                label: &names[i],
                value: (i % 97) as f64 / 100.0,
                display: &shown[i],
                status: Some("on_track"),
            })
            .collect();
        charts::bars("teams", "Teams", &rows, Some(0.54), &l)
    });
}
