//! Schema migrations. Each migration rewrites single records as JSON values, so the same code
//! upgrades a store and an old export file (a backup taken by an older version), and nothing
//! here depends on today's Rust types: a migration from version N produces version N+1's shapes
//! even after the types have moved on. Derived data (account summaries) is not migrated: the
//! store rebuilds it from the migrated records with today's code.
//!
//! ## History
//! - **1**: accounts had no `renewals` and no `segmentation`; a contact had at most one dotted-
//!   line manager (`dotted_line_to: Option<Id>`); there was no summary tree (the portfolio list
//!   loaded every plan).
//! - **2**: renewals and segmentation on accounts, any number of dotted-line managers, and the
//!   summary tree so 10,000 accounts list without reading a plan.
//! - **3**: a renewal may name the buying center whose revenue it is part of; the gap to goal
//!   in the summaries follows the forecast for the plan period (recurring base + won in the
//!   period + weighted pipeline closing in it), so every summary is rebuilt.

use crate::keys::kind_list;
use planner_core::ItemKind;
use serde_json::{json, Map, Value};

/// The schema version this build writes. Stores and exports with a lower one are migrated,
/// a higher one is refused (`StoreError::NewerSchema`).
pub const SCHEMA_VERSION: u32 = 3;

/// Which record a JSON value is (migrations branch on it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Record {
    Account,
    Plan,
    Item(ItemKind),
    Offering,
    Campaign,
    Settings,
}

pub(crate) struct Migration {
    /// Upgrades records from this version to `from + 1`.
    pub from: u32,
    pub what: &'static str,
    pub record: fn(Record, &mut Value) -> Result<(), String>,
}

/// In order; `MIGRATIONS[i].from == i + 1` (checked by a test).
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        from: 1,
        what: "renewals and segmentation on accounts; several dotted-line managers per contact",
        record: v1_to_v2,
    },
    Migration {
        from: 2,
        what: "renewals name their buying center; summaries follow the forecast",
        record: v2_to_v3,
    },
];

fn object<'a>(v: &'a mut Value, what: &str) -> Result<&'a mut Map<String, Value>, String> {
    v.as_object_mut()
        .ok_or_else(|| format!("a stored {what} is not a JSON object"))
}

fn v1_to_v2(record: Record, v: &mut Value) -> Result<(), String> {
    match record {
        Record::Account => {
            let a = object(v, "account")?;
            a.entry("renewals").or_insert_with(|| json!([]));
            // Version 2's default criteria, written out: later versions may change the type.
            a.entry("segmentation").or_insert_with(|| {
                let dim = |names: [&str; 3]| {
                    Value::Array(
                        names
                            .iter()
                            .map(|n| json!({"criterion": n, "score": null, "note": ""}))
                            .collect(),
                    )
                };
                json!({
                    "need": dim(["Share of its portfolio our offerings cover",
                                 "Alignment with our growth areas", "Service intensity"]),
                    "value": dim(["Current revenue", "Total opportunity", "Margin mix"]),
                    "behavior": dim(["Buyer empowerment", "Progressiveness", "Process maturity"]),
                })
            });
        }
        Record::Item(ItemKind::Contact) => {
            let c = object(v, "contact")?;
            let dotted = match c.remove("dotted_line_to") {
                None | Some(Value::Null) => vec![],
                Some(Value::Array(list)) => list,
                Some(id @ Value::String(_)) => vec![id],
                Some(other) => return Err(format!("a contact's dotted-line manager is {other}")),
            };
            c.insert("dotted_line_to".into(), Value::Array(dotted));
        }
        _ => {}
    }
    Ok(())
}

fn v2_to_v3(record: Record, v: &mut Value) -> Result<(), String> {
    if record == Record::Account {
        let a = object(v, "account")?;
        if let Some(Value::Array(renewals)) = a.get_mut("renewals") {
            for r in renewals {
                object(r, "renewal")?
                    .entry("buying_center_id")
                    .or_insert(Value::Null);
            }
        }
    }
    Ok(())
}

/// Apply the migrations from `from` up to `SCHEMA_VERSION` to one record.
pub(crate) fn record(from: u32, kind: Record, v: &mut Value) -> Result<(), String> {
    for m in MIGRATIONS.iter().filter(|m| m.from >= from) {
        (m.record)(kind, v)
            .map_err(|e| format!("{e} (upgrading to version {}: {})", m.from + 1, m.what))?;
    }
    Ok(())
}

/// Migrate a plan content object (`{"buying_centers": [...], ...}`) in place.
pub(crate) fn content(from: u32, v: &mut Value) -> Result<(), String> {
    let c = object(v, "plan content")?;
    for kind in ItemKind::ALL {
        if let Some(Value::Array(list)) = c.get_mut(kind_list(*kind)) {
            for item in list {
                record(from, Record::Item(*kind), item)?;
            }
        }
    }
    Ok(())
}

/// A snapshot holds a frozen account, plan and content: migrate each part.
pub(crate) fn snapshot(from: u32, v: &mut Value) -> Result<(), String> {
    let s = object(v, "snapshot")?;
    if let Some(a) = s.get_mut("account") {
        record(from, Record::Account, a)?;
    }
    if let Some(p) = s.get_mut("plan") {
        record(from, Record::Plan, p)?;
    }
    if let Some(c) = s.get_mut("content") {
        content(from, c)?;
    }
    Ok(())
}

/// Migrate a whole export document of version `from` to `SCHEMA_VERSION`.
pub(crate) fn export(from: u32, v: &mut Value) -> Result<(), String> {
    let doc = object(v, "export")?;
    if let Some(Value::Array(accounts)) = doc.get_mut("accounts") {
        for a in accounts {
            if let Some(acc) = a.get_mut("account") {
                record(from, Record::Account, acc)?;
            }
            if let Some(Value::Array(plans)) = a.get_mut("plans") {
                for p in plans {
                    if let Some(plan) = p.get_mut("plan") {
                        record(from, Record::Plan, plan)?;
                    }
                    if let Some(c) = p.get_mut("content") {
                        content(from, c)?;
                    }
                    if let Some(Value::Array(snaps)) = p.get_mut("snapshots") {
                        for s in snaps {
                            snapshot(from, s)?;
                        }
                    }
                }
            }
        }
    }
    for (list, kind) in [
        ("offerings", Record::Offering),
        ("campaigns", Record::Campaign),
    ] {
        if let Some(Value::Array(items)) = doc.get_mut(list) {
            for i in items {
                record(from, kind, i)?;
            }
        }
    }
    if let Some(s) = doc.get_mut("settings") {
        record(from, Record::Settings, s)?;
    }
    doc.insert("version".into(), json!(SCHEMA_VERSION));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_form_an_unbroken_chain() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.from, i as u32 + 1, "{}", m.what);
        }
        assert_eq!(MIGRATIONS.len() as u32 + 1, SCHEMA_VERSION);
    }

    #[test]
    fn v2_renewals_get_no_buying_center_and_keep_the_rest() {
        let mut a = json!({"name": "A", "renewals": [
            {"description": "Telematics", "annual_value": 100},
            {"description": "Set", "buying_center_id": "5f0c6c58-3c2e-4a4e-9a57-1d5a3f0a3b11"}
        ]});
        record(2, Record::Account, &mut a).unwrap();
        assert_eq!(a["renewals"][0]["buying_center_id"], Value::Null);
        assert_eq!(a["renewals"][0]["annual_value"], 100);
        assert_eq!(
            a["renewals"][1]["buying_center_id"],
            "5f0c6c58-3c2e-4a4e-9a57-1d5a3f0a3b11"
        );
        // A version-3 record is not touched by the chain.
        let mut b = json!({"name": "B", "renewals": [{"description": "x"}]});
        record(3, Record::Account, &mut b).unwrap();
        assert!(b["renewals"][0].get("buying_center_id").is_none());
    }

    #[test]
    fn v1_contact_gets_a_list_of_dotted_lines() {
        let id = "5f0c6c58-3c2e-4a4e-9a57-1d5a3f0a3b11";
        let mut c = json!({"name": "A", "dotted_line_to": id});
        record(1, Record::Item(ItemKind::Contact), &mut c).unwrap();
        assert_eq!(c["dotted_line_to"], json!([id]));
        let mut c = json!({"name": "A", "dotted_line_to": null});
        record(1, Record::Item(ItemKind::Contact), &mut c).unwrap();
        assert_eq!(c["dotted_line_to"], json!([]));
        // Already migrated: unchanged.
        let mut c = json!({"name": "A", "dotted_line_to": [id]});
        record(1, Record::Item(ItemKind::Contact), &mut c).unwrap();
        assert_eq!(c["dotted_line_to"], json!([id]));
    }

    #[test]
    fn v1_account_default_criteria_match_the_core() {
        let mut a = json!({});
        record(1, Record::Account, &mut a).unwrap();
        let expected =
            serde_json::to_value(planner_core::segmentation::default_criteria()).unwrap();
        assert_eq!(a["segmentation"], expected);
        assert_eq!(a["renewals"], json!([]));
    }
}
