//! The writer behind [`super::json::to_text`]: serde_json's pretty layout (two spaces a level),
//! with every character that could steer a terminal escaped, written straight to the output.
//!
//! serde_json's own serializer looks at a string a byte at a time and hands it on in pieces, which
//! at 10,000 items was a third of a JSON report (245 M instructions for 14 MB, half of it for the
//! 413,000 keys). This one passes over plain text eight bytes at a time
//! ([`crate::sanitize::json_plain_run`]) and writes each plain run at once. Numbers are written by
//! serde_json's formatter, so they come out as before; tests hold the whole text to serde_json's.
//!
//! The four pieces written for every key, element and string (`new_line`, `next`, `key`,
//! `string`) are inlined where they are used: a call each was 8 % of a 10,000-item report
//! (327 M instructions, 306 M with them inlined).

use std::io::Write;

use serde::ser::{self, Serialize};
use serde_json::ser::{CompactFormatter, Formatter};

/// Writes `value` to `sink` (without the final line break).
pub fn write<W: Write>(value: &impl Serialize, sink: W) -> std::io::Result<()> {
    let mut writer = Writer {
        out: Vec::with_capacity(2 * BUFFER),
        sink,
        depth: 0,
        shown: String::new(),
    };
    value
        .serialize(&mut writer)
        .and_then(|()| writer.flush())
        .map_err(|err| match err {
            Error::Io(err) => err,
            Error::Other(message) => std::io::Error::other(message),
        })
}

/// How much is written to memory before it goes to the output: in memory, each of the half a
/// million short pieces of a large report (a quote, a key, a colon) is a store or two.
const BUFFER: usize = 1 << 16;

/// What can go wrong: the output, or a value that JSON cannot hold (a map key that is not text).
#[derive(Debug)]
pub enum Error {
    Io(std::io::Error),
    Other(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Io(err) => err.fmt(f),
            Error::Other(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        Error::Other(message.to_string())
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        Error::Io(err)
    }
}

type Result<T = ()> = std::result::Result<T, Error>;

struct Writer<W> {
    /// What is written and not yet passed on to `sink`.
    out: Vec<u8>,
    sink: W,
    depth: usize,
    /// Where a value written through its `Display` is made before it is escaped
    /// ([`ser::Serializer::collect_str`]), kept for the next one.
    shown: String,
}

impl<W: Write> Writer<W> {
    /// Passes what is written on to the output.
    fn flush(&mut self) -> Result {
        self.sink.write_all(&self.out)?;
        self.out.clear();
        Ok(())
    }

    /// `,` (when `comma`), a line break and the indentation of the current depth, at once.
    #[inline(always)]
    fn new_line(&mut self, comma: bool) -> Result {
        const LINE: &[u8; 66] =
            b",\n                                                                ";
        let start = usize::from(!comma);
        let end = 2 + 2 * self.depth;
        if end <= LINE.len() {
            // The whole line copied, then cut to the depth: a copy of a length known when
            // compiling is a few moves, one of a length known only now a call of `memcpy`.
            let keep = self.out.len() + end - start;
            if comma {
                self.out.extend_from_slice(LINE);
            } else {
                self.out.extend_from_slice(&LINE[1..]);
            }
            self.out.truncate(keep);
            return Ok(());
        }
        self.out.write_all(&LINE[start..2])?;
        for _ in 0..self.depth {
            self.out.write_all(b"  ")?;
        }
        Ok(())
    }

    /// `text` as a JSON string: `"` and `\` escaped, the C0 controls as serde_json writes them
    /// (`\n`, `\t`, ... or `\u001b`), and DEL, the C1 and bidi controls and U+2028/U+2029 as
    /// `\uXXXX`, so the data stays exact while the text is safe on a terminal.
    #[inline(always)]
    fn string(&mut self, text: &str) -> Result {
        let bytes = text.as_bytes();
        self.out.write_all(b"\"")?;
        let mut start = 0;
        let mut at = 0;
        loop {
            at += crate::sanitize::json_plain_run(&bytes[at..]);
            let Some(&byte) = bytes.get(at) else { break };
            let short: &[u8] = match byte {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\t' => b"\\t",
                b'\r' => b"\\r",
                0x08 => b"\\b",
                0x0c => b"\\f",
                _ => b"",
            };
            let c = text[at..].chars().next().expect("at a character boundary");
            if short.is_empty() && !crate::sanitize::escaped_in_json(c) {
                at += c.len_utf8();
                continue;
            }
            self.out.write_all(&bytes[start..at])?;
            if short.is_empty() {
                // Four digits: every character escaped this way is below U+10000 (a test in
                // `sanitize` holds `escaped_in_json` to that).
                write!(self.out, "\\u{:04x}", u32::from(c))?;
            } else {
                self.out.write_all(short)?;
            }
            at += c.len_utf8();
            start = at;
        }
        self.out.write_all(&bytes[start..])?;
        Ok(self.out.write_all(b"\"")?)
    }

    /// Opens an object or array (`open`), for [`Compound`] to fill.
    fn open(&mut self, open: &'static [u8], close: &'static [u8]) -> Result<Compound<'_, W>> {
        self.out.write_all(open)?;
        self.depth += 1;
        Ok(Compound {
            writer: self,
            first: true,
            close,
            in_variant: false,
        })
    }

    /// A variant with data, `{"Variant": [...]}` or `{"Variant": {...}}` as serde_json writes it:
    /// the array or object, inside an object of one key that it closes too.
    fn variant(
        &mut self,
        variant: &str,
        open: &'static [u8],
        close: &'static [u8],
    ) -> Result<Compound<'_, W>> {
        self.out.write_all(b"{")?;
        self.depth += 1;
        self.new_line(false)?;
        self.string(variant)?;
        self.out.write_all(b": ")?;
        let mut inner = self.open(open, close)?;
        inner.in_variant = true;
        Ok(inner)
    }
}

/// An object or array being written.
struct Compound<'a, W> {
    writer: &'a mut Writer<W>,
    /// Nothing written in it yet.
    first: bool,
    close: &'static [u8],
    /// The data of a variant: closing it closes the object around it.
    in_variant: bool,
}

impl<W: Write> Compound<'_, W> {
    /// Where the next element or key goes.
    #[inline(always)]
    fn next(&mut self) -> Result {
        if self.writer.out.len() >= BUFFER {
            self.writer.flush()?;
        }
        let comma = !std::mem::replace(&mut self.first, false);
        self.writer.new_line(comma)
    }

    /// A field's or variant's name and its colon. These are names in pqs's own code (serde's
    /// derive passes them as `&'static str`), never text from a file or an argument, and all of
    /// them plain, so they are copied as they are: a key was a third of a large report's writing,
    /// in pieces and with a scan for characters to escape.
    #[inline(always)]
    fn key(&mut self, key: &'static str) -> Result {
        debug_assert_eq!(
            crate::sanitize::json_plain_run(key.as_bytes()),
            key.len(),
            "a key that JSON must escape: {key:?}"
        );
        self.next()?;
        let out = &mut self.writer.out;
        out.reserve(key.len() + 4);
        out.push(b'"');
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(b"\": ");
        Ok(())
    }

    fn close(self) -> Result {
        self.writer.depth -= 1;
        if !self.first {
            self.writer.new_line(false)?;
        }
        self.writer.out.write_all(self.close)?;
        if self.in_variant {
            self.writer.depth -= 1;
            self.writer.new_line(false)?;
            self.writer.out.write_all(b"}")?;
        }
        Ok(())
    }
}

/// serde_json's formatter for numbers, so they are written as it writes them.
fn number<W: Write>(
    writer: &mut Writer<W>,
    write: impl FnOnce(&mut CompactFormatter, &mut Vec<u8>) -> std::io::Result<()>,
) -> Result {
    Ok(write(&mut CompactFormatter, &mut writer.out)?)
}

/// Smaller integers, written as the 64-bit one they widen to.
macro_rules! widened {
    ($($method:ident: $ty:ty),* => $wide:ident) => {$(
        fn $method(self, v: $ty) -> Result {
            self.$wide(v.into())
        }
    )*};
}

impl<'a, W: Write> ser::Serializer for &'a mut Writer<W> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, W>;
    type SerializeTuple = Compound<'a, W>;
    type SerializeTupleStruct = Compound<'a, W>;
    type SerializeTupleVariant = Compound<'a, W>;
    type SerializeMap = Compound<'a, W>;
    type SerializeStruct = Compound<'a, W>;
    type SerializeStructVariant = Compound<'a, W>;

    fn serialize_bool(self, v: bool) -> Result {
        Ok(self.out.write_all(if v { b"true" } else { b"false" })?)
    }
    widened!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32 => serialize_i64);
    fn serialize_i64(self, v: i64) -> Result {
        number(self, |f, w| f.write_i64(w, v))
    }
    widened!(serialize_u8: u8, serialize_u16: u16, serialize_u32: u32 => serialize_u64);
    fn serialize_u64(self, v: u64) -> Result {
        number(self, |f, w| f.write_u64(w, v))
    }
    fn serialize_i128(self, v: i128) -> Result {
        number(self, |f, w| f.write_i128(w, v))
    }
    fn serialize_u128(self, v: u128) -> Result {
        number(self, |f, w| f.write_u128(w, v))
    }
    fn serialize_f32(self, v: f32) -> Result {
        if !v.is_finite() {
            return self.serialize_unit();
        }
        number(self, |f, w| f.write_f32(w, v))
    }
    fn serialize_f64(self, v: f64) -> Result {
        if !v.is_finite() {
            return self.serialize_unit();
        }
        number(self, |f, w| f.write_f64(w, v))
    }
    fn serialize_char(self, v: char) -> Result {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result {
        self.string(v)
    }
    /// The text made in the writer's own buffer, not a `String` of its own for each value (a
    /// date of every planned gap and task).
    fn collect_str<T: ?Sized + std::fmt::Display>(self, value: &T) -> Result {
        use std::fmt::Write as _;
        let mut shown = std::mem::take(&mut self.shown);
        shown.clear();
        write!(shown, "{value}").expect("a Display into a String does not fail");
        let written = self.string(&shown);
        self.shown = shown;
        written
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for byte in v {
            seq.serialize_element(byte)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        Ok(self.out.write_all(b"null")?)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.string(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        let mut object = self.open(b"{", b"}")?;
        object.key(variant)?;
        value.serialize(&mut *object.writer)?;
        object.close()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a, W>> {
        self.open(b"[", b"]")
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, W>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a, W>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a, W>> {
        self.variant(variant, b"[", b"]")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a, W>> {
        self.open(b"{", b"}")
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a, W>> {
        self.open(b"{", b"}")
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a, W>> {
        self.variant(variant, b"{", b"}")
    }
}

impl<W: Write> ser::SerializeSeq for Compound<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.next()?;
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result {
        self.close()
    }
}

/// The tuple kinds are written as arrays, element by element as [`ser::SerializeSeq`] writes them.
macro_rules! as_seq {
    ($($kind:ident :: $method:ident),*) => {$(
        impl<W: Write> ser::$kind for Compound<'_, W> {
            type Ok = ();
            type Error = Error;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
                ser::SerializeSeq::serialize_element(self, value)
            }
            fn end(self) -> Result {
                self.close()
            }
        }
    )*};
}

as_seq!(
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl<W: Write> ser::SerializeMap for Compound<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result {
        self.next()?;
        key.serialize(Key(&mut *self.writer))?;
        Ok(self.writer.out.write_all(b": ")?)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result {
        self.close()
    }
}

impl<W: Write> ser::SerializeStruct for Compound<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        self.key(key)?;
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result {
        self.close()
    }
}

impl<W: Write> ser::SerializeStructVariant for Compound<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result {
        self.close()
    }
}

/// A map key: text, or a number or a boolean written as text, as serde_json writes them.
struct Key<'a, W>(&'a mut Writer<W>);

impl<W: Write> Key<'_, W> {
    fn shown(self, value: impl std::fmt::Display) -> Result {
        self.0.string(&value.to_string())
    }
}

/// `serialize_bool` and the integers, for a key: the value's text (`"true"`, `"12"`).
macro_rules! shown_as_text {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, v: $ty) -> Result {
            self.shown(v)
        }
    )*};
}

/// A map key JSON cannot hold (pqs's values have none), refused as serde_json refuses it.
fn key_refused<T>() -> Result<T> {
    Err(Error::Other("key must be a string".to_owned()))
}

impl<W: Write> Key<'_, W> {
    /// A finite number as text, written as serde_json writes it (`"1.5"`); others refused.
    fn float(
        self,
        finite: bool,
        write: impl FnOnce(&mut CompactFormatter, &mut Vec<u8>) -> std::io::Result<()>,
    ) -> Result {
        if !finite {
            return Err(Error::Other("float key must be finite".to_owned()));
        }
        self.0.out.write_all(b"\"")?;
        number(self.0, write)?;
        Ok(self.0.out.write_all(b"\"")?)
    }
}

impl<'a, W: Write> ser::Serializer for Key<'a, W> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    shown_as_text!(
        serialize_bool: bool,
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_i128: i128,
        serialize_u128: u128
    );
    fn serialize_f32(self, v: f32) -> Result {
        self.float(v.is_finite(), |f, w| f.write_f32(w, v))
    }
    fn serialize_f64(self, v: f64) -> Result {
        self.float(v.is_finite(), |f, w| f.write_f64(w, v))
    }
    fn serialize_char(self, v: char) -> Result {
        self.0.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result {
        self.0.string(v)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result {
        key_refused()
    }
    fn serialize_none(self) -> Result {
        key_refused()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        key_refused()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result {
        key_refused()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.0.string(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result {
        key_refused()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq> {
        key_refused()
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
        key_refused()
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        key_refused()
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        key_refused()
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap> {
        key_refused()
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct> {
        key_refused()
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        key_refused()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde::Serialize;
    use serde_json::{Value, json};

    use super::*;

    fn ours(value: &impl Serialize) -> String {
        let mut out = Vec::new();
        write(value, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// serde_json's pretty text, with each character pqs escapes beyond serde_json's written as
    /// `\uXXXX` (such a character is only ever inside a string, as it is not JSON's syntax; the
    /// line breaks of the layout are the only raw C0 controls serde_json writes).
    fn reference(value: &impl Serialize) -> String {
        serde_json::to_string_pretty(value)
            .unwrap()
            .chars()
            .map(|c| {
                if c != '\n' && crate::sanitize::escaped_in_json(c) {
                    format!("\\u{:04x}", u32::from(c))
                } else {
                    c.to_string()
                }
            })
            .collect()
    }

    /// Text with what a JSON string must escape, and what it need not, near word edges.
    fn text() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            6 => (0x20u32..0x7f).prop_map(|c| char::from_u32(c).unwrap()),
            1 => Just('"'),
            1 => Just('\\'),
            1 => (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap()),
            1 => Just('\u{7f}'),
            1 => (0x80u32..0xa0).prop_map(|c| char::from_u32(c).unwrap()),
            1 => prop::sample::select(vec!['é', '€', '\u{202e}', '\u{2066}', '\u{2028}', '\u{2029}', '😀', '\u{061c}']),
        ];
        prop::collection::vec(c, 0..40).prop_map(|cs| cs.into_iter().collect())
    }

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            any::<u64>().prop_map(|n| json!(n)),
            (-1e6f64..1e6).prop_map(|f| json!(f)),
            text().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec((text(), inner), 0..6)
                    .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
            ]
        })
    }

    /// Every string in `value`, keys too, in order.
    fn strings(value: &Value) -> Vec<String> {
        match value {
            Value::String(s) => vec![s.clone()],
            Value::Array(items) => items.iter().flat_map(strings).collect(),
            Value::Object(map) => map
                .iter()
                .flat_map(|(k, v)| std::iter::once(k.clone()).chain(strings(v)))
                .collect(),
            _ => Vec::new(),
        }
    }

    proptest! {
        #[test]
        fn the_text_is_serde_jsons_pretty_text_with_unsafe_characters_escaped(value in value()) {
            let out = ours(&value);
            prop_assert_eq!(&out, &reference(&value));
            prop_assert!(out.chars().all(|c| c == '\n' || !crate::sanitize::is_unsafe(c)));
            // Read back, every string is exact (numbers are serde_json's text; its reader rounds some).
            prop_assert_eq!(strings(&serde_json::from_str(&out).unwrap()), strings(&value));
        }
    }

    #[derive(Serialize)]
    enum Shape {
        Plain,
        Wrapped(u32),
        Pair(&'static str, Option<bool>),
        Empty(),
        Named { a: f64, b: Vec<Shape> },
        Nothing {},
    }

    #[derive(Serialize)]
    struct Around {
        shapes: Vec<Shape>,
        by_number: std::collections::BTreeMap<u32, char>,
        unit: (),
        bytes: &'static [u8],
        tuple: (i8, f32, &'static str),
        missing: Option<u8>,
        float: f64,
        not_a_number: f64,
    }

    #[test]
    fn variants_keys_and_numbers_come_out_as_serde_json_writes_them() {
        let value = Around {
            shapes: vec![
                Shape::Plain,
                Shape::Wrapped(7),
                Shape::Pair("x\"y", None),
                Shape::Empty(),
                Shape::Named {
                    a: 1e21,
                    b: vec![Shape::Plain, Shape::Nothing {}],
                },
                Shape::Nothing {},
            ],
            by_number: [(3, 'a'), (12, '\u{9b}')].into(),
            unit: (),
            bytes: b"ab",
            tuple: (-3, 0.1, ""),
            missing: None,
            float: 5.0,
            not_a_number: f64::NAN,
        };
        assert_eq!(ours(&value), reference(&value));
    }

    #[test]
    fn a_text_many_times_the_buffer_comes_out_whole() {
        let value: Vec<String> = (0..20_000).map(|i| format!("regel {i} \u{202e}")).collect();
        let out = ours(&value);
        assert!(out.len() > 4 * BUFFER);
        assert_eq!(out, reference(&value));
    }

    /// A map with keys of any kind, in the order given.
    struct Keys<K>(Vec<(K, u8)>);

    impl<K: Serialize> Serialize for Keys<K> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
        }
    }

    #[test]
    fn wide_integers_and_number_keys_come_out_as_serde_json_writes_them() {
        let value = (
            i128::MIN,
            u128::MAX,
            Keys(vec![(1.5f64, 1), (-0.0, 2), (1e21, 3)]),
            Keys(vec![(0.25f32, 4)]),
            Keys(vec![(i128::MIN, 5)]),
            Keys(vec![(u128::MAX, 6)]),
            Keys(vec![(true, 7)]),
        );
        assert_eq!(ours(&value), reference(&value));
        for not_finite in [f64::NAN, f64::INFINITY] {
            let keys = Keys(vec![(not_finite, 1)]);
            assert!(write(&keys, Vec::new()).is_err());
            assert!(serde_json::to_string(&keys).is_err(), "as serde_json");
        }
    }

    #[test]
    fn a_key_json_cannot_hold_is_an_error() {
        let map: std::collections::BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into();
        assert!(write(&map, Vec::new()).is_err());
        assert!(serde_json::to_string(&map).is_err(), "as serde_json");
    }

    #[test]
    fn an_output_that_fails_is_the_error() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "vol"))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let err = write(&json!({"a": "b"}), Full).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::StorageFull);
    }
}
