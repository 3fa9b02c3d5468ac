//! The `okrs` binary: the command line is read and run by the library (`okrs::cli`),
//! which maps the outcome to the exit code (0 success, 1 content errors, 2 wrong usage).

use std::process::ExitCode;

/// A build allocates and frees many small values on every core; jemalloc spends about
/// half the time the system allocator does on that (docs/performance.md).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    // Parsing and rendering walk nested structures recursively on rayon's threads; give
    // them the stack a main thread has. (Failing to set it leaves rayon's default.)
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(8 << 20)
        .build_global();
    okrs::cli::run(std::env::args_os().collect())
}
