//! File helpers shared by the store, the loaders, reports and exports: reading only regular files
//! up to a size limit, atomic writes through exclusive temporary files, the rules for an output
//! target (`-o`), private folders. One place, so every file pqs touches gets the same care.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The largest assessment or export file pqs reads (64 MiB; a consultant's year is about 1 MiB).
pub const MAX_ASSESSMENT_BYTES: u64 = 64 * 1024 * 1024;
/// The largest checklist or intake file pqs reads (16 MiB; 10,000 questions are about 6 MiB).
pub const MAX_CHECKLIST_BYTES: u64 = 16 * 1024 * 1024;

/// What went wrong with a file, in words for the user.
#[derive(Debug, thiserror::Error)]
pub enum FsError {
    /// A file system operation failed.
    #[error(
        "{}: {}{}",
        action.replacen("{}", &path.display().to_string(), 1),
        reason(source),
        io_hint(source)
    )]
    Io {
        /// What was being done, in words; `{}` stands for the path.
        action: &'static str,
        /// On which path.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// Not a regular file (a folder, a device, a FIFO, a socket).
    #[error("{}: dit is {kind}, geen gewoon bestand; geef een gewoon bestand op", path.display())]
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is instead, in words ("een map").
        kind: &'static str,
    },
    /// Larger than pqs reads.
    #[error(
        "{}: het bestand is {} groot; pqs leest {what} tot {}. Is dit het goede bestand?",
        path.display(), size_text(*size), size_text(*limit)
    )]
    TooLarge {
        /// The path.
        path: PathBuf,
        /// Its size in bytes (at least).
        size: u64,
        /// The limit in bytes.
        limit: u64,
        /// What kind of file, in words ("beoordelingen").
        what: &'static str,
    },
    /// Not UTF-8 text.
    #[error("{}:{line}:{column}: het bestand is geen geldige UTF-8-tekst", path.display())]
    NotUtf8 {
        /// The path.
        path: PathBuf,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A symbolic link where pqs does not follow one.
    #[error("{}: dit is een symbolische koppeling; {hint}", path.display())]
    Symlink {
        /// The link.
        path: PathBuf,
        /// What to do instead.
        hint: &'static str,
    },
}

impl FsError {
    /// Whether the file does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, FsError::Io { source, .. } if source.kind() == io::ErrorKind::NotFound)
    }

    /// Whether the file was there already ([`write_new`]).
    pub fn is_already_there(&self) -> bool {
        matches!(self, FsError::Io { source, .. } if source.kind() == io::ErrorKind::AlreadyExists)
    }
}

/// The reason of an I/O error in Dutch where it is a common one, else the system's words.
fn reason(err: &io::Error) -> String {
    let dutch = match err.kind() {
        io::ErrorKind::NotFound => "het bestand of de map bestaat niet",
        io::ErrorKind::PermissionDenied => "geen toestemming",
        io::ErrorKind::ReadOnlyFilesystem => "alleen-lezen bestandssysteem",
        io::ErrorKind::StorageFull => "de schijf is vol",
        io::ErrorKind::IsADirectory => "dat is een map",
        io::ErrorKind::NotADirectory => "een deel van het pad is geen map",
        io::ErrorKind::AlreadyExists => "bestaat al",
        _ => return err.to_string(),
    };
    dutch.to_owned()
}

fn io_hint(err: &io::Error) -> &'static str {
    match err.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            "\nControleer of je in deze map mag schrijven, of kies een andere map met --data-dir."
        }
        io::ErrorKind::StorageFull => "\nMaak ruimte vrij op de schijf en probeer het opnieuw.",
        _ => "",
    }
}

/// A size in words: "17 MB", "300 kB", "12 bytes".
fn size_text(bytes: u64) -> String {
    match bytes {
        b if b >= 1024 * 1024 => format!("{} MB", b / (1024 * 1024)),
        b if b >= 1024 => format!("{} kB", b / 1024),
        b => format!("{b} bytes"),
    }
}

/// The error for a failed operation, as a closure for `map_err`.
pub fn io(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> FsError {
    let path = path.to_owned();
    move |source| FsError::Io {
        action,
        path,
        source,
    }
}

/// How to read a file.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest size read.
    pub bytes: u64,
    /// What kind of file, for the message ("beoordelingen").
    pub what: &'static str,
    /// Whether a symbolic link is refused (with this hint) instead of followed.
    pub no_symlink: Option<&'static str>,
}

/// Reads a regular file of at most `limits.bytes` as UTF-8 text. A folder, device or FIFO is refused
/// before anything is read (a FIFO is opened without waiting for a writer), so `/dev/zero` cannot
/// fill the memory.
pub fn read_text(path: &Path, limits: Limits) -> Result<String, FsError> {
    read_text_meta(path, limits).map(|(text, _)| text)
}

/// [`read_text`], with the metadata of the file that was read (from the same open file, so it
/// belongs to exactly these bytes).
pub fn read_text_meta(path: &Path, limits: Limits) -> Result<(String, fs::Metadata), FsError> {
    let (bytes, meta) = read_bytes_meta(path, limits)?;
    Ok((utf8(bytes, path)?, meta))
}

/// `bytes` as text, or where in the file at `path` they stop being UTF-8.
fn utf8(bytes: Vec<u8>, path: &Path) -> Result<String, FsError> {
    String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&err.as_bytes()[..valid]);
        let (line, column) = crate::checklist::load::line_column(&text, valid);
        FsError::NotUtf8 {
            path: path.to_owned(),
            line,
            column,
        }
    })
}

/// Reads a regular file of at most `limits.bytes` (an image), refusing what [`read_text`] refuses.
pub fn read_bytes(path: &Path, limits: Limits) -> Result<Vec<u8>, FsError> {
    read_bytes_meta(path, limits).map(|(bytes, _)| bytes)
}

fn read_bytes_meta(path: &Path, limits: Limits) -> Result<(Vec<u8>, fs::Metadata), FsError> {
    let opened = Opened::open(path, limits)?;
    let bytes = opened.bytes()?;
    Ok((bytes, opened.meta))
}

/// A file opened as [`read_text`] opens it (a regular file within the limit, not through a link
/// when the limits say so, never waiting on a FIFO), to be read from the start as often as asked:
/// what is read is always the file that was opened, whatever is renamed over its path meanwhile.
#[derive(Debug)]
pub struct Opened {
    file: fs::File,
    /// Its metadata when it was opened.
    pub meta: fs::Metadata,
    path: PathBuf,
    limits: Limits,
}

impl Opened {
    /// Opens the file at `path`, refusing what [`read_text`] refuses.
    pub fn open(path: &Path, limits: Limits) -> Result<Opened, FsError> {
        let (file, meta) = open_checked(path, limits)?;
        Ok(Opened {
            file,
            meta,
            path: path.to_owned(),
            limits,
        })
    }

    /// The file read from its start, limited as when it was opened (it may grow meanwhile).
    fn reader(&self) -> Result<io::Take<&fs::File>, FsError> {
        use std::io::Seek;
        (&self.file)
            .seek(io::SeekFrom::Start(0))
            .map_err(io("kan {} niet lezen", &self.path))?;
        Ok((&self.file).take(self.limits.bytes + 1))
    }

    /// The file to read from its start, limited as when it was opened.
    pub fn into_reader(self) -> Result<io::Take<fs::File>, FsError> {
        use std::io::Seek;
        let mut file = self.file;
        file.seek(io::SeekFrom::Start(0))
            .map_err(io("kan {} niet lezen", &self.path))?;
        Ok(file.take(self.limits.bytes + 1))
    }

    /// Every byte of the file, from its start.
    pub fn bytes(&self) -> Result<Vec<u8>, FsError> {
        let mut bytes = Vec::with_capacity(usize::try_from(self.meta.len()).unwrap_or(0));
        self.reader()?
            .read_to_end(&mut bytes)
            .map_err(io("kan {} niet lezen", &self.path))?;
        if bytes.len() as u64 > self.limits.bytes {
            return Err(too_large(&self.path, self.limits, bytes.len() as u64));
        }
        Ok(bytes)
    }

    /// The file's text, from its start, refused as [`read_text`] refuses text that is not UTF-8.
    pub fn text(&self) -> Result<String, FsError> {
        utf8(self.bytes()?, &self.path)
    }

    /// The bytes of the file, from its start, given to `each` a block at a time, none of them
    /// kept, with what `start` made of the file's metadata; and that. For a file of megabytes
    /// whose bytes are only hashed.
    pub fn blocks<S>(
        &self,
        start: impl FnOnce(&fs::Metadata) -> S,
        mut each: impl FnMut(&mut S, &[u8]),
    ) -> Result<S, FsError> {
        let mut state = start(&self.meta);
        let mut file = self.reader()?;
        let mut block = vec![0u8; 1 << 16];
        let mut read = 0u64;
        loop {
            match file.read(&mut block) {
                Ok(0) => break,
                Ok(n) => {
                    read += n as u64;
                    each(&mut state, &block[..n]);
                }
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) => return Err(io("kan {} niet lezen", &self.path)(err)),
            }
        }
        if read > self.limits.bytes {
            return Err(too_large(&self.path, self.limits, read));
        }
        Ok(state)
    }
}

fn too_large(path: &Path, limits: Limits, size: u64) -> FsError {
    FsError::TooLarge {
        path: path.to_owned(),
        size,
        limit: limits.bytes,
        what: limits.what,
    }
}

/// The file at `path` opened for reading (not through a link when `limits` says so, and never
/// waiting on a FIFO) and its metadata, when it is a regular file within the limit.
fn open_checked(path: &Path, limits: Limits) -> Result<(fs::File, fs::Metadata), FsError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let nofollow = if limits.no_symlink.is_some() {
            libc::O_NOFOLLOW
        } else {
            0
        };
        options.custom_flags(libc::O_NONBLOCK | nofollow);
    }
    let file = match options.open(path) {
        Ok(file) => file,
        Err(err) => return Err(open_error(path, err, limits.no_symlink)),
    };
    let meta = file.metadata().map_err(io("kan {} niet lezen", path))?;
    if !meta.is_file() {
        return Err(FsError::NotRegular {
            path: path.to_owned(),
            kind: kind_of(&meta.file_type()),
        });
    }
    if meta.len() > limits.bytes {
        return Err(too_large(path, limits, meta.len()));
    }
    Ok((file, meta))
}

fn open_error(path: &Path, err: io::Error, no_symlink: Option<&'static str>) -> FsError {
    #[cfg(unix)]
    if let Some(hint) = no_symlink
        && err.raw_os_error() == Some(libc::ELOOP)
    {
        return FsError::Symlink {
            path: path.to_owned(),
            hint,
        };
    }
    let _ = no_symlink;
    io("kan {} niet lezen", path)(err)
}

/// A file type in words, for messages.
pub fn kind_of(file_type: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "een FIFO (named pipe)";
        }
        if file_type.is_char_device() {
            return "een apparaat";
        }
        if file_type.is_block_device() {
            return "een schijfapparaat";
        }
        if file_type.is_socket() {
            return "een socket";
        }
    }
    if file_type.is_dir() {
        "een map"
    } else if file_type.is_symlink() {
        "een symbolische koppeling"
    } else if file_type.is_file() {
        "een bestand"
    } else {
        "iets onbekends"
    }
}

/// Creates a folder (and its parents) with mode 0700 when it does not exist yet.
pub fn create_private_dir(dir: &Path) -> Result<(), FsError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(io("kan de map {} niet maken", dir))
}

/// Makes a rename in `dir` durable (a no-op where folders cannot be synced).
pub fn sync_dir(dir: &Path) -> Result<(), FsError> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io("kan de map {} niet wegschrijven", dir))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Where `path` really is: the longest part that exists, with links resolved
/// (`fs::canonicalize`), followed by the rest, with `.` and `..` applied to it (the rest does not
/// exist, so it holds no links). `d/nieuw/../k.toml` is `d/k.toml`, also before `d/nieuw` exists.
pub fn resolve(path: &Path) -> PathBuf {
    use std::path::Component;
    let absolute = if path.is_absolute() {
        path.to_owned()
    } else {
        std::env::current_dir()
            .unwrap_or_else(|_| PathBuf::from("/"))
            .join(path)
    };
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    let base = loop {
        if let Ok(real) = fs::canonicalize(existing) {
            break real;
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => break PathBuf::from("/"),
        }
    };
    let mut out = base;
    for part in rest.into_iter().rev() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The folder a path is in ("." for a bare file name).
pub fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Replaces `path` with `bytes` so that a crash leaves either the old or the new file, never a mix:
/// an exclusive temporary file with an unpredictable name (`.NAME.XXXXXXXX.tmp`, mode 0600 from
/// creation) in the same folder, written, synced, renamed over `path`, and the folder synced. The
/// `tempfile` crate creates the temporary (`O_EXCL`), so a planted file or link at that name is
/// never written through, and removes it when anything fails.
///
/// Returns the metadata of the written file (taken before the rename, which keeps it).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<fs::Metadata, FsError> {
    write_whole(path, &mut |file| file.write_all(bytes), true, true).map(|(meta, _)| meta)
}

/// [`write_atomic`] of what `content` writes as it makes it (buffered), so a file of megabytes
/// is never held whole.
pub fn write_atomic_streamed(
    path: &Path,
    content: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> Result<fs::Metadata, FsError> {
    write_buffered(path, content, true).map(|(meta, _)| meta)
}

/// [`write_atomic`] without syncing, for a cache: a reader sees the old file or the new one, never a
/// part, but a crash may lose either (the cache is then made again). `content` writes the file's
/// content (buffered), so a large cache is never held in memory whole.
pub fn write_cache(
    path: &Path,
    content: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> Result<fs::Metadata, FsError> {
    write_buffered(path, content, false).map(|(meta, _)| meta)
}

/// [`write_whole`] over `path` of what `content` writes, through a buffer.
fn write_buffered(
    path: &Path,
    content: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    durable: bool,
) -> Result<(fs::Metadata, fs::File), FsError> {
    write_whole(
        path,
        &mut |file| {
            let mut buffered = io::BufWriter::with_capacity(1 << 16, file);
            content(&mut buffered)?;
            buffered.flush()
        },
        true,
        durable,
    )
}

/// Writes a new file the way [`write_atomic`] does, but never over an existing one: when `path`
/// exists (also when another process made it a moment ago) nothing is written and the error's
/// [`FsError::is_already_there`] says so. For copies that must never replace an earlier copy.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<fs::Metadata, FsError> {
    write_whole(path, &mut |file| file.write_all(bytes), false, true).map(|(meta, _)| meta)
}

fn write_whole(
    path: &Path,
    content: &mut dyn FnMut(&mut fs::File) -> io::Result<()>,
    replace: bool,
    durable: bool,
) -> Result<(fs::Metadata, fs::File), FsError> {
    let dir = parent_of(path);
    create_private_dir(dir)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let prefix = format!(".{file_name}.");
    let mut temp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(8)
        .tempfile_in(dir)
        .map_err(io("kan niet schrijven in {}", dir))?;
    content(temp.as_file_mut()).map_err(io("kan niet schrijven naar {}", temp.path()))?;
    if durable {
        temp.as_file()
            .sync_all()
            .map_err(io("kan {} niet naar de schijf wegschrijven", temp.path()))?;
    }
    let meta = temp
        .as_file()
        .metadata()
        .map_err(io("kan {} niet lezen", temp.path()))?;
    let file = if replace {
        temp.persist(path)
            .map_err(|e| io("kan {} niet vervangen", path)(e.error))?
    } else {
        temp.persist_noclobber(path)
            .map_err(|e| io("kan {} niet schrijven", path)(e.error))?
    };
    if durable {
        sync_dir(dir)?;
    }
    Ok((meta, file))
}

/// The end of a temporary file's name.
const TEMP_SUFFIX: &str = ".tmp";

/// Whether `name` is a temporary file of [`write_atomic`] (or of pqs before it) for the file
/// `target`: `.TARGET.XXXXXXXX.tmp`, with letters and digits only in between.
pub fn is_temporary_of(name: &str, target: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|n| n.strip_prefix(target))
        .and_then(|n| n.strip_prefix('.'))
        .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|middle| {
            !middle.is_empty() && middle.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// Removes the temporary files [`write_atomic`] left behind for `target` in `dir` (after a crash or a
/// kill). Only call this while holding the lock that every writer of `target` takes: then no
/// temporary of a live writer can exist. Returns how many were removed.
pub fn remove_stale_temporaries(dir: &Path, target: &str) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| is_temporary_of(&e.file_name().to_string_lossy(), target))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

/// Where `-o` output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Standard output (`-` or `/dev/stdout`).
    Stdout,
    /// Standard error (`/dev/stderr`).
    Stderr,
    /// A character device or FIFO, written straight into (`/dev/null`, a pipe).
    Stream(PathBuf),
    /// A regular file (new or existing), replaced atomically.
    File(PathBuf),
}

/// Decides how to write to `path`: standard output, straight into a device or FIFO, or atomically
/// into a regular file. A folder, a symbolic link, a block device or a socket is refused.
pub fn output_target(path: &Path) -> Result<Target, FsError> {
    if path == Path::new("-") || path == Path::new("/dev/stdout") {
        return Ok(Target::Stdout);
    }
    if path == Path::new("/dev/stderr") {
        return Ok(Target::Stderr);
    }
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        // A new file; a missing folder is made (mode 0700) when it is written.
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            return Ok(Target::File(path.to_owned()));
        }
        Err(err) => return Err(io("kan niet schrijven naar {}", path)(err)),
    };
    let file_type = meta.file_type();
    if file_type.is_symlink() {
        return Err(FsError::Symlink {
            path: path.to_owned(),
            hint: "pqs schrijft niet via een koppeling. Geef het pad op waar de koppeling naar wijst, of een andere naam.",
        });
    }
    if file_type.is_file() {
        return Ok(Target::File(path.to_owned()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_char_device() || file_type.is_fifo() {
            return Ok(Target::Stream(path.to_owned()));
        }
    }
    Err(FsError::NotRegular {
        path: path.to_owned(),
        kind: kind_of(&file_type),
    })
}

/// Writes `bytes` to an output target from [`output_target`]; standard output goes through
/// [`crate::output::print_data`] (exact on a pipe, sanitised on a terminal).
pub fn write_output(target: &Target, bytes: &[u8]) -> Result<(), FsError> {
    match target {
        Target::Stdout => crate::output::print_data(&String::from_utf8_lossy(bytes))
            .map_err(io("kan niet schrijven naar {}", Path::new("stdout"))),
        Target::Stderr => {
            crate::output::eprint(String::from_utf8_lossy(bytes).trim_end());
            Ok(())
        }
        Target::Stream(path) => OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| f.write_all(bytes).and_then(|()| f.flush()))
            .map_err(io("kan niet schrijven naar {}", path)),
        Target::File(path) => write_atomic(path, bytes).map(drop),
    }
}

/// Makes a FIFO at `path`, for tests of what a FIFO in a file's place does.
#[cfg(test)]
pub(crate) fn make_fifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo {}", path.display());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> Limits {
        Limits {
            bytes: 16,
            what: "testbestanden",
            no_symlink: Some("doe het anders"),
        }
    }

    #[test]
    fn write_new_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kopie.toml");
        write_new(&path, b"eerste").unwrap();
        let err = write_new(&path, b"tweede").unwrap_err();
        assert!(err.is_already_there(), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"eerste");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary left"
        );
    }

    #[test]
    fn only_regular_files_up_to_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let ok = dir.path().join("ok.toml");
        fs::write(&ok, "a = 1\n").unwrap();
        assert_eq!(read_text(&ok, limits()).unwrap(), "a = 1\n");
        let big = dir.path().join("groot.toml");
        fs::write(&big, "x".repeat(17)).unwrap();
        let err = read_text(&big, limits()).unwrap_err();
        assert!(matches!(err, FsError::TooLarge { size: 17, .. }), "{err}");
        assert!(
            err.to_string()
                .contains("pqs leest testbestanden tot 16 bytes"),
            "{err}"
        );
        let err = read_text(dir.path(), limits()).unwrap_err();
        assert!(
            matches!(
                err,
                FsError::NotRegular {
                    kind: "een map",
                    ..
                }
            ),
            "{err}"
        );
        let err = read_text(Path::new("/dev/zero"), limits()).unwrap_err();
        assert!(
            matches!(
                err,
                FsError::NotRegular {
                    kind: "een apparaat",
                    ..
                }
            ),
            "{err}"
        );
        assert!(
            read_text(&dir.path().join("weg"), limits())
                .unwrap_err()
                .is_not_found()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_and_a_link_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pijp");
        make_fifo(&fifo);
        let err = read_text(&fifo, limits()).unwrap_err();
        assert!(matches!(err, FsError::NotRegular { .. }), "{err}");
        let target = dir.path().join("echt.toml");
        fs::write(&target, "a").unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = read_text(&link, limits()).unwrap_err();
        assert!(matches!(err, FsError::Symlink { .. }), "{err}");
        let follow = Limits {
            no_symlink: None,
            ..limits()
        };
        assert_eq!(read_text(&link, follow).unwrap(), "a");
    }

    #[test]
    fn invalid_utf8_is_placed_at_its_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.toml");
        fs::write(&path, b"a = 1\nbc\xff").unwrap();
        let err = read_text(&path, limits()).unwrap_err();
        assert!(
            matches!(
                err,
                FsError::NotUtf8 {
                    line: 2,
                    column: 3,
                    ..
                }
            ),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn atomic_writes_are_private_and_leave_no_temporary() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rapport.html");
        fs::write(&path, "oud").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        write_atomic(&path, b"nieuw").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"nieuw");
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_at_a_predictable_temporary_name_is_never_written_through() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("slachtoffer");
        fs::write(&victim, "blijft").unwrap();
        fs::set_permissions(&victim, fs::Permissions::from_mode(0o644)).unwrap();
        // The name pqs used before (pid-based), for this very process.
        let planted = dir
            .path()
            .join(format!(".rapport.html.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        let path = dir.path().join("rapport.html");
        write_atomic(&path, b"geheim").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "blijft");
        assert_eq!(fs::read(&path).unwrap(), b"geheim");
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[test]
    fn a_path_is_resolved_through_folders_that_do_not_exist_yet() {
        let dir = tempfile::tempdir().unwrap();
        let real = fs::canonicalize(dir.path()).unwrap();
        assert_eq!(
            resolve(&dir.path().join("nieuw/../k.toml")),
            real.join("k.toml")
        );
        assert_eq!(
            resolve(&dir.path().join("a/./b/../../c/d")),
            real.join("c/d")
        );
        fs::create_dir(dir.path().join("echt")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("echt"), dir.path().join("link")).unwrap();
        assert_eq!(
            resolve(&dir.path().join("link/x/../y")),
            real.join("echt/y")
        );
    }

    #[test]
    fn temporaries_are_recognised_by_name_only_for_their_target() {
        assert!(is_temporary_of(".klant.toml.a1B2c3D4.tmp", "klant.toml"));
        assert!(
            is_temporary_of(".klant.toml.12345.tmp", "klant.toml"),
            "the old pid names"
        );
        assert!(!is_temporary_of(".klant.toml.html.a1B2.tmp", "klant.toml"));
        assert!(!is_temporary_of(".klant.toml..tmp", "klant.toml"));
        assert!(!is_temporary_of("klant.toml.12345.tmp", "klant.toml"));
        assert!(!is_temporary_of(".klant-2.toml.12345.tmp", "klant.toml"));
    }

    #[cfg(unix)]
    #[test]
    fn output_targets_follow_the_kind_of_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("r.html");
        assert_eq!(output_target(&file).unwrap(), Target::File(file.clone()));
        fs::write(&file, "x").unwrap();
        assert_eq!(output_target(&file).unwrap(), Target::File(file.clone()));
        assert_eq!(output_target(Path::new("-")).unwrap(), Target::Stdout);
        assert_eq!(
            output_target(Path::new("/dev/stdout")).unwrap(),
            Target::Stdout
        );
        assert_eq!(
            output_target(Path::new("/dev/null")).unwrap(),
            Target::Stream("/dev/null".into())
        );
        let err = output_target(dir.path()).unwrap_err();
        assert!(
            matches!(
                err,
                FsError::NotRegular {
                    kind: "een map",
                    ..
                }
            ),
            "{err}"
        );
        let link = dir.path().join("link.html");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        let err = output_target(&link).unwrap_err();
        assert!(matches!(err, FsError::Symlink { .. }), "{err}");
    }
}
