//! A parsed copy of a file pqs reads often, so that the next read need not parse its TOML again:
//! the `toml` crate takes about ten times as long as `serde_json` takes for the copy. Used for
//! assessments (`.NAME.parsed` beside the file) and user checklists (in the data folder).
//!
//! Never trusted over the file. A copy starts with a key line: what it is a copy of, the pqs
//! binary that made it, and the length and a hash of exactly the bytes it was parsed from. It is
//! used only when the file's bytes, read now, give the same key in the same binary; otherwise the
//! file is parsed as always and the copy made again. A copy that is missing, damaged or cannot be
//! written only makes the read slower.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::assessment::store::Stamp;
use crate::fs_util::Limits;

/// What a copy was made from: its kind, the binary (its version, and the stamp of its file: a new
/// build or an upgrade makes every copy stale), and the bytes it was parsed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key(String, usize);

impl Key {
    /// The key of a copy of `kind` parsed from `parts` (the file's text, and whatever else the
    /// result depends on) by this binary; `None` when the binary cannot be told apart (then no
    /// copy is used or made).
    pub fn of(kind: &str, parts: &[&str]) -> Option<Key> {
        let program = serde_json::to_string(&Stamp::program()?).ok()?;
        let mut hasher = BytesHash::default();
        let mut len = 0;
        for part in parts {
            hasher.write(part);
            len += part.len();
        }
        Some(Key(
            format!(
                "pqs-parsed {} {kind} {program} {len} {:016x}",
                env!("CARGO_PKG_VERSION"),
                hasher.finish()
            ),
            len,
        ))
    }
}

/// A 64-bit hash of the bytes a copy was parsed from, sixteen bytes a step (with SipHash, the
/// standard library's, hashing the 153 KB of a year of history took 0.3 M instructions more, about
/// 3% of the first frame).
/// Not keyed, and not meant to be: no one is kept out by it, as whoever can write a copy can write
/// the file it is a copy of. What it must do is tell an edit apart, which a full 64x64 -> 128-bit
/// multiply per step does for every bit of the input (the step of wyhash), but for a chance of
/// 2^-64 per step that the second operand is zero and the state starts over.
#[derive(Debug)]
struct BytesHash(u64);

impl Default for BytesHash {
    fn default() -> Self {
        BytesHash(0x2d35_8dcc_aa6c_78a5)
    }
}

impl BytesHash {
    const P0: u64 = 0xa076_1d64_78bd_642f;
    /// Its top byte, 0xff, ends a little-endian word and never occurs in UTF-8, so a word of text
    /// (or a length, or the zeros after the last bytes) can never cancel it to zero.
    const P1: u64 = 0xff51_afd7_ed55_8ccd;

    fn mix(a: u64, b: u64) -> u64 {
        let product = u128::from(a) * u128::from(b);
        (product as u64) ^ ((product >> 64) as u64)
    }

    /// Adds one part: its length first, so where one part ends is part of the hash. Text only:
    /// what keeps the first operand from being zero (see [`BytesHash::P1`]).
    fn write(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let word = |b: &[u8]| u64::from_le_bytes(b.try_into().expect("eight bytes"));
        self.0 = Self::mix(bytes.len() as u64 ^ Self::P1, self.0 ^ Self::P0);
        let mut chunks = bytes.chunks_exact(16);
        for chunk in &mut chunks {
            self.0 = Self::mix(
                word(&chunk[..8]) ^ Self::P1,
                word(&chunk[8..]) ^ self.0 ^ Self::P0,
            );
        }
        let rest = chunks.remainder();
        let mut last = [0u8; 16];
        last[..rest.len()].copy_from_slice(rest);
        self.0 = Self::mix(
            word(&last[..8]) ^ Self::P1,
            word(&last[8..]) ^ self.0 ^ Self::P0,
        );
    }

    fn finish(&self) -> u64 {
        Self::mix(self.0 ^ Self::P0, Self::P1)
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

/// The copy at `path` when it was made with `key`.
pub fn read<T: DeserializeOwned>(path: &Path, key: &Key) -> Option<T> {
    // Only a regular file, not through a link, and never much larger than what it was parsed from
    // (so a FIFO or `/dev/zero` put in its place cannot hang pqs or fill the memory). As text:
    // checked as UTF-8 once, not string by string (a quarter of the parse).
    let limits = Limits {
        bytes: 4 * key.1 as u64 + (1 << 20),
        what: "kopieën",
        no_symlink: Some(""),
    };
    let text = crate::fs_util::read_text(path, limits).ok()?;
    let (line, body) = text.split_once('\n')?;
    if line != key.0 {
        return None;
    }
    serde_json::from_str(body).ok()
}

/// Writes the copy of `value` (parsed from what `key` was made of) to `path`, replacing the one
/// there in one rename, mode 0600; a failure is left unsaid.
pub fn write<T: Serialize>(path: &Path, key: &Key, value: &T) {
    let _ = crate::fs_util::write_cache(path, &mut |out| {
        writeln!(out, "{}", key.0)?;
        serde_json::to_writer(&mut *out, value).map_err(std::io::Error::other)
    });
}

/// What a file's text parses to: from its copy at `copy` when that was made with its key (read
/// with `read`), otherwise `parse()`, and then, when `make`, the copy made of the result. A parse
/// that fails makes no copy.
pub fn or_parse<T: Serialize, E>(
    copy: Option<(PathBuf, Key)>,
    make: bool,
    read: impl FnOnce(&Path, &Key) -> Option<T>,
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
    fn a_key_tells_apart_every_byte_and_where_one_part_ends() {
        let key = |kind, parts: &[&str]| Key::of(kind, parts).expect("the test binary has a stamp");
        let base = key("x", &["ab", "c"]);
        assert_eq!(base, key("x", &["ab", "c"]));
        for other in [
            key("y", &["ab", "c"]),
            key("x", &["a", "bc"]),
            key("x", &["ab", "d"]),
            key("x", &["ab", "c "]),
        ] {
            assert_ne!(other, base);
        }
    }

    proptest::proptest! {
        /// Any change of one character, anywhere (in every position of a sixteen-byte step and in
        /// the tail), or of the length, gives another hash.
        #[test]
        fn the_hash_tells_apart_every_change_of_a_character(
            chars in proptest::collection::vec(character(), 0..80),
            at in proptest::num::usize::ANY,
            other in character(),
        ) {
            let hash = |chars: &[char]| {
                let mut hasher = BytesHash::default();
                hasher.write(&chars.iter().collect::<String>());
                hasher.finish()
            };
            let base = hash(&chars);
            let mut longer = chars.clone();
            longer.push(' ');
            proptest::prop_assert_ne!(base, hash(&longer));
            if !chars.is_empty() {
                let at = at % chars.len();
                if chars[at] != other {
                    let mut changed = chars.clone();
                    changed[at] = other;
                    proptest::prop_assert_ne!(base, hash(&changed));
                }
                proptest::prop_assert_ne!(base, hash(&chars[..chars.len() - 1]));
            }
        }
    }

    /// Mostly printable ASCII, as files are, and now and then a letter of two or three bytes.
    fn character() -> impl proptest::strategy::Strategy<Value = char> {
        use proptest::strategy::Strategy;
        proptest::prop_oneof![
            3 => 0x20u32..0x7f,
            1 => 0xa0u32..0x3000,
        ]
        .prop_map(|c| char::from_u32(c).unwrap_or('?'))
    }

    #[test]
    fn a_copy_made_by_another_build_or_version_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kopie");
        let ours = Key::of("x", &["tekst"]).unwrap();
        let program = serde_json::to_string(&Stamp::program().unwrap()).unwrap();
        let version = format!("pqs-parsed {} ", env!("CARGO_PKG_VERSION"));
        assert!(
            ours.0.starts_with(&version) && ours.0.contains(&program),
            "{}",
            ours.0
        );
        for theirs in [
            ours.0.replace(&version, "pqs-parsed 0.0.1 "),
            ours.0.replace(
                &program,
                "{\"dev\":1,\"ino\":2,\"len\":3,\"modified\":null}",
            ),
        ] {
            write(&path, &Key(theirs, ours.1), &vec!["oud".to_owned()]);
            assert_eq!(read::<Vec<String>>(&path, &ours), None);
        }
    }

    #[test]
    fn a_damaged_or_missing_copy_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kopie");
        let key = Key::of("x", &["tekst"]).unwrap();
        assert_eq!(read::<Vec<String>>(&path, &key), None, "no copy");
        write(&path, &key, &vec!["een".to_owned(), "twee".to_owned()]);
        assert_eq!(
            read(&path, &key),
            Some(vec!["een".to_owned(), "twee".to_owned()])
        );
        let other = Key::of("x", &["tekst!"]).unwrap();
        assert_eq!(read::<Vec<String>>(&path, &other), None, "other bytes");
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.truncate(bytes.len() - 3);
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(read::<Vec<String>>(&path, &key), None, "cut off");
        std::fs::write(&path, format!("{}\nniet eens json", key.0)).unwrap();
        assert_eq!(read::<Vec<String>>(&path, &key), None, "not JSON");
        std::fs::write(&path, "geen regel").unwrap();
        assert_eq!(read::<Vec<String>>(&path, &key), None, "no key line");
        remove(&path);
        assert!(!path.exists());
    }

    #[test]
    fn a_link_a_fifo_or_a_huge_file_in_place_of_a_copy_is_passed_over_unread() {
        let dir = tempfile::tempdir().unwrap();
        let key = Key::of("x", &["tekst"]).unwrap();
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
