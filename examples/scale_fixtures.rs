//! Writes the scale fixtures for `benches/whole-process.py` into a folder:
//!
//! - `checklists-N/schaal.toml`: a user checklist of N items (100, 1,000, 10,000) with conditions and
//!   follow-ups ([`pqs::report::fixture::scale::checklist_toml`]);
//! - `items-N/`: a data folder with one assessment (`klant`) of a year of history on the bundled
//!   content plus that checklist;
//! - `clients-N/`: a data folder with N clients (10, 100, 1,000), each a year of history on the
//!   bundled content;
//! - `fresh/` (no assessment yet) and `year/` (one assessment, a year of history) on the bundled content.
//!
//! Run: `cargo run --release --example scale_fixtures -- DIR`.

use std::path::PathBuf;

use pqs::assessment::Store;
use pqs::checklist::Catalog;
use pqs::report::fixture::scale;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir: PathBuf = std::env::args_os()
        .nth(1)
        .ok_or("usage: scale_fixtures DIR")?
        .into();
    std::fs::create_dir_all(&dir)?;
    let bundled = Catalog::bundled();
    let year = scale::year_of_history(&bundled, "Jaar BV");
    for items in [100, 1_000, 10_000] {
        let checklists = dir.join(format!("checklists-{items}"));
        std::fs::create_dir_all(&checklists)?;
        std::fs::write(
            checklists.join(format!("{}.toml", scale::SCALE_CHECKLIST)),
            scale::checklist_toml(items),
        )?;
        let catalog = Catalog::load(Some(&checklists))?;
        let store = Store::new(dir.join(format!("items-{items}")));
        store
            .lock("klant")?
            .save(&scale::year_of_history(&catalog, "Schaal BV"))?;
    }
    for clients in [10, 100, 1_000] {
        scale::write_clients(
            &Store::new(dir.join(format!("clients-{clients}"))),
            &year,
            clients,
        )?;
    }
    std::fs::create_dir_all(dir.join("fresh"))?;
    Store::new(dir.join("year")).lock("klant")?.save(&year)?;
    println!("{}", dir.display());
    Ok(())
}
