//! Renders the offer one-pager to PDF (to print and hand out) and SVG (the
//! on-screen preview of the same document) with Typst as a library. The
//! compiler sees only the bundled template, the page's data and fonts; user
//! text travels as JSON data and is placed as text, never read as markup.

mod breaks;
mod error;
mod fit;
mod fonts;
mod world;

pub use error::RenderError;
pub use fit::{render, Paper, Rendered, FLOOR_PT, START_PT};
pub use fonts::Fonts;
