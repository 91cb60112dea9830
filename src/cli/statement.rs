//! `pqs privacyverklaring`: the draft privacy statement, to stdout or a file.

use super::documents_args::{StatementArgs, StatementFormat};
use super::report::read_with_catalog;
use super::{Config, Error, print, write_to};
use crate::documents::Statement;
use crate::report::{html, statement_md};

/// `pqs privacyverklaring`.
pub(super) fn statement(global: &Config, args: &StatementArgs) -> Result<(), Error> {
    let (catalog, assessment) = read_with_catalog(global)?;
    let statement = Statement::draft(&catalog, &assessment);
    let rendered = match args.format {
        StatementFormat::Markdown => statement_md::render(&statement),
        StatementFormat::Html => html::render_statement(&statement),
    };
    match &args.output {
        None => print(&rendered),
        Some(path) => write_to(global, path, rendered.as_bytes()),
    }
}
