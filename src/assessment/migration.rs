//! Moving answers to the items that replace earlier ones (`replaces` in a checklist), so a
//! merged, split or renamed question keeps what was answered: status, note, history and plan.

use jiff::Timestamp;

use super::model::{Answer, Assessment, Earlier};
use super::store::{Saved, Store, StoreError, Writer};
use crate::checklist::{Catalog, Replaced};

/// Where the answers of a replaced item go: what [`migrate`] reads of a catalog, or of what a
/// command kept of one ([`Catalog::replaced`]).
pub trait Replacements {
    /// The item that replaced `old`, when `old` is no longer an item.
    fn replacement_of(&self, old: &str) -> Option<&str>;
}

impl Replacements for Catalog {
    fn replacement_of(&self, old: &str) -> Option<&str> {
        self.moved_to(old)
    }
}

impl Replacements for Replaced {
    fn replacement_of(&self, old: &str) -> Option<&str> {
        self.replacement(old)
    }
}

/// What opening an assessment moved to the items that replace earlier ones.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Migrated {
    /// The answers moved, in id order; empty when nothing had to move.
    pub moved: Vec<Moved>,
    /// Where the file was copied before it changed (when something moved).
    pub backup: Option<std::path::PathBuf>,
}

/// One answer moved: from the earlier id to the item that replaces it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    /// The earlier item id.
    pub from: String,
    /// The item it moved to.
    pub to: String,
}

/// Moves every answer, note, history and plan entry of an item that `catalog` says was replaced to
/// its replacement. When the replacement has an answer too (two merged questions), the later one
/// stays current and the other joins the history, so nothing is lost; plan entries are kept, the
/// second one's agreed action added to the first's. Returns what moved, in id order.
pub fn migrate(catalog: &impl Replacements, assessment: &mut Assessment) -> Vec<Moved> {
    let mut moved = Vec::new();
    let old_ids: Vec<String> = assessment
        .answers
        .keys()
        .chain(assessment.plan.keys())
        // Most catalogs replace nothing: that is asked first.
        .filter(|id| catalog.replacement_of(id).is_some())
        .cloned()
        .collect();
    for old in old_ids {
        let Some(new) = catalog.replacement_of(&old).map(str::to_owned) else {
            continue;
        };
        if let Some(answer) = assessment.answers.remove(&old) {
            let merged = match assessment.answers.remove(&new) {
                Some(current) => combine(current, answer),
                None => answer,
            };
            assessment.answers.insert(new.clone(), merged);
        }
        if let Some(entry) = assessment.plan.remove(&old) {
            match assessment.plan.get_mut(&new) {
                None => {
                    assessment.plan.insert(new.clone(), entry);
                }
                Some(kept) => {
                    if !entry.action.trim().is_empty() && !kept.action.contains(&entry.action) {
                        if !kept.action.is_empty() {
                            kept.action.push_str("; ");
                        }
                        kept.action.push_str(&entry.action);
                    }
                    if kept.owner.is_empty() {
                        kept.owner = entry.owner;
                    }
                    if kept.due.is_none() {
                        kept.due = entry.due;
                    }
                }
            }
        }
        if assessment.known_items.remove(&old) {
            assessment.known_items.insert(new.clone());
        }
        if moved.last().is_none_or(|m: &Moved| m.from != old) {
            moved.push(Moved { from: old, to: new });
        }
    }
    moved
}

/// Two answers to questions merged into one: the later is current, the other in the history.
fn combine(a: Answer, b: Answer) -> Answer {
    let (mut later, earlier) = if b.answered_at > a.answered_at {
        (b, a)
    } else {
        (a, b)
    };
    let mut history = later.history.clone();
    history.extend(earlier.history.iter().cloned());
    history.push(Earlier::new(
        earlier.status,
        earlier.note.clone(),
        earlier.answered_at,
    ));
    history.sort_by_key(|e| e.at);
    history.dedup();
    if later.note.is_empty() {
        later.note = earlier.note;
    }
    later.history = history;
    later
}

impl Writer {
    /// Reads the assessment and moves answers of replaced items to their replacement
    /// ([`migrate`]); when anything moved, the file as it was goes to `backup/` first and the
    /// result is saved. Returns the assessment (`None` when there is no file) and what moved.
    pub fn read_migrated(
        &self,
        catalog: &impl Replacements,
        now: Timestamp,
    ) -> Result<Option<(Assessment, Migrated)>, StoreError> {
        let Some(mut assessment) = self.read()? else {
            return Ok(None);
        };
        let moved = migrate(catalog, &mut assessment);
        let mut backup = None;
        if !moved.is_empty() {
            backup = self.backup(now)?;
            if let Saved::Merged(merged) = self.save(&assessment)? {
                assessment = *merged;
            }
        }
        Ok(Some((assessment, Migrated { moved, backup })))
    }
}

impl Store {
    /// Reads an assessment without locking it, with answers of replaced items moved to their
    /// replacement in memory (the file is not changed: that happens when it is next opened to
    /// write).
    pub fn read_migrated(
        &self,
        name: &str,
        catalog: &impl Replacements,
    ) -> Result<Option<Assessment>, StoreError> {
        Ok(self.read(name)?.map(|mut assessment| {
            migrate(catalog, &mut assessment);
            assessment
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{PlanEntry, Status};
    use crate::checklist::{Source, parse_checklist};

    fn at(minute: i64) -> Timestamp {
        Timestamp::from_second(1_795_428_000 + 60 * minute).unwrap()
    }

    fn catalog() -> Catalog {
        let text = "id = \"nieuw\"\ntitle = \"N\"\nversion = 2\nreviewed = 2026-12-01\n\n[[items]]\nid = \"grondslag\"\nquestion = \"Q?\"\nexplanation = \"E.\"\naction = \"A.\"\nreference = \"art. 6 AVG\"\nseverity = \"high\"\nreplaces = [\"oud.grondslag-a\", \"oud.grondslag-b\"]\n";
        Catalog::new([parse_checklist(text, "nieuw.toml", Source::Bundled).unwrap()])
    }

    #[test]
    fn merged_questions_keep_every_answer_note_and_plan() {
        let mut a = Assessment::new("X", at(0));
        a.set_status("oud.grondslag-a", Some(Status::Yes), None, at(1));
        a.set_note("oud.grondslag-a", "staat in de verklaring", at(1));
        a.set_status("oud.grondslag-b", Some(Status::No), None, at(3));
        a.set_plan(
            "oud.grondslag-b",
            PlanEntry {
                owner: "Sanne".into(),
                due: None,
                action: "Grondslag per doel".into(),
                ..Default::default()
            },
            at(3),
        );
        a.set_status("weg.iets", Some(Status::Partly), None, at(1));
        // What `pqs answer` keeps of the catalog moves the same answers.
        let mut kept = a.clone();
        assert_eq!(
            migrate(&catalog().replaced(), &mut kept),
            migrate(&catalog(), &mut a.clone())
        );
        let moved = migrate(&catalog(), &mut a);
        assert_eq!(kept, a);
        assert_eq!(
            moved,
            [
                Moved {
                    from: "oud.grondslag-a".into(),
                    to: "nieuw.grondslag".into()
                },
                Moved {
                    from: "oud.grondslag-b".into(),
                    to: "nieuw.grondslag".into()
                }
            ]
        );
        let answer = &a.answers["nieuw.grondslag"];
        assert_eq!(
            answer.status,
            Some(Status::No),
            "the later answer is current"
        );
        assert_eq!(answer.note, "staat in de verklaring", "the note is kept");
        assert_eq!(
            answer.history[0].status,
            Some(Status::Yes),
            "the other is history"
        );
        assert_eq!(a.plan["nieuw.grondslag"].owner, "Sanne");
        assert!(!a.answers.contains_key("oud.grondslag-a"));
        assert!(
            a.answers.contains_key("weg.iets"),
            "an orphan stays an orphan"
        );
        assert!(
            migrate(&catalog(), &mut a).is_empty(),
            "a second run moves nothing"
        );
    }

    #[test]
    fn opening_to_write_backs_up_then_saves_the_moved_answers() {
        let root = tempfile::tempdir().unwrap();
        let store = Store::new(root.path());
        let mut old = Assessment::new("X", at(0));
        old.set_status("oud.grondslag-a", Some(Status::Yes), None, at(1));
        store.lock("k").unwrap().save(&old).unwrap();
        let before = std::fs::read(store.path("k")).unwrap();
        let writer = store.lock("k").unwrap();
        let (assessment, migrated) = writer.read_migrated(&catalog(), at(5)).unwrap().unwrap();
        let moved = migrated.moved;
        assert!(migrated.backup.is_some());
        assert_eq!(moved.len(), 1);
        assert_eq!(assessment.status("nieuw.grondslag"), Some(Status::Yes));
        let backups: Vec<_> = std::fs::read_dir(root.path().join("backup"))
            .unwrap()
            .collect();
        assert_eq!(backups.len(), 1);
        let kept = backups[0].as_ref().unwrap().path();
        assert_eq!(
            std::fs::read(kept).unwrap(),
            before,
            "the old file, as it was"
        );
        let saved = store.read("k").unwrap().unwrap();
        assert_eq!(saved.status("nieuw.grondslag"), Some(Status::Yes));
        let (_, again) = writer.read_migrated(&catalog(), at(6)).unwrap().unwrap();
        let again = again.moved;
        assert!(again.is_empty(), "nothing to move the second time");
    }
}
