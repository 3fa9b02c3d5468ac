//! okrs.yaml: the site's title, language, as-of date, custom periods and lint settings.

use super::Missing;
use super::hints;
use super::messages::*;
use super::schema::{Fields, Reader, did_you_mean};
use crate::message::common;
use crate::model::*;
use crate::msg;
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
    "show_extra",
    "extra",
];
const PERIOD_KEYS: &[&str] = &["id", "start", "end"];
const LEVELS: [&str; 3] = ["allow", "warn", "deny"];

/// Whether okrs.yaml, one of its custom periods or its lint settings has this key.
pub(crate) fn is_known_key(key: &str) -> bool {
    CONFIG_KEYS.contains(&key)
        || PERIOD_KEYS.contains(&key)
        || key == "level"
        || Rule::lint(key).is_some()
        || Rule::lints().any(|r| r.param().is_some_and(|(p, _)| p == key))
}

pub(crate) fn read(r: &mut Reader, root: &Node) -> Config {
    let mut config = Config {
        pace_tolerance: 0.1,
        ..Config::default()
    };
    let Some(f) = r.fields(root, msg!(LOAD_IN_CONFIG), CONFIG_KEYS) else {
        r.gap(root.pos, Missing::LintSettings);
        return config;
    };
    if let Some(title) = r.required_text(&f, "title", &LOAD_IN_CONFIG) {
        config.title = title.value;
    }
    config.language = language(r, &f);
    config.description = r.text(&f, "description").map(|t| t.value);
    config.base_url = base_url(r, &f);
    config.theme = theme(r, &f);
    config.as_of = r.date(&f, "as_of").map(|d| d.value);
    if let Some(tolerance) = pace_tolerance(r, &f) {
        config.pace_tolerance = tolerance;
    }
    config.periods = periods(r, &f);
    if let Some(lints) = f.get("lints") {
        lint_settings(r, lints, &mut config);
    }
    config.show_extra = r
        .text_list(&f, "show_extra")
        .into_iter()
        .map(|key| key.value)
        .collect();
    config.extra = r.extra(&f);
    config
}

/// `language`: English when not given. `zh-cn`, `中文` are `zh-CN`: said, and read as meant,
/// so that the site (and this message) is in the language meant.
fn language(r: &mut Reader, f: &Fields) -> Language {
    match r.text(f, "language") {
        None => Language::En,
        Some(t) => match t.value.as_str() {
            "en" => Language::En,
            "zh-CN" => Language::ZhCn,
            other => {
                let meant = hints::language(other);
                let hint = meant.map(|l| msg!(LOAD_WRITE, key = "language", value = l));
                r.error(
                    t.pos,
                    Rule::InvalidValue,
                    msg!(LOAD_LANGUAGE, value = other, hint = hint),
                );
                match meant {
                    Some("zh-CN") => Language::ZhCn,
                    _ => Language::En,
                }
            }
        },
    }
}

/// `base_url`, when it is an address feed.xml's links can start with (else reported).
fn base_url(r: &mut Reader, f: &Fields) -> Option<String> {
    r.text(f, "base_url").and_then(|t| {
        if is_base_url(&t.value) {
            return Some(t.value);
        }
        r.error(
            t.pos,
            Rule::InvalidValue,
            msg!(LOAD_BASE_URL, value = &t.value),
        );
        None
    })
}

/// `theme`, when it can be a folder's name (else reported).
fn theme(r: &mut Reader, f: &Fields) -> Option<At<String>> {
    r.text(f, "theme").and_then(|t| {
        if is_folder_name(&t.value) {
            return Some(t);
        }
        r.error(
            t.pos,
            Rule::InvalidValue,
            msg!(
                LOAD_THEME_NOT_A_NAME,
                theme = &t.value,
                built_in = super::theme::BUILT_IN_THEMES.join(", ")
            ),
        );
        None
    })
}

/// `pace_tolerance`, when given and from 0 to 1 (else reported).
fn pace_tolerance(r: &mut Reader, f: &Fields) -> Option<f64> {
    let tolerance = r.number(f, "pace_tolerance")?;
    if (0.0..=1.0).contains(&tolerance.value) {
        return Some(tolerance.value);
    }
    r.error(
        tolerance.pos,
        Rule::InvalidValue,
        msg!(LOAD_PACE_TOLERANCE, value = tolerance.value),
    );
    None
}

/// The custom periods that can be read; each that cannot is a gap, named by its id when it
/// has one.
fn periods(r: &mut Reader, f: &Fields) -> Vec<At<Period>> {
    r.list(f, "periods")
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
        .collect()
}

/// Whether `base_url` is an address feed.xml's links can start with: `http://` or
/// `https://` and a host, with no white space, quotes, angle brackets, query or fragment.
fn is_base_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split('/').next().unwrap_or("");
    !host.is_empty()
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\?#".contains(c))
}

/// Whether a theme is named as one folder (`themes/NAME/` of the site), not a path.
fn is_folder_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', ':'])
        && !name.chars().any(char::is_control)
        && !std::path::Path::new(name).is_absolute()
}

fn custom_period(r: &mut Reader, node: &Node) -> Option<At<Period>> {
    let f = r.fields(node, msg!(LOAD_A_CUSTOM_PERIOD), PERIOD_KEYS)?;
    r.require(&f, "id", &LOAD_A_CUSTOM_PERIOD);
    r.require(&f, "start", &LOAD_A_CUSTOM_PERIOD);
    r.require(&f, "end", &LOAD_A_CUSTOM_PERIOD);
    let id = r.id(&f, "id");
    let start = r.date(&f, "start");
    let end = r.date(&f, "end");
    let id = id?;
    if period::calendar(&id.value).is_some() {
        r.error(
            id.pos,
            Rule::InvalidValue,
            msg!(LOAD_CALENDAR_ID_TAKEN, id = &id.value),
        );
        return None;
    }
    let (start, end) = (start?, end?);
    if end.value < start.value {
        r.error(
            end.pos,
            Rule::InvalidValue,
            msg!(
                LOAD_PERIOD_ENDS_FIRST,
                id = &id.value,
                end = end.value.to_string(),
                start = start.value.to_string()
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
    let Some(f) = r.fields(node, msg!(LOAD_IN_LINTS), &names) else {
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
                let what = msg!(LOAD_LINT_SETTINGS, rule = rule.name());
                let Some(s) = r.fields(value, what, &known) else {
                    continue;
                };
                setting_map(r, &s, rule.param().map(|(name, _)| name))
            }
            _ => {
                let param = rule
                    .param()
                    .map(|(p, _)| format!(", {p}: 5"))
                    .unwrap_or_default();
                r.error(
                    value.pos,
                    Rule::Type,
                    msg!(LOAD_LINT_TAKES, rule = rule.name(), param = param),
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
                msg!(LOAD_WHOLE_NUMBER, key = p, value = n.value),
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
            let hint = common::did_you_mean_key(did_you_mean(&text, LEVELS));
            r.error(
                node.pos,
                Rule::InvalidValue,
                msg!(LOAD_LINT_LEVEL, level = text, hint = hint),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_base_url_is_an_http_address_to_build_links_on() {
        for good in [
            "https://intranet.example.com/okrs/",
            "http://okrs.internal",
            "HTTPS://Example.com/a/b",
            "http://10.0.0.5:8080/okrs",
        ] {
            assert!(is_base_url(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript://example.com/%0aalert(1)",
            "data:text/html,x",
            "//example.com/",
            "example.com/okrs/",
            "https://",
            "https:///path",
            "https://example.com/\"><script>",
            "https://example.com/ a",
            "https://example.com/?q=1",
            "https://example.com/#top",
            "",
        ] {
            assert!(!is_base_url(bad), "{bad}");
        }
    }

    #[test]
    fn a_theme_is_a_folder_name_not_a_path() {
        for good in ["default", "acme", "企业主题", "acme-2024"] {
            assert!(is_folder_name(good), "{good}");
        }
        for bad in [
            "/etc",
            "../../etc",
            "a/b",
            "a\\b",
            "C:\\themes",
            ".",
            "..",
            ".hidden",
            "",
        ] {
            assert!(!is_folder_name(bad), "{bad}");
        }
    }
}
