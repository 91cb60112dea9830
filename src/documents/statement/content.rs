//! The fixed wording of the draft privacy statement (`documents/privacyverklaring.toml`) and the
//! small template language its texts use: `{key}` for a value from the assessment, `[VUL IN: …]` for
//! a placeholder.

use serde::Deserialize;

use super::{Element, Inline};

/// The bundled wording.
const BUNDLED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/documents/privacyverklaring.toml"
));

/// What opens a placeholder in a text (`[VUL IN:`); it runs to the next `]`.
fn fill_open() -> String {
    format!("[{}:", crate::text::STATEMENT_FILL)
}

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Content {
    #[allow(dead_code)]
    pub version: u32,
    #[allow(dead_code)]
    pub reviewed: toml::value::Datetime,
    pub title: String,
    pub title_of: String,
    pub draft: String,
    pub intro: String,
    pub identity: Identity,
    pub dpo: Dpo,
    pub purposes: Purposes,
    pub bases: Bases,
    pub others: Simple,
    pub recipients: Recipients,
    pub transfers: Transfers,
    pub retention: Retention,
    pub requirement: Requirement,
    pub decisions: Decisions,
    pub extra: Extra,
    pub rights: Rights,
    pub consent: Consent,
    pub complaint: Simple,
    pub changes: Simple,
}

/// A section with one text.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Simple {
    #[serde(default)]
    pub covers: Vec<String>,
    pub heading: String,
    pub text: String,
}

/// Who the controller is (art. 13 lid 1 sub a).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Identity {
    pub covers: Vec<String>,
    pub heading: String,
    pub responsible: String,
    pub no_name: String,
    pub contact_intro: String,
    pub address: String,
    pub email: String,
    pub phone: String,
    pub contact_person: String,
    pub kvk: String,
}

/// The DPO (art. 13 lid 1 sub b).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Dpo {
    pub covers: Vec<String>,
    pub has: String,
    pub none: String,
    pub unknown: String,
}

/// Purposes, bases, interests, categories of data.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Purposes {
    pub covers: Vec<String>,
    pub heading: String,
    pub intro: String,
    pub empty: String,
    pub purpose: String,
    pub people: String,
    pub data: String,
    pub basis: String,
    pub interest: String,
    pub missing_purpose: String,
    pub missing_people: String,
    pub missing_data: String,
    pub missing_basis: String,
    pub missing_interest: String,
    pub special_yes: String,
    pub criminal_yes: String,
    pub unlisted_interest: String,
}

/// The legal bases as they read in the statement.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct Bases {
    pub toestemming: String,
    pub overeenkomst: String,
    pub wettelijke_plicht: String,
    pub vitaal_belang: String,
    pub algemeen_belang: String,
    pub gerechtvaardigd_belang: String,
}

/// Recipients (art. 13 lid 1 sub e).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Recipients {
    pub covers: Vec<String>,
    pub heading: String,
    pub intro: String,
    pub empty: String,
    pub missing: String,
    pub processors: String,
}

/// Transfers outside the EEA (art. 13 lid 1 sub f).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Transfers {
    pub covers: Vec<String>,
    pub heading: String,
    pub none: String,
    pub some: String,
    pub copy: String,
    pub missing_activity: String,
    pub missing_location: String,
    pub missing_safeguard: String,
    pub unlisted: String,
    pub empty: String,
}

/// Retention (art. 13 lid 2 sub a).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Retention {
    pub covers: Vec<String>,
    pub heading: String,
    pub intro: String,
    pub empty: String,
    pub missing: String,
}

/// Whether providing data is required (art. 13 lid 2 sub e).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct Requirement {
    pub covers: Vec<String>,
    pub heading: String,
    pub intro: String,
    pub empty: String,
    pub toestemming: String,
    pub overeenkomst: String,
    pub wettelijke_plicht: String,
    pub other: String,
}

/// Automated decisions (art. 13 lid 2 sub f).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Decisions {
    pub covers: Vec<String>,
    pub heading: String,
    pub has: String,
    pub none: String,
    pub unknown: String,
}

/// Paragraphs the intake adds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Extra {
    pub heading: String,
    pub cookies: String,
    pub children: String,
    pub special: String,
    pub social: String,
}

/// The rights (art. 13 lid 2 sub b).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Rights {
    pub covers: Vec<String>,
    pub heading: String,
    pub intro: String,
    pub list: Vec<String>,
    pub objection: String,
    pub how: String,
}

/// Withdrawing consent (art. 13 lid 2 sub c).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Consent {
    pub covers: Vec<String>,
    pub heading: String,
    pub text: String,
    pub applies: String,
    pub unlisted: String,
}

/// Why the wording file is wrong (the bundled file is checked by a test, so this is for developers).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("documents/privacyverklaring.toml: {0}")]
pub struct ContentError(pub String);

impl Content {
    /// The bundled wording.
    pub(super) fn bundled() -> Content {
        Content::parse(BUNDLED).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Parses a wording file and checks its element markers.
    pub(super) fn parse(text: &str) -> Result<Content, ContentError> {
        let content: Content = toml::from_str(text).map_err(|e| ContentError(e.to_string()))?;
        for id in content.all_covers() {
            if Element::parse(id).is_none() {
                return Err(ContentError(format!(
                    "\"{id}\" is geen element van art. 13 of 14"
                )));
            }
        }
        Ok(content)
    }

    /// Every `covers` entry in the file.
    pub(super) fn all_covers(&self) -> impl Iterator<Item = &str> {
        [
            &self.identity.covers,
            &self.dpo.covers,
            &self.purposes.covers,
            &self.others.covers,
            &self.recipients.covers,
            &self.transfers.covers,
            &self.retention.covers,
            &self.requirement.covers,
            &self.decisions.covers,
            &self.rights.covers,
            &self.consent.covers,
            &self.complaint.covers,
            &self.changes.covers,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
    }
}

/// The elements a `covers` list names (unknown ones were refused when parsing).
pub(super) fn elements(covers: &[String]) -> Vec<Element> {
    covers.iter().filter_map(|c| Element::parse(c)).collect()
}

/// A text with `{key}` replaced by the value in `vars` and every `[VUL IN: …]` made a placeholder.
/// Values are inserted once, never read as template: a `{naam}` or `[VUL IN:` typed by the user
/// stays plain text. An unknown key stays as written (a test checks that none is left).
///
/// `{key|what}` is the value of `key` when it is filled in, and otherwise the placeholder `what`
/// (the business address, say, or `[VUL IN: vestigingsadres]`).
pub(super) fn expand(template: &str, vars: &[(&str, &str)]) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some((before, key, what, after)) = optional(rest) {
        out.extend(expand_plain(before, vars));
        match vars.iter().find(|(k, _)| *k == key) {
            Some((_, value)) if !value.trim().is_empty() => push_text(&mut out, value),
            _ => out.push(Inline::Fill(substitute(what.trim(), vars))),
        }
        rest = after;
    }
    out.extend(expand_plain(rest, vars));
    out
}

/// The first `{key|what}` in `text`: the text before it, the key, the placeholder and the rest.
fn optional(text: &str) -> Option<(&str, &str, &str, &str)> {
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|i| i + from) {
        let inner = &text[open + 1..];
        if let Some(close) = inner.find('}')
            && let Some((key, what)) = inner[..close].split_once('|')
            && !key.is_empty()
            && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        {
            return Some((&text[..open], key, what, &inner[close + 1..]));
        }
        from = open + 1;
    }
    None
}

/// [`expand`] without `{key|what}`.
fn expand_plain(template: &str, vars: &[(&str, &str)]) -> Vec<Inline> {
    let open = fill_open();
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find(&open) {
        let (before, from) = rest.split_at(start);
        push_text(&mut out, &substitute(before, vars));
        let inner = &from[open.len()..];
        let end = inner.find(']').unwrap_or(inner.len());
        out.push(Inline::Fill(substitute(inner[..end].trim(), vars)));
        rest = inner.get(end + 1..).unwrap_or("");
    }
    push_text(&mut out, &substitute(rest, vars));
    out
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if !text.is_empty() {
        out.push(Inline::Text(text.to_owned()));
    }
}

/// `{key}` replaced in one pass.
fn substitute(text: &str, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let key = &after[..close];
            vars.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
