//! Consigne: a solidarity digital safe. The crate is layered (see `docs/architecture.md`):
//! `web` -> `service` -> (`policy`, `domain`, `consigne_vault`, `store`). A dependency only
//! points downwards.

pub mod backup;
pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod domain;
pub mod email;
pub mod i18n;
pub mod policy;
pub mod service;
pub mod sms;
pub mod store;
pub mod tsa;
pub mod web;

#[cfg(test)]
mod layering;
