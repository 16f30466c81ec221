//! What the running app holds: the open database (or why it could not be
//! opened) and the language in use.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use offerwright_core::{CoreError, Database, Lang};

use crate::error::CommandError;

pub struct AppState {
    path: Mutex<PathBuf>,
    db: Mutex<Workspace>,
    lang: Mutex<Lang>,
    /// The last file the user saved through a save dialog, the only one
    /// "show in folder" may reveal: the UI never names a path itself.
    last_saved: Mutex<Option<PathBuf>>,
}

/// The database as the app holds it.
enum Workspace {
    Open(Database),
    /// It could not be opened; the window explains why.
    Unopenable(CoreError),
    /// Closed for a moment, while its file is replaced.
    Closed,
}

impl From<Result<Database, CoreError>> for Workspace {
    fn from(opened: Result<Database, CoreError>) -> Workspace {
        match opened {
            Ok(db) => Workspace::Open(db),
            Err(e) => Workspace::Unopenable(e),
        }
    }
}

impl AppState {
    /// Opens the database at `path`. A failure is kept, not raised, so the
    /// window can still open and explain it.
    pub fn open(path: &Path) -> AppState {
        let db = Database::open(path);
        let lang = db
            .as_ref()
            .ok()
            .and_then(|db| offerwright_core::app::settings::language(db).ok().flatten())
            .unwrap_or_default();
        AppState {
            path: Mutex::new(path.to_path_buf()),
            db: Mutex::new(db.into()),
            lang: Mutex::new(lang),
            last_saved: Mutex::new(None),
        }
    }

    pub fn path(&self) -> PathBuf {
        self.path.lock().map(|p| p.clone()).unwrap_or_default()
    }

    /// Closes the database, so its file can be replaced.
    pub fn close(&self) {
        if let Ok(mut db) = self.db.lock() {
            *db = Workspace::Closed;
        }
    }

    /// Opens the database at `path` in place of the current one.
    pub fn reopen(&self, path: &Path) {
        let opened = Database::open(path);
        if let Ok(mut db) = self.db.lock() {
            *db = opened.into();
        }
        if let Ok(mut p) = self.path.lock() {
            *p = path.to_path_buf();
        }
    }

    pub fn remember_saved(&self, path: &Path) {
        if let Ok(mut last) = self.last_saved.lock() {
            *last = Some(path.to_path_buf());
        }
    }

    pub fn last_saved(&self) -> Option<PathBuf> {
        self.last_saved.lock().ok().and_then(|p| p.clone())
    }

    pub fn lang(&self) -> Lang {
        self.lang.lock().map(|l| *l).unwrap_or_default()
    }

    pub fn set_lang(&self, lang: Lang) {
        if let Ok(mut l) = self.lang.lock() {
            *l = lang;
        }
    }

    /// Runs `work` on the database, turning any failure into the error the UI
    /// shows, in the current language.
    pub fn with_db<T>(
        &self,
        work: impl FnOnce(&mut Database, Lang) -> Result<T, CoreError>,
    ) -> Result<T, CommandError> {
        let lang = self.lang();
        let mut guard = self.db.lock().map_err(|_| CommandError::internal(lang))?;
        match &mut *guard {
            Workspace::Open(db) => work(db, lang).map_err(|e| CommandError::from_core(&e, lang)),
            Workspace::Unopenable(open_error) => Err(CommandError::from_core(open_error, lang)),
            Workspace::Closed => Err(CommandError::database_closed(lang)),
        }
    }
}
