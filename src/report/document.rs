//! What every report format shows, beyond the scan: header facts, the score band and the first actions.

use jiff::Timestamp;

use super::scan::{ChecklistScan, Gap, Scan};

/// Score bands with their lower bounds, stated in every report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// Below 50.
    Insufficient,
    /// 50 up to 80.
    OnTheWay,
    /// 80 and up.
    Good,
}

impl Band {
    /// Lower bound of "op weg".
    pub const ON_THE_WAY_FROM: f64 = 50.0;
    /// Lower bound of "goed".
    pub const GOOD_FROM: f64 = 80.0;

    /// The band of a score (rounded to whole percents first, as shown).
    pub fn of(score: f64) -> Band {
        let shown = f64::from(percent(score));
        if shown >= Self::GOOD_FROM {
            Band::Good
        } else if shown >= Self::ON_THE_WAY_FROM {
            Band::OnTheWay
        } else {
            Band::Insufficient
        }
    }
}

/// A score as shown everywhere: whole percents, halves rounded up (the band uses the same rounding).
pub fn percent(score: f64) -> u32 {
    score.round().clamp(0.0, 100.0) as u32
}

/// How many gaps the "eerst doen" list shows.
pub const FIRST_ACTIONS: usize = 10;

/// Everything a report needs: the scan plus header facts.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The scan.
    pub scan: &'a Scan,
    /// Organisation name (may be empty).
    pub organisation: &'a str,
    /// Assessment name.
    pub assessment: &'a str,
    /// When the report was made.
    pub generated_at: Timestamp,
    /// The date shown (local), YYYY-MM-DD.
    pub date: String,
    /// Version of pqs.
    pub version: &'static str,
}

impl<'a> Document<'a> {
    /// A document for a scan, made at `generated_at`, with `date` as shown to the reader.
    pub fn new(
        scan: &'a Scan,
        organisation: &'a str,
        assessment: &'a str,
        generated_at: Timestamp,
        date: String,
    ) -> Self {
        Document {
            scan,
            organisation,
            assessment,
            generated_at,
            date,
            version: env!("CARGO_PKG_VERSION"),
        }
    }

    /// The band of the total score.
    pub fn band(&self) -> Band {
        Band::of(self.scan.totals.score)
    }

    /// Gaps grouped per checklist, in checklist order, most serious first within each; checklists
    /// without gaps are left out.
    pub fn gaps_by_checklist(&self) -> Vec<(&'a ChecklistScan, Vec<&'a Gap>)> {
        let scan = self.scan;
        scan.checklists
            .iter()
            .map(|c| {
                (
                    c,
                    scan.gaps
                        .iter()
                        .filter(|g| g.checklist == c.id)
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, gaps)| !gaps.is_empty())
            .collect()
    }

    /// The most important gaps: severity first, then checklist order (the order of `scan.gaps`).
    pub fn first_actions(&self, limit: usize) -> &'a [Gap] {
        let gaps = &self.scan.gaps;
        &gaps[..gaps.len().min(limit)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_the_stated_thresholds() {
        assert_eq!(Band::of(0.0), Band::Insufficient);
        assert_eq!(Band::of(49.4), Band::Insufficient);
        assert_eq!(Band::of(49.5), Band::OnTheWay, "shown as 50%");
        assert_eq!(Band::of(79.0), Band::OnTheWay);
        assert_eq!(Band::of(80.0), Band::Good);
        assert_eq!(Band::of(100.0), Band::Good);
    }
}
