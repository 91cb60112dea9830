//! The action plan: who does what by when, for a task (by task id) or a single gap (by item id);
//! a task can be pinned at the top of the plan and marked done.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The agreed action for one task or item.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanEntry {
    /// Who does it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// When it should be done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// What was agreed, in the user's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub action: String,
    /// Marked done ("afgerond") on this day; it stays in the plan with the date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Date>,
    /// Pinned at the top of the plan, in this place (1 first); the consultant's order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinned: Option<u32>,
}

impl PlanEntry {
    /// Whether nothing is filled in.
    pub fn is_empty(&self) -> bool {
        self.owner.trim().is_empty()
            && self.due.is_none()
            && self.action.trim().is_empty()
            && self.done.is_none()
            && self.pinned.is_none()
    }

    /// Whether the due date lies before `today`.
    pub fn overdue(&self, today: Date) -> bool {
        self.due.is_some_and(|due| due < today)
    }
}

/// Parses a due date as typed by a user: `2026-12-31` or `31-12-2026`.
pub fn parse_due(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Ok(date) = text.parse::<Date>() {
        return Some(date);
    }
    let mut parts = text.split(['-', '/', '.']);
    let day = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    // A two-digit year would be year 26, not 2026: ask for all four digits.
    let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    Date::new(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn due_dates_parse_in_iso_and_dutch_order() {
        assert_eq!(parse_due("2026-12-31"), Some(date(2026, 12, 31)));
        assert_eq!(parse_due(" 31-12-2026 "), Some(date(2026, 12, 31)));
        assert_eq!(parse_due("1/2/2027"), Some(date(2027, 2, 1)));
        assert_eq!(parse_due("31-02-2026"), None);
        assert_eq!(parse_due("morgen"), None);
        assert_eq!(parse_due("31-12-26"), None, "not the year 26");
        assert_eq!(parse_due("1-1-0"), None);
    }

    #[test]
    fn overdue_only_after_the_due_day() {
        let entry = PlanEntry {
            due: Some(date(2026, 11, 23)),
            ..PlanEntry::default()
        };
        assert!(!entry.overdue(date(2026, 11, 23)));
        assert!(entry.overdue(date(2026, 11, 24)));
        assert!(!PlanEntry::default().overdue(date(2030, 1, 1)));
    }
}
