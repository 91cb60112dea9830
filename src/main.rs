//! `pqs`: parse arguments, dispatch, map errors to exit codes.

use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};
use pqs::cli::{self, Cli};
#[cfg(all(target_os = "linux", target_env = "gnu", target_pointer_width = "64"))]
use pqs::heap;

fn main() -> ExitCode {
    tune_allocator();
    #[cfg(all(target_os = "linux", target_env = "gnu", target_pointer_width = "64"))]
    heap::set_thread_start(tune_thread_heap);
    let mut command = Cli::command();
    let parsed = command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|matches| Ok((Cli::from_arg_matches(&matches)?, matches)));
    // Freed now, before anything else is built: the description of every command and option
    // (some 200 KB, each global option copied into every command) costs a few percent of the time
    // to the first frame to free, but its pages are then reused instead of new ones faulted in:
    // 60 fewer page faults at the first frame, at about 4 µs each on a VM, against 0.14 M
    // instructions.
    drop(command);
    let (args, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(err) => match cli::parse_error::dutch(&err) {
            Some(message) => {
                pqs::output::eprint(&format!("pqs: {message}"));
                return ExitCode::from(2);
            }
            None => err.exit(),
        },
    };
    // `-a` on the command line or in the environment opens that assessment; otherwise the start
    // screen may come first.
    let explicit = matches.value_source("assessment") != Some(ValueSource::DefaultValue);
    let config = args.global.config(explicit);
    let result = match args.command {
        Some(command) => cli::run(&config, command),
        None => pqs::tui::start(&config),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            pqs::output::eprint(&format!("pqs: {err}"));
            ExitCode::from(err.exit_code())
        }
    }
}

/// Sets glibc's allocator up (see [`pqs::heap`]): keep what pqs frees for its next allocations, take
/// memory from the system in large steps instead of handing each large block back and asking for
/// it again (with glibc's defaults every block over 128 KiB is a fresh mapping, faulted in anew),
/// and start the heap's growth on a huge page.
#[cfg(all(target_os = "linux", target_env = "gnu", target_pointer_width = "64"))]
fn tune_allocator() {
    // SAFETY: `mallopt`, `mallinfo2`, `sbrk(0)` and `madvise` with `MADV_HUGEPAGE` only read or
    // set the allocator's parameters and the kernel's advice; the one block allocated is a valid
    // request that is never freed. Called before any thread exists. (`mallinfo2` is glibc 2.33's,
    // so that is the oldest glibc pqs builds and runs on.)
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 256 << 20);
        libc::mallopt(libc::M_TOP_PAD, heap::FIRST_STEP as libc::c_int);
        let end = libc::sbrk(0) as usize;
        let top = libc::mallinfo2().keepcost;
        if let Some(step) = heap::first_step(end, top) {
            let block = libc::malloc(step.request) as usize;
            // Only when glibc did what it was asked (the block where the free space was, and the
            // heap grown past the boundary); otherwise the advice is left out.
            if let Some(len) = step.advised(block, libc::sbrk(0) as usize) {
                libc::madvise(step.boundary as *mut libc::c_void, len, libc::MADV_HUGEPAGE);
            }
        }
        libc::mallopt(libc::M_TOP_PAD, 16 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu", target_pointer_width = "64")))]
fn tune_allocator() {}

/// Sets up the heap glibc gives a thread of pqs's own ([`heap::both`]) as [`tune_allocator`] did
/// the main one: huge pages for all of it, and what the thread allocates starting on the second
/// one (see [`heap::thread_step`]). Without it, the thread that loads 10,000 items faulted in
/// 2,100 small pages, and the work done at once saved half of what it could.
#[cfg(all(target_os = "linux", target_env = "gnu", target_pointer_width = "64"))]
fn tune_thread_heap() {
    // SAFETY: the block of 64 bytes is valid from `malloc` and freed once; the word before it is
    // glibc's size word of the block, inside the heap's mapping (read as a volatile read, so
    // the compiler does not take it for a read outside the allocation and fold it away).
    // `madvise` with `MADV_HUGEPAGE` only gives advice, also where part of the range is not
    // mapped; the second block is a valid request that is never freed.
    unsafe {
        let block = libc::malloc(64) as usize;
        if block == 0 {
            return;
        }
        let size = std::ptr::read_volatile((block as *const usize).sub(1));
        if let Some(step) = heap::thread_step(block, size) {
            libc::madvise(
                step.heap as *mut libc::c_void,
                step.len,
                libc::MADV_HUGEPAGE,
            );
            // Kept (an allocation never used would be left out by the compiler).
            std::hint::black_box(libc::malloc(step.request));
        }
        libc::free(block as *mut libc::c_void);
    }
}
