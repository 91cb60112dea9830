//! The bundled checklists: the content the tool ships with.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use pqs::checklist::{BUNDLED, Catalog, Checklist, Source};

const IDS: [&str; 8] = [
    "privacyverklaring",
    "verwerkingsregister",
    "beveiligingsplan",
    "webwinkel-tips",
    "datalekken",
    "toestemming-cookies",
    "avg-stappen",
    "persoonsgegevens",
];

/// Outdated terms from before the AVG (Part B of the content review); none may appear.
const RED_FLAGS: [&str; 6] = [
    "Wbp",
    "CBP",
    "College bescherming persoonsgegevens",
    "zeven werkdagen",
    "7 werkdagen",
    "acceptgiro",
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

#[test]
fn exactly_the_eight_bundled_checklists_in_order() {
    let catalog = catalog();
    let ids: Vec<&str> = catalog.checklists().iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, IDS);
    assert_eq!(BUNDLED.len(), 8);
    for c in catalog.checklists() {
        assert_eq!(c.source, Source::Bundled, "{}", c.id);
        assert!(!c.title.trim().is_empty(), "{}", c.id);
        assert!(c.version >= 1, "{}", c.id);
        assert_eq!(c.reviewed.len(), 10, "{}: reviewed {:?}", c.id, c.reviewed);
        assert!(!c.items.is_empty(), "{}", c.id);
    }
}

#[test]
fn every_item_is_complete() {
    for (checklist, item) in catalog().items() {
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
fn webwinkel_tips_has_nine_items() {
    assert_eq!(checklist("webwinkel-tips").items.len(), 9);
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

#[test]
fn no_outdated_terms() {
    for c in catalog().checklists() {
        let mut texts = vec![("title", c.title.clone())];
        texts.extend(c.intro.clone().map(|t| ("intro", t)));
        for item in &c.items {
            texts.extend(item.section.clone().map(|t| ("section", t)));
            texts.push(("question", item.question.clone()));
            texts.push(("explanation", item.explanation.clone()));
            texts.push(("action", item.action.clone()));
            texts.push(("reference", item.reference.clone()));
            texts.extend(item.links.iter().map(|l| ("links", l.clone())));
        }
        for (field, text) in &texts {
            let lower = text.to_lowercase();
            for flag in RED_FLAGS {
                // Abbreviations match as whole words, phrases anywhere; both in any case.
                let hit = if flag.len() <= 3 {
                    text.split(|ch: char| !ch.is_alphanumeric())
                        .any(|w| w.eq_ignore_ascii_case(flag))
                } else {
                    lower.contains(&flag.to_lowercase())
                };
                assert!(!hit, "{} {field} mentions {flag:?}: {text}", c.id);
            }
        }
    }
}
