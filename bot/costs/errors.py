"""Why a whole file was refused: a code the bot translates, and the values the text needs."""

from __future__ import annotations

from typing import Any


class CostFileError(Exception):
    """The file cannot be used at all; nothing is sent.

    ``code`` names a text ``costs.error.<code>``: ``not_csv``, ``empty``, ``no_rows``,
    ``too_many_rows``, ``no_cost_column``, ``no_date_column``, ``no_campaign``, ``all_bad``.
    """

    def __init__(self, code: str, **values: Any) -> None:
        super().__init__(code)
        self.code = code
        self.values = values
