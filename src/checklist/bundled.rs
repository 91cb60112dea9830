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
