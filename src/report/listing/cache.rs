//! A summary of every assessment's row in the list, kept beside the files (`.list-cache.json` in
//! the data folder) so `pqs list` and the start screen need not parse a year of history per client
//! each time. Never trusted over the files: a row is used only while the file has the same stamp
//! (identity, size, modification time) as when the row was made, and the catalog and the pqs binary
//! are the same; otherwise the file is read and scored again and the cache rewritten. A cache that
//! is missing, damaged or cannot be written only makes the list slower.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::Listing;
use crate::assessment::Store;
use crate::assessment::store::Stamp;
use crate::checklist::Catalog;

/// The cache's file name in the data folder.
pub const CACHE_FILE: &str = ".list-cache.json";

/// What the rows were computed with: a different catalog or pqs binary makes every row stale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Made {
    catalog: u64,
    program: Option<Stamp>,
}

impl Made {
    pub(super) fn now(catalog: &Catalog) -> Made {
        Made {
            catalog: catalog.digest(),
            program: Stamp::program(),
        }
    }
}

/// One file's row, with the stamp of the bytes it was computed from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Row {
    stamp: Stamp,
    organisation: String,
    answered: usize,
    total: usize,
    /// The score's bits, so it comes back exactly.
    score: u64,
    open_high: usize,
    gaps: usize,
    updated: Timestamp,
    sessions: usize,
}

/// The cache of one data folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Cache {
    made: Made,
    rows: BTreeMap<String, Row>,
}

impl Cache {
    /// The cache of `store` when it was made with `made`; empty otherwise.
    pub(super) fn read(store: &Store, made: &Made) -> Cache {
        let empty = Cache {
            made: made.clone(),
            rows: BTreeMap::new(),
        };
        std::fs::read(path(store))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Cache>(&bytes).ok())
            .filter(|cache| &cache.made == made)
            .unwrap_or(empty)
    }

    /// How many rows it holds.
    pub(super) fn len(&self) -> usize {
        self.rows.len()
    }

    /// The row of `name` when its file still has `stamp`.
    pub(super) fn get(&self, name: &str, stamp: Option<Stamp>) -> Option<Listing> {
        let row = self.rows.get(name)?;
        (Some(row.stamp) == stamp).then(|| Listing {
            name: name.to_owned(),
            organisation: row.organisation.clone(),
            answered: row.answered,
            total: row.total,
            score: f64::from_bits(row.score),
            open_high: row.open_high,
            gaps: row.gaps,
            updated: row.updated,
            sessions: row.sessions,
        })
    }

    /// A cache with exactly `rows` (a readable file's row and the stamp of what was read).
    pub(super) fn of<'a>(
        made: Made,
        rows: impl IntoIterator<Item = (&'a Listing, Stamp)>,
    ) -> Cache {
        let rows = rows
            .into_iter()
            .map(|(l, stamp)| {
                let row = Row {
                    stamp,
                    organisation: l.organisation.clone(),
                    answered: l.answered,
                    total: l.total,
                    score: l.score.to_bits(),
                    open_high: l.open_high,
                    gaps: l.gaps,
                    updated: l.updated,
                    sessions: l.sessions,
                };
                (l.name.clone(), row)
            })
            .collect();
        Cache { made, rows }
    }

    /// Writes the cache atomically, when the folder exists; a failure is left unsaid (the next
    /// list reads the files again).
    pub(super) fn write(&self, store: &Store) {
        if !store.dir().is_dir() {
            return;
        }
        if let Ok(bytes) = serde_json::to_vec(self) {
            let _ = crate::fs_util::write_atomic(&path(store), &bytes);
        }
    }
}

fn path(store: &Store) -> PathBuf {
    Path::new(store.dir()).join(CACHE_FILE)
}
