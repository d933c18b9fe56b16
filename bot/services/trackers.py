"""The user's trackers as ready clients (one KeitaroClient per stored tracker, one HTTP pool),
and the time zone a newly connected tracker suggests for its user."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from bot import metrics
from bot.services import reading
from bot.stats.periods import zone_named
from keitaro import HttpPool, KeitaroClient
from keitaro.guesses import key_owner
from keitaro.masking import Secret
from storage import Tracker, TrackerRepository

log = logging.getLogger(__name__)

#: how long connecting waits for the tracker's user list before it keeps UTC
ZONE_LOOKUP_SECONDS = 3.0


class TrackerClients:
    """Builds a client from a tracker's decrypted credentials, once, and keeps it.

    Credentials are decrypted only here and only for the tracker's owner; the client keeps the
    key in a ``Secret``. A changed tracker (new key, renamed URL) is forgotten and rebuilt.
    """

    def __init__(
        self,
        repository: TrackerRepository,
        pool: HttpPool,
        *,
        client_factory: Callable[..., KeitaroClient] = KeitaroClient,
        **client_options: Any,
    ) -> None:
        self._repository = repository
        self._pool = pool
        self._factory = client_factory
        self._options = client_options
        self._clients: dict[int, tuple[tuple[Any, ...], KeitaroClient]] = {}

    async def client(self, tracker: Tracker) -> KeitaroClient | None:
        version = (tracker.url, tracker.api_key_hint, tracker.has_postback_key)
        cached = self._clients.get(tracker.id)
        if cached is not None and cached[0] == version:
            return cached[1]
        credentials = await self._repository.credentials(tracker.owner_id, tracker.id)
        if credentials is None:
            return None
        postback = credentials.postback_key.reveal() if credentials.postback_key else None
        client = self._factory(
            credentials.url,
            credentials.api_key.reveal(),
            postback_key=postback,
            pool=self._pool,
            report_dialect=tracker.report_dialect,
            on_report_dialect=self._keeper(tracker.owner_id, tracker.id),
            observer=reading.observe,
            on_call=metrics.tracker_call,
            **self._options,
        )
        self._clients[tracker.id] = (version, client)
        return client

    def _keeper(self, owner_id: int, tracker_id: int) -> Callable[[str], Awaitable[None]]:
        """What stores the report dialect the client found the tracker to speak."""

        async def keep(dialect: str) -> None:
            await self._repository.set_report_dialect(owner_id, tracker_id, dialect)
            log.info("tracker %s speaks the %s report dialect", tracker_id, dialect)

        return keep

    def forget(self, tracker_id: int) -> None:
        self._clients.pop(tracker_id, None)


# --- the time zone of the key's owner ----------------------------------------------------------


def owner_zone(users: Any) -> str | None:
    """The valid time zone in the preferences of the user a ``users.list`` answer suggests
    owns the key (``keitaro.guesses.key_owner``), or None."""
    owner = key_owner(users)
    preferences = owner.get("preferences") if owner else None
    return zone_named(preferences.get("timezone")) if isinstance(preferences, dict) else None


async def tracker_zone(url: str, api_key: str | Secret, pool: HttpPool) -> str | None:
    """The time zone of the key's owner, read from ``users.list``; None when it cannot be told.

    Keitaro has no "/me": the owner is a guess (see ``key_owner``). It never raises and never
    takes longer than ``ZONE_LOOKUP_SECONDS``: a user-level key (403), an empty list, a slow or
    broken tracker all give None, after one attempt (no retries).
    """
    client = KeitaroClient(url, api_key, pool=pool, retries=0)
    try:
        async with asyncio.timeout(ZONE_LOOKUP_SECONDS):
            result = await client.call("users.list")
    except Exception as error:  # a missing default must never break connecting
        log.info("no time zone from %s: %s", client.host, type(error).__name__)
        return None
    return owner_zone(result.data)


async def adopt_tracker_zone(
    services: Any, user_id: int, url: str, api_key: str | Secret
) -> str | None:
    """Give a user who has no time zone yet the one of the tracker's key owner.

    Returns the zone it set, or None (the user already has one, or the tracker did not say).
    A zone the user has, chosen by them or taken earlier, is never replaced.
    """
    user = await services.users.get(user_id)
    if user is None or user.timezone:
        return None
    zone = await tracker_zone(url, api_key, services.pool)
    if zone is None:
        return None
    await services.users.set_timezone(user_id, zone)
    return zone
