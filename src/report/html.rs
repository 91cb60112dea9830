//! The HTML report and the one-page progress summary: each one self-contained file (inline CSS; no
//! scripts, fonts, images or links), in Dutch, printable on A4 and readable in black and white.
//!
//! All markup is written with [`writer::Html`], which escapes every piece of text and attribute value;
//! unescaped markup must be `&'static str`, so user text (organisation, notes) can never reach the page raw.

mod full;
mod parts;
mod sections;
mod statement;
mod style;
mod summary;
mod writer;

use super::document::Document;
use crate::text as t;
use writer::Html;

/// The full report as one HTML file.
pub fn render(doc: &Document) -> String {
    page(doc, t::REPORT_TITLE, style::REPORT, |h| full::body(h, doc))
}

/// The printable progress summary: one A4 page for the bundled checklists.
pub fn render_summary(doc: &Document) -> String {
    page(doc, t::SUMMARY_TITLE, style::SUMMARY, |h| {
        summary::body(h, doc)
    })
}

/// A document's records (the register, the processors, the breach register) for A4: the header
/// of the reports, for the register the controller (art. 30 lid 1 sub a), then one block per
/// record with its filled fields.
pub fn render_records(doc: &Document, records: &super::records::Records) -> String {
    page(doc, records.title, style::RECORDS, |h| {
        parts::header(h, doc, records.title);
        if records.kind == crate::documents::DocumentKind::Register {
            let (organisation, contact) = doc.controller();
            h.el("p", &[("class", "controller")], |h| {
                h.leaf("b", &[], t::FIELD_CONTROLLER);
                h.text(": ").text(organisation);
                if !contact.is_empty() {
                    h.text(" (").text(&contact).text(")");
                }
            });
        }
        h.leaf("p", &[("class", "sub")], t::RECORDS_ABOUT);
        if records.rows.is_empty() {
            h.leaf("p", &[("class", "empty")], t::RECORDS_EMPTY);
        }
        for row in &records.rows {
            h.el("section", &[("class", "record keep")], |h| {
                h.leaf("h2", &[], &row.name);
                h.el("dl", &[("class", "facts")], |h| {
                    for (label, value) in records.columns.iter().zip(&row.cells).skip(1) {
                        if value.trim().is_empty() {
                            continue;
                        }
                        h.leaf("dt", &[], label);
                        // What is still missing stands out.
                        let attrs: &[(&str, &str)] = if *label == t::FIELD_MISSING {
                            &[("class", "missing")]
                        } else {
                            &[]
                        };
                        h.leaf("dd", attrs, value);
                    }
                });
            });
        }
    })
}

/// The draft privacy statement as one HTML file for A4.
pub fn render_statement(statement: &crate::documents::Statement) -> String {
    statement::render(statement)
}

/// The document frame of a report: doctype, head with the inline CSS, and a sheet holding `body`.
fn page(doc: &Document, title: &str, css: &'static str, body: impl FnOnce(&mut Html)) -> String {
    frame(&t::html_title(title, doc.organisation), css, "sheet", body)
}

/// The frame of every HTML document: doctype, head with the window title and the inline CSS, and
/// a `main` of class `sheet_class` holding `body`.
fn frame(
    title: &str,
    css: &'static str,
    sheet_class: &'static str,
    body: impl FnOnce(&mut Html),
) -> String {
    let mut h = Html::new();
    h.raw("<!DOCTYPE html>\n");
    h.el("html", &[("lang", "nl")], |h| {
        h.raw("\n");
        h.el("head", &[], |h| {
            h.void("meta", &[("charset", "utf-8")]);
            h.void(
                "meta",
                &[
                    ("name", "viewport"),
                    ("content", "width=device-width, initial-scale=1"),
                ],
            );
            h.void("meta", &[("name", "color-scheme"), ("content", "light")]);
            h.leaf("title", &[], title);
            h.el("style", &[], |h| {
                h.raw(style::BASE).raw(css);
            });
        });
        h.el("body", &[], |h| {
            h.el("main", &[("class", sheet_class)], body);
        });
    });
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::parts::share;
    use super::*;
    use crate::checklist::Catalog;
    use crate::report::Band;
    use crate::report::document::percent;
    use crate::report::{Scan, fixture};

    fn with_snapshots_here(check: impl FnOnce()) {
        insta::with_settings!({ snapshot_path => "html/snapshots", prepend_module_to_snapshot => false }, {
            check();
        });
    }

    fn both(organisation: &str) -> [String; 2] {
        let scan = fixture::scan();
        let doc = fixture::document(&scan, organisation);
        [render(&doc), render_summary(&doc)]
    }

    #[test]
    fn report_snapshot() {
        let scan = fixture::scan();
        let org = fixture::assessment().organisation;
        with_snapshots_here(|| {
            insta::assert_snapshot!("html_report", render(&fixture::document(&scan, &org)));
        });
    }

    #[test]
    fn summary_snapshot() {
        let scan = fixture::scan();
        let org = fixture::assessment().organisation;
        with_snapshots_here(|| {
            insta::assert_snapshot!(
                "html_summary",
                render_summary(&fixture::document(&scan, &org))
            );
        });
    }

    #[test]
    fn nasty_note_is_escaped() {
        let [report, _] = both("X");
        assert!(!report.contains("<script>alert(1)</script>"));
        assert!(!report.contains("<script"));
        assert!(report.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quote&quot;, comma | pipe\nnieuwe regel &amp; é"));
        // The orphan's note.
        assert!(!report.contains("<b>bewaard</b>"));
        assert!(report.contains("oude vraag, &lt;b&gt;bewaard&lt;/b&gt;"));
    }

    #[test]
    fn plan_and_details_are_escaped() {
        let [report, summary] = both("X");
        for out in [&report, &summary] {
            assert!(!out.contains("<jan@korst.nl>"));
            assert!(out.contains("Jan &quot;Bol&quot; &lt;jan@korst.nl&gt;"));
            assert!(out.contains("=Eva de Vries | *Advies* &amp; Co"));
        }
        assert!(!report.contains("<b>de Boer</b>") && !report.contains("<i>apart</i>"));
        assert!(report.contains("=Sanne &lt;b&gt;de Boer&lt;/b&gt; | &quot;Zn&quot;"));
        assert!(report.contains("*nieuwsbrief* | &lt;i&gt;apart&lt;/i&gt;,\nmet de webbouwer"));
        // Overdue is said in words, not by colour alone.
        assert!(report.contains("<span class=\"late-chip\">te laat</span>"));
        assert!(report.contains("2026-11-01 (te laat)"));
    }

    #[test]
    fn organisation_is_escaped_everywhere() {
        let org = fixture::assessment().organisation;
        assert!(org.contains('<') && org.contains('&') && org.contains('"'));
        for out in both(&org) {
            assert!(!out.contains("<De Korst>"));
            assert!(!out.contains("\"Utrecht\""));
            let escaped = "Bakkerij &lt;De Korst&gt; &amp; Zn, &quot;Utrecht&quot;";
            assert!(
                out.contains(&format!("<h1 class=\"name\">{escaped}</h1>")),
                "heading"
            );
            assert!(out.contains(&format!(" – {escaped}</title>")), "title");
        }
        for out in both("Evil\"><script>alert(1)</script>'") {
            assert!(!out.contains("<script"));
            assert!(!out.contains("Evil\""));
            assert!(out.contains("Evil&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#39;"));
        }
    }

    #[test]
    fn self_contained_without_scripts_or_external_resources() {
        for out in both(&fixture::assessment().organisation) {
            let lower = out.to_lowercase();
            assert!(!lower.contains("<script"), "no scripts");
            for bad in [
                "src=", "url(", "@import", "<link", "<img", "<iframe", "<object", "<embed",
            ] {
                assert!(!lower.contains(bad), "found {bad}");
            }
            // The only addresses are links the reader can follow; nothing is loaded.
            let links = lower.matches("<a href=\"https://").count();
            let anchors = lower.matches("<a href=\"#").count();
            assert_eq!(lower.matches("href=").count(), links + anchors);
            assert_eq!(
                lower.matches("://").count(),
                2 * links,
                "every address is a link"
            );
            assert!(out.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
            assert!(out.contains("@page{size:A4;"));
            assert!(out.trim_end().ends_with("</html>"));
        }
    }

    #[test]
    fn report_has_every_part() {
        let scan = fixture::scan();
        let doc = fixture::document(&scan, "Bakkerij");
        let out = render(&doc);
        for part in [
            t::NOT_LEGAL_ADVICE,
            t::BAND_RULE,
            t::PLAN,
            t::GAPS_PER_CHECKLIST,
            t::DONE,
            t::ORPHANS,
            "0.0.0-test",
            "23 november 2026",
            t::COVER_ABOUT,
            t::CONTENTS,
        ] {
            assert!(out.contains(part), "missing {part}");
        }
        // No internal file name, no ISO dates in the text; every table-of-contents link has its section.
        assert!(
            !out.contains("klant-x"),
            "the assessment's file name is not on the page"
        );
        assert!(!out.contains("2026-11-23"));
        let toc = out
            .split("<nav class=\"toc\">")
            .nth(1)
            .unwrap()
            .split("</nav>")
            .next()
            .unwrap();
        let links: Vec<&str> = toc
            .split("href=\"#")
            .skip(1)
            .map(|l| l.split('"').next().unwrap())
            .collect();
        assert!(links.len() >= 5, "{toc}");
        for id in links {
            assert!(out.contains(&format!("id=\"{id}\"")), "no section {id}");
        }
        // Questions not answered yet are one line each, not a full article.
        let unanswered = doc.scan.gaps.iter().filter(|g| {
            g.scope == crate::checklist::Scope::Avg
                && g.status.is_none()
                && g.note.trim().is_empty()
                && g.plan.is_none()
        });
        assert!(unanswered.clone().count() > 0);
        for g in unanswered {
            assert!(!out.contains(g.id.as_str()), "{} has no article", g.id);
        }
        assert_eq!(
            out.matches("<li class=\"first-item\">").count(),
            doc.open_tasks().count()
        );
        // Privacy-law gaps each get an article, or a line when not answered yet; the others are listed
        // under "Buiten de AVG".
        let compact = doc
            .scan
            .gaps
            .iter()
            .filter(|g| {
                g.scope == crate::checklist::Scope::Avg
                    && g.status.is_none()
                    && g.note.trim().is_empty()
                    && g.plan.is_none()
            })
            .count();
        let avg = doc
            .scan
            .gaps
            .iter()
            .filter(|g| g.scope == crate::checklist::Scope::Avg)
            .count();
        assert!(
            avg < doc.scan.gaps.len(),
            "the fixture has gaps outside the AVG"
        );
        assert_eq!(out.matches("<article class=\"gap").count(), avg - compact);
        assert_eq!(
            out.matches("<tr><td class=\"title\"").count(),
            doc.scan.checklists.len()
        );
    }

    #[test]
    fn the_summary_names_the_signers_and_says_what_changed_since_the_previous_session() {
        let scan = fixture::scan();
        let doc = fixture::document(&scan, "Bakkerij");
        let out = render_summary(&doc);
        let mut contact = String::new();
        writer::escape_into(&mut contact, doc.details.contact.trim());
        let mut assessor = String::new();
        writer::escape_into(&mut assessor, doc.details.assessor.trim());
        assert!(
            !contact.is_empty() && !assessor.is_empty(),
            "the fixture has both"
        );
        assert!(
            out.contains(&format!("<span class=\"fill\">{contact}</span>")),
            "{out}"
        );
        assert!(
            out.contains(&format!("<span class=\"fill\">{assessor}</span>")),
            "{out}"
        );
        let progress = doc.progress.as_ref().expect("the fixture has two sessions");
        assert!(
            out.contains(&format!("<b>{}</b>: ", doc.since_heading(progress))),
            "{out}"
        );
        // The next session, two dates and two signatures stay empty to write on; without details the
        // two names do too.
        assert_eq!(out.matches("<span class=\"fill\"></span>").count(), 5);
        let mut bare = fixture::document(&scan, "Bakkerij");
        let empty = crate::assessment::Details::default();
        bare.details = &empty;
        assert_eq!(
            render_summary(&bare)
                .matches("<span class=\"fill\"></span>")
                .count(),
            7
        );
    }

    #[test]
    fn summary_has_one_bar_per_checklist_and_five_actions() {
        let scan = Scan::new(
            &Catalog::bundled(),
            &fixture::complete_assessment(),
            fixture::now(),
        );
        let doc = fixture::document(&scan, "Kapsalon Knip & Co");
        let out = render_summary(&doc);
        assert_eq!(scan.checklists.len(), Catalog::bundled().checklists().len());
        assert_eq!(
            out.matches("<tr><td class=\"title\"").count(),
            scan.checklists.len()
        );
        assert_eq!(out.matches("<li class=\"top-item\">").count(), 5);
        for part in [
            t::REMARKS,
            t::NEXT_SESSION,
            t::SIGNATURE_OWNER,
            t::SIGNATURE_ADVISOR,
            t::band_label(doc.band()),
            t::NOT_LEGAL_ADVICE,
            "Kapsalon Knip &amp; Co",
        ] {
            assert!(out.contains(part), "missing {part}");
        }
    }

    #[test]
    fn without_organisation_the_assessment_name_heads_the_page() {
        for out in both("  ") {
            assert!(out.contains("<h1 class=\"name\">klant-x</h1>"));
        }
    }

    #[test]
    fn orphans_only_when_there_are_some() {
        let scan = Scan::new(
            &Catalog::bundled(),
            &fixture::complete_assessment(),
            fixture::now(),
        );
        assert!(scan.orphans.is_empty());
        let out = render(&fixture::document(&scan, "X"));
        assert!(!out.contains(t::ORPHANS));
    }

    #[test]
    fn percent_rounds_like_the_band() {
        assert_eq!(percent(49.5), 50);
        assert_eq!(Band::of(49.5), Band::OnTheWay);
        assert_eq!(percent(79.4), 79);
        assert_eq!(percent(-1.0), 0);
        assert_eq!(share(0, 0), 100);
        assert_eq!(share(1, 3), 33);
    }
}
