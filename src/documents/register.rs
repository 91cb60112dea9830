//! The processing register: one record per processing activity, with every field of art. 30 lid 1
//! AVG (the controller's name and contact come from the assessment's details) and the legal basis.

use serde::{Deserialize, Serialize};

use super::{FieldError, Stamp};
use crate::text as t;

/// The six legal bases of art. 6 lid 1 AVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LegalBasis {
    /// a: consent.
    Toestemming,
    /// b: needed for a contract with the person.
    Overeenkomst,
    /// c: a legal obligation.
    WettelijkePlicht,
    /// d: vital interests.
    VitaalBelang,
    /// e: a task in the public interest.
    AlgemeenBelang,
    /// f: a legitimate interest (spelled out in [`Activity::interest`]).
    GerechtvaardigdBelang,
}

impl LegalBasis {
    /// Every basis, in the order of the law.
    pub const ALL: [LegalBasis; 6] = [
        LegalBasis::Toestemming,
        LegalBasis::Overeenkomst,
        LegalBasis::WettelijkePlicht,
        LegalBasis::VitaalBelang,
        LegalBasis::AlgemeenBelang,
        LegalBasis::GerechtvaardigdBelang,
    ];

    /// The id as typed on the command line and stored (`wettelijke-plicht`).
    pub fn id(self) -> &'static str {
        match self {
            LegalBasis::Toestemming => "toestemming",
            LegalBasis::Overeenkomst => "overeenkomst",
            LegalBasis::WettelijkePlicht => "wettelijke-plicht",
            LegalBasis::VitaalBelang => "vitaal-belang",
            LegalBasis::AlgemeenBelang => "algemeen-belang",
            LegalBasis::GerechtvaardigdBelang => "gerechtvaardigd-belang",
        }
    }

    /// A basis from its id.
    pub fn parse(text: &str) -> Result<LegalBasis, FieldError> {
        let text = text.trim();
        LegalBasis::ALL
            .into_iter()
            .find(|b| b.id() == text)
            .ok_or_else(|| FieldError::NotAllowed {
                field: t::FIELD_BASIS,
                value: crate::sanitize::line(text),
                allowed: LegalBasis::ALL.map(LegalBasis::id).join(", "),
            })
    }
}

/// The fields of an activity, for messages, forms and the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The activity's name.
    Name,
    /// Art. 30 lid 1 sub b.
    Purpose,
    /// Art. 6 lid 1.
    Basis,
    /// Art. 6 lid 1 sub f: which interest.
    Interest,
    /// Art. 30 lid 1 sub c: categories of people.
    People,
    /// Art. 30 lid 1 sub c: categories of data.
    Data,
    /// Art. 30 lid 1 sub d.
    Recipients,
    /// Art. 30 lid 1 sub e.
    Transfers,
    /// Art. 30 lid 1 sub f.
    Retention,
    /// Art. 30 lid 1 sub g.
    Security,
}

impl Field {
    /// The label in Dutch.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => t::FIELD_ACTIVITY,
            Field::Purpose => t::FIELD_PURPOSE,
            Field::Basis => t::FIELD_BASIS,
            Field::Interest => t::FIELD_INTEREST,
            Field::People => t::FIELD_PEOPLE,
            Field::Data => t::FIELD_DATA,
            Field::Recipients => t::FIELD_RECIPIENTS,
            Field::Transfers => t::FIELD_TRANSFERS,
            Field::Retention => t::FIELD_RETENTION,
            Field::Security => t::FIELD_SECURITY,
        }
    }
}

/// One processing activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// Id, from the name ("bestellingen-afhandelen").
    pub id: String,
    /// What the activity is called ("Bestellingen afhandelen").
    pub name: String,
    /// Why (art. 30 lid 1 sub b).
    #[serde(default)]
    pub purpose: String,
    /// On which legal basis (art. 6 lid 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<LegalBasis>,
    /// The legitimate interest, spelled out when that is the basis.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub interest: String,
    /// Whose data: customers, staff, applicants (art. 30 lid 1 sub c).
    #[serde(default)]
    pub people: String,
    /// Which data (art. 30 lid 1 sub c).
    #[serde(default)]
    pub data: String,
    /// Special categories of data (art. 9 AVG) among them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub special: bool,
    /// Criminal data (art. 10 AVG) among them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub criminal: bool,
    /// Who receives the data (art. 30 lid 1 sub d).
    #[serde(default)]
    pub recipients: String,
    /// Transfers outside the EEA with the safeguard, or "geen" (art. 30 lid 1 sub e).
    #[serde(default)]
    pub transfers: String,
    /// How long the data are kept (art. 30 lid 1 sub f).
    #[serde(default)]
    pub retention: String,
    /// The security measures in short, or where the security plan is (art. 30 lid 1 sub g).
    #[serde(default)]
    pub security: String,
    /// Earlier values of its fields, one revision per change.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<super::history::Revision>,
    /// Added, changed, removed.
    #[serde(flatten)]
    pub stamp: Stamp,
}

impl Activity {
    /// A new, empty activity called `name`, with an id not among `taken`.
    pub fn blank<'a>(
        name: &str,
        taken: impl Iterator<Item = &'a str> + Clone,
        now: jiff::Timestamp,
    ) -> Activity {
        Activity {
            id: super::id_for(name, taken),
            name: crate::sanitize::input_line(name),
            purpose: String::new(),
            basis: None,
            interest: String::new(),
            people: String::new(),
            data: String::new(),
            special: false,
            criminal: false,
            recipients: String::new(),
            transfers: String::new(),
            retention: String::new(),
            security: String::new(),
            history: Vec::new(),
            stamp: Stamp::new(now),
        }
    }

    /// The fields that are still empty, in the order of the law: an activity with none is complete.
    pub fn missing(&self) -> Vec<Field> {
        let empty = |text: &str| text.trim().is_empty();
        let mut out = Vec::new();
        if empty(&self.purpose) {
            out.push(Field::Purpose);
        }
        match self.basis {
            None => out.push(Field::Basis),
            Some(LegalBasis::GerechtvaardigdBelang) if empty(&self.interest) => {
                out.push(Field::Interest);
            }
            Some(_) => {}
        }
        let rest = [
            (Field::People, &self.people),
            (Field::Data, &self.data),
            (Field::Recipients, &self.recipients),
            (Field::Transfers, &self.transfers),
            (Field::Retention, &self.retention),
            (Field::Security, &self.security),
        ];
        out.extend(rest.into_iter().filter(|(_, v)| empty(v)).map(|(f, _)| f));
        out
    }

    /// Whether every field is filled in.
    pub fn is_complete(&self) -> bool {
        self.missing().is_empty()
    }

    /// Checks what cannot be stored: an empty name.
    pub fn check(&self) -> Result<(), FieldError> {
        if self.name.trim().is_empty() {
            return Err(FieldError::Empty(t::FIELD_ACTIVITY));
        }
        Ok(())
    }
}
