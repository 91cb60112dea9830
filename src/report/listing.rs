//! Every assessment in the data folder with its progress: for `pqs list` and the TUI start screen.

use jiff::Timestamp;

use super::scan::Scan;
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

/// One assessment's row; `None` when its file was removed between listing the folder and reading it.
fn row(
    store: &Store,
    catalog: &Catalog,
    name: &str,
    now: Timestamp,
) -> Option<Result<Listing, Unreadable>> {
    match store.read_migrated(name, catalog) {
        Ok(Some(assessment)) => {
            let scan = Scan::new(catalog, &assessment, now);
            Some(Ok(Listing {
                organisation: assessment.organisation.clone(),
                answered: scan.totals.answered,
                total: scan.totals.total,
                score: scan.totals.score,
                open_high: scan.totals.open_high,
                gaps: scan.totals.gaps,
                updated: assessment.updated,
                sessions: assessment.sessions.len(),
                name: name.to_owned(),
            }))
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
pub fn listing(
    store: &Store,
    catalog: &Catalog,
    now: Timestamp,
) -> Result<Vec<Result<Listing, Unreadable>>, StoreError> {
    let names = store.list()?;
    // Reading and scoring are independent per file; spread them over the cores so a folder with many
    // large files (a year of sessions each) still opens at once.
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8);
    let chunk = names.len().div_ceil(workers).max(1);
    let mut rows: Vec<Result<Listing, Unreadable>> = std::thread::scope(|scope| {
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
    });
    // `list` is sorted by name, and the sort is stable: equal times stay in name order.
    rows.sort_by(|a, b| match (a, b) {
        (Ok(a), Ok(b)) => b.updated.cmp(&a.updated),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(_), Err(_)) => std::cmp::Ordering::Equal,
    });
    Ok(rows)
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
}
