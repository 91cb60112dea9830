//! Where data and user checklists live: flag, then environment variable, then the platform default.

use std::path::PathBuf;

use directories::ProjectDirs;

/// Environment variable for the data folder.
pub const DATA_DIR_ENV: &str = "PQS_DATA_DIR";
/// Environment variable for the user checklist folder.
pub const CHECKLISTS_ENV: &str = "PQS_CHECKLISTS";

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("nl", "privacy-quickscan", "pqs")
}

/// The platform's data folder for pqs (e.g. `~/.local/share/pqs`).
pub fn default_data_dir() -> PathBuf {
    project_dirs().map_or_else(|| PathBuf::from(".pqs"), |d| d.data_dir().to_owned())
}

/// The platform's folder for user checklists (e.g. `~/.config/pqs/checklists`).
pub fn default_checklists_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("checklists"))
}

/// The user's documents folder (e.g. `~/Documents`), where the interface exports reports unless
/// another folder is typed; `None` when the platform has none.
pub fn documents_dir() -> Option<PathBuf> {
    directories::UserDirs::new()?
        .document_dir()
        .map(std::path::Path::to_path_buf)
}
