//! Writes the bundled content, once validated, as Rust code that builds it (`OUT_DIR/bundled.rs`):
//! start-up then runs straight-line code instead of parsing anything. Every struct is taken apart
//! with an exhaustive pattern, so a field added to the model stops the build here until it is
//! written too; `bundled::tests` holds the result to what parsing the TOML files gives.

use std::fmt::Write;

use super::condition::{Condition, Test};
use super::glossary::{Glossary, Term};
use super::intake::{Choice, Decision, Intake, IntakeQuestion, Outcome};
use super::model::{Checklist, Depth, Entry, Item, Retired, Scope, Severity, Source, Text};
use super::tasks::{Effort, Task, Tasks};
use crate::documents::DocumentKind;

/// A value that can be written as a Rust expression that builds it.
pub trait Literal {
    /// Appends the expression.
    fn write(&self, out: &mut String);
}

/// The source of `OUT_DIR/bundled.rs`: one function per part, so no function grows too large,
/// and `compact()`, which returns the whole [`super::bundled::Compact`].
pub fn rust_source(compact: &super::bundled::Compact) -> String {
    let super::bundled::Compact {
        intake,
        tasks,
        glossary,
        checklists,
    } = compact;
    let mut out = String::from("// Written by build.rs (build/compact.rs) from checklists/.\n");
    let mut function = |name: &str, ty: &str, value: &dyn Literal| {
        let _ = write!(out, "fn {name}() -> {ty} {{\n    ");
        value.write(&mut out);
        out.push_str("\n}\n");
    };
    function("intake", "Intake", intake);
    function("tasks", "Tasks", tasks);
    function("glossary", "Glossary", glossary);
    for (i, checklist) in checklists.iter().enumerate() {
        function(&format!("checklist_{i}"), "Checklist", checklist);
    }
    out.push_str(
        "pub(super) fn compact() -> Compact {\n    Compact {\n        intake: intake(),\n        \
         tasks: tasks(),\n        glossary: glossary(),\n        checklists: vec![",
    );
    for i in 0..checklists.len() {
        let _ = write!(out, "checklist_{i}(), ");
    }
    out.push_str("],\n    }\n}\n");
    out
}

/// Writes `Name { field: value, ... }`.
fn record(out: &mut String, name: &str, fields: &[(&str, &dyn Literal)]) {
    out.push_str(name);
    out.push_str(" { ");
    for (field, value) in fields {
        out.push_str(field);
        out.push_str(": ");
        value.write(out);
        out.push_str(", ");
    }
    out.push('}');
}

/// Writes `Name(value, ...)`.
fn tuple(out: &mut String, name: &str, values: &[&dyn Literal]) {
    out.push_str(name);
    out.push('(');
    for value in values {
        value.write(out);
        out.push_str(", ");
    }
    out.push(')');
}

impl Literal for String {
    fn write(&self, out: &mut String) {
        if self.is_empty() {
            out.push_str("String::new()");
        } else {
            // `{:?}` of a str is a valid Rust string literal: quotes, backslashes and every
            // control or unprintable character come out escaped.
            let _ = write!(out, "String::from({self:?})");
        }
    }
}

impl Literal for bool {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl Literal for u32 {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{self}u32");
    }
}

impl Literal for u64 {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{self}u64");
    }
}

impl Literal for i64 {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "({self}i64)");
    }
}

impl Literal for usize {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{self}usize");
    }
}

impl<A: Literal, B: Literal> Literal for (A, B) {
    fn write(&self, out: &mut String) {
        tuple(out, "", &[&self.0, &self.1]);
    }
}

impl Literal for Text {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "Text::from({:?})", self.as_str());
    }
}

impl<T: Literal> Literal for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(value) => tuple(out, "Some", &[value]),
        }
    }
}

impl<T: Literal> Literal for Vec<T> {
    fn write(&self, out: &mut String) {
        if self.is_empty() {
            out.push_str("Vec::new()");
            return;
        }
        out.push_str("vec![");
        for value in self {
            value.write(out);
            out.push_str(", ");
        }
        out.push(']');
    }
}

impl Literal for Severity {
    fn write(&self, out: &mut String) {
        out.push_str(match self {
            Severity::High => "Severity::High",
            Severity::Medium => "Severity::Medium",
            Severity::Low => "Severity::Low",
        });
    }
}

impl Literal for Depth {
    fn write(&self, out: &mut String) {
        out.push_str(match self {
            Depth::Basis => "Depth::Basis",
            Depth::Verdieping => "Depth::Verdieping",
        });
    }
}

impl Literal for Scope {
    fn write(&self, out: &mut String) {
        out.push_str(match self {
            Scope::Avg => "Scope::Avg",
            Scope::Consumentenrecht => "Scope::Consumentenrecht",
            Scope::GoedePraktijk => "Scope::GoedePraktijk",
        });
    }
}

impl Literal for Effort {
    fn write(&self, out: &mut String) {
        out.push_str(match self {
            Effort::Minutes => "Effort::Minutes",
            Effort::Hours => "Effort::Hours",
            Effort::Days => "Effort::Days",
        });
    }
}

impl Literal for DocumentKind {
    fn write(&self, out: &mut String) {
        out.push_str(match self {
            DocumentKind::Register => "DocumentKind::Register",
            DocumentKind::Processors => "DocumentKind::Processors",
            DocumentKind::Breaches => "DocumentKind::Breaches",
        });
    }
}

impl Literal for Source {
    fn write(&self, out: &mut String) {
        match self {
            Source::Bundled => out.push_str("Source::Bundled"),
            Source::File(path) => panic!("bundled content from a file: {}", path.display()),
        }
    }
}

impl Literal for Test {
    fn write(&self, out: &mut String) {
        match self {
            Test::Yes => out.push_str("Test::Yes"),
            Test::No => out.push_str("Test::No"),
            Test::OneOf(ids) => tuple(out, "Test::OneOf", &[ids]),
            Test::NoneOf(ids) => tuple(out, "Test::NoneOf", &[ids]),
        }
    }
}

impl Literal for Condition {
    fn write(&self, out: &mut String) {
        let Condition {
            flag,
            test,
            position,
        } = self;
        record(
            out,
            "Condition",
            &[("flag", flag), ("test", test), ("position", position)],
        );
    }
}

impl Literal for Entry {
    fn write(&self, out: &mut String) {
        match self {
            Entry::Own(index) => tuple(out, "Entry::Own", &[index]),
            Entry::See(id, position) => tuple(out, "Entry::See", &[id, position]),
        }
    }
}

impl Literal for Retired {
    fn write(&self, out: &mut String) {
        let Retired { id, reason } = self;
        record(out, "Retired", &[("id", id), ("reason", reason)]);
    }
}

impl Literal for Item {
    fn write(&self, out: &mut String) {
        let Item {
            id,
            local_start,
            section,
            question,
            explanation,
            action,
            reference,
            severity,
            links,
            applies_if,
            depth,
            scope,
            task,
            follows,
            replaces,
            position,
            fingerprint,
        } = self;
        record(
            out,
            "Item",
            &[
                ("id", id),
                ("local_start", local_start),
                ("section", section),
                ("question", question),
                ("explanation", explanation),
                ("action", action),
                ("reference", reference),
                ("severity", severity),
                ("links", links),
                ("applies_if", applies_if),
                ("depth", depth),
                ("scope", scope),
                ("task", task),
                ("follows", follows),
                ("replaces", replaces),
                ("position", position),
                ("fingerprint", fingerprint),
            ],
        );
    }
}

impl Literal for Checklist {
    fn write(&self, out: &mut String) {
        let Checklist {
            id,
            title,
            version,
            reviewed,
            intro,
            order,
            applies_if,
            items,
            entries,
            retired,
            source,
        } = self;
        record(
            out,
            "Checklist",
            &[
                ("id", id),
                ("title", title),
                ("version", version),
                ("reviewed", reviewed),
                ("intro", intro),
                ("order", order),
                ("applies_if", applies_if),
                ("items", items),
                ("entries", entries),
                ("retired", retired),
                ("source", source),
            ],
        );
    }
}

impl Literal for Choice {
    fn write(&self, out: &mut String) {
        let Choice { id, label } = self;
        record(out, "Choice", &[("id", id), ("label", label)]);
    }
}

impl Literal for IntakeQuestion {
    fn write(&self, out: &mut String) {
        let IntakeQuestion {
            id,
            question,
            explanation,
            applies_if,
            choices,
        } = self;
        record(
            out,
            "IntakeQuestion",
            &[
                ("id", id),
                ("question", question),
                ("explanation", explanation),
                ("applies_if", applies_if),
                ("choices", choices),
            ],
        );
    }
}

impl Literal for Outcome {
    fn write(&self, out: &mut String) {
        let Outcome {
            when,
            answer,
            label,
            reason,
            find_out,
        } = self;
        record(
            out,
            "Outcome",
            &[
                ("when", when),
                ("answer", answer),
                ("label", label),
                ("reason", reason),
                ("find_out", find_out),
            ],
        );
    }
}

impl Literal for Decision {
    fn write(&self, out: &mut String) {
        let Decision {
            id,
            title,
            reference,
            outcomes,
        } = self;
        record(
            out,
            "Decision",
            &[
                ("id", id),
                ("title", title),
                ("reference", reference),
                ("outcomes", outcomes),
            ],
        );
    }
}

impl Literal for Intake {
    fn write(&self, out: &mut String) {
        let Intake {
            version,
            reviewed,
            intro,
            questions,
            decisions,
            source,
        } = self;
        record(
            out,
            "Intake",
            &[
                ("version", version),
                ("reviewed", reviewed),
                ("intro", intro),
                ("questions", questions),
                ("decisions", decisions),
                ("source", source),
            ],
        );
    }
}

impl Literal for Task {
    fn write(&self, out: &mut String) {
        let Task {
            id,
            title,
            steps,
            effort,
            enforced,
            links,
            priority_if,
            document,
            file,
        } = self;
        record(
            out,
            "Task",
            &[
                ("id", id),
                ("title", title),
                ("steps", steps),
                ("effort", effort),
                ("enforced", enforced),
                ("links", links),
                ("priority_if", priority_if),
                ("document", document),
                ("file", file),
            ],
        );
    }
}

impl Literal for Tasks {
    fn write(&self, out: &mut String) {
        let Tasks { tasks } = self;
        record(out, "Tasks", &[("tasks", tasks)]);
    }
}

impl Literal for Term {
    fn write(&self, out: &mut String) {
        let Term { term, meaning } = self;
        record(out, "Term", &[("term", term), ("meaning", meaning)]);
    }
}

impl Literal for Glossary {
    fn write(&self, out: &mut String) {
        let Glossary { terms } = self;
        record(out, "Glossary", &[("terms", terms)]);
    }
}
