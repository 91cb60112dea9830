//! Arguments of `pqs register`, `pqs verwerkers` and `pqs datalek`.

use clap::{Args, Subcommand};

use super::args::HELP_TEMPLATE;

/// How a document is written when it is listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DocFormat {
    /// Een kort overzicht in de terminal
    Text,
    /// Voor een spreadsheet
    Csv,
    /// Markdown
    Markdown,
    /// Zelfstandige HTML voor A4
    Html,
}

/// How and where to write a document (its listing).
#[derive(Debug, Args)]
pub struct DocOutput {
    /// Het formaat: text, csv, markdown of html [standaard: text]
    #[arg(
        long,
        value_enum,
        value_name = "FORMAAT",
        default_value = "text",
        hide_default_value = true,
        hide_possible_values = true,
        help_heading = "Opties"
    )]
    pub format: DocFormat,
    /// Schrijf naar dit bestand in plaats van naar het scherm
    #[arg(
        short = 'o',
        long = "output",
        value_name = "BESTAND",
        help_heading = "Opties"
    )]
    pub output: Option<std::path::PathBuf>,
}

/// `pqs register`.
#[derive(Debug, Args)]
pub struct RegisterArgs {
    /// Het formaat en het bestand van de lijst
    #[command(flatten)]
    pub out: DocOutput,
    /// Wat je wilt doen; zonder: toon het register en de voorstellen uit de intake
    #[command(subcommand)]
    pub action: Option<RegisterAction>,
}

/// What `pqs register` does.
#[derive(Debug, Subcommand)]
pub enum RegisterAction {
    /// Toon alle velden van één verwerking
    #[command(help_template = HELP_TEMPLATE, disable_help_flag = true, next_help_heading = "Opties", override_usage = "pqs register show [OPTIES] <ID>")]
    Show {
        /// De id van de verwerking (pqs register toont ze)
        #[arg(value_name = "ID", help_heading = "Argumenten")]
        id: String,
    },
    /// Voeg een verwerking toe: een voorstel uit de intake (--from) of een eigen (--name)
    #[command(help_template = HELP_TEMPLATE, disable_help_flag = true, next_help_heading = "Opties", override_usage = "pqs register add [OPTIES]")]
    Add {
        /// Een voorstel uit de intake, ingevuld met standaardteksten die je daarna nakijkt
        #[arg(long, value_name = "VOORSTEL")]
        from: Option<String>,
        /// De velden
        #[command(flatten)]
        fields: ActivityFields,
    },
    /// Wijzig velden van een verwerking ("" wist een veld)
    #[command(help_template = HELP_TEMPLATE, disable_help_flag = true, next_help_heading = "Opties", override_usage = "pqs register edit [OPTIES] <ID>")]
    Edit {
        /// De id van de verwerking
        #[arg(value_name = "ID", help_heading = "Argumenten")]
        id: String,
        /// De velden
        #[command(flatten)]
        fields: ActivityFields,
    },
    /// Haal een verwerking uit het register (het bestand bewaart dat ze er was, met de datum)
    #[command(help_template = HELP_TEMPLATE, disable_help_flag = true, next_help_heading = "Opties", override_usage = "pqs register remove [OPTIES] <ID>")]
    Remove {
        /// De id van de verwerking
        #[arg(value_name = "ID", help_heading = "Argumenten")]
        id: String,
    },
}

/// The fields of a processing activity on the command line.
#[derive(Debug, Args, Default)]
pub struct ActivityFields {
    /// Naam van de verwerking, bijvoorbeeld "Bestellingen afhandelen"
    #[arg(long, value_name = "TEKST")]
    pub name: Option<String>,
    /// Het doel (art. 30 lid 1 sub b AVG)
    #[arg(long, value_name = "TEKST")]
    pub purpose: Option<String>,
    /// De grondslag: toestemming, overeenkomst, wettelijke-plicht, vitaal-belang, algemeen-belang of gerechtvaardigd-belang
    #[arg(long, value_name = "GRONDSLAG")]
    pub basis: Option<String>,
    /// Welk belang, bij de grondslag gerechtvaardigd-belang
    #[arg(long, value_name = "TEKST")]
    pub interest: Option<String>,
    /// Van wie: klanten, medewerkers, sollicitanten
    #[arg(long, value_name = "TEKST")]
    pub people: Option<String>,
    /// Welke gegevens
    #[arg(long, value_name = "TEKST")]
    pub data: Option<String>,
    /// Er zitten bijzondere persoonsgegevens tussen (art. 9 AVG): ja of nee
    #[arg(long, value_name = "ja|nee")]
    pub special: Option<String>,
    /// Er zitten strafrechtelijke gegevens tussen (art. 10 AVG): ja of nee
    #[arg(long, value_name = "ja|nee")]
    pub criminal: Option<String>,
    /// Wie de gegevens krijgt
    #[arg(long, value_name = "TEKST")]
    pub recipients: Option<String>,
    /// Doorgifte buiten de EER met de waarborg, of "geen"
    #[arg(long, value_name = "TEKST")]
    pub transfers: Option<String>,
    /// Hoe lang je de gegevens bewaart
    #[arg(long, value_name = "TEKST")]
    pub retention: Option<String>,
    /// De beveiliging in het kort, of waar het beveiligingsplan staat
    #[arg(long, value_name = "TEKST")]
    pub security: Option<String>,
}

/// `pqs verwerkers`.
#[derive(Debug, Args)]
pub struct ProcessorArgs {
    /// Het formaat en het bestand van de lijst
    #[command(flatten)]
    pub out: DocOutput,
    /// Wat je wilt doen; zonder: toon de verwerkers en de voorstellen uit de intake
    #[command(subcommand)]
    pub action: Option<ProcessorAction>,
}

/// What `pqs verwerkers` does.
#[derive(Debug, Subcommand)]
pub enum ProcessorAction {
    /// Toon alle velden van één verwerker
    #[command(help_template = HELP_TEMPLATE, disable_help_flag = true, next_help_heading = "Opties", override_usage = "pqs verwerkers show [OPTIES] <ID>")]
    Show {
        /// De id van de verwerker (pqs verwerkers toont ze)
        #[arg(value_name = "ID", help_heading = "Argumenten")]
        id: String,
    },
    /// Voeg een verwerker toe: een voorstel uit de intake (--from) of een eigen (--name)
    #[command(help_template = HELP_TEMPLATE, disable_help_flag = true, next_help_heading = "Opties", override_usage = "pqs verwerkers add [OPTIES]")]
    Add {
        /// Een voorstel uit de intake
        #[arg(long, value_name = "VOORSTEL")]
        from: Option<String>,
        /// De velden
        #[command(flatten)]
        fields: ProcessorFields,
    },
    /// Wijzig velden van een verwerker ("" wist een veld)
    #[command(help_template = HELP_TEMPLATE, disable_help_flag = true, next_help_heading = "Opties", override_usage = "pqs verwerkers edit [OPTIES] <ID>")]
    Edit {
        /// De id van de verwerker
        #[arg(value_name = "ID", help_heading = "Argumenten")]
        id: String,
        /// De velden
        #[command(flatten)]
        fields: ProcessorFields,
    },
    /// Haal een verwerker van de lijst
    #[command(help_template = HELP_TEMPLATE, disable_help_flag = true, next_help_heading = "Opties", override_usage = "pqs verwerkers remove [OPTIES] <ID>")]
    Remove {
        /// De id van de verwerker
        #[arg(value_name = "ID", help_heading = "Argumenten")]
        id: String,
    },
}

/// The fields of a processor on the command line.
#[derive(Debug, Args, Default)]
pub struct ProcessorFields {
    /// Naam van het bedrijf
    #[arg(long, value_name = "TEKST")]
    pub name: Option<String>,
    /// Wat het voor je doet
    #[arg(long, value_name = "TEKST")]
    pub service: Option<String>,
    /// Welke persoonsgegevens het krijgt
    #[arg(long, value_name = "TEKST")]
    pub data: Option<String>,
    /// Waar: eer of buiten-eer
    #[arg(long, value_name = "eer|buiten-eer")]
    pub location: Option<String>,
    /// De waarborg bij buiten-eer, bijvoorbeeld "standaardcontractbepalingen"
    #[arg(long, value_name = "TEKST")]
    pub safeguard: Option<String>,
    /// Wanneer de verwerkersovereenkomst is getekend of geaccepteerd: JJJJ-MM-DD of DD-MM-JJJJ ("" wist)
    #[arg(long, value_name = "DATUM")]
    pub agreement: Option<String>,
    /// Wanneer je de verwerker en de overeenkomst voor het laatst hebt nagekeken ("" wist)
    #[arg(long, value_name = "DATUM")]
    pub checked: Option<String>,
}

/// `pqs datalek`.
#[derive(Debug, Args)]
pub struct BreachArgs {
    /// Het formaat en het bestand van de lijst
    #[command(flatten)]
    pub out: DocOutput,
    /// Wat je wilt doen; zonder: toon het datalekregister met de meldtermijnen
    #[command(subcommand)]
    pub action: Option<BreachAction>,
}

/// What `pqs datalek` does.
#[derive(Debug, Subcommand)]
pub enum BreachAction {
    /// Toon alles van één datalek of oefening
    #[command(help_template = HELP_TEMPLATE, disable_help_flag = true, next_help_heading = "Opties", override_usage = "pqs datalek show [OPTIES] <ID>")]
    Show {
        /// De id (pqs datalek toont ze)
        #[arg(value_name = "ID", help_heading = "Argumenten")]
        id: String,
    },
    /// Leg een datalek vast; de klok van 72 uur loopt vanaf --found
    #[command(help_template = HELP_TEMPLATE, disable_help_flag = true, next_help_heading = "Opties", override_usage = "pqs datalek add [OPTIES]")]
    Add {
        /// Een oefening, geen echt datalek: staat apart in het register en in het rapport
        #[arg(long)]
        drill: bool,
        /// De velden
        #[command(flatten)]
        fields: BreachFields,
    },
    /// Wijzig een datalek of oefening ("" wist een veld)
    #[command(help_template = HELP_TEMPLATE, disable_help_flag = true, next_help_heading = "Opties", override_usage = "pqs datalek edit [OPTIES] <ID>")]
    Edit {
        /// De id
        #[arg(value_name = "ID", help_heading = "Argumenten")]
        id: String,
        /// De velden
        #[command(flatten)]
        fields: BreachFields,
    },
    /// Haal een oefening weg (een echt datalek blijft altijd in het register, art. 33 lid 5 AVG)
    #[command(help_template = HELP_TEMPLATE, disable_help_flag = true, next_help_heading = "Opties", override_usage = "pqs datalek remove [OPTIES] <ID>")]
    Remove {
        /// De id van de oefening
        #[arg(value_name = "ID", help_heading = "Argumenten")]
        id: String,
    },
}

/// The fields of a breach on the command line.
#[derive(Debug, Args, Default)]
pub struct BreachFields {
    /// Wanneer je het lek ontdekte: "2026-12-01 14:30", een datum, of leeg voor nu
    #[arg(long, value_name = "MOMENT")]
    pub found: Option<String>,
    /// Wat er gebeurde
    #[arg(long, value_name = "TEKST")]
    pub what: Option<String>,
    /// Welke persoonsgegevens
    #[arg(long, value_name = "TEKST")]
    pub data: Option<String>,
    /// Hoeveel mensen, voor zover bekend
    #[arg(long, value_name = "TEKST")]
    pub people: Option<String>,
    /// De waarschijnlijke gevolgen voor hen
    #[arg(long, value_name = "TEKST")]
    pub consequences: Option<String>,
    /// De maatregelen die je nam
    #[arg(long, value_name = "TEKST")]
    pub measures: Option<String>,
    /// Wanneer je het bij de AP meldde ("nu" kan ook)
    #[arg(long, value_name = "MOMENT", conflicts_with = "not_reported")]
    pub reported: Option<String>,
    /// Waarom je het niet meldt: het leidt waarschijnlijk niet tot een risico voor de mensen
    #[arg(long, value_name = "REDEN")]
    pub not_reported: Option<String>,
    /// Waarom de melding later kwam dan 72 uur
    #[arg(long, value_name = "REDEN")]
    pub late_because: Option<String>,
    /// Wanneer je de betrokkenen informeerde ("nu" kan ook)
    #[arg(long, value_name = "MOMENT", conflicts_with = "not_informed")]
    pub informed: Option<String>,
    /// Waarom je de betrokkenen niet informeert
    #[arg(long, value_name = "REDEN")]
    pub not_informed: Option<String>,
    /// Bij een oefening: wie deed wat, als "Naam: wat", nu vastgelegd (herhaal voor meer stappen)
    #[arg(long, value_name = "WIE: WAT")]
    pub step: Vec<String>,
    /// Bij een oefening: stap STAP (het nummer uit pqs datalek show ID) is nu gedaan, eventueel met "=Naam: wat" (herhaal voor meer stappen)
    #[arg(long, value_name = "STAP[=WIE: WAT]")]
    pub done: Vec<String>,
    /// Na afloop: wat er gebeurde, waarom, en wat beter kan
    #[arg(long, value_name = "TEKST")]
    pub evaluation: Option<String>,
}

/// `pqs privacyverklaring`.
#[derive(Debug, Args)]
pub struct StatementArgs {
    /// markdown of html [standaard: markdown]
    #[arg(
        long,
        value_enum,
        default_value = "markdown",
        hide_default_value = true,
        hide_possible_values = true,
        value_name = "FORMAAT",
        help_heading = "Opties"
    )]
    pub format: StatementFormat,
    /// Schrijf naar dit bestand in plaats van naar het scherm
    #[arg(
        short = 'o',
        long = "output",
        value_name = "BESTAND",
        help_heading = "Opties"
    )]
    pub output: Option<std::path::PathBuf>,
}

/// Formats of the draft privacy statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatementFormat {
    /// Markdown
    Markdown,
    /// Eén zelfstandig HTML-bestand, geschikt om af te drukken op A4
    Html,
}

impl From<&ActivityFields> for crate::documents::edit::ActivityEdit {
    fn from(f: &ActivityFields) -> Self {
        Self {
            name: f.name.clone(),
            purpose: f.purpose.clone(),
            basis: f.basis.clone(),
            interest: f.interest.clone(),
            people: f.people.clone(),
            data: f.data.clone(),
            special: f.special.clone(),
            criminal: f.criminal.clone(),
            recipients: f.recipients.clone(),
            transfers: f.transfers.clone(),
            retention: f.retention.clone(),
            security: f.security.clone(),
        }
    }
}

impl From<&ProcessorFields> for crate::documents::edit::ProcessorEdit {
    fn from(f: &ProcessorFields) -> Self {
        Self {
            name: f.name.clone(),
            service: f.service.clone(),
            data: f.data.clone(),
            location: f.location.clone(),
            safeguard: f.safeguard.clone(),
            agreement: f.agreement.clone(),
            checked: f.checked.clone(),
        }
    }
}

impl From<&BreachFields> for crate::documents::edit::BreachEdit {
    fn from(f: &BreachFields) -> Self {
        Self {
            found: f.found.clone(),
            what: f.what.clone(),
            data: f.data.clone(),
            people: f.people.clone(),
            consequences: f.consequences.clone(),
            measures: f.measures.clone(),
            reported: f.reported.clone(),
            not_reported: f.not_reported.clone(),
            late_because: f.late_because.clone(),
            informed: f.informed.clone(),
            not_informed: f.not_informed.clone(),
            step: f.step.clone(),
            done: f.done.clone(),
            evaluation: f.evaluation.clone(),
        }
    }
}
