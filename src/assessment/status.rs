//! The answer to one question.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// How far an item is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Done.
    Yes,
    /// Partly done.
    Partly,
    /// Not done.
    No,
    /// The user does not know.
    Unknown,
    /// Does not apply to this organisation.
    NotApplicable,
}

impl Status {
    /// Every status, in the order they are offered.
    pub const ALL: [Status; 5] = [
        Status::Yes,
        Status::Partly,
        Status::No,
        Status::Unknown,
        Status::NotApplicable,
    ];

    /// The identifier used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Yes => "yes",
            Status::Partly => "partly",
            Status::No => "no",
            Status::Unknown => "unknown",
            Status::NotApplicable => "not_applicable",
        }
    }

    /// The Dutch word accepted on the command line.
    pub fn dutch(self) -> &'static str {
        match self {
            Status::Yes => "ja",
            Status::Partly => "deels",
            Status::No => "nee",
            Status::Unknown => "weet-niet",
            Status::NotApplicable => "nvt",
        }
    }

    /// Share of the item's weight this answer earns: yes 1, partly 0.5, otherwise 0.
    pub fn credit(self) -> f64 {
        match self {
            Status::Yes => 1.0,
            Status::Partly => 0.5,
            Status::No | Status::Unknown | Status::NotApplicable => 0.0,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A status word that is not one of the accepted spellings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "onbekend antwoord \"{0}\"; gebruik yes/ja, partly/deels, no/nee, unknown/weet-niet of not_applicable/nvt"
)]
pub struct ParseStatusError(pub String);

impl FromStr for Status {
    type Err = ParseStatusError;

    /// Accepts the English and Dutch words, in any case, with `-`, `_` or a space between words.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let normal: String = text
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c == '-' || c == ' ' { '_' } else { c })
            .filter(|c| *c != '.')
            .collect();
        let status = match normal.as_str() {
            "yes" | "ja" | "y" | "j" => Status::Yes,
            "partly" | "partial" | "deels" | "gedeeltelijk" => Status::Partly,
            "no" | "nee" | "n" => Status::No,
            "unknown" | "weet_niet" | "weetniet" | "onbekend" => Status::Unknown,
            "not_applicable" | "na" | "n/a" | "nvt" | "niet_van_toepassing" => {
                Status::NotApplicable
            }
            _ => return Err(ParseStatusError(text.to_owned())),
        };
        Ok(status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_english_and_dutch() {
        let cases = [
            ("yes", Status::Yes),
            ("JA", Status::Yes),
            ("partly", Status::Partly),
            ("deels", Status::Partly),
            ("no", Status::No),
            ("nee", Status::No),
            ("unknown", Status::Unknown),
            ("weet-niet", Status::Unknown),
            ("weet niet", Status::Unknown),
            ("not_applicable", Status::NotApplicable),
            ("not-applicable", Status::NotApplicable),
            ("nvt", Status::NotApplicable),
            ("n.v.t.", Status::NotApplicable),
        ];
        for (text, expected) in cases {
            assert_eq!(text.parse::<Status>(), Ok(expected), "{text}");
        }
    }

    #[test]
    fn rejects_other_words_with_a_hint() {
        let err = "misschien".parse::<Status>().unwrap_err();
        assert!(err.to_string().contains("\"misschien\""));
        assert!(err.to_string().contains("weet-niet"));
        assert!("".parse::<Status>().is_err());
    }

    #[test]
    fn every_status_round_trips_through_both_spellings() {
        for status in Status::ALL {
            assert_eq!(status.as_str().parse::<Status>(), Ok(status));
            assert_eq!(status.dutch().parse::<Status>(), Ok(status));
        }
    }
}
