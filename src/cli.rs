//! Command-line arguments (clap derive, Dutch help) and the scriptable commands.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::assessment::{Assessment, Status, Store, StoreError};
use crate::checklist::catalog::load_file;
use crate::checklist::{Catalog, CatalogError};
use crate::report::{Document, Scan, csv, html, json, markdown, text};
use crate::{clock, paths};

const HELP_TEMPLATE: &str = "{about-with-newline}\nGebruik: {usage}\n\n{all-args}{after-help}";

/// Privacy Quick Scan: controleer stap voor stap of je bedrijf aan de AVG voldoet.
#[derive(Debug, Parser)]
#[command(
    name = "pqs",
    override_usage = "pqs [OPTIES] [OPDRACHT]",
    version,
    help_template = HELP_TEMPLATE,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Opdrachten",
    subcommand_value_name = "OPDRACHT",
    after_help = "Zonder opdracht start de vragenlijst in de terminal. Je antwoorden blijven op deze computer."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Toon het versienummer
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version, help_heading = "Opties")]
    version: Option<bool>,
}

/// Options every command accepts.
#[derive(Debug, Args)]
#[command(next_help_heading = "Opties")]
pub struct Global {
    /// Naam van de beoordeling, één bestand per klant [standaard: standaard]
    #[arg(
        short = 'a',
        long = "assessment",
        global = true,
        default_value = "standaard",
        hide_default_value = true,
        value_name = "NAAM"
    )]
    pub assessment: String,
    /// Map met de antwoorden [standaard: de datamap van je systeem]
    #[arg(long, global = true, env = paths::DATA_DIR_ENV, hide_env_values = true, value_name = "MAP")]
    pub data_dir: Option<PathBuf>,
    /// Map met eigen checklists die worden toegevoegd of meegeleverde vervangen
    #[arg(long, global = true, env = paths::CHECKLISTS_ENV, hide_env_values = true, value_name = "MAP")]
    pub checklists: Option<PathBuf>,
    /// Toon deze hulp
    #[arg(short = 'h', long = "help", global = true, action = clap::ArgAction::Help)]
    help: Option<bool>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Leg een antwoord vast zonder de vragenlijst te openen
    #[command(
        help_template = HELP_TEMPLATE,
        disable_help_flag = true,
        override_usage = "pqs answer [OPTIES] <VRAAG> <ANTWOORD>"
    )]
    Answer {
        /// Vraag, als <checklist>.<vraag>, bijvoorbeeld privacyverklaring.pv-doeleinden
        #[arg(value_name = "VRAAG", help_heading = "Argumenten")]
        item: String,
        /// yes/ja, partly/deels, no/nee, unknown/weet-niet of not_applicable/nvt
        #[arg(value_name = "ANTWOORD", help_heading = "Argumenten")]
        status: String,
        /// Notitie bij het antwoord (vervangt een bestaande notitie)
        #[arg(long, value_name = "TEKST", help_heading = "Opties")]
        note: Option<String>,
        /// Naam van de organisatie (zet of wijzigt de naam in de beoordeling)
        #[arg(long, value_name = "NAAM", help_heading = "Opties")]
        organisation: Option<String>,
    },
    /// Toon het rapport met score en open punten
    #[command(
        help_template = HELP_TEMPLATE,
        disable_help_flag = true,
        override_usage = "pqs report [OPTIES]"
    )]
    Report {
        /// text, markdown, html, json of csv [standaard: text]
        #[arg(
            long,
            value_enum,
            default_value = "text",
            hide_default_value = true,
            hide_possible_values = true,
            value_name = "FORMAAT",
            help_heading = "Opties"
        )]
        format: ReportFormat,
        /// Schrijf naar dit bestand in plaats van naar het scherm
        #[arg(
            short = 'o',
            long = "output",
            value_name = "BESTAND",
            help_heading = "Opties"
        )]
        output: Option<PathBuf>,
        /// Alleen de voortgang in het kort (één A4): bij text, markdown en html
        #[arg(long, help_heading = "Opties")]
        summary: bool,
    },
    /// Toon alle checklists en waar ze vandaan komen
    #[command(
        help_template = HELP_TEMPLATE,
        disable_help_flag = true,
        override_usage = "pqs checklists [OPTIES]"
    )]
    Checklists {
        /// text of json [standaard: text]
        #[arg(
            long,
            value_enum,
            default_value = "text",
            hide_default_value = true,
            hide_possible_values = true,
            value_name = "FORMAAT",
            help_heading = "Opties"
        )]
        format: ListFormat,
    },
    /// Controleer checklistbestanden op fouten
    #[command(
        help_template = HELP_TEMPLATE,
        disable_help_flag = true,
        override_usage = "pqs validate [OPTIES] <BESTAND>..."
    )]
    Validate {
        /// Een of meer checklistbestanden (.toml)
        #[arg(value_name = "BESTAND", required = true, help_heading = "Argumenten")]
        files: Vec<PathBuf>,
    },
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Leesbare tekst
    Text,
    /// Markdown, met tabellen
    Markdown,
    /// Eén zelfstandig HTML-bestand, geschikt om af te drukken op A4
    Html,
    /// JSON voor andere programma's
    Json,
    /// CSV voor een spreadsheet: één regel per vraag
    Csv,
}

/// Formats of the checklist list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Leesbare tekst
    Text,
    /// JSON met alle vragen
    Json,
}

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

impl Global {
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

    /// The bundled checklists plus the user folder.
    pub fn catalog(&self) -> Result<Catalog, CliError> {
        Ok(Catalog::load(self.checklists_dir().as_deref())?)
    }
}

/// Writes to stdout; a closed pipe (`pqs report | head`) is not an error.
pub fn print(text: &str) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => Err(CliError::Output {
            path: "stdout".into(),
            source: err,
        }),
        _ => Ok(()),
    }
}

/// Width for text output: the terminal's, or 80 when not a terminal.
pub fn output_width() -> usize {
    if io::stdout().is_terminal() {
        ratatui::crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w).clamp(40, 120))
    } else {
        80
    }
}

/// Runs a scriptable command.
pub fn run(global: &Global, command: Command) -> Result<(), CliError> {
    match command {
        Command::Answer {
            item,
            status,
            note,
            organisation,
        } => answer(
            global,
            &item,
            &status,
            note.as_deref(),
            organisation.as_deref(),
        ),
        Command::Report {
            format,
            output,
            summary,
        } => report(global, format, output.as_deref(), summary),
        Command::Checklists { format } => checklists(global, format),
        Command::Validate { files } => validate(&files),
    }
}

fn answer(
    global: &Global,
    item: &str,
    status: &str,
    note: Option<&str>,
    organisation: Option<&str>,
) -> Result<(), CliError> {
    let catalog = global.catalog()?;
    let status: Status = status.parse()?;
    if catalog.item(item).is_none() {
        return Err(CliError::UnknownItem {
            id: item.to_owned(),
            suggestions: catalog
                .suggest(item, 3)
                .into_iter()
                .map(str::to_owned)
                .collect(),
        });
    }
    let writer = global.store().lock(&global.assessment)?;
    let now = clock::now();
    let mut assessment = writer.read()?.unwrap_or_else(|| Assessment::new("", now));
    if let Some(name) = organisation
        && assessment.organisation != name.trim()
    {
        assessment.organisation = name.trim().to_owned();
        assessment.updated = now;
    }
    assessment.set_status(item, Some(status), now);
    if let Some(note) = note {
        assessment.set_note(item, note, now);
    }
    writer.save(&assessment)?;
    Ok(())
}

/// Reads an assessment that must exist, listing the ones that do when it does not.
pub fn read_existing(store: &Store, name: &str) -> Result<Assessment, CliError> {
    match store.read(name)? {
        Some(assessment) => Ok(assessment),
        None => Err(CliError::NoAssessment {
            name: name.to_owned(),
            dir: store.dir().to_owned(),
            existing: store.list()?,
        }),
    }
}

/// The report document's header facts for an assessment, made now.
fn document<'a>(scan: &'a Scan, assessment: &'a Assessment, name: &'a str) -> Document<'a> {
    let now = clock::now();
    Document::new(scan, &assessment.organisation, name, now, clock::date(now))
}

/// The plain text report of an assessment (printed when the questionnaire closes).
pub fn text_report(
    catalog: &Catalog,
    assessment: &Assessment,
    name: &str,
    layout: text::Layout,
) -> String {
    let scan = Scan::new(catalog, assessment);
    text::render(&document(&scan, assessment, name), layout)
}

/// Text layout for stdout: the terminal's width and colour (unless NO_COLOR), else 80 plain columns.
pub fn stdout_layout() -> text::Layout {
    let color =
        io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    text::Layout {
        width: output_width(),
        color,
    }
}

fn report(
    global: &Global,
    format: ReportFormat,
    output: Option<&Path>,
    summary: bool,
) -> Result<(), CliError> {
    if summary && matches!(format, ReportFormat::Json | ReportFormat::Csv) {
        return Err(CliError::SummaryFormat);
    }
    let catalog = global.catalog()?;
    let assessment = read_existing(&global.store(), &global.assessment)?;
    let scan = Scan::new(&catalog, &assessment);
    let doc = document(&scan, &assessment, &global.assessment);
    let layout = if output.is_some() {
        text::Layout::PLAIN
    } else {
        stdout_layout()
    };
    let rendered = match (format, summary) {
        (ReportFormat::Text, false) => text::render(&doc, layout),
        (ReportFormat::Text, true) => text::render_summary(&doc, layout),
        (ReportFormat::Markdown, false) => markdown::render(&doc),
        (ReportFormat::Markdown, true) => markdown::render_summary(&doc),
        (ReportFormat::Html, false) => html::render(&doc),
        (ReportFormat::Html, true) => html::render_summary(&doc),
        (ReportFormat::Json, _) => json::render(&scan, &global.assessment, doc.generated_at),
        (ReportFormat::Csv, _) => csv::render(&doc),
    };
    match output {
        None => print(&rendered),
        Some(path) => crate::assessment::store::write_atomic(path, rendered.as_bytes())
            .map_err(CliError::from),
    }
}

fn checklists(global: &Global, format: ListFormat) -> Result<(), CliError> {
    let catalog = global.catalog()?;
    let rendered = match format {
        ListFormat::Json => {
            let list: Vec<_> = catalog
                .checklists()
                .iter()
                .map(|c| {
                    serde_json::json!({
                        "id": c.id,
                        "title": c.title,
                        "version": c.version,
                        "source": c.source.to_string(),
                        "items": c.items.iter().map(|i| serde_json::json!({
                            "id": i.id,
                            "section": i.section,
                            "question": i.question,
                            "severity": i.severity.as_str(),
                            "reference": i.reference,
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let mut out = serde_json::to_string_pretty(&serde_json::json!({ "checklists": list }))
                .expect("JSON values always serialise");
            out.push('\n');
            out
        }
        ListFormat::Text => {
            let mut out = String::new();
            for c in catalog.checklists() {
                let source = match &c.source {
                    crate::checklist::Source::Bundled => "meegeleverd".to_owned(),
                    crate::checklist::Source::File(path) => path.display().to_string(),
                };
                out.push_str(&format!(
                    "{:<22} {:>3} vragen  {}  ({source})\n",
                    c.id,
                    c.items.len(),
                    c.title
                ));
            }
            out
        }
    };
    print(&rendered)
}

fn validate(files: &[PathBuf]) -> Result<(), CliError> {
    let mut invalid = 0;
    for path in files {
        match load_file(path) {
            Ok(checklist) => {
                print(&format!(
                    "{}: in orde ({} vragen)\n",
                    path.display(),
                    checklist.items.len()
                ))?;
            }
            Err(err) => {
                invalid += 1;
                eprintln!("{err}");
            }
        }
    }
    if invalid == 0 {
        Ok(())
    } else {
        Err(CliError::Invalid(invalid))
    }
}
