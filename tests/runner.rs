//! The integration tests of `pqs`, in one binary (faster to build and link than one per file).
//! The modules live in `tests/runner/`; `#[path]` is needed because `mod x;` in this file would
//! otherwise look for `tests/x.rs`.

#[path = "runner/cli_answer_flags.rs"]
mod cli_answer_flags;
#[path = "runner/cli_answer_report.rs"]
mod cli_answer_report;
#[path = "runner/cli_checklists_validate.rs"]
mod cli_checklists_validate;
#[path = "runner/cli_errors.rs"]
mod cli_errors;
#[path = "runner/cli_intake_plan.rs"]
mod cli_intake_plan;
#[path = "runner/cli_list.rs"]
mod cli_list;
#[path = "runner/cli_rechecks.rs"]
mod cli_rechecks;
#[path = "runner/cli_report_formats.rs"]
mod cli_report_formats;
#[path = "runner/cli_transfer.rs"]
mod cli_transfer;
#[path = "runner/common.rs"]
mod common;
#[path = "runner/content.rs"]
mod content;
#[path = "runner/loader_fixtures.rs"]
mod loader_fixtures;
#[path = "runner/report_snapshots.rs"]
mod report_snapshots;
#[path = "runner/store_safety.rs"]
mod store_safety;
