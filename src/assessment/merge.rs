//! Merging two versions of one assessment, for a save that finds the file changed by another process
//! since it was read (a `pqs answer` while the TUI has it open after its lock file was deleted, a
//! second computer on a synced folder). Nothing either side wrote is lost: per item the side that
//! changed it wins, and when both changed the same answer the later one is current and the other is
//! kept in its history.

use std::collections::BTreeMap;

use super::model::{Answer, Assessment, Earlier};

/// `ours` (this process's version) merged with `theirs` (what is on disk now); `base` is what this
/// process last read or wrote, `None` when it never saw a file.
pub fn merge(base: Option<&Assessment>, ours: &Assessment, theirs: &Assessment) -> Assessment {
    let empty = Assessment::new("", ours.created);
    let base = base.unwrap_or(&empty);
    // A field this process did not change takes the other side's value.
    fn pick<'a, T: PartialEq>(base: &T, ours: &'a T, theirs: &'a T) -> &'a T {
        if ours == base { theirs } else { ours }
    }
    let mut merged = ours.clone();
    merged.organisation =
        pick(&base.organisation, &ours.organisation, &theirs.organisation).clone();
    merged.details = pick(&base.details, &ours.details, &theirs.details).clone();
    merged.review_months = *pick(
        &base.review_months,
        &ours.review_months,
        &theirs.review_months,
    );
    merged.created = ours.created.min(theirs.created);
    merged.updated = ours.updated.max(theirs.updated);
    merged.intake = merge_map(&base.intake, &ours.intake, &theirs.intake, |o, _| o.clone());
    merged.plan = merge_map(&base.plan, &ours.plan, &theirs.plan, |o, _| o.clone());
    merged.answers = merge_map(&base.answers, &ours.answers, &theirs.answers, both_answered);
    merged.documents =
        crate::documents::Documents::merge(&base.documents, &ours.documents, &theirs.documents);
    for session in &theirs.sessions {
        if !merged.sessions.iter().any(|s| s.start == session.start) {
            merged.sessions.push(session.clone());
        }
    }
    merged.sessions.sort_by_key(|s| s.start);
    merged
        .known_items
        .extend(theirs.known_items.iter().cloned());
    merged
}

/// Per key: the side that changed it from `base` wins; a key both changed goes to `both`. A key one
/// side removed and the other kept unchanged is removed.
fn merge_map<V: Clone + PartialEq>(
    base: &BTreeMap<String, V>,
    ours: &BTreeMap<String, V>,
    theirs: &BTreeMap<String, V>,
    both: impl Fn(&V, &V) -> V,
) -> BTreeMap<String, V> {
    let mut out = BTreeMap::new();
    let keys = ours.keys().chain(theirs.keys()).chain(base.keys());
    for key in keys {
        if out.contains_key(key) {
            continue;
        }
        let (b, o, t) = (base.get(key), ours.get(key), theirs.get(key));
        let value = match (o == b, t == b) {
            (true, _) => t,
            (false, true) => o,
            (false, false) => match (o, t) {
                (Some(o), Some(t)) => {
                    out.insert(key.clone(), both(o, t));
                    continue;
                }
                // One side removed it, the other changed it: the change is kept.
                (Some(o), None) => Some(o),
                (None, t) => t,
            },
        };
        if let Some(value) = value {
            out.insert(key.clone(), value.clone());
        }
    }
    out
}

/// One answer changed on both sides: the later version is current, the other and both histories
/// are kept, in time order.
fn both_answered(ours: &Answer, theirs: &Answer) -> Answer {
    if ours == theirs {
        return ours.clone();
    }
    let (later, earlier) = if theirs.answered_at > ours.answered_at {
        (theirs, ours)
    } else {
        (ours, theirs)
    };
    let mut history: Vec<Earlier> = ours.history.clone();
    for entry in &theirs.history {
        if !history.contains(entry) {
            history.push(entry.clone());
        }
    }
    let earlier_version = Earlier::new(earlier.status, earlier.note.clone(), earlier.answered_at);
    if !history.contains(&earlier_version) {
        history.push(earlier_version);
    }
    history.sort_by_key(|e| e.at);
    Answer {
        history,
        ..later.clone()
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::assessment::{PlanEntry, Status};

    fn at(minute: i64) -> Timestamp {
        Timestamp::from_second(1_795_428_000 + 60 * minute).unwrap()
    }

    #[test]
    fn changes_on_both_sides_to_different_items_are_all_kept() {
        let mut base = Assessment::new("Bakkerij", at(0));
        base.set_status("a.een", Some(Status::No), None, at(1));
        let mut ours = base.clone();
        ours.set_status("a.twee", Some(Status::Yes), None, at(5));
        ours.set_plan(
            "a.een",
            PlanEntry {
                owner: "Sanne".into(),
                ..PlanEntry::default()
            },
            at(5),
        );
        let mut theirs = base.clone();
        theirs.set_status("a.drie", Some(Status::Partly), None, at(3));
        theirs.set_intake(
            "webshop",
            Some(crate::checklist::Value::from_bool(false)),
            at(3),
        );
        theirs.organisation = "Bakkerij De Korst".into();
        let merged = merge(Some(&base), &ours, &theirs);
        assert_eq!(merged.status("a.een"), Some(Status::No));
        assert_eq!(merged.status("a.twee"), Some(Status::Yes));
        assert_eq!(
            merged.status("a.drie"),
            Some(Status::Partly),
            "theirs is not wiped"
        );
        assert_eq!(
            merged.intake.get("webshop"),
            Some(&crate::checklist::Value::from_bool(false))
        );
        assert_eq!(merged.plan["a.een"].owner, "Sanne");
        assert_eq!(
            merged.organisation, "Bakkerij De Korst",
            "we did not change it"
        );
        assert_eq!(merged.updated, at(5));
    }

    #[test]
    fn one_answer_changed_on_both_sides_keeps_the_later_and_remembers_the_other() {
        let mut base = Assessment::new("X", at(0));
        base.set_status("a.een", Some(Status::No), None, at(1));
        let mut ours = base.clone();
        ours.set_status("a.een", Some(Status::Partly), None, at(4));
        let mut theirs = base.clone();
        theirs.set_status("a.een", Some(Status::Yes), None, at(6));
        let merged = merge(Some(&base), &ours, &theirs);
        let answer = &merged.answers["a.een"];
        assert_eq!(answer.status, Some(Status::Yes));
        let statuses: Vec<_> = answer.history.iter().map(|e| (e.status, e.at)).collect();
        assert_eq!(
            statuses,
            [(Some(Status::No), at(1)), (Some(Status::Partly), at(4))]
        );
    }

    #[test]
    fn without_a_base_nothing_on_disk_is_dropped() {
        let mut ours = Assessment::new("", at(0));
        ours.set_status("a.een", Some(Status::Yes), None, at(2));
        let mut theirs = Assessment::new("Van de CLI", at(1));
        theirs.set_status("a.twee", Some(Status::No), None, at(1));
        let merged = merge(None, &ours, &theirs);
        assert_eq!(merged.status("a.een"), Some(Status::Yes));
        assert_eq!(merged.status("a.twee"), Some(Status::No));
        assert_eq!(merged.organisation, "Van de CLI");
    }

    #[test]
    fn documents_changed_on_both_sides_are_merged_per_record_and_no_breach_is_lost() {
        use crate::documents::{Activity, Breach};
        let tz = jiff::tz::TimeZone::UTC;
        let mut base = Assessment::new("Bakkerij", at(0));
        base.documents
            .activities
            .push(Activity::blank("Nieuwsbrief", [].into_iter(), at(0)));
        base.documents
            .activities
            .push(Activity::blank("Bestellingen", [].into_iter(), at(0)));
        let mut ours = base.clone();
        let mut theirs = base.clone();
        // Ours changes the newsletter; theirs the orders and adds an activity.
        ours.documents.activities[0].retention = "tot afmelden".into();
        ours.documents.activities[0].stamp.updated = at(2);
        theirs.documents.activities[1].retention = "7 jaar".into();
        theirs.documents.activities[1].stamp.updated = at(3);
        theirs
            .documents
            .activities
            .push(Activity::blank("Sollicitaties", [].into_iter(), at(3)));
        // Both log a breach found the same day: the same id, two incidents.
        ours.documents.breaches.push(Breach::new(
            at(1),
            "Laptop kwijt",
            false,
            at(1),
            &tz,
            [].into_iter(),
        ));
        theirs.documents.breaches.push(Breach::new(
            at(4),
            "Mail verkeerd",
            false,
            at(4),
            &tz,
            [].into_iter(),
        ));
        assert_eq!(
            ours.documents.breaches[0].id,
            theirs.documents.breaches[0].id
        );
        let merged = merge(Some(&base), &ours, &theirs);
        let a = &merged.documents.activities;
        assert_eq!(
            a.iter()
                .map(|a| (a.name.as_str(), a.retention.as_str()))
                .collect::<Vec<_>>(),
            [
                ("Nieuwsbrief", "tot afmelden"),
                ("Bestellingen", "7 jaar"),
                ("Sollicitaties", "")
            ]
        );
        let b = &merged.documents.breaches;
        assert_eq!(
            b.iter().map(|b| b.what.as_str()).collect::<Vec<_>>(),
            ["Laptop kwijt", "Mail verkeerd"]
        );
        assert_ne!(b[0].id, b[1].id, "two ids: {b:?}");
        // One record changed on both sides: the later change wins.
        let mut ours = base.clone();
        let mut theirs = base.clone();
        ours.documents.activities[0].purpose = "Nieuws".into();
        ours.documents.activities[0].stamp.updated = at(5);
        theirs.documents.activities[0].purpose = "Reclame".into();
        theirs.documents.activities[0].stamp.updated = at(6);
        let merged = merge(Some(&base), &ours, &theirs);
        assert_eq!(merged.documents.activities[0].purpose, "Reclame");
    }
}
