//! The current time, injectable so tests and snapshots are repeatable.

use jiff::{Timestamp, Unit};

/// Environment variable that fixes the clock (RFC 3339, e.g. `2026-11-23T10:00:00Z`); for tests.
pub const FIXED_NOW_ENV: &str = "PQS_NOW";

/// Now, to the second; `PQS_NOW` overrides it.
pub fn now() -> Timestamp {
    std::env::var(FIXED_NOW_ENV)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(Timestamp::now)
        .round(Unit::Second)
        .expect("rounding to seconds stays in range")
}

/// The date of a timestamp in the system time zone, as YYYY-MM-DD.
pub fn date(ts: Timestamp) -> String {
    ts.to_zoned_datetime(jiff::tz::TimeZone::system())
        .date()
        .to_string()
}

/// Date and time (minutes) of a timestamp in a time zone.
pub fn date_time(ts: Timestamp, tz: &jiff::tz::TimeZone) -> String {
    ts.to_zoned_datetime(tz.clone())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}
