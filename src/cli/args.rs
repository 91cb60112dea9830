//! Command-line arguments: clap derive with Dutch help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use super::manage_args::{
    DetailsArgs, ExportArgs, FormatArgs, ImportArgs, IntakeArgs, PlanArgs, SessionArgs,
};
use crate::paths;

pub(super) const HELP_TEMPLATE: &str =
    "{about-with-newline}\nGebruik: {usage}\n\n{all-args}{after-help}";

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
        default_value = crate::assessment::DEFAULT_NAME,
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
        /// Vergelijk met dit moment in plaats van de vorige sessie: 1-11-2026, 2026-11-01 of "1-11-2026 14:00"
        #[arg(long, value_name = "DATUM", value_parser = SinceParser, help_heading = "Opties")]
        since: Option<jiff::Timestamp>,
    },
    /// Toon alle checklists en waar ze vandaan komen
    #[command(
        help_template = HELP_TEMPLATE,
        disable_help_flag = true,
        override_usage = "pqs checklists [OPTIES]"
    )]
    Checklists(FormatArgs),
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
    /// Toon alle beoordelingen met voortgang, score en open punten
    #[command(
        help_template = HELP_TEMPLATE,
        disable_help_flag = true,
        override_usage = "pqs list [OPTIES]"
    )]
    List(FormatArgs),
    /// Schrijf een beoordeling met de eigen checklists die erbij horen naar één bestand
    #[command(
        help_template = HELP_TEMPLATE,
        disable_help_flag = true,
        override_usage = "pqs export [-a NAAM] -o <BESTAND> [--force]",
        after_help = "Lees het bestand op een andere computer in met: pqs import BESTAND"
    )]
    Export(ExportArgs),
    /// Lees een beoordeling in die met pqs export is gemaakt
    #[command(
        help_template = HELP_TEMPLATE,
        disable_help_flag = true,
        override_usage = "pqs import <BESTAND> [--as NAAM] [--force]",
        after_help = "Een bestaande beoordeling of checklist wordt alleen met --force vervangen; de oude versie blijft dan bewaard in de map backup/."
    )]
    Import(ImportArgs),
    /// Toon of beantwoord de intakevragen die bepalen welke vragen gelden
    #[command(
        help_template = HELP_TEMPLATE,
        disable_help_flag = true,
        override_usage = "pqs intake [-a NAAM] [VRAAG [ja|nee|open]]"
    )]
    Intake(IntakeArgs),
    /// Toon het plan, of leg bij een taak of open punt vast wie wat doet en wanneer
    #[command(
        help_template = HELP_TEMPLATE,
        disable_help_flag = true,
        override_usage = "pqs plan [-a NAAM] [TAAK|VRAAG [--owner TEKST] [--due DATUM] [--action TEKST] [--pin N] [--done [DATUM]] [--reopen] [--clear]]",
        after_help = "Zonder taak toont pqs plan het hele plan in volgorde; met een taak of vraag en zonder opties wat daar is afgesproken."
    )]
    Plan(PlanArgs),
    /// Ga verder met een afgebroken beoordeling (een kopie gaat eerst naar backup/)
    #[command(
        help_template = HELP_TEMPLATE,
        disable_help_flag = true,
        override_usage = "pqs repair [-a NAAM]",
        after_help = "Gebruik dit alleen als pqs meldt dat het bestand afgebroken lijkt en je geen betere reservekopie hebt: wat nog te lezen is, wordt weer een compleet bestand."
    )]
    Repair,
    /// Toon of wijzig de gegevens van de beoordeling: organisatie, contactpersoon, adviseur, KvK
    #[command(
        help_template = HELP_TEMPLATE,
        disable_help_flag = true,
        override_usage = "pqs details [-a NAAM] [OPTIES]",
        after_help = "Zonder opties toont pqs details de huidige gegevens."
    )]
    Details(DetailsArgs),
    /// Toon de sessies van de beoordeling, of sluit de laatste af met een titel
    #[command(
        help_template = HELP_TEMPLATE,
        disable_help_flag = true,
        override_usage = "pqs session [-a NAAM] [--end [--title TEKST]]",
        after_help = "Een nieuwe start binnen vier uur na de vorige, door dezelfde adviseur, gaat verder in dezelfde sessie. Met --end begint de volgende start een nieuwe."
    )]
    Session(SessionArgs),
    /// Het verwerkingsregister (art. 30 AVG): toon, voeg toe, wijzig of verwijder verwerkingen
    #[command(
        help_template = HELP_TEMPLATE,
        disable_help_flag = true,
        disable_help_subcommand = true,
        subcommand_help_heading = "Opdrachten",
        subcommand_value_name = "OPDRACHT",
        override_usage = "pqs register [-a NAAM] [show ID | add (--from VOORSTEL | --name TEKST) [VELDEN] | edit ID [VELDEN] | remove ID]",
        after_help = "Zonder opdracht toont pqs register de verwerkingen, wat er per verwerking nog ontbreekt, en de voorstellen uit de intake. Een voorstel wordt pas toegevoegd als jij het kiest."
    )]
    Register(super::documents_args::RegisterArgs),
    /// De verwerkers (art. 28 AVG): wie gegevens voor je verwerkt, en of de overeenkomst getekend is
    #[command(
        help_template = HELP_TEMPLATE,
        disable_help_flag = true,
        disable_help_subcommand = true,
        subcommand_help_heading = "Opdrachten",
        subcommand_value_name = "OPDRACHT",
        override_usage = "pqs verwerkers [-a NAAM] [show ID | add (--from VOORSTEL | --name TEKST) [VELDEN] | edit ID [VELDEN] | remove ID]",
        after_help = "Een verwerker zonder getekende verwerkersovereenkomst is een open punt in het plan."
    )]
    Verwerkers(super::documents_args::ProcessorArgs),
    /// Het datalekregister (art. 33 AVG) met de meldtermijn van 72 uur, en oefeningen
    #[command(
        help_template = HELP_TEMPLATE,
        disable_help_flag = true,
        disable_help_subcommand = true,
        subcommand_help_heading = "Opdrachten",
        subcommand_value_name = "OPDRACHT",
        override_usage = "pqs datalek [-a NAAM] [show ID | add [--drill] --what TEKST [VELDEN] | edit ID [VELDEN] | remove ID]",
        after_help = "Elk datalek blijft in het register, ook als je het niet hoefde te melden (art. 33 lid 5 AVG). Vanaf het moment van ontdekken loopt de termijn van 72 uur om het bij de Autoriteit Persoonsgegevens te melden."
    )]
    Datalek(super::documents_args::BreachArgs),
    /// Schrijf een concept-privacyverklaring uit de gegevens, het register en de intake
    #[command(
        help_template = HELP_TEMPLATE,
        disable_help_flag = true,
        override_usage = "pqs privacyverklaring [-a NAAM] [--format markdown|html] [-o BESTAND]",
        after_help = "Het is een concept: wat pqs niet weet, staat er als [VUL IN: …]. Lees alles na en vul het aan voordat je de verklaring publiceert."
    )]
    Privacyverklaring(super::documents_args::StatementArgs),
}

/// Parses `--since`: a date (the start of that day in the system time zone) or an RFC 3339 timestamp.
/// A bad value is an argument error (exit code 2) with the Dutch message of every invalid value.
#[derive(Debug, Clone, Copy)]
struct SinceParser;

impl clap::builder::TypedValueParser for SinceParser {
    type Value = jiff::Timestamp;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        use clap::error::{ContextKind, ContextValue, ErrorKind};
        let text = value.to_string_lossy();
        // A moment after now compares with nothing yet: refused like one that cannot be read.
        let now = crate::clock::now();
        crate::report::progress::parse_moment(&text, &crate::clock::local_tz())
            .filter(|moment| *moment <= now)
            .ok_or_else(|| {
                let mut err = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
                let arg = arg.map(ToString::to_string).unwrap_or_default();
                err.insert(ContextKind::InvalidArg, ContextValue::String(arg));
                err.insert(
                    ContextKind::InvalidValue,
                    ContextValue::String(text.into_owned()),
                );
                err.insert(
                    ContextKind::ValidValue,
                    ContextValue::Strings(vec![crate::text::SINCE_VALID.to_owned()]),
                );
                err
            })
    }
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
