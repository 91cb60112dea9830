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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// A text of the content (an id, a title, a question, an action, a reference), shared instead of
/// copied: a scan, its gaps and the plan show the catalog's own texts. Cloning one counts a
/// reference; at 10,000 items copying them was some 100,000 strings and a tenth of a report's
/// memory. It cannot be changed, only replaced.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Text(std::sync::Arc<str>);

impl Text {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether it is the empty text.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text(text.into())
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text(text.into())
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Self {
        Text(text.as_str().into())
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Text {
    /// As a `str` is shown: with the width and alignment asked for (`{:<22}`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        &*self.0 == other.as_str()
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == &*other.0
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    /// Made from the text as the reader lends it (postcard's copies do), in one allocation.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Text, E> {
                Ok(Text::from(text))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// One yes/no question with its reason, remedy and legal basis. (Serialised only for pqs itself:
/// the parsed copies of user checklists, in postcard's form, which has every field written.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Global id: `<checklist-id>.<item-id>`.
    pub id: Text,
    /// Where the id within the checklist starts in [`Item::id`] (after `<checklist-id>.`): the
    /// local id is part of the global one, not a text of its own ([`Item::local_id`]).
    pub(super) local_start: u32,
    /// Optional grouping inside the checklist (e.g. a step of a plan).
    pub section: Option<Text>,
    /// The yes/no question, addressed to "je".
    pub question: Text,
    /// Why it matters and how, in plain language.
    pub explanation: String,
    /// What to do when the answer is not yes.
    pub action: Text,
    /// Legal reference, e.g. "art. 30 lid 1 sub f AVG".
    pub reference: Text,
    /// How serious a gap is.
    pub severity: Severity,
    /// Further reading.
    pub links: Vec<String>,
    /// The facts this item depends on (all must hold); empty when it applies to everyone.
    pub applies_if: Vec<Condition>,
    /// In the quick scan (`Basis`) or only in the full one.
    pub depth: Depth,
    /// Privacy law, consumer law or good practice.
    pub scope: Scope,
    /// The task (in `tasks.toml`) this item is part of; `None` makes it a task of its own.
    pub task: Option<Text>,
    /// The global id of the item this one follows up: asked only when that one is answered ja or
    /// deels.
    pub follows: Option<Text>,
    /// Global ids of earlier items this one takes the place of; their answers move here.
    pub replaces: Vec<String>,
    /// 1-based line and column of its `id` in the file, for messages about it.
    pub position: (usize, usize),
    /// [`fingerprint_value`] of the question, made once when the file is read (every scan
    /// compares it with the answers'), as the number it is: its 16 digits are written only where
    /// an answer stores them.
    pub(super) fingerprint: u64,
}

impl Item {
    /// The id within the checklist: [`Item::id`] after `<checklist-id>.`.
    pub fn local_id(&self) -> &str {
        self.id.get(self.local_start as usize..).unwrap_or_default()
    }

    /// A short, stable fingerprint of the question text (whitespace-insensitive), stored with an
    /// answer so a later change of the question can be noticed.
    pub fn fingerprint(&self) -> String {
        self.question_fingerprint().to_string()
    }

    /// [`Item::fingerprint`], without a `String`: written on the stack where it is compared.
    pub fn question_fingerprint(&self) -> Fingerprint {
        Fingerprint::new(self.fingerprint)
    }
}

/// A question's fingerprint in its 16 hex digits ([`fingerprint`]), made without an allocation.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint([u8; 16]);

impl Fingerprint {
    fn new(hash: u64) -> Fingerprint {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut digits = [0u8; 16];
        for (i, digit) in digits.iter_mut().enumerate() {
            *digit = DIGITS[((hash >> (60 - 4 * i)) & 0xf) as usize];
        }
        Fingerprint(digits)
    }

    /// The 16 digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("hex digits are ASCII")
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// FNV-1a (64 bit) over the words of `text`, as 16 hex digits. Stable across builds and platforms,
/// unlike the standard library's hasher.
pub fn fingerprint(text: &str) -> String {
    Fingerprint::new(fingerprint_value(text)).to_string()
}

/// [`fingerprint`] as the number its digits write.
pub fn fingerprint_value(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, word) in text.split_whitespace().enumerate() {
        let bytes = if i == 0 { &b""[..] } else { &b" "[..] };
        for byte in bytes.iter().chain(word.as_bytes()) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// How deep a scan goes: the quick scan asks the `Basis` items, the full scan everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Depth {
    /// In every scan: what a small business must have.
    Basis,
    /// Only in the full scan: the details a consultant checks.
    Verdieping,
}

impl Depth {
    /// The identifier used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Depth::Basis => "basis",
            Depth::Verdieping => "verdieping",
        }
    }
}

/// What kind of rule an item is about. Only privacy law counts in the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Privacy law: the AVG, the UAVG and the privacy rules of the Telecommunicatiewet.
    #[default]
    Avg,
    /// Consumer law (distance selling, payment): shown apart, not in the AVG score.
    Consumentenrecht,
    /// Good practice that no law requires: shown apart, not in the AVG score.
    GoedePraktijk,
}

impl Scope {
    /// Every scope, in the order reports show them.
    pub const ALL: [Scope; 3] = [Scope::Avg, Scope::Consumentenrecht, Scope::GoedePraktijk];

    /// The identifier used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Avg => "avg",
            Scope::Consumentenrecht => "consumentenrecht",
            Scope::GoedePraktijk => "goede-praktijk",
        }
    }
}

pub use super::condition::Condition;

/// A named list of items, loaded from one TOML file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    /// Kebab-case id, unique in the catalog.
    pub id: Text,
    /// Human title.
    pub title: Text,
    /// Raised when the meaning of a question changes.
    pub version: u32,
    /// Date the content was last checked against the law (YYYY-MM-DD).
    pub reviewed: String,
    /// Text shown before the first question.
    pub intro: Option<String>,
    /// Sort key among checklists.
    pub order: i64,
    /// The facts the whole checklist depends on (all must hold).
    pub applies_if: Vec<Condition>,
    /// Its own items, in the order they are asked.
    #[serde(deserialize_with = "items_at_once")]
    pub items: Vec<Item>,
    /// What the checklist shows, in order: its own items and items of other checklists that it
    /// lists by global id (asked once, where they live, and shown in both).
    pub entries: Vec<Entry>,
    /// Items that were removed on purpose: an answer to one is kept, and reported as retired
    /// with the reason, not as an unexplained orphan.
    pub retired: Vec<Retired>,
    /// Where it was loaded from.
    pub source: Source,
}

/// A checklist's items read from its copy into a list made once for as many as the copy says it
/// holds: serde's own makes room for at most 1 MiB at first and grows by doubling, which for
/// 10,000 items of some 280 bytes was two moves of megabytes and a seventh of a report's time.
/// Room for at most 65,536 is made at once (18 MB), more by growing: a copy made by hand that
/// claims millions runs out of bytes and is passed over without asking for more.
fn items_at_once<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<Item>, D::Error> {
    const MOST: usize = 1 << 16;
    struct Items;
    impl<'de> serde::de::Visitor<'de> for Items {
        type Value = Vec<Item>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of items")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Vec<Item>, A::Error> {
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MOST));
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(items)
        }
    }
    deserializer.deserialize_seq(Items)
}

/// One place in a checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Entry {
    /// Its own item, by index in `items`.
    Own(usize),
    /// An item of another checklist, by global id, with its line and column in the file.
    See(String, (usize, usize)),
}

/// An item removed on purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retired {
    /// Its global id.
    pub id: String,
    /// Why, for the report ("pqs beslist dit nu zelf uit de intake").
    pub reason: String,
}

/// Joins a checklist id and an item id into the global item id.
pub fn global_id(checklist: &str, item: &str) -> String {
    // Joined by hand, not with `format!`: a checklist of 10,000 items makes as many, and the
    // formatting machinery took 13 times as long (2 % of validating such a checklist).
    let mut id = String::with_capacity(checklist.len() + 1 + item.len());
    id.push_str(checklist);
    id.push('.');
    id.push_str(item);
    id
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

    /// The digits written on the stack are the standard library's `{:016x}`, which the stored
    /// answers were written with: leading zeros, every nibble in its place, lowercase.
    #[test]
    fn a_fingerprints_digits_are_its_number_in_sixteen_hex_digits() {
        let mut hash: u64 = 1;
        for value in [
            0,
            1,
            0xf,
            0x0123_4567_89ab_cdef,
            0xfedc_ba98_7654_3210,
            u64::MAX,
        ]
        .into_iter()
        .chain(std::iter::from_fn(|| {
            hash = hash.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(17);
            Some(hash)
        }))
        .take(1000)
        {
            assert_eq!(Fingerprint::new(value).as_str(), format!("{value:016x}"));
        }
    }

    #[test]
    fn weights_are_three_two_one() {
        assert_eq!(Severity::High.weight(), 3);
        assert_eq!(Severity::Medium.weight(), 2);
        assert_eq!(Severity::Low.weight(), 1);
    }

    #[test]
    fn a_text_is_shown_compared_and_stored_as_its_string() {
        let text = Text::from("vraag");
        assert_eq!(format!("[{text:<7}]"), "[vraag  ]");
        assert_eq!(format!("{text:?}"), "\"vraag\"");
        let owned = String::from("vraag");
        assert_eq!(text, "vraag");
        assert_eq!("vraag", text);
        assert_eq!(text, owned);
        assert_eq!(owned, text);
        assert_ne!(text, "vraag ");
        // A clone is the same text, not a copy of it.
        assert!(std::ptr::eq(text.as_str(), text.clone().as_str()));
        // Stored as a plain string, in both forms pqs writes.
        assert_eq!(serde_json::to_string(&text).unwrap(), "\"vraag\"");
        let bytes = postcard::to_allocvec(&text).unwrap();
        assert_eq!(bytes, postcard::to_allocvec("vraag").unwrap());
        assert_eq!(postcard::from_bytes::<Text>(&bytes).unwrap(), text);
        assert_eq!(serde_json::from_str::<Text>("\"v\\u00e9\"").unwrap(), "vé");
    }
}
