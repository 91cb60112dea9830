//! Progress between two moments: what changed since a baseline, and the score at the end of each session.
//!
//! Pure: a catalog, an assessment and timestamps in, plain data out. The state at a moment is
//! [`Assessment::as_of`] scanned with the intake of now (scored in place by [`Scan::score_at`]), so
//! only items that apply now are compared.
//!
//! How a change counts: unanswered to any answer is "nieuw beantwoord". Between two answers the standing
//! decides: ja and "niet van toepassing" both count as settled (1), deels as 0.5, nee and "weet ik niet"
//! as 0. So nee → niet van toepassing is an improvement (the gap is closed), niet van toepassing → deels
//! a worsening, and ja ↔ niet van toepassing is no change. A cleared answer counts as 0.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::scan::Scan;
use crate::assessment::{Assessment, Status};
use crate::checklist::{Catalog, Text};

/// Where the comparison's baseline came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    /// The end of the session before the latest one.
    PreviousSession,
    /// A moment chosen with `--since`.
    Chosen,
}

/// One item whose answer moved between the baseline and now.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Global item id.
    pub id: Text,
    /// Checklist title.
    pub checklist_title: Text,
    /// The question.
    pub question: Text,
    /// The answer at the baseline.
    pub before: Option<Status>,
    /// The answer now.
    pub after: Option<Status>,
}

/// The comparison of a baseline moment with now.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// The baseline moment.
    pub moment: Timestamp,
    /// Where the baseline came from.
    pub baseline: Baseline,
    /// Items unanswered then and answered now.
    pub newly_answered: Vec<Change>,
    /// Items whose answer is better now.
    pub improved: Vec<Change>,
    /// Items whose answer is worse now.
    pub worsened: Vec<Change>,
    /// Total score at the baseline.
    pub score_then: f64,
    /// Total score now.
    pub score_now: f64,
}

/// The three kinds of change, in the order reports list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movement {
    /// Unanswered then, answered now.
    NewlyAnswered,
    /// Better now.
    Improved,
    /// Worse now.
    Worsened,
}

impl Progress {
    /// The changes per kind, in report order (empty kinds included).
    pub fn groups(&self) -> [(Movement, &[Change]); 3] {
        [
            (Movement::NewlyAnswered, &self.newly_answered),
            (Movement::Improved, &self.improved),
            (Movement::Worsened, &self.worsened),
        ]
    }

    /// Whether no answer moved.
    pub fn is_empty(&self) -> bool {
        self.newly_answered.is_empty() && self.improved.is_empty() && self.worsened.is_empty()
    }
}

/// One row of the sessions table.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    /// When the session started.
    pub start: Timestamp,
    /// When its last change was saved.
    pub end: Timestamp,
    /// Who did the assessment.
    pub assessor: String,
    /// Number of changes (answers, intake, plan, details).
    pub changes: usize,
    /// Total score at the end of the session.
    pub score: f64,
    /// The title the consultant gave it (may be empty).
    pub title: String,
}

/// How settled an answer is, for comparing two answers (see the module comment).
fn standing(status: Option<Status>) -> f64 {
    match status {
        Some(Status::NotApplicable) => 1.0,
        other => other.map_or(0.0, Status::credit),
    }
}

/// The default baseline: the end of the session before the latest one; `None` with fewer than two.
pub fn default_baseline(assessment: &Assessment) -> Option<Timestamp> {
    let latest = assessment.sessions.last()?;
    assessment
        .previous_session(Some(latest.start))
        .map(|s| s.end)
}

/// Compares the answers at `moment` with those in `now` (the scan of the assessment as it is).
pub fn compare(
    catalog: &Catalog,
    assessment: &Assessment,
    now: &Scan,
    moment: Timestamp,
    baseline: Baseline,
) -> Progress {
    let (score_then, answers_then) = Scan::score_at(catalog, assessment, moment);
    let mut progress = Progress {
        moment,
        baseline,
        newly_answered: Vec::new(),
        improved: Vec::new(),
        worsened: Vec::new(),
        score_then,
        score_now: now.totals.score,
    };
    // The items where they live come in catalog order, as the answers then: each is read at its
    // place, not looked up by id (unless a checklist's copy made by hand lists one of its items
    // nowhere, so that the scan has no row for it).
    let mut places = catalog.items().zip(answers_then);
    for checklist in &now.checklists {
        // Each item once, where it lives (a checklist that lists it from another does not count it
        // again).
        for item in checklist.items.iter().filter(|i| i.shared_from.is_none()) {
            let at_place = places
                .next()
                .filter(|((_, placed), _)| placed.id == item.id)
                .map(|(_, status)| status);
            if !item.applies() {
                continue;
            }
            let before = at_place.unwrap_or_else(|| assessment.status_at(&item.id, moment));
            let change = || Change {
                id: item.id.clone(),
                checklist_title: checklist.title.clone(),
                question: item.question.clone(),
                before,
                after: item.status,
            };
            let (was, is) = (standing(before), standing(item.status));
            if before.is_none() && item.status.is_some() {
                progress.newly_answered.push(change());
            } else if is > was {
                progress.improved.push(change());
            } else if is < was {
                progress.worsened.push(change());
            }
        }
    }
    progress
}

/// Every recorded session, oldest first, with the score at its end.
pub fn sessions(catalog: &Catalog, assessment: &Assessment) -> Vec<SessionRow> {
    assessment
        .sessions
        .iter()
        .map(|s| SessionRow {
            start: s.start,
            end: s.end,
            assessor: s.assessor.clone(),
            changes: s.changed.len(),
            title: s.title.clone(),
            // The score stored when it ended; computed only for files of older versions.
            score: s
                .score
                .unwrap_or_else(|| Scan::score_at(catalog, assessment, s.end).0),
        })
        .collect()
}

/// Parses a `--since` value: `YYYY-MM-DD` (the start of that day in `tz`) or an RFC 3339 timestamp.
pub fn parse_moment(text: &str, tz: &TimeZone) -> Option<Timestamp> {
    let text = text.trim();
    if let Ok(moment) = text.parse::<Timestamp>() {
        return Some(moment);
    }
    // A local date and time, "2026-12-01 14:30" or "2026-12-01T14:30".
    if let Ok(local) = text.parse::<jiff::civil::DateTime>()
        && text.len() > 10
    {
        return local
            .to_zoned_datetime(tz.clone())
            .ok()
            .map(|z| z.timestamp());
    }
    // A date the Dutch way or the ISO way ("3-12-2026", "2026-12-03", as the plan's due dates),
    // with a time after a space or not.
    let (day, time) = match text.split_once(' ') {
        Some((day, time)) => (day, Some(time.trim())),
        None => (text, None),
    };
    let date = crate::assessment::parse_due(day)?;
    let time = match time {
        None => jiff::civil::Time::midnight(),
        Some(time) => time.parse::<jiff::civil::Time>().ok()?,
    };
    date.to_datetime(time)
        .to_zoned_datetime(tz.clone())
        .ok()
        .map(|z| z.timestamp())
}

#[cfg(test)]
mod tests;
