//! Integration tests of the plan store. One test binary; some tests re-run this binary as a
//! child process (lock held elsewhere, SIGKILL during edits).

mod api;
mod backups;
mod common;
mod corruption;
mod crash;
mod durability;
mod lock;
mod manifest;
mod migration;
mod recovery;
mod scale;
mod transfer;
