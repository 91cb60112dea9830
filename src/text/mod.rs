//! Every user-facing word of the interface and reports, in one place (Dutch now; English later).
//! The submodules group the strings of newer screens and sections; all are re-exported here, so
//! callers write `text::NAME` wherever a string lives.

mod cli;
mod documents;
mod report;
mod tui;

#[allow(unused_imports)]
pub use cli::*;
#[allow(unused_imports)]
pub use documents::*;
#[allow(unused_imports)]
pub use report::*;
#[allow(unused_imports)]
pub use tui::*;

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
pub const NOTE: &str = "Opmerking";
/// Label before a severity.
pub const SEVERITY: &str = "ernst";
/// Label before an explanation.
pub const EXPLANATION: &str = "Waarom";
/// Label for open high-severity gaps.
pub const OPEN_HIGH: &str = "open met ernst hoog";

// ---- Terminal interface ----

/// What an action does, for the help overlay and footer.
pub fn action_label(action: &crate::tui::action::Action) -> &'static str {
    use crate::tui::action::{Action as A, IntakeKey};
    match action {
        A::Answer(status) => status_label(Some(*status)),
        A::Clear => "antwoord wissen",
        A::EditNote => "opmerking",
        A::EditPlan => "actieplan",
        A::EditDetails => "gegevens klant",
        A::ConfirmAnswer => "klopt nog",
        A::OpenIntake => "intake",
        A::IntakeAnswer(IntakeKey::Yes) => "ja",
        A::IntakeAnswer(IntakeKey::No) => "nee",
        A::IntakeAnswer(IntakeKey::Open) => "open laten",
        A::IntakeAnswer(IntakeKey::Choice(_)) => "kies",
        A::NextField => "volgend veld",
        A::SaveForm => "opslaan",
        A::CloseForm => "sluiten",
        A::OpenAssessment => "openen",
        A::NewAssessment => "nieuwe beoordeling",
        A::RenameAssessment => "naam wijzigen",
        A::DeleteAssessment => "naar prullenbak",
        A::Continue => "verder",
        A::ChooseDepth => "diepte van de scan",
        A::ChooseComparison => "vergelijk met",
        A::Choose(_) => "kies",
        A::ShowGlossary => "begrippen",
        A::Yes => "ja",
        A::No => "nee",
        A::PreviousField => "vorig veld",
        A::Next => "volgende vraag",
        A::Previous => "vorige vraag",
        A::NextChecklist => "volgende checklist",
        A::PreviousChecklist => "vorige checklist",
        A::First => "eerste vraag",
        A::Last => "laatste vraag",
        A::ToggleMode => "wissel weergave",
        A::ToggleReport => "rapport",
        A::OpenPlan => "plan",
        A::OpenDocuments => "documenten",
        A::EditDocument => "bewerken of toevoegen",
        A::DrillStep => "stap gedaan",
        A::RemoveDocument => "verwijderen",
        A::ToggleDone => "afgerond aan/uit",
        A::PinUp => "vastzetten / omhoog",
        A::PinDown => "omlaag / losmaken",
        A::Export => "exporteer html",
        A::Confirm => "bevestigen",
        A::Cancel => "annuleren",
        A::ToggleHelp => "hulp",
        A::Back => "sluit venster of stop",
        A::Quit => "stoppen",
        A::SaveNote => "opslaan en sluiten",
        A::NoteInput(_) => "typen",
        A::Click(..) => "klikken",
        A::Scroll(_) => "scrollen",
    }
}

/// Short label for the footer, where room is scarce.
pub fn action_short_label(action: &crate::tui::action::Action) -> &'static str {
    use crate::tui::action::Action as A;
    match action {
        A::Answer(crate::assessment::Status::Unknown) => "weet niet",
        A::Answer(crate::assessment::Status::NotApplicable) => "nvt",
        A::ToggleMode => "wissel",
        A::Export => "export",
        A::Quit => "stop",
        A::SaveNote => "opslaan",
        A::NextField => "veld",
        A::EditPlan => "plan",
        other => action_label(other),
    }
}

/// Footer label for the collapsed answer keys.
pub const ANSWER_KEYS: &str = "antwoord";

/// Status line after an answer: says what was saved ("Je antwoord „nee” is opgeslagen.", never
/// the ambiguous "Opgeslagen: nee.").
pub fn answered_message(label: &str) -> String {
    format!("Je antwoord \u{201e}{label}\u{201d} is opgeslagen.")
}

/// Status line when a save failed.
pub fn save_failed(error: &str) -> String {
    let error = error.trim_end();
    let stop = if error.ends_with(['.', '!', '?']) {
        ""
    } else {
        "."
    };
    format!(
        "NIET OPGESLAGEN: {error}{stop} Je antwoorden blijven bewaard in het geheugen; pqs probeert het opnieuw."
    )
}

/// Status line after a retried save succeeded.
pub const SAVE_RECOVERED: &str = "Alles is nu opgeslagen.";
/// Status line after clearing an answer.
pub const CLEARED: &str = "Antwoord gewist.";
/// Status line after saving a note.
pub const NOTE_SAVED: &str = "Opmerking opgeslagen.";
/// Status line when the walk-through is complete.
pub const ALL_ANSWERED: &str =
    "Alle vragen zijn beantwoord. Tab toont het overzicht, q sluit af en toont het rapport.";
/// Warning when quitting with unsaved changes.
pub const QUIT_UNSAVED: &str = "Er zijn wijzigingen die niet opgeslagen konden worden. Druk nogmaals op q om toch te stoppen: pqs bewaart ze dan in een kopie en zegt waar.";
/// Title of the help overlay.
pub const HELP_TITLE: &str = " Toetsen ";
/// Title of the note editor.
pub const NOTE_TITLE: &str = " Opmerking ";
/// Title of the checklist pane.
pub const CHECKLISTS: &str = " Checklists ";
/// Title of the item pane.
pub const QUESTIONS: &str = " Vragen ";
/// Title of the detail pane.
pub const DETAILS: &str = " Toelichting ";
/// Label before the explanation in the walk-through.
pub const WHY: &str = "Waarom";
/// Label before the action in the walk-through.
pub const TODO: &str = "Wat te doen";
/// Label before the current answer.
pub const CURRENT_ANSWER: &str = "Antwoord";
/// Label before the answer keys in the walk-through.
pub const ANSWER_WITH: &str = "Antwoord met";
/// Label before the legal reference.
pub const LAW: &str = "Wet";

/// "Vraag 3 van 20".
pub fn question_of(n: usize, total: usize) -> String {
    format!("vraag {n} van {total}")
}

/// Header progress, e.g. "37/136 beantwoord · score 24%": privacy law's questions, as the reports
/// count them.
pub fn progress(answered: usize, total: usize, score: f64) -> String {
    format!(
        "{answered}/{total} beantwoord · score {}%",
        crate::report::document::percent(score)
    )
}

/// After [`progress`] in the header, the questions outside privacy law: " · consumentenrecht 3/4".
pub fn progress_other(scope: crate::checklist::Scope, answered: usize, total: usize) -> String {
    format!(
        " · {} {answered}/{total}",
        report::scope_label(scope).to_lowercase()
    )
}
/// Mouse hint in the help overlay.
pub const HELP_MOUSE: &str =
    "Muis: klik op een checklist of vraag in het overzicht; scroll met het wiel.";
/// Help heading: keys of both main screens.
pub const HELP_MAIN: &str = "Beantwoorden en bladeren";
/// Help heading: keys that work everywhere.
pub const HELP_GENERAL: &str = "Algemeen";
/// Help heading: walk-through keys.
pub const HELP_GUIDED: &str = "Vraag voor vraag";
/// Help heading: overview keys.
pub const HELP_OVERVIEW: &str = "Overzicht";
/// Title of the organisation prompt.
pub const ORGANISATION_TITLE: &str = " Nieuwe beoordeling ";
/// Question in the organisation prompt.
pub const ORGANISATION_ASK: &str =
    "Voor welke organisatie is deze scan? (komt bovenaan elk rapport)";
/// Status line after naming the organisation.
pub const ORGANISATION_SAVED: &str = "Naam van de organisatie opgeslagen.";
/// Title of the export prompt.
pub const EXPORT_TITLE: &str = " Rapport exporteren ";
/// Question in the export prompt.
pub const EXPORT_ASK: &str = "In welke map? Het rapport, de samenvatting, een concept-privacyverklaring en je documenten worden als HTML opgeslagen.";
/// Status line after an export.
pub fn exported(names: &[String], folder: &str) -> String {
    let first = names.first().map_or("", String::as_str);
    match names.len() {
        0 | 1 => format!("Geëxporteerd: {first} in {folder}"),
        n => format!(
            "Geëxporteerd: {first} en {} in {folder}",
            count(n - 1, "ander bestand", "andere bestanden")
        ),
    }
}
/// Status line when an export failed.
pub fn export_failed(error: &str) -> String {
    format!("Exporteren mislukt: {error}")
}
/// Help heading: keys on every screen.
pub const HELP_SCREENS: &str = "Schermen";
/// Help section: the plan screen.
pub const HELP_PLAN: &str = "Plan (p)";
/// Help heading: keys of the report screen.
pub const HELP_REPORT: &str = "Rapport (r)";
/// Help heading: keys of the documents screen.
pub const HELP_DOCUMENTS: &str = "Documenten (l)";
/// Help section: the drill screen.
pub const HELP_DRILL: &str = "Oefening datalek";
/// Help heading: the intake's keys.
pub const HELP_INTAKE: &str = "Intake";

// ---- Reports (issue 3) ----

/// Dutch name of a score band.
pub fn band_label(band: crate::report::Band) -> &'static str {
    match band {
        crate::report::Band::Insufficient => "onvoldoende",
        crate::report::Band::OnTheWay => "op weg",
        crate::report::Band::Good => "goed",
    }
}

/// The thresholds of the bands, as stated in reports.
pub const BAND_RULE: &str =
    "Score: onder 50 = onvoldoende, 50 tot 80 = op weg, 80 en hoger = goed.";
/// Heading of items answered yes.
pub const DONE: &str = "Al in orde";
/// Label for progress as opposed to score.
pub const PROGRESS: &str = "Voortgang";
/// Label before the tool version.
pub const TOOL_VERSION: &str = "pqs-versie";
/// Heading of the summary.
pub const SUMMARY_TITLE: &str = "Privacy Quick Scan: voortgang in het kort";
/// Heading of all gaps, grouped per checklist.
pub const GAPS_PER_CHECKLIST: &str = "Alle open punten per checklist";
/// Column heading for the checklist name.
pub const CHECKLIST_COLUMN: &str = "Checklist";
/// Column heading for the score.
pub const SCORE_COLUMN: &str = "Score";
/// Column heading for open high-severity items.
pub const HIGH_OPEN_COLUMN: &str = "hoog open";
/// Heading of the remarks space.
pub const REMARKS: &str = "Opmerkingen";
/// Label for the date of the next session.
pub const NEXT_SESSION: &str = "Volgende sessie";
/// Signature label for the business owner.
pub const SIGNATURE_OWNER: &str = "Ondernemer";
/// Signature label for the consultant.
pub const SIGNATURE_ADVISOR: &str = "Adviseur";

// ---- Reports: HTML (report and one-page summary) ----

/// Heading of the table with one row per checklist.
pub const HTML_OVERVIEW: &str = "Overzicht per checklist";
/// Label before an item's answer.
pub const HTML_ANSWER: &str = "Antwoord";
/// Label of the count of open points in the totals.
pub const HTML_OPEN_POINTS: &str = "Open punten";
/// Shown instead of the "al in orde" list when nothing is answered yes yet.
pub const HTML_NOTHING_DONE: &str = "Nog geen vragen met ja beantwoord.";
/// Column heading for an item id (orphans).
pub const HTML_ITEM_ID: &str = "Vraag";
/// Line under a signature box: name.
pub const HTML_SIGN_NAME: &str = "Naam";
/// Line under a signature box: the signature itself.
pub const HTML_SIGN_SIGNATURE: &str = "Handtekening";

/// Progress in words, e.g. "37 van 136 vragen beantwoord".
pub fn html_answered_of(answered: usize, total: usize) -> String {
    format!("{answered} van {total} vragen beantwoord")
}

/// How many open points are of high severity, e.g. "waarvan 12 met ernst hoog".
pub fn html_of_which_high(high: usize) -> String {
    format!("waarvan {high} met ernst hoog")
}

/// Open points with how many are of high severity, e.g. "58 open punten, waarvan 31 met ernst hoog".
pub fn html_open_points(gaps: usize, high: usize) -> String {
    let noun = if gaps == 1 {
        "open punt"
    } else {
        "open punten"
    };
    format!("{gaps} {noun}, {}", html_of_which_high(high))
}

/// The browser tab title: the report's title, then the organisation if any.
pub fn html_title(title: &str, organisation: &str) -> String {
    if organisation.trim().is_empty() {
        title.to_owned()
    } else {
        format!("{title} – {}", organisation.trim())
    }
}

// ---- Reports: Markdown and CSV (issue 3) ----

/// Markdown: heading of the per-checklist overview.
pub const MD_OVERVIEW: &str = "Per checklist";
/// Markdown: column headers of the per-checklist overview.
pub const MD_OVERVIEW_HEADERS: [&str; 5] = [
    "Checklist",
    "Beantwoord",
    "Voortgang",
    "Score",
    "Open, ernst hoog",
];
/// Markdown: column headers of the summary's per-checklist table.
pub const MD_SUMMARY_HEADERS: [&str; 3] = ["Checklist", "Beantwoord", "Score"];
/// Markdown: label before a status.
pub const MD_ANSWER: &str = "Antwoord";
/// Markdown: label before an item id.
pub const MD_ITEM_ID: &str = "Vraag-id";
/// Markdown: shown under "Al in orde" when nothing is answered yes.
pub const MD_NOTHING_DONE: &str = "Nog geen vragen met ja beantwoord.";
/// Markdown summary: signature line of the entrepreneur.
pub const MD_SIGN_OWNER: &str = "Handtekening ondernemer";
/// Markdown summary: signature line of the adviser.
pub const MD_SIGN_ADVISER: &str = "Handtekening adviseur";

/// CSV: the header row, in column order.
pub const CSV_HEADERS: [&str; 9] = [
    "checklist",
    "vraag-id",
    "onderdeel",
    "vraag",
    "ernst",
    "antwoord",
    "opmerking",
    "beantwoord op",
    "wet",
];

/// "vragen", after a count in `pqs checklists`.
pub const QUESTIONS_WORD: &str = "vragen";
/// Source shown for a bundled checklist.
pub const BUNDLED: &str = "meegeleverd";

/// After answers moved to the questions that replace earlier ones (the checklists were updated).
pub fn migrated(name: &str, migrated: &crate::assessment::migration::Migrated) -> Option<String> {
    if migrated.moved.is_empty() {
        return None;
    }
    let n = migrated.moved.len();
    let mut text = format!(
        "De checklists zijn bijgewerkt: {} van \"{name}\" {} nu bij de vraag die de oude vervangt.",
        count(n, "antwoord", "antwoorden"),
        if n == 1 { "staat" } else { "staan" }
    );
    if let Some(backup) = &migrated.backup {
        text.push_str(&format!(
            " Het bestand zoals het was staat in {}.",
            backup.display()
        ));
    }
    Some(text)
}

/// Heading of the decisions (the intake's end, the reports).
pub const INTAKE_DECIDED: &str = "Wat pqs uit je antwoorden afleidt:";

/// A decision that cannot be made yet (the intake's end, `pqs intake`).
pub const DECISION_OPEN: &str = "Nog niet te zeggen: beantwoord daarvoor eerst de intakevragen.";

/// A decision in one sentence: the question, the outcome and why, and what to find out; or that
/// it cannot be said yet. Reports and `pqs intake` use it.
pub fn decision_sentence(
    title: &str,
    outcome: Option<&crate::checklist::intake::Outcome>,
) -> String {
    match outcome {
        Some(o) => {
            let mut line = format!("{title} {}. {}", o.label.trim_end_matches('.'), o.reason);
            if let Some(find_out) = &o.find_out {
                line.push(' ');
                line.push_str(&find_out_line(find_out));
            }
            line
        }
        None => format!("{title} {DECISION_OPEN}"),
    }
}

/// What to find out for an uncertain decision.
pub fn find_out_line(what: &str) -> String {
    format!("Zoek uit: {what}")
}

/// "1 vraag", "2 vragen": a count with the singular or plural word.
pub fn count(n: usize, one: &str, more: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { more })
}

/// `pqs validate` for a file without errors.
pub fn valid_content(valid: crate::checklist::validate::Valid) -> String {
    use crate::checklist::validate::Valid;
    let what = match valid {
        Valid::Checklist(n) => count(n, "vraag", "vragen"),
        Valid::Intake(n) => format!("intake, {}", count(n, "vraag", "vragen")),
        Valid::Tasks(n) => format!("taken, {}", count(n, "taak", "taken")),
        Valid::Glossary(n) => format!("begrippenlijst, {}", count(n, "begrip", "begrippen")),
    };
    format!("in orde ({what})")
}

/// Progress sentence in reports, e.g. "40 van 136 vragen beantwoord, 120 open punten".
pub fn progress_sentence(answered: usize, total: usize, gaps: usize) -> String {
    format!("{answered} van {total} vragen beantwoord, {gaps} open punten")
}

// ---- Argument errors (clap) ----

/// A value that is not allowed.
pub fn arg_invalid_value(value: &str, arg: &str, valid: &str) -> String {
    if valid.is_empty() {
        format!("ongeldige waarde '{value}' voor {arg}")
    } else {
        format!("ongeldige waarde '{value}' voor {arg}; kies uit: {valid}")
    }
}
/// Required arguments left out.
pub fn arg_missing(args: &str) -> String {
    format!("er ontbreekt iets: {args}")
}
/// An unknown subcommand.
pub fn arg_unknown_command(command: &str) -> String {
    format!("onbekende opdracht '{command}'")
}
/// An unknown option.
pub fn arg_unknown_option(option: &str) -> String {
    format!("onbekende optie '{option}'")
}
/// Suggestion after an unknown command or option.
pub fn arg_did_you_mean(suggestion: &str) -> String {
    format!(". Bedoel je '{suggestion}'?")
}
/// Label before the usage line.
pub const USAGE: &str = "Gebruik:";
/// Last line of an argument error.
pub const ARG_MORE_HELP: &str = "Meer uitleg: pqs --help";

/// The Dutch month names, for dates in documents.
const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A date as written in Dutch: "1 december 2026".
pub fn date_long(day: jiff::civil::Date) -> String {
    let mut out = String::with_capacity(17);
    date_long_into(&mut out, day);
    out
}

/// [`date_long`], written at the end of `out`.
pub fn date_long_into(out: &mut String, day: jiff::civil::Date) {
    use std::fmt::Write;
    let month = MONTHS[usize::from(day.month().unsigned_abs()) - 1];
    let _ = write!(out, "{} {month} {}", day.day(), day.year());
}

/// A moment as local date and time, in Dutch: "23 november 2026 09:45".
pub fn date_time_long(moment: jiff::Timestamp, tz: &jiff::tz::TimeZone) -> String {
    let local = moment.to_zoned_datetime(tz.clone());
    format!("{} {}", date_long(local.date()), local.strftime("%H:%M"))
}

/// The comparison box: its title, the hint under it and its choices.
pub const COMPARE_TITLE: &str = " Vergelijk met ";
/// Under the choices.
pub const COMPARE_HINT: &str = "↑ ↓ kies · typ een datum (jjjj-mm-dd) · Enter bevestig · Esc terug";
/// The default choice.
pub const COMPARE_PREVIOUS: &str = "De vorige sessie (standaard)";
/// The choice of a typed date, before the date.
pub const COMPARE_DATE: &str = "Een datum: ";
/// The choice of the start of the latest session.
pub fn compare_this_session(start: &str) -> String {
    format!("Het begin van deze sessie ({start})")
}
/// The choice of an earlier session's end, with its title and score then.
pub fn compare_session(end: &str, title: &str, score: u32) -> String {
    if title.is_empty() {
        format!("Sessie tot {end} (score {score}%)")
    } else {
        format!("Sessie tot {end}: {title} (score {score}%)")
    }
}
/// Status line after the default was chosen again.
pub const COMPARE_PREVIOUS_CHOSEN: &str =
    "Het rapport en de export vergelijken weer met de vorige sessie.";
/// Status line after a moment was chosen.
pub fn compare_chosen(moment: &str) -> String {
    format!("Het rapport en de export vergelijken nu met {moment}.")
}
/// Status line for a date that cannot be read.
pub fn compare_bad_date(typed: &str) -> String {
    format!(
        "\u{201e}{}\u{201d} is geen datum; typ hem als jjjj-mm-dd, bijvoorbeeld 2026-11-01.",
        crate::sanitize::line(typed.trim())
    )
}

#[cfg(test)]
mod date_tests {
    #[test]
    fn dates_are_written_in_dutch() {
        assert_eq!(
            super::date_long(jiff::civil::date(2026, 12, 1)),
            "1 december 2026"
        );
        assert_eq!(
            super::date_long(jiff::civil::date(2027, 3, 31)),
            "31 maart 2027"
        );
        assert_eq!(
            super::date_long(jiff::civil::date(2027, 1, 9)),
            "9 januari 2027"
        );
    }
}
