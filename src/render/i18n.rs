//! The UI strings of each language, from the embedded `locales/*.yaml`.

use crate::model::Language;
use crate::yaml;

const EN: &str = include_str!("../../locales/en.yaml");
const ZH_CN: &str = include_str!("../../locales/zh-CN.yaml");

/// The UI strings of one language, as a nested map for templates (`t.status.done`).
#[derive(Clone, Debug)]
pub(crate) struct Strings {
    tree: serde_json::Value,
    pub(crate) language: Language,
}

impl Default for Strings {
    /// English.
    fn default() -> Strings {
        Strings::for_language(Language::En)
    }
}

impl Strings {
    pub(crate) fn for_language(language: Language) -> Strings {
        let text = match language {
            Language::En => EN,
            Language::ZhCn => ZH_CN,
        };
        let tree = yaml::parse(text).map_or(serde_json::Value::Null, |node| {
            // Every UI string is text, even one that reads as a number.
            node.to_json_with(&|n| {
                n.scalar_text()
                    .map_or(serde_json::Value::Null, serde_json::Value::String)
            })
        });
        Strings { tree, language }
    }

    /// The string at a dotted path (`status.on_track`); the path itself if it is missing,
    /// so a missing string shows rather than vanishing.
    pub(crate) fn get(&self, path: &str) -> String {
        path.split('.')
            .try_fold(&self.tree, |node, key| node.get(key))
            .and_then(serde_json::Value::as_str)
            .map_or_else(|| path.to_owned(), str::to_owned)
    }

    pub(crate) fn tree(&self) -> &serde_json::Value {
        &self.tree
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(prefix: &str, v: &serde_json::Value, out: &mut Vec<String>) {
        if let serde_json::Value::Object(map) = v {
            for (k, child) in map {
                keys(&format!("{prefix}{k}."), child, out);
            }
        } else {
            out.push(prefix.trim_end_matches('.').to_owned());
        }
    }

    #[test]
    fn both_languages_have_the_same_keys() {
        let mut en = Vec::new();
        let mut zh = Vec::new();
        keys("", Strings::for_language(Language::En).tree(), &mut en);
        keys("", Strings::for_language(Language::ZhCn).tree(), &mut zh);
        en.sort();
        zh.sort();
        assert!(en.len() > 50, "the English strings parse");
        assert_eq!(en, zh);
    }

    #[test]
    fn strings_are_found_by_path() {
        let zh = Strings::for_language(Language::ZhCn);
        assert_ne!(zh.get("status.on_track"), "status.on_track");
        assert_eq!(zh.get("no.such.key"), "no.such.key");
    }
}
