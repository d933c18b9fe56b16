"""The user's trackers as ready clients: one KeitaroClient per stored tracker, one HTTP pool."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keitaro import HttpPool, KeitaroClient
from storage import Tracker, TrackerRepository


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
            **self._options,
        )
        self._clients[tracker.id] = (version, client)
        return client

    def forget(self, tracker_id: int) -> None:
        self._clients.pop(tracker_id, None)
