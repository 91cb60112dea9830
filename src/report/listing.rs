//! Every assessment in the data folder with its progress: for `pqs list` and the TUI start screen.

use jiff::Timestamp;

use super::scan::Scan;
use crate::assessment::migration::migrate;
use crate::assessment::store::Stamp;
use crate::assessment::{Store, StoreError};
use crate::checklist::Catalog;

/// One assessment's line in the overview of all assessments.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    /// The assessment's name (its file name without `.toml`).
    pub name: String,
    /// The organisation assessed ("" when not filled in).
    pub organisation: String,
    /// Items that apply and have an answer.
    pub answered: usize,
    /// Items that apply (the intake rules none of them out).
    pub total: usize,
    /// Score from 0 to 100, unrounded.
    pub score: f64,
    /// Open gaps of high severity.
    pub open_high: usize,
    /// All open gaps.
    pub gaps: usize,
    /// When anything in it last changed.
    pub updated: Timestamp,
    /// Number of recorded TUI sessions.
    pub sessions: usize,
}

/// An assessment file that could not be read; the others are listed regardless.
#[derive(Debug)]
pub struct Unreadable {
    /// The assessment's name.
    pub name: String,
    /// Why it could not be read.
    pub error: StoreError,
}

mod cache;

pub use cache::CACHE_FILE;

/// One assessment's row and the stamp of the bytes it was made from; `None` when its file was
/// removed between listing the folder and reading it.
fn row(
    store: &Store,
    catalog: &Catalog,
    name: &str,
    now: Timestamp,
) -> Option<Result<(Listing, Stamp), Unreadable>> {
    match store.read_stamped(name) {
        Ok(Some((mut assessment, stamp))) => {
            migrate(catalog, &mut assessment);
            let totals = Scan::totals(catalog, &assessment, now);
            Some(Ok((
                Listing {
                    organisation: assessment.organisation.clone(),
                    answered: totals.answered,
                    total: totals.total,
                    score: totals.score,
                    open_high: totals.open_high,
                    gaps: totals.gaps,
                    updated: assessment.updated,
                    sessions: assessment.sessions.len(),
                    name: name.to_owned(),
                },
                stamp,
            )))
        }
        Ok(None) => None,
        Err(error) => Some(Err(Unreadable {
            name: name.to_owned(),
            error,
        })),
    }
}

/// Every assessment in `store`, scored against `catalog` at `now`: the readable ones newest edit
/// first (ties by name), then the unreadable ones by name. Fails only when the folder itself cannot be
/// read; a missing folder is an empty list.
///
/// A file unchanged since the last list takes its row from the folder's cache ([`CACHE_FILE`]); the
/// others are read and scored, and the cache is rewritten. The row's numbers (unlike what is due
/// for review) do not depend on `now`, so a cached row stays right.
pub fn listing(
    store: &Store,
    catalog: &Catalog,
    now: Timestamp,
) -> Result<Vec<Result<Listing, Unreadable>>, StoreError> {
    let names = store.list()?;
    let made = cache::Made::now(catalog);
    let cached = cache::Cache::read(store, &made);
    let mut known: Vec<(Listing, Stamp)> = Vec::new();
    let mut stale: Vec<String> = Vec::new();
    for name in names {
        let stamp = store.stamp(&name);
        match (cached.get(&name, stamp), stamp) {
            (Some(listing), Some(stamp)) => known.push((listing, stamp)),
            _ => stale.push(name),
        }
    }
    let unchanged = stale.is_empty() && known.len() == cached.len();
    let mut read = Vec::new();
    let mut unreadable = Vec::new();
    for result in read_rows(store, catalog, &stale, now) {
        match result {
            Ok(row) => read.push(row),
            Err(u) => unreadable.push(u),
        }
    }
    known.extend(read);
    if !unchanged {
        cache::Cache::of(made, known.iter().map(|(l, stamp)| (l, *stamp))).write(store);
    }
    let mut rows: Vec<Result<Listing, Unreadable>> =
        known.into_iter().map(|(l, _)| Ok(l)).collect();
    // Newest edit first, ties by name; then the unreadable by name.
    rows.sort_by(|a, b| match (a, b) {
        (Ok(a), Ok(b)) => b.updated.cmp(&a.updated).then_with(|| a.name.cmp(&b.name)),
        _ => std::cmp::Ordering::Equal,
    });
    unreadable.sort_by(|a, b| a.name.cmp(&b.name));
    rows.extend(unreadable.into_iter().map(Err));
    Ok(rows)
}

/// Reads and scores `names`; independent per file, so spread over the cores (a folder with many
/// large files, a year of sessions each, still opens at once).
fn read_rows(
    store: &Store,
    catalog: &Catalog,
    names: &[String],
    now: Timestamp,
) -> Vec<Result<(Listing, Stamp), Unreadable>> {
    if names.len() <= 1 {
        return names
            .iter()
            .filter_map(|name| row(store, catalog, name, now))
            .collect();
    }
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8);
    let chunk = names.len().div_ceil(workers).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = names
            .chunks(chunk)
            .map(|names| {
                scope.spawn(move || {
                    names
                        .iter()
                        .filter_map(|name| row(store, catalog, name, now))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a listing worker does not panic"))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::assessment::{Assessment, Status};

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(1_795_428_000 + seconds).unwrap()
    }

    fn save(store: &Store, name: &str, organisation: &str, updated: Timestamp) -> Assessment {
        let mut assessment = Assessment::new(organisation, at(0));
        assessment.updated = updated;
        store.lock(name).unwrap().save(&assessment).unwrap();
        assessment
    }

    #[test]
    fn newest_first_with_totals_from_the_scan_and_the_unreadable_last() {
        let root = tempfile::tempdir().unwrap();
        let store = Store::new(root.path());
        let catalog = Catalog::bundled();
        save(&store, "oud", "Oud BV", at(10));
        save(&store, "nieuw", "Nieuw BV", at(30));
        let mut answered = save(&store, "midden", "Midden BV", at(20));
        let (_, item) = catalog.items().next().unwrap();
        answered.set_status(&item.id, Some(Status::Yes), None, at(20));
        answered
            .intake
            .insert("website".into(), crate::checklist::Value::from_bool(false));
        store.lock("midden").unwrap().save(&answered).unwrap();
        fs::write(store.path("kapot"), "format = 2\nanswers = [").unwrap();

        let rows = listing(&store, &catalog, at(40)).unwrap();
        let names: Vec<&str> = rows
            .iter()
            .map(|r| match r {
                Ok(l) => l.name.as_str(),
                Err(u) => u.name.as_str(),
            })
            .collect();
        assert_eq!(names, ["nieuw", "midden", "oud", "kapot"]);

        let midden = rows[1].as_ref().unwrap();
        let scan = Scan::new(&catalog, &answered, at(40));
        assert_eq!(midden.organisation, "Midden BV");
        assert_eq!(midden.answered, 1);
        assert_eq!(midden.total, scan.totals.total);
        assert!(
            midden.total
                < Scan::new(&catalog, &Assessment::new("", at(0)), at(40))
                    .totals
                    .total
        );
        assert_eq!(midden.score, scan.totals.score);
        assert!(midden.score > 0.0);
        assert_eq!(midden.gaps, scan.totals.gaps);
        let high = scan.totals.open_high;
        assert_eq!(midden.open_high, high);
        assert!(matches!(
            rows[3],
            Err(Unreadable {
                error: StoreError::Corrupt { .. },
                ..
            })
        ));
    }

    #[test]
    fn an_empty_or_missing_folder_lists_nothing() {
        let root = tempfile::tempdir().unwrap();
        let catalog = Catalog::bundled();
        let missing = Store::new(root.path().join("nog-niet"));
        assert!(listing(&missing, &catalog, at(0)).unwrap().is_empty());
        fs::create_dir(root.path().join("trash")).unwrap();
        fs::write(root.path().join("trash/weg-1.toml"), "format = 2").unwrap();
        assert!(
            listing(&Store::new(root.path()), &catalog, at(0))
                .unwrap()
                .is_empty()
        );
    }

    fn organisations(rows: &[Result<Listing, Unreadable>]) -> Vec<String> {
        rows.iter()
            .map(|r| match r {
                Ok(l) => format!("{}={}:{}", l.name, l.organisation, l.answered),
                Err(u) => format!("{}=kapot", u.name),
            })
            .collect()
    }

    fn tamper(store: &Store, from: &str, to: &str) {
        let path = store.dir().join(CACHE_FILE);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{text}");
        fs::write(&path, text.replace(from, to)).unwrap();
    }

    #[test]
    fn an_unchanged_file_takes_its_row_from_the_cache() {
        let root = tempfile::tempdir().unwrap();
        let store = Store::new(root.path());
        let catalog = Catalog::bundled();
        save(&store, "een", "Een BV", at(10));
        save(&store, "twee", "Twee BV", at(20));
        let first = listing(&store, &catalog, at(40)).unwrap();
        assert_eq!(organisations(&first), ["twee=Twee BV:0", "een=Een BV:0"]);
        // The cache is what the second list shows (proved by changing it by hand), and the cache
        // is not listed as an assessment.
        tamper(&store, "Een BV", "Uit de cache");
        let second = listing(&store, &catalog, at(40)).unwrap();
        assert_eq!(
            organisations(&second),
            ["twee=Twee BV:0", "een=Uit de cache:0"]
        );
    }

    #[test]
    fn a_cached_row_is_not_trusted_once_the_file_changed() {
        let root = tempfile::tempdir().unwrap();
        let store = Store::new(root.path());
        let catalog = Catalog::bundled();
        let mut een = save(&store, "een", "Een BV", at(10));
        save(&store, "twee", "Twee BV", at(20));
        listing(&store, &catalog, at(40)).unwrap();
        tamper(&store, "Twee BV", "Uit de cache");
        // A save (a new file renamed over the old one) and an edit in place of the same size.
        let (_, item) = catalog.items().next().unwrap();
        een.set_status(&item.id, Some(Status::Yes), None, at(30));
        een.organisation = "Een NV".into();
        store.lock("een").unwrap().save(&een).unwrap();
        let path = store.path("twee");
        let text = fs::read_to_string(&path).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&path, text.replace("Twee BV", "Twee NV")).unwrap();
        let rows = listing(&store, &catalog, at(40)).unwrap();
        assert_eq!(organisations(&rows), ["een=Een NV:1", "twee=Twee NV:0"]);
        // A removed file is gone from the list, a broken one is read every time.
        fs::remove_file(store.path("twee")).unwrap();
        fs::write(store.path("kapot"), "format = 2\nanswers = [").unwrap();
        for _ in 0..2 {
            let rows = listing(&store, &catalog, at(40)).unwrap();
            assert_eq!(organisations(&rows), ["een=Een NV:1", "kapot=kapot"]);
        }
    }

    #[test]
    fn a_damaged_cache_or_another_catalog_means_reading_the_files() {
        let root = tempfile::tempdir().unwrap();
        let store = Store::new(root.path());
        let catalog = Catalog::bundled();
        save(&store, "een", "Een BV", at(10));
        listing(&store, &catalog, at(40)).unwrap();
        fs::write(store.dir().join(CACHE_FILE), "{ niet af").unwrap();
        let rows = listing(&store, &catalog, at(40)).unwrap();
        assert_eq!(organisations(&rows), ["een=Een BV:0"]);
        // Made with a smaller catalog: every row is computed again.
        tamper(&store, "Een BV", "Uit de cache");
        let first: Vec<_> = catalog.checklists().iter().take(1).cloned().collect();
        let smaller = Catalog::new(first);
        assert_ne!(smaller.digest(), catalog.digest());
        let rows = listing(&store, &smaller, at(40)).unwrap();
        assert_eq!(organisations(&rows), ["een=Een BV:0"]);
    }
}
