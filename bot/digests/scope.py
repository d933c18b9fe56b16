"""A scope (everything, a campaign group, chosen campaigns; as ``bot.handlers.scope_picker``
makes it) as Keitaro report filters: what digests, the live feed and alert rules read by.
Kept out of the handlers so the watchers can use it without importing the screens."""

from __future__ import annotations

from typing import Any

Scope = dict[str, Any]


def scope_filters(scope: Scope) -> list[dict[str, Any]]:
    """The scope as Keitaro report filters (what ``spec["filters"]`` holds)."""
    if scope.get("kind") == "group":
        return [{"name": "campaign_group_id", "operator": "EQUALS", "expression": scope["id"]}]
    if scope.get("kind") == "campaigns":
        ids = [int(cid) for cid in scope.get("ids") or []]
        return [{"name": "campaign_id", "operator": "IN_LIST", "expression": ids}]
    if scope.get("kind") == "custom":
        return list(scope.get("filters") or [])
    return []
