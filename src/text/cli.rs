//! Strings of the commands `list`, `export`, `import`, `intake`, `plan` and `details`.

// ---- pqs list ----

/// Column headings of `pqs list`.
pub const LIST_HEADERS: [&str; 6] = [
    "Naam",
    "Organisatie",
    "Voortgang",
    "Score",
    "Open hoog",
    "Laatst bewerkt",
];
/// Shown in a column that has no value (no organisation name, no contact, …).
pub const NOT_FILLED: &str = "–";
/// `pqs list` in a data folder without assessments.
pub fn no_assessments(dir: &str) -> String {
    format!("Nog geen beoordelingen in {dir}. Begin met: pqs -a NAAM\n")
}
/// The row of an assessment that could not be read, after its name.
pub fn unreadable_row(error: &str) -> String {
    format!("onleesbaar: {error}")
}

// ---- pqs export / import ----

/// `pqs export` done.
pub fn assessment_exported(name: &str, path: &str, checklists: usize) -> String {
    match checklists {
        0 => format!("Beoordeling \"{name}\" geëxporteerd naar {path}\n"),
        1 => format!(
            "Beoordeling \"{name}\" geëxporteerd naar {path} (met 1 eigen checklistbestand)\n"
        ),
        n => format!(
            "Beoordeling \"{name}\" geëxporteerd naar {path} (met {n} eigen checklistbestanden)\n"
        ),
    }
}
/// `pqs import` done.
pub fn imported(name: &str, path: &str) -> String {
    format!("Beoordeling \"{name}\" geïmporteerd: {path}\n")
}
/// Where the replaced assessment was kept.
pub fn import_backup(path: &str) -> String {
    format!("De vorige versie is bewaard in {path}\n")
}
/// A carried checklist written to the user folder.
pub fn checklist_added(file: &str, dir: &str) -> String {
    format!("Checklist {file} toegevoegd aan {dir}\n")
}
/// A carried checklist that was already there, identical.
pub fn checklist_same(file: &str) -> String {
    format!("Checklist {file} was al aanwezig (gelijk)\n")
}
/// Said before `import --force` writes: a checklist in use is replaced, and which assessments lose
/// how many answers' questions by it.
pub fn checklist_in_use_replaced(
    id: &str,
    title: &str,
    bundled: bool,
    orphans: &[(String, usize)],
) -> String {
    let which = if bundled { "meegeleverde" } else { "eigen" };
    let mut out = format!(
        "Let op: de {which} checklist \"{id}\" ({title}) wordt vervangen door de versie uit het exportbestand.\n"
    );
    if orphans.is_empty() {
        out.push_str("Geen enkel antwoord verliest daardoor zijn vraag.\n");
    } else {
        let list: Vec<String> = orphans
            .iter()
            .map(|(name, n)| {
                format!(
                    "{name}: {n} {}",
                    if *n == 1 { "antwoord" } else { "antwoorden" }
                )
            })
            .collect();
        out.push_str(&format!(
            "Deze antwoorden horen daarna niet meer bij een vraag (ze blijven bewaard en staan in het rapport): {}.\n",
            list.join(", ")
        ));
    }
    out
}
/// Said before `import --force` writes an intake that changes questions in use.
pub fn intake_questions_replaced(ids: &[String]) -> String {
    format!(
        "Let op: deze intakevragen worden anders gesteld dan nu: {}. Kijk na het importeren of de antwoorden erop nog kloppen (pqs intake).\n",
        ids.join(", ")
    )
}
/// A carried checklist that replaced a different one (with --force).
pub fn checklist_replaced(file: &str, backup: &str) -> String {
    format!("Checklist {file} vervangen; de vorige versie is bewaard in {backup}\n")
}

// ---- pqs intake / plan / details ----

/// Heading of `pqs intake` without arguments.
pub fn intake_heading(name: &str, answered: usize, total: usize) -> String {
    format!("Intake van beoordeling \"{name}\": {answered} van {total} vragen beantwoord\n\n")
}
/// Last line of `pqs intake` without arguments.
pub const INTAKE_HOW: &str = "\nBeantwoord met: pqs intake VRAAG ja|nee|open, of bij een meerkeuzevraag met de keuze (pqs intake VRAAG toont de keuzes). Open: alle vragen die erbij horen gelden.\n";

/// Label before the current answer of one intake question.
pub const INTAKE_CURRENT: &str = "Antwoord";
/// `pqs plan ITEM` for an item without an agreed action.
pub const PLAN_EMPTY: &str = "Nog niets afgesproken bij deze taak of vraag.";
/// Label of a pinned place in the plan.
pub const PLAN_PINNED: &str = "Vast op plaats";
/// Labels of a plan entry: owner, due date, agreed action.
pub const PLAN_LABELS: [&str; 3] = ["Wie", "Klaar op", "Afspraak"];
/// Labels of `pqs details`: organisation, contact, assessor, KvK number, address, e-mail, telephone,
/// DPO, review period, depth, logo.
pub const DETAILS_LABELS: [&str; 11] = [
    "Organisatie",
    "Contactpersoon",
    "Adviseur",
    "KvK-nummer",
    "Adres",
    "E-mail voor privacyvragen",
    "Telefoon",
    "Functionaris (FG)",
    "Herbeoordeling",
    "Diepte",
    "Logo",
];
/// `pqs details`: the logo's file name and format ("logo.png (PNG)"), or none.
pub fn logo_line(logo: Option<&crate::assessment::Logo>) -> String {
    match logo {
        None => "geen".to_owned(),
        Some(logo) => {
            let kind = match logo.kind {
                crate::assessment::LogoKind::Png => "PNG",
                crate::assessment::LogoKind::Svg => "SVG",
            };
            format!("{} ({kind})", crate::sanitize::line(&logo.name))
        }
    }
}
/// The depth of a scan in a word.
pub fn depth_name(depth: crate::assessment::ScanDepth) -> &'static str {
    match depth {
        crate::assessment::ScanDepth::Snel => "snelle scan",
        crate::assessment::ScanDepth::Volledig => "volledige scan",
    }
}
/// The review period as shown.
pub fn review_after(months: u32) -> String {
    if months == 1 {
        "na 1 maand".to_owned()
    } else {
        format!("na {months} maanden")
    }
}

/// After `intake`, `plan` or `details` made a new assessment (so a mistyped `-a` is noticed).
pub fn assessment_created(name: &str, path: &str) -> String {
    format!("Nieuwe beoordeling \"{name}\" aangemaakt: {path}\n")
}

// ---- pqs repair ----

/// `pqs repair` on a complete file.
pub fn repair_not_needed(name: &str) -> String {
    format!("De beoordeling \"{name}\" is compleet; er is niets hersteld.\n")
}
/// `pqs repair` done.
pub fn repaired(name: &str, answers: usize, backup: &str) -> String {
    let answers = match answers {
        1 => "1 antwoord".to_owned(),
        n => format!("{n} antwoorden"),
    };
    format!(
        "De beoordeling \"{name}\" is hersteld met wat er te lezen was ({answers}). Het afgebroken bestand is bewaard in {backup}\n"
    )
}

/// Above the decisions in `pqs intake`.
pub fn decisions_heading() -> String {
    "\nWat pqs uit je antwoorden afleidt:\n".to_owned()
}
/// One decision in `pqs intake`: what is decided and why, or that answers are missing.
pub fn decision_line(title: &str, outcome: Option<&crate::checklist::intake::Outcome>) -> String {
    format!("  {}\n", super::decision_sentence(title, outcome))
}

/// `pqs session` without sessions.
pub const NO_SESSIONS: &str =
    "Nog geen sessies: een sessie ontstaat als je in de vragenlijst iets wijzigt.\n";

/// One line of `pqs session`: "2026-12-01 09:00 tot 10:15 · Eva · 12 wijzigingen · score 40% · afgesloten: Intake".
pub fn session_line(
    start: &str,
    end: &str,
    assessor: &str,
    changes: usize,
    score: u32,
    title: &str,
    ended: bool,
) -> String {
    let mut parts = vec![format!("{start} tot {end}")];
    if !assessor.is_empty() {
        parts.push(assessor.to_owned());
    }
    parts.push(if changes == 1 {
        "1 wijziging".to_owned()
    } else {
        format!("{changes} wijzigingen")
    });
    parts.push(format!("score {score}%"));
    match (ended, title.is_empty()) {
        (true, true) => parts.push("afgesloten".to_owned()),
        (true, false) => parts.push(format!("afgesloten: {title}")),
        (false, false) => parts.push(title.to_owned()),
        (false, true) => {}
    }
    parts.join(" · ")
}

/// After `pqs session --end`.
pub fn session_ended(title: &str) -> String {
    if title.is_empty() {
        "Sessie afgesloten: de volgende start van pqs begint een nieuwe sessie.\n".to_owned()
    } else {
        format!(
            "Sessie \"{title}\" afgesloten: de volgende start van pqs begint een nieuwe sessie.\n"
        )
    }
}
