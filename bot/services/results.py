"""Recent call results, kept for the "Details" button under short tokens, per user."""

from __future__ import annotations

import secrets
from collections import OrderedDict

from keitaro import ApiResult


class ResultStore:
    """A bounded memory of results: the newest ``capacity`` across all users.

    Tokens are random and bound to the user who made the call: a token sent by someone else
    (forged callback data) finds nothing.
    """

    def __init__(self, capacity: int = 5_000) -> None:
        self.capacity = capacity
        self._items: OrderedDict[str, tuple[int, ApiResult]] = OrderedDict()

    def put(self, user_id: int, result: ApiResult) -> str:
        token = secrets.token_urlsafe(6)
        self._items[token] = (user_id, result)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)
        return token

    def get(self, user_id: int, token: str) -> ApiResult | None:
        found = self._items.get(token)
        if found is None or found[0] != user_id:
            return None
        return found[1]
