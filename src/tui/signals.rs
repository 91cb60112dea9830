//! Termination signals while the TUI runs. `kill` (SIGTERM), a closed terminal (SIGHUP), SIGINT and
//! SIGQUIT would otherwise end the process with the terminal in raw mode, on the alternate screen,
//! with mouse reporting on and the cursor hidden, and without the last save. The `signal-hook`
//! crate sets a flag instead; the event loops look at it while they wait for input, restore the
//! terminal, save, and `main` exits with 128 + the signal number. A second signal while that
//! happens ends the process at once.

use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

/// The signals handled.
pub const HANDLED: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

fn caught_flag() -> &'static Arc<AtomicUsize> {
    static CAUGHT: OnceLock<Arc<AtomicUsize>> = OnceLock::new();
    CAUGHT.get_or_init(|| Arc::new(AtomicUsize::new(0)))
}

/// Installs the handlers (once per process; later calls do nothing).
pub fn install() -> io::Result<()> {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    if INSTALLED.get().is_some() {
        return Ok(());
    }
    let second = Arc::new(AtomicBool::new(false));
    for signal in HANDLED {
        // Registered first, so it acts only from the second signal on: then `second` is set.
        signal_hook::flag::register_conditional_shutdown(
            signal,
            128 + signal,
            Arc::clone(&second),
        )?;
        signal_hook::flag::register(signal, Arc::clone(&second))?;
        signal_hook::flag::register_usize(signal, Arc::clone(caught_flag()), signal as usize)?;
    }
    let _ = INSTALLED.set(());
    Ok(())
}

/// The signal that asked the program to stop, if one came.
pub fn caught() -> Option<i32> {
    match caught_flag().load(Ordering::SeqCst) {
        0 => None,
        n => i32::try_from(n).ok(),
    }
}
