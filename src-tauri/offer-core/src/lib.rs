//! Offerwright's core: the domain model of a niche offer, its storage in one
//! SQLite file, and the analysis built on it. Nothing here knows about Tauri,
//! so it builds and tests without a webview.

pub mod analysis;
pub mod candidate;
pub mod compare;
pub mod criteria;
pub mod date;
pub mod decimal;
pub mod economics;
pub mod error;
pub mod evidence;
pub mod examples;
pub mod exchange;
pub mod fermi;
pub mod focus;
pub mod inbox;
pub mod input;
pub mod jsonpath;
pub mod lang;
pub mod money;
pub mod offer;
pub mod onepager;
pub mod path;
pub mod pilot;
pub mod plan;
pub mod problem;
pub mod rng;
pub mod robustness;
pub mod storage;
pub mod text;
pub mod version;

pub use error::{CoreError, ErrorCode, ValidationError, ValidationKind};
pub use lang::Lang;
pub use storage::Database;
