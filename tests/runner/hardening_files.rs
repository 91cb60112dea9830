//! Files pqs writes or reads that are not what they seem: devices, FIFOs, folders, links, planted
//! temporaries, pqs's own archive folders, oversized input.

use std::fs;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
use std::path::Path;

use crate::common::{ITEM, TestEnv};

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.unwrap().success(), "mkfifo {}", path.display());
}

#[test]
fn output_to_a_device_is_written_into_it_not_replaced() {
    let env = TestEnv::new();
    env.ok(&["answer", ITEM, "ja"]);
    env.ok(&["report", "-o", "/dev/null"]);
    let meta = fs::metadata("/dev/null").unwrap();
    assert!(
        meta.file_type().is_char_device(),
        "/dev/null is still a device"
    );
    // `-o -` and `-o /dev/stdout` are standard output.
    for stdout in ["-", "/dev/stdout"] {
        let out = env.ok(&["report", "--format", "json", "-o", stdout]);
        assert!(out.starts_with("{\n  \"assessment\""), "{out}");
    }
}

#[test]
fn output_to_a_fifo_streams_into_it() {
    let env = TestEnv::new();
    env.ok(&["answer", ITEM, "ja"]);
    let fifo = env.work().join("pijp");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    env.ok(&["report", "--format", "csv", "-o", fifo.to_str().unwrap()]);
    let text = reader.join().unwrap();
    assert!(text.starts_with("\u{feff}checklist;"), "{text:?}");
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn a_folder_or_a_link_as_output_is_refused_and_nothing_changes() {
    let env = TestEnv::new();
    env.ok(&["answer", ITEM, "ja"]);
    let err = env.fails(&["report", "-o", env.work().to_str().unwrap()]);
    assert!(err.contains("dit is een map, geen gewoon bestand"), "{err}");

    let target = env.work().join("geheim.txt");
    fs::write(&target, "van iemand anders").unwrap();
    let link = env.work().join("rapport.txt");
    symlink(&target, &link).unwrap();
    let err = env.fails(&["report", "-o", link.to_str().unwrap()]);
    assert!(
        err.contains(
            "rapport.txt: dit is een symbolische koppeling; pqs schrijft niet via een koppeling"
        ),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "van iemand anders");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let err = env.fails(&["export", "-o", link.to_str().unwrap(), "--force"]);
    assert!(err.contains("symbolische koppeling"), "{err}");
    assert_eq!(fs::read_to_string(&target).unwrap(), "van iemand anders");
}

#[test]
fn a_report_replaces_a_file_atomically_and_privately() {
    let env = TestEnv::new();
    env.ok(&["answer", ITEM, "ja"]);
    let path = env.work().join("rapport.txt");
    fs::write(&path, "oud").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    env.ok(&["report", "-o", path.to_str().unwrap()]);
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .starts_with("Privacy Quick Scan")
    );
    assert_eq!(mode(&path), 0o600, "a report is private from creation");
    let names: Vec<_> = fs::read_dir(env.work())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["rapport.txt"], "no temporary is left");
}

#[test]
fn output_into_trash_backup_or_the_checklist_folder_is_refused() {
    let env = TestEnv::new();
    env.ok(&["answer", ITEM, "ja"]);
    for sub in ["trash", "backup", "backup/checklists"] {
        let dir = env.data().join(sub);
        fs::create_dir_all(&dir).unwrap();
        let copy = dir.join("klant-20261123-100000.toml");
        fs::write(&copy, "format = 2\n").unwrap();
        let err = env.fails(&["report", "-o", copy.to_str().unwrap()]);
        assert!(
            err.contains("prullenbak- of reservekopiemap"),
            "{sub}: {err}"
        );
        let err = env.fails(&["export", "-o", copy.to_str().unwrap(), "--force"]);
        assert!(
            err.contains("prullenbak- of reservekopiemap"),
            "{sub}: {err}"
        );
        assert_eq!(fs::read_to_string(&copy).unwrap(), "format = 2\n");
    }
    let in_checklists = env.checklists().join("rapport.toml");
    let err = env.fails(&["export", "-o", in_checklists.to_str().unwrap()]);
    assert!(err.contains("map met eigen checklists"), "{err}");
    assert!(!in_checklists.exists());
}

#[test]
fn a_linked_assessment_is_refused_with_what_to_do() {
    let env = TestEnv::new();
    let elsewhere = env.root().join("elders.toml");
    fs::write(
        &elsewhere,
        "format = 2\ncreated = \"2026-11-23T10:00:00Z\"\nupdated = \"2026-11-23T10:00:00Z\"\n",
    )
    .unwrap();
    let before = fs::read(&elsewhere).unwrap();
    fs::create_dir_all(env.data()).unwrap();
    symlink(&elsewhere, env.assessment("klant")).unwrap();
    for args in [
        &["answer", "-a", "klant", ITEM, "ja"][..],
        &["report", "-a", "klant"][..],
    ] {
        let err = env.fails(args);
        assert!(
            err.contains("klant.toml: dit is een symbolische koppeling"),
            "{err}"
        );
        assert!(err.contains("Zet het echte bestand in de datamap"), "{err}");
    }
    assert!(
        fs::symlink_metadata(env.assessment("klant"))
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is left as it was"
    );
    assert_eq!(fs::read(&elsewhere).unwrap(), before);
}

#[test]
fn a_linked_lock_file_is_refused_and_its_target_untouched() {
    let env = TestEnv::new();
    let target = env.root().join("belangrijk.txt");
    fs::write(&target, "niet overschrijven").unwrap();
    fs::create_dir_all(env.data()).unwrap();
    symlink(&target, env.data().join(".klant.lock")).unwrap();
    let err = env.fails(&["answer", "-a", "klant", ITEM, "ja"]);
    assert!(
        err.contains(
            ".klant.lock: dit is geen slotbestand van pqs (het is een symbolische koppeling)"
        ),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "niet overschrijven");
    assert!(!env.assessment("klant").exists());
}

#[test]
fn a_lock_file_is_written_in_place_never_truncated() {
    let env = TestEnv::new();
    env.ok(&["answer", ITEM, "ja"]);
    let lock = env.data().join(".standaard.lock");
    // A lock file with content of its own is not pqs's: refused, not emptied.
    fs::write(&lock, "x".repeat(200)).unwrap();
    let err = env.fails(&["answer", ITEM, "nee"]);
    assert!(
        err.contains("er staat meer in dan een procesnummer"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&lock).unwrap(), "x".repeat(200));
    fs::write(&lock, "123").unwrap();
    env.ok(&["answer", ITEM, "nee"]);
    let record = fs::read_to_string(&lock).unwrap();
    assert_eq!(record.len(), 21, "{record:?}");
    assert!(record.trim().parse::<u32>().is_ok(), "{record:?}");
}

#[test]
fn stale_temporaries_are_removed_when_the_lock_is_taken_and_never_listed() {
    let env = TestEnv::new();
    env.ok(&["answer", ITEM, "ja"]);
    let stale = [".standaard.toml.4242.tmp", ".standaard.toml.a1B2c3D4.tmp"];
    for name in stale {
        fs::write(env.data().join(name), "format = 2\nhalf").unwrap();
    }
    let other = env.data().join(".ander.toml.4242.tmp");
    fs::write(&other, "van een andere beoordeling").unwrap();
    let list = env.ok(&["list"]);
    assert!(!list.contains("tmp"), "{list}");
    env.ok(&["answer", ITEM, "nee"]);
    for name in stale {
        assert!(!env.data().join(name).exists(), "{name} was removed");
    }
    assert!(
        other.exists(),
        "another assessment's temporary waits for its own lock"
    );
}

#[test]
fn devices_folders_and_oversized_files_are_refused_before_reading() {
    let env = TestEnv::new();
    for args in [
        &["validate", "/dev/zero"][..],
        &["import", "/dev/zero"][..],
        &["validate", "/dev/urandom"][..],
    ] {
        let err = env.fails(args);
        assert!(
            err.contains("dit is een apparaat, geen gewoon bestand"),
            "{args:?}: {err}"
        );
    }
    let fifo = env.work().join("pijp.toml");
    mkfifo(&fifo);
    let err = env.fails(&["validate", fifo.to_str().unwrap()]);
    assert!(err.contains("FIFO"), "{err}");
    let err = env.fails(&["import", env.work().to_str().unwrap()]);
    assert!(err.contains("dit is een map"), "{err}");

    let big = env.work().join("groot.toml");
    let file = fs::File::create(&big).unwrap();
    file.set_len(17 * 1024 * 1024).unwrap();
    let err = env.fails(&["validate", big.to_str().unwrap()]);
    assert!(
        err.contains("het bestand is 17 MB groot; pqs leest checklistbestanden tot 16 MB"),
        "{err}"
    );
    let huge = env.work().join("export.toml");
    fs::File::create(&huge)
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    let err = env.fails(&["import", huge.to_str().unwrap()]);
    assert!(err.contains("pqs leest exportbestanden tot 64 MB"), "{err}");
    fs::create_dir_all(env.data()).unwrap();
    fs::File::create(env.assessment("groot"))
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    let err = env.fails(&["report", "-a", "groot"]);
    assert!(err.contains("pqs leest beoordelingen tot 64 MB"), "{err}");
}

#[test]
fn dot_dot_through_a_missing_folder_cannot_reach_pqs_files() {
    let env = TestEnv::new();
    env.ok(&["answer", "-a", "k", ITEM, "ja"]);
    let before = fs::read(env.assessment("k")).unwrap();
    let data = env.data();
    let sneaky = data.join("nieuw/../k.toml");
    let err = env.fails(&["report", "-a", "k", "-o", sneaky.to_str().unwrap()]);
    assert!(err.contains("is een bestand van pqs zelf"), "{err}");
    let err = env.fails(&[
        "export",
        "-a",
        "k",
        "-o",
        sneaky.to_str().unwrap(),
        "--force",
    ]);
    assert!(err.contains("is een bestand van pqs zelf"), "{err}");
    assert_eq!(fs::read(env.assessment("k")).unwrap(), before);
    for into in ["zz/../trash/k-20260101-000000.toml", "backup/nieuw/x.html"] {
        let err = env.fails(&["report", "-a", "k", "-o", data.join(into).to_str().unwrap()]);
        assert!(
            err.contains("prullenbak- of reservekopiemap"),
            "{into}: {err}"
        );
    }
    env.write_checklist(
        "eigen.toml",
        &crate::common::checklist_toml("eigen", "Eigen", 1),
    );
    let into_checklists = env.checklists().join("nieuw/../eigen.toml");
    let err = env.fails(&["report", "-a", "k", "-o", into_checklists.to_str().unwrap()]);
    assert!(err.contains("map met eigen checklists"), "{err}");
    assert!(!data.join("nieuw").exists() && !env.checklists().join("nieuw").exists());
}

#[test]
fn a_checklist_folder_entry_that_is_not_a_file_is_an_error_not_skipped() {
    let env = TestEnv::new();
    fs::create_dir(env.checklists().join("map.toml")).unwrap();
    let err = env.fails(&["checklists"]);
    assert!(
        err.contains("map.toml:1:1: dit is een map, geen checklistbestand"),
        "{err}"
    );
    fs::remove_dir(env.checklists().join("map.toml")).unwrap();
    symlink("/nergens/weg.toml", env.checklists().join("weg.toml")).unwrap();
    let err = env.fails(&["checklists"]);
    assert!(
        err.contains("weg.toml:1:1: dit is een koppeling naar iets dat niet bestaat"),
        "{err}"
    );
}

#[test]
fn export_to_standard_output_is_exact_when_piped() {
    let env = TestEnv::new();
    // Right-to-left marks belong in an Arabic or Hebrew note; a file must keep them.
    env.ok(&[
        "answer",
        "-a",
        "k",
        ITEM,
        "ja",
        "--note",
        "\u{5e9}\u{200f}\u{202b}x\u{202c}",
    ]);
    let file = env.work().join("uit.toml");
    env.ok(&["export", "-a", "k", "-o", file.to_str().unwrap()]);
    let out = env
        .pqs()
        .args(["export", "-a", "k", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, fs::read(&file).unwrap(), "byte for byte");
    let err = env
        .pqs()
        .args(["report", "-a", "k", "-o", "/dev/stderr"])
        .output()
        .unwrap();
    assert_eq!(err.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&err.stderr).starts_with("Privacy Quick Scan"));
}
