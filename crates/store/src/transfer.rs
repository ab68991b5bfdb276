//! Export, import, restore and the migration run: everything that moves the whole store.

use crate::api::{decode, decode_item};
use crate::error::{from_sled, IoContext, Result, StoreError};
use crate::fsio::atomic_write_with;
use crate::keys::{id_at, id_key, kind_from_code, kind_list, SETTINGS_KEY, T};
use crate::migrate::{self, Record, SCHEMA_VERSION};
use crate::store::{acquire_lock, move_aside, OpenOpts, Ops, Store, Writer};
use crate::types::*;
use chrono::Utc;
use planner_core::segmentation::{validate_profiles, validate_thresholds, validate_weights};
use planner_core::validate::{self, Context};
use planner_core::view::summarise_on;
use planner_core::*;
use serde_json::{json, Map, Value};
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

impl Store {
    /// The whole store as an `ExportFile` (consistent: edits wait while it is read).
    pub fn export(&self) -> Result<ExportFile> {
        let _w = self.writer();
        self.export_locked()
    }

    pub(crate) fn export_locked(&self) -> Result<ExportFile> {
        let mut accounts = Vec::new();
        for account in self.values::<Account>(T::Accounts, "account")? {
            let plans = self
                .plans(account.id)?
                .into_iter()
                .map(|p| self.plan_export(p))
                .collect::<Result<Vec<_>>>()?;
            accounts.push(AccountExport { account, plans });
        }
        Ok(ExportFile {
            format: EXPORT_FORMAT.into(),
            version: SCHEMA_VERSION,
            exported_at: Utc::now(),
            accounts,
            offerings: self.offerings()?,
            campaigns: self.campaigns()?,
            settings: self.settings()?,
        })
    }

    /// Export to `path` atomically: temp file beside it, fsync, rename, fsync the folder. A
    /// crash leaves either the old file or the complete new one.
    pub fn export_to(&self, path: &Path) -> Result<()> {
        let file = self.export()?;
        atomic_write_with(path, |w| {
            serde_json::to_writer_pretty(w, &file).map_err(|e| StoreError::serde("the export", e))
        })
    }

    /// The largest export file `read_export` (and so `import` and `restore`) accepts: 512 MiB.
    /// A store of 10,000 accounts exports to about 50 MB, so ten times that is room to grow,
    /// while a file that is not an export at all (a disk image picked by mistake) is refused
    /// before it is read into memory.
    pub const MAX_IMPORT_BYTES: u64 = 512 * 1024 * 1024;

    /// Read an export (or backup) file. A file over `MAX_IMPORT_BYTES`, malformed JSON,
    /// nesting deeper than 128 levels, another format and a newer version are refused with a
    /// message that says which; an older version is upgraded in memory with the same
    /// migrations as the store.
    pub fn read_export(path: &Path) -> Result<ExportFile> {
        use std::io::Read;
        let file = fs::File::open(path).ctx(|| format!("read {}", path.display()))?;
        let size = file
            .metadata()
            .ctx(|| format!("read {}", path.display()))?
            .len();
        if size > Self::MAX_IMPORT_BYTES {
            return Err(too_large(size));
        }
        // The size can lie (a file still growing, a device): never read past the cap.
        let mut bytes = Vec::with_capacity(size as usize);
        file.take(Self::MAX_IMPORT_BYTES + 1)
            .read_to_end(&mut bytes)
            .ctx(|| format!("read {}", path.display()))?;
        if bytes.len() as u64 > Self::MAX_IMPORT_BYTES {
            return Err(too_large(bytes.len() as u64));
        }
        Store::parse_export(&bytes)
    }

    /// `read_export` for bytes already in memory.
    pub fn parse_export(bytes: &[u8]) -> Result<ExportFile> {
        parse_export(bytes)
    }

    /// Bring an export into the store. Everything is validated first (`planner_core::validate`
    /// for every account, plan, item, offering and campaign); if anything fails, nothing is
    /// written, not even a backup. Then a backup is taken and everything is written in one
    /// transaction. Accounts already in the store (same id) are replaced whole, with their
    /// plans; others are kept. Summaries are recomputed (current plan = latest `starts_on`).
    pub fn import(&self, file: &ExportFile) -> Result<ImportReport> {
        self.import_opts(file, true)
    }

    /// Everything `import` checks before it writes, without writing: `Ok` means `import` of
    /// the same file into the store as it is now would be accepted.
    pub fn check_import(&self, file: &ExportFile) -> Result<()> {
        let _w = self.writer();
        self.check_import_locked(file)
    }

    fn check_import_locked(&self, file: &ExportFile) -> Result<()> {
        // Campaign targets may name accounts that are in the store but not in the file.
        let stored_account = |id: Id| -> Result<Option<(Account, PlanContent)>> {
            let Some(account) = self.account(id)? else {
                return Ok(None);
            };
            let plans = self.plans(id)?;
            let content = match planner_core::plan_ops::current_plan(&plans) {
                Some(p) => self.plan_content(p.id)?,
                None => PlanContent::default(),
            };
            Ok(Some((account, content)))
        };
        validate_export(file, &self.offerings()?, &stored_account)?;
        for a in &file.accounts {
            for p in &a.plans {
                if let Some(old) = self.plan(p.plan.id)? {
                    if old.account_id != a.account.id {
                        return Err(StoreError::invalid(
                            format!("Account \"{}\", plan {}", a.account.name, p.plan.period),
                            CoreError::conflict(
                                "id",
                                "A plan with this id belongs to another account in this store",
                            ),
                        ));
                    }
                }
                for snap in &p.snapshots {
                    if let Some(old) = self.snapshot(snap.id)? {
                        if old.plan_id != p.plan.id {
                            return Err(StoreError::invalid(
                                format!(
                                    "Account \"{}\", plan {}, snapshot \"{}\"",
                                    a.account.name, p.plan.period, snap.label
                                ),
                                CoreError::conflict(
                                    "id",
                                    "A snapshot with this id belongs to another plan in this store",
                                ),
                            ));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    pub(crate) fn import_opts(&self, file: &ExportFile, take_backup: bool) -> Result<ImportReport> {
        let mut w = self.writer();
        self.check_import_locked(file)?;
        let existing: HashSet<Id> = self
            .tree(T::Accounts)
            .iter()
            .keys()
            .map(|k| Ok(id_at(&k.map_err(from_sled)?, 0)))
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .flatten()
            .collect();
        let backup = if take_backup {
            Some(self.backup_locked(&mut w, "before-import")?)
        } else {
            None
        };
        let mut report = ImportReport {
            backup,
            ..ImportReport::default()
        };
        let mut ops = Ops::default();
        for a in &file.accounts {
            if existing.contains(&a.account.id) {
                self.delete_account_ops(&mut ops, a.account.id)?;
                report.accounts_replaced += 1;
            } else {
                report.accounts_added += 1;
            }
            let current = current_export(&a.plans);
            let summary = summarise_on(
                &a.account,
                current.map(|p| (&p.plan, &p.content)),
                summary_day(),
            );
            Store::account_ops(&mut ops, &a.account, Some(&summary), &a.plans)?;
            report.plans += a.plans.len();
            for p in &a.plans {
                report.items += item_count(&p.content);
                report.snapshots += p.snapshots.len();
            }
        }
        for o in &file.offerings {
            ops.put(T::Offerings, id_key(o.id), o)?;
        }
        for c in &file.campaigns {
            ops.put(T::Campaigns, id_key(c.id), c)?;
        }
        report.offerings = file.offerings.len();
        report.campaigns = file.campaigns.len();
        if !self.contains(T::Settings, SETTINGS_KEY)? {
            ops.put(T::Settings, SETTINGS_KEY.to_vec(), &file.settings)?;
            report.settings_imported = true;
        }
        self.commit(&mut w, &ops, None)?;
        self.write_manifest(&mut w)?;
        Ok(report)
    }

    /// Replace the store in `dir` (which must not be open) with a backup or export file. The
    /// file is read and validated before anything moves; then the current store is moved aside
    /// to `<dir>/store.broken-<time>/` (never deleted), a fresh store is created and the file
    /// imported into it. Backups are left as they are.
    pub fn restore(dir: &Path, backup_file: &Path) -> Result<()> {
        let file = Store::read_export(backup_file)?;
        validate_export(&file, &[], &|_| Ok(None))?;
        fs::create_dir_all(dir).ctx(|| format!("create the data folder {}", dir.display()))?;
        let lock = acquire_lock(dir)?;
        move_aside(dir)?;
        let store = Store::open_locked(
            dir,
            lock,
            OpenOpts {
                daily_backup: false,
            },
        )?;
        store.import_opts(&file, false)?;
        store.close()
    }

    /// The store as an export document built from the stored JSON values as they are, without
    /// today's types: the backup written before a migration, in the old version's shapes.
    pub(crate) fn raw_export(&self, version: u32) -> Result<Value> {
        let raw = |bytes: &[u8]| -> Result<Value> { decode(bytes, "record") };
        let mut accounts = Vec::new();
        for kv in self.tree(T::Accounts).iter() {
            let (k, v) = kv.map_err(from_sled)?;
            let Some(account_id) = id_at(&k, 0) else {
                continue;
            };
            let mut plans = Vec::new();
            for kv in self
                .tree(T::AccountPlans)
                .scan_prefix(account_id.as_bytes())
            {
                let (k, _) = kv.map_err(from_sled)?;
                let Some(plan_id) = id_at(&k, 16) else {
                    continue;
                };
                let Some(plan) = self
                    .tree(T::Plans)
                    .get(plan_id.as_bytes())
                    .map_err(from_sled)?
                else {
                    continue;
                };
                let mut content = Map::new();
                for kind in ItemKind::ALL {
                    content.insert(kind_list(*kind).into(), Value::Array(vec![]));
                }
                for kv in self.tree(T::Items).scan_prefix(plan_id.as_bytes()) {
                    let (k, v) = kv.map_err(from_sled)?;
                    if let Some(kind) = k.get(16).copied().and_then(kind_from_code) {
                        if let Some(Value::Array(list)) = content.get_mut(kind_list(kind)) {
                            list.push(raw(&v)?);
                        }
                    }
                }
                for list in ["buying_centers", "objectives", "strategies", "actions"] {
                    if let Some(Value::Array(l)) = content.get_mut(list) {
                        l.sort_by_key(|x| x.get("position").and_then(Value::as_u64).unwrap_or(0));
                    }
                }
                let mut snapshots = Vec::new();
                for kv in self.tree(T::PlanSnapshots).scan_prefix(plan_id.as_bytes()) {
                    let (k, _) = kv.map_err(from_sled)?;
                    if let Some(sid) = id_at(&k, 16) {
                        if let Some(s) = self
                            .tree(T::Snapshots)
                            .get(sid.as_bytes())
                            .map_err(from_sled)?
                        {
                            snapshots.push(raw(&s)?);
                        }
                    }
                }
                let text =
                    |v: &Value, f: &str| v.get(f).and_then(Value::as_str).unwrap_or("").to_string();
                snapshots.sort_by_key(|s| std::cmp::Reverse((text(s, "taken_on"), text(s, "id"))));
                plans
                    .push(json!({"plan": raw(&plan)?, "content": content, "snapshots": snapshots}));
            }
            let key = |p: &Value| {
                let plan = &p["plan"];
                (
                    plan.get("starts_on")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                    plan.get("id")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                )
            };
            plans.sort_by_key(key);
            accounts.push(json!({"account": raw(&v)?, "plans": plans}));
        }
        let all = |t: T| -> Result<Vec<Value>> {
            self.tree(t)
                .iter()
                .values()
                .map(|v| raw(&v.map_err(from_sled)?))
                .collect()
        };
        let settings = match self
            .tree(T::Settings)
            .get(SETTINGS_KEY)
            .map_err(from_sled)?
        {
            Some(v) => raw(&v)?,
            None => serde_json::to_value(Settings::default())
                .map_err(|e| StoreError::serde("the settings", e))?,
        };
        Ok(json!({
            "format": EXPORT_FORMAT,
            "version": version,
            "exported_at": Utc::now(),
            "accounts": accounts,
            "offerings": all(T::Offerings)?,
            "campaigns": all(T::Campaigns)?,
            "settings": settings,
        }))
    }

    /// Upgrade the store to `SCHEMA_VERSION`: back it up as it is (old shapes), migrate every
    /// record as JSON, check each against today's types, rebuild the summaries, and write it
    /// all in one transaction. Any failure leaves the store untouched.
    ///
    /// The store is read into memory for this: migrations are rare and a large store is tens
    /// of megabytes, and one transaction means a crash half-way leaves the old version intact.
    pub(crate) fn migrate(&self, w: &mut Writer) -> Result<()> {
        let from = w.meta.schema_version;
        let to = SCHEMA_VERSION;
        let raw = self.raw_export(from)?;
        let backup = self.write_backup(&format!("before-migration-v{from}-to-v{to}"), &raw)?;
        let fail = |what: &str, detail: String| StoreError::Migration {
            from,
            to,
            detail: format!("{what}: {detail}"),
            backup: backup.clone(),
        };
        let step = |record: Record, bytes: &[u8]| -> std::result::Result<Value, String> {
            let mut v: Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
            migrate::record(from, record, &mut v)?;
            Ok(v)
        };
        fn typed<V: serde::de::DeserializeOwned>(v: Value) -> std::result::Result<V, String> {
            serde_json::from_value(v).map_err(|e| e.to_string())
        }
        let mut ops = Ops::default();

        let mut accounts = Vec::new();
        for kv in self.tree(T::Accounts).iter() {
            let (k, v) = kv.map_err(from_sled)?;
            let a: Account = step(Record::Account, &v)
                .and_then(typed)
                .map_err(|e| fail("an account", e))?;
            ops.put(T::Accounts, k.to_vec(), &a)?;
            accounts.push(a);
        }
        let mut plans: HashMap<Id, Plan> = HashMap::new();
        for kv in self.tree(T::Plans).iter() {
            let (k, v) = kv.map_err(from_sled)?;
            let p: Plan = step(Record::Plan, &v)
                .and_then(typed)
                .map_err(|e| fail("a plan", e))?;
            ops.put(T::Plans, k.to_vec(), &p)?;
            plans.insert(p.id, p);
        }
        let mut items: HashMap<Id, Vec<PlanItem>> = HashMap::new();
        for kv in self.tree(T::Items).iter() {
            let (k, v) = kv.map_err(from_sled)?;
            let (Some(plan_id), Some(kind)) =
                (id_at(&k, 0), k.get(16).copied().and_then(kind_from_code))
            else {
                return Err(fail("a plan item", "its key is malformed".into()));
            };
            let item = step(Record::Item(kind), &v)
                .and_then(|v| serde_json::to_vec(&v).map_err(|e| e.to_string()))
                .and_then(|b| decode_item(kind, &b).map_err(|e| e.to_string()))
                .map_err(|e| fail(&format!("a {}", kind.label().to_lowercase()), e))?;
            crate::api::put_item(&mut ops, plan_id, &item)?;
            items.entry(plan_id).or_default().push(item);
        }
        for kv in self.tree(T::Snapshots).iter() {
            let (k, v) = kv.map_err(from_sled)?;
            let s: Snapshot = serde_json::from_slice::<Value>(&v)
                .map_err(|e| e.to_string())
                .and_then(|mut v| migrate::snapshot(from, &mut v).map(|_| v))
                .and_then(typed)
                .map_err(|e| fail("a snapshot", e))?;
            ops.put(T::Snapshots, k.to_vec(), &s)?;
            ops.put(
                T::PlanSnapshots,
                crate::keys::pair_key(s.plan_id, s.id),
                &SnapshotInfo::from(&s),
            )?;
        }
        for (t, record, what) in [
            (T::Offerings, Record::Offering, "an offering"),
            (T::Campaigns, Record::Campaign, "a campaign"),
        ] {
            for kv in self.tree(t).iter() {
                let (k, v) = kv.map_err(from_sled)?;
                let v = step(record, &v).map_err(|e| fail(what, e))?;
                // Check the shape against today's type before writing it back.
                match t {
                    T::Offerings => ops.put(
                        t,
                        k.to_vec(),
                        &typed::<Offering>(v).map_err(|e| fail(what, e))?,
                    )?,
                    _ => ops.put(
                        t,
                        k.to_vec(),
                        &typed::<Campaign>(v).map_err(|e| fail(what, e))?,
                    )?,
                }
            }
        }
        if let Some(v) = self
            .tree(T::Settings)
            .get(SETTINGS_KEY)
            .map_err(from_sled)?
        {
            let s: Settings = step(Record::Settings, &v)
                .and_then(typed)
                .map_err(|e| fail("the settings", e))?;
            ops.put(T::Settings, SETTINGS_KEY.to_vec(), &s)?;
        }
        // Summaries are derived: rebuilt with today's code, whatever the old store had.
        for k in self.tree(T::Summaries).iter().keys() {
            ops.del(T::Summaries, k.map_err(from_sled)?.to_vec());
        }
        for a in &accounts {
            let current = plans
                .values()
                .filter(|p| p.account_id == a.id)
                .max_by(|x, y| (x.starts_on, x.id).cmp(&(y.starts_on, y.id)));
            let content = current
                .map(|p| PlanContent::from_items(items.get(&p.id).cloned().unwrap_or_default()));
            let summary = summarise_on(a, current.zip(content.as_ref()), summary_day());
            ops.put(T::Summaries, id_key(a.id), &summary)?;
        }
        self.commit(w, &ops, Some(to))?;
        self.write_manifest(w)?;
        Ok(())
    }
}

fn item_count(c: &PlanContent) -> usize {
    c.buying_centers.len()
        + c.contacts.len()
        + c.lines.len()
        + c.objectives.len()
        + c.strategies.len()
        + c.actions.len()
        + c.cells.len()
        + c.opportunities.len()
}

pub(crate) fn parse_export(bytes: &[u8]) -> Result<ExportFile> {
    // serde_json refuses nesting deeper than 128 levels (its default recursion limit, kept on:
    // the `unbounded_depth` feature is not enabled), so a hostile file cannot overflow the stack.
    let mut v: Value = serde_json::from_slice(bytes).map_err(|e| {
        if e.to_string().starts_with("recursion limit exceeded") {
            StoreError::BadExport(format!(
                "it is nested more than 128 levels deep (at line {}, column {}); an export is \
                 never nested that deeply",
                e.line(),
                e.column()
            ))
        } else {
            StoreError::BadExport(format!("it is not valid JSON ({e})"))
        }
    })?;
    if v.get("format").and_then(Value::as_str) != Some(EXPORT_FORMAT) {
        return Err(StoreError::BadExport(
            "it is not an Account Planner export (its \"format\" is not \"account-planner\")"
                .into(),
        ));
    }
    let version = v
        .get("version")
        .and_then(Value::as_u64)
        .filter(|v| *v >= 1)
        .ok_or_else(|| StoreError::BadExport("it has no valid version number".into()))?;
    if version > SCHEMA_VERSION as u64 {
        return Err(StoreError::NewerSchema {
            found: version.min(u32::MAX as u64) as u32,
            supported: SCHEMA_VERSION,
        });
    }
    if version < SCHEMA_VERSION as u64 {
        migrate::export(version as u32, &mut v).map_err(|e| {
            StoreError::BadExport(format!(
                "it could not be upgraded from version {version}: {e}"
            ))
        })?;
    }
    serde_json::from_value(v).map_err(|e| {
        StoreError::BadExport(format!("its content is not what an export holds ({e})"))
    })
}

fn describe(item: &PlanItem) -> String {
    match item {
        PlanItem::BuyingCenter(x) => format!("buying center \"{}\"", x.name),
        PlanItem::Contact(x) => format!("contact \"{}\"", x.name),
        PlanItem::Line(_) => "a line of influence".into(),
        PlanItem::Objective(x) => format!("objective \"{}\"", x.title),
        PlanItem::Strategy(x) => format!("strategy \"{}\"", x.title),
        PlanItem::Action(x) => format!("action \"{}\"", x.what),
        PlanItem::Cell(_) => "a white-space cell".into(),
        PlanItem::Opportunity(x) => format!("opportunity \"{}\"", x.name),
    }
}

fn too_large(size: u64) -> StoreError {
    const MIB: u64 = 1024 * 1024;
    StoreError::BadExport(format!(
        "it is {} MiB, more than the {} MiB an export may be",
        size.div_ceil(MIB),
        Store::MAX_IMPORT_BYTES / MIB
    ))
}

/// The plan an account is worked on now, among the plans of an export.
fn current_export(plans: &[PlanExport]) -> Option<&PlanExport> {
    let current = planner_core::plan_ops::current_plan(plans.iter().map(|p| &p.plan))?;
    plans.iter().find(|p| p.plan.id == current.id)
}

/// The location of an error in a file, with the field it is about.
fn invalid_at(location: &str, e: CoreError) -> StoreError {
    let location = match e.field() {
        "" => location.to_string(),
        field => format!("{location}, field \"{field}\""),
    };
    StoreError::invalid(location, e)
}

/// Validate a whole export before any of it is written, with the same core rules as the app:
/// settings, offerings, campaigns with their targets, accounts, plans, every plan record in
/// the context of its plan, and snapshots (their frozen account, plan and records too).
/// `store_offerings` are the catalog already in the store (plan cells may refer to them);
/// `stored_account` finds an account of the store with its current plan's content (campaign
/// targets may name accounts that are not in the file).
pub(crate) fn validate_export(
    file: &ExportFile,
    store_offerings: &[Offering],
    stored_account: &dyn Fn(Id) -> Result<Option<(Account, PlanContent)>>,
) -> Result<()> {
    if file.format != EXPORT_FORMAT {
        return Err(StoreError::BadExport(
            "it is not an Account Planner export".into(),
        ));
    }
    if file.version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: file.version,
            supported: SCHEMA_VERSION,
        });
    }
    if file.version != SCHEMA_VERSION {
        return Err(StoreError::BadExport(format!(
            "it is version {} and was not upgraded (read it with read_export)",
            file.version
        )));
    }
    let at = |location: String| move |e: CoreError| invalid_at(&location, e);
    let unique = |location: &str, ids: &mut dyn Iterator<Item = Id>| -> Result<()> {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                return Err(StoreError::invalid(
                    location,
                    CoreError::conflict("id", format!("The id {id} appears twice")),
                ));
            }
        }
        Ok(())
    };
    validate_weights(&file.settings.weights).map_err(at("Settings".into()))?;
    validate_thresholds(&file.settings.thresholds).map_err(at("Settings".into()))?;
    validate_profiles(&file.settings.profiles).map_err(at("Settings".into()))?;
    unique("Offerings", &mut file.offerings.iter().map(|o| o.id))?;
    unique("Campaigns", &mut file.campaigns.iter().map(|c| c.id))?;
    unique("Accounts", &mut file.accounts.iter().map(|a| a.account.id))?;
    unique(
        "Plans",
        &mut file
            .accounts
            .iter()
            .flat_map(|a| a.plans.iter().map(|p| p.plan.id)),
    )?;
    unique(
        "Snapshots",
        &mut file.accounts.iter().flat_map(|a| {
            a.plans
                .iter()
                .flat_map(|p| p.snapshots.iter().map(|s| s.id))
        }),
    )?;
    let mut offering_names = HashSet::new();
    for o in &file.offerings {
        let location = format!("Offering \"{}\"", o.name);
        validate::offering(o).map_err(at(location.clone()))?;
        if !offering_names.insert(o.name.trim().to_lowercase()) {
            return Err(invalid_at(
                &location,
                CoreError::conflict(
                    "name",
                    format!("There is already an offering named \"{}\"", o.name.trim()),
                ),
            ));
        }
    }
    let mut offerings = file.offerings.clone();
    let in_file: HashSet<Id> = offerings.iter().map(|o| o.id).collect();
    offerings.extend(
        store_offerings
            .iter()
            .filter(|o| !in_file.contains(&o.id))
            .cloned(),
    );
    for a in &file.accounts {
        let at_account = format!("Account \"{}\"", a.account.name);
        validate::account(&a.account).map_err(at(at_account.clone()))?;
        for p in &a.plans {
            let at_plan = format!("{at_account}, plan {}", p.plan.period);
            if p.plan.account_id != a.account.id {
                return Err(invalid_at(
                    &at_plan,
                    CoreError::conflict("account_id", "The plan belongs to another account"),
                ));
            }
            validate::plan(&p.plan).map_err(at(at_plan.clone()))?;
            plan_content(&at_plan, &a.account, &p.content, &offerings)?;
            for s in &p.snapshots {
                let at_snapshot = format!("{at_plan}, snapshot \"{}\"", s.label);
                if s.plan_id != p.plan.id || s.plan.id != p.plan.id {
                    return Err(invalid_at(
                        &at_snapshot,
                        CoreError::conflict("plan_id", "The snapshot belongs to another plan"),
                    ));
                }
                if s.account.id != a.account.id {
                    return Err(invalid_at(
                        &at_snapshot,
                        CoreError::conflict("account", "The snapshot belongs to another account"),
                    ));
                }
                validate::name("label", "Snapshot label", &s.label)
                    .map_err(at(at_snapshot.clone()))?;
                validate::account(&s.account).map_err(at(at_snapshot.clone()))?;
                validate::plan(&s.plan).map_err(at(at_snapshot.clone()))?;
                plan_content(&at_snapshot, &s.account, &s.content, &offerings)?;
            }
        }
    }
    // Campaigns last: their targets are checked against the accounts as the import leaves
    // them (the file's version of an account wins over the store's).
    for c in &file.campaigns {
        let mut targeted: Vec<(Account, PlanContent)> = Vec::new();
        for t in &c.targets {
            if let Some(a) = file.accounts.iter().find(|a| a.account.id == t.account_id) {
                let content = current_export(&a.plans)
                    .map(|p| p.content.clone())
                    .unwrap_or_default();
                targeted.push((a.account.clone(), content));
            } else if let Some(found) = stored_account(t.account_id)? {
                targeted.push(found);
            }
        }
        let known: Vec<(&Account, &PlanContent)> = targeted.iter().map(|(a, c)| (a, c)).collect();
        validate::campaign_with_targets(c, &known)
            .map_err(at(format!("Campaign \"{}\"", c.name)))?;
    }
    Ok(())
}

/// Every record of a plan (or a snapshot's frozen copy): no record twice, each valid in the
/// context of the whole plan as the app checks it, and nothing pointing at nothing.
fn plan_content(
    location: &str,
    account: &Account,
    content: &PlanContent,
    offerings: &[Offering],
) -> Result<()> {
    let items = content.clone().into_items();
    let mut seen = HashSet::new();
    for item in &items {
        if !seen.insert((item.kind(), item.id())) {
            return Err(invalid_at(
                &format!("{location}, {}", describe(item)),
                CoreError::conflict("id", "The same record appears twice"),
            ));
        }
    }
    let ctx = Context {
        account,
        content,
        offerings,
    };
    for item in &items {
        validate::item(item, &ctx)
            .map_err(|e| invalid_at(&format!("{location}, {}", describe(item)), e))?;
    }
    validate::dangling_references(content).map_err(|e| invalid_at(location, e))
}

/// The day an imported or migrated summary's health is assessed on: today, as the app's clock
/// says (`ACCOUNT_PLANNER_TODAY=YYYY-MM-DD` fixes it for tests and demos, as in the shell).
fn summary_day() -> chrono::NaiveDate {
    std::env::var("ACCOUNT_PLANNER_TODAY")
        .ok()
        .and_then(|s| chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}
