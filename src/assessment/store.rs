//! Assessment files on disk: one writer at a time, atomic and durable writes, strict reading.

use std::cell::{Cell, RefCell};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::model::{Assessment, FORMAT};
use super::parsed;
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
    /// A file pqs wrote that was cut off: its last line is not [`END_MARK`].
    #[error(
        "{}:{line}: het bestand lijkt afgebroken: de laatste regel \"{END_MARK}\" ontbreekt (bijvoorbeeld door een volle schijf of een onderbroken synchronisatie), dus er kunnen antwoorden ontbreken.\nHet bestand is niet aangepast. Zet een reservekopie terug (zie de map backup/), of ga bewust verder met wat er staat: pqs repair -a NAAM (een kopie van het bestand gaat dan eerst naar backup/).",
        .path.display()
    )]
    CutOff {
        /// The file.
        path: PathBuf,
        /// Its last line.
        line: usize,
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
pub(super) const ASSESSMENT_LIMITS: Limits = Limits {
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

    /// The parsed copy of an assessment ([`super::parsed`]).
    pub(super) fn parsed_path(&self, name: &str) -> PathBuf {
        self.dir.join(format!(".{name}.parsed"))
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
        if let Some(assessment) = self.read_copy(name) {
            return Ok(Some(assessment));
        }
        Ok(self
            .read_with_text(name, Keep::Copy)?
            .map(|(assessment, _, _)| assessment))
    }

    /// The parsed copy of `name`'s file, when it was made of exactly the bytes the file holds now:
    /// found by hashing the file a block at a time as it is read, so its text is never held (at
    /// 10,000 items 6.8 MB, and a check of it as UTF-8, which a read from the copy does not
    /// need). `None` on anything else; the file is then read as always, with every check and
    /// message of [`Store::read_with_text`].
    fn read_copy(&self, name: &str) -> Option<Assessment> {
        validate_name(name).ok()?;
        let key = parsed::key_of_file(&self.path(name))?;
        parsed::read(&self.parsed_path(name), &key)
    }

    /// The stamp of an assessment's file as it is now, without reading it; `None` when there is no
    /// regular file (a link is not followed).
    pub fn stamp(&self, name: &str) -> Option<Stamp> {
        validate_name(name).ok()?;
        fs::symlink_metadata(self.path(name))
            .ok()
            .filter(fs::Metadata::is_file)
            .map(|meta| Stamp::of(&meta))
    }

    /// [`Store::read`] with the stamp of exactly the bytes that were read, for the list: it keeps
    /// a summary of its own ([`crate::report::listing`]), so it uses a parsed copy but makes none
    /// (a data folder with a thousand clients would hold a second copy of every file).
    pub fn read_stamped(&self, name: &str) -> Result<Option<(Assessment, Stamp)>, StoreError> {
        Ok(self
            .read_with_text(name, Keep::Nothing)?
            .map(|(assessment, _, meta)| (assessment, Stamp::of(&meta))))
    }

    /// [`Store::read`] with the text and metadata of the file that was read.
    fn read_with_text(
        &self,
        name: &str,
        keep: Keep,
    ) -> Result<Option<(Assessment, String, fs::Metadata)>, StoreError> {
        validate_name(name)?;
        let path = self.path(name);
        match fs_util::read_text_meta(&path, ASSESSMENT_LIMITS) {
            Ok((text, meta)) => Ok(Some((self.parse_kept(name, &text, keep)?, text, meta))),
            Err(err) if err.is_not_found() => Ok(None),
            Err(err) => Err(read_error(path, err)),
        }
    }

    /// [`parse`] of the text of `name`'s file, from its parsed copy when that was made of exactly
    /// this text; otherwise parsed, and with `Keep::Copy` the copy made.
    fn parse_kept(&self, name: &str, text: &str, keep: Keep) -> Result<Assessment, StoreError> {
        crate::parsed_copy::or_parse(
            parsed::key(text).map(|key| (self.parsed_path(name), key)),
            keep == Keep::Copy,
            (parsed::read, parsed::write),
            || parse(text, &self.path(name)),
        )
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
        write_pid(&file);
        fs_util::remove_stale_temporaries(&self.dir, &format!("{name}.{EXTENSION}"));
        fs_util::remove_stale_temporaries(&self.dir, &format!(".{name}.parsed"));
        Ok(Writer {
            store: self.clone(),
            name: name.to_owned(),
            lock: RefCell::new(file),
            seen: Cell::new(None),
            base: RefCell::new(None),
            copied: Cell::new(false),
        })
    }
}

/// Writes this process's pid into a held lock file, in place (never truncating). Best effort: the
/// pid only serves the message a second process shows.
fn write_pid(file: &File) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        let record = format!("{:<width$}\n", std::process::id(), width = LOCK_RECORD - 1);
        let _ = file.write_at(record.as_bytes(), 0);
    }
    #[cfg(not(unix))]
    let _ = file;
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

/// The error for an assessment file at `path` that could not be read: text that is not UTF-8 is
/// a corrupt file, with where.
fn read_error(path: PathBuf, err: FsError) -> StoreError {
    match err {
        FsError::NotUtf8 { line, column, .. } => StoreError::Corrupt {
            path,
            line,
            column,
            message: "het bestand is geen geldige UTF-8-tekst".into(),
        },
        err => err.into(),
    }
}

/// The right to write one assessment, held while this value lives. It remembers the file it last
/// read or wrote, so a save notices when another process changed the file meanwhile (possible only
/// when the lock file was deleted, or on a folder synced between computers) and merges instead of
/// overwriting.
#[derive(Debug)]
pub struct Writer {
    pub(super) store: Store,
    pub(super) name: String,
    /// The open, locked lock file.
    lock: RefCell<File>,
    /// The file as this writer last saw it: `None` before it looked.
    seen: Cell<Option<Seen>>,
    /// That file, the base of a merge.
    base: RefCell<Option<Base>>,
    /// Whether the parsed copy beside the file was made of that text ([`super::parsed`]).
    copied: Cell<bool>,
}

/// The file as a writer last read or wrote it, the base of a merge: what it parsed to, held in
/// its parsed copy's form ([`parsed::body`]; at 10,000 items with a year of history 2.65 MB where
/// the text is 6.8 MB), made of the very bytes that were read or written (a file another program
/// changes in place afterwards must not change what the merge compares with, or its changes
/// would look like this writer's).
#[derive(Debug)]
struct Base {
    body: Vec<u8>,
    /// The key of a copy of the file's text; `None` when this binary keeps no copies.
    key: Option<crate::parsed_copy::Key>,
}

impl Base {
    /// What the file parsed to.
    fn assessment(&self) -> Option<Assessment> {
        parsed::decode(&self.body)
    }
}

/// Whether a read makes a parsed copy when there is none of the file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    Copy,
    Nothing,
}

/// What an assessment file looked like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seen {
    /// There was no file.
    Absent,
    /// A file with this identity, size and modification time.
    File(Stamp),
}

/// Identity, size and modification time of a file: a write by anyone changes at least one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    dev: u64,
    ino: u64,
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl Stamp {
    /// Whether two stamps are of one file (whatever its content).
    fn same_file(&self, other: &Stamp) -> bool {
        self.dev == other.dev && self.ino == other.ino
    }

    /// The stamp of the running pqs binary; `None` when it cannot be found. Looked up once per
    /// process (every parsed copy's key holds it: one lookup per file read otherwise).
    pub fn program() -> Option<Stamp> {
        static PROGRAM: std::sync::OnceLock<Option<Stamp>> = std::sync::OnceLock::new();
        *PROGRAM.get_or_init(|| {
            std::env::current_exe()
                .and_then(fs::metadata)
                .ok()
                .map(|meta| Stamp::of(&meta))
        })
    }

    /// The stamp of a file's metadata.
    pub fn of(meta: &fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let (dev, ino) = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let (dev, ino) = (0, 0);
        Stamp {
            dev,
            ino,
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }
}

/// How a save went.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// Written as given.
    Written,
    /// The file had been changed by another process: its changes and these were merged (nothing of
    /// either is lost) and the merge was written. The caller should continue with it.
    Merged(Box<Assessment>),
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

    /// Reads the current file; `None` when there is none yet. The next save compares against it.
    /// The file is opened once and hashed a block at a time; its parsed copy, when that was made
    /// of these bytes, is read and kept as the base of a merge ([`Base`]), so the text is never
    /// held. Otherwise the text is read from the same open file, parsed, and the copy made of it.
    pub fn read(&self) -> Result<Option<Assessment>, StoreError> {
        let path = self.path();
        let opened = match fs_util::Opened::open(&path, ASSESSMENT_LIMITS) {
            Ok(opened) => opened,
            Err(err) if err.is_not_found() => {
                self.seen.set(Some(Seen::Absent));
                *self.base.borrow_mut() = None;
                return Ok(None);
            }
            Err(err) => return Err(read_error(path, err)),
        };
        let copy = self.store.parsed_path(&self.name);
        let key = parsed::key_of_opened(&opened);
        let copied = key
            .as_ref()
            .and_then(|key| parsed::read_with_body(&copy, key));
        let (assessment, base) = match copied {
            Some((assessment, body)) => (assessment, Base { body, key }),
            None => {
                let text = opened.text().map_err(|err| read_error(path.clone(), err))?;
                let assessment = parse(&text, &path)?;
                // The key of the text parsed, which may have changed since it was hashed.
                let key = parsed::key(&text);
                drop(text);
                let body = parsed::body(&assessment, Vec::new());
                if let Some(key) = &key {
                    parsed::write_body(&copy, key, &body);
                }
                (assessment, Base { body, key })
            }
        };
        self.seen.set(Some(Seen::File(Stamp::of(&opened.meta))));
        *self.base.borrow_mut() = Some(base);
        // The read used the copy of this file or made it.
        self.copied.set(true);
        Ok(Some(assessment))
    }

    /// Writes the assessment atomically and durably: a temporary file in the same folder, synced,
    /// renamed over the old one, then the folder synced. The old file stays intact on any failure.
    /// When the file on disk is not the one this writer last read or wrote, the two are merged
    /// ([`super::merge::merge`]) and the merge is written; a file that cannot be read then is left
    /// as it is and the save fails.
    pub fn save(&self, assessment: &Assessment) -> Result<Saved, StoreError> {
        self.save_keeping(assessment, false)
    }

    /// [`Writer::save`] at the end of a command: with a parsed copy of what was written
    /// ([`super::parsed`]), so the next read is quick.
    pub fn save_last(&self, assessment: &Assessment) -> Result<Saved, StoreError> {
        self.save_keeping(assessment, true)
    }

    fn save_keeping(&self, assessment: &Assessment, keep: bool) -> Result<Saved, StoreError> {
        self.keep_lock();
        let path = self.path();
        let now = match fs::symlink_metadata(&path) {
            Ok(meta) => Seen::File(Stamp::of(&meta)),
            Err(err) if err.kind() == io::ErrorKind::NotFound => Seen::Absent,
            Err(err) => return Err(io_error("kan {} niet lezen", &path)(err)),
        };
        let changed = match (self.seen.get(), now) {
            (_, Seen::Absent) => false, // nothing on disk that could be lost
            (None, Seen::File(_)) => true,
            (Some(seen), now) => seen != now,
        };
        if !changed {
            self.write(assessment, keep)?;
            return Ok(Saved::Written);
        }
        let Some(theirs) = self.store.read(&self.name)? else {
            self.write(assessment, keep)?;
            return Ok(Saved::Written);
        };
        let base = self.base.borrow().as_ref().and_then(Base::assessment);
        let merged = super::merge::merge(base.as_ref(), assessment, &theirs);
        self.write(&merged, keep)?;
        Ok(Saved::Merged(Box::new(merged)))
    }

    /// Keeps a parsed copy of `assessment` beside its file ([`super::parsed`]), when it is what
    /// this writer last wrote or read, so the next read is quick. For the end of a session: a save
    /// leaves it out, as it would double the time a save takes. Best effort, like every copy.
    pub fn keep_parsed(&self, assessment: &Assessment) {
        let base = self.base.borrow();
        let Some(Base {
            body,
            key: Some(key),
        }) = base.as_ref().filter(|_| !self.copied.get())
        else {
            return;
        };
        // The same value as the base: `assessment` is what the file holds.
        if parsed::body(assessment, Vec::new()) == *body {
            parsed::write_body(&self.store.parsed_path(&self.name), key, body);
            self.copied.set(true);
        }
    }

    /// Writes the assessment as given, whatever is on disk (`pqs import --force`, after a backup).
    pub fn replace(&self, assessment: &Assessment) -> Result<(), StoreError> {
        self.write(assessment, false)
    }

    /// When the lock file was deleted or replaced while this writer held it (so another process
    /// could take a lock of its own), takes the lock at the path again if it is free. Best effort:
    /// the save merges either way.
    fn keep_lock(&self) {
        let lock_path = self.store.lock_path(&self.name);
        let same = match (
            fs::symlink_metadata(&lock_path),
            self.lock.borrow().metadata(),
        ) {
            (Ok(on_disk), Ok(held)) => Stamp::of(&on_disk).same_file(&Stamp::of(&held)),
            _ => false,
        };
        if same {
            return;
        }
        if let Ok(file) = open_lock(&lock_path)
            && file.try_lock().is_ok()
        {
            write_pid(&file);
            *self.lock.borrow_mut() = file;
        }
    }

    /// Writes `assessment`, and with `keep` its parsed copy (made from the very text written).
    fn write(&self, assessment: &Assessment, keep: bool) -> Result<(), StoreError> {
        // Written and hashed a piece at a time: the text of a large file is never held.
        let mut key = parsed::key_stream();
        let meta = fs_util::write_atomic_streamed(&self.path(), &mut |out| {
            serialise_into(assessment, &mut |piece| {
                key.add(piece.as_bytes());
                out.write_all(piece.as_bytes())
            })
        })?;
        let key = key.finish();
        // The new base made in the room of the old one: a save holds one of them, not two.
        let room = self.base.take().map(|base| base.body).unwrap_or_default();
        let body = parsed::body(assessment, room);
        if keep && let Some(key) = &key {
            parsed::write_body(&self.store.parsed_path(&self.name), key, &body);
        }
        self.copied.set(keep);
        self.seen.set(Some(Seen::File(Stamp::of(&meta))));
        *self.base.borrow_mut() = Some(Base { body, key });
        Ok(())
    }
}

/// The first line pqs writes into an assessment file. A file that starts with it must hold the line
/// [`END_MARK`], which pqs writes last: a file cut off (a full disk, an interrupted sync) is noticed,
/// while a file written by hand, without this first line, still loads.
pub const HEAD_MARK: &str = "# Privacy Quick Scan: een beoordeling. Laat de laatste regel (# einde) staan: daaraan ziet pqs dat het bestand compleet is.";
/// The last line pqs writes into an assessment file.
pub const END_MARK: &str = "# einde";

/// The text of an assessment file, as the store writes it: [`HEAD_MARK`], the TOML, [`END_MARK`].
pub fn serialise(assessment: &Assessment) -> String {
    let mut text = String::new();
    serialise_into(assessment, &mut |piece| {
        text.push_str(piece);
        Ok(())
    })
    .expect("a string takes every piece");
    text
}

/// How many answers [`serialise_into`] makes the TOML of at once.
const ANSWERS_AT_ONCE: usize = 256;
/// How many sessions [`serialise_into`] makes the TOML of at once (each lists the ids it changed).
const SESSIONS_AT_ONCE: usize = 2;

/// [`serialise`], given to `out` a piece at a time: the TOML of everything before the answers, of
/// [`ANSWERS_AT_ONCE`] answers at a time, and of each field after them (the sessions
/// [`SESSIONS_AT_ONCE`] at a time), each as
/// `toml::to_string_pretty` writes it and apart by the empty line it puts between tables, so the
/// pieces together are its text of the whole (a test holds them to it). At 10,000 items with a
/// year of history the whole is 6.8 MB, which a save no longer holds.
pub fn serialise_into(
    assessment: &Assessment,
    out: &mut dyn FnMut(&str) -> std::io::Result<()>,
) -> std::io::Result<()> {
    use super::model::Answer;

    /// Some of the answers, in order, as the table `answers`.
    #[derive(serde::Serialize)]
    struct Answers<'a> {
        answers: Part<'a>,
    }

    struct Part<'a>(&'a [(&'a String, &'a Answer)]);

    impl serde::Serialize for Part<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_map(self.0.iter().copied())
        }
    }

    fn toml_of(value: &impl serde::Serialize) -> String {
        toml::to_string_pretty(value).expect("an assessment always serialises")
    }

    let (head, answers, tail) = assessment.parts();
    out(HEAD_MARK)?;
    out("\n")?;
    out(&toml_of(&head))?;
    // Made and given one piece at a time; an empty table is written too, as serde writes it.
    let mut some: Vec<(&String, &Answer)> = Vec::with_capacity(ANSWERS_AT_ONCE);
    let mut rest = answers.iter().peekable();
    loop {
        some.clear();
        some.extend(rest.by_ref().take(ANSWERS_AT_ONCE));
        out("\n")?;
        out(&toml_of(&Answers {
            answers: Part(&some),
        }))?;
        if rest.peek().is_none() {
            break;
        }
    }
    for piece in tail.pieces(SESSIONS_AT_ONCE) {
        out("\n")?;
        out(&toml_of(&piece))?;
    }
    out("\n")?;
    out(END_MARK)?;
    out("\n")
}

/// For a file that pqs wrote (it starts with [`HEAD_MARK`]) without an [`END_MARK`] line: the
/// number of its last line, where it was cut off. Cutting a file off takes its last line; a line
/// added by hand after the mark does not make the file incomplete.
pub fn cut_off_at(text: &str) -> Option<usize> {
    cut_off_after(text, HEAD_MARK)
}

/// [`cut_off_at`] for a file whose first line pqs writes as `head` (assessments, export files).
/// The end mark counts only as a comment of its own: a note with a line `# einde` in it does not
/// make a cut-off file look complete.
pub fn cut_off_after(text: &str, head: &str) -> Option<usize> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.starts_with(head) {
        return None;
    }
    let last_line = || text.trim_end().lines().count().max(1);
    // pqs writes the mark last: then it is the last line (inside a string only in a file that
    // does not parse, which is refused anyway).
    if text.trim_end().lines().next_back().map(str::trim_end) == Some(END_MARK) {
        return None;
    }
    // Otherwise (a line added by hand after it, or a cut), a mark counts outside strings only.
    let mut offset = 0;
    let mut marks = Vec::new();
    for line in text.split_inclusive('\n') {
        if line.trim_end() == END_MARK {
            marks.push(offset);
        }
        offset += line.len();
    }
    if marks.is_empty() {
        return Some(last_line());
    }
    let Ok(table) = toml::de::DeTable::parse(text) else {
        return Some(last_line());
    };
    let mut strings = Vec::new();
    string_spans(table.get_ref(), &mut strings);
    let inside = |at: usize| strings.iter().any(|span| span.contains(&at));
    if marks.iter().any(|at| !inside(*at)) {
        None
    } else {
        Some(last_line())
    }
}

/// The spans of every string value in a parsed TOML table, nested ones included.
fn string_spans(table: &toml::de::DeTable<'_>, out: &mut Vec<std::ops::Range<usize>>) {
    for value in table.values() {
        value_spans(value, out);
    }
}

fn value_spans(
    value: &toml::Spanned<toml::de::DeValue<'_>>,
    out: &mut Vec<std::ops::Range<usize>>,
) {
    match value.get_ref() {
        toml::de::DeValue::String(_) => out.push(value.span()),
        toml::de::DeValue::Array(items) => {
            for item in items.iter() {
                value_spans(item, out);
            }
        }
        toml::de::DeValue::Table(table) => string_spans(table, out),
        _ => {}
    }
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

/// Parses an assessment file: first whether a file pqs wrote is complete ([`cut_off_at`]), then the
/// format version, then the rest.
pub fn parse(text: &str, path: &Path) -> Result<Assessment, StoreError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(line) = cut_off_at(text) {
        return Err(StoreError::CutOff {
            path: path.to_owned(),
            line,
        });
    }
    parse_body(text, path)
}

/// [`parse`] without the completeness check: what `pqs repair` reads after the user confirmed.
pub fn parse_body(text: &str, path: &Path) -> Result<Assessment, StoreError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
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
    assessment.resolve_notes(assessment.format);
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

    const T0: jiff::Timestamp = jiff::Timestamp::constant(1_795_428_000, 0);

    fn later(seconds: i64) -> jiff::Timestamp {
        T0 + jiff::SignedDuration::from_secs(seconds)
    }

    #[test]
    fn a_save_after_the_lock_file_was_deleted_merges_instead_of_wiping() {
        use crate::assessment::Status;
        let root = tempfile::tempdir().unwrap();
        let store = Store::new(root.path());
        // The TUI: holds the lock, has read the file.
        let tui = store.lock("klant").unwrap();
        let mut ours = Assessment::new("Bakkerij", T0);
        assert!(matches!(tui.save(&ours).unwrap(), Saved::Written));
        // Someone deletes the lock file; a `pqs answer` now gets a lock of its own and writes.
        fs::remove_file(root.path().join(".klant.lock")).unwrap();
        {
            let cli = store
                .lock("klant")
                .expect("the deleted lock no longer guards");
            let mut theirs = cli.read().unwrap().unwrap();
            theirs.set_status("a.van-de-cli", Some(Status::Yes), None, later(10));
            assert!(matches!(cli.save(&theirs).unwrap(), Saved::Written));
        }
        // The TUI saves its own change: the CLI's answer is kept, not overwritten.
        ours.set_status("a.van-de-tui", Some(Status::No), None, later(20));
        let Saved::Merged(merged) = tui.save(&ours).unwrap() else {
            panic!("the change on disk must be noticed");
        };
        assert_eq!(merged.status("a.van-de-cli"), Some(Status::Yes));
        assert_eq!(merged.status("a.van-de-tui"), Some(Status::No));
        let on_disk = store.read("klant").unwrap().unwrap();
        assert_eq!(on_disk, *merged);
        // The TUI took the lock again, so the next writer is refused instead of racing.
        let err = store.lock("klant").unwrap_err();
        assert!(matches!(err, StoreError::Locked { .. }), "{err}");
        // And a further save of the merge is an ordinary one.
        assert!(matches!(tui.save(&merged).unwrap(), Saved::Written));
    }

    #[test]
    fn a_file_that_appeared_after_a_read_of_nothing_is_merged_too() {
        use crate::assessment::Status;
        let root = tempfile::tempdir().unwrap();
        let store = Store::new(root.path());
        let tui = store.lock("nieuw").unwrap();
        assert_eq!(tui.read().unwrap(), None);
        let mut elsewhere = Assessment::new("Van elders", T0);
        elsewhere.set_status("a.b", Some(Status::Partly), None, later(1));
        fs::write(store.path("nieuw"), serialise(&elsewhere)).unwrap();
        let ours = Assessment::new("", later(2));
        let Saved::Merged(merged) = tui.save(&ours).unwrap() else {
            panic!("merged");
        };
        assert_eq!(merged.status("a.b"), Some(Status::Partly));
        assert_eq!(merged.organisation, "Van elders");
    }

    /// A store with `klant` holding `first`, read by a writer (the TUI), whose lock file is then
    /// deleted so that another writer could take it.
    /// With `from_copy` the TUI's read is of the file's parsed copy, which an earlier read made;
    /// otherwise of its text (and the copy made then).
    fn read_then_unlocked(
        first: &Assessment,
        from_copy: bool,
    ) -> (tempfile::TempDir, Store, Writer, Assessment) {
        let root = tempfile::tempdir().unwrap();
        let store = Store::new(root.path());
        fs::write(store.path("klant"), serialise(first)).unwrap();
        let copy = store.parsed_path("klant");
        if from_copy {
            store.lock("klant").unwrap().read().unwrap();
            assert!(copy.exists());
        }
        assert_eq!(copy.exists(), from_copy);
        let stamp = || {
            fs::symlink_metadata(&copy)
                .ok()
                .map(|meta| Stamp::of(&meta))
        };
        let before = stamp();
        let tui = store.lock("klant").unwrap();
        let ours = tui.read().unwrap().unwrap();
        // Read from the copy, it is left as it is; read from the text, it is made.
        assert_eq!(stamp() == before, from_copy);
        fs::remove_file(root.path().join(".klant.lock")).unwrap();
        (root, store, tui, ours)
    }

    #[test]
    fn the_base_of_a_merge_is_the_file_read_though_another_was_renamed_over_it() {
        use crate::assessment::Status;
        for from_copy in [false, true] {
            let mut first = Assessment::new("Bakkerij", T0);
            first.set_status("a.weg", Some(Status::Yes), None, T0);
            let (_root, store, tui, mut ours) = read_then_unlocked(&first, from_copy);
            // Another writer renames its file over the one the TUI read: a new name, an answer gone.
            let mut theirs = first.clone();
            theirs.organisation = "Bakkerij Jansen".into();
            theirs.answers.remove("a.weg");
            fs_util::write_atomic(&store.path("klant"), serialise(&theirs).as_bytes()).unwrap();
            ours.set_status("a.nieuw", Some(Status::No), None, later(5));
            let Saved::Merged(merged) = tui.save(&ours).unwrap() else {
                panic!("the change on disk must be noticed");
            };
            // Only a base of what the TUI read says that it changed neither: then theirs count.
            assert_eq!(merged.organisation, "Bakkerij Jansen");
            assert!(!merged.answers.contains_key("a.weg"));
            assert_eq!(merged.status("a.nieuw"), Some(Status::No));
            // After a save, the base is the file that save wrote.
            let mut again = (*merged).clone();
            again.answers.remove("a.nieuw");
            fs_util::write_atomic(&store.path("klant"), serialise(&again).as_bytes()).unwrap();
            let Saved::Merged(merged) = tui.save(&merged).unwrap() else {
                panic!("the second change on disk must be noticed too");
            };
            assert!(!merged.answers.contains_key("a.nieuw"));
        }
    }

    #[test]
    fn a_file_changed_in_place_after_the_read_keeps_every_change_of_the_other_side() {
        use crate::assessment::Status;
        for from_copy in [false, true] {
            let first = Assessment::new("Bakkerij", T0);
            let (_root, store, tui, mut ours) = read_then_unlocked(&first, from_copy);
            // Another program writes the very file the TUI read, in place, and again after a save.
            let mut theirs = first.clone();
            theirs.organisation = "Bakkerij Jansen".into();
            theirs.set_status("a.van-elders", Some(Status::Yes), None, later(3));
            fs::write(store.path("klant"), serialise(&theirs)).unwrap();
            ours.set_status("a.nieuw", Some(Status::No), None, later(5));
            let Saved::Merged(merged) = tui.save(&ours).unwrap() else {
                panic!("the change on disk must be noticed");
            };
            // Read as the base, the changed file would say that the TUI removed their answer; no
            // base at all would say that the TUI chose the old name.
            assert_eq!(merged.status("a.van-elders"), Some(Status::Yes));
            assert_eq!(merged.status("a.nieuw"), Some(Status::No));
            assert_eq!(merged.organisation, "Bakkerij Jansen");
            let mut third = (*merged).clone();
            third.organisation = "Derde".into();
            fs::write(store.path("klant"), serialise(&third)).unwrap();
            let Saved::Merged(merged) = tui.save(&merged).unwrap() else {
                panic!("the second change on disk must be noticed too");
            };
            assert_eq!(merged.organisation, "Derde");
        }
    }

    /// The text `toml` writes of the whole assessment, between the marks: what the store wrote
    /// before it wrote a piece at a time.
    fn whole_text(assessment: &Assessment) -> String {
        let toml = toml::to_string_pretty(assessment).unwrap();
        format!("{HEAD_MARK}\n{toml}\n{END_MARK}\n")
    }

    #[test]
    fn the_pieces_of_a_saved_file_are_the_text_of_the_whole() {
        use crate::assessment::{PlanEntry, Status};
        use crate::report::fixture;
        let mut many = fixture::bakery_with_documents();
        // Answers enough for several pieces, one more than a whole number of them, with
        // histories, notes and plan entries between them.
        for i in 0..=(2 * ANSWERS_AT_ONCE) {
            let id = format!("schaal.s-{i:05}");
            many.set_status(&id, Some(Status::No), Some("f"), later(1));
            many.set_status(&id, Some(Status::Partly), Some("f"), later(2));
            if i % 7 == 0 {
                many.set_note(&id, "een \"notitie\"\nover twee regels", later(3));
                many.set_plan(
                    &id,
                    PlanEntry {
                        owner: "Sanne".into(),
                        action: "Doen".into(),
                        ..Default::default()
                    },
                    later(3),
                );
            }
        }
        many.known_items.insert("schaal.s-00001".into());
        // Sessions enough for several pieces, one more than a whole number of them.
        let session = |n: i64| crate::assessment::Session {
            start: later(n),
            end: later(n + 1),
            assessor: "Sanne".into(),
            changed: vec![
                "schaal.s-00001".into(),
                format!("plan.schaal.s-{n:05}").into(),
            ],
            score: Some(0.5),
            ended: n % 2 == 0,
            title: format!("Sessie {n}"),
        };
        many.sessions = (0..=2 * SESSIONS_AT_ONCE as i64).map(session).collect();
        let mut sessions_only = Assessment::new("Sessies", T0);
        sessions_only.sessions = vec![session(1)];
        let mut known_only = Assessment::new("Bekend", T0);
        known_only.known_items.insert("a.b".into());
        let mut exactly = Assessment::new("Precies", T0);
        for i in 0..ANSWERS_AT_ONCE {
            exactly.set_status(&format!("a.{i}"), Some(Status::Yes), None, T0);
        }
        let cases = [
            Assessment::new("", T0),
            Assessment::new("Alleen een naam", T0),
            fixture::assessment(),
            fixture::complete_assessment(),
            fixture::bakery_with_documents(),
            exactly,
            sessions_only,
            known_only,
            many,
        ];
        for (i, assessment) in cases.iter().enumerate() {
            assert_eq!(serialise(assessment), whole_text(assessment), "case {i}");
        }
    }

    #[test]
    fn no_cut_off_copy_of_a_written_file_loads_as_a_smaller_assessment() {
        let full = serialise(&crate::report::fixture::assessment());
        let path = Path::new("klant.toml");
        let complete_from = full.find(&format!("\n{END_MARK}")).unwrap() + 1 + END_MARK.len();
        let mut loaded = 0;
        for cut in (0..full.len()).filter(|i| full.is_char_boundary(*i)) {
            match parse(&full[..cut], path) {
                Ok(_) => {
                    assert!(cut >= complete_from, "cut at byte {cut} loaded");
                    loaded += 1;
                }
                Err(StoreError::CutOff { line, .. }) => {
                    assert!(cut < complete_from);
                    assert_eq!(line, full[..cut].trim_end().lines().count().max(1));
                }
                Err(StoreError::Corrupt { .. }) => assert!(cut < HEAD_MARK.len(), "cut at {cut}"),
                Err(other) => panic!("cut at {cut}: {other}"),
            }
        }
        assert_eq!(
            loaded,
            full.len() - complete_from,
            "only the final line break may go"
        );
        assert!(parse(&full, path).is_ok());
        // A file written by hand, without the first line, needs no end mark.
        let by_hand = full.replacen(HEAD_MARK, "# met de hand", 1);
        let body = &by_hand[..by_hand.find(END_MARK).unwrap()];
        assert!(parse(body, path).is_ok());
    }

    #[test]
    fn a_note_with_the_end_mark_in_it_does_not_make_a_cut_off_file_look_complete() {
        use crate::assessment::Status;
        let mut a = Assessment::new("X", T0);
        a.set_status("a.een", Some(Status::No), None, T0);
        a.set_note("a.een", &format!("eerste\n{END_MARK}\nlaatste"), T0);
        a.set_status("b.twee", Some(Status::Yes), None, T0);
        let full = serialise(&a);
        let path = Path::new("k.toml");
        assert!(parse(&full, path).is_ok());
        let cut = full.find("[answers.\"b.twee\"]").unwrap();
        let err = parse(&full[..cut], path).unwrap_err();
        assert!(matches!(err, StoreError::CutOff { .. }), "{err}");
        // A line added by hand after the real mark is fine; a BOM in front changes nothing.
        let appended = format!(
            "{full}\n[answers.\"c.drie\"]\nstatus = \"no\"\nanswered_at = \"2026-01-01T00:00:00Z\"\n"
        );
        assert_eq!(parse(&appended, path).unwrap().answers.len(), 3);
        let bom = format!("\u{feff}{}", &full[..cut]);
        assert!(matches!(parse(&bom, path), Err(StoreError::CutOff { .. })));
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

    #[test]
    fn a_read_keeps_a_private_parsed_copy_that_follows_the_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let copy = store.parsed_path("klant");
        let writer = store.lock("klant").unwrap();
        let mut a = Assessment::new("Eerste", T0);
        writer.save(&a).unwrap();
        assert!(
            !copy.exists(),
            "a save makes no copy: it would slow every save down"
        );
        // The list reads without making one (it keeps a summary of its own).
        assert_eq!(store.read_stamped("klant").unwrap().unwrap().0, a);
        assert!(!copy.exists());
        assert_eq!(store.read("klant").unwrap().unwrap(), a);
        assert_eq!(
            fs::metadata(&copy).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(store.read("klant").unwrap().unwrap(), a, "from the copy");
        // Another process (or an editor) changes the file: the copy is passed over.
        let changed = fs::read_to_string(store.path("klant"))
            .unwrap()
            .replace("Eerste", "Tweede");
        fs::write(store.path("klant"), changed).unwrap();
        assert_eq!(store.read("klant").unwrap().unwrap().organisation, "Tweede");
        // The end of a session keeps the copy of what it wrote, and only that.
        a.organisation = "Derde".into();
        writer.save_last(&a).unwrap();
        let key = parsed::key(&fs::read_to_string(store.path("klant")).unwrap()).unwrap();
        assert_eq!(parsed::read(&copy, &key).unwrap().organisation, "Derde");
        // A save in a session makes none; its end keeps the copy of what is in the file, never of
        // changes that were not saved.
        a.organisation = "Vierde".into();
        writer.save(&a).unwrap();
        let key = parsed::key(&fs::read_to_string(store.path("klant")).unwrap()).unwrap();
        assert_eq!(parsed::read(&copy, &key), None);
        let mut unsaved = a.clone();
        unsaved.organisation = "Niet opgeslagen".into();
        writer.keep_parsed(&unsaved);
        assert_eq!(parsed::read(&copy, &key), None);
        writer.keep_parsed(&a);
        assert_eq!(parsed::read(&copy, &key).unwrap().organisation, "Vierde");
        drop(writer);
        // The copy goes with its assessment: renamed, then moved to the trash.
        store.rename("klant", "nieuw").unwrap();
        assert!(!copy.exists());
        store.read("nieuw").unwrap();
        assert!(store.parsed_path("nieuw").exists());
        store.trash("nieuw", T0).unwrap();
        assert!(!store.parsed_path("nieuw").exists());
    }
}
