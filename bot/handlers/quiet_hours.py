"""Quiet hours as the user gives them, shared by the live feed and the alerts: a preset button
(``2300-0800``: no ``:`` in callback data), or typed as ``22:30-07:00`` (a dash, an en dash
or a space between the two; ``22.30`` too); "off" typed in any of the languages turns them
off. Both store ``{"from": "23:00", "to": "08:00"}`` or None.
"""

from __future__ import annotations

import re

from bot.live.settings import parse_clock

#: the presets' callback args: from-to as HHMM-HHMM
PRESETS = ("2300-0800", "0000-0700", "2200-0900")
OFF = "off"
OFF_WORDS = frozenset({"off", "no", "none", "выкл", "нет", "вимк", "ні", "немає"})
_CLOCK = r"(\d{1,2})[:.](\d{2})"
_TYPED = re.compile(rf"^\s*{_CLOCK}\s*(?:-|–|—|\s)\s*{_CLOCK}\s*$")
_PRESET = re.compile(r"^(\d{2})(\d{2})-(\d{2})(\d{2})$")


def hours(start: str, end: str) -> dict[str, str] | None:
    """``{"from": "23:00", "to": "08:00"}``; None when a time is not one, or both are equal
    (no quiet hours at all, which "off" says better)."""
    begin, finish = parse_clock(start), parse_clock(end)
    if begin is None or finish is None or begin == finish:
        return None
    return {"from": f"{begin:%H:%M}", "to": f"{finish:%H:%M}"}


def is_off(text: str) -> bool:
    return text.strip().casefold() in OFF_WORDS


def read_quiet(text: str) -> dict[str, str] | None:
    """Typed quiet hours; None when the text is not two different times."""
    match = _TYPED.match(text)
    if match is None:
        return None
    h1, m1, h2, m2 = match.groups()
    return hours(f"{h1}:{m1}", f"{h2}:{m2}")


def preset_hours(arg: str, allowed: tuple[str, ...] = PRESETS) -> dict[str, str] | None:
    """A preset button's hours; None for anything not offered (a forged button)."""
    match = _PRESET.match(arg) if arg in allowed else None
    if match is None:
        return None
    h1, m1, h2, m2 = match.groups()
    return hours(f"{h1}:{m1}", f"{h2}:{m2}")


def preset_label(arg: str) -> str:
    """``2300-0800`` → ``23:00–08:00``."""
    return f"{arg[:2]}:{arg[2:4]}–{arg[5:7]}:{arg[7:]}"
