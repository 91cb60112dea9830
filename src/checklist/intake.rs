//! The intake: yes/no questions about the business that decide which items apply.

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use super::load::{LoadError, Validator, describe_toml_error};
use super::model::Source;
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
}

/// Parses and validates an intake file. Returns every problem found, not only the first.
pub fn parse_intake(text: &str, file: &str, source: Source) -> Result<Intake, Vec<LoadError>> {
    let mut v = Validator {
        file,
        text,
        errors: Vec::new(),
    };
    let raw: RawIntake = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(err) => {
            v.error(
                err.span().unwrap_or(0..0),
                describe_toml_error(err.message()),
            );
            return Err(v.errors);
        }
    };
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
        questions.push(IntakeQuestion {
            id,
            question,
            explanation,
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
