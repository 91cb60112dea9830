//! How long a scan takes: the words on screen for the questions still to answer, read at
//! [`WORDS_PER_MINUTE`]. The walk-through shows a question with its explanation, and a checklist's
//! introduction before its first question.

use super::scan::Scan;
use crate::checklist::{Catalog, Checklist, Facts, Intake};

/// Reading speed for the estimate.
pub const WORDS_PER_MINUTE: usize = 200;

/// Questions still to answer in the walk-through and the words on screen for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Estimate {
    /// Questions asked and not answered yet.
    pub questions: usize,
    /// Of them, the privacy-law questions (the ones the header and the reports count).
    pub privacy: usize,
    /// Words of their questions and explanations, and the introductions of their checklists.
    pub words: usize,
}

impl Estimate {
    /// Minutes of reading, rounded up.
    pub fn minutes(self) -> usize {
        self.words.div_ceil(WORDS_PER_MINUTE)
    }
}

/// Words in a text, as read.
fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The words on screen for one checklist question: the question and its explanation.
pub fn item_words(catalog: &Catalog, id: &str) -> usize {
    catalog
        .item(id)
        .map_or(0, |(_, i)| words(&i.question) + words(&i.explanation))
}

/// The words on screen before a checklist's first question: its introduction.
pub fn intro_words(checklist: &Checklist) -> usize {
    checklist.intro.as_deref().map_or(0, words)
}

/// What is left to answer in a scan.
pub fn remaining(catalog: &Catalog, scan: &Scan) -> Estimate {
    let mut estimate = Estimate::default();
    for (checklist, state) in catalog.checklists().iter().zip(&scan.checklists) {
        let open: Vec<_> = state
            .items
            .iter()
            .filter(|s| s.asked() && s.shared_from.is_none() && s.status.is_none())
            .collect();
        if open.is_empty() {
            continue;
        }
        estimate.words += intro_words(checklist);
        for item in open {
            estimate.questions += 1;
            estimate.privacy += usize::from(item.scope == crate::checklist::Scope::Avg);
            estimate.words += item_words(catalog, &item.id);
        }
    }
    estimate
}

/// The intake with these answers: the questions asked (an earlier answer can rule one out), with
/// the words of each question, its explanation and its choices, and of the introduction.
pub fn intake(intake: &Intake, answers: &Facts) -> Estimate {
    let mut estimate = Estimate {
        questions: 0,
        privacy: 0,
        words: intake.intro.as_deref().map_or(0, words),
    };
    for question in intake
        .questions
        .iter()
        .filter(|q| intake.is_asked(&q.id, answers))
    {
        estimate.questions += 1;
        estimate.words += words(&question.question)
            + words(&question.explanation)
            + question
                .choices
                .iter()
                .map(|c| words(&c.label))
                .sum::<usize>();
    }
    estimate
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Value;

    #[test]
    fn minutes_round_up_at_two_hundred_words() {
        let at = |words| {
            Estimate {
                questions: 1,
                privacy: 1,
                words,
            }
            .minutes()
        };
        assert_eq!((at(0), at(1), at(200), at(201)), (0, 1, 1, 2));
    }

    #[test]
    fn the_intake_counts_only_what_it_asks() {
        let intake = crate::checklist::intake::bundled_intake();
        let all = super::intake(&intake, &Facts::new());
        assert_eq!(all.questions, intake.questions.len());
        assert!(all.words > 10 * all.questions, "{all:?}");
        // No website: the questions about the website are not asked, so fewer and fewer words.
        let no_site = super::intake(
            &intake,
            &[("website".to_owned(), Value::No)].into_iter().collect(),
        );
        assert!(no_site.questions < all.questions, "{no_site:?}");
        assert!(no_site.words < all.words);
    }
}
