use super::*;
use crate::report::fixture;

#[test]
fn wrap_breaks_at_width_and_indents() {
    let out = wrap(
        "een twee drie vier vijf zes zeven acht negen tien elf twaalf",
        24,
        2,
    );
    for line in out.lines() {
        assert!(line.starts_with("  "));
        assert!(line.chars().count() <= 24, "{line:?}");
    }
    assert_eq!(out.lines().count(), 3);
}

#[test]
fn wrap_measures_display_columns_and_keeps_hyphenated_words_whole() {
    // Each 日 takes two columns: 12 of them are 24 columns plus the spaces.
    let wide = "日日日 日日日 日日日 日日日 e-mailhandtekening";
    for line in wrap(wide, 22, 0).lines() {
        assert!(textwrap::core::display_width(line) <= 22, "{line:?}");
    }
    assert!(wrap(wide, 22, 0).contains("e-mailhandtekening"));
    // A path longer than the line stays whole in a report, and is broken when asked.
    let path = format!("zie {}", "/heel/lang/pad".repeat(5));
    assert!(wrap_lines(&path, 30, 0, false).iter().any(|l| l.len() > 30));
    assert!(wrap_lines(&path, 30, 0, true).iter().all(|l| l.len() <= 30));
}

/// A paragraph that fits is one line without asking textwrap: the same line textwrap makes, at
/// the edge of the width too, with wide characters and indents.
#[test]
fn a_paragraph_that_fits_is_the_line_textwrap_makes() {
    for words in [
        "een twee drie vier vijf zes",
        "日日日 日日日 日日日 日日日 é ó",
        "e-mailhandtekening en /een/pad/naar/iets",
    ] {
        let columns = textwrap::core::display_width(words);
        for indent in [0, 2, 4] {
            for room in columns - 2..=columns + 2 {
                let pad = " ".repeat(indent);
                let options = textwrap::Options::new(room + indent)
                    .initial_indent(&pad)
                    .subsequent_indent(&pad)
                    .word_splitter(textwrap::WordSplitter::NoHyphenation);
                let textwrap = textwrap::wrap(words, &options);
                assert_eq!(
                    wrap_lines(words, room + indent, indent, false),
                    textwrap,
                    "{words:?} in {room}"
                );
            }
        }
    }
    let long = "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien";
    assert_eq!(wrap_lines(long, long.len(), 0, false), [long]);
    assert_eq!(wrap_lines(long, 60, 0, false).len(), 2);
    assert_eq!(wrap_lines(long, 64, 4, false).len(), 2);
}

/// The wrapping as it was first written: each paragraph's words joined by one space, then wrapped
/// by textwrap with the indentation in its options, every line made anew.
fn wrap_lines_as_textwrap_does(
    text: &str,
    width: usize,
    indent: usize,
    breaks: bool,
) -> Vec<String> {
    let text = sanitize::text(text);
    let room = width.saturating_sub(indent).max(20);
    let pad = " ".repeat(indent);
    let options = textwrap::Options::new(room + indent)
        .initial_indent(&pad)
        .subsequent_indent(&pad)
        .break_words(breaks)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let mut out = Vec::new();
    for paragraph in text.lines() {
        let words = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        if words.is_empty() {
            out.push(pad.clone());
        } else {
            out.extend(
                textwrap::wrap(&words, &options)
                    .into_iter()
                    .map(|l| l.into_owned()),
            );
        }
    }
    if out.is_empty() {
        out.push(pad);
    }
    out
}

/// `cut` as it was first written: the whole line measured, then its characters taken while the
/// "…" still fits.
fn cut_as_first_written(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let text = sanitize::line(text);
    if textwrap::core::display_width(&text) <= width {
        return text;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

proptest::proptest! {
    /// Measured only up to the width: the same line as measuring all of it.
    #[test]
    fn a_cut_line_is_the_line_measuring_all_of_it_gives(
        text in "([a-z]{1,8}|日|é|\u{301}|[ ]{1,2}|\n|\u{1b})*",
        width in 0usize..40,
    ) {
        proptest::prop_assert_eq!(cut(&text, width), cut_as_first_written(&text, width));
    }

    /// Lines borrowed, the indentation put before them and single-spaced paragraphs not joined
    /// again: the same lines as textwrap makes with the indentation in its options, for any text
    /// (spaces, tabs, no-break spaces, wide characters, controls, line breaks) at any width.
    #[test]
    fn wrapping_gives_the_lines_textwrap_gives_with_the_indentation(
        text in "([a-z]{1,12}|日|é|-|/|[ ]{1,3}|\t|\u{a0}|\u{3000}|\u{85}|\u{2028}|\u{202f}|\u{2009}|\u{205f}|\u{1680}|—|”|€|·|\n|\r\n|\u{1b})*",
        width in 0usize..90,
        indent in 0usize..8,
        breaks: bool,
    ) {
        let expected = wrap_lines_as_textwrap_does(&text, width, indent, breaks);
        proptest::prop_assert_eq!(&wrap_lines(&text, width, indent, breaks), &expected);
        if !breaks {
            proptest::prop_assert_eq!(wrap(&text, width, indent), expected.join("\n") + "\n");
        }
    }
}

/// The words `measure` finds in `paragraph`: their lengths, widths and spaces.
fn measured(paragraph: &str) -> Vec<(usize, usize, bool)> {
    let mut pieces = Vec::new();
    measure(paragraph, &mut pieces);
    pieces.iter().map(|p| (p.len, p.width, p.space)).collect()
}

/// Every character: a space but `' '` between two words makes a paragraph not single-spaced (and
/// so does a C0 control, which the sanitiser leaves none of), any other character does not, in
/// any place of a 16-byte block; and the word it is in is as wide as textwrap measures it.
#[test]
fn single_spaced_knows_every_space_by_its_bytes_and_measure_every_width() {
    for c in (0..=0x10_ffff).filter_map(char::from_u32) {
        let paragraph = format!("a{c}b");
        let expected = c == ' ' || (!c.is_whitespace() && c >= ' ');
        assert_eq!(
            single_spaced(&paragraph),
            expected,
            "U+{:04X}",
            u32::from(c)
        );
        if expected && c != ' ' {
            let width = textwrap::core::display_width(&paragraph);
            assert_eq!(
                measured(&paragraph),
                [(paragraph.len(), width, false)],
                "U+{:04X}",
                u32::from(c)
            );
        }
    }
    // In every place of a block and across blocks.
    for c in ["\u{a0}", "\u{3000}", "\u{2028}", "\t", "  "] {
        for before in 1..40 {
            for after in 1..20 {
                let paragraph = format!("{}{c}{}", "a".repeat(before), "b".repeat(after));
                assert!(!single_spaced(&paragraph), "{paragraph:?}");
                let paragraph = format!("{} {}", "a".repeat(before), "b".repeat(after));
                assert!(single_spaced(&paragraph), "{paragraph:?}");
            }
        }
    }
    assert!(single_spaced("een twee") && single_spaced("") && single_spaced(&"—a".repeat(20)));
    assert!(!single_spaced(" een") && !single_spaced("een ") && !single_spaced("een  twee"));
    assert_eq!(measured("een twee"), [(3, 3, true), (4, 4, false)]);
    assert_eq!(measured("日日 é"), [(6, 4, true), (2, 1, false)]);
    assert_eq!(measured(""), []);
}

#[test]
fn bar_fills_proportionally() {
    assert_eq!(bar(0.5, 4), "██░░");
    assert_eq!(bar(1.5, 2), "██");
    assert_eq!(bar(0.0, 3), "░░░");
}

#[test]
fn full_report_snapshot() {
    let scan = fixture::scan();
    let org = fixture::assessment().organisation;
    insta::assert_snapshot!(render(&fixture::document(&scan, &org), Layout::PLAIN));
}

#[test]
fn summary_snapshot() {
    let scan = fixture::scan();
    let org = fixture::assessment().organisation;
    insta::assert_snapshot!(render_summary(
        &fixture::document(&scan, &org),
        Layout::PLAIN
    ));
}

#[test]
fn plain_text_has_no_escape_codes_and_colour_has() {
    let scan = fixture::scan();
    let doc = fixture::document(&scan, "X");
    assert!(!render(&doc, Layout::PLAIN).contains('\x1b'));
    assert!(
        render(
            &doc,
            Layout {
                width: 80,
                color: true
            }
        )
        .contains("\x1b[1m")
    );
}

#[test]
fn user_text_cannot_send_terminal_escapes() {
    let scan = fixture::scan();
    let doc = fixture::document(&scan, "Evil\x1b[2J BV\nnext");
    let out = render(&doc, Layout::PLAIN);
    assert!(!out.contains('\x1b'));
    assert!(out.contains("Organisatie: Evil\u{fffd}[2J BV next"));
}

#[test]
fn lines_fit_the_width_except_unbreakable_words() {
    let scan = fixture::scan();
    let doc = fixture::document(&scan, "X");
    for width in [60, 80, 120] {
        let out = render(
            &doc,
            Layout {
                width,
                color: false,
            },
        );
        for line in out.lines() {
            let long_word = line
                .split_whitespace()
                .any(|w| w.chars().count() > width / 2);
            assert!(
                line.chars().count() <= width || long_word,
                "{width}: {line:?}"
            );
        }
    }
}

#[test]
fn orphan_ids_cannot_send_terminal_escapes() {
    let mut a = fixture::assessment();
    a.set_status(
        "weg.\x1b[2Jvraag",
        Some(crate::assessment::Status::No),
        None,
        fixture::now(),
    );
    let scan = crate::report::Scan::new(&crate::checklist::Catalog::bundled(), &a, fixture::now());
    let out = render(&fixture::document(&scan, "X"), Layout::PLAIN);
    assert!(!out.contains('\x1b'));
    assert!(
        out.contains("weg.\u{fffd}[2Jvraag"),
        "shown with a placeholder"
    );
}

#[test]
fn plan_and_details_cannot_send_terminal_escapes() {
    let catalog = crate::checklist::Catalog::bundled();
    let mut a = fixture::assessment();
    a.details.assessor = "Eva\x1b[2J de Vries\nvolgende".into();
    a.details.contact = "Jan\x07 Bol".into();
    let entry = crate::assessment::PlanEntry {
        owner: "Sanne\x1b[31m".into(),
        due: None,
        action: "Doen\x1b]0;titel\x07 nu\nen later".into(),
        ..Default::default()
    };
    a.set_plan("privacyverklaring.pv-doeleinden", entry, fixture::now());
    a.sessions[0].assessor = "Eva\x1b[1m".into();
    let scan = crate::report::Scan::new(&catalog, &a, fixture::now());
    let mut doc = crate::report::Document::of(
        &catalog,
        &scan,
        &a,
        "klant-x",
        fixture::now(),
        jiff::tz::TimeZone::UTC,
    );
    doc.version = "0.0.0-test";
    for out in [
        render(&doc, Layout::PLAIN),
        render_summary(&doc, Layout::PLAIN),
    ] {
        assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out}");
        assert!(out.contains("Adviseur: Eva\u{fffd}[2J de Vries volgende"));
    }
    let out = render(&doc, Layout::PLAIN);
    assert!(out.contains("Wie: Sanne\u{fffd}[31m"));
    assert!(out.contains("Afgesproken: Doen\u{fffd}]0;titel\u{fffd} nu\n"));
}

#[test]
fn the_report_on_quit_fits_one_screen_of_80_by_24() {
    let scan = fixture::scan();
    let doc = fixture::document(
        &scan,
        "Bakkerij De Korenschoof met een heel lange naam, Utrecht",
    );
    let session = crate::report::progress::compare(
        &crate::checklist::Catalog::bundled(),
        fixture::shared(),
        &scan,
        "2026-11-01T00:00:00Z".parse().unwrap(),
        crate::report::progress::Baseline::Chosen,
    );
    let out = render_quit(&doc, Some(&session), "pqs report -a klant-x", Layout::PLAIN);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() <= 24, "{} lines:\n{out}", lines.len());
    for line in &lines {
        assert!(textwrap::core::display_width(line) <= 80, "{line:?}");
    }
    // Score, progress, this session, the five first tasks in plan order, the way to the rest.
    assert!(lines[1].starts_with("Score 13% (onvoldoende)"), "{out}");
    assert!(out.contains("Deze sessie: "), "{out}");
    let first: Vec<&str> = doc.top_tasks(5).map(|t| t.title.as_str()).collect();
    let mut at = 0;
    for (i, title) in first.iter().enumerate() {
        let line = format!("{}. {}", i + 1, cut(title, 77));
        let found = out[at..]
            .find(&line)
            .unwrap_or_else(|| panic!("{line}\n{out}"));
        at += found;
    }
    assert!(!out.contains("\n6. "));
    assert!(out.contains("pqs report -a klant-x"));
    assert!(out.contains(t::NOT_LEGAL_ADVICE));
    assert!(!out.contains(t::GAPS_PER_CHECKLIST), "not the whole report");
}

#[test]
fn what_this_session_changed_is_counted_in_words() {
    assert_eq!(
        t::this_session(3, 6, 2, 21, 27),
        "Deze sessie: 3 nieuw beantwoord, 6 verbeterd, 2 verslechterd; score 21% → 27%."
    );
    assert_eq!(
        t::this_session(0, 0, 0, 21, 21),
        "Deze sessie veranderde geen antwoord; score 21%."
    );
}

/// A list item's dash takes the place of its first line's indentation, and an empty first line
/// keeps its line break, so what follows starts on a line of its own.
#[test]
fn a_dash_replaces_only_the_indentation() {
    let item = |text: &str| {
        let mut out = String::new();
        hanging(&mut out, "  - ", |out| wrap_into(out, text, 40, 4));
        out
    };
    assert_eq!(item("een twee"), "  - een twee\n");
    assert_eq!(item(""), "  - \n");
    assert_eq!(item("\nfoo"), "  - \n    foo\n");
    assert_eq!(
        item("een twee drie vier vijf zes zeven acht negen tien"),
        "  - een twee drie vier vijf zes zeven\n    acht negen tien\n"
    );
}
