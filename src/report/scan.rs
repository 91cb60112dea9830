//! Scores, gaps and orphans: a pure function of a catalog and an assessment.
//!
//! What counts, for every item:
//! - the intake may rule it out (`excluded`): it is not asked and counts nowhere;
//! - the chosen depth may leave it out (`deeper`): not asked, counts nowhere, its answer is kept;
//! - its parent (`follows`) may rule it out (`parent`): answered nee or weet ik niet, the
//!   follow-ups are not asked but count as not done (0), so a nee never scores better than
//!   answering each follow-up; answered niet van toepassing, they count nowhere;
//! - only privacy law (`scope = "avg"`) is in the score; consumer law and good practice are
//!   scored apart.
//!
//! An item a checklist lists from another (`see`) is shown in both and counted once in the totals.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::assessment::{Answer, Assessment, PlanEntry, ScanDepth, Status};
use crate::checklist::intake::Cause;
use crate::checklist::{
    Catalog, Checklist, Condition, Depth, Entry, Facts, Item, Scope, Severity, Text,
};
use crate::hashing::{Map, Set};

/// Why the intake rules an item or checklist out.
#[derive(Debug, Clone, PartialEq)]
pub struct Exclusion {
    /// The condition that does not hold.
    pub condition: Condition,
    /// The answered question (or decision) behind it.
    pub cause: Cause,
}

/// A parent's answer that rules a follow-up out.
#[derive(Debug, Clone, PartialEq)]
pub struct RuledOut {
    /// The parent's global id (the nearest one answered so).
    pub parent: Text,
    /// Its answer: nee, weet ik niet or niet van toepassing.
    pub status: Status,
}

/// One item's state in a scan.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemState {
    /// Global item id.
    pub id: Text,
    /// The answer, `None` when unanswered.
    pub status: Option<Status>,
    /// How serious a gap is.
    pub severity: Severity,
    /// In the quick scan or only in the full one.
    pub depth: Depth,
    /// Privacy law, consumer law or good practice.
    pub scope: Scope,
    /// Section within the checklist, if any.
    pub section: Option<Text>,
    /// The question.
    pub question: Text,
    /// What to do when the answer is not yes.
    pub action: Text,
    /// Legal reference.
    pub reference: Text,
    /// The user's note ("" when none).
    pub note: Text,
    /// When the answer or note was last changed.
    pub answered_at: Option<Timestamp>,
    /// The intake answer that rules this item out; `None` when it applies. (Boxed: it is the
    /// largest part of a state and most items have none, so a state is 288 bytes, not 448.)
    pub excluded: Option<Box<Exclusion>>,
    /// Outside the depth chosen for its checklist: not asked.
    pub deeper: bool,
    /// The item it follows up, if any.
    pub follows: Option<Text>,
    /// The parent's answer that rules it out, if one does.
    pub ruled_out: Option<RuledOut>,
    /// The task it belongs to (its own id when it has none).
    pub task: Text,
    /// The checklist it lives in, when this checklist only lists it (`see`).
    pub shared_from: Option<Text>,
    /// The answer is older than the review period.
    pub review_due: bool,
    /// The question changed after it was answered ("vraag gewijzigd").
    pub question_changed: bool,
    /// The item was added after the last session ("nieuw").
    pub new: bool,
}

impl ItemState {
    /// Whether the item counts at all for this business (the intake does not rule it out).
    pub fn applies(&self) -> bool {
        self.excluded.is_none()
    }

    /// Whether the item is asked: it applies, is within the depth, and no parent rules it out.
    pub fn asked(&self) -> bool {
        self.applies() && !self.deeper && self.ruled_out.is_none()
    }

    /// Whether the item is in the scores: it applies and is within the depth, and no parent
    /// answered "niet van toepassing".
    pub fn counts(&self) -> bool {
        self.applies()
            && !self.deeper
            && self
                .ruled_out
                .as_ref()
                .is_none_or(|r| r.status != Status::NotApplicable)
    }

    /// The answer as the score sees it: a follow-up its parent rules out is not done.
    pub fn scored_status(&self) -> Option<Status> {
        if self.ruled_out.is_some() {
            None
        } else {
            self.status
        }
    }

    /// Whether the answer asks for a second look: due for review or its question changed.
    pub fn needs_recheck(&self) -> bool {
        self.asked() && (self.review_due || self.question_changed)
    }

    /// Whether reports list it "ter controle": a second look is due (see [`needs_recheck`]) or it is
    /// new since the last session. The one rule for the TUI and every report.
    ///
    /// [`needs_recheck`]: ItemState::needs_recheck
    pub fn to_check(&self) -> bool {
        self.needs_recheck() || (self.new && self.asked())
    }

    /// Whether it is in order: it applies and is answered yes. Listed once, where it lives (not
    /// in a checklist that only lists it with `see`).
    pub fn is_done_here(&self) -> bool {
        self.shared_from.is_none() && self.applies() && self.status == Some(Status::Yes)
    }

    /// Whether it is open: asked and not answered yes or not applicable.
    pub fn is_gap(&self) -> bool {
        self.asked() && !matches!(self.status, Some(Status::Yes | Status::NotApplicable))
    }
}

/// Progress and score of one checklist (of the privacy-law items; other scopes in `others`).
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistScan {
    /// Checklist id.
    pub id: Text,
    /// Checklist title.
    pub title: Text,
    /// Number of items asked (the intake, the depth and parent answers leave them in).
    pub total: usize,
    /// Items asked and not answered "not applicable".
    pub applicable: usize,
    /// Items asked that have an answer (any status).
    pub answered: usize,
    /// Score from 0 to 100 (privacy law only).
    pub score: f64,
    /// Open gaps of high severity.
    pub open_high: usize,
    /// Items the intake rules out.
    pub skipped: usize,
    /// Items outside the chosen depth.
    pub deeper: usize,
    /// Follow-ups their parent rules out.
    pub followed: usize,
    /// The depth chosen for this checklist.
    pub depth: ScanDepth,
    /// The intake answer that rules the whole checklist out, if any.
    pub excluded: Option<Box<Exclusion>>,
    /// Every item shown, in order, including those ruled out and those listed from elsewhere.
    pub items: Vec<ItemState>,
}

/// An item not answered yes or not applicable.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    /// Global item id.
    pub id: Text,
    /// Checklist id.
    pub checklist: Text,
    /// Checklist title.
    pub checklist_title: Text,
    /// Section within the checklist, if any.
    pub section: Option<Text>,
    /// How serious the gap is.
    pub severity: Severity,
    /// Privacy law, consumer law or good practice.
    pub scope: Scope,
    /// The answer, `None` when unanswered.
    pub status: Option<Status>,
    /// The question.
    pub question: Text,
    /// What to do.
    pub action: Text,
    /// The follow-ups this answer ruled out, as the steps of the action: what the thing must hold.
    pub steps: Vec<Text>,
    /// Legal reference.
    pub reference: Text,
    /// The user's note ("" when none).
    pub note: Text,
    /// The task it belongs to.
    pub task: Text,
    /// The agreed action, if one was recorded.
    pub plan: Option<PlanEntry>,
    /// The plan's due date has passed.
    pub overdue: bool,
}

/// An answer whose item exists in no checklist (kept, never dropped).
#[derive(Debug, Clone, PartialEq)]
pub struct Orphan {
    /// The item id as stored.
    pub id: String,
    /// The stored answer.
    pub status: Option<Status>,
    /// The stored note.
    pub note: Text,
    /// Why the item was removed, when that was on purpose.
    pub retired: Option<String>,
}

/// Totals over all checklists; every item counted once.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals {
    /// Number of items asked.
    pub total: usize,
    /// Items the intake rules out.
    pub skipped: usize,
    /// Items outside the chosen depth (what the other depth adds).
    pub deeper: usize,
    /// Follow-ups their parent rules out.
    pub followed: usize,
    /// Items asked and not answered "not applicable".
    pub applicable: usize,
    /// Items asked that have an answer.
    pub answered: usize,
    /// Score from 0 to 100 (privacy law only).
    pub score: f64,
    /// Number of gaps (privacy law).
    pub gaps: usize,
    /// Of the gaps, those with severity high (each item once, where it lives).
    pub open_high: usize,
}

/// Progress on the items outside privacy law, per scope.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScopeTotals {
    /// The scope.
    pub scope: Scope,
    /// Items asked.
    pub total: usize,
    /// Items answered.
    pub answered: usize,
    /// Score from 0 to 100.
    pub score: f64,
    /// Gaps.
    pub gaps: usize,
}

/// The state of an assessment against a catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Scan {
    /// Per checklist, in catalog order.
    pub checklists: Vec<ChecklistScan>,
    /// Totals (privacy law).
    pub totals: Totals,
    /// Consumer law and good practice, when any item of them counts.
    pub others: Vec<ScopeTotals>,
    /// The depth of the scan as a whole.
    pub depth: ScanDepth,
    /// Gaps: high severity first, then checklist order, then item order; privacy law first.
    pub gaps: Vec<Gap>,
    /// Answers to items that no longer exist.
    pub orphans: Vec<Orphan>,
    /// The day the scan was made (UTC), for overdue actions.
    pub today: Date,
    /// The moment the scan was made, for the 72-hour clock of a breach.
    pub now: Timestamp,
    /// Until when nothing that depends on the clock changes (the next UTC midnight, for overdue
    /// actions, or an answer's review date, whichever comes first): until then a single answer
    /// can be rescored alone ([`Scan::rescore_answer`]).
    fresh_until: Timestamp,
}

/// Accumulates weights for a score.
#[derive(Debug, Default, Clone, Copy)]
struct Weights {
    earned: f64,
    possible: f64,
}

impl Weights {
    fn add(&mut self, severity: Severity, status: Option<Status>) {
        if status == Some(Status::NotApplicable) {
            return;
        }
        let weight = f64::from(severity.weight());
        self.possible += weight;
        self.earned += weight * status.map_or(0.0, Status::credit);
    }

    /// Percentage; 100 when nothing applies (nothing left to do).
    fn score(self) -> f64 {
        if self.possible == 0.0 {
            100.0
        } else {
            100.0 * self.earned / self.possible
        }
    }
}

/// Counts for one group of items (a checklist, or everything once).
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    weights: Weights,
    total: usize,
    applicable: usize,
    answered: usize,
    open_high: usize,
    skipped: usize,
    deeper: usize,
    followed: usize,
    gaps: usize,
}

impl Tally {
    /// Every item of privacy law once, where it lives (its own entry, in checklist order), as
    /// [`Scan::summarise`] counts the totals.
    fn of_own(catalog: &Catalog, states: &Placed) -> Tally {
        let mut all = Tally::default();
        for (ci, checklist) in catalog.checklists().iter().enumerate() {
            for entry in &checklist.entries {
                if let Entry::Own(i) = entry
                    && let Some(state) = states.at(catalog.start_of(ci) + i)
                    && state.scope == Scope::Avg
                {
                    all.add(state);
                }
            }
        }
        all
    }

    fn totals(&self) -> Totals {
        Totals {
            total: self.total,
            skipped: self.skipped,
            deeper: self.deeper,
            followed: self.followed,
            applicable: self.applicable,
            answered: self.answered,
            score: self.weights.score(),
            gaps: self.gaps,
            open_high: self.open_high,
        }
    }

    fn add(&mut self, state: &ItemState) {
        if !state.applies() {
            self.skipped += 1;
            return;
        }
        if state.deeper {
            self.deeper += 1;
            return;
        }
        if state.counts() {
            self.weights.add(state.severity, state.scored_status());
        }
        if state.ruled_out.is_some() {
            self.followed += 1;
            return;
        }
        self.total += 1;
        self.answered += usize::from(state.status.is_some());
        self.applicable += usize::from(state.status != Some(Status::NotApplicable));
        if state.is_gap() {
            self.gaps += 1;
            self.open_high += usize::from(state.severity == Severity::High);
        }
    }
}

impl Scan {
    /// Scores an assessment against a catalog at the moment `now` (which decides what is due).
    pub fn new(catalog: &Catalog, assessment: &Assessment, now: Timestamp) -> Self {
        let today = now.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
        let facts = catalog.intake().effective(&assessment.intake);
        let (mut states, fresh_until) =
            item_states(catalog, assessment, &facts, now, today, Detail::Full);
        // Each item once: an answered state is an answer that belongs to an item.
        let answered = states.all().filter(|s| s.answered_at.is_some()).count();
        let gaps = gaps(catalog, assessment, &states, today);
        // An item listed with `see` somewhere is copied to each place; any other item's state
        // moves to its one place.
        let listed_elsewhere: Set<&str> = catalog
            .checklists()
            .iter()
            .flat_map(|c| &c.entries)
            .filter_map(|entry| match entry {
                Entry::See(id, _) => Some(id.as_str()),
                Entry::Own(_) => None,
            })
            .collect();

        let mut checklists = Vec::with_capacity(catalog.checklists().len());
        for (ci, checklist) in catalog.checklists().iter().enumerate() {
            let excluded = excluded_checklist(catalog, checklist, assessment, &facts);
            let mut items = Vec::with_capacity(checklist.entries.len());
            for entry in &checklist.entries {
                let (place, id, shared_from) = match entry {
                    Entry::Own(i) => (
                        catalog.start_of(ci) + i,
                        checklist.items[*i].id.as_str(),
                        None,
                    ),
                    Entry::See(id, _) => match catalog.position(id) {
                        Some((owner, i)) => (
                            catalog.start_of(owner) + i,
                            id.as_str(),
                            Some(catalog.checklists()[owner].id.clone()),
                        ),
                        None => continue,
                    },
                };
                if shared_from.is_none() && !listed_elsewhere.contains(id) {
                    items.extend(states.take(place));
                    continue;
                }
                let Some(state) = states.at(place) else {
                    continue;
                };
                items.push(listed(state, shared_from, &excluded));
            }
            checklists.push(ChecklistScan {
                id: checklist.id.clone(),
                title: checklist.title.clone(),
                total: 0,
                applicable: 0,
                answered: 0,
                score: 0.0,
                open_high: 0,
                skipped: 0,
                deeper: 0,
                followed: 0,
                depth: assessment.depth_for(&checklist.id),
                excluded,
                items,
            });
        }
        let mut scan = Scan {
            totals: Totals::default(),
            others: Vec::new(),
            depth: assessment.depth(),
            checklists,
            gaps,
            orphans: orphans(catalog, assessment, answered),
            today,
            now,
            fresh_until,
        };
        scan.summarise();
        scan
    }

    /// The total score (privacy law) of the answers as they were at `moment`, scored at that
    /// moment, and every item's answer then, in catalog order ([`Catalog::items`]): what a
    /// comparison with an earlier moment reads of it. The same as `Scan::new` of
    /// [`Assessment::as_of`] (a test holds it to that), without copying the answers or making the
    /// checklists' lists, the gaps and the orphans.
    pub fn score_at(
        catalog: &Catalog,
        assessment: &Assessment,
        moment: Timestamp,
    ) -> (f64, Vec<Option<Status>>) {
        let today = moment.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
        let facts = catalog.intake().effective(&assessment.intake);
        let (states, _) = item_states(
            catalog,
            assessment,
            &facts,
            moment,
            today,
            Detail::CountsAt(moment),
        );
        (
            Tally::of_own(catalog, &states).weights.score(),
            states.all().map(|state| state.status).collect(),
        )
    }

    /// The totals of [`Scan::new`] (a test holds them to it), without the checklists' lists, the
    /// gaps and the orphans, nor the texts of any item: what the list of clients shows of each
    /// (at 1,000 clients read afresh, a whole scan of each was a quarter of the list's time).
    pub fn totals(catalog: &Catalog, assessment: &Assessment, now: Timestamp) -> Totals {
        let today = now.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
        let facts = catalog.intake().effective(&assessment.intake);
        let (states, _) = item_states(catalog, assessment, &facts, now, today, Detail::Counts);
        Tally::of_own(catalog, &states).totals()
    }

    /// The counts and scores of every checklist, the totals (every item once, where it lives) and
    /// the other scopes, from the item states.
    fn summarise(&mut self) {
        let mut all = Tally::default();
        let mut others: Vec<(Scope, Tally)> = Vec::new();
        for checklist in &mut self.checklists {
            let mut tally = Tally::default();
            for state in &checklist.items {
                if state.scope == Scope::Avg {
                    tally.add(state);
                    if state.shared_from.is_none() {
                        all.add(state);
                    }
                } else if state.shared_from.is_none() {
                    let slot = match others.iter_mut().find(|(s, _)| *s == state.scope) {
                        Some(slot) => slot,
                        None => {
                            others.push((state.scope, Tally::default()));
                            others.last_mut().expect("just pushed")
                        }
                    };
                    slot.1.add(state);
                }
            }
            checklist.total = tally.total;
            checklist.applicable = tally.applicable;
            checklist.answered = tally.answered;
            checklist.score = tally.weights.score();
            checklist.open_high = tally.open_high;
            checklist.skipped = tally.skipped;
            checklist.deeper = tally.deeper;
            checklist.followed = tally.followed;
        }
        others.sort_by_key(|(scope, _)| Scope::ALL.iter().position(|s| s == scope));
        self.totals = all.totals();
        self.others = others
            .into_iter()
            .filter(|(_, t)| t.total + t.followed > 0)
            .map(|(scope, t)| ScopeTotals {
                scope,
                total: t.total,
                answered: t.answered,
                score: t.weights.score(),
                gaps: t.gaps,
            })
            .collect();
    }

    /// Every item asked that asks for a second look, in checklist order, each once.
    pub fn rechecks(&self) -> impl Iterator<Item = &ItemState> {
        self.checklists
            .iter()
            .flat_map(|c| c.items.iter())
            .filter(|i| i.shared_from.is_none() && i.to_check())
    }

    /// Gaps that have an action-plan entry, soonest due first (no date last).
    pub fn planned(&self) -> Vec<&Gap> {
        let mut planned: Vec<&Gap> = self.gaps.iter().filter(|g| g.plan.is_some()).collect();
        planned.sort_by_key(|g| {
            let due = g.plan.as_ref().and_then(|p| p.due);
            (due.is_none(), due)
        });
        planned
    }

    /// An item's state by global id (where it lives).
    pub fn item(&self, id: &str) -> Option<&ItemState> {
        self.checklists
            .iter()
            .flat_map(|c| &c.items)
            .find(|i| i.id == id && i.shared_from.is_none())
    }
}

/// Every item's state once, where it lives, its parents looked at; and until when nothing that
/// depends on the clock changes.
fn item_states<'c>(
    catalog: &'c Catalog,
    assessment: &Assessment,
    facts: &Facts,
    now: Timestamp,
    today: Date,
    detail: Detail,
) -> (Placed<'c>, Timestamp) {
    let mut fresh_until = next_day(today, now);
    // Each answer found by its item's place: one hash of each answer's id, where a lookup of each
    // item's id in the sorted answers took some fifteen comparisons of long ids (an eighth of
    // scoring at 10,000 items).
    let mut answers: Vec<Option<&Answer>> = vec![None; catalog.item_count()];
    for (id, answer) in &assessment.answers {
        if let Some(place) = catalog.place(id) {
            answers[place] = Some(answer);
        }
    }
    let mut states = Vec::with_capacity(catalog.item_count());
    for ((checklist, item), answer) in catalog.items().zip(answers) {
        let (state, due) = state(
            catalog,
            checklist,
            (item, answer),
            assessment,
            facts,
            now,
            detail,
        );
        fresh_until = until_due(fresh_until, due, now);
        states.push(Some(state));
    }
    let mut states = Placed { catalog, states };
    resolve_parents(catalog, &mut states, catalog.items().map(|(_, i)| i));
    (states, fresh_until)
}

/// Every item's state once, where it lives, by its place in the catalog ([`Catalog::place`]):
/// found by that place, not by hashing its id (at 10,000 items a map of them was hashed some
/// 50,000 times in a report). A state moved to its checklist's list is taken out.
pub(super) struct Placed<'c> {
    catalog: &'c Catalog,
    states: Vec<Option<ItemState>>,
}

impl Placed<'_> {
    /// The state at `place`, unless it was taken.
    fn at(&self, place: usize) -> Option<&ItemState> {
        self.states.get(place)?.as_ref()
    }

    /// The state at `place`, taken out.
    fn take(&mut self, place: usize) -> Option<ItemState> {
        self.states.get_mut(place)?.take()
    }

    /// Every state not taken, in catalog order.
    fn all(&self) -> impl Iterator<Item = &ItemState> {
        self.states.iter().flatten()
    }
}

/// Item states looked up by global id: every item's ([`Placed`]), or one family's (a map, when
/// one answer is rescored).
pub(super) trait States {
    /// The state of the item `id`.
    fn state(&self, id: &str) -> Option<&ItemState>;
    /// [`States::state`], to change.
    fn state_mut(&mut self, id: &str) -> Option<&mut ItemState>;
}

impl States for Placed<'_> {
    fn state(&self, id: &str) -> Option<&ItemState> {
        self.at(self.catalog.place(id)?)
    }
    fn state_mut(&mut self, id: &str) -> Option<&mut ItemState> {
        let place = self.catalog.place(id)?;
        self.states.get_mut(place)?.as_mut()
    }
}

impl States for Map<&str, ItemState> {
    fn state(&self, id: &str) -> Option<&ItemState> {
        self.get(id)
    }
    fn state_mut(&mut self, id: &str) -> Option<&mut ItemState> {
        self.get_mut(id)
    }
}

/// What of an item's state to fill in: everything, of the answers as they are; or only what the
/// counts and scores read (its texts left empty), of the answers as they are, or as they were at
/// a moment ([`Answer::version_at`]), as [`Assessment::as_of`] holds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Detail {
    Full,
    Counts,
    CountsAt(Timestamp),
}

/// An item's state before parents are looked at, and when its answer is due for review: `item`
/// with its answer in `assessment` (found by the caller, by place or by id).
fn state(
    catalog: &Catalog,
    checklist: &Checklist,
    (item, answer): (&Item, Option<&Answer>),
    assessment: &Assessment,
    facts: &Facts,
    now: Timestamp,
    detail: Detail,
) -> (ItemState, Option<Timestamp>) {
    let full = detail == Detail::Full;
    let answer = match detail {
        Detail::Full | Detail::Counts => answer.map(Answer::version),
        Detail::CountsAt(moment) => answer.and_then(|a| a.version_at(moment)),
    };
    let status = answer.and_then(|a| a.status);
    let due = answer.and_then(|a| assessment.review_due_of(a));
    let excluded = catalog
        .excluded_by(checklist, item, facts)
        .map(|condition| {
            Box::new(Exclusion {
                cause: catalog.intake().explain(condition, &assessment.intake),
                condition: condition.clone(),
            })
        });
    let text = |text: &Text| if full { text.clone() } else { Text::default() };
    let state = ItemState {
        id: item.id.clone(),
        status,
        severity: item.severity,
        depth: item.depth,
        scope: item.scope,
        section: item.section.as_ref().filter(|_| full).cloned(),
        question: text(&item.question),
        action: text(&item.action),
        reference: text(&item.reference),
        note: answer
            .filter(|_| full)
            .map(|a| a.note.clone())
            .unwrap_or_default(),
        answered_at: answer.map(|a| a.answered_at),
        excluded,
        deeper: !assessment.depth_for(&checklist.id).includes(item.depth),
        follows: item.follows.clone(),
        ruled_out: None,
        task: if full {
            item.task.clone().unwrap_or_else(|| item.id.clone())
        } else {
            Text::default()
        },
        shared_from: None,
        review_due: due.is_some_and(|due| due <= now),
        question_changed: answer.is_some_and(|a| {
            Assessment::question_changed_in(a, item.question_fingerprint().as_str())
        }),
        // As `Assessment::as_of` holds no known items, nothing is new at a past moment.
        new: full
            && status.is_none()
            && !assessment.known_items.is_empty()
            && !assessment.known_items.contains(item.id.as_str()),
    };
    (state, due)
}

/// Marks every follow-up whose parent (or a parent further up) is answered nee, weet ik niet or
/// niet van toepassing.
/// `states` holds `items` and every parent of them.
fn resolve_parents<'a>(
    catalog: &'a Catalog,
    states: &mut impl States,
    items: impl Iterator<Item = &'a Item>,
) {
    let mut memo: Map<&'a str, Option<RuledOut>> = Map::default();
    // Only a follow-up can be ruled out; most items are none (no lookup for them).
    for item in items.filter(|item| item.follows.is_some()) {
        let verdict = verdict(&item.id, catalog, states, &mut memo);
        if let Some(state) = states.state_mut(item.id.as_str()) {
            state.ruled_out = verdict;
        }
    }
}

/// An item's state as a checklist lists it: `shared_from` the checklist it lives in when listed
/// with `see`; such an item in a checklist the intake rules out is not counted there.
fn listed(
    state: &ItemState,
    shared_from: Option<Text>,
    excluded: &Option<Box<Exclusion>>,
) -> ItemState {
    let mut state = state.clone();
    if shared_from.is_some() && excluded.is_some() {
        state.excluded.clone_from(excluded);
    }
    state.shared_from = shared_from;
    state
}

/// The start of the UTC day after `today` (or `now` when there is none to tell).
fn next_day(today: Date, now: Timestamp) -> Timestamp {
    today
        .tomorrow()
        .and_then(|day| day.to_zoned_datetime(jiff::tz::TimeZone::UTC))
        .map_or(now, |day| day.timestamp())
}

/// `until`, or a review date after `now` that comes before it.
fn until_due(until: Timestamp, due: Option<Timestamp>, now: Timestamp) -> Timestamp {
    match due {
        Some(due) if due > now && due < until => due,
        _ => until,
    }
}

/// What rules `id` out through its parents: the nearest parent answered nee, weet ik niet or niet
/// van toepassing. (A circle, which the catalog check refuses, rules nothing out.)
fn verdict<'a>(
    id: &'a str,
    catalog: &'a Catalog,
    states: &impl States,
    memo: &mut Map<&'a str, Option<RuledOut>>,
) -> Option<RuledOut> {
    // Most items follow up nothing: nothing to remember for them (at 10,000 items, remembering
    // every one was a twentieth of a report).
    let parent = states.state(id).and_then(|s| s.follows.as_deref())?;
    if let Some(known) = memo.get(id) {
        return known.clone();
    }
    memo.insert(id, None);
    let parent = catalog.item(parent).map(|(_, item)| &item.id);
    let found = parent.and_then(|parent| {
        let state = states.state(parent.as_str())?;
        match state.status {
            Some(status @ (Status::No | Status::Unknown | Status::NotApplicable))
                if state.applies() =>
            {
                Some(RuledOut {
                    parent: parent.clone(),
                    status,
                })
            }
            _ => verdict(parent.as_str(), catalog, states, memo),
        }
    });
    memo.insert(id, found.clone());
    found
}

/// The exclusion of a whole checklist, if the intake rules it out.
fn excluded_checklist(
    catalog: &Catalog,
    checklist: &Checklist,
    assessment: &Assessment,
    facts: &Facts,
) -> Option<Box<Exclusion>> {
    crate::checklist::condition::first_failing(&checklist.applies_if, facts).map(|condition| {
        Box::new(Exclusion {
            cause: catalog.intake().explain(condition, &assessment.intake),
            condition: condition.clone(),
        })
    })
}

/// Every gap once, with the follow-ups its answer rules out as steps: privacy law first, then
/// severity, then checklist and item order.
fn gaps(catalog: &Catalog, assessment: &Assessment, states: &Placed, today: Date) -> Vec<Gap> {
    let mut steps = steps(catalog, catalog.items().map(|(_, i)| i), states);
    // Every state is still there: in catalog order, as the items.
    let mut gaps: Vec<Gap> = catalog
        .items()
        .zip(states.all())
        .filter_map(|((checklist, item), state)| {
            gap(checklist, item, state, &mut steps, assessment, today)
        })
        .collect();
    // Collected by doubling: the room left over goes back to the heap (at 10,000 items 0.7 MB).
    gaps.shrink_to_fit();
    // Stable sort keeps checklist and item order within a scope and severity.
    gaps.sort_by_key(|g| (g.scope != Scope::Avg, g.severity));
    gaps
}

/// A parent answered nee or weet ik niet: its follow-ups' actions (of `items`, in their order) are
/// the steps of its own, the full scan's ones too (what a register must hold is worth knowing at
/// any depth).
fn steps<'a>(
    catalog: &'a Catalog,
    items: impl Iterator<Item = &'a Item>,
    states: &impl States,
) -> Map<&'a str, Vec<Text>> {
    let mut steps: Map<&str, Vec<Text>> = Map::default();
    // Only a follow-up is ruled out by a parent (no lookup for the others).
    for item in items.filter(|item| item.follows.is_some()) {
        if let Some(state) = states.state(item.id.as_str())
            && let Some(ruled) = state.ruled_out.as_ref()
            && ruled.status != Status::NotApplicable
            && state.applies()
        {
            let parent = catalog.item(&ruled.parent).map(|(_, p)| p.id.as_str());
            if let Some(parent) = parent {
                steps.entry(parent).or_default().push(item.action.clone());
            }
        }
    }
    steps
}

/// The gap an item is, if it is one, with its steps (taken from `steps`).
fn gap(
    checklist: &Checklist,
    item: &Item,
    state: &ItemState,
    steps: &mut Map<&str, Vec<Text>>,
    assessment: &Assessment,
    today: Date,
) -> Option<Gap> {
    if !state.is_gap() {
        return None;
    }
    let plan = assessment.plan.get(item.id.as_str()).cloned();
    Some(Gap {
        id: item.id.clone(),
        checklist: checklist.id.clone(),
        checklist_title: checklist.title.clone(),
        section: item.section.clone(),
        severity: item.severity,
        scope: item.scope,
        status: state.status,
        question: item.question.clone(),
        action: item.action.clone(),
        steps: steps.remove(item.id.as_str()).unwrap_or_default(),
        reference: item.reference.clone(),
        note: state.note.clone(),
        task: state.task.clone(),
        overdue: plan.as_ref().is_some_and(|p| p.overdue(today)),
        plan,
    })
}

/// Answers to items that exist in no checklist, with the reason when they were removed on purpose.
/// `answered` is how many of the catalog's items have an answer: when that is every answer, none
/// is left to look up.
fn orphans(catalog: &Catalog, assessment: &Assessment, answered: usize) -> Vec<Orphan> {
    if answered == assessment.answers.len() {
        return Vec::new();
    }
    assessment
        .answers
        .iter()
        .filter(|(id, _)| catalog.item(id).is_none())
        .map(|(id, answer)| Orphan {
            id: id.clone(),
            status: answer.status,
            note: answer.note.clone(),
            retired: catalog.retired(id).map(str::to_owned),
        })
        .collect()
}

mod rescore;
#[cfg(test)]
mod tests;
