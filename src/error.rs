//! The errors that end the program, of both shells; `main` prints them and exits with
//! [`Error::exit_code`].

use std::io;
use std::path::PathBuf;

use crate::assessment::StoreError;
use crate::assessment::bundle::BundleError;
use crate::checklist::CatalogError;

/// An error that ends the program (exit code 1, or 128 + N after a signal).
#[derive(Debug, thiserror::Error)]
pub enum Error {
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
    #[error("{} van de bestanden {} fouten", .0, if *.0 == 1 { "bevat" } else { "bevatten" })]
    Invalid(usize),
    /// Output could not be written.
    #[error("kan niet schrijven naar {path}: {source}")]
    Output {
        /// Where.
        path: String,
        /// Why.
        source: io::Error,
    },
    /// An imported checklist has the id of a checklist in another file of the user folder.
    #[error(
        "de meegestuurde checklist \"{id}\" staat al in {existing} onder een andere bestandsnaam; er is niets geïmporteerd. Verwijder of hernoem dat bestand en importeer opnieuw."
    )]
    ChecklistIdClash {
        /// The checklist id.
        id: String,
        /// The file that has it.
        existing: String,
    },
    /// `pqs import` of a checklist with a bundled checklist's id, without `--force`.
    #[error(
        "het exportbestand bevat een eigen versie van de meegeleverde checklist \"{id}\" ({title}). Importeren vervangt die voor alle beoordelingen op deze computer; antwoorden op vragen die de eigen versie niet heeft, horen dan niet meer bij een vraag (ze blijven wel bewaard).\nEr is niets geïmporteerd. Wil je dat toch, importeer dan opnieuw met --force: pqs zegt dan eerst welke beoordelingen hoeveel antwoorden raakt."
    )]
    ReplacesBundled {
        /// The checklist id.
        id: String,
        /// The bundled checklist's title.
        title: String,
    },
    /// `pqs import` of an intake that gives questions in use another wording, without `--force`.
    #[error(
        "het exportbestand bevat een intake die deze intakevragen anders stelt dan nu: {ids}. Antwoorden die al gegeven zijn, kunnen dan iets anders gaan betekenen.\nEr is niets geïmporteerd. Wil je dat toch, importeer dan opnieuw met --force."
    )]
    ReplacesIntakeQuestions {
        /// The question ids, comma-separated.
        ids: String,
    },
    /// `pqs import` of a checklist whose file name (`ID.toml`) holds another checklist.
    #[error(
        "{} bestaat al en is niet de checklist \"{id}\"; pqs schrijft een meegestuurde checklist als ID.toml. Er is niets geïmporteerd. Geef dat bestand een andere naam en importeer opnieuw.",
        .path.display()
    )]
    ChecklistNameTaken {
        /// The carried checklist's id.
        id: String,
        /// The file that is in the way.
        path: PathBuf,
    },
    /// `-o` points at a file of the data folder (an assessment or its lock).
    #[error(
        "{} is een bestand van pqs zelf (een beoordeling in de datamap); kies een andere naam of map voor -o",
        .0.display()
    )]
    OutputInDataDir(PathBuf),
    /// `-o` points into `trash/` or `backup/` of the data folder.
    #[error(
        "{} ligt in de prullenbak- of reservekopiemap van pqs, waar nooit iets wordt overschreven; kies een andere map voor -o",
        .0.display()
    )]
    OutputInArchive(PathBuf),
    /// `-o` points at a `.toml` file in the user checklist folder.
    #[error(
        "{} ligt in de map met eigen checklists; pqs zou het als checklist lezen. Kies een andere map voor -o",
        .0.display()
    )]
    OutputInChecklists(PathBuf),
    /// A file could not be read or written.
    #[error(transparent)]
    Fs(#[from] crate::fs_util::FsError),
    /// `--summary` with a format that has none.
    #[error("--summary werkt alleen met --format text, markdown of html")]
    SummaryFormat,
    /// An export file that cannot be imported.
    #[error(transparent)]
    Bundle(#[from] BundleError),
    /// `pqs list` with assessments that could not be read (the others were listed).
    #[error(
        "{count} {} niet gelezen worden:\n{details}",
        if *count == 1 { "beoordeling kon" } else { "beoordelingen konden" }
    )]
    ListUnreadable {
        /// How many.
        count: usize,
        /// Every error, one after the other.
        details: String,
    },
    /// `pqs export -o FILE` where FILE exists, without `--force`.
    #[error("{} bestaat al; kies een andere naam of overschrijf het met --force", .0.display())]
    OutputExists(PathBuf),
    /// `pqs import` of a file that cannot be read.
    #[error("kan {path} niet lezen: {source}")]
    ImportRead {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// `pqs import` over an existing assessment, without `--force`.
    #[error(
        "er bestaat al een beoordeling \"{name}\" ({path}).\nKies een andere naam met --as NAAM, of vervang hem met --force (de oude versie gaat dan naar backup/). Er is niets geïmporteerd."
    )]
    ImportExists {
        /// The name.
        name: String,
        /// Its file.
        path: PathBuf,
    },
    /// `pqs import` of a checklist that differs from the user's, without `--force`.
    #[error(
        "{path} bestaat al en verschilt van de checklist {file} in het exportbestand.\nVervang hem met --force (de oude versie gaat dan naar backup/checklists/). Er is niets geïmporteerd."
    )]
    ChecklistConflict {
        /// The carried file name.
        file: String,
        /// The existing file.
        path: PathBuf,
    },
    /// No user checklist folder to import checklists into.
    #[error(
        "er is geen map voor eigen checklists op dit systeem; geef er een op met --checklists MAP"
    )]
    NoChecklistsDir,
    /// `pqs intake` with a flag that exists nowhere.
    #[error(
        "onbekende intakevraag \"{flag}\".{}\nAlle intakevragen: pqs intake",
        suggest(suggestions)
    )]
    UnknownFlag {
        /// What was typed.
        flag: String,
        /// Nearest flags.
        suggestions: Vec<String>,
    },
    /// `pqs intake VRAAG ANTWOORD` with an answer the question does not have.
    #[error(
        "\"{answer}\" is geen antwoord op de intakevraag \"{flag}\"; mogelijk zijn: {allowed}. Er is niets opgeslagen."
    )]
    BadIntakeAnswer {
        /// The question.
        flag: String,
        /// What was typed.
        answer: String,
        /// The answers it accepts.
        allowed: String,
    },
    /// `pqs plan --due` with a date that cannot be read.
    #[error(
        "ongeldige datum \"{0}\" bij --due; gebruik JJJJ-MM-DD of DD-MM-JJJJ, bijvoorbeeld 2027-03-31. Er is niets opgeslagen."
    )]
    BadDate(String),
    /// `pqs session --end` on an assessment without sessions.
    #[error(
        "beoordeling \"{0}\" heeft nog geen sessie om af te sluiten: een sessie ontstaat als je in de vragenlijst iets wijzigt. Er is niets opgeslagen."
    )]
    NoSession(String),
    /// `pqs details --kvk` with something other than 8 digits.
    #[error(
        "ongeldig KvK-nummer \"{0}\": een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678. Er is niets opgeslagen."
    )]
    BadKvk(String),
    /// `pqs details --email` with something that is not an e-mail address.
    #[error(
        "ongeldig e-mailadres \"{0}\": schrijf het zoals privacy@bakkerij.nl. Er is niets opgeslagen."
    )]
    BadEmail(String),
    /// `pqs details --phone` with something that is not a telephone number.
    #[error(
        "ongeldig telefoonnummer \"{0}\": gebruik cijfers, spaties en streepjes, bijvoorbeeld 020 123 45 67 of +31 20 123 45 67. Er is niets opgeslagen."
    )]
    BadPhone(String),
    /// A document field with a value that is refused (`pqs register`, `verwerkers`, `datalek`).
    #[error("{0}. Er is niets opgeslagen.")]
    BadField(#[from] crate::documents::FieldError),
    /// A document record (activity, processor, breach) or suggestion that does not exist.
    #[error("{what} \"{id}\" bestaat niet.{}", record_hint(suggestions, known))]
    UnknownRecord {
        /// What kind, in words ("verwerking").
        what: &'static str,
        /// What was typed.
        id: String,
        /// Nearest ids.
        suggestions: Vec<String>,
        /// Every id there is.
        known: Vec<String>,
    },
    /// `pqs details --logo` with a file that is not a PNG or SVG image.
    #[error(
        "{0} is geen PNG- of SVG-afbeelding. Kies een logo als .png of .svg (ten hoogste 512 kB), of --logo \"\" om het logo te verwijderen. Er is niets opgeslagen."
    )]
    BadLogo(String),
    /// `pqs details --checklist-depth` with something other than `CHECKLIST=snel|volledig`.
    #[error(
        "ongeldige --checklist-depth \"{0}\": schrijf CHECKLIST=snel of CHECKLIST=volledig, met de id van een checklist (pqs checklists). Er is niets opgeslagen."
    )]
    BadChecklistDepth(String),
    /// The terminal interface failed.
    #[error("terminalfout: {0}")]
    Terminal(io::Error),
    /// The TUI was stopped by a signal; the terminal was restored and the answers saved.
    #[error(
        "gestopt door {}; {}",
        signal_name(*signal),
        file.as_ref().map_or_else(|| "er was geen beoordeling geopend.".to_owned(), |f| format!("je antwoorden zijn opgeslagen in {}.", f.display()))
    )]
    Stopped {
        /// The signal number.
        signal: i32,
        /// The assessment file, when one was open.
        file: Option<PathBuf>,
    },
    /// The TUI ended with answers that could not be written to their file.
    #[error(
        "je laatste wijzigingen konden niet worden opgeslagen in {}: {reason}\n{}",
        .path.display(),
        copy.as_ref().map_or_else(
            || "Ook een kopie elders lukte niet: de wijzigingen sinds de laatste geslaagde opslag zijn verloren.".to_owned(),
            |c| format!("Een kopie met alle antwoorden staat in {}. Zet die terug als {} zodra daar weer geschreven kan worden.", c.display(), path.display())
        )
    )]
    Unsaved {
        /// The assessment file.
        path: PathBuf,
        /// Why the save failed.
        reason: String,
        /// Where a copy was written, if that worked.
        copy: Option<PathBuf>,
        /// The signal that ended the program, if one did.
        signal: Option<i32>,
    },
}

impl Error {
    /// The exit code: 128 + the signal number when a signal stopped the program, 2 for an argument
    /// that is checked after parsing, else 1.
    pub fn exit_code(&self) -> u8 {
        if matches!(
            self,
            Error::BadIntakeAnswer { .. }
                | Error::BadChecklistDepth(_)
                | Error::BadField(_)
                | Error::BadKvk(_)
                | Error::BadEmail(_)
                | Error::BadPhone(_)
        ) {
            return 2; // a wrong argument, like clap's own
        }
        let signal = match self {
            Error::Stopped { signal, .. } => Some(*signal),
            Error::Unsaved { signal, .. } => *signal,
            _ => None,
        };
        signal.and_then(|s| u8::try_from(128 + s).ok()).unwrap_or(1)
    }
}

/// The usual name of a termination signal, for messages.
pub fn signal_name(signal: i32) -> &'static str {
    match signal {
        1 => "SIGHUP",
        2 => "SIGINT",
        3 => "SIGQUIT",
        15 => "SIGTERM",
        _ => "een signaal",
    }
}

fn suggest(ids: &[String]) -> String {
    if ids.is_empty() {
        String::new()
    } else {
        format!(" Bedoel je: {}?", ids.join(", "))
    }
}

/// After an unknown record: the nearest ids, then every id there is (not when that is the same
/// list again).
fn record_hint(suggestions: &[String], known: &[String]) -> String {
    if known.is_empty() {
        " Er is er nog geen.".into()
    } else if suggestions == known {
        suggest(suggestions)
    } else {
        format!(
            "{} Wel aanwezig: {}.",
            suggest(suggestions),
            known.join(", ")
        )
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
