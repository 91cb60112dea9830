//! Rescoring one answer: a key press in the questionnaire changes one item, and what that can
//! change is the item, the follow-ups it rules in or out, and the steps of the gaps above them,
//! so only that family of follow-ups is scored again, with the same rules as [`Scan::new`].

use jiff::Timestamp;

use super::{Detail, Gap, ItemState, Scan, gap, listed, resolve_parents, state, steps, until_due};
use crate::assessment::Assessment;
use crate::checklist::{Catalog, Checklist, Entry, Item, Scope};
use crate::hashing::{Map, map_with_capacity};

impl Scan {
    /// Brings the scan up to date at `now` after only the answer to `id` changed (its status,
    /// note or history), giving what [`Scan::new`] would. Scores everything again when anything
    /// else may have changed with the clock (a review date or midnight passed) or `id` is not in
    /// the catalog. Returns whether an item's being asked ([`ItemState::asked`]) may have changed.
    pub fn rescore_answer(
        &mut self,
        catalog: &Catalog,
        assessment: &Assessment,
        id: &str,
        now: Timestamp,
    ) -> bool {
        let Some(root) = root_of(catalog, id) else {
            *self = Scan::new(catalog, assessment, now);
            return true;
        };
        if now < self.now || now >= self.fresh_until {
            *self = Scan::new(catalog, assessment, now);
            return true;
        }
        self.now = now;
        // The item's whole family of follow-ups, from the top, in catalog order.
        let family = family(catalog, root);
        let facts = catalog.intake().effective(&assessment.intake);
        let mut states: Map<&str, ItemState> = map_with_capacity(family.len());
        for (checklist, item) in &family {
            let (state, due) = state(
                catalog,
                checklist,
                (item, assessment.answers.get(item.id.as_str())),
                assessment,
                &facts,
                now,
                Detail::Full,
            );
            self.fresh_until = until_due(self.fresh_until, due, now);
            states.insert(item.id.as_str(), state);
        }
        resolve_parents(catalog, &mut states, family.iter().map(|(_, i)| *i));

        // Every row that lists a family member: where it lives and where a checklist lists it
        // with `see`. A row is found by its entry (rows follow the entries), by its id if not.
        let homes: Vec<Option<(usize, usize)>> = family
            .iter()
            .map(|(_, item)| catalog.position(&item.id))
            .collect();
        let mut asked_changed = false;
        for (ci, listing) in catalog.checklists().iter().enumerate() {
            let Some(scanned) = self.checklists.get_mut(ci) else {
                continue;
            };
            for (k, entry) in listing.entries.iter().enumerate() {
                let id = match entry {
                    Entry::Own(ii) if homes.contains(&Some((ci, *ii))) => {
                        listing.items[*ii].id.as_str()
                    }
                    Entry::Own(_) => continue,
                    Entry::See(id, _) => id.as_str(),
                };
                let Some(fresh) = find(&family, &states, id) else {
                    continue;
                };
                let rows: Vec<usize> = match scanned.items.get(k) {
                    Some(row) if row.id == *id => vec![k],
                    _ => (0..scanned.items.len())
                        .filter(|&r| scanned.items[r].id == *id)
                        .collect(),
                };
                for r in rows {
                    let slot = &mut scanned.items[r];
                    let updated = listed(fresh, slot.shared_from.take(), &scanned.excluded);
                    asked_changed |= updated.asked() != slot.asked();
                    *slot = updated;
                }
            }
        }

        // Each family member's gap, if it is one, where the order of the gaps puts it.
        let mut steps = steps(catalog, family.iter().map(|(_, i)| *i), &states);
        for (checklist, item) in &family {
            let state = &states[item.id.as_str()];
            let fresh = gap(checklist, item, state, &mut steps, assessment, self.today);
            let key = (
                item.scope != Scope::Avg,
                item.severity,
                catalog.position(&item.id),
            );
            let at = self.gaps.partition_point(|g| order(catalog, g) < key);
            let present = self.gaps.get(at).is_some_and(|g| g.id == item.id);
            match (fresh, present) {
                (Some(gap), true) => self.gaps[at] = gap,
                (Some(gap), false) => self.gaps.insert(at, gap),
                (None, true) => {
                    self.gaps.remove(at);
                }
                (None, false) => {}
            }
        }
        self.summarise();
        asked_changed
    }
}

/// The top of the chain of parents (`follows`) above `id`, or `None` when `id` is not in the
/// catalog. (A circle, which the catalog check refuses, ends where it closes.)
fn root_of<'a>(catalog: &'a Catalog, id: &str) -> Option<&'a str> {
    let (_, mut item) = catalog.item(id)?;
    let mut seen = vec![item.id.as_str()];
    while let Some((_, parent)) = item.follows.as_deref().and_then(|p| catalog.item(p)) {
        if seen.contains(&parent.id.as_str()) {
            break;
        }
        seen.push(parent.id.as_str());
        item = parent;
    }
    Some(item.id.as_str())
}

/// `root` and every item below it, in catalog order.
fn family<'a>(catalog: &'a Catalog, root: &str) -> Vec<(&'a Checklist, &'a Item)> {
    let mut family: Vec<(&Checklist, &Item)> = catalog.item(root).into_iter().collect();
    let mut next = 0;
    while let Some((_, item)) = family.get(next) {
        for follow_up in catalog.follow_ups(&item.id) {
            // A circle (which the catalog check refuses) is walked once.
            if !family.iter().any(|(_, i)| i.id == follow_up.1.id) {
                family.push(follow_up);
            }
        }
        next += 1;
    }
    family.sort_by_key(|(_, item)| catalog.position(&item.id));
    family
}

/// A family member's fresh state: looked up one by one when the family is small (the common case:
/// cheaper than hashing every item of the catalog).
fn find<'a>(
    family: &[(&Checklist, &Item)],
    states: &'a Map<&str, ItemState>,
    id: &str,
) -> Option<&'a ItemState> {
    if family.len() <= 16 && !family.iter().any(|(_, item)| item.id == id) {
        return None;
    }
    states.get(id)
}

/// The order of the gaps ([`super::gaps`]): privacy law first, then severity, then catalog order.
fn order(
    catalog: &Catalog,
    gap: &Gap,
) -> (bool, crate::checklist::Severity, Option<(usize, usize)>) {
    (
        gap.scope != Scope::Avg,
        gap.severity,
        catalog.position(&gap.id),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Status;
    use crate::report::fixture::scale;

    /// Rescoring answer after answer gives what a whole new scan gives, on the bundled content
    /// (items shared with `see`, follow-ups two deep, an intake) and on a generated checklist.
    fn same_as_a_new_scan(catalog: &Catalog) {
        let mut assessment = scale::year_of_history(catalog, "Test BV");
        let mut now = scale::after_a_year();
        let mut scan = Scan::new(catalog, &assessment, now);
        let ids: Vec<String> = catalog.items().map(|(_, i)| i.id.to_string()).collect();
        let statuses = [
            Some(Status::No),
            Some(Status::Yes),
            Some(Status::NotApplicable),
            None,
            Some(Status::Unknown),
            Some(Status::Partly),
        ];
        for (n, id) in ids.iter().enumerate() {
            for (k, status) in statuses
                .iter()
                .enumerate()
                .filter(|(k, _)| (n + k) % 2 == 0)
            {
                now = now.checked_add(jiff::SignedDuration::from_secs(7)).unwrap();
                let fingerprint = catalog.item(id).unwrap().1.fingerprint();
                assessment.set_status(id, *status, Some(&fingerprint), now);
                if k == 3 {
                    assessment.set_note(id, "Een nieuwe opmerking.", now);
                }
                scan.rescore_answer(catalog, &assessment, id, now);
                let mut full = Scan::new(catalog, &assessment, now);
                full.fresh_until = scan.fresh_until;
                assert_eq!(scan, full, "after answering {id} with {status:?}");
            }
        }
    }

    #[test]
    fn rescoring_one_answer_equals_a_new_scan_on_the_bundled_content() {
        same_as_a_new_scan(&Catalog::bundled());
    }

    #[test]
    fn rescoring_one_answer_equals_a_new_scan_with_follow_ups() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("schaal.toml"), scale::checklist_toml(45)).unwrap();
        same_as_a_new_scan(&Catalog::load(Some(dir.path())).unwrap());
    }

    #[test]
    fn a_passed_midnight_or_review_date_scores_everything_again() {
        let catalog = Catalog::bundled();
        let assessment = scale::year_of_history(&catalog, "Test BV");
        let now = scale::after_a_year();
        let mut scan = Scan::new(&catalog, &assessment, now);
        assert!(scan.fresh_until > now);
        let later = scan.fresh_until;
        let id = catalog.items().next().unwrap().1.id.clone();
        assert!(scan.rescore_answer(&catalog, &assessment, &id, later));
        assert_eq!(scan, Scan::new(&catalog, &assessment, later));
    }
}
