//! Mistakes on the command line: unknown items and words, missing assessments, help, pipes.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::common::{ITEM, TestEnv, checklist_toml};

#[test]
fn unknown_item_suggests_the_nearest_and_writes_nothing() {
    let env = TestEnv::new();
    let err = env.fails(&["answer", "privacyverklaring.pv-doeleinde", "ja"]);
    assert!(
        err.starts_with(
            "pqs: onbekende vraag \"privacyverklaring.pv-doeleinde\". \
             Bedoel je: privacyverklaring.pv-doeleinden"
        ),
        "{err}"
    );
    assert!(
        err.ends_with("\nAlle vragen: pqs checklists --format json\n"),
        "{err}"
    );
    assert!(
        !env.data().exists(),
        "no data folder: {:?}",
        env.data_files()
    );
}

#[test]
fn unknown_item_leaves_an_existing_file_alone() {
    let env = TestEnv::new();
    env.ok(&["answer", ITEM, "ja"]);
    let before = std::fs::read(env.assessment("standaard")).unwrap();
    let err = env.fails(&["answer", "bestaat.niet-echt", "ja"]);
    assert!(
        err.starts_with("pqs: onbekende vraag \"bestaat.niet-echt\"."),
        "{err}"
    );
    assert_eq!(std::fs::read(env.assessment("standaard")).unwrap(), before);
}

#[test]
fn unknown_status_word_is_named_and_nothing_is_written() {
    let env = TestEnv::new();
    let err = env.fails(&["answer", ITEM, "misschien"]);
    assert_eq!(
        err,
        "pqs: onbekend antwoord \"misschien\"; gebruik yes/ja, partly/deels, no/nee, \
         unknown/weet-niet of not_applicable/nvt\n"
    );
    assert!(!env.data().exists());

    env.ok(&["answer", ITEM, "nee"]);
    let before = std::fs::read(env.assessment("standaard")).unwrap();
    let err = env.fails(&["answer", ITEM, "jawel"]);
    assert!(err.contains("\"jawel\""), "{err}");
    assert_eq!(std::fs::read(env.assessment("standaard")).unwrap(), before);
}

#[test]
fn report_on_a_missing_assessment_lists_the_existing_ones() {
    let env = TestEnv::new();
    let dir = env.data();
    let err = env.fails(&["report"]);
    assert_eq!(
        err,
        format!(
            "pqs: er is geen beoordeling \"standaard\" in {}.\n\
             Er zijn nog geen beoordelingen. Begin er een met `pqs` of `pqs answer`.\n",
            dir.display()
        )
    );
    env.ok(&["answer", "-a", "klant-b", ITEM, "ja"]);
    env.ok(&["answer", "-a", "klant-a", ITEM, "nee"]);
    let err = env.fails(&["report", "-a", "klant-c", "--format", "json"]);
    assert_eq!(
        err,
        format!(
            "pqs: er is geen beoordeling \"klant-c\" in {}.\n\
             Wel aanwezig: klant-a, klant-b. Kies er een met -a NAAM.\n",
            dir.display()
        )
    );
    assert_eq!(
        env.data_files(),
        [
            ".klant-a.lock",
            ".klant-a.parsed",
            ".klant-b.lock",
            ".klant-b.parsed",
            "klant-a.toml",
            "klant-b.toml"
        ]
    );
}

#[test]
fn unsafe_assessment_names_are_refused() {
    let env = TestEnv::new();
    for name in ["../buiten", "a/b", ".verborgen"] {
        let err = env.fails(&["answer", "-a", name, ITEM, "ja"]);
        assert!(
            err.starts_with(&format!("pqs: ongeldige naam \"{name}\"")),
            "{err}"
        );
    }
    assert!(!env.root().join("buiten.toml").exists());
    assert!(env.data_files().is_empty(), "{:?}", env.data_files());
}

#[test]
fn help_of_every_command_is_dutch() {
    let env = TestEnv::new();
    for command in [
        &[][..],
        &["answer"],
        &["report"],
        &["checklists"],
        &["validate"],
        &["details"],
        &["register"],
        &["register", "add"],
        &["register", "edit"],
        &["verwerkers", "show"],
        &["datalek"],
        &["datalek", "edit"],
        &["datalek", "remove"],
        &["privacyverklaring"],
    ] {
        for flag in ["--help", "-h"] {
            let mut args = command.to_vec();
            args.push(flag);
            let help = env.ok(&args);
            assert!(help.contains("\nGebruik: pqs"), "{args:?}:\n{help}");
            assert!(help.contains("Toon deze hulp"), "{args:?}:\n{help}");
            assert!(help.contains("\nOpties:\n"), "{args:?}:\n{help}");
            for english in [
                "Usage",
                "Options",
                "OPTIONS",
                "Print help",
                "Arguments:",
                "[default",
            ] {
                assert!(!help.contains(english), "{args:?} says {english}:\n{help}");
            }
        }
    }
}

/// `pqs report | head -1`: the reader goes away early; pqs must end quietly with 0.
#[test]
fn closed_pipe_is_not_an_error() {
    let env = TestEnv::new();
    // Make the output far larger than a pipe buffer, so pqs is still writing when the pipe closes.
    env.write_checklist("groot.toml", &checklist_toml("groot", "Grote lijst", 2000));
    env.ok(&["answer", ITEM, "ja"]);
    for args in [
        &["report"][..],
        &["report", "--format", "json"],
        &["checklists", "--format", "json"],
    ] {
        let full = env.ok(args).len();
        assert!(full > 256 * 1024, "{args:?}: only {full} bytes");
        let mut cmd = std::process::Command::new(crate::common::bin());
        env.configure(&mut cmd);
        let mut child = cmd
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // The reader was dropped at the end of the statement above.
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            first == "Privacy Quick Scan: rapport\n" || first == "{\n",
            "{args:?}: {first:?}"
        );
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

/// `pqs report > /dev/full`: a write that fails midway (the output is streamed) says so, names
/// stdout and ends with 1; the assessment is untouched.
#[test]
fn a_full_disk_under_stdout_is_an_error_that_says_so() {
    let env = TestEnv::new();
    env.write_checklist("groot.toml", &checklist_toml("groot", "Grote lijst", 2000));
    env.ok(&["answer", ITEM, "ja"]);
    let before = std::fs::read(env.assessment("standaard")).unwrap();
    for args in [
        &["report"][..],
        &["report", "--format", "json"],
        &["report", "--format", "csv"],
        &["checklists", "--format", "json"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let mut cmd = std::process::Command::new(crate::common::bin());
        env.configure(&mut cmd);
        let out = cmd.args(args).stdout(full).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("kan niet schrijven naar stdout") && stderr.contains("os error 28"),
            "{args:?}: {stderr}"
        );
    }
    assert_eq!(std::fs::read(env.assessment("standaard")).unwrap(), before);
}

#[test]
fn argument_errors_are_dutch_with_exit_code_2() {
    let env = TestEnv::new();
    let cases: [(&[&str], &str); 4] = [
        (
            &["report", "--format", "pdf"],
            "ongeldige waarde 'pdf' voor --format",
        ),
        (&["answer"], "er ontbreekt iets: <VRAAG>, <ANTWOORD>"),
        (
            &["raport"],
            "onbekende opdracht 'raport'. Bedoel je 'report'?",
        ),
        (
            &["report", "--sumary"],
            "onbekende optie '--sumary'. Bedoel je '--summary'?",
        ),
    ];
    for (args, expected) in cases {
        let out = env.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(err.contains("Meer uitleg: pqs --help"), "{err}");
        assert!(
            !err.contains("Usage") && !err.contains("error:"),
            "no English left: {err}"
        );
    }
}
