//! The terminal interface.

use crate::cli::{CliError, Global};

/// Starts the interactive questionnaire.
pub fn start(_global: &Global) -> Result<(), CliError> {
    Ok(())
}
