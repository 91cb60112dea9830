//! Tasks: what a person does to close gaps. Every item belongs to one (by `task = "id"`); the plan
//! ranks tasks, not single questions. Loaded from `tasks.toml`, bundled and in a user folder.

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use super::load::{LoadError, Validator};
use super::model::Source;

/// The file that holds the tasks, bundled and in a user folder.
pub const TASKS_FILE: &str = "tasks.toml";

/// How much work a task is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Effort {
    /// Less than an hour.
    Minutes,
    /// A few hours.
    Hours,
    /// A day or more.
    Days,
}

impl Effort {
    /// The identifier used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Effort::Minutes => "minuten",
            Effort::Hours => "uren",
            Effort::Days => "dagen",
        }
    }
}

/// One task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    /// Kebab-case id.
    pub id: String,
    /// What to do, as an instruction ("Sluit verwerkersovereenkomsten").
    pub title: String,
    /// The concrete steps, in order.
    pub steps: Vec<String>,
    /// How much work it is.
    pub effort: Effort,
    /// Whether the Autoriteit Persoonsgegevens (or the ACM) actively enforces this duty.
    pub enforced: bool,
    /// Authoritative pages (AP, KVK/Ondernemersplein, ACM, NCSC, Digital Trust Center).
    pub links: Vec<String>,
    /// Intake conditions under which the task weighs more for this business (sensitive data,
    /// children, many people): any one holding lifts it in the plan.
    pub priority_if: Vec<super::Condition>,
    /// The document the task keeps up to date (the register, the processors, the breach register):
    /// its gaps join the task in the plan.
    pub document: Option<crate::documents::DocumentKind>,
    /// The file it comes from, for messages.
    pub file: String,
}

/// Every task, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tasks {
    /// The tasks.
    pub tasks: Vec<Task>,
}

impl Tasks {
    /// A task by id.
    pub fn get(&self, id: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.id == id)
    }

    /// These tasks with those of `own` added; a task with the same id is replaced.
    pub fn extended_with(mut self, own: Tasks) -> Tasks {
        for task in own.tasks {
            match self.tasks.iter_mut().find(|t| t.id == task.id) {
                Some(slot) => *slot = task,
                None => self.tasks.push(task),
            }
        }
        self
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTasks {
    version: Option<Spanned<i64>>,
    reviewed: Option<Spanned<toml::value::Datetime>>,
    tasks: Option<Vec<Spanned<RawTask>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTask {
    id: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    steps: Option<Spanned<Vec<Spanned<String>>>>,
    effort: Option<Spanned<String>>,
    enforced: Option<bool>,
    links: Option<Vec<Spanned<String>>>,
    priority_if: Option<Spanned<toml::Value>>,
    document: Option<Spanned<String>>,
}

const DOCUMENTS: [(&str, crate::documents::DocumentKind); 3] = [
    ("register", crate::documents::DocumentKind::Register),
    ("verwerkers", crate::documents::DocumentKind::Processors),
    ("datalekken", crate::documents::DocumentKind::Breaches),
];

const EFFORTS: [(&str, Effort); 3] = [
    ("minuten", Effort::Minutes),
    ("uren", Effort::Hours),
    ("dagen", Effort::Days),
];

/// Parses and validates a tasks file. Returns every problem found, not only the first.
pub fn parse_tasks(text: &str, file: &str, _source: Source) -> Result<Tasks, Vec<LoadError>> {
    let (mut v, raw) = Validator::start::<RawTasks>(text, file)?;
    v.version(raw.version);
    v.reviewed(raw.reviewed);
    let mut seen = HashSet::new();
    let mut tasks = Vec::new();
    for raw_task in raw.tasks.unwrap_or_default() {
        let span = raw_task.span();
        let raw_task = raw_task.into_inner();
        let id_span = raw_task.id.as_ref().map_or(span.clone(), Spanned::span);
        let id = v.id(raw_task.id, span.clone());
        if !id.is_empty() && !seen.insert(id.clone()) {
            v.error(
                id_span,
                format!("de taak \"{id}\" komt al eerder voor in dit bestand"),
            );
        }
        let title = v.text(raw_task.title, "title", span.clone());
        let mut steps = Vec::new();
        match raw_task.steps {
            Some(list) if !list.get_ref().is_empty() => {
                for step in list.into_inner() {
                    let step_span = step.span();
                    let text = v.shown_text(step, "steps");
                    if text.is_empty() {
                        v.error(
                            step_span,
                            "een stap in `steps` is leeg; schrijf hem uit of haal hem weg",
                        );
                    } else {
                        steps.push(text);
                    }
                }
            }
            _ => v.error(
                span.clone(),
                "een taak heeft `steps` nodig: ten minste één concrete stap",
            ),
        }
        if raw_task.effort.is_none() {
            v.error(
                span,
                "het veld `effort` ontbreekt; kies \"minuten\", \"uren\" of \"dagen\"",
            );
        }
        let effort = v.choice(raw_task.effort, "effort", &EFFORTS, Effort::Hours);
        let links = v.links(raw_task.links);
        let priority_if = v.conditions(raw_task.priority_if);
        let document = raw_task.document.map(|d| {
            v.choice(
                Some(d),
                "document",
                &DOCUMENTS,
                crate::documents::DocumentKind::Register,
            )
        });
        tasks.push(Task {
            id,
            title,
            steps,
            effort,
            enforced: raw_task.enforced.unwrap_or(false),
            links,
            priority_if,
            document,
            file: file.to_owned(),
        });
    }
    if v.errors.is_empty() {
        Ok(Tasks { tasks })
    } else {
        Err(v.errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tasks_are_read_and_checked() {
        let text = "version = 1\nreviewed = 2026-12-01\n\n[[tasks]]\nid = \"cookies\"\ntitle = \"Vraag toestemming\"\nsteps = [\"Zet de banner aan.\"]\neffort = \"uren\"\nenforced = true\nlinks = [\"https://www.autoriteitpersoonsgegevens.nl/\"]\n";
        let tasks = parse_tasks(text, "tasks.toml", Source::Bundled).unwrap();
        let task = tasks.get("cookies").unwrap();
        assert_eq!(
            (task.effort, task.enforced, task.steps.len()),
            (Effort::Hours, true, 1)
        );
        let bad = "version = 1\nreviewed = 2026-12-01\n\n[[tasks]]\nid = \"x\"\ntitle = \"T\"\neffort = \"weken\"\nlinks = [\"ftp://x\"]\n";
        let errors: Vec<String> = parse_tasks(bad, "tasks.toml", Source::Bundled)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            errors
                .iter()
                .any(|e| e.contains("een taak heeft `steps` nodig")),
            "{errors:?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("tasks.toml:7:10: onbekende waarde \"weken\"")),
            "{errors:?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("\"ftp://x\" is geen webadres")),
            "{errors:?}"
        );
    }
}
