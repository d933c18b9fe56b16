"""From the bytes of an uploaded file to rows of cells, whatever spreadsheet wrote it.

Excel on a Russian Windows saves cp1251 with ``;`` (the comma is the decimal mark there),
Google Sheets saves UTF-8 with ``,``, "Unicode text" is UTF-16 with tabs, and some exports
start with a byte-order mark or an Excel ``sep=;`` line. All of them are read here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from bot.costs.errors import CostFileError

DELIMITERS = (",", ";", "\t")
#: signatures of files that are certainly not text: zip (xlsx, ods), old Excel, PDF
_BINARY_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF")
MAX_ROWS = 50_000


@dataclass(frozen=True, slots=True)
class Table:
    """The header, then each data row with the file's line number (the header is line 1)."""

    header: list[str]
    rows: list[tuple[int, list[str]]]
    delimiter: str
    encoding: str


def decode(content: bytes) -> tuple[str, str]:
    """The text and the encoding's name: BOMs first, then UTF-8, then cp1251."""
    if content.startswith(_BINARY_SIGNATURES):
        raise CostFileError("not_csv")
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if content.startswith(bom):
            try:
                return content.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError:
                raise CostFileError("not_csv") from None
    try:
        text, encoding = content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = content.decode("cp1251", errors="replace"), "cp1251"
    if "\ufffd" in text or any(ord(c) < 32 and c not in "\t\r\n" for c in text[:65_536]):
        raise CostFileError("not_csv")
    return text, encoding


def sniff_delimiter(header_line: str) -> str:
    """The delimiter the header line uses most; header names never hold decimal commas."""
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_table(content: bytes) -> Table:
    """Rows of cells, stripped, with blank rows dropped; raises ``CostFileError``."""
    text, encoding = decode(content)
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise CostFileError("empty")
    hint = lines[first].strip().lower()
    offset = first
    if hint.startswith("sep=") and len(hint) == 5:
        delimiter = lines[first].strip()[4]
        offset = first + 1
    else:
        delimiter = sniff_delimiter(lines[first])
    reader = csv.reader(io.StringIO("\n".join(lines[offset:])), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            stripped = [cell.strip() for cell in cells]
            if not any(stripped):
                continue
            if header is None:
                header = stripped
                continue
            rows.append((reader.line_num + offset, stripped))
            if len(rows) > MAX_ROWS:
                raise CostFileError("too_many_rows", limit=MAX_ROWS)
    except csv.Error:
        raise CostFileError("not_csv") from None
    if header is None:
        raise CostFileError("empty")
    if not rows:
        raise CostFileError("no_rows")
    return Table(header, rows, delimiter, encoding)
