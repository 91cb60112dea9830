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
    ts.to_zoned_datetime(local_tz()).date().to_string()
}

/// Date and time (minutes) of a timestamp in a time zone.
pub fn date_time(ts: Timestamp, tz: &jiff::tz::TimeZone) -> String {
    ts.to_zoned_datetime(tz.clone())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// The local time zone, found once per process: `TZ` when set, else `/etc/localtime`.
///
/// jiff's [`TimeZone::system`] finds the name behind `/etc/localtime` and then looks it up in its
/// zoneinfo database, whose first use reads every folder of `/usr/share/zoneinfo` (a sixth of pqs's
/// start-up). Here the common cases read one file: an unset `TZ` with `/etc/localtime` a link into a
/// zoneinfo folder (the zone is read from that file, under the name it links to), an empty `TZ` or
/// `UTC`, and `TZ` naming a zone file (`Europe/Amsterdam`, `:Europe/Amsterdam`, an absolute path).
/// Anything else (a POSIX rule such as `CET-1CEST,M3.5.0,M10.5.0/3`, `TZDIR`) is left to jiff.
pub fn local_tz() -> jiff::tz::TimeZone {
    static LOCAL: std::sync::OnceLock<jiff::tz::TimeZone> = std::sync::OnceLock::new();
    LOCAL
        .get_or_init(|| {
            let tz = std::env::var_os("TZ");
            let found = match tz.as_ref().map(|tz| tz.to_str()) {
                None => from_localtime(std::path::Path::new(LOCALTIME)),
                Some(Some(tz)) if std::env::var_os("TZDIR").is_none() => from_tz_env(tz),
                Some(_) => None,
            };
            found.unwrap_or_else(jiff::tz::TimeZone::system)
        })
        .clone()
}

const LOCALTIME: &str = "/etc/localtime";
const ZONEINFO: &str = "/usr/share/zoneinfo";

/// The zone `/etc/localtime` links to, named after the part of the link after `zoneinfo/`.
fn from_localtime(path: &std::path::Path) -> Option<jiff::tz::TimeZone> {
    let target = std::fs::read_link(path).ok()?;
    let target = target.to_str()?;
    let name = &target[target.rfind("zoneinfo/")? + "zoneinfo/".len()..];
    zone_file(name, path)
}

/// The zone a `TZ` value names, when it names one by file or as UTC.
fn from_tz_env(tz: &str) -> Option<jiff::tz::TimeZone> {
    let tz = tz.strip_prefix(':').unwrap_or(tz);
    if tz.is_empty() || tz == "UTC" {
        // jiff reads an empty TZ as UTC too.
        return Some(jiff::tz::TimeZone::UTC);
    }
    if let Some(at) = tz.rfind("zoneinfo/").filter(|_| tz.starts_with('/')) {
        return zone_file(&tz[at + "zoneinfo/".len()..], std::path::Path::new(tz));
    }
    let plain = tz
        .split('/')
        .all(|part| !part.is_empty() && part != "." && part != "..");
    if !plain || tz.starts_with('/') {
        return None;
    }
    zone_file(tz, &std::path::Path::new(ZONEINFO).join(tz))
}

/// A TZif file read as the zone `name`; `None` when it is not one.
fn zone_file(name: &str, path: &std::path::Path) -> Option<jiff::tz::TimeZone> {
    let bytes = std::fs::read(path).ok()?;
    if !bytes.starts_with(b"TZif") {
        return None;
    }
    jiff::tz::TimeZone::tzif(name, &bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tz_value_naming_a_zone_file_gives_that_zone_as_jiff_does() {
        if !std::path::Path::new(ZONEINFO)
            .join("Europe/Amsterdam")
            .exists()
        {
            return;
        }
        for tz in ["Europe/Amsterdam", ":Europe/Amsterdam"] {
            let found = from_tz_env(tz).expect("a zone file");
            assert_eq!(found.iana_name(), Some("Europe/Amsterdam"));
            let summer: Timestamp = "2026-07-01T12:00:00Z".parse().unwrap();
            let expected = jiff::tz::TimeZone::get("Europe/Amsterdam").unwrap();
            assert_eq!(found.to_offset(summer), expected.to_offset(summer));
        }
        assert_eq!(from_tz_env(""), Some(jiff::tz::TimeZone::UTC));
        assert_eq!(from_tz_env(":UTC"), Some(jiff::tz::TimeZone::UTC));
        // A POSIX rule or a path outside the zone folder is left to jiff.
        assert_eq!(from_tz_env("CET-1CEST,M3.5.0,M10.5.0/3"), None);
        assert_eq!(from_tz_env("../../etc/passwd"), None);
    }

    #[test]
    fn a_link_into_a_zoneinfo_folder_is_read_under_its_name() {
        let zone = std::path::Path::new(ZONEINFO).join("Europe/Amsterdam");
        if !zone.exists() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("localtime");
        std::os::unix::fs::symlink(&zone, &link).unwrap();
        let found = from_localtime(&link).expect("a zone");
        assert_eq!(found.iana_name(), Some("Europe/Amsterdam"));
        // Not a link: left to jiff.
        let copy = dir.path().join("copy");
        std::fs::copy(&zone, &copy).unwrap();
        assert_eq!(from_localtime(&copy), None);
    }
}
