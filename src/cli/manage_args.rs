//! Arguments of the commands that manage assessments: `list`, `export`, `import`, `intake`, `plan`
//! and `details` (kept apart from `args.rs` so that file stays short).

use std::path::PathBuf;

use clap::Args;

use super::ListFormat;

/// `--format text|json`, of `pqs list` and `pqs checklists`.
#[derive(Debug, Args)]
pub struct FormatArgs {
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
    pub format: ListFormat,
}

/// `pqs export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Het exportbestand dat geschreven wordt
    #[arg(
        short = 'o',
        long = "output",
        value_name = "BESTAND",
        required = true,
        help_heading = "Opties"
    )]
    pub output: PathBuf,
    /// Overschrijf BESTAND als het al bestaat
    #[arg(long, help_heading = "Opties")]
    pub force: bool,
}

/// `pqs import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Een bestand gemaakt met pqs export
    #[arg(value_name = "BESTAND", help_heading = "Argumenten")]
    pub file: PathBuf,
    /// Sla de beoordeling onder deze naam op [standaard: de naam in het bestand]
    #[arg(long = "as", value_name = "NAAM", help_heading = "Opties")]
    pub as_name: Option<String>,
    /// Vervang een bestaande beoordeling of checklist; de oude versie gaat eerst naar backup/
    #[arg(long, help_heading = "Opties")]
    pub force: bool,
}

/// `pqs intake`.
#[derive(Debug, Args)]
pub struct IntakeArgs {
    /// Intakevraag, bijvoorbeeld webshop; zonder: toon alle intakevragen met je antwoorden
    #[arg(value_name = "VRAAG", help_heading = "Argumenten")]
    pub flag: Option<String>,
    /// ja, nee of open; bij een meerkeuzevraag de id van een keuze (pqs intake VRAAG toont ze).
    /// open wist het antwoord: dan gelden alle vragen die erbij horen
    #[arg(value_name = "ANTWOORD", help_heading = "Argumenten")]
    pub answer: Option<String>,
}

/// `pqs plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Taak (bijvoorbeeld cookies) of vraag (privacyverklaring.pv-doeleinden); zonder: toon het hele plan
    #[arg(value_name = "TAAK|VRAAG", help_heading = "Argumenten")]
    pub item: Option<String>,
    /// Wie het oppakt ("" wist)
    #[arg(long, value_name = "TEKST", help_heading = "Opties")]
    pub owner: Option<String>,
    /// Wanneer het klaar moet zijn: JJJJ-MM-DD of DD-MM-JJJJ ("" wist)
    #[arg(long, value_name = "DATUM", help_heading = "Opties")]
    pub due: Option<String>,
    /// Wat er is afgesproken ("" wist)
    #[arg(long, value_name = "TEKST", help_heading = "Opties")]
    pub action: Option<String>,
    /// Zet de taak vast bovenaan het plan, op deze plaats (1 is de eerste; 0 maakt hem weer los)
    #[arg(long, value_name = "N", requires = "item", help_heading = "Opties")]
    pub pin: Option<u32>,
    /// Markeer als afgerond, vandaag of op DATUM; het blijft zichtbaar als afgerond
    #[arg(long, value_name = "DATUM", num_args = 0..=1, default_missing_value = "", requires = "item", help_heading = "Opties")]
    pub done: Option<String>,
    /// Haal de markering afgerond weer weg
    #[arg(
        long,
        conflicts_with = "done",
        requires = "item",
        help_heading = "Opties"
    )]
    pub reopen: bool,
    /// Wis de hele afspraak bij deze taak of vraag
    #[arg(long, conflicts_with_all = ["owner", "due", "action", "pin", "done", "reopen"], requires = "item", help_heading = "Opties")]
    pub clear: bool,
}

impl PlanArgs {
    /// Whether any change was asked for (otherwise the entry is shown).
    pub fn changes(&self) -> bool {
        self.clear
            || self.owner.is_some()
            || self.due.is_some()
            || self.action.is_some()
            || self.pin.is_some()
            || self.done.is_some()
            || self.reopen
    }
}

/// `pqs session`.
#[derive(Debug, Args)]
pub struct SessionArgs {
    /// Sluit de laatste sessie af: een nieuwe start van pqs begint dan een nieuwe sessie
    #[arg(long, help_heading = "Opties")]
    pub end: bool,
    /// Titel van de sessie die je afsluit, bijvoorbeeld "Intake bij de klant"
    #[arg(long, value_name = "TEKST", requires = "end", help_heading = "Opties")]
    pub title: Option<String>,
}

/// `pqs details`.
#[derive(Debug, Args)]
pub struct DetailsArgs {
    /// Naam van de organisatie
    #[arg(long, value_name = "TEKST", help_heading = "Opties")]
    pub organisation: Option<String>,
    /// Contactpersoon bij de organisatie
    #[arg(long, value_name = "TEKST", help_heading = "Opties")]
    pub contact: Option<String>,
    /// Wie de beoordeling doet (adviseur)
    #[arg(long, value_name = "TEKST", help_heading = "Opties")]
    pub assessor: Option<String>,
    /// KvK-nummer: 8 cijfers ("" wist)
    #[arg(long, value_name = "NUMMER", help_heading = "Opties")]
    pub kvk: Option<String>,
    /// Vestigingsadres, voor de privacyverklaring en het register ("" wist)
    #[arg(long, value_name = "TEKST", help_heading = "Opties")]
    pub address: Option<String>,
    /// E-mailadres voor privacyvragen en -verzoeken ("" wist)
    #[arg(long, value_name = "ADRES", help_heading = "Opties")]
    pub email: Option<String>,
    /// Telefoonnummer ("" wist)
    #[arg(long, value_name = "NUMMER", help_heading = "Opties")]
    pub phone: Option<String>,
    /// Naam en contactgegevens van de functionaris gegevensbescherming (FG), als je die hebt ("" wist)
    #[arg(long, value_name = "TEKST", help_heading = "Opties")]
    pub dpo: Option<String>,
    /// Logo voor de HTML-documenten: een PNG- of SVG-bestand van ten hoogste 512 kB, dat in de beoordeling wordt bewaard ("" verwijdert het)
    #[arg(long, value_name = "BESTAND", help_heading = "Opties")]
    pub logo: Option<String>,
    /// Na hoeveel maanden een antwoord opnieuw bekeken moet worden (1 tot 120) [standaard: 12]
    #[arg(
        long,
        value_name = "N",
        value_parser = clap::value_parser!(u32).range(1..=i64::from(crate::assessment::MAX_REVIEW_MONTHS)),
        help_heading = "Opties"
    )]
    pub review_months: Option<u32>,
    /// Hoe diep de scan gaat: snel (de basisvragen) of volledig (alle vragen); er gaat geen antwoord verloren
    #[arg(
        long,
        value_enum,
        value_name = "DIEPTE",
        hide_possible_values = true,
        help_heading = "Opties"
    )]
    pub depth: Option<DepthArg>,
    /// Een andere diepte voor één checklist: CHECKLIST=snel of CHECKLIST=volledig
    #[arg(long, value_name = "CHECKLIST=DIEPTE", help_heading = "Opties")]
    pub checklist_depth: Option<String>,
}

/// `--depth` on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DepthArg {
    /// De basisvragen
    Snel,
    /// Alle vragen
    Volledig,
}

impl From<DepthArg> for crate::assessment::ScanDepth {
    fn from(arg: DepthArg) -> Self {
        match arg {
            DepthArg::Snel => crate::assessment::ScanDepth::Snel,
            DepthArg::Volledig => crate::assessment::ScanDepth::Volledig,
        }
    }
}

impl DetailsArgs {
    /// Whether any change was asked for (otherwise the details are shown).
    pub fn changes(&self) -> bool {
        self.organisation.is_some()
            || self.contact.is_some()
            || self.assessor.is_some()
            || self.kvk.is_some()
            || self.address.is_some()
            || self.email.is_some()
            || self.phone.is_some()
            || self.dpo.is_some()
            || self.logo.is_some()
            || self.review_months.is_some()
            || self.depth.is_some()
            || self.checklist_depth.is_some()
    }
}
