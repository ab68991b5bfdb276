//! The typed API: accounts, plans, edits, snapshots, catalogs and settings.

use crate::error::{from_sled, Result, StoreError};
use crate::keys::{id_at, id_key, item_key, kind_from_code, pair_key, SETTINGS_KEY, T};
use crate::store::{Ops, Store};
use crate::types::*;
use planner_core::segmentation::{validate_profiles, validate_thresholds, validate_weights};
use planner_core::view::AccountSummary;
use planner_core::*;
use serde::de::DeserializeOwned;
use std::collections::HashSet;

pub(crate) fn decode<V: DeserializeOwned>(bytes: &[u8], what: &str) -> Result<V> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::serde(format!("a stored {what}"), e))
}

pub(crate) fn decode_item(kind: ItemKind, bytes: &[u8]) -> Result<PlanItem> {
    let what = kind.label();
    Ok(match kind {
        ItemKind::BuyingCenter => PlanItem::BuyingCenter(decode(bytes, what)?),
        ItemKind::Contact => PlanItem::Contact(decode(bytes, what)?),
        ItemKind::Line => PlanItem::Line(decode(bytes, what)?),
        ItemKind::Objective => PlanItem::Objective(decode(bytes, what)?),
        ItemKind::Strategy => PlanItem::Strategy(decode(bytes, what)?),
        ItemKind::Action => PlanItem::Action(decode(bytes, what)?),
        ItemKind::Cell => PlanItem::Cell(decode(bytes, what)?),
        ItemKind::Opportunity => PlanItem::Opportunity(decode(bytes, what)?),
    })
}

/// Items are stored as their own JSON (the kind is in the key), not as the tagged `PlanItem`.
pub(crate) fn put_item(ops: &mut Ops, plan_id: Id, item: &PlanItem) -> Result<()> {
    let key = item_key(plan_id, item.kind(), item.id());
    match item {
        PlanItem::BuyingCenter(x) => ops.put(T::Items, key, x),
        PlanItem::Contact(x) => ops.put(T::Items, key, x),
        PlanItem::Line(x) => ops.put(T::Items, key, x),
        PlanItem::Objective(x) => ops.put(T::Items, key, x),
        PlanItem::Strategy(x) => ops.put(T::Items, key, x),
        PlanItem::Action(x) => ops.put(T::Items, key, x),
        PlanItem::Cell(x) => ops.put(T::Items, key, x),
        PlanItem::Opportunity(x) => ops.put(T::Items, key, x),
    }
}

fn not_found(what: &str) -> StoreError {
    StoreError::NotFound(what.into())
}

fn conflict(field: &str, message: &str) -> StoreError {
    StoreError::from(CoreError::conflict(field, message))
}

impl Store {
    pub(crate) fn get<V: DeserializeOwned>(
        &self,
        t: T,
        key: &[u8],
        what: &str,
    ) -> Result<Option<V>> {
        match self.tree(t).get(key).map_err(from_sled)? {
            Some(bytes) => Ok(Some(decode(&bytes, what)?)),
            None => Ok(None),
        }
    }

    pub(crate) fn contains(&self, t: T, key: &[u8]) -> Result<bool> {
        self.tree(t).contains_key(key).map_err(from_sled)
    }

    /// Every value of a tree, in key order.
    pub(crate) fn values<V: DeserializeOwned>(&self, t: T, what: &str) -> Result<Vec<V>> {
        self.tree(t)
            .iter()
            .values()
            .map(|v| decode(&v.map_err(from_sled)?, what))
            .collect()
    }

    // ----- accounts -----

    /// The portfolio list, in account-id order. Reads only the summary tree (one small record
    /// per account) and never a plan.
    ///
    /// Decoding 10,000 summaries (~10 MB of JSON) costs ~30 ms on this machine, most of the
    /// 50 ms budget, so the first call keeps the decoded summaries in memory and later calls
    /// return a copy (~10 ms for 10,000). Every write goes through `commit`, which updates the
    /// copy from the very bytes it wrote, under the writer lock, so it cannot go stale.
    pub fn summaries(&self) -> Result<Vec<AccountSummary>> {
        if let Some(cached) = self.cached_summaries() {
            return Ok(cached);
        }
        // Fill under the writer lock: no commit can slip in between reading the tree and
        // installing the copy. (Lock order: writer, then cache; `commit` does the same.)
        let _w = self.writer();
        self.summaries_locked()
    }

    fn cached_summaries(&self) -> Option<Vec<AccountSummary>> {
        self.summary_cache
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .map(|c| c.values().cloned().collect())
    }

    /// `summaries` for a caller that holds the writer lock (an `edit`).
    fn summaries_locked(&self) -> Result<Vec<AccountSummary>> {
        let mut cache = self
            .summary_cache
            .write()
            .unwrap_or_else(|p| p.into_inner());
        if cache.is_none() {
            let mut map = std::collections::BTreeMap::new();
            for kv in self.tree(T::Summaries).iter() {
                let (k, v) = kv.map_err(from_sled)?;
                map.insert(k.to_vec(), decode::<AccountSummary>(&v, "account summary")?);
            }
            *cache = Some(map);
        }
        Ok(cache
            .as_ref()
            .map(|c| c.values().cloned().collect())
            .unwrap_or_default())
    }

    /// How many transactions the store has committed: every write moves it by exactly one.
    pub fn generation(&self) -> u64 {
        self.writer().meta.generation
    }

    /// Run one use case as ONE transaction. `f` reads the store and validates while the writer
    /// lock is held, so nothing can change between its checks and the write; the writes it
    /// stages on the `Tx` are committed together (and flushed) only when it returns `Ok`. An
    /// error, or a panic, leaves the store as it was. Reads inside `f` see the store as it was
    /// before the edit, not the writes staged so far. An `f` that stages nothing commits
    /// nothing.
    pub fn edit<R, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&mut Tx<'_>) -> std::result::Result<R, E>,
    ) -> std::result::Result<R, E> {
        let mut w = self.writer();
        let mut tx = Tx {
            store: self,
            ops: Ops::default(),
            new_accounts: HashSet::new(),
            new_plans: HashSet::new(),
        };
        let result = f(&mut tx)?;
        if !tx.ops.0.is_empty() {
            self.commit(&mut w, &tx.ops, None)?;
        }
        Ok(result)
    }

    pub fn account(&self, id: Id) -> Result<Option<Account>> {
        self.get(T::Accounts, &id_key(id), "account")
    }

    /// Deletes for every record of an account (not its campaign targets).
    pub(crate) fn delete_account_ops(&self, ops: &mut Ops, id: Id) -> Result<()> {
        ops.del(T::Accounts, id_key(id));
        ops.del(T::Summaries, id_key(id));
        for plan_id in self.plan_ids(id)? {
            ops.del(T::AccountPlans, pair_key(id, plan_id));
            ops.del(T::Plans, id_key(plan_id));
            for k in self.tree(T::Items).scan_prefix(plan_id.as_bytes()).keys() {
                ops.del(T::Items, k.map_err(from_sled)?.to_vec());
            }
            for k in self
                .tree(T::PlanSnapshots)
                .scan_prefix(plan_id.as_bytes())
                .keys()
            {
                let k = k.map_err(from_sled)?;
                if let Some(snapshot_id) = id_at(&k, 16) {
                    ops.del(T::Snapshots, id_key(snapshot_id));
                }
                ops.del(T::PlanSnapshots, k.to_vec());
            }
        }
        Ok(())
    }

    /// Writes for an account and all it holds (upserts: the caller deletes what must go first).
    pub(crate) fn account_ops(
        ops: &mut Ops,
        account: &Account,
        summary: Option<&AccountSummary>,
        plans: &[PlanExport],
    ) -> Result<()> {
        ops.put(T::Accounts, id_key(account.id), account)?;
        if let Some(s) = summary {
            ops.put(T::Summaries, id_key(account.id), s)?;
        }
        for p in plans {
            ops.put(T::Plans, id_key(p.plan.id), &p.plan)?;
            ops.put_raw(T::AccountPlans, pair_key(account.id, p.plan.id), Vec::new());
            for item in p.content.clone().into_items() {
                put_item(ops, p.plan.id, &item)?;
            }
            for s in &p.snapshots {
                ops.put(T::Snapshots, id_key(s.id), s)?;
                ops.put(
                    T::PlanSnapshots,
                    pair_key(p.plan.id, s.id),
                    &SnapshotInfo::from(s),
                )?;
            }
        }
        Ok(())
    }

    // ----- plans -----

    fn plan_ids(&self, account_id: Id) -> Result<Vec<Id>> {
        self.tree(T::AccountPlans)
            .scan_prefix(account_id.as_bytes())
            .keys()
            .map(|k| {
                let k = k.map_err(from_sled)?;
                id_at(&k, 16).ok_or_else(|| StoreError::Engine("a malformed plan index key".into()))
            })
            .collect()
    }

    /// The plans of an account, ordered by `starts_on` (then id, so the order is stable).
    pub fn plans(&self, account_id: Id) -> Result<Vec<Plan>> {
        let mut plans = Vec::new();
        for id in self.plan_ids(account_id)? {
            if let Some(p) = self.plan(id)? {
                plans.push(p);
            }
        }
        plans.sort_by(|a, b| a.starts_on.cmp(&b.starts_on).then(a.id.cmp(&b.id)));
        Ok(plans)
    }

    pub fn plan(&self, plan_id: Id) -> Result<Option<Plan>> {
        self.get(T::Plans, &id_key(plan_id), "plan")
    }

    /// Everything inside a plan, read record by record and assembled with
    /// `PlanContent::from_items`. One prefix scan of the item tree.
    pub fn plan_content(&self, plan_id: Id) -> Result<PlanContent> {
        if !self.contains(T::Plans, &id_key(plan_id))? {
            return Err(not_found("That plan"));
        }
        let mut items = Vec::new();
        for kv in self.tree(T::Items).scan_prefix(plan_id.as_bytes()) {
            let (k, v) = kv.map_err(from_sled)?;
            let kind = k
                .get(16)
                .copied()
                .and_then(kind_from_code)
                .ok_or_else(|| StoreError::Engine("a malformed plan item key".into()))?;
            items.push(decode_item(kind, &v)?);
        }
        Ok(PlanContent::from_items(items))
    }

    pub(crate) fn plan_export(&self, plan: Plan) -> Result<PlanExport> {
        let content = self.plan_content(plan.id)?;
        let mut snapshots = Vec::new();
        for info in self.snapshots(plan.id)? {
            if let Some(s) = self.snapshot(info.id)? {
                snapshots.push(s);
            }
        }
        Ok(PlanExport {
            plan,
            content,
            snapshots,
        })
    }

    // ----- snapshots -----

    /// The snapshots of a plan, newest first, without their (large) frozen copies.
    pub fn snapshots(&self, plan_id: Id) -> Result<Vec<SnapshotInfo>> {
        let mut out: Vec<SnapshotInfo> = self
            .tree(T::PlanSnapshots)
            .scan_prefix(plan_id.as_bytes())
            .values()
            .map(|v| decode(&v.map_err(from_sled)?, "snapshot entry"))
            .collect::<Result<_>>()?;
        out.sort_by(|a, b| b.taken_on.cmp(&a.taken_on).then(b.id.cmp(&a.id)));
        Ok(out)
    }

    pub fn snapshot(&self, id: Id) -> Result<Option<Snapshot>> {
        self.get(T::Snapshots, &id_key(id), "snapshot")
    }

    // ----- catalogs -----

    /// The offering catalog, by family then name.
    pub fn offerings(&self) -> Result<Vec<Offering>> {
        let mut v: Vec<Offering> = self.values(T::Offerings, "offering")?;
        v.sort_by(|a, b| {
            (a.family.to_lowercase(), a.name.to_lowercase(), a.id).cmp(&(
                b.family.to_lowercase(),
                b.name.to_lowercase(),
                b.id,
            ))
        });
        Ok(v)
    }

    /// All campaigns, by start date then name.
    pub fn campaigns(&self) -> Result<Vec<Campaign>> {
        let mut v: Vec<Campaign> = self.values(T::Campaigns, "campaign")?;
        v.sort_by(|a, b| {
            (a.starts_on, a.name.to_lowercase(), a.id).cmp(&(
                b.starts_on,
                b.name.to_lowercase(),
                b.id,
            ))
        });
        Ok(v)
    }

    /// The campaigns aimed at an account (campaigns are few: a scan is fine).
    pub fn campaigns_for(&self, account_id: Id) -> Result<Vec<Campaign>> {
        Ok(self
            .campaigns()?
            .into_iter()
            .filter(|c| c.targets.iter().any(|t| t.account_id == account_id))
            .collect())
    }

    // ----- settings -----

    /// The segmentation settings, or the defaults if none were saved.
    pub fn settings(&self) -> Result<Settings> {
        Ok(self
            .get(T::Settings, SETTINGS_KEY, "settings")?
            .unwrap_or_default())
    }
}

/// The writes of the store, one use case at a time. Each is one transaction: the shorthand on
/// `Store` runs it through `edit` alone; a use case that writes several things stages them
/// all on one `Tx` inside `Store::edit`.
impl Store {
    /// Create or replace an account together with its refreshed summary.
    pub fn put_account(&self, account: &Account, summary: &AccountSummary) -> Result<()> {
        self.edit(|tx| tx.put_account(account, summary))
    }

    /// See `Tx::delete_account`.
    pub fn delete_account(&self, id: Id) -> Result<DeletedAccount> {
        self.edit(|tx| tx.delete_account(id))
    }

    /// Undo `delete_account`: put everything back (idempotent).
    pub fn restore_account(&self, deleted: &DeletedAccount) -> Result<()> {
        self.edit(|tx| tx.restore_account(deleted))
    }

    /// See `Tx::create_plan`.
    pub fn create_plan(
        &self,
        plan: &Plan,
        content: &PlanContent,
        summary: &AccountSummary,
    ) -> Result<()> {
        self.edit(|tx| tx.create_plan(plan, content, summary))
    }

    /// See `Tx::put_plan`.
    pub fn put_plan(&self, plan: &Plan) -> Result<()> {
        self.edit(|tx| tx.put_plan(plan))
    }

    /// See `Tx::apply`.
    pub fn apply(&self, edit: &Edit) -> Result<()> {
        self.edit(|tx| tx.apply(edit))
    }

    /// Store a frozen copy of a plan (taken at a QBR). The plan must exist.
    pub fn put_snapshot(&self, s: &Snapshot) -> Result<()> {
        self.edit(|tx| tx.put_snapshot(s))
    }

    pub fn put_offering(&self, o: &Offering) -> Result<()> {
        self.edit(|tx| tx.put_offering(o))
    }

    pub fn put_campaign(&self, c: &Campaign) -> Result<()> {
        self.edit(|tx| tx.put_campaign(c))
    }

    pub fn delete_campaign(&self, id: Id) -> Result<()> {
        self.edit(|tx| tx.delete_campaign(id))
    }

    pub fn put_settings(&self, s: &Settings) -> Result<()> {
        self.edit(|tx| tx.put_settings(s))
    }
}

/// One edit in progress, handed to the closure of `Store::edit` while the writer lock is held.
/// Reads see the committed store (nothing can change it meanwhile); writes are staged and
/// committed together when the closure returns `Ok`. Existence checks of the writes also see
/// the accounts and plans staged earlier in the same edit (an account created with its plan).
pub struct Tx<'a> {
    pub(crate) store: &'a Store,
    pub(crate) ops: Ops,
    pub(crate) new_accounts: HashSet<Id>,
    pub(crate) new_plans: HashSet<Id>,
}

impl Tx<'_> {
    // ----- reads (the committed state) -----

    pub fn account(&self, id: Id) -> Result<Option<Account>> {
        self.store.account(id)
    }

    pub fn plans(&self, account_id: Id) -> Result<Vec<Plan>> {
        self.store.plans(account_id)
    }

    pub fn plan(&self, plan_id: Id) -> Result<Option<Plan>> {
        self.store.plan(plan_id)
    }

    pub fn plan_content(&self, plan_id: Id) -> Result<PlanContent> {
        self.store.plan_content(plan_id)
    }

    pub fn snapshot(&self, id: Id) -> Result<Option<Snapshot>> {
        self.store.snapshot(id)
    }

    pub fn offerings(&self) -> Result<Vec<Offering>> {
        self.store.offerings()
    }

    pub fn campaigns(&self) -> Result<Vec<Campaign>> {
        self.store.campaigns()
    }

    pub fn campaigns_for(&self, account_id: Id) -> Result<Vec<Campaign>> {
        self.store.campaigns_for(account_id)
    }

    pub fn settings(&self) -> Result<Settings> {
        self.store.settings()
    }

    pub fn summaries(&self) -> Result<Vec<AccountSummary>> {
        // `Store::summaries` would take the writer lock, which this edit holds.
        self.store.summaries_locked()
    }

    fn account_exists(&self, id: Id) -> Result<bool> {
        Ok(self.new_accounts.contains(&id) || self.store.contains(T::Accounts, &id_key(id))?)
    }

    fn plan_exists(&self, id: Id) -> Result<bool> {
        Ok(self.new_plans.contains(&id) || self.store.contains(T::Plans, &id_key(id))?)
    }

    // ----- writes (staged) -----

    /// Create or replace an account together with its refreshed summary.
    pub fn put_account(&mut self, account: &Account, summary: &AccountSummary) -> Result<()> {
        if summary.id != account.id {
            return Err(conflict(
                "summary",
                "The summary belongs to another account",
            ));
        }
        self.ops.put(T::Accounts, id_key(account.id), account)?;
        self.ops.put(T::Summaries, id_key(account.id), summary)?;
        self.new_accounts.insert(account.id);
        Ok(())
    }

    /// Remove an account with its plans, their items and snapshots, and its summary. Campaigns
    /// stay but lose their target on this account (kept in the result, so `restore_account`
    /// can put it back). The result is everything an undo needs.
    pub fn delete_account(&mut self, id: Id) -> Result<DeletedAccount> {
        let store = self.store;
        let account = store
            .account(id)?
            .ok_or_else(|| not_found("That account"))?;
        let summary = store.get(T::Summaries, &id_key(id), "account summary")?;
        let plans = store
            .plans(id)?
            .into_iter()
            .map(|p| store.plan_export(p))
            .collect::<Result<Vec<_>>>()?;
        store.delete_account_ops(&mut self.ops, id)?;
        let mut campaign_targets = Vec::new();
        for mut c in store.campaigns()? {
            if let Some(i) = c.targets.iter().position(|t| t.account_id == id) {
                campaign_targets.push((c.id, c.targets.remove(i)));
                self.ops.put(T::Campaigns, id_key(c.id), &c)?;
            }
        }
        Ok(DeletedAccount {
            account,
            summary,
            plans,
            campaign_targets,
        })
    }

    /// Put back what `delete_account` removed (idempotent).
    pub fn restore_account(&mut self, deleted: &DeletedAccount) -> Result<()> {
        Store::account_ops(
            &mut self.ops,
            &deleted.account,
            deleted.summary.as_ref(),
            &deleted.plans,
        )?;
        for (campaign_id, target) in &deleted.campaign_targets {
            // Into the campaign as it is now (it may have been edited since the delete).
            if let Some(mut c) =
                self.store
                    .get::<Campaign>(T::Campaigns, &id_key(*campaign_id), "campaign")?
            {
                if !c.targets.iter().any(|t| t.account_id == target.account_id) {
                    c.targets.push(target.clone());
                    self.ops.put(T::Campaigns, id_key(c.id), &c)?;
                }
            }
        }
        Ok(())
    }

    /// A new plan with its content (e.g. rolled forward) and the account's refreshed summary.
    pub fn create_plan(
        &mut self,
        plan: &Plan,
        content: &PlanContent,
        summary: &AccountSummary,
    ) -> Result<()> {
        if summary.id != plan.account_id {
            return Err(conflict(
                "summary",
                "The summary belongs to another account",
            ));
        }
        if !self.account_exists(plan.account_id)? {
            return Err(not_found("That account"));
        }
        if self.plan_exists(plan.id)? {
            return Err(conflict("id", "A plan with this id exists already"));
        }
        self.ops.put(T::Plans, id_key(plan.id), plan)?;
        self.ops.put_raw(
            T::AccountPlans,
            pair_key(plan.account_id, plan.id),
            Vec::new(),
        );
        for item in content.clone().into_items() {
            put_item(&mut self.ops, plan.id, &item)?;
        }
        self.ops.put(T::Summaries, id_key(summary.id), summary)?;
        self.new_plans.insert(plan.id);
        Ok(())
    }

    /// Update a plan's own fields (period, dates, status...). A plan cannot change account.
    pub fn put_plan(&mut self, plan: &Plan) -> Result<()> {
        if !self.account_exists(plan.account_id)? {
            return Err(not_found("That account"));
        }
        if let Some(old) = self.store.plan(plan.id)? {
            if old.account_id != plan.account_id {
                return Err(conflict(
                    "account_id",
                    "A plan cannot move to another account",
                ));
            }
        }
        self.ops.put(T::Plans, id_key(plan.id), plan)?;
        self.ops.put_raw(
            T::AccountPlans,
            pair_key(plan.account_id, plan.id),
            Vec::new(),
        );
        Ok(())
    }

    /// Upserts and deletes of plan records plus the refreshed account summary. A record both
    /// upserted and deleted in the same edit ends up deleted.
    pub fn apply(&mut self, edit: &Edit) -> Result<()> {
        let plan = self
            .store
            .plan(edit.plan_id)?
            .ok_or_else(|| not_found("That plan"))?;
        if let Some(s) = &edit.summary {
            if s.id != plan.account_id {
                return Err(conflict(
                    "summary",
                    "The summary belongs to another account",
                ));
            }
        }
        for item in &edit.upserts {
            put_item(&mut self.ops, plan.id, item)?;
        }
        for (kind, id) in &edit.deletes {
            self.ops.del(T::Items, item_key(plan.id, *kind, *id));
        }
        if let Some(s) = &edit.summary {
            self.ops.put(T::Summaries, id_key(s.id), s)?;
        }
        Ok(())
    }

    /// Store a frozen copy of a plan (taken at a QBR). The plan must exist.
    pub fn put_snapshot(&mut self, s: &Snapshot) -> Result<()> {
        if !self.plan_exists(s.plan_id)? {
            return Err(not_found("That plan"));
        }
        self.ops.put(T::Snapshots, id_key(s.id), s)?;
        self.ops.put(
            T::PlanSnapshots,
            pair_key(s.plan_id, s.id),
            &SnapshotInfo::from(s),
        )
    }

    pub fn put_offering(&mut self, o: &Offering) -> Result<()> {
        self.ops.put(T::Offerings, id_key(o.id), o)
    }

    pub fn put_campaign(&mut self, c: &Campaign) -> Result<()> {
        self.ops.put(T::Campaigns, id_key(c.id), c)
    }

    pub fn delete_campaign(&mut self, id: Id) -> Result<()> {
        if !self.store.contains(T::Campaigns, &id_key(id))? {
            return Err(not_found("That campaign"));
        }
        self.ops.del(T::Campaigns, id_key(id));
        Ok(())
    }

    /// The segmentation settings (checked here: a bad weight would break every tier).
    pub fn put_settings(&mut self, s: &Settings) -> Result<()> {
        validate_weights(&s.weights)?;
        validate_thresholds(&s.thresholds)?;
        validate_profiles(&s.profiles)?;
        self.ops.put(T::Settings, SETTINGS_KEY.to_vec(), s)
    }
}
