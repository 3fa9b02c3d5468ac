//! A zh-CN site hears what validation, the lints, templates and `okrs build`'s refusals say
//! in Chinese, as precisely as in English (issue 12). The `zh-check-mistakes` fixture
//! (language zh-CN, as of 2025-05-20: 2025-Q2 is running, 2025-Q1 closed) has one clean
//! objective, `co-o1`, and each mistake that validation or a lint finds in a file of its
//! own (an alignment or team cycle takes two). Every diagnostic is asserted at its
//! file:line:col with its rule and the key words of its Chinese message; `--lang en`
//! gives the English ones. Names and ids written with white space around them
//! (`owner: "王强 "`, `team: 研发部　`) are what they name, with a warning.

use serde_json::Value;

use crate::support::*;

const FIXTURE: &str = "zh-check-mistakes";

/// Every diagnostic of the fixture: file, line, column, rule and words its Chinese message
/// holds (ids of the site's own, quoted as Chinese quotes them).
const EXPECTED: &[(&str, u32, u32, &str, &[&str])] = &[
    // Errors.
    (
        "checkins/2025-05-16-milestone-value.md",
        4,
        8,
        "checkin-mismatch",
        &[
            "关键结果「co-o1/launch」是里程碑",
            "`done: true` 或 `done: false`",
            "不要写 `value`",
        ],
    ),
    (
        "checkins/2025-05-16-number-done.md",
        4,
        7,
        "checkin-mismatch",
        &[
            "关键结果「co-o1/kr1」按数值衡量（increase）",
            "请写 `value`，不要写 `done`",
        ],
    ),
    (
        "checkins/2025-05-17-kr-objective.md",
        2,
        5,
        "unknown-reference",
        &[
            "`kr` 写的「co-o1」是目标，不是关键结果",
            "它的关键结果有 co-o1/kr1、co-o1/launch",
        ],
    ),
    (
        "checkins/2025-05-17-kr-typo.md",
        2,
        5,
        "unknown-reference",
        &[
            "`kr` 写的「co-o1/kr2」不是任何关键结果",
            "（是不是想写「co-o1/kr1」？）",
        ],
    ),
    (
        "objectives/carry-same.md",
        6,
        15,
        "carry-period",
        &[
            "2025-Q2 的目标「carry-same」延续自 2025-Q2 的「co-o1」",
            "没有在 2025-Q2 开始前结束",
        ],
    ),
    (
        "objectives/cycle-a.md",
        5,
        12,
        "alignment-cycle",
        &["目标之间循环对齐：cycle-a → cycle-b → cycle-a"],
    ),
    (
        "objectives/duplicate-kr.md",
        11,
        9,
        "duplicate-id",
        &["关键结果 id「kr1」已在此目标的第 7 行使用"],
    ),
    (
        "objectives/duplicate.md",
        5,
        5,
        "duplicate-id",
        &["id「co-o1」已在「objectives/co-o1.md」（第 1 行）中使用"],
    ),
    (
        "objectives/grade-early.md",
        10,
        12,
        "grade-too-early",
        &[
            "关键结果「grade-early/kr1」写了 `grade`",
            "2025-Q2 正在进行，到 2025-06-30 才结束",
            "请在周期结束后再评分",
        ],
    ),
    (
        "objectives/period-bannian.md",
        3,
        9,
        "unknown-reference",
        &[
            "周期「2025年上半年」既不是日历周期",
            "okrs.yaml 的 `periods`",
            "（是不是想写「2025-H1」？）",
        ],
    ),
    (
        "objectives/period-compact.md",
        3,
        9,
        "unknown-reference",
        &["周期「2025Q2」", "（是不是想写「2025-Q2」？）"],
    ),
    (
        "objectives/period-di-jidu.md",
        3,
        9,
        "unknown-reference",
        &["周期「2025年第二季度」", "（是不是想写「2025-Q2」？）"],
    ),
    (
        "objectives/period-jidu.md",
        3,
        9,
        "unknown-reference",
        // No year written: the year of the site's periods.
        &["周期「二季度」", "（是不是想写「2025-Q2」？）"],
    ),
    (
        "objectives/period-nian-q.md",
        3,
        9,
        "unknown-reference",
        &["周期「2025年Q2」", "（是不是想写「2025-Q2」？）"],
    ),
    (
        "objectives/target-start.md",
        10,
        13,
        "target-equals-start",
        &[
            "关键结果「kr1」的起始值已等于目标值（80）",
            "没有可增加的空间",
        ],
    ),
    (
        "objectives/unknown-aligns.md",
        5,
        12,
        "unknown-reference",
        &[
            "`aligns_to` 写的「kaifnag」不是任何目标或战略的 id",
            "（是不是想写「kaifang」？）",
        ],
    ),
    (
        "objectives/unknown-carried.md",
        6,
        15,
        "unknown-reference",
        &[
            "`carried_from` 写的「co-01」不是任何目标的 id",
            "（是不是想写「co-o1」？）",
        ],
    ),
    (
        "teams/huabei.md",
        3,
        9,
        "team-cycle",
        &["团队之间循环互为上级团队：huabei → huanan → huabei"],
    ),
    // Warnings: white space around a name or id.
    (
        "checkins/2025-05-18-stray-kr.md",
        2,
        5,
        "invalid-value",
        &[
            "`kr` 的值「co-o1/kr1　」末尾有全角空格「　」",
            "已按「co-o1/kr1」读取",
            "请删除多余的全角空格「　」",
        ],
    ),
    (
        "objectives/stray-full-width.md",
        6,
        7,
        "invalid-value",
        &[
            "`team` 的值「研发部　」末尾有全角空格「　」",
            "已按「研发部」读取",
        ],
    ),
    (
        "objectives/stray-space.md",
        4,
        8,
        "invalid-value",
        &[
            "`owner` 的值「王强 」末尾有空格",
            "已按「王强」读取",
            "请删除多余的空格",
        ],
    ),
    // Lints.
    (
        "objectives/lint-committed-missed.md",
        2,
        1,
        "committed-missed",
        &[
            "承诺型目标「lint-committed-missed」在周期 2025-Q1 结束时进度为 50%",
            "`review:`",
        ],
    ),
    (
        "objectives/lint-kr-direction.md",
        7,
        5,
        "kr-direction",
        &[
            "关键结果「lint-kr-direction/kr1」没有 `start`",
            "第一次进展更新（72）已经超过目标值（48）",
            "请写 `start: 72`（基线）和 `metric: decrease`",
        ],
    ),
    (
        "objectives/lint-kr-measurable.md",
        7,
        5,
        "kr-measurable",
        &[
            "关键结果「lint-kr-measurable/kr1」没有目标值（`target`）",
            "`metric: milestone`",
        ],
    ),
    (
        "objectives/lint-kr-no-checkins.md",
        7,
        5,
        "kr-no-checkins",
        &["关键结果「lint-kr-no-checkins/kr1」还没有进展更新，2025-Q2 已经过去 49 天"],
    ),
    (
        "objectives/lint-kr-owner.md",
        7,
        5,
        "kr-owner",
        &["关键结果「lint-kr-owner/kr1」没有负责人"],
    ),
    (
        "objectives/lint-max-key-results.md",
        12,
        5,
        "max-key-results",
        &["目标「lint-max-key-results」有 6 个关键结果；只保留最重要的 5 个"],
    ),
    (
        "objectives/lint-objective-aligned.md",
        2,
        1,
        "objective-aligned",
        &[
            "目标「lint-objective-aligned」没有对齐到任何战略或目标",
            "`aligns_to`",
        ],
    ),
    (
        "objectives/lint-objective-empty.md",
        2,
        1,
        "objective-empty",
        &["目标「lint-objective-empty」既没有关键结果，也没有目标对齐到它"],
    ),
    (
        "objectives/lint-stale-checkin.md",
        7,
        5,
        "stale-checkin",
        &[
            "关键结果「lint-stale-checkin/kr1」最近一次进展更新在 2025-05-01，距 2025-05-20 已有 19 天（超过 14 天）",
        ],
    ),
    (
        "objectives/lint-too-easy.md",
        2,
        1,
        "too-easy",
        &["挑战型目标「lint-too-easy」在 2025-04-08 就已完成，还在 2025-Q2 的前半段"],
    ),
    (
        "objectives/lint-unknown-person.md",
        4,
        8,
        "unknown-person",
        &["people/ 中没有文件定义成员「wang-qaing」（是不是想写「wang-qiang」？）"],
    ),
    (
        "objectives/lint-unknown-team.md",
        6,
        7,
        "unknown-team",
        &["teams/ 中没有文件定义团队「xiaoshuo」（是不是想写「xiaoshou」？）"],
    ),
];

#[test]
fn every_mistake_is_one_diagnostic_at_its_place_in_chinese() {
    let (code, diags) = check(&fixture(FIXTURE), &[]);
    assert_eq!(code, 1, "{}", listing(&diags));
    for (file, line, column, rule, words) in EXPECTED {
        let d = only(&diags, file, rule);
        assert_eq!((d.line, d.column), (*line, *column), "{}", d.at());
        assert_eq!(d.is_error(), is_error(rule), "{}: {}", d.at(), d.severity);
        for word in *words {
            assert!(
                d.message.contains(word),
                "{}: «{}» lacks «{word}»",
                d.at(),
                d.message
            );
        }
    }
    assert_eq!(diags.len(), EXPECTED.len(), "{}", listing(&diags));
}

/// The rules of the fixture that are errors; lints and white space are warnings.
fn is_error(rule: &str) -> bool {
    ![
        "invalid-value",
        "committed-missed",
        "kr-direction",
        "kr-measurable",
        "kr-no-checkins",
        "kr-owner",
        "max-key-results",
        "objective-aligned",
        "objective-empty",
        "stale-checkin",
        "too-easy",
        "unknown-person",
        "unknown-team",
    ]
    .contains(&rule)
}

#[test]
fn the_human_format_prints_the_severity_and_the_message_in_chinese() {
    let run = run(&["check", fixture(FIXTURE).to_str().unwrap()], &[]);
    assert_eq!(run.code, 1);
    for line in [
        "objectives/unknown-aligns.md:5:12: 错误[unknown-reference]: `aligns_to` 写的「kaifnag」不是任何目标或战略的 id（是不是想写「kaifang」？）",
        "objectives/period-jidu.md:3:9: 错误[unknown-reference]: 周期「二季度」既不是日历周期（如 2024、2024-H1、2024-Q2），也不是 okrs.yaml 的 `periods` 中的周期（是不是想写「2025-Q2」？）",
        "objectives/stray-space.md:4:8: 警告[invalid-value]: `owner` 的值「王强 」末尾有空格：已按「王强」读取；请删除多余的空格",
        "objectives/lint-kr-owner.md:7:5: 警告[kr-owner]: 关键结果「lint-kr-owner/kr1」没有负责人：需要有人持续推进并跟进它",
    ] {
        assert!(
            run.stdout.lines().any(|l| l == line),
            "no line «{line}» in:\n{}",
            run.stdout
        );
    }
}

#[test]
fn lang_en_gives_the_english_messages_at_the_same_places() {
    let (_, zh) = check(&fixture(FIXTURE), &[]);
    let (code, en) = check(&fixture(FIXTURE), &["--lang", "en"]);
    assert_eq!(code, 1);
    let places = |diags: &[Diag]| -> Vec<String> { diags.iter().map(Diag::at).collect() };
    assert_eq!(places(&zh), places(&en));
    for (zh, en) in zh.iter().zip(&en) {
        assert_ne!(zh.message, en.message, "{}: one message for both", zh.at());
    }
    for (file, rule, message) in [
        (
            "checkins/2025-05-17-kr-objective.md",
            "unknown-reference",
            "kr names 'co-o1', which is an objective; its key results are co-o1/kr1, co-o1/launch (the check-in lints of co-o1/kr1, co-o1/launch were not run)",
        ),
        (
            "objectives/period-di-jidu.md",
            "unknown-reference",
            "period '2025年第二季度' is neither a calendar period (2024, 2024-H1, 2024-Q2) nor one of okrs.yaml's `periods` (did you mean '2025-Q2'?)",
        ),
        (
            "objectives/grade-early.md",
            "grade-too-early",
            "key result 'grade-early/kr1' has a `grade`, but 2025-Q2 is running until 2025-06-30: grade it once the period has closed",
        ),
        (
            "objectives/stray-full-width.md",
            "invalid-value",
            "`team` is '研发部　', with a full-width space '　' at its end: it is read as '研发部'; delete it",
        ),
        (
            "objectives/lint-stale-checkin.md",
            "stale-checkin",
            "key result 'lint-stale-checkin/kr1' was last checked in on 2025-05-01, 19 days before 2025-05-20 (more than 14)",
        ),
        (
            "teams/huabei.md",
            "team-cycle",
            "teams are each other's parents in a cycle: huabei → huanan → huabei",
        ),
    ] {
        assert_eq!(only(&en, file, rule).message, message);
    }
}

#[test]
fn a_file_with_errors_tells_in_chinese_how_many_references_to_it_were_not_checked() {
    let site = Site::copy_of(FIXTURE);
    // co-o1's key results cannot be read: five check-ins name them.
    site.file(
        "objectives/co-o1.md",
        "---\ntitle: 打造开放平台\nperiod: 2025-Q2\nkey_results: 3\n---\n",
    );
    let note = |args: &[&str]| {
        let (_, diags) = site.check(args);
        let d = only(&diags, "objectives/co-o1.md", "type");
        let start = d.message.find(['（', '(']).unwrap_or(0);
        d.message[start..].to_owned()
    };
    assert_eq!(note(&[]), "（其他文件中有 5 处对其关键结果的引用未检查）");
    assert_eq!(
        note(&["--lang", "en"]),
        "(5 references to its key results from other files were not checked)"
    );
    // co-o1 cannot be read at all (and duplicate.md, which would stand in, is gone): five
    // check-ins and a carry-over name it.
    site.file("objectives/co-o1.md", "---\ntitle: 打造开放平台\n");
    std::fs::remove_file(site.path().join("objectives/duplicate.md")).unwrap();
    let (_, diags) = site.check(&[]);
    let d = only(&diags, "objectives/co-o1.md", "front-matter");
    assert!(
        d.message
            .ends_with("（其他文件中有 6 处对此目标的引用未检查）"),
        "{}",
        d.message
    );
}

// ---- White space around names and ids ----

/// A zh-CN site where 王强 (people/wang-qiang.md) owns `real`, and `stray` names him, his
/// team, its parent objective, its period and a key result with white space around them.
fn stray_site(with_stray: bool) -> Site {
    let site = Site::new("title: 空格\nlanguage: zh-CN\nas_of: 2025-05-20\n");
    site.file("people/wang-qiang.md", "---\nname: 王强\n---\n")
        .file("teams/yanfa.md", "---\nname: 研发部\n---\n")
        .file(
            "org.md",
            "---\nstrategies:\n  - { id: kaifang, title: 开放平台 }\n---\n",
        )
        .file(
            "objectives/real.md",
            "---\ntitle: 真正的目标\nperiod: 2025-Q2\nowner: 王强\nteam: 研发部\naligns_to: kaifang\nkey_results:\n  - { id: kr1, title: 合作伙伴, owner: 王强, target: 20, checkins: [{ date: 2025-05-15, value: 8 }] }\n---\n",
        );
    if with_stray {
        site.file(
            "objectives/a-stray.md",
            "---\ntitle: 多了空格\nperiod: 2025-Q2　\nowner: \"王强 \"\nteam: 研发部　\naligns_to: \" kaifang\"\nkey_results:\n  - { title: 客户, owner: 王强　, target: 10, checkins: [{ date: 2025-05-15, value: 2 }] }\n---\n",
        )
        .file(
            "checkins/2025-05-18.md",
            "---\nkr: \"real/kr1 \"\ndate: 2025-05-18\nvalue: 10\n---\n",
        );
    }
    site
}

#[test]
fn white_space_around_a_name_or_id_is_a_warning_at_it_naming_the_space() {
    let (code, diags) = stray_site(true).check(&["--lang", "en"]);
    assert_eq!(code, 0, "warnings only:\n{}", listing(&diags));
    let found: Vec<(String, u32, u32, &str)> = diags
        .iter()
        .map(|d| (d.file.clone(), d.line, d.column, d.message.as_str()))
        .collect();
    let at =
        |file: &str, line, column, message: &'static str| (file.to_owned(), line, column, message);
    assert_eq!(
        found,
        [
            at(
                "checkins/2025-05-18.md",
                2,
                5,
                "`kr` is 'real/kr1 ', with a space at its end: it is read as 'real/kr1'; delete it"
            ),
            at(
                "objectives/a-stray.md",
                3,
                9,
                "`period` is '2025-Q2　', with a full-width space '　' at its end: it is read as '2025-Q2'; delete it"
            ),
            at(
                "objectives/a-stray.md",
                4,
                8,
                "`owner` is '王强 ', with a space at its end: it is read as '王强'; delete it"
            ),
            at(
                "objectives/a-stray.md",
                5,
                7,
                "`team` is '研发部　', with a full-width space '　' at its end: it is read as '研发部'; delete it"
            ),
            at(
                "objectives/a-stray.md",
                6,
                12,
                "`aligns_to` is ' kaifang', with a space at its start: it is read as 'kaifang'; delete it"
            ),
            at(
                "objectives/a-stray.md",
                8,
                25,
                "`owner` is '王强　', with a full-width space '　' at its end: it is read as '王强'; delete it"
            ),
        ],
        "{}",
        listing(&diags)
    );
    assert!(
        diags
            .iter()
            .all(|d| d.rule == "invalid-value" && !d.is_error())
    );
}

#[test]
fn white_space_around_a_name_never_makes_a_second_person_nor_moves_another_files_objectives() {
    let json = stray_site(true).built_json(&[]);
    let people: Vec<(&str, &str)> = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    assert_eq!(people, [("wang-qiang", "王强")], "no phantom 王强");
    assert_eq!(ids(&json["teams"]), ["yanfa"]);
    for id in ["a-stray", "real"] {
        let o = objective(&json, id);
        assert_eq!(o["owner"], "wang-qiang", "{id}");
        assert_eq!(o["team"], "yanfa", "{id}");
        assert_eq!(o["period"], "2025-Q2", "{id}");
        assert_eq!(o["aligns_to"], serde_json::json!(["kaifang"]), "{id}");
    }
    assert_eq!(key_result(&json, "a-stray/kr1")["owner"], "wang-qiang");
    // The check-in whose `kr` has a trailing space counts for real/kr1.
    assert_eq!(
        checkin_dates(&json, "real/kr1"),
        [
            ("2025-05-15".to_owned(), "objectives/real.md".to_owned()),
            ("2025-05-18".to_owned(), "checkins/2025-05-18.md".to_owned()),
        ]
    );
    assert_close(&key_result(&json, "real/kr1")["current"], 10.0, "real/kr1");
}

#[test]
fn another_files_figures_are_the_same_with_or_without_the_stray_spaces() {
    let (with, without) = (stray_site(true), stray_site(false));
    // Only the stray file's own check-in moves real/kr1; without it, compare the rest.
    with.file(
        "checkins/2025-05-18.md",
        "---\nkr: \"a-stray/kr1 \"\ndate: 2025-05-18\nvalue: 3\n---\n",
    );
    let (with, without) = (with.built_json(&[]), without.built_json(&[]));
    assert_eq!(objective(&with, "real"), objective(&without, "real"));
    let person = |json: &Value| json["people"].clone();
    assert_eq!(person(&with), person(&without));
}

#[test]
fn white_space_around_a_name_makes_no_page_for_a_phantom_person() {
    let (run, out) = build_into_temp(stray_site(true).path(), &[], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let people: Vec<String> = std::fs::read_dir(out.path().join("public/people"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "index.html")
        .collect();
    assert_eq!(people, ["wang-qiang"]);
    assert!(
        run.stderr
            .contains("警告[invalid-value]: `owner` 的值「王强 」末尾有空格"),
        "{}",
        run.stderr
    );
}

// ---- Templates and the output folder ----

#[test]
fn a_template_error_is_said_in_chinese_with_the_engines_own_words() {
    let site = stray_site(false);
    site.file("pages/guide.md", "---\ntitle: 指南\n---\n正文\n")
        .file(
            "templates/page.html",
            "{% extends \"base.html\" %}{% block content %}{{ page.nope }}{% endblock %}",
        );
    let (run, _out) = build_into_temp(site.path(), &[], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("templates/page.html:1:53: 错误[template]: 生成页面 pages/guide/index.html 失败：Field `nope` is not defined"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("okrs build：有模板出错；没有写入任何文件"),
        "{}",
        run.stderr
    );
    site.file("templates/page.html", "{% block content %}{{ page.title ");
    let (run, _out) = build_into_temp(site.path(), &[], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("templates/page.html:")
            && run.stderr.contains("错误[template]: 模板出错："),
        "{}",
        run.stderr
    );
}

#[test]
fn an_output_folder_that_would_replace_the_site_is_refused_in_chinese() {
    let site = stray_site(false);
    let inside = site.path().join("objectives/out");
    let run = run(
        &[
            "build",
            site.arg(),
            "-o",
            inside.to_str().unwrap(),
            "--lang",
            "zh-CN",
        ],
        &[],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "错误：输出文件夹 {} 位于站点的 objectives 中，生成时会把它替换掉",
            inside.display()
        )
    );
    assert!(!inside.exists(), "nothing was written");
}
