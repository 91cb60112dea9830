//! The draft privacy statement rendered: both formats name every element of art. 13, escape every
//! text from the assessment, and mark the placeholders.

use super::render;
use crate::checklist::Catalog;
use crate::documents::Statement;
use crate::documents::statement::Element;
use crate::report::fixture::bakery_with_documents;
use crate::report::html::render_statement;

fn both(a: &crate::assessment::Assessment) -> [String; 2] {
    let s = Statement::draft(&Catalog::bundled(), a);
    [render(&s), render_statement(&s)]
}

#[test]
fn markdown_snapshot() {
    let [md, _] = both(&bakery_with_documents());
    insta::assert_snapshot!("statement_markdown", md);
}

#[test]
fn both_formats_name_every_element_of_article_13_and_the_draft_line() {
    let a = bakery_with_documents();
    let s = Statement::draft(&Catalog::bundled(), &a);
    let [md, html] = both(&a);
    for e in Element::ARTICLE_13.into_iter().chain(Element::ARTICLE_14) {
        let section = s.sections.iter().find(|x| x.covers.contains(&e)).unwrap();
        assert!(
            md.contains(&format!("## {}\n", section.heading)),
            "{}",
            e.id()
        );
        assert!(
            md.contains(&e.reference()),
            "markdown lacks {}",
            e.reference()
        );
        assert!(
            html.contains(&format!("<h2>{}</h2>", section.heading)),
            "{}",
            e.id()
        );
        let marked = html
            .lines()
            .filter(|l| l.starts_with("<section "))
            .any(|l| l.contains("data-covers=\"") && l.contains(e.id()));
        assert!(marked, "html lacks {}", e.id());
    }
    for out in [&md, &html] {
        assert!(out.contains(crate::text::NOT_LEGAL_ADVICE));
        assert!(out.contains("Concept. pqs heeft deze tekst gemaakt"));
        assert!(out.contains("Autoriteit Persoonsgegevens"));
    }
    assert!(md.starts_with("# Privacyverklaring van Bakkerij De Korst\n\n> Concept."));
    // Placeholders are bold in Markdown and one marked style in HTML.
    assert!(md.contains("**\\[VUL IN: vestigingsadres\\]**"), "{md}");
    assert!(html.contains("<mark class=\"fill\">[VUL IN: vestigingsadres]</mark>"));
    assert!(html.contains("mark.fill{"), "the placeholder style");
    assert!(html.contains("@page{size:A4"));
    assert!(!html.contains("<script") && !html.contains("src=\"http"));
}

#[test]
fn hostile_text_is_escaped_in_both_formats() {
    let mut a = bakery_with_documents();
    a.organisation =
        "Bakkerij <script>alert(1)</script> [klik](javascript:alert(1)) \u{1b}[2J".into();
    a.details.contact = "**Jan** <b>Bol</b>\u{202e}".into();
    let first = &mut a.documents.activities[0];
    first.name =
        "# Kop\n- [x](http://x.nl) <img src=x onerror=alert(1)> {naam} [VUL IN: nep]".into();
    first.retention = "`code` | pipe & \u{7}bel".into();
    a.documents.processors[0].name = "<iframe>\"quote\"".into();
    let [md, html] = both(&a);
    for out in [&md, &html] {
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{202e}'));
        assert!(!out.contains("<script") && !out.contains("<img") && !out.contains("<iframe"));
        assert!(!out.contains("<b>Bol"));
    }
    assert!(
        html.contains("Bakkerij &lt;script&gt;alert(1)&lt;/script&gt; [klik](javascript:alert(1))")
    );
    assert!(html.contains("&lt;iframe&gt;&quot;quote&quot;"));
    // A typed placeholder is the user's text, not one of ours.
    assert!(!html.contains("<mark class=\"fill\">[VUL IN: nep]"));
    assert!(html.contains("{naam} [VUL IN: nep]"));
    // Markdown: no link, heading, list or HTML can be made from the user's text.
    assert!(md.contains("\\[klik\\](javascript:alert(1))"), "{md}");
    assert!(!md.contains("[klik](") && !md.contains("[x](http"));
    assert!(
        md.contains("### \\# Kop - \\[x\\](http://x.nl) &lt;img"),
        "{md}"
    );
    assert!(
        md.contains("\\*\\*Jan\\*\\* &lt;b&gt;Bol&lt;/b&gt;"),
        "{md}"
    );
    assert!(md.contains("\\`code\\` | pipe &amp;"), "{md}");
    assert!(
        !md.lines()
            .any(|l| l.starts_with("- [") || l.starts_with("# Kop"))
    );
}
