//! Integration tests of the `okrs` command line: each test writes (or copies) a small
//! site, runs `okrs check` or `okrs build` on it, and checks what comes out — exit code,
//! diagnostics, and the figures of okrs.json — against what docs/ says.
//!
//! Fixtures live in `tests/fixtures/`: `good/` (every computation, figures worked out by
//! hand in `good_site.rs`), `broken/` (one file per error class), `lints/` (one file per
//! lint), `site/` (rendered pages, `site_pages.rs`), `cycle/` (a closed and a running quarter,
//! figures worked out by hand in `cycle.rs`) and `cycle-pages/` (the same cycle's pages,
//! `cycle_pages.rs`). Variants are written into temporary copies rather than more
//! fixture folders. `support.rs` writes, copies, checks and builds sites; `site.rs` reads a
//! built site back (its pages, links, search index and HTML); the `site_*` files test the
//! rendered site, one concern each.

mod as_of;
mod author;
mod broken_site;
mod build;
mod content;
mod cycle;
mod cycle_pages;
mod diagnostics;
mod edge_cases;
mod exit_codes;
mod good_site;
mod hostile;
mod hostile_serve;
mod lints;
mod outline;
mod properties;
mod qa_fixes;
mod reading;
mod samples;
mod scale;
mod search;
mod serve;
mod serve_incremental;
mod site;
mod site_determinism;
mod site_drafts;
mod site_escaping;
mod site_feed;
mod site_language;
mod site_links;
mod site_pages;
mod site_themes;
mod support;
mod zh_check;
mod zh_cli;
mod zh_load;
mod zh_qa;
mod zh_site;
