//! Scores, gaps and orphans: a pure function of a catalog and an assessment.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::assessment::{Assessment, PlanEntry, Status};
use crate::checklist::{Catalog, Condition, Severity};

/// One item's state in a scan.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemState {
    /// Global item id.
    pub id: String,
    /// The answer, `None` when unanswered.
    pub status: Option<Status>,
    /// How serious a gap is.
    pub severity: Severity,
    /// Section within the checklist, if any.
    pub section: Option<String>,
    /// The question.
    pub question: String,
    /// Legal reference.
    pub reference: String,
    /// The user's note ("" when none).
    pub note: String,
    /// When the answer or note was last changed.
    pub answered_at: Option<Timestamp>,
    /// The intake answer that rules this item out; `None` when it applies.
    pub excluded: Option<Condition>,
    /// The answer is older than the review period.
    pub review_due: bool,
    /// The question changed after it was answered ("vraag gewijzigd").
    pub question_changed: bool,
    /// The item was added after the last session ("nieuw").
    pub new: bool,
}

impl ItemState {
    /// Whether the item counts (the intake does not rule it out).
    pub fn applies(&self) -> bool {
        self.excluded.is_none()
    }

    /// Whether the answer asks for a second look: due for review or its question changed.
    pub fn needs_recheck(&self) -> bool {
        self.excluded.is_none() && (self.review_due || self.question_changed)
    }
}

/// Progress and score of one checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistScan {
    /// Checklist id.
    pub id: String,
    /// Checklist title.
    pub title: String,
    /// Number of items that apply (the intake rules none of them out).
    pub total: usize,
    /// Items that apply and are not answered "not applicable".
    pub applicable: usize,
    /// Items that apply and have an answer (any status).
    pub answered: usize,
    /// Score from 0 to 100.
    pub score: f64,
    /// Open gaps of high severity.
    pub open_high: usize,
    /// Items the intake rules out.
    pub skipped: usize,
    /// The intake answer that rules the whole checklist out, if any.
    pub excluded: Option<Condition>,
    /// Every item, in order, including those ruled out.
    pub items: Vec<ItemState>,
}

/// An item not answered yes or not applicable.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    /// Global item id.
    pub id: String,
    /// Checklist id.
    pub checklist: String,
    /// Checklist title.
    pub checklist_title: String,
    /// Section within the checklist, if any.
    pub section: Option<String>,
    /// How serious the gap is.
    pub severity: Severity,
    /// The answer, `None` when unanswered.
    pub status: Option<Status>,
    /// The question.
    pub question: String,
    /// What to do.
    pub action: String,
    /// Legal reference.
    pub reference: String,
    /// The user's note ("" when none).
    pub note: String,
    /// The agreed action, if one was recorded.
    pub plan: Option<PlanEntry>,
    /// The plan's due date has passed.
    pub overdue: bool,
}

/// An answer whose item exists in no checklist (kept, never dropped).
#[derive(Debug, Clone, PartialEq)]
pub struct Orphan {
    /// The item id as stored.
    pub id: String,
    /// The stored answer.
    pub status: Option<Status>,
    /// The stored note.
    pub note: String,
}

/// Totals over all checklists.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Totals {
    /// Number of items that apply.
    pub total: usize,
    /// Items the intake rules out.
    pub skipped: usize,
    /// Items not answered "not applicable".
    pub applicable: usize,
    /// Items with an answer.
    pub answered: usize,
    /// Score from 0 to 100.
    pub score: f64,
    /// Number of gaps.
    pub gaps: usize,
}

/// The state of an assessment against a catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Scan {
    /// Per checklist, in catalog order.
    pub checklists: Vec<ChecklistScan>,
    /// Totals.
    pub totals: Totals,
    /// Gaps: high severity first, then checklist order, then item order.
    pub gaps: Vec<Gap>,
    /// Answers to items that no longer exist.
    pub orphans: Vec<Orphan>,
    /// The day the scan was made (UTC), for overdue actions.
    pub today: Date,
}

/// Accumulates weights for a score.
#[derive(Debug, Default, Clone, Copy)]
struct Weights {
    earned: f64,
    possible: f64,
}

impl Weights {
    fn add(&mut self, severity: Severity, status: Option<Status>) {
        if status == Some(Status::NotApplicable) {
            return;
        }
        let weight = f64::from(severity.weight());
        self.possible += weight;
        self.earned += weight * status.map_or(0.0, Status::credit);
    }

    /// Percentage; 100 when nothing applies (nothing left to do).
    fn score(self) -> f64 {
        if self.possible == 0.0 {
            100.0
        } else {
            100.0 * self.earned / self.possible
        }
    }
}

impl Scan {
    /// Scores an assessment against a catalog at the moment `now` (which decides what is due).
    pub fn new(catalog: &Catalog, assessment: &Assessment, now: Timestamp) -> Self {
        let today = now.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
        let mut checklists = Vec::new();
        let mut gaps = Vec::new();
        let mut all = Weights::default();
        let mut totals = Totals {
            total: 0,
            skipped: 0,
            applicable: 0,
            answered: 0,
            score: 0.0,
            gaps: 0,
        };
        let intake = catalog.intake().effective(&assessment.intake);
        for checklist in catalog.checklists() {
            let mut weights = Weights::default();
            let mut items = Vec::with_capacity(checklist.items.len());
            let (mut total, mut applicable, mut answered, mut open_high) = (0, 0, 0, 0);
            for item in &checklist.items {
                let status = assessment.status(&item.id);
                let excluded = catalog.excluded_by(checklist, item, &intake).cloned();
                let answer = assessment.answers.get(&item.id);
                let state = ItemState {
                    id: item.id.clone(),
                    status,
                    severity: item.severity,
                    section: item.section.clone(),
                    question: item.question.clone(),
                    reference: item.reference.clone(),
                    note: answer.map(|a| a.note.clone()).unwrap_or_default(),
                    answered_at: answer.map(|a| a.answered_at),
                    review_due: assessment.review_due(&item.id, now),
                    question_changed: assessment.question_changed(&item.id, &item.fingerprint()),
                    new: status.is_none()
                        && !assessment.known_items.is_empty()
                        && !assessment.known_items.contains(&item.id),
                    excluded,
                };
                if state.applies() {
                    total += 1;
                    weights.add(item.severity, status);
                    all.add(item.severity, status);
                    answered += usize::from(status.is_some());
                    applicable += usize::from(status != Some(Status::NotApplicable));
                    if !matches!(status, Some(Status::Yes | Status::NotApplicable)) {
                        open_high += usize::from(item.severity == Severity::High);
                        let plan = assessment.plan.get(&item.id).cloned();
                        gaps.push(Gap {
                            id: item.id.clone(),
                            checklist: checklist.id.clone(),
                            checklist_title: checklist.title.clone(),
                            section: item.section.clone(),
                            severity: item.severity,
                            status,
                            question: item.question.clone(),
                            action: item.action.clone(),
                            reference: item.reference.clone(),
                            note: state.note.clone(),
                            overdue: plan.as_ref().is_some_and(|p| p.overdue(today)),
                            plan,
                        });
                    }
                }
                items.push(state);
            }
            let skipped = items.len() - total;
            totals.total += total;
            totals.skipped += skipped;
            totals.applicable += applicable;
            totals.answered += answered;
            checklists.push(ChecklistScan {
                id: checklist.id.clone(),
                title: checklist.title.clone(),
                total,
                applicable,
                answered,
                score: weights.score(),
                open_high,
                skipped,
                excluded: checklist
                    .applies_if
                    .clone()
                    .filter(|c| !c.holds(intake.get(&c.flag).copied())),
                items,
            });
        }
        // Stable sort keeps checklist and item order within a severity.
        gaps.sort_by_key(|g| g.severity);
        totals.score = all.score();
        totals.gaps = gaps.len();
        let orphans = assessment
            .answers
            .iter()
            .filter(|(id, _)| catalog.item(id).is_none())
            .map(|(id, answer)| Orphan {
                id: id.clone(),
                status: answer.status,
                note: answer.note.clone(),
            })
            .collect();
        Scan {
            checklists,
            totals,
            gaps,
            orphans,
            today,
        }
    }

    /// Every item that applies and asks for a second look, in checklist order.
    pub fn rechecks(&self) -> impl Iterator<Item = &ItemState> {
        self.checklists
            .iter()
            .flat_map(|c| c.items.iter())
            .filter(|i| i.needs_recheck())
    }

    /// Gaps that have an action-plan entry, soonest due first (no date last).
    pub fn planned(&self) -> Vec<&Gap> {
        let mut planned: Vec<&Gap> = self.gaps.iter().filter(|g| g.plan.is_some()).collect();
        planned.sort_by_key(|g| {
            let due = g.plan.as_ref().and_then(|p| p.due);
            (due.is_none(), due)
        });
        planned
    }
}

#[cfg(test)]
mod tests;
