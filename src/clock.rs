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

/// Serialises a timestamp exactly as jiff does (`2026-11-23T10:00:00Z`), writing the common case
/// itself: a whole second (what [`now`] gives) in the years 0 to 9999. jiff's printer takes about
/// 1,500 instructions a timestamp, and a year of history holds five for every item: a third of
/// writing an assessment file. Anything else is left to jiff. For `#[serde(serialize_with)]`.
pub fn serialize_timestamp<S: serde::Serializer>(ts: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
    let dt = jiff::tz::Offset::UTC.to_datetime(*ts);
    if ts.subsec_nanosecond() != 0 || !(0..=9999).contains(&dt.year()) {
        return serde::Serialize::serialize(ts, s);
    }
    fn digits(buf: &mut [u8], mut value: u16) {
        for byte in buf.iter_mut().rev() {
            *byte = b'0' + (value % 10) as u8;
            value /= 10;
        }
    }
    let mut text = *b"0000-00-00T00:00:00Z";
    let parts = [
        (0..4, dt.year() as u16),
        (5..7, dt.month() as u16),
        (8..10, dt.day() as u16),
        (11..13, dt.hour() as u16),
        (14..16, dt.minute() as u16),
        (17..19, dt.second() as u16),
    ];
    for (range, value) in parts {
        digits(&mut text[range], value);
    }
    s.serialize_str(std::str::from_utf8(&text).expect("ASCII digits"))
}

/// Deserialises a timestamp exactly as jiff does, reading the form [`serialize_timestamp`] writes
/// (`2026-11-23T10:00:00Z`) itself: jiff's parser takes about 600 instructions a timestamp, a
/// tenth of reading a year of history from its parsed copy. Anything else, errors included, is
/// jiff's own. For `#[serde(deserialize_with)]`.
pub fn deserialize_timestamp<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Timestamp, D::Error> {
    struct Visitor;
    impl serde::de::Visitor<'_> for Visitor {
        type Value = Timestamp;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a timestamp string")
        }

        fn visit_bytes<E: serde::de::Error>(self, text: &[u8]) -> Result<Timestamp, E> {
            match whole_second_utc(text) {
                Some(ts) => Ok(ts),
                None => serde::Deserialize::deserialize(
                    serde::de::value::BytesDeserializer::<E>::new(text),
                ),
            }
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Timestamp, E> {
            self.visit_bytes(text.as_bytes())
        }
    }
    d.deserialize_str(Visitor)
}

/// `YYYY-MM-DDTHH:MM:SSZ` as a timestamp, when the text is exactly that and a valid moment.
fn whole_second_utc(text: &[u8]) -> Option<Timestamp> {
    let text: &[u8; 20] = text.try_into().ok()?;
    let number = |range: std::ops::Range<usize>| {
        text[range].iter().try_fold(0i16, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + i16::from(b - b'0'))
        })
    };
    if [text[4], text[7], text[10], text[13], text[16], text[19]] != *b"--T::Z" {
        return None;
    }
    let small = |range| number(range).and_then(|n| i8::try_from(n).ok());
    let at = jiff::civil::DateTime::new(
        number(0..4)?,
        small(5..7)?,
        small(8..10)?,
        small(11..13)?,
        small(14..16)?,
        small(17..19)?,
        0,
    )
    .ok()?;
    jiff::tz::Offset::UTC.to_timestamp(at).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn timestamps_serialise_as_jiff_writes_them(
            second in Timestamp::MIN.as_second()..=Timestamp::MAX.as_second(),
            whole in proptest::bool::ANY,
            nano in 1..1_000_000_000i32,
        ) {
            let nano = if whole || second == Timestamp::MAX.as_second() { 0 } else { nano };
            let ts = Timestamp::new(second, nano).unwrap();
            let mut ours = serde_json::Serializer::new(Vec::new());
            serialize_timestamp(&ts, &mut ours).unwrap();
            proptest::prop_assert_eq!(
                String::from_utf8(ours.into_inner()).unwrap(),
                serde_json::to_string(&ts).unwrap()
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn timestamps_deserialise_as_jiff_reads_them(
            second in Timestamp::MIN.as_second()..=Timestamp::MAX.as_second(),
            (year, month, day) in (0u16..10_000, 0u8..14, 0u8..33),
            (hour, minute, sec) in (0u8..26, 0u8..61, 0u8..62),
            form in 0..3usize,
        ) {
            let text = match form {
                // What pqs writes.
                0 => Timestamp::new(second, 0).unwrap().to_string(),
                // The same form with numbers just past every range as well: month 0 and 13, day
                // 0 and 32, 30 February, hour 24, minute 60, second 60 and 61.
                1 => format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{sec:02}Z"),
                // The same moment in lower case, which only jiff reads.
                _ => Timestamp::new(second, 0).unwrap().to_string().to_lowercase(),
            };
            let json = serde_json::to_string(&text).unwrap();
            let ours = deserialize_timestamp(&mut serde_json::Deserializer::from_str(&json))
                .map_err(|e| e.to_string());
            let jiffs = serde_json::from_str::<Timestamp>(&json).map_err(|e| e.to_string());
            proptest::prop_assert_eq!(ours, jiffs, "{}", text);
        }
    }

    #[test]
    fn timestamps_in_other_forms_and_bad_ones_read_as_jiff_reads_them() {
        for text in [
            "2026-11-23T10:00:00+01:00",
            "2026-11-23T10:00:00.25Z",
            "2026-11-23 10:00:00Z",
            "2026-02-30T10:00:00Z",
            "2026-11-23T23:59:60Z",
            "2026-11-23T24:00:00Z",
            "2026-13-01T10:00:00Z",
            "10000-01-01T00:00:00Z",
            "2026-11-23T10:00:00",
            "2026-11-23T10:00:0xZ",
            "",
        ] {
            let json = serde_json::to_string(text).unwrap();
            let ours = deserialize_timestamp(&mut serde_json::Deserializer::from_str(&json))
                .map_err(|e| e.to_string());
            let jiffs = serde_json::from_str::<Timestamp>(&json).map_err(|e| e.to_string());
            assert_eq!(ours, jiffs, "{text}");
        }
        // Not a string at all: the same error.
        let ours = deserialize_timestamp(&mut serde_json::Deserializer::from_str("12"))
            .map_err(|e| e.to_string());
        let jiffs = serde_json::from_str::<Timestamp>("12").map_err(|e| e.to_string());
        assert_eq!(ours, jiffs);
    }

    /// Through TOML, the format of the files: the same values and errors as jiff's own, also for a
    /// TOML date-time written without quotes, which neither reads.
    #[test]
    fn timestamps_in_toml_read_and_write_as_jiffs_do() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct Ours {
            #[serde(
                serialize_with = "serialize_timestamp",
                deserialize_with = "deserialize_timestamp"
            )]
            at: Timestamp,
        }
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct Jiffs {
            at: Timestamp,
        }
        for text in [
            "at = \"2026-11-23T10:00:00Z\"\n",
            "at = \"2026-11-23T10:00:00.5+01:00\"\n",
            "at = \"2026-02-30T10:00:00Z\"\n",
            "at = 2026-11-23T10:00:00Z\n",
            "at = 12\n",
            "",
        ] {
            let ours = toml::from_str::<Ours>(text)
                .map(|o| o.at)
                .map_err(|e| e.to_string());
            let jiffs = toml::from_str::<Jiffs>(text)
                .map(|j| j.at)
                .map_err(|e| e.to_string());
            assert_eq!(ours, jiffs, "{text}");
            if let Ok(at) = ours {
                assert_eq!(
                    toml::to_string(&Ours { at }).unwrap(),
                    toml::to_string(&Jiffs { at }).unwrap()
                );
            }
        }
    }

    #[test]
    fn the_years_at_the_edges_serialise_as_jiff_writes_them() {
        for text in [
            "0000-01-01T00:00:00Z",
            "0001-02-03T04:05:06Z",
            "1969-12-31T23:59:59Z",
            "1970-01-01T00:00:00Z",
            "2028-02-29T12:00:00Z",
            "9999-12-30T22:00:00Z",
            "-000001-12-31T23:59:59Z",
            "2026-11-23T10:00:00.5Z",
        ] {
            let ts: Timestamp = text.parse().unwrap();
            let mut ours = serde_json::Serializer::new(Vec::new());
            serialize_timestamp(&ts, &mut ours).unwrap();
            assert_eq!(
                String::from_utf8(ours.into_inner()).unwrap(),
                format!("\"{ts}\"")
            );
            assert_eq!(ts.to_string(), text);
        }
    }

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
