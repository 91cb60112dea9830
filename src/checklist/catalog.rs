//! The set of checklists in use: the bundled ones plus a user folder that adds or overrides.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use super::bundled::BUNDLED;
use super::intake::{INTAKE_FILE, Intake, bundled_intake, parse_intake};
use super::load::{LoadError, parse_checklist};
use super::model::{Checklist, Condition, Item, Source};
use super::suggest::{edit_distance, nearest};
use crate::fs_util::{self, FsError, Limits};

/// Every checklist in use, in display order, with the intake that decides what applies.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    checklists: Vec<Checklist>,
    intake: Intake,
    /// Global item id to (checklist index, item index): finding an item (and so telling an orphan
    /// answer) costs the same for 10 items as for 10,000.
    index: HashMap<String, (usize, usize)>,
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

impl Catalog {
    /// Builds a catalog from checklists already loaded; later ones override earlier ones with the same id.
    pub fn new(checklists: impl IntoIterator<Item = Checklist>) -> Self {
        let mut out: Vec<Checklist> = Vec::new();
        for checklist in checklists {
            match out.iter_mut().find(|c| c.id == checklist.id) {
                Some(slot) => *slot = checklist,
                None => out.push(checklist),
            }
        }
        out.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
        let index = out
            .iter()
            .enumerate()
            .flat_map(|(ci, c)| {
                c.items
                    .iter()
                    .enumerate()
                    .map(move |(ii, item)| (item.id.clone(), (ci, ii)))
            })
            .collect();
        Catalog {
            checklists: out,
            intake: Intake::default(),
            index,
        }
    }

    /// Builds a catalog with an intake; see [`Catalog::new`].
    pub fn with_intake(intake: Intake, checklists: impl IntoIterator<Item = Checklist>) -> Self {
        Catalog {
            intake,
            ..Catalog::new(checklists)
        }
    }

    /// The bundled checklists and intake only.
    pub fn bundled() -> Self {
        Catalog::with_intake(bundled_intake(), load_bundled())
    }

    /// The bundled checklists plus every `*.toml` in `user_dir` (a missing folder is fine); an
    /// `intake.toml` there adds questions to the bundled intake (or replaces one with the same id).
    /// Every `applies_if` must name an intake question.
    pub fn load(user_dir: Option<&Path>) -> Result<Self, CatalogError> {
        let mut all = load_bundled();
        let mut intake = bundled_intake();
        if let Some(dir) = user_dir {
            all.extend(load_folder(dir)?);
            if let Some(own) = load_intake_in(dir)? {
                intake = intake.extended_with(own);
            }
        }
        let catalog = Catalog::with_intake(intake, all);
        let errors = catalog.check_flags();
        if errors.is_empty() {
            Ok(catalog)
        } else {
            Err(CatalogError::Invalid(errors))
        }
    }

    /// The intake questions.
    pub fn intake(&self) -> &Intake {
        &self.intake
    }

    /// An error for every `applies_if` that names no intake question.
    pub fn check_flags(&self) -> Vec<LoadError> {
        check_flags(&self.checklists, &self.intake)
    }

    /// The condition that rules an item out, or `None` when it applies. `effective` are the
    /// intake answers from [`Intake::effective`].
    pub fn excluded_by<'a>(
        &self,
        checklist: &'a Checklist,
        item: &'a Item,
        effective: &BTreeMap<String, bool>,
    ) -> Option<&'a Condition> {
        [checklist.applies_if.as_ref(), item.applies_if.as_ref()]
            .into_iter()
            .flatten()
            .find(|c| !c.holds(effective.get(&c.flag).copied()))
    }

    /// Checklists in display order.
    pub fn checklists(&self) -> &[Checklist] {
        &self.checklists
    }

    /// A checklist by id.
    pub fn checklist(&self, id: &str) -> Option<&Checklist> {
        self.checklists.iter().find(|c| c.id == id)
    }

    /// Every item, in checklist order, with its checklist.
    pub fn items(&self) -> impl Iterator<Item = (&Checklist, &Item)> {
        self.checklists
            .iter()
            .flat_map(|c| c.items.iter().map(move |i| (c, i)))
    }

    /// An item by global id (`checklist.item`).
    pub fn item(&self, global_id: &str) -> Option<(&Checklist, &Item)> {
        let &(ci, ii) = self.index.get(global_id)?;
        let checklist = &self.checklists[ci];
        Some((checklist, &checklist.items[ii]))
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

/// An error for every `applies_if` in `checklists` that names no question of `intake`.
pub fn check_flags(checklists: &[Checklist], intake: &Intake) -> Vec<LoadError> {
    let known: Vec<&str> = intake.flags().collect();
    let mut errors = Vec::new();
    for checklist in checklists {
        let file = match &checklist.source {
            Source::File(path) => path.display().to_string(),
            Source::Bundled => format!("bundled:{}.toml", checklist.id),
        };
        let conditions = checklist
            .applies_if
            .iter()
            .chain(checklist.items.iter().filter_map(|i| i.applies_if.as_ref()));
        for condition in conditions {
            if !known.contains(&condition.flag.as_str()) {
                errors.push(LoadError {
                    file: file.clone(),
                    line: condition.position.0,
                    column: condition.position.1,
                    message: format!(
                        "`applies_if` noemt de intakevraag \"{}\", maar die bestaat niet; bestaande vragen: {}",
                        condition.flag,
                        known.join(", ")
                    ),
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

/// Whether a file is an intake file rather than a checklist (by its name).
pub fn is_intake_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == INTAKE_FILE)
}

fn load_bundled() -> Vec<Checklist> {
    BUNDLED
        .iter()
        .map(|(name, text)| {
            parse_checklist(text, &format!("bundled:{name}"), Source::Bundled)
                .unwrap_or_else(|errors| panic!("bundled checklist {name} is invalid: {errors:?}"))
        })
        .collect()
}

/// Loads every `*.toml` in `dir`, sorted by file name. A missing folder yields nothing.
pub fn load_folder(dir: &Path) -> Result<Vec<Checklist>, CatalogError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(fs_util::io("kan de map {} niet lezen", dir)(source).into()),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file() && !is_intake_file(p))
        .collect();
    paths.sort();
    let mut checklists = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match load_file(&path) {
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
    let text = read_checklist_text(path)?;
    parse_checklist(
        &text,
        &path.display().to_string(),
        Source::File(path.to_owned()),
    )
    .map_err(CatalogError::Invalid)
}
