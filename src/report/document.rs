//! What every report format shows, beyond the scan: header facts, the score band, and the selection and
//! order of every section (first actions, action plan, rechecks, progress, sessions, intake), so the
//! formats only render.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::progress::{self, Baseline, Movement, Progress, SessionRow};
use super::scan::{ChecklistScan, Gap, ItemState, Scan, ScopeTotals};
use crate::assessment::{Assessment, Details};
use crate::checklist::Catalog;
use crate::checklist::Scope;
use crate::text as t;

/// Score bands with their lower bounds, stated in every report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// Below 50.
    Insufficient,
    /// 50 up to 80.
    OnTheWay,
    /// 80 and up.
    Good,
}

impl Band {
    /// Lower bound of "op weg".
    pub const ON_THE_WAY_FROM: f64 = 50.0;
    /// Lower bound of "goed".
    pub const GOOD_FROM: f64 = 80.0;

    /// The band of a score (rounded to whole percents first, as shown).
    pub fn of(score: f64) -> Band {
        let shown = f64::from(percent(score));
        if shown >= Self::GOOD_FROM {
            Band::Good
        } else if shown >= Self::ON_THE_WAY_FROM {
            Band::OnTheWay
        } else {
            Band::Insufficient
        }
    }
}

/// A score as shown everywhere: whole percents, halves rounded up (the band uses the same rounding).
pub fn percent(score: f64) -> u32 {
    score.round().clamp(0.0, 100.0) as u32
}

/// Progress as a fraction: answered of asked. Nothing asked is nothing left to do, so 0 of 0 is
/// complete (1.0) in every format.
pub fn progress(answered: usize, total: usize) -> f64 {
    if total == 0 {
        1.0
    } else {
        answered as f64 / total as f64
    }
}

/// How many tasks the summary, the report on quit and the TUI's report screen show.
pub const TOP_TASKS: usize = 5;

/// No details filled in.
static NO_DETAILS: Details = Details {
    contact: String::new(),
    assessor: String::new(),
    kvk: String::new(),
    address: String::new(),
    email: String::new(),
    phone: String::new(),
    dpo: String::new(),
    logo: None,
};

/// No documents.
static NO_DOCUMENTS: crate::documents::Documents = crate::documents::Documents {
    activities: Vec::new(),
    processors: Vec::new(),
    breaches: Vec::new(),
};

/// One intake question as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeLine {
    /// The flag id.
    pub flag: String,
    /// The question.
    pub question: String,
    /// The answer given: yes, no, a choice, or `None` when open.
    pub answer: Option<crate::checklist::Value>,
    /// The label of the choice given (multiple-choice questions).
    pub label: Option<String>,
    /// Whether the question is asked; one an earlier answer rules out counts as "nee".
    pub asked: bool,
    /// How many items this answer leaves out.
    pub leaves_out: usize,
}

/// Something pqs decided from the intake (must you keep a register, ...), with its reasoning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionLine {
    /// The decision's id (a condition can name it).
    pub id: String,
    /// The decision as a question.
    pub title: String,
    /// The rule in the law.
    pub reference: String,
    /// The outcome, `None` while the answers it needs are not given.
    pub outcome: Option<crate::checklist::intake::Outcome>,
}

/// An item that asks for a second look, with its checklist.
#[derive(Debug, Clone, Copy)]
pub struct Recheck<'a> {
    /// The item's checklist.
    pub checklist: &'a ChecklistScan,
    /// The item (its flags say why: `review_due`, `question_changed`, `new`).
    pub item: &'a ItemState,
}

/// Everything a report needs: the scan plus header facts.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The scan.
    pub scan: &'a Scan,
    /// Organisation name (may be empty).
    pub organisation: &'a str,
    /// Assessment name.
    pub assessment: &'a str,
    /// Contact, assessor and KvK number (user text).
    pub details: &'a Details,
    /// Months after which an answer is due for review.
    pub review_months: u32,
    /// The intake questions with their answers; empty when the intake was not filled in.
    pub intake: Vec<IntakeLine>,
    /// What pqs decided from the intake; empty when the intake was not filled in.
    pub decisions: Vec<DecisionLine>,
    /// The plan: tasks, open ones ranked first, then the done ones.
    pub tasks: Vec<super::tasks::PlannedTask>,
    /// The comparison with the baseline, if there is one.
    pub progress: Option<Progress>,
    /// Every recorded session, oldest first.
    pub sessions: Vec<SessionRow>,
    /// The state of the register, the processors and the breach register, one line each; empty
    /// when nothing was recorded.
    pub documents: Vec<(&'static str, String)>,
    /// The documents themselves (for JSON).
    pub records: &'a crate::documents::Documents,
    /// When the report was made.
    pub generated_at: Timestamp,
    /// The date shown (local), YYYY-MM-DD.
    pub date: String,
    /// The time zone dates and times are shown in.
    pub tz: TimeZone,
    /// Version of pqs.
    pub version: &'static str,
}

impl<'a> Document<'a> {
    /// A bare document for a scan (no details, intake, progress or sessions), made at `generated_at`,
    /// with `date` as shown to the reader.
    pub fn new(
        scan: &'a Scan,
        organisation: &'a str,
        assessment: &'a str,
        generated_at: Timestamp,
        date: String,
    ) -> Self {
        Document {
            scan,
            organisation,
            assessment,
            details: &NO_DETAILS,
            records: &NO_DOCUMENTS,
            review_months: crate::assessment::DEFAULT_REVIEW_MONTHS,
            intake: Vec::new(),
            decisions: Vec::new(),
            tasks: Vec::new(),
            progress: None,
            sessions: Vec::new(),
            documents: Vec::new(),
            generated_at,
            date,
            tz: TimeZone::UTC,
            version: env!("CARGO_PKG_VERSION"),
        }
    }

    /// The full document of an assessment named `name`: details, intake, the sessions, and the
    /// comparison with the end of the previous session. Dates are shown in `tz`.
    pub fn of(
        catalog: &Catalog,
        scan: &'a Scan,
        assessment: &'a Assessment,
        name: &'a str,
        generated_at: Timestamp,
        tz: TimeZone,
    ) -> Self {
        // Dates in documents are written in Dutch: "1 december 2026".
        let date = t::date_long(generated_at.to_zoned_datetime(tz.clone()).date());
        let mut doc = Document::new(scan, &assessment.organisation, name, generated_at, date);
        doc.tz = tz;
        doc.details = &assessment.details;
        doc.records = &assessment.documents;
        doc.review_months = assessment.review_period();
        doc.intake = intake_lines(catalog, scan, assessment);
        doc.decisions = decision_lines(catalog, assessment);
        doc.tasks = super::tasks::plan(catalog, assessment, scan);
        doc.sessions = progress::sessions(catalog, assessment);
        doc.documents = t::documents_status(&assessment.documents, scan.now);
        doc.progress = progress::default_baseline(assessment).map(|moment| {
            progress::compare(catalog, assessment, scan, moment, Baseline::PreviousSession)
        });
        doc
    }

    /// This document compared with `moment` instead of the previous session (`pqs report --since`).
    pub fn since(mut self, catalog: &Catalog, assessment: &Assessment, moment: Timestamp) -> Self {
        self.progress = Some(progress::compare(
            catalog,
            assessment,
            self.scan,
            moment,
            Baseline::Chosen,
        ));
        self
    }

    /// A moment as a local date, in Dutch: "23 november 2026".
    pub fn day(&self, moment: Timestamp) -> String {
        t::date_long(moment.to_zoned_datetime(self.tz.clone()).date())
    }

    /// A moment as local date and time, in Dutch: "23 november 2026 09:45".
    pub fn day_time(&self, moment: Timestamp) -> String {
        t::date_time_long(moment, &self.tz)
    }

    /// A session's time span in local time, HH:MM–HH:MM.
    pub fn span(&self, row: &SessionRow) -> String {
        let time = |m: Timestamp| {
            m.to_zoned_datetime(self.tz.clone())
                .strftime("%H:%M")
                .to_string()
        };
        format!("{}–{}", time(row.start), time(row.end))
    }

    /// The band of the total score.
    pub fn band(&self) -> Band {
        Band::of(self.scan.totals.score)
    }

    /// What the scan covers, in a sentence: the depth, and how many questions the full scan adds.
    pub fn depth_line(&self) -> String {
        t::depth_line(self.scan.depth, self.scan.totals.deeper)
    }

    /// Privacy-law gaps grouped per checklist, in checklist order, most serious first within each;
    /// checklists without gaps are left out.
    pub fn gaps_by_checklist(&self) -> Vec<(&'a ChecklistScan, Vec<&'a Gap>)> {
        let scan = self.scan;
        scan.checklists
            .iter()
            .map(|c| {
                (
                    c,
                    scan.gaps
                        .iter()
                        .filter(|g| g.checklist == c.id && g.scope == Scope::Avg)
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, gaps)| !gaps.is_empty())
            .collect()
    }

    /// Progress and gaps outside privacy law (consumer law, good practice), per scope, in the
    /// order of [`Scope::ALL`]; scopes with nothing asked are left out.
    pub fn others(&self) -> Vec<(&'a ScopeTotals, Vec<&'a Gap>)> {
        self.scan
            .others
            .iter()
            .map(|totals| {
                let gaps = self
                    .scan
                    .gaps
                    .iter()
                    .filter(|g| g.scope == totals.scope)
                    .collect();
                (totals, gaps)
            })
            .collect()
    }

    /// The first `limit` tasks still to do, in plan order.
    pub fn top_tasks(&self, limit: usize) -> impl Iterator<Item = &super::tasks::PlannedTask> {
        self.open_tasks().take(limit)
    }

    /// The tasks still to do, in plan order.
    pub fn open_tasks(&self) -> impl Iterator<Item = &super::tasks::PlannedTask> {
        self.tasks.iter().filter(|t| t.is_open())
    }

    /// The finished tasks, in plan order.
    pub fn done_tasks(&self) -> impl Iterator<Item = &super::tasks::PlannedTask> {
        self.tasks.iter().filter(|t| !t.is_open())
    }

    /// "12 taken open, 2 afgerond".
    pub fn plan_count(&self) -> String {
        t::plan_count(self.open_tasks().count(), self.done_tasks().count())
    }

    /// What was agreed for a task, in one line: "Wie: Piet · Uiterlijk: 15 december 2026 (te laat) ·
    /// Afgesproken: …"; `None` when nothing is.
    pub fn task_agreement(&self, task: &super::tasks::PlannedTask) -> Option<String> {
        let plan = task.plan.as_ref()?;
        // Written in one string (the parts were a string each, then joined): the plan asks for
        // it for every task, thousands at 10,000 items.
        let (owner, action) = (plan.owner.trim(), plan.action.trim());
        let mut line = String::with_capacity(owner.len() + action.len() + 64);
        let next = |line: &mut String, label: &str| {
            if !line.is_empty() {
                line.push_str(" · ");
            }
            line.push_str(label);
            line.push_str(": ");
        };
        if !owner.is_empty() {
            next(&mut line, t::PLAN_OWNER);
            line.push_str(owner);
        }
        if let Some(due) = plan.due {
            next(&mut line, t::PLAN_DUE);
            t::date_long_into(&mut line, due);
            if task.is_open() && plan.overdue(self.scan.today) {
                line.push_str(" (");
                line.push_str(t::OVERDUE);
                line.push(')');
            }
        }
        if !action.is_empty() {
            next(&mut line, t::PLAN_ACTION);
            line.push_str(action);
        }
        (!line.is_empty()).then_some(line)
    }

    /// The intake questions as the reports list them: those that were asked (a follow-up of a "no"
    /// is not; the JSON keeps every question).
    pub fn intake_asked(&self) -> impl Iterator<Item = &IntakeLine> {
        self.intake.iter().filter(|line| line.asked)
    }

    /// Who the document is about: the organisation, or the assessment's name when it has none.
    pub fn name(&self) -> &'a str {
        if self.organisation.trim().is_empty() {
            self.assessment
        } else {
            self.organisation
        }
    }

    /// The controller of the register (art. 30 lid 1 sub a AVG): the organisation (or the
    /// assessment's name) and its contact details that are filled in, joined by " · ", with the DPO
    /// last.
    pub fn controller(&self) -> (&'a str, String) {
        let organisation = self.name();
        let d = self.details;
        let dpo = (!d.dpo.trim().is_empty()).then(|| format!("{}: {}", t::DPO_SHORT, d.dpo.trim()));
        let contact = [&d.contact, &d.address, &d.email, &d.phone, &d.kvk]
            .into_iter()
            .map(|s| s.trim().to_owned())
            .chain(dpo)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        (organisation, contact)
    }

    /// The details that are filled in, as (label, user text) pairs: contact, assessor, KvK number.
    pub fn detail_facts(&self) -> Vec<(&'static str, &'a str)> {
        let d = self.details;
        [
            (t::CONTACT, d.contact.as_str()),
            (t::ASSESSOR, d.assessor.as_str()),
            (t::KVK, d.kvk.as_str()),
        ]
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .collect()
    }

    /// Why an item is listed under "ter controle", e.g. "herzien: beantwoord op 2025-06-01, vraag gewijzigd".
    pub fn reasons(&self, item: &ItemState) -> String {
        let mut reasons = Vec::new();
        if item.review_due {
            let day = item.answered_at.map(|at| self.day(at)).unwrap_or_default();
            reasons.push(t::review_due(&day));
        }
        if item.question_changed {
            reasons.push(t::QUESTION_CHANGED.to_owned());
        }
        if item.new {
            reasons.push(t::NEW_ITEM.to_owned());
        }
        reasons.join(", ")
    }

    /// The label of a kind of change.
    pub fn movement_label(movement: Movement) -> &'static str {
        match movement {
            Movement::NewlyAnswered => t::NEWLY_ANSWERED,
            Movement::Improved => t::IMPROVED,
            Movement::Worsened => t::WORSENED,
        }
    }

    /// The heading of the comparison: "Sinds de vorige sessie" or "Sinds <moment>".
    pub fn since_heading(&self, progress: &Progress) -> String {
        match progress.baseline {
            Baseline::PreviousSession => t::SINCE_PREVIOUS.to_owned(),
            Baseline::Chosen => t::since_heading(&self.day_time(progress.moment)),
        }
    }

    /// What changed in the documents since the comparison's moment, in one line, or `None`.
    pub fn document_changes(&self, progress: &Progress) -> Option<String> {
        t::document_changes(&self.records.changes_since(progress.moment), &self.tz)
    }

    /// The comparison's first line: the moment and the score then and now.
    pub fn since_scores(&self, progress: &Progress) -> String {
        t::since_scores(
            &self.day_time(progress.moment),
            percent(progress.score_then),
            percent(progress.score_now),
        )
    }

    /// A plan's due date as shown, with "te laat" when it has passed.
    pub fn due(gap: &Gap) -> String {
        let mut out = String::new();
        Self::due_into(gap, &mut out);
        out
    }

    /// [`Document::due`], written at the end of `out`.
    pub fn due_into(gap: &Gap, out: &mut String) {
        use std::fmt::Write;
        match gap.plan.as_ref().and_then(|p| p.due) {
            None => out.push_str(t::PLAN_NONE),
            Some(due) if gap.overdue => {
                let _ = write!(out, "{due} ({})", t::OVERDUE);
            }
            Some(due) => {
                let _ = write!(out, "{due}");
            }
        }
    }

    /// The action plan: gaps with a plan entry, soonest due first (no date last).
    pub fn action_plan(&self) -> Vec<&'a Gap> {
        self.scan.planned()
    }

    /// Open privacy-law gaps without an agreed action (no plan entry, or one without action
    /// text): out of the same open points the totals count.
    pub fn without_action(&self) -> usize {
        self.scan
            .gaps
            .iter()
            .filter(|g| g.scope == Scope::Avg)
            .filter(|g| g.plan.as_ref().is_none_or(|p| p.action.trim().is_empty()))
            .count()
    }

    /// Planned actions whose due date has passed.
    pub fn overdue(&self) -> usize {
        self.scan.gaps.iter().filter(|g| g.overdue).count()
    }

    /// Items that apply and ask for a second look: due for review, question changed, or new; in
    /// checklist order.
    pub fn rechecks(&self) -> Vec<Recheck<'a>> {
        self.scan
            .checklists
            .iter()
            .flat_map(|checklist| {
                checklist
                    .items
                    .iter()
                    // Each item once, where it lives: the count agrees with the TUI's.
                    .filter(|i| i.shared_from.is_none() && i.to_check())
                    .map(move |item| Recheck { checklist, item })
            })
            .collect()
    }

    /// Items answered yes that apply, with their checklist, in checklist order.
    pub fn done(&self) -> Vec<(&'a ChecklistScan, &'a ItemState)> {
        self.scan
            .checklists
            .iter()
            .flat_map(|c| {
                c.items
                    .iter()
                    .filter(|i| i.is_done_here())
                    .map(move |i| (c, i))
            })
            .collect()
    }
}

/// The decisions with their outcome for the intake answers; empty when no intake question was
/// answered.
pub fn decision_lines(catalog: &Catalog, assessment: &Assessment) -> Vec<DecisionLine> {
    if assessment.intake.is_empty() {
        return Vec::new();
    }
    let intake = catalog.intake();
    let facts = intake.effective(&assessment.intake);
    intake
        .decisions
        .iter()
        .map(|d| DecisionLine {
            id: d.id.clone(),
            title: d.title.clone(),
            reference: d.reference.clone(),
            outcome: d.decide(&facts).cloned(),
        })
        .collect()
}

/// The intake questions with their answers and how many items each leaves out; empty when no intake
/// question was answered.
fn intake_lines(catalog: &Catalog, scan: &Scan, assessment: &Assessment) -> Vec<IntakeLine> {
    if assessment.intake.is_empty() {
        return Vec::new();
    }
    let intake = catalog.intake();
    let answers = &assessment.intake;
    // An item left out counts for the answer that caused it (no website: the cookie items too).
    let causes: Vec<&str> = scan
        .checklists
        .iter()
        .flat_map(|c| &c.items)
        .filter(|i| i.shared_from.is_none())
        .filter_map(|i| i.excluded.as_ref())
        .map(|e| e.cause.flag.as_str())
        .collect();
    intake
        .questions
        .iter()
        .map(|q| {
            let answer = answers.get(&q.id).cloned();
            IntakeLine {
                flag: q.id.clone(),
                question: q.question.clone(),
                label: answer
                    .as_ref()
                    .and_then(|a| a.choice())
                    .and_then(|id| q.choice(id))
                    .map(|c| c.label.clone()),
                answer,
                asked: intake.is_asked(&q.id, answers),
                leaves_out: causes.iter().filter(|flag| **flag == q.id).count(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_the_stated_thresholds() {
        assert_eq!(Band::of(0.0), Band::Insufficient);
        assert_eq!(Band::of(49.4), Band::Insufficient);
        assert_eq!(Band::of(49.5), Band::OnTheWay, "shown as 50%");
        assert_eq!(Band::of(79.0), Band::OnTheWay);
        assert_eq!(Band::of(80.0), Band::Good);
        assert_eq!(Band::of(100.0), Band::Good);
    }
}
