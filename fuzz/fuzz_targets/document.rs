//! One file of any kind, from arbitrary bytes: front-matter splitting and reading.
#![no_main]

// Each target calls one of the harness's functions; the replay test calls both.
#[allow(dead_code)]
#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::document(data));
