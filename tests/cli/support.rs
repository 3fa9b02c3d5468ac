//! The test builder: a site in a temporary folder (written file by file, or copied from a
//! fixture), commands to run `okrs` on it, and ways to read what it printed and wrote.

#![allow(dead_code)]

use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

#[path = "../support/folder.rs"]
mod folder;
pub use folder::copy_dir;

/// The figures of okrs.json are compared with this tolerance.
pub const TOLERANCE: f64 = 1e-9;

/// `okrs`, with the environment that could change its output cleared.
pub fn okrs() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_okrs"));
    cmd.env_remove("SOURCE_DATE_EPOCH").env("NO_COLOR", "1");
    cmd
}

/// A fixture folder under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A folder under `sample-okrs/`.
pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-okrs")
        .join(name)
}

/// What one run of `okrs` did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(output: std::process::Output) -> Run {
        Run {
            code: output
                .status
                .code()
                .expect("okrs was not killed by a signal"),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }
}

/// Runs `okrs` with these arguments (and environment variables).
pub fn run(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = okrs();
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    Run::from(cmd.output().expect("okrs runs"))
}

/// One diagnostic of `okrs check --format json`.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Diag {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub severity: String,
    pub rule: String,
    pub message: String,
}

impl Diag {
    pub fn is_error(&self) -> bool {
        self.severity == "error"
    }

    /// `file:line:column rule`, for readable assertion failures.
    pub fn at(&self) -> String {
        format!("{}:{}:{} {}", self.file, self.line, self.column, self.rule)
    }
}

/// `okrs check SITE --format json ARGS…`: the exit code and the diagnostics.
pub fn check(site: &Path, args: &[&str]) -> (i32, Vec<Diag>) {
    let site = site.to_str().expect("a UTF-8 path");
    let mut all = vec!["check", site, "--format", "json"];
    all.extend_from_slice(args);
    let run = run(&all, &[]);
    let diags: Vec<Diag> = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not a JSON array of diagnostics ({e}):\n{}\nstderr:\n{}",
            run.stdout, run.stderr
        )
    });
    (run.code, diags)
}

/// The one diagnostic in `file` with `rule`; fails if there is none or more than one.
pub fn only<'a>(diags: &'a [Diag], file: &str, rule: &str) -> &'a Diag {
    let found: Vec<&Diag> = diags
        .iter()
        .filter(|d| d.file == file && d.rule == rule)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected exactly one {rule} in {file}; all diagnostics:\n{}",
        listing(diags)
    );
    found[0]
}

/// Every diagnostic as `file:line:column rule: message`, one a line.
pub fn listing(diags: &[Diag]) -> String {
    diags
        .iter()
        .map(|d| format!("{}: {}\n", d.at(), d.message))
        .collect()
}

/// Builds `site` into a fresh temporary folder; returns the run and the folder (kept alive).
pub fn build_into_temp(site: &Path, args: &[&str], env: &[(&str, &str)]) -> (Run, TempDir) {
    let out = TempDir::new().unwrap();
    let out_dir = out.path().join("public");
    let mut all = vec![
        "build",
        site.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    let run = run(&all, env);
    (run, out)
}

/// Builds `site` (it must succeed) and returns its okrs.json, parsed.
pub fn built_json(site: &Path, args: &[&str]) -> Value {
    built_json_env(site, args, &[])
}

pub fn built_json_env(site: &Path, args: &[&str], env: &[(&str, &str)]) -> Value {
    let (run, out) = build_into_temp(site, args, env);
    assert_eq!(run.code, 0, "okrs build failed:\n{}", run.stderr);
    let text = std::fs::read_to_string(out.path().join("public/okrs.json")).unwrap();
    serde_json::from_str(&text).expect("okrs.json is JSON")
}

/// A site in a temporary folder.
pub struct Site {
    dir: TempDir,
}

impl Site {
    /// An empty folder (not yet a site: it has no okrs.yaml).
    pub fn empty() -> Site {
        Site {
            dir: TempDir::new().unwrap(),
        }
    }

    /// A site with only okrs.yaml.
    pub fn new(okrs_yaml: &str) -> Site {
        let site = Site::empty();
        site.file("okrs.yaml", okrs_yaml);
        site
    }

    /// A copy of a fixture, to change without touching the fixture.
    pub fn copy_of(fixture_name: &str) -> Site {
        let site = Site::empty();
        copy_dir(&fixture(fixture_name), site.path());
        site
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn arg(&self) -> &str {
        self.path().to_str().expect("a UTF-8 path")
    }

    /// Writes a file (creating its folders), replacing what was there.
    pub fn file(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Site {
        let path = self.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap()
    }

    pub fn check(&self, args: &[&str]) -> (i32, Vec<Diag>) {
        check(self.path(), args)
    }

    pub fn built_json(&self, args: &[&str]) -> Value {
        built_json(self.path(), args)
    }
}

/// Every file under `dir`, by relative path, with its bytes.
pub fn read_tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap().to_path_buf();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The whole search index of a built site as one text: the manifest, then every piece
/// (search/index/) in name order.
pub fn search_index_text(public: &Path) -> String {
    let mut text = std::fs::read_to_string(public.join("search-index.js")).unwrap();
    for bytes in read_tree(&public.join("search/index")).values() {
        text.push_str(&String::from_utf8_lossy(bytes));
    }
    text
}

// ---- Reading okrs.json ----

fn find<'a>(json: &'a Value, list: &str, id: &str) -> &'a Value {
    json[list]
        .as_array()
        .unwrap_or_else(|| panic!("okrs.json has no list `{list}`"))
        .iter()
        .find(|x| x["id"] == id)
        .unwrap_or_else(|| panic!("okrs.json has no {list} entry with id '{id}'"))
}

pub fn objective<'a>(json: &'a Value, id: &str) -> &'a Value {
    find(json, "objectives", id)
}

pub fn period<'a>(json: &'a Value, id: &str) -> &'a Value {
    find(json, "periods", id)
}

pub fn team<'a>(json: &'a Value, id: &str) -> &'a Value {
    find(json, "teams", id)
}

/// A key result by its full id `OBJECTIVE/KR`.
pub fn key_result<'a>(json: &'a Value, full_id: &str) -> &'a Value {
    let (o, _) = full_id.split_once('/').unwrap();
    objective(json, o)["key_results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == full_id)
        .unwrap_or_else(|| panic!("objective '{o}' has no key result '{full_id}'"))
}

/// The `id`s of a list of objects, or the strings of a list of strings.
pub fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|x| match x {
            Value::String(s) => s.clone(),
            other => other["id"].as_str().unwrap().to_owned(),
        })
        .collect()
}

/// Asserts a number in okrs.json, within `TOLERANCE`.
#[track_caller]
pub fn assert_close(actual: &Value, expected: f64, what: &str) {
    let a = actual
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: expected the number {expected}, found {actual}"));
    assert!(
        (a - expected).abs() <= TOLERANCE,
        "{what}: expected {expected}, found {a}"
    );
}

/// What a key result's figures should be. `current` is a number, or `true`/`false`
/// for a milestone.
pub struct KrFigures {
    pub current: Value,
    pub raw_progress: f64,
    pub progress: f64,
    pub confidence: Option<u64>,
    pub status: &'static str,
    pub at_risk: bool,
}

#[track_caller]
pub fn assert_kr(json: &Value, full_id: &str, want: KrFigures) {
    let kr = key_result(json, full_id);
    match &want.current {
        Value::Number(n) => assert_close(
            &kr["current"],
            n.as_f64().unwrap(),
            &format!("{full_id} current"),
        ),
        other => assert_eq!(&kr["current"], other, "{full_id} current"),
    }
    assert_close(
        &kr["raw_progress"],
        want.raw_progress,
        &format!("{full_id} raw_progress"),
    );
    assert_close(
        &kr["progress"],
        want.progress,
        &format!("{full_id} progress"),
    );
    assert_eq!(
        kr["confidence"],
        want.confidence.map_or(Value::Null, Value::from),
        "{full_id} confidence"
    );
    assert_eq!(kr["status"], want.status, "{full_id} status");
    assert_eq!(kr["at_risk"], want.at_risk, "{full_id} at_risk");
}

/// What an objective's figures should be.
pub struct ObjectiveFigures {
    pub progress: f64,
    pub expected: f64,
    pub status: &'static str,
    pub confidence: Option<u64>,
    pub at_risk: bool,
}

#[track_caller]
pub fn assert_objective(json: &Value, id: &str, want: ObjectiveFigures) {
    let o = objective(json, id);
    assert_close(&o["progress"], want.progress, &format!("{id} progress"));
    assert_close(&o["expected"], want.expected, &format!("{id} expected"));
    assert_eq!(o["status"], want.status, "{id} status");
    assert_eq!(
        o["confidence"],
        want.confidence.map_or(Value::Null, Value::from),
        "{id} confidence"
    );
    assert_eq!(o["at_risk"], want.at_risk, "{id} at_risk");
}

/// The dates of a key result's check-ins in okrs.json, with their source files.
pub fn checkin_dates(json: &Value, full_id: &str) -> Vec<(String, String)> {
    key_result(json, full_id)["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["date"].as_str().unwrap().to_owned(),
                c["source"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}
