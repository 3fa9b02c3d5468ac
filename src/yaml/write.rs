//! Writing YAML for a new file (`okrs new`): text, ids and numbers written so that the
//! reader ([`crate::yaml::parse`]) reads each back as exactly what was meant.

/// A YAML double-quoted string: safe for any text (`:`, `#`, quotes, leading `-`, `*` …).
pub(crate) fn yaml_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            // Characters YAML does not allow as they are: controls, DEL, C1 controls,
            // line and paragraph separators, the byte-order mark and non-characters.
            c if (c < ' ')
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ) =>
            {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A YAML scalar for an id or name: plain when it can only be read back as this very
/// text (`li-si`, `销售部`, `teebee-o1/renewal`), else double-quoted.
pub(crate) fn yaml_scalar(text: &str) -> String {
    const WORDS: [&str; 11] = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf",
    ];
    let plain = text.chars().next().is_some_and(char::is_alphabetic)
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
        && !WORDS.contains(&text.to_lowercase().as_str());
    if plain {
        text.to_owned()
    } else {
        yaml_quoted(text)
    }
}

/// A number as YAML: whole numbers without decimals, never an exponent.
pub(crate) fn yaml_number(v: f64) -> String {
    if v == 0.0 {
        "0".to_owned()
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{self, Value};

    /// What `key: <written>` reads back as.
    fn read_back(written: &str) -> Value {
        let root = yaml::parse(&format!("key: {written}\n")).expect("valid YAML");
        root.as_map().unwrap()[0].1.value.clone()
    }

    #[test]
    fn quoted_strings_read_back_as_written() {
        for text in [
            "Grow revenue: the mid-market",
            "# not a comment",
            "- not a list",
            "* not an alias",
            "& not an anchor",
            "! not a tag",
            "%",
            "@at",
            "`tick`",
            "'single' and \"double\" quotes",
            "back\\slash",
            "line\nbreak\tand tab",
            "bell\u{7}, del\u{7f}, nel\u{85}, ls\u{2028}",
            "true",
            "null",
            "2024",
            "1e3",
            "~",
            "",
            "  padded  ",
            "客户续约率达到70%：第二季度",
            "{ not: a map }",
            "[not, a list]",
            "a: b # c",
        ] {
            assert_eq!(
                read_back(&yaml_quoted(text)),
                Value::Str(text.to_owned()),
                "{text:?} written as {}",
                yaml_quoted(text)
            );
        }
    }

    #[test]
    fn plain_scalars_only_where_they_read_back_as_text() {
        assert_eq!(yaml_scalar("li-si"), "li-si");
        assert_eq!(yaml_scalar("销售部"), "销售部");
        assert_eq!(yaml_scalar("teebee-o1/renewal"), "teebee-o1/renewal");
        assert_eq!(yaml_scalar("Li Si"), "\"Li Si\"");
        assert_eq!(yaml_scalar("true"), "\"true\"");
        assert_eq!(yaml_scalar("No"), "\"No\"");
        assert_eq!(yaml_scalar("2024"), "\"2024\"");
        assert_eq!(yaml_scalar("a:b"), "\"a:b\"");
        for text in [
            "li-si",
            "销售部",
            "o1/kr2",
            "Li Si",
            "yes",
            "007",
            "x.y_z",
            "-x",
            "a#b",
        ] {
            assert_eq!(
                read_back(&yaml_scalar(text)),
                Value::Str(text.to_owned()),
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_survives_quoting(text in "\\PC*") {
            proptest::prop_assert_eq!(read_back(&yaml_quoted(&text)), Value::Str(text.clone()));
        }

        #[test]
        fn any_text_survives_plain_or_quoted(text in "[a-z销#:\\- /._0-9]{1,12}") {
            proptest::prop_assert_eq!(read_back(&yaml_scalar(&text)), Value::Str(text.clone()));
        }
    }

    #[test]
    fn numbers_are_written_without_needless_decimals() {
        assert_eq!(yaml_number(55.0), "55");
        assert_eq!(yaml_number(99.95), "99.95");
        assert_eq!(yaml_number(-0.0), "0");
        assert_eq!(yaml_number(-12.5), "-12.5");
        assert_eq!(yaml_number(1e21), "1000000000000000000000");
    }
}
