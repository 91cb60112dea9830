//! The bundled checklists: the content the tool ships with.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use pqs::checklist::{BUNDLED, Catalog, Checklist, Depth, Entry, Facts, Scope, Source, Value};

const IDS: [&str; 12] = [
    "privacyverklaring",
    "verwerkingsregister",
    "beveiligingsplan",
    "webwinkel-tips",
    "datalekken",
    "toestemming-cookies",
    "avg-stappen",
    "persoonsgegevens",
    "personeel",
    "camera",
    "ai-tools",
    "verwerker",
];

/// The date every checklist was last checked against the law.
const REVIEWED: &str = "2026-12-01";

/// Outdated terms from before the AVG (Part B of the content review); none may appear.
const RED_FLAGS: [&str; 6] = [
    "Wbp",
    "CBP",
    "College bescherming persoonsgegevens",
    "zeven werkdagen",
    "7 werkdagen",
    "acceptgiro",
];

/// Outdated claims of Part B and the second review, and jargon it named; none may appear in any text
/// (lower case).
const OUTDATED_PHRASES: [&str; 7] = [
    "vanaf 19 juni 2026",
    "alleen instellingen in de gezondheidszorg",
    "nederlandse versie van de europese",
    "niet uit zichzelf",
    "privacygevoelige data",
    "in 8 stappen",
    "footer",
];

fn catalog() -> Catalog {
    Catalog::bundled()
}

fn checklist(id: &str) -> Checklist {
    catalog()
        .checklist(id)
        .unwrap_or_else(|| panic!("{id} missing"))
        .clone()
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[test]
fn exactly_the_twelve_bundled_checklists_in_order() {
    let catalog = catalog();
    let ids: Vec<&str> = catalog.checklists().iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, IDS);
    assert_eq!(BUNDLED.len(), 12);
    for c in catalog.checklists() {
        assert_eq!(c.source, Source::Bundled, "{}", c.id);
        assert!(!c.title.trim().is_empty(), "{}", c.id);
        assert!(c.version >= 1, "{}", c.id);
        assert_eq!(c.reviewed, REVIEWED, "{}: reviewed", c.id);
        assert!(!c.items.is_empty(), "{}", c.id);
    }
}

#[test]
fn the_bundled_content_passes_every_check_across_files() {
    // Parents, shared items, replaced ids, tasks and intake flags, as `Catalog::load` checks them.
    let errors = catalog().check();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(shown.is_empty(), "{shown:#?}");
}

#[test]
fn every_item_is_complete() {
    let catalog = catalog();
    for (checklist, item) in catalog.items() {
        let at = &item.id;
        assert!(item.id.starts_with(&format!("{}.", checklist.id)), "{at}");
        assert!(!item.reference.trim().is_empty(), "{at}: reference");
        assert!(!item.explanation.trim().is_empty(), "{at}: explanation");
        assert!(!item.action.trim().is_empty(), "{at}: action");
        assert!(
            item.question.ends_with('?'),
            "{at}: question {:?}",
            item.question
        );
        assert!(
            item.question.chars().count() > 10,
            "{at}: question too short"
        );
        let task = item
            .task
            .as_deref()
            .unwrap_or_else(|| panic!("{at}: no task"));
        assert!(catalog.tasks().get(task).is_some(), "{at}: task {task}");
    }
}

#[test]
fn quick_scan_texts_are_short() {
    for (_, item) in catalog().items() {
        let (question, explanation) = match item.depth {
            Depth::Basis => (25, 45),
            Depth::Verdieping => (30, 55),
        };
        assert!(
            words(&item.question) <= question,
            "{}: question has {} words",
            item.id,
            words(&item.question)
        );
        assert!(
            words(&item.explanation) <= explanation,
            "{}: explanation has {} words",
            item.id,
            words(&item.explanation)
        );
    }
    for q in &catalog().intake().questions {
        assert!(words(&q.question) <= 25, "intake {}: question", q.id);
        assert!(words(&q.explanation) <= 40, "intake {}: explanation", q.id);
    }
}

#[test]
fn global_ids_are_unique() {
    let mut seen = HashSet::new();
    for (_, item) in catalog().items() {
        assert!(seen.insert(item.id.clone()), "duplicate {}", item.id);
    }
    assert!(seen.len() > 100, "{} items", seen.len());
}

#[test]
fn every_answer_of_the_old_content_still_has_a_home() {
    // The 136 items of the content before the quick scan, as an answered assessment keeps them.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/assessments/all-136-items.toml"),
    )
    .unwrap();
    let old: BTreeSet<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("[answers.\""))
        .filter_map(|l| l.strip_suffix("\"]"))
        .collect();
    assert_eq!(old.len(), 136, "the fixture's answers");
    let catalog = catalog();
    let mut replaced_by: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, item) in catalog.items() {
        for id in &item.replaces {
            *replaced_by.entry(id.as_str()).or_default() += 1;
        }
    }
    for id in old {
        let kept = catalog.item(id).is_some();
        let replacement = catalog.replacement(id);
        let retired = catalog.retired(id);
        let ways =
            usize::from(kept) + usize::from(replacement.is_some()) + usize::from(retired.is_some());
        assert_eq!(
            ways, 1,
            "{id}: kept {kept}, replaced by {replacement:?}, retired {retired:?}; exactly one is allowed"
        );
        if let Some(new) = replacement {
            assert!(
                catalog.item(new).is_some(),
                "{id} is replaced by {new}, which does not exist"
            );
            assert_eq!(
                replaced_by.get(id),
                Some(&1),
                "{id} is in more than one `replaces`"
            );
        }
        if let Some(reason) = retired {
            assert!(!reason.trim().is_empty(), "{id}: retired without a reason");
        }
    }
}

/// Tips 3 (an own web server) and 6 (https) hold for every website, so they live in avg-stappen and
/// the webshop tips list them: the item, its tip, and the only fact it depends on.
const LISTED_TIPS: [(&str, &str, &str); 2] = [
    (
        "avg-stappen.avg-6-eigen-webserver",
        "Tip 3: ",
        "eigen-webserver",
    ),
    ("avg-stappen.avg-6-https", "Tip 6: ", "website"),
];

#[test]
fn webwinkel_tips_has_nine_tips() {
    let tips = checklist("webwinkel-tips");
    let mut sections: Vec<String> = Vec::new();
    for entry in &tips.entries {
        let section = match entry {
            Entry::Own(i) => {
                let item = &tips.items[*i];
                item.section
                    .as_ref()
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| panic!("{} has no section", item.id))
            }
            Entry::See(id, _) => {
                let (_, tip, _) = LISTED_TIPS
                    .iter()
                    .find(|(listed, ..)| listed == id)
                    .unwrap_or_else(|| panic!("{id} is listed among the tips"));
                format!("{tip}{id}")
            }
        };
        if sections.last() != Some(&section) {
            sections.push(section);
        }
    }
    assert_eq!(sections.len(), 9, "{sections:?}");
    for (n, section) in sections.iter().enumerate() {
        assert!(
            section.starts_with(&format!("Tip {}: ", n + 1)),
            "section {n}: {section}"
        );
    }
    // Asked of every website, webshop or not.
    let catalog = catalog();
    for (id, _, fact) in LISTED_TIPS {
        let (_, item) = catalog.item(id).unwrap_or_else(|| panic!("{id}"));
        let conditions: Vec<String> = item.applies_if.iter().map(ToString::to_string).collect();
        assert_eq!(conditions, [fact], "{id}");
    }
    let server = catalog.intake().question("eigen-webserver").unwrap();
    let asked_if: Vec<String> = server.applies_if.iter().map(ToString::to_string).collect();
    assert_eq!(
        asked_if,
        ["website"],
        "the web-server question, webshop or not"
    );
}

#[test]
fn beveiligingsplan_has_six_steps() {
    let plan = checklist("beveiligingsplan");
    for item in &plan.items {
        let section = item.section.as_deref().unwrap_or_default();
        assert!(!section.trim().is_empty(), "{} has no section", item.id);
    }
    let sections: BTreeSet<&str> = plan
        .items
        .iter()
        .filter_map(|i| i.section.as_deref())
        .collect();
    assert_eq!(sections.len(), 6, "{sections:?}");
}

#[test]
fn consumer_law_and_good_practice_are_marked_apart() {
    let catalog = catalog();
    let scope = |id: &str| catalog.item(id).unwrap_or_else(|| panic!("{id}")).1.scope;
    for id in [
        "webwinkel-tips.tip-1-regels-verkoop-op-afstand",
        "webwinkel-tips.tip-1a-bestelknop",
        "webwinkel-tips.tip-1b-herroepingsknop",
        "webwinkel-tips.tip-5-veilig-betalen",
    ] {
        assert_eq!(scope(id), Scope::Consumentenrecht, "{id}");
    }
    for id in [
        "webwinkel-tips.tip-9-keurmerk",
        "beveiligingsplan.bp-4-aangifte-cybercrime",
        "beveiligingsplan.bp-2a-activiteit-buiten-werktijd",
    ] {
        assert_eq!(scope(id), Scope::GoedePraktijk, "{id}");
    }
    // Good practice is low by the severity definition in checklists/README.md.
    for (_, item) in catalog.items() {
        if item.scope == Scope::GoedePraktijk {
            assert_eq!(item.severity.as_str(), "low", "{}", item.id);
        }
    }
}

#[test]
fn the_intake_decides_register_fg_dpia_and_nis2() {
    let catalog = catalog();
    let intake = catalog.intake();
    let choices = |id: &str| -> Vec<String> {
        intake
            .question(id)
            .unwrap_or_else(|| panic!("intake lacks {id}"))
            .choices
            .iter()
            .map(|c| c.id.clone())
            .collect()
    };
    assert_eq!(
        choices("omvang"),
        ["alleen", "2-9", "10-49", "50-249", "250-plus"]
    );
    assert_eq!(choices("klanten"), ["consumenten", "bedrijven", "beide"]);
    for flag in [
        "camera",
        "personeel",
        "personeel-gezondheid",
        "ai-tools",
        "sociale-media",
        "verwerker-voor-klanten",
        "fotos",
        "telemarketing",
        "bijzondere-toestemming",
        "kinderen-toestemming",
    ] {
        assert!(
            intake.question(flag).is_some_and(|q| q.is_yes_no()),
            "{flag}"
        );
    }
    for id in ["registerplicht", "fg-plicht", "dpia", "nis2"] {
        let decision = intake
            .decision(id)
            .unwrap_or_else(|| panic!("decision {id}"));
        assert!(!decision.outcomes.is_empty(), "{id}");
        for outcome in &decision.outcomes {
            assert!(
                !outcome.when.is_empty(),
                "{id}: an outcome without conditions decides before anything is answered"
            );
        }
    }
    // Nothing answered: nothing decided yet.
    assert!(
        intake
            .decision("registerplicht")
            .unwrap()
            .decide(&Facts::new())
            .is_none()
    );
    // A small business without special data must keep a register, needs no FG and is not under NIS2.
    let facts: Facts = [
        ("omvang", Value::Choice("2-9".into())),
        ("bijzondere-gegevens", Value::No),
        ("strafrechtelijke-gegevens", Value::No),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let facts = intake.effective(&facts);
    assert_eq!(
        facts.get("registerplicht"),
        Some(&Value::Choice("ja".into()))
    );
    assert_eq!(facts.get("fg-plicht"), Some(&Value::Choice("nee".into())));
    assert_eq!(facts.get("nis2"), Some(&Value::Choice("nee".into())));
}

/// Items at the full depth that cover each element of the law's own lists.
const COVERAGE: &[(&str, &[&str])] = &[
    (
        "art. 13 lid 1 sub a",
        &["privacyverklaring.pv-identiteit-contact"],
    ),
    ("art. 13 lid 1 sub b", &["privacyverklaring.pv-fg-contact"]),
    (
        "art. 13 lid 1 sub c",
        &[
            "privacyverklaring.pv-doeleinden",
            "privacyverklaring.pv-grondslag",
        ],
    ),
    (
        "art. 13 lid 1 sub d",
        &["privacyverklaring.pv-gerechtvaardigd-belang"],
    ),
    ("art. 13 lid 1 sub e", &["privacyverklaring.pv-ontvangers"]),
    (
        "art. 13 lid 1 sub f",
        &["privacyverklaring.pv-doorgifte-buiten-eer"],
    ),
    (
        "art. 13 lid 2 sub a",
        &["privacyverklaring.pv-bewaartermijnen"],
    ),
    (
        "art. 13 lid 2 sub b",
        &["privacyverklaring.pv-rechten-betrokkenen"],
    ),
    (
        "art. 13 lid 2 sub c",
        &["privacyverklaring.pv-intrekken-toestemming"],
    ),
    (
        "art. 13 lid 2 sub d",
        &["privacyverklaring.pv-klachtrecht-ap"],
    ),
    (
        "art. 13 lid 2 sub e",
        &["privacyverklaring.pv-verplichte-verstrekking"],
    ),
    (
        "art. 13 lid 2 sub f",
        &["privacyverklaring.pv-geautomatiseerde-besluiten"],
    ),
    (
        "art. 30 lid 1 sub a",
        &["verwerkingsregister.vr-naam-contact"],
    ),
    (
        "art. 30 lid 1 sub b",
        &["verwerkingsregister.vr-doeleinden"],
    ),
    (
        "art. 30 lid 1 sub c",
        &["verwerkingsregister.vr-betrokkenen-en-gegevens"],
    ),
    (
        "art. 30 lid 1 sub d",
        &["verwerkingsregister.vr-ontvangers"],
    ),
    (
        "art. 30 lid 1 sub e",
        &["verwerkingsregister.vr-doorgifte-derde-land"],
    ),
    (
        "art. 30 lid 1 sub f",
        &["verwerkingsregister.vr-bewaartermijnen"],
    ),
    (
        "art. 30 lid 1 sub g",
        &["verwerkingsregister.vr-beveiligingsmaatregelen"],
    ),
    (
        "art. 28 lid 3 (aanhef)",
        &["avg-stappen.avg-5-vo-onderwerp"],
    ),
    ("art. 28 lid 3 sub a", &["avg-stappen.avg-5-vo-instructies"]),
    (
        "art. 28 lid 3 sub b",
        &["avg-stappen.avg-5-vo-geheimhouding"],
    ),
    ("art. 28 lid 3 sub c", &["avg-stappen.avg-5-vo-beveiliging"]),
    (
        "art. 28 lid 3 sub d",
        &["avg-stappen.avg-5-vo-subverwerkers"],
    ),
    (
        "art. 28 lid 3 sub e",
        &["avg-stappen.avg-5-vo-hulp-rechten"],
    ),
    (
        "art. 28 lid 3 sub f",
        &[
            "avg-stappen.avg-5-vo-hulp-beveiliging",
            "datalekken.dl-verwerkers-melden",
        ],
    ),
    ("art. 28 lid 3 sub g", &["avg-stappen.avg-5-vo-einde"]),
    ("art. 28 lid 3 sub h", &["avg-stappen.avg-5-vo-controle"]),
    ("art. 33 lid 3 sub a", &["datalekken.dl-melding-aard"]),
    (
        "art. 33 lid 3 sub b",
        &["datalekken.dl-melding-contactpunt"],
    ),
    ("art. 33 lid 3 sub c", &["datalekken.dl-melding-gevolgen"]),
    (
        "art. 33 lid 3 sub d",
        &["datalekken.dl-melding-maatregelen"],
    ),
    ("art. 33 lid 5", &["datalekken.dl-register-alle-lekken"]),
    ("art. 34 lid 1", &["datalekken.dl-betrokkenen-informeren"]),
    (
        "art. 34 lid 2",
        &[
            "datalekken.dl-betrokkenen-inhoud",
            "datalekken.dl-melding-contactpunt",
        ],
    ),
    (
        "art. 34 lid 3 sub a en b",
        &["datalekken.dl-betrokkenen-informeren"],
    ),
    (
        "art. 34 lid 3 sub c",
        &["datalekken.dl-openbare-mededeling"],
    ),
    (
        "art. 11.7a lid 1 sub a Tw",
        &[
            "privacyverklaring.cv-cookiesoorten-en-aanbieders",
            "privacyverklaring.cv-details-per-cookie",
        ],
    ),
    (
        "art. 11.7a lid 1 sub b Tw",
        &[
            "toestemming-cookies.cb-geen-cookies-voor-toestemming",
            "toestemming-cookies.cb-weigeren-even-makkelijk",
        ],
    ),
    (
        "art. 11.7a lid 3 Tw",
        &[
            "privacyverklaring.cv-cookiesoorten-en-aanbieders",
            "toestemming-cookies.cb-analytics-uitzondering",
        ],
    ),
    (
        "art. 11.7a lid 4 Tw",
        &["toestemming-cookies.cb-plugins-na-toestemming"],
    ),
];

#[test]
fn the_full_scan_covers_every_element_of_the_laws_lists() {
    let catalog = catalog();
    for (element, ids) in COVERAGE {
        let article = element
            .split(" lid")
            .next()
            .unwrap()
            .trim_end_matches(" Tw");
        for id in *ids {
            let (_, item) = catalog
                .item(id)
                .unwrap_or_else(|| panic!("{element}: {id} does not exist"));
            assert!(
                item.reference.contains(article),
                "{element}: {id} cites {:?}",
                item.reference
            );
        }
    }
}

#[test]
fn every_checklist_file_is_bundled() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("checklists");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| {
            name.ends_with(".toml")
                && !pqs::checklist::catalog::SPECIAL_FILES.contains(&name.as_str())
        })
        .collect();
    files.sort();
    let mut bundled: Vec<String> = BUNDLED.iter().map(|(name, _)| (*name).to_owned()).collect();
    bundled.sort();
    assert_eq!(files, bundled);
    for (name, text) in BUNDLED {
        assert_eq!(
            std::fs::read_to_string(dir.join(name)).unwrap(),
            *text,
            "{name} is bundled as it is on disk"
        );
    }
}

/// Every text a user reads: checklists, intake, decisions, tasks and glossary.
fn all_texts() -> Vec<(String, String)> {
    let catalog = catalog();
    let mut texts: Vec<(String, String)> = Vec::new();
    for c in catalog.checklists() {
        texts.push((c.id.to_string(), c.title.to_string()));
        texts.extend(c.intro.clone().map(|t| (c.id.to_string(), t)));
        for item in &c.items {
            let id = item.id.to_string();
            texts.extend(item.section.as_ref().map(|t| (id.clone(), t.to_string())));
            for t in [
                item.question.as_str(),
                &item.explanation,
                &item.action,
                &item.reference,
            ] {
                texts.push((id.clone(), t.to_owned()));
            }
            texts.extend(item.links.iter().map(|l| (id.clone(), l.clone())));
        }
    }
    let intake = catalog.intake();
    for q in &intake.questions {
        texts.push((q.id.clone(), q.question.clone()));
        texts.push((q.id.clone(), q.explanation.clone()));
    }
    for d in &intake.decisions {
        texts.push((d.id.clone(), d.title.clone()));
        for o in &d.outcomes {
            texts.push((d.id.clone(), o.reason.clone()));
            texts.extend(o.find_out.clone().map(|t| (d.id.clone(), t)));
        }
    }
    for t in &catalog.tasks().tasks {
        texts.push((t.id.clone(), t.title.clone()));
        texts.extend(t.steps.iter().map(|s| (t.id.clone(), s.clone())));
    }
    for t in &catalog.glossary().terms {
        texts.push((t.term.clone(), t.meaning.clone()));
    }
    texts
}

#[test]
fn no_outdated_terms() {
    for (at, text) in all_texts() {
        let lower = text.to_lowercase();
        for flag in RED_FLAGS {
            // Abbreviations match as whole words, phrases anywhere; both in any case.
            let hit = if flag.len() <= 3 {
                text.split(|ch: char| !ch.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case(flag))
            } else {
                lower.contains(&flag.to_lowercase())
            };
            assert!(!hit, "{at} mentions {flag:?}: {text}");
        }
        for phrase in OUTDATED_PHRASES {
            assert!(!lower.contains(phrase), "{at} says {phrase:?}: {text}");
        }
    }
}

#[test]
fn no_sentence_is_copied_from_the_seed_articles() {
    // Six words in a row from a seed article count as copied.
    // Beside the repository (`../shared/seeds`), or where PQS_SEEDS points.
    let seeds = std::env::var_os("PQS_SEEDS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"),
        std::path::PathBuf::from,
    );
    let Ok(entries) = std::fs::read_dir(&seeds) else {
        eprintln!("seed articles not found at {}; skipped", seeds.display());
        return;
    };
    let normalise = |t: &str| -> Vec<String> {
        t.to_lowercase()
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let mut grams: HashSet<Vec<String>> = HashSet::new();
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let words = normalise(&std::fs::read_to_string(&path).unwrap());
            for w in words.windows(6) {
                grams.insert(w.to_vec());
            }
        }
    }
    for (at, text) in all_texts() {
        for w in normalise(&text).windows(6) {
            assert!(
                !grams.contains(w),
                "{at} copies {:?} from a seed article",
                w.join(" ")
            );
        }
    }
}

#[test]
fn every_task_is_used_and_links_to_an_authority() {
    let catalog = catalog();
    let used: BTreeSet<&str> = catalog
        .items()
        .filter_map(|(_, item)| item.task.as_deref())
        .collect();
    let authorities = [
        "https://www.autoriteitpersoonsgegevens.nl/",
        "https://ondernemersplein.kvk.nl/",
        "https://www.acm.nl/",
        "https://www.ncsc.nl/",
        "https://www.digitaltrustcenter.nl/",
    ];
    for task in &catalog.tasks().tasks {
        assert!(
            used.contains(task.id.as_str()),
            "task {} has no item",
            task.id
        );
        assert!(!task.steps.is_empty(), "task {} has no steps", task.id);
        assert!(!task.links.is_empty(), "task {} has no links", task.id);
        for link in &task.links {
            assert!(
                authorities.iter().any(|a| link.starts_with(a)),
                "task {}: {link} is not an authoritative page",
                task.id
            );
        }
    }
    // What the AP and the ACM actively enforce is marked so the plan can rank it first.
    for id in [
        "cookies",
        "toestemming-marketing",
        "verwerkers",
        "datalekken",
    ] {
        assert!(catalog.tasks().get(id).is_some_and(|t| t.enforced), "{id}");
    }
}
