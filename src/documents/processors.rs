//! The processors: who processes personal data on the business's behalf (art. 28 AVG), where, and
//! whether the processor agreement is signed.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{FieldError, Stamp};
use crate::text as t;

/// Where a processor processes the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Location {
    /// Inside the European Economic Area.
    Eer,
    /// Outside it: a safeguard is needed (art. 44-49 AVG).
    BuitenEer,
}

impl Location {
    /// The id as typed and stored.
    pub fn id(self) -> &'static str {
        match self {
            Location::Eer => "eer",
            Location::BuitenEer => "buiten-eer",
        }
    }

    /// A location from its id.
    pub fn parse(text: &str) -> Result<Location, FieldError> {
        match text.trim() {
            "eer" => Ok(Location::Eer),
            "buiten-eer" => Ok(Location::BuitenEer),
            other => Err(FieldError::NotAllowed {
                field: t::FIELD_LOCATION,
                value: crate::sanitize::line(other),
                allowed: "eer, buiten-eer".to_owned(),
            }),
        }
    }
}

/// One processor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Processor {
    /// Id, from the name.
    pub id: String,
    /// The company ("Hosting BV").
    pub name: String,
    /// What it does for the business ("webshop en hosting").
    #[serde(default)]
    pub service: String,
    /// Which personal data it gets.
    #[serde(default)]
    pub data: String,
    /// Inside or outside the EEA; unknown until filled in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// The safeguard for a transfer outside the EEA (adequacy decision, standard clauses).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub safeguard: String,
    /// When the processor agreement was signed or accepted; `None`: not (yet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<Date>,
    /// When the agreement and the processor were last checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<Date>,
    /// Earlier values of its fields, one revision per change.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<super::history::Revision>,
    /// Added, changed, removed.
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// What is missing for a processor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// No signed processor agreement: a gap of art. 28 lid 3.
    Agreement,
    /// Where the data are is not filled in.
    Location,
    /// Outside the EEA without a safeguard.
    Safeguard,
    /// The service or the data are not filled in.
    Description,
}

impl Processor {
    /// A new, empty processor called `name`, with an id not among `taken`.
    pub fn blank<'a>(
        name: &str,
        taken: impl Iterator<Item = &'a str> + Clone,
        now: jiff::Timestamp,
    ) -> Processor {
        Processor {
            id: super::id_for(name, taken),
            name: crate::sanitize::input_line(name),
            service: String::new(),
            data: String::new(),
            location: None,
            safeguard: String::new(),
            agreement: None,
            checked: None,
            history: Vec::new(),
            stamp: Stamp::new(now),
        }
    }

    /// What is missing, most serious first.
    pub fn missing(&self) -> Vec<Missing> {
        let mut out = Vec::new();
        if self.agreement.is_none() {
            out.push(Missing::Agreement);
        }
        match self.location {
            None => out.push(Missing::Location),
            Some(Location::BuitenEer) if self.safeguard.trim().is_empty() => {
                out.push(Missing::Safeguard);
            }
            Some(_) => {}
        }
        if self.service.trim().is_empty() || self.data.trim().is_empty() {
            out.push(Missing::Description);
        }
        out
    }

    /// Checks what cannot be stored: an empty name.
    pub fn check(&self) -> Result<(), FieldError> {
        if self.name.trim().is_empty() {
            return Err(FieldError::Empty(t::FIELD_PROCESSOR));
        }
        Ok(())
    }
}
