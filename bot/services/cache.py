"""A short-lived cache of list answers, so paging a 5,000-campaign list fetches it once."""

from __future__ import annotations

import json
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from keitaro import ApiResult


class ListCache:
    """Results of reads by (tracker, action, params) for ``ttl`` seconds.

    Keitaro's entity lists are not paginated, so every page of the browser would otherwise
    download the whole list again. Writes to a tracker drop its entries.
    """

    def __init__(
        self, ttl: float = 60.0, capacity: int = 500, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl = ttl
        self.capacity = capacity
        self._clock = clock
        self._items: OrderedDict[tuple[int, str, str], tuple[float, ApiResult]] = OrderedDict()

    @staticmethod
    def _key(tracker_id: int, action: str, params: dict[str, Any]) -> tuple[int, str, str]:
        return tracker_id, action, json.dumps(params, sort_keys=True, default=str)

    def get(self, tracker_id: int, action: str, params: dict[str, Any]) -> ApiResult | None:
        key = self._key(tracker_id, action, params)
        found = self._items.get(key)
        if found is None:
            return None
        if self._clock() - found[0] > self.ttl:
            del self._items[key]
            return None
        return found[1]

    def put(self, tracker_id: int, action: str, params: dict[str, Any], result: ApiResult) -> None:
        self._items[self._key(tracker_id, action, params)] = (self._clock(), result)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)

    def forget(self, tracker_id: int) -> None:
        for key in [k for k in self._items if k[0] == tracker_id]:
            del self._items[key]
