//! The intake: yes/no questions about the business that decide which items apply.

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use super::condition::{Condition, Facts, Value, first_failing, is_choice_id};
use super::load::{LoadError, Validator};
use super::model::Source;
use super::suggest::{edit_distance, nearest};

/// One intake question; its id is the flag that `applies_if` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeQuestion {
    /// Kebab-case flag id.
    pub id: String,
    /// The question, addressed to "je".
    pub question: String,
    /// Why it is asked and what it switches.
    pub explanation: String,
    /// Earlier intake answers this question depends on (all must hold); when they do not, the
    /// question is not asked and counts as "nee" (none of its choices).
    pub applies_if: Vec<Condition>,
    /// For a multiple-choice question, the choices in order; empty for a yes/no question.
    pub choices: Vec<Choice>,
}

impl IntakeQuestion {
    /// Whether this is a yes/no question (not multiple choice).
    pub fn is_yes_no(&self) -> bool {
        self.choices.is_empty()
    }

    /// Whether `other` asks the same: same wording, explanation, choices and conditions (where in
    /// a file they stand does not matter).
    pub fn same_as(&self, other: &IntakeQuestion) -> bool {
        let conditions = |q: &IntakeQuestion| -> Vec<String> {
            q.applies_if.iter().map(ToString::to_string).collect()
        };
        self.id == other.id
            && self.question == other.question
            && self.explanation == other.explanation
            && self.choices == other.choices
            && conditions(self) == conditions(other)
    }

    /// A choice by id.
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id == id)
    }
}

/// The answered question (or decision) that rules something out, with its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cause {
    /// The question's or decision's id.
    pub flag: String,
    /// The question (or the decision's title).
    pub question: String,
    /// The answer given (or decided).
    pub answer: Value,
    /// The label of a choice or outcome; `None` for yes and no.
    pub label: Option<String>,
}

/// One answer to a multiple-choice question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Its id, used in files and conditions (`2-9`, `consumenten`).
    pub id: String,
    /// What the user sees.
    pub label: String,
}

/// Something pqs decides from the intake answers instead of asking (must you keep a register,
/// appoint an FG, do a DPIA?), with the reasoning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// Kebab-case id; conditions can name it like a multiple-choice flag (`dpia=ja|misschien`).
    pub id: String,
    /// What is decided, as a question ("Moet je een verwerkingsregister bijhouden?").
    pub title: String,
    /// The rule in the law.
    pub reference: String,
    /// The possible outcomes; the first whose conditions all hold (with known answers) applies.
    pub outcomes: Vec<Outcome>,
}

/// One outcome of a decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// When it applies: every condition holds for an answered question; empty is "otherwise".
    pub when: Vec<Condition>,
    /// Its id for conditions (`ja`, `nee`, `misschien`).
    pub answer: String,
    /// The outcome in words ("Ja, dat moet je").
    pub label: String,
    /// Why, in plain words.
    pub reason: String,
    /// For an uncertain outcome: what to find out.
    pub find_out: Option<String>,
}

impl Decision {
    /// The outcome for these facts (intake answers as [`Intake::effective`] gives them), or `None`
    /// when the answers needed are not given yet. Outcomes are tried in order: one whose
    /// conditions fail on a given answer is passed over; the first whose conditions all hold on
    /// given answers is the outcome; one that could still hold, because an answer it needs is
    /// missing, means it is not yet to say (a later "otherwise" must not answer in its place).
    pub fn decide(&self, facts: &Facts) -> Option<&Outcome> {
        for outcome in &self.outcomes {
            let ruled_out = outcome
                .when
                .iter()
                .any(|c| facts.get(&c.flag).is_some_and(|fact| !c.holds(Some(fact))));
            if ruled_out {
                continue;
            }
            let settled = outcome
                .when
                .iter()
                .all(|c| c.holds_strictly(facts.get(&c.flag)));
            return settled.then_some(outcome);
        }
        None
    }
}

/// The intake questions, in the order they are asked, and what pqs decides from them.
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
    /// The decisions.
    pub decisions: Vec<Decision>,
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
            decisions: Vec::new(),
            source: Source::Bundled,
        }
    }
}

/// What a flag that conditions can name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagKind<'a> {
    /// A yes/no question.
    YesNo,
    /// A multiple-choice question, with these choices.
    Choices(&'a [Choice]),
    /// A decision, with these outcomes.
    Decision(&'a [Outcome]),
}

impl Intake {
    /// A question by flag id.
    pub fn question(&self, flag: &str) -> Option<&IntakeQuestion> {
        self.questions.iter().find(|q| q.id == flag)
    }

    /// A decision by id.
    pub fn decision(&self, id: &str) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.id == id)
    }

    /// What `flag` is, for checking a condition that names it; `None` when nothing has that id.
    pub fn kind(&self, flag: &str) -> Option<FlagKind<'_>> {
        if let Some(q) = self.question(flag) {
            return Some(if q.is_yes_no() {
                FlagKind::YesNo
            } else {
                FlagKind::Choices(&q.choices)
            });
        }
        self.decision(flag).map(|d| FlagKind::Decision(&d.outcomes))
    }

    /// This intake with the questions and decisions of `own` added; one with the same id is
    /// replaced.
    pub fn extended_with(mut self, own: Intake) -> Intake {
        for question in own.questions {
            match self.questions.iter_mut().find(|q| q.id == question.id) {
                Some(slot) => *slot = question,
                None => self.questions.push(question),
            }
        }
        for decision in own.decisions {
            match self.decisions.iter_mut().find(|d| d.id == decision.id) {
                Some(slot) => *slot = decision,
                None => self.decisions.push(decision),
            }
        }
        if own.intro.is_some() {
            self.intro = own.intro;
        }
        self
    }

    /// The facts that decide what applies: the user's answers, "nee" for every question that is
    /// not asked because an earlier answer rules it out (no website, so no cookies), and the
    /// outcome of every decision that can be made.
    pub fn effective(&self, answers: &Facts) -> Facts {
        let mut effective = answers.clone();
        // A question depends only on earlier ones, so one pass in order settles every answer.
        for question in &self.questions {
            if first_failing(&question.applies_if, &effective).is_some() {
                effective.insert(question.id.clone(), Value::No);
            }
        }
        for decision in &self.decisions {
            if let Some(outcome) = decision.decide(&effective) {
                effective.insert(decision.id.clone(), Value::Choice(outcome.answer.clone()));
            }
        }
        effective
    }

    /// Whether a question is asked, given the answers so far.
    pub fn is_asked(&self, flag: &str, answers: &Facts) -> bool {
        let effective = self.effective(answers);
        self.question(flag)
            .is_none_or(|q| first_failing(&q.applies_if, &effective).is_none())
    }

    /// The answered question behind a flag's effective answer: the flag itself when the user
    /// answered it, else the earlier answer that made it "nee". With that answer.
    pub fn cause(&self, flag: &str, answers: &Facts) -> Option<(&IntakeQuestion, Value)> {
        let question = self.question(flag)?;
        if !self.is_asked(flag, answers) {
            let effective = self.effective(answers);
            if let Some(parent) = first_failing(&question.applies_if, &effective) {
                return self.cause(&parent.flag, answers);
            }
        }
        answers.get(flag).map(|answer| (question, answer.clone()))
    }

    /// Why a condition does not hold: the answered question (or the decision) behind it, with the
    /// answer, for "geldt niet omdat je ... antwoordde".
    pub fn explain(&self, condition: &Condition, answers: &Facts) -> Cause {
        if let Some(decision) = self.decision(&condition.flag) {
            let facts = self.effective(answers);
            if let Some(outcome) = decision.decide(&facts) {
                return Cause {
                    flag: decision.id.clone(),
                    question: decision.title.clone(),
                    answer: Value::Choice(outcome.answer.clone()),
                    label: Some(outcome.label.clone()),
                };
            }
        }
        match self.cause(&condition.flag, answers) {
            Some((question, answer)) => Cause {
                flag: question.id.clone(),
                question: question.question.clone(),
                label: answer
                    .choice()
                    .and_then(|id| question.choice(id))
                    .map(|c| c.label.clone()),
                answer,
            },
            None => Cause {
                flag: condition.flag.clone(),
                question: condition.flag.clone(),
                answer: Value::No,
                label: None,
            },
        }
    }

    /// Up to `limit` flag ids that look most like `wanted`, best first.
    pub fn suggest(&self, wanted: &str, limit: usize) -> Vec<&str> {
        nearest(
            wanted,
            self.questions.iter().map(|q| q.id.as_str()),
            |flag| edit_distance(wanted, flag),
            limit,
        )
    }

    /// Every id a condition may name: the questions, then the decisions.
    pub fn flags(&self) -> impl Iterator<Item = &str> {
        self.questions
            .iter()
            .map(|q| q.id.as_str())
            .chain(self.decisions.iter().map(|d| d.id.as_str()))
    }

    /// An error for every condition (of a question or of a decision) that names no flag, or names
    /// it in the wrong form.
    pub fn check(&self, file: &str) -> Vec<LoadError> {
        let mut errors = Vec::new();
        let conditions = self.questions.iter().flat_map(|q| &q.applies_if).chain(
            self.decisions
                .iter()
                .flat_map(|d| d.outcomes.iter().flat_map(|o| &o.when)),
        );
        for condition in conditions {
            if let Some(message) = self.misfit(condition) {
                errors.push(LoadError {
                    file: file.to_owned(),
                    line: condition.position.0,
                    column: condition.position.1,
                    message,
                });
            }
        }
        errors
    }

    /// What is wrong with a condition against this intake, if anything.
    pub fn misfit(&self, condition: &Condition) -> Option<String> {
        let known: Vec<&str> = self.flags().collect();
        let Some(kind) = self.kind(&condition.flag) else {
            let close = nearest(
                &condition.flag,
                known.iter().copied(),
                |flag| edit_distance(&condition.flag, flag),
                1,
            );
            let hint = match close.first() {
                Some(close) => format!("bedoel je \"{close}\"? Bestaande: "),
                None => "bestaande: ".to_owned(),
            };
            return Some(format!(
                "de voorwaarde noemt \"{}\", maar die intakevraag of beslissing bestaat niet; {hint}{}",
                condition.flag,
                known.join(", ")
            ));
        };
        let allowed: Vec<&str> = match kind {
            FlagKind::YesNo if condition.is_yes_no() => return None,
            FlagKind::YesNo => {
                return Some(format!(
                    "\"{}\" is een ja/nee-vraag: schrijf \"{0}\" of \"!{0}\", zonder keuzes",
                    condition.flag
                ));
            }
            FlagKind::Choices(_) | FlagKind::Decision(_) if condition.is_yes_no() => {
                return Some(format!(
                    "\"{}\" is een meerkeuzevraag: noem de keuzes, bijvoorbeeld \"{0}=...\"",
                    condition.flag
                ));
            }
            FlagKind::Choices(choices) => choices.iter().map(|c| c.id.as_str()).collect(),
            FlagKind::Decision(outcomes) => outcomes.iter().map(|o| o.answer.as_str()).collect(),
        };
        let unknown: Vec<&String> = condition
            .choices()
            .iter()
            .filter(|c| !allowed.contains(&c.as_str()))
            .collect();
        (!unknown.is_empty()).then(|| {
            let unknown: Vec<&str> = unknown.iter().map(|s| s.as_str()).collect();
            format!(
                "\"{}\" heeft geen keuze {}; mogelijk zijn: {}",
                condition.flag,
                unknown.join(", "),
                allowed.join(", ")
            )
        })
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
    decisions: Option<Vec<Spanned<RawDecision>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Option<Spanned<String>>,
    question: Option<Spanned<String>>,
    explanation: Option<Spanned<String>>,
    applies_if: Option<Spanned<toml::Value>>,
    choices: Option<Spanned<Vec<Spanned<RawChoice>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    id: Option<Spanned<String>>,
    label: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDecision {
    id: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    reference: Option<Spanned<String>>,
    outcomes: Option<Spanned<Vec<Spanned<RawOutcome>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutcome {
    when: Option<Spanned<toml::Value>>,
    answer: Option<Spanned<String>>,
    label: Option<Spanned<String>>,
    reason: Option<Spanned<String>>,
    find_out: Option<Spanned<String>>,
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
        let applies_if = v.conditions(raw_question.applies_if);
        for condition in &applies_if {
            if !seen.contains(&condition.flag) || condition.flag == id {
                v.error_at(
                    condition.position,
                    format!(
                        "`applies_if` noemt \"{}\", maar een intakevraag kan alleen afhangen van een vraag die eerder in dit bestand staat",
                        condition.flag
                    ),
                );
            }
        }
        let choices = parse_choices(&mut v, raw_question.choices);
        questions.push(IntakeQuestion {
            id,
            question,
            explanation,
            applies_if,
            choices,
        });
    }
    let mut decisions = Vec::new();
    for raw_decision in raw.decisions.unwrap_or_default() {
        let span = raw_decision.span();
        let raw_decision = raw_decision.into_inner();
        let id_span = raw_decision.id.as_ref().map_or(span.clone(), Spanned::span);
        let id = v.id(raw_decision.id, span.clone());
        if !id.is_empty() && !seen.insert(id.clone()) {
            v.error(
                id_span,
                format!(
                    "de id \"{id}\" is al de id van een intakevraag of beslissing in dit bestand"
                ),
            );
        }
        let title = v.text(raw_decision.title, "title", span.clone());
        let reference = v.text(raw_decision.reference, "reference", span.clone());
        let mut outcomes = Vec::new();
        let raw_outcomes = match raw_decision.outcomes {
            Some(list) if !list.get_ref().is_empty() => list.into_inner(),
            _ => {
                v.error(
                    span,
                    "een beslissing heeft ten minste één `[[decisions.outcomes]]`-blok nodig",
                );
                Vec::new()
            }
        };
        for raw_outcome in raw_outcomes {
            let span = raw_outcome.span();
            let raw_outcome = raw_outcome.into_inner();
            let answer_span = raw_outcome
                .answer
                .as_ref()
                .map_or(span.clone(), Spanned::span);
            let answer = v.text(raw_outcome.answer, "answer", span.clone());
            if !answer.is_empty() && !is_choice_id(&answer) {
                v.error(
                    answer_span,
                    format!(
                        "ongeldige `answer` \"{}\": gebruik kleine letters, cijfers en losse streepjes, zoals \"ja\" of \"misschien\"",
                        crate::sanitize::line(&answer)
                    ),
                );
            }
            outcomes.push(Outcome {
                when: v.conditions(raw_outcome.when),
                answer,
                label: v.text(raw_outcome.label, "label", span.clone()),
                reason: v.text(raw_outcome.reason, "reason", span),
                find_out: v.optional_text(raw_outcome.find_out, "find_out"),
            });
        }
        decisions.push(Decision {
            id,
            title,
            reference,
            outcomes,
        });
    }
    if !v.errors.is_empty() {
        return Err(v.errors);
    }
    let intake = Intake {
        version,
        reviewed,
        intro,
        questions,
        decisions,
        source,
    };
    let errors = intake.check(file);
    if errors.is_empty() {
        Ok(intake)
    } else {
        Err(errors)
    }
}

/// The choices of a multiple-choice question: at least two, each with a unique id and a label.
fn parse_choices(
    v: &mut Validator<'_>,
    field: Option<Spanned<Vec<Spanned<RawChoice>>>>,
) -> Vec<Choice> {
    let Some(list) = field else {
        return Vec::new();
    };
    let span = list.span();
    let raw = list.into_inner();
    if raw.len() < 2 {
        v.error(
            span,
            "een meerkeuzevraag heeft ten minste twee `choices` nodig; laat `choices` weg voor een ja/nee-vraag",
        );
    }
    let mut ids = HashSet::new();
    let mut choices = Vec::new();
    for raw_choice in raw {
        let span = raw_choice.span();
        let raw_choice = raw_choice.into_inner();
        let id_span = raw_choice.id.as_ref().map_or(span.clone(), Spanned::span);
        let id = match raw_choice.id {
            Some(id) => id.into_inner().trim().to_owned(),
            None => {
                v.error(
                    span.clone(),
                    "een keuze heeft een `id` nodig, bijvoorbeeld `id = \"2-9\"`",
                );
                String::new()
            }
        };
        if !id.is_empty() && !is_choice_id(&id) {
            v.error(
                id_span.clone(),
                format!(
                    "ongeldige keuze-id \"{}\": gebruik kleine letters, cijfers en losse streepjes, zoals \"2-9\" of \"consumenten\"",
                    crate::sanitize::line(&id)
                ),
            );
        } else if !id.is_empty() && !ids.insert(id.clone()) {
            v.error(id_span, format!("de keuze \"{id}\" komt twee keer voor"));
        }
        let label = v.text(raw_choice.label, "label", span);
        choices.push(Choice { id, label });
    }
    choices
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

    fn answers(pairs: &[(&str, bool)]) -> Facts {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Value::from_bool(*v)))
            .collect()
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
        let stale = answers(&[("website", false), ("eigen-webserver", true)]);
        assert_eq!(
            intake.effective(&stale).get("eigen-webserver"),
            Some(&Value::No),
            "not asked any more"
        );
        let no_site = answers(&[("website", false), ("cookies", true)]);
        assert!(!intake.is_asked("cookies", &no_site));
        let effective = intake.effective(&no_site);
        assert_eq!(
            effective.get("cookies"),
            Some(&Value::No),
            "not asked, so no"
        );
        assert_eq!(
            effective.get("analytics-zonder-toestemming"),
            Some(&Value::No),
            "two levels down"
        );
        let (cause, answer) = intake
            .cause("analytics-zonder-toestemming", &no_site)
            .unwrap();
        assert_eq!((cause.id.as_str(), answer), ("website", Value::No));
        let site = answers(&[("website", true), ("cookies", true)]);
        assert_eq!(intake.effective(&site).get("cookies"), Some(&Value::Yes));
        assert_eq!(intake.cause("cookies", &site).unwrap().0.id, "cookies");
    }

    const DECIDING: &str = r#"
version = 1
reviewed = 2026-01-01
[[questions]]
id = "omvang"
question = "Hoeveel?"
explanation = "e"
choices = [{ id = "1", label = "Alleen ik" }, { id = "250-plus", label = "250 of meer" }]
[[questions]]
id = "klanten"
question = "Klanten?"
explanation = "e"
[[decisions]]
id = "register"
title = "Register?"
reference = "art. 30 lid 5 AVG"
[[decisions.outcomes]]
answer = "ja"
label = "Ja"
reason = "groot"
when = ["omvang=250-plus"]
[[decisions.outcomes]]
answer = "ja"
label = "Ja"
reason = "klanten"
when = ["klanten"]
[[decisions.outcomes]]
answer = "nee"
label = "Nee"
reason = "anders"
"#;

    #[test]
    fn a_decision_waits_for_the_answers_an_earlier_outcome_needs() {
        let intake = parse_intake(DECIDING, "intake.toml", Source::Bundled).unwrap();
        let register = intake.decision("register").unwrap();
        let decide = |pairs: &[(&str, Value)]| {
            let facts: Facts = pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect();
            register.decide(&facts).map(|o| o.reason.as_str())
        };
        let choice = |c: &str| Value::Choice(c.to_owned());
        // Nothing answered: "otherwise" must not answer for the outcomes before it.
        assert_eq!(decide(&[]), None);
        assert_eq!(decide(&[("omvang", choice("1"))]), None, "klanten is open");
        assert_eq!(decide(&[("klanten", Value::No)]), None, "omvang is open");
        assert_eq!(decide(&[("omvang", choice("250-plus"))]), Some("groot"));
        assert_eq!(
            decide(&[("omvang", choice("1")), ("klanten", Value::Yes)]),
            Some("klanten")
        );
        assert_eq!(
            decide(&[("omvang", choice("1")), ("klanten", Value::No)]),
            Some("anders")
        );
        // A question not asked counts as nee, so it settles a decision too.
        assert_eq!(
            intake
                .effective(
                    &[
                        ("omvang".to_owned(), choice("1")),
                        ("klanten".to_owned(), Value::No)
                    ]
                    .into_iter()
                    .collect()
                )
                .get("register"),
            Some(&choice("nee"))
        );
    }

    #[test]
    fn a_question_may_only_depend_on_an_earlier_one() {
        let text = "version = 1\nreviewed = 2026-01-01\n[[questions]]\nid = \"a\"\nquestion = \"A?\"\nexplanation = \"e\"\napplies_if = \"b\"\n[[questions]]\nid = \"b\"\nquestion = \"B?\"\nexplanation = \"e\"\n";
        let errors = parse_intake(text, "intake.toml", Source::Bundled).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0]
                .to_string()
                .starts_with("intake.toml:7:15: `applies_if` noemt \"b\""),
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
