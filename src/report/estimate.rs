//! How long a scan takes: the words on screen for the questions still to answer, read at
//! [`WORDS_PER_MINUTE`]. The walk-through shows a question with its explanation, and a checklist's
//! introduction before its first question.

use super::scan::Scan;
use crate::checklist::Catalog;

/// Reading speed for the estimate.
pub const WORDS_PER_MINUTE: usize = 200;

/// Questions still to answer in the walk-through and the words on screen for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Estimate {
    /// Questions asked and not answered yet.
    pub questions: usize,
    /// Words of their questions and explanations, and the introductions of their checklists.
    pub words: usize,
}

impl Estimate {
    /// Minutes of reading, rounded up.
    pub fn minutes(self) -> usize {
        self.words.div_ceil(WORDS_PER_MINUTE)
    }
}

/// What is left to answer in a scan.
pub fn remaining(catalog: &Catalog, scan: &Scan) -> Estimate {
    let words = |text: &str| text.split_whitespace().count();
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
        estimate.words += checklist.intro.as_deref().map_or(0, words);
        for item in open {
            let explanation = catalog
                .item(&item.id)
                .map_or(0, |(_, i)| words(&i.explanation));
            estimate.questions += 1;
            estimate.words += words(&item.question) + explanation;
        }
    }
    estimate
}
