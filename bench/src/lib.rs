//! Shared pieces of the benchmark (`consigne-bench`) and the durability battery (`durability`).

pub mod generate;
// The benchmark runner: load generator, server observation, references, scenarios, report.
pub mod load;
pub mod reference;
pub mod report;
pub mod scenarios;
pub mod server;
