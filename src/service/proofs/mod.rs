//! Proofs a structure gives a person (issue 16): its `profile` (what its papers print),
//! `domiciliation` decisions with the official forms filled from them (`cerfa`), and
//! `hosting` certificates. Each paper lands in her safe, added in the structure's name.

pub(crate) mod cerfa;
pub mod domiciliation;
pub mod hosting;
pub mod profile;
