use super::content::{Content, expand};
use super::*;
use crate::checklist::{Catalog, Value};
use crate::documents::{LegalBasis, Location};
use crate::report::fixture::{bakery_with_documents, now};

fn draft(a: &Assessment) -> Statement {
    Statement::draft(&Catalog::bundled(), a)
}

fn section<'a>(s: &'a Statement, id: &str) -> &'a Section {
    s.sections
        .iter()
        .find(|x| x.id == id)
        .unwrap_or_else(|| panic!("no section {id}"))
}

/// Every text of a section, placeholders with their frame, as one string.
fn words(section: &Section) -> String {
    let inline = |i: &Inline| match i {
        Inline::Text(t) | Inline::Strong(t) => t.clone(),
        Inline::Fill(f) => crate::text::statement_fill(f),
    };
    let mut out = String::new();
    for b in &section.blocks {
        match b {
            Block::Paragraph(p) => out.extend(p.iter().map(inline)),
            Block::List(items) => items.iter().flatten().for_each(|i| out += &inline(i)),
            Block::Subheading(h) => out += h,
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_bundled_wording_parses_and_covers_every_element_of_articles_13_and_14() {
    let content = Content::bundled();
    let covered: Vec<Element> = content.all_covers().filter_map(Element::parse).collect();
    for e in Element::ARTICLE_13.into_iter().chain(Element::ARTICLE_14) {
        assert!(covered.contains(&e), "no section covers {}", e.reference());
        assert_eq!(Element::parse(e.id()), Some(e));
    }
    assert_eq!(Element::Controller.reference(), "art. 13 lid 1 sub a AVG");
    assert!(Content::parse("version = 1").is_err());
    let wrong = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/documents/privacyverklaring.toml"
    ))
    .replace("\"13.2.f\"", "\"13.9.z\"");
    assert!(
        Content::parse(&wrong)
            .unwrap_err()
            .to_string()
            .contains("13.9.z")
    );
}

#[test]
fn templates_fill_values_once_and_mark_placeholders() {
    let parts = expand(
        "{naam}: bewaar [VUL IN: termijn voor {naam}] {onbekend}.",
        &[("naam", "{naam} [VUL IN: nep]")],
    );
    assert_eq!(
        parts,
        [
            Inline::Text("{naam} [VUL IN: nep]: bewaar ".into()),
            Inline::Fill("termijn voor {naam} [VUL IN: nep]".into()),
            Inline::Text(" {onbekend}.".into()),
        ]
    );
}

#[test]
fn an_optional_value_is_the_value_or_else_its_placeholder() {
    let template = "Mail {email|e-mailadres} of bel {tel|nummer}.";
    assert_eq!(
        expand(template, &[("email", "{tel|x} a@b.nl"), ("tel", " ")]),
        [
            Inline::Text("Mail ".into()),
            Inline::Text("{tel|x} a@b.nl".into()),
            Inline::Text(" of bel ".into()),
            Inline::Fill("nummer".into()),
            Inline::Text(".".into()),
        ]
    );
    // Not a key: stays as written.
    assert_eq!(
        expand("{Twee woorden|x}", &[]),
        [Inline::Text("{Twee woorden|x}".into())]
    );
}

#[test]
fn the_details_fill_the_address_the_privacy_e_mail_and_the_dpo() {
    let mut a = bakery_with_documents();
    let before = draft(&a).placeholders().len();
    a.details.address = "Dorpsstraat 1, 1234 AB Ergens".into();
    a.details.email = "privacy@korenschoof.nl".into();
    a.details.phone = "020 123 45 67".into();
    a.details.dpo = "Piet Jansen, fg@korenschoof.nl".into();
    let s = draft(&a);
    let who = words(section(&s, "wie"));
    for filled in [
        "Adres: Dorpsstraat 1, 1234 AB Ergens",
        "E-mail voor privacyvragen: privacy@korenschoof.nl",
        "Telefoon: 020 123 45 67",
        "We hebben een functionaris gegevensbescherming (FG)",
        "Je bereikt de FG via Piet Jansen, fg@korenschoof.nl.",
    ] {
        assert!(who.contains(filled), "{filled}: {who}");
    }
    assert!(
        words(section(&s, "rechten")).contains("Stuur je verzoek naar privacy@korenschoof.nl.")
    );
    let fills = s.placeholders();
    assert!(
        !fills
            .iter()
            .any(|f| f.contains("adres") || f.contains("telefoon") || f.contains("FG")),
        "{fills:?}"
    );
    assert_eq!(
        fills.len() + 4,
        before,
        "address, e-mail twice and telephone filled"
    );
}

#[test]
fn a_bakery_with_register_and_processors_gets_every_element_of_article_13() {
    let s = draft(&bakery_with_documents());
    for e in Element::ARTICLE_13.into_iter().chain(Element::ARTICLE_14) {
        assert!(s.covers(e), "{} is missing", e.reference());
    }
    assert_eq!(s.title, "Privacyverklaring van Bakkerij De Korst");
    let who = words(section(&s, "wie"));
    assert!(
        who.contains("Bakkerij De Korst is verantwoordelijk"),
        "{who}"
    );
    assert!(
        who.contains("Anne de Bakker") && who.contains("12345678"),
        "{who}"
    );
    assert!(who.contains("We hebben geen functionaris"), "{who}");
    let purposes = words(section(&s, "doelen"));
    for text in [
        "Bestellingen afhandelen",
        "Nieuwsbrief",
        "Camerabeelden",
        "je toestemming",
    ] {
        assert!(purposes.contains(text), "{text}: {purposes}");
    }
    let transfers = words(section(&s, "doorgifte"));
    assert!(
        transfers.contains("Mailprogramma voor de nieuwsbrief: EU-US Data Privacy Framework"),
        "{transfers}"
    );
    assert!(transfers.contains("kopie"), "{transfers}");
    let retention = words(section(&s, "bewaren"));
    assert!(
        retention.contains("Nieuwsbrief: Tot iemand zich afmeldt."),
        "{retention}"
    );
    let recipients = words(section(&s, "ontvangers"));
    assert!(recipients.contains("Webshopplatform"), "{recipients}");
    let rights = words(section(&s, "rechten"));
    for right in [
        "Inzage",
        "Verbeteren",
        "Verwijderen",
        "Beperken",
        "Bezwaar",
        "Overdragen",
    ] {
        assert!(rights.contains(right), "{right}: {rights}");
    }
    assert!(words(section(&s, "klacht")).contains("Autoriteit Persoonsgegevens"));
    assert!(words(section(&s, "besluiten")).contains("We nemen geen besluiten"));
    assert!(words(section(&s, "verder")).contains("cookieverklaring"));
    // A filled-in register leaves no placeholder for its own fields.
    let fills = s.placeholders();
    assert!(
        !fills
            .iter()
            .any(|f| f.starts_with("bewaartermijn voor") || f.starts_with("doel van")),
        "{fills:?}"
    );
}

#[test]
fn an_empty_register_gives_placeholders_for_purposes_bases_and_retention() {
    let mut a = Assessment::new("", now());
    a.intake.clear();
    let s = draft(&a);
    let fills = s.placeholders();
    let has = |word: &str| fills.iter().any(|f| f.contains(word));
    assert!(has("naam van je bedrijf"), "{fills:?}");
    assert!(has("het doel") && has("de grondslag"), "{fills:?}");
    assert!(has("hoe lang je de gegevens per doel bewaart"), "{fills:?}");
    assert!(has("aan wie je gegevens geeft"), "{fills:?}");
    assert!(
        has("functionaris gegevensbescherming"),
        "unknown DPO: {fills:?}"
    );
    assert!(has("automatisch besluiten"), "unknown decisions: {fills:?}");
    assert_eq!(s.title, "Privacyverklaring");
    // Still every element that always applies; the conditional ones only when they apply.
    for e in Element::ARTICLE_13 {
        let conditional = matches!(e, Element::Interests | Element::Withdrawal);
        assert_eq!(s.covers(e), !conditional, "{}", e.reference());
    }
}

#[test]
fn a_missing_field_is_a_placeholder_named_after_the_activity() {
    let mut a = bakery_with_documents();
    let letter = &mut a.documents.activities[1];
    letter.retention.clear();
    letter.purpose.clear();
    a.documents.activities[0].transfers.clear();
    let s = draft(&a);
    let fills = s.placeholders();
    assert!(
        fills.contains(&"bewaartermijn voor Nieuwsbrief"),
        "{fills:?}"
    );
    assert!(fills.contains(&"doel van Nieuwsbrief"), "{fills:?}");
    assert!(
        fills
            .iter()
            .any(|f| f.starts_with("gaan gegevens van Bestellingen afhandelen")),
        "{fills:?}"
    );
}

#[test]
fn consent_adds_the_withdrawal_paragraph_and_a_legitimate_interest_is_named() {
    let bakery = bakery_with_documents();
    let s = draft(&bakery);
    assert!(s.covers(Element::Withdrawal));
    let consent = words(section(&s, "toestemming"));
    assert!(consent.contains("intrekken"), "{consent}");
    assert!(
        consent.contains("Dit geldt voor: Nieuwsbrief."),
        "{consent}"
    );
    let purposes = words(section(&s, "doelen"));
    assert!(
        purposes.contains("Ons belang: Diefstal, inbraak en vernieling voorkomen"),
        "{purposes}"
    );
    assert!(s.covers(Element::Interests));

    // Without consent anywhere: no withdrawal paragraph; without the interest: a placeholder.
    let mut a = bakery.clone();
    a.documents
        .activities
        .retain(|x| x.basis != Some(LegalBasis::Toestemming));
    a.intake.insert("toestemming".into(), Value::No);
    a.documents.activities[1].interest.clear();
    let s = draft(&a);
    assert!(!s.covers(Element::Withdrawal));
    assert!(!s.sections.iter().any(|x| x.id == "toestemming"));
    assert!(
        s.placeholders()
            .contains(&"welk belang je hebt bij Camerabeelden")
    );

    // No legitimate interest at all: art. 13 lid 1 sub d does not apply.
    a.documents
        .activities
        .retain(|x| x.basis != Some(LegalBasis::GerechtvaardigdBelang));
    a.intake.insert("gerechtvaardigd-belang".into(), Value::No);
    assert!(!draft(&a).covers(Element::Interests));
}

#[test]
fn the_intake_decides_the_dpo_and_automated_decisions_paragraphs() {
    let mut a = bakery_with_documents();
    a.intake.insert("fg".into(), Value::Yes);
    a.intake.insert("automatische-besluiten".into(), Value::Yes);
    let s = draft(&a);
    assert!(words(section(&s, "wie")).contains("We hebben een functionaris"));
    let fills = s.placeholders();
    assert!(
        fills.contains(&"naam en contactgegevens van de FG"),
        "{fills:?}"
    );
    assert!(words(section(&s, "besluiten")).contains("door een mens"));
}

#[test]
fn nothing_outside_the_eea_is_said_so_and_an_unlisted_transfer_is_a_placeholder() {
    let mut a = bakery_with_documents();
    a.documents.processors[1].location = Some(Location::Eer);
    a.intake.insert("buiten-eer".into(), Value::No);
    let s = draft(&a);
    assert!(words(section(&s, "doorgifte")).contains("niet door aan landen buiten"));
    a.intake.insert("buiten-eer".into(), Value::Yes);
    let s = draft(&a);
    assert!(
        s.placeholders()
            .iter()
            .any(|f| f.starts_with("welke gegevens naar welk land"))
    );
}

#[test]
fn no_template_key_or_placeholder_frame_is_left_in_the_text() {
    let mut empty = Assessment::new("", now());
    empty.intake.clear();
    let mut all_yes = bakery_with_documents();
    for flag in [
        "fg",
        "kinderen",
        "bijzondere-gegevens",
        "sociale-media",
        "automatische-besluiten",
    ] {
        all_yes.intake.insert(flag.into(), Value::Yes);
    }
    for a in [bakery_with_documents(), empty, all_yes] {
        let s = draft(&a);
        for section in &s.sections {
            let text = words(section);
            assert!(!text.contains('{') && !text.contains('}'), "{text}");
            for b in &section.blocks {
                for part in b.inlines() {
                    if let Inline::Text(t) | Inline::Strong(t) = part {
                        assert!(!t.contains("VUL IN") && !t.contains(']'), "{t:?}");
                    }
                }
            }
        }
    }
}
