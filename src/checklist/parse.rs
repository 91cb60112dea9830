//! One checklist file: TOML -> raw shape -> validated [`Checklist`]. What can be checked within one
//! file is checked here; what needs the other files (a parent in another checklist, a task, an
//! intake flag) is checked by the catalog.

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use super::load::{LoadError, Validator};
use super::model::{
    Checklist, Depth, Entry, Item, Retired, Scope, Severity, Source, Text, fingerprint_value,
    global_id, is_kebab_case,
};
use crate::sanitize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChecklist {
    id: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    version: Option<Spanned<i64>>,
    reviewed: Option<Spanned<toml::value::Datetime>>,
    intro: Option<Spanned<String>>,
    order: Option<i64>,
    applies_if: Option<Spanned<toml::Value>>,
    items: Option<Spanned<Vec<Spanned<RawItem>>>>,
    retired: Option<Vec<Spanned<RawRetired>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: Option<Spanned<String>>,
    see: Option<Spanned<String>>,
    section: Option<Spanned<String>>,
    question: Option<Spanned<String>>,
    explanation: Option<Spanned<String>>,
    action: Option<Spanned<String>>,
    reference: Option<Spanned<String>>,
    severity: Option<Spanned<String>>,
    depth: Option<Spanned<String>>,
    scope: Option<Spanned<String>>,
    task: Option<Spanned<String>>,
    follows: Option<Spanned<String>>,
    replaces: Option<Vec<Spanned<String>>>,
    links: Option<Vec<Spanned<String>>>,
    applies_if: Option<Spanned<toml::Value>>,
}

impl RawItem {
    /// Whether any field other than `see` is set.
    fn has_own_fields(&self) -> bool {
        self.id.is_some()
            || self.section.is_some()
            || self.question.is_some()
            || self.explanation.is_some()
            || self.action.is_some()
            || self.reference.is_some()
            || self.severity.is_some()
            || self.depth.is_some()
            || self.scope.is_some()
            || self.task.is_some()
            || self.follows.is_some()
            || self.replaces.is_some()
            || self.links.is_some()
            || self.applies_if.is_some()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRetired {
    id: Option<Spanned<String>>,
    reason: Option<Spanned<String>>,
}

/// A checklist id that cannot be used: `intake.toml`, `tasks.toml` and `glossary.toml` are other
/// kinds of file, and an imported checklist is written as `ID.toml`.
pub const RESERVED_IDS: [&str; 3] = ["intake", "tasks", "glossary"];

const SEVERITIES: [(&str, Severity); 3] = [
    ("high", Severity::High),
    ("medium", Severity::Medium),
    ("low", Severity::Low),
];
const DEPTHS: [(&str, Depth); 2] = [("basis", Depth::Basis), ("verdieping", Depth::Verdieping)];
const SCOPES: [(&str, Scope); 3] = [
    ("avg", Scope::Avg),
    ("consumentenrecht", Scope::Consumentenrecht),
    ("goede-praktijk", Scope::GoedePraktijk),
];

/// Whether `id` is a global item id: `checklist-id.item-id`, both kebab-case.
pub fn is_global_id(id: &str) -> bool {
    id.split_once('.')
        .is_some_and(|(c, i)| is_kebab_case(c) && is_kebab_case(i))
}

/// Parses and validates one checklist file. Returns every problem found, not only the first.
pub fn parse_checklist(
    text: &str,
    file: &str,
    source: Source,
) -> Result<Checklist, Vec<LoadError>> {
    let (mut v, raw) = Validator::start::<RawChecklist>(text, file)?;
    let whole = 0..0;
    let id_span = raw.id.as_ref().map_or(whole.clone(), Spanned::span);
    let id = v.id(raw.id, whole.clone());
    if RESERVED_IDS.contains(&id.as_str()) {
        v.error(
            id_span,
            format!(
                "de id \"{id}\" is gereserveerd voor het bestand {id}.toml; kies een andere id"
            ),
        );
    }
    let title = v.text(raw.title, "title", whole.clone());
    let version = v.version(raw.version);
    let reviewed = v.reviewed(raw.reviewed);
    let intro = v.optional_text(raw.intro, "intro");
    let applies_if = v.conditions(raw.applies_if);
    let raw_items = match raw.items {
        None => {
            v.error(
                whole,
                "er staan geen vragen in dit bestand; voeg ten minste één `[[items]]`-blok toe",
            );
            Vec::new()
        }
        Some(items) if items.get_ref().is_empty() => {
            v.error(
                items.span(),
                "`items` is leeg; voeg ten minste één `[[items]]`-blok toe",
            );
            Vec::new()
        }
        Some(items) => items.into_inner(),
    };
    let mut seen = HashSet::with_capacity(raw_items.len());
    let mut items = Vec::with_capacity(raw_items.len());
    let mut entries = Vec::with_capacity(raw_items.len());
    for raw_item in raw_items {
        let span = raw_item.span();
        let raw_item = raw_item.into_inner();
        if let Some(see) = &raw_item.see {
            if raw_item.has_own_fields() {
                v.error(
                    span.clone(),
                    "een blok met `see` verwijst naar een vraag van een andere checklist en heeft verder geen velden; haal de andere velden weg of maak er een eigen vraag van",
                );
            }
            let target = see.get_ref().trim();
            if !is_global_id(target) || target.starts_with(&format!("{id}.")) {
                v.error(
                    see.span(),
                    format!(
                        "`see` moet de globale id van een vraag in een andere checklist zijn, zoals \"datalekken.dl-register\" (niet \"{}\")",
                        sanitize::line(target)
                    ),
                );
            } else if !seen.insert(target.to_owned()) {
                v.error(
                    see.span(),
                    format!("\"{target}\" staat al eerder in deze checklist"),
                );
            } else {
                let position = v.position(see.span().start);
                entries.push(Entry::See(target.to_owned(), position));
            }
            continue;
        }
        let id_span = raw_item.id.as_ref().map_or(span.clone(), Spanned::span);
        let position = v.position(id_span.start);
        let local_id = v.id(raw_item.id, span.clone());
        if !local_id.is_empty() && !seen.insert(local_id.clone()) {
            v.error(id_span, format!("de id \"{local_id}\" komt al eerder voor in dit bestand; elke vraag heeft een eigen id nodig"));
        }
        let section = v.optional_text(raw_item.section, "section");
        let question = v.text(raw_item.question, "question", span.clone());
        let explanation = v.text(raw_item.explanation, "explanation", span.clone());
        let action = v.text(raw_item.action, "action", span.clone());
        let reference = v.text(raw_item.reference, "reference", span.clone());
        if raw_item.severity.is_none() {
            v.error(
                span.clone(),
                "het veld `severity` ontbreekt; kies \"high\", \"medium\" of \"low\"",
            );
        }
        let severity = v.choice(raw_item.severity, "severity", &SEVERITIES, Severity::Low);
        let depth = v.choice(raw_item.depth, "depth", &DEPTHS, Depth::Basis);
        let scope = v.choice(raw_item.scope, "scope", &SCOPES, Scope::Avg);
        let task = raw_item.task.map(|task| {
            let name = task.get_ref().trim().to_owned();
            if !is_kebab_case(&name) {
                v.error(
                    task.span(),
                    format!(
                        "ongeldige `task` \"{}\": schrijf de id van een taak uit tasks.toml",
                        sanitize::line(&name)
                    ),
                );
            }
            name
        });
        let follows = raw_item.follows.map(|parent| {
            let name = parent.get_ref().trim().to_owned();
            let global = if name.contains('.') {
                name.clone()
            } else {
                global_id(&id, &name)
            };
            if !is_global_id(&global) {
                v.error(
                    parent.span(),
                    format!(
                        "ongeldige `follows` \"{}\": schrijf de id van een vraag in deze checklist, of de globale id (checklist.vraag)",
                        sanitize::line(&name)
                    ),
                );
            } else if global == global_id(&id, &local_id) {
                v.error(parent.span(), "een vraag kan niet op zichzelf volgen");
            }
            global
        });
        let mut replaces = Vec::new();
        for old in raw_item.replaces.unwrap_or_default() {
            let name = old.get_ref().trim().to_owned();
            if is_global_id(&name) {
                replaces.push(name);
            } else {
                v.error(
                    old.span(),
                    format!(
                        "ongeldige id \"{}\" in `replaces`: schrijf de globale id van de vervangen vraag (checklist.vraag)",
                        sanitize::line(&name)
                    ),
                );
            }
        }
        let applies_if = v.conditions(raw_item.applies_if);
        let links = v.links(raw_item.links);
        entries.push(Entry::Own(items.len()));
        items.push(Item {
            id: global_id(&id, &local_id).into(),
            local_start: u32::try_from(id.len() + 1).unwrap_or(u32::MAX),
            section: section.map(Text::from),
            fingerprint: fingerprint_value(&question),
            question: question.into(),
            explanation,
            action: action.into(),
            reference: reference.into(),
            severity,
            links,
            applies_if,
            depth,
            scope,
            task: task.map(Text::from),
            follows: follows.map(Text::from),
            replaces,
            position,
        });
    }
    if items.is_empty() && !entries.is_empty() {
        v.error(
            0..0,
            "een checklist heeft ten minste één eigen vraag nodig, naast de vragen met `see`",
        );
    }
    let mut retired = Vec::new();
    for raw_retired in raw.retired.unwrap_or_default() {
        let span = raw_retired.span();
        let raw_retired = raw_retired.into_inner();
        let local = v.id(raw_retired.id, span.clone());
        let reason = v.text(raw_retired.reason, "reason", span.clone());
        if seen.contains(&local) {
            v.error(
                span,
                format!("\"{local}\" staat bij `retired` maar is nog een vraag in deze checklist"),
            );
        }
        retired.push(Retired {
            id: global_id(&id, &local),
            reason,
        });
    }
    if !v.errors.is_empty() {
        return Err(v.errors);
    }
    Ok(Checklist {
        id: id.into(),
        title: title.into(),
        version,
        reviewed,
        intro,
        order: raw.order.unwrap_or(i64::MAX),
        applies_if,
        items,
        entries,
        retired,
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "id = \"c\"\ntitle = \"C\"\nversion = 1\nreviewed = 2026-12-01\n";

    fn item(id: &str, extra: &str) -> String {
        format!(
            "\n[[items]]\nid = \"{id}\"\nquestion = \"Q?\"\nexplanation = \"E.\"\naction = \"A.\"\n\
             reference = \"art. 1 AVG\"\nseverity = \"low\"\n{extra}"
        )
    }

    fn errors(text: &str) -> Vec<String> {
        parse_checklist(text, "c.toml", Source::Bundled)
            .expect_err("invalid")
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn the_new_fields_are_read_with_their_defaults() {
        let text = format!(
            "{HEAD}{}{}{}\n[[items]]\nsee = \"andere.vraag\"\n\n[[retired]]\nid = \"oud\"\nreason = \"Samengevoegd.\"\n",
            item("register", "depth = \"basis\"\ntask = \"register\"\n"),
            item(
                "register-doelen",
                "depth = \"verdieping\"\nfollows = \"register\"\nreplaces = [\"vr.oud-doelen\"]\napplies_if = [\"personeel\", \"omvang=10-49|50-249\"]\n"
            ),
            item(
                "tip",
                "scope = \"consumentenrecht\"\nlinks = [\"https://www.acm.nl/\"]\n"
            ),
        );
        let c = parse_checklist(&text, "c.toml", Source::Bundled).unwrap();
        let [register, doelen, tip] = &c.items[..] else {
            panic!("three items")
        };
        assert_eq!((register.depth, register.scope), (Depth::Basis, Scope::Avg));
        assert_eq!(register.task.as_deref(), Some("register"));
        assert_eq!(doelen.follows.as_deref(), Some("c.register"));
        assert_eq!(doelen.replaces, ["vr.oud-doelen"]);
        assert_eq!(doelen.depth, Depth::Verdieping);
        let conditions: Vec<String> = doelen.applies_if.iter().map(ToString::to_string).collect();
        assert_eq!(conditions, ["personeel", "omvang=10-49|50-249"]);
        assert_eq!(tip.scope, Scope::Consumentenrecht);
        assert_eq!(tip.depth, Depth::Basis, "basis when not given");
        assert_eq!(
            c.entries,
            [
                Entry::Own(0),
                Entry::Own(1),
                Entry::Own(2),
                Entry::See("andere.vraag".into(), (39, 7))
            ]
        );
        assert_eq!(c.retired[0].id, "c.oud");
    }

    #[test]
    fn bad_values_are_named_where_they_are() {
        let text = format!(
            "{HEAD}{}",
            item(
                "v",
                "depth = \"diep\"\nscope = \"privacy\"\nfollows = \"Niet Goed\"\nreplaces = [\"zonder-punt\"]\nlinks = [\"www.ap.nl\"]\napplies_if = [\"omvang=\", 3]\n"
            )
        );
        let shown = errors(&text);
        let expect = [
            "c.toml:13:9: onbekende waarde \"diep\" voor `depth`; kies \"basis\" of \"verdieping\"",
            "c.toml:14:9: onbekende waarde \"privacy\" voor `scope`",
            "c.toml:15:11: ongeldige `follows` \"Niet Goed\"",
            "c.toml:16:13: ongeldige id \"zonder-punt\" in `replaces`",
            "c.toml:18:14: `applies_if` moet een tekst zijn of een lijst van teksten",
            "c.toml:17:10: \"www.ap.nl\" is geen webadres",
        ];
        for e in expect {
            assert!(shown.iter().any(|s| s.starts_with(e)), "{e}\nin {shown:#?}");
        }
    }

    #[test]
    fn see_entries_and_retired_ids_are_checked_within_the_file() {
        let text = format!(
            "{HEAD}{}\n[[items]]\nsee = \"c.v\"\nquestion = \"x\"\n\n[[retired]]\nid = \"v\"\nreason = \"weg\"\n",
            item("v", "")
        );
        let shown = errors(&text);
        assert!(
            shown.iter().any(|e| e.contains("een blok met `see`")),
            "{shown:#?}"
        );
        assert!(
            shown.iter().any(|e| e.contains("`see` moet de globale id")),
            "{shown:#?}"
        );
        assert!(
            shown
                .iter()
                .any(|e| e.contains("\"v\" staat bij `retired`")),
            "{shown:#?}"
        );
        let reserved = errors(&format!(
            "{}{}",
            HEAD.replace("\"c\"", "\"tasks\""),
            item("v", "")
        ));
        assert!(
            reserved[0].contains("de id \"tasks\" is gereserveerd"),
            "{reserved:?}"
        );
    }
}
