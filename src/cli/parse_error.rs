//! Dutch messages for clap's argument errors (clap itself speaks English).

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::text as t;

fn context(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        _ => None,
    }
}

/// The most similar of clap's suggestions: clap lists them least similar first.
fn closest(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::Strings(list) => list.last().cloned(),
        _ => context(err, kind),
    }
}

/// The Dutch message for an argument error, or `None` for help and version output (printed as is).
pub fn dutch(err: &clap::Error) -> Option<String> {
    let arg = || context(err, ContextKind::InvalidArg).unwrap_or_default();
    let mut message = match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            return None;
        }
        ErrorKind::InvalidValue => t::arg_invalid_value(
            &context(err, ContextKind::InvalidValue).unwrap_or_default(),
            &arg(),
            &context(err, ContextKind::ValidValue).unwrap_or_default(),
        ),
        // A value of the right kind that a check refused (a number out of range, not a number).
        ErrorKind::ValueValidation => t::arg_invalid_value(
            &context(err, ContextKind::InvalidValue).unwrap_or_default(),
            &arg(),
            "",
        ),
        ErrorKind::MissingRequiredArgument => t::arg_missing(&arg()),
        ErrorKind::InvalidSubcommand => t::arg_unknown_command(
            &context(err, ContextKind::InvalidSubcommand).unwrap_or_else(arg),
        ),
        ErrorKind::UnknownArgument => t::arg_unknown_option(&arg()),
        // Rare kinds keep clap's own wording rather than a vague translation.
        _ => err
            .render()
            .to_string()
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches("error: ")
            .to_owned(),
    };
    if let Some(suggestion) = closest(err, ContextKind::SuggestedSubcommand)
        .or_else(|| closest(err, ContextKind::SuggestedArg))
    {
        message.push_str(&t::arg_did_you_mean(&suggestion));
    }
    if let Some(usage) = context(err, ContextKind::Usage) {
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        message.push_str(&format!("\n\n{} {usage}", t::USAGE));
    }
    message.push_str(&format!("\n\n{}", t::ARG_MORE_HELP));
    Some(message)
}
