//! Strings of the report sections for details, intake, action plan, sessions and progress.

use crate::checklist::Value;
use crate::checklist::intake::Cause;

/// Label before the contact person.
pub const CONTACT: &str = "Contactpersoon";
/// Label before the assessor (the consultant).
pub const ASSESSOR: &str = "Adviseur";
/// Label before the Chamber of Commerce number.
pub const KVK: &str = "KvK-nummer";
/// The data protection officer, short, before the contact details.
pub const DPO_SHORT: &str = "FG";

/// Heading of the comparison with the end of the previous session.
pub const SINCE_PREVIOUS: &str = "Sinds de vorige sessie";
/// Alternative text of the organisation's logo in HTML.
pub const LOGO_ALT: &str = "Logo";

/// Heading of the comparison with a moment chosen with `--since`, e.g. "Sinds 2026-11-01 00:00".
pub fn since_heading(moment: &str) -> String {
    format!("Sinds {moment}")
}

/// The comparison's first line: the moment and the score then and now.
pub fn since_scores(moment: &str, then: u32, now: u32) -> String {
    format!("Vergeleken met {moment}: score {then}% → nu {now}%.")
}

/// Heading of items that were unanswered at the baseline.
pub const NEWLY_ANSWERED: &str = "Nieuw beantwoord";
/// Heading of items whose answer is better now.
pub const IMPROVED: &str = "Verbeterd";
/// Heading of items whose answer is worse now.
pub const WORSENED: &str = "Verslechterd";
/// Shown when no answer changed since the baseline.
pub const NO_CHANGES: &str = "Sindsdien is geen antwoord veranderd.";
/// How changes are counted, stated under the comparison.
pub const CHANGE_RULE: &str =
    "Niet van toepassing telt hier als afgehandeld, net als ja. Alleen vragen die nu gelden.";

/// An answer then and now, e.g. "nee → deels".
pub fn before_after(before: &str, after: &str) -> String {
    format!("{before} → {after}")
}

/// Heading of the action plan.
pub const ACTION_PLAN: &str = "Actieplan";
/// Label and column: who does it.
pub const PLAN_OWNER: &str = "Wie";
/// Label and column: the due date.
pub const PLAN_DUE: &str = "Uiterlijk";
/// Label and column: the agreed action.
pub const PLAN_ACTION: &str = "Afgesproken";
/// Marks an action whose due date has passed (a word, never colour alone).
pub const OVERDUE: &str = "te laat";
/// Stands in for an owner, date or action that is not filled in.
pub const PLAN_NONE: &str = "–";
/// Column heading of the item in the action plan and other tables.
pub const ITEM_COLUMN: &str = "Vraag";

/// Under the action plan: how many open points have no agreed action.
pub fn without_action(open: usize) -> String {
    if open == 1 {
        "1 open punt heeft nog geen afgesproken actie.".to_owned()
    } else {
        format!("{open} open punten hebben nog geen afgesproken actie.")
    }
}

/// Agreed actions and how many are overdue, e.g. "3 afgesproken acties, waarvan 1 te laat".
pub fn plan_counts(planned: usize, overdue: usize) -> String {
    let noun = if planned == 1 {
        "afgesproken actie"
    } else {
        "afgesproken acties"
    };
    format!("{planned} {noun}, waarvan {overdue} {OVERDUE}")
}

/// Heading of the answers to look at again.
pub const TO_CHECK: &str = "Ter controle";

/// Explains what is listed under "Ter controle".
pub fn to_check_rule(months: u32) -> String {
    format!(
        "Antwoorden ouder dan {months} maanden, antwoorden op vragen die sindsdien zijn gewijzigd, en \
         nieuwe vragen. Bekijk ze opnieuw."
    )
}

/// Why an answer is listed: it is older than the review period.
pub fn review_due(date: &str) -> String {
    format!("herzien: beantwoord op {date}")
}

/// Why an answer is listed: the question changed after it was answered.
pub const QUESTION_CHANGED: &str = "vraag gewijzigd";
/// Why an item is listed: it was added after the last session.
pub const NEW_ITEM: &str = "nieuw";

/// Heading of the sessions table.
pub const SESSIONS: &str = "Sessies";
/// Column headings of the sessions table.
pub const SESSION_HEADERS: [&str; 5] = [
    "Datum",
    "Tijd",
    "Adviseur",
    "Wijzigingen",
    "Score na afloop",
];

/// Heading of the intake answers.
pub const INTAKE: &str = "Intake: wat voor je bedrijf geldt";
/// Column headings of the intake table.
pub const INTAKE_HEADERS: [&str; 3] = ["Vraag", "Antwoord", "Valt weg"];

/// An intake question that is not asked because an earlier answer rules it out (it counts as nee).
pub const INTAKE_NOT_ASKED: &str = "niet gevraagd";

/// The intake answer in a word; `asked` false gives [`INTAKE_NOT_ASKED`].
pub fn intake_answer_asked(answer: Option<&Value>, label: Option<&str>, asked: bool) -> String {
    if asked {
        fact_label(answer, label)
    } else {
        INTAKE_NOT_ASKED.to_owned()
    }
}

/// A fact in words: "ja", "nee", the label of a choice or outcome, or "open" when unanswered.
pub fn fact_label(answer: Option<&Value>, label: Option<&str>) -> String {
    match (answer, label) {
        (None, _) => "open".to_owned(),
        (Some(_), Some(label)) => label.to_owned(),
        (Some(Value::Yes), None) => "ja".to_owned(),
        (Some(Value::No), None) => "nee".to_owned(),
        (Some(Value::Choice(id)), None) => id.clone(),
    }
}

/// Above the intake table: how many questions the intake leaves out.
pub fn intake_skipped(skipped: usize) -> String {
    if skipped == 1 {
        "1 vraag geldt niet voor je bedrijf door de intake; die telt niet mee in de score."
            .to_owned()
    } else {
        format!(
            "{skipped} vragen gelden niet voor je bedrijf door de intake; die tellen niet mee in de score."
        )
    }
}

/// Why an item does not apply, for the CSV: the intake answer that rules it out.
pub fn excluded_reason(cause: &Cause) -> String {
    let answer = fact_label(Some(&cause.answer), cause.label.as_deref());
    format!("nee (intake {}: {answer})", cause.flag)
}

/// CSV: the columns after the original nine, in order.
pub const CSV_PLAN_HEADERS: [&str; 10] = [
    "eigenaar",
    "uiterlijk",
    "afgesproken actie",
    "te laat",
    "geldt",
    "herzien",
    "vraag gewijzigd",
    "gevraagd",
    "diepte",
    "gebied",
];

/// An item's depth in a column: the quick scan's basis or the full scan's deepening.
pub fn depth_label(depth: crate::checklist::Depth) -> &'static str {
    match depth {
        crate::checklist::Depth::Basis => "basis",
        crate::checklist::Depth::Verdieping => "verdieping",
    }
}

/// "ja" or "nee", for yes/no columns.
pub fn yes_no(yes: bool) -> &'static str {
    if yes { "ja" } else { "nee" }
}

/// How many questions an intake answer leaves out, e.g. "14 vragen vallen weg".
pub fn leaves_out(count: usize) -> String {
    if count == 1 {
        "1 vraag valt weg".to_owned()
    } else {
        format!("{count} vragen vallen weg")
    }
}

/// What `--since` accepts, after "kies uit:" in the argument error.
pub const SINCE_VALID: &str = "een datum als 1-11-2026 of 2026-11-01, of een tijdstip als \"1-11-2026 14:00\", niet later dan nu";

/// In a checklist table, instead of a score: the intake rules the whole checklist out.
pub const CHECKLIST_EXCLUDED: &str = "geldt niet (intake)";
/// The same in the text report's narrow score column.
pub const CHECKLIST_EXCLUDED_SHORT: &str = "geldt niet";

/// What a report covers: the depth of the scan, and how many questions the other depth adds.
pub fn depth_line(depth: crate::assessment::ScanDepth, deeper: usize) -> String {
    use crate::assessment::ScanDepth;
    match (depth, deeper) {
        (ScanDepth::Volledig, _) => "Volledige scan: alle vragen.".to_owned(),
        (ScanDepth::Snel, 0) => "Snelle scan: de basisvragen.".to_owned(),
        (ScanDepth::Snel, 1) => {
            "Snelle scan: de basisvragen. De volledige scan stelt er nog 1 vraag bij.".to_owned()
        }
        (ScanDepth::Snel, n) => {
            format!("Snelle scan: de basisvragen. De volledige scan stelt er nog {n} vragen bij.")
        }
    }
}

/// Heading of the part of a report outside privacy law.
pub const OUTSIDE_AVG: &str = "Buiten de AVG";
/// Under that heading: why it is apart.
pub const OUTSIDE_AVG_RULE: &str = "Deze punten komen uit andere regels of zijn goede gewoonten; ze tellen niet mee in de AVG-score.";

/// The name of a scope outside privacy law.
pub fn scope_label(scope: crate::checklist::Scope) -> &'static str {
    use crate::checklist::Scope;
    match scope {
        Scope::Avg => "AVG",
        Scope::Consumentenrecht => "Consumentenrecht",
        Scope::GoedePraktijk => "Goede praktijk",
    }
}

/// An open point outside privacy law, on one line: the question, its answer, what to do.
pub fn other_gap(
    question: &str,
    status: Option<crate::assessment::Status>,
    action: &str,
) -> String {
    format!(
        "{question} ({}). {}: {action}",
        super::status_label(status),
        super::TODO
    )
}

/// A scope's progress: "3 van 5 beantwoord, score 40%, 2 open".
pub fn scope_progress(answered: usize, total: usize, score: u32, gaps: usize) -> String {
    format!("{answered} van {total} beantwoord, score {score}%, {gaps} open")
}

/// Before the follow-ups a nee rules out, listed under a gap.
pub const STEPS: &str = "Wat erin moet";

/// How much work a task is, in words.
pub fn effort_label(effort: crate::checklist::tasks::Effort) -> &'static str {
    use crate::checklist::tasks::Effort;
    match effort {
        Effort::Minutes => "minder dan een uur",
        Effort::Hours => "een paar uur",
        Effort::Days => "een dag of meer",
    }
}

/// Why a task stands where it does in the plan, in one line: "ernst hoog · antwoord nee ·
/// toezichthouder controleert actief · een paar uur".
pub fn task_reason(reason: &crate::report::tasks::Reason) -> String {
    use std::fmt::Write as _;

    use crate::assessment::Status;
    // Made in one string, its parts written into it (a report of 10,000 tasks makes one each).
    let mut line = String::with_capacity(96);
    let mut part = |text: std::fmt::Arguments<'_>| {
        if !line.is_empty() {
            line.push_str(" · ");
        }
        line.write_fmt(text).expect("a String takes every write");
    };
    if reason.urgent {
        part(format_args!(
            "de meldtermijn van 72 uur voor een datalek loopt"
        ));
    }
    if let Some(place) = reason.pinned {
        part(format_args!("door de adviseur op plaats {place} gezet"));
    }
    part(format_args!(
        "ernst {}",
        super::severity_label(reason.severity)
    ));
    if !reason.privacy {
        part(format_args!("buiten de privacywet"));
    }
    part(format_args!(
        "{}",
        match reason.answer {
            Some(Status::No) => "antwoord nee",
            Some(Status::Unknown) => "antwoord weet ik niet",
            Some(Status::Partly) => "deels geregeld",
            _ => "nog open",
        }
    ));
    if reason.enforced {
        part(format_args!("toezichthouder controleert actief"));
    }
    if reason.sensitive {
        part(format_args!("weegt zwaarder voor jouw bedrijf"));
    }
    if let Some(effort) = reason.effort {
        part(format_args!("{}", effort_label(effort)));
    }
    line
}

/// Heading of the plan of tasks, first in every report.
pub const PLAN: &str = "Het plan: wat eerst";

/// Under the plan's heading: "12 taken open, 2 afgerond".
pub fn plan_count(open: usize, done: usize) -> String {
    let tasks = if open == 1 { "taak" } else { "taken" };
    if done == 0 {
        format!("{open} {tasks} open")
    } else {
        format!("{open} {tasks} open, {done} afgerond")
    }
}

/// Before the one-line reason for a task's place.
pub const WHY_HERE: &str = "Waarom hier";

/// A task's open questions: "1 open vraag", "3 open vragen".
pub fn open_questions(n: usize) -> String {
    if n == 1 {
        "1 open vraag".to_owned()
    } else {
        format!("{n} open vragen")
    }
}

/// Before a task's steps.
pub const TASK_STEPS: &str = "Stappen";

/// Before a task's links.
pub const MORE_INFO: &str = "Meer informatie";

/// Heading of the finished tasks.
pub const TASKS_DONE: &str = "Afgerond";

/// A finished task's date: "afgerond op 1 december 2026", or "afgerond" without a date.
pub fn done_on(day: Option<jiff::civil::Date>) -> String {
    match day {
        Some(day) => {
            let mut out = String::from("afgerond op ");
            super::date_long_into(&mut out, day);
            out
        }
        None => "afgerond".to_owned(),
    }
}

/// When no task is open.
pub const NO_TASKS: &str = "Geen open taken: alles wat gevraagd is, is in orde.";

/// The summary's heading of the first tasks.
pub const TOP_TASKS: &str = "De vijf belangrijkste taken";

/// "En nog 7 taken: zie het volledige rapport."
pub fn more_tasks(n: usize) -> String {
    if n == 1 {
        "En nog 1 taak: zie het volledige rapport.".to_owned()
    } else {
        format!("En nog {n} taken: zie het volledige rapport.")
    }
}

/// The first line of the report printed when the questionnaire closes.
pub fn quit_title(name: &str) -> String {
    format!("Privacy Quick Scan: {name}")
}

/// What this session changed: "Deze sessie: 3 nieuw beantwoord, 6 verbeterd, 2 verslechterd; score
/// 21% → 27%."
pub fn this_session(newly: usize, improved: usize, worsened: usize, then: u32, now: u32) -> String {
    if newly + improved + worsened == 0 {
        return format!("Deze sessie veranderde geen antwoord; score {now}%.");
    }
    format!(
        "Deze sessie: {newly} nieuw beantwoord, {improved} verbeterd, {worsened} verslechterd; \
         score {then}% → {now}%."
    )
}

/// Where the whole report is: the command to print it and to write a document.
pub fn full_report_hint(command: &str) -> String {
    format!(
        "Het hele rapport: {command} (met --format html -o rapport.html als document om te printen)."
    )
}

/// The cover page: what the report is and is not.
pub const COVER_ABOUT: &str = "Dit rapport laat zien hoe je bedrijf ervoor staat met de privacyregels (de AVG): wat al in orde is, wat nog open staat en wat je het eerst aanpakt. Het is gemaakt met de antwoorden die je zelf hebt gegeven en is een hulpmiddel voor een eerste inventarisatie, geen juridisch advies en geen keurmerk.";

/// Heading of the table of contents.
pub const CONTENTS: &str = "Inhoud";

/// Above the one-line list of questions not answered yet: "Nog niet beantwoord (3)".
pub fn not_answered_yet(n: usize) -> String {
    format!("Nog niet beantwoord ({n})")
}
