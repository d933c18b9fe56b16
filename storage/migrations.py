"""The schema, as an append-only list of SQL scripts, for both engines in one place.

`MIGRATIONS` (SQLite) and `POSTGRES_MIGRATIONS` hold the same versions, script for script: a
new version appends one to each (a test checks they stay the same length and end with the
same tables and columns). A database records how many it has applied (SQLite in ``PRAGMA
user_version``, PostgreSQL in ``schema_version``); `Database.open` runs the rest, each in its
own transaction together with the version bump, so a crash half-way leaves the database at
the previous version rather than in between. Never edit a script that has shipped: append.

Timestamps are ISO 8601 text in UTC on both engines (so comparisons and the repositories'
SQL stay the same); JSON columns hold `json.dumps` output. PostgreSQL's differences: ids are
BIGINT (Telegram's chat ids do not fit 32 bits), keys BYTEA, names CITEXT (SQLite's
``COLLATE NOCASE``), identity columns for AUTOINCREMENT, and plpgsql for the triggers.
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
    # 6: several processes and Keitaro's S2S postbacks. Each tracker's S2S address (its token
    # is derived from the master key, the tracker and a generation bumped by "new address";
    # only its hash is stored, to find the tracker), the click id of every live event (to
    # match what the poller reads with what a postback told), the events postbacks told,
    # and leases: which process runs a tracker's watchers, until when.
    """
    ALTER TABLE trackers ADD COLUMN s2s_generation INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE trackers ADD COLUMN s2s_hash TEXT;
    CREATE UNIQUE INDEX trackers_s2s_hash ON trackers(s2s_hash);

    ALTER TABLE live_events ADD COLUMN click_id TEXT;
    CREATE INDEX live_events_click ON live_events(tracker_id, click_id);

    CREATE TABLE live_instant (
        tracker_id    INTEGER NOT NULL REFERENCES trackers(id) ON DELETE CASCADE,
        click_id      TEXT NOT NULL,
        status        TEXT NOT NULL,
        tid           TEXT NOT NULL DEFAULT '',  -- Keitaro's transaction id, '' when none
        state         TEXT NOT NULL,             -- claimed | sent | skipped
        claimed_at    TEXT NOT NULL,             -- UTC, microseconds
        message_id    INTEGER,
        conversion_id INTEGER,                   -- the log's conversion, once the poller saw it
        data          TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (tracker_id, click_id, status, tid)
    );
    CREATE INDEX live_instant_claimed ON live_instant(claimed_at);

    CREATE TABLE leases (
        name        TEXT PRIMARY KEY,            -- "watch:<tracker id>"
        holder      TEXT NOT NULL,               -- the process: host, pid and a random part
        expires_at  TEXT NOT NULL                -- UTC, microseconds
    );
    """,
)

POSTGRES_MIGRATIONS: tuple[str, ...] = (
    # 1
    """
    CREATE EXTENSION IF NOT EXISTS citext;

    CREATE TABLE users (
        id                BIGINT PRIMARY KEY,
        language          TEXT,
        timezone          TEXT,
        active_tracker_id BIGINT,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL
    );

    CREATE TABLE trackers (
        id               BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        owner_id         BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name             CITEXT NOT NULL,
        url              TEXT NOT NULL,
        api_key_enc      BYTEA NOT NULL,
        api_key_hint     TEXT NOT NULL,
        postback_key_enc BYTEA,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        UNIQUE (owner_id, name)
    );

    ALTER TABLE users ADD CONSTRAINT users_active_tracker_fk
        FOREIGN KEY (active_tracker_id) REFERENCES trackers(id) ON DELETE SET NULL;

    CREATE FUNCTION users_active_tracker_owned() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.active_tracker_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM trackers WHERE id = NEW.active_tracker_id AND owner_id = NEW.id
        ) THEN
            RAISE EXCEPTION 'active tracker belongs to another user';
        END IF;
        RETURN NEW;
    END $$;

    CREATE TRIGGER users_active_tracker_owned
    BEFORE INSERT OR UPDATE OF active_tracker_id ON users
    FOR EACH ROW EXECUTE FUNCTION users_active_tracker_owned();

    CREATE TABLE digests (
        id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        owner_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        chat_id     BIGINT NOT NULL,
        tracker_id  BIGINT NOT NULL REFERENCES trackers(id) ON DELETE CASCADE,
        schedule    TEXT NOT NULL,
        timezone    TEXT NOT NULL,
        spec        TEXT NOT NULL,
        paused      INTEGER NOT NULL DEFAULT 0,
        last_slot   TEXT,
        created_at  TEXT NOT NULL
    );
    CREATE INDEX digests_owner ON digests(owner_id);
    CREATE INDEX digests_tracker ON digests(tracker_id);

    CREATE TABLE alerts (
        id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        owner_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        chat_id     BIGINT NOT NULL,
        tracker_id  BIGINT NOT NULL REFERENCES trackers(id) ON DELETE CASCADE,
        spec        TEXT NOT NULL,
        paused      INTEGER NOT NULL DEFAULT 0,
        last_state  TEXT,
        created_at  TEXT NOT NULL
    );
    CREATE INDEX alerts_owner ON alerts(owner_id);
    CREATE INDEX alerts_tracker ON alerts(tracker_id);

    CREATE TABLE fsm_states (
        key        TEXT PRIMARY KEY,
        state      TEXT,
        data       TEXT NOT NULL DEFAULT '{}',
        updated_at TEXT NOT NULL
    );
    """,
    # 2
    """
    ALTER TABLE digests ADD COLUMN pending_slot TEXT;
    ALTER TABLE digests ADD COLUMN claimed_at   TEXT;
    """,
    # 3
    """
    CREATE TABLE writes (
        owner_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        key         TEXT NOT NULL,
        tracker_id  BIGINT NOT NULL REFERENCES trackers(id) ON DELETE CASCADE,
        action      TEXT NOT NULL,
        payload_enc BYTEA NOT NULL,
        evidence    TEXT NOT NULL DEFAULT '{}',
        state       TEXT NOT NULL,
        outcome     TEXT,
        started_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (owner_id, key)
    );
    CREATE INDEX writes_updated ON writes(updated_at);

    ALTER TABLE trackers ADD COLUMN report_dialect TEXT;

    CREATE TABLE chat_screens (
        chat_id    BIGINT NOT NULL,
        message_id BIGINT NOT NULL,
        owner_id   BIGINT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, message_id)
    );
    CREATE INDEX chat_screens_created ON chat_screens(created_at);
    """,
    # 4
    """
    CREATE TABLE live_feeds (
        tracker_id     BIGINT PRIMARY KEY REFERENCES trackers(id) ON DELETE CASCADE,
        owner_id       BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        enabled        INTEGER NOT NULL DEFAULT 0,
        chat_id        BIGINT NOT NULL,
        settings       TEXT NOT NULL DEFAULT '{}',
        blocked        INTEGER NOT NULL DEFAULT 0,
        cursor         TEXT,
        started_at     TEXT,
        failing_since  TEXT,
        failure_told   INTEGER NOT NULL DEFAULT 0,
        seen_statuses  TEXT NOT NULL DEFAULT '[]',
        reconciled_day TEXT,
        gaps           TEXT NOT NULL DEFAULT '[]',
        updated_at     TEXT NOT NULL
    );
    CREATE INDEX live_feeds_owner ON live_feeds(owner_id);

    CREATE TABLE live_events (
        tracker_id    BIGINT NOT NULL REFERENCES trackers(id) ON DELETE CASCADE,
        conversion_id BIGINT NOT NULL,
        status        TEXT NOT NULL,
        state         TEXT NOT NULL,
        claimed_at    TEXT,
        message_id    BIGINT,
        told_at       TEXT,
        postback_at   TEXT NOT NULL,
        revenue       DOUBLE PRECISION NOT NULL DEFAULT 0,
        data          TEXT NOT NULL,
        PRIMARY KEY (tracker_id, conversion_id, status)
    );
    CREATE INDEX live_events_state ON live_events(tracker_id, state);
    CREATE INDEX live_events_postback ON live_events(tracker_id, postback_at);

    CREATE TABLE live_mutes (
        tracker_id  BIGINT NOT NULL REFERENCES trackers(id) ON DELETE CASCADE,
        campaign_id BIGINT NOT NULL,
        until       TEXT NOT NULL,
        PRIMARY KEY (tracker_id, campaign_id)
    );
    """,
    # 5
    """
    CREATE TABLE alert_states (
        rule_id     BIGINT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        entity      TEXT NOT NULL,
        firing      INTEGER NOT NULL,
        since       TEXT NOT NULL,
        told_at     TEXT,
        message_id  BIGINT,
        pending     TEXT,
        claimed_at  TEXT,
        data        TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (rule_id, entity)
    );

    CREATE TABLE alert_mutes (
        rule_id  BIGINT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        entity   TEXT NOT NULL,
        until    TEXT NOT NULL,
        PRIMARY KEY (rule_id, entity)
    );

    CREATE TABLE alert_autopauses (
        id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        rule_id      BIGINT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        tracker_id   BIGINT NOT NULL REFERENCES trackers(id) ON DELETE CASCADE,
        campaign_id  BIGINT NOT NULL,
        at           TEXT NOT NULL
    );
    CREATE INDEX alert_autopauses_rule ON alert_autopauses(rule_id, at);
    CREATE INDEX alert_autopauses_campaign ON alert_autopauses(tracker_id, campaign_id, at);

    CREATE TABLE alert_prefs (
        owner_id    BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        quiet       TEXT,
        updated_at  TEXT NOT NULL
    );

    CREATE TABLE alert_health (
        tracker_id     BIGINT PRIMARY KEY REFERENCES trackers(id) ON DELETE CASCADE,
        failing_since  TEXT NOT NULL,
        reason         TEXT NOT NULL
    );
    """,
    # 6
    """
    ALTER TABLE trackers ADD COLUMN s2s_generation INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE trackers ADD COLUMN s2s_hash TEXT;
    CREATE UNIQUE INDEX trackers_s2s_hash ON trackers(s2s_hash);

    ALTER TABLE live_events ADD COLUMN click_id TEXT;
    CREATE INDEX live_events_click ON live_events(tracker_id, click_id);

    CREATE TABLE live_instant (
        tracker_id    BIGINT NOT NULL REFERENCES trackers(id) ON DELETE CASCADE,
        click_id      TEXT NOT NULL,
        status        TEXT NOT NULL,
        tid           TEXT NOT NULL DEFAULT '',
        state         TEXT NOT NULL,
        claimed_at    TEXT NOT NULL,
        message_id    BIGINT,
        conversion_id BIGINT,
        data          TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (tracker_id, click_id, status, tid)
    );
    CREATE INDEX live_instant_claimed ON live_instant(claimed_at);

    CREATE TABLE leases (
        name        TEXT PRIMARY KEY,
        holder      TEXT NOT NULL,
        expires_at  TEXT NOT NULL
    );
    """,
)
