"""The schema, as an append-only list of SQL scripts.

`PRAGMA user_version` records how many of them a database has applied; `Database.open` runs
the rest, each in its own transaction together with the version bump, so a crash half-way
leaves the database at the previous version rather than in between. Never edit a script that
has shipped: append a new one.

Timestamps are ISO 8601 text in UTC; JSON columns hold `json.dumps` output.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: users, trackers, FSM state, and room for digests and alerts.
    """
    CREATE TABLE users (
        id                INTEGER PRIMARY KEY,          -- the Telegram user id
        language          TEXT,
        timezone          TEXT,
        active_tracker_id INTEGER REFERENCES trackers(id) ON DELETE SET NULL,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL
    );

    CREATE TABLE trackers (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        owner_id        INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name            TEXT NOT NULL COLLATE NOCASE,
        url             TEXT NOT NULL,
        api_key_enc     BLOB NOT NULL,
        api_key_hint    TEXT NOT NULL,
        postback_key_enc BLOB,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        UNIQUE (owner_id, name)
    );

    -- Defence in depth behind UserRepository.set_active_tracker: a user's active tracker
    -- must be one of their own, whatever code writes the row.
    CREATE TRIGGER users_active_tracker_owned_insert
    BEFORE INSERT ON users
    WHEN NEW.active_tracker_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM trackers WHERE id = NEW.active_tracker_id AND owner_id = NEW.id
    )
    BEGIN
        SELECT RAISE(ABORT, 'active tracker belongs to another user');
    END;

    CREATE TRIGGER users_active_tracker_owned_update
    BEFORE UPDATE OF active_tracker_id ON users
    WHEN NEW.active_tracker_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM trackers WHERE id = NEW.active_tracker_id AND owner_id = NEW.id
    )
    BEGIN
        SELECT RAISE(ABORT, 'active tracker belongs to another user');
    END;

    CREATE TABLE digests (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        owner_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        chat_id     INTEGER NOT NULL,
        tracker_id  INTEGER NOT NULL REFERENCES trackers(id) ON DELETE CASCADE,
        schedule    TEXT NOT NULL,                      -- JSON
        timezone    TEXT NOT NULL,
        spec        TEXT NOT NULL,                      -- JSON: the report to send
        paused      INTEGER NOT NULL DEFAULT 0,
        last_slot   TEXT,                               -- the last due slot delivered
        created_at  TEXT NOT NULL
    );
    CREATE INDEX digests_owner ON digests(owner_id);
    CREATE INDEX digests_tracker ON digests(tracker_id);

    CREATE TABLE alerts (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        owner_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        chat_id     INTEGER NOT NULL,
        tracker_id  INTEGER NOT NULL REFERENCES trackers(id) ON DELETE CASCADE,
        spec        TEXT NOT NULL,                      -- JSON: what to watch
        paused      INTEGER NOT NULL DEFAULT 0,
        last_state  TEXT,                               -- JSON: what the last check saw
        created_at  TEXT NOT NULL
    );
    CREATE INDEX alerts_owner ON alerts(owner_id);
    CREATE INDEX alerts_tracker ON alerts(tracker_id);

    CREATE TABLE fsm_states (
        key        TEXT PRIMARY KEY,                    -- JSON list of the StorageKey fields
        state      TEXT,
        data       TEXT NOT NULL DEFAULT '{}',
        updated_at TEXT NOT NULL
    );
    """,
    # 2: a digest's delivery state. `last_slot` is now the last slot *claimed*; while its
    # delivery is not known to be finished, `pending_slot` repeats it and `claimed_at` says
    # when the claim was taken, so a claim left behind by a crash can be taken over later.
    """
    ALTER TABLE digests ADD COLUMN pending_slot TEXT;   -- claimed, delivery not confirmed
    ALTER TABLE digests ADD COLUMN claimed_at   TEXT;   -- when that claim was taken (UTC)
    """,
    # 3: writes in flight (a write marked before it is sent and after, so a crash or a timeout
    # never repeats it blindly), the report dialect each tracker speaks, and who opened each
    # bot message in a group chat (a member's press must not overwrite the owner's screen).
    """
    CREATE TABLE writes (
        owner_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        key         TEXT NOT NULL,                      -- what is written: "form:<token>"...
        tracker_id  INTEGER NOT NULL REFERENCES trackers(id) ON DELETE CASCADE,
        action      TEXT NOT NULL,                      -- the catalog action
        payload_enc BLOB NOT NULL,                      -- the parameters sent, encrypted
        evidence    TEXT NOT NULL DEFAULT '{}',         -- JSON: the tracker before the write
        state       TEXT NOT NULL,                      -- sending | unknown | done
        outcome     TEXT,                               -- JSON: what the tracker answered
        started_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (owner_id, key)
    );
    CREATE INDEX writes_updated ON writes(updated_at);

    ALTER TABLE trackers ADD COLUMN report_dialect TEXT;  -- NULL: not detected yet

    CREATE TABLE chat_screens (
        chat_id    INTEGER NOT NULL,
        message_id INTEGER NOT NULL,
        owner_id   INTEGER NOT NULL,                    -- the user the message answered
        created_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, message_id)
    );
    CREATE INDEX chat_screens_created ON chat_screens(created_at);
    """,
    # 4: the live conversion feed: one row of settings and poll state per tracker, every
    # (conversion, status) the feed has dealt with (claimed before it is sent, marked after),
    # and the campaigns a user muted for a while.
    """
    CREATE TABLE live_feeds (
        tracker_id     INTEGER PRIMARY KEY REFERENCES trackers(id) ON DELETE CASCADE,
        owner_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        enabled        INTEGER NOT NULL DEFAULT 0,
        chat_id        INTEGER NOT NULL,
        settings       TEXT NOT NULL DEFAULT '{}',      -- JSON: statuses, scope, minimum...
        blocked        INTEGER NOT NULL DEFAULT 0,      -- the chat blocked the bot
        cursor         TEXT,                            -- read up to here (UTC)
        started_at     TEXT,                            -- turned on (UTC): older is not news
        failing_since  TEXT,                            -- the first failure of a run of them
        failure_told   INTEGER NOT NULL DEFAULT 0,
        seen_statuses  TEXT NOT NULL DEFAULT '[]',      -- JSON: statuses the log has shown
        reconciled_day TEXT,                            -- the last local day reconciled
        gaps           TEXT NOT NULL DEFAULT '[]',      -- JSON: [from, to] spans not read
        updated_at     TEXT NOT NULL
    );
    CREATE INDEX live_feeds_owner ON live_feeds(owner_id);

    CREATE TABLE live_events (
        tracker_id    INTEGER NOT NULL REFERENCES trackers(id) ON DELETE CASCADE,
        conversion_id INTEGER NOT NULL,
        status        TEXT NOT NULL,
        state         TEXT NOT NULL,   -- claimed | sent | held | batched | muted | primed | skipped
        claimed_at    TEXT,            -- when it was claimed for a send (UTC, microseconds)
        message_id    INTEGER,         -- the notification that told it, to reply to later
        told_at       TEXT,            -- when the user was told (UTC, microseconds)
        postback_at   TEXT NOT NULL,   -- the conversion's postback time (UTC)
        revenue       REAL NOT NULL DEFAULT 0,
        data          TEXT NOT NULL,   -- JSON: the log row, to send it again after a crash
        PRIMARY KEY (tracker_id, conversion_id, status)
    );
    CREATE INDEX live_events_state ON live_events(tracker_id, state);
    CREATE INDEX live_events_postback ON live_events(tracker_id, postback_at);

    CREATE TABLE live_mutes (
        tracker_id  INTEGER NOT NULL REFERENCES trackers(id) ON DELETE CASCADE,
        campaign_id INTEGER NOT NULL,
        until       TEXT NOT NULL,     -- UTC
        PRIMARY KEY (tracker_id, campaign_id)
    );
    """,
    # 5: alert rules (the ``alerts`` table of script 1 holds them): each rule × entity's
    # state (firing or recovered, what was told, a claim before a send), mutes per entity,
    # the automatic pauses made, each user's quiet hours, and each tracker's failing run.
    """
    CREATE TABLE alert_states (
        rule_id     INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        entity      TEXT NOT NULL,     -- "campaign:12", "offer:3", "domain:7", "tracker"
        firing      INTEGER NOT NULL,  -- 1 firing, 0 recovered
        since       TEXT NOT NULL,     -- when it started firing, or recovered (UTC)
        told_at     TEXT,              -- the last alert or reminder the chat got (UTC)
        message_id  INTEGER,           -- that alert, for the recovery to reply to
        pending     TEXT,              -- fire | remind | recover: claimed, not settled yet
        claimed_at  TEXT,              -- when (UTC, microseconds)
        data        TEXT NOT NULL DEFAULT '{}',  -- JSON: the name and numbers last seen
        PRIMARY KEY (rule_id, entity)
    );

    CREATE TABLE alert_mutes (
        rule_id  INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        entity   TEXT NOT NULL,
        until    TEXT NOT NULL,         -- UTC
        PRIMARY KEY (rule_id, entity)
    );

    CREATE TABLE alert_autopauses (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        rule_id      INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        tracker_id   INTEGER NOT NULL REFERENCES trackers(id) ON DELETE CASCADE,
        campaign_id  INTEGER NOT NULL,
        at           TEXT NOT NULL      -- UTC
    );
    CREATE INDEX alert_autopauses_rule ON alert_autopauses(rule_id, at);
    CREATE INDEX alert_autopauses_campaign ON alert_autopauses(tracker_id, campaign_id, at);

    CREATE TABLE alert_prefs (
        owner_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        quiet       TEXT,               -- JSON {"from": "23:00", "to": "08:00"} or NULL
        updated_at  TEXT NOT NULL
    );

    CREATE TABLE alert_health (
        tracker_id     INTEGER PRIMARY KEY REFERENCES trackers(id) ON DELETE CASCADE,
        failing_since  TEXT NOT NULL,   -- the first failure of the current run (UTC)
        reason         TEXT NOT NULL    -- unreachable | key | server
    );
    """,
)
