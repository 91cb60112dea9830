//! A breach drill (oefening): the steps of the data-breach checklist in order
//! (`documents/oefening.toml`), each pointing at the question it practises, and where a drill
//! stands on them. The drill itself is a [`Breach`] marked `drill`; a step done is a
//! [`Step`](super::breaches::Step) with the script step's id, so who did what when is kept as typed.

use jiff::{SignedDuration, Timestamp};
use serde::Deserialize;

use super::Breach;
use super::breaches::Step;

/// The bundled drill.
const BUNDLED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/documents/oefening.toml"
));

/// The steps of a drill, as written in the file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Script {
    /// Format version.
    #[allow(dead_code)]
    version: u32,
    /// When the content was last reviewed.
    #[allow(dead_code)]
    reviewed: toml::value::Datetime,
    /// What a drill is and how to do it, shown when one starts.
    pub intro: String,
    /// The label of the evaluation that ends a drill.
    pub evaluation: String,
    /// The steps, in order.
    pub steps: Vec<ScriptStep>,
}

/// One step of the drill.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScriptStep {
    /// Id, stored with a step done.
    pub id: String,
    /// The checklist item it practises ("datalekken.dl-risico-beoordelen").
    pub item: String,
    /// What to do, one line.
    pub title: String,
}

/// Why the drill file is wrong (the bundled file is checked by a test, so this is for developers).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("documents/oefening.toml: {0}")]
pub struct ScriptError(String);

impl Script {
    /// The bundled drill, parsed once per process.
    pub fn bundled() -> &'static Script {
        static BUNDLED_SCRIPT: std::sync::OnceLock<Script> = std::sync::OnceLock::new();
        BUNDLED_SCRIPT.get_or_init(|| Script::parse(BUNDLED).unwrap_or_else(|e| panic!("{e}")))
    }

    /// Parses a drill file: at least one step, ids unique.
    pub fn parse(text: &str) -> Result<Script, ScriptError> {
        let script: Script = toml::from_str(text).map_err(|e| ScriptError(e.to_string()))?;
        if script.steps.is_empty() {
            return Err(ScriptError("geen stappen".into()));
        }
        for (i, step) in script.steps.iter().enumerate() {
            if script.steps[..i].iter().any(|s| s.id == step.id) {
                return Err(ScriptError(format!(
                    "stap \"{}\" staat er twee keer",
                    step.id
                )));
            }
        }
        Ok(script)
    }

    /// Where `drill` stands: per script step the last record of it, if done.
    pub fn progress<'a>(&'a self, drill: &'a Breach) -> Vec<(&'a ScriptStep, Option<&'a Step>)> {
        self.steps
            .iter()
            .map(|s| (s, drill.steps.iter().rev().find(|d| d.step == s.id)))
            .collect()
    }

    /// How many steps of `drill` are done, of how many.
    pub fn done_of(&self, drill: &Breach) -> (usize, usize) {
        let done = self
            .progress(drill)
            .iter()
            .filter(|(_, d)| d.is_some())
            .count();
        (done, self.steps.len())
    }

    /// The first step not done yet, by index; `None` when every step is done.
    pub fn next(&self, drill: &Breach) -> Option<usize> {
        self.progress(drill)
            .iter()
            .position(|(_, done)| done.is_none())
    }
}

/// How long the drill has run at `now` (since it was "found"), in whole minutes, never negative.
pub fn elapsed(drill: &Breach, now: Timestamp) -> SignedDuration {
    let d = now.duration_since(drill.found);
    let minutes = d.as_secs().max(0) / 60;
    SignedDuration::from_mins(minutes)
}

/// Records `step` done in `drill`: the first time as a new step at `now`; again, the record it
/// has is corrected (who and what, when given), keeping its time. Returns whether anything changed.
pub fn record(
    drill: &mut Breach,
    step: &ScriptStep,
    who: &str,
    what: &str,
    now: Timestamp,
) -> bool {
    let made = done(step, who, what, now);
    match drill.steps.iter_mut().rev().find(|s| s.step == step.id) {
        None => {
            drill.steps.push(made);
            true
        }
        Some(kept) => {
            let who = if who.trim().is_empty() {
                kept.who.clone()
            } else {
                made.who
            };
            let what = if what.trim().is_empty() {
                kept.what.clone()
            } else {
                made.what
            };
            let changed = kept.who != who || kept.what != what;
            kept.who = who;
            kept.what = what;
            changed
        }
    }
}

/// When a drill ended: at its evaluation, the last step done (or when the evaluation was
/// written, without steps); `None` while it runs.
pub fn ended(drill: &Breach) -> Option<Timestamp> {
    if drill.evaluation.trim().is_empty() {
        return None;
    }
    Some(
        drill
            .steps
            .iter()
            .map(|s| s.at)
            .max()
            .unwrap_or(drill.stamp.updated),
    )
}

/// A step done at `now`: the script step, who did it and what was done (the step's title when
/// nothing is typed). Stored as typed, one line each.
pub fn done(step: &ScriptStep, who: &str, what: &str, now: Timestamp) -> Step {
    let what = crate::sanitize::input_line(what);
    Step {
        at: now,
        who: crate::sanitize::input_line(who),
        what: if what.is_empty() {
            step.title.clone()
        } else {
            what
        },
        step: step.id.clone(),
    }
}
