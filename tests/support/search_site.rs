//! A generated site of many objectives for the search tests (tests/cli/search.rs and
//! tests/browser.rs): each objective has two key results and two check-ins with notes, its
//! words taken from a small vocabulary so that some words are in most documents and
//! others in few. English or Chinese. The same arguments always write the same files.

use std::path::Path;

const EN: [&str; 12] = [
    "renewal",
    "latency",
    "onboarding",
    "pricing",
    "partners",
    "uptime",
    "billing",
    "search",
    "hiring",
    "security",
    "mobile",
    "support",
];

const ZH: [&str; 12] = [
    "续约",
    "延迟",
    "上线",
    "定价",
    "合作伙伴",
    "稳定",
    "账单",
    "搜索",
    "招聘",
    "安全",
    "移动端",
    "开放式创新平台",
];

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Writes a site of `objectives` objectives into `root`, in Chinese when `chinese`.
pub fn write_site(root: &Path, objectives: usize, chinese: bool) {
    let (language, words) = if chinese { ("zh-CN", ZH) } else { ("en", EN) };
    let people = (objectives / 5).max(1);
    write(
        root,
        "okrs.yaml",
        &format!("title: Search\nlanguage: {language}\nas_of: 2024-06-20\n"),
    );
    write(
        root,
        "org.md",
        "---\nname: Search Inc.\nmission: Find everything\n---\n",
    );
    for p in 0..people {
        write(
            root,
            &format!("people/person-{p}.md"),
            &format!("---\nname: Person {p}\n---\n"),
        );
    }
    for o in 0..objectives {
        let (a, b) = (words[o % 12], words[(o * 7 + 3) % 12]);
        let owner = o % people;
        write(
            root,
            &format!("objectives/obj-{o}.md"),
            &format!(
                "---\nid: obj-{o}\ntitle: Objective {o} {a} {b}\nperiod: 2024-Q2\nowner: person-{owner}\nkey_results:\n  \
                 - {{ id: first, title: Improve {a} {o}, metric: increase, start: 0, target: 100 }}\n  \
                 - {{ id: second, title: Ship {b}, metric: milestone }}\n---\nWhy {a} matters: {b} for customers.\n"
            ),
        );
        for (n, date) in ["2024-05-01", "2024-06-01"].iter().enumerate() {
            write(
                root,
                &format!("checkins/obj-{o}-{n}.md"),
                &format!(
                    "---\ndate: {date}\nauthor: person-{owner}\nupdates:\n  - {{ kr: obj-{o}/first, value: {} }}\n  \
                     - {{ kr: obj-{o}/second, done: false }}\n---\nProgress on {a} and {}: steady, note {o}-{n}.\n",
                    10 + 30 * n,
                    words[(o + n) % 12]
                ),
            );
        }
    }
}
