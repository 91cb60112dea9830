use super::*;
use crate::report::fixture;

fn organisation() -> String {
    fixture::assessment().organisation
}

/// Number of `|` not escaped by a backslash.
fn unescaped_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' => count += 1,
            _ => {}
        }
    }
    count
}

/// Every table: each row has as many unescaped pipes as its header.
fn assert_tables_consistent(md: &str) {
    let lines: Vec<&str> = md.lines().collect();
    let mut tables = 0;
    let mut i = 0;
    while i < lines.len() {
        if lines[i].starts_with('|') {
            tables += 1;
            let header = unescaped_pipes(lines[i]);
            assert!(header >= 2, "{}", lines[i]);
            while i < lines.len() && lines[i].starts_with('|') {
                assert_eq!(unescaped_pipes(lines[i]), header, "row {:?}", lines[i]);
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    assert!(tables > 0, "no table found");
}

#[test]
fn report_snapshot() {
    let scan = fixture::scan();
    let org = organisation();
    insta::assert_snapshot!(render(&fixture::document(&scan, &org)));
}

#[test]
fn summary_snapshot() {
    let scan = fixture::scan();
    let org = organisation();
    insta::assert_snapshot!(render_summary(&fixture::document(&scan, &org)));
}

#[test]
fn escape_inline_neutralises_html_and_markdown() {
    assert_eq!(
        escape_inline("<script>alert(1)</script>"),
        "&lt;script&gt;alert(1)&lt;/script&gt;"
    );
    assert_eq!(escape_inline("a & b"), "a &amp; b");
    assert_eq!(escape_inline("&lt;"), "&amp;lt;");
    assert_eq!(
        escape_inline("*vet* _schuin_ # kop `code` [link](x) ~~weg~~ $x$ \\"),
        "\\*vet\\* \\_schuin\\_ \\# kop \\`code\\` \\[link\\](x) \\~\\~weg\\~\\~ \\$x\\$ \\\\"
    );
    assert_eq!(
        escape_inline("een\ntwee\r\ndrie\rvier"),
        "een<br>twee<br>drie<br>vier"
    );
    assert_eq!(escape_inline("- lijst"), "\\- lijst");
    assert_eq!(escape_inline("12. lijst"), "12\\. lijst");
    assert_eq!(escape_inline("3) lijst"), "3\\) lijst");
    assert_eq!(escape_inline("2026 is een jaar"), "2026 is een jaar");
    assert_eq!(escape_inline("1.2.3"), "1.2.3");
    assert_eq!(escape_inline("1."), "1\\.");
    assert_eq!(escape_inline("+31 6"), "\\+31 6");
    assert_eq!(
        escape_inline("  a\tb\u{7}\u{202e}  "),
        "a b\u{fffd}\u{fffd}"
    );
    assert_eq!(escape_inline("a | b"), "a | b");
    assert_eq!(
        escape_inline("café *ó*\u{2028}€ <x>\u{9b}~"),
        "café \\*ó\\*<br>€ &lt;x&gt;\u{fffd}\\~"
    );
}

#[test]
fn escape_cell_also_escapes_pipes() {
    assert_eq!(escape_cell("a | b\nc"), "a \\| b<br>c");
    // A backslash before a pipe stays a backslash; the pipe stays escaped.
    assert_eq!(escape_cell("a\\|b"), "a\\\\\\|b");
    assert_eq!(unescaped_pipes(&escape_cell("a\\|b|\\\\|")), 0);
}

#[test]
fn nasty_note_never_appears_raw() {
    let scan = fixture::scan();
    let org = organisation();
    let doc = fixture::document(&scan, &org);
    for md in [render(&doc), render_summary(&doc)] {
        assert!(!md.contains(fixture::NASTY_NOTE));
        assert!(!md.contains("<script"), "raw HTML in output");
        assert!(!md.contains("<b>"), "raw HTML in output");
        assert!(!md.contains(org.as_str()), "organisation not escaped");
        assert_tables_consistent(&md);
    }
    let md = render(&doc);
    assert!(md.contains(&escape_inline(fixture::NASTY_NOTE)));
    assert!(md.contains(
        "&lt;script&gt;alert(1)&lt;/script&gt; \"quote\", comma | pipe<br>nieuwe regel &amp; é"
    ));
    assert!(md.contains("Bakkerij &lt;De Korst&gt; &amp; Zn, \"Utrecht\""));
}

#[test]
fn only_our_own_html_is_br() {
    let scan = fixture::scan();
    let org = organisation();
    let doc = fixture::document(&scan, &org);
    for md in [render(&doc), render_summary(&doc)] {
        let stripped = md.replace("<br>", "");
        assert!(!stripped.contains('<'), "stray `<` in output");
    }
}

#[test]
fn nasty_text_in_a_table_cell_keeps_the_columns() {
    let mut scan = fixture::scan();
    scan.checklists[0].title = fixture::NASTY_NOTE.into();
    let doc = fixture::document(&scan, "");
    for md in [render(&doc), render_summary(&doc)] {
        assert_tables_consistent(&md);
        assert!(!md.contains("<script"));
    }
}

#[test]
fn report_has_every_section_and_states_the_bands() {
    let scan = fixture::scan();
    let org = organisation();
    let md = render(&fixture::document(&scan, &org));
    for heading in [
        t::TOTAL,
        t::MD_OVERVIEW,
        t::PLAN,
        t::GAPS,
        t::DONE,
        t::ORPHANS,
    ] {
        assert!(md.contains(&format!("## {heading}")), "missing {heading}");
    }
    assert!(md.contains(t::BAND_RULE));
    assert!(md.contains(t::NOT_LEGAL_ADVICE));
    assert!(md.contains("0.0.0-test"));
    assert!(md.contains("verdwenen.vraag"));
    // The plan comes before the overview and holds every open task, numbered, each with its
    // reason and its links as real links.
    let doc = fixture::document(&scan, &org);
    let open = doc.open_tasks().count();
    assert!(open > 5, "the fixture has a plan");
    assert!(md.find(&format!("## {}", t::PLAN)) < md.find(&format!("## {}", t::MD_OVERVIEW)));
    let plan = md.split(&format!("## {}", t::PLAN)).nth(1).unwrap();
    let plan = plan.split("\n## ").next().unwrap();
    assert!(plan.contains(&format!("\n{open}. **")));
    assert!(!plan.contains(&format!("\n{}. ", open + 1)));
    assert_eq!(plan.matches(t::WHY_HERE).count(), open);
    assert!(plan.contains(
        "[https://www.autoriteitpersoonsgegevens.nl/](https://www.autoriteitpersoonsgegevens.nl/)"
    ));
}

#[test]
fn a_link_cannot_break_out_of_its_markdown() {
    assert_eq!(
        super::sections::link("https://a.nl/x (y)<b>"),
        "[https://a.nl/x%20%28y%29%3Cb%3E](https://a.nl/x%20%28y%29%3Cb%3E)"
    );
    // Not a web address: text, never a link.
    let other = super::sections::link("javascript:alert(1)");
    assert_eq!(other, escape_inline("javascript:alert(1)"));
    assert!(!other.contains("]("));
}

#[test]
fn summary_has_top_five_and_signatures() {
    let scan = fixture::scan();
    let org = organisation();
    let md = render_summary(&fixture::document(&scan, &org));
    assert!(md.contains("\n5. **"));
    assert!(!md.contains("\n6. "));
    for label in [t::NEXT_SESSION, t::MD_SIGN_OWNER, t::MD_SIGN_ADVISER] {
        assert!(
            md.contains(&format!("**{label}:** ____")),
            "missing {label}"
        );
    }
    // One bar per checklist, except the one the intake rules out.
    let applying = scan
        .checklists
        .iter()
        .filter(|c| c.excluded.is_none())
        .count();
    // No webshop and no staff: two checklists are ruled out.
    assert_eq!(applying, scan.checklists.len() - 2);
    assert_eq!(
        md.matches('█').count() + md.matches('░').count(),
        applying * BAR_WIDTH
    );
    assert!(md.contains(t::CHECKLIST_EXCLUDED));
}

#[test]
fn plan_and_details_are_escaped() {
    let scan = fixture::scan();
    let doc = fixture::document(&scan, "X");
    for md in [render(&doc), render_summary(&doc)] {
        for raw in [
            fixture::NASTY_CONTACT,
            fixture::NASTY_ASSESSOR,
            "<jan@korst.nl>",
            "*Advies*",
        ] {
            assert!(!md.contains(raw), "{raw} not escaped");
        }
        assert!(md.contains(&escape_inline(fixture::NASTY_CONTACT)));
        assert!(md.contains(&escape_inline(fixture::NASTY_ASSESSOR)));
        assert_tables_consistent(&md);
    }
    let md = render(&doc);
    for raw in [
        fixture::NASTY_OWNER,
        fixture::NASTY_ACTION,
        "<b>de Boer</b>",
        "<i>apart</i>",
    ] {
        assert!(!md.contains(raw), "{raw} not escaped");
    }
    assert!(
        md.contains(&escape_cell(fixture::NASTY_OWNER)),
        "owner in the plan table"
    );
    assert!(
        md.contains(&escape_cell(fixture::NASTY_ACTION)),
        "action in the plan table"
    );
    assert!(
        md.contains(&escape_inline(fixture::NASTY_ACTION)),
        "action under the gap"
    );
}

/// Every character between two letters: Markdown's own characters escaped, line breaks as
/// `<br>`, a tab as a space, an unsafe character as the placeholder, any other as it is, whether
/// it is copied in a run or looked at a character at a time.
#[test]
fn every_character_is_escaped_as_markdown_needs() {
    for c in (0..=0x10_ffff).filter_map(char::from_u32) {
        let expected = match c {
            '&' => "&amp;".to_owned(),
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '~' | '$' => format!("\\{c}"),
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => "<br>".to_owned(),
            '\t' => " ".to_owned(),
            c if sanitize::is_unsafe(c) => sanitize::PLACEHOLDER.to_string(),
            c => c.to_string(),
        };
        let text = format!("a{c}b");
        assert_eq!(
            escape_inline(&text),
            format!("a{expected}b"),
            "U+{:04X}",
            u32::from(c)
        );
    }
}
