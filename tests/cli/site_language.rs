//! The UI speaks the site's language: a zh-CN site's pages are in Chinese with no English
//! UI string, and amounts, percentages, confidences and units are written the Chinese way.

use crate::site::{assert_chinese_page, build, build_sample, list, visible_text};
use crate::support::*;

#[test]
fn teebee_pages_are_in_chinese_with_no_english_ui_strings() {
    let built = build_sample("teebee");
    let pages: [(&str, &[&str]); 2] = [
        (
            "index.html",
            &[
                "dashboard.period_progress",
                "dashboard.objectives_heading",
                "dashboard.latest_checkins",
                "label.owner",
            ],
        ),
        (
            "objectives/teebee-o1/index.html",
            &[
                "objective.key_results_heading",
                "objective.checkin_history",
                "objective.tasks",
                "label.owner",
                "label.confidence",
            ],
        ),
    ];
    for (page, keys) in pages {
        assert_chinese_page(page, &built.read(page), keys);
    }
}

#[test]
fn teebee_objective_page_writes_amounts_percentages_and_confidences_the_chinese_way() {
    let built = build_sample("teebee");
    let text = visible_text(&built.read("objectives/teebee-o1/index.html"));
    let revenue = key_result(&built.json, "teebee-o1/revenue");
    // The sample's revenue is in 元 (a CJK unit: no space), with thousands separators.
    assert_eq!(revenue["unit"], "元");
    assert_close(&revenue["current"], 131000.0, "teebee-o1/revenue current");
    for amount in ["131,000元", "250,000元"] {
        assert!(text.contains(amount), "{amount} is missing:\n{text:.3000}");
    }
    // Percentages without a space.
    for pct in ["55%", "70%", "50%"] {
        assert!(text.contains(pct), "{pct} is missing");
    }
    let spaced: Vec<&str> = text
        .match_indices(" %")
        .filter(|(i, _)| text[..*i].ends_with(|c: char| c.is_ascii_digit()))
        .map(|(i, _)| &text[i.saturating_sub(12)..i + 2])
        .collect();
    assert!(spaced.is_empty(), "a space before %: {spaced:?}");
    // Confidences out of 10, with no space before "/10".
    for kr in list(objective(&built.json, "teebee-o1"), "key_results") {
        if let Some(c) = kr["confidence"].as_u64() {
            assert!(
                text.contains(&format!("{c}/10")),
                "{}: confidence {c}/10 is missing",
                kr["id"]
            );
        }
    }
    assert!(!text.contains(" /10"), "a space before /10");
}

#[test]
fn a_yuan_sign_unit_goes_before_the_amount_with_thousands_separators() {
    let site = Site::new("title: 测试\nlanguage: zh-CN\nas_of: 2024-05-20\n");
    site.file(
        "objectives/o1.md",
        "---\ntitle: 收入\nperiod: 2024-Q2\nowner: 王芳\nkey_results:\n  - title: 完成25万交易额\n    start: 0\n    target: 250000\n    unit: ¥\n    checkins:\n      - { date: 2024-05-15, value: 131000, confidence: 6 }\n---\n",
    );
    let built = build(site.path(), &[]);
    let text = visible_text(&built.read("objectives/o1/index.html"));
    for amount in ["¥131,000", "¥250,000", "6/10"] {
        assert!(text.contains(amount), "{amount} is missing:\n{text:.3000}");
    }
}
