//! Speed budgets for the paths a user feels: start-up (loading checklists, the start screen's list), a
//! redraw, a key press, the report and a save, measured on a consultant's year of data (every answer
//! changed over twelve sessions, an action plan for every gap). Run with `cargo bench`; a budget that is exceeded fails the run. Not a timed test: it only runs
//! when asked, in release mode.

use std::collections::VecDeque;
use std::hint::black_box;
use std::time::{Duration, Instant};

use std::collections::BTreeSet;

use pqs::assessment::{Assessment, PlanEntry, Status, Store};
use pqs::checklist::Catalog;
use pqs::report::{Document, Scan, json, progress, text};
use pqs::tui::App;
use pqs::tui::event_loop::{Persist, run};
use pqs::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Runs `f` repeatedly for about half a second and returns the median time of one run.
fn measure(mut f: impl FnMut()) -> Duration {
    let mut samples = Vec::new();
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(500) || samples.len() < 10 {
        let t = Instant::now();
        f();
        samples.push(t.elapsed());
    }
    samples.sort();
    samples[samples.len() / 2]
}

fn check(name: &str, budget: Duration, f: impl FnMut()) -> bool {
    let median = measure(f);
    let ok = median <= budget;
    println!(
        "{name:<32} median {median:>10.3?}  budget {budget:>8.1?}  {}",
        if ok { "ok" } else { "OVER BUDGET" }
    );
    ok
}

/// A consultant's year: every item answered with a note, then twelve monthly sessions that each change
/// a third of the answers (so every answer has a history), and an action plan for every gap.
fn answered() -> Assessment {
    let catalog = Catalog::bundled();
    let month = |m: i64| jiff::Timestamp::from_second(1_767_225_600 + m * 30 * 86_400).unwrap();
    let mut a = Assessment::new("Bench BV", month(0));
    a.details.assessor = "Eva de Adviseur".into();
    for (i, (_, item)) in catalog.items().enumerate() {
        a.set_status(
            &item.id,
            Some(Status::ALL[i % Status::ALL.len()]),
            Some(&item.fingerprint()),
            month(0),
        );
        a.set_note(
            &item.id,
            "Een opmerking van gemiddelde lengte, met wat tekst erin.",
            month(0),
        );
    }
    for m in 1..=12 {
        let mut changed = BTreeSet::new();
        for (i, (_, item)) in catalog
            .items()
            .enumerate()
            .filter(|(i, _)| (i + m) % 3 == 0)
        {
            let status = Status::ALL[(i + m) % Status::ALL.len()];
            a.set_status(
                &item.id,
                Some(status),
                Some(&item.fingerprint()),
                month(m as i64),
            );
            changed.insert(item.id.clone());
        }
        a.record_session(
            month(m as i64),
            month(m as i64),
            "Eva de Adviseur",
            &changed,
        );
    }
    let now = month(13);
    let gaps: Vec<String> = Scan::new(&catalog, &a, now)
        .gaps
        .iter()
        .map(|g| g.id.clone())
        .collect();
    for (i, id) in gaps.iter().enumerate() {
        let entry = PlanEntry {
            owner: "Sanne".into(),
            due: Some(jiff::civil::date(2026, 1 + (i % 12) as i8, 15)),
            action: "Afgesproken actie met wat uitleg erbij.".into(),
            ..PlanEntry::default()
        };
        a.set_plan(id, entry, now);
    }
    a
}

struct NoStore;
impl Persist for NoStore {
    fn save(&mut self, _: &Assessment) -> Result<Option<Assessment>, String> {
        Ok(None)
    }
}

fn main() {
    let assessment = answered();
    let catalog = Catalog::bundled();
    let mut all_ok = true;
    all_ok &= check("load bundled checklists", Duration::from_millis(20), || {
        black_box(Catalog::bundled());
    });
    let mut app = App::new(
        catalog.clone(),
        assessment.clone(),
        "bench",
        Theme::new(true),
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    all_ok &= check("redraw overview 120x40", Duration::from_millis(5), || {
        run(
            &mut terminal,
            &mut app,
            &mut VecDeque::new(),
            &mut NoStore,
            || jiff::Timestamp::UNIX_EPOCH,
        )
        .unwrap();
    });
    // The reports include the sessions table: twelve sessions, each scored as it was at its end.
    all_ok &= check("scan + text report", Duration::from_millis(15), || {
        let scan = Scan::new(&catalog, &assessment, jiff::Timestamp::UNIX_EPOCH);
        let doc = Document::of(
            &catalog,
            &scan,
            &assessment,
            "bench",
            jiff::Timestamp::UNIX_EPOCH,
            jiff::tz::TimeZone::UTC,
        );
        black_box(text::render(
            &doc,
            text::Layout {
                width: 100,
                color: false,
            },
        ));
    });
    all_ok &= check("scan + json report", Duration::from_millis(15), || {
        let scan = Scan::new(&catalog, &assessment, jiff::Timestamp::UNIX_EPOCH);
        let doc = Document::of(
            &catalog,
            &scan,
            &assessment,
            "bench",
            jiff::Timestamp::UNIX_EPOCH,
            jiff::tz::TimeZone::UTC,
        );
        black_box(json::render(&doc));
    });
    all_ok &= check(
        "since previous + sessions",
        Duration::from_millis(30),
        || {
            let now = Scan::new(&catalog, &assessment, jiff::Timestamp::UNIX_EPOCH);
            let moment = progress::default_baseline(&assessment).expect("12 sessions");
            black_box(progress::compare(
                &catalog,
                &assessment,
                &now,
                moment,
                progress::Baseline::PreviousSession,
            ));
            black_box(progress::sessions(&catalog, &assessment));
        },
    );
    all_ok &= check(
        "answer a key (update+refresh)",
        Duration::from_millis(10),
        || {
            black_box(pqs::tui::update::update(
                &mut app,
                pqs::tui::action::Action::Answer(Status::Partly),
                jiff::Timestamp::UNIX_EPOCH,
            ));
        },
    );
    let dir = std::env::temp_dir().join(format!("pqs-bench-{}", std::process::id()));
    let writer = Store::new(&dir).lock("bench").unwrap();
    all_ok &= check("save (atomic, fsync)", Duration::from_millis(50), || {
        writer.save(&assessment).unwrap();
    });
    drop(writer);
    // The start screen: forty clients, each a year of sessions.
    let store = Store::new(dir.join("clients"));
    for n in 0..40 {
        store
            .lock(&format!("klant-{n}"))
            .unwrap()
            .save(&assessment)
            .unwrap();
    }
    let one = std::fs::read_to_string(store.path("klant-0")).unwrap();
    println!("(one client file: {} KiB)", one.len() / 1024);
    all_ok &= check("parse one client file", Duration::from_millis(10), || {
        black_box(pqs::assessment::store::parse(&one, std::path::Path::new("x")).unwrap());
    });
    all_ok &= check(
        "start screen: list 40 clients",
        Duration::from_millis(150),
        || {
            black_box(pqs::report::listing(&store, &catalog, jiff::Timestamp::UNIX_EPOCH).unwrap());
        },
    );
    let _ = std::fs::remove_dir_all(&dir);
    if !all_ok {
        eprintln!("one or more budgets exceeded");
        std::process::exit(1);
    }
}
