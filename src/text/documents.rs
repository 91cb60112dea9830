//! Strings of the documents: the processing register, the processors and the breach register.

/// Field: the activity's name.
pub const FIELD_ACTIVITY: &str = "Verwerking";
/// Field: purpose (art. 30 lid 1 sub b).
pub const FIELD_PURPOSE: &str = "Doel";
/// Field: legal basis (art. 6 lid 1).
pub const FIELD_BASIS: &str = "Grondslag";
/// Field: the legitimate interest.
pub const FIELD_INTEREST: &str = "Gerechtvaardigd belang";
/// Field: categories of people.
pub const FIELD_PEOPLE: &str = "Van wie";
/// Field: categories of data.
pub const FIELD_DATA: &str = "Welke gegevens";
/// Field: recipients.
pub const FIELD_RECIPIENTS: &str = "Ontvangers";
/// Field: transfers outside the EEA.
pub const FIELD_TRANSFERS: &str = "Buiten de EER";
/// Field: retention.
pub const FIELD_RETENTION: &str = "Bewaartermijn";
/// Field: security measures.
pub const FIELD_SECURITY: &str = "Beveiliging";
/// Field: the processor's name.
pub const FIELD_PROCESSOR: &str = "Verwerker";
/// Field: where a processor processes the data.
pub const FIELD_LOCATION: &str = "Waar";
/// Field: what happened (a breach).
pub const FIELD_WHAT_HAPPENED: &str = "Wat er gebeurde";
/// Field: which data a breach concerns.
pub const FIELD_BREACH_DATA: &str = "Welke gegevens";
/// Field: how many people.
pub const FIELD_BREACH_PEOPLE: &str = "Hoeveel mensen";
/// Field: likely consequences.
pub const FIELD_CONSEQUENCES: &str = "Gevolgen";
/// Field: measures taken.
pub const FIELD_MEASURES: &str = "Maatregelen";
/// Field: the decision about reporting to the AP.
pub const FIELD_REPORTED: &str = "Gemeld bij de AP (of waarom niet)";
/// Field: why a report came after 72 hours.
pub const FIELD_LATE_BECAUSE: &str = "Waarom later dan 72 uur";
/// Field: the decision about informing the people.
pub const FIELD_INFORMED: &str = "Betrokkenen geïnformeerd (of waarom niet)";
/// Field: a drill's evaluation.
pub const FIELD_EVALUATION: &str = "Evaluatie";
/// A report or notice dated before the breach was found.
pub const BREACH_BEFORE_FOUND: &str =
    "een melding kan niet eerder zijn dan het moment waarop het lek werd ontdekt";
/// Both a report date and a reason not to report.
pub const BREACH_REPORTED_AND_NOT: &str =
    "een lek is gemeld of niet gemeld: geef een meldmoment of een reden, niet allebei";
/// Both a notice date and a reason not to inform.
pub const BREACH_INFORMED_AND_NOT: &str =
    "de betrokkenen zijn geïnformeerd of niet: geef een moment of een reden, niet allebei";
