//! `pqs validate`: content files checked on their own and then together with the content in use,
//! so an author sees every error the program would stop on (a `follows` or `see` that names no
//! item, a circle, a task that does not exist, a flag the intake does not ask) before the file is
//! in the folder.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::catalog::{
    Catalog, CatalogError, Content, Copies, bundled_parts, file_label, is_special_file,
    load_file_keeping, read_checklist_text,
};
use super::glossary::{GLOSSARY_FILE, Glossary, parse_glossary};
use super::intake::{INTAKE_FILE, Intake, parse_intake};
use super::load::LoadError;
use super::model::{Checklist, Source};
use super::tasks::{TASKS_FILE, Tasks, parse_tasks};

/// What a valid file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Valid {
    /// A checklist with this many own questions.
    Checklist(usize),
    /// An intake with this many questions.
    Intake(usize),
    /// A task list with this many tasks.
    Tasks(usize),
    /// A glossary with this many terms.
    Glossary(usize),
}

/// One file as parsed, before the checks across files.
#[derive(Clone)]
enum Parsed {
    Checklist(Checklist),
    Intake(Intake),
    Tasks(Tasks),
    Glossary(Glossary),
    /// A checklist moved into the check across files: what its result needs of it.
    Checked {
        label: String,
        items: usize,
    },
}

impl Parsed {
    fn valid(&self) -> Valid {
        match self {
            Parsed::Checklist(c) => Valid::Checklist(c.items.len()),
            Parsed::Checked { items, .. } => Valid::Checklist(*items),
            Parsed::Intake(i) => Valid::Intake(i.questions.len()),
            Parsed::Tasks(t) => Valid::Tasks(t.tasks.len()),
            Parsed::Glossary(g) => Valid::Glossary(g.terms.len()),
        }
    }
}

/// Reads and parses one content file by its name: `intake.toml`, `tasks.toml`, `glossary.toml`
/// or else a checklist.
fn parse_file(path: &Path, copies: Copies) -> Result<Parsed, CatalogError> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if !is_special_file(path) {
        return load_file_keeping(path, copies).map(Parsed::Checklist);
    }
    let text = read_checklist_text(path)?;
    let file = path.display().to_string();
    let source = Source::File(path.to_owned());
    let parsed = match name {
        INTAKE_FILE => parse_intake(&text, &file, source).map(Parsed::Intake),
        TASKS_FILE => parse_tasks(&text, &file, source).map(Parsed::Tasks),
        GLOSSARY_FILE => parse_glossary(&text, &file).map(Parsed::Glossary),
        _ => unreachable!("is_special_file names only these"),
    };
    parsed.map_err(CatalogError::Invalid)
}

/// Checks `files`, each on its own and then together with the content they would join: the
/// bundled content, what of `user_dir` loads (the files given take the place of what they
/// replace), and each other: one result per file, in the order given ([`Validation`]). A checklist
/// that passes on its own gets a parsed copy in `copies` ([`load_file_keeping`]).
pub fn validate_files(files: &[PathBuf], user_dir: Option<&Path>, copies: Copies) -> Validation {
    let mut parsed: Vec<Result<Parsed, CatalogError>> =
        files.iter().map(|p| parse_file(p, copies)).collect();

    // The content they join: bundled, then the user folder's files that load, then the given.
    let (mut content, mut checklists) = bundled_parts();
    let given: Vec<PathBuf> = files
        .iter()
        .filter_map(|p| fs::canonicalize(p).ok())
        .collect();
    if let Some(dir) = user_dir {
        for path in folder_files(dir) {
            let is_given = fs::canonicalize(&path).is_ok_and(|p| given.contains(&p));
            if is_given {
                continue;
            }
            // A folder file with errors of its own is left out: those are for its own check.
            if let Ok(found) = parse_file(&path, copies) {
                join(&mut content, &mut checklists, found);
            }
        }
    }
    let mut with_given = content.clone();
    for found in parsed.iter().flatten() {
        if !matches!(found, Parsed::Checklist(_)) {
            join(&mut with_given, &mut Vec::new(), found.clone());
        }
    }
    // Each checklist given is checked as the one of its id; two given with one id (versions of
    // the same list) are each checked in place of the other. When their ids differ (the usual
    // case), every check has the same content: it is made and checked once, not once per file
    // with copies of every list (at 10,000 items a copy and its drop cost a third of the run).
    let any_special = parsed
        .iter()
        .flatten()
        .any(|found| !matches!(found, Parsed::Checklist(_)));
    let mut ids = HashSet::new();
    let distinct = parsed.iter().flatten().all(|found| match found {
        Parsed::Checklist(c) => ids.insert(c.id.clone()),
        _ => true,
    });
    let together = distinct.then(|| {
        let mut all = checklists.clone();
        if any_special {
            all.extend(checklists_in(&parsed).map(Clone::clone));
        } else {
            // Nothing else needs them whole: the lists themselves go into the check, not copies
            // (at 10,000 items a copy and its drop were a fifth of the run).
            for found in parsed.iter_mut().flatten() {
                if let Parsed::Checklist(c) = found {
                    let checked = Parsed::Checked {
                        label: file_label(c),
                        items: c.items.len(),
                    };
                    if let Parsed::Checklist(c) = std::mem::replace(found, checked) {
                        all.push(c);
                    }
                }
            }
        }
        let catalog = Catalog::with_content(with_given.clone(), all);
        let errors = catalog.check();
        // Handed back only when nothing else is built after it: the checks of an intake, tasks or
        // glossary given make catalogs of their own, and this one would only add to their peak.
        (errors, (!any_special).then_some(catalog))
    });
    let given_lists: Vec<&Checklist> = checklists_in(&parsed).collect();
    let own_errors = |label: &str| -> Option<Vec<LoadError>> {
        let (errors, _) = together.as_ref()?;
        Some(errors.iter().filter(|e| e.file == label).cloned().collect())
    };
    let check_checklist = |checklist: &Checklist| {
        let label = file_label(checklist);
        if let Some(errors) = own_errors(&label) {
            return errors;
        }
        let mut all = checklists.clone();
        all.extend(
            given_lists
                .iter()
                .filter(|c| c.id != checklist.id)
                .map(|c| (*c).clone()),
        );
        all.push(checklist.clone());
        Catalog::with_content(with_given.clone(), all)
            .check()
            .into_iter()
            .filter(|e| e.file == label)
            .collect::<Vec<_>>()
    };
    // An intake or task list given breaks what it makes wrong in the checklists in use (a flag
    // turned into a multiple-choice question, a task left out): those errors are its own.
    // (Checked only when such a file is given: at 10,000 items a check and the copies it needs
    // are a tenth of `pqs validate`.)
    let mut all_lists = Vec::new();
    let mut before = HashSet::new();
    if any_special {
        all_lists = checklists.clone();
        all_lists.extend(given_lists.iter().map(|c| (*c).clone()));
        before = Catalog::with_content(content.clone(), all_lists.clone())
            .check()
            .iter()
            .map(ToString::to_string)
            .collect();
    }
    let check_special = |path: &Path, found: &Parsed| {
        let mut own = content.clone();
        join(&mut own, &mut Vec::new(), found.clone());
        let broken: Vec<LoadError> = Catalog::with_content(own, all_lists.clone())
            .check()
            .into_iter()
            .filter(|e| !before.contains(&e.to_string()))
            .collect();
        if broken.is_empty() {
            return broken;
        }
        let mut errors = vec![LoadError {
            file: path.display().to_string(),
            line: 1,
            column: 1,
            message: format!(
                "met dit bestand {} in de checklists in gebruik niet meer; hieronder staat waar",
                if broken.len() == 1 {
                    "klopt 1 plek".to_owned()
                } else {
                    format!("kloppen {} plekken", broken.len())
                }
            ),
        }];
        errors.extend(broken);
        errors
    };

    let own: Vec<Vec<LoadError>> = files
        .iter()
        .zip(&parsed)
        .map(|(path, parsed)| match parsed {
            Ok(Parsed::Checklist(c)) => check_checklist(c),
            Ok(Parsed::Checked { label, .. }) => own_errors(label).unwrap_or_default(),
            Ok(special) => check_special(path, special),
            Err(_) => Vec::new(),
        })
        .collect();
    let results = files
        .iter()
        .zip(parsed.into_iter().zip(own))
        .map(|(path, (parsed, own))| {
            let result = parsed.and_then(|found| {
                if own.is_empty() {
                    Ok(found.valid())
                } else {
                    Err(CatalogError::Invalid(own))
                }
            });
            (path.clone(), result)
        })
        .collect();
    Validation {
        results,
        checked_in: together.and_then(|(_, catalog)| catalog),
    }
}

/// What [`validate_files`] found.
#[derive(Debug)]
pub struct Validation {
    /// One result per file, in the order given.
    pub results: Vec<(PathBuf, Result<Valid, CatalogError>)>,
    /// The catalog the checklists given were checked in together (when no intake, tasks or
    /// glossary was given with them): handed back so that the caller decides when it is freed.
    /// (The CLI leaves it to the OS at exit: at 10,000 items freeing it entry by entry is a
    /// seventh of `pqs validate`.)
    pub checked_in: Option<Catalog>,
}

/// The checklists among the files parsed.
fn checklists_in(parsed: &[Result<Parsed, CatalogError>]) -> impl Iterator<Item = &Checklist> {
    parsed.iter().flatten().filter_map(|found| match found {
        Parsed::Checklist(c) => Some(c),
        _ => None,
    })
}

/// Adds one parsed file to the content being built: a checklist is appended (a later one with
/// the same id takes the place of the earlier), the special files extend what is there.
fn join(content: &mut Content, checklists: &mut Vec<Checklist>, found: Parsed) {
    match found {
        Parsed::Checklist(c) => checklists.push(c),
        // Made only by the check across files, after everything has joined.
        Parsed::Checked { .. } => {}
        Parsed::Intake(own) => {
            content.intake = std::mem::take(&mut content.intake).extended_with(own)
        }
        Parsed::Tasks(own) => content.tasks = std::mem::take(&mut content.tasks).extended_with(own),
        Parsed::Glossary(own) => {
            content.glossary = std::mem::take(&mut content.glossary).extended_with(own);
        }
    }
}

/// The `*.toml` files of a content folder, sorted; nothing when it cannot be read.
fn folder_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
        .collect();
    paths.sort();
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/checklists")
            .join(name)
    }

    #[test]
    fn the_catalog_is_handed_back_only_when_no_other_is_built_after_it() {
        let list = fixture("valid.toml");
        let alone = validate_files(std::slice::from_ref(&list), None, None);
        assert!(alone.results.iter().all(|(_, r)| r.is_ok()), "{alone:?}");
        let catalog = alone.checked_in.expect("checked together, in one catalog");
        assert!(
            catalog
                .checklists()
                .iter()
                .any(|c| c.source == Source::File(list.clone()))
        );
        // With an intake given, the checks of the intake build catalogs of their own after it.
        let with_intake = validate_files(&[list, fixture("intake-own/intake.toml")], None, None);
        assert!(
            with_intake.results.iter().all(|(_, r)| r.is_ok()),
            "{with_intake:?}"
        );
        assert!(with_intake.checked_in.is_none());
    }
}
