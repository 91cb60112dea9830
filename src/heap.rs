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
    fn a_heap_not_as_glibc_leaves_it_gets_no_step() {
        assert_eq!(first_step(0x1000, 0x2000), None);
        assert_eq!(first_step(0x1008, 0x800), None);
        assert_eq!(first_step(0x1000, 16), None);
        assert_eq!(first_step(usize::MAX - 15, 0x100), None);
    }
}
