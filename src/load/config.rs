//! okrs.yaml: the site's title, language, as-of date, custom periods and lint settings.

use super::Missing;
use super::schema::{Fields, Reader, did_you_mean};
use crate::model::*;
use crate::period;
use crate::yaml::{Node, Value};

const CONFIG_KEYS: &[&str] = &[
    "title",
    "language",
    "description",
    "base_url",
    "theme",
    "as_of",
    "pace_tolerance",
    "periods",
    "lints",
    "extra",
];
const PERIOD_KEYS: &[&str] = &["id", "start", "end"];
const LEVELS: [&str; 3] = ["allow", "warn", "deny"];

pub fn read(r: &mut Reader, root: &Node) -> Config {
    let mut config = Config {
        pace_tolerance: 0.1,
        ..Config::default()
    };
    let Some(f) = r.fields(root, "okrs.yaml", CONFIG_KEYS) else {
        r.gap(root.pos, Missing::LintSettings);
        return config;
    };
    if let Some(title) = r.required_text(&f, "title", "okrs.yaml") {
        config.title = title.value;
    }
    config.language = match r.text(&f, "language") {
        None => Language::En,
        Some(t) => match t.value.as_str() {
            "en" => Language::En,
            "zh-CN" => Language::ZhCn,
            other => {
                r.error(
                    t.pos,
                    Rule::InvalidValue,
                    format!("`language` is '{other}'; it must be `en` or `zh-CN`"),
                );
                Language::En
            }
        },
    };
    config.description = r.text(&f, "description").map(|t| t.value);
    config.base_url = r.text(&f, "base_url").map(|t| t.value);
    config.theme = r.text(&f, "theme");
    config.as_of = r.date(&f, "as_of").map(|d| d.value);
    if let Some(tolerance) = r.number(&f, "pace_tolerance") {
        if (0.0..=1.0).contains(&tolerance.value) {
            config.pace_tolerance = tolerance.value;
        } else {
            r.error(
                tolerance.pos,
                Rule::InvalidValue,
                format!(
                    "`pace_tolerance` is {}; it must be a fraction from 0 to 1",
                    tolerance.value
                ),
            );
        }
    }
    config.periods = r
        .list(&f, "periods")
        .iter()
        .filter_map(|node| {
            let mark = r.mark();
            let period = custom_period(r, node);
            if period.is_none() {
                let ids = node
                    .get("id")
                    .and_then(Node::scalar_text)
                    .into_iter()
                    .collect();
                r.gap_since(mark, Missing::Periods { ids });
            }
            period
        })
        .collect();
    if let Some(lints) = f.get("lints") {
        lint_settings(r, lints, &mut config);
    }
    config.extra = r.extra(&f);
    config
}

fn custom_period(r: &mut Reader, node: &Node) -> Option<At<Period>> {
    let f = r.fields(node, "a custom period", PERIOD_KEYS)?;
    r.require(&f, "id", "a custom period");
    r.require(&f, "start", "a custom period");
    r.require(&f, "end", "a custom period");
    let id = r.id(&f, "id");
    let start = r.date(&f, "start");
    let end = r.date(&f, "end");
    let id = id?;
    if period::calendar(&id.value).is_some() {
        r.error(
            id.pos,
            Rule::InvalidValue,
            format!(
                "'{}' is a calendar period already; give the custom period another id",
                id.value
            ),
        );
        return None;
    }
    let (start, end) = (start?, end?);
    if end.value < start.value {
        r.error(
            end.pos,
            Rule::InvalidValue,
            format!(
                "period '{}' ends ({}) before it starts ({})",
                id.value, end.value, start.value
            ),
        );
        return None;
    }
    Some(At::new(
        Period {
            id: id.value,
            start: start.value,
            end: end.value,
        },
        id.pos,
    ))
}

fn lint_settings(r: &mut Reader, node: &Node, config: &mut Config) {
    let names = Rule::lint_names();
    let Some(f) = r.fields(node, "`lints`", &names) else {
        return;
    };
    for rule in Rule::lints() {
        let Some(value) = f.get(rule.name()) else {
            continue;
        };
        let setting = match &value.value {
            Value::Str(_) => LintSetting {
                level: level(r, value),
                param: None,
            },
            Value::Map(_) => {
                let mut known = vec!["level"];
                known.extend(rule.param().map(|(name, _)| name));
                let what = format!("the settings of lint `{rule}`");
                let Some(s) = r.fields(value, &what, &known) else {
                    continue;
                };
                setting_map(r, &s, rule.param().map(|(name, _)| name))
            }
            _ => {
                r.error(
                    value.pos,
                    Rule::Type,
                    format!(
                        "lint `{}` takes a level (allow, warn, deny) or a mapping such as {{ level: warn{} }}",
                        rule.name(),
                        rule.param()
                            .map(|(p, _)| format!(", {p}: 5"))
                            .unwrap_or_default()
                    ),
                );
                continue;
            }
        };
        config.lints.insert(rule, setting);
    }
}

fn setting_map(r: &mut Reader, s: &Fields, param: Option<&str>) -> LintSetting {
    let level = s.get("level").and_then(|node| level(r, node));
    let param = param.and_then(|p| {
        let n = r.number(s, p)?;
        if n.value < 0.0 || n.value.fract() != 0.0 {
            r.error(
                n.pos,
                Rule::InvalidValue,
                format!("`{p}` must be a whole number of 0 or more, not {}", n.value),
            );
            return None;
        }
        Some(n.value)
    });
    LintSetting { level, param }
}

fn level(r: &mut Reader, node: &Node) -> Option<LintLevel> {
    let text = node.scalar_text().unwrap_or_default();
    match text.as_str() {
        "allow" => Some(LintLevel::Allow),
        "warn" => Some(LintLevel::Warn),
        "deny" => Some(LintLevel::Deny),
        _ => {
            let hint = did_you_mean(&text, LEVELS)
                .map(|l| format!(" (did you mean `{l}`?)"))
                .unwrap_or_default();
            r.error(
                node.pos,
                Rule::InvalidValue,
                format!("lint level '{text}' must be allow, warn or deny{hint}"),
            );
            None
        }
    }
}
