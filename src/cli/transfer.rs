//! `pqs export` and `pqs import`: hand an assessment and its user checklists to another computer.

use std::fs;
use std::io;
use std::path::Path;

use super::report::read_existing;
use super::{CliError, Global, print};
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

pub(super) fn export(global: &Global, output: &Path, force: bool) -> Result<(), CliError> {
    let catalog = global.catalog()?;
    let assessment = read_existing(&global.store(), &global.assessment)?;
    super::guard_output(global, output)?;
    let target = crate::fs_util::output_target(output)?;
    if matches!(target, crate::fs_util::Target::File(_)) && output.exists() && !force {
        return Err(CliError::OutputExists(output.to_owned()));
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
) -> Result<Vec<CarriedFile>, CliError> {
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
        carried.push(carry(path)?);
        let conditions = checklist
            .applies_if
            .iter()
            .chain(checklist.items.iter().filter_map(|i| i.applies_if.as_ref()));
        flags.extend(conditions.map(|c| c.flag.as_str()));
    }
    let bundled = bundled_intake();
    let needs_own_intake = flags.iter().any(|f| bundled.question(f).is_none());
    if let Some(dir) = user_dir.filter(|_| needs_own_intake) {
        let path = dir.join(INTAKE_FILE);
        if path.is_file() {
            carried.push(carry(&path)?);
        }
    }
    Ok(carried)
}

fn carry(path: &Path) -> Result<CarriedFile, CliError> {
    let text = crate::checklist::catalog::read_checklist_text(path)?;
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(CarriedFile { file, text })
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

pub(super) fn import(
    global: &Global,
    file: &Path,
    as_name: Option<&str>,
    force: bool,
) -> Result<(), CliError> {
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
    let placements = if bundle.checklists.is_empty() {
        Vec::new()
    } else {
        let dir = global.checklists_dir().ok_or(CliError::NoChecklistsDir)?;
        let own_intake = if bundle.checklists.iter().any(CarriedFile::is_intake) {
            None
        } else {
            load_intake_in(&dir)?
        };
        let base = match own_intake {
            Some(own) => bundled_intake().extended_with(own),
            None => bundled_intake(),
        };
        let (_, carried_lists) = bundle.check_files(file, &dir, base)?;
        // A checklist in the folder under another file name with the same id would make one of the
        // two silently lose: refuse before writing anything.
        let existing = crate::checklist::catalog::load_folder(&dir)?;
        for checklist in &carried_lists {
            let clash = existing
                .iter()
                .find(|e| e.id == checklist.id && e.source != checklist.source);
            if let Some(clash) = clash {
                return Err(CliError::ChecklistIdClash {
                    id: checklist.id.clone(),
                    existing: clash.source.to_string(),
                });
            }
        }
        let mut placements = Vec::new();
        for carried in &bundle.checklists {
            let target = dir.join(&carried.file);
            let placement = match fs::read(&target) {
                Ok(bytes) if bytes == carried.text.as_bytes() => Placement::Same,
                Ok(_) if !force => {
                    return Err(CliError::ChecklistConflict {
                        file: carried.file.clone(),
                        path: target,
                    });
                }
                Ok(bytes) => Placement::Replace(bytes),
                Err(err) if err.kind() == io::ErrorKind::NotFound => Placement::New,
                Err(source) => {
                    return Err(crate::fs_util::io("kan {} niet lezen", &target)(source).into());
                }
            };
            placements.push((carried, target, placement));
        }
        placements
    };
    let exists_error = || CliError::ImportExists {
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

    let now = clock::now();
    let mut report = String::new();
    for (carried, target, placement) in placements {
        let folder = target
            .parent()
            .unwrap_or(Path::new("."))
            .display()
            .to_string();
        match placement {
            Placement::Same => report.push_str(&t::checklist_same(&carried.file)),
            Placement::New => {
                write_atomic(&target, carried.text.as_bytes())?;
                report.push_str(&t::checklist_added(&carried.file, &folder));
            }
            Placement::Replace(old) => {
                let backup =
                    store.backup_bytes(Some(CHECKLIST_BACKUP_SUB), &carried.file, &old, now)?;
                write_atomic(&target, carried.text.as_bytes())?;
                report.push_str(&t::checklist_replaced(&carried.file, &shown(&backup)));
            }
        }
    }
    let backup = writer.backup(now)?;
    writer.save(&bundle.assessment)?;
    let mut out = t::imported(name, &shown(&writer.path()));
    if let Some(backup) = backup {
        out.push_str(&t::import_backup(&shown(&backup)));
    }
    out.push_str(&report);
    print(&out)
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}
