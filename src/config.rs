//! The validated settings both shells work from, made once from the arguments and environment (fd's
//! `cli.rs -> config.rs`): where the data and the user checklists are, and which assessment.

use std::path::PathBuf;

use crate::assessment::Store;
use crate::checklist::Catalog;
use crate::error::Error;
use crate::paths;

/// What the command line and environment decided.
#[derive(Debug, Clone)]
pub struct Config {
    /// The assessment's name (`-a`, default `standaard`).
    pub assessment: String,
    /// Whether `-a` (or its environment variable) named it, rather than the default.
    pub explicit_assessment: bool,
    /// `--data-dir` or `PQS_DATA_DIR`; `None` is the platform's data folder.
    pub data_dir: Option<PathBuf>,
    /// `--checklists` or `PQS_CHECKLISTS`; `None` is the platform's folder.
    pub checklists: Option<PathBuf>,
}

/// The folder in the data folder with parsed copies of the user's checklists.
pub const CHECKLIST_COPIES: &str = ".checklists-parsed";

impl Config {
    /// Without `-a`, the only assessment in the data folder when there is exactly one (whatever its
    /// name), as the questionnaire opens it; otherwise the name as it is. One rule for every command.
    pub fn with_only_assessment(mut self) -> Self {
        if !self.explicit_assessment
            && let Ok(names) = self.store().list()
            && let [only] = names.as_slice()
        {
            self.assessment = only.clone();
        }
        self
    }

    /// The assessment store.
    pub fn store(&self) -> Store {
        Store::new(
            self.data_dir
                .clone()
                .unwrap_or_else(paths::default_data_dir),
        )
    }

    /// The user checklist folder in effect.
    pub fn checklists_dir(&self) -> Option<PathBuf> {
        self.checklists
            .clone()
            .or_else(paths::default_checklists_dir)
    }

    /// Where parsed copies of the user's checklists are kept ([`crate::parsed_copy`]): in the data
    /// folder, when it exists (a command that only reads creates no folder).
    pub fn checklist_copies(&self) -> Option<PathBuf> {
        let store = self.store();
        store
            .dir()
            .is_dir()
            .then(|| store.dir().join(CHECKLIST_COPIES))
    }

    /// The bundled checklists plus the user folder.
    pub fn catalog(&self) -> Result<Catalog, Error> {
        Ok(Catalog::load_keeping(
            self.checklists_dir().as_deref(),
            self.checklist_copies().as_deref(),
        )?)
    }
}
