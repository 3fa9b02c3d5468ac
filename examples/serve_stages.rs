//! Times each stage of an `okrs serve` rebuild on a site, after one objective file is
//! edited: `cargo run --release --example serve_stages -- SITE objectives/x.md [RUNS [analysis]]`
//! (`analysis`: only up to the edited objective's page, not the dashboard and okrs.json).
//! Prints the median of each stage in milliseconds (see docs/performance.md).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// The allocator of the `okrs` binary, so that the stages cost here what they cost there.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(site), Some(rel)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: serve_stages SITE OBJECTIVE_FILE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(5);
    let root = Path::new(site);
    let path = root.join(rel);
    let original = std::fs::read_to_string(&path).expect("the objective file");
    let mut cache = okrs::load::FileCache::default();
    let output = root.join("public");
    let started = Instant::now();
    let _ = cache.load(root, Some(&output), &okrs::load::Changes::Everything);
    println!("first load: {} ms", started.elapsed().as_millis());
    let mut stages: Vec<(&str, Vec<f64>, Vec<f64>)> = Vec::new();
    // Wall time, and the time this thread was on a CPU (what the stage costs on an idle
    // machine, as the stages timed run on this thread but for the parse of changed files).
    let mut cpu_before = on_cpu();
    let mut record = |name: &'static str, since: Instant| {
        let ms = since.elapsed().as_secs_f64() * 1000.0;
        let cpu = on_cpu();
        let cpu_ms = (cpu - cpu_before) as f64 / 1e6;
        cpu_before = cpu;
        match stages.iter_mut().find(|(n, _, _)| *n == name) {
            Some((_, v, c)) => {
                v.push(ms);
                c.push(cpu_ms);
            }
            None => stages.push((name, vec![ms], vec![cpu_ms])),
        }
        Instant::now()
    };
    let mut previous = None;
    for i in 0..runs {
        std::fs::write(
            &path,
            original.replacen("title: ", &format!("title: E{i} "), 1),
        )
        .expect("write");
        let t = Instant::now();
        let changes = okrs::load::Changes::Paths(vec![path.clone()]);
        let loaded = cache.load(root, Some(&output), &changes);
        let t = record("load (the changed file)", t);
        let (site, earlier) = okrs::validate::validate(loaded);
        let t = record("validate", t);
        let as_of = okrs::compute::as_of_date(None, &site.config, None);
        let figures = okrs::compute::compute(&site, as_of, true);
        let t = record("compute", t);
        let diagnostics = okrs::lint::lint(&site, &figures, earlier);
        let t = record("lint", t);
        let options = okrs::render::RenderOptions { live_reload: true };
        let renderer = okrs::render::Renderer::new(Arc::new(site), Arc::new(figures), options)
            .expect("templates");
        let t = record("Renderer::new", t);
        drop(previous.take());
        let t = record("free the previous build", t);
        let stem = PathBuf::from(rel);
        let id = stem.file_stem().unwrap().to_string_lossy().into_owned();
        let page = renderer.render_path(&format!("objectives/{id}/index.html"));
        let t = record("render the objective's page", t);
        assert!(page.is_some() && diagnostics.len() < usize::MAX);
        if args.get(4).is_some_and(|a| a == "analysis") {
            previous = Some(renderer);
            continue;
        }
        let paths = renderer.paths();
        let t = record("paths()", t);
        let _ = renderer.render_path("index.html");
        let t = record("render the dashboard", t);
        let _ = renderer.render_path("okrs.json");
        record("render okrs.json", t);
        assert!(!paths.is_empty());
        previous = Some(renderer);
    }
    std::fs::write(&path, original).expect("restore");
    for (name, mut v, mut c) in stages {
        v.sort_by(f64::total_cmp);
        c.sort_by(f64::total_cmp);
        println!(
            "{name}: median {:.1} ms wall, {:.1} ms on CPU",
            v[v.len() / 2],
            c[c.len() / 2]
        );
    }
}

/// Nanoseconds this thread has run on a CPU (Linux; 0 elsewhere).
fn on_cpu() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
