//! Issue 12: the habits of Chinese typing in front matter. `tests/fixtures/zh-load-mistakes/`
//! is a zh-CN site with each mistake in its own file, around two clean objectives that the
//! mistakes refer to. Each mistake is exactly one diagnostic, at the character itself, whose
//! Chinese message names it and the exact value to write; some are checked in English with
//! `--lang en`. Files with a mistake are read as meant, so nothing else is reported for them.

use std::sync::OnceLock;

use crate::support::*;

const SITE: &str = "zh-load-mistakes";

/// `okrs check` of the fixture in its own language (Chinese), run once.
fn zh() -> &'static [Diag] {
    static RUN: OnceLock<Vec<Diag>> = OnceLock::new();
    RUN.get_or_init(|| check(&fixture(SITE), &[]).1)
}

/// The same, with `--lang en`.
fn en() -> &'static [Diag] {
    static RUN: OnceLock<Vec<Diag>> = OnceLock::new();
    RUN.get_or_init(|| check(&fixture(SITE), &["--lang", "en"]).1)
}

/// The one diagnostic of `file`, which must be at `line`:`column` under `rule`, with every
/// one of `words` in its message.
#[track_caller]
fn assert_one(diags: &[Diag], file: &str, (line, column): (u32, u32), rule: &str, words: &[&str]) {
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

/// A file with a mistake: (file, (line, column), rule, key words of the message).
type Case = (
    &'static str,
    (u32, u32),
    &'static str,
    &'static [&'static str],
);

/// Every file of the fixture with a mistake, and key words of its Chinese message.
const MISTAKES: &[Case] = &[
    // Full-width characters and quotation marks.
    (
        "checkins/full-width-colon.md",
        (2, 5),
        "yaml-syntax",
        &[
            "全角冒号「：」，请改为半角「:」后加空格",
            "`date: 2025-04-21`",
        ],
    ),
    (
        "checkins/full-width-colon-flow.md",
        (4, 29),
        "yaml-syntax",
        &[
            "`value` 后是全角冒号「：」",
            "`- { kr: co-o2/users, value: 360 }`",
        ],
    ),
    (
        "checkins/full-width-indent.md",
        (4, 1),
        "yaml-syntax",
        &["缩进里有全角空格「　」", "请改用半角空格缩进"],
    ),
    (
        "checkins/full-width-space.md",
        (2, 6),
        "yaml-syntax",
        &["`date:` 后是全角空格「　」", "`date: 2025-04-21`"],
    ),
    (
        "checkins/full-width-digit.md",
        (4, 8),
        "type",
        &["`value: １` 中用了全角字符", "写成 `value: 1`"],
    ),
    (
        "objectives/chinese-quotes-unit.md",
        (10, 11),
        "invalid-value",
        &["`unit: “个”` 中的中文引号 “”", "请写成 `unit: 个`"],
    ),
    (
        "checkins/chinese-quotes-number.md",
        (4, 8),
        "type",
        &["中文引号 “”", "请写成 `value: 350`"],
    ),
    (
        "objectives/chinese-quotes-team.md",
        (6, 7),
        "invalid-value",
        &["中文引号 「」", "请写成 `team: product`"],
    ),
    (
        "objectives/colon-in-title.md",
        (2, 10),
        "yaml-syntax",
        &[
            "冒号加空格",
            "请给整个值加上引号：`title: \"O1: 确定创新方向\"`",
        ],
    ),
    // Dates.
    (
        "checkins/date-chinese.md",
        (2, 7),
        "invalid-value",
        &[
            "「2025年4月11日」不是 YYYY-MM-DD 格式的日期",
            "请写成 `date: 2025-04-11`",
        ],
    ),
    (
        "checkins/date-slash.md",
        (2, 7),
        "invalid-value",
        &["「2025/4/11」", "请写成 `date: 2025-04-11`"],
    ),
    (
        "checkins/date-dot.md",
        (2, 7),
        "invalid-value",
        &["「2025.4.11」", "请写成 `date: 2025-04-11`"],
    ),
    // Periods: raised where periods are checked, with the calendar id meant.
    (
        "objectives/period-year-q.md",
        (3, 9),
        "unknown-reference",
        &["2025-Q2"],
    ),
    (
        "objectives/period-no-dash.md",
        (3, 9),
        "unknown-reference",
        &["2025-Q2"],
    ),
    (
        "objectives/period-chinese-quarter.md",
        (3, 9),
        "unknown-reference",
        &["2025-Q2"],
    ),
    (
        "objectives/period-chinese-half.md",
        (3, 9),
        "unknown-reference",
        &["2025-H1"],
    ),
    (
        "objectives/period-chinese-year.md",
        (3, 9),
        "unknown-reference",
        &["2025年"],
    ),
    (
        "objectives/period-no-year.md",
        (3, 9),
        "unknown-reference",
        &["二季度"],
    ),
    // Words of fixed lists, in Chinese.
    (
        "objectives/metric-milestone.md",
        (9, 13),
        "invalid-value",
        &["`metric` 的值「里程碑」无效", "请写成 `metric: milestone`"],
    ),
    (
        "objectives/metric-increase.md",
        (9, 13),
        "invalid-value",
        &["「提升」", "请写成 `metric: increase`"],
    ),
    (
        "objectives/metric-decrease.md",
        (9, 13),
        "invalid-value",
        &["「降低」", "请写成 `metric: decrease`"],
    ),
    (
        "objectives/metric-stay-above.md",
        (9, 13),
        "invalid-value",
        &["「保持高于」", "请写成 `metric: stay_above`"],
    ),
    (
        "objectives/metric-stay-below.md",
        (9, 13),
        "invalid-value",
        &["「保持低于」", "请写成 `metric: stay_below`"],
    ),
    (
        "objectives/commitment-committed.md",
        (6, 13),
        "invalid-value",
        &[
            "`commitment` 的值「承诺型」无效",
            "请写成 `commitment: committed`",
        ],
    ),
    (
        "objectives/commitment-aspirational.md",
        (6, 13),
        "invalid-value",
        &["「挑战型」", "请写成 `commitment: aspirational`"],
    ),
    (
        "checkins/done-no.md",
        (4, 7),
        "type",
        &[
            "`done` 必须是 true 或 false，而不是文本",
            "请写成 `done: false`",
        ],
    ),
    (
        "checkins/done-yes.md",
        (4, 7),
        "type",
        &["请写成 `done: true`"],
    ),
    (
        "checkins/done-finished.md",
        (4, 7),
        "type",
        &["请写成 `done: true`"],
    ),
    (
        "checkins/done-unfinished.md",
        (4, 7),
        "type",
        &["请写成 `done: false`"],
    ),
    // Lists and numbers.
    (
        "objectives/aligns-list-comma.md",
        (5, 17),
        "invalid-value",
        &[
            "`aligns_to` 用「、」分隔 id",
            "请写成 `aligns_to: [co-o2, co-o3]`",
        ],
    ),
    (
        "objectives/aligns-full-width-comma.md",
        (5, 18),
        "invalid-value",
        &["用「，」分隔 id", "请写成 `aligns_to: [co-o2, co-o3]`"],
    ),
    (
        "checkins/thousands.md",
        (4, 31),
        "type",
        &[
            "千位分隔逗号",
            "YAML 会把它读成 1 和键 `240`",
            "请写成 `value: 1240`",
        ],
    ),
];

#[test]
fn each_mistake_is_one_chinese_error_at_the_character_itself() {
    let diags = zh();
    for &(file, at, rule, words) in MISTAKES {
        assert_one(diags, file, at, rule, words);
    }
}

#[test]
fn nothing_else_is_reported_not_even_in_the_files_the_mistakes_refer_to() {
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
            "checkins/full-width-colon.md",
            (2, 5),
            "yaml-syntax",
            &[
                "a full-width colon「：」 after `date`: write an ASCII colon `:` followed by a space: `date: 2025-04-21`",
            ],
        ),
        (
            "checkins/full-width-indent.md",
            (4, 1),
            "yaml-syntax",
            &["a full-width space「　」 in the indentation: indent with ASCII spaces"],
        ),
        (
            "objectives/colon-in-title.md",
            (2, 10),
            "yaml-syntax",
            &["put the value in quotes: `title: \"O1: 确定创新方向\"`"],
        ),
        (
            "objectives/chinese-quotes-unit.md",
            (10, 11),
            "invalid-value",
            &[
                "the Chinese quotation marks “” in `unit: “个”`",
                "write `unit: 个`",
            ],
        ),
        (
            "checkins/date-chinese.md",
            (2, 7),
            "invalid-value",
            &[
                "`date` is '2025年4月11日', which is not a date of the form YYYY-MM-DD (or YYYY-MM-DD HH:MM): write `date: 2025-04-11`",
            ],
        ),
        (
            "objectives/period-chinese-quarter.md",
            (3, 9),
            "unknown-reference",
            &["(did you mean '2025-Q2'?)"],
        ),
        (
            "objectives/period-chinese-year.md",
            (3, 9),
            "unknown-reference",
            &["(did you mean '2025'?)"],
        ),
        (
            "objectives/metric-milestone.md",
            (9, 13),
            "invalid-value",
            &[
                "`metric` is '里程碑'; it must be one of increase, decrease, stay_above, stay_below, milestone: write `metric: milestone`",
            ],
        ),
        (
            "checkins/done-no.md",
            (4, 7),
            "type",
            &["`done` must be true or false, not text: write `done: false`"],
        ),
        (
            "objectives/aligns-list-comma.md",
            (5, 17),
            "invalid-value",
            &[
                "`aligns_to` separates its ids with '、', which YAML does not read as a list: write `aligns_to: [co-o2, co-o3]`",
            ],
        ),
        (
            "checkins/thousands.md",
            (4, 31),
            "type",
            &[
                "`value` is 1,240 with thousands commas, which YAML reads as 1 and the keys `240`: write `value: 1240`",
            ],
        ),
    ];
    for &(file, at, rule, words) in cases {
        assert_one(diags, file, at, rule, words);
    }
}

#[test]
fn a_full_width_colon_in_okrs_yaml_is_one_error_and_the_site_is_read_as_meant() {
    let site = Site::copy_of(SITE);
    site.file(
        "okrs.yaml",
        "title：中文输入习惯\nlanguage: zh-CN\nas_of: 2025-04-25\n",
    );
    let (code, diags) = site.check(&[]);
    assert_eq!(code, 1);
    assert_one(
        &diags,
        "okrs.yaml",
        (1, 6),
        "yaml-syntax",
        &["`title` 后是全角冒号「：」，请改为半角「:」后加空格：`title: 中文输入习惯`"],
    );
    // Its language and as-of date were read: every other file says the same as before.
    assert_eq!(diags.len(), MISTAKES.len() + 1, "{}", listing(&diags));
}

#[test]
fn another_name_for_chinese_is_one_error_and_the_site_is_read_in_chinese() {
    for written in ["zh-cn", "zh", "中文", "Chinese"] {
        let site = Site::copy_of(SITE);
        site.file(
            "okrs.yaml",
            format!("title: 中文输入习惯\nlanguage: {written}\nas_of: 2025-04-25\n"),
        );
        let (_, diags) = site.check(&[]);
        assert_one(
            &diags,
            "okrs.yaml",
            (2, 11),
            "invalid-value",
            &[
                &format!("`language` 的值「{written}」无效"),
                "请写成 `language: zh-CN`",
            ],
        );
        // The other messages are in the language meant.
        assert_one(
            &diags,
            "checkins/full-width-colon.md",
            (2, 5),
            "yaml-syntax",
            &["全角冒号"],
        );
    }
}

#[test]
fn quotation_marks_in_a_title_are_its_text() {
    let site = Site::new("title: 引号\nlanguage: zh-CN\nas_of: 2025-04-25\n");
    site.file(
        "objectives/o.md",
        "---\ntitle: 提升“活跃”用户数\nperiod: 2025-Q2\nkey_results:\n  - title: 「新」用户\n    target: 5\n    unit: 个\n---\n",
    );
    let json = site.built_json(&[]);
    let o = objective(&json, "o");
    assert_eq!(o["title"], "提升“活跃”用户数");
    assert_eq!(o["key_results"][0]["title"], "「新」用户");
    assert_eq!(o["key_results"][0]["unit"], "个");
}
