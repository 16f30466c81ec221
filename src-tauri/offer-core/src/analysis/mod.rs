//! Pure computations on domain values: the comparison and its robustness,
//! the Fermi estimate, the package economics, duplicate search in the inbox,
//! and the seeded random numbers they use. Nothing here reads the database.

pub mod compare;
pub mod economics;
pub mod fermi;
pub mod focus;
pub mod inbox;
pub mod rng;
pub mod robustness;
