//! The plan: open points grouped into tasks a person can do, ranked by what a privacy lawyer would
//! have fixed first for this business.
//!
//! The order, factor by factor (each one only decides when the ones before it are equal):
//!
//! 0. a breach whose 72-hour clock runs or ran out without a decision (a legal deadline) comes
//!    before everything;
//! 1. a task the consultant pinned comes first, in the pinned order;
//! 2. severity: the most serious open question of the task (hoog, middel, laag);
//! 3. privacy law before consumer law and good practice (a task with an open privacy question);
//! 4. the answer: nee before weet ik niet before deels before not answered yet;
//! 5. enforcement: what the Autoriteit Persoonsgegevens or the ACM actively enforces (`enforced` in
//!    `tasks.toml`: cookies and tracking, marketing without consent, breaches, processors);
//! 6. sensitivity: a task that weighs more for this business by its intake (`priority_if` in
//!    `tasks.toml`: special data, children, many people);
//! 7. effort: quick wins of equal risk first (minuten, uren, dagen);
//! 8. the order of the tasks' first questions in the checklists.
//!
//! Finished tasks (every question answered ja or niet van toepassing, or marked done) come after the
//! open ones, with their date, and never vanish.
//!
//! A task that keeps a document (`document` in `tasks.toml`: the register, the processors, the
//! breach register) also carries what that document lacks ("Register: bij „Nieuwsbrief” ontbreekt
//! nog: bewaartermijn"); such a gap keeps the task open, and counts in its severity.

use jiff::civil::Date;

use super::scan::{Gap, Scan};
use crate::assessment::{Assessment, PlanEntry, Status};
use crate::checklist::tasks::Effort;
use crate::checklist::{Catalog, Scope, Severity, Text};
use crate::hashing::{Map, map_with_capacity};

/// Why a task stands where it does: the factors of the order that apply to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// A breach's 72-hour clock runs or ran out without a decision.
    pub urgent: bool,
    /// Pinned by the consultant in this place.
    pub pinned: Option<u32>,
    /// Its most serious open question.
    pub severity: Severity,
    /// An open question of it is privacy law (not only consumer law or good practice).
    pub privacy: bool,
    /// The weakest answer among its open questions (`None`: not answered yet).
    pub answer: Option<Status>,
    /// A duty the AP or the ACM actively enforces.
    pub enforced: bool,
    /// It weighs more for this business (its intake).
    pub sensitive: bool,
    /// How much work it is, when the task says.
    pub effort: Option<Effort>,
}

/// Whether a task is still to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskStatus {
    /// Questions of it are open.
    Open,
    /// Done on this day: every question answered ja or niet van toepassing (the day of the last
    /// answer), or marked done.
    Done(Option<Date>),
}

/// One task of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedTask {
    /// The task id (an item's own id for an item without a task).
    pub id: String,
    /// What to do, as an instruction (the task's title, or its one question's action).
    pub title: Text,
    /// The steps, when the task has them.
    pub steps: Vec<String>,
    /// Authoritative pages.
    pub links: Vec<String>,
    /// Open questions, in the order of the gaps (most serious first): their places in the gaps of
    /// the scan the task was planned from (see [`PlannedTask::open_gaps`]), which are not copied
    /// (at 10,000 items the copies were a tenth of a report's memory). Two tasks compare equal
    /// when their places do.
    open: Vec<usize>,
    /// What the task's document lacks, one line each (before the steps).
    pub documents: Vec<String>,
    /// Questions of the task that are in order (answered ja or niet van toepassing).
    pub in_order: usize,
    /// What was agreed for the task (owner, due date, action, pin, done).
    pub plan: Option<PlanEntry>,
    /// Open or done.
    pub status: TaskStatus,
    /// Why it stands where it does.
    pub reason: Reason,
}

impl PlannedTask {
    /// Whether it is still to do.
    pub fn is_open(&self) -> bool {
        self.status == TaskStatus::Open
    }

    /// The day it was finished, when it is and the day is known.
    pub fn done_day(&self) -> Option<Date> {
        match self.status {
            TaskStatus::Done(day) => day,
            TaskStatus::Open => None,
        }
    }

    /// What to do now: the document lines, then the steps.
    pub fn to_do(&self) -> impl Iterator<Item = &String> {
        self.documents.iter().chain(&self.steps)
    }

    /// How many of its questions are open.
    pub fn open_count(&self) -> usize {
        self.open.len()
    }

    /// Its open questions, in the order of the gaps, from `scan`: the scan it was planned from.
    pub fn open_gaps<'s>(&self, scan: &'s Scan) -> impl Iterator<Item = &'s Gap> {
        self.open.iter().map(move |&i| {
            let gap = &scan.gaps[i];
            debug_assert_eq!(gap.task, self.id, "a task read with another scan");
            gap
        })
    }

    /// The ids of its open questions.
    pub fn item_ids<'s>(&self, scan: &'s Scan) -> impl Iterator<Item = &'s str> {
        self.open_gaps(scan).map(|g| g.id.as_str())
    }
}

/// The asked items of one task, as the plan meets them.
struct Group<'s> {
    /// The task id.
    id: &'s str,
    /// Its gaps' places in the scan's gaps.
    open: Vec<usize>,
    /// How many of its questions are in order.
    in_order: usize,
    /// When one of those was last answered.
    last_answer: Option<jiff::Timestamp>,
}

impl<'s> Group<'s> {
    fn new(id: &'s str) -> Self {
        Group {
            id,
            open: Vec::new(),
            in_order: 0,
            last_answer: None,
        }
    }
}

/// How strongly an answer calls for action: nee first.
fn answer_rank(status: Option<Status>) -> u8 {
    match status {
        Some(Status::No) => 0,
        Some(Status::Unknown) => 1,
        Some(Status::Partly) => 2,
        _ => 3,
    }
}

/// The plan for an assessment: every task with asked questions, open ones ranked, then the done
/// ones. Only questions that are asked count (the intake, the depth and a parent's answer decide);
/// a task with none is left out.
pub fn plan(catalog: &Catalog, assessment: &Assessment, scan: &Scan) -> Vec<PlannedTask> {
    let facts = catalog.intake().effective(&assessment.intake);
    // Each asked item once, where it lives, grouped by task in the order first met: a task's
    // group found by one lookup of its id (a map per count was four lookups for every item).
    // Sized once for the most there can be (grown, it was rehashed a dozen times at 10,000).
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: Map<&str, usize> = map_with_capacity(catalog.item_count());
    for item in scan
        .checklists
        .iter()
        .flat_map(|c| &c.items)
        .filter(|i| i.shared_from.is_none() && i.asked())
    {
        let next = groups.len();
        let at = *group_of.entry(item.task.as_str()).or_insert(next);
        if at == next {
            groups.push(Group::new(item.task.as_str()));
        }
        let group = &mut groups[at];
        if !item.is_gap() {
            group.in_order += 1;
            if let Some(at) = item.answered_at {
                group.last_answer = Some(group.last_answer.map_or(at, |latest| latest.max(at)));
            }
        }
    }
    let tz = jiff::tz::TimeZone::UTC;
    // A task keeping a document is planned when its document lacks something, even when the
    // intake asks none of its questions (a processor added by hand).
    let suggested = crate::documents::suggest::Suggestions::bundled()
        .activities_for(&facts, &assessment.documents)
        .count();
    let doc_gaps = |id: &str| -> Vec<crate::documents::DocGap> {
        catalog
            .tasks()
            .get(id)
            .and_then(|t| t.document)
            .map(|kind| assessment.documents.gaps(kind, scan.now, suggested))
            .unwrap_or_default()
    };
    for task in &catalog.tasks().tasks {
        if task.document.is_some()
            && !group_of.contains_key(task.id.as_str())
            && doc_gaps(&task.id)
                .iter()
                .any(crate::documents::DocGap::opens_task)
        {
            group_of.insert(task.id.as_str(), groups.len());
            groups.push(Group::new(task.id.as_str()));
        }
    }
    // A gap joins its task's group: an asked item's, or a document's task planned above.
    for (i, gap) in scan.gaps.iter().enumerate() {
        if let Some(&group) = group_of.get(gap.task.as_str()) {
            groups[group].open.push(i);
        }
    }
    let local = crate::clock::local_tz();
    let mut tasks: Vec<PlannedTask> = groups
        .into_iter()
        .map(|group| {
            let Group {
                id,
                open,
                in_order,
                last_answer,
            } = group;
            let gaps = || open.iter().map(|&i| &scan.gaps[i]);
            let documents = doc_gaps(id);
            let urgent = documents.iter().any(crate::documents::DocGap::urgent);
            let task = catalog.tasks().get(id);
            let plan = assessment.plan.get(id).cloned();
            let status = match plan.as_ref().and_then(|p| p.done) {
                Some(day) if !urgent => TaskStatus::Done(Some(day)),
                _ if !open.is_empty()
                    || documents.iter().any(crate::documents::DocGap::opens_task) =>
                {
                    TaskStatus::Open
                }
                Some(day) => TaskStatus::Done(Some(day)),
                None => {
                    TaskStatus::Done(last_answer.map(|at| at.to_zoned_datetime(tz.clone()).date()))
                }
            };
            let reason = Reason {
                urgent,
                pinned: plan.as_ref().and_then(|p| p.pinned),
                severity: gaps()
                    .map(|g| g.severity)
                    .chain(
                        documents
                            .iter()
                            .filter(|g| g.opens_task())
                            .map(crate::documents::DocGap::severity),
                    )
                    .min()
                    .unwrap_or(Severity::Low),
                privacy: open.is_empty() || gaps().any(|g| g.scope == Scope::Avg),
                answer: gaps()
                    .map(|g| g.status)
                    .min_by_key(|s| answer_rank(*s))
                    .flatten(),
                enforced: task.is_some_and(|t| t.enforced),
                sensitive: task.is_some_and(|t| {
                    t.priority_if
                        .iter()
                        .any(|c| facts.get(&c.flag).is_some_and(|f| c.holds(Some(f))))
                }),
                effort: task.map(|t| t.effort),
            };
            // An item without a task of its own: its question is the task.
            let title = match task {
                Some(t) => Text::from(&t.title),
                None => gaps()
                    .next()
                    .map(|g| g.action.clone())
                    .or_else(|| catalog.item(id).map(|(_, i)| i.action.clone()))
                    .unwrap_or_else(|| Text::from(id)),
            };
            PlannedTask {
                id: id.to_owned(),
                title,
                steps: task.map(|t| t.steps.clone()).unwrap_or_default(),
                links: task.map(|t| t.links.clone()).unwrap_or_default(),
                open,
                documents: documents
                    .iter()
                    .map(|g| crate::text::doc_gap_line(g, &local))
                    .collect(),
                in_order,
                plan,
                status,
                reason,
            }
        })
        .collect();
    // Keys made once and the tasks moved once: a task is large, and there may be thousands. The
    // sort keeps the order of equal keys (it sorts the keys with each one's place), so tasks that
    // rank the same stay in the order their groups were met.
    tasks.sort_by_cached_key(rank);
    tasks
}

/// Where a task goes in the plan, lowest first: open before done; then urgent, pinned (in its
/// place), most serious, privacy law, weakest answer, enforced, sensitive, least effort. Packed in
/// one number, most significant first, so a sort compares one word (ten fields compared one after
/// another were two thirds of planning 10,000 tasks).
fn rank(task: &PlannedTask) -> u64 {
    let r = &task.reason;
    let flag = |set: bool| u64::from(set);
    let fields = [
        (1, flag(!task.is_open())),
        (1, flag(!r.urgent)),
        (1, flag(r.pinned.is_none())),
        (32, u64::from(r.pinned.unwrap_or(0))),
        (2, r.severity as u64),
        (1, flag(!r.privacy)),
        (2, u64::from(answer_rank(r.answer))),
        (1, flag(!r.enforced)),
        (1, flag(!r.sensitive)),
        (2, r.effort.unwrap_or(Effort::Hours) as u64),
    ];
    fields
        .iter()
        .fold(0, |key, &(bits, value)| (key << bits) | value)
}

#[cfg(test)]
mod tests;
