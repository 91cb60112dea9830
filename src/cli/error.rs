//! Errors of the command-line shell; `main` prints them and exits with code 1.

use std::io;
use std::path::PathBuf;

use crate::assessment::StoreError;
use crate::checklist::CatalogError;

/// Errors of the command-line shell; all end the program with exit code 1.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A checklist problem.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// An assessment file problem.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// `pqs answer` with an id that exists nowhere.
    #[error(
        "onbekende vraag \"{id}\".{}\nAlle vragen: pqs checklists --format json",
        suggest(suggestions)
    )]
    UnknownItem {
        /// What was typed.
        id: String,
        /// Nearest ids.
        suggestions: Vec<String>,
    },
    /// A status word that is not accepted.
    #[error(transparent)]
    Status(#[from] crate::assessment::ParseStatusError),
    /// `pqs report` for a name without a file.
    #[error(
        "er is geen beoordeling \"{name}\" in {dir}.\n{}",
        existing_list(existing)
    )]
    NoAssessment {
        /// The name asked for.
        name: String,
        /// The data folder.
        dir: PathBuf,
        /// Names that do exist.
        existing: Vec<String>,
    },
    /// Some files given to `pqs validate` are invalid.
    #[error("{0} van de bestanden bevat fouten")]
    Invalid(usize),
    /// Output could not be written.
    #[error("kan niet schrijven naar {path}: {source}")]
    Output {
        /// Where.
        path: String,
        /// Why.
        source: io::Error,
    },
    /// `--summary` with a format that has none.
    #[error("--summary werkt alleen met --format text, markdown of html")]
    SummaryFormat,
    /// The terminal interface failed.
    #[error("terminalfout: {0}")]
    Terminal(io::Error),
}

fn suggest(ids: &[String]) -> String {
    if ids.is_empty() {
        String::new()
    } else {
        format!(" Bedoel je: {}?", ids.join(", "))
    }
}

fn existing_list(names: &[String]) -> String {
    if names.is_empty() {
        "Er zijn nog geen beoordelingen. Begin er een met `pqs` of `pqs answer`.".into()
    } else {
        format!(
            "Wel aanwezig: {}. Kies er een met -a NAAM.",
            names.join(", ")
        )
    }
}
