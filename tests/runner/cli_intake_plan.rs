//! `pqs intake`, `pqs plan` and `pqs details`: every issue-4 field can be set from a script, and a
//! mistake is refused before anything is written.

use std::fs;

use serde_json::Value;

use crate::common::{ITEM, TestEnv};

fn stored(env: &TestEnv, name: &str) -> toml::Table {
    fs::read_to_string(env.assessment(name))
        .unwrap()
        .parse()
        .unwrap()
}

/// Ids of the items of one checklist in a JSON report.
fn items_of(doc: &Value, checklist: &str) -> Vec<String> {
    doc["checklists"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == checklist)
        .unwrap()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn webshop_no_leaves_the_webwinkel_tips_out_of_the_totals_but_keeps_the_answers() {
    let env = TestEnv::new();
    let catalog = pqs::checklist::Catalog::bundled();
    // Enough ja answers that one tip less shows in the score's one decimal.
    let mut yes = vec![ITEM.to_owned()];
    yes.extend(
        catalog
            .checklist("avg-stappen")
            .unwrap()
            .items
            .iter()
            .filter(|i| {
                i.depth == pqs::checklist::Depth::Basis
                    && i.scope == pqs::checklist::Scope::Avg
                    && i.applies_if.is_empty()
                    && i.follows.is_none()
                    && i.severity.as_str() == "high"
            })
            .take(4)
            .map(|i| i.id.to_string()),
    );
    assert_eq!(yes.len(), 5);
    for id in &yes {
        env.ok(&["answer", id, "ja"]);
    }
    // The webshop's own privacy-law tips are all in the full scan (https and an own web server
    // live in avg-stappen, for every website); scan this checklist in full.
    env.ok(&["details", "--checklist-depth", "webwinkel-tips=volledig"]);
    let tips = items_of(&env.json(&["report", "--format", "json"]), "webwinkel-tips");
    assert!(tips.len() >= 9, "{tips:?}");
    // A privacy-law tip that lives here: one listed from another checklist still counts there
    // without a webshop.
    let tip = tips
        .iter()
        .find(|id| {
            let (checklist, item) = catalog.item(id).unwrap();
            checklist.id == "webwinkel-tips" && item.scope == pqs::checklist::Scope::Avg
        })
        .unwrap()
        .clone();
    env.ok(&["answer", &tip, "nee"]);
    let with_shop = env.json(&["report", "--format", "json"]);
    let shop = with_shop["checklists"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "webwinkel-tips")
        .unwrap();
    // Items listed here from another checklist still count there without a webshop.
    let shared_applicable = shop["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["applies"] == true && !i["shared_from"].is_null())
        .count() as u64;
    assert!(shared_applicable > 0, "https is listed among the tips");
    let shop_applicable = shop["applicable"].as_u64().unwrap() - shared_applicable;
    let shop_gaps = with_shop["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["checklist"] == "webwinkel-tips" && g["scope"] == "avg")
        .count() as u64;
    assert!(shop_applicable > 0 && shop_gaps > 0);

    env.ok(&["intake", "webshop", "nee"]);
    let without = env.json(&["report", "--format", "json"]);
    let count = |doc: &Value, key: &str| doc["totals"][key].as_u64().unwrap();
    assert_eq!(
        count(&without, "applicable"),
        count(&with_shop, "applicable") - shop_applicable
    );
    assert_eq!(
        count(&without, "answered"),
        yes.len() as u64,
        "the tip answer no longer counts"
    );
    assert_eq!(
        count(&without, "gaps"),
        count(&with_shop, "gaps") - shop_gaps
    );
    assert!(without["totals"]["score"].as_f64() > with_shop["totals"]["score"].as_f64());
    let gap_ids: Vec<&str> = without["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    assert!(
        !gap_ids.iter().any(|id| id.starts_with("webwinkel-tips.")),
        "{gap_ids:?}"
    );
    let table = stored(&env, "standaard");
    assert_eq!(table["intake"]["webshop"].as_bool(), Some(false));
    assert_eq!(
        table["answers"][&tip]["status"].as_str(),
        Some("no"),
        "answer kept"
    );

    // `open` clears the intake answer: everything applies again.
    env.ok(&["intake", "webshop", "open"]);
    assert_eq!(
        env.json(&["report", "--format", "json"])["totals"],
        with_shop["totals"]
    );
    assert!(stored(&env, "standaard").get("intake").is_none());
}

#[test]
fn intake_lists_the_questions_with_the_answers() {
    let env = TestEnv::new();
    env.ok(&["intake", "-a", "klant", "personeel", "ja"]);
    let out = env.ok(&["intake", "-a", "klant"]);
    assert!(
        out.starts_with("Intake van beoordeling \"klant\": 1 van "),
        "{out}"
    );
    let personeel = out
        .lines()
        .find(|l| l.trim_start().starts_with("personeel "))
        .unwrap();
    assert!(personeel.contains("  ja  "), "{personeel}");
    let webshop = out
        .lines()
        .find(|l| l.trim_start().starts_with("webshop "))
        .unwrap();
    assert!(
        webshop.contains("  open ")
            && webshop.ends_with("sociale media of een online marktplaats zoals bol.com?"),
        "{webshop}"
    );
    // No website: the cookie question is not asked (it counts as nee). Online selling is still
    // asked: a shop on social media or a marketplace needs no website of its own.
    env.ok(&["intake", "-a", "klant", "website", "nee"]);
    let out = env.ok(&["intake", "-a", "klant"]);
    let line = |id: &str| {
        out.lines()
            .find(|l| l.trim_start().starts_with(&format!("{id} ")))
            .unwrap()
            .to_owned()
    };
    let cookies = line("cookies");
    assert!(cookies.contains("  niet gevraagd  "), "{cookies}");
    let webshop = line("webshop");
    assert!(webshop.contains("  open "), "{webshop}");
    assert!(
        out.ends_with(
            "Beantwoord met: pqs intake VRAAG ja|nee|open, of bij een meerkeuzevraag met de keuze \
             (pqs intake VRAAG toont de keuzes). Open: alle vragen die erbij horen gelden.\n"
        ),
        "{out}"
    );
    // A multiple-choice question is answered with a choice and shown with its label.
    env.ok(&["intake", "-a", "klant", "omvang", "2-9"]);
    let out = env.ok(&["intake", "-a", "klant"]);
    let omvang = out
        .lines()
        .find(|l| l.trim_start().starts_with("omvang "))
        .unwrap();
    assert!(omvang.contains("  2 tot 10 mensen  "), "{omvang}");
    let out = env.run(&["intake", "-a", "klant", "omvang", "ja"]);
    assert_eq!(out.status.code(), Some(2), "a wrong argument");
    let err = crate::common::stderr(&out);
    assert!(
        err.contains("alleen (Alleen ik), 2-9 (2 tot 10 mensen)"),
        "{err}"
    );
    assert!(err.ends_with("Er is niets opgeslagen.\n"), "{err}");
    let one = env.ok(&["intake", "-a", "klant", "personeel"]);
    assert!(one.starts_with("personeel: "), "{one}");
    assert!(one.ends_with("\nAntwoord: ja\n"), "{one}");
}

#[test]
fn unknown_intake_flag_suggests_the_nearest_and_writes_nothing() {
    let env = TestEnv::new();
    let err = env.fails(&["intake", "websop", "ja"]);
    assert_eq!(
        err,
        "pqs: onbekende intakevraag \"websop\". Bedoel je: webshop, website?\n\
         Alle intakevragen: pqs intake\n"
    );
    assert!(!env.data().exists());
    let out = env.run(&["intake", "webshop", "misschien"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a bad answer word is an argument error"
    );
    assert!(!env.data().exists());
}

#[test]
fn plan_sets_merges_shows_and_clears_an_entry() {
    let env = TestEnv::new();
    env.ok(&["plan", ITEM, "--owner", "Piet", "--due", "31-03-2027"]);
    env.ok(&["plan", ITEM, "--action", "  Doelen toevoegen  "]);
    let table = stored(&env, "standaard");
    let entry = &table["plan"][ITEM];
    assert_eq!(entry["owner"].as_str(), Some("Piet"));
    assert_eq!(entry["due"].as_str(), Some("2027-03-31"));
    assert_eq!(entry["action"].as_str(), Some("Doelen toevoegen"));
    assert_eq!(
        env.ok(&["plan", ITEM]),
        format!("{ITEM}\nWie       Piet\nKlaar op  31 maart 2027\nAfspraak  Doelen toevoegen\n")
    );
    env.ok(&["plan", ITEM, "--due", ""]);
    assert!(stored(&env, "standaard")["plan"][ITEM].get("due").is_none());
    env.ok(&["plan", ITEM, "--clear"]);
    assert!(stored(&env, "standaard").get("plan").is_none());
    assert_eq!(
        env.ok(&["plan", ITEM]),
        format!("{ITEM}\nNog niets afgesproken bij deze taak of vraag.\n")
    );
}

#[test]
fn plan_refuses_a_bad_date_and_an_unknown_item_without_writing() {
    let env = TestEnv::new();
    env.ok(&["plan", ITEM, "--owner", "Piet"]);
    let before = fs::read(env.assessment("standaard")).unwrap();
    let err = env.fails(&["plan", ITEM, "--due", "31-02-2027"]);
    assert_eq!(
        err,
        "pqs: ongeldige datum \"31-02-2027\" bij --due; gebruik JJJJ-MM-DD of DD-MM-JJJJ, \
         bijvoorbeeld 2027-03-31. Er is niets opgeslagen.\n"
    );
    let err = env.fails(&["plan", "privacyverklaring.pv-doeleinde", "--owner", "X"]);
    assert!(
        err.starts_with(
            "pqs: onbekende vraag \"privacyverklaring.pv-doeleinde\". \
             Bedoel je: privacyverklaring.pv-doeleinden"
        ),
        "{err}"
    );
    assert_eq!(fs::read(env.assessment("standaard")).unwrap(), before);
}

#[test]
fn details_are_set_shown_and_checked() {
    let env = TestEnv::new();
    let err = env.fails(&["details", "-a", "klant"]);
    assert!(
        err.starts_with("pqs: er is geen beoordeling \"klant\""),
        "{err}"
    );
    env.ok(&[
        "details",
        "-a",
        "klant",
        "--organisation",
        " Bakkerij Ü ",
        "--contact",
        "Jan",
        "--assessor",
        "Anna",
        "--kvk",
        "12345678",
        "--review-months",
        "6",
    ]);
    assert_eq!(
        env.ok(&["details", "-a", "klant"]),
        "Beoordeling                klant\nOrganisatie                Bakkerij Ü\n\
         Contactpersoon             Jan\nAdviseur                   Anna\n\
         KvK-nummer                 12345678\nAdres                      –\n\
         E-mail voor privacyvragen  –\nTelefoon                   –\n\
         Functionaris (FG)          –\nHerbeoordeling             na 6 maanden\n\
         Diepte                     snelle scan\nLogo                       geen\n"
    );
    let table = stored(&env, "klant");
    assert_eq!(table["review_months"].as_integer(), Some(6));
    assert_eq!(table["details"]["kvk"].as_str(), Some("12345678"));

    let before = fs::read(env.assessment("klant")).unwrap();
    // A wrong value is a wrong argument: exit 2, as for clap's own checks.
    let out = env.run(&[
        "details",
        "-a",
        "klant",
        "--kvk",
        "1234567",
        "--contact",
        "Els",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "pqs: ongeldig KvK-nummer \"1234567\": een KvK-nummer heeft 8 cijfers, bijvoorbeeld \
         12345678. Er is niets opgeslagen.\n"
    );
    let out = env.run(&["details", "-a", "klant", "--review-months", "0"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read(env.assessment("klant")).unwrap(), before);

    // Contact details for the privacy statement and the register; a wrong e-mail address or
    // telephone number is refused with the reason, exit 2, and nothing is written.
    for (flag, wrong, reason) in [
        ("--email", "privacy at bakkerij.nl", "ongeldig e-mailadres"),
        ("--email", "a@b", "ongeldig e-mailadres"),
        ("--phone", "06-CALL-ME", "ongeldig telefoonnummer"),
        ("--phone", "12", "ongeldig telefoonnummer"),
    ] {
        let out = env.run(&[
            "details",
            "-a",
            "klant",
            "--address",
            "Ergens 1",
            flag,
            wrong,
        ]);
        assert_eq!(out.status.code(), Some(2), "{wrong}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(reason) && err.contains(wrong),
            "{wrong}: {err}"
        );
        assert!(err.contains("Er is niets opgeslagen."), "{err}");
        assert_eq!(fs::read(env.assessment("klant")).unwrap(), before);
    }
    let said = env.ok(&[
        "details",
        "-a",
        "klant",
        "--address",
        "Dorpsstraat 1, 1234 AB Ergens",
        "--email",
        " privacy@bakkerij.nl ",
        "--phone",
        "+31 (0)20 123 45 67",
        "--dpo",
        "Piet Jansen",
    ]);
    assert_eq!(said, "Gegevens opgeslagen.\n", "a change says so");
    let details = &stored(&env, "klant")["details"];
    assert_eq!(
        ["address", "email", "phone", "dpo"].map(|k| details[k].as_str().unwrap().to_owned()),
        [
            "Dorpsstraat 1, 1234 AB Ergens",
            "privacy@bakkerij.nl",
            "+31 (0)20 123 45 67",
            "Piet Jansen"
        ]
    );
    let statement = env.ok(&["privacyverklaring", "-a", "klant"]);
    assert!(
        statement.contains("Adres: Dorpsstraat 1, 1234 AB Ergens")
            && statement.contains("Stuur je verzoek naar privacy@bakkerij.nl."),
        "{statement}"
    );
    let register = env.ok(&["register", "-a", "klant", "--format", "markdown"]);
    assert!(
        register.contains("Dorpsstraat 1, 1234 AB Ergens · privacy@bakkerij.nl · +31 (0)20 123 45 67 · 12345678 · FG: Piet Jansen"),
        "{register}"
    );
    env.ok(&["details", "-a", "klant", "--email", "", "--dpo", ""]);
    let details = &stored(&env, "klant")["details"];
    assert!(details.get("email").is_none() && details.get("dpo").is_none());

    // The number as it is printed on a KvK extract is accepted and stored bare.
    env.ok(&["details", "-a", "klant", "--kvk", "1234 5678"]);
    assert_eq!(
        stored(&env, "klant")["details"]["kvk"].as_str(),
        Some("12345678")
    );

    // Depth: for the whole assessment and for one checklist.
    env.ok(&["details", "-a", "klant", "--depth", "volledig"]);
    env.ok(&[
        "details",
        "-a",
        "klant",
        "--checklist-depth",
        "privacyverklaring=snel",
    ]);
    let shown = env.ok(&["details", "-a", "klant"]);
    assert!(
        shown.contains(
            "Diepte                     volledige scan, privacyverklaring: snelle scan\n"
        ),
        "{shown}"
    );
    let before = fs::read(env.assessment("klant")).unwrap();
    for wrong in [
        "privacyverklaring",
        "bestaat-niet=snel",
        "privacyverklaring=half",
    ] {
        let out = env.run(&["details", "-a", "klant", "--checklist-depth", wrong]);
        assert_eq!(out.status.code(), Some(2), "{wrong}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(wrong), "{wrong}: {err}");
    }
    assert_eq!(fs::read(env.assessment("klant")).unwrap(), before);

    env.ok(&["details", "-a", "klant", "--kvk", ""]);
    assert!(
        stored(&env, "klant")
            .get("details")
            .unwrap()
            .get("kvk")
            .is_none()
    );
}

#[test]
fn new_commands_document_themselves_in_dutch() {
    let env = TestEnv::new();
    for (command, expected) in [
        (
            "list",
            "Toon alle beoordelingen met voortgang, score en open punten",
        ),
        ("export", "Schrijf een beoordeling met de eigen checklists"),
        (
            "import",
            "Lees een beoordeling in die met pqs export is gemaakt",
        ),
        ("intake", "ja, nee of open"),
        ("plan", "JJJJ-MM-DD of DD-MM-JJJJ"),
        ("details", "KvK-nummer: 8 cijfers"),
    ] {
        let help = env.ok(&[command, "--help"]);
        assert!(help.contains(expected), "{command}:\n{help}");
        assert!(help.contains("Gebruik: pqs "), "{command}:\n{help}");
    }
}

#[test]
fn a_logo_is_kept_in_the_assessment_embedded_in_the_html_and_bad_files_are_refused() {
    use base64::Engine;
    let env = TestEnv::new();
    env.ok(&["details", "-a", "klant", "--organisation", "Bakkerij"]);
    // A tiny PNG (its signature and an IHDR chunk are enough to be recognised).
    let png: Vec<u8> = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0".to_vec();
    let logo = env.work().join("logo.png");
    fs::write(&logo, &png).unwrap();
    env.ok(&["details", "-a", "klant", "--logo", logo.to_str().unwrap()]);
    let shown = env.ok(&["details", "-a", "klant"]);
    assert!(
        shown.ends_with("Logo                       logo.png (PNG)\n"),
        "{shown}"
    );
    // The report needs no file but the assessment: the logo travels with it.
    fs::remove_file(&logo).unwrap();
    let out = env.work().join("rapport.html");
    env.ok(&[
        "report",
        "-a",
        "klant",
        "--format",
        "html",
        "-o",
        out.to_str().unwrap(),
    ]);
    let html = fs::read_to_string(&out).unwrap();
    let data = base64::engine::general_purpose::STANDARD.encode(&png);
    assert!(
        html.contains(&format!(
            "<img class=\"logo\" src=\"data:image/png;base64,{data}\""
        )),
        "{html}"
    );
    assert!(!html.contains("logo.png"), "no file name on the page");

    // Not an image, a device, a folder, too large: refused, nothing written.
    let before = fs::read(env.assessment("klant")).unwrap();
    let text = env.work().join("logo.txt");
    fs::write(&text, "geen afbeelding").unwrap();
    let err = env.fails(&["details", "-a", "klant", "--logo", text.to_str().unwrap()]);
    assert!(
        err.contains("logo.txt is geen PNG- of SVG-afbeelding"),
        "{err}"
    );
    assert!(err.contains("Er is niets opgeslagen"), "{err}");
    let err = env.fails(&["details", "-a", "klant", "--logo", "/dev/zero"]);
    assert!(err.contains("/dev/zero"), "{err}");
    let err = env.fails(&[
        "details",
        "-a",
        "klant",
        "--logo",
        env.work().to_str().unwrap(),
    ]);
    assert!(err.contains("map"), "{err}");
    let big = env.work().join("groot.png");
    let mut bytes = png.clone();
    bytes.resize(600 * 1024, 0);
    fs::write(&big, bytes).unwrap();
    let err = env.fails(&["details", "-a", "klant", "--logo", big.to_str().unwrap()]);
    assert!(err.contains("groot"), "{err}");
    assert_eq!(fs::read(env.assessment("klant")).unwrap(), before);

    // An SVG (shown as an image in <img>, so a script in it never runs); "" removes the logo.
    let svg = env.work().join("logo.svg");
    fs::write(
        &svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
    )
    .unwrap();
    env.ok(&["details", "-a", "klant", "--logo", svg.to_str().unwrap()]);
    let html = env.ok(&["report", "-a", "klant", "--format", "html"]);
    assert!(html.contains("src=\"data:image/svg+xml;base64,"), "{html}");
    assert!(
        !html.contains("<script>alert"),
        "the SVG's text is never in the page"
    );
    env.ok(&["details", "-a", "klant", "--logo", ""]);
    assert!(
        env.ok(&["details", "-a", "klant"])
            .ends_with("Logo                       geen\n")
    );
    assert!(
        !env.ok(&["report", "-a", "klant", "--format", "html"])
            .contains("<img")
    );
}

#[test]
fn control_characters_in_details_never_reach_the_terminal() {
    let env = TestEnv::new();
    env.ok(&[
        "details",
        "-a",
        "klant",
        "--organisation",
        "Bakkerij\x1b]0;titel\x07 De\nKorst",
        "--contact",
        "Jan\x1b[2J",
    ]);
    env.ok(&[
        "plan",
        "-a",
        "klant",
        "privacyverklaring.pv-doeleinden",
        "--owner",
        "Eva\x1b[31m",
    ]);
    for args in [
        &["list"][..],
        &["details", "-a", "klant"][..],
        &["plan", "-a", "klant", "privacyverklaring.pv-doeleinden"][..],
    ] {
        let out = env.ok(args);
        assert!(
            !out.contains('\x1b') && !out.contains('\x07'),
            "{args:?}: {out:?}"
        );
    }
    assert!(env.ok(&["list"]).contains("Bakkerij]0;titel De Korst"));
}

#[test]
fn a_new_name_is_announced_so_a_typo_is_noticed() {
    let env = TestEnv::new();
    let out = env.ok(&[
        "plan",
        "-a",
        "tpyo",
        "privacyverklaring.pv-doeleinden",
        "--owner",
        "Jan",
    ]);
    assert!(
        out.starts_with("Nieuwe beoordeling \"tpyo\" aangemaakt: "),
        "{out}"
    );
    assert!(out.trim_end().ends_with("tpyo.toml"), "{out}");
    let again = env.ok(&[
        "plan",
        "-a",
        "tpyo",
        "privacyverklaring.pv-doeleinden",
        "--owner",
        "Piet",
    ]);
    assert_eq!(again, "", "an existing assessment is changed quietly");
    assert!(
        env.ok(&["intake", "-a", "ander", "webshop", "ja"])
            .contains("\"ander\" aangemaakt")
    );
    assert!(
        env.ok(&["details", "-a", "derde", "--assessor", "Eva"])
            .contains("\"derde\" aangemaakt")
    );
}

#[test]
fn a_session_is_listed_and_ended_with_a_title_and_one_without_sessions_is_refused() {
    use std::collections::BTreeSet;
    let env = TestEnv::new();
    env.ok(&["details", "-a", "klant", "--assessor", "Eva"]);
    let err = env.fails(&["session", "-a", "klant", "--end"]);
    assert!(err.contains("heeft nog geen sessie"), "{err}");
    let start: jiff::Timestamp = "2026-11-23T09:00:00Z".parse().unwrap();
    let mut a = pqs::assessment::Assessment::new("Bakkerij", start);
    a.details.assessor = "Eva".into();
    a.record_session(
        start,
        start + jiff::SignedDuration::from_mins(75),
        "Eva",
        &BTreeSet::from(["details".to_owned()]),
    )
    .score = Some(40.0);
    env.write_assessment("klant", pqs::assessment::store::serialise(&a));
    let listed = env.ok(&["session", "-a", "klant"]);
    assert!(listed.contains("Eva · 1 wijziging · score 40%"), "{listed}");
    assert!(!listed.contains("afgesloten"), "{listed}");
    let out = env.ok(&[
        "session",
        "-a",
        "klant",
        "--end",
        "--title",
        "Intake bij de klant",
    ]);
    assert!(out.contains("\"Intake bij de klant\" afgesloten"), "{out}");
    let listed = env.ok(&["session", "-a", "klant"]);
    assert!(
        listed.contains("afgesloten: Intake bij de klant"),
        "{listed}"
    );
    let file = std::fs::read_to_string(env.assessment("klant")).unwrap();
    assert!(file.contains("ended = true"), "{file}");
    // A title needs --end: an argument error.
    let out = env.run(&["session", "-a", "klant", "--title", "x"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_plan_is_listed_pinned_and_marked_done_by_task() {
    let env = TestEnv::new();
    env.ok(&["answer", ITEM, "nee"]);
    let tasks = |env: &TestEnv| env.json(&["report", "--format", "json"])["tasks"].clone();
    let before = tasks(&env);
    let last_open = before
        .as_array()
        .unwrap()
        .iter()
        .rfind(|t| t["status"] == "open")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Pinning the last task puts it first, and the reason says why.
    env.ok(&[
        "plan",
        &last_open,
        "--pin",
        "1",
        "--owner",
        "Anne",
        "--due",
        "2026-12-15",
    ]);
    let pinned = tasks(&env);
    assert_eq!(pinned[0]["id"], last_open.as_str());
    assert_eq!(pinned[0]["pinned"], 1);
    assert!(
        pinned[0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("door de adviseur op plaats 1")
    );
    assert_eq!(pinned[0]["plan"]["owner"], "Anne");
    // Done: it stays, at the end, with its date; reopened it is open again.
    env.ok(&["plan", &last_open, "--done", "2026-11-30"]);
    let done = tasks(&env);
    let entry = done
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == last_open.as_str())
        .unwrap()
        .clone();
    assert_eq!(entry["status"], "done");
    assert_eq!(entry["done_on"], "2026-11-30");
    assert_eq!(
        done.as_array().unwrap().len(),
        before.as_array().unwrap().len(),
        "nothing vanishes"
    );
    let listed = env.ok(&["plan"]);
    let words = listed.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(&format!("[{last_open}] (afgerond op 30 november 2026)")),
        "{listed}"
    );
    assert!(listed.starts_with("Het plan: wat eerst ("), "{listed}");
    env.ok(&["plan", &last_open, "--reopen", "--pin", "0"]);
    let reopened = tasks(&env);
    let entry = reopened
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == last_open.as_str())
        .unwrap();
    assert_eq!(entry["status"], "open");
    assert!(entry["pinned"].is_null());
    // A bad date and an unknown task are refused, nothing written.
    let file = std::fs::read(env.assessment("standaard")).unwrap();
    let err = env.fails(&["plan", &last_open, "--done", "31-02-2026"]);
    assert!(err.contains("ongeldige datum"), "{err}");
    let err = env.fails(&["plan", "cookiez", "--pin", "1"]);
    assert!(err.contains("cookiez"), "{err}");
    assert_eq!(std::fs::read(env.assessment("standaard")).unwrap(), file);
}
