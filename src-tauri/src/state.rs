//! The app's one managed state: where the store lives, the open store (or why it could not
//! be opened), and the last deleted account for undo.

use crate::error::{AppError, AppResult};
use planner_store::{DeletedAccount, Store};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};

pub struct AppState {
    data_dir: PathBuf,
    /// Commands share the open store (read lock): the store itself keeps each edit's checks
    /// and writes together under its own writer lock (`Store::edit`), so commands run
    /// concurrently. Only replacing or closing the store takes the write lock.
    slot: RwLock<Slot>,
    pub last_deleted: Mutex<Option<DeletedAccount>>,
}

struct Slot {
    store: Option<Store>,
    open_error: Option<AppError>,
}

impl AppState {
    /// Open the store at `data_dir`; a failure is kept and shown by the app, which then
    /// offers a restore instead of carrying on with an empty store.
    pub fn open(data_dir: PathBuf) -> AppState {
        let (store, open_error) = match Store::open(&data_dir) {
            Ok(s) => (Some(s), None),
            Err(e) => (None, Some(AppError::from(e))),
        };
        AppState {
            data_dir,
            slot: RwLock::new(Slot { store, open_error }),
            last_deleted: Mutex::new(None),
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn open_error(&self) -> Option<crate::error::ApiError> {
        self.shared().open_error.as_ref().map(|e| e.to_api())
    }

    // A panic in one command must not lock the user out of the app: a poisoned lock is taken
    // as it is (the slot is only ever replaced whole).
    fn shared(&self) -> RwLockReadGuard<'_, Slot> {
        self.slot.read().unwrap_or_else(|p| p.into_inner())
    }

    fn exclusive(&self) -> RwLockWriteGuard<'_, Slot> {
        self.slot.write().unwrap_or_else(|p| p.into_inner())
    }

    /// Run `f` with the open store. Any number of commands may be inside at once; each write
    /// is one `Store::edit`, which serialises the writes and their checks.
    pub fn with_store<T>(&self, f: impl FnOnce(&Store) -> AppResult<T>) -> AppResult<T> {
        let slot = self.shared();
        match &slot.store {
            Some(store) => f(store),
            None => Err(AppError::NoStore(
                slot.open_error
                    .as_ref()
                    .map(|e| e.to_string())
                    .unwrap_or_default(),
            )),
        }
    }

    /// Replace the store's content with a backup (the damaged store is kept aside), then reopen.
    pub fn restore(&self, backup: &Path) -> AppResult<()> {
        let mut slot = self.exclusive();
        if let Some(store) = slot.store.take() {
            store.close()?;
        }
        let result = Store::restore(&self.data_dir, backup);
        match Store::open(&self.data_dir) {
            Ok(s) => {
                slot.store = Some(s);
                slot.open_error = None;
            }
            Err(e) => slot.open_error = Some(e.into()),
        }
        result.map_err(AppError::from)
    }

    /// Flush and write the manifest on the way out.
    pub fn close(&self) {
        if let Some(store) = self.exclusive().store.take() {
            if let Err(e) = store.close() {
                eprintln!("account-planner: closing the store: {e}");
            }
        }
    }
}
