//! A fixed assessment for report tests: every status, notes with characters that break formats, an orphan,
//! and a fixed clock.

pub mod scale;

use std::collections::BTreeSet;
use std::sync::LazyLock;

use jiff::Timestamp;
use jiff::civil::date;
use jiff::tz::TimeZone;

use super::document::Document;
use super::scan::Scan;
use crate::assessment::{Assessment, Details, PlanEntry, Status};
use crate::checklist::Catalog;

/// The fixed moment reports are made at.
pub fn now() -> Timestamp {
    "2026-11-23T10:00:00Z".parse().expect("valid timestamp")
}

/// A note that tries to break every format.
pub const NASTY_NOTE: &str = "<script>alert(1)</script> \"quote\", comma | pipe\nnieuwe regel & é";

/// Start and end of the first session; the fixture's answers date from it.
pub const FIRST_SESSION: (&str, &str) = ("2026-11-02T09:00:00Z", "2026-11-02T10:15:00Z");
/// Start and end of the second (latest) session, which changes a few answers.
pub const SECOND_SESSION: (&str, &str) = ("2026-11-23T09:00:00Z", "2026-11-23T09:45:00Z");
/// An owner that tries to break every format (a formula, markup, a pipe).
pub const NASTY_OWNER: &str = "=Sanne <b>de Boer</b> | \"Zn\"";
/// An agreed action that tries to break every format.
pub const NASTY_ACTION: &str =
    "Doeleinden aanvullen: *nieuwsbrief* | <i>apart</i>,\nmet de webbouwer";
/// Contact and assessor that try to break every format.
pub const NASTY_CONTACT: &str = "Jan \"Bol\" <jan@korst.nl>";
/// An assessor name with a formula, a pipe and emphasis.
pub const NASTY_ASSESSOR: &str = "=Eva de Vries | *Advies* & Co";

fn at(text: &str) -> Timestamp {
    text.parse().expect("valid timestamp")
}

fn ids(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|id| (*id).to_owned()).collect()
}

/// The fixture assessment: the first items of each checklist get the five statuses in turn in a first
/// session; a second session improves one, worsens one and answers one more. It has details, an
/// intake that rules out the web shop checklist and the staff items, three plan entries (one overdue,
/// one without action), an answer due for review, one to a changed question, a new item and an orphan.
pub fn assessment() -> Assessment {
    let catalog = Catalog::bundled();
    let (first, second) = (at(FIRST_SESSION.0), at(SECOND_SESSION.0));
    let answered = first + jiff::SignedDuration::from_mins(30);
    let mut a = Assessment::new("Bakkerij <De Korst> & Zn, \"Utrecht\"", first);
    // The full scan: every item the fixture answers is asked.
    a.depth = Some(crate::assessment::ScanDepth::Volledig);
    for checklist in catalog.checklists() {
        for (i, item) in checklist.items.iter().take(5).enumerate() {
            let fingerprint = item.fingerprint();
            a.set_status(
                &item.id,
                Some(Status::ALL[i % 5]),
                Some(&fingerprint),
                answered,
            );
        }
    }
    a.set_note("privacyverklaring.pv-fg-contact", NASTY_NOTE, answered);
    a.set_note(
        "datalekken.dl-procedure-vastgelegd",
        "Klaar | *vet* _schuin_ # kop",
        answered,
    );
    a.set_status("verdwenen.vraag", Some(Status::Yes), None, answered);
    a.set_note("verdwenen.vraag", "oude vraag, <b>bewaard</b>", answered);
    // Answered long ago: due for review.
    let old = at("2025-06-01T12:00:00Z");
    let vr = "verwerkingsregister.vr-ontvangers";
    a.set_status(vr, Some(Status::Yes), Some(&fingerprint(&catalog, vr)), old);
    // Answered to a question that has changed since.
    let changed = "datalekken.dl-risico-beoordelen";
    a.set_status(changed, Some(Status::No), Some("verouderd"), answered);
    for (flag, yes) in [("webshop", false), ("personeel", false), ("fg", true)] {
        a.set_intake(
            flag,
            Some(crate::checklist::Value::from_bool(yes)),
            answered,
        );
    }
    a.details = Details {
        contact: NASTY_CONTACT.into(),
        assessor: NASTY_ASSESSOR.into(),
        kvk: "12345678".into(),
        ..Details::default()
    };
    let mut changed: BTreeSet<String> = a.answers.keys().cloned().collect();
    changed.extend(ids(&[
        "details",
        "intake.webshop",
        "intake.personeel",
        "intake.fg",
    ]));
    a.record_session(first, at(FIRST_SESSION.1), "Eva de Vries", &changed);
    // Everything but one item was seen in the first session; that one is "nieuw".
    a.known_items = catalog
        .items()
        .map(|(_, item)| item.id.to_string())
        .filter(|id| id != "avg-stappen.avg-2-geen-ander-doel")
        .collect();

    let moved = [
        ("privacyverklaring.pv-grondslag", Status::Yes),
        ("privacyverklaring.pv-identiteit-contact", Status::Partly),
        ("privacyverklaring.pv-ontvangers", Status::No),
    ];
    let later = second + jiff::SignedDuration::from_mins(30);
    for (id, status) in moved {
        a.set_status(id, Some(status), Some(&fingerprint(&catalog, id)), later);
    }
    let plan = [
        (
            "privacyverklaring.pv-doeleinden",
            NASTY_OWNER,
            Some(date(2026, 11, 1)),
            NASTY_ACTION,
        ),
        (
            "verwerkingsregister.vr-naam-contact",
            "Piet",
            Some(date(2026, 12, 15)),
            "Register opzetten met het sjabloon",
        ),
        ("datalekken.dl-risico-beoordelen", "Eva de Vries", None, ""),
        // Ruled out by the intake (no staff): never shown.
        (
            "personeel.pers-ziekmelding",
            "Piet",
            Some(date(2026, 11, 1)),
            "Aanwijzen",
        ),
    ];
    for (id, owner, due, action) in plan {
        let entry = PlanEntry {
            owner: owner.into(),
            due,
            action: action.into(),
            ..PlanEntry::default()
        };
        a.set_plan(id, entry, later);
    }
    let changes: Vec<&str> = moved.iter().map(|(id, _)| *id).collect();
    a.record_session(second, at(SECOND_SESSION.1), "Eva de Vries", &ids(&changes));
    a
}

/// The fingerprint of a bundled item's question.
fn fingerprint(catalog: &Catalog, id: &str) -> String {
    catalog.item(id).expect("bundled item").1.fingerprint()
}

/// The fixture assessment, made once.
pub fn shared() -> &'static Assessment {
    static SHARED: LazyLock<Assessment> = LazyLock::new(assessment);
    &SHARED
}

/// The scan of the fixture against the bundled checklists.
pub fn scan() -> Scan {
    Scan::new(&Catalog::bundled(), shared(), now())
}

/// A document over `scan` with the fixture's header facts, details, intake, sessions and progress (dates
/// in UTC, version pinned so snapshots stay stable); `organisation` replaces the organisation name.
pub fn document<'a>(scan: &'a Scan, organisation: &'a str) -> Document<'a> {
    let mut doc = Document::of(
        &Catalog::bundled(),
        scan,
        shared(),
        "klant-x",
        now(),
        TimeZone::UTC,
    );
    doc.organisation = organisation;
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

/// A bakery with a webshop, staff, a newsletter and cameras, its register made from the suggestions
/// (orders, newsletter, camera images) and three processors, one outside the EEA: the draft privacy
/// statement's fixture.
pub fn bakery_with_documents() -> Assessment {
    use crate::checklist::Value;
    use crate::documents::Location;
    use crate::documents::suggest::{Suggestions, adopt_activity, adopt_processor};
    let mut a = Assessment::new("Bakkerij De Korst", now());
    a.details.contact = "Anne de Bakker".into();
    a.details.kvk = "12345678".into();
    for (flag, yes) in [
        ("personeel", true),
        ("website", true),
        ("webshop", true),
        ("cookies", true),
        ("nieuwsbrief", true),
        ("toestemming", true),
        ("camera", true),
        ("gerechtvaardigd-belang", true),
        ("verwerkers", true),
        ("buiten-eer", true),
        ("fg", false),
        ("kinderen", false),
        ("bijzondere-gegevens", false),
        ("sociale-media", false),
        ("automatische-besluiten", false),
    ] {
        a.intake.insert(flag.into(), Value::from_bool(yes));
    }
    a.intake
        .insert("omvang".into(), Value::Choice("2-9".into()));
    let suggestions = Suggestions::bundled();
    for id in ["bestellingen", "nieuwsbrief", "camerabeelden"] {
        let s = suggestions.activities.iter().find(|s| s.id == id);
        let mut activity = adopt_activity(s.expect("bundled suggestion"), &a.documents, now());
        activity.transfers = "geen".into();
        a.documents.activities.push(activity);
    }
    for (id, location, safeguard) in [
        ("webshopplatform", Location::Eer, ""),
        (
            "mailprogramma",
            Location::BuitenEer,
            "EU-US Data Privacy Framework (Verenigde Staten)",
        ),
        ("administratiekantoor", Location::Eer, ""),
    ] {
        let s = suggestions.processors.iter().find(|s| s.id == id);
        let mut p = adopt_processor(s.expect("bundled suggestion"), &a.documents, now());
        p.location = Some(location);
        p.safeguard = safeguard.into();
        p.agreement = Some(date(2026, 11, 1));
        a.documents.processors.push(p);
    }
    a
}
