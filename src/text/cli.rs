//! Strings of the commands `list`, `export`, `import`, `intake`, `plan` and `details`.
