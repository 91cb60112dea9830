//! Checklist types: plain data, loaded from TOML by [`super::load`].

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// How serious a gap on an item is; also its weight in the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A hard legal obligation with direct impact on people.
    High,
    /// An obligation with limited direct harm, or strong guidance.
    Medium,
    /// Good practice.
    Low,
}

impl Severity {
    /// Every severity, most serious first.
    pub const ALL: [Severity; 3] = [Severity::High, Severity::Medium, Severity::Low];

    /// Weight in the score: high 3, medium 2, low 1.
    pub fn weight(self) -> u32 {
        match self {
            Severity::High => 3,
            Severity::Medium => 2,
            Severity::Low => 1,
        }
    }

    /// The identifier used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a checklist came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Embedded in the binary.
    Bundled,
    /// Read from a file in a user folder.
    File(PathBuf),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Bundled => f.write_str("bundled"),
            Source::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// One yes/no question with its reason, remedy and legal basis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Global id: `<checklist-id>.<item-id>`.
    pub id: String,
    /// Id within the checklist.
    pub local_id: String,
    /// Optional grouping inside the checklist (e.g. a step of a plan).
    pub section: Option<String>,
    /// The yes/no question, addressed to "je".
    pub question: String,
    /// Why it matters and how, in plain language.
    pub explanation: String,
    /// What to do when the answer is not yes.
    pub action: String,
    /// Legal reference, e.g. "art. 30 lid 1 sub f AVG".
    pub reference: String,
    /// How serious a gap is.
    pub severity: Severity,
    /// Further reading.
    pub links: Vec<String>,
    /// The intake answer this item depends on, if any.
    pub applies_if: Option<Condition>,
}

impl Item {
    /// A short, stable fingerprint of the question text (whitespace-insensitive), stored with an
    /// answer so a later change of the question can be noticed.
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.question)
    }
}

/// FNV-1a (64 bit) over the words of `text`, as 16 hex digits. Stable across builds and platforms,
/// unlike the standard library's hasher.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, word) in text.split_whitespace().enumerate() {
        let bytes = if i == 0 { &b""[..] } else { &b" "[..] };
        for byte in bytes.iter().chain(word.as_bytes()) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// `applies_if = "FLAG"` (applies when the intake answer is yes) or `"!FLAG"` (when it is no).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// The intake question's id.
    pub flag: String,
    /// True for `!FLAG`.
    pub negated: bool,
    /// 1-based line and column in the checklist file, for error messages.
    pub position: (usize, usize),
}

impl Condition {
    /// Parses `FLAG` or `!FLAG`; `None` when the flag is not kebab-case.
    pub fn parse(text: &str, position: (usize, usize)) -> Option<Condition> {
        let (negated, flag) = match text.trim().strip_prefix('!') {
            Some(rest) => (true, rest.trim()),
            None => (false, text.trim()),
        };
        is_kebab_case(flag).then(|| Condition {
            flag: flag.to_owned(),
            negated,
            position,
        })
    }

    /// Whether the condition holds for an intake answer; an unanswered question (`None`) always holds,
    /// so nothing is skipped before the user said so.
    pub fn holds(&self, answer: Option<bool>) -> bool {
        answer.is_none_or(|yes| yes != self.negated)
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negated {
            f.write_str("!")?;
        }
        f.write_str(&self.flag)
    }
}

/// A named list of items, loaded from one TOML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist {
    /// Kebab-case id, unique in the catalog.
    pub id: String,
    /// Human title.
    pub title: String,
    /// Raised when the meaning of a question changes.
    pub version: u32,
    /// Date the content was last checked against the law (YYYY-MM-DD).
    pub reviewed: String,
    /// Text shown before the first question.
    pub intro: Option<String>,
    /// Sort key among checklists.
    pub order: i64,
    /// The intake answer the whole checklist depends on, if any.
    pub applies_if: Option<Condition>,
    /// Items in the order they are asked.
    pub items: Vec<Item>,
    /// Where it was loaded from.
    pub source: Source,
}

/// Joins a checklist id and an item id into the global item id.
pub fn global_id(checklist: &str, item: &str) -> String {
    format!("{checklist}.{item}")
}

/// Whether `id` is kebab-case: lowercase ASCII letters and digits in groups joined by single hyphens,
/// starting with a letter.
pub fn is_kebab_case(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_accepts_lowercase_words_and_digits() {
        assert!(is_kebab_case("pv-identiteit-contact"));
        assert!(is_kebab_case("bp-2a-activiteit"));
        assert!(is_kebab_case("a"));
    }

    #[test]
    fn kebab_case_rejects_other_shapes() {
        for bad in [
            "", "Pv", "pv_x", "pv--x", "-pv", "pv-", "2pv", "pv x", "pv.x", "é",
        ] {
            assert!(!is_kebab_case(bad), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn fingerprint_ignores_spacing_but_not_words() {
        let a = fingerprint("Heb je een  register?");
        assert_eq!(a, fingerprint(" Heb je een\nregister? "));
        assert_ne!(a, fingerprint("Heb je een verwerkingsregister?"));
        assert_eq!(a.len(), 16);
        // Pinned: a change here would flag every stored answer as "vraag gewijzigd".
        assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn conditions_parse_and_unanswered_always_holds() {
        let yes = Condition::parse("webshop", (1, 1)).unwrap();
        let not = Condition::parse("!webshop", (1, 1)).unwrap();
        assert!(yes.holds(Some(true)) && !yes.holds(Some(false)) && yes.holds(None));
        assert!(!not.holds(Some(true)) && not.holds(Some(false)) && not.holds(None));
        assert_eq!(not.to_string(), "!webshop");
        assert!(Condition::parse("Web shop", (1, 1)).is_none());
        assert!(Condition::parse("!", (1, 1)).is_none());
    }

    #[test]
    fn weights_are_three_two_one() {
        assert_eq!(Severity::High.weight(), 3);
        assert_eq!(Severity::Medium.weight(), 2);
        assert_eq!(Severity::Low.weight(), 1);
    }
}
