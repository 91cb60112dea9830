//! Moving assessment files: rename, the `trash/` folder (nothing is ever erased) and `backup/` copies.

use std::fs;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::store::{Store, StoreError, Writer, io_error, validate_name};
use crate::fs_util::{create_private_dir, sync_dir};

/// Folder in the data folder that deleted assessments are moved to.
pub const TRASH_DIR: &str = "trash";
/// Folder in the data folder that keeps copies of files before they are overwritten.
pub const BACKUP_DIR: &str = "backup";
/// Sub-folder of [`BACKUP_DIR`] for user checklists replaced by `pqs import --force`.
pub const CHECKLIST_BACKUP_SUB: &str = "checklists";

impl Store {
    /// Gives an assessment another name. Refuses when `new` exists or either name is held by another
    /// process; the file is moved with one rename, so it is never half-moved. Returns the new file.
    pub fn rename(&self, old: &str, new: &str) -> Result<PathBuf, StoreError> {
        validate_name(new)?;
        if old == new {
            validate_name(old)?;
            return if self.exists(old) {
                Ok(self.path(old))
            } else {
                Err(self.missing(old))
            };
        }
        let old_writer = self.lock(old)?;
        // Holding the new name too keeps anyone from starting an assessment under it meanwhile.
        let new_writer = self.lock(new)?;
        if !self.exists(old) {
            self.release_gone(new_writer);
            self.release_gone(old_writer);
            return Err(self.missing(old));
        }
        if self.exists(new) {
            return Err(StoreError::Exists {
                name: new.to_owned(),
                path: self.path(new),
            });
        }
        let target = self.path(new);
        fs::rename(self.path(old), &target).map_err(io_error(
            "kan de beoordeling niet hernoemen naar {}",
            &target,
        ))?;
        sync_dir(self.dir())?;
        self.release_gone(old_writer);
        drop(new_writer);
        Ok(target)
    }

    /// Moves an assessment to `trash/NAME-YYYYMMDD-HHMMSS.toml` (time of `now` in UTC); nothing is
    /// erased. Refuses when another process holds it. Returns where the file went.
    pub fn trash(&self, name: &str, now: Timestamp) -> Result<PathBuf, StoreError> {
        let writer = self.lock(name)?;
        if !self.exists(name) {
            self.release_gone(writer);
            return Err(self.missing(name));
        }
        let trash = self.dir().join(TRASH_DIR);
        create_private_dir(&trash)?;
        let target = free_archive_path(&trash, name, now);
        fs::rename(self.path(name), &target).map_err(io_error(
            "kan de beoordeling niet naar de prullenbak verplaatsen ({})",
            &target,
        ))?;
        sync_dir(&trash)?;
        sync_dir(self.dir())?;
        self.release_gone(writer);
        Ok(target)
    }

    /// Copies `bytes` (an older version of `file_name`'s content) to
    /// `backup/STEM-YYYYMMDD-HHMMSS.toml`; `sub` puts it one folder deeper (e.g. `checklists`).
    pub fn backup_bytes(
        &self,
        sub: Option<&str>,
        file_name: &str,
        bytes: &[u8],
        now: Timestamp,
    ) -> Result<PathBuf, StoreError> {
        let mut dir = self.dir().join(BACKUP_DIR);
        if let Some(sub) = sub {
            dir.push(sub);
        }
        create_private_dir(&dir)?;
        let stem = Path::new(file_name).file_stem().map_or_else(
            || file_name.to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        write_archive(&dir, &stem, now, bytes)
    }

    fn missing(&self, name: &str) -> StoreError {
        StoreError::Missing {
            name: name.to_owned(),
            dir: self.dir().to_owned(),
        }
    }

    /// Removes the lock file and the parsed copy of an assessment whose file is gone, while still
    /// holding it, so no stale `.NAME.lock` stays behind, nor a copy of answers that were moved.
    fn release_gone(&self, writer: Writer) {
        super::parsed::remove(&self.parsed_path(&writer.name));
        let _ = fs::remove_file(self.lock_path(&writer.name));
        drop(writer);
    }
}

impl Writer {
    /// Copies the assessment's current file to `backup/NAME-YYYYMMDD-HHMMSS.toml` before it is
    /// replaced; `None` when there is no file yet.
    pub fn backup(&self, now: Timestamp) -> Result<Option<PathBuf>, StoreError> {
        let path = self.path();
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(io_error("kan {} niet lezen", &path)(err)),
        };
        let file_name = format!("{}.toml", self.name);
        self.store
            .backup_bytes(None, &file_name, &bytes, now)
            .map(Some)
    }
}

/// What `pqs repair` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// There is no file.
    Missing,
    /// The file is complete: nothing changed.
    Complete,
    /// The cut-off file was copied to `backup` and saved again as it reads, now complete.
    Repaired {
        /// How many answers it holds.
        answers: usize,
        /// Where the cut-off file was kept.
        backup: PathBuf,
    },
}

impl Writer {
    /// Continues with a cut-off assessment as it reads, after the user asked for it: the file goes
    /// to `backup/` first, then what could be read is saved as a complete file. A file that cannot
    /// be read at all is left as it is (the error says where).
    pub fn repair(&self, now: Timestamp) -> Result<Repair, StoreError> {
        let path = self.path();
        let text = match crate::fs_util::read_text(&path, super::store::ASSESSMENT_LIMITS) {
            Ok(text) => text,
            Err(err) if err.is_not_found() => return Ok(Repair::Missing),
            Err(err) => return Err(err.into()),
        };
        if super::store::cut_off_at(&text).is_none() {
            return Ok(Repair::Complete);
        }
        let assessment = salvage(&text, &path)?;
        let backup =
            self.store
                .backup_bytes(None, &format!("{}.toml", self.name), text.as_bytes(), now)?;
        self.replace(&assessment)?;
        Ok(Repair::Repaired {
            answers: assessment.answers.len(),
            backup,
        })
    }
}

/// How many table starts from the end [`salvage`] tries before it gives up.
const SALVAGE_TRIES: usize = 64;

/// What can be read of a cut-off file: all of it when it parses, else everything before the table
/// the cut fell in (the nearest table start from the end after which the rest parses).
fn salvage(text: &str, path: &Path) -> Result<crate::assessment::Assessment, StoreError> {
    let first = match super::store::parse_body(text, path) {
        Ok(assessment) => return Ok(assessment),
        Err(err) => err,
    };
    let mut offset = 0;
    let mut starts = Vec::new();
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            starts.push(offset);
        }
        offset += line.len();
    }
    starts
        .iter()
        .rev()
        .take(SALVAGE_TRIES)
        .find_map(|&at| super::store::parse_body(&text[..at], path).ok())
        .ok_or(first)
}

/// Writes a copy of an assessment that could not be saved where it belongs into `dir` (the system's
/// temporary folder) as `pqs-herstel-NAME-YYYYMMDD-HHMMSS.toml`, private, so the answers are
/// somewhere. Returns the file.
pub fn write_recovery(
    dir: &Path,
    name: &str,
    assessment: &crate::assessment::Assessment,
    now: Timestamp,
) -> Result<PathBuf, StoreError> {
    write_archive(
        dir,
        &format!("pqs-herstel-{name}"),
        now,
        super::store::serialise(assessment).as_bytes(),
    )
}

/// The stamp in archive names: `YYYYMMDD-HHMMSS` of `now` in UTC.
fn stamp(now: Timestamp) -> String {
    now.to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .strftime("%Y%m%d-%H%M%S")
        .to_string()
}

/// Writes `bytes` to a new `dir/STEM-YYYYMMDD-HHMMSS.toml` (`-2`, `-3`, … when taken), never over
/// an earlier file, even one another process makes in the same second. Returns the file.
fn write_archive(
    dir: &Path,
    stem: &str,
    now: Timestamp,
    bytes: &[u8],
) -> Result<PathBuf, StoreError> {
    let stamp = stamp(now);
    for n in 1.. {
        let target = if n == 1 {
            dir.join(format!("{stem}-{stamp}.toml"))
        } else {
            dir.join(format!("{stem}-{stamp}-{n}.toml"))
        };
        match crate::fs_util::write_new(&target, bytes) {
            Ok(_) => return Ok(target),
            Err(err) if err.is_already_there() => {}
            Err(err) => return Err(err.into()),
        }
    }
    unreachable!("an unbounded range always yields a next number")
}

/// `dir/STEM-YYYYMMDD-HHMMSS.toml`, with `-2`, `-3`, … added when that name is taken (for the
/// trash, where the assessment's lock keeps a second pqs from moving the same name at once).
fn free_archive_path(dir: &Path, stem: &str, now: Timestamp) -> PathBuf {
    let stamp = stamp(now);
    let mut candidate = dir.join(format!("{stem}-{stamp}.toml"));
    let mut n = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{stem}-{stamp}-{n}.toml"));
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Assessment;

    const NOW: Timestamp = Timestamp::constant(1_795_428_000, 0); // 2026-11-23T10:00:00Z

    fn store_with(names: &[&str]) -> (tempfile::TempDir, Store) {
        let root = tempfile::tempdir().unwrap();
        let store = Store::new(root.path().join("data"));
        for name in names {
            let writer = store.lock(name).unwrap();
            writer.save(&Assessment::new(*name, NOW)).unwrap();
        }
        (root, store)
    }

    fn files(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn rename_moves_the_file_and_its_lock() {
        let (_root, store) = store_with(&["oud"]);
        let before = fs::read(store.path("oud")).unwrap();
        let target = store.rename("oud", "nieuw").unwrap();
        assert_eq!(target, store.path("nieuw"));
        assert_eq!(fs::read(&target).unwrap(), before, "content unchanged");
        assert_eq!(files(store.dir()), [".nieuw.lock", "nieuw.toml"]);
        assert_eq!(store.list().unwrap(), ["nieuw"]);
    }

    #[test]
    fn rename_refuses_a_taken_name_and_a_missing_or_bad_one() {
        let (_root, store) = store_with(&["a", "b"]);
        let a = fs::read(store.path("a")).unwrap();
        let err = store.rename("a", "b").unwrap_err();
        assert!(
            matches!(err, StoreError::Exists { ref name, .. } if name == "b"),
            "{err}"
        );
        assert_eq!(fs::read(store.path("a")).unwrap(), a);
        let err = store.rename("niet-er", "c").unwrap_err();
        assert!(matches!(err, StoreError::Missing { .. }), "{err}");
        assert!(!store.exists("c"));
        let err = store.rename("a", "../c").unwrap_err();
        assert!(matches!(err, StoreError::BadName(_)), "{err}");
        assert_eq!(store.list().unwrap(), ["a", "b"]);
    }

    #[test]
    fn rename_and_trash_refuse_while_another_writer_holds_it() {
        let (_root, store) = store_with(&["bezet"]);
        // File locks are per open file, so a second lock in this process conflicts like another
        // process would.
        let _held = store.lock("bezet").unwrap();
        let err = store.rename("bezet", "vrij").unwrap_err();
        assert!(matches!(err, StoreError::Locked { .. }), "{err}");
        let err = store.trash("bezet", NOW).unwrap_err();
        assert!(matches!(err, StoreError::Locked { .. }), "{err}");
        assert!(store.exists("bezet"));
        assert!(!store.dir().join(TRASH_DIR).exists());
    }

    #[test]
    fn trash_moves_never_erases_and_is_left_out_of_the_list() {
        let (_root, store) = store_with(&["weg", "blijft"]);
        let bytes = fs::read(store.path("weg")).unwrap();
        let first = store.trash("weg", NOW).unwrap();
        assert_eq!(
            first,
            store.dir().join("trash/weg-20261123-100000.toml"),
            "time stamp in UTC"
        );
        assert_eq!(fs::read(&first).unwrap(), bytes);
        assert_eq!(store.list().unwrap(), ["blijft"]);
        // Same name, same second: a second copy, the first one kept.
        store_lock_save(&store, "weg");
        let second = store.trash("weg", NOW).unwrap();
        assert_eq!(second, store.dir().join("trash/weg-20261123-100000-2.toml"));
        assert!(first.is_file());
        assert!(!store.dir().join(".weg.lock").exists());
        let err = store.trash("weg", NOW).unwrap_err();
        assert!(matches!(err, StoreError::Missing { .. }), "{err}");
    }

    fn store_lock_save(store: &Store, name: &str) {
        store
            .lock(name)
            .unwrap()
            .save(&Assessment::new("opnieuw", NOW))
            .unwrap();
    }

    #[test]
    fn backup_copies_the_current_file_and_keeps_it() {
        let (_root, store) = store_with(&["klant"]);
        let bytes = fs::read(store.path("klant")).unwrap();
        let writer = store.lock("klant").unwrap();
        let copy = writer.backup(NOW).unwrap().unwrap();
        assert_eq!(copy, store.dir().join("backup/klant-20261123-100000.toml"));
        assert_eq!(fs::read(&copy).unwrap(), bytes);
        assert!(store.exists("klant"));
        assert_eq!(store.list().unwrap(), ["klant"]);
        let fresh = store.lock("nieuw").unwrap();
        assert_eq!(fresh.backup(NOW).unwrap(), None);
    }

    #[test]
    fn repair_keeps_what_comes_before_the_cut_wherever_it_falls() {
        let (_root, store) = store_with(&[]);
        fs::create_dir_all(store.dir()).unwrap();
        let full = crate::assessment::store::serialise(&crate::report::fixture::assessment());
        let complete = crate::report::fixture::assessment();
        let mut repaired = 0;
        // Every cut inside the answers: each repair keeps all answers before the broken table.
        let first = full.find("[answers.").unwrap();
        let last = full.rfind("[plan.").unwrap();
        // About 60 cuts spread over the answers, wherever they fall (an odd step lands them in
        // keys, values, strings and between tables alike).
        let step = ((last - first) / 60).max(1) | 1;
        for cut in (first..last)
            .step_by(step)
            .filter(|i| full.is_char_boundary(*i))
        {
            fs::write(store.path("klant"), &full[..cut]).unwrap();
            let writer = store.lock("klant").unwrap();
            match writer.repair(NOW).unwrap() {
                Repair::Repaired { answers, .. } => {
                    assert!(answers <= complete.answers.len());
                    repaired += 1;
                }
                other => panic!("cut at {cut}: {other:?}"),
            }
            assert!(store.read("klant").unwrap().is_some(), "complete again");
        }
        assert!(repaired > 40, "{repaired}");
    }

    #[cfg(unix)]
    #[test]
    fn trash_and_backup_folders_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let (_root, store) = store_with(&["a", "b"]);
        let copy = store.lock("a").unwrap().backup(NOW).unwrap().unwrap();
        let trashed = store.trash("b", NOW).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&store.dir().join(TRASH_DIR)), 0o700);
        assert_eq!(mode(&store.dir().join(BACKUP_DIR)), 0o700);
        assert_eq!(mode(&copy), 0o600);
        assert_eq!(mode(&trashed), 0o600);
    }
}
