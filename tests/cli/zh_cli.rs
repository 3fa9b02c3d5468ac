//! What the commands themselves say — `okrs new`, `okrs init`, the summaries of `check`
//! and `build`, main's usage errors — on a zh-CN site: Chinese, with the site's own ids,
//! and English with `--lang en` (issue 12). The fixture `tests/fixtures/zh-cli/` is a
//! small zh-CN site as of 2025-05-20: team `xiaoshou`, person `wang-qiang`, strategy
//! `kaituo`, and the objective `xiaoshou-2025-q2-o1` with the key results `xuyue` (40 →
//! 70 %, last at 52) and `iso` (a milestone). The diagnostics' own messages belong to
//! their modules and are tested there; here only their severity (错误/警告) is asserted.

use crate::support::*;

/// `okrs ARGS… SITE`.
fn on(site: &Site, args: &[&str]) -> Run {
    let mut all = args.to_vec();
    all.push(site.arg());
    run(&all, &[])
}

#[track_caller]
fn assert_code(run: &Run, code: i32) {
    assert_eq!(
        run.code, code,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
}

/// `text` has this line, exactly.
#[track_caller]
fn assert_line(text: &str, line: &str) {
    assert!(
        text.lines().any(|l| l == line),
        "no line {line:?} in:\n{text}"
    );
}

const KR: &str = "xiaoshou-2025-q2-o1/xuyue";

#[test]
fn new_objective_says_what_it_wrote_in_chinese_and_in_english_with_lang_en() {
    let site = Site::copy_of("zh-cli");
    let objective = |lang: &[&str]| {
        let mut args = vec![
            "new",
            "objective",
            "--title",
            "提高客户满意度",
            "--period",
            "2025-Q2",
            "--team",
            "xiaoshou",
            "--aligns-to",
            "kaituo",
        ];
        args.extend_from_slice(lang);
        on(&site, &args)
    };
    let run = objective(&[]);
    assert_code(&run, 0);
    let written = format!("{}/objectives/xiaoshou/xiaoshou-2025-q2-o2.md", site.arg());
    assert_eq!(
        run.stdout,
        format!(
            "已写入 {written}\n\
             id：xiaoshou-2025-q2-o2，由于标题生成的文件名会太长，按周期 2025-Q2 编号\
             （想换一个：在有其他文件引用它之前重命名这个文件，或用 --id 指定）\n\
             下一步：写上它的关键结果（以及它对齐的战略或上级目标），然后运行 `okrs check`\n"
        )
    );
    assert_eq!(run.stderr, "");

    let run = objective(&["--lang", "en"]);
    assert_code(&run, 0);
    let written = format!("{}/objectives/xiaoshou/xiaoshou-2025-q2-o3.md", site.arg());
    assert_eq!(
        run.stdout,
        format!(
            "wrote {written}\n\
             id: xiaoshou-2025-q2-o3, numbered within 2025-Q2 because the title would make a \
             long file name (to choose another, rename the file before anything refers to it, \
             or give one with --id)\n\
             next: write its key results (and what it aligns to), then run `okrs check`\n"
        )
    );
    // The file itself is in the site's language, whatever --lang says.
    assert!(
        site.read("objectives/xiaoshou/xiaoshou-2025-q2-o3.md")
            .contains("## 为什么是这个目标"),
    );
}

#[test]
fn new_objective_refuses_in_chinese_with_the_value_to_write() {
    let site = Site::copy_of("zh-cli");
    let run = on(
        &site,
        &["new", "objective", "--title", "增长", "--period", "2025-q2"],
    );
    assert_code(&run, 1);
    assert_eq!(
        run.stderr,
        "错误：--period 的值「2025-q2」不是周期（是不是想写「2025-Q2」？）；请写日历周期（如 2024、\
         2024-H1 或 2024-Q2），或 okrs.yaml 中的自定义周期（其中没有自定义周期）\n"
    );
    let run = on(
        &site,
        &[
            "new",
            "objective",
            "--title",
            "增长",
            "--period",
            "2025-Q2",
            "--aligns-to",
            "kaitou",
        ],
    );
    assert_code(&run, 1);
    assert_eq!(
        run.stderr,
        "错误：--aligns-to 写的「kaitou」不是任何目标或战略的 id（是不是想写「kaituo」？）\n"
    );
    // Wrong usage: what can be judged from the arguments alone (exit 2).
    let run = on(
        &site,
        &["new", "objective", "--title", " ", "--period", "2025-Q2"],
    );
    assert_code(&run, 2);
    assert_eq!(run.stderr, "错误：--title 不能为空\n");
    let run = on(
        &site,
        &["new", "objective", "--period", "2025-Q2", "--lang", "en"],
    );
    assert_code(&run, 2);
    let run = on(
        &site,
        &[
            "new",
            "objective",
            "--title",
            "增长",
            "--period",
            "2025-Q2",
            "--id",
            "a b",
            "--lang",
            "en",
        ],
    );
    assert_code(&run, 2);
    assert_eq!(
        run.stderr,
        "error: the id 'a b' must not contain white space\n"
    );
    assert_eq!(
        read_tree(site.path()),
        read_tree(&fixture("zh-cli")),
        "nothing was written"
    );
}

#[test]
fn new_checkin_reports_the_new_progress_in_the_glossarys_words() {
    let site = Site::copy_of("zh-cli");
    let args = [
        "new",
        "checkin",
        KR,
        "--value",
        "55",
        "--date",
        "2025-05-15",
    ];
    let run = on(&site, &args);
    assert_code(&run, 0);
    let written = format!(
        "{}/checkins/2025-05-15-xiaoshou-2025-q2-o1-xuyue.md",
        site.arg()
    );
    // 52 of 40 → 70 is 40%, 55 is 50%; on 2025-05-20, 49 of Q2's 91 days have passed.
    assert_eq!(
        run.stdout,
        format!("已写入 {written}\n{KR}：40% → 50%（进展正常）\n")
    );
    // A later check-in file of that day wins, and okrs says so.
    site.file(
        "checkins/2025-05-16-zz.md",
        format!("---\ndate: 2025-05-16\nkr: {KR}\nvalue: 61\n---\n"),
    );
    let run = on(
        &site,
        &[
            "new",
            "checkin",
            KR,
            "--value",
            "58",
            "--date",
            "2025-05-16",
        ],
    );
    assert_code(&run, 0);
    assert_eq!(
        run.stderr,
        format!(
            "注意：checkins/2025-05-16-zz.md 在 2025-05-16 也写了「{KR}」的进展更新，\
             且排在这条之后（按文件路径排在后面），因此以它的数值为准\n"
        )
    );
    let run = on(
        &site,
        &[
            "new",
            "checkin",
            KR,
            "--value",
            "62",
            "--date",
            "2025-05-17",
            "--lang",
            "en",
        ],
    );
    assert_code(&run, 0);
    assert_line(&run.stdout, &format!("{KR}: 70% → 73% (on_track)"));
    // A milestone's status in Chinese.
    let run = on(
        &site,
        &[
            "new",
            "checkin",
            "xiaoshou-2025-q2-o1/iso",
            "--done",
            "--date",
            "2025-05-18",
        ],
    );
    assert_code(&run, 0);
    assert_line(&run.stdout, "xiaoshou-2025-q2-o1/iso：0% → 100%（已完成）");
}

#[test]
fn an_unknown_key_result_is_refused_with_the_sites_own_ids() {
    let site = Site::copy_of("zh-cli");
    let run = on(
        &site,
        &[
            "new",
            "checkin",
            "xiaoshou-2025-q2-o1/xuyu",
            "--value",
            "50",
        ],
    );
    assert_code(&run, 1);
    assert!(
        run.stderr.starts_with("错误：「xiaoshou-2025-q2-o1/xuyu」"),
        "{}",
        run.stderr
    );
    // The hint names the key result meant, from this site.
    assert!(run.stderr.contains(KR), "{}", run.stderr);
    let run = on(
        &site,
        &[
            "new",
            "checkin",
            "xiaoshou-2025-q2-o1/xuyu",
            "--value",
            "50",
            "--lang",
            "en",
        ],
    );
    assert_code(&run, 1);
    assert_eq!(
        run.stderr,
        format!("error: 'xiaoshou-2025-q2-o1/xuyu' is no key result (did you mean '{KR}'?)\n")
    );
    // Nothing says `OBJECTIVE/KR` with an id from elsewhere (the sample's teebee).
    let run = on(&site, &["new", "checkin", "kr1", "--value", "50"]);
    assert_code(&run, 1);
    assert!(run.stderr.contains(KR), "{}", run.stderr);
    assert!(!run.stderr.contains("teebee"), "{}", run.stderr);
    assert_eq!(read_tree(site.path()), read_tree(&fixture("zh-cli")));
}

#[test]
fn new_checkin_refuses_what_does_not_fit_in_chinese() {
    let site = Site::copy_of("zh-cli");
    for (args, code, said) in [
        (
            &["xiaoshou-2025-q2-o1/iso", "--value", "1"][..],
            1,
            "错误：「xiaoshou-2025-q2-o1/iso」是里程碑：请用 --done（或 --not-done）写进展更新，而不是 --value",
        ),
        (
            &[KR, "--done"],
            1,
            "错误：「xiaoshou-2025-q2-o1/xuyue」用数字衡量（metric 为 increase）：请用 --value 写出当前数值，\
             而不是 --done 或 --not-done",
        ),
        (
            &[KR, "--value", "50", "--confidence", "11"],
            2,
            "错误：--confidence 的值为「11」；它必须是 0 到 10 的整数",
        ),
        (
            &[KR, "--value", "五十"],
            2,
            "错误：--value 的值「五十」不是数字",
        ),
        (
            &[KR, "--value", "50", "--date", "2025/5/15"],
            2,
            "错误：--date 的值「2025/5/15」不是 YYYY-MM-DD 格式的日期（是不是想写「2025-05-15」？）",
        ),
    ] {
        let mut all = vec!["new", "checkin"];
        all.extend_from_slice(args);
        let run = on(&site, &all);
        assert_code(&run, code);
        assert_eq!(run.stderr, format!("{said}\n"), "{args:?}");
    }
    let run = on(
        &site,
        &[
            "new",
            "checkin",
            KR,
            "--value",
            "50",
            "--confidence",
            "7.5",
            "--lang",
            "en",
        ],
    );
    assert_code(&run, 2);
    assert_eq!(
        run.stderr,
        "error: --confidence is 7.5; it must be a whole number from 0 to 10\n"
    );
    assert_eq!(read_tree(site.path()), read_tree(&fixture("zh-cli")));
}

#[test]
fn new_team_and_person_speak_chinese_and_english_with_lang_en() {
    let site = Site::copy_of("zh-cli");
    let run = on(
        &site,
        &[
            "new",
            "team",
            "huabei",
            "--name",
            "华北区",
            "--lead",
            "li-na",
        ],
    );
    assert_code(&run, 0);
    assert_eq!(
        run.stdout,
        format!("已写入 {}/teams/huabei.md\n", site.arg())
    );
    // What `okrs check` will say about it: the lead has no file yet.
    assert!(
        run.stderr
            .starts_with("teams/huabei.md:3:7: 警告[unknown-person]: "),
        "{}",
        run.stderr
    );
    let run = on(
        &site,
        &[
            "new", "person", "li-na", "--name", "李娜", "--team", "huabei", "--lang", "en",
        ],
    );
    assert_code(&run, 0);
    assert_eq!(
        run.stdout,
        format!("wrote {}/people/li-na.md\n", site.arg())
    );
    assert_eq!(run.stderr, "");
    let (_, diags) = site.check(&[]);
    assert!(diags.is_empty(), "{}", listing(&diags));

    let run = on(&site, &["new", "team", "xiaoshou", "--name", "销售"]);
    assert_code(&run, 1);
    assert_eq!(
        run.stderr,
        "错误：teams/xiaoshou.md 已存在；okrs new 从不覆盖已有的文件\n"
    );
    site.file("people/east/wang.md", "---\nid: wang\nname: 王\n---\n");
    let run = on(&site, &["new", "person", "wang", "--name", "王"]);
    assert_code(&run, 1);
    assert_eq!(
        run.stderr,
        "错误：已有 id 为「wang」的成员（people/east/wang.md）\n"
    );
    let run = on(&site, &["new", "person", "_wang", "--name", "王"]);
    assert_code(&run, 2);
    assert_eq!(
        run.stderr,
        "错误：id「_wang」不能以 `_` 开头：okrs 会跳过名字以 `_` 开头的文件\n"
    );
    let run = on(&site, &["new", "person", "a b", "--name", "王"]);
    assert_code(&run, 2);
    assert!(run.stderr.starts_with("错误：id「a b」"), "{}", run.stderr);
    let run = on(&site, &["new", "team", "dongbei", "--name", " "]);
    assert_code(&run, 2);
    assert_eq!(run.stderr, "错误：--name 不能为空\n");
}

#[test]
fn carry_reports_in_chinese() {
    let site = Site::copy_of("zh-cli");
    site.file(
        "checkins/2025-07-01-final.md",
        "---\ndate: 2025-07-01\nupdates:\n  \
         - { kr: xiaoshou-2025-q2-o1/xuyue, value: 64 }\n  \
         - { kr: xiaoshou-2025-q2-o1/iso, done: true }\n---\n",
    );
    let run = on(
        &site,
        &[
            "new",
            "objective",
            "--carry",
            "xiaoshou-2025-q2-o1",
            "--as-of",
            "2025-07-02",
        ],
    );
    assert_code(&run, 0);
    assert_eq!(
        run.stdout,
        format!(
            "已写入 {}/objectives/xiaoshou/xiaoshou-2025-q3-o1.md\n\
             已将「xiaoshou-2025-q2-o1」的 2 个关键结果中的 1 个延续到 2025-Q3；\
             已完成、未延续的：「xiaoshou-2025-q2-o1/iso」\n\
             下一步：核对它在 2025-Q3 的目标值，然后运行 `okrs check`\n",
            site.arg()
        )
    );
    let run = on(
        &site,
        &["new", "objective", "--carry", "kaituo", "--lang", "en"],
    );
    assert_code(&run, 1);
    assert_eq!(
        run.stderr,
        "error: 'kaituo' is a strategy of org.md, not an objective: only objectives are carried over\n"
    );
    let run = on(
        &site,
        &["new", "objective", "--carry", "xiaoshou-2025-q2-o"],
    );
    assert_code(&run, 1);
    assert_eq!(
        run.stderr,
        "错误：本站点没有 id 为「xiaoshou-2025-q2-o」的目标（是不是想写「xiaoshou-2025-q2-o1」？）\n"
    );
}

#[test]
fn init_speaks_the_new_sites_language_unless_lang_says_another() {
    let parent = Site::empty();
    let zh = parent.path().join("zh");
    let run = run(&["init", zh.to_str().unwrap(), "--language", "zh-CN"], &[]);
    assert_code(&run, 0);
    let first = run.stdout.lines().next().unwrap();
    assert!(
        first.starts_with(&format!(
            "已在 {} 新建 okrs 站点（14 个文件），含 ",
            zh.display()
        )) && first.ends_with(" 的 OKR"),
        "{first}"
    );
    assert_line(&run.stdout, "下一步：");
    assert!(
        run.stdout.contains("在浏览器中预览，边改边更新")
            && run.stdout.contains("为一个关键结果写一条进展更新")
            && run.stdout.contains("用模板新建一个目标"),
        "{}",
        run.stdout
    );

    // --lang en: English words about a Chinese site.
    let en = parent.path().join("en");
    let run = crate::support::run(
        &[
            "init",
            en.to_str().unwrap(),
            "--language",
            "zh-CN",
            "--lang",
            "en",
        ],
        &[],
    );
    assert_code(&run, 0);
    assert!(
        run.stdout.starts_with(&format!(
            "created an okrs site in {} (14 files), with OKRs for ",
            en.display()
        )),
        "{}",
        run.stdout
    );
    assert_line(&run.stdout, "next:");
    assert!(
        std::fs::read_to_string(en.join("okrs.yaml"))
            .unwrap()
            .contains("language: zh-CN")
    );

    // Refused in the language asked for; a language okrs does not know, in English.
    let run = crate::support::run(&["init", zh.to_str().unwrap(), "--language", "zh-CN"], &[]);
    assert_code(&run, 1);
    assert!(
        run.stderr.starts_with(&format!(
            "错误：「{}」不是空文件夹（其中有「checkins」、「objectives」、「okrs.yaml」等）：",
            zh.display()
        )),
        "{}",
        run.stderr
    );
    let other = parent.path().join("other");
    let run = crate::support::run(
        &["init", other.to_str().unwrap(), "--language", "zh-cn"],
        &[],
    );
    assert_code(&run, 2);
    assert_eq!(
        run.stderr,
        "error: 'zh-cn' is not a language okrs knows: use en or zh-CN (did you mean 'zh-CN'?)\n"
    );
    assert!(!other.exists());
}

#[test]
fn check_speaks_chinese_and_english_with_lang_en() {
    let site = Site::copy_of("zh-cli");
    site.file(
        "objectives/broken.md",
        "---\ntitle: 坏的\nperod: 2025-Q2\n---\n",
    );
    let run = on(&site, &["check"]);
    assert_code(&run, 1);
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("objectives/broken.md:3:1: 错误[unknown-key]: ")),
        "{}",
        run.stdout
    );
    assert_eq!(run.stderr, "okrs check：1 个错误，0 个警告，共 7 个文件\n");
    let run = on(&site, &["check", "--lang", "en"]);
    assert_code(&run, 1);
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("objectives/broken.md:3:1: error[unknown-key]: ")),
        "{}",
        run.stdout
    );
    assert_eq!(run.stderr, "okrs check: 1 error, 0 warnings in 7 files\n");

    // Main's own usage errors follow the site's language too.
    let run = on(&site, &["check", "--as-of", "2025/5/20"]);
    assert_code(&run, 2);
    assert_eq!(
        run.stderr,
        "错误：--as-of 的值「2025/5/20」不是 YYYY-MM-DD 格式的日期（是不是想写「2025-05-20」？）\n"
    );
    let run = on(&site, &["check", "--as-of", "2025/5/20", "--lang", "en"]);
    assert_code(&run, 2);
    assert_eq!(
        run.stderr,
        "error: --as-of '2025/5/20' is not a date of the form YYYY-MM-DD (did you mean '2025-05-20'?)\n"
    );
    // No site to read the language from: English, unless --lang says another.
    let empty = Site::empty();
    let run = on(&empty, &["check"]);
    assert_code(&run, 2);
    assert!(run.stderr.starts_with("error: '"), "{}", run.stderr);
    let run = on(&empty, &["build", "--lang", "zh-CN"]);
    assert_code(&run, 2);
    assert_eq!(
        run.stderr,
        format!(
            "错误：「{}」不是 okrs 站点：其中没有 okrs.yaml（运行 `okrs init` 新建一个）\n",
            empty.arg()
        )
    );
}

#[test]
fn build_sums_up_in_chinese() {
    let site = Site::copy_of("zh-cli");
    let out = Site::empty();
    let output = out.path().join("public");
    let run = on(&site, &["build", "-o", output.to_str().unwrap()]);
    assert_code(&run, 0);
    let line = run.stderr.lines().last().unwrap();
    let prefix = "okrs build：已写入 ";
    assert!(
        line.starts_with(prefix)
            && line.contains(" 个页面（")
            && line.contains(&format!(" 个文件）到 {}，用时 ", output.display()))
            && line.ends_with(" 秒（0 个警告，统计日期 2025-05-20）"),
        "{line}"
    );
    let run = on(
        &site,
        &["build", "-o", output.to_str().unwrap(), "--lang", "en"],
    );
    assert_code(&run, 0);
    assert!(
        run.stderr.starts_with("okrs build: wrote ")
            && run.stderr.ends_with(" s (0 warnings, as of 2025-05-20)\n"),
        "{}",
        run.stderr
    );

    site.file(
        "objectives/broken.md",
        "---\ntitle: 坏的\nperod: 2025-Q2\n---\n",
    );
    let run = on(&site, &["build", "-o", output.to_str().unwrap()]);
    assert_code(&run, 1);
    assert_line(
        &run.stderr,
        &format!(
            "okrs build：1 个错误，0 个警告，共 7 个文件；没有写入任何文件，{} 保持原样",
            output.display()
        ),
    );
}
