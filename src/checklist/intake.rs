//! The intake: yes/no questions about the business that decide which items apply.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use super::load::{LoadError, Validator};
use super::model::{Condition, Source};
use super::suggest::{edit_distance, nearest};

/// One intake question; its id is the flag that `applies_if` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeQuestion {
    /// Kebab-case flag id.
    pub id: String,
    /// The yes/no question, addressed to "je".
    pub question: String,
    /// Why it is asked and what it switches.
    pub explanation: String,
    /// An earlier intake answer this question depends on; when it does not hold, the question is
    /// not asked and counts as "nee".
    pub applies_if: Option<Condition>,
}

/// The intake questions, in the order they are asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intake {
    /// Raised when the meaning of a question changes.
    pub version: u32,
    /// Date the content was last checked (YYYY-MM-DD).
    pub reviewed: String,
    /// Text shown before the first question.
    pub intro: Option<String>,
    /// The questions.
    pub questions: Vec<IntakeQuestion>,
    /// Where it was loaded from.
    pub source: Source,
}

impl Default for Intake {
    fn default() -> Self {
        Intake {
            version: 1,
            reviewed: String::new(),
            intro: None,
            questions: Vec::new(),
            source: Source::Bundled,
        }
    }
}

impl Intake {
    /// A question by flag id.
    pub fn question(&self, flag: &str) -> Option<&IntakeQuestion> {
        self.questions.iter().find(|q| q.id == flag)
    }

    /// This intake with the questions of `own` added; a question with the same id is replaced.
    pub fn extended_with(mut self, own: Intake) -> Intake {
        for question in own.questions {
            match self.questions.iter_mut().find(|q| q.id == question.id) {
                Some(slot) => *slot = question,
                None => self.questions.push(question),
            }
        }
        if own.intro.is_some() {
            self.intro = own.intro;
        }
        self
    }

    /// The answers that decide what applies: the user's, with "nee" for every question that is not
    /// asked because an earlier answer rules it out (no website, so no cookies).
    pub fn effective(&self, answers: &BTreeMap<String, bool>) -> BTreeMap<String, bool> {
        let mut effective = answers.clone();
        // A question depends only on earlier ones, so one pass in order settles every answer.
        for question in &self.questions {
            let asked = question
                .applies_if
                .as_ref()
                .is_none_or(|c| c.holds(effective.get(&c.flag).copied()));
            if !asked {
                effective.insert(question.id.clone(), false);
            }
        }
        effective
    }

    /// Whether a question is asked, given the answers so far.
    pub fn is_asked(&self, flag: &str, answers: &BTreeMap<String, bool>) -> bool {
        let effective = self.effective(answers);
        self.question(flag)
            .and_then(|q| q.applies_if.as_ref())
            .is_none_or(|c| c.holds(effective.get(&c.flag).copied()))
    }

    /// The answered question behind a flag's effective answer: the flag itself when the user
    /// answered it, else the earlier answer that made it "nee". With that answer.
    pub fn cause(
        &self,
        flag: &str,
        answers: &BTreeMap<String, bool>,
    ) -> Option<(&IntakeQuestion, bool)> {
        let question = self.question(flag)?;
        if !self.is_asked(flag, answers)
            && let Some(parent) = &question.applies_if
        {
            return self.cause(&parent.flag, answers);
        }
        answers.get(flag).map(|answer| (question, *answer))
    }

    /// Up to `limit` flag ids that look most like `wanted`, best first.
    pub fn suggest(&self, wanted: &str, limit: usize) -> Vec<&str> {
        nearest(
            wanted,
            self.flags(),
            |flag| edit_distance(wanted, flag),
            limit,
        )
    }

    /// Every flag id.
    pub fn flags(&self) -> impl Iterator<Item = &str> {
        self.questions.iter().map(|q| q.id.as_str())
    }
}

/// The file name that holds the intake, bundled and in a user folder.
pub const INTAKE_FILE: &str = "intake.toml";

/// The bundled intake text.
pub const BUNDLED_INTAKE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/checklists/intake.toml"
));

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIntake {
    version: Option<Spanned<i64>>,
    reviewed: Option<Spanned<toml::value::Datetime>>,
    intro: Option<Spanned<String>>,
    questions: Option<Spanned<Vec<Spanned<RawQuestion>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Option<Spanned<String>>,
    question: Option<Spanned<String>>,
    explanation: Option<Spanned<String>>,
    applies_if: Option<Spanned<String>>,
}

/// Parses and validates an intake file. Returns every problem found, not only the first.
pub fn parse_intake(text: &str, file: &str, source: Source) -> Result<Intake, Vec<LoadError>> {
    let (mut v, raw) = Validator::start::<RawIntake>(text, file)?;
    let version = v.version(raw.version);
    let reviewed = v.reviewed(raw.reviewed);
    let intro = v.optional_text(raw.intro, "intro");
    let raw_questions = match raw.questions {
        Some(questions) if !questions.get_ref().is_empty() => questions.into_inner(),
        _ => {
            v.error(
                0..0,
                "er staan geen intakevragen in dit bestand; voeg ten minste één `[[questions]]`-blok toe",
            );
            Vec::new()
        }
    };
    let mut seen = HashSet::new();
    let mut questions = Vec::with_capacity(raw_questions.len());
    for raw_question in raw_questions {
        let span = raw_question.span();
        let raw_question = raw_question.into_inner();
        let id_span = raw_question.id.as_ref().map_or(span.clone(), Spanned::span);
        let id = v.id(raw_question.id, span.clone());
        if !id.is_empty() && !seen.insert(id.clone()) {
            v.error(
                id_span,
                format!("de id \"{id}\" komt al eerder voor in dit bestand; elke intakevraag heeft een eigen id nodig"),
            );
        }
        let question = v.text(raw_question.question, "question", span.clone());
        let explanation = v.text(raw_question.explanation, "explanation", span);
        let condition_span = raw_question.applies_if.as_ref().map(Spanned::span);
        let applies_if = v.condition(raw_question.applies_if);
        if let (Some(condition), Some(condition_span)) = (&applies_if, condition_span)
            && !seen.contains(&condition.flag)
        {
            v.error(
                condition_span,
                format!(
                    "`applies_if` noemt \"{}\", maar een intakevraag kan alleen afhangen van een vraag die eerder in dit bestand staat",
                    condition.flag
                ),
            );
        }
        questions.push(IntakeQuestion {
            id,
            question,
            explanation,
            applies_if,
        });
    }
    if !v.errors.is_empty() {
        return Err(v.errors);
    }
    Ok(Intake {
        version,
        reviewed,
        intro,
        questions,
        source,
    })
}

/// The intake compiled into the binary.
pub fn bundled_intake() -> Intake {
    parse_intake(
        BUNDLED_INTAKE,
        &format!("bundled:{INTAKE_FILE}"),
        Source::Bundled,
    )
    .unwrap_or_else(|errors| panic!("bundled intake is invalid: {errors:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_intake_is_valid_and_covers_the_required_flags() {
        let intake = bundled_intake();
        for flag in [
            "webshop",
            "cookies",
            "personeel",
            "nieuwsbrief",
            "bijzondere-gegevens",
            "buiten-eer",
            "verwerkers",
            "fg",
            "verwerker-voor-klanten",
            "automatische-besluiten",
        ] {
            assert!(intake.question(flag).is_some(), "intake lacks {flag}");
        }
    }

    fn answers(pairs: &[(&str, bool)]) -> BTreeMap<String, bool> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
    }

    #[test]
    fn a_question_that_is_not_asked_counts_as_no_and_names_its_cause() {
        let intake = bundled_intake();
        let none = answers(&[]);
        assert!(intake.is_asked("cookies", &none));
        assert!(
            intake.effective(&none).is_empty(),
            "open questions stay open"
        );
        let stale = answers(&[("website", false), ("webshop", true)]);
        assert_eq!(
            intake.effective(&stale).get("webshop"),
            Some(&false),
            "not asked any more"
        );
        let no_site = answers(&[("website", false), ("cookies", true)]);
        assert!(!intake.is_asked("cookies", &no_site));
        let effective = intake.effective(&no_site);
        assert_eq!(effective.get("cookies"), Some(&false), "not asked, so no");
        assert_eq!(
            effective.get("analytics-zonder-toestemming"),
            Some(&false),
            "two levels down"
        );
        let (cause, answer) = intake
            .cause("analytics-zonder-toestemming", &no_site)
            .unwrap();
        assert_eq!((cause.id.as_str(), answer), ("website", false));
        let site = answers(&[("website", true), ("cookies", true)]);
        assert_eq!(intake.effective(&site).get("cookies"), Some(&true));
        assert_eq!(intake.cause("cookies", &site).unwrap().0.id, "cookies");
    }

    #[test]
    fn a_question_may_only_depend_on_an_earlier_one() {
        let text = "version = 1\nreviewed = 2026-01-01\n[[questions]]\nid = \"a\"\nquestion = \"A?\"\nexplanation = \"e\"\napplies_if = \"b\"\n[[questions]]\nid = \"b\"\nquestion = \"B?\"\nexplanation = \"e\"\n";
        let errors = parse_intake(text, "intake.toml", Source::Bundled).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0]
                .to_string()
                .starts_with("intake.toml:7:14: `applies_if` noemt \"b\""),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn duplicate_and_missing_fields_are_reported_with_position() {
        let text = "version = 1\nreviewed = 2026-01-01\n[[questions]]\nid = \"a\"\nquestion = \"Q?\"\nexplanation = \"e\"\n[[questions]]\nid = \"a\"\nquestion = \"Q?\"\n";
        let errors = parse_intake(text, "intake.toml", Source::Bundled).unwrap_err();
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            shown
                .iter()
                .any(|e| e.starts_with("intake.toml:8:6:") && e.contains("komt al eerder voor")),
            "{shown:?}"
        );
        assert!(
            shown.iter().any(|e| e.contains("`explanation` ontbreekt")),
            "{shown:?}"
        );
    }
}
