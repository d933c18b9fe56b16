"""Reports as CSV files a spreadsheet opens: a header, one row per line, then the totals."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

TOTAL = "TOTAL"


def report_csv(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    totals: dict[str, Any] | None = None,
) -> bytes:
    """UTF-8 with a BOM (so Excel reads Cyrillic names right), comma-separated.

    The totals row puts ``TOTAL`` in the first column and the totals' numbers under theirs.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    if totals is not None:
        _, *rest = columns
        writer.writerow([TOTAL, *(_cell(totals.get(column, "")) for column in rest)])
    return buffer.getvalue().encode("utf-8-sig")


def _cell(value: Any) -> Any:
    """Numbers as the tracker gives them (floats rounded to cents), text as it is; a leading
    ``=``/``+``/``-``/``@`` in text is defused so a sheet does not run it as a formula."""
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return "" if value is None else value
