//! "Bedoel je …?": the known ids that look most like a mistyped one.

/// Up to `limit` of `candidates` that look most like `wanted`, best first. A candidate scored 0 is
/// an exact hit; `score` gives the distance (use [`edit_distance`] unless there is a better hint).
/// With nothing close, candidates that contain a part of `wanted` (split on `.` and `-`) are offered.
pub fn nearest<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    score: impl Fn(&str) -> usize,
    limit: usize,
) -> Vec<&'a str> {
    let mut scored: Vec<(usize, &str)> = candidates.into_iter().map(|c| (score(c), c)).collect();
    scored.sort();
    let cutoff = (wanted.chars().count() / 2).max(3);
    let mut out: Vec<&str> = scored
        .iter()
        .filter(|(d, _)| *d <= cutoff)
        .map(|(_, id)| *id)
        .collect();
    if out.is_empty() {
        let words: Vec<&str> = wanted.split(['.', '-']).filter(|w| w.len() >= 3).collect();
        out = scored
            .iter()
            .map(|(_, id)| *id)
            .filter(|id| words.iter().any(|w| id.contains(w)))
            .collect();
    }
    out.truncate(limit);
    out
}

/// Levenshtein distance over characters (the `strsim` crate, which clap already uses for its own
/// "did you mean" suggestions).
pub fn edit_distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", "abc"), 0);
    }

    #[test]
    fn close_ids_first_then_ids_sharing_a_word() {
        let ids = ["webshop", "website", "personeel"];
        let by_distance = |c: &str| edit_distance("websop", c);
        assert_eq!(
            nearest("websop", ids, by_distance, 3),
            ["webshop", "website"]
        );
        let far = |c: &str| edit_distance("heeft-personeel-nu", c);
        assert_eq!(nearest("heeft-personeel-nu", ids, far, 3), ["personeel"]);
        assert!(nearest("xyz", ids, |c| edit_distance("xyz", c), 3).is_empty());
    }
}
