//! The integration tests of `pqs`, in one binary (faster to build and link than one per file). Every
//! file in `tests/runner/` is a module here; `every_test_file_is_a_module` keeps it so.

mod cli_answer_flags;
mod cli_answer_report;
mod cli_checklists_validate;
mod cli_documents;
mod cli_errors;
mod cli_intake_plan;
mod cli_list;
mod cli_rechecks;
mod cli_report_formats;
mod cli_statement;
mod cli_transfer;
mod common;
mod content;
mod crash;
mod hardening_files;
mod hardening_import;
mod hostile;
mod loader_fixtures;
mod profiles;
mod properties;
mod pty_signals;
mod report_snapshots;
mod store_safety;

/// A file in `tests/runner/` that is not declared above would silently never run.
#[test]
fn every_test_file_is_a_module() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/runner");
    let declared = include_str!("main.rs");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(module) = name.strip_suffix(".rs").filter(|m| *m != "main") {
            assert!(
                declared.contains(&format!("mod {module};")),
                "tests/runner/{name} is not declared in tests/runner/main.rs"
            );
        }
    }
}
