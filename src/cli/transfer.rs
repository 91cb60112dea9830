//! `pqs export` and `pqs import`: hand an assessment and its user checklists to another computer.

use std::fs;
use std::io;
use std::path::Path;

use super::report::read_as_stored;
use super::{Config, Error, print};
use crate::assessment::Assessment;
use crate::assessment::archive::CHECKLIST_BACKUP_SUB;
use crate::assessment::bundle::{Bundle, CarriedFile};
use crate::assessment::store::validate_name;
use crate::checklist::catalog::load_intake_in;
use crate::checklist::intake::{INTAKE_FILE, bundled_intake};
use crate::checklist::{Catalog, Source};
use crate::clock;
use crate::fs_util::write_atomic;
use crate::text as t;

pub(super) fn export(global: &Config, output: &Path, force: bool) -> Result<(), Error> {
    let catalog = global.catalog()?;
    let assessment = read_as_stored(&global.store(), &global.assessment)?;
    super::guard_output(global, output)?;
    let target = crate::fs_util::output_target(output)?;
    if matches!(target, crate::fs_util::Target::File(_)) && output.exists() && !force {
        return Err(Error::OutputExists(output.to_owned()));
    }
    let carried = carried_files(&catalog, &assessment, global.checklists_dir().as_deref())?;
    let count = carried.len();
    let bundle = Bundle::new(&global.assessment, assessment, carried);
    crate::fs_util::write_output(&target, bundle.to_toml().as_bytes())?;
    let done = t::assessment_exported(&global.assessment, &output.display().to_string(), count);
    if target == crate::fs_util::Target::Stdout {
        // The bundle itself is on stdout: the confirmation must not end up inside it.
        crate::output::eprint(done.trim_end());
        Ok(())
    } else {
        print(&done)
    }
}

/// The user checklist files the assessment uses (an answer or a plan entry on one of their items),
/// plus the user `intake.toml` when a flag the assessment answers or a carried checklist names is
/// not in the bundled intake.
fn carried_files(
    catalog: &Catalog,
    assessment: &Assessment,
    user_dir: Option<&Path>,
) -> Result<Vec<CarriedFile>, Error> {
    let used = |id: &str| {
        let prefix = format!("{id}.");
        let mut keys = assessment.answers.keys().chain(assessment.plan.keys());
        keys.any(|key| key.starts_with(&prefix))
    };
    let mut carried = Vec::new();
    let mut flags: Vec<&str> = assessment.intake.keys().map(String::as_str).collect();
    for checklist in catalog.checklists().iter().filter(|c| used(&c.id)) {
        let Source::File(path) = &checklist.source else {
            continue;
        };
        // Carried under its id, the name import writes it as: export, import, export stays identical.
        carried.push(carry(path, &format!("{}.toml", checklist.id))?);
        let conditions = checklist
            .applies_if
            .iter()
            .chain(checklist.items.iter().flat_map(|i| &i.applies_if));
        flags.extend(conditions.map(|c| c.flag.as_str()));
    }
    let bundled = bundled_intake();
    let needs_own_intake = flags.iter().any(|f| bundled.question(f).is_none());
    if let Some(dir) = user_dir.filter(|_| needs_own_intake) {
        let path = dir.join(INTAKE_FILE);
        if path.is_file() {
            carried.push(carry(&path, INTAKE_FILE)?);
        }
    }
    Ok(carried)
}

fn carry(path: &Path, file: &str) -> Result<CarriedFile, Error> {
    let text = crate::checklist::catalog::read_checklist_text(path)?;
    Ok(CarriedFile {
        file: file.to_owned(),
        text,
    })
}

/// What importing does with one carried file.
enum Placement {
    /// Not there yet: write it.
    New,
    /// There with the same bytes: leave it.
    Same,
    /// There and different: back up the old bytes, then write (only with `--force`).
    Replace(Vec<u8>),
}

/// One carried file on its way into the user checklist folder.
struct Planned {
    /// The file's name in the folder (`ID.toml` or `intake.toml`).
    file: String,
    /// Where it goes.
    target: std::path::PathBuf,
    /// Its text.
    text: String,
    /// What happens to it.
    placement: Placement,
}

/// What importing the carried files does: each file's placement, the checklists in use it
/// replaces, and the intake questions in use it words differently.
type Plan = (Vec<Planned>, Vec<Replaced>, Vec<String>);

/// A checklist in use that the import replaces, and the answers that lose their question by it.
struct Replaced {
    /// The checklist id.
    id: String,
    /// Its title now.
    title: String,
    /// Whether it is a bundled checklist (else a user file).
    bundled: bool,
    /// Per assessment (name), answers whose question the carried version no longer has.
    orphans: Vec<(String, usize)>,
}

pub(super) fn import(
    global: &Config,
    file: &Path,
    as_name: Option<&str>,
    force: bool,
) -> Result<(), Error> {
    // Everything is read and checked before anything is written.
    let text = match crate::fs_util::read_text(file, crate::assessment::bundle::BUNDLE_LIMITS) {
        Ok(text) => text,
        Err(crate::fs_util::FsError::NotUtf8 { line, column, .. }) => {
            return Err(crate::assessment::bundle::BundleError::Corrupt {
                path: file.to_owned(),
                line,
                column,
                message: "het bestand is geen geldige UTF-8-tekst".into(),
            }
            .into());
        }
        Err(err) => return Err(err.into()),
    };
    let bundle = Bundle::parse(&text, file)?;
    let name = as_name.unwrap_or(&bundle.name);
    validate_name(name)?;
    let store = global.store();
    let (planned, replaced, replaced_questions) = if bundle.checklists.is_empty() {
        (Vec::new(), Vec::new(), Vec::new())
    } else {
        plan_checklists(global, &bundle, file, name, force)?
    };
    let exists_error = || Error::ImportExists {
        name: name.to_owned(),
        path: store.path(name),
    };
    if store.exists(name) && !force {
        return Err(exists_error());
    }
    let writer = store.lock(name)?;
    if store.exists(name) && !force {
        return Err(exists_error());
    }
    // The assessment's place must take a file: a folder there would fail only after the
    // checklists were written.
    if let Ok(meta) = fs::symlink_metadata(writer.path())
        && !meta.is_file()
    {
        return Err(crate::fs_util::FsError::NotRegular {
            path: writer.path(),
            kind: crate::fs_util::kind_of(&meta.file_type()),
        }
        .into());
    }

    // Said before anything is written: what replacing a checklist or intake question in use costs.
    let mut warning = String::new();
    for r in &replaced {
        warning.push_str(&t::checklist_in_use_replaced(
            &r.id, &r.title, r.bundled, &r.orphans,
        ));
    }
    if !replaced_questions.is_empty() {
        warning.push_str(&t::intake_questions_replaced(&replaced_questions));
    }
    if !warning.is_empty() {
        print(&warning)?;
    }
    let now = clock::now();
    let mut report = String::new();
    // What was there before each file written, to put it back when a later step fails.
    let mut written: Vec<(std::path::PathBuf, Option<Vec<u8>>)> = Vec::new();
    let result = (|| -> Result<Option<std::path::PathBuf>, Error> {
        for p in planned {
            let folder = shown(crate::fs_util::parent_of(&p.target));
            match p.placement {
                Placement::Same => report.push_str(&t::checklist_same(&p.file)),
                Placement::New => {
                    written.push((p.target.clone(), None));
                    write_atomic(&p.target, p.text.as_bytes())?;
                    report.push_str(&t::checklist_added(&p.file, &folder));
                }
                Placement::Replace(old) => {
                    let backup =
                        store.backup_bytes(Some(CHECKLIST_BACKUP_SUB), &p.file, &old, now)?;
                    written.push((p.target.clone(), Some(old)));
                    write_atomic(&p.target, p.text.as_bytes())?;
                    report.push_str(&t::checklist_replaced(&p.file, &shown(&backup)));
                }
            }
        }
        let backup = writer.backup(now)?;
        writer.replace(&bundle.assessment)?;
        Ok(backup)
    })();
    let backup = match result {
        Ok(backup) => backup,
        Err(err) => {
            // Nothing half done: the checklists go back to how they were.
            for (path, before) in written.into_iter().rev() {
                let _ = match before {
                    None => fs::remove_file(&path),
                    Some(bytes) => write_atomic(&path, &bytes)
                        .map(drop)
                        .map_err(io::Error::other),
                };
            }
            return Err(err);
        }
    };
    let mut out = t::imported(name, &shown(&writer.path()));
    if let Some(backup) = backup {
        out.push_str(&t::import_backup(&shown(&backup)));
    }
    out.push_str(&report);
    print(&out)
}

/// Checks the carried files and decides, for each, what importing does; refuses (before anything is
/// written) a checklist whose id another file in the folder has, a file name taken by another
/// checklist, and, without `--force`, replacing a checklist in use (bundled or the user's own).
fn plan_checklists(
    global: &Config,
    bundle: &Bundle,
    file: &Path,
    name: &str,
    force: bool,
) -> Result<Plan, Error> {
    let dir = global.checklists_dir().ok_or(Error::NoChecklistsDir)?;
    let own_intake = if bundle.checklists.iter().any(CarriedFile::is_intake) {
        None
    } else {
        load_intake_in(&dir)?
    };
    let base = match own_intake {
        Some(own) => bundled_intake().extended_with(own),
        None => bundled_intake(),
    };
    let checked = bundle.check_files(file, &dir, base)?;
    let in_use = global.catalog()?;
    let mut planned = Vec::new();
    let mut replaced = Vec::new();
    for (checklist, text) in &checked.checklists {
        let Source::File(target) = &checklist.source else {
            unreachable!("check_files places every checklist in the folder")
        };
        let current = in_use.checklist(&checklist.id);
        // The same id under another file name: one of the two would silently lose.
        if let Some(Source::File(other)) = current.map(|c| &c.source)
            && other != target
        {
            return Err(Error::ChecklistIdClash {
                id: checklist.id.to_string(),
                existing: shown(other),
            });
        }
        if target.exists() && current.is_none_or(|c| c.source == Source::Bundled) {
            // `ID.toml` is there but holds another checklist (or none).
            return Err(Error::ChecklistNameTaken {
                id: checklist.id.to_string(),
                path: target.clone(),
            });
        }
        let placement = placement(target, text, force)?;
        if let Some(current) = current
            && !matches!(placement, Placement::Same)
        {
            let bundled = current.source == Source::Bundled;
            if bundled && !force {
                return Err(Error::ReplacesBundled {
                    id: checklist.id.to_string(),
                    title: current.title.to_string(),
                });
            }
            replaced.push(Replaced {
                id: current.id.to_string(),
                title: current.title.to_string(),
                bundled,
                orphans: orphans_after(global, current, checklist, bundle, name),
            });
        }
        planned.push(Planned {
            file: format!("{}.toml", checklist.id),
            target: target.clone(),
            text: text.clone(),
            placement,
        });
    }
    // An intake question in use with another meaning: its stored answers would mean something
    // else. Only with --force, and then said first.
    let mut replaced_questions = Vec::new();
    if let Some((carried, _)) = &checked.intake {
        for question in &carried.questions {
            if let Some(current) = in_use.intake().question(&question.id)
                && !current.same_as(question)
            {
                replaced_questions.push(question.id.clone());
            }
        }
        if !replaced_questions.is_empty() && !force {
            return Err(Error::ReplacesIntakeQuestions {
                ids: replaced_questions.join(", "),
            });
        }
    }
    if let Some((_, text)) = &checked.intake {
        let target = dir.join(INTAKE_FILE);
        planned.push(Planned {
            file: INTAKE_FILE.to_owned(),
            placement: placement(&target, text, force)?,
            target,
            text: text.clone(),
        });
    }
    Ok((planned, replaced, replaced_questions))
}

/// New, the same, or (with `--force`) a replacement of the file at `target`.
fn placement(target: &Path, text: &str, force: bool) -> Result<Placement, Error> {
    match fs::read(target) {
        Ok(bytes) if bytes == text.as_bytes() => Ok(Placement::Same),
        Ok(_) if !force => Err(Error::ChecklistConflict {
            file: target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            path: target.to_owned(),
        }),
        Ok(bytes) => Ok(Placement::Replace(bytes)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(Placement::New),
        Err(source) => Err(crate::fs_util::io("kan {} niet lezen", target)(source).into()),
    }
}

/// For every assessment on this computer (and the one being imported, under `name`): how many of its
/// answers belong to a question of `current` that `carried` no longer has. Unreadable files are
/// skipped; they are listed by `pqs list`.
fn orphans_after(
    global: &Config,
    current: &crate::checklist::Checklist,
    carried: &crate::checklist::Checklist,
    bundle: &Bundle,
    name: &str,
) -> Vec<(String, usize)> {
    let kept: std::collections::HashSet<&str> =
        carried.items.iter().map(|i| i.id.as_str()).collect();
    let lost: Vec<&str> = current
        .items
        .iter()
        .map(|i| i.id.as_str())
        .filter(|id| !kept.contains(id))
        .collect();
    let count = |a: &Assessment| {
        lost.iter()
            .filter(|id| a.answers.contains_key(**id))
            .count()
    };
    let store = global.store();
    let mut out: Vec<(String, usize)> = store
        .list()
        .unwrap_or_default()
        .into_iter()
        .filter(|other| other != name)
        .filter_map(|other| {
            let n = count(&store.read(&other).ok()??);
            Some((other, n))
        })
        .collect();
    out.push((name.to_owned(), count(&bundle.assessment)));
    out.retain(|(_, n)| *n > 0);
    out
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}
