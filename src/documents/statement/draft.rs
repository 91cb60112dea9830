//! Making the draft: the facts it is made from, and the sections from the identity up to the
//! transfers outside the EEA (the rest are in `sections.rs`).

use super::content::{self, Content, elements, expand};
use super::{Block, Element, Inline, Section, Statement};
use crate::assessment::Assessment;
use crate::checklist::{Facts, Value};
use crate::documents::{Activity, LegalBasis, Location};
use crate::sanitize;

/// What the draft is made from.
pub(super) struct Draft<'a> {
    pub(super) c: &'a Content,
    pub(super) assessment: &'a Assessment,
    pub(super) facts: &'a Facts,
    pub(super) activities: Vec<&'a Activity>,
}

/// An activity's name as shown (one line, control characters out).
pub(super) fn name(a: &Activity) -> String {
    sanitize::line(&a.name)
}

/// `Label: value`, or `Label: [VUL IN: …]` when the value is empty.
pub(super) fn labelled(label: &str, value: &str, missing: &str, activity: &str) -> Vec<Inline> {
    let mut out = vec![
        Inline::Strong(format!("{label}:")),
        Inline::Text(" ".into()),
    ];
    let value = sanitize::line(value);
    if value.is_empty() {
        out.extend(expand(missing, &[("naam", activity)]));
    } else {
        out.push(Inline::Text(value));
    }
    out
}

/// "geen" (or "nee") in the transfers field: nothing goes outside the EEA.
fn says_none(text: &str) -> bool {
    let text = text.trim().trim_end_matches('.').to_lowercase();
    matches!(text.as_str(), "geen" | "nee")
}

impl Draft<'_> {
    /// An intake fact as yes, no or unknown (not answered).
    pub(super) fn flag(&self, flag: &str) -> Option<bool> {
        match self.facts.get(flag) {
            Some(Value::Yes) => Some(true),
            Some(Value::No) => Some(false),
            _ => None,
        }
    }

    /// Whether an intake fact is yes.
    pub(super) fn yes(&self, flag: &str) -> bool {
        self.flag(flag) == Some(true)
    }

    /// Whether some activity in the register is on `basis`.
    pub(super) fn uses(&self, basis: LegalBasis) -> bool {
        self.activities.iter().any(|a| a.basis == Some(basis))
    }

    /// An empty section with the elements its wording covers.
    pub(super) fn section(&self, id: &'static str, heading: &str, covers: &[String]) -> Section {
        Section {
            id,
            heading: heading.to_owned(),
            covers: elements(covers),
            blocks: Vec::new(),
        }
    }

    /// The whole statement, section by section.
    pub(super) fn statement(&self) -> Statement {
        let c = self.c;
        let organisation = sanitize::line(&self.assessment.organisation);
        let title = if organisation.is_empty() {
            c.title.clone()
        } else {
            c.title_of.replace("{organisatie}", &organisation)
        };
        let mut sections = vec![
            self.identity(&organisation),
            self.purposes(),
            self.others(),
            self.recipients(),
            self.transfers(),
            self.retention(),
            self.requirement(),
            self.decisions(),
        ];
        sections.extend(self.extra());
        sections.push(self.rights());
        sections.extend(self.consent());
        let simple = |id, s: &content::Simple| {
            let mut section = self.section(id, &s.heading, &s.covers);
            section.blocks.push(Block::Paragraph(expand(&s.text, &[])));
            section
        };
        sections.push(simple("klacht", &c.complaint));
        sections.push(simple("wijzigingen", &c.changes));
        Statement {
            title,
            draft: expand(&c.draft, &[]),
            disclaimer: crate::text::NOT_LEGAL_ADVICE,
            intro: expand(&c.intro, &[]),
            sections,
        }
    }

    fn identity(&self, organisation: &str) -> Section {
        let c = &self.c.identity;
        let mut covers = c.covers.clone();
        covers.extend(self.c.dpo.covers.iter().cloned());
        let mut s = self.section("wie", &c.heading, &covers);
        // The name, or its placeholder, where the text has `{organisatie}`.
        let (before, after) = c
            .responsible
            .split_once("{organisatie}")
            .unwrap_or((c.responsible.as_str(), ""));
        let mut who = expand(before, &[]);
        if organisation.is_empty() {
            who.extend(expand(&c.no_name, &[]));
        } else {
            who.push(Inline::Text(organisation.to_owned()));
        }
        who.extend(expand(after, &[]));
        s.blocks.push(Block::Paragraph(who));
        s.blocks
            .push(Block::Paragraph(expand(&c.contact_intro, &[])));
        let details = &self.assessment.details;
        let contact = sanitize::line(&details.contact);
        let kvk = sanitize::line(&details.kvk);
        let address = sanitize::line(&details.address);
        let email = sanitize::line(&details.email);
        let phone = sanitize::line(&details.phone);
        let mut list = vec![
            expand(&c.address, &[("adres", &address)]),
            expand(&c.email, &[("email", &email)]),
            expand(&c.phone, &[("telefoon", &phone)]),
        ];
        if !contact.is_empty() {
            list.push(expand(&c.contact_person, &[("naam", &contact)]));
        }
        if !kvk.is_empty() {
            list.push(expand(&c.kvk, &[("kvk", &kvk)]));
        }
        s.blocks.push(Block::List(list));
        let dpo = &self.c.dpo;
        let contact = sanitize::line(&details.dpo);
        // A DPO's contact details in the details mean there is one, whatever the intake says.
        let text = match self.flag("fg") {
            _ if !contact.is_empty() => &dpo.has,
            Some(true) => &dpo.has,
            Some(false) => &dpo.none,
            None => &dpo.unknown,
        };
        s.blocks
            .push(Block::Paragraph(expand(text, &[("fg", &contact)])));
        s
    }

    fn basis_text(&self, basis: LegalBasis) -> &str {
        let b = &self.c.bases;
        match basis {
            LegalBasis::Toestemming => &b.toestemming,
            LegalBasis::Overeenkomst => &b.overeenkomst,
            LegalBasis::WettelijkePlicht => &b.wettelijke_plicht,
            LegalBasis::VitaalBelang => &b.vitaal_belang,
            LegalBasis::AlgemeenBelang => &b.algemeen_belang,
            LegalBasis::GerechtvaardigdBelang => &b.gerechtvaardigd_belang,
        }
    }

    fn purposes(&self) -> Section {
        let c = &self.c.purposes;
        let interest_used = self.uses(LegalBasis::GerechtvaardigdBelang);
        let interest_said = self.yes("gerechtvaardigd-belang");
        let mut s = self.section("doelen", &c.heading, &c.covers);
        if !interest_used && !interest_said {
            // Art. 13 lid 1 sub d applies only where a legitimate interest is the basis.
            s.covers.retain(|e| *e != Element::Interests);
        }
        if self.activities.is_empty() {
            s.blocks.push(Block::Paragraph(expand(&c.empty, &[])));
        } else {
            s.blocks.push(Block::Paragraph(expand(&c.intro, &[])));
        }
        for a in &self.activities {
            let n = name(a);
            s.blocks.push(Block::Subheading(n.clone()));
            let mut list = vec![
                labelled(&c.purpose, &a.purpose, &c.missing_purpose, &n),
                labelled(&c.people, &a.people, &c.missing_people, &n),
                labelled(&c.data, &a.data, &c.missing_data, &n),
            ];
            let basis = a.basis.map(|b| self.basis_text(b)).unwrap_or("");
            list.push(labelled(&c.basis, basis, &c.missing_basis, &n));
            if a.basis == Some(LegalBasis::GerechtvaardigdBelang) {
                list.push(labelled(&c.interest, &a.interest, &c.missing_interest, &n));
            }
            if a.special {
                list.push(expand(&c.special_yes, &[]));
            }
            if a.criminal {
                list.push(expand(&c.criminal_yes, &[]));
            }
            s.blocks.push(Block::List(list));
        }
        if interest_said && !interest_used {
            s.blocks
                .push(Block::Paragraph(expand(&c.unlisted_interest, &[])));
        }
        s
    }

    fn others(&self) -> Section {
        let c = &self.c.others;
        let mut s = self.section("bronnen", &c.heading, &c.covers);
        s.blocks.push(Block::Paragraph(expand(&c.text, &[])));
        s
    }

    /// A list with one entry per activity: `Name: value`, or the placeholder.
    pub(super) fn per_activity(&self, value: impl Fn(&Activity) -> &str, missing: &str) -> Block {
        Block::List(
            self.activities
                .iter()
                .map(|a| {
                    let n = name(a);
                    let mut item = vec![Inline::Strong(format!("{n}:")), " ".into()];
                    let v = sanitize::line(value(a));
                    if v.is_empty() {
                        item.extend(expand(missing, &[("naam", &n)]));
                    } else {
                        item.push(Inline::Text(v));
                    }
                    item
                })
                .collect(),
        )
    }

    fn recipients(&self) -> Section {
        let c = &self.c.recipients;
        let mut s = self.section("ontvangers", &c.heading, &c.covers);
        let processors: Vec<_> = self.assessment.documents.processors().collect();
        if self.activities.is_empty() && processors.is_empty() {
            s.blocks.push(Block::Paragraph(expand(&c.empty, &[])));
            return s;
        }
        if !self.activities.is_empty() {
            s.blocks.push(Block::Paragraph(expand(&c.intro, &[])));
            s.blocks
                .push(self.per_activity(|a| &a.recipients, &c.missing));
        }
        if !processors.is_empty() {
            s.blocks.push(Block::Paragraph(expand(&c.processors, &[])));
            let list = processors
                .iter()
                .map(|p| {
                    let service = sanitize::line(&p.service);
                    let name = sanitize::line(&p.name);
                    if service.is_empty() {
                        vec![Inline::Strong(name)]
                    } else {
                        vec![
                            Inline::Strong(format!("{name}:")),
                            format!(" {service}").into(),
                        ]
                    }
                })
                .collect();
            s.blocks.push(Block::List(list));
        }
        s
    }

    fn transfers(&self) -> Section {
        let c = &self.c.transfers;
        let mut s = self.section("doorgifte", &c.heading, &c.covers);
        let mut real = Vec::new();
        let mut missing = Vec::new();
        for a in &self.activities {
            let n = name(a);
            let text = sanitize::line(&a.transfers);
            if text.is_empty() {
                missing.push(expand(&c.missing_activity, &[("naam", &n)]));
            } else if !says_none(&text) {
                real.push(vec![
                    Inline::Strong(format!("{n}:")),
                    " ".into(),
                    text.into(),
                ]);
            }
        }
        for p in self.assessment.documents.processors() {
            let n = sanitize::line(&p.name);
            match p.location {
                None => missing.push(expand(&c.missing_location, &[("naam", &n)])),
                Some(Location::Eer) => {}
                Some(Location::BuitenEer) => {
                    let safeguard = sanitize::line(&p.safeguard);
                    let mut item = vec![Inline::Strong(format!("{n}:")), " ".into()];
                    if safeguard.is_empty() {
                        item.extend(expand(&c.missing_safeguard, &[("naam", &n)]));
                    } else {
                        item.push(safeguard.into());
                    }
                    real.push(item);
                }
            }
        }
        let nothing_known =
            self.activities.is_empty() && self.assessment.documents.processors().next().is_none();
        if !real.is_empty() {
            s.blocks.push(Block::Paragraph(expand(&c.some, &[])));
            real.extend(missing);
            s.blocks.push(Block::List(real));
            s.blocks.push(Block::Paragraph(expand(&c.copy, &[])));
        } else if !missing.is_empty() {
            s.blocks.push(Block::List(missing));
        } else if self.yes("buiten-eer") {
            s.blocks.push(Block::Paragraph(expand(&c.unlisted, &[])));
        } else if nothing_known {
            s.blocks.push(Block::Paragraph(expand(&c.empty, &[])));
        } else {
            s.blocks.push(Block::Paragraph(expand(&c.none, &[])));
        }
        s
    }
}
