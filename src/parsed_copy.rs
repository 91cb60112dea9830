//! A parsed copy of a file pqs reads often, so that the next read need not parse its TOML again:
//! the `toml` crate takes about ten times as long as reading the copy. Used for
//! assessments (`.NAME.parsed` beside the file) and user checklists (in the data folder), each in
//! its [`Form`].
//!
//! Never trusted over the file. A copy starts with a key line: what it is a copy of, the pqs
//! binary that made it, and the length and a hash of exactly the bytes it was parsed from; then
//! the value, and a last line with its hash. It is
//! used only when the file's bytes, read now, give the same key in the same binary; otherwise the
//! file is parsed as always and the copy made again. A copy that is missing, damaged or cannot be
//! written only makes the read slower.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::assessment::store::Stamp;
use crate::fs_util::Limits;
use crate::hashing::BytesHash;

/// What a copy was made from: its kind, the binary (its version, and the stamp of its file: a new
/// build or an upgrade makes every copy stale), and the bytes it was parsed from; and its form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    line: String,
    len: usize,
    form: Form,
}

/// How a copy's value is written after its key line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// JSON: for a value whose serde form leaves fields out, as the assessment's does (it is the
    /// form of its TOML file too).
    Json,
    /// postcard's compact binary form, which serde derives write field by field in order: only
    /// for a value that writes every field, always (a checklist's). At 10,000 items it is 3.0 MB
    /// where JSON is 4.8 MB, and is read in 60% of the time.
    Binary,
}

impl Key {
    /// The key of a copy of `kind` in `form`, parsed from `parts` (the file's text, and whatever
    /// else the result depends on) by this binary; `None` when the binary cannot be told apart
    /// (then no copy is used or made).
    /// The last part is hashed as a file is ([`KeyStream`]), so that a key of a file read or
    /// written a block at a time is this one.
    pub fn of(kind: &str, form: Form, parts: &[&str]) -> Option<Key> {
        let (last, before) = parts.split_last().unwrap_or((&"", &[]));
        let mut key = Key::stream(kind, form, before);
        key.add(last.as_bytes());
        key.finish()
    }

    /// [`Key::of`] of `before` and then a text given a piece at a time ([`KeyStream::add`]), as a
    /// file is read or written.
    pub fn stream(kind: &str, form: Form, before: &[&str]) -> KeyStream {
        let mut hasher = BytesHash::default();
        for part in before {
            hasher.write_str(part);
        }
        KeyStream {
            kind: kind.to_owned(),
            form,
            before: before.iter().map(|part| part.len()).sum(),
            hash: hasher.streamed(),
        }
    }

    /// [`Key::of`] of `before` and then the bytes of the file at `path` as they are now, hashed a
    /// block at a time as the file is read (refused as [`crate::fs_util::read_text`] refuses it),
    /// so its text is never held: for a file whose copy is likely there. `None` when the file
    /// cannot be read so or changed while it was read.
    pub fn of_file(
        kind: &str,
        form: Form,
        before: &[&str],
        path: &Path,
        limits: Limits,
    ) -> Option<Key> {
        let opened = crate::fs_util::Opened::open(path, limits).ok()?;
        Key::of_opened(kind, form, before, &opened)
    }

    /// [`Key::of_file`] of a file already open; `None` also when it is not as long as when it
    /// was opened (it changed while it was read).
    pub fn of_opened(
        kind: &str,
        form: Form,
        before: &[&str],
        opened: &crate::fs_util::Opened,
    ) -> Option<Key> {
        let key = opened
            .blocks(
                |_| Key::stream(kind, form, before),
                |key, block| key.add(block),
            )
            .ok()?;
        (key.hash.seen() as u64 == opened.meta.len())
            .then(|| key.finish())
            .flatten()
    }

    /// The key of a copy made from `len` bytes in all with this `hash`.
    fn hashed(kind: &str, form: Form, len: usize, hash: &BytesHash) -> Option<Key> {
        let program = serde_json::to_string(&Stamp::program()?).ok()?;
        let line = format!(
            "pqs-parsed {} {kind} {form:?} {program} {len} {:016x}",
            env!("CARGO_PKG_VERSION"),
            hash.finish()
        );
        Some(Key { line, len, form })
    }
}

/// A key being made of a text given a piece at a time ([`Key::stream`]).
pub struct KeyStream {
    kind: String,
    form: Form,
    /// How long the parts before the text are.
    before: usize,
    hash: crate::hashing::Streamed,
}

impl KeyStream {
    /// The next piece of the text.
    pub fn add(&mut self, piece: &[u8]) {
        self.hash.add(piece);
    }

    /// The key of everything given; `None` when the binary cannot be told apart.
    pub fn finish(self) -> Option<Key> {
        let len = self.before + self.hash.seen();
        Key::hashed(&self.kind, self.form, len, &self.hash.finish())
    }
}

/// A file name for the copy of the file at `path` (the same for each version of it, so a new copy
/// replaces the old one).
pub fn file_name(path: &str) -> String {
    // The standard library's hasher, as before the copies' keys had one of their own: a name
    // made otherwise would leave every existing copy behind under its old name.
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(path.as_bytes());
    format!("{:016x}.parsed", hasher.finish())
}

/// The copy at `path` when it was made with `key`, and is whole: its last line is the hash of the
/// value before it ([`body_hash`]), so a copy damaged on disk is passed over, not believed (one
/// byte changed in a binary copy would otherwise read back as another checklist three times in
/// four).
pub fn read<T: DeserializeOwned>(path: &Path, key: &Key) -> Option<T> {
    read_with(path, key, |body| match key.form {
        // Checked as UTF-8 once, not string by string (a quarter of the parse).
        Form::Json => serde_json::from_str(std::str::from_utf8(body).ok()?).ok(),
        // All of it, or it is not the copy that was written.
        Form::Binary => match postcard::take_from_bytes(body) {
            Ok((value, [])) => Some(value),
            _ => None,
        },
    })
}

/// [`read`] with a body of the caller's own layout, which `decode` reads (`None`: not the copy
/// that was written).
pub fn read_with<T>(path: &Path, key: &Key, decode: impl FnOnce(&[u8]) -> Option<T>) -> Option<T> {
    let (bytes, body) = read_checked(path, key)?;
    decode(&bytes[body])
}

/// The value of the copy at `path`, in the layout it was written in, when it was made with `key`
/// and is whole (see [`read`]).
pub fn read_body(path: &Path, key: &Key) -> Option<Vec<u8>> {
    let (mut bytes, body) = read_checked(path, key)?;
    bytes.truncate(body.end);
    bytes.drain(..body.start);
    Some(bytes)
}

/// The bytes of the copy at `path` and where its value is in them, when it was made with `key`
/// and is whole.
fn read_checked(path: &Path, key: &Key) -> Option<(Vec<u8>, std::ops::Range<usize>)> {
    // Only a regular file, not through a link, and never much larger than what it was parsed
    // from.
    let bytes = crate::fs_util::read_bytes(path, copy_limits(key)).ok()?;
    let (line, rest) = bytes.split_at(bytes.iter().position(|&b| b == b'\n')?);
    if line != key.line.as_bytes() {
        return None;
    }
    let (body, hash) = rest
        .get(1..)?
        .split_at_checked(rest.len().checked_sub(18)?)?;
    if hash != format!("\n{:016x}", body_hash(body)).as_bytes() {
        return None;
    }
    let start = line.len() + 1;
    let body = start..start + body.len();
    Some((bytes, body))
}

/// [`read`] of a value written in frames ([`write_frame`]), which `decode` reads one at a time
/// ([`Frames::next_frame`]): the copy is never held whole (at 10,000 items a checklist's is 3.0 MB, as
/// much again as what is made of it). Whole or not at all: `decode` must read every frame, and the
/// value is given only when the hash on the last line is that of every byte before it, so a
/// damaged copy is passed over once read (what was made of it, too).
pub fn read_frames<T>(
    path: &Path,
    key: &Key,
    decode: impl FnOnce(&mut Frames) -> Option<T>,
) -> Option<T> {
    use std::io::{BufRead, Read};
    let opened = crate::fs_util::Opened::open(path, copy_limits(key)).ok()?;
    let size = opened.meta.len();
    let mut reader = std::io::BufReader::with_capacity(1 << 16, opened.into_reader().ok()?);
    let mut line = Vec::with_capacity(key.line.len() + 1);
    (&mut reader)
        .take(key.line.len() as u64 + 1)
        .read_until(b'\n', &mut line)
        .ok()?;
    if line.strip_suffix(b"\n") != Some(key.line.as_bytes()) {
        return None;
    }
    // After the value: a line break and the hash in 16 digits.
    let left = size.checked_sub(line.len() as u64 + 17)?;
    let mut frames = Frames {
        reader,
        frame: Vec::new(),
        hash: BodyHash::default(),
        left,
    };
    let value = decode(&mut frames)?;
    let mut last = Vec::with_capacity(18);
    (&mut frames.reader).take(18).read_to_end(&mut last).ok()?;
    (frames.left == 0 && last == format!("\n{:016x}", frames.hash.finish()).as_bytes())
        .then_some(value)
}

/// The frames of a copy being read ([`read_frames`]).
pub struct Frames {
    reader: std::io::BufReader<std::io::Take<std::fs::File>>,
    /// The last frame read.
    frame: Vec<u8>,
    hash: BodyHash,
    /// How many bytes of the value are still to be read.
    left: u64,
}

impl Frames {
    /// The next frame; `None` when there is none, or less than its length says.
    pub fn next_frame(&mut self) -> Option<&[u8]> {
        use std::io::Read;
        let mut len = [0u8; 4];
        self.left = self.left.checked_sub(4)?;
        self.reader.read_exact(&mut len).ok()?;
        let n = u64::from(u32::from_le_bytes(len));
        self.left = self.left.checked_sub(n)?;
        // No larger than what is left of the file, which is within its limit.
        self.frame.resize(usize::try_from(n).ok()?, 0);
        self.reader.read_exact(&mut self.frame).ok()?;
        self.hash.add(&len);
        self.hash.add(&self.frame);
        Some(&self.frame)
    }
}

/// Writes one frame of a copy's value: its length in four bytes (little-endian), then `bytes`.
pub fn write_frame(out: &mut dyn std::io::Write, bytes: &[u8]) -> std::io::Result<()> {
    let len = u32::try_from(bytes.len()).map_err(std::io::Error::other)?;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(bytes)
}

/// How large a copy made with `key` can be: never much larger than what it was parsed from, so a
/// FIFO or `/dev/zero` put in its place cannot hang pqs or fill the memory. A binary copy is
/// smaller than its TOML, and each byte of it can become a few dozen in memory.
fn copy_limits(key: &Key) -> Limits {
    let most = match key.form {
        Form::Json => 4 * key.len + (1 << 20),
        Form::Binary => 2 * key.len + (64 << 10),
    };
    Limits {
        bytes: most as u64,
        what: "kopieën",
        no_symlink: Some(""),
    }
}

/// Writes the copy of `value` (parsed from what `key` was made of) to `path`, replacing the one
/// there in one rename, mode 0600; a failure is left unsaid.
pub fn write<T: Serialize>(path: &Path, key: &Key, value: &T) {
    write_with(path, key, |out| match key.form {
        // Written as it is made: a JSON copy is written after every save.
        Form::Json => serde_json::to_writer(out, value).map_err(std::io::Error::other),
        Form::Binary => postcard::to_io(value, out)
            .map(drop)
            .map_err(std::io::Error::other),
    });
}

/// [`write`] with a body of the caller's own layout, written by `body` as it is made: through a
/// buffer, since postcard writes a byte at a time.
pub fn write_with(
    path: &Path,
    key: &Key,
    body: impl Fn(&mut Body<'_, '_, '_>) -> std::io::Result<()>,
) {
    let _ = crate::fs_util::write_cache(path, &mut |out| {
        writeln!(out, "{}", key.line)?;
        let mut hashed = Hashed {
            out: &mut *out,
            hash: BodyHash::default(),
        };
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut hashed);
        body(&mut buffered)?;
        std::io::Write::flush(&mut buffered)?;
        drop(buffered);
        let hash = hashed.hash.finish();
        write!(out, "\n{hash:016x}")
    });
}

/// [`write_with`] of a body already made, in the caller's layout.
pub fn write_body(path: &Path, key: &Key, body: &[u8]) {
    write_with(path, key, |out| std::io::Write::write_all(out, body));
}

/// The hash of a copy's value, on its last line: [`BytesHash`], unseeded, over each 64 KiB of it in
/// turn, so that it can be worked out while the value is written.
pub fn body_hash(body: &[u8]) -> u64 {
    let mut hash = BodyHash::default();
    hash.add(body);
    hash.finish()
}

/// [`body_hash`] as the value is written.
#[derive(Default)]
struct BodyHash {
    hasher: BytesHash,
    /// What is not yet a whole piece.
    piece: Vec<u8>,
}

impl BodyHash {
    const PIECE: usize = 64 << 10;

    fn add(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            if self.piece.is_empty() && bytes.len() >= Self::PIECE {
                let (whole, rest) = bytes.split_at(Self::PIECE);
                Hasher::write(&mut self.hasher, whole);
                bytes = rest;
                continue;
            }
            let room = Self::PIECE - self.piece.len();
            let (some, rest) = bytes.split_at(room.min(bytes.len()));
            self.piece.extend_from_slice(some);
            bytes = rest;
            if self.piece.len() == Self::PIECE {
                Hasher::write(&mut self.hasher, &self.piece);
                self.piece.clear();
            }
        }
    }

    fn finish(mut self) -> u64 {
        Hasher::write(&mut self.hasher, &self.piece);
        self.piece.clear();
        self.hasher.finish()
    }
}

/// Where a copy's body is written: a buffer before the hash and the file, of a type the compiler
/// sees through (postcard's writes of a byte each are then a store each).
pub type Body<'a, 'b, 'c> = std::io::BufWriter<&'a mut Hashed<&'b mut (dyn std::io::Write + 'c)>>;

/// A writer that hashes what passes through it.
pub struct Hashed<W> {
    out: W,
    hash: BodyHash,
}

impl<W: std::io::Write> std::io::Write for Hashed<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.out.write(bytes)?;
        self.hash.add(&bytes[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// What a file's text parses to: from its copy at `copy` when that was made with its key (read
/// with `read`), otherwise `parse()`, and then, when `make`, the copy made of the result. A parse
/// that fails makes no copy.
pub fn or_parse<T, E>(
    copy: Option<(PathBuf, Key)>,
    make: bool,
    (read, write): (
        impl FnOnce(&Path, &Key) -> Option<T>,
        impl FnOnce(&Path, &Key, &T),
    ),
    parse: impl FnOnce() -> Result<T, E>,
) -> Result<T, E> {
    if let Some(value) = copy.as_ref().and_then(|(path, key)| read(path, key)) {
        return Ok(value);
    }
    let value = parse()?;
    if let (Some((path, key)), true) = (copy, make) {
        write(&path, &key, &value);
    }
    Ok(value)
}

/// Removes the copy at `path`, when there is one.
pub fn remove(path: &Path) {
    let _ = std::fs::remove_file(path);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_files_key_hashed_as_it_is_read_is_the_key_of_its_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lijst.toml");
        // Longer than one block of the read, and not a whole number of hash steps.
        let text: String = (0..20_000).map(|i| format!("regel {i} é\n")).collect();
        std::fs::write(&path, &text).unwrap();
        let limits = crate::checklist::catalog::CHECKLIST_LIMITS;
        let of_file = |before: &[&str]| Key::of_file("x", Form::Binary, before, &path, limits);
        let of = |parts: &[&str]| Key::of("x", Form::Binary, parts);
        assert_eq!(of_file(&[]), of(&[&text]));
        assert_eq!(of_file(&["pad/lijst.toml"]), of(&["pad/lijst.toml", &text]));
        assert_ne!(of_file(&[]), of(&[&text[1..]]));
        // A file it cannot read so has none (the read as always then tells why).
        assert_eq!(
            Key::of_file("x", Form::Binary, &[], dir.path(), limits),
            None
        );
    }

    #[test]
    fn a_key_tells_apart_every_byte_and_where_one_part_ends() {
        let key = |kind, parts: &[&str]| {
            Key::of(kind, Form::Json, parts).expect("the test binary has a stamp")
        };
        let base = key("x", &["ab", "c"]);
        assert_eq!(base, key("x", &["ab", "c"]));
        for other in [
            key("y", &["ab", "c"]),
            key("x", &["a", "bc"]),
            key("x", &["ab", "d"]),
            key("x", &["ab", "c "]),
            Key::of("x", Form::Binary, &["ab", "c"]).unwrap(),
        ] {
            assert_ne!(other, base);
        }
    }

    #[test]
    fn a_copy_made_by_another_build_or_version_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kopie");
        let ours = Key::of("x", Form::Json, &["tekst"]).unwrap();
        let program = serde_json::to_string(&Stamp::program().unwrap()).unwrap();
        let version = format!("pqs-parsed {} ", env!("CARGO_PKG_VERSION"));
        assert!(
            ours.line.starts_with(&version) && ours.line.contains(&program),
            "{}",
            ours.line
        );
        for theirs in [
            ours.line.replace(&version, "pqs-parsed 0.0.1 "),
            ours.line.replace(
                &program,
                "{\"dev\":1,\"ino\":2,\"len\":3,\"modified\":null}",
            ),
        ] {
            let theirs = Key {
                line: theirs,
                ..ours.clone()
            };
            write(&path, &theirs, &vec!["oud".to_owned()]);
            assert_eq!(read::<Vec<String>>(&path, &ours), None);
        }
    }

    #[test]
    fn a_damaged_or_missing_copy_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kopie");
        let key = Key::of("x", Form::Json, &["tekst"]).unwrap();
        assert_eq!(read::<Vec<String>>(&path, &key), None, "no copy");
        write(&path, &key, &vec!["een".to_owned(), "twee".to_owned()]);
        assert_eq!(
            read(&path, &key),
            Some(vec!["een".to_owned(), "twee".to_owned()])
        );
        let other = Key::of("x", Form::Json, &["tekst!"]).unwrap();
        assert_eq!(read::<Vec<String>>(&path, &other), None, "other bytes");
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.truncate(bytes.len() - 3);
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(read::<Vec<String>>(&path, &key), None, "cut off");
        std::fs::write(&path, format!("{}\nniet eens json", key.line)).unwrap();
        assert_eq!(read::<Vec<String>>(&path, &key), None, "not JSON");
        std::fs::write(&path, "geen regel").unwrap();
        assert_eq!(read::<Vec<String>>(&path, &key), None, "no key line");
        remove(&path);
        assert!(!path.exists());
    }

    proptest::proptest! {
        /// The hash worked out as a value is written, in pieces of any size, is the hash of the
        /// whole (checked across the 64 KiB steps).
        #[test]
        fn the_body_hash_does_not_depend_on_how_the_value_is_written(
            len in 0usize..200_000,
            cuts in proptest::collection::vec(0usize..200_000, 0..6),
        ) {
            let body: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(len)).collect();
            cuts.sort_unstable();
            let mut hash = BodyHash::default();
            let mut at = 0;
            for cut in cuts.into_iter().chain([len]) {
                hash.add(&body[at..cut]);
                at = cut;
            }
            proptest::prop_assert_eq!(hash.finish(), body_hash(&body));
            if len > 0 {
                let mut changed = body.clone();
                changed[len / 2] ^= 1;
                proptest::prop_assert_ne!(body_hash(&changed), body_hash(&body));
            }
        }
    }

    #[test]
    fn a_binary_copy_reads_back_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kopie");
        let key = Key::of("x", Form::Binary, &["tekst"]).unwrap();
        let value = vec!["een".to_owned(), "twée".to_owned(), String::new()];
        write(&path, &key, &value);
        assert_eq!(read(&path, &key), Some(value.clone()));
        // Never as the other form, nor a JSON copy as this one.
        let json = Key::of("x", Form::Json, &["tekst"]).unwrap();
        assert_eq!(read::<Vec<String>>(&path, &json), None);
        let good = std::fs::read(&path).unwrap();
        let mut longer = good.clone();
        longer.push(0);
        let mut cut = good.clone();
        cut.pop();
        for (bytes, what) in [(longer, "a byte more"), (cut, "cut off")] {
            std::fs::write(&path, bytes).unwrap();
            assert_eq!(read::<Vec<String>>(&path, &key), None, "{what}");
        }
        // Whole by its hash, but not text: the `w` of "twée" made 0xff, and the hash made anew.
        let start = good.iter().position(|&b| b == b'\n').unwrap() + 1;
        let mut body = good[start..good.len() - 17].to_vec();
        let at = body.windows(2).position(|w| w == b"tw").unwrap() + 1;
        body[at] = 0xff;
        let hash = format!("\n{:016x}", body_hash(&body));
        std::fs::write(&path, [&good[..start], &body, hash.as_bytes()].concat()).unwrap();
        assert_eq!(read::<Vec<String>>(&path, &key), None, "not UTF-8");
        // The same with the byte as it was reads back.
        body[at] = b'w';
        let hash = format!("\n{:016x}", body_hash(&body));
        std::fs::write(&path, [&good[..start], &body, hash.as_bytes()].concat()).unwrap();
        assert_eq!(read(&path, &key), Some(value));
    }

    /// A copy in frames reads back only whole: every frame read, none cut off or claiming more
    /// than there is, and the hash of every byte on its last line; never a panic.
    #[test]
    fn a_copy_in_frames_reads_back_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kopie");
        // Made of a text long enough for a copy larger than a read's buffer.
        let key = Key::of("x", Form::Binary, &[&"tekst".repeat(20_000)]).unwrap();
        let frames: Vec<Vec<u8>> = vec![b"een".to_vec(), Vec::new(), vec![7; 70_000]];
        write_with(&path, &key, |out| {
            frames.iter().try_for_each(|frame| write_frame(out, frame))
        });
        let read_all = |path: &Path| {
            read_frames(path, &key, |copy| {
                (0..frames.len())
                    .map(|_| copy.next_frame().map(<[u8]>::to_vec))
                    .collect::<Option<Vec<_>>>()
            })
        };
        assert_eq!(read_all(&path), Some(frames.clone()));
        // A frame left unread is not the whole copy.
        assert_eq!(
            read_frames(&path, &key, |copy| copy.next_frame().map(drop)),
            None
        );
        let good = std::fs::read(&path).unwrap();
        let start = good.iter().position(|&b| b == b'\n').unwrap() + 1;
        let mut longer = good.clone();
        longer.push(0);
        let mut cut = good.clone();
        cut.truncate(good.len() - 100);
        let mut claims_more = good.clone();
        claims_more[start..start + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        let mut changed = good.clone();
        changed[start + 4] = b'E';
        for (bytes, what) in [
            (longer, "a byte more"),
            (cut, "cut off"),
            (claims_more, "a length past the end"),
            (changed, "a byte changed"),
            (Vec::new(), "empty"),
        ] {
            std::fs::write(&path, bytes).unwrap();
            assert_eq!(read_all(&path), None, "{what}");
        }
    }

    #[test]
    fn a_link_a_fifo_or_a_huge_file_in_place_of_a_copy_is_passed_over_unread() {
        let dir = tempfile::tempdir().unwrap();
        let key = Key::of("x", Form::Json, &["tekst"]).unwrap();
        let good = dir.path().join("goed");
        write(&good, &key, &vec!["een".to_owned()]);
        let link = dir.path().join("koppeling");
        std::os::unix::fs::symlink(&good, &link).unwrap();
        assert_eq!(read::<Vec<String>>(&link, &key), None, "a link");
        let zero = dir.path().join("nul");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert_eq!(read::<Vec<String>>(&zero, &key), None, "a device");
        let fifo = dir.path().join("fifo");
        crate::fs_util::make_fifo(&fifo);
        assert_eq!(
            read::<Vec<String>>(&fifo, &key),
            None,
            "a FIFO, without waiting"
        );
        let mut huge = std::fs::read_to_string(&good).unwrap();
        huge.push_str(&" ".repeat(2 << 20));
        std::fs::write(&good, huge).unwrap();
        assert_eq!(
            read::<Vec<String>>(&good, &key),
            None,
            "far larger than its file"
        );
    }
}
