//! `pqs answer` followed by `pqs report`, in text and JSON.

use std::fs;

use serde_json::Value;

use crate::common::{ITEM, NOW, TestEnv, expected_score, full_scan, item_of, item_weights, leaves};

fn round1(score: f64) -> f64 {
    (score * 10.0).round() / 10.0
}

#[test]
fn answer_creates_the_default_assessment_file() {
    let env = TestEnv::new();
    assert_eq!(
        env.ok(&["answer", ITEM, "ja", "--note", "staat in \"privacy\" § 2"]),
        ""
    );
    let expected = format!(
        "{}\nformat = 3\norganisation = \"\"\ncreated = \"{NOW}\"\nupdated = \"{NOW}\"\ndepth = \"snel\"\n\n\
         [answers.\"{ITEM}\"]\nstatus = \"yes\"\nnote = 'staat in \"privacy\" § 2'\n\
         answered_at = \"{NOW}\"\nquestion = \"{fingerprint}\"\n\n# einde\n",
        pqs::assessment::store::HEAD_MARK,
        fingerprint = pqs::checklist::Catalog::bundled()
            .item(ITEM)
            .unwrap()
            .1
            .fingerprint()
    );
    assert_eq!(
        fs::read_to_string(env.assessment("standaard")).unwrap(),
        expected
    );
    // Beside it: its lock, and its parsed copy (for a quick next read).
    assert_eq!(
        env.data_files(),
        [".standaard.lock", ".standaard.parsed", "standaard.toml"]
    );
}

#[test]
fn text_report_lists_every_other_item_as_a_gap() {
    let env = TestEnv::new();
    full_scan(&env);
    env.ok(&["answer", ITEM, "ja", "--note", "notitie-7f3a"]);
    let weights = item_weights(&env);
    let total = weights.len();
    let score = expected_score(&weights, &[(ITEM, Some(1.0))]);
    let report = env.ok(&["report"]);

    let mut lines = report.lines();
    assert_eq!(lines.next(), Some("Privacy Quick Scan: rapport"));
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(
        lines.next(),
        Some(
            format!("Beoordeling: standaard · Datum: 23 november 2026 · pqs-versie {version}")
                .as_str()
        )
    );
    let band = match score.round() {
        s if s >= 80.0 => "goed",
        s if s >= 50.0 => "op weg",
        _ => "onvoldoende",
    };
    let totals = format!(
        "\nTotaal: score {score:.0}% ({band})\nVoortgang: 1 van {total} vragen beantwoord, {} open punten\n",
        total - 1
    );
    assert!(report.contains(&totals), "{totals}\n{report}");
    let per_checklist = format!("\nAlle open punten per checklist ({})\n", total - 1);
    assert!(report.contains(&per_checklist), "{report}");
    // The plan comes first: every open task, numbered, each with why it stands there, in the
    // order of the JSON report.
    let tasks = env.json(&["report", "--format", "json"])["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["status"] == "open")
        .map(|t| t["title"].as_str().unwrap().to_owned())
        .collect::<Vec<_>>();
    let plan = report
        .split("\nHet plan: wat eerst (")
        .nth(1)
        .unwrap()
        .split("\nChecklist ")
        .next()
        .unwrap();
    assert!(
        plan.starts_with(&format!("{} taken open", tasks.len())),
        "{plan}"
    );
    let numbered: Vec<&str> = plan
        .lines()
        .skip(1)
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(numbered.len(), tasks.len(), "{numbered:?}");
    for (n, (line, title)) in numbered.iter().zip(&tasks).enumerate() {
        let number = format!("{}.", n + 1);
        assert!(line.starts_with(&number), "{line}");
        assert!(
            title.starts_with(line[number.len()..].trim()),
            "{line} / {title}"
        );
    }
    assert_eq!(plan.matches("Waarom hier: ernst ").count(), tasks.len());
    // The answered item is listed as done, by its question.
    let checklists = env.json(&["checklists", "--format", "json"]);
    let pv = &checklists["checklists"][0];
    let question = pv["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == ITEM)
        .unwrap()["question"]
        .as_str()
        .unwrap();
    let done: String = format!("  ✓ {}: {question}", pv["title"].as_str().unwrap())
        .chars()
        .take(70)
        .collect();
    assert!(
        report.contains(&format!("\nAl in orde (1)\n{done}")),
        "{report}"
    );
    // Every gap heading names an item, once; the answered item is not among them.
    let gap_ids: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with('['))
        .map(|l| l.split(' ').nth(1).unwrap())
        .collect();
    assert_eq!(gap_ids.len(), total - 1);
    assert!(!gap_ids.contains(&ITEM));
    for (id, _) in weights.iter().filter(|(id, _)| id != ITEM) {
        assert_eq!(gap_ids.iter().filter(|g| **g == id).count(), 1, "{id}");
    }
    // Unanswered gaps say so.
    assert!(
        report.contains("[HOOG] privacyverklaring.pv-identiteit-contact (nog niet beantwoord)\n")
    );
    assert!(
        !report.contains("notitie-7f3a"),
        "notes of answered items are not gaps"
    );
}

#[test]
fn json_report_has_the_documented_shape() {
    let env = TestEnv::new();
    full_scan(&env);
    env.ok(&["answer", ITEM, "ja", "--note", "notitie-7f3a"]);
    let doc = env.json(&["report", "--format", "json"]);
    let keys: Vec<&str> = doc
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        [
            "assessment",
            "checklists",
            "decisions",
            "depth",
            "details",
            "documents",
            "gaps",
            "generated_at",
            "intake",
            "organisation",
            "orphans",
            "others",
            "review_months",
            "sessions",
            "since",
            "tasks",
            "totals"
        ]
    );
    assert_eq!(doc["assessment"], "standaard");
    assert_eq!(doc["organisation"], "");
    assert_eq!(doc["generated_at"], NOW);
    // The note of an answered item (no gap) is in the report too.
    assert_eq!(item_of(&doc, ITEM)["note"], "notitie-7f3a");
    let totals = doc["totals"].as_object().unwrap();
    let mut total_keys: Vec<&str> = totals.keys().map(String::as_str).collect();
    total_keys.sort_unstable();
    assert_eq!(
        total_keys,
        [
            "answered",
            "applicable",
            "deeper",
            "followed",
            "gaps",
            "open_high",
            "score",
            "skipped",
            "total"
        ]
    );
    assert_eq!(doc["orphans"], Value::Array(vec![]));

    let weights = item_weights(&env);
    let mut seen = 0;
    for checklist in doc["checklists"].as_array().unwrap() {
        for key in ["id", "title", "applicable", "answered", "score", "items"] {
            assert!(checklist.get(key).is_some(), "checklist lacks {key}");
        }
        // Each privacy-law item where it lives; listed elsewhere it says where from.
        for item in checklist["items"].as_array().unwrap() {
            if item["scope"] != "avg" || !item["shared_from"].is_null() {
                continue;
            }
            let (id, weight) = &weights[seen];
            seen += 1;
            assert_eq!(item["id"], id.as_str());
            let severity = item["severity"].as_str().unwrap();
            assert_eq!(
                *weight,
                match severity {
                    "high" => 3.0,
                    "medium" => 2.0,
                    _ => 1.0,
                }
            );
            let expected = if id == ITEM { "yes" } else { "unanswered" };
            assert_eq!(item["status"], expected, "{id}");
        }
    }
    assert_eq!(seen, weights.len(), "every item appears once, in order");

    // The plan: every gap in exactly one open task, each task with a reason for its place.
    let tasks = doc["tasks"].as_array().unwrap();
    assert!(!tasks.is_empty());
    let mut planned: Vec<&str> = Vec::new();
    for task in tasks {
        for key in [
            "id", "title", "reason", "effort", "status", "items", "steps", "links",
        ] {
            assert!(task.get(key).is_some(), "task lacks {key}: {task}");
        }
        assert!(!task["reason"].as_str().unwrap().is_empty(), "{task}");
        planned.extend(
            task["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i.as_str().unwrap()),
        );
    }
    let gap_ids: Vec<&str> = doc["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    planned.sort_unstable();
    let mut sorted_gaps = gap_ids.clone();
    sorted_gaps.sort_unstable();
    assert_eq!(planned, sorted_gaps, "every gap is in one task, once");
    assert!(!planned.contains(&ITEM));

    let gaps = doc["gaps"].as_array().unwrap();
    let avg_gaps = gaps.iter().filter(|g| g["scope"] == "avg").count();
    assert_eq!(avg_gaps, weights.len() - 1);
    for gap in gaps {
        let fields: Vec<&str> = gap
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut fields = fields.clone();
        fields.sort_unstable();
        assert_eq!(
            fields,
            [
                "action",
                "checklist",
                "id",
                "note",
                "plan",
                "question",
                "reference",
                "scope",
                "severity",
                "status",
                "steps",
                "task"
            ]
        );
        assert_ne!(gap["id"], ITEM);
        assert_eq!(gap["status"], "unanswered");
        assert_eq!(gap["note"], "");
        let id = gap["id"].as_str().unwrap();
        assert!(id.starts_with(&format!("{}.", gap["checklist"].as_str().unwrap())));
    }
    // Privacy law first; within it high first, then medium, then low.
    let ranks: Vec<u8> = gaps
        .iter()
        .take(avg_gaps)
        .map(|g| match g["severity"].as_str().unwrap() {
            "high" => 0,
            "medium" => 1,
            _ => 2,
        })
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
}

#[test]
fn json_scores_follow_severity_weights() {
    let env = TestEnv::new();
    full_scan(&env);
    let weights = item_weights(&env);
    // In each of the first five checklists a privacy-law item without follow-ups gets one of the
    // five answers (so no answer rules another item out).
    let firsts: Vec<String> = leaves(&env)[..5].iter().map(|l| l[0].clone()).collect();
    let words = ["yes", "deels", "no", "weet-niet", "not_applicable"];
    let credits = [Some(1.0), Some(0.5), Some(0.0), Some(0.0), None];
    for (id, word) in firsts.iter().zip(words) {
        env.ok(&["answer", id, word]);
    }
    let answers: Vec<(&str, Option<f64>)> =
        firsts.iter().map(String::as_str).zip(credits).collect();
    let doc = env.json(&["report", "--format", "json"]);

    let total = weights.len() as u64;
    assert_eq!(doc["totals"]["applicable"], total - 1);
    assert_eq!(doc["totals"]["answered"], 5);
    assert_eq!(doc["totals"]["gaps"], total - 2);
    let score = round1(expected_score(&weights, &answers));
    assert_eq!(doc["totals"]["score"].as_f64(), Some(score));
    assert_ne!(score, 0.0);

    for (i, checklist) in doc["checklists"].as_array().unwrap().iter().enumerate() {
        let id = checklist["id"].as_str().unwrap();
        // A checklist's score weighs its own items and the ones it lists from others.
        let listed: Vec<&str> = checklist["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap())
            .collect();
        let own: Vec<(String, f64)> = weights
            .iter()
            .filter(|(item, _)| listed.contains(&item.as_str()))
            .cloned()
            .collect();
        let expected = round1(expected_score(&own, &answers));
        assert_eq!(checklist["score"].as_f64(), Some(expected), "{id}");
        let answered = u64::from(i < 5);
        assert_eq!(checklist["answered"], answered, "{id}");
        let applicable = own.len() as u64 - u64::from(i == 4);
        assert_eq!(checklist["applicable"], applicable, "{id}");
    }
    let statuses: Vec<&str> = firsts
        .iter()
        .map(|id| crate::common::status_of(&doc, id))
        .collect();
    assert_eq!(
        statuses,
        ["yes", "partly", "no", "unknown", "not_applicable"]
    );
}

#[test]
fn the_assessment_file_in_the_readme_is_one_pqs_reads() {
    let readme = include_str!("../../README.md");
    let start = readme
        .find("```toml\n# Privacy Quick Scan: een beoordeling.")
        .expect("README shows an assessment file");
    let block = &readme[start + "```toml\n".len()..];
    let file = &block[..block.find("```").unwrap()];
    let env = TestEnv::new();
    env.write_assessment("voorbeeld", file);
    let doc = env.json(&["report", "-a", "voorbeeld", "--format", "json"]);
    assert_eq!(doc["depth"], "snel");
    let checklists = doc["checklists"].as_array().unwrap();
    let security = checklists
        .iter()
        .find(|c| c["id"] == "beveiligingsplan")
        .unwrap();
    assert_eq!(security["depth"], "volledig");
    let omvang = doc["intake"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "omvang")
        .unwrap();
    assert_eq!(omvang["answer"], "2-9");
    assert_eq!(
        crate::common::status_of(&doc, "privacyverklaring.pv-doeleinden"),
        "partly"
    );
}
