//! The content in use: the bundled checklists, intake, tasks and glossary, plus a user folder that
//! adds or overrides, checked together (a parent in another checklist, a task, an intake flag).

use std::fs;
use std::path::{Path, PathBuf};

use super::bundled::Compact;
use super::condition::Facts;
use super::glossary::{GLOSSARY_FILE, Glossary, parse_glossary};
use super::intake::{INTAKE_FILE, Intake, parse_intake};
use super::load::LoadError;
use super::model::{Checklist, Condition, Entry, Item, Source, Text};
use super::parse::parse_checklist;
use super::suggest::{edit_distance, nearest};
use super::tasks::{TASKS_FILE, Tasks, parse_tasks};
use crate::fs_util::{self, FsError, Limits};
use crate::hashing::{Map, Set, map_with_capacity};
use crate::parsed_copy;

/// Every checklist in use, in display order, with the intake that decides what applies, the tasks
/// the plan is made of and the glossary.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    checklists: Vec<Checklist>,
    intake: Intake,
    tasks: Tasks,
    glossary: Glossary,
    /// Global item id to (checklist index, item index): finding an item (and so telling an orphan
    /// answer) costs the same for 10 items as for 10,000.
    index: Map<Text, (usize, usize)>,
    /// Where each checklist's items start in [`Catalog::items`]' order (see [`Catalog::place`]).
    starts: Vec<usize>,
    /// Global item id to the positions of the items that follow it up, in catalog order.
    follow_ups: Map<Text, Vec<(usize, usize)>>,
    /// An earlier item id to the item that replaces it.
    replaced: Map<String, Text>,
    /// An item removed on purpose, with the reason.
    retired: Map<String, String>,
}

/// Why the catalog could not be built.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// One or more checklist files are invalid.
    #[error("{}", render_errors(.0))]
    Invalid(Vec<LoadError>),
    /// The user folder or a file in it could not be read.
    #[error(transparent)]
    Read(#[from] FsError),
}

fn render_errors(errors: &[LoadError]) -> String {
    let mut out = errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    out.push_str(
        "\nHerstel het bestand (zie checklists/README.md voor het formaat) of haal het uit de map.",
    );
    out
}

/// The parts of the content besides the checklists.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// The intake.
    pub intake: Intake,
    /// The tasks.
    pub tasks: Tasks,
    /// The glossary.
    pub glossary: Glossary,
}

impl Content {
    /// The bundled intake, tasks and glossary.
    pub fn bundled() -> Content {
        bundled_parts().0
    }
}

/// The code `build.rs` writes from the bundled files after validating them with the loader's own
/// functions (`build/compact.rs`): it builds the [`Compact`] content without parsing anything.
/// (Every type the content can hold is imported; content that holds none of one is no mistake.)
#[allow(unused_imports)]
mod compiled {
    use super::Compact;
    use crate::checklist::condition::{Condition, Test};
    use crate::checklist::glossary::{Glossary, Term};
    use crate::checklist::intake::{Choice, Decision, Intake, IntakeQuestion, Outcome};
    use crate::checklist::model::{
        Checklist, Depth, Entry, Item, Retired, Scope, Severity, Source, Text,
    };
    use crate::checklist::tasks::{Effort, Task, Tasks};
    use crate::documents::DocumentKind;

    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// The bundled content and checklists, built by the code `build.rs` wrote ([`compiled`]): no
/// TOML is parsed at start-up, nor anything else.
pub(super) fn bundled_parts() -> (Content, Vec<Checklist>) {
    let compact = compiled::compact();
    let content = Content {
        intake: compact.intake,
        tasks: compact.tasks,
        glossary: compact.glossary,
    };
    (content, compact.checklists)
}

/// The replaced items of a catalog, each with its replacement ([`Catalog::replaced`]): for a
/// command that lets go of a large catalog before it reads the assessment (`pqs answer`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Replaced(Map<String, Text>);

impl Replaced {
    /// The item that replaced `old`, if one did.
    pub fn replacement(&self, old: &str) -> Option<&str> {
        self.0.get(old).map(Text::as_str)
    }
}

impl Catalog {
    /// Builds a catalog from checklists already loaded; later ones override earlier ones with the same id.
    pub fn new(checklists: impl IntoIterator<Item = Checklist>) -> Self {
        Catalog::with_content(Content::default(), checklists)
    }

    /// Builds a catalog with an intake; see [`Catalog::new`].
    pub fn with_intake(intake: Intake, checklists: impl IntoIterator<Item = Checklist>) -> Self {
        Catalog::with_content(
            Content {
                intake,
                ..Content::default()
            },
            checklists,
        )
    }

    /// Builds a catalog from checklists and the rest of the content; see [`Catalog::new`].
    pub fn with_content(content: Content, checklists: impl IntoIterator<Item = Checklist>) -> Self {
        let mut out: Vec<Checklist> = Vec::new();
        for mut checklist in checklists {
            // A list read from a copy or a file grew by doubling: up to half of it is room that
            // is never used, and the heap holds it as long as the catalog (at 10,000 items
            // 1.7 MB). Given back, where it is, to the next allocations.
            checklist.items.shrink_to_fit();
            checklist.entries.shrink_to_fit();
            match out.iter_mut().find(|c| c.id == checklist.id) {
                Some(slot) => *slot = checklist,
                None => out.push(checklist),
            }
        }
        out.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
        // Sized once: grown by doubling, it rehashed every id at each step (4 M instructions at
        // 10,000 items; the walk-through's order in `check` likewise).
        let mut index = map_with_capacity(out.iter().map(|c| c.items.len()).sum());
        let mut replaced = Map::default();
        let mut retired = Map::default();
        for (ci, checklist) in out.iter().enumerate() {
            for (ii, item) in checklist.items.iter().enumerate() {
                index.insert(item.id.clone(), (ci, ii));
                for old in &item.replaces {
                    replaced
                        .entry(old.clone())
                        .or_insert_with(|| item.id.clone());
                }
            }
            for r in &checklist.retired {
                retired.insert(r.id.clone(), r.reason.clone());
            }
        }
        let mut follow_ups: Map<Text, Vec<(usize, usize)>> = Map::default();
        for (ci, checklist) in out.iter().enumerate() {
            for (ii, item) in checklist.items.iter().enumerate() {
                if let Some(&(pc, pi)) = item.follows.as_deref().and_then(|p| index.get(p)) {
                    follow_ups
                        .entry(out[pc].items[pi].id.clone())
                        .or_default()
                        .push((ci, ii));
                }
            }
        }
        let starts = out
            .iter()
            .scan(0, |start, checklist| {
                let this = *start;
                *start += checklist.items.len();
                Some(this)
            })
            .collect();
        Catalog {
            starts,
            checklists: out,
            intake: content.intake,
            tasks: content.tasks,
            glossary: content.glossary,
            index,
            follow_ups,
            replaced,
            retired,
        }
    }

    /// The bundled content only.
    pub fn bundled() -> Self {
        let (content, checklists) = bundled_parts();
        Catalog::with_content(content, checklists)
    }

    /// The bundled content plus every `*.toml` in `user_dir` (a missing folder is fine): checklists
    /// add or replace bundled ones with the same id; an `intake.toml`, `tasks.toml` or
    /// `glossary.toml` there adds to the bundled one (replacing what has the same id). Everything
    /// is checked together ([`Catalog::check`]).
    pub fn load(user_dir: Option<&Path>) -> Result<Self, CatalogError> {
        Catalog::load_keeping(user_dir, None)
    }

    /// [`Catalog::load`], keeping a parsed copy of each user checklist in `copies`
    /// ([`load_file_keeping`]).
    pub fn load_keeping(user_dir: Option<&Path>, copies: Copies) -> Result<Self, CatalogError> {
        let (mut content, mut all) = bundled_parts();
        let bundled = all.len();
        let mut own_content = false;
        if let Some(dir) = user_dir {
            all.extend(load_folder(dir, copies)?);
            if let Some(own) = load_intake_in(dir)? {
                content.intake = content.intake.extended_with(own);
                own_content = true;
            }
            if let Some(own) = load_special(dir, TASKS_FILE, |text, file| {
                parse_tasks(text, file, Source::File(dir.join(TASKS_FILE)))
            })? {
                content.tasks = content.tasks.extended_with(own);
                own_content = true;
            }
            if let Some(own) = load_special(dir, GLOSSARY_FILE, parse_glossary)? {
                content.glossary = content.glossary.extended_with(own);
                own_content = true;
            }
        }
        let own_content = own_content || all.len() > bundled;
        let catalog = Catalog::with_content(content, all);
        // The bundled content alone passes every check (a test holds it to that), so only a
        // catalog with something of the user's in it is checked again.
        let errors = if own_content {
            catalog.check()
        } else {
            Vec::new()
        };
        if errors.is_empty() {
            Ok(catalog)
        } else {
            Err(CatalogError::Invalid(errors))
        }
    }

    /// The intake questions and decisions.
    pub fn intake(&self) -> &Intake {
        &self.intake
    }

    /// The tasks.
    pub fn tasks(&self) -> &Tasks {
        &self.tasks
    }

    /// The glossary.
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// Every problem that needs more than one file to see: conditions naming no intake flag (or in
    /// the wrong form), a `follows` that names no item, runs in a circle, is gated more loosely
    /// than its parent or is asked in the quick scan below a parent that is not, a `see` that names
    /// no item (or one that is itself a `see`), a follow-up the walk-through would meet before its
    /// parent, an id replaced twice or replaced while it still exists, and a task that does not
    /// exist.
    pub fn check(&self) -> Vec<LoadError> {
        let mut errors = check_flags(&self.checklists, &self.intake);
        for task in &self.tasks.tasks {
            for condition in &task.priority_if {
                if let Some(message) = self.intake.misfit(condition) {
                    errors.push(LoadError {
                        file: task.file.clone(),
                        line: condition.position.0,
                        column: condition.position.1,
                        message: format!("`priority_if` van taak \"{}\": {message}", task.id),
                    });
                }
            }
        }
        // Where the walk-through first meets each item: a parent must come before its follow-ups.
        // An item is met where it lives, or earlier where a checklist lists it with `see`; each
        // entry's step in the walk is kept by place, so only the few `see` entries are hashed.
        let mut own_step: Vec<Vec<Option<usize>>> = Vec::with_capacity(self.checklists.len());
        let mut see_step: Map<&str, usize> = Map::default();
        let mut step = 0;
        for checklist in &self.checklists {
            let mut own = vec![None; checklist.items.len()];
            for entry in &checklist.entries {
                match entry {
                    Entry::Own(i) => {
                        if let Some(slot) = own.get_mut(*i) {
                            slot.get_or_insert(step);
                        }
                    }
                    Entry::See(id, _) => {
                        see_step.entry(id.as_str()).or_insert(step);
                    }
                }
                step += 1;
            }
            own_step.push(own);
        }
        let first_seen = |id: &str| {
            let own = self.position(id).and_then(|(ci, ii)| own_step[ci][ii]);
            match (own, see_step.get(id).copied()) {
                (Some(own), Some(see)) => Some(own.min(see)),
                (own, see) => own.or(see),
            }
        };
        for checklist in &self.checklists {
            let file = file_label(checklist);
            let at = |(line, column): (usize, usize), message: String| LoadError {
                file: file.clone(),
                line,
                column,
                message,
            };
            for entry in &checklist.entries {
                if let Entry::See(id, position) = entry
                    && self.item(id).is_none()
                {
                    errors.push(at(
                        *position,
                        format!("`see` noemt \"{id}\", maar die vraag bestaat niet"),
                    ));
                }
            }
            for item in &checklist.items {
                if let Some(message) = self.follow_problem(checklist, item) {
                    errors.push(at(item.position, message));
                } else if let Some(parent) = &item.follows
                    && first_seen(parent.as_str()) > first_seen(item.id.as_str())
                {
                    let fix = if parent.starts_with(&format!("{}.", checklist.id)) {
                        "zet deze vraag in het bestand onder die vraag".to_owned()
                    } else {
                        format!(
                            "zet `see = \"{parent}\"` in een blok boven deze vraag, of zet de checklists in een andere volgorde (`order`)"
                        )
                    };
                    errors.push(at(
                        item.position,
                        format!(
                            "de vraag volgt op \"{parent}\", maar die komt pas later aan bod; {fix}"
                        ),
                    ));
                }
                if let Some(task) = &item.task
                    && self.tasks.get(task).is_none()
                {
                    errors.push(at(
                        item.position,
                        format!("de taak \"{task}\" staat niet in tasks.toml"),
                    ));
                }
                for old in &item.replaces {
                    let message = if self.index.contains_key(old.as_str()) {
                        Some(format!(
                            "`replaces` noemt \"{old}\", maar die vraag bestaat nog; vervang alleen vragen die weg zijn"
                        ))
                    } else if self.replaced.get(old) != Some(&item.id) {
                        Some(format!(
                            "\"{old}\" wordt ook vervangen door \"{}\"; een oude vraag kan maar één opvolger hebben",
                            self.replaced.get(old).map_or("?", Text::as_str)
                        ))
                    } else if self.retired.contains_key(old) {
                        Some(format!(
                            "\"{old}\" staat ook bij `retired`; kies: vervangen of met reden weggehaald"
                        ))
                    } else {
                        None
                    };
                    if let Some(message) = message {
                        errors.push(at(item.position, message));
                    }
                }
            }
        }
        errors
    }

    /// What is wrong with an item's `follows`, if anything.
    fn follow_problem(&self, checklist: &Checklist, item: &Item) -> Option<String> {
        let parent_id = item.follows.as_ref()?;
        let Some((parent_list, parent)) = self.item(parent_id) else {
            return Some(format!(
                "`follows` noemt \"{parent_id}\", maar die vraag bestaat niet"
            ));
        };
        // Up the chain: a circle comes back to this item.
        let mut seen = Set::from_iter([item.id.as_str()]);
        let mut up = Some(parent);
        while let Some(next) = up {
            if !seen.insert(next.id.as_str()) {
                return Some(format!(
                    "`follows` maakt een kring: \"{}\" volgt (via \"{parent_id}\") uiteindelijk op zichzelf",
                    item.id
                ));
            }
            up = next
                .follows
                .as_deref()
                .and_then(|id| self.item(id))
                .map(|(_, i)| i);
        }
        let own: Set<String> = conditions(checklist, item)
            .map(ToString::to_string)
            .collect();
        let missing: Vec<String> = conditions(parent_list, parent)
            .map(ToString::to_string)
            .filter(|c| !own.contains(c))
            .collect();
        if !missing.is_empty() {
            return Some(format!(
                "de vraag volgt op \"{parent_id}\", maar geldt ook waar die niet geldt: zet {} ook in de `applies_if` van deze vraag, of haal `follows` weg",
                missing
                    .iter()
                    .map(|c| format!("\"{c}\""))
                    .collect::<Vec<_>>()
                    .join(" en ")
            ));
        }
        if item.depth < parent.depth {
            return Some(format!(
                "de vraag staat in de snelle scan (depth = \"basis\") maar volgt op \"{parent_id}\", die alleen in de volledige scan staat"
            ));
        }
        None
    }

    /// The condition that rules an item out (the checklist's first, then the item's), or `None`
    /// when it applies. `facts` are the intake answers from [`Intake::effective`].
    pub fn excluded_by<'a>(
        &self,
        checklist: &'a Checklist,
        item: &'a Item,
        facts: &Facts,
    ) -> Option<&'a Condition> {
        conditions(checklist, item).find(|c| !c.holds(facts.get(&c.flag)))
    }

    /// A hash of what a scan reads from the catalog (the checklists and the intake, with where
    /// they came from), for a cache of results computed from it: a change to any of it changes the
    /// digest. Stable within one build of pqs only.
    pub fn digest(&self) -> u64 {
        struct Feed(std::hash::DefaultHasher);
        impl std::fmt::Write for Feed {
            fn write_str(&mut self, s: &str) -> std::fmt::Result {
                std::hash::Hasher::write(&mut self.0, s.as_bytes());
                Ok(())
            }
        }
        let mut feed = Feed(std::hash::DefaultHasher::new());
        // Debug shows every field; the model holds no hash maps, so the order is fixed.
        let _ = std::fmt::Write::write_fmt(
            &mut feed,
            format_args!("{:?}{:?}", self.checklists, self.intake),
        );
        std::hash::Hasher::finish(&feed.0)
    }

    /// Checklists in display order.
    pub fn checklists(&self) -> &[Checklist] {
        &self.checklists
    }

    /// A checklist by id.
    pub fn checklist(&self, id: &str) -> Option<&Checklist> {
        self.checklists.iter().find(|c| c.id == id)
    }

    /// Every item, in checklist order, with its checklist (each once, where it lives).
    pub fn items(&self) -> impl Iterator<Item = (&Checklist, &Item)> {
        self.checklists
            .iter()
            .flat_map(|c| c.items.iter().map(move |i| (c, i)))
    }

    /// How many items [`Catalog::items`] gives (ids are unique in a catalog that passed its check;
    /// otherwise a lower bound, fine for sizing).
    pub fn item_count(&self) -> usize {
        self.index.len()
    }

    /// Where an item lives: its checklist's index and its own index there, which orders items as
    /// [`Catalog::items`] does.
    pub fn position(&self, global_id: &str) -> Option<(usize, usize)> {
        self.index.get(global_id).copied()
    }

    /// An item's place in [`Catalog::items`]: what a list of every item's state is indexed by.
    pub fn place(&self, global_id: &str) -> Option<usize> {
        self.position(global_id)
            .map(|(ci, ii)| self.starts[ci] + ii)
    }

    /// Where the items of the checklist at `index` start in [`Catalog::items`]: the place of its
    /// item `i` is this plus `i`.
    pub fn start_of(&self, index: usize) -> usize {
        self.starts[index]
    }

    /// The items that follow up `global_id` directly (`follows`), in catalog order.
    pub fn follow_ups(&self, global_id: &str) -> impl Iterator<Item = (&Checklist, &Item)> {
        self.follow_ups
            .get(global_id)
            .into_iter()
            .flatten()
            .map(|&(ci, ii)| (&self.checklists[ci], &self.checklists[ci].items[ii]))
    }

    /// An item by global id (`checklist.item`).
    pub fn item(&self, global_id: &str) -> Option<(&Checklist, &Item)> {
        let &(ci, ii) = self.index.get(global_id)?;
        let checklist = &self.checklists[ci];
        Some((checklist, &checklist.items[ii]))
    }

    /// The item that takes the place of an earlier one, if any.
    pub fn replacement(&self, old: &str) -> Option<&str> {
        self.replaced.get(old).map(Text::as_str)
    }

    /// Where the answers of `old` go: its replacement, when `old` is no longer an item.
    pub fn moved_to(&self, old: &str) -> Option<&str> {
        self.replacement(old).filter(|_| self.item(old).is_none())
    }

    /// Every item [`Catalog::moved_to`] moves, with where: what
    /// [`crate::assessment::migration::migrate`] reads of a catalog, kept without it.
    pub fn replaced(&self) -> Replaced {
        Replaced(
            self.replaced
                .iter()
                .filter(|(old, _)| self.moved_to(old).is_some())
                .map(|(old, new)| (old.clone(), new.clone()))
                .collect(),
        )
    }

    /// Why an earlier item was removed, when that was on purpose.
    pub fn retired(&self, old: &str) -> Option<&str> {
        self.retired.get(old).map(String::as_str)
    }

    /// Up to `limit` global ids that look most like `wanted`, best first; a bare item id (without
    /// its checklist) counts as an exact hit.
    pub fn suggest(&self, wanted: &str, limit: usize) -> Vec<&str> {
        let local_suffix = format!(".{wanted}");
        let score = |id: &str| {
            if id.ends_with(&local_suffix) {
                0
            } else {
                edit_distance(wanted, id)
            }
        };
        nearest(
            wanted,
            self.items().map(|(_, i)| i.id.as_str()),
            score,
            limit,
        )
    }
}

/// A checklist's conditions and then an item's: all must hold for the item to apply.
pub fn conditions<'a>(
    checklist: &'a Checklist,
    item: &'a Item,
) -> impl Iterator<Item = &'a Condition> {
    checklist.applies_if.iter().chain(item.applies_if.iter())
}

/// How a checklist is named in messages: its file, or `bundled:ID.toml`.
pub(super) fn file_label(checklist: &Checklist) -> String {
    match &checklist.source {
        Source::File(path) => path.display().to_string(),
        Source::Bundled => format!("bundled:{}.toml", checklist.id),
    }
}

/// An error for every condition in `checklists` that names no flag of `intake`, or names it in the
/// wrong form (a choice of a yes/no question, a choice that does not exist).
pub fn check_flags(checklists: &[Checklist], intake: &Intake) -> Vec<LoadError> {
    let mut errors = Vec::new();
    for checklist in checklists {
        let file = file_label(checklist);
        let all = checklist
            .applies_if
            .iter()
            .chain(checklist.items.iter().flat_map(|i| &i.applies_if));
        for condition in all {
            if let Some(message) = intake.misfit(condition) {
                errors.push(LoadError {
                    file: file.clone(),
                    line: condition.position.0,
                    column: condition.position.1,
                    message: format!("`applies_if`: {message}"),
                });
            }
        }
    }
    errors
}

/// The `intake.toml` in `dir`, if there is one.
pub fn load_intake_in(dir: &Path) -> Result<Option<Intake>, CatalogError> {
    let path = dir.join(INTAKE_FILE);
    if !path.is_file() {
        return Ok(None);
    }
    load_intake_file(&path).map(Some)
}

/// Loads and validates one intake file.
pub fn load_intake_file(path: &Path) -> Result<Intake, CatalogError> {
    let text = read_checklist_text(path)?;
    parse_intake(
        &text,
        &path.display().to_string(),
        Source::File(path.to_owned()),
    )
    .map_err(CatalogError::Invalid)
}

/// A special file (`tasks.toml`, `glossary.toml`) in `dir`, parsed, if there is one.
fn load_special<T>(
    dir: &Path,
    name: &str,
    parse: impl Fn(&str, &str) -> Result<T, Vec<LoadError>>,
) -> Result<Option<T>, CatalogError> {
    let path = dir.join(name);
    if !path.is_file() {
        return Ok(None);
    }
    let text = read_checklist_text(&path)?;
    parse(&text, &path.display().to_string())
        .map(Some)
        .map_err(CatalogError::Invalid)
}

/// The names in a content folder that are not checklists.
pub const SPECIAL_FILES: [&str; 3] = [INTAKE_FILE, TASKS_FILE, GLOSSARY_FILE];

/// Whether a file is an intake file rather than a checklist (by its name).
pub fn is_intake_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == INTAKE_FILE)
}

/// Whether a file is one of the special files rather than a checklist (by its name).
pub fn is_special_file(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| SPECIAL_FILES.iter().any(|s| n == *s))
}

/// Loads every checklist `*.toml` in `dir`, sorted by file name. A missing folder yields nothing.
pub fn load_folder(dir: &Path, copies: Copies) -> Result<Vec<Checklist>, CatalogError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(fs_util::io("kan de map {} niet lezen", dir)(source).into()),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && !is_special_file(p))
        .collect();
    paths.sort();
    let mut checklists = Vec::new();
    let mut errors = Vec::new();
    // A `.toml` that is not a regular file (a folder, a FIFO, a link to a device or to nothing) is
    // an error, not skipped: a checklist that silently fails to load turns its answers into orphans.
    paths.retain(|path| match fs::metadata(path) {
        Ok(meta) if meta.is_file() => true,
        other => {
            let kind = match &other {
                Ok(meta) => fs_util::kind_of(&meta.file_type()),
                Err(_) => "een koppeling naar iets dat niet bestaat",
            };
            errors.push(LoadError {
                file: path.display().to_string(),
                line: 1,
                column: 1,
                message: format!(
                    "dit is {kind}, geen checklistbestand; haal het uit de map of geef het een andere naam"
                ),
            });
            false
        }
    });
    for path in paths {
        match load_file_keeping(&path, copies) {
            Ok(checklist) => {
                // Two user files with one id: which one wins would be an accident of file names.
                if let Some(first) = checklists
                    .iter()
                    .find(|c: &&Checklist| c.id == checklist.id)
                {
                    errors.push(duplicate_id(&path, &checklist.id, &first.source));
                } else {
                    checklists.push(checklist);
                }
            }
            Err(CatalogError::Invalid(mut e)) => errors.append(&mut e),
            Err(other) => return Err(other),
        }
    }
    if errors.is_empty() {
        Ok(checklists)
    } else {
        Err(CatalogError::Invalid(errors))
    }
}

/// The error for a second file in a folder with the id of an earlier one, at the line of its `id`.
fn duplicate_id(path: &Path, id: &str, first: &Source) -> LoadError {
    let text = read_checklist_text(path).unwrap_or_default();
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("id") && l.contains(&format!("\"{id}\"")))
        .map_or(1, |i| i + 1);
    LoadError {
        file: path.display().to_string(),
        line,
        column: 1,
        message: format!(
            "de checklist-id \"{id}\" staat ook in {first}; geef een van beide een andere id of haal er een weg"
        ),
    }
}

/// How checklist and intake files are read: regular files up to [`fs_util::MAX_CHECKLIST_BYTES`].
pub const CHECKLIST_LIMITS: Limits = Limits {
    bytes: fs_util::MAX_CHECKLIST_BYTES,
    what: "checklistbestanden",
    no_symlink: None,
};

/// The text of a checklist or intake file; a folder, device or oversized file is refused unread.
pub fn read_checklist_text(path: &Path) -> Result<String, FsError> {
    fs_util::read_text(path, CHECKLIST_LIMITS)
}

/// Loads and validates one checklist file.
pub fn load_file(path: &Path) -> Result<Checklist, CatalogError> {
    load_file_keeping(path, None)
}

/// What a user checklist's copy is a copy of, in its key (with the file's path and text).
const COPY_KIND: &str = "checklist";

/// The folder where parsed copies of user checklists are kept ([`crate::parsed_copy`]), or `None`
/// to keep none.
pub type Copies<'a> = Option<&'a Path>;

/// [`load_file`], from a parsed copy in `copies` when one was made of exactly this file's text;
/// otherwise parsed and validated, and the copy made. A file with errors gets no copy, so its
/// errors are found again each time.
pub fn load_file_keeping(path: &Path, copies: Copies) -> Result<Checklist, CatalogError> {
    let file = path.display().to_string();
    // The copy, found without holding the file's text (3.4 MB at 10,000 items); on anything
    // else the file is read and its copy made as always.
    let quick = copies.and_then(|dir| {
        let key = parsed_copy::Key::of_file(
            COPY_KIND,
            parsed_copy::Form::Binary,
            &[&file],
            path,
            CHECKLIST_LIMITS,
        )?;
        read_copy(&dir.join(parsed_copy::file_name(&file)), &key)
    });
    if let Some(checklist) = quick {
        return Ok(checklist);
    }
    let text = read_checklist_text(path)?;
    let kept = copies.and_then(|dir| {
        let key = parsed_copy::Key::of(COPY_KIND, parsed_copy::Form::Binary, &[&file, &text])?;
        Some((dir.join(parsed_copy::file_name(&file)), key))
    });
    parsed_copy::or_parse(kept, true, (read_copy, write_copy), || {
        parse_checklist(&text, &file, Source::File(path.to_owned())).map_err(CatalogError::Invalid)
    })
}

/// A checklist's copy, when what the catalog and the scan index by holds in it: each entry of its
/// own is one of its items, and each item's global id is its checklist's id and its own, once,
/// as the parser makes them (two items of one id would be counted apart by place and as one by
/// id). A copy is whole when its hash says so, but can still have been made by hand.
fn read_copy(path: &Path, key: &parsed_copy::Key) -> Option<Checklist> {
    read_copy_as_written(path, key).filter(|checklist| {
        let mut local: crate::hashing::Set<&str> =
            crate::hashing::set_with_capacity(checklist.items.len());
        let ids_as_parsed = checklist.items.iter().all(|item| {
            item.id
                .strip_prefix(checklist.id.as_str())
                .and_then(|rest| rest.strip_prefix('.'))
                == Some(item.local_id())
                && local.insert(item.local_id())
        });
        ids_as_parsed
            && checklist
                .entries
                .iter()
                .all(|entry| !matches!(entry, Entry::Own(i) if *i >= checklist.items.len()))
    })
}

/// How many items a frame of a checklist's copy holds ([`write_copy`]).
const ITEMS_PER_FRAME: usize = 256;

/// A checklist's fields but its items, and how many items it has: the first frame of its copy.
type Head<T, S, C, E, R, P> = (T, T, u32, S, Option<S>, i64, C, E, R, P, usize);

/// Writes the copy of `checklist` to `path` in frames ([`parsed_copy::write_frame`]), each in
/// postcard's form: its fields but the items, then its items [`ITEMS_PER_FRAME`] at a time, so
/// that a read holds one frame of the copy, not all of it.
fn write_copy(path: &Path, key: &parsed_copy::Key, checklist: &Checklist) {
    // Every field named (no `..`): a field added to the model cannot be left out of the copy.
    let Checklist {
        id,
        title,
        version,
        reviewed,
        intro,
        order,
        applies_if,
        items,
        entries,
        retired,
        source,
    } = checklist;
    let head: Head<_, _, _, _, _, _> = (
        id,
        title,
        *version,
        reviewed,
        intro.as_ref(),
        *order,
        applies_if,
        entries,
        retired,
        source,
        items.len(),
    );
    fn frame(out: &mut dyn std::io::Write, value: &impl serde::Serialize) -> std::io::Result<()> {
        let bytes = postcard::to_stdvec(value).map_err(std::io::Error::other)?;
        parsed_copy::write_frame(out, &bytes)
    }
    parsed_copy::write_with(path, key, |out| {
        frame(out, &head)?;
        for some in items.chunks(ITEMS_PER_FRAME) {
            frame(out, &some)?;
        }
        Ok(())
    });
}

/// What [`write_copy`] wrote at `path` with `key`, when it is whole; not yet checked as
/// [`read_copy`] checks it.
fn read_copy_as_written(path: &Path, key: &parsed_copy::Key) -> Option<Checklist> {
    fn all<'a, T: serde::Deserialize<'a>>(frame: &'a [u8]) -> Option<T> {
        match postcard::take_from_bytes(frame) {
            Ok((value, [])) => Some(value),
            _ => None,
        }
    }
    parsed_copy::read_frames(path, key, |frames| {
        let head: Head<
            Text,
            String,
            Vec<Condition>,
            Vec<Entry>,
            Vec<super::model::Retired>,
            Source,
        > = all(frames.next_frame()?)?;
        let (
            id,
            title,
            version,
            reviewed,
            intro,
            order,
            applies_if,
            entries,
            retired,
            source,
            count,
        ) = head;
        // Room for as many as the copy says, but never for more than 65,536 on its word alone.
        let mut items: Vec<Item> = Vec::with_capacity(count.min(1 << 16));
        while items.len() < count {
            let some: Vec<Item> = all(frames.next_frame()?)?;
            if some.is_empty() {
                return None;
            }
            items.extend(some);
        }
        (items.len() == count).then_some(Checklist {
            id,
            title,
            version,
            reviewed,
            intro,
            order,
            applies_if,
            items,
            entries,
            retired,
            source,
        })
    })
}

#[cfg(test)]
mod copy_tests {
    use super::*;

    /// A user checklist folder with `text` as `lijst.toml`, and a folder for copies.
    fn folder(text: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("lijst.toml");
        fs::write(&file, text).unwrap();
        let copies = root.path().join("kopieen");
        (root, file, copies)
    }

    fn copies_in(dir: &Path) -> Vec<PathBuf> {
        fs::read_dir(dir)
            .map(|entries| entries.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_checklist_read_from_its_copy_is_the_one_its_file_gives() {
        // Conditions, follow-ups and fingerprints: everything a parse makes.
        let text = crate::report::fixture::scale::checklist_toml(300);
        let (_root, file, copies) = folder(&text);
        let parsed = load_file(&file).unwrap();
        assert!(copies_in(&copies).is_empty());
        assert_eq!(load_file_keeping(&file, Some(&copies)).unwrap(), parsed);
        let made = copies_in(&copies);
        assert_eq!(made.len(), 1, "{made:?}");
        assert_eq!(load_file_keeping(&file, Some(&copies)).unwrap(), parsed);
        // It is the copy that is read: one that says otherwise is believed...
        // (In its binary form, where each text has its length before it: a text as long; and
        // with the hash of the edited value on its last line, or it is passed over as damaged.)
        let copy = fs::read(&made[0]).unwrap();
        let key_line = copy.iter().position(|&b| b == b'\n').unwrap() + 1;
        let mut body = copy[key_line..copy.len() - 17].to_vec();
        let at = body.windows(10).position(|w| w == b"Schaaltest").unwrap();
        body[at..at + 10].copy_from_slice(b"Uitdekopie");
        let hash = format!("\n{:016x}", parsed_copy::body_hash(&body));
        fs::write(
            &made[0],
            [&copy[..key_line], &body, hash.as_bytes()].concat(),
        )
        .unwrap();
        let from_copy = load_file_keeping(&file, Some(&copies)).unwrap();
        assert_eq!(from_copy.title, "Uitdekopie");
        // ...only while the file holds the bytes it was made of; then the copy is made again.
        fs::write(&file, text.replace("Schaaltest", "Schaaltest 2")).unwrap();
        let changed = load_file_keeping(&file, Some(&copies)).unwrap();
        assert_eq!(changed.title, "Schaaltest 2");
        assert_eq!(copies_in(&copies), made, "the one copy replaced");
        assert_eq!(load_file_keeping(&file, Some(&copies)).unwrap(), changed);
    }

    /// A copy edited on disk (its hash no longer its body's), or made whole by hand with an entry
    /// past its items or ids the parser would not make, is passed over for the file: never
    /// believed, never a panic.
    #[test]
    fn a_damaged_copy_or_one_whose_entries_point_past_its_items_is_passed_over() {
        let text = crate::report::fixture::scale::checklist_toml(6);
        let (_root, file, copies) = folder(&text);
        let parsed = load_file_keeping(&file, Some(&copies)).unwrap();
        let made = copies_in(&copies).remove(0);
        let mut damaged = fs::read(&made).unwrap();
        let last = damaged.len() - 1;
        damaged[last] ^= 0x01;
        fs::write(&made, &damaged).unwrap();
        assert_eq!(load_file_keeping(&file, Some(&copies)).unwrap(), parsed);
        let key = parsed_copy::Key::of(
            COPY_KIND,
            parsed_copy::Form::Binary,
            &[&file.display().to_string(), &text],
        )
        .unwrap();
        let mut pointing_past = parsed.clone();
        pointing_past.entries[0] = Entry::Own(127);
        write_copy(&made, &key, &pointing_past);
        assert_eq!(
            read_copy_as_written(&made, &key).map(|c| c.entries[0].clone()),
            Some(Entry::Own(127)),
            "whole, by its hash"
        );
        let catalog = load_file_keeping(&file, Some(&copies)).unwrap();
        assert_eq!(catalog, parsed);
        // Nor one whose items' ids are not as the parser makes them: one id twice (a scan would
        // count the two apart, an answer's lookup as one), or an id of another checklist.
        let mut twice = parsed.clone();
        twice.items[1].id = twice.items[0].id.clone();
        let mut foreign = parsed.clone();
        foreign.items[1].id = format!("ander.{}", foreign.items[1].local_id()).into();
        for edited in [twice, foreign] {
            write_copy(&made, &key, &edited);
            assert!(read_copy_as_written(&made, &key).is_some(), "whole");
            assert_eq!(load_file_keeping(&file, Some(&copies)).unwrap(), parsed);
        }
    }

    /// Every bundled checklist (which between them use every field of the model) comes back from
    /// a binary copy as it went in: a field postcard cannot read back would fail here, not make
    /// every copy silently unreadable.
    #[test]
    fn every_bundled_checklist_reads_back_from_a_binary_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kopie");
        let key = parsed_copy::Key::of("checklist", parsed_copy::Form::Binary, &["x"]).unwrap();
        let catalog = Catalog::bundled();
        for checklist in catalog.checklists() {
            write_copy(&path, &key, checklist);
            assert_eq!(
                read_copy_as_written(&path, &key).as_ref(),
                Some(checklist),
                "{}",
                checklist.id
            );
        }
    }

    #[test]
    fn a_checklist_with_errors_gets_no_copy_and_its_errors_each_time() {
        let good = crate::report::fixture::scale::checklist_toml(3);
        let (_root, file, copies) = folder(&good);
        load_file_keeping(&file, Some(&copies)).unwrap();
        fs::write(
            &file,
            good.replace("severity = \"high\"", "severity = \"hoog\""),
        )
        .unwrap();
        let errors = |file: &Path| match load_file_keeping(file, Some(&copies)) {
            Err(CatalogError::Invalid(errors)) => errors,
            other => panic!("{other:?}"),
        };
        let first = errors(&file);
        assert!(first[0].message.contains("hoog"), "{first:?}");
        assert_eq!(errors(&file), first);
        assert_eq!(
            Err(first),
            load_file(&file).map_err(|e| match e {
                CatalogError::Invalid(errors) => errors,
                other => panic!("{other:?}"),
            })
        );
    }
}
