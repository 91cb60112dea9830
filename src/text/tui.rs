//! Strings of the start screen, intake, details and action-plan screens.

/// Title of the intake screen.
pub const INTAKE_TITLE: &str = " Intake: wat geldt voor jouw bedrijf? ";
/// Shown under the intake questions.
pub const INTAKE_HINT: &str = "Een open vraag betekent: de vragen die erbij horen krijg je gewoon. Je kunt dit altijd wijzigen met i; er gaat geen antwoord verloren.";
/// In the footer after "1-5" on a multiple-choice intake question.
pub const CHOOSE_LABEL: &str = "kies";
/// Intake answer "yes".
pub const INTAKE_YES: &str = "ja";
/// Intake answer "no".
pub const INTAKE_NO: &str = "nee";
/// Intake question without an answer.
pub const INTAKE_OPEN: &str = "open";

/// Status line after the last intake question.
pub fn intake_done(skipped: usize) -> String {
    match skipped {
        0 => "Intake klaar. Alle vragen gelden voor je; nu de checklists.".into(),
        1 => "Intake klaar: 1 vraag geldt niet voor je en wordt overgeslagen. Nu de checklists."
            .into(),
        n => format!(
            "Intake klaar: {n} vragen gelden niet voor je en worden overgeslagen. Nu de checklists."
        ),
    }
}

/// Why an item is left out: the intake question and the answer given.
pub fn excluded_because(cause: &crate::checklist::intake::Cause) -> String {
    let answer = super::fact_label(Some(&cause.answer), cause.label.as_deref());
    format!(
        "Geldt niet voor je: bij de intake antwoordde je \"{answer}\" op \"{}\". Wijzig dat met i.",
        cause.question
    )
}

/// Title of the details form.
pub const DETAILS_TITLE: &str = " Gegevens van de beoordeling ";
/// The last row of a detail pane too short for the whole text.
pub const DETAILS_MORE: &str = "… lees verder met Tab";
/// Title of the action-plan form.
pub const PLAN_TITLE: &str = " Actieplan ";
/// Form field: organisation.
pub const FIELD_ORGANISATION: &str = "Organisatie";
/// Form field: contact person.
pub const FIELD_CONTACT: &str = "Contactpersoon";
/// Form field: the assessor (consultant).
pub const FIELD_ASSESSOR: &str = "Adviseur";
/// Form field: KvK number.
pub const FIELD_KVK: &str = "KvK-nummer";
/// Form field: the business address.
pub const FIELD_ADDRESS: &str = "Adres";
/// Form field: the e-mail address for privacy questions.
pub const FIELD_EMAIL: &str = "E-mail voor privacyvragen";
/// Form field: a telephone number.
pub const FIELD_PHONE: &str = "Telefoon";
/// Form field: how to reach the data protection officer.
pub const FIELD_DPO: &str = "FG (als je die hebt)";
/// Form field: review period.
pub const FIELD_REVIEW_MONTHS: &str = "Controle na (maanden)";
/// Form field: owner of an action.
pub const FIELD_OWNER: &str = "Wie";
/// Form field: due date.
pub const FIELD_DUE: &str = "Uiterlijk (dd-mm-jjjj)";
/// Form field: the agreed action.
pub const FIELD_AGREED_ACTION: &str = "Afgesproken actie";
/// A KvK number that is not 8 digits.
pub const BAD_KVK: &str =
    "Een KvK-nummer heeft 8 cijfers. Laat het veld leeg als je het niet weet.";
/// After a refused value, when the form was closed with Esc.
pub const FORM_ESC_AGAIN: &str = "Esc nog eens: sluiten zonder op te slaan.";
/// A form closed with a refused value.
pub const FORM_NOT_SAVED: &str =
    "Niet opgeslagen: het formulier is gesloten zonder de wijzigingen.";
/// An e-mail address that cannot be one.
pub const BAD_EMAIL: &str =
    "Schrijf een e-mailadres zoals privacy@bakkerij.nl, of laat het veld leeg.";
/// A telephone number that cannot be one.
pub const BAD_PHONE: &str = "Schrijf een telefoonnummer met cijfers, spaties en streepjes, zoals 020 123 45 67, of laat het veld leeg.";
/// A review period that is not a number of months.
pub const BAD_REVIEW_MONTHS: &str =
    "Vul een aantal maanden in tussen 1 en 120, of laat het veld leeg voor 12.";

/// A due date that cannot be read.
pub fn bad_due(typed: &str) -> String {
    format!("\"{typed}\" is geen datum. Schrijf bijvoorbeeld 31-12-2026, of laat het veld leeg.")
}

/// Status line after saving the details.
pub const DETAILS_SAVED: &str = "Gegevens opgeslagen.";
/// Status line after saving an action-plan entry.
pub const PLAN_SAVED: &str = "Actieplan opgeslagen.";
/// Status line after confirming an answer.
pub const ANSWER_CONFIRMED: &str = "Antwoord bevestigd: het klopt nog.";
/// Status line when there is no answer to confirm.
pub const NOTHING_TO_CONFIRM: &str = "Er is nog geen antwoord om te bevestigen.";

/// Flag: the answer is older than the review period.
pub fn review_due_since(date: &str, months: u32) -> String {
    format!(
        "Toe aan controle: beantwoord op {date}, langer dan {months} maanden geleden. Klopt het nog? Druk b om te bevestigen of geef een nieuw antwoord."
    )
}
/// Flag: the question changed after it was answered.
pub const QUESTION_CHANGED_HINT: &str = "Vraag gewijzigd sinds je antwoord. Lees hem opnieuw: druk b als je antwoord nog klopt, of geef een nieuw antwoord.";
/// Flag: the question is new since the last session.
pub const QUESTION_NEW: &str = "Nieuw sinds de vorige sessie.";
/// Status line at start when answers ask for a second look.
pub fn rechecks_waiting(count: usize) -> String {
    if count == 1 {
        "1 antwoord is toe aan controle (↻ of !): druk b als het nog klopt.".into()
    } else {
        format!("{count} antwoorden zijn toe aan controle (↻ of !): druk b als ze nog kloppen.")
    }
}
/// Label of the action plan in the detail pane.
pub const PLAN_LABEL: &str = "Actieplan";
/// "uiterlijk 31-01-2027".
pub fn due_on(date: &str) -> String {
    format!("uiterlijk {date}")
}
/// Short "not applicable" for a checklist left out by the intake.
pub const NOT_APPLICABLE_SHORT: &str = "n.v.t.";

/// One-character flag in item lists: `!` question changed, `↻` due for review, `+` new.
pub fn item_flag(changed: bool, review_due: bool, new: bool) -> &'static str {
    if changed {
        "!"
    } else if review_due {
        "↻"
    } else if new {
        "+"
    } else {
        " "
    }
}
/// Shown above the details form.
pub const DETAILS_ABOUT: &str = "Deze gegevens komen in de rapporten, het register en de privacyverklaring. Alleen de organisatie is nodig.";

/// Header of the start screen.
pub fn start_title(folder: &str) -> String {
    format!("· beoordelingen in {folder}")
}
/// Title of the list on the start screen.
pub const START_LIST_TITLE: &str = " Kies een beoordeling ";
/// Column headings of the start screen.
pub const START_COLUMNS: [&str; 6] = [
    "Naam",
    "Organisatie",
    "Voortgang",
    "Score",
    "Hoog",
    "Laatst bewerkt",
];
/// Shown when there is no assessment yet.
pub const START_EMPTY_HINT: &str =
    "Nog geen beoordelingen. Druk n om te beginnen: je vult eerst de naam van de organisatie in.";
/// A row whose file cannot be read.
pub const START_UNREADABLE: &str = "kan niet gelezen worden; druk Enter voor de reden, Del om het naar de prullenbak te verplaatsen";
/// Title of the new-assessment prompt.
pub const START_NEW_TITLE: &str = " Nieuwe beoordeling ";
/// Title of the rename prompt.
pub const START_RENAME_TITLE: &str = " Naam wijzigen ";
/// Text above the rename prompt.
pub const START_RENAME_ASK: &str =
    "Nieuwe naam (letters, cijfers, - en _; dit is ook de bestandsnaam):";
/// Title of the delete question.
pub const START_DELETE_TITLE: &str = " Naar de prullenbak ";

/// The delete question.
pub fn start_delete_question(name: &str) -> String {
    format!(
        "Beoordeling \"{name}\" naar de map trash/ verplaatsen? Er wordt niets gewist; je kunt het bestand later terugzetten."
    )
}

/// After moving an assessment to the trash.
pub fn moved_to_trash(name: &str, path: &str) -> String {
    format!("\"{name}\" is verplaatst naar {path}")
}

/// After a rename.
pub fn renamed(old: &str, new: &str) -> String {
    format!("\"{old}\" heet nu \"{new}\".")
}

/// Report screen: what changed since the previous session.
pub fn since_counts(new: usize, better: usize, worse: usize, then: u32, now: u32) -> String {
    format!("{new} nieuw, {better} beter, {worse} slechter · score {then}% → {now}%")
}

/// Report screen: answers to check and agreed actions.
pub fn attention_counts(rechecks: usize, planned: usize, overdue: usize) -> String {
    format!(
        "Ter controle: {rechecks} · {}",
        super::plan_counts(planned, overdue)
    )
}

/// Report screen: a checklist the intake rules out.
pub const EXCLUDED_BY_INTAKE: &str = "geldt niet (intake)";
/// Status line when an existing assessment has no intake answers yet.
pub const INTAKE_NOT_DONE: &str = "Tip: de intake is nog niet ingevuld. Druk i, dan vallen de vragen weg die niet voor je gelden.";
/// After a save that found the file changed by another pqs process, and merged.
pub const SAVE_MERGED: &str = "Opgeslagen. Een ander pqs-proces had intussen ook iets gewijzigd; beide wijzigingen zijn bewaard.";
/// Why an assessment is open read-only: another pqs holds it.
pub fn read_only_held(pid: Option<u32>) -> String {
    let by = pid.map(|p| format!(" (proces {p})")).unwrap_or_default();
    format!(
        "Alleen lezen: deze beoordeling is geopend in een ander pqs-venster{by}. Bekijken, het rapport en exporteren kan hier; wijzigen in dat andere venster."
    )
}
/// Why an assessment is open read-only: its folder cannot be written.
pub fn read_only_folder(dir: &str) -> String {
    format!(
        "Alleen lezen: pqs mag niet schrijven in {dir}. Bekijken, het rapport en exporteren (naar een andere map) kan; om te wijzigen is schrijfrecht op die map nodig, of kies een andere met --data-dir."
    )
}
/// A change asked while the assessment is open read-only.
pub const READ_ONLY_REFUSED: &str = "Alleen lezen: hier kan niets worden gewijzigd. Bekijken, het rapport (r) en exporteren (e) kan wel.";
/// The badge in the header while read-only.
pub const READ_ONLY_BADGE: &str = " ALLEEN LEZEN ";
/// Title of the offer to open read-only.
pub const READ_ONLY_TITLE: &str = " Alleen bekijken? ";
/// The question of the offer.
pub const READ_ONLY_ASK: &str = "Wil je de beoordeling bekijken zonder iets te wijzigen?";
/// A yes/no intake question answered with another key.
pub const INTAKE_ANSWER_YES_NO: &str =
    "Beantwoord deze vraag met j (ja) of n (nee); w laat hem open.";
/// A multiple-choice intake question answered with another key.
pub fn intake_answer_choice(choices: usize) -> String {
    format!("Kies een antwoord met een cijfer van 1 tot {choices}; w laat de vraag open.")
}
/// The terminal went away while the questionnaire ran (what was answered was saved).
pub const TERMINAL_GONE: &str = "de terminal is weggevallen; wat je had beantwoord is opgeslagen";
/// Overview mark: the intake rules the item out.
pub const MARK_EXCLUDED: &str = "–";
/// Overview mark: only in the full scan.
pub const MARK_DEEPER: &str = "…";
/// Overview mark: a follow-up its parent's answer leaves out.
pub const MARK_FOLLOW_UP: &str = "↳";
/// Above a follow-up question: the question it follows up.
pub fn follows_up(parent: &str) -> String {
    format!("Vervolg op: {parent}")
}
/// Overview mark: asked in the checklist it lives in.
pub const MARK_SHARED: &str = "↗";
/// Detail pane: an item outside the chosen depth.
pub const ONLY_IN_FULL_SCAN: &str =
    "Deze vraag hoort bij de volledige scan. Kies die met v als je hem ook wilt beantwoorden.";
/// Detail pane: a follow-up its parent's answer leaves out.
pub fn follow_up_left_out(parent: &str, answer: &str) -> String {
    format!(
        "Deze vraag volgt op \"{parent}\". Die beantwoordde je met \"{answer}\", dus deze vraag is nu een stap van die actie."
    )
}
/// An answer key on an item the intake rules out.
pub const ANSWER_EXCLUDED: &str = "Deze vraag geldt niet voor je door de intake, dus je hoeft hem niet te beantwoorden. Wijzig de intake met i.";
/// An answer key on an item outside the depth.
pub const ANSWER_DEEPER: &str = "Deze vraag hoort bij de volledige scan. Kies die eerst met v.";
/// An answer key on a follow-up its parent's answer leaves out.
pub const ANSWER_FOLLOW_UP: &str = "Deze vraag volgt op een vraag die je met nee of weet ik niet beantwoordde. Verander eerst dat antwoord.";
/// After a depth was chosen.
pub fn depth_set(depth: crate::assessment::ScanDepth, one_checklist: bool) -> String {
    use crate::assessment::ScanDepth;
    let which = match depth {
        ScanDepth::Snel => "de snelle scan",
        ScanDepth::Volledig => "de volledige scan",
    };
    let whom = if one_checklist {
        "Deze checklist"
    } else {
        "De beoordeling"
    };
    format!("{whom} gebruikt nu {which}. Er is geen antwoord verloren gegaan.")
}
/// Title of the depth box.
pub const DEPTH_TITLE: &str = " Hoe diep wil je gaan? ";
/// The choices of the depth box: label and explanation.
pub fn depth_option(number: u8, quick: bool, questions: usize, minutes: usize) -> String {
    let what = if quick {
        "Snelle scan: de basisvragen (aanbevolen om mee te beginnen)"
    } else {
        "Volledige scan: ook alle details (wat een adviseur nakijkt)"
    };
    format!(
        "{number}  {what}, {} te gaan, ongeveer {minutes} min.",
        questions_word(questions)
    )
}
/// The choices of the depth box for one checklist.
pub fn depth_option_checklist(number: u8, quick: bool, title: &str) -> String {
    let what = if quick { "snel" } else { "volledig" };
    format!("{number}  Alleen \"{title}\": {what}")
}
/// Under the depth box.
pub const DEPTH_HINT: &str = "Je kunt dit later wijzigen met v; er gaat geen antwoord verloren.";
/// "1 vraag", "12 vragen".
pub fn questions_word(n: usize) -> String {
    super::count(n, "vraag", "vragen")
}
/// Title of the pause between checklists.
pub fn pause_title(checklist: &str) -> String {
    format!(" Klaar: {checklist} ")
}
/// The pause: what is in order and open in the checklist just finished.
pub fn pause_summary(done: usize, open: usize, high: usize) -> String {
    let high = if high > 0 {
        format!(", waarvan {high} met ernst hoog")
    } else {
        String::new()
    };
    format!("In orde: {done}. Nog open: {open}{high}.")
}
/// The pause: what comes next.
pub fn pause_next(checklist: &str, questions: usize) -> String {
    format!("Hierna: {checklist} ({}).", questions_word(questions))
}
/// The pause after the last question.
pub const PAUSE_ALL_DONE: &str =
    "Dit was de laatste vraag. Met Enter zie je het rapport: wat je het eerst doet.";
/// Under a pause.
pub const PAUSE_HINT: &str = "Enter: verder · Esc: blijf hier · r: rapport";
/// Title of the end of the intake.
pub const INTAKE_DONE_TITLE: &str = " Intake klaar ";
/// The end of the intake: what follows.
/// The privacy-law questions are said apart when there are others, as the header counts them.
pub fn intake_done_next(questions: usize, privacy: usize, minutes: usize) -> String {
    let others = questions.saturating_sub(privacy);
    let which = if others > 0 && privacy > 0 {
        format!(" ({privacy} over de privacywet, {others} over andere regels of goede gewoonten)")
    } else {
        String::new()
    };
    format!(
        "Nu volgen {}{which}; dat duurt ongeveer {}. Je kunt altijd stoppen en later verdergaan.",
        questions_word(questions),
        super::count(minutes, "minuut", "minuten")
    )
}
/// Under the end of the intake.
pub const INTAKE_DONE_HINT: &str = "Enter: naar de eerste vraag · Esc: terug naar de intake";
/// Title of the glossary.
pub const GLOSSARY_TITLE: &str = " Begrippen ";
/// The glossary when there are no terms.
pub const GLOSSARY_EMPTY: &str = "Er zijn nog geen begrippen.";
/// Under the glossary.
pub const GLOSSARY_HINT: &str = "Esc sluiten";
/// Added to a box's hint when its text does not fit.
pub const SCROLL_MORE: &str = "↑ ↓ meer";
/// Under numbered choices.
pub fn choose_hint(options: usize) -> String {
    format!("1-{options} kiezen · Esc annuleren")
}
/// The three answers that differ, explained (shown at the first questions and in help).
pub const ANSWER_MEANINGS: &str = "nee: het is er niet · weet ik niet: dat zoek je nog uit (telt als open) · niet van toepassing: de vraag past niet bij je bedrijf";

/// Esc on the overview: it never ends the program.
pub const HOW_TO_QUIT: &str = "Stoppen doe je met q. Je antwoorden zijn al bewaard.";
/// Title of the question before quitting half-way a checklist.
pub const QUIT_TITLE: &str = " Stoppen? ";
/// The question before quitting half-way a checklist.
pub fn quit_mid_checklist(checklist: &str) -> String {
    format!(
        "Je bent halverwege {checklist}. Je antwoorden zijn bewaard; volgende keer ga je hier verder.\n\nNu stoppen?"
    )
}
/// "Beveiliging (4 van 9)".
pub fn checklist_progress(title: &str, answered: usize, total: usize) -> String {
    format!("{title} ({answered} van {total})")
}

/// Status line after a change on the plan screen.
pub fn plan_changed(task: &str, done: bool) -> String {
    if done {
        format!("Opgeslagen: afgerond-markering van \u{201e}{task}\u{201d} gewijzigd.")
    } else {
        format!("Opgeslagen: nieuwe plaats van \u{201e}{task}\u{201d} in het plan.")
    }
}
/// Title of the plan screen.
pub const PLAN_SCREEN: &str = " Het plan: taken en afspraken ";
/// Column headings of the plan screen.
pub const PLAN_SCREEN_HEADERS: [&str; 4] = ["Taak", "Wie", "Uiterlijk", "Status"];
/// Status of an open task on the plan screen.
pub const TASK_OPEN: &str = "open";
