//! The pages of a Chinese site (issue 12), on `tests/fixtures/zh-site/`: 星火科技 as of
//! 2025-05-20, when its yearly objective (2025) and a quarterly one (2025-Q2, carried over
//! from the closed 2025-Q1) both run. The yearly objective has a key result at risk
//! (confidence 3) and one that never had a check-in; the quarter has a milestone done, one
//! at risk, and a key result at confidence 5. org.md, one team and one person have bodies;
//! the other team and person have none, or only the comment `okrs new` writes.
//!
//! It checks one term per idea ("信心 5/10", a milestone's state once, 预期进度 for every
//! expected pace, full-width punctuation), that no content vanishes (org.md's body on the
//! dashboard, no empty 简介 heading), and that the quarter's dashboard lists the running
//! year's risks and due check-ins; then the same site in English.

use crate::cycle_pages::texts_of;
use crate::site::{
    Built, assert_chinese_page, assert_no_problems, build, search_entries, tags, visible_text,
};
use crate::support::*;

const DASHBOARD: &str = "index.html";
const PLATFORM: &str = "objectives/q2-platform/index.html";
const COMPANY: &str = "objectives/company-2025/index.html";

fn zh() -> Built {
    build(&fixture("zh-site"), &[])
}

/// The same site with `language: en`.
fn en() -> Built {
    let site = Site::copy_of("zh-site");
    let yaml = site
        .read("okrs.yaml")
        .replace("language: zh-CN", "language: en");
    site.file("okrs.yaml", yaml);
    build(site.path(), &[])
}

/// Every page of the site whose raw HTML (text, attributes, charts' text alternatives and
/// data tables) contains `needle`.
fn pages_containing(built: &Built, needle: &str) -> Vec<String> {
    built
        .html_files()
        .into_iter()
        .filter(|(_, html)| html.contains(needle))
        .map(|(page, _)| format!("{page} contains {needle:?}"))
        .collect()
}

/// The `<desc>` (text alternative) of every chart on a page.
fn chart_descriptions(html: &str) -> Vec<String> {
    html.split("<desc ")
        .skip(1)
        .filter_map(|rest| {
            let text = &rest[rest.find('>')? + 1..];
            Some(text[..text.find("</desc>")?].to_owned())
        })
        .collect()
}

/// Whether the page has an element with this id.
fn has_id(html: &str, id: &str) -> bool {
    tags(html).iter().any(|t| t.attr("id") == Some(id))
}

#[test]
fn the_zh_cn_pages_show_no_english() {
    let built = zh();
    let pages: [(&str, &[&str]); 8] = [
        (
            DASHBOARD,
            &[
                "org.about",
                "dashboard.at_risk_heading",
                "due.heading",
                "label.period",
            ],
        ),
        (
            PLATFORM,
            &[
                "objective.continued_from",
                "chart.expected",
                "label.confidence",
            ],
        ),
        (COMPANY, &["chart.expected", "objective.checkin_history"]),
        ("periods/2025-Q2/index.html", &["dashboard.at_risk_heading"]),
        (
            "periods/2025-Q1/review/index.html",
            &["objective.carried_into"],
        ),
        ("teams/platform/index.html", &["team.members"]),
        (
            "people/zhao-lei/index.html",
            &["person.key_results_heading"],
        ),
        ("search/index.html", &["search.hint", "search.label"]),
    ];
    for (page, keys) in pages {
        assert_chinese_page(page, &built.read(page), keys);
    }
}

#[test]
fn a_confidence_and_a_score_out_of_ten_have_no_space_before_the_slash() {
    let built = zh();
    // No "5 /10" anywhere: pills, check-ins, values with the unit "/10", charts.
    let spaced: Vec<String> = (0..=10)
        .flat_map(|n| pages_containing(&built, &format!("{n} /10")))
        .collect();
    assert_no_problems("a space before /10", &spaced);
    let platform = visible_text(&built.read(PLATFORM));
    assert!(platform.contains("信心 5/10"), "{platform}");
    // A key result measured out of 10 ("商户满意度达到 9/10", unit "/10").
    let company = built.read(COMPANY);
    assert!(
        visible_text(&company).contains("8/10 / 9/10"),
        "current / target"
    );
    assert!(
        chart_descriptions(&company)
            .contains(&"数值：8/10（5月12日）；目标值：9/10；统计日期：5月20日".to_owned()),
        "{:?}",
        chart_descriptions(&company)
    );
}

#[test]
fn a_milestone_shows_its_state_once() {
    let built = zh();
    assert_no_problems(
        "a milestone's state twice",
        &pages_containing(&built, "已完成 / 已完成"),
    );
    let platform = built.read(PLATFORM);
    // KR 1 is a number (current / target); KR 2 a milestone done; KR 3 one not done.
    assert_eq!(
        texts_of(&platform, "kr-current"),
        ["当前值 / 目标值 9家 / 20家", "已完成", "未完成"]
    );
    // Nor does a milestone claim a target value in its facts.
    let facts = texts_of(&platform, "facts--compact");
    assert!(facts[0].contains("目标值 20家"), "{facts:?}");
    assert!(!facts[1].contains("目标值"), "{facts:?}");
    // The same on the owner's page and on the review of the closed quarter.
    let zhao = built.read("people/zhao-lei/index.html");
    assert!(texts_of(&zhao, "kr-item-value").contains(&"已完成".to_owned()));
    let review = built.read("periods/2025-Q1/review/index.html");
    assert!(visible_text(&review).contains("接口设计通过评审 王强 未完成"));
}

#[test]
fn the_expected_pace_has_one_name_on_pages_and_in_charts() {
    let built = zh();
    for other in ["理想进度", "理想", "按时间应达到"] {
        assert_no_problems(
            "another name for 预期进度",
            &pages_containing(&built, other),
        );
    }
    let platform = built.read(PLATFORM);
    // The progress bar, the objective's progress chart and the burn-up chart of a key
    // result (its line from start to target, in the legend and the data table).
    assert!(visible_text(&platform).contains("进度 48% 预期进度：54%"));
    assert_eq!(
        chart_descriptions(&platform)[0],
        "进度：48%（5月15日）；预期进度：54%；统计日期：5月20日"
    );
    let burn_up = platform
        .split(r#"<figure class="chart chart-burnup">"#)
        .nth(1)
        .expect("a burn-up chart");
    assert!(
        burn_up.contains(r#"class="chart-ideal""#),
        "the line is drawn"
    );
    assert!(burn_up.contains(">预期进度</text>"), "the legend names it");
    assert!(
        burn_up.contains(r#"<th scope="col">预期进度</th>"#),
        "the table too"
    );
    // The dashboard's team chart marks the same pace with the same words.
    let dashboard = built.read(DASHBOARD);
    assert!(
        dashboard.contains(">预期进度 54%</text>"),
        "team bars' marker"
    );
}

#[test]
fn chinese_text_has_full_width_punctuation() {
    let built = zh();
    let platform = built.read(PLATFORM);
    assert!(
        platform.contains(r#"设计合作伙伴接口</a><span class="muted">（2025年第一季度）</span>"#),
        "the period after a title, in full-width parentheses"
    );
    let review = built.read("periods/2025-Q1/review/index.html");
    assert!(
        review.contains(r#"建成开放式创新平台</a><span class="muted">（2025年第二季度）</span>"#)
    );
    let half_width: Vec<String> = ["(2025", "年)", "日)", "度)"]
        .iter()
        .flat_map(|s| {
            built
                .html_files()
                .into_iter()
                .filter(move |(_, html)| visible_text(html).contains(s))
                .map(move |(page, _)| format!("{page}: half-width parenthesis {s:?}"))
        })
        .collect();
    assert_no_problems("half-width parentheses in Chinese text", &half_width);
    // Charts' text alternatives: full-width colon, semicolon and parentheses.
    for desc in chart_descriptions(&platform) {
        assert!(
            !desc.contains(": ") && !desc.contains("; ") && !desc.contains(" ("),
            "{desc}"
        );
    }
}

#[test]
fn the_body_of_org_md_is_on_the_dashboard() {
    let built = zh();
    let dashboard = built.read(DASHBOARD);
    let about = texts_of(&dashboard, "org-about");
    assert_eq!(
        about,
        [
            "关于我们 星火科技成立于 2019 年，为街边小店提供收银与会员软件，目前服务六千多家付费商户。 我们怎样制定 OKR 年度目标由管理团队制定，各团队的季度目标向上对齐年度目标。"
        ],
        "its heading, and the body with no space where a Chinese line breaks"
    );
    // In the mission and strategy card, its headings below the card's "About us" (an h3),
    // its ids in the scope org.
    let org = dashboard
        .split(r#"<section class="org""#)
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .unwrap();
    assert!(org.contains("org-about"));
    assert!(
        org.contains(r#"<h4 id="org--我们怎样制定-okr">我们怎样制定 OKR</h4>"#),
        "{org}"
    );
    // Period pages keep to the mission, vision and strategies.
    let period = built.read("periods/2025-Q2/index.html");
    assert!(visible_text(&period).contains("让每一家小店都用得上好软件"));
    assert!(!period.contains("星火科技成立于"));
}

#[test]
fn team_and_person_pages_show_an_about_heading_only_over_a_body() {
    let built = zh();
    for (page, body) in [
        (
            "teams/company/index.html",
            Some("管理团队负责公司的年度目标与战略。"),
        ),
        ("teams/platform/index.html", None),
        (
            "people/li-na/index.html",
            Some("首席执行官，负责公司战略与客户成功。"),
        ),
        ("people/zhao-lei/index.html", None),
        ("people/wang-qiang/index.html", None),
    ] {
        let html = built.read(page);
        let text = visible_text(&html);
        match body {
            Some(body) => {
                assert!(has_id(&html, "about-heading"), "{page}");
                assert!(text.contains(&format!("简介 {body}")), "{page}: {text}");
            }
            None => {
                assert!(!has_id(&html, "about-heading"), "{page}: an empty 简介");
                assert!(!text.contains("简介"), "{page}");
                assert!(!html.contains("<!--"), "{page}: the comment shows");
            }
        }
    }
}

#[test]
fn the_quarters_dashboard_lists_the_running_years_risks_and_due_checkins() {
    let built = zh();
    let merchants = key_result(&built.json, "company-2025/merchants");
    assert_eq!(merchants["at_risk"], true);
    assert_eq!(period(&built.json, "2025")["state"], "running");
    let dashboard = built.read(DASHBOARD);
    assert!(visible_text(&dashboard).contains("2025年第二季度 2025年4月1日 – 2025年6月30日"));
    // The quarter's own first, unmarked; then the year's, each saying its period.
    assert_eq!(
        texts_of(&dashboard, "risk-kind"),
        [
            "目标",
            "关键结果",
            "目标 · 周期 2025年",
            "关键结果 · 周期 2025年"
        ]
    );
    let titles = texts_of(&dashboard, "risk-title");
    assert_eq!(
        titles,
        [
            "建成开放式创新平台",
            "开发者沙箱上线",
            "成为小商户首选的经营软件",
            "付费商户达到 10000 家"
        ]
    );
    assert!(dashboard.contains(r#"<a class="risk-period" href="periods/2025/index.html">"#));
    // The yearly key result that never had a check-in: due, by its owner, with its period.
    assert_eq!(
        texts_of(&dashboard, "due"),
        [
            "续约率保持在 85% 以上 所属目标 成为小商户首选的经营软件 周期 2025年 上次进展更新 从未更新"
        ]
    );
    assert_eq!(texts_of(&dashboard, "due-owner"), ["赵磊 1"]);
    // The quarter's own page keeps to its own period.
    let quarter = built.read("periods/2025-Q2/index.html");
    assert_eq!(
        texts_of(&quarter, "risk-title"),
        ["建成开放式创新平台", "开发者沙箱上线"]
    );
    assert!(texts_of(&quarter, "due").is_empty());
    // The owner's page says the period of what they owe, too.
    let zhao = built.read("people/zhao-lei/index.html");
    assert!(texts_of(&zhao, "due-period").contains(&"周期 2025年".to_owned()));
}

#[test]
fn when_only_the_year_runs_the_dashboard_shows_it_and_marks_nothing() {
    // 2025-07-01: no objective of 2025-Q3; the year is the only running period.
    let built = build(&fixture("zh-site"), &["--as-of", "2025-07-01"]);
    let dashboard = built.read(DASHBOARD);
    assert!(visible_text(&dashboard).contains("2025年 2025年1月1日 – 2025年12月31日"));
    assert_eq!(
        texts_of(&dashboard, "risk-title"),
        ["成为小商户首选的经营软件", "付费商户达到 10000 家"]
    );
    assert!(texts_of(&dashboard, "risk-period").is_empty());
    assert!(texts_of(&dashboard, "due-period").is_empty());
}

#[test]
fn the_same_site_in_english_keeps_one_term_per_idea() {
    let built = en();
    for other in ["Ideal", "Expected by now", " /10"] {
        assert_no_problems("another name", &pages_containing(&built, other));
    }
    let platform = built.read(PLATFORM);
    let text = visible_text(&platform);
    assert!(text.contains("Confidence 5/10"), "{text}");
    assert!(text.contains("Progress 48% Expected pace: 54%"), "{text}");
    assert_eq!(texts_of(&platform, "kr-current")[1..], ["Done", "Not done"]);
    assert!(platform.contains(r#"设计合作伙伴接口</a><span class="muted"> (Q1 2025)</span>"#));
    assert_eq!(
        chart_descriptions(&platform)[1],
        "Value: 9家 (May 15); Target: 20家; As of: May 20"
    );
    let burn_up = platform
        .split(r#"<figure class="chart chart-burnup">"#)
        .nth(1)
        .unwrap();
    assert!(burn_up.contains(">Expected pace</text>"));
    let dashboard = built.read(DASHBOARD);
    assert_eq!(
        texts_of(&dashboard, "risk-kind")[2..],
        ["Objective · Period 2025", "Key result · Period 2025"]
    );
    assert!(texts_of(&dashboard, "org-about")[0].starts_with("About us 星火科技成立于"));
}

#[test]
fn the_search_index_keeps_its_format_and_names_check_in_authors() {
    let built = zh();
    let entries = search_entries(&built.root);
    for e in &entries {
        let mut keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["context", "kind", "text", "title", "url"], "{e}");
    }
    let platform = entries
        .iter()
        .find(|e| e["kind"] == "objective" && e["title"] == "建成开放式创新平台")
        .expect("the objective is indexed");
    assert_eq!(platform["url"], PLATFORM);
    // A check-in's context is its author's name, as pages show it, not the id written; its
    // title lists the updates it makes (issue 10: one record per check-in).
    let checkin = entries
        .iter()
        .find(|e| {
            e["kind"] == "checkin"
                && e["title"]
                    == "接入 20 家合作伙伴：9家；发布开放接口文档：已完成；开发者沙箱上线：未完成 · 2025年5月15日"
        })
        .expect("the check-in is indexed");
    assert_eq!(checkin["context"], "王强");
}

#[test]
fn the_feed_speaks_chinese_with_full_width_punctuation() {
    let feed = zh().read("feed.xml");
    // One entry per check-in (issue 10): the file's three updates in one title.
    assert!(
        feed.contains("<title>接入 20 家合作伙伴：9家；发布开放接口文档：已完成；开发者沙箱上线：未完成（2025年5月15日）</title>"),
        "{feed}"
    );
    assert!(feed.contains(
        "<summary>建成开放式创新平台 — 接入 20 家合作伙伴：9家 · 信心 5/10；建成开放式创新平台 — 发布开放接口文档"
    ));
    let en = en().read("feed.xml");
    assert!(
        en.contains("<title>接入 20 家合作伙伴: 9家; 发布开放接口文档: "),
        "{en}"
    );
    assert!(en.contains(" (May 15, 2025)</title>"), "{en}");
    assert!(
        en.contains("<summary>建成开放式创新平台 — 接入 20 家合作伙伴: 9家 · Confidence 5/10; ")
    );
}
