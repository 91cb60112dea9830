//! Assessment files on disk: one writer at a time, atomic and durable writes, strict reading.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::model::{Assessment, FORMAT};
use crate::checklist::load::line_column;
use crate::fs_util::{self, FsError, Limits};

/// Extension of assessment files.
const EXTENSION: &str = "toml";

/// Problems reading or writing assessment files.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file is not a valid assessment.
    #[error(
        "{path}:{line}:{column}: {message}\nHet bestand is niet aangepast. Herstel het met een teksteditor of zet een reservekopie terug."
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
    /// The file was written by a newer pqs.
    #[error(
        "{path}:1:1: dit bestand heeft formaatversie {found}, deze pqs kent alleen versie {FORMAT} en ouder.\nHet bestand is niet aangepast. Installeer een nieuwere versie van pqs."
    )]
    Newer {
        /// The file.
        path: PathBuf,
        /// Its format version.
        found: i64,
    },
    /// Another process holds the assessment.
    #[error(
        "de beoordeling \"{name}\" is al geopend door een ander pqs-proces{}.\nSluit dat eerst af (slotbestand: {lock}).",
        pid.map(|p| format!(" (proces {p})")).unwrap_or_default()
    )]
    Locked {
        /// Assessment name.
        name: String,
        /// Process id of the holder, when it could be read.
        pid: Option<u32>,
        /// The lock file.
        lock: PathBuf,
    },
    /// The name cannot be used as a file name.
    #[error(
        "ongeldige naam \"{0}\": gebruik letters, cijfers, - en _ (hoogstens 64 tekens), bijvoorbeeld \"bakkerij-jansen\""
    )]
    BadName(String),
    /// `rename` to a name that is taken, or `import` over an existing assessment.
    #[error(
        "er bestaat al een beoordeling \"{name}\" ({path}); kies een andere naam of verwijder die eerst"
    )]
    Exists {
        /// The name that is taken.
        name: String,
        /// Its file.
        path: PathBuf,
    },
    /// `rename` or `trash` of a name without a file.
    #[error("er is geen beoordeling \"{name}\" in {dir}")]
    Missing {
        /// The name asked for.
        name: String,
        /// The data folder.
        dir: PathBuf,
    },
    /// A file could not be read or written.
    #[error(transparent)]
    Fs(#[from] FsError),
    /// The lock file is not one pqs made (a link, a folder, a file with other content).
    #[error(
        "{}: dit is geen slotbestand van pqs ({why}).\nHaal het weg als het niet van jou is, en probeer het opnieuw.",
        .path.display()
    )]
    BadLock {
        /// The lock file.
        path: PathBuf,
        /// What is wrong with it.
        why: &'static str,
    },
}

/// What to do when an assessment file is a symbolic link.
pub const SYMLINK_HINT: &str = "pqs opent een beoordeling niet via een koppeling, omdat opslaan de koppeling zou vervangen door een gewoon bestand. Zet het echte bestand in de datamap (of kies de map waar het staat met --data-dir) en haal de koppeling weg.";

/// How assessment files are read: regular files up to [`fs_util::MAX_ASSESSMENT_BYTES`], never
/// through a symbolic link.
const ASSESSMENT_LIMITS: Limits = Limits {
    bytes: fs_util::MAX_ASSESSMENT_BYTES,
    what: "beoordelingen",
    no_symlink: Some(SYMLINK_HINT),
};

/// Width of the pid record in a lock file: written in place at offset 0, so the file is never
/// truncated.
const LOCK_RECORD: usize = 21;

pub(super) fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> StoreError {
    let io = fs_util::io(action, path);
    move |source| StoreError::Fs(io(source))
}

/// The folder with assessment files.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// A store in `dir` (created on first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Store { dir: dir.into() }
    }

    /// The data folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of an assessment.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.{EXTENSION}"))
    }

    /// The lock file of an assessment.
    pub(super) fn lock_path(&self, name: &str) -> PathBuf {
        self.dir.join(format!(".{name}.lock"))
    }

    /// Names of the existing assessments, sorted. Sub-folders (`trash/`, `backup/`) are not looked in.
    pub fn list(&self) -> Result<Vec<String>, StoreError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(err) => return Err(io_error("kan de map {} niet lezen", &self.dir)(err)),
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let path = e.path();
                let stem = path.file_stem()?.to_str()?.to_owned();
                (path.extension()? == EXTENSION && path.is_file() && validate_name(&stem).is_ok())
                    .then_some(stem)
            })
            .collect();
        names.sort();
        Ok(names)
    }

    /// Whether an assessment file exists.
    pub fn exists(&self, name: &str) -> bool {
        self.path(name).is_file()
    }

    /// Reads an assessment without locking it; `None` when there is no file.
    pub fn read(&self, name: &str) -> Result<Option<Assessment>, StoreError> {
        validate_name(name)?;
        let path = self.path(name);
        match fs_util::read_text(&path, ASSESSMENT_LIMITS) {
            Ok(text) => parse(&text, &path).map(Some),
            Err(err) if err.is_not_found() => Ok(None),
            Err(FsError::NotUtf8 { line, column, .. }) => Err(StoreError::Corrupt {
                path,
                line,
                column,
                message: "het bestand is geen geldige UTF-8-tekst".into(),
            }),
            Err(err) => Err(err.into()),
        }
    }

    /// Takes the assessment's lock so this process is its only writer. The lock is held by the open
    /// file and goes away with the process, so a killed `pqs` leaves nothing stale behind. The lock
    /// file is opened without following a link and never truncated (the pid is written in place);
    /// temporary files that a killed writer left are removed.
    pub fn lock(&self, name: &str) -> Result<Writer, StoreError> {
        validate_name(name)?;
        fs_util::create_private_dir(&self.dir)?;
        let lock_path = self.lock_path(name);
        let file = open_lock(&lock_path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = (&file).take(64).read_to_string(&mut holder);
                return Err(StoreError::Locked {
                    name: name.to_owned(),
                    pid: holder.trim().parse().ok(),
                    lock: lock_path,
                });
            }
            Err(fs::TryLockError::Error(err)) => {
                return Err(io_error("kan {} niet vergrendelen", &lock_path)(err));
            }
        }
        // Best effort: the pid only serves the message a second process shows.
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileExt;
            let record = format!("{:<width$}\n", std::process::id(), width = LOCK_RECORD - 1);
            let _ = file.write_at(record.as_bytes(), 0);
        }
        fs_util::remove_stale_temporaries(&self.dir, &format!("{name}.{EXTENSION}"));
        Ok(Writer {
            store: self.clone(),
            name: name.to_owned(),
            _lock: file,
        })
    }
}

/// Opens (or creates, mode 0600) a lock file: never through a link, and only a small regular file
/// with one name, so locking can never write into another file.
fn open_lock(path: &Path) -> Result<File, StoreError> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let bad = |why| StoreError::BadLock {
        path: path.to_owned(),
        why,
    };
    let file = match options.open(path) {
        Ok(file) => file,
        #[cfg(unix)]
        Err(err) if err.raw_os_error() == Some(libc::ELOOP) => {
            return Err(bad("het is een symbolische koppeling"));
        }
        Err(err) => return Err(io_error("kan het slotbestand {} niet maken", path)(err)),
    };
    let meta = file
        .metadata()
        .map_err(io_error("kan het slotbestand {} niet lezen", path))?;
    if !meta.is_file() {
        return Err(bad("het is geen gewoon bestand"));
    }
    if meta.len() > 64 {
        return Err(bad("er staat meer in dan een procesnummer"));
    }
    #[cfg(unix)]
    if std::os::unix::fs::MetadataExt::nlink(&meta) > 1 {
        return Err(bad("het heeft meer dan één naam (een harde koppeling)"));
    }
    Ok(file)
}

/// The right to write one assessment, held while this value lives.
#[derive(Debug)]
pub struct Writer {
    pub(super) store: Store,
    pub(super) name: String,
    pub(super) _lock: File,
}

impl Writer {
    /// The assessment's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The assessment's file.
    pub fn path(&self) -> PathBuf {
        self.store.path(&self.name)
    }

    /// Reads the current file; `None` when there is none yet.
    pub fn read(&self) -> Result<Option<Assessment>, StoreError> {
        self.store.read(&self.name)
    }

    /// Writes the assessment atomically and durably: a temporary file in the same folder, synced,
    /// renamed over the old one, then the folder synced. The old file stays intact on any failure.
    pub fn save(&self, assessment: &Assessment) -> Result<(), StoreError> {
        fs_util::write_atomic(&self.path(), serialise(assessment).as_bytes())?;
        Ok(())
    }
}

/// The text of an assessment file, as the store writes it.
pub fn serialise(assessment: &Assessment) -> String {
    toml::to_string_pretty(assessment).expect("an assessment always serialises")
}

/// Checks that a name can safely be a file name.
pub fn validate_name(name: &str) -> Result<(), StoreError> {
    let ok = !name.is_empty()
        && name.chars().count() <= 64
        && !name.starts_with(['-', '.'])
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(StoreError::BadName(name.to_owned()))
    }
}

/// Parses an assessment file, checking the format version before anything else.
pub fn parse(text: &str, path: &Path) -> Result<Assessment, StoreError> {
    let corrupt = |span: Option<std::ops::Range<usize>>, message: String| {
        let (line, column) = line_column(text, span.map_or(0, |s| s.start));
        StoreError::Corrupt {
            path: path.to_owned(),
            line,
            column,
            message,
        }
    };
    let check_format = |found: Option<i64>| match found {
        Some(found) if found > i64::from(FORMAT) => Err(StoreError::Newer {
            path: path.to_owned(),
            found,
        }),
        Some(found) if found >= 1 => Ok(()),
        _ => Err(corrupt(
            None,
            format!("`format = {FORMAT}` ontbreekt bovenaan; dit is geen pqs-beoordeling"),
        )),
    };
    // One parse on the happy path (files with a long history are large); only a file that does not
    // fit is parsed again as plain TOML, to tell a newer or foreign file from a damaged one.
    let mut assessment = match toml::from_str::<Assessment>(text) {
        Ok(assessment) => {
            check_format(Some(i64::from(assessment.format)))?;
            assessment
        }
        Err(error) => {
            let table: toml::Table = toml::from_str(text).map_err(|e| {
                corrupt(
                    e.span(),
                    format!("het bestand is beschadigd: {}", e.message().trim()),
                )
            })?;
            check_format(table.get("format").and_then(toml::Value::as_integer))?;
            return Err(corrupt(
                error.span(),
                format!("het bestand is beschadigd: {}", error.message().trim()),
            ));
        }
    };
    // Older formats are a subset of this one: the next save writes the current format.
    assessment.format = FORMAT;
    Ok(assessment)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_are_safe_file_names_pass() {
        for good in ["standaard", "bakkerij-jansen", "klant_2", "café"] {
            assert!(validate_name(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "../x",
            "a/b",
            ".verborgen",
            "-x",
            "met spatie",
            &"x".repeat(65),
        ] {
            assert!(validate_name(bad).is_err(), "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn files_are_private_and_a_new_folder_is_too() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("nieuw");
        let writer = Store::new(&dir).lock("klant").unwrap();
        writer
            .save(&Assessment::new("X", jiff::Timestamp::UNIX_EPOCH))
            .unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&dir.join("klant.toml")), 0o600);
        assert_eq!(mode(&dir.join(".klant.lock")), 0o600);
        // Saving again replaces the file and keeps it private; no temporary file is left.
        writer
            .save(&Assessment::new("Y", jiff::Timestamp::UNIX_EPOCH))
            .unwrap();
        assert_eq!(mode(&dir.join("klant.toml")), 0o600);
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
