//! A parsed copy of an assessment file, kept beside it (`.NAME.parsed` in the data folder), so that
//! opening a file with a long history need not parse all its TOML again: the `toml` crate takes
//! about ten times as long as `serde_json` takes for this copy.
//!
//! Never trusted over the file ([`crate::parsed_copy`]): it is used only when it was made by this
//! binary from exactly the bytes the file holds now. It goes away with its assessment (renamed or
//! moved to the trash).

use std::path::Path;

use super::model::{Assessment, FORMAT};
use crate::parsed_copy::{self, Form, Key};

/// The key of a copy of an assessment file with `text`.
pub(super) fn key(text: &str) -> Option<Key> {
    Key::of(&format!("assessment {FORMAT}"), Form::Json, &[text])
}

/// The copy at `path` when it was made with `key`.
pub(super) fn read(path: &Path, key: &Key) -> Option<Assessment> {
    let mut assessment: Assessment = parsed_copy::read(path, key)?;
    // As in the file: a history note equal to the next version's is left out (format 3 on).
    assessment.resolve_notes(assessment.format);
    (assessment.format == FORMAT).then_some(assessment)
}

pub(super) use parsed_copy::{remove, write};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::store::{parse, serialise};
    use crate::report::fixture;

    /// The copy of `text` written and read back, next to what the file itself gives.
    fn both(text: &str) -> (Assessment, Option<Assessment>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".klant.parsed");
        let from_file = parse(text, Path::new("klant.toml")).unwrap();
        let made = key(text).expect("the test binary has a stamp");
        write(&path, &made, &from_file);
        (from_file, read(&path, &made))
    }

    #[test]
    fn a_copy_reads_back_exactly_what_the_file_gives() {
        let catalog = crate::checklist::Catalog::bundled();
        let mut texts: Vec<String> = [
            fixture::assessment(),
            fixture::complete_assessment(),
            fixture::bakery_with_documents(),
            fixture::scale::year_of_history(&catalog, "Jaar BV"),
        ]
        .iter()
        .map(serialise)
        .collect();
        // A format 2 file: a history note left out means an empty note there, not the next one's.
        texts.push(
            "format = 2\norganisation = \"Oud\"\ncreated = \"1970-01-01T00:00:00Z\"\n\
             updated = \"1970-01-01T00:00:10Z\"\n\n[answers.\"x.y\"]\nstatus = \"yes\"\n\
             note = \"nu\"\nanswered_at = \"1970-01-01T00:00:10Z\"\n\n\
             [[answers.\"x.y\".history]]\nstatus = \"no\"\nat = \"1970-01-01T00:00:05Z\"\n\n\
             [[answers.\"x.y\".history]]\nnote = \"toen\"\nat = \"1970-01-01T00:00:07Z\"\n"
                .to_owned(),
        );
        for text in &texts {
            let (from_file, copy) = both(text);
            assert_eq!(
                copy.as_ref(),
                Some(&from_file),
                "{}",
                &text[..200.min(text.len())]
            );
        }
    }

    #[test]
    fn a_copy_is_used_only_for_exactly_the_bytes_it_was_made_of() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".klant.parsed");
        let text = serialise(&fixture::assessment());
        let made = key(&text).unwrap();
        // A copy that says something else than the file shows it is the copy that is read...
        let mut other = parse(&text, Path::new("klant.toml")).unwrap();
        other.organisation = "Uit de kopie".into();
        write(&path, &made, &other);
        assert_eq!(read(&path, &made).unwrap().organisation, "Uit de kopie");
        // ...and only while the file's bytes are the same: one more byte, or one other byte.
        let longer = key(&format!("{text} ")).unwrap();
        assert_eq!(read(&path, &longer), None);
        let changed = key(&text.replacen("Bakkerij", "Bakkerji", 1)).unwrap();
        assert_ne!(changed, made);
        assert_eq!(read(&path, &changed), None);
    }
}
