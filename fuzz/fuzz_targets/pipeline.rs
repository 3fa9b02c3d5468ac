//! A small site, from arbitrary bytes, through analysis to every rendered page.
#![no_main]

// Each target calls one of the harness's functions; the replay test calls both.
#[allow(dead_code)]
#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::pipeline(data));
