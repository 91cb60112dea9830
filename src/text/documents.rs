//! Strings of the documents: the processing register, the processors and the breach register.

/// Field: the activity's name.
pub const FIELD_ACTIVITY: &str = "Verwerking";
/// Field: purpose (art. 30 lid 1 sub b).
pub const FIELD_PURPOSE: &str = "Doel";
/// Field: legal basis (art. 6 lid 1).
pub const FIELD_BASIS: &str = "Grondslag";
/// Field: the legitimate interest.
pub const FIELD_INTEREST: &str = "Gerechtvaardigd belang";
/// Field: categories of people.
pub const FIELD_PEOPLE: &str = "Van wie";
/// Field: categories of data.
pub const FIELD_DATA: &str = "Welke gegevens";
/// Field: recipients.
pub const FIELD_RECIPIENTS: &str = "Ontvangers";
/// Field: transfers outside the EEA.
pub const FIELD_TRANSFERS: &str = "Buiten de EER";
/// Field: retention.
pub const FIELD_RETENTION: &str = "Bewaartermijn";
/// Field: security measures.
pub const FIELD_SECURITY: &str = "Beveiliging";
/// Field: the processor's name.
pub const FIELD_PROCESSOR: &str = "Verwerker";
/// Field: where a processor processes the data.
pub const FIELD_LOCATION: &str = "Waar";
/// Field: what happened (a breach).
pub const FIELD_WHAT_HAPPENED: &str = "Wat er gebeurde";
/// Field: which data a breach concerns.
pub const FIELD_BREACH_DATA: &str = "Welke gegevens";
/// Field: how many people.
pub const FIELD_BREACH_PEOPLE: &str = "Hoeveel mensen";
/// Field: likely consequences.
pub const FIELD_CONSEQUENCES: &str = "Gevolgen";
/// Field: measures taken.
pub const FIELD_MEASURES: &str = "Maatregelen";
/// Field: the decision about reporting to the AP.
pub const FIELD_REPORTED: &str = "Gemeld bij de AP (of waarom niet)";
/// Field: why a report came after 72 hours.
pub const FIELD_LATE_BECAUSE: &str = "Waarom later dan 72 uur";
/// Field: the decision about informing the people.
pub const FIELD_INFORMED: &str = "Betrokkenen geïnformeerd (of waarom niet)";
/// Field: a drill's evaluation.
pub const FIELD_EVALUATION: &str = "Evaluatie";
/// A report or notice dated before the breach was found.
pub const BREACH_BEFORE_FOUND: &str =
    "een melding kan niet eerder zijn dan het moment waarop het lek werd ontdekt";
/// Both a report date and a reason not to report.
pub const BREACH_REPORTED_AND_NOT: &str =
    "een lek is gemeld of niet gemeld: geef een meldmoment of een reden, niet allebei";
/// Both a notice date and a reason not to inform.
pub const BREACH_INFORMED_AND_NOT: &str =
    "de betrokkenen zijn geïnformeerd of niet: geef een moment of een reden, niet allebei";
/// Field: special categories of data.
pub const FIELD_SPECIAL: &str = "Bijzondere gegevens";
/// Field: criminal data.
pub const FIELD_CRIMINAL: &str = "Strafrechtelijke gegevens";
/// Field: the service a processor gives.
pub const FIELD_SERVICE: &str = "Dienst";
/// Field: the safeguard outside the EEA.
pub const FIELD_SAFEGUARD: &str = "Waarborg";
/// Field: the processor agreement's date.
pub const FIELD_AGREEMENT: &str = "Verwerkersovereenkomst";
/// Field: last checked.
pub const FIELD_CHECKED: &str = "Laatst nagekeken";
/// Field: when a breach was found.
pub const FIELD_FOUND: &str = "Ontdekt";
/// Field: the 72-hour clock.
pub const FIELD_CLOCK: &str = "Melden bij de AP";
/// A drill step done, named in an error (`pqs datalek edit --done`).
pub const FIELD_DONE_STEP: &str = "Stap van de oefening";
/// `--done` on a real incident.
pub const DONE_ONLY_IN_A_DRILL: &str = "stappen afvinken kan alleen bij een oefening; leg bij een echt datalek vast wat je deed met --measures";
/// Label: where a breach stands (the register's column: an incident's clock, a drill's steps).
pub const FIELD_STATE: &str = "Stand";
/// `pqs datalek show` of a drill: a step of the drill, done or not.
pub fn drill_script_line(n: usize, title: &str, done: Option<String>) -> String {
    match done {
        Some(done) => format!(
            "  ✓ {n}. {title}
      {done}
"
        ),
        None => format!(
            "    {n}. {title}
"
        ),
    }
}
/// Field: reported at.
pub const FIELD_REPORTED_AT: &str = "Gemeld op";
/// Field: not reported because.
pub const FIELD_NOT_REPORTED: &str = "Niet gemeld, omdat";
/// Field: informed at.
pub const FIELD_INFORMED_AT: &str = "Betrokkenen geïnformeerd op";
/// Field: not informed because.
pub const FIELD_NOT_INFORMED: &str = "Niet geïnformeerd, omdat";
/// Field: a drill's step.
pub const FIELD_STEP: &str = "Stap";
/// Label of a record's id.
pub const ID_LABEL: &str = "Id";
/// A record kind in messages.
pub const WHAT_ACTIVITY: &str = "verwerking";
/// A record kind in messages.
pub const WHAT_PROCESSOR: &str = "verwerker";
/// A record kind in messages.
pub const WHAT_BREACH: &str = "datalek";
/// A drill, in messages.
pub const WHAT_DRILL: &str = "oefening";
/// A record kind in messages.
pub const WHAT_SUGGESTION: &str = "voorstel";

/// The label of a legal basis, with its article.
pub fn basis_label(basis: crate::documents::LegalBasis) -> &'static str {
    use crate::documents::LegalBasis as B;
    match basis {
        B::Toestemming => "toestemming (art. 6 lid 1 sub a AVG)",
        B::Overeenkomst => "nodig voor een overeenkomst (art. 6 lid 1 sub b AVG)",
        B::WettelijkePlicht => "wettelijke plicht (art. 6 lid 1 sub c AVG)",
        B::VitaalBelang => "vitaal belang (art. 6 lid 1 sub d AVG)",
        B::AlgemeenBelang => "taak van algemeen belang (art. 6 lid 1 sub e AVG)",
        B::GerechtvaardigdBelang => "gerechtvaardigd belang (art. 6 lid 1 sub f AVG)",
    }
}

/// Where a processor processes the data.
pub fn location_label(location: crate::documents::Location) -> &'static str {
    match location {
        crate::documents::Location::Eer => "in de EER",
        crate::documents::Location::BuitenEer => "buiten de EER",
    }
}

/// What a processor still lacks, in words.
pub fn processor_missing(missing: crate::documents::processors::Missing) -> &'static str {
    use crate::documents::processors::Missing as M;
    match missing {
        M::Agreement => "getekende verwerkersovereenkomst",
        M::Location => "waar de gegevens zijn (EER of niet)",
        M::Safeguard => "waarborg voor buiten de EER",
        M::Description => "dienst en gegevens",
    }
}

/// What is still missing in a record, or that it is complete.
pub fn missing_fields(missing: &[&str]) -> String {
    if missing.is_empty() {
        "Compleet.".into()
    } else {
        format!("Nog in te vullen: {}.", missing.join(", "))
    }
}

/// After adding a record.
pub fn record_added(what: &str, name: &str, id: &str, missing: &str) -> String {
    format!(
        "{} \u{201e}{}\u{201d} toegevoegd (id {id}). {missing}\n",
        capitalised(what),
        crate::sanitize::line(name)
    )
}

/// After changing a record.
pub fn record_saved(what: &str, name: &str, missing: &str) -> String {
    format!(
        "{} \u{201e}{}\u{201d} opgeslagen. {missing}\n",
        capitalised(what),
        crate::sanitize::line(name)
    )
}

/// After removing a record.
pub fn record_removed(what: &str, name: &str) -> String {
    format!(
        "{} \u{201e}{}\u{201d} verwijderd; het bestand bewaart dat het er was, met de datum.\n",
        capitalised(what),
        crate::sanitize::line(name)
    )
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Rows of a record list: id, name, what is missing; then the suggestions from the intake.
fn record_list(
    empty: &str,
    rows: &[(String, String, String)],
    offered: &[(String, String)],
    add_command: &str,
) -> String {
    let mut out = String::new();
    if rows.is_empty() {
        out.push_str(empty);
        out.push('\n');
    }
    let width = rows
        .iter()
        .map(|(id, ..)| id.chars().count())
        .max()
        .unwrap_or(0);
    for (id, name, missing) in rows {
        out.push_str(&format!(
            "{}{}  {} · {missing}\n",
            crate::sanitize::line(id),
            " ".repeat(width - id.chars().count()),
            crate::sanitize::line(name)
        ));
    }
    if !offered.is_empty() {
        out.push_str(&format!(
            "\nVoorstellen uit de intake (voeg toe met {add_command} --from ID, en kijk daarna alles na):\n"
        ));
        let width = offered
            .iter()
            .map(|(id, _)| id.chars().count())
            .max()
            .unwrap_or(0);
        for (id, name) in offered {
            out.push_str(&format!(
                "  {id}{}  {name}\n",
                " ".repeat(width - id.chars().count())
            ));
        }
    }
    out
}

/// `pqs register` without arguments.
pub fn register_list(rows: &[(String, String, String)], offered: &[(String, String)]) -> String {
    record_list(
        "Het verwerkingsregister is nog leeg.",
        rows,
        offered,
        "pqs register add",
    )
}

/// `pqs verwerkers` without arguments.
pub fn processor_list(rows: &[(String, String, String)], offered: &[(String, String)]) -> String {
    record_list(
        "Er staan nog geen verwerkers op de lijst.",
        rows,
        offered,
        "pqs verwerkers add",
    )
}

/// Hours in words, rounded down: "47 uur", "1 uur".
fn hours(duration: jiff::SignedDuration) -> String {
    let h = duration.as_secs() / 3600;
    format!("{h} uur")
}

/// The 72-hour clock in one line, in local time.
pub fn deadline_line(deadline: &crate::documents::Deadline, tz: &jiff::tz::TimeZone) -> String {
    use crate::documents::Deadline as D;
    match deadline {
        D::Running(at, left) => format!(
            "uiterlijk {} (nog {})",
            super::date_time_long(*at, tz),
            hours(*left)
        ),
        D::Passed(at, ago) => format!(
            "de termijn van 72 uur liep af op {} ({} geleden): meld zo snel mogelijk, met de reden van de vertraging",
            super::date_time_long(*at, tz),
            hours(*ago)
        ),
        D::Reported(at, true) => format!(
            "gemeld op {}, binnen 72 uur",
            super::date_time_long(*at, tz)
        ),
        D::Reported(at, false) => {
            format!("gemeld op {}, na de 72 uur", super::date_time_long(*at, tz))
        }
        D::NotReportable => "niet gemeld, met reden".into(),
    }
}

/// After adding a breach.
pub fn breach_added(id: &str, drill: bool) -> String {
    if drill {
        format!("Oefening vastgelegd (id {id}): ")
    } else {
        format!("Datalek vastgelegd (id {id}). Melden bij de AP: ")
    }
}

/// A drill's step.
pub fn drill_step(at: &str, who: &str, what: &str) -> String {
    if who.is_empty() {
        format!("  {at}  {what}\n")
    } else {
        format!("  {at}  {who}: {what}\n")
    }
}

/// Where a breach stands in one line: an incident's 72-hour clock, a drill's steps.
pub fn breach_state(
    b: &crate::documents::Breach,
    now: jiff::Timestamp,
    tz: &jiff::tz::TimeZone,
) -> String {
    if b.drill {
        let (done, total) = crate::documents::drill::Script::bundled().done_of(b);
        drill_progress(done, total, !b.evaluation.trim().is_empty())
    } else {
        deadline_line(&b.clock(now), tz)
    }
}

/// `pqs datalek` without arguments: incidents with their clocks, then drills.
pub fn breach_list(
    docs: &crate::documents::Documents,
    tz: &jiff::tz::TimeZone,
    now: jiff::Timestamp,
) -> String {
    let mut out = String::new();
    let line = |b: &crate::documents::Breach| {
        format!(
            "{}  {} · ontdekt {} · {}\n",
            b.id,
            crate::sanitize::line(&b.what),
            super::date_time_long(b.found, tz),
            breach_state(b, now, tz)
        )
    };
    if docs.incidents().next().is_none() {
        out.push_str("Er staan geen datalekken in het register.\n");
    }
    for b in docs.incidents() {
        out.push_str(&line(b));
    }
    let drills: Vec<_> = docs.drills().collect();
    if !drills.is_empty() {
        out.push_str("\nOefeningen:\n");
        for b in drills {
            out.push_str(&line(b));
        }
    }
    out.push_str("\nLeg een nieuw datalek vast met pqs datalek add --what TEKST (de klok van 72 uur loopt vanaf --found, standaard nu).\n");
    out
}

/// A document gap as one line of a task in the plan.
pub fn doc_gap_line(gap: &crate::documents::DocGap, tz: &jiff::tz::TimeZone) -> String {
    use crate::documents::DocGap as G;
    let name = |n: &str| format!("\u{201e}{}\u{201d}", crate::sanitize::line(n));
    match gap {
        G::RegisterEmpty(0) => {
            "Register: nog leeg. Zet er je verwerkingen in (pqs register add).".into()
        }
        G::RegisterEmpty(n) => format!(
            "Register: nog leeg. De intake stelt {n} verwerkingen voor om mee te beginnen (pqs register)."
        ),
        G::ActivityIncomplete(activities, fields) => {
            let fields: Vec<String> = fields.iter().map(|f| lower_first(f.label())).collect();
            let names: Vec<String> = activities.iter().map(|a| name(a)).collect();
            format!(
                "Register: bij {} ontbreekt nog: {}.",
                and_list(&names),
                fields.join(", ")
            )
        }
        G::NoAgreement(processor) => format!(
            "Verwerkers: nog geen getekende verwerkersovereenkomst met {}.",
            name(processor)
        ),
        G::ProcessorIncomplete(processor, missing) => {
            let missing: Vec<&str> = missing.iter().map(|m| processor_missing(*m)).collect();
            format!(
                "Verwerkers: bij {} ontbreekt nog: {}.",
                name(processor),
                missing.join(", ")
            )
        }
        G::Clock(id, deadline) => format!(
            "Datalek {}: melden bij de AP {}.",
            crate::sanitize::line(id),
            deadline_line(deadline, tz)
        ),
        G::BreachIncomplete(id, fields) => {
            let fields: Vec<String> = fields.iter().map(|f| lower_first(f)).collect();
            format!(
                "Datalekregister: bij {} ontbreekt nog: {}.",
                crate::sanitize::line(id),
                fields.join(", ")
            )
        }
    }
}

/// In the TUI header while a breach waits for the decision to report: the most urgent one.
pub fn header_clock(deadline: &crate::documents::Deadline) -> Option<String> {
    use crate::documents::Deadline as D;
    match deadline {
        D::Running(_, left) => Some(format!("Datalek: nog {} ", hours(*left))),
        D::Passed(..) => Some("Datalek: 72 uur voorbij ".into()),
        _ => None,
    }
}

/// Above an item whose task keeps a document: what pqs holds of it ("Je verwerkingsregister in
/// pqs: 3 verwerkingen, alle velden ingevuld.").
pub fn document_in_pqs(label: &str, status: &str) -> String {
    format!("Je {} in pqs: {status}", label.to_lowercase())
}

/// Heading of the documents section in the reports.
pub const DOCUMENTS_HEADING: &str = "Documenten";
/// Labels of the documents in the reports, in the order of `DocumentKind::ALL`.
pub const DOCUMENT_LABELS: [&str; 3] = ["Verwerkingsregister", "Verwerkers", "Datalekregister"];

/// The state of each document in one line, for the reports: complete or not, and what is
/// missing. Empty when nothing was ever recorded.
pub fn documents_status(
    docs: &crate::documents::Documents,
    now: jiff::Timestamp,
) -> Vec<(&'static str, String)> {
    use crate::documents::Deadline;
    if docs.is_empty() {
        return Vec::new();
    }
    let quoted = |n: &str| format!("\u{201e}{}\u{201d}", crate::sanitize::line(n));
    let [register, processors, breaches] = DOCUMENT_LABELS;
    let activities: Vec<_> = docs.activities().collect();
    let register_line = if activities.is_empty() {
        "nog niets vastgelegd.".to_owned()
    } else {
        // Grouped as in the plan: activities that lack the same fields share one clause.
        let mut complete = activities.len();
        let incomplete: Vec<String> = docs
            .gaps(crate::documents::DocumentKind::Register, now, 0)
            .into_iter()
            .filter_map(|g| match g {
                crate::documents::DocGap::ActivityIncomplete(names, fields) => {
                    complete -= names.len();
                    let fields: Vec<String> =
                        fields.iter().map(|f| lower_first(f.label())).collect();
                    let verb = if names.len() == 1 { "mist" } else { "missen" };
                    let names: Vec<String> = names.iter().map(|n| quoted(n)).collect();
                    Some(format!("{} {verb} {}", and_list(&names), fields.join(", ")))
                }
                _ => None,
            })
            .collect();
        let count = super::count(activities.len(), "verwerking", "verwerkingen");
        if incomplete.is_empty() {
            format!("{count}, alle velden ingevuld.")
        } else {
            format!("{count}, {complete} compleet; {}.", incomplete.join("; "))
        }
    };
    let listed: Vec<_> = docs.processors().collect();
    let processor_line = if listed.is_empty() {
        "nog niets vastgelegd.".to_owned()
    } else {
        let unsigned: Vec<String> = listed
            .iter()
            .filter(|p| p.agreement.is_none())
            .map(|p| quoted(&p.name))
            .collect();
        let count = super::count(listed.len(), "verwerker", "verwerkers");
        if unsigned.is_empty() {
            format!("{count}, met elk een getekende verwerkersovereenkomst.")
        } else {
            format!(
                "{count}; nog zonder getekende verwerkersovereenkomst: {}.",
                unsigned.join(", ")
            )
        }
    };
    let incidents: Vec<_> = docs.incidents().collect();
    let (mut reported, mut not, mut open) = (0, 0, 0);
    for b in &incidents {
        match b.clock(now) {
            Deadline::Reported(..) => reported += 1,
            Deadline::NotReportable => not += 1,
            Deadline::Running(..) | Deadline::Passed(..) => open += 1,
        }
    }
    let mut breach_line = if incidents.is_empty() {
        "geen datalekken".to_owned()
    } else {
        format!(
            "{} ({reported} gemeld bij de AP, {not} niet gemeld met reden, {open} wacht op een besluit)",
            super::count(incidents.len(), "datalek", "datalekken")
        )
    };
    let drills = docs.drills().count();
    if drills > 0 {
        breach_line.push_str(&format!(
            ", {}",
            super::count(drills, "oefening", "oefeningen")
        ));
    }
    breach_line.push('.');
    vec![
        (register, register_line),
        (processors, processor_line),
        (breaches, breach_line),
    ]
}

/// A label inside a sentence: its first letter lower case ("Buiten de EER" → "buiten de EER").
pub fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}
/// Column: what a record still lacks.
pub const FIELD_MISSING: &str = "Nog in te vullen";
/// Column: when a record last changed.
pub const FIELD_UPDATED: &str = "Laatst gewijzigd";
/// Column: incident or drill.
pub const FIELD_KIND: &str = "Soort";
/// Column: a drill's steps.
pub const FIELD_STEPS: &str = "Stappen";
/// The controller at the top of the register (art. 30 lid 1 sub a AVG).
pub const FIELD_CONTROLLER: &str = "Verwerkingsverantwoordelijke";
/// An incident or a drill.
pub fn breach_kind(drill: bool) -> &'static str {
    if drill { "oefening" } else { "datalek" }
}
/// The line under a document's title.
pub const RECORDS_ABOUT: &str = "Bijgehouden met Privacy Quick Scan. Kijk na of alles klopt en werk het bij als er iets verandert.";
/// `-o` without a document format.
pub const OUTPUT_NEEDS_FORMAT: &str =
    "kies bij -o het formaat van het document: --format csv, markdown of html";
/// A document without records.
pub const RECORDS_EMPTY: &str = "Er staat nog niets in.";

/// An element of art. 13 or 14 AVG in words: `art. 13 lid 1 sub a AVG`.
pub fn statement_reference(article: &str, paragraph: &str, letter: &str) -> String {
    format!("art. {article} lid {paragraph} sub {letter} AVG")
}

/// What a placeholder in the draft privacy statement says before what is missing: `[VUL IN: …]`.
pub const STATEMENT_FILL: &str = "VUL IN";

/// A placeholder of the draft privacy statement as shown: `[VUL IN: bewaartermijn voor X]`.
pub fn statement_fill(missing: &str) -> String {
    format!("[{STATEMENT_FILL}: {missing}]")
}

/// Above the draft privacy statement's heading.
pub const STATEMENT_EYEBROW: &str = "Concept";
/// Above the activity form: how to type the fields that are not free text.
pub const ACTIVITY_FORM_ABOUT: &str = "Grondslag: toestemming, overeenkomst, wettelijke-plicht, vitaal-belang, algemeen-belang of gerechtvaardigd-belang.";
/// Above the processor form.
pub const PROCESSOR_FORM_ABOUT: &str =
    "Waar: eer of buiten-eer (dan ook de waarborg). Datums als dd-mm-jjjj; leeg is nog niet.";
/// Form field of a drill: a step to add.
pub const FIELD_STEP_NEW: &str = "Nieuwe stap (Naam: wat)";
/// Above the breach form.
pub const BREACH_FORM_ABOUT: &str = "Momenten als jjjj-mm-dd uu:mm, of nu. De termijn van 72 uur om te melden bij de AP loopt vanaf Ontdekt.";
/// Title of the activity form.
pub const ACTIVITY_FORM_TITLE: &str = " Verwerking ";
/// Title of the processor form.
pub const PROCESSOR_FORM_TITLE: &str = " Verwerker ";
/// Title of the breach form.
pub const BREACH_FORM_TITLE: &str = " Datalek ";
/// Title of the drill form.
pub const DRILL_FORM_TITLE: &str = " Oefening datalek ";
/// Status line after a suggestion was added from the documents screen.
pub const SUGGESTION_ADDED: &str =
    "Voorstel toegevoegd. Kijk elk veld na en vul aan wat ontbreekt; Enter slaat op.";
/// Status line after a document form was saved.
pub fn document_saved(name: &str) -> String {
    format!(
        "Opgeslagen: \u{201e}{}\u{201d}.",
        crate::sanitize::line(name)
    )
}
/// Title of the documents screen.
pub const DOCUMENTS_SCREEN: &str = " Documenten: register, verwerkers en datalekken ";
/// A complete record on the documents screen.
pub const DOC_COMPLETE: &str = "compleet";
/// A record with fields missing.
pub fn doc_row_missing(missing: &str) -> String {
    format!("nog in te vullen: {missing}")
}
/// A suggestion from the intake on the documents screen.
pub fn doc_row_suggested(name: &str) -> String {
    format!("+ voorstel: {name}")
}
/// The row that starts a drill.
pub const DOC_NEW_DRILL: &str = "+ oefening: een datalek naspelen met de klok van 72 uur";
/// Below the list: a heading of the register.
pub const DOC_ABOUT_REGISTER: &str = "Het verwerkingsregister (art. 30 AVG): per verwerking het doel, de grondslag, van wie, welke gegevens, ontvangers, buiten de EER, bewaartermijn en beveiliging. Enter: een nieuwe verwerking.";
/// Below the list: a heading of the processors.
pub const DOC_ABOUT_PROCESSORS: &str = "Verwerkers (art. 28 AVG): bedrijven die gegevens voor je verwerken. Met elk sluit je een verwerkersovereenkomst. Enter: een nieuwe verwerker.";
/// Below the list: a heading of the breach register.
pub const DOC_ABOUT_BREACHES: &str = "Het datalekregister (art. 33 AVG): elk datalek blijft erin, ook als je het niet hoefde te melden. Enter: een datalek vastleggen; de termijn van 72 uur loopt vanaf het moment van ontdekken.";
/// Below the list: a suggestion.
pub const DOC_ABOUT_SUGGESTED: &str = "Een voorstel uit je intake, met standaardteksten. Enter voegt het toe en opent het: kijk alles na en vul aan wat ontbreekt.";
/// The documents screen's last row: the draft privacy statement.
pub const DOC_STATEMENT: &str = "Privacyverklaring (concept)";
/// Below the list: the draft privacy statement.
pub const DOC_ABOUT_STATEMENT: &str = "Een concept van je privacyverklaring, gemaakt uit je gegevens (g), het register, de verwerkers en de intake. Enter (of e): schrijf het als HTML, met de rapporten en deze documenten, naar een map. Lees het na voordat je het publiceert.";
/// Below the list: a drill.
pub const DOC_ABOUT_DRILL: &str = "Een oefening staat apart van echte datalekken. Enter: begin een oefening; leg daarna in de evaluatie vast wat goed ging en wat beter kan.";
/// Below the list: a record.
pub const DOC_ABOUT_RECORD: &str =
    "Enter: bekijken en wijzigen. Een leeg veld is nog niet ingevuld.";

/// A field's value in a comparison: quoted and cut to a few words, a moment in local time,
/// "leeg" when it was not filled in.
fn change_value(value: &str, tz: &jiff::tz::TimeZone) -> String {
    const MAX: usize = 40;
    if value.trim().is_empty() {
        return "leeg".to_owned();
    }
    let value = match value.parse::<jiff::Timestamp>() {
        Ok(at) => super::date_time_long(at, tz),
        Err(_) => crate::sanitize::line(value),
    };
    let cut: String = value.chars().take(MAX).collect();
    let cut = if cut.len() < value.len() {
        format!("{}…", cut.trim_end())
    } else {
        cut
    };
    format!("\u{201e}{cut}\u{201d}")
}

/// `pqs register show` and the others: the earlier values of a record, newest change first, or
/// nothing when it never changed.
pub fn record_history(
    changes: &[(jiff::Timestamp, Vec<(&'static str, String)>)],
    tz: &jiff::tz::TimeZone,
) -> String {
    if changes.is_empty() {
        return String::new();
    }
    let mut out = "Eerdere waarden:\n".to_owned();
    for (at, fields) in changes {
        let was: Vec<String> = fields
            .iter()
            .map(|(label, old)| format!("{} was {}", lower_first(label), change_value(old, tz)))
            .collect();
        out.push_str(&format!(
            "  {}: {}\n",
            super::date_time_long(*at, tz),
            was.join("; ")
        ));
    }
    out
}

/// What changed in one record's fields: "bewaartermijn „1 jaar” → „2 jaar”, doel leeg → „…”".
fn field_changes(
    fields: &[crate::documents::history::FieldChange],
    tz: &jiff::tz::TimeZone,
) -> String {
    fields
        .iter()
        .map(|f| {
            format!(
                "{} {} \u{2192} {}",
                lower_first(f.label),
                change_value(&f.old, tz),
                change_value(&f.new, tz)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// In the comparison: what changed in the documents since the moment, or `None`. A changed
/// record says which fields changed, from what to what.
pub fn document_changes(
    changes: &[crate::documents::Change],
    tz: &jiff::tz::TimeZone,
) -> Option<String> {
    use crate::documents::{Kind, What};
    if changes.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    for (what, label) in [
        (What::Added, "toegevoegd"),
        (What::Changed, "gewijzigd"),
        (What::Removed, "verwijderd"),
    ] {
        let names: Vec<String> = changes
            .iter()
            .filter(|c| c.what == what)
            .map(|c| {
                let kind = match c.kind {
                    Kind::Activity => "register",
                    Kind::Processor => "verwerkers",
                    Kind::Breach => "datalekken",
                    Kind::Drill => "oefening",
                };
                if c.fields.is_empty() {
                    format!(
                        "\u{201e}{}\u{201d} ({kind})",
                        crate::sanitize::line(&c.name)
                    )
                } else {
                    format!(
                        "\u{201e}{}\u{201d} ({kind}: {})",
                        crate::sanitize::line(&c.name),
                        field_changes(&c.fields, tz)
                    )
                }
            })
            .collect();
        if !names.is_empty() {
            parts.push(format!("{label}: {}", names.join(", ")));
        }
    }
    Some(format!("In de documenten {}.", parts.join("; ")))
}

/// Title of the question before removing a record.
pub const REMOVE_TITLE: &str = " Verwijderen? ";
/// The question before removing a record.
pub fn remove_question(name: &str) -> String {
    format!(
        "\u{201e}{name}\u{201d} uit de lijst halen? Het bestand bewaart dat het er was, met de datum."
    )
}
/// `x` on a breach: it stays.
pub const BREACH_STAYS: &str = "Een datalek blijft in het register, ook als je het niet hoefde te melden (art. 33 lid 5 AVG). Alleen een oefening kan weg.";
/// `pqs datalek remove` of a real incident.
pub const BREACH_STAYS_CLI: &str = "een echt datalek blijft in het register, ook als je het niet hoefde te melden (art. 33 lid 5 AVG); alleen een oefening kan weg";

/// "A", "A en B", "A, B en C".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} en {last}", rest.join(", ")),
    }
}

// ---- The drill screen (issue 12) ----

/// Form field: what was done in a drill step.
pub const FIELD_STEP_DONE: &str = "Wat is er gedaan";
/// Title of the form for a drill step done.
pub const DRILL_STEP_TITLE: &str = " Stap gedaan ";
/// Above a drill's steps: the scenario.
pub const DRILL_SCENARIO: &str = "Scenario";
/// Below a step not done yet.
pub const DRILL_STEP_TODO: &str =
    "Enter: stap gedaan. pqs noteert de tijd; jij vult in wie het deed en wat er gebeurde.";
/// Below the evaluation.
pub const DRILL_EVALUATION_TODO: &str =
    "Enter: vul de evaluatie in, en zo nodig de andere velden van de oefening.";
/// The evaluation filled in.
pub const DRILL_EVALUATION_DONE: &str = "Evaluatie ingevuld. Enter: bekijken of wijzigen.";

/// The drill screen's title, with how long the drill runs (or took, once it is evaluated).
pub fn drill_title(id: &str, elapsed: jiff::SignedDuration, ended: bool) -> String {
    let verb = if ended { "klaar na" } else { "loopt" };
    format!(" Oefening datalek {id} · {verb} {} ", minutes(elapsed))
}

/// A length of time in whole minutes: "12 min", "1 uur 5 min", "3 uur".
pub fn minutes(duration: jiff::SignedDuration) -> String {
    let total = duration.as_secs().max(0) / 60;
    let (h, m) = (total / 60, total % 60);
    match (h, m) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} uur"),
        (h, m) => format!("{h} uur {m} min"),
    }
}

/// The deadline a real breach found at the drill's start would have.
pub fn drill_clock(deadline: &crate::documents::Deadline, tz: &jiff::tz::TimeZone) -> String {
    format!("Echte meldtermijn: {}", deadline_line(deadline, tz))
}

/// A drill step done, after its title: how long after the start.
pub fn drill_step_after(after: jiff::SignedDuration) -> String {
    format!("na {}", minutes(after))
}

/// Where a drill stands: steps done of all, and whether the evaluation is written.
pub fn drill_progress(done: usize, total: usize, evaluated: bool) -> String {
    match (done == total, evaluated) {
        (_, true) => format!("{done} van {total} stappen, evaluatie geschreven"),
        (true, false) => format!("alle {total} stappen gedaan, nog de evaluatie"),
        (false, false) => format!("{done} van {total} stappen gedaan"),
    }
}

/// Below a step done: when, who and what.
pub fn drill_step_record(at: &str, who: &str, what: &str) -> String {
    if who.is_empty() {
        format!("Gedaan op {at}: {what}")
    } else {
        format!("Gedaan op {at} door {who}: {what}")
    }
}

/// Below a step: why it matters, from the checklist question it practises.
pub fn drill_why(explanation: &str, reference: &str) -> String {
    format!("Waarom: {explanation} ({reference})")
}
