//! Scores, gaps and orphans: a pure function of a catalog and an assessment.

use crate::assessment::{Assessment, Status};
use crate::checklist::{Catalog, Severity};

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
    pub answered_at: Option<jiff::Timestamp>,
}

/// Progress and score of one checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistScan {
    /// Checklist id.
    pub id: String,
    /// Checklist title.
    pub title: String,
    /// Number of items.
    pub total: usize,
    /// Items not answered "not applicable".
    pub applicable: usize,
    /// Items with an answer (any status).
    pub answered: usize,
    /// Score from 0 to 100.
    pub score: f64,
    /// Open gaps of high severity.
    pub open_high: usize,
    /// Every item, in order.
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
    /// Number of items.
    pub total: usize,
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
    /// Scores an assessment against a catalog.
    pub fn new(catalog: &Catalog, assessment: &Assessment) -> Self {
        let mut checklists = Vec::new();
        let mut gaps = Vec::new();
        let mut all = Weights::default();
        let mut totals = Totals {
            total: 0,
            applicable: 0,
            answered: 0,
            score: 0.0,
            gaps: 0,
        };
        for checklist in catalog.checklists() {
            let mut weights = Weights::default();
            let mut items = Vec::with_capacity(checklist.items.len());
            let (mut applicable, mut answered, mut open_high) = (0, 0, 0);
            for item in &checklist.items {
                let status = assessment.status(&item.id);
                weights.add(item.severity, status);
                all.add(item.severity, status);
                answered += usize::from(status.is_some());
                applicable += usize::from(status != Some(Status::NotApplicable));
                if !matches!(status, Some(Status::Yes | Status::NotApplicable)) {
                    open_high += usize::from(item.severity == Severity::High);
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
                        note: assessment.note(&item.id).to_owned(),
                    });
                }
                let answer = assessment.answers.get(&item.id);
                items.push(ItemState {
                    id: item.id.clone(),
                    status,
                    severity: item.severity,
                    section: item.section.clone(),
                    question: item.question.clone(),
                    reference: item.reference.clone(),
                    note: answer.map(|a| a.note.clone()).unwrap_or_default(),
                    answered_at: answer.map(|a| a.answered_at),
                });
            }
            totals.total += items.len();
            totals.applicable += applicable;
            totals.answered += answered;
            checklists.push(ChecklistScan {
                id: checklist.id.clone(),
                title: checklist.title.clone(),
                total: items.len(),
                applicable,
                answered,
                score: weights.score(),
                open_high,
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
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::checklist::{Source, parse_checklist};

    const FIRST: &str = r#"
id = "een"
title = "Een"
version = 1
reviewed = 2026-01-01
order = 1
[[items]]
id = "laag"
question = "L?"
explanation = "e"
action = "a"
reference = "r"
severity = "low"
[[items]]
id = "hoog"
question = "H?"
explanation = "e"
action = "a"
reference = "r"
severity = "high"
[[items]]
id = "middel"
question = "M?"
explanation = "e"
action = "a"
reference = "r"
severity = "medium"
"#;

    fn catalog() -> Catalog {
        let second = FIRST
            .replace("\"een\"", "\"twee\"")
            .replace("order = 1", "order = 2");
        Catalog::new([
            parse_checklist(&second, "twee", Source::Bundled).unwrap(),
            parse_checklist(FIRST, "een", Source::Bundled).unwrap(),
        ])
    }

    fn assessment(answers: &[(&str, Status)]) -> Assessment {
        let now = Timestamp::UNIX_EPOCH;
        let mut a = Assessment::new("Test", now);
        for (id, status) in answers {
            a.set_status(id, Some(*status), now);
        }
        a
    }

    #[test]
    fn score_weighs_severity_and_credits_partly_half() {
        // een: low yes (1 of 1), high partly (1.5 of 3), medium no (0 of 2) => 2.5 / 6
        let a = assessment(&[
            ("een.laag", Status::Yes),
            ("een.hoog", Status::Partly),
            ("een.middel", Status::No),
        ]);
        let scan = Scan::new(&catalog(), &a);
        let een = &scan.checklists[0];
        assert_eq!(een.id, "een");
        assert!((een.score - 250.0 / 6.0).abs() < 1e-9, "{}", een.score);
        assert_eq!((een.answered, een.applicable, een.total), (3, 3, 3));
        assert_eq!(een.open_high, 1);
        // twee is unanswered: 0 of 6. Total: 2.5 / 12.
        assert_eq!(scan.checklists[1].score, 0.0);
        assert!((scan.totals.score - 250.0 / 12.0).abs() < 1e-9);
    }

    #[test]
    fn not_applicable_leaves_both_sides() {
        let a = assessment(&[
            ("een.hoog", Status::NotApplicable),
            ("een.middel", Status::NotApplicable),
            ("een.laag", Status::Yes),
        ]);
        let scan = Scan::new(&catalog(), &a);
        assert_eq!(scan.checklists[0].score, 100.0);
        assert_eq!(scan.checklists[0].applicable, 1);
        assert_eq!(scan.checklists[0].answered, 3);
    }

    #[test]
    fn unknown_and_unanswered_score_zero() {
        let a = assessment(&[("een.hoog", Status::Unknown), ("een.middel", Status::No)]);
        assert_eq!(Scan::new(&catalog(), &a).checklists[0].score, 0.0);
    }

    #[test]
    fn everything_not_applicable_scores_full() {
        let ids = ["een.laag", "een.hoog", "een.middel"];
        let answers: Vec<_> = ids.iter().map(|id| (*id, Status::NotApplicable)).collect();
        assert_eq!(
            Scan::new(&catalog(), &assessment(&answers)).checklists[0].score,
            100.0
        );
    }

    #[test]
    fn gaps_are_high_first_then_checklist_then_item_order() {
        let a = assessment(&[
            ("een.laag", Status::Yes),
            ("twee.middel", Status::NotApplicable),
        ]);
        let scan = Scan::new(&catalog(), &a);
        let ids: Vec<&str> = scan.gaps.iter().map(|g| g.id.as_str()).collect();
        assert_eq!(ids, ["een.hoog", "twee.hoog", "een.middel", "twee.laag"]);
        assert_eq!(scan.totals.gaps, 4);
    }

    #[test]
    fn answers_without_item_are_orphans_and_do_not_count() {
        let a = assessment(&[("weg.vraag", Status::Yes), ("een.laag", Status::Yes)]);
        let scan = Scan::new(&catalog(), &a);
        assert_eq!(scan.orphans.len(), 1);
        assert_eq!(scan.orphans[0].id, "weg.vraag");
        assert_eq!(scan.totals.answered, 1);
    }
}
