//! `pqs register`, `pqs verwerkers` and `pqs datalek`: round trips, the suggestions from the intake,
//! bad input that writes nothing, the 72-hour clock across a change of summer time, and the
//! documents in the hand-over bundle.

use std::fs;

use crate::common::{TestEnv, stderr};

/// A bakery with staff, a webshop and a newsletter (intake only).
fn bakery() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&["details", "-a", "b", "--organisation", "Bakkerij De Korst"]);
    for (q, a) in [
        ("personeel", "ja"),
        ("website", "ja"),
        ("webshop", "ja"),
        ("nieuwsbrief", "ja"),
        ("camera", "nee"),
    ] {
        env.ok(&["intake", "-a", "b", q, a]);
    }
    env
}

/// Runs a command that must be refused as a wrong argument (exit 2) and leave the file as it was.
fn refused(env: &TestEnv, args: &[&str]) -> String {
    let before = fs::read(env.assessment("b")).unwrap();
    let out = env.run(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("Er is niets opgeslagen"), "{err}");
    assert_eq!(
        fs::read(env.assessment("b")).unwrap(),
        before,
        "{args:?} wrote"
    );
    err
}

#[test]
fn the_register_offers_what_the_intake_says_and_adds_only_what_is_chosen() {
    let env = bakery();
    let list = env.ok(&["register", "-a", "b"]);
    assert!(
        list.starts_with("Het verwerkingsregister is nog leeg.\n"),
        "{list}"
    );
    for offered in [
        "bestellingen",
        "personeelsadministratie",
        "salarisadministratie",
        "nieuwsbrief",
    ] {
        assert!(list.contains(&format!("  {offered} ")), "{list}");
    }
    assert!(
        !list.contains("camerabeelden"),
        "no camera: not offered\n{list}"
    );
    let stored = fs::read_to_string(env.assessment("b")).unwrap();
    assert!(
        !stored.contains("[documents"),
        "listing adds nothing\n{stored}"
    );

    let out = env.ok(&["register", "-a", "b", "add", "--from", "bestellingen"]);
    assert_eq!(
        out,
        "Verwerking „Bestellingen afhandelen” toegevoegd (id bestellingen). Nog in te vullen: Buiten de EER.\n"
    );
    env.ok(&[
        "register",
        "-a",
        "b",
        "edit",
        "bestellingen",
        "--transfers",
        "geen",
    ]);
    let list = env.ok(&["register", "-a", "b"]);
    assert!(
        list.starts_with("bestellingen  Bestellingen afhandelen · Compleet.\n"),
        "{list}"
    );
    assert!(
        !list.contains("  bestellingen "),
        "not offered again\n{list}"
    );

    // An own activity, every field set on the command line.
    env.ok(&[
        "register",
        "-a",
        "b",
        "add",
        "--name",
        "Sollicitaties",
        "--purpose",
        "Nieuwe medewerkers kiezen",
        "--basis",
        "gerechtvaardigd-belang",
        "--people",
        "Sollicitanten",
        "--data",
        "cv, brief",
        "--special",
        "nee",
        "--criminal",
        "nee",
        "--recipients",
        "geen",
        "--transfers",
        "geen",
        "--retention",
        "4 weken na de procedure",
        "--security",
        "Zie het beveiligingsplan",
    ]);
    let shown = env.ok(&["register", "-a", "b", "show", "sollicitaties"]);
    assert!(
        shown.contains(
            "Grondslag                  gerechtvaardigd belang (art. 6 lid 1 sub f AVG)\n"
        ),
        "{shown}"
    );
    assert!(
        shown.ends_with("Nog in te vullen: Gerechtvaardigd belang.\n"),
        "{shown}"
    );
    env.ok(&[
        "register",
        "-a",
        "b",
        "edit",
        "sollicitaties",
        "--interest",
        "De juiste mensen aannemen",
    ]);
    assert!(
        env.ok(&["register", "-a", "b", "show", "sollicitaties"])
            .ends_with("Compleet.\n")
    );

    // Removed: gone from the list, kept in the file with its date.
    let out = env.ok(&["register", "-a", "b", "remove", "sollicitaties"]);
    assert!(out.contains("verwijderd"), "{out}");
    let shown = env.run(&["register", "-a", "b", "show", "sollicitaties"]);
    assert!(!shown.status.success(), "a removed activity is not shown");
    // The suggestion with that name is offered again.
    assert!(
        env.ok(&["register", "-a", "b"])
            .contains("  sollicitaties ")
    );
    let stored = fs::read_to_string(env.assessment("b")).unwrap();
    assert!(
        stored.contains("removed = \"2026-11-23T10:00:00Z\""),
        "{stored}"
    );
}

#[test]
fn bad_register_input_is_refused_with_the_reason_and_writes_nothing() {
    let env = bakery();
    env.ok(&["register", "-a", "b", "add", "--from", "nieuwsbrief"]);
    let err = refused(
        &env,
        &[
            "register",
            "-a",
            "b",
            "edit",
            "nieuwsbrief",
            "--basis",
            "omdat het kan",
        ],
    );
    assert!(err.contains("Grondslag: \"omdat het kan\" is geen geldige waarde; kies uit toestemming, overeenkomst, wettelijke-plicht, vitaal-belang, algemeen-belang, gerechtvaardigd-belang"), "{err}");
    let err = refused(
        &env,
        &[
            "register",
            "-a",
            "b",
            "edit",
            "nieuwsbrief",
            "--special",
            "misschien",
        ],
    );
    assert!(err.contains("Bijzondere gegevens: \"misschien\""), "{err}");
    let err = refused(
        &env,
        &["register", "-a", "b", "edit", "nieuwsbrief", "--name", "  "],
    );
    assert!(err.contains("Verwerking is leeg"), "{err}");
    let err = refused(&env, &["register", "-a", "b", "add", "--name", ""]);
    assert!(err.contains("Verwerking is leeg"), "{err}");
    // An unknown id or suggestion: the nearest, and what there is.
    let err = env.fails(&[
        "register",
        "-a",
        "b",
        "edit",
        "nieuwbrief",
        "--purpose",
        "x",
    ]);
    // The nearest id; the whole list only when it says more (here it is the same one).
    assert!(
        err.contains("verwerking \"nieuwbrief\" bestaat niet. Bedoel je: nieuwsbrief?\n"),
        "{err}"
    );
    assert!(!err.contains("Wel aanwezig"), "{err}");
    let err = env.fails(&["register", "-a", "b", "add", "--from", "kassa"]);
    assert!(err.contains("voorstel \"kassa\" bestaat niet"), "{err}");
    // Control characters never reach the file or the terminal.
    env.ok(&[
        "register",
        "-a",
        "b",
        "edit",
        "nieuwsbrief",
        "--purpose",
        "Reclame\u{1b}[31m sturen\u{202e}",
    ]);
    let shown = env.ok(&["register", "-a", "b", "show", "nieuwsbrief"]);
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{202e}'),
        "{shown:?}"
    );
    // No assessment: the usual message.
    let err = env.fails(&["register", "-a", "onbekend", "add", "--from", "nieuwsbrief"]);
    assert!(err.contains("onbekend"), "{err}");
}

#[test]
fn a_processor_without_a_signed_agreement_is_named_and_dates_are_checked() {
    let env = bakery();
    let out = env.ok(&[
        "verwerkers",
        "-a",
        "b",
        "add",
        "--from",
        "mailprogramma",
        "--name",
        "Mailchimp",
        "--location",
        "buiten-eer",
    ]);
    assert!(
        out.ends_with(
            "Nog in te vullen: getekende verwerkersovereenkomst, waarborg voor buiten de EER.\n"
        ),
        "{out}"
    );
    let err = refused(
        &env,
        &[
            "verwerkers",
            "-a",
            "b",
            "edit",
            "mailprogramma",
            "--agreement",
            "31-02-2026",
        ],
    );
    assert!(
        err.contains("Verwerkersovereenkomst: \"31-02-2026\" is geen datum"),
        "{err}"
    );
    let err = refused(
        &env,
        &[
            "verwerkers",
            "-a",
            "b",
            "edit",
            "mailprogramma",
            "--location",
            "Amerika",
        ],
    );
    assert!(err.contains("kies uit eer, buiten-eer"), "{err}");
    env.ok(&[
        "verwerkers",
        "-a",
        "b",
        "edit",
        "mailprogramma",
        "--agreement",
        "02-11-2026",
        "--safeguard",
        "EU-VS Data Privacy Framework",
    ]);
    let shown = env.ok(&["verwerkers", "-a", "b", "show", "mailprogramma"]);
    assert!(
        shown.contains("Verwerkersovereenkomst  2 november 2026\n"),
        "{shown}"
    );
    assert!(shown.ends_with("Compleet.\n"), "{shown}");
    // "" clears the date again.
    env.ok(&[
        "verwerkers",
        "-a",
        "b",
        "edit",
        "mailprogramma",
        "--agreement",
        "",
    ]);
    assert!(
        env.ok(&["verwerkers", "-a", "b"])
            .contains("Mailchimp · Nog in te vullen: getekende verwerkersovereenkomst.")
    );
}

#[test]
fn the_breach_clock_counts_72_real_hours_across_the_end_of_summer_time() {
    let env = bakery();
    // Friday 23 October 2026 10:00 summer time; now is Saturday 10:00 summer time (08:00 UTC).
    let pqs = |args: &[&str]| {
        let out = env
            .pqs()
            .env("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")
            .env("PQS_NOW", "2026-10-24T08:00:00Z")
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr(&out),
        )
    };
    let (code, out, err) = pqs(&[
        "datalek",
        "-a",
        "b",
        "add",
        "--what",
        "Laptop gestolen",
        "--found",
        "2026-10-23 10:00",
    ]);
    assert_eq!(code, Some(0), "{err}");
    // 72 hours later is Monday 09:00 winter time; 48 hours are left.
    assert_eq!(
        out,
        "Datalek vastgelegd (id 2026-10-23-1). Melden bij de AP: uiterlijk 26 oktober 2026 09:00 (nog 48 uur)\n"
    );
    let (_, list, _) = pqs(&["datalek", "-a", "b"]);
    assert!(list.starts_with("2026-10-23-1  Laptop gestolen · ontdekt 23 oktober 2026 10:00 · uiterlijk 26 oktober 2026 09:00 (nog 48 uur)\n"), "{list}");
    // A moment in the future and a report before the discovery are refused.
    let (code, _, err) = pqs(&[
        "datalek",
        "-a",
        "b",
        "edit",
        "2026-10-23-1",
        "--reported",
        "2026-10-25 12:00",
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("dat moment ligt in de toekomst"), "{err}");
    let (code, _, err) = pqs(&[
        "datalek",
        "-a",
        "b",
        "edit",
        "2026-10-23-1",
        "--reported",
        "2026-10-22 12:00",
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("niet eerder zijn dan het moment waarop het lek werd ontdekt"),
        "{err}"
    );
    let (_, out, _) = pqs(&[
        "datalek",
        "-a",
        "b",
        "edit",
        "2026-10-23-1",
        "--reported",
        "nu",
        "--informed",
        "nu",
    ]);
    assert!(
        out.contains("gemeld op 24 oktober 2026 10:00, binnen 72 uur"),
        "{out}"
    );
    // A drill is kept apart.
    let (_, _, _) = pqs(&[
        "datalek",
        "-a",
        "b",
        "add",
        "--drill",
        "--what",
        "Oefening mail aan verkeerde klant",
        "--step",
        "Anne: lek gemeld bij Eva",
    ]);
    let (_, list, _) = pqs(&["datalek", "-a", "b"]);
    assert!(
        list.contains("\nOefeningen:\n2026-10-24-1  Oefening mail aan verkeerde klant"),
        "{list}"
    );
    let (_, shown, _) = pqs(&["datalek", "-a", "b", "show", "2026-10-24-1"]);
    assert!(
        shown.contains("  24 oktober 2026 10:00  Anne: lek gemeld bij Eva\n"),
        "{shown}"
    );
    assert!(shown.contains("Evaluatie"), "{shown}");
    assert!(
        shown.contains("Stand  "),
        "a drill has no reporting clock: {shown}"
    );
    assert!(
        shown.contains("    1. Meld het lek meteen bij het vaste aanspreekpunt\n"),
        "{shown}"
    );
}

#[test]
fn a_drill_is_walked_step_by_step_from_the_command_line() {
    let env = bakery();
    env.ok(&[
        "datalek",
        "-a",
        "b",
        "add",
        "--drill",
        "--what",
        "Oefening: laptop kwijt",
    ]);
    let id = env.ok(&["datalek", "-a", "b"]);
    let id = id
        .lines()
        .find(|l| l.contains("Oefening: laptop kwijt"))
        .and_then(|l| l.split_whitespace().next())
        .expect("the drill is listed")
        .to_owned();
    let out = env.ok(&[
        "datalek",
        "-a",
        "b",
        "edit",
        &id,
        "--done",
        "1",
        "--done",
        "risico=Eva: laag risico, één ontvanger",
    ]);
    assert!(out.starts_with("Oefening \u{201e}"), "{out}");
    assert!(out.contains("2 van 7 stappen gedaan"), "{out}");
    let shown = env.ok(&["datalek", "-a", "b", "show", &id]);
    assert!(
        shown.contains("  ✓ 1. Meld het lek meteen bij het vaste aanspreekpunt\n"),
        "{shown}"
    );
    assert!(
        shown.contains("door Eva: laag risico, één ontvanger\n"),
        "{shown}"
    );
    assert!(shown.contains("    2. Beperk de schade"), "{shown}");
    let list = env.ok(&["datalek", "-a", "b"]);
    assert!(list.contains("2 van 7 stappen gedaan"), "{list}");

    // A step that does not exist, or ticking off steps of a real incident: refused, nothing written.
    let err = refused(&env, &["datalek", "-a", "b", "edit", &id, "--done", "8"]);
    assert!(
        err.contains("\"8\" is geen geldige waarde; kies uit 1 tot en met 7"),
        "{err}"
    );
    env.ok(&["datalek", "-a", "b", "add", "--what", "Echt lek"]);
    let real = env.ok(&["datalek", "-a", "b"]);
    let real = real
        .lines()
        .find(|l| l.contains("Echt lek"))
        .and_then(|l| l.split_whitespace().next())
        .unwrap()
        .to_owned();
    let err = refused(&env, &["datalek", "-a", "b", "edit", &real, "--done", "1"]);
    assert!(err.contains("alleen bij een oefening"), "{err}");

    // A step done twice is one record, corrected; a drill can be removed, a real breach not.
    env.ok(&["datalek", "-a", "b", "edit", &id, "--done", "1=Bram:"]);
    let shown = env.ok(&["datalek", "-a", "b", "show", &id]);
    assert_eq!(shown.matches("✓ 1.").count(), 1, "{shown}");
    assert!(shown.contains("door Bram: Meld het lek"), "{shown}");
    let err = refused(&env, &["datalek", "-a", "b", "remove", &real]);
    assert!(err.contains("art. 33 lid 5 AVG"), "{err}");
    env.ok(&["datalek", "-a", "b", "remove", &id]);
    let list = env.ok(&["datalek", "-a", "b"]);
    assert!(!list.contains("Oefening: laptop kwijt"), "{list}");
    assert!(list.contains("Echt lek"), "{list}");
}

#[test]
fn the_documents_travel_in_the_bundle_byte_for_byte() {
    let env = bakery();
    env.ok(&["register", "-a", "b", "add", "--from", "bestellingen"]);
    env.ok(&["verwerkers", "-a", "b", "add", "--from", "hosting"]);
    env.ok(&[
        "datalek",
        "-a",
        "b",
        "add",
        "--what",
        "Mail aan verkeerde klant",
        "--found",
        "2026-11-22",
    ]);
    // A later edit, so the field history travels too.
    let out = env
        .pqs()
        .env("PQS_NOW", "2026-11-24T10:00:00Z")
        .args([
            "register",
            "-a",
            "b",
            "edit",
            "bestellingen",
            "--retention",
            "2 jaar",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let first = env.work().join("b.pqs");
    let second = env.work().join("b2.pqs");
    env.ok(&["export", "-a", "b", "-o", first.to_str().unwrap()]);
    env.ok(&["import", first.to_str().unwrap(), "--as", "kopie"]);
    env.ok(&["export", "-a", "kopie", "-o", second.to_str().unwrap()]);
    let (a, b) = (
        fs::read_to_string(&first).unwrap(),
        fs::read_to_string(&second).unwrap(),
    );
    assert!(a.contains("Bestellingen afhandelen") && a.contains("Mail aan verkeerde klant"));
    assert!(a.contains("documents.activities.history]]"), "{a}");
    assert_eq!(a.replace("kopie", "b"), b.replace("kopie", "b"));
    assert!(
        env.ok(&["register", "-a", "kopie"])
            .contains("Bestellingen afhandelen")
    );
}

#[test]
fn the_reports_say_per_document_what_is_missing_and_the_plan_names_it() {
    let env = bakery();
    env.ok(&[
        "register",
        "-a",
        "b",
        "add",
        "--from",
        "nieuwsbrief",
        "--retention",
        "",
    ]);
    env.ok(&[
        "verwerkers",
        "-a",
        "b",
        "add",
        "--from",
        "mailprogramma",
        "--name",
        "Mailchimp",
    ]);
    env.ok(&[
        "datalek",
        "-a",
        "b",
        "add",
        "--what",
        "Mail aan verkeerde klant",
        "--found",
        "2026-11-23 08:00",
    ]);
    let wrapped = env.ok(&["report", "-a", "b"]);
    assert!(wrapped.contains("\nDocumenten\n"), "{wrapped}");
    // Compared without the line breaks of the 80-column layout.
    let text = wrapped.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Verwerkingsregister: 1 verwerking, 0 compleet; „Nieuwsbrief” mist buiten de EER, bewaartermijn."),
        "{text}"
    );
    assert!(
        text.contains(
            "Verwerkers: 1 verwerker; nog zonder getekende verwerkersovereenkomst: „Mailchimp”."
        ),
        "{text}"
    );
    assert!(text.contains("Datalekregister: 1 datalek (0 gemeld bij de AP, 0 niet gemeld met reden, 1 wacht op een besluit)."), "{text}");
    // The plan: the open clock first, and the processor by name under its task.
    let plan = &text[text.find("Het plan: wat eerst").unwrap()..];
    let first = &plan[..plan.find(" 2. ").unwrap()];
    assert!(first.contains("Maak een datalekprocedure"), "{first}");
    assert!(
        first.contains("de meldtermijn van 72 uur voor een datalek loopt"),
        "{first}"
    );
    assert!(
        first.contains(
            "Datalek 2026-11-23-1: melden bij de AP uiterlijk 26 november 2026 08:00 (nog 70 uur)."
        ),
        "{first}"
    );
    assert!(
        text.contains("Verwerkers: nog geen getekende verwerkersovereenkomst met „Mailchimp”."),
        "{text}"
    );

    let html = env.ok(&["report", "-a", "b", "--format", "html"]);
    assert!(
        html.contains("<section class=\"documents keep\" id=\"documents\">"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"#documents\">Documenten</a>"),
        "in the table of contents"
    );
    let md = env.ok(&["report", "-a", "b", "--format", "markdown"]);
    assert!(
        md.contains("## Documenten\n\n- **Verwerkingsregister**: 1 verwerking"),
        "{md}"
    );
    let json = env.json(&["report", "-a", "b", "--format", "json"]);
    assert_eq!(json["documents"]["processors"][0]["name"], "Mailchimp");
    assert_eq!(json["documents"]["status"][1]["document"], "Verwerkers");
    assert!(
        json["tasks"][0]["documents"][0]
            .as_str()
            .unwrap()
            .starts_with("Datalek 2026-11-23-1")
    );
}

#[test]
fn each_document_exports_to_csv_markdown_and_html_with_the_escaping_of_the_reports() {
    let env = bakery();
    env.ok(&["register", "-a", "b", "add", "--from", "bestellingen"]);
    env.ok(&[
        "register",
        "-a",
        "b",
        "add",
        "--name",
        "<script>alert(1)</script> [klik](javascript:x)",
        "--purpose",
        "=HYPERLINK(\"http://x\")",
    ]);
    env.ok(&[
        "verwerkers",
        "-a",
        "b",
        "add",
        "--from",
        "hosting",
        "--name",
        "Hosting BV",
    ]);
    env.ok(&[
        "datalek",
        "-a",
        "b",
        "add",
        "--what",
        "Mail aan verkeerde klant",
        "--found",
        "2026-11-22",
    ]);

    let csv = env.ok(&["register", "-a", "b", "--format", "csv"]);
    assert!(
        csv.starts_with("\u{feff}Id;Verwerking;Doel;Grondslag;"),
        "{csv}"
    );
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""),
        "a formula is kept as text\n{csv}"
    );
    assert!(csv.contains("\r\n"), "RFC 4180 line ends");

    let md = env.ok(&["register", "-a", "b", "--format", "markdown"]);
    assert!(
        md.starts_with("# Verwerkingsregister\n\n**Bakkerij De Korst**"),
        "{md}"
    );
    assert!(
        md.contains("Verwerkingsverantwoordelijke: Bakkerij De Korst"),
        "{md}"
    );
    assert!(md.contains("## Bestellingen afhandelen\n"), "{md}");
    assert!(!md.contains("<script>") && !md.contains(" [klik]("), "{md}");
    assert!(md.contains("\\[klik\\](javascript:x)"), "{md}");

    let out = env.work().join("register.html");
    env.ok(&[
        "register",
        "-a",
        "b",
        "--format",
        "html",
        "-o",
        out.to_str().unwrap(),
    ]);
    let html = fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(
        html.contains("<section class=\"record keep\"><h2>Bestellingen afhandelen</h2>"),
        "{html}"
    );
    assert!(
        html.contains("&lt;script&gt;") && !html.contains("<script>"),
        "escaped"
    );
    assert!(
        html.contains("<dd class=\"missing\">Buiten de EER</dd>"),
        "what is missing is marked"
    );

    let html = env.ok(&["verwerkers", "-a", "b", "--format", "html"]);
    assert!(html.contains("<h2>Hosting BV</h2>"), "{html}");
    let md = env.ok(&["datalek", "-a", "b", "--format", "markdown"]);
    assert!(md.starts_with("# Datalekregister\n"), "{md}");
    assert!(
        md.contains("- **Stand**: uiterlijk 25 november 2026 00:00 (nog 38 uur)"),
        "{md}"
    );

    // -o needs a document format; nothing is written.
    let err = env.run(&[
        "register",
        "-a",
        "b",
        "-o",
        env.work().join("x").to_str().unwrap(),
    ]);
    assert_eq!(err.status.code(), Some(2));
    assert!(stderr(&err).contains("--format csv, markdown of html"));
    assert!(!env.work().join("x").exists());
}

#[test]
fn a_comparison_says_what_changed_in_the_documents_since_the_moment() {
    let env = bakery();
    env.ok(&["register", "-a", "b", "add", "--from", "bestellingen"]);
    env.ok(&[
        "verwerkers",
        "-a",
        "b",
        "add",
        "--from",
        "hosting",
        "--name",
        "Hosting BV",
    ]);
    let text = env.ok(&["report", "-a", "b", "--since", "2026-11-22"]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("In de documenten toegevoegd: „Bestellingen afhandelen” (register), „Hosting BV” (verwerkers)."),
        "{text}"
    );
    let md = env.ok(&[
        "report",
        "-a",
        "b",
        "--since",
        "2026-11-22",
        "--format",
        "markdown",
    ]);
    assert!(md.contains("In de documenten toegevoegd:"), "{md}");
    // Nothing after the moment: no line. A moment after now is refused as a wrong argument.
    let later = env.ok(&["report", "-a", "b", "--since", "2026-11-23T10:00:00Z"]);
    assert!(!later.contains("In de documenten"), "{later}");
    let future = env.run(&["report", "-a", "b", "--since", "2026-11-24"]);
    assert_eq!(future.status.code(), Some(2));
    assert!(
        stderr(&future).contains("niet later dan nu"),
        "{}",
        stderr(&future)
    );

    // Field by field: two later edits; a comparison gives each field's value then and now.
    let at = |when: &str, args: &[&str]| {
        let out = env.pqs().env("PQS_NOW", when).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    };
    at(
        "2026-11-25T10:00:00Z",
        &[
            "register",
            "-a",
            "b",
            "edit",
            "bestellingen",
            "--retention",
            "1 jaar",
            "--transfers",
            "geen",
        ],
    );
    at(
        "2026-11-27T10:00:00Z",
        &[
            "register",
            "-a",
            "b",
            "edit",
            "bestellingen",
            "--retention",
            "2 jaar na de laatste bestelling",
        ],
    );
    let report = |since: &str| {
        let out = env
            .pqs()
            .env("PQS_NOW", "2026-11-28T10:00:00Z")
            .args(["report", "-a", "b", "--since", since])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let since_26 = report("2026-11-26");
    assert!(
        since_26.contains("In de documenten gewijzigd: „Bestellingen afhandelen” (register: bewaartermijn „1 jaar” → „2 jaar na de laatste bestelling”)."),
        "{since_26}"
    );
    let since_24 = report("2026-11-24");
    assert!(
        since_24.contains("(register: buiten de EER leeg → „geen”, bewaartermijn „Facturen en de administratie 7 jaar (fis…” → „2 jaar na de laatste bestelling”)"),
        "{since_24}"
    );
    // `show` lists the earlier values, newest change first.
    let shown = env.ok(&["register", "-a", "b", "show", "bestellingen"]);
    let history = shown
        .split("Eerdere waarden:\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(
        history.starts_with("  27 november 2026 10:00: bewaartermijn was „1 jaar”\n  25 november 2026 10:00: buiten de EER was leeg; bewaartermijn was „Facturen"),
        "{shown}"
    );
    // The file keeps the old values with the moment of each change.
    let stored = fs::read_to_string(env.assessment("b")).unwrap();
    assert_eq!(
        stored.matches("[[documents.activities.history]]").count(),
        2,
        "{stored}"
    );
}

/// What a command shows when it reads the assessment from its parsed copy (`.b.parsed`, kept at the
/// end of every command that saves) and when it parses the TOML file again: the same, for every
/// kind of record, with a field history and a drill with its steps.
#[test]
fn the_parsed_copy_shows_exactly_what_the_file_holds() {
    let env = bakery();
    let note = "Met „aanhalingstekens” en \\ schuine streep";
    let item = "datalekken.dl-herkennen";
    let commands: [&[&str]; 8] = [
        &["register", "add", "--from", "bestellingen"],
        &["register", "edit", "bestellingen", "--transfers", "geen"],
        &["register", "edit", "bestellingen", "--retention", "7 jaar"],
        &["verwerkers", "add", "--from", "webshopplatform"],
        &["datalek", "add", "--what", "Mail naar de verkeerde klant"],
        &[
            "datalek",
            "add",
            "--drill",
            "--what",
            "Oefening: laptop kwijt",
        ],
        &["answer", item, "ja", "--note", note],
        &["answer", item, "nee"],
    ];
    for args in commands {
        let mut all = vec![args[0], "-a", "b"];
        all.extend(&args[1..]);
        env.ok(&all);
    }
    let ids: Vec<String> = env
        .ok(&["datalek", "-a", "b"])
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .filter(|id| id.starts_with("20"))
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    env.ok(&[
        "datalek",
        "-a",
        "b",
        "edit",
        &ids[1],
        "--done",
        "1=Eva: gemeld",
    ]);
    let copy = env.data().join(".b.parsed");
    let shown = || {
        let mut out = vec![
            env.ok(&["report", "-a", "b", "--format", "json"]),
            env.ok(&["register", "-a", "b", "show", "bestellingen"]),
        ];
        out.extend(
            ids.iter()
                .map(|id| env.ok(&["datalek", "-a", "b", "show", id])),
        );
        out
    };
    assert!(copy.exists(), "the last command kept a copy");
    let from_copy = shown();
    fs::remove_file(&copy).unwrap();
    let from_file = shown();
    assert!(copy.exists(), "a read made it again");
    assert_eq!(from_copy, from_file);
    assert!(from_file[1].contains("7 jaar"), "{}", from_file[1]);

    // It is the copy that is read (a copy that says otherwise is believed)...
    let organisation = || {
        let json: serde_json::Value =
            serde_json::from_str(&env.ok(&["report", "-a", "b", "--format", "json"])).unwrap();
        json["organisation"].as_str().unwrap().to_owned()
    };
    // (With the hash of its edited value on its last line, or it is passed over as damaged; the
    // copy is binary, so its bytes are edited, a name of the same length for the same place.)
    let bytes = fs::read(&copy).unwrap();
    let key_end = bytes.iter().position(|&b| b == b'\n').unwrap();
    let mut body = bytes[key_end + 1..bytes.len() - 17].to_vec();
    let at = body
        .windows(17)
        .position(|w| w == b"Bakkerij De Korst")
        .unwrap();
    body[at..at + 17].copy_from_slice(b"Uit de kopie zelf");
    let hash = pqs::parsed_copy::body_hash(&body);
    let mut edited = bytes[..=key_end].to_vec();
    edited.extend_from_slice(&body);
    edited.extend_from_slice(format!("\n{hash:016x}").as_bytes());
    fs::write(&copy, edited).unwrap();
    assert_eq!(organisation(), "Uit de kopie zelf");
    // ...but only while the file has the bytes it was made of.
    let mut file = fs::OpenOptions::new()
        .append(true)
        .open(env.assessment("b"))
        .unwrap();
    std::io::Write::write_all(&mut file, b"\n").unwrap();
    assert_eq!(organisation(), "Bakkerij De Korst");
}
