"""The bot's configuration: one Settings object read from the environment and ``.env``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from storage.db import is_postgres_url

Language = Literal["ru", "en", "uk"]


def _id_list(value: object) -> object:
    """``"1, 2,3"`` → ``[1, 2, 3]``; an empty string is an empty list."""
    if isinstance(value, str):
        return [int(part) for part in value.replace(";", ",").split(",") if part.strip()]
    if isinstance(value, int):
        return [value]
    return value


class Settings(BaseSettings):
    """Every variable of DESIGN.md's table; ``.env.example`` documents them."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    bot_token: SecretStr | None = Field(None, description="Telegram bot token from @BotFather")
    telegram_api_url: str | None = Field(None, description="Self-hosted Bot API server")
    db_path: Path = Field(Path("data/bot.sqlite3"), description="The SQLite file")
    #: ``postgresql://user:password@host:5432/db``: PostgreSQL instead of the SQLite file, for
    #: several processes (a secret: the URL may carry the password)
    database_url: SecretStr | None = None
    secret_key: SecretStr | None = Field(None, description="Key for API keys at rest")
    allowed_users: Annotated[list[int], NoDecode] = Field(default_factory=list)
    allow_private_trackers: bool = False
    redis_url: SecretStr | None = None
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    default_language: Language = "ru"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    #: ``json``: one JSON object a line, for a log aggregator
    log_format: Literal["text", "json"] = "text"
    #: the public HTTPS address of the bot's web server: set, the bot takes updates by webhook
    webhook_url: str | None = None
    #: where the web server listens (webhook, S2S postbacks, /healthz, /metrics)
    webhook_listen: str = "0.0.0.0:8080"
    #: Telegram's secret token for the webhook; unset, derived from the master key (so every
    #: process agrees, and it stays the same across restarts)
    webhook_secret: SecretStr | None = None
    #: in polling mode, where /healthz, /metrics and the S2S endpoint listen (unset: nowhere)
    metrics_listen: str | None = None
    #: the bot's public address for S2S postbacks when it differs from WEBHOOK_URL (polling
    #: mode with METRICS_LISTEN behind a proxy)
    public_url: str | None = None
    #: S2S postbacks a second one tracker's address takes (more are answered 429)
    s2s_rate: float = Field(20.0, gt=0, le=10_000)
    #: a user sending more than this many updates within ``throttle_window`` seconds is slowed
    throttle_updates: int = Field(20, ge=1)
    throttle_window: float = Field(5.0, gt=0)
    #: seconds a tracker gets to answer a read (reports can be slow)
    tracker_timeout: float = Field(30.0, gt=0, le=300)
    #: seconds one tracker call may take in all: retries, backoff and reading the answer
    tracker_deadline: float = Field(45.0, gt=0, le=600)
    #: megabytes a tracker's answer may weigh (decoded) before it is refused unread
    tracker_max_answer_mb: int = Field(8, ge=1, le=256)
    #: "⏸ Pause losing" ticks a losing campaign only with at least this spend in the period
    pause_min_spend: float = Field(3.0, ge=0)
    #: seconds between two polls of a tracker's conversion log by the live feed
    live_poll_seconds: float = Field(30.0, ge=5, le=600)
    #: minutes the live feed reads back before its cursor, for conversions recorded late
    live_overlap_minutes: float = Field(15.0, ge=1, le=180)
    #: seconds between two looks of the alert rules at a tracker
    alerts_tick_seconds: float = Field(60.0, ge=10, le=3600)

    @field_validator("allowed_users", "admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        return _id_list(value)

    @field_validator(
        "telegram_api_url",
        "redis_url",
        "bot_token",
        "secret_key",
        "database_url",
        "webhook_url",
        "webhook_secret",
        "metrics_listen",
        "public_url",
        mode="before",
    )
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("webhook_url", "public_url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip().rstrip("/")
        loopback = value.startswith(("http://127.0.0.1", "http://localhost"))
        if not value.startswith("https://") and not loopback:
            raise ValueError("the bot's public address must be an https:// one")
        return value

    @field_validator("webhook_listen", "metrics_listen")
    @classmethod
    def _host_port(cls, value: str | None) -> str | None:
        if value is not None:
            host, _, port = value.rpartition(":")
            if not host or not port.isdigit() or not 0 < int(port) < 65536:
                raise ValueError(f"{value!r} is not host:port, e.g. 0.0.0.0:8080")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("database_url")
    @classmethod
    def _postgres_only(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not is_postgres_url(value.get_secret_value()):
            raise ValueError(
                "DATABASE_URL must start with postgresql:// (leave it empty for the SQLite "
                "file DB_PATH)"
            )
        return value

    @property
    def database_target(self) -> str | Path:
        """What `Database.open` opens: the PostgreSQL URL when set, else the SQLite file."""
        if self.database_url is not None:
            return self.database_url.get_secret_value()
        return self.db_path

    @property
    def public_address(self) -> str | None:
        """Where Keitaro reaches the bot's web server, if anywhere."""
        return self.public_url or self.webhook_url

    def is_allowed(self, user_id: int) -> bool:
        return not self.allowed_users or user_id in self.allowed_users
