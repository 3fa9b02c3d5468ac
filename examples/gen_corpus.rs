//! Writes a synthetic okrs site for benchmarks: `cargo run --release --example gen_corpus -- OUT OBJECTIVES`.
//! Each objective has three key results and a check-in file per key result per fortnight;
//! objectives are spread over teams and people, and a quarter of them align to a yearly
//! objective of their team. The content is the same for the same arguments.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(out), Some(count)) = (
        args.next(),
        args.next().and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: gen_corpus OUT OBJECTIVES");
        std::process::exit(2);
    };
    if let Err(err) = generate(Path::new(&out), count) {
        eprintln!("gen_corpus: {err}");
        std::process::exit(1);
    }
}

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text)
}

fn generate(out: &Path, count: usize) -> std::io::Result<()> {
    let teams = (count / 50).clamp(1, 200);
    let people = (count / 5).clamp(1, 5000);
    write(
        &out.join("okrs.yaml"),
        "title: Corpus\nlanguage: en\nas_of: 2024-05-20\nlints:\n  stale-checkin: allow\n  kr-no-checkins: allow\n",
    )?;
    write(
        &out.join("org.md"),
        "---\nname: Corpus Inc.\nmission: Measure okrs\nstrategies:\n  - { id: grow, title: Grow }\n---\nSynthetic.\n",
    )?;
    for t in 0..teams {
        write(
            &out.join(format!("teams/team-{t}.md")),
            &format!("---\nname: Team {t}\n---\n"),
        )?;
        write(
            &out.join(format!("objectives/team-{t}/yearly-{t}.md")),
            &format!(
                "---\ntitle: Yearly goal of team {t}\nperiod: 2024\nteam: team-{t}\nowner: person-{}\naligns_to: grow\n---\nRolls up its quarterly children.\n",
                t % people
            ),
        )?;
    }
    for p in 0..people {
        write(
            &out.join(format!("people/person-{p}.md")),
            &format!("---\nname: Person {p}\nteam: team-{}\n---\n", p % teams),
        )?;
    }
    for o in 0..count {
        let team = o % teams;
        let parent = if o % 4 == 0 {
            format!("yearly-{team}")
        } else {
            "grow".to_owned()
        };
        let mut text = format!(
            "---\nid: obj-{o}\ntitle: Objective number {o} of team {team}\nperiod: 2024-Q2\nteam: team-{team}\nowner: person-{}\naligns_to: {parent}\nkey_results:\n",
            o % people
        );
        for k in 0..3 {
            let _ = writeln!(
                text,
                "  - {{ id: kr{k}, title: Key result {k} of objective {o}, owner: person-{}, start: 0, target: {} }}",
                (o + k) % people,
                100 + k * 50
            );
        }
        text.push_str("---\n## Why\n\nBecause it matters. | a | b |\n\n- [ ] one\n- [x] two\n");
        write(
            &out.join(format!("objectives/team-{team}/obj-{o}.md")),
            &text,
        )?;
        for week in [1, 3, 5, 7] {
            let day = 1 + week * 7;
            let (month, day) = if day > 30 { (5, day - 30) } else { (4, day) };
            let mut checkin = format!(
                "---\ndate: 2024-{month:02}-{day:02}\nauthor: person-{}\nupdates:\n",
                o % people
            );
            for k in 0..3 {
                let _ = writeln!(
                    checkin,
                    "  - {{ kr: obj-{o}/kr{k}, value: {}, confidence: {} }}",
                    (o * 7 + week * 13 + k * 5) % (100 + k * 50),
                    (o + week + k) % 11
                );
            }
            checkin.push_str("---\nProgress this fortnight: **steady**. Next: keep going.\n");
            write(
                &out.join(format!("checkins/team-{team}/obj-{o}-w{week}.md")),
                &checkin,
            )?;
        }
    }
    Ok(())
}
