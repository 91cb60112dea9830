//! Privacy Quick Scan (`pqs`): AVG checklists for small businesses, answered in the terminal.
//!
//! The domain (`checklist`, `assessment`, `report`) knows nothing of the terminal; `cli` and `tui` are
//! thin shells over it.
#![forbid(unsafe_code)]

pub mod assessment;
pub mod checklist;
pub mod cli;
pub mod clock;
pub mod config;
pub mod documents;
pub mod error;
pub mod fs_util;
pub mod hashing;
pub mod heap;
pub mod output;
pub mod parsed_copy;
pub mod paths;
pub mod report;
pub mod sanitize;
pub mod text;
pub mod tui;
