//! The built site in a real browser: builds `sample-okrs/teebee` with the `okrs` binary
//! and runs `tests/browser/check.mjs` on it in headless Chromium (playwright-core driving
//! the system's Chromium). The script checks the dashboard, an objective page, the
//! alignment page and the search page at 1280 px (light) and 390 px (dark): no console or
//! page errors, no request leaving file://, no horizontal overflow, and search finding a
//! key result. The same on `tests/fixtures/zh-site`, where searching 开放平台 must find
//! 开放式创新平台 first (Chinese matched by its two-character pieces, ranked). And the
//! search's matching and ranking functions, with node alone (`tests/browser/search_unit.mjs`).
//! And, on generated sites of 2,000 objectives (English and Chinese), that a query loads
//! only its pieces of the search index (`tests/browser/search_pieces.mjs`).
//! And the judges of validity and accessibility on every page of the samples and of two
//! fixtures (`JUDGED_SITES`): the Nu Html Checker finds no error, axe-core (WCAG 2.1 AA)
//! no violation in the light or the dark colour scheme (`tests/browser/axe.mjs`).
//!
//! Needs Chromium (`apt-get install -y chromium`), node, and the script's dependencies
//! (`cd tests/browser && npm ci --ignore-scripts`); the unit tests need node only; the Nu
//! Html Checker needs Java (`apt-get install -y default-jre-headless`) and no browser.
//! When one is missing the test fails and says what to install — unless
//! `OKRS_SKIP_BROWSER_TESTS=1` asks for it to be skipped (for a machine without them; CI
//! never sets it, so there the tests always run).

use std::env;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "support/folder.rs"]
mod folder;
#[path = "support/search_site.rs"]
mod search_site;

/// How long check.mjs may take before it is killed (it normally takes ~10 s).
const CHECK_TIMEOUT: Duration = Duration::from_secs(300);

/// One node script at a time: each may start a Chromium, and the tests run in parallel on
/// machines with few cores, where timing-sensitive checks (live reload) would suffer.
static ONE_SCRIPT_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `name` in a directory of PATH, if there is one.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// The Chromium check.mjs will use: $CHROMIUM, /usr/bin/chromium or `chromium` on PATH.
fn chromium() -> Option<PathBuf> {
    env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .or_else(|| Some(PathBuf::from("/usr/bin/chromium")).filter(|p| p.is_file()))
        .or_else(|| on_path("chromium"))
}

/// What is missing to run the browser check (or, without `browser`, node alone), as
/// install instructions.
fn missing_prerequisites(script_dir: &Path, browser: bool) -> Vec<String> {
    let mut missing = Vec::new();
    if on_path("node").is_none() {
        missing.push("node (v20 or later) on PATH".to_owned());
    }
    if !browser {
        return missing;
    }
    if chromium().is_none() {
        missing.push(
            "Chromium (no /usr/bin/chromium and no `chromium` on PATH): \
             `apt-get update && apt-get install -y chromium`"
                .to_owned(),
        );
    }
    if !script_dir.join("node_modules/playwright-core").is_dir() {
        missing.push(format!(
            "playwright-core ({} is missing): `(cd tests/browser && npm ci)`",
            script_dir.join("node_modules/playwright-core").display()
        ));
    }
    missing
}

/// The environment variable that, set to `1`, skips a test whose prerequisites are missing
/// instead of failing it.
const SKIP_VARIABLE: &str = "OKRS_SKIP_BROWSER_TESTS";

/// Whether the browser tests can run; if not, fails saying what to install (or skips, when
/// asked to).
fn prerequisites_present(test: &str, script_dir: &Path) -> bool {
    node_and(test, script_dir, true)
}

/// Whether node (and, with `browser`, Chromium and playwright-core) are there; if not,
/// fails saying what to install (or skips, when asked to).
fn node_and(test: &str, script_dir: &Path, browser: bool) -> bool {
    can_run(test, &missing_prerequisites(script_dir, browser))
}

/// Whether `test` can run with `missing` (install instructions) missing: true when nothing
/// is; else it fails, listing them, unless OKRS_SKIP_BROWSER_TESTS=1 asks to skip it (false).
fn can_run(test: &str, missing: &[String]) -> bool {
    if missing.is_empty() {
        return true;
    }
    let list = missing.join("\n  - ");
    if env::var(SKIP_VARIABLE).as_deref() != Ok("1") {
        panic!(
            "{test} cannot run; install:\n  - {list}\n\
             (or set {SKIP_VARIABLE}=1 to skip the browser tests)"
        );
    }
    eprintln!("skipping {test} ({SKIP_VARIABLE}=1): missing\n  - {list}");
    false
}

/// Runs a node script of tests/browser with a time limit (its output goes to files, so
/// that a hang can be killed), prints what it said, and returns how it ended (None: killed).
fn run_script(
    script_dir: &Path,
    temp: &Path,
    args: &[&std::ffi::OsStr],
    envs: &[(&str, &str)],
) -> Option<std::process::ExitStatus> {
    run_limited("node", script_dir, temp, args, envs, CHECK_TIMEOUT)
}

/// Runs `program` in `dir` as [`run_script`] does, killed after `limit`.
fn run_limited(
    program: &str,
    dir: &Path,
    temp: &Path,
    args: &[&std::ffi::OsStr],
    envs: &[(&str, &str)],
    limit: Duration,
) -> Option<std::process::ExitStatus> {
    // A test that failed while holding the lock poisons it; the others still run.
    let _turn = ONE_SCRIPT_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let out_path = temp.join("script.out");
    let err_path = temp.join("script.err");
    let mut child = Command::new(program)
        .current_dir(dir)
        .args(args)
        .envs(envs.iter().copied())
        .stdin(Stdio::null())
        .stdout(File::create(&out_path).unwrap())
        .stderr(File::create(&err_path).unwrap())
        .spawn()
        .unwrap_or_else(|err| panic!("run {program}: {err}"));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the child") {
            break Some(status);
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    println!("{}", std::fs::read_to_string(&out_path).unwrap_or_default());
    let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
    if !stderr.trim().is_empty() {
        println!("--- stderr ---\n{stderr}");
    }
    status
}

#[test]
fn an_edit_while_serving_reloads_the_open_page() {
    let root = manifest_dir();
    let script_dir = root.join("tests/browser");
    if !prerequisites_present("an_edit_while_serving_reloads_the_open_page", &script_dir) {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let site = temp.path().join("teebee");
    folder::copy_dir(&root.join("sample-okrs/teebee"), &site);
    let okrs = std::ffi::OsString::from(env!("CARGO_BIN_EXE_okrs"));
    let status = run_script(
        &script_dir,
        temp.path(),
        &[
            "serve_reload.mjs".as_ref(),
            okrs.as_os_str(),
            site.as_os_str(),
        ],
        &[],
    );
    match status {
        None => panic!("serve_reload.mjs did not finish in time"),
        Some(status) => assert!(
            status.success(),
            "serve_reload.mjs failed ({status}); its output is above"
        ),
    }
}

/// Builds the site at `source` into `site` with the real binary, with `args` after
/// `okrs build SOURCE -o SITE`.
fn build_site(source: &Path, site: &Path, args: &[&str]) {
    let build = Command::new(env!("CARGO_BIN_EXE_okrs"))
        .arg("build")
        .arg(source)
        .arg("-o")
        .arg(site)
        .args(args)
        .output()
        .expect("run okrs build");
    assert!(
        build.status.success(),
        "okrs build failed ({}):\n{}{}",
        build.status,
        String::from_utf8_lossy(&build.stdout),
        String::from_utf8_lossy(&build.stderr)
    );
    assert!(
        site.join("index.html").is_file(),
        "no index.html in {}",
        site.display()
    );
}

/// Builds `source` (relative to the crate) as of `as_of` and runs check.mjs on it, with
/// `envs` for the script.
fn build_and_check(test: &str, source: &str, as_of: &str, envs: &[(&str, &str)]) {
    let root = manifest_dir();
    let script_dir = root.join("tests/browser");
    if !prerequisites_present(test, &script_dir) {
        return;
    }

    let temp = tempfile::tempdir().unwrap();
    let site = temp.path().join("site");
    build_site(&root.join(source), &site, &["--as-of", as_of]);

    // Run the browser check; its output goes to files so that a hang can be killed.
    let status = run_script(
        &script_dir,
        temp.path(),
        &["check.mjs".as_ref(), site.as_os_str()],
        envs,
    );
    match status {
        None => panic!(
            "tests/browser/check.mjs did not finish within {} s",
            CHECK_TIMEOUT.as_secs()
        ),
        Some(status) => assert!(
            status.success(),
            "tests/browser/check.mjs failed ({status}); its output is above \
             (run `cargo test --test browser -- --nocapture` to see it)"
        ),
    }
}

#[test]
fn built_site_works_in_headless_chromium() {
    // The Chinese sample site; search finds 续约 in a key result's title.
    build_and_check(
        "built_site_works_in_headless_chromium",
        "sample-okrs/teebee",
        "2024-05-20",
        &[],
    );
}

#[test]
fn english_sample_works_in_headless_chromium() {
    // English labels are longer: at 390 px the top menu needs two lines.
    build_and_check(
        "english_sample_works_in_headless_chromium",
        "sample-okrs/acme",
        "2024-05-20",
        &[("OKRS_SEARCH_QUERY", "onboarding")],
    );
}

#[test]
fn chinese_search_finds_words_apart_and_ranks_in_headless_chromium() {
    build_and_check(
        "chinese_search_finds_words_apart_and_ranks_in_headless_chromium",
        "tests/fixtures/zh-site",
        "2025-05-20",
        &[
            ("OKRS_SEARCH_QUERY", "开放平台"),
            ("OKRS_SEARCH_EXPECT", "开放式创新平台"),
            ("OKRS_SEARCH_FIRST", "1"),
        ],
    );
}

#[test]
fn search_matching_and_ranking_unit_tests_pass_in_node() {
    let root = manifest_dir();
    let script_dir = root.join("tests/browser");
    if !node_and(
        "search_matching_and_ranking_unit_tests_pass_in_node",
        &script_dir,
        false,
    ) {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let status = run_script(&script_dir, temp.path(), &["search_unit.mjs".as_ref()], &[]);
    match status {
        None => panic!("tests/browser/search_unit.mjs did not finish in time"),
        Some(status) => assert!(
            status.success(),
            "tests/browser/search_unit.mjs failed ({status}); its output is above"
        ),
    }
}

/// Builds a generated site of 2,000 objectives (in Chinese when `chinese`) and runs
/// search_pieces.mjs on it with `queries` (`QUERY=EXPECT`).
fn check_search_pieces(test: &str, chinese: bool, queries: &[&str]) {
    let root = manifest_dir();
    let script_dir = root.join("tests/browser");
    if !prerequisites_present(test, &script_dir) {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let source = temp.path().join("source");
    search_site::write_site(&source, 2000, chinese);
    let site = temp.path().join("site");
    build_site(&source, &site, &[]);
    let mut args: Vec<&std::ffi::OsStr> = vec!["search_pieces.mjs".as_ref(), site.as_os_str()];
    args.extend(queries.iter().map(|q| std::ffi::OsStr::new(*q)));
    match run_script(&script_dir, temp.path(), &args, &[]) {
        None => panic!("tests/browser/search_pieces.mjs did not finish in time"),
        Some(status) => assert!(
            status.success(),
            "tests/browser/search_pieces.mjs failed ({status}); its output is above"
        ),
    }
}

#[test]
fn a_search_loads_only_its_pieces_of_the_index_in_headless_chromium() {
    check_search_pieces(
        "a_search_loads_only_its_pieces_of_the_index_in_headless_chromium",
        false,
        &[
            // A word in a fifth of the titles and most notes: blocks, cut short.
            "latency=latency",
            // Two words; a word's beginning finds it (renew: renewal).
            "renew pricing=renewal pricing",
            // An id: the objective first.
            "obj-1234=Objective 1234",
            "zqxj-nothing=",
        ],
    );
}

#[test]
fn a_chinese_search_loads_only_its_pieces_of_the_index_in_headless_chromium() {
    check_search_pieces(
        "a_chinese_search_loads_only_its_pieces_of_the_index_in_headless_chromium",
        true,
        &["开放平台=开放式创新平台", "续约 定价=续约", "合作=合作伙伴"],
    );
}

/// The sites the judges below read: the three samples (acme also with its drafts, as
/// `okrs serve` shows it), the Chinese fixture, and the fixture whose Markdown does what
/// trips them (headings that skip levels or repeat from note to note, footnotes, a raw
/// id, a wide block of code and a wide table in a free page). Each with `okrs build` flags.
const JUDGED_SITES: [(&str, &[&str]); 6] = [
    ("sample-okrs/teebee", &[]),
    ("sample-okrs/phone-repair", &[]),
    ("sample-okrs/acme", &[]),
    ("sample-okrs/acme", &["--drafts"]),
    ("tests/fixtures/zh-site", &[]),
    ("tests/fixtures/prose", &[]),
];

/// The Nu Html Checker, as npm's vnu-jar installs it.
const VNU_JAR: &str = "node_modules/vnu-jar/build/dist/vnu.jar";

/// How long a judge may take over all of [`JUDGED_SITES`] (axe-core takes a few minutes
/// on two cores, vnu well under one).
const JUDGE_TIMEOUT: Duration = Duration::from_secs(900);

/// Builds every site of [`JUDGED_SITES`] into `temp`, returning the output folders.
fn build_judged_sites(temp: &Path) -> Vec<PathBuf> {
    let root = manifest_dir();
    JUDGED_SITES
        .iter()
        .enumerate()
        .map(|(n, (source, args))| {
            let name = Path::new(source).file_name().unwrap().to_string_lossy();
            let site = temp.join(format!("{n}-{name}"));
            build_site(&root.join(source), &site, args);
            site
        })
        .collect()
}

/// The .html files under `dir`.
fn html_files(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count()
}

/// What the Nu Html Checker needs that is missing, as install instructions.
fn missing_for_vnu(script_dir: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    if on_path("java").is_none() {
        missing.push(
            "java (for the Nu Html Checker): \
             `apt-get update && apt-get install -y default-jre-headless`"
                .to_owned(),
        );
    }
    if !script_dir.join(VNU_JAR).is_file() {
        missing.push(format!(
            "vnu-jar ({} is missing): `(cd tests/browser && npm ci)`",
            script_dir.join(VNU_JAR).display()
        ));
    }
    missing
}

#[test]
fn every_page_is_valid_html_by_the_nu_html_checker() {
    let test = "every_page_is_valid_html_by_the_nu_html_checker";
    let script_dir = manifest_dir().join("tests/browser");
    if !can_run(test, &missing_for_vnu(&script_dir)) {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let sites = build_judged_sites(temp.path());
    let pages: usize = sites.iter().map(|s| html_files(s)).sum();
    let mut args: Vec<&std::ffi::OsStr> = ["-jar", VNU_JAR, "--errors-only", "--skip-non-html"]
        .iter()
        .map(std::ffi::OsStr::new)
        .collect();
    // --verbose names each file checked (on stdout), so that the count can be checked.
    args.push("--verbose".as_ref());
    args.extend(sites.iter().map(|s| s.as_os_str()));
    let status = run_limited("java", &script_dir, temp.path(), &args, &[], JUDGE_TIMEOUT);
    let checked = std::fs::read_to_string(temp.path().join("script.out")).unwrap_or_default();
    match status {
        None => panic!("the Nu Html Checker did not finish in time"),
        Some(status) => assert!(
            status.success(),
            "the Nu Html Checker found errors ({status}); they are above"
        ),
    }
    let checked = checked.lines().filter(|l| l.contains(".html")).count();
    assert_eq!(
        checked, pages,
        "the Nu Html Checker read {checked} of the {pages} pages"
    );
}

#[test]
fn every_page_passes_axe_core_in_light_and_dark() {
    let test = "every_page_passes_axe_core_in_light_and_dark";
    let script_dir = manifest_dir().join("tests/browser");
    let mut missing = missing_prerequisites(&script_dir, true);
    if !script_dir
        .join("node_modules/axe-core/axe.min.js")
        .is_file()
    {
        missing.push("axe-core: `(cd tests/browser && npm ci)`".to_owned());
    }
    if !can_run(test, &missing) {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let sites = build_judged_sites(temp.path());
    let mut args: Vec<&std::ffi::OsStr> = vec!["axe.mjs".as_ref()];
    args.extend(sites.iter().map(|s| s.as_os_str()));
    match run_limited("node", &script_dir, temp.path(), &args, &[], JUDGE_TIMEOUT) {
        None => panic!("tests/browser/axe.mjs did not finish in time"),
        Some(status) => assert!(
            status.success(),
            "tests/browser/axe.mjs found violations ({status}); they are above"
        ),
    }
}
