//! How pqs asks for memory: set once, at the start of `main`, before anything else is allocated.
//!
//! On a virtual machine the first touch of a page costs microseconds (a page fault, about 4 µs on
//! the machines BENCHMARKS.md was made on), and pqs touches its heap for the first time at every
//! start: 1.3 MB before the first frame, 20 MB for `pqs validate` and 50 MB for a report at
//! 10,000 items. So the heap is asked for in one large step, and for its part above the first
//! 2 MiB boundary the kernel is asked for huge pages (transparent huge pages, where the system
//! offers them on request): one fault for each 2 MiB instead of one for each 4 KiB. This is what
//! glibc itself does with the tunable `glibc.malloc.hugetlb=1`, which only the environment can
//! set before a process starts.
//!
//! The price: memory is counted by the 2 MiB page once any of it is touched (measured: 1.3 MiB
//! more at the first frame, 2.7 to 4.4 MiB more at 10,000 items), and where memory is short of
//! free 2 MiB blocks the kernel may first tidy some up. Where huge pages are not offered, or glibc
//! does not do as asked, the heap still grows in its one step and up to 2 MiB of addresses before
//! the boundary stay unused; no memory is counted for either (unless glibc is told to fill new
//! blocks, with `MALLOC_PERTURB_`). Only the first step is advised: a heap that outgrows it grows
//! on in small pages. On 64-bit glibc only (the layout below is its 64-bit one).
//!
//! The calls to glibc are in `main.rs` (this library has no unsafe code); what to ask for is
//! worked out here.

/// The size of a huge page on x86-64 and aarch64 with 4 KiB pages.
pub const HUGE: usize = 2 << 20;

/// How far the heap grows at once when it starts: untouched memory costs nothing, and a report at
/// 10,000 items fits.
pub const FIRST_STEP: usize = 64 << 20;

/// What an allocated block of glibc's (64-bit) takes beyond what was asked for (its size word),
/// where the pointer `malloc` returns lies in it (after the previous block's size and its own),
/// and its alignment.
const HEADER: usize = 8;
const POINTER_AT: usize = 16;
const ALIGN: usize = 16;

/// The block that makes the heap grow with what follows it starting on a huge page.
#[derive(Debug, PartialEq, Eq)]
pub struct FirstStep {
    /// Where the heap's huge pages start: the first 2 MiB boundary past the heap's end.
    pub boundary: usize,
    /// What to ask `malloc` for. The block takes the heap's free space at its end and all the new
    /// memory up to 32 bytes before the boundary, so that glibc's header of the free space after
    /// it is written on the page before the boundary: a page touched before the advice is given
    /// keeps the whole 2 MiB around it in small pages. The block is never used, so it costs
    /// addresses, not memory.
    pub request: usize,
    /// Where the heap's free space starts, which the block takes.
    start: usize,
}

impl FirstStep {
    /// How much to advise from the boundary, once `malloc` gave `block` and the heap ends at
    /// `grown`: `None` unless the block is where the free space was and the heap grew at least one
    /// huge page past the boundary.
    pub fn advised(&self, block: usize, grown: usize) -> Option<usize> {
        let expected = self.start + POINTER_AT;
        (block == expected && grown >= self.boundary + HUGE)
            .then(|| (grown - self.boundary) / HUGE * HUGE)
    }
}

/// The first step for a heap that ends at `end` with `top` bytes free at its end (glibc's "top
/// chunk", header included); `None` when the heap is not as glibc leaves it.
pub fn first_step(end: usize, top: usize) -> Option<FirstStep> {
    let start = end.checked_sub(top)?;
    if start % ALIGN != 0 || top < 4 * HEADER {
        return None;
    }
    // At least 64 bytes past the end, so the block is larger than the free space and the heap
    // must grow.
    let boundary = end.checked_add(64)?.checked_next_multiple_of(HUGE)?;
    let block = boundary - 4 * HEADER - start;
    Some(FirstStep {
        boundary,
        request: block - HEADER,
        start,
    })
}

/// How far a heap of a thread's own may reach (glibc's `HEAP_MAX_SIZE` on 64-bit): glibc maps each
/// such heap aligned to it, so the heap of a block is its address rounded down to it.
const THREAD_HEAP: usize = 64 << 20;

/// The bit of a block's size word that glibc sets when the block is in a heap of a thread's own,
/// not in the main one (`NON_MAIN_ARENA`).
const NOT_MAIN: usize = 4;

/// What to do for a thread's own heap, worked out from the first block the thread got from it.
#[derive(Debug, PartialEq, Eq)]
pub struct ThreadStep {
    /// Where the heap starts: advised from there, all of it (what is not in use yet included, so
    /// its growth is in huge pages too).
    pub heap: usize,
    /// How much to advise.
    pub len: usize,
    /// What to ask `malloc` for, and never use: the rest of the heap's first huge page, whose
    /// first small page glibc already touched (it keeps the heap's own header there), so that
    /// what the thread allocates starts on the second one. Costs addresses, not memory.
    pub request: usize,
}

/// The step for the heap of `block`, the first block a thread got, whose size word (the word
/// before it) is `size`; `None` when the block is in the main heap (glibc gave the thread no heap
/// of its own), or is not where the free space of a new heap was.
pub fn thread_step(block: usize, size: usize) -> Option<ThreadStep> {
    if size & NOT_MAIN == 0 || !block.is_multiple_of(ALIGN) {
        return None;
    }
    let heap = block & !(THREAD_HEAP - 1);
    // The free space starts after the block (its size is the word without its three flag bits).
    let start = block.checked_sub(POINTER_AT)?.checked_add(size & !7)?;
    let boundary = heap + HUGE;
    // The next block's header on the page before the boundary, as for the main heap.
    let rest = boundary.checked_sub(4 * HEADER)?.checked_sub(start)?;
    Some(ThreadStep {
        heap,
        len: THREAD_HEAP,
        request: rest.checked_sub(HEADER).filter(|&n| n >= 4 * HEADER)?,
    })
}

/// What a thread pqs starts for work that allocates much runs first ([`set_thread_start`]).
static THREAD_START: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Sets what a thread started by [`both`] runs first: `main` sets up the thread's own heap there as
/// it did the main one (this library has no unsafe code). Only the first call counts.
pub fn set_thread_start(start: fn()) {
    let _ = THREAD_START.set(start);
}

/// `first` on a thread of its own and `second` on this one, at once; both results. (At 10,000
/// items, loading the checklists and reading the assessment take some 8 ms each.) When no thread
/// can be started, `first` runs here, before `second`. A panic in `first` goes on here.
pub fn both<A: Send, B>(first: impl FnOnce() -> A + Send, second: impl FnOnce() -> B) -> (A, B) {
    // Taken by the thread, or here when none could be started.
    let first = std::sync::Mutex::new(Some(first));
    let take = || {
        first
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
            .expect("the work is taken once")
    };
    std::thread::scope(|scope| {
        let started = std::thread::Builder::new().spawn_scoped(scope, || {
            if let Some(start) = THREAD_START.get() {
                start();
            }
            take()()
        });
        match started {
            Ok(thread) => {
                let second = second();
                match thread.join() {
                    Ok(first) => (first, second),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            Err(_) => {
                let first = take()();
                (first, second())
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// glibc's size of the block it makes for a request of `n` bytes.
    fn block_for(n: usize) -> usize {
        (n + HEADER).next_multiple_of(ALIGN).max(4 * HEADER)
    }

    #[test]
    fn the_block_ends_just_before_the_boundary_and_is_larger_than_the_free_space() {
        let base = 0x5563_aa7c_1000;
        for (end, top) in [
            (base + 0x2_1000, 0x2_0a70),
            (base + 0x3f_f000, 0x1_0000),
            // A heap ending on a boundary, and just before one.
            (0x5563_aa80_0000, 0x1_8000),
            (0x5563_aa80_0000 - 32, 0x1_7fe0),
        ] {
            let step = first_step(end, top).unwrap();
            assert_eq!(step.boundary % HUGE, 0);
            assert!(step.boundary >= end + 64, "{end:x}: {step:x?}");
            assert!(step.boundary < end + 64 + HUGE, "{end:x}: {step:x?}");
            let block = block_for(step.request);
            // glibc grows the heap only for a block that leaves less than 32 bytes free.
            assert!(block + 4 * HEADER > top, "{end:x}: {step:x?}");
            let next_header = end - top + block + HEADER;
            assert_eq!(next_header / 4096, (step.boundary - 1) / 4096, "{end:x}");
        }
    }

    #[test]
    fn the_advice_is_given_only_when_glibc_did_as_asked() {
        let (end, top) = (0x5563_aa7e_1000, 0x2_0000);
        let step = first_step(end, top).unwrap();
        let block = end - top + 16;
        let grown = step.boundary + FIRST_STEP + 0x3000;
        assert_eq!(step.advised(block, grown), Some(FIRST_STEP));
        assert_eq!(step.advised(block + 16, grown), None, "another place");
        assert_eq!(step.advised(0, grown), None, "no block");
        assert_eq!(
            step.advised(block, step.boundary + HUGE - 1),
            None,
            "not grown enough"
        );
        assert_eq!(step.advised(block, step.boundary + HUGE), Some(HUGE));
    }

    #[test]
    fn a_thread_heap_is_advised_whole_and_its_first_huge_page_is_passed_over() {
        // As glibc 2.36 gave a thread its first block of 64 bytes: 0x50 with its flags (in use
        // before it, not in the main heap).
        let heap = 0x7f46_9c00_0000;
        let block = heap + 0xca0;
        let step = thread_step(block, 0x55).unwrap();
        assert_eq!(step.heap, heap);
        assert_eq!(step.len, 64 << 20);
        let free = block - 16 + 0x50;
        let next_header = free + block_for(step.request) + HEADER;
        assert_eq!(next_header / 4096, (heap + HUGE - 1) / 4096);
        assert!(next_header < heap + HUGE);
    }

    #[test]
    fn a_block_of_the_main_heap_or_past_the_first_huge_page_gets_no_thread_step() {
        let heap = 0x7f46_9c00_0000;
        assert_eq!(thread_step(heap + 0xca0, 0x51), None, "main heap");
        assert_eq!(thread_step(heap + HUGE + 0x10, 0x55), None, "past");
        assert_eq!(thread_step(heap + HUGE - 0x40, 0x55), None, "no room");
        assert_eq!(thread_step(heap + 0xca8, 0x55), None, "not aligned");
    }

    #[test]
    fn both_give_their_own_result_and_run_at_once() {
        // Each waits for the other: done one after the other, the first would wait in vain (and
        // fail after a minute rather than hang the tests).
        let wait = std::time::Duration::from_secs(60);
        let (tx, rx) = std::sync::mpsc::channel();
        let (back, here) = std::sync::mpsc::channel();
        let (first, second) = both(
            move || {
                tx.send(1).unwrap();
                here.recv_timeout(wait).map_or(0, |got| got + 10)
            },
            move || {
                let got = rx.recv_timeout(wait).unwrap_or(0);
                let _ = back.send(2);
                got * 100
            },
        );
        assert_eq!((first, second), (12, 100), "run at once");
    }

    #[test]
    fn a_panic_in_the_first_goes_on_after_the_second_is_done() {
        let done = std::sync::atomic::AtomicBool::new(false);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            both(
                || -> u8 { panic!("kapot") },
                || done.store(true, std::sync::atomic::Ordering::SeqCst),
            )
        }));
        let panic = caught.expect_err("the panic goes on");
        assert_eq!(panic.downcast_ref::<&str>(), Some(&"kapot"));
        assert!(done.load(std::sync::atomic::Ordering::SeqCst));
    }

    #[test]
    fn a_heap_not_as_glibc_leaves_it_gets_no_step() {
        assert_eq!(first_step(0x1000, 0x2000), None);
        assert_eq!(first_step(0x1008, 0x800), None);
        assert_eq!(first_step(0x1000, 16), None);
        assert_eq!(first_step(usize::MAX - 15, 0x100), None);
    }
}
