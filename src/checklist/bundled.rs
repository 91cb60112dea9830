//! The checklists shipped inside the binary, so `pqs` works from any folder.

macro_rules! bundle {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/checklists/", $name)),
        )
    };
}

/// File name and contents of every bundled checklist.
pub const BUNDLED: &[(&str, &str)] = &[
    bundle!("privacyverklaring.toml"),
    bundle!("verwerkingsregister.toml"),
    bundle!("beveiligingsplan.toml"),
    bundle!("webwinkel-tips.toml"),
    bundle!("datalekken.toml"),
    bundle!("toestemming-cookies.toml"),
    bundle!("avg-stappen.toml"),
    bundle!("persoonsgegevens.toml"),
    bundle!("personeel.toml"),
    bundle!("camera.toml"),
    bundle!("ai-tools.toml"),
    bundle!("verwerker.toml"),
];

/// The bundled tasks (`checklists/tasks.toml`).
pub const BUNDLED_TASKS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/checklists/tasks.toml"
));

/// The bundled glossary (`checklists/glossary.toml`).
pub const BUNDLED_GLOSSARY: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/checklists/glossary.toml"
));

/// The bundled content, validated. `build.rs` parses the bundled files with the same functions as
/// a user's files (so a mistake in them stops the build with the loader's messages) and embeds
/// the code that builds this, which the program runs at start-up instead of parsing TOML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compact {
    /// The intake.
    pub intake: super::intake::Intake,
    /// The tasks.
    pub tasks: super::tasks::Tasks,
    /// The glossary.
    pub glossary: super::glossary::Glossary,
    /// The checklists, in the order of [`BUNDLED`].
    pub checklists: Vec<super::model::Checklist>,
}

/// Parses and validates the bundled TOML files, `checklists` for the checklists ([`BUNDLED`], but
/// for tests): the content, or every problem in every file.
pub fn parse_toml(checklists: &[(&str, &str)]) -> Result<Compact, Vec<super::load::LoadError>> {
    use super::model::Source;
    fn keep<T>(
        result: Result<T, Vec<super::load::LoadError>>,
        errors: &mut Vec<super::load::LoadError>,
    ) -> Option<T> {
        result.map_err(|mut found| errors.append(&mut found)).ok()
    }
    let mut errors = Vec::new();
    let intake = keep(
        super::intake::parse_intake(
            super::intake::BUNDLED_INTAKE,
            &format!("bundled:{}", super::intake::INTAKE_FILE),
            Source::Bundled,
        ),
        &mut errors,
    );
    let tasks = keep(
        super::tasks::parse_tasks(BUNDLED_TASKS, "bundled:tasks.toml", Source::Bundled),
        &mut errors,
    );
    let glossary = keep(
        super::glossary::parse_glossary(BUNDLED_GLOSSARY, "bundled:glossary.toml"),
        &mut errors,
    );
    let lists: Vec<_> = checklists
        .iter()
        .filter_map(|(name, text)| {
            keep(
                super::parse::parse_checklist(text, &format!("bundled:{name}"), Source::Bundled),
                &mut errors,
            )
        })
        .collect();
    match (intake, tasks, glossary) {
        (Some(intake), Some(tasks), Some(glossary)) if errors.is_empty() => Ok(Compact {
            intake,
            tasks,
            glossary,
            checklists: lists,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::catalog::{CatalogError, bundled_parts, load_file};

    #[test]
    fn the_compact_form_is_what_the_bundled_files_give() {
        let (content, checklists) = bundled_parts();
        let parsed = parse_toml(BUNDLED).expect("the bundled content is valid");
        assert_eq!(content.intake, parsed.intake);
        assert_eq!(content.tasks, parsed.tasks);
        assert_eq!(content.glossary, parsed.glossary);
        assert_eq!(checklists, parsed.checklists);
        assert_eq!(checklists.len(), BUNDLED.len());
        for item in checklists.iter().flat_map(|c| &c.items) {
            assert_eq!(
                item.fingerprint(),
                super::super::model::fingerprint(&item.question)
            );
        }
    }

    #[test]
    fn the_bundled_content_passes_every_check_across_files() {
        // What lets a catalog without the user's own files skip `Catalog::check` at start-up.
        let errors = crate::checklist::Catalog::bundled().check();
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn a_mistake_in_a_bundled_file_gets_the_message_a_users_file_gets() {
        // What build.rs stops on: the loader's errors, at the same line and column.
        let (name, text) = BUNDLED[0];
        let broken = text
            .replacen("severity = \"", "severity = \"x", 1)
            .replacen("question = \"", "question = \"\u{202e}", 2);
        let errors = parse_toml(&[(name, &broken)]).expect_err("broken");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, &broken).unwrap();
        let Err(CatalogError::Invalid(own)) = load_file(&path) else {
            panic!("a user's copy is refused too");
        };
        let shown = |errors: &[crate::checklist::LoadError]| -> Vec<(usize, usize, String)> {
            errors
                .iter()
                .map(|e| (e.line, e.column, e.message.clone()))
                .collect()
        };
        assert_eq!(shown(&errors), shown(&own));
        assert!(errors.len() >= 3, "every problem is named: {errors:?}");
        assert!(errors.iter().all(|e| e.file == format!("bundled:{name}")));
    }
}
