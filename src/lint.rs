//! Stage 4: the lints of SPEC 5, which turn the methodology's advice into warnings, at
//! the level and with the parameter okrs.yaml gives each rule.

use crate::compute::{Current, Figures, progress_history};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::*;
use crate::period;

/// Runs every lint and applies the configured levels to them and to the lint warnings
/// raised earlier (unknown-person, unknown-team), dropping allowed ones.
pub fn lint(site: &Site, figures: &Figures, mut earlier: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let as_of = figures.as_of;
    let max_krs = param(site, "max-key-results");
    let stale_days = param(site, "stale-checkin");
    for (o, resolved) in site.objectives.iter().enumerate() {
        let objective = &resolved.data;
        let file = site.documents[resolved.document].path.as_str();
        let f = &figures.objectives[o];
        let period = &site.periods[resolved.period];
        let mut warn = |pos: Pos, rule: &str, message: String| {
            found.push(Diagnostic::new(file, pos, Severity::Warning, rule, message));
        };
        let id = &objective.id.value;

        if objective.key_results.len() as f64 > max_krs {
            let over = &objective.key_results[max_krs as usize];
            warn(
                over.pos,
                "max-key-results",
                format!(
                    "objective '{id}' has {} key results; keep to the {max_krs} that matter most",
                    objective.key_results.len()
                ),
            );
        }
        if objective.aligns_to.is_empty() {
            warn(
                objective.pos,
                "objective-aligned",
                format!(
                    "objective '{id}' aligns to nothing: give `aligns_to` a strategy or a parent objective"
                ),
            );
        }
        if objective.key_results.is_empty() && resolved.children.is_empty() {
            warn(
                objective.pos,
                "objective-empty",
                format!("objective '{id}' has no key results and no objective aligns to it"),
            );
        }
        if objective.commitment == Commitment::Committed && period.end < as_of && f.progress < 1.0 {
            warn(
                objective.pos,
                "committed-missed",
                format!(
                    "committed objective '{id}' ended with period {} at {:.0}% progress; committed means done",
                    period.id,
                    f.progress * 100.0
                ),
            );
        }
        if objective.commitment == Commitment::Aspirational
            && let Some(day) = too_easy(site, figures, o)
        {
            warn(
                objective.pos,
                "too-easy",
                format!(
                    "aspirational objective '{id}' was complete on {day}, in the first half of {}: aim higher",
                    period.id
                ),
            );
        }

        let running = period::is_running(period, as_of);
        for (k, rk) in resolved.key_results.iter().enumerate() {
            let kr = &objective.key_results[rk.written];
            let kf = &f.key_results[k];
            if kr.owner.is_none() {
                warn(
                    kr.pos,
                    "kr-owner",
                    format!(
                        "key result '{}' has no owner: someone must keep pushing and checking it",
                        rk.full_id
                    ),
                );
            }
            if kr.target.is_none() && kr.metric.is_none() {
                warn(
                    kr.pos,
                    "kr-measurable",
                    format!(
                        "key result '{}' has no target: it reads as a task; describe a result to reach (or say `metric: milestone`)",
                        rk.full_id
                    ),
                );
            }
            let done = kf.progress >= 1.0 || kf.current == Current::Done(true);
            if running && !done {
                match rk.checkins[..kf.checkins].last() {
                    None => warn(
                        kr.pos,
                        "kr-no-checkins",
                        format!(
                            "key result '{}' has no check-in yet, {} days into {}",
                            rk.full_id,
                            (as_of - period.start).num_days(),
                            period.id
                        ),
                    ),
                    Some(last) if ((as_of - last.date).num_days() as f64) > stale_days => warn(
                        kr.pos,
                        "stale-checkin",
                        format!(
                            "key result '{}' was last checked in on {}, {} days before {} (more than {stale_days})",
                            rk.full_id,
                            last.date,
                            (as_of - last.date).num_days(),
                            as_of
                        ),
                    ),
                    Some(_) => {}
                }
            }
        }
    }
    found.append(&mut earlier);
    apply_levels(site, found)
}

/// The day an aspirational objective first reached progress 1 within the first half of
/// its period, judged at each of its check-in dates.
fn too_easy(site: &Site, figures: &Figures, o: usize) -> Option<chrono::NaiveDate> {
    let half = period::midpoint(&site.periods[site.objectives[o].period]);
    progress_history(site, figures, o)
        .into_iter()
        .take_while(|(d, _)| *d <= half)
        .find(|(_, p)| *p >= 1.0)
        .map(|(d, _)| d)
}

fn setting(site: &Site, rule: &str) -> Option<LintSetting> {
    site.config.lints.get(rule).copied()
}

/// A rule's parameter: as configured, else its default.
fn param(site: &Site, rule: &str) -> f64 {
    let default = LINT_RULES
        .iter()
        .find(|r| r.name == rule)
        .map_or(0.0, |r| r.default_param);
    setting(site, rule).and_then(|s| s.param).unwrap_or(default)
}

fn apply_levels(site: &Site, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .filter_map(|mut d| {
            match setting(site, &d.rule).and_then(|s| s.level) {
                Some(LintLevel::Allow) => return None,
                Some(LintLevel::Deny) => d.severity = Severity::Error,
                Some(LintLevel::Warn) | None => {}
            }
            Some(d)
        })
        .collect()
}
