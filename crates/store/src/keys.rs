//! The on-disk layout: sled tree names, key encodings and the record checksum. Nothing outside
//! this crate sees these. Codes and names here are part of the file format: never renumber.

use planner_core::{Id, ItemKind};
use serde::{Deserialize, Serialize};

/// The data trees. `meta` (schema version, generation, count, checksum) is kept apart: it
/// describes the data trees and is not counted in them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum T {
    /// account id -> Account
    Accounts,
    /// account id -> AccountSummary (derived; rebuilt by import and migrations)
    Summaries,
    /// plan id -> Plan
    Plans,
    /// account id ++ plan id -> empty (index: the plans of an account)
    AccountPlans,
    /// plan id ++ kind code ++ item id -> the item's own JSON (BuyingCenter, Contact...)
    Items,
    /// snapshot id -> Snapshot
    Snapshots,
    /// plan id ++ snapshot id -> SnapshotInfo (index: list snapshots without loading them)
    PlanSnapshots,
    /// offering id -> Offering
    Offerings,
    /// campaign id -> Campaign
    Campaigns,
    /// "settings" -> Settings
    Settings,
}

impl T {
    pub const ALL: [T; 10] = [
        T::Accounts,
        T::Summaries,
        T::Plans,
        T::AccountPlans,
        T::Items,
        T::Snapshots,
        T::PlanSnapshots,
        T::Offerings,
        T::Campaigns,
        T::Settings,
    ];

    pub fn name(self) -> &'static str {
        match self {
            T::Accounts => "accounts",
            T::Summaries => "summaries",
            T::Plans => "plans",
            T::AccountPlans => "account_plans",
            T::Items => "items",
            T::Snapshots => "snapshots",
            T::PlanSnapshots => "plan_snapshots",
            T::Offerings => "offerings",
            T::Campaigns => "campaigns",
            T::Settings => "settings",
        }
    }

    pub fn from_name(name: &str) -> Option<T> {
        T::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Mixed into each record's hash so the same bytes in two trees hash differently.
    pub fn code(self) -> u8 {
        match self {
            T::Accounts => 1,
            T::Summaries => 2,
            T::Plans => 3,
            T::AccountPlans => 4,
            T::Items => 5,
            T::Snapshots => 6,
            T::PlanSnapshots => 7,
            T::Offerings => 8,
            T::Campaigns => 9,
            T::Settings => 10,
        }
    }

    pub fn index(self) -> usize {
        self.code() as usize - 1
    }
}

pub(crate) const META_TREE: &str = "meta";
pub(crate) const META_KEY: &[u8] = b"meta";
pub(crate) const SETTINGS_KEY: &[u8] = b"settings";

/// What the meta tree holds, updated inside every write transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub(crate) struct Meta {
    pub schema_version: u32,
    /// +1 per committed write transaction. The manifest lags it by at most a second of edits;
    /// a store *behind* its manifest has lost acknowledged edits.
    pub generation: u64,
    pub record_count: u64,
    pub checksum: u64,
    /// When the last write transaction committed. Absent in stores written before it was
    /// kept; says "since when" when a store is found behind its manifest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_edit_at: Option<chrono::DateTime<chrono::Utc>>,
}

pub(crate) fn kind_code(kind: ItemKind) -> u8 {
    match kind {
        ItemKind::BuyingCenter => 1,
        ItemKind::Contact => 2,
        ItemKind::Line => 3,
        ItemKind::Objective => 4,
        ItemKind::Strategy => 5,
        ItemKind::Action => 6,
        ItemKind::Cell => 7,
        ItemKind::Opportunity => 8,
    }
}

pub(crate) fn kind_from_code(code: u8) -> Option<ItemKind> {
    ItemKind::ALL
        .iter()
        .copied()
        .find(|k| kind_code(*k) == code)
}

/// The `PlanContent` field that holds items of a kind (export files use these names).
pub(crate) fn kind_list(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::BuyingCenter => "buying_centers",
        ItemKind::Contact => "contacts",
        ItemKind::Line => "lines",
        ItemKind::Objective => "objectives",
        ItemKind::Strategy => "strategies",
        ItemKind::Action => "actions",
        ItemKind::Cell => "cells",
        ItemKind::Opportunity => "opportunities",
    }
}

pub(crate) fn id_key(id: Id) -> Vec<u8> {
    id.as_bytes().to_vec()
}

pub(crate) fn pair_key(a: Id, b: Id) -> Vec<u8> {
    let mut k = Vec::with_capacity(32);
    k.extend_from_slice(a.as_bytes());
    k.extend_from_slice(b.as_bytes());
    k
}

pub(crate) fn item_key(plan: Id, kind: ItemKind, id: Id) -> Vec<u8> {
    let mut k = Vec::with_capacity(33);
    k.extend_from_slice(plan.as_bytes());
    k.push(kind_code(kind));
    k.extend_from_slice(id.as_bytes());
    k
}

/// The second id of a 32-byte pair key, or the item id and kind of a 33-byte item key.
pub(crate) fn id_at(key: &[u8], offset: usize) -> Option<Id> {
    key.get(offset..offset + 16)
        .and_then(|b| Id::from_slice(b).ok())
}

/// One record's contribution to the store checksum: FNV-1a (64 bit) over the tree code, the key
/// length, the key and the value.
///
/// The store checksum is the wrapping *sum* of these over every record. A sum is independent of
/// order, so a write transaction updates it from the bytes it touches alone (sled hands back the
/// old value on insert and remove): an edit costs a few microseconds of hashing, and writing the
/// manifest never scans the store. At open the whole store is scanned once and the sum
/// recomputed, which catches records that sled reads back without complaint but that are not
/// what was written. FNV is not cryptographic; it does not need to be: it detects damage, not
/// tampering, and it needs no dependency.
pub(crate) fn record_hash(tree: T, key: &[u8], value: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(PRIME);
        }
    };
    eat(&[tree.code()]);
    eat(&(key.len() as u32).to_le_bytes());
    eat(key);
    eat(value);
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        for k in ItemKind::ALL {
            assert_eq!(kind_from_code(kind_code(*k)), Some(*k));
        }
        for (i, t) in T::ALL.iter().enumerate() {
            assert_eq!(t.index(), i);
            assert_eq!(T::from_name(t.name()), Some(*t));
        }
    }

    #[test]
    fn hash_depends_on_tree_key_and_value() {
        let a = record_hash(T::Accounts, b"k", b"v");
        assert_ne!(a, record_hash(T::Plans, b"k", b"v"));
        assert_ne!(a, record_hash(T::Accounts, b"k", b"w"));
        // The key length is hashed, so moving a byte from key to value changes the hash.
        assert_ne!(
            record_hash(T::Accounts, b"ab", b"c"),
            record_hash(T::Accounts, b"a", b"bc")
        );
    }
}
