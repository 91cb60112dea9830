//! Strings of the start screen, intake, details and action-plan screens.
