//! Hashing text fast: the keys of parsed copies, and the maps keyed by item ids, which a scan of
//! 10,000 items looks up some 150,000 times (with the standard library's SipHash, 8% of a report).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;

/// A 64-bit hash of text, sixteen bytes a step: the key of a parsed copy (with SipHash, the
/// standard library's, hashing the 153 KB of a year of history took 0.3 M instructions more, about
/// 3% of the first frame), and, seeded, the hash of the maps keyed by ids ([`Map`]).
/// For the copies it is not keyed, and need not be: no one is kept out by it, as whoever can write
/// a copy can write the file it is a copy of. What it must do there is tell an edit apart, which a full 64x64 -> 128-bit
/// multiply per step does for every bit of the input (the step of wyhash), but for a chance of
/// 2^-64 per step that the second operand is zero and the state starts over.
#[derive(Debug, Clone)]
pub struct BytesHash(u64);

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
    pub fn write_str(&mut self, text: &str) {
        self.write_bytes(text.as_bytes());
    }

    /// [`BytesHash::write_str`] for bytes that may not be text: a word of them that cancels
    /// [`BytesHash::P1`] starts the state over, which costs a map's spread, never its correctness.
    fn write_bytes(&mut self, bytes: &[u8]) {
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

    pub fn finish(&self) -> u64 {
        Self::mix(self.0 ^ Self::P0, Self::P1)
    }

    /// A text hashed as it is given, a piece at a time (a file as it is read or written), its
    /// length taken in at the end, when it is known: not the hash of [`BytesHash::write_str`],
    /// which takes the length first, but the same for every split of the same text
    /// ([`Streamed::add`]).
    pub fn streamed(self) -> Streamed {
        Streamed {
            hash: self,
            pending: [0; 16],
            filled: 0,
            seen: 0,
        }
    }
}

/// A text being hashed a piece at a time ([`BytesHash::streamed`]).
#[derive(Debug, Clone)]
pub struct Streamed {
    hash: BytesHash,
    /// The bytes of the step not yet complete.
    pending: [u8; 16],
    filled: usize,
    seen: usize,
}

impl Streamed {
    fn step(&mut self, chunk: &[u8]) {
        let word = |b: &[u8]| u64::from_le_bytes(b.try_into().expect("eight bytes"));
        self.hash.0 = BytesHash::mix(
            word(&chunk[..8]) ^ BytesHash::P1,
            word(&chunk[8..]) ^ self.hash.0 ^ BytesHash::P0,
        );
    }

    /// The next piece of the text.
    pub fn add(&mut self, mut bytes: &[u8]) {
        self.seen += bytes.len();
        if self.filled > 0 {
            let take = (16 - self.filled).min(bytes.len());
            self.pending[self.filled..self.filled + take].copy_from_slice(&bytes[..take]);
            self.filled += take;
            bytes = &bytes[take..];
            if self.filled < 16 {
                return;
            }
            let pending = self.pending;
            self.step(&pending);
            self.filled = 0;
        }
        let mut chunks = bytes.chunks_exact(16);
        for chunk in &mut chunks {
            self.step(chunk);
        }
        let rest = chunks.remainder();
        self.pending[..rest.len()].copy_from_slice(rest);
        self.filled = rest.len();
    }

    /// How many bytes the pieces held so far.
    pub fn seen(&self) -> usize {
        self.seen
    }

    /// The hash of the whole: its last step (padded with zeros), then its length, so that text
    /// ending in zeros is told apart from text without them.
    pub fn finish(mut self) -> BytesHash {
        let mut last = [0u8; 16];
        last[..self.filled].copy_from_slice(&self.pending[..self.filled]);
        self.step(&last);
        self.hash.0 = BytesHash::mix(
            self.seen as u64 ^ BytesHash::P1,
            self.hash.0 ^ BytesHash::P0,
        );
        self.hash
    }
}

impl Hasher for BytesHash {
    fn write(&mut self, bytes: &[u8]) {
        self.write_bytes(bytes);
    }

    fn finish(&self) -> u64 {
        BytesHash::finish(self)
    }
}

/// A map keyed by ids or other text from files, hashed with [`BytesHash`] from a seed drawn once
/// per process, so that no file can be made whose ids all fall in one place of the map. For text
/// keys only: a key of other bytes can start the state over (see [`BytesHash::P1`]) and lose the
/// seed.
pub type Map<K, V> = HashMap<K, V, Seeded>;

/// [`Map`]'s set.
pub type Set<K> = HashSet<K, Seeded>;

/// An empty [`Map`] with room for `capacity` entries.
pub fn map_with_capacity<K, V>(capacity: usize) -> Map<K, V> {
    HashMap::with_capacity_and_hasher(capacity, Seeded::default())
}

/// An empty [`Set`] with room for `capacity` entries.
pub fn set_with_capacity<K>(capacity: usize) -> Set<K> {
    HashSet::with_capacity_and_hasher(capacity, Seeded::default())
}

/// The [`BuildHasher`] of [`Map`]: [`BytesHash`] started from this process's seed.
#[derive(Debug, Clone)]
pub struct Seeded(u64);

impl Default for Seeded {
    fn default() -> Self {
        static SEED: OnceLock<u64> = OnceLock::new();
        // The standard library's random keys, drawn from the system once per process.
        Seeded(*SEED.get_or_init(|| std::hash::RandomState::new().build_hasher().finish()))
    }
}

impl BuildHasher for Seeded {
    type Hasher = BytesHash;

    fn build_hasher(&self) -> BytesHash {
        BytesHash(BytesHash::default().0 ^ self.0)
    }
}

#[cfg(test)]
mod tests {
    use std::hash::Hash;

    use super::*;

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
                hasher.write_str(&chars.iter().collect::<String>());
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

    proptest::proptest! {
        /// A text hashed in pieces of any sizes (a file read or written in blocks) has the hash of
        /// the whole; the text with one more byte (a zero, which pads the last step) has another.
        #[test]
        fn a_text_hashed_in_pieces_has_the_hash_of_the_whole(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200),
            cuts in proptest::collection::vec(0usize..200, 0..6),
        ) {
            let whole = |bytes: &[u8]| {
                let mut whole = BytesHash::default().streamed();
                whole.add(bytes);
                whole.finish().finish()
            };
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(bytes.len())).collect();
            cuts.sort_unstable();
            let mut streamed = BytesHash::default().streamed();
            let mut from = 0;
            for cut in cuts.into_iter().chain([bytes.len()]) {
                streamed.add(&bytes[from..cut]);
                from = cut;
            }
            proptest::prop_assert_eq!(streamed.seen(), bytes.len());
            proptest::prop_assert_eq!(streamed.finish().finish(), whole(&bytes));
            let longer: Vec<u8> = bytes.iter().copied().chain([0]).collect();
            proptest::prop_assert_ne!(whole(&longer), whole(&bytes));
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

    /// Ids that differ in a digit or two spread over a map's places as random numbers would: in
    /// the low bits (the place) and the top seven (the tag a probe compares), as hashbrown uses
    /// them. (A map stays correct with any hash; only the spread tells a good one.)
    #[test]
    fn ids_alike_spread_over_a_maps_places() {
        let state = Seeded::default();
        let hashes: Vec<u64> = (0..4096)
            .map(|i| state.hash_one(format!("lijst.item-{i}").as_str()))
            .collect();
        let distinct =
            |bits: fn(u64) -> u64| hashes.iter().map(|&h| bits(h)).collect::<Set<u64>>().len();
        // 4,096 values in 4,096 places: about 2,590 distinct at random.
        let low = distinct(|h| h & 0xfff);
        assert!(low > 2400, "{low} of 4096 places");
        let tags = distinct(|h| h >> 57);
        assert_eq!(tags, 128, "every tag");
        let mut map: Map<&str, usize> = map_with_capacity(4);
        map.insert("lijst.item-1", 1);
        assert_eq!(map.get("lijst.item-1"), Some(&1));
        assert_eq!(map.get("lijst.item-10"), None);
    }

    #[test]
    fn maps_of_one_process_share_a_seed_that_is_not_the_copies_start() {
        let (one, two) = (Seeded::default(), Seeded::default());
        assert_eq!(one.hash_one("id"), two.hash_one("id"));
        let mut unseeded = BytesHash::default();
        "id".hash(&mut unseeded);
        assert_ne!(one.hash_one("id"), unseeded.finish());
    }
}
