//! Shared test setup: a hermetic environment for running the `pqs` binary.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;
use tempfile::TempDir;

/// The fixed clock every command runs with.
pub const NOW: &str = "2026-11-23T10:00:00Z";

/// The item most tests answer.
pub const ITEM: &str = "privacyverklaring.pv-vindbaar-bij-eerste-contact";

/// Path of the built `pqs` binary.
pub fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_pqs"))
}

/// A fixture file under `tests/fixtures/`.
pub fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative)
}

/// A temporary home for one test: a data folder (not created until pqs writes), an empty user
/// checklist folder, and a fake home so no real configuration is ever read.
pub struct TestEnv {
    root: TempDir,
}

impl TestEnv {
    pub fn new() -> Self {
        let root = tempfile::tempdir().expect("create temp dir");
        for sub in ["checklists", "home", "work", "tmp"] {
            fs::create_dir(root.path().join(sub)).expect("create sub folder");
        }
        TestEnv { root }
    }

    pub fn root(&self) -> &Path {
        self.root.path()
    }

    /// The data folder (`PQS_DATA_DIR`).
    pub fn data(&self) -> PathBuf {
        self.root().join("data")
    }

    /// The user checklist folder (`PQS_CHECKLISTS`), empty unless a test fills it.
    pub fn checklists(&self) -> PathBuf {
        self.root().join("checklists")
    }

    /// A scratch folder, also the working directory of every command.
    pub fn work(&self) -> PathBuf {
        self.root().join("work")
    }

    /// The file of an assessment.
    pub fn assessment(&self, name: &str) -> PathBuf {
        self.data().join(format!("{name}.toml"))
    }

    /// Writes an assessment file by hand.
    pub fn write_assessment(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        fs::create_dir_all(self.data()).expect("create data dir");
        let path = self.assessment(name);
        fs::write(&path, bytes).expect("write assessment");
        path
    }

    /// Writes a file into the user checklist folder.
    pub fn write_checklist(&self, file_name: &str, text: &str) -> PathBuf {
        let path = self.checklists().join(file_name);
        fs::write(&path, text).expect("write checklist");
        path
    }

    /// Applies the hermetic environment to any command.
    pub fn configure(&self, cmd: &mut std::process::Command) {
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.root().join("home"))
            .env("XDG_DATA_HOME", self.root().join("home/.local/share"))
            .env("XDG_CONFIG_HOME", self.root().join("home/.config"))
            .env("PQS_DATA_DIR", self.data())
            .env("PQS_CHECKLISTS", self.checklists())
            .env("PQS_NOW", NOW)
            .env("NO_COLOR", "1")
            .env("TZ", "UTC")
            .env("LANG", "C.UTF-8")
            .env("TMPDIR", self.root().join("tmp"))
            .current_dir(self.work());
    }

    /// `pqs` with the hermetic environment.
    pub fn pqs(&self) -> assert_cmd::Command {
        let mut cmd = std::process::Command::new(bin());
        self.configure(&mut cmd);
        assert_cmd::Command::from_std(cmd)
    }

    /// Runs `pqs ARGS` and returns its output, whatever the exit code.
    pub fn run(&self, args: &[&str]) -> Output {
        self.pqs().args(args).output().expect("run pqs")
    }

    /// Runs `pqs ARGS`, asserts success with an empty stderr, and returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "pqs {args:?} failed\nstderr: {}",
            stderr(&out)
        );
        assert_eq!(stderr(&out), "", "pqs {args:?} wrote to stderr");
        stdout(&out)
    }

    /// Runs `pqs ARGS`, asserts exit code 1 with an empty stdout, and returns stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "pqs {args:?} should exit 1\nstdout: {}\nstderr: {}",
            stdout(&out),
            stderr(&out)
        );
        assert_eq!(stdout(&out), "", "pqs {args:?} wrote to stdout");
        stderr(&out)
    }

    /// `pqs ARGS` parsed as JSON.
    pub fn json(&self, args: &[&str]) -> Value {
        let text = self.ok(args);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("invalid JSON ({e}):\n{text}"))
    }

    /// Names of the files in the data folder (none when it does not exist).
    pub fn data_files(&self) -> Vec<String> {
        let Ok(entries) = fs::read_dir(self.data()) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// Makes the default assessment a full scan, so every item is asked (a new one is a quick scan).
pub fn full_scan(env: &TestEnv) {
    env.ok(&["details", "--depth", "volledig"]);
}

/// Every privacy-law item of `pqs checklists --format json` (the ones the AVG score weighs), in
/// order: (global id, severity weight).
pub fn item_weights(env: &TestEnv) -> Vec<(String, f64)> {
    let doc = env.json(&["checklists", "--format", "json"]);
    let mut out = Vec::new();
    for checklist in doc["checklists"].as_array().expect("checklists array") {
        for item in checklist["items"].as_array().expect("items array") {
            if item["scope"] != "avg" {
                continue;
            }
            let weight = match item["severity"].as_str().expect("severity") {
                "high" => 3.0,
                "medium" => 2.0,
                "low" => 1.0,
                other => panic!("unknown severity {other}"),
            };
            out.push((item["id"].as_str().unwrap().to_owned(), weight));
        }
    }
    out
}

/// Items no other item follows up, per checklist in order (answering one never rules another out).
pub fn leaves(env: &TestEnv) -> Vec<Vec<String>> {
    let doc = env.json(&["checklists", "--format", "json"]);
    let lists = doc["checklists"].as_array().expect("checklists array");
    let parents: std::collections::HashSet<&str> = lists
        .iter()
        .flat_map(|c| c["items"].as_array().unwrap())
        .filter_map(|i| i["follows"].as_str())
        .collect();
    lists
        .iter()
        .map(|c| {
            c["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|i| i["scope"] == "avg")
                .map(|i| i["id"].as_str().unwrap().to_owned())
                .filter(|id| !parents.contains(id.as_str()))
                .collect()
        })
        .collect()
}

/// The expected score (0 to 100) from weights and (id, credit) answers; `None` credit is
/// "not applicable".
pub fn expected_score(weights: &[(String, f64)], answers: &[(&str, Option<f64>)]) -> f64 {
    let (mut earned, mut possible) = (0.0, 0.0);
    for (id, weight) in weights {
        match answers.iter().find(|(a, _)| a == id) {
            Some((_, None)) => {}
            Some((_, Some(credit))) => {
                earned += weight * credit;
                possible += weight;
            }
            None => possible += weight,
        }
    }
    if possible == 0.0 {
        100.0
    } else {
        100.0 * earned / possible
    }
}

/// A valid checklist with `n` items, for user-folder tests.
pub fn checklist_toml(id: &str, title: &str, n: usize) -> String {
    let mut text =
        format!("id = \"{id}\"\ntitle = \"{title}\"\nversion = 1\nreviewed = 2026-11-23\n");
    for i in 1..=n {
        text.push_str(&format!(
            "\n[[items]]\nid = \"vraag-{i}\"\nquestion = \"Is vraag {i} geregeld?\"\n\
             explanation = \"Uitleg {i}.\"\naction = \"Regel vraag {i}.\"\n\
             reference = \"art. {i} AVG\"\nseverity = \"medium\"\n"
        ));
    }
    text
}

/// An item of a JSON report, by global id.
pub fn item_of<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["checklists"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["items"].as_array().unwrap())
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("{id} not in report"))
}

/// The status of an item in a JSON report.
pub fn status_of<'a>(doc: &'a Value, id: &str) -> &'a str {
    item_of(doc, id)["status"].as_str().unwrap()
}
