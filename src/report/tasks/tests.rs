use jiff::Timestamp;

use super::*;
use crate::checklist::catalog::Content;
use crate::checklist::intake::parse_intake;
use crate::checklist::tasks::parse_tasks;
use crate::checklist::{Source, Value, parse_checklist};

const INTAKE: &str = r#"
version = 1
reviewed = 2026-12-01
[[questions]]
id = "gezondheid"
question = "Gezondheid?"
explanation = "e"
"#;

const TASKS: &str = r#"
version = 1
reviewed = 2026-12-01
[[tasks]]
id = "verklaring"
title = "Schrijf een privacyverklaring"
steps = ["Schrijf hem."]
effort = "uren"
[[tasks]]
id = "cookies"
title = "Vraag toestemming voor cookies"
steps = ["Zet de banner goed."]
effort = "uren"
enforced = true
[[tasks]]
id = "beveiliging"
title = "Beveilig je laptops"
steps = ["Zet versleuteling aan."]
effort = "uren"
priority_if = "gezondheid"
[[tasks]]
id = "wachtwoord"
title = "Zet tweestapsverificatie aan"
steps = ["Doe het."]
effort = "minuten"
[[tasks]]
id = "webwinkel"
title = "Zet de bedenktijd in je webshop"
steps = ["Zet hem erin."]
effort = "minuten"
enforced = true
[[tasks]]
id = "register"
title = "Maak een register"
steps = ["Maak het."]
effort = "dagen"
"#;

fn item(id: &str, task: &str, severity: &str) -> String {
    format!(
        "[[items]]\nid = \"{id}\"\nquestion = \"{id}?\"\nexplanation = \"e\"\naction = \"a {id}\"\n\
         reference = \"r\"\nseverity = \"{severity}\"\ntask = \"{task}\"\n"
    )
}

fn catalog() -> Catalog {
    let mut text =
        String::from("id = \"lijst\"\ntitle = \"Lijst\"\nversion = 1\nreviewed = 2026-12-01\n");
    for (id, task, severity) in [
        ("verklaring-1", "verklaring", "high"),
        ("verklaring-2", "verklaring", "medium"),
        ("cookies-1", "cookies", "high"),
        ("laptop", "beveiliging", "high"),
        ("tweestaps", "wachtwoord", "high"),
        ("register-1", "register", "high"),
        ("los", "geen-taak", "low"),
        ("bedenktijd", "webwinkel", "high"),
    ] {
        text.push_str(&item(id, task, severity));
    }
    // Consumer law, not privacy law.
    text = text.replace(
        "task = \"webwinkel\"\n",
        "task = \"webwinkel\"\nscope = \"consumentenrecht\"\n",
    );
    // An item without a task is a task of its own.
    text = text.replace("task = \"geen-taak\"\n", "");
    let content = Content {
        intake: parse_intake(INTAKE, "intake.toml", Source::Bundled).unwrap(),
        tasks: parse_tasks(TASKS, "tasks.toml", Source::Bundled).unwrap(),
        ..Content::default()
    };
    let catalog = Catalog::with_content(
        content,
        [parse_checklist(&text, "lijst.toml", Source::Bundled).unwrap()],
    );
    assert_eq!(catalog.check(), [], "the test content is valid");
    catalog
}

fn now() -> Timestamp {
    "2026-12-01T10:00:00Z".parse().unwrap()
}

fn planned(answers: &[(&str, Status)], edit: impl FnOnce(&mut Assessment)) -> Vec<PlannedTask> {
    let catalog = catalog();
    let mut a = Assessment::new("Test", now());
    for (id, status) in answers {
        a.set_status(&format!("lijst.{id}"), Some(*status), None, now());
    }
    edit(&mut a);
    let scan = Scan::new(&catalog, &a, now());
    plan(&catalog, &a, &scan)
}

fn ids(tasks: &[PlannedTask]) -> Vec<&str> {
    tasks.iter().map(|t| t.id.as_str()).collect()
}

#[test]
fn equal_severity_and_answer_put_what_the_ap_enforces_first_then_quick_wins() {
    // Every high task answered nee: cookies (enforced) first; then the others by effort (the
    // quick two-step login before hours, hours before days), then file order.
    let tasks = planned(
        &[
            ("verklaring-1", Status::No),
            ("cookies-1", Status::No),
            ("laptop", Status::No),
            ("tweestaps", Status::No),
            ("register-1", Status::No),
        ],
        |_| {},
    );
    assert_eq!(
        ids(&tasks),
        [
            "cookies",
            "wachtwoord",
            "verklaring",
            "beveiliging",
            "register",
            "webwinkel",
            "lijst.los"
        ]
    );
    assert!(tasks[0].reason.enforced);
    assert_eq!(tasks[1].reason.effort, Some(Effort::Minutes));
}

#[test]
fn the_intake_lifts_a_task_about_sensitive_data() {
    let answers = [
        ("verklaring-1", Status::No),
        ("laptop", Status::No),
        ("register-1", Status::No),
    ];
    let without = planned(&answers, |_| {});
    let with = planned(&answers, |a| {
        a.set_intake("gezondheid", Some(Value::Yes), now());
    });
    let place = |tasks: &[PlannedTask], id: &str| tasks.iter().position(|t| t.id == id).unwrap();
    assert!(place(&without, "beveiliging") > place(&without, "verklaring"));
    assert!(place(&with, "beveiliging") < place(&with, "verklaring"));
    assert!(with[place(&with, "beveiliging")].reason.sensitive);
}

#[test]
fn severity_comes_before_the_answer_and_nee_before_weet_ik_niet_before_deels() {
    let tasks = planned(
        &[
            ("verklaring-1", Status::Yes),
            ("verklaring-2", Status::No), // a medium nee
            ("cookies-1", Status::Partly),
            ("laptop", Status::Unknown),
            ("tweestaps", Status::No),
            ("register-1", Status::Yes),
            ("bedenktijd", Status::Yes),
        ],
        |_| {},
    );
    // High tasks: tweestaps nee, laptop weet ik niet, cookies deels; then the medium one.
    assert_eq!(
        &ids(&tasks)[..4],
        ["wachtwoord", "beveiliging", "cookies", "verklaring"]
    );
    assert_eq!(tasks[3].reason.severity, Severity::Medium);
    assert_eq!(tasks[3].in_order, 1, "verklaring-1 is in order");
}

#[test]
fn a_pinned_task_leads_and_a_done_one_stays_at_the_end_with_its_date() {
    let day = jiff::civil::date(2026, 11, 30);
    let tasks = planned(
        &[
            ("cookies-1", Status::No),
            ("register-1", Status::No),
            ("tweestaps", Status::Yes),
        ],
        |a| {
            let pin = PlanEntry {
                pinned: Some(1),
                ..PlanEntry::default()
            };
            a.set_plan("register", pin, now());
            let done = PlanEntry {
                done: Some(day),
                ..PlanEntry::default()
            };
            a.set_plan("verklaring", done, now());
        },
    );
    assert_eq!(tasks[0].id, "register", "pinned");
    assert_eq!(tasks[0].reason.pinned, Some(1));
    assert_eq!(tasks[1].id, "cookies");
    let done: Vec<&str> = tasks
        .iter()
        .filter(|t| !t.is_open())
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(done, ["verklaring", "wachtwoord"]);
    let verklaring = tasks.iter().find(|t| t.id == "verklaring").unwrap();
    assert_eq!(
        verklaring.status,
        TaskStatus::Done(Some(day)),
        "marked done"
    );
    let wachtwoord = tasks.iter().find(|t| t.id == "wachtwoord").unwrap();
    assert_eq!(
        wachtwoord.status,
        TaskStatus::Done(Some(jiff::civil::date(2026, 12, 1))),
        "answered ja: done on the day of the answer"
    );
    assert!(tasks.iter().rposition(|t| t.is_open()).unwrap() < tasks.len() - 2);
}

#[test]
fn an_item_without_a_task_is_a_task_of_its_own_titled_by_its_action() {
    let catalog = catalog();
    let a = Assessment::new("Test", now());
    let scan = Scan::new(&catalog, &a, now());
    let tasks = plan(&catalog, &a, &scan);
    let own = tasks.iter().find(|t| t.id == "lijst.los").unwrap();
    assert_eq!(own.title, "a los");
    assert_eq!(own.item_ids(&scan).collect::<Vec<_>>(), ["lijst.los"]);
    // Its open question, looked up in the scan it was planned from.
    assert_eq!(
        own.open_gaps(&scan).next().map(|g| g.action.as_str()),
        Some("a los")
    );
    assert!(own.steps.is_empty());
}

#[test]
fn privacy_law_comes_before_consumer_law_of_equal_severity() {
    // The webshop task is enforced and quick, but it is consumer law: a privacy scan plans the
    // privacy statement first.
    let tasks = planned(
        &[("verklaring-1", Status::No), ("bedenktijd", Status::No)],
        |_| {},
    );
    let place = |id: &str| tasks.iter().position(|t| t.id == id).unwrap();
    assert!(place("verklaring") < place("webwinkel"));
    let webwinkel = &tasks[place("webwinkel")];
    assert!(!webwinkel.reason.privacy);
    assert!(webwinkel.reason.enforced);
    assert!(crate::text::task_reason(&webwinkel.reason).contains("buiten de privacywet"));
    // Of two privacy tasks the enforced one still leads.
    assert!(tasks[place("verklaring")].reason.privacy);
}

/// Content with three tasks that keep documents, one question each.
fn document_catalog() -> Catalog {
    let tasks = r#"
version = 1
reviewed = 2026-12-01
[[tasks]]
id = "register"
document = "register"
title = "Maak een register"
steps = ["Maak het."]
effort = "dagen"
[[tasks]]
id = "verwerkers"
document = "verwerkers"
title = "Sluit verwerkersovereenkomsten"
steps = ["Sluit ze."]
effort = "uren"
[[tasks]]
id = "datalekken"
document = "datalekken"
title = "Houd een datalekregister bij"
steps = ["Houd het bij."]
effort = "uren"
[[tasks]]
id = "cookies"
title = "Vraag toestemming voor cookies"
steps = ["Zet de banner goed."]
effort = "minuten"
enforced = true
"#;
    let mut text =
        String::from("id = \"lijst\"\ntitle = \"Lijst\"\nversion = 1\nreviewed = 2026-12-01\n");
    for (id, task) in [
        ("register-1", "register"),
        ("verwerkers-1", "verwerkers"),
        ("datalek-1", "datalekken"),
        ("cookies-1", "cookies"),
    ] {
        text.push_str(&item(id, task, "high"));
    }
    let content = Content {
        intake: parse_intake(INTAKE, "intake.toml", Source::Bundled).unwrap(),
        tasks: parse_tasks(tasks, "tasks.toml", Source::Bundled).unwrap(),
        ..Content::default()
    };
    let catalog = Catalog::with_content(
        content,
        [parse_checklist(&text, "lijst.toml", Source::Bundled).unwrap()],
    );
    assert_eq!(catalog.check(), [], "the test content is valid");
    catalog
}

fn planned_with_documents(edit: impl FnOnce(&mut Assessment)) -> Vec<PlannedTask> {
    let catalog = document_catalog();
    let mut a = Assessment::new("Test", now());
    // Every question answered ja, except cookies (nee, pinned first by the consultant).
    for id in ["register-1", "verwerkers-1", "datalek-1"] {
        a.set_status(&format!("lijst.{id}"), Some(Status::Yes), None, now());
    }
    a.set_status("lijst.cookies-1", Some(Status::No), None, now());
    let pin = PlanEntry {
        pinned: Some(1),
        ..PlanEntry::default()
    };
    a.set_plan("cookies", pin, now());
    edit(&mut a);
    let scan = Scan::new(&catalog, &a, now());
    plan(&catalog, &a, &scan)
}

fn processor(name: &str, signed: bool) -> crate::documents::Processor {
    crate::documents::Processor {
        id: crate::documents::id_for(name, [].into_iter()),
        name: name.into(),
        service: "Hosting".into(),
        data: "Formulieren".into(),
        location: Some(crate::documents::Location::Eer),
        safeguard: String::new(),
        agreement: signed.then(|| jiff::civil::date(2026, 11, 1)),
        checked: None,
        history: Vec::new(),
        stamp: crate::documents::Stamp::new(now()),
    }
}

#[test]
fn a_processor_without_a_signed_agreement_keeps_its_task_open_with_its_name() {
    // All questions ja and nothing recorded: only cookies is open; the empty register is mentioned
    // but does not reopen a task whose questions say there is a register.
    let tasks = planned_with_documents(|_| {});
    let open: Vec<&str> = tasks
        .iter()
        .filter(|t| t.is_open())
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(open, ["cookies"]);
    let register = tasks.iter().find(|t| t.id == "register").unwrap();
    assert!(
        register.documents[0].starts_with("Register: nog leeg."),
        "{:?}",
        register.documents
    );

    let tasks = planned_with_documents(|a| {
        a.documents.processors.push(processor("Hosting BV", true));
        a.documents.processors.push(processor("Mailchimp", false));
    });
    let verwerkers = tasks.iter().find(|t| t.id == "verwerkers").unwrap();
    assert!(
        verwerkers.is_open(),
        "answered ja, but one agreement is missing"
    );
    assert_eq!(verwerkers.reason.severity, Severity::High);
    assert_eq!(
        verwerkers.documents,
        ["Verwerkers: nog geen getekende verwerkersovereenkomst met \u{201e}Mailchimp\u{201d}."]
    );
    assert_eq!(
        verwerkers.to_do().next(),
        Some(&verwerkers.documents[0]),
        "before the steps"
    );
    assert_eq!(
        ids(&tasks)[..2],
        ["cookies", "verwerkers"],
        "the pinned task stays first"
    );
}

#[test]
fn an_open_breach_clock_comes_before_everything_until_it_is_decided() {
    let tz = jiff::tz::TimeZone::UTC;
    let found = now()
        .saturating_sub(jiff::SignedDuration::from_hours(10))
        .unwrap();
    let tasks = planned_with_documents(|a| {
        let b = crate::documents::Breach::new(
            found,
            "Laptop gestolen",
            false,
            found,
            &tz,
            [].into_iter(),
        );
        a.documents.breaches.push(b);
    });
    assert_eq!(tasks[0].id, "datalekken", "before the pinned task");
    assert!(tasks[0].reason.urgent);
    assert!(crate::text::task_reason(&tasks[0].reason).starts_with("de meldtermijn van 72 uur"));
    assert!(
        tasks[0].documents[0].contains("(nog 62 uur)"),
        "{:?}",
        tasks[0].documents
    );

    // Reported: no longer urgent; what the register still lacks stays on the task.
    let tasks = planned_with_documents(|a| {
        let mut b = crate::documents::Breach::new(
            found,
            "Laptop gestolen",
            false,
            found,
            &tz,
            [].into_iter(),
        );
        b.reported = Some(now());
        a.documents.breaches.push(b);
    });
    assert_eq!(tasks[0].id, "cookies");
    let datalekken = tasks.iter().find(|t| t.id == "datalekken").unwrap();
    assert!(!datalekken.reason.urgent);
    assert!(datalekken.is_open());
    assert!(
        datalekken.documents[0].contains("ontbreekt nog: welke gegevens"),
        "{:?}",
        datalekken.documents
    );
    // A drill never starts the clock of the plan.
    let tasks = planned_with_documents(|a| {
        let b = crate::documents::Breach::new(found, "Oefening", true, found, &tz, [].into_iter());
        a.documents.breaches.push(b);
    });
    assert!(!tasks.iter().any(|t| t.reason.urgent));
}

mod rank_order {
    use super::*;

    fn task(open: bool, reason: Reason) -> PlannedTask {
        PlannedTask {
            id: "t".into(),
            title: Text::from("T"),
            steps: Vec::new(),
            links: Vec::new(),
            open: Vec::new(),
            documents: Vec::new(),
            in_order: 0,
            plan: None,
            status: if open {
                TaskStatus::Open
            } else {
                TaskStatus::Done(None)
            },
            reason,
        }
    }

    /// The plan's order written out field by field: what [`rank`] packs in one number.
    fn spelled_out(t: &PlannedTask) -> impl Ord {
        let r = &t.reason;
        (
            (!t.is_open(), !r.urgent, r.pinned.is_none(), r.pinned),
            (r.severity, !r.privacy, answer_rank(r.answer)),
            (!r.enforced, !r.sensitive, r.effort.unwrap_or(Effort::Hours)),
        )
    }

    /// Every task over a few values of each field (the pin: none, the first places and the last).
    fn every_task() -> Vec<PlannedTask> {
        let bools = [false, true];
        let mut all = Vec::new();
        for (open, urgent, privacy, enforced, sensitive) in itertools_free(bools) {
            for pinned in [None, Some(0), Some(1), Some(u32::MAX)] {
                for severity in [Severity::High, Severity::Medium, Severity::Low] {
                    for answer in std::iter::once(None).chain(Status::ALL.map(Some)) {
                        for effort in [
                            None,
                            Some(Effort::Minutes),
                            Some(Effort::Hours),
                            Some(Effort::Days),
                        ] {
                            all.push(task(
                                open,
                                Reason {
                                    urgent,
                                    pinned,
                                    severity,
                                    privacy,
                                    answer,
                                    enforced,
                                    sensitive,
                                    effort,
                                },
                            ));
                        }
                    }
                }
            }
        }
        all
    }

    /// Every combination of five flags.
    fn itertools_free(b: [bool; 2]) -> impl Iterator<Item = (bool, bool, bool, bool, bool)> {
        (0..32).map(move |n: u32| {
            let at = |bit: u32| b[usize::from(n >> bit & 1 == 1)];
            (at(0), at(1), at(2), at(3), at(4))
        })
    }

    #[test]
    fn the_packed_rank_orders_every_task_as_the_fields_do() {
        let mut all = every_task();
        assert_eq!(all.len(), 32 * 4 * 3 * 6 * 4);
        all.sort_by_key(rank);
        for pair in all.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert_eq!(
                rank(a).cmp(&rank(b)),
                spelled_out(a).cmp(&spelled_out(b)),
                "{:?} against {:?}",
                a.reason,
                b.reason
            );
        }
    }
}
