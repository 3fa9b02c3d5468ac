//! Scales: dates to positions, value domains and their ticks.

use chrono::NaiveDate;

/// Maps dates of a period to 0..1.
#[derive(Clone, Copy)]
pub(super) struct TimeAxis {
    start: NaiveDate,
    pub(super) days: i64,
}

impl TimeAxis {
    pub(super) fn new(start: NaiveDate, end: NaiveDate) -> Self {
        TimeAxis {
            start,
            days: (end - start).num_days(),
        }
    }

    /// Position of a date in the period, clamped to 0..1. A one-day (or inverted)
    /// period is 1 from its day on, as the expected pace is.
    pub(super) fn frac(&self, d: NaiveDate) -> f64 {
        let off = (d - self.start).num_days();
        if self.days <= 0 {
            f64::from(u8::from(off >= 0))
        } else {
            (off as f64 / self.days as f64).clamp(0.0, 1.0)
        }
    }
}

/// The data range with ~10% headroom, not crossing zero when the data does not.
pub(super) fn padded(lo: f64, hi: f64) -> (f64, f64) {
    let range = hi - lo;
    let pad = if range > 1e-12 {
        range * 0.1
    } else if hi.abs() > 1e-12 {
        hi.abs() * 0.1
    } else {
        1.0
    };
    let mut a = lo - pad;
    let mut b = hi + pad;
    if lo >= 0.0 && a < 0.0 {
        a = 0.0;
    }
    if hi <= 0.0 && lo < 0.0 && b > 0.0 {
        b = 0.0;
    }
    if a.is_finite() && b.is_finite() {
        (a, b)
    } else if lo < hi {
        (lo, hi)
    } else {
        (0.0, 1.0)
    }
}

/// Three to six "nice" tick values (multiples of 1, 2 or 5 × 10ⁿ) within lo..hi.
pub(super) fn nice_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let range = hi - lo;
    if !(range.is_finite() && range > 0.0) {
        return vec![lo];
    }
    let raw = range / 6.0;
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let step = mag
        * if f <= 1.0 {
            1.0
        } else if f <= 2.0 {
            2.0
        } else if f <= 5.0 {
            5.0
        } else {
            10.0
        };
    let first = (lo / step - 1e-9).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    // Round away float noise (3 × 0.2 = 0.6000000000000001) so labels stay clean.
    let scale = 10f64.powi((-mag.log10().round() as i32).clamp(0, 12));
    (first..=last.min(first + 20))
        .map(|k| {
            // `+ 0.0` turns -0 into 0.
            (k as f64 * step * scale).round() / scale + 0.0
        })
        .collect()
}

/// The value a fraction `f` of the way from `a` to `b`, also when `b − a` is too large for
/// a number (from −1e308 to 1e308).
pub(super) fn between(a: f64, b: f64, f: f64) -> f64 {
    let way = b - a;
    if way.is_finite() {
        a + way * f
    } else {
        a * (1.0 - f) + b * f
    }
}
