//! Helpers for tests and fixtures only (hidden from the docs). Not part of the app's API.

use crate::error::{from_sled, Result, StoreError};
use crate::keys::{record_hash, Meta, META_KEY, META_TREE, T};
use crate::manifest::{self, Manifest};
use crate::store::DB_DIR;
use std::path::Path;

/// Write a store the way an older build of the app would have: the given records, inserted raw
/// (tree name, key bytes, JSON value bytes) at `schema_version`, with the meta record and the
/// manifest that build kept. Used to make fixtures of old schema versions for migration tests.
pub fn write_raw_store(
    dir: &Path,
    schema_version: u32,
    records: &[(String, Vec<u8>, Vec<u8>)],
) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::io("create the fixture folder", e))?;
    let db = sled::open(dir.join(DB_DIR)).map_err(from_sled)?;
    let mut meta = Meta {
        schema_version,
        generation: 1,
        ..Meta::default()
    };
    for (tree, key, value) in records {
        let t = T::from_name(tree)
            .ok_or_else(|| StoreError::Engine(format!("unknown tree {tree:?} in a fixture")))?;
        if db
            .open_tree(tree)
            .and_then(|tr| tr.insert(key.as_slice(), value.as_slice()))
            .map_err(from_sled)?
            .is_some()
        {
            return Err(StoreError::Engine(
                "a key appears twice in a fixture".into(),
            ));
        }
        meta.record_count += 1;
        meta.checksum = meta.checksum.wrapping_add(record_hash(t, key, value));
    }
    let bytes = serde_json::to_vec(&meta).map_err(|e| StoreError::serde("meta", e))?;
    db.open_tree(META_TREE)
        .and_then(|m| m.insert(META_KEY, bytes))
        .map_err(from_sled)?;
    db.flush().map_err(from_sled)?;
    drop(db);
    manifest::write(dir, &Manifest::new(&meta, None))
}
