//! A small HTML writer that escapes by default.
//!
//! Text and attribute values always go through [`escape_into`]. The only unescaped input is [`Html::raw`],
//! which takes `&'static str`: constant markup and CSS written in this module tree, never user text.
//! Elements are written through closures, so every opened tag is closed.

use crate::sanitize;

/// Whether a line break is written after the element `tag`, to keep the source (and snapshots)
/// readable. A `match`, not a search of a list: it is asked for every element (at 10,000 items
/// some 400,000 times).
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "html"
            | "head"
            | "body"
            | "main"
            | "header"
            | "footer"
            | "section"
            | "article"
            | "div"
            | "p"
            | "h1"
            | "h2"
            | "h3"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "ol"
            | "ul"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "meta"
            | "title"
            | "style"
            | "colgroup"
    )
}

/// Attributes: constant names, escaped values.
pub(super) type Attrs<'a> = &'a [(&'static str, &'a str)];

/// An HTML document under construction.
#[derive(Debug, Default)]
pub(super) struct Html {
    out: String,
    /// The id of the `section` opened last, and the (id, heading) of every section with a
    /// [`Html::section_heading`], in order: the table of contents is made from what was written.
    section: Option<String>,
    contents: Vec<(String, String)>,
}

impl Html {
    /// An empty document.
    pub(super) fn new() -> Self {
        Html {
            out: String::with_capacity(64 * 1024),
            ..Html::default()
        }
    }

    /// Constant markup of our own (doctype, CSS). `'static` so that user text cannot get here.
    pub(super) fn raw(&mut self, markup: &'static str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    /// Text, escaped.
    pub(super) fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.out, text);
        self
    }

    /// `<tag attrs>` + whatever `body` writes + `</tag>`.
    pub(super) fn el(
        &mut self,
        tag: &'static str,
        attrs: Attrs<'_>,
        body: impl FnOnce(&mut Html),
    ) -> &mut Self {
        self.open(tag, attrs);
        body(self);
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self.block_break(tag);
        self
    }

    /// `<tag attrs>text</tag>`, the text escaped.
    pub(super) fn leaf(&mut self, tag: &'static str, attrs: Attrs<'_>, text: &str) -> &mut Self {
        self.el(tag, attrs, |h| {
            h.text(text);
        })
    }

    /// A `div` with a class around whatever `body` writes.
    pub(super) fn div(&mut self, class: &'static str, body: impl FnOnce(&mut Html)) -> &mut Self {
        self.el("div", &[("class", class)], body)
    }

    /// A `span` with a class holding escaped text.
    pub(super) fn span(&mut self, class: &'static str, text: &str) -> &mut Self {
        self.leaf("span", &[("class", class)], text)
    }

    /// An element without content or end tag (`meta`, `col`).
    pub(super) fn void(&mut self, tag: &'static str, attrs: Attrs<'_>) -> &mut Self {
        self.open(tag, attrs);
        self.block_break(tag);
        self
    }

    /// The finished document.
    pub(super) fn finish(self) -> String {
        self.out
    }

    /// Notes `heading` as the heading of the section opened last (the first heading noted for it).
    pub(super) fn section_heading(&mut self, heading: &str) {
        if let Some(id) = self.section.take() {
            self.contents.push((id, heading.to_owned()));
        }
    }

    /// The sections written so far with a heading: (id, heading), in order.
    pub(super) fn contents(&self) -> &[(String, String)] {
        &self.contents
    }

    /// Appends what `other` wrote.
    pub(super) fn append(&mut self, other: Html) {
        self.out.push_str(&other.out);
    }

    fn open(&mut self, tag: &'static str, attrs: Attrs<'_>) {
        if tag == "section" {
            self.section = attrs
                .iter()
                .find(|(name, _)| *name == "id")
                .map(|(_, id)| (*id).to_owned());
        }
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
        self.out.push('>');
    }

    fn block_break(&mut self, tag: &str) {
        if is_block(tag) {
            self.out.push('\n');
        }
    }
}

/// Appends `text` with `& < > " '` escaped, safe in text and in quoted attribute values. The text is
/// sanitised first ([`sanitize::text`]): control and bidi characters show as a placeholder, line
/// breaks stay.
pub(super) fn escape_into(out: &mut String, text: &str) {
    let special = |b: u8| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'');
    // Most texts are printable ASCII without the five, with nothing to sanitise or escape: found
    // so by a pass the compiler makes wide, and copied whole.
    let odd = |b: u8| special(b) | !(b' '..=b'~').contains(&b);
    if !text.bytes().fold(false, |seen, b| seen | odd(b)) {
        out.push_str(text);
        return;
    }
    let text = sanitize::text_kept(text);
    // Then most have none of the five either.
    if !text.bytes().fold(false, |seen, b| seen | special(b)) {
        out.push_str(&text);
        return;
    }
    let mut rest = &*text;
    // The five are ASCII, and no byte of a longer UTF-8 character is: what lies between them is
    // copied in one go.
    while let Some(i) = rest.bytes().position(special) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut h = Html::new();
        h.el("p", &[("title", "a\"b' <c>")], |h| {
            h.text("<script>alert(1)</script> & \"x\" 'y'");
        });
        assert_eq!(
            h.finish(),
            "<p title=\"a&quot;b&#39; &lt;c&gt;\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; \
             &quot;x&quot; &#39;y&#39;</p>\n"
        );
    }

    #[test]
    fn control_characters_show_as_a_placeholder_but_line_breaks_stay() {
        let mut out = String::new();
        escape_into(&mut out, "a\u{1b}[2J\0b\nc\td\r\ne\u{202e}f");
        assert_eq!(out, "a\u{fffd}[2J\u{fffd}b\nc d\ne\u{fffd}f");
    }

    #[test]
    fn elements_nest_and_close() {
        let mut h = Html::new();
        h.div("x", |h| {
            h.span("y", "1");
            h.void("col", &[("class", "z")]);
        });
        assert_eq!(
            h.finish(),
            "<div class=\"x\"><span class=\"y\">1</span><col class=\"z\"></div>\n"
        );
    }
}
