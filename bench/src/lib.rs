//! Shared pieces of the benchmark (`consigne-bench`) and the durability battery (`durability`).
