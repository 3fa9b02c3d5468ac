//! Property tests of SPEC 2's formulas for increase/decrease key results and the weighted
//! rollup of an objective: random starts, targets, check-in values and weights, written
//! as decimals, built by `okrs`, and compared with the formulas computed here.

use proptest::prelude::*;

use crate::support::*;

/// A key result: start, target, current (hundredths) and weight.
#[derive(Clone, Debug)]
struct Kr {
    start: i64,
    target: i64,
    current: i64,
    weight: u32,
}

fn kr() -> impl Strategy<Value = Kr> {
    (
        -100_000i64..100_000,
        -100_000i64..100_000,
        -200_000i64..200_000,
        1u32..6,
    )
        .prop_filter("target differs from start", |(s, t, _, _)| s != t)
        .prop_map(|(start, target, current, weight)| Kr {
            start,
            target,
            current,
            weight,
        })
}

/// Hundredths written as a decimal, e.g. -1234 → "-12.34".
fn decimal(hundredths: i64) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let abs = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

fn value(hundredths: i64) -> f64 {
    decimal(hundredths).parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn progress_is_the_way_from_start_to_target_and_objectives_weigh_it(
        krs in proptest::collection::vec(kr(), 1..6)
    ) {
        let site = Site::new("title: Properties\nas_of: 2024-05-20\n");
        let mut text = String::from("---\ntitle: O\nperiod: 2024-Q2\nkey_results:\n");
        for k in &krs {
            text.push_str(&format!(
                "  - {{ title: k, start: {}, target: {}, weight: {}, checkins: [{{ date: 2024-05-01, value: {} }}] }}\n",
                decimal(k.start), decimal(k.target), k.weight, decimal(k.current)
            ));
        }
        text.push_str("---\n");
        site.file("objectives/o.md", text);
        let json = site.built_json(&[]);

        let mut weighted = 0.0;
        let mut weights = 0.0;
        for (i, k) in krs.iter().enumerate() {
            let (s, t, c) = (value(k.start), value(k.target), value(k.current));
            let raw = (c - s) / (t - s);
            let progress = raw.clamp(0.0, 1.0);
            let got = key_result(&json, &format!("o/kr{}", i + 1));
            let metric = if t >= s { "increase" } else { "decrease" };
            prop_assert_eq!(got["metric"].as_str().unwrap(), metric);
            let got_raw = got["raw_progress"].as_f64().unwrap();
            let got_progress = got["progress"].as_f64().unwrap();
            prop_assert!(
                (got_raw - raw).abs() <= TOLERANCE * raw.abs().max(1.0),
                "kr{}: raw_progress {} ≠ ({} − {}) / ({} − {}) = {}", i + 1, got_raw, c, s, t, s, raw
            );
            prop_assert!((got_progress - progress).abs() <= TOLERANCE, "kr{}: progress {} ≠ {}", i + 1, got_progress, progress);
            prop_assert!((0.0..=1.0).contains(&got_progress));
            weighted += progress * f64::from(k.weight);
            weights += f64::from(k.weight);
        }
        let o = objective(&json, "o");
        let got = o["progress"].as_f64().unwrap();
        let want = weighted / weights;
        prop_assert!((got - want).abs() <= TOLERANCE, "objective progress {} ≠ {}", got, want);
        // Only top-level objective of 2024-Q2: the period's progress is the objective's.
        let p = period(&json, "2024-Q2")["progress"].as_f64().unwrap();
        prop_assert!((p - want).abs() <= TOLERANCE);
    }
}
