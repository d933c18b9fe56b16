"""Answers garbled the way real trackers of odd versions garble them (the ``garble`` fault).

Trackers in the wild send ids that are no numbers, numbers as ``"n/a"`` or ``"12,5"``, nulls
and missing fields, and lists with a stray number among the records. :func:`garble_answer`
does that to the JSON of a read, deterministically (the same request gets the same answer)
and to a part of the items only, so a well-behaved client has something left to show.

Modes (comma-separated in ``Faults.garble``):

- ``ids``: some entity ids, and ``*_id`` references, become non-numeric strings or null; one
  of them becomes the id as a digit string (``"7"``), which a client should still read;
- ``numbers``: some numeric fields of entities, report/log rows and ``summary`` become
  ``"n/a"``, ``""``, ``"12,5"`` or ``"-"``;
- ``nulls``: some numbers and names become null, and a field goes missing;
- ``rows``: some items of lists of records (entity lists, logs) become a number or a string.
  Report and log *rows* are left records: a stray there makes the client refuse the answer.
"""

from __future__ import annotations

import copy
import random
from typing import Any, Final

MODES: Final = ("ids", "numbers", "nulls", "rows")
#: which items of a list are garbled: the second of every three (a single item too)
EVERY: Final = 3
BAD_IDS: Final = ("n/a", "", None, "abc-", "12,5")
BAD_NUMBERS: Final = ("n/a", "", "12,5", "-")
STRAYS: Final = (0, "n/a", 42, "")


def parse_modes(text: str) -> tuple[str, ...]:
    """``"ids, numbers"`` → ("ids", "numbers"); an unknown mode raises ValueError."""
    modes = tuple(part.strip().lower() for part in text.split(",") if part.strip())
    unknown = [mode for mode in modes if mode not in MODES]
    if unknown:
        raise ValueError(f"Unknown garble modes: {', '.join(unknown)} (known: {', '.join(MODES)})")
    return modes


def garble_answer(data: Any, modes: str, seed: str) -> Any:
    """``data`` (a JSON answer) garbled by ``modes``; the original is never changed (handlers
    may answer with the store's own objects)."""
    chosen = parse_modes(modes) if modes else ()
    if not chosen:
        return data
    data = copy.deepcopy(data)
    for mode in chosen:
        rng = random.Random(f"{mode}:{seed}")
        data = _garble(data, mode, rng)
    return data


def _picked(index: int, count: int) -> bool:
    """A part of the items: the only one, or the second of every three."""
    return count == 1 or index % EVERY == 1


def _garble(data: Any, mode: str, rng: random.Random) -> Any:
    if isinstance(data, list):
        return _garble_list(data, mode, rng, records=True)
    if not isinstance(data, dict):
        return data
    if isinstance(data.get("rows"), list):  # a report or a log: rows stay records
        rows = data["rows"]
        data["rows"] = _garble_list(rows, mode, rng, records=False)
        if isinstance(data.get("summary"), dict) and mode in ("numbers", "nulls"):
            data["summary"] = _garble_record(data["summary"], mode, rng)
        return data
    return _garble_record(data, mode, rng)


def _garble_list(items: list[Any], mode: str, rng: random.Random, *, records: bool) -> list[Any]:
    count = len(items)
    garbled: list[Any] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not _picked(index, count):
            garbled.append(item)
        elif mode == "rows":
            garbled.append(rng.choice(STRAYS) if records and count > 1 else item)
        else:
            garbled.append(_garble_record(item, mode, rng))
    if mode == "ids" and records:
        _readable_digit_id(garbled)
    return garbled


def _readable_digit_id(items: list[Any]) -> None:
    """One untouched entity sends its id as a digit string, as some versions do."""
    for index, item in enumerate(items):
        if not _picked(index, len(items)) and isinstance(item, dict) and _is_number(item.get("id")):
            item["id"] = str(item["id"])
            return


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_reference(key: str) -> bool:
    return key == "id" or key.endswith("_id")


def _garble_record(record: dict[str, Any], mode: str, rng: random.Random) -> dict[str, Any]:
    if mode == "ids":
        for key in [k for k in record if _is_reference(k) and _is_number(record[k])]:
            record[key] = rng.choice(BAD_IDS)
        return record
    numbers = sorted(k for k, v in record.items() if _is_number(v) and not _is_reference(k))
    if mode == "numbers":
        # a part of the fields: a record with nothing readable left would prove little
        for key in numbers[::2]:
            record[key] = rng.choice(BAD_NUMBERS)
    elif mode == "nulls":
        for key in numbers[::2]:
            record[key] = None
        if isinstance(record.get("name"), str):
            record["name"] = None
        others = sorted(k for k in record if not _is_reference(k) and k not in numbers[::2])
        others = [k for k in others if k != "name"]
        if others:
            del record[rng.choice(others)]
    return record
