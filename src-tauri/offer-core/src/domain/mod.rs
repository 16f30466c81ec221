//! Values and rules: what a problem, candidate, offer, package and pilot are,
//! and what makes one valid. Nothing here reads or writes the database.

pub mod candidate;
pub mod criteria;
pub mod date;
pub mod decimal;
pub mod evidence;
pub mod input;
pub mod money;
pub mod offer;
pub mod package;
pub mod pilot;
pub mod problem;
pub mod subject;
pub mod targets;
pub mod text;
pub mod version;
