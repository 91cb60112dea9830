//! A fixed assessment for report tests: every status, notes with characters that break formats, an orphan,
//! and a fixed clock.

use jiff::Timestamp;

use super::document::Document;
use super::scan::Scan;
use crate::assessment::{Assessment, Status};
use crate::checklist::Catalog;

/// The fixed moment reports are made at.
pub fn now() -> Timestamp {
    "2026-11-23T10:00:00Z".parse().expect("valid timestamp")
}

/// A note that tries to break every format.
pub const NASTY_NOTE: &str = "<script>alert(1)</script> \"quote\", comma | pipe\nnieuwe regel & é";

/// The fixture assessment: the first items of each checklist get the five statuses in turn.
pub fn assessment() -> Assessment {
    let catalog = Catalog::bundled();
    let mut a = Assessment::new("Bakkerij <De Korst> & Zn, \"Utrecht\"", now());
    for checklist in catalog.checklists() {
        for (i, item) in checklist.items.iter().take(5).enumerate() {
            a.set_status(
                &item.id,
                Some(Status::ALL[i % 5]),
                Some(&item.fingerprint()),
                now(),
            );
        }
    }
    a.set_note("privacyverklaring.pv-fg-contact", NASTY_NOTE, now());
    a.set_note(
        "datalekken.dl-procedure-vastgelegd",
        "Klaar | *vet* _schuin_ # kop",
        now(),
    );
    a.set_status("verdwenen.vraag", Some(Status::Yes), None, now());
    a.set_note("verdwenen.vraag", "oude vraag, <b>bewaard</b>", now());
    a
}

/// The scan of the fixture against the bundled checklists.
pub fn scan() -> Scan {
    Scan::new(&Catalog::bundled(), &assessment(), now())
}

/// A document over `scan` with the fixture's header facts (version pinned so snapshots stay stable).
pub fn document<'a>(scan: &'a Scan, organisation: &'a str) -> Document<'a> {
    let mut doc = Document::new(scan, organisation, "klant-x", now(), "2026-11-23".into());
    doc.version = "0.0.0-test";
    doc
}

/// Every bundled item answered, in a realistic mix, for the one-page summary check.
pub fn complete_assessment() -> Assessment {
    let catalog = Catalog::bundled();
    let mut a = Assessment::new("Kapsalon Knip & Co", now());
    for (i, (_, item)) in catalog.items().enumerate() {
        let status = [
            Status::Yes,
            Status::Yes,
            Status::Partly,
            Status::No,
            Status::Yes,
            Status::NotApplicable,
            Status::Unknown,
        ][i % 7];
        a.set_status(&item.id, Some(status), Some(&item.fingerprint()), now());
    }
    a
}
