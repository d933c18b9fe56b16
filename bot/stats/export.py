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


#: a cell a spreadsheet (Excel, LibreOffice, Google Sheets) would run as a formula starts with
#: one of these; fullwidth forms count too, as some sheets fold them to ASCII
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _cell(value: Any) -> Any:
    """Numbers as the tracker gives them (floats rounded to cents), text as it is, except that
    text a sheet would run as a formula (``=HYPERLINK(...)``, ``@SUM``, ``-2+3``) is prefixed
    with an apostrophe, which a sheet shows as plain text. Numbers themselves are never
    touched: a loss of ``-12.5`` stays a number."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, int):
        return value
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
