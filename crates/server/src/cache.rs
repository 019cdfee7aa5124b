//! The server's copy of [`Facts`], loaded on a thread of its own.
//!
//! Loading a large database takes longer than the query time limit allows, so the load is not
//! a query: it runs on its own thread with its own connection, which the time limit never
//! interrupts. A request that needs facts of a newer generation than the cached ones starts a
//! load (unless one is running) and waits for it; if its own time limit passes first it gets a
//! 503, and the load goes on for the next request.

use dyad_store::{Facts, Store, StoreError};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};

#[derive(Default)]
struct State {
    facts: Option<Arc<Facts>>,
    loading: bool,
    /// Loads finished so far, and the error of the last one if it failed.
    finished: u64,
    failed: Option<String>,
}

/// The cached facts of one database.
pub struct FactsCache {
    db: PathBuf,
    state: Mutex<State>,
    done: Condvar,
}

impl FactsCache {
    /// An empty cache for the database at `db`.
    pub fn new(db: PathBuf) -> Arc<FactsCache> {
        Arc::new(FactsCache {
            db,
            state: Mutex::new(State::default()),
            done: Condvar::new(),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Starts a load on its own thread unless one is running.
    pub fn refresh(self: &Arc<Self>) {
        let mut st = self.lock();
        self.start(&mut st);
    }

    fn start(self: &Arc<Self>, st: &mut State) {
        if st.loading {
            return;
        }
        st.loading = true;
        let me = self.clone();
        std::thread::spawn(move || {
            let loaded = Store::open_read_only(&me.db).and_then(|s| s.facts());
            let mut st = me.lock();
            match loaded {
                Ok(f) => {
                    st.facts = Some(Arc::new(f));
                    st.failed = None;
                }
                Err(e) => st.failed = Some(e.to_string()),
            }
            st.loading = false;
            st.finished += 1;
            me.done.notify_all();
        });
    }

    /// Facts of generation `generation` or newer, waiting for a load when the cached ones are
    /// older. A load that fails is an error for the requests that waited for it.
    pub fn at_least(self: &Arc<Self>, generation: i64) -> Result<Arc<Facts>, StoreError> {
        self.get(generation, true)
    }

    /// The freshest facts at hand: when the cached ones are older than `generation`, a load
    /// starts (unless one is running) and the cached ones answer meanwhile. During a long
    /// `dyad ingest` beside the server, requests are answered at once from facts at most one
    /// load behind, instead of each waiting for a reload. Waits only when nothing is cached.
    pub fn current(self: &Arc<Self>, generation: i64) -> Result<Arc<Facts>, StoreError> {
        self.get(generation, false)
    }

    fn get(self: &Arc<Self>, generation: i64, wait: bool) -> Result<Arc<Facts>, StoreError> {
        let mut st = self.lock();
        let mut waited_for: Option<u64> = None;
        loop {
            if let Some(f) = st.facts.as_ref().filter(|f| f.generation() >= generation) {
                return Ok(f.clone());
            }
            if let (Some(seen), Some(msg)) = (waited_for, &st.failed) {
                if st.finished > seen {
                    return Err(StoreError::Invalid(format!(
                        "could not load the events for aggregation: {msg}"
                    )));
                }
            }
            if !st.loading {
                self.start(&mut st);
            }
            if !wait {
                if let Some(f) = &st.facts {
                    return Ok(f.clone());
                }
            }
            waited_for.get_or_insert(st.finished);
            st = self.done.wait(st).unwrap_or_else(|p| p.into_inner());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_loads_are_errors_and_the_next_request_tries_again() {
        let dir = std::env::temp_dir().join(format!("dyad-cache-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("later.db");
        let cache = FactsCache::new(db.clone());
        let err = cache.at_least(0).unwrap_err().to_string();
        assert!(err.contains("no such database"), "{err}");
        // The database appears: the next request loads it.
        drop(Store::open(&db).unwrap());
        let facts = cache.at_least(0).unwrap();
        assert_eq!((facts.generation(), facts.len()), (0, 0));
        // The same generation is served from the cache.
        assert!(Arc::ptr_eq(&facts, &cache.at_least(0).unwrap()));
        // A newer generation: `current` answers with what it has while a load runs, and
        // `at_least` waits for the load (which finds generation 1 after an ingest).
        let lexicon = dyad_lexicon::Lexicon::builtin().unwrap();
        let doc = dyad_store::DocInput {
            id: "d".into(),
            text: "Greece condemned Turkey.".into(),
            lang: dyad_text::Lang::En,
            date: dyad_lexicon::Date::parse("2024-01-02"),
            url: None,
            title: None,
        };
        Store::open(&db)
            .unwrap()
            .ingest(&[dyad_store::code(&lexicon, doc)], true)
            .unwrap();
        assert!(Arc::ptr_eq(&facts, &cache.current(1).unwrap()));
        let fresh = cache.at_least(1).unwrap();
        assert_eq!((fresh.generation(), fresh.len()), (1, 1));
        assert!(Arc::ptr_eq(&fresh, &cache.current(1).unwrap()));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
