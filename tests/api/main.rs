//! The integration suite: one test binary, the real application on port 0 with a fresh data
//! directory per test, spoken to over HTTP like any client.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts;
mod agenda;
mod assembled;
mod auth;
mod authz;
mod backup;
mod blobstore;
mod bombs;
mod canary;
mod casefile;
mod cli;
mod compression;
mod document_types;
mod documents;
mod field;
mod followups;
mod guards;
mod hardening;
mod helpers;
mod household;
mod instances;
mod interop;
mod items;
mod jobs;
mod journal_pictures;
mod limits;
mod links;
mod lists;
mod matrix;
mod members;
mod memory;
mod memory_bounds;
mod notices;
mod one_transaction;
mod pages;
mod people;
mod postgres;
mod preview;
mod print;
mod procedures;
mod reminders;
mod resets;
mod rewrap;
mod scan;
mod simulations;
mod simulator;
mod sms;
mod snapshots;
mod stats;
mod storage_migration;
mod throttling;
mod uploads;
