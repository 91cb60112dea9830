//! Every user-facing word of the interface and reports, in one place (Dutch now; English later).

use crate::assessment::Status;
use crate::checklist::Severity;

/// Dutch label of a status; `None` is unanswered.
pub fn status_label(status: Option<Status>) -> &'static str {
    match status {
        None => "nog niet beantwoord",
        Some(Status::Yes) => "ja",
        Some(Status::Partly) => "deels",
        Some(Status::No) => "nee",
        Some(Status::Unknown) => "weet ik niet",
        Some(Status::NotApplicable) => "niet van toepassing",
    }
}

/// A one-character mark for a status in lists.
pub fn status_mark(status: Option<Status>) -> &'static str {
    match status {
        None => "·",
        Some(Status::Yes) => "✓",
        Some(Status::Partly) => "◐",
        Some(Status::No) => "✗",
        Some(Status::Unknown) => "?",
        Some(Status::NotApplicable) => "–",
    }
}

/// Dutch label of a severity.
pub fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::High => "hoog",
        Severity::Medium => "middel",
        Severity::Low => "laag",
    }
}

/// The disclaimer every report and the help screen carries.
pub const NOT_LEGAL_ADVICE: &str =
    "Dit is een hulpmiddel voor een eerste inventarisatie, geen juridisch advies.";

/// Report heading.
pub const REPORT_TITLE: &str = "Privacy Quick Scan: rapport";
/// Label before the organisation name.
pub const ORGANISATION: &str = "Organisatie";
/// Label before the assessment name.
pub const ASSESSMENT: &str = "Beoordeling";
/// Label before the date.
pub const DATE: &str = "Datum";
/// Heading of the totals.
pub const TOTAL: &str = "Totaal";
/// Label of the score.
pub const SCORE: &str = "score";
/// Label of progress.
pub const ANSWERED: &str = "beantwoord";
/// Heading of the gap list.
pub const GAPS: &str = "Open punten";
/// Shown when there are no gaps.
pub const NO_GAPS: &str = "Geen open punten: alles is met ja of niet van toepassing beantwoord.";
/// Heading of the orphan list.
pub const ORPHANS: &str = "Antwoorden op vragen die niet meer bestaan (bewaard)";
/// Label before an action.
pub const ACTION: &str = "Actie";
/// Label before a legal reference.
pub const REFERENCE: &str = "Wet";
/// Label before a note.
pub const NOTE: &str = "Notitie";
/// Label before a severity.
pub const SEVERITY: &str = "ernst";
/// Label before an explanation.
pub const EXPLANATION: &str = "Waarom";
/// Label for open high-severity gaps.
pub const OPEN_HIGH: &str = "open met ernst hoog";
