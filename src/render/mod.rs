//! Stage 5: turns the site and its figures into output files, as bytes in memory.

pub mod csv;
pub mod json;

use crate::compute::Figures;
use crate::model::Site;

/// A file to write, with its path relative to the output folder (`/`-separated).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Every file of the built site.
pub fn render(site: &Site, figures: &Figures) -> Vec<OutputFile> {
    vec![
        OutputFile {
            path: "okrs.json".into(),
            bytes: json::to_bytes(site, figures),
        },
        OutputFile {
            path: "okrs.csv".into(),
            bytes: csv::to_bytes(site, figures),
        },
    ]
}
