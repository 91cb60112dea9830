//! The one sanitiser for text that reaches a terminal (stdout, stderr, a TUI cell) or a spreadsheet
//! cell. Text from a checklist, an intake, an assessment, an export bundle or an argument is
//! untrusted: an escape sequence in a question could set the window title (OSC 0), write the
//! clipboard (OSC 52) or clear the screen (CSI 2J), and a bidi override can make a file name read
//! backwards. Every renderer passes such text through [`line`] or [`text`]; the output boundary
//! ([`for_terminal`]) and the TUI's frame scrub check everything once more.
//!
//! Unsafe are the C0 controls, DEL, the C1 controls (U+0080 to U+009F) and the bidi controls
//! (U+202A to U+202E, U+2066 to U+2069, and the marks U+200E, U+200F, U+061C). They are shown as
//! [`PLACEHOLDER`], so the reader sees that something was there; line breaks are kept where the
//! layout allows them and tabs become spaces.

use std::borrow::Cow;

/// Shown in place of an unsafe character.
pub const PLACEHOLDER: char = '\u{FFFD}';

/// Whether `c` is a bidi control: an embedding, override or isolate, or a direction mark.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// Whether `c` must never reach a terminal as it is: a C0 control (line break and tab included),
/// DEL, a C1 control or a bidi control.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Whether pqs's JSON writes `c` as a `\uXXXX` escape when nothing shorter is JSON's: every
/// unsafe character, and U+2028/U+2029, which end a line for some readers.
pub fn escaped_in_json(c: char) -> bool {
    is_unsafe(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// The first unsafe character of `text` other than a line break or tab, with its byte offset: what a
/// loader refuses in checklist text.
pub fn first_unsafe(text: &str) -> Option<(usize, char)> {
    find(text, |_, c| is_unsafe(c) && !matches!(c, '\n' | '\t'))
}

/// The first character of `text` (with its byte offset) for which `bad` holds, where `bad` is
/// asked only about characters other than printable ASCII (space to `~`): those are never unsafe,
/// and most text is made of them, so they are passed over byte by byte without decoding.
pub fn find(text: &str, mut bad: impl FnMut(usize, char) -> bool) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        i += printable_ascii_run(&bytes[i..]);
        // `i` is at a character boundary: it follows printable ASCII or a whole character.
        let c = text[i..].chars().next()?;
        if bad(i, c) {
            return Some((i, c));
        }
        i += c.len_utf8();
    }
}

/// How many bytes at the start of `bytes` are printable ASCII (space to `~`), looked at eight at a
/// time: a report is megabytes of them.
fn printable_ascii_run(bytes: &[u8]) -> usize {
    ascii_run(bytes, None)
}

/// How many bytes at the start of `bytes` are printable ASCII other than `"` and `\`: what a JSON
/// string holds as it is, with nothing to escape (pqs's JSON escapes the unsafe characters too,
/// and none of them is printable ASCII).
pub fn json_plain_run(bytes: &[u8]) -> usize {
    ascii_run(bytes, Some([b'"', b'\\']))
}

/// How many bytes at the start of `bytes` are printable ASCII and not one of `except`, looked at
/// eight at a time, the last few too (padded with spaces).
fn ascii_run(bytes: &[u8], except: Option<[u8; 2]>) -> usize {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    // For each byte of `word`, its high bit when the byte is not plain. Bit hacks' "haszero" and
    // its kin: a borrow or carry may also mark a byte after one that is marked, never before it,
    // so the lowest mark is exact.
    let marks = |word: u64| {
        let zero_byte = |w: u64| w.wrapping_sub(ONES) & !w & HIGH;
        let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
        let above_tilde = (word.wrapping_add(ONES) | word) & HIGH;
        let excepted = except.map_or(0, |[a, b]| {
            zero_byte(word ^ (ONES * u64::from(a))) | zero_byte(word ^ (ONES * u64::from(b)))
        });
        below_space | above_tilde | excepted
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut run = 0;
    for chunk in &mut chunks {
        let found = marks(u64::from_le_bytes(
            chunk.try_into().expect("chunks of eight"),
        ));
        if found != 0 {
            return run + found.trailing_zeros() as usize / 8;
        }
        run += 8;
    }
    let rest = chunks.remainder();
    let mut last = [b' '; 8];
    last[..rest.len()].copy_from_slice(rest);
    let found = marks(u64::from_le_bytes(last));
    run + if found == 0 {
        rest.len()
    } else {
        found.trailing_zeros() as usize / 8
    }
}

/// A character as a reader can name it: `U+001B (ESC)`, `U+202E (bidi)`.
pub fn describe(c: char) -> String {
    let name = match c {
        '\u{1b}' => " (ESC)",
        '\u{7}' => " (BEL)",
        '\r' => " (CR)",
        '\0' => " (NUL)",
        '\u{7f}' => " (DEL)",
        '\u{9b}' => " (CSI)",
        c if is_bidi_control(c) => " (bidi-teken)",
        c if c.is_control() => " (stuurteken)",
        _ => "",
    };
    format!("U+{:04X}{name}", u32::from(c))
}

/// Text on one line, as shown: every run of whitespace (line breaks and tabs too) becomes one space,
/// the ends are trimmed, and unsafe characters become [`PLACEHOLDER`].
pub fn line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    line_into(&mut out, text);
    out
}

/// [`line`], written at the end of `out`.
pub fn line_into(out: &mut String, text: &str) {
    let start = out.len();
    if printable_ascii_run(text.as_bytes()) == text.len() {
        // Printable ASCII has no space but ' ' and nothing to show otherwise.
        for word in text.split(' ').filter(|word| !word.is_empty()) {
            if out.len() > start {
                out.push(' ');
            }
            out.push_str(word);
        }
        return;
    }
    for word in text.split(|c: char| c.is_whitespace()) {
        if word.is_empty() {
            continue;
        }
        if out.len() > start {
            out.push(' ');
        }
        if printable_ascii_run(word.as_bytes()) == word.len() {
            out.push_str(word);
        } else {
            out.extend(word.chars().map(shown));
        }
    }
}

/// Text over several lines, as shown: line breaks kept (`\r\n` and a lone `\r` become `\n`), tabs
/// become spaces and other unsafe characters become [`PLACEHOLDER`].
pub fn text(text: &str) -> String {
    text_kept(text).into_owned()
}

/// [`text`], borrowed when nothing in it changes (nearly always: the report's wrapping asks for
/// some 70,000 at 10,000 items).
pub fn text_kept(text: &str) -> Cow<'_, str> {
    // Up to the first character that changes, the text is kept as it is.
    let Some((start, _)) = find(text, |_, c| c != '\n' && is_unsafe(c)) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..start]);
    let mut chars = text[start..].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            c => out.push(shown(c)),
        }
    }
    Cow::Owned(out)
}

/// What a user typed, to be stored: on one line, unsafe characters dropped (a pasted escape
/// sequence has no meaning in a name), whitespace collapsed and trimmed.
pub fn input_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .map(|w| w.chars().filter(|c| !is_unsafe(*c)).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn shown(c: char) -> char {
    if is_unsafe(c) { PLACEHOLDER } else { c }
}

/// What may pass [`for_terminal`] besides text, line breaks and tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// Nothing else (messages, data, reports without colour).
    Text,
    /// Also `\r\n` (CSV records end so).
    CrLf,
    /// Also the colour sequences of our own text report (`ESC [ digits ; m`, SGR only). Only the
    /// coloured report asks for this, and its user text was sanitised when it was rendered.
    Colour,
}

/// The last check before bytes reach a terminal (stdout or stderr): line breaks and tabs pass,
/// and what `pass` allows; any other unsafe character becomes [`PLACEHOLDER`]. Content was
/// sanitised when it was rendered, so normally nothing changes; this keeps a missed path (a path
/// or id in an error message, say) from ever steering the terminal.
pub fn for_terminal(text: &str, pass: Pass) -> Cow<'_, str> {
    let crlf = |i: usize| pass != Pass::Text && text[i + 1..].starts_with('\n');
    let colour = |i: usize| pass == Pass::Colour && sgr_len(&text[i..]).is_some();
    let bad = |i: usize, c: char| match c {
        '\n' | '\t' => false,
        '\r' => !crlf(i),
        '\u{1b}' => !colour(i),
        c => is_unsafe(c),
    };
    if find(text, bad).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let len = match c {
            '\u{1b}' if colour(i) => {
                let len = sgr_len(&text[i..]).unwrap_or(1);
                out.push_str(&text[i..i + len]);
                len
            }
            '\r' if crlf(i) => {
                out.push('\r');
                1
            }
            '\n' | '\t' => {
                out.push(c);
                1
            }
            c => {
                out.push(shown(c));
                c.len_utf8()
            }
        };
        i += len;
    }
    Cow::Owned(out)
}

/// The length of a Select Graphic Rendition sequence (`ESC [ 1;31 m`) at the start of `text`.
fn sgr_len(text: &str) -> Option<usize> {
    let body = text.strip_prefix("\u{1b}[")?;
    let params = body
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    (params <= 16 && body[params..].starts_with('m')).then_some(2 + params + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_fast_path_finds_what_a_character_scan_finds() {
        let naive = |text: &str| {
            text.char_indices()
                .find(|&(_, c)| is_unsafe(c) && !matches!(c, '\n' | '\t'))
        };
        for text in [
            "",
            "plain ascii ~ text",
            "regel\nmet\ttab",
            "café \u{1b}[2J",
            "é\u{9b}31m",
            "naïef \u{202e}gnirts",
            "a\u{7f}",
            "\u{85}next line",
            "\r\n",
            "😀\u{2066}x\u{200f}",
            "\u{61c}",
            "zonder iets ó ü ß €",
        ] {
            assert_eq!(first_unsafe(text), naive(text), "{text:?}");
            assert_eq!(
                for_terminal(text, Pass::Text).as_ref(),
                text.chars()
                    .map(|c| if matches!(c, '\n' | '\t') {
                        c
                    } else {
                        shown(c)
                    })
                    .collect::<String>(),
                "{text:?}"
            );
        }
    }

    /// Eight bytes at a time: an unsafe character (or any non-ASCII one) at every place of a word,
    /// after runs of every length, and the printable ASCII at the edges (space, `~`).
    #[test]
    fn the_word_at_a_time_scan_stops_where_a_byte_scan_stops() {
        for c in [
            '\0', '\u{1f}', '\u{7f}', '\u{80}', '\u{9b}', '\u{1b}', '\u{202e}', 'é', '\n',
        ] {
            for before in 0..20 {
                for after in [0, 1, 7, 8, 9] {
                    let text = format!(
                        "{}{c}{}",
                        " ~".repeat(before / 2) + &"a".repeat(before % 2),
                        "~".repeat(after)
                    );
                    let naive = text.char_indices().find(|&(_, c)| !matches!(c, ' '..='~'));
                    assert_eq!(find(&text, |_, _| true), naive, "{text:?}");
                    assert_eq!(printable_ascii_run(text.as_bytes()), before, "{text:?}");
                }
            }
        }
        assert_eq!(printable_ascii_run(" !~}0123456789abcdef~".as_bytes()), 21);
    }

    /// JSON's `\uXXXX` holds four hex digits: what pqs escapes that way must be below U+10000
    /// (above it, JSON needs two escapes, which pqs's writer does not make).
    #[test]
    fn what_json_escapes_as_uxxxx_is_below_u_10000() {
        let astral = (0x1_0000..=0x10_ffff).filter_map(char::from_u32);
        assert_eq!(astral.filter(|&c| escaped_in_json(c)).count(), 0);
        assert!(escaped_in_json('\u{2028}') && escaped_in_json('\u{9b}') && !escaped_in_json('é'));
    }

    proptest::proptest! {
        /// Eight bytes at a time, the runs end where a byte-by-byte look ends them.
        #[test]
        fn runs_end_where_a_byte_by_byte_look_ends_them(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![8 => 0x20u8..0x7f, 1 => proptest::num::u8::ANY],
                0..40,
            ),
        ) {
            let printable = bytes.iter().take_while(|b| matches!(b, b' '..=b'~')).count();
            let plain = bytes
                .iter()
                .take_while(|b| matches!(b, b' '..=b'~') && !matches!(b, b'"' | b'\\'))
                .count();
            proptest::prop_assert_eq!(printable_ascii_run(&bytes), printable);
            proptest::prop_assert_eq!(json_plain_run(&bytes), plain);
        }

        /// A line is its words one space apart, each character as shown, whether the text is
        /// all printable ASCII (taken a word at a time) or not.
        #[test]
        fn a_line_is_its_words_one_space_apart_as_shown(
            text in "([a-z~!]{1,6}|[ ]{1,3}|\t|\n|\u{a0}|\u{1b}|é|\u{202e})*",
        ) {
            let words: Vec<String> = text
                .split(char::is_whitespace)
                .filter(|w| !w.is_empty())
                .map(|w| w.chars().map(shown).collect())
                .collect();
            proptest::prop_assert_eq!(line(&text), words.join(" "));
            let mut after = String::from("x");
            line_into(&mut after, &text);
            proptest::prop_assert_eq!(after, format!("x{}", words.join(" ")));
        }
    }

    /// A JSON string's plain run ends where the printable run ends, and at `"` and `\`, at every
    /// place in a word of eight; the bytes next to them in value (`!`, `#`, `[`, `]`) do not end it.
    #[test]
    fn a_json_plain_run_ends_at_quotes_backslashes_and_what_is_not_printable() {
        for c in ['"', '\\', '\0', '\u{7f}', 'é', '\n'] {
            for before in 0..20 {
                for after in [0, 1, 7, 8, 9] {
                    let text = format!(
                        "{}{c}{}",
                        "!#[]~ ".repeat(4)[..before].to_owned(),
                        "a".repeat(after)
                    );
                    assert_eq!(json_plain_run(text.as_bytes()), before, "{text:?}");
                }
            }
        }
        assert_eq!(json_plain_run("!#[]~ abc\\".as_bytes()), 9);
        assert_eq!(printable_ascii_run("\"\\".as_bytes()), 2);
    }

    #[test]
    fn text_keeps_what_it_need_not_change() {
        for plain in ["", "regel\nnog een", "café ó €", "twee\n\nbreaks"] {
            assert_eq!(text(plain), plain);
        }
        assert_eq!(text("kop\r\nvoet\tx\u{1b}"), "kop\nvoet x\u{fffd}");
    }

    /// The attacks of the hardening issue: OSC 0, OSC 52, CSI 2J, DCS, C1 CSI, BEL, U+202E.
    pub(crate) const HOSTILE: &str = "a\u{1b}]0;GEKAAPT\u{7}b\u{1b}]52;c;SGFjaw==\u{7}c\u{1b}[2Jd\
        \u{1b}P1$r\u{1b}\\e\u{9b}31mf\u{7f}g\u{202e}h\u{2066}i\0j";

    fn clean_of_unsafe(text: &str) -> bool {
        !text.chars().any(is_unsafe)
    }

    #[test]
    fn every_control_and_bidi_character_is_unsafe() {
        for c in [
            '\0', '\u{7}', '\u{1b}', '\u{7f}', '\u{80}', '\u{9b}', '\u{9f}',
        ] {
            assert!(is_unsafe(c), "{c:?}");
        }
        for c in ('\u{202a}'..='\u{202e}').chain('\u{2066}'..='\u{2069}') {
            assert!(is_unsafe(c), "{c:?}");
        }
        for c in ['a', 'é', '€', ' ', '…', '\u{200d}', '\u{a0}'] {
            assert!(!is_unsafe(c), "{c:?}");
        }
    }

    #[test]
    fn line_shows_a_placeholder_and_collapses_whitespace() {
        let shown = line(HOSTILE);
        assert!(clean_of_unsafe(&shown), "{shown:?}");
        assert!(
            shown.starts_with("a\u{fffd}]0;GEKAAPT\u{fffd}b"),
            "{shown:?}"
        );
        assert_eq!(line("  twee\n regels\tmet\r\ntab  "), "twee regels met tab");
    }

    #[test]
    fn text_keeps_line_breaks_only() {
        assert_eq!(text("a\r\nb\rc\nd\te"), "a\nb\nc\nd e");
        let shown = text(HOSTILE);
        assert!(clean_of_unsafe(&shown.replace('\n', "")), "{shown:?}");
        assert_eq!(shown.matches(PLACEHOLDER).count(), 12, "{shown:?}");
    }

    #[test]
    fn input_drops_what_cannot_be_typed() {
        assert_eq!(
            input_line(" Bakkerij\u{1b}[2J  De\u{202e} Korst\n"),
            "Bakkerij[2J De Korst"
        );
    }

    #[test]
    fn the_terminal_boundary_lets_colour_through_only_where_asked() {
        let coloured = "\u{1b}[1;31m[HOOG]\u{1b}[0m tekst\nregel\tmet tab\n";
        assert!(matches!(
            for_terminal(coloured, Pass::Colour),
            Cow::Borrowed(_)
        ));
        let message = "onbekende vraag \"pv\u{1b}[8m\"";
        assert_eq!(
            for_terminal(message, Pass::Text),
            "onbekende vraag \"pv\u{fffd}[8m\""
        );
        for pass in [Pass::Text, Pass::CrLf, Pass::Colour] {
            let out = for_terminal(HOSTILE, pass);
            assert!(!out.contains('\u{1b}'), "{out:?}");
            assert!(clean_of_unsafe(&out), "{out:?}");
        }
        assert_eq!(
            for_terminal("over\rschreven", Pass::CrLf),
            "over\u{fffd}schreven"
        );
        assert_eq!(for_terminal("a,b\r\n", Pass::CrLf), "a,b\r\n");
        assert_eq!(for_terminal("a,b\r\n", Pass::Text), "a,b\u{fffd}\n");
        assert_eq!(
            for_terminal("\u{1b}[2J", Pass::Colour),
            "\u{fffd}[2J",
            "CSI J is no colour"
        );
    }

    #[test]
    fn loaders_find_the_first_unsafe_character() {
        assert_eq!(first_unsafe("regel\nmet\ttab"), None);
        assert_eq!(first_unsafe("ab\u{1b}c"), Some((2, '\u{1b}')));
        assert_eq!(first_unsafe("é\u{202e}"), Some((2, '\u{202e}')));
        assert_eq!(describe('\u{1b}'), "U+001B (ESC)");
        assert_eq!(describe('\u{202e}'), "U+202E (bidi-teken)");
    }
}
