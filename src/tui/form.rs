//! A small form: labelled one-line fields, one focused; used for the details and the action plan.

use ratatui_textarea::{CursorMove, TextArea};

use crate::assessment::{Assessment, Details, PlanEntry, parse_due};
use crate::text as t;

/// What a form edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    /// Organisation, contact, assessor, KvK number, review period.
    Details,
    /// The action-plan entry of an item (global id).
    Plan(String),
    /// A processing activity, by index in the register (`None`: a new one).
    Activity(Option<usize>),
    /// A processor, by index (`None`: a new one).
    Processor(Option<usize>),
    /// A breach, by index (`None`: a new one; `true`: a drill).
    Breach(Option<usize>, bool),
    /// A drill step done: the drill (by index in the breaches) and the step (in the script).
    DrillStep(usize, usize),
}

/// One labelled field.
#[derive(Debug)]
pub struct Field {
    /// Shown before the input.
    pub label: &'static str,
    /// The text typed so far (one line).
    pub input: TextArea<'static>,
    /// The text it had when the form opened.
    pub initial: String,
}

/// The state of an open form.
#[derive(Debug)]
pub struct Form {
    /// What it edits.
    pub kind: FormKind,
    /// The fields, in order.
    pub fields: Vec<Field>,
    /// Index of the field that gets the keys.
    pub focus: usize,
    /// Why the last attempt to save was refused.
    pub error: Option<String>,
}

/// What a valid form changes.
#[derive(Debug, Clone, PartialEq)]
pub enum FormValue {
    /// New organisation name, details and review period.
    Details(String, Details, Option<u32>),
    /// A new action-plan entry for an item.
    Plan(String, PlanEntry),
    /// Typed values for an activity (checked when applied).
    Activity(Option<usize>, crate::documents::edit::ActivityEdit),
    /// Typed values for a processor.
    Processor(Option<usize>, crate::documents::edit::ProcessorEdit),
    /// Typed values for a breach or drill.
    Breach(Option<usize>, bool, crate::documents::edit::BreachEdit),
    /// A drill step done: the drill, the step, who did it and what was done.
    DrillStep(usize, usize, String, String),
}

fn field(label: &'static str, value: &str) -> Field {
    let mut input = TextArea::from([value.to_owned()]);
    input.move_cursor(CursorMove::End);
    Field {
        label,
        input,
        initial: value.to_owned(),
    }
}

impl Form {
    /// The details form, filled with the current values.
    pub fn details(assessment: &Assessment) -> Form {
        let d = &assessment.details;
        let months = assessment
            .review_months
            .map(|m| m.to_string())
            .unwrap_or_default();
        Form {
            kind: FormKind::Details,
            fields: vec![
                field(t::FIELD_ORGANISATION, &assessment.organisation),
                field(t::FIELD_CONTACT, &d.contact),
                field(t::FIELD_ASSESSOR, &d.assessor),
                field(t::FIELD_KVK, &d.kvk),
                field(t::FIELD_ADDRESS, &d.address),
                field(t::FIELD_EMAIL, &d.email),
                field(t::FIELD_PHONE, &d.phone),
                field(t::FIELD_DPO, &d.dpo),
                field(t::FIELD_REVIEW_MONTHS, &months),
            ],
            focus: 0,
            error: None,
        }
    }

    /// The action-plan form of an item, filled with its current entry.
    pub fn plan(id: &str, entry: Option<&PlanEntry>) -> Form {
        let entry = entry.cloned().unwrap_or_default();
        let due = entry.due.map(|d| d.to_string()).unwrap_or_default();
        Form {
            kind: FormKind::Plan(id.to_owned()),
            fields: vec![
                field(t::FIELD_OWNER, &entry.owner),
                field(t::FIELD_DUE, &due),
                field(t::FIELD_AGREED_ACTION, &entry.action),
            ],
            focus: 0,
            error: None,
        }
    }

    /// The form of an activity, filled with its values (or empty for a new one).
    pub fn activity(at: Option<usize>, a: Option<&crate::documents::Activity>) -> Form {
        let v = |f: fn(&crate::documents::Activity) -> String| a.map(f).unwrap_or_default();
        Form {
            kind: FormKind::Activity(at),
            fields: vec![
                field(t::FIELD_ACTIVITY, &v(|a| a.name.clone())),
                field(t::FIELD_PURPOSE, &v(|a| a.purpose.clone())),
                field(
                    t::FIELD_BASIS,
                    &v(|a| a.basis.map(|b| b.id().to_owned()).unwrap_or_default()),
                ),
                field(t::FIELD_INTEREST, &v(|a| a.interest.clone())),
                field(t::FIELD_PEOPLE, &v(|a| a.people.clone())),
                field(t::FIELD_DATA, &v(|a| a.data.clone())),
                // A new activity starts at "nee": the form never refuses what it filled in.
                field(t::FIELD_SPECIAL, t::yes_no(a.is_some_and(|a| a.special))),
                field(t::FIELD_CRIMINAL, t::yes_no(a.is_some_and(|a| a.criminal))),
                field(t::FIELD_RECIPIENTS, &v(|a| a.recipients.clone())),
                field(t::FIELD_TRANSFERS, &v(|a| a.transfers.clone())),
                field(t::FIELD_RETENTION, &v(|a| a.retention.clone())),
                field(t::FIELD_SECURITY, &v(|a| a.security.clone())),
            ],
            focus: 0,
            error: None,
        }
    }

    /// The form of a processor.
    pub fn processor(at: Option<usize>, p: Option<&crate::documents::Processor>) -> Form {
        let v = |f: fn(&crate::documents::Processor) -> String| p.map(f).unwrap_or_default();
        let day = |d: Option<jiff::civil::Date>| {
            d.map(|d| d.strftime("%d-%m-%Y").to_string())
                .unwrap_or_default()
        };
        Form {
            kind: FormKind::Processor(at),
            fields: vec![
                field(t::FIELD_PROCESSOR, &v(|p| p.name.clone())),
                field(t::FIELD_SERVICE, &v(|p| p.service.clone())),
                field(t::FIELD_DATA, &v(|p| p.data.clone())),
                field(
                    t::FIELD_LOCATION,
                    &v(|p| p.location.map(|l| l.id().to_owned()).unwrap_or_default()),
                ),
                field(t::FIELD_SAFEGUARD, &v(|p| p.safeguard.clone())),
                field(
                    t::FIELD_AGREEMENT,
                    &p.map(|p| day(p.agreement)).unwrap_or_default(),
                ),
                field(
                    t::FIELD_CHECKED,
                    &p.map(|p| day(p.checked)).unwrap_or_default(),
                ),
            ],
            focus: 0,
            error: None,
        }
    }

    /// The form of a breach or drill; a new one is found "nu" unless changed.
    pub fn breach(
        at: Option<usize>,
        drill: bool,
        b: Option<&crate::documents::Breach>,
        tz: &jiff::tz::TimeZone,
    ) -> Form {
        let v = |f: fn(&crate::documents::Breach) -> String| b.map(f).unwrap_or_default();
        let local = |m: Option<jiff::Timestamp>| {
            m.map(|m| {
                m.to_zoned_datetime(tz.clone())
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_default()
        };
        let found = b.map_or_else(|| "nu".to_owned(), |b| local(Some(b.found)));
        Form {
            kind: FormKind::Breach(at, drill),
            fields: vec![
                field(t::FIELD_FOUND, &found),
                field(t::FIELD_WHAT_HAPPENED, &v(|b| b.what.clone())),
                field(t::FIELD_BREACH_DATA, &v(|b| b.data.clone())),
                field(t::FIELD_BREACH_PEOPLE, &v(|b| b.people.clone())),
                field(t::FIELD_CONSEQUENCES, &v(|b| b.consequences.clone())),
                field(t::FIELD_MEASURES, &v(|b| b.measures.clone())),
                field(
                    t::FIELD_REPORTED_AT,
                    &b.map(|b| local(b.reported)).unwrap_or_default(),
                ),
                field(
                    t::FIELD_NOT_REPORTED,
                    &v(|b| b.not_reported_because.clone()),
                ),
                field(t::FIELD_LATE_BECAUSE, &v(|b| b.late_because.clone())),
                field(
                    t::FIELD_INFORMED_AT,
                    &b.map(|b| local(b.informed)).unwrap_or_default(),
                ),
                field(
                    t::FIELD_NOT_INFORMED,
                    &v(|b| b.not_informed_because.clone()),
                ),
                field(t::FIELD_EVALUATION, &v(|b| b.evaluation.clone())),
            ]
            .into_iter()
            // A drill records who did what when: a new step is timed when the form is saved.
            .chain(drill.then(|| field(t::FIELD_STEP_NEW, "")))
            // A new drill asks only when it starts and the scenario; the drill screen does the rest.
            .take(if drill && b.is_none() { 2 } else { usize::MAX })
            .collect(),
            focus: if b.is_none() { 1 } else { 0 },
            error: None,
        }
    }

    /// The form for a drill step done: who did it (`who` filled in) and what was done (the step's
    /// instruction, to change into what really happened).
    pub fn drill_step(drill: usize, step: usize, who: &str, what: &str) -> Form {
        Form {
            kind: FormKind::DrillStep(drill, step),
            fields: vec![field(t::FIELD_OWNER, who), field(t::FIELD_STEP_DONE, what)],
            focus: 0,
            error: None,
        }
    }

    /// The index of the field with this label, for an error that names it.
    pub fn field_labelled(&self, label: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.label == label)
    }

    /// The trimmed text of field `i` (control characters removed).
    pub fn value(&self, i: usize) -> String {
        let text = self.fields.get(i).map(|f| f.input.lines().concat());
        crate::sanitize::input_line(&text.unwrap_or_default())
    }

    /// Whether anything was typed since the form opened.
    pub fn changed(&self) -> bool {
        self.fields
            .iter()
            .any(|f| f.input.lines().concat() != f.initial)
    }

    /// Moves the focus `by` fields, wrapping around.
    pub fn move_focus(&mut self, forward: bool) {
        let n = self.fields.len();
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
    }

    /// Checks the input; on a problem, returns the message and the field to fix.
    pub fn parse(&self) -> Result<FormValue, (usize, String)> {
        match &self.kind {
            FormKind::Details => {
                let Some(kvk) = crate::assessment::parse_kvk(&self.value(3)) else {
                    return Err((3, t::BAD_KVK.into()));
                };
                let Some(email) = crate::assessment::parse_email(&self.value(5)) else {
                    return Err((5, t::BAD_EMAIL.into()));
                };
                let Some(phone) = crate::assessment::parse_phone(&self.value(6)) else {
                    return Err((6, t::BAD_PHONE.into()));
                };
                let months = self.value(8);
                let months = if months.is_empty() {
                    None
                } else {
                    match months.parse::<u32>() {
                        Ok(m) if crate::assessment::valid_review_months(m) => Some(m),
                        _ => return Err((8, t::BAD_REVIEW_MONTHS.into())),
                    }
                };
                let details = Details {
                    contact: self.value(1),
                    assessor: self.value(2),
                    kvk,
                    address: self.value(4),
                    email,
                    phone,
                    dpo: self.value(7),
                    logo: None,
                };
                Ok(FormValue::Details(self.value(0), details, months))
            }
            FormKind::Plan(id) => {
                let due_text = self.value(1);
                let due = if due_text.is_empty() {
                    None
                } else {
                    Some(parse_due(&due_text).ok_or((1, t::bad_due(&due_text)))?)
                };
                let entry = PlanEntry {
                    owner: self.value(0),
                    due,
                    action: self.value(2),
                    ..PlanEntry::default()
                };
                Ok(FormValue::Plan(id.clone(), entry))
            }
            FormKind::Activity(at) => {
                let v = |i| Some(self.value(i));
                Ok(FormValue::Activity(
                    *at,
                    crate::documents::edit::ActivityEdit {
                        name: v(0),
                        purpose: v(1),
                        basis: v(2),
                        interest: v(3),
                        people: v(4),
                        data: v(5),
                        special: v(6),
                        criminal: v(7),
                        recipients: v(8),
                        transfers: v(9),
                        retention: v(10),
                        security: v(11),
                    },
                ))
            }
            FormKind::Processor(at) => {
                let v = |i| Some(self.value(i));
                Ok(FormValue::Processor(
                    *at,
                    crate::documents::edit::ProcessorEdit {
                        name: v(0),
                        service: v(1),
                        data: v(2),
                        location: v(3),
                        safeguard: v(4),
                        agreement: v(5),
                        checked: v(6),
                    },
                ))
            }
            FormKind::DrillStep(drill, step) => Ok(FormValue::DrillStep(
                *drill,
                *step,
                self.value(0),
                self.value(1),
            )),
            FormKind::Breach(at, drill) => {
                let v = |i| Some(self.value(i));
                // An empty moment is "not yet": only the discovery defaults to now.
                let moment = |i| Some(self.value(i)).filter(|m| !m.is_empty());
                Ok(FormValue::Breach(
                    *at,
                    *drill,
                    crate::documents::edit::BreachEdit {
                        found: v(0),
                        what: v(1),
                        data: v(2),
                        people: v(3),
                        consequences: v(4),
                        measures: v(5),
                        reported: moment(6),
                        not_reported: v(7),
                        late_because: v(8),
                        informed: moment(9),
                        not_informed: v(10),
                        step: Some(self.value(12))
                            .filter(|s| !s.is_empty())
                            .into_iter()
                            .collect(),
                        done: Vec::new(),
                        evaluation: v(11),
                    },
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn typed(form: &mut Form, i: usize, text: &str) {
        form.fields[i].input = TextArea::from([text.to_owned()]);
    }

    #[test]
    fn plan_form_parses_a_dutch_date_and_refuses_nonsense() {
        let mut form = Form::plan("x.y", None);
        typed(&mut form, 0, " Sanne ");
        typed(&mut form, 1, "31-1-2027");
        typed(&mut form, 2, "Register opstellen");
        let expected = PlanEntry {
            owner: "Sanne".into(),
            due: Some(date(2027, 1, 31)),
            action: "Register opstellen".into(),
            ..Default::default()
        };
        assert_eq!(form.parse(), Ok(FormValue::Plan("x.y".into(), expected)));
        typed(&mut form, 1, "volgende week");
        assert_eq!(form.parse().unwrap_err().0, 1);
    }

    #[test]
    fn details_form_checks_kvk_email_phone_and_review_months() {
        let mut form = Form::details(&Assessment::new("Bakkerij", jiff::Timestamp::UNIX_EPOCH));
        typed(&mut form, 3, "1234 5678");
        typed(&mut form, 4, " Dorpsstraat 1, 1234 AB Ergens ");
        typed(&mut form, 5, "privacy@bakkerij.nl");
        typed(&mut form, 6, "+31 (0)20 123 45 67");
        typed(&mut form, 7, "Piet Jansen, fg@bakkerij.nl");
        let Ok(FormValue::Details(name, details, None)) = form.parse() else {
            panic!("valid form refused");
        };
        assert_eq!(
            (
                name.as_str(),
                details.kvk.as_str(),
                details.address.as_str(),
                details.email.as_str(),
                details.phone.as_str(),
                details.dpo.as_str()
            ),
            (
                "Bakkerij",
                "12345678",
                "Dorpsstraat 1, 1234 AB Ergens",
                "privacy@bakkerij.nl",
                "+31 (0)20 123 45 67",
                "Piet Jansen, fg@bakkerij.nl"
            )
        );
        for (field, wrong) in [
            (3, "1234"),
            (5, "privacy@bakkerij"),
            (6, "bel me"),
            (8, "0"),
        ] {
            let right = form.value(field);
            typed(&mut form, field, wrong);
            assert_eq!(form.parse().unwrap_err().0, field, "{wrong}");
            typed(&mut form, field, &right);
        }
        typed(&mut form, 8, "6");
        assert!(matches!(
            form.parse(),
            Ok(FormValue::Details(_, _, Some(6)))
        ));
    }

    #[test]
    fn focus_wraps_both_ways() {
        let mut form = Form::plan("x.y", None);
        form.move_focus(false);
        assert_eq!(form.focus, 2);
        form.move_focus(true);
        assert_eq!(form.focus, 0);
    }
}
