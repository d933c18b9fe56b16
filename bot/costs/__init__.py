"""Cost files: reading a CSV of spend and turning it into ``clicks.update_costs`` calls.

Pure functions, no Telegram: ``read_upload(content, campaigns, timezone=...)`` gives a
:class:`CostUpload` (its ``payloads()`` are ready to send) or raises :class:`CostFileError`.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.costs.errors import CostFileError
from bot.costs.plan import CampaignCosts, CostUpload, Entry, Skipped, plan_upload, resolve_campaign
from bot.costs.table import read_table

__all__ = [
    "CampaignCosts",
    "CostFileError",
    "CostUpload",
    "Entry",
    "Skipped",
    "read_upload",
    "resolve_campaign",
]


def read_upload(
    content: bytes,
    campaigns: Mapping[int, str],
    *,
    timezone: str = "UTC",
    default_campaign: int | None = None,
) -> CostUpload:
    """The whole way from the file's bytes to what will be sent; raises ``CostFileError``."""
    table = read_table(content)
    return plan_upload(table, campaigns, timezone=timezone, default_campaign=default_campaign)
