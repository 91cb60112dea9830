//! The hand-over file of `pqs export` and `pqs import`: one assessment plus the user checklists it
//! uses, in one TOML file. It holds no time stamp of its own, so export, import, export gives the
//! same bytes.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::model::{Assessment, FORMAT};
use super::store::{END_MARK, cut_off_after};
use crate::checklist::catalog::check_flags;
use crate::checklist::intake::{INTAKE_FILE, parse_intake};
use crate::checklist::load::line_column;
use crate::checklist::{Checklist, Intake, LoadError, Source, parse_checklist};

/// The bundle format this build writes and the newest it reads.
pub const BUNDLE_FORMAT: u32 = 1;
/// How export files are read: regular files up to [`crate::fs_util::MAX_ASSESSMENT_BYTES`].
pub const BUNDLE_LIMITS: crate::fs_util::Limits = crate::fs_util::Limits {
    bytes: crate::fs_util::MAX_ASSESSMENT_BYTES,
    what: "exportbestanden",
    no_symlink: None,
};
/// The first line of an export file (the last is [`END_MARK`]).
pub const BUNDLE_HEAD: &str = "# Privacy Quick Scan: een exportbestand. Lees het in met: pqs import BESTAND. Laat de laatste regel (# einde) staan.";
/// The `kind` that marks a file as a pqs export.
pub const BUNDLE_KIND: &str = "pqs-export";

/// One user checklist (or the user `intake.toml`) carried along.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CarriedFile {
    /// File name in the user checklist folder, e.g. `eigen.toml`.
    pub file: String,
    /// The file's text, exactly.
    pub text: String,
}

impl CarriedFile {
    /// Whether this is the intake rather than a checklist.
    pub fn is_intake(&self) -> bool {
        self.file == INTAKE_FILE
    }
}

/// The content of an export file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    /// See [`BUNDLE_FORMAT`].
    pub format: u32,
    /// Always [`BUNDLE_KIND`].
    pub kind: String,
    /// The assessment's name when it was exported.
    pub name: String,
    /// The assessment, exactly as stored.
    pub assessment: Assessment,
    /// User checklist files the assessment uses, by file name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checklists: Vec<CarriedFile>,
}

/// Why an export file cannot be imported. Nothing is written when any of these occurs.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    /// Not TOML, or not the shape of an export.
    #[error(
        "{path}:{line}:{column}: {message}\nEr is niets geïmporteerd. Maak het bestand opnieuw met pqs export."
    )]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// An export file that was cut off (its end mark is missing).
    #[error(
        "{}:{line}: het exportbestand lijkt afgebroken: de laatste regel \"{END_MARK}\" ontbreekt, dus er kan iets ontbreken.\nEr is niets geïmporteerd. Maak het bestand opnieuw met pqs export, of kopieer het nog eens.",
        .path.display()
    )]
    CutOff {
        /// The file.
        path: PathBuf,
        /// Its last line.
        line: usize,
    },
    /// TOML, but not made by `pqs export`.
    #[error(
        "{path}:1:1: dit is geen exportbestand van pqs (`kind = \"{BUNDLE_KIND}\"` ontbreekt).\nEr is niets geïmporteerd. Maak een exportbestand met pqs export -o BESTAND."
    )]
    Foreign {
        /// The file.
        path: PathBuf,
    },
    /// Made by a newer pqs.
    #[error(
        "{path}:1:1: dit exportbestand heeft formaatversie {found}, deze pqs kent alleen versie {known} en ouder.\nEr is niets geïmporteerd. Installeer een nieuwere versie van pqs."
    )]
    Newer {
        /// The file.
        path: PathBuf,
        /// Its format version.
        found: i64,
        /// The newest this build reads.
        known: u32,
    },
    /// A carried checklist is invalid.
    #[error(
        "{}\nEen checklist in {path} bevat fouten (regelnummers tellen binnen die checklist). Er is niets geïmporteerd.",
        render(errors)
    )]
    Checklist {
        /// The export file.
        path: PathBuf,
        /// Every problem found.
        errors: Vec<LoadError>,
    },
}

fn render(errors: &[LoadError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

impl Bundle {
    /// A bundle of `assessment` under `name` with the given user files, sorted by file name.
    pub fn new(name: &str, assessment: Assessment, mut checklists: Vec<CarriedFile>) -> Bundle {
        checklists.sort_by(|a, b| a.file.cmp(&b.file));
        Bundle {
            format: BUNDLE_FORMAT,
            kind: BUNDLE_KIND.to_owned(),
            name: name.to_owned(),
            assessment,
            checklists,
        }
    }

    /// The file's text: [`BUNDLE_HEAD`], the TOML, and the end mark, so a cut-off copy is noticed.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string_pretty(self).expect("a bundle always serialises");
        format!("{BUNDLE_HEAD}\n{body}\n{END_MARK}\n")
    }

    /// Parses an export file's text (read from `path`, used in messages): kind and format first, then
    /// the shape, then that every carried file name is a plain `NAME.toml`.
    pub fn parse(text: &str, path: &Path) -> Result<Bundle, BundleError> {
        let corrupt = |span: Option<std::ops::Range<usize>>, message: String| {
            let (line, column) = line_column(text, span.map_or(0, |s| s.start));
            BundleError::Corrupt {
                path: path.to_owned(),
                line,
                column,
                message,
            }
        };
        if let Some(line) = cut_off_after(text, BUNDLE_HEAD) {
            return Err(BundleError::CutOff {
                path: path.to_owned(),
                line,
            });
        }
        let syntax = |e: toml::de::Error| {
            corrupt(
                e.span(),
                format!("het bestand is beschadigd: {}", e.message().trim()),
            )
        };
        let table: toml::Table = toml::from_str(text).map_err(syntax)?;
        if table.get("kind").and_then(toml::Value::as_str) != Some(BUNDLE_KIND) {
            return Err(BundleError::Foreign {
                path: path.to_owned(),
            });
        }
        let newer = |found: Option<i64>, known: u32| match found {
            Some(found) if found > i64::from(known) => Err(BundleError::Newer {
                path: path.to_owned(),
                found,
                known,
            }),
            _ => Ok(()),
        };
        newer(
            table.get("format").and_then(toml::Value::as_integer),
            BUNDLE_FORMAT,
        )?;
        let inner = table.get("assessment").and_then(toml::Value::as_table);
        newer(inner.and_then(|a| a.get("format")?.as_integer()), FORMAT)?;
        let mut bundle: Bundle = toml::from_str(text).map_err(syntax)?;
        if let Some(bad) = bundle.checklists.iter().find(|c| !plain_toml_name(&c.file)) {
            let at = text.find(&format!("\"{}\"", bad.file)).map(|i| i..i);
            return Err(corrupt(
                at,
                format!(
                    "\"{}\" is geen gewone bestandsnaam; verwacht wordt NAAM.toml zonder map",
                    crate::sanitize::line(&bad.file)
                ),
            ));
        }
        // Older assessment formats are a subset of this one, as in the store.
        bundle.assessment.resolve_notes(bundle.assessment.format);
        bundle.assessment.format = FORMAT;
        Ok(bundle)
    }

    /// Checks every carried file with the normal loaders: each checklist must be valid, two may not
    /// share an id, and its `applies_if` flags must exist in `base` extended with a carried intake.
    /// Each checklist is placed at `folder/ID.toml` after its validated id (never after a name in
    /// the bundle), the intake at `folder/intake.toml`.
    pub fn check_files(
        &self,
        path: &Path,
        folder: &Path,
        base: Intake,
    ) -> Result<Checked, BundleError> {
        // Labels for messages: the export file, and the carried name (sanitised when printed).
        let label = |file: &str| format!("{} → {}", path.display(), crate::sanitize::line(file));
        let mut errors = Vec::new();
        let mut intake = None;
        for carried in self.checklists.iter().filter(|c| c.is_intake()) {
            let source = Source::File(folder.join(INTAKE_FILE));
            match parse_intake(&carried.text, &label(&carried.file), source) {
                Ok(_) if intake.is_some() => errors.push(LoadError {
                    file: label(&carried.file),
                    line: 1,
                    column: 1,
                    message: format!(
                        "het exportbestand bevat twee keer {INTAKE_FILE}; er kan er maar één zijn"
                    ),
                }),
                Ok(found) => intake = Some((found, carried.text.clone())),
                Err(mut e) => errors.append(&mut e),
            }
        }
        let mut checklists: Vec<(Checklist, String)> = Vec::new();
        for carried in self.checklists.iter().filter(|c| !c.is_intake()) {
            let file_label = label(&carried.file);
            match parse_checklist(&carried.text, &file_label, Source::Bundled) {
                Ok(mut checklist) => {
                    if checklists.iter().any(|(c, _)| c.id == checklist.id) {
                        let (line, column) = id_position(&carried.text, &checklist.id);
                        errors.push(LoadError {
                            file: file_label,
                            line,
                            column,
                            message: format!(
                                "de checklist-id \"{}\" komt twee keer voor in het exportbestand; elke meegestuurde checklist heeft een eigen id nodig",
                                checklist.id
                            ),
                        });
                        continue;
                    }
                    checklist.source = Source::File(folder.join(format!("{}.toml", checklist.id)));
                    checklists.push((checklist, carried.text.clone()));
                }
                Err(mut e) => errors.append(&mut e),
            }
        }
        let all_flags = match &intake {
            Some((own, _)) => base.extended_with(own.clone()),
            None => base,
        };
        let lists: Vec<Checklist> = checklists.iter().map(|(c, _)| c.clone()).collect();
        for mut error in check_flags(&lists, &all_flags) {
            if let Some(file) = Path::new(&error.file).file_name() {
                error.file = label(&file.to_string_lossy());
            }
            errors.push(error);
        }
        if errors.is_empty() {
            Ok(Checked { intake, checklists })
        } else {
            Err(BundleError::Checklist {
                path: path.to_owned(),
                errors,
            })
        }
    }
}

/// The carried files of a bundle, checked: the intake and every checklist with the text to write.
/// A checklist's `source` is the file it is written to (`FOLDER/ID.toml`).
#[derive(Debug, Clone)]
pub struct Checked {
    /// The carried intake and its text.
    pub intake: Option<(Intake, String)>,
    /// The carried checklists and their texts.
    pub checklists: Vec<(Checklist, String)>,
}

/// Line and column of a checklist's `id = "…"` in its text (1:1 when not found).
fn id_position(text: &str, id: &str) -> (usize, usize) {
    text.find(&format!("\"{id}\""))
        .map_or((1, 1), |at| line_column(text, at))
}

/// Whether `file` is a bare `NAME.toml` without control or bidi characters. The name is only a label
/// (a checklist is written under its id), but a bundle that pqs did not make is refused at the door.
fn plain_toml_name(file: &str) -> bool {
    let as_path = Path::new(file);
    file.ends_with(".toml")
        && file.len() > ".toml".len()
        && !file.starts_with('.')
        && as_path.file_name().is_some_and(|n| n == file)
        && !file.contains(['/', '\\'])
        && !file.chars().any(crate::sanitize::is_unsafe)
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::checklist::intake::bundled_intake;

    fn bundle_with(files: Vec<CarriedFile>) -> Bundle {
        let mut assessment = Assessment::new("Bakkerij", Timestamp::UNIX_EPOCH);
        assessment
            .intake
            .insert("webshop".into(), crate::checklist::Value::from_bool(false));
        Bundle::new("klant", assessment, files)
    }

    #[test]
    fn text_round_trips_exactly() {
        let carried = CarriedFile {
            file: "eigen.toml".into(),
            text: "id = \"eigen\"\n# \"\"\" en \\ blijven heel\n".into(),
        };
        let bundle = bundle_with(vec![carried]);
        let text = bundle.to_toml();
        assert!(
            text.starts_with(&format!(
                "{BUNDLE_HEAD}\nformat = 1\nkind = \"pqs-export\"\nname = \"klant\"\n"
            )),
            "{text}"
        );
        assert!(text.ends_with("\n# einde\n"), "{text}");
        let back = Bundle::parse(&text, Path::new("x.toml")).unwrap();
        assert_eq!(back, bundle);
        assert_eq!(back.to_toml(), text);
    }

    #[test]
    fn foreign_newer_and_unsafe_files_are_refused() {
        let path = Path::new("x.toml");
        let foreign = Bundle::parse("format = 2\norganisation = \"a\"\n", path).unwrap_err();
        assert!(matches!(foreign, BundleError::Foreign { .. }), "{foreign}");
        let newer = Bundle::parse("format = 9\nkind = \"pqs-export\"\n", path).unwrap_err();
        assert!(
            matches!(newer, BundleError::Newer { found: 9, .. }),
            "{newer}"
        );
        let mut bad = bundle_with(vec![CarriedFile {
            file: "../ontsnapt.toml".into(),
            text: String::new(),
        }]);
        let err = Bundle::parse(&bad.to_toml(), path).unwrap_err().to_string();
        assert!(
            err.contains("\"../ontsnapt.toml\" is geen gewone bestandsnaam"),
            "{err}"
        );
        bad.checklists[0].file = "eigen.toml".into();
        assert!(Bundle::parse(&bad.to_toml(), path).is_ok());
    }

    #[test]
    fn carried_checklists_are_checked_with_the_loader() {
        let broken = bundle_with(vec![CarriedFile {
            file: "eigen.toml".into(),
            text: "id = \"eigen\"\n".into(),
        }]);
        let err = broken
            .check_files(Path::new("uit.toml"), Path::new("map"), bundled_intake())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("uit.toml → eigen.toml:"), "{err}");
        assert!(err.ends_with("Er is niets geïmporteerd."), "{err}");
    }
}
