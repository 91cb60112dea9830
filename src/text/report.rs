//! Strings of the report sections for details, intake, action plan, sessions and progress.
