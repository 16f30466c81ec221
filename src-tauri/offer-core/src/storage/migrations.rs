//! The schema's history. Steps are only ever appended: a released step is never
//! edited, so every older file can be brought up to date.

use rusqlite_migration::{Migrations, M};

const STEPS: &[M<'static>] = &[
    M::up(include_str!("../../migrations/001_initial.sql")),
    M::up(include_str!("../../migrations/002_settings.sql")),
    M::up(include_str!("../../migrations/003_dismissals.sql")),
    M::up(include_str!("../../migrations/004_evidence.sql")),
    M::up(include_str!("../../migrations/005_plans.sql")),
    M::up(include_str!("../../migrations/006_problems_and_versions.sql")),
];

/// The schema version this build writes.
pub const LATEST: i64 = STEPS.len() as i64;

pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(STEPS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        assert!(super::migrations().validate().is_ok());
    }
}
