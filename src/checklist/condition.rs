//! Facts about the business (intake answers and what pqs decides from them) and the conditions
//! that checklists, items and intake questions put on them.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One fact: the answer to a yes/no intake question, or the choice made in a multiple-choice
/// question (also the outcome of a decision pqs makes, by its id).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Value {
    /// Yes.
    Yes,
    /// No, or not asked because an earlier answer rules the question out.
    No,
    /// The id of the choice.
    Choice(String),
}

impl Value {
    /// `Yes` or `No`.
    pub fn from_bool(yes: bool) -> Value {
        if yes { Value::Yes } else { Value::No }
    }

    /// The answer as a boolean, for yes/no questions.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Yes => Some(true),
            Value::No => Some(false),
            Value::Choice(_) => None,
        }
    }

    /// The id of a choice.
    pub fn choice(&self) -> Option<&str> {
        match self {
            Value::Choice(id) => Some(id),
            _ => None,
        }
    }
}

/// In files a yes/no answer is a TOML boolean, a choice its id as a string.
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Yes => s.serialize_bool(true),
            Value::No => s.serialize_bool(false),
            Value::Choice(id) => s.serialize_str(id),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Bool(bool),
            Text(String),
        }
        Ok(match Raw::deserialize(d)? {
            Raw::Bool(yes) => Value::from_bool(yes),
            Raw::Text(id) => Value::Choice(id),
        })
    }
}

/// Facts by flag: intake answers (with "nee" for questions not asked) and decision outcomes.
pub type Facts = BTreeMap<String, Value>;

/// What a condition asks of a fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Test {
    /// `FLAG`: the answer is yes.
    Yes,
    /// `!FLAG`: the answer is no.
    No,
    /// `FLAG=a|b`: the choice is one of these.
    OneOf(Vec<String>),
    /// `FLAG!=a|b`: the choice is none of these.
    NoneOf(Vec<String>),
}

/// A condition on one fact: `"webshop"`, `"!personeel"`, `"omvang=50-249|250-plus"`,
/// `"klanten!=bedrijven"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    /// The intake question's or decision's id.
    pub flag: String,
    /// What the fact must be.
    pub test: Test,
    /// 1-based line and column in the file, for error messages.
    pub position: (usize, usize),
}

impl Condition {
    /// Parses a condition; `None` when it is not of one of the four forms with kebab-case ids.
    pub fn parse(text: &str, position: (usize, usize)) -> Option<Condition> {
        let text = text.trim();
        let kebab = super::model::is_kebab_case;
        let choices = |list: &str| -> Option<Vec<String>> {
            let ids: Vec<String> = list.split('|').map(|c| c.trim().to_owned()).collect();
            ids.iter().all(|c| kebab_or_range(c)).then_some(ids)
        };
        let (flag, test) = if let Some((flag, list)) = text.split_once("!=") {
            (flag.trim(), Test::NoneOf(choices(list)?))
        } else if let Some((flag, list)) = text.split_once('=') {
            (flag.trim(), Test::OneOf(choices(list)?))
        } else if let Some(flag) = text.strip_prefix('!') {
            (flag.trim(), Test::No)
        } else {
            (text, Test::Yes)
        };
        kebab(flag).then(|| Condition {
            flag: flag.to_owned(),
            test,
            position,
        })
    }

    /// Whether the condition holds for a fact. An unanswered question (`None`) always holds, so
    /// nothing is skipped before the user said so. A "no" (also: not asked) is none of the choices.
    pub fn holds(&self, fact: Option<&Value>) -> bool {
        fact.is_none_or(|fact| self.holds_for(fact))
    }

    /// Whether the condition holds for a known fact; an unknown one does not (for decisions, which
    /// need facts).
    pub fn holds_strictly(&self, fact: Option<&Value>) -> bool {
        fact.is_some_and(|fact| self.holds_for(fact))
    }

    fn holds_for(&self, fact: &Value) -> bool {
        match (&self.test, fact) {
            (Test::Yes, Value::Yes) | (Test::No, Value::No) => true,
            (Test::OneOf(ids), Value::Choice(c)) => ids.contains(c),
            (Test::NoneOf(ids), Value::Choice(c)) => !ids.contains(c),
            (Test::NoneOf(_), Value::No) => true,
            _ => false,
        }
    }

    /// Whether the condition asks a yes/no question (rather than a choice).
    pub fn is_yes_no(&self) -> bool {
        matches!(self.test, Test::Yes | Test::No)
    }

    /// The choice ids the condition names.
    pub fn choices(&self) -> &[String] {
        match &self.test {
            Test::OneOf(ids) | Test::NoneOf(ids) => ids,
            Test::Yes | Test::No => &[],
        }
    }
}

/// A choice id: kebab-case, or a range of digits such as `2-9`, `50-249` or `250-plus`.
fn kebab_or_range(id: &str) -> bool {
    super::model::is_kebab_case(id) || is_choice_id(id)
}

/// Whether `id` can be a choice: kebab-case, or starting with a digit (`2-9`, `250-plus`), in
/// lowercase letters, digits and single hyphens.
pub fn is_choice_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.test {
            Test::Yes => f.write_str(&self.flag),
            Test::No => write!(f, "!{}", self.flag),
            Test::OneOf(ids) => write!(f, "{}={}", self.flag, ids.join("|")),
            Test::NoneOf(ids) => write!(f, "{}!={}", self.flag, ids.join("|")),
        }
    }
}

/// All of `conditions` hold for `facts` (an empty list always holds); the first that does not.
pub fn first_failing<'a>(conditions: &'a [Condition], facts: &Facts) -> Option<&'a Condition> {
    conditions.iter().find(|c| !c.holds(facts.get(&c.flag)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(text: &str) -> Condition {
        Condition::parse(text, (1, 1)).unwrap_or_else(|| panic!("{text} parses"))
    }

    fn choice(id: &str) -> Value {
        Value::Choice(id.into())
    }

    #[test]
    fn the_four_forms_parse_and_print_back() {
        for text in [
            "webshop",
            "!personeel",
            "omvang=50-249|250-plus",
            "klanten!=bedrijven",
        ] {
            assert_eq!(c(text).to_string(), text);
        }
        assert_eq!(c(" omvang = 2-9 | 10-49 ").to_string(), "omvang=2-9|10-49");
        for bad in ["Web shop", "!", "omvang=", "omvang=A", "=x", "a=b|", "2-9"] {
            assert!(Condition::parse(bad, (1, 1)).is_none(), "{bad}");
        }
    }

    #[test]
    fn unanswered_always_holds_and_not_asked_is_none_of_the_choices() {
        let yes = c("webshop");
        let not = c("!webshop");
        assert!(yes.holds(Some(&Value::Yes)) && !yes.holds(Some(&Value::No)) && yes.holds(None));
        assert!(!not.holds(Some(&Value::Yes)) && not.holds(Some(&Value::No)) && not.holds(None));
        let big = c("omvang=50-249|250-plus");
        assert!(big.holds(Some(&choice("250-plus"))) && !big.holds(Some(&choice("2-9"))));
        assert!(
            !big.holds(Some(&Value::No)),
            "not asked: none of the choices"
        );
        let not_b2b = c("klanten!=bedrijven");
        assert!(
            not_b2b.holds(Some(&choice("beide"))) && !not_b2b.holds(Some(&choice("bedrijven")))
        );
        assert!(not_b2b.holds(Some(&Value::No)));
        assert!(!big.holds_strictly(None) && big.holds_strictly(Some(&choice("250-plus"))));
    }

    #[test]
    fn values_are_booleans_or_choice_ids_in_files() {
        #[derive(Serialize, Deserialize, PartialEq, Debug)]
        struct T {
            a: Value,
            b: Value,
            c: Value,
        }
        let t = T {
            a: Value::Yes,
            b: Value::No,
            c: choice("2-9"),
        };
        let text = toml::to_string(&t).unwrap();
        assert_eq!(text, "a = true\nb = false\nc = \"2-9\"\n");
        assert_eq!(toml::from_str::<T>(&text).unwrap(), t);
    }
}
