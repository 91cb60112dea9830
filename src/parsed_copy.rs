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
    pub fn of(kind: &str, form: Form, parts: &[&str]) -> Option<Key> {
        let mut hasher = BytesHash::default();
        let mut len = 0;
        for part in parts {
            hasher.write_str(part);
            len += part.len();
        }
        Key::hashed(kind, form, len, &hasher)
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
        let mut hasher = BytesHash::default();
        for part in before {
            hasher.write_str(part);
        }
        let (streamed, _) = crate::fs_util::read_blocks(
            path,
            limits,
            |meta| {
                let len = usize::try_from(meta.len()).ok()?;
                Some((len, hasher.streamed(len)))
            },
            |streamed, block| {
                if let Some((_, hash)) = streamed {
                    hash.add(block);
                }
            },
        )
        .ok()?;
        let (len, hash) = streamed?;
        let len = before.iter().map(|part| part.len()).sum::<usize>() + len;
        Key::hashed(kind, form, len, &hash.finish()?)
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
    // Only a regular file, not through a link, and never much larger than what it was parsed from
    // (so a FIFO or `/dev/zero` put in its place cannot hang pqs or fill the memory). A binary
    // copy is smaller than its TOML, and each byte of it can become a few dozen in memory.
    let most = match key.form {
        Form::Json => 4 * key.len + (1 << 20),
        Form::Binary => 2 * key.len + (64 << 10),
    };
    let limits = Limits {
        bytes: most as u64,
        what: "kopieën",
        no_symlink: Some(""),
    };
    let bytes = crate::fs_util::read_bytes(path, limits).ok()?;
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
    decode(body)
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
