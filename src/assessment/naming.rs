//! A file name for a new assessment, made from the organisation's name.

/// A short, safe, unused assessment name for `organisation`: lowercase letters and digits joined by
/// hyphens ("Bakkerij De Korst B.V." → "bakkerij-de-korst-b-v"), with `-2`, `-3`… when taken.
pub fn name_for(organisation: &str, taken: &[String]) -> String {
    let mut base = String::new();
    for c in organisation.chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
    }
    let mut base: String = base.trim_end_matches('-').chars().take(40).collect();
    base = base.trim_end_matches('-').to_owned();
    if base.is_empty() {
        base = "beoordeling".into();
    }
    if !taken.contains(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|name| !taken.contains(name))
        .expect("an unused number exists")
}

/// é → e and the like, for the accents common in Dutch names.
fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'ä' | 'â' => 'a',
        'é' | 'è' | 'ë' | 'ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' => 'o',
        'ú' | 'ù' | 'ü' | 'û' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_short_and_unique() {
        assert_eq!(
            name_for("Bakkerij De Korst B.V.", &[]),
            "bakkerij-de-korst-b-v"
        );
        assert_eq!(name_for("  Café 't Hoekje ", &[]), "cafe-t-hoekje");
        assert_eq!(name_for("<script>", &[]), "script");
        assert_eq!(name_for("", &[]), "beoordeling");
        assert_eq!(name_for("!!!", &[]), "beoordeling");
        let taken = vec!["bakker".to_owned(), "bakker-2".to_owned()];
        assert_eq!(name_for("Bakker", &taken), "bakker-3");
        let long = "a".repeat(100);
        assert_eq!(name_for(&long, &[]).len(), 40);
        for name in [name_for("Ünïcode & Co", &[]), name_for("x / y", &[])] {
            assert!(
                crate::assessment::store::validate_name(&name).is_ok(),
                "{name}"
            );
        }
    }
}
