//! The draft privacy statement (art. 13 and 14 AVG): made from the assessment's details, the
//! register, the processors and the intake, with the fixed wording from
//! `documents/privacyverklaring.toml`. Pure: an outline of sections, paragraphs and placeholders
//! that the Markdown and HTML renderers write out. Every section says which elements of art. 13 and
//! 14 it covers, so a test can check that none is missing.

mod content;

pub use content::ContentError;
use content::{Content, elements, expand};

use super::{Activity, LegalBasis, Location};
use crate::assessment::Assessment;
use crate::checklist::{Catalog, Facts, Value};
use crate::sanitize;

/// An element of art. 13 (lid 1 and 2) or art. 14 AVG that a privacy statement must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Element {
    /// 13.1.a: identity and contact details of the controller.
    Controller,
    /// 13.1.b: contact details of the DPO, where there is one.
    Dpo,
    /// 13.1.c: purposes and legal basis.
    Purposes,
    /// 13.1.d: the legitimate interests, where that is the basis.
    Interests,
    /// 13.1.e: recipients or categories of recipients.
    Recipients,
    /// 13.1.f: transfers outside the EEA and the safeguard.
    Transfers,
    /// 13.2.a: retention period or the criteria for it.
    Retention,
    /// 13.2.b: the rights of access, rectification, erasure, restriction, objection, portability.
    Rights,
    /// 13.2.c: withdrawing consent, where consent is the basis.
    Withdrawal,
    /// 13.2.d: the right to complain to the supervisory authority.
    Complaint,
    /// 13.2.e: whether providing the data is required, and what happens if not.
    Requirement,
    /// 13.2.f: automated decisions, profiling included.
    Automated,
    /// 14.1.d: the categories of data (for data from others).
    Categories,
    /// 14.2.f: the source of data from others.
    Source,
}

impl Element {
    /// The twelve elements of art. 13 lid 1 and lid 2, in the order of the law.
    pub const ARTICLE_13: [Element; 12] = [
        Element::Controller,
        Element::Dpo,
        Element::Purposes,
        Element::Interests,
        Element::Recipients,
        Element::Transfers,
        Element::Retention,
        Element::Rights,
        Element::Withdrawal,
        Element::Complaint,
        Element::Requirement,
        Element::Automated,
    ];

    /// The elements of art. 14 beyond art. 13 that a statement covers.
    pub const ARTICLE_14: [Element; 2] = [Element::Categories, Element::Source];

    /// The id as in the wording file: article, paragraph, letter (`13.1.a`).
    pub fn id(self) -> &'static str {
        match self {
            Element::Controller => "13.1.a",
            Element::Dpo => "13.1.b",
            Element::Purposes => "13.1.c",
            Element::Interests => "13.1.d",
            Element::Recipients => "13.1.e",
            Element::Transfers => "13.1.f",
            Element::Retention => "13.2.a",
            Element::Rights => "13.2.b",
            Element::Withdrawal => "13.2.c",
            Element::Complaint => "13.2.d",
            Element::Requirement => "13.2.e",
            Element::Automated => "13.2.f",
            Element::Categories => "14.1.d",
            Element::Source => "14.2.f",
        }
    }

    /// An element from its id.
    pub fn parse(id: &str) -> Option<Element> {
        Element::ARTICLE_13
            .into_iter()
            .chain(Element::ARTICLE_14)
            .find(|e| e.id() == id)
    }

    /// The reference in words: `art. 13 lid 1 sub a AVG`.
    pub fn reference(self) -> String {
        let mut parts = self.id().split('.');
        let (article, paragraph, letter) = (
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
        );
        crate::text::statement_reference(article, paragraph, letter)
    }
}

/// A piece of running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text (from the wording or the assessment; escaped when rendered).
    Text(String),
    /// A label, set in bold.
    Strong(String),
    /// A placeholder for the business to fill in: what is missing, without the `[VUL IN: ]` frame.
    Fill(String),
}

/// A block of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A bulleted list, one entry per item.
    List(Vec<Vec<Inline>>),
    /// A sub-heading (an activity's name).
    Subheading(String),
}

impl Block {
    /// The running text of the block (not a sub-heading).
    pub fn inlines(&self) -> Vec<&Inline> {
        match self {
            Block::Paragraph(p) => p.iter().collect(),
            Block::List(items) => items.iter().flatten().collect(),
            Block::Subheading(_) => Vec::new(),
        }
    }
}

/// One section of the statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// A stable id, used as the anchor in HTML.
    pub id: &'static str,
    /// The heading.
    pub heading: String,
    /// The elements of art. 13 and 14 this section covers.
    pub covers: Vec<Element>,
    /// What it says.
    pub blocks: Vec<Block>,
}

/// The draft privacy statement of one assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The heading: "Privacyverklaring van …".
    pub title: String,
    /// The organisation's name as in the assessment (may be empty), for the browser's title.
    pub organisation: String,
    /// The line saying it is a draft to check before publishing.
    pub draft: Vec<Inline>,
    /// pqs is not legal advice.
    pub disclaimer: &'static str,
    /// The opening paragraph.
    pub intro: Vec<Inline>,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

impl Statement {
    /// The draft for `assessment`: every element of art. 13 that applies, with placeholders where
    /// the assessment does not say.
    pub fn draft(catalog: &Catalog, assessment: &Assessment) -> Statement {
        let facts = catalog.intake().effective(&assessment.intake);
        Draft {
            c: &Content::bundled(),
            assessment,
            facts: &facts,
            activities: assessment.documents.activities().collect(),
        }
        .statement()
    }

    /// Whether some section covers `element`.
    pub fn covers(&self, element: Element) -> bool {
        self.sections.iter().any(|s| s.covers.contains(&element))
    }

    /// Every placeholder's text, in order.
    pub fn placeholders(&self) -> Vec<&str> {
        self.sections
            .iter()
            .flat_map(|s| s.blocks.iter().flat_map(Block::inlines))
            .filter_map(|i| match i {
                Inline::Fill(f) => Some(f.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// What the draft is made from.
struct Draft<'a> {
    c: &'a Content,
    assessment: &'a Assessment,
    facts: &'a Facts,
    activities: Vec<&'a Activity>,
}

/// An activity's name as shown (one line, control characters out).
fn name(a: &Activity) -> String {
    sanitize::line(&a.name)
}

/// `Label: value`, or `Label: [VUL IN: …]` when the value is empty.
fn labelled(label: &str, value: &str, missing: &str, activity: &str) -> Vec<Inline> {
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
    fn flag(&self, flag: &str) -> Option<bool> {
        match self.facts.get(flag) {
            Some(Value::Yes) => Some(true),
            Some(Value::No) => Some(false),
            _ => None,
        }
    }

    fn yes(&self, flag: &str) -> bool {
        self.flag(flag) == Some(true)
    }

    fn uses(&self, basis: LegalBasis) -> bool {
        self.activities.iter().any(|a| a.basis == Some(basis))
    }

    fn section(&self, id: &'static str, heading: &str, covers: &[String]) -> Section {
        Section {
            id,
            heading: heading.to_owned(),
            covers: elements(covers),
            blocks: Vec::new(),
        }
    }

    fn statement(&self) -> Statement {
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
            organisation,
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
        let mut list = vec![
            expand(&c.address, &[]),
            expand(&c.email, &[]),
            expand(&c.phone, &[]),
        ];
        if !contact.is_empty() {
            list.push(expand(&c.contact_person, &[("naam", &contact)]));
        }
        if !kvk.is_empty() {
            list.push(expand(&c.kvk, &[("kvk", &kvk)]));
        }
        s.blocks.push(Block::List(list));
        let dpo = &self.c.dpo;
        let text = match self.flag("fg") {
            Some(true) => &dpo.has,
            Some(false) => &dpo.none,
            None => &dpo.unknown,
        };
        s.blocks.push(Block::Paragraph(expand(text, &[])));
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
                let mut item = vec![Inline::Strong(format!("{}:", c.special)), " ".into()];
                item.extend(expand(&c.special_yes, &[]));
                list.push(item);
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
    fn per_activity(&self, value: impl Fn(&Activity) -> &str, missing: &str) -> Block {
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

    fn retention(&self) -> Section {
        let c = &self.c.retention;
        let mut s = self.section("bewaren", &c.heading, &c.covers);
        if self.activities.is_empty() {
            s.blocks.push(Block::Paragraph(expand(&c.empty, &[])));
        } else {
            s.blocks.push(Block::Paragraph(expand(&c.intro, &[])));
            s.blocks
                .push(self.per_activity(|a| &a.retention, &c.missing));
        }
        s
    }

    fn requirement(&self) -> Section {
        let c = &self.c.requirement;
        let mut s = self.section("verplicht", &c.heading, &c.covers);
        if self.activities.is_empty() {
            s.blocks.push(Block::Paragraph(expand(&c.empty, &[])));
            return s;
        }
        s.blocks.push(Block::Paragraph(expand(&c.intro, &[])));
        let list = self
            .activities
            .iter()
            .map(|a| {
                let template = match a.basis {
                    Some(LegalBasis::Toestemming) => &c.toestemming,
                    Some(LegalBasis::Overeenkomst) => &c.overeenkomst,
                    Some(LegalBasis::WettelijkePlicht) => &c.wettelijke_plicht,
                    _ => &c.other,
                };
                // The name leads as a label: "{naam}: …".
                let rest = template.strip_prefix("{naam}:").unwrap_or(template);
                let mut item = vec![Inline::Strong(format!("{}:", name(a)))];
                item.extend(expand(rest, &[]));
                item
            })
            .collect();
        s.blocks.push(Block::List(list));
        s
    }

    fn decisions(&self) -> Section {
        let c = &self.c.decisions;
        let mut s = self.section("besluiten", &c.heading, &c.covers);
        let text = match self.flag("automatische-besluiten") {
            Some(true) => &c.has,
            Some(false) => &c.none,
            None => &c.unknown,
        };
        s.blocks.push(Block::Paragraph(expand(text, &[])));
        s
    }

    fn extra(&self) -> Option<Section> {
        let c = &self.c.extra;
        let special_listed = self.activities.iter().any(|a| a.special);
        let texts = [
            (self.yes("cookies"), &c.cookies),
            (self.yes("kinderen"), &c.children),
            (
                self.yes("bijzondere-gegevens") && !special_listed,
                &c.special,
            ),
            (self.yes("sociale-media"), &c.social),
        ];
        let mut s = self.section("verder", &c.heading, &[]);
        for (applies, text) in texts {
            if applies {
                s.blocks.push(Block::Paragraph(expand(text, &[])));
            }
        }
        (!s.blocks.is_empty()).then_some(s)
    }

    fn rights(&self) -> Section {
        let c = &self.c.rights;
        let mut s = self.section("rechten", &c.heading, &c.covers);
        s.blocks.push(Block::Paragraph(expand(&c.intro, &[])));
        let list = c
            .list
            .iter()
            .map(|item| {
                // "Inzage: …": the right's name as a label.
                match item.split_once(':') {
                    Some((right, rest)) => {
                        let mut out = vec![Inline::Strong(format!("{right}:"))];
                        out.extend(expand(rest, &[]));
                        out
                    }
                    None => expand(item, &[]),
                }
            })
            .collect();
        s.blocks.push(Block::List(list));
        s.blocks.push(Block::Paragraph(expand(&c.how, &[])));
        s
    }

    fn consent(&self) -> Option<Section> {
        let c = &self.c.consent;
        let on_consent: Vec<String> = self
            .activities
            .iter()
            .filter(|a| a.basis == Some(LegalBasis::Toestemming))
            .map(|a| name(a))
            .collect();
        if on_consent.is_empty() && !self.yes("toestemming") {
            return None;
        }
        let mut s = self.section("toestemming", &c.heading, &c.covers);
        s.blocks.push(Block::Paragraph(expand(&c.text, &[])));
        let applies = if on_consent.is_empty() {
            expand(&c.unlisted, &[])
        } else {
            expand(&c.applies, &[("doelen", &on_consent.join(", "))])
        };
        s.blocks.push(Block::Paragraph(applies));
        Some(s)
    }
}

impl From<&str> for Inline {
    fn from(text: &str) -> Inline {
        Inline::Text(text.to_owned())
    }
}

impl From<String> for Inline {
    fn from(text: String) -> Inline {
        Inline::Text(text)
    }
}

#[cfg(test)]
mod tests;
