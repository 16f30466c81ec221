//! Offerwright's core: the domain model of a niche offer, its storage in one
//! SQLite file, and the analysis built on it. Nothing here knows about Tauri,
//! so it builds and tests without a webview.

pub mod analysis;
pub mod app;
pub mod domain;
pub mod error;
pub mod file_problem;
pub mod lang;
pub mod locales;
pub mod storage;

pub use error::{CoreError, ErrorCode, ValidationError, ValidationKind};
pub use lang::Lang;
pub use storage::Database;
