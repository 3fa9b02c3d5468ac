//! Issue 12, a Chinese team lead's test of a zh-CN site: `tests/fixtures/zh-qa/` holds
//! each mistake in its own file, around clean objectives. Each mistake is exactly one
//! diagnostic at its file:line:col, whose Chinese message gives the exact text to write;
//! files with a mistake are read as meant, so nothing else is reported for them.

use std::sync::OnceLock;

use crate::support::*;

const SITE: &str = "zh-qa";

fn zh() -> &'static [Diag] {
    static RUN: OnceLock<Vec<Diag>> = OnceLock::new();
    RUN.get_or_init(|| check(&fixture(SITE), &[]).1)
}

fn en() -> &'static [Diag] {
    static RUN: OnceLock<Vec<Diag>> = OnceLock::new();
    RUN.get_or_init(|| check(&fixture(SITE), &["--lang", "en"]).1)
}

/// A file with a mistake: (file, (line, column), rule, key words of the message).
type Case = (
    &'static str,
    (u32, u32),
    &'static str,
    &'static [&'static str],
);

const MISTAKES: &[Case] = &[
    // A number with a Chinese unit gets the number to write.
    (
        "checkins/value-hours.md",
        (5, 8),
        "type",
        &[
            "请写成 `value: 2.5`",
            "「小时」这样的单位请写在关键结果的 `unit:` 中",
        ],
    ),
    (
        "checkins/value-ren.md",
        (5, 8),
        "type",
        &["请写成 `value: 1200`", "「名」"],
    ),
    (
        "checkins/value-wan.md",
        (5, 8),
        "type",
        &["「120 万元」", "请写成 `value: 1200000`", "「元」"],
    ),
    (
        "objectives/target-ge.md",
        (12, 13),
        "type",
        &["请写成 `target: 300`", "并写上 `unit: \"个\"`"],
    ),
    // A key's colon with no space after it.
    (
        "checkins/no-space-value.md",
        (5, 6),
        "yaml-syntax",
        &["冒号后缺少空格：请写成 `value: 120`"],
    ),
    (
        "objectives/no-space-owner.md",
        (4, 6),
        "yaml-syntax",
        &["冒号后缺少空格：请写成 `owner: wang-qiang`"],
    ),
    (
        "objectives/no-space-title.md",
        (9, 10),
        "yaml-syntax",
        &["冒号后缺少空格：请写成 `title: API 网关正式上线`"],
    ),
    // A Chinese name for a key.
    (
        "objectives/chinese-key-title.md",
        (9, 5),
        "unknown-key",
        &["未知的键 `标题`", "是不是想写 `title`"],
    ),
    (
        "objectives/chinese-key-owner.md",
        (4, 1),
        "unknown-key",
        &["未知的键 `负责人`", "是不是想写 `owner`"],
    ),
    // Booleans in quotes, full-width letters, or as 1 and 0.
    (
        "checkins/done-quotes.md",
        (5, 7),
        "type",
        &["中文引号", "请写成 `done: true`"],
    ),
    (
        "checkins/done-full-width.md",
        (5, 7),
        "type",
        &["全角字符", "写成 `done: true`"],
    ),
    (
        "checkins/done-one.md",
        (5, 7),
        "type",
        &["请写成 `done: true`"],
    ),
    (
        "checkins/done-zero.md",
        (5, 7),
        "type",
        &["请写成 `done: false`"],
    ),
    // A `#` in a title that YAML would take for a comment's start.
    (
        "objectives/hash-in-title.md",
        (2, 22),
        "yaml-syntax",
        &[
            "「#」后面的文字被当作注释丢掉了",
            "`title: \"上线开放平台 API 网关 #1，支撑生态合作\"`",
        ],
    ),
    // Wording: lists separated by 、, lint names, UTF-8.
    (
        "objectives/metric-unknown.md",
        (11, 13),
        "invalid-value",
        &["必须是 increase、decrease、stay_above、stay_below、milestone 之一"],
    ),
    (
        "objectives/allow-list-comma.md",
        (7, 16),
        "invalid-value",
        &["分隔检查规则名称", "请写成 `allow: [too-easy, kr-owner]`"],
    ),
    (
        "objectives/gbk.md",
        (1, 1),
        "io",
        &["不是有效的 UTF-8 文本：请另存为 UTF-8 编码"],
    ),
];

#[track_caller]
fn assert_one(diags: &[Diag], &(file, (line, column), rule, words): &Case) {
    let of_file: Vec<&Diag> = diags.iter().filter(|d| d.file == file).collect();
    assert_eq!(
        of_file.len(),
        1,
        "expected exactly one diagnostic in {file}:\n{}",
        listing(diags)
    );
    let d = of_file[0];
    assert_eq!(
        (d.line, d.column, d.rule.as_str()),
        (line, column, rule),
        "{file}: {}",
        d.message
    );
    for word in words {
        assert!(
            d.message.contains(word),
            "{file}: {word:?} is not in the message: {}",
            d.message
        );
    }
}

#[test]
fn each_mistake_is_one_chinese_error_at_its_place() {
    for case in MISTAKES {
        assert_one(zh(), case);
    }
}

#[test]
fn nothing_else_is_reported() {
    let diags = zh();
    assert_eq!(diags.len(), MISTAKES.len(), "{}", listing(diags));
    assert!(diags.iter().all(Diag::is_error), "{}", listing(diags));
}

#[test]
fn with_lang_en_the_same_mistakes_are_told_in_english() {
    let diags = en();
    assert_eq!(diags.len(), MISTAKES.len(), "{}", listing(diags));
    let cases: &[Case] = &[
        (
            "checkins/value-wan.md",
            (5, 8),
            "type",
            &["write `value: 1200000`", "a unit such as '元'"],
        ),
        (
            "objectives/target-ge.md",
            (12, 13),
            "type",
            &["write `target: 300` and `unit: \"个\"`"],
        ),
        (
            "objectives/no-space-owner.md",
            (4, 6),
            "yaml-syntax",
            &["a colon must be followed by a space: write `owner: wang-qiang`"],
        ),
        (
            "objectives/chinese-key-title.md",
            (9, 5),
            "unknown-key",
            &["`标题`", "`title`"],
        ),
        (
            "objectives/metric-unknown.md",
            (11, 13),
            "invalid-value",
            &["one of increase, decrease, stay_above, stay_below, milestone"],
        ),
    ];
    for case in cases {
        assert_one(diags, case);
    }
}
