import GRDB

extension HistoryStore {
    /// The schema, in named, append-only migrations: a released migration never changes; a new
    /// one is added after it. The identifiers of the migrations applied (GRDB's `grdb_migrations`)
    /// are the store's version: a store holding one this plan does not know is refused
    /// (`HistoryError.newerStore`).
    ///
    /// `PRAGMA user_version` is no version of this plan's: v1 and v2 set it because the plans of
    /// their time compared it with their own; v3 sets it to 3 once, so that those plans refuse a
    /// store they would misread, and no later migration changes it.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: declared checks and forecasts") { db in
            // One declaration per check: recording a check again (a correction) replaces it.
            try db.execute(sql: """
                CREATE TABLE declared_check (
                    id INTEGER PRIMARY KEY,
                    date TEXT NOT NULL,
                    window TEXT NOT NULL,
                    check_minute INTEGER NOT NULL,
                    level INTEGER NOT NULL CHECK (level >= 1),
                    alerts TEXT NOT NULL,
                    policy_sha256 TEXT NOT NULL,
                    source TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    UNIQUE (date, window)
                );
                CREATE TABLE declared_input (
                    declared_check_id INTEGER NOT NULL REFERENCES declared_check(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    value INTEGER NOT NULL CHECK (value >= 0),
                    PRIMARY KEY (declared_check_id, position)
                );
                CREATE TABLE forecast (
                    run_id TEXT PRIMARY KEY,
                    scenario_name TEXT NOT NULL,
                    scenario_sha256 TEXT NOT NULL,
                    seed INTEGER NOT NULL,
                    trials INTEGER NOT NULL CHECK (trials >= 1),
                    made_at TEXT NOT NULL,
                    recorded_at TEXT NOT NULL
                );
                CREATE TABLE forecast_check (
                    id INTEGER PRIMARY KEY,
                    run_id TEXT NOT NULL REFERENCES forecast(run_id) ON DELETE CASCADE,
                    date TEXT NOT NULL,
                    window TEXT NOT NULL,
                    mean_open REAL NOT NULL,
                    p10_open REAL NOT NULL,
                    p50_open REAL NOT NULL,
                    p90_open REAL NOT NULL,
                    UNIQUE (run_id, date, window)
                );
                CREATE INDEX forecast_check_by_check ON forecast_check(date, window);
                CREATE TABLE forecast_level (
                    forecast_check_id INTEGER NOT NULL REFERENCES forecast_check(id) ON DELETE CASCADE,
                    level INTEGER NOT NULL CHECK (level >= 1),
                    probability REAL NOT NULL CHECK (probability BETWEEN 0 AND 1),
                    PRIMARY KEY (forecast_check_id, level)
                );
                PRAGMA user_version = 1;
                """)
        }
        migrator.registerMigration("v2: forecast kinds and count distributions") { db in
            // A run recorded before v2 has no kind (NULL) and no counts: it is scored without a verdict.
            try db.execute(sql: """
                ALTER TABLE forecast ADD COLUMN kind TEXT CHECK (kind IN ('simulate', 'outlook'));
                CREATE TABLE forecast_counts (
                    run_id TEXT PRIMARY KEY REFERENCES forecast(run_id) ON DELETE CASCADE,
                    counts_json TEXT NOT NULL
                );
                PRAGMA user_version = 2;
                """)
        }
        migrator.registerMigration("v3: input kinds") { db in
            // The backtest's coverage reads the open cases from the policy's cases input, whatever
            // its name. Before v3 only the handbook's names were written by plan level's own flags
            // and read back, so those are known; another name's kind stays unknown (NULL).
            try db.execute(sql: """
                ALTER TABLE declared_input ADD COLUMN kind TEXT CHECK (kind IN ('headcount', 'cases'));
                UPDATE declared_input SET kind = 'cases' WHERE name = 'open';
                UPDATE declared_input SET kind = 'headcount' WHERE name IN ('emea', 'us');
                PRAGMA user_version = 3;
                """)
        }
        migrator.registerMigration("v4: forecast check times") { db in
            // A scenario may define its own windows: the check time a forecast was made for is
            // kept with it, so that a forecast made after its first check is told by that time and
            // not by the handbook's. A check recorded before v4 has none (NULL).
            try db.execute(sql: "ALTER TABLE forecast_check ADD COLUMN check_minute INTEGER CHECK (check_minute BETWEEN 0 AND 1439)")
        }
        return migrator
    }
}
