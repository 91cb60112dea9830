//! Validates the bundled content (`checklists/*.toml`) with the loader's own code and writes it as
//! Rust code that builds it (`OUT_DIR/bundled.rs`, see `build/compact.rs`), so that start-up
//! neither parses TOML nor reads any other format.
//!
//! The modules below are the program's own files, compiled into this script as they are: one
//! validation code path, so a mistake in a bundled file stops the build with the message, file,
//! line and column that a user's file with that mistake gets.

#![allow(dead_code, unused_imports)]

/// The one sanitiser, which the loader uses to refuse control characters.
#[path = "src/sanitize.rs"]
mod sanitize;

/// Stands in for the program's `documents` module, of which the loader needs only the kinds (the
/// tasks file names them; `build/compact.rs` writes them as `DocumentKind::...`).
mod documents {
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum DocumentKind {
        Register,
        Processors,
        Breaches,
    }
}

/// The loader (`src/checklist/`, without the catalog and its file access). Named after the folder
/// `checklists/` so that the relative paths resolve.
mod checklists {
    #[path = "../src/checklist/bundled.rs"]
    pub mod bundled;
    #[path = "../build/compact.rs"]
    pub mod compact;
    #[path = "../src/checklist/condition.rs"]
    pub mod condition;
    #[path = "../src/checklist/glossary.rs"]
    pub mod glossary;
    #[path = "../src/checklist/intake.rs"]
    pub mod intake;
    #[path = "../src/checklist/load.rs"]
    pub mod load;
    #[path = "../src/checklist/model.rs"]
    pub mod model;
    #[path = "../src/checklist/parse.rs"]
    pub mod parse;
    #[path = "../src/checklist/suggest.rs"]
    pub mod suggest;
    #[path = "../src/checklist/tasks.rs"]
    pub mod tasks;

    pub use condition::{Condition, Facts, Value};
    pub use model::{Checklist, Depth, Item, Severity, Source};
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=checklists");
    println!("cargo:rerun-if-changed=src/checklist");
    println!("cargo:rerun-if-changed=src/sanitize.rs");
    let compact = match checklists::bundled::parse_toml(checklists::bundled::BUNDLED) {
        Ok(compact) => compact,
        Err(errors) => {
            for error in &errors {
                println!("cargo:warning={error}");
            }
            panic!(
                "the bundled content is invalid:\n{}",
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    };
    let source = checklists::compact::rust_source(&compact);
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("bundled.rs"), source).expect("OUT_DIR can be written");
}
