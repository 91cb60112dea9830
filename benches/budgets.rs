//! Speed budgets for the paths a user feels: start-up (loading checklists), a redraw, the report and a
//! save. Run with `cargo bench`; a budget that is exceeded fails the run. Not a timed test: it only runs
//! when asked, in release mode.

use std::collections::VecDeque;
use std::hint::black_box;
use std::time::{Duration, Instant};

use pqs::assessment::{Assessment, Status, Store};
use pqs::checklist::Catalog;
use pqs::report::{Document, Scan, json, text};
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

fn answered() -> Assessment {
    let catalog = Catalog::bundled();
    let now = jiff::Timestamp::UNIX_EPOCH;
    let mut a = Assessment::new("Bench BV", now);
    for (i, (_, item)) in catalog.items().enumerate() {
        a.set_status(
            &item.id,
            Some(Status::ALL[i % Status::ALL.len()]),
            Some(&item.fingerprint()),
            now,
        );
        a.set_note(
            &item.id,
            "Een opmerking van gemiddelde lengte, met wat tekst erin.",
            now,
        );
    }
    a
}

struct NoStore;
impl Persist for NoStore {
    fn save(&mut self, _: &Assessment) -> Result<(), String> {
        Ok(())
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
    all_ok &= check("scan + text report", Duration::from_millis(5), || {
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
    all_ok &= check("scan + json report", Duration::from_millis(5), || {
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
    let dir = std::env::temp_dir().join(format!("pqs-bench-{}", std::process::id()));
    let writer = Store::new(&dir).lock("bench").unwrap();
    all_ok &= check("save (atomic, fsync)", Duration::from_millis(50), || {
        writer.save(&assessment).unwrap();
    });
    drop(writer);
    let _ = std::fs::remove_dir_all(&dir);
    if !all_ok {
        eprintln!("one or more budgets exceeded");
        std::process::exit(1);
    }
}
