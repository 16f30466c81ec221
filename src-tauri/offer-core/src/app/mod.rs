//! Use cases, one module per area of the app: each reads or writes the
//! database and returns what the screen, the CLI or the printed page shows.
//! The Tauri shell and the CLI call these.

pub mod candidates;
pub mod compare;
pub mod criteria;
pub mod data;
pub mod examples;
pub mod exchange;
pub mod focus;
pub mod guide;
pub mod jsonpath;
pub mod offers;
pub mod onepager;
pub mod plan;
pub mod problems;
pub mod settings;
pub mod target_income;
pub mod versions;
