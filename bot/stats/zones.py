"""Time zones as buyers type them: ``Europe/Moscow``, a city in any of the bot's languages
(``Москва``, ``Київ``, ``berlin``), an offset (``UTC+3``, ``GMT-5``, ``+5:30``) or a common
abbreviation (``MSK``, ``EET``, ``PST``). Everything ends as an IANA name."""

from __future__ import annotations

import re
import zoneinfo
from functools import cache

#: cities typed in Russian or Ukrainian (and English spellings that are not the IANA one)
CITIES: dict[str, str] = {
    "москва": "Europe/Moscow", "мск": "Europe/Moscow", "санкт-петербург": "Europe/Moscow",
    "питер": "Europe/Moscow", "спб": "Europe/Moscow", "минск": "Europe/Minsk",
    "мінськ": "Europe/Minsk", "київ": "Europe/Kyiv", "киев": "Europe/Kyiv",
    "kiev": "Europe/Kyiv", "kyiv": "Europe/Kyiv", "харків": "Europe/Kyiv",
    "харьков": "Europe/Kyiv", "одеса": "Europe/Kyiv", "одесса": "Europe/Kyiv",
    "львів": "Europe/Kyiv", "львов": "Europe/Kyiv", "дніпро": "Europe/Kyiv",
    "днепр": "Europe/Kyiv", "варшава": "Europe/Warsaw", "берлин": "Europe/Berlin",
    "берлін": "Europe/Berlin", "лондон": "Europe/London", "париж": "Europe/Paris",
    "мадрид": "Europe/Madrid", "рим": "Europe/Rome", "прага": "Europe/Prague",
    "вена": "Europe/Vienna", "відень": "Europe/Vienna", "амстердам": "Europe/Amsterdam",
    "стамбул": "Europe/Istanbul", "istanbul": "Europe/Istanbul", "кишинев": "Europe/Chisinau",
    "кишинів": "Europe/Chisinau", "рига": "Europe/Riga", "вильнюс": "Europe/Vilnius",
    "вільнюс": "Europe/Vilnius", "таллин": "Europe/Tallinn", "таллінн": "Europe/Tallinn",
    "тбилиси": "Asia/Tbilisi", "тбілісі": "Asia/Tbilisi", "ереван": "Asia/Yerevan",
    "єреван": "Asia/Yerevan", "баку": "Asia/Baku", "алматы": "Asia/Almaty",
    "алмати": "Asia/Almaty", "алма-ата": "Asia/Almaty", "almaty": "Asia/Almaty",
    "астана": "Asia/Almaty", "ташкент": "Asia/Tashkent", "бишкек": "Asia/Bishkek",
    "бішкек": "Asia/Bishkek", "екатеринбург": "Asia/Yekaterinburg",
    "новосибирск": "Asia/Novosibirsk", "владивосток": "Asia/Vladivostok",
    "самара": "Europe/Samara", "калининград": "Europe/Kaliningrad", "дубай": "Asia/Dubai",
    "дубаї": "Asia/Dubai", "dubai": "Asia/Dubai", "бангкок": "Asia/Bangkok",
    "бали": "Asia/Makassar", "балі": "Asia/Makassar", "bali": "Asia/Makassar",
    "пхукет": "Asia/Bangkok", "phuket": "Asia/Bangkok", "сингапур": "Asia/Singapore",
    "сінгапур": "Asia/Singapore", "нью-йорк": "America/New_York",
    "new york": "America/New_York", "лос-анджелес": "America/Los_Angeles",
    "los angeles": "America/Los_Angeles", "тель-авив": "Asia/Jerusalem",
    "тель-авів": "Asia/Jerusalem", "tel aviv": "Asia/Jerusalem", "кипр": "Asia/Nicosia",
    "кіпр": "Asia/Nicosia", "лимассол": "Asia/Nicosia", "лімасол": "Asia/Nicosia",
    "limassol": "Asia/Nicosia",
}  # fmt: skip
#: abbreviations people use for the zones (not IANA names themselves)
ABBREVIATIONS: dict[str, str] = {
    "msk": "Europe/Moscow", "kyiv time": "Europe/Kyiv", "eest": "Europe/Kyiv",
    "cest": "Europe/Berlin", "bst": "Europe/London", "gmt": "Etc/GMT", "utc": "UTC",
    "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "mst": "America/Denver",
    "cst": "America/Chicago", "cdt": "America/Chicago", "edt": "America/New_York",
    "ist": "Asia/Kolkata", "almt": "Asia/Almaty", "sgt": "Asia/Singapore",
    "ict": "Asia/Bangkok", "gst": "Asia/Dubai", "jst": "Asia/Tokyo",
}  # fmt: skip
OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?$")
#: whole-hour offsets have Etc zones; these others exist as cities
HALF_HOURS: dict[tuple[int, int], str] = {
    (5, 30): "Asia/Kolkata", (5, 45): "Asia/Kathmandu", (3, 30): "Asia/Tehran",
    (4, 30): "Asia/Kabul", (9, 30): "Australia/Darwin", (-3, 30): "America/St_Johns",
    (6, 30): "Asia/Yangon",
}  # fmt: skip


@cache
def _by_city() -> dict[str, str]:
    """``berlin`` → ``Europe/Berlin``: the last part of every IANA name, in lower case."""
    found: dict[str, str] = {}
    for name in sorted(zoneinfo.available_timezones()):
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/")):
            found.setdefault(name.rsplit("/", 1)[1].replace("_", " ").lower(), name)
    return found


def from_offset(text: str) -> str | None:
    """``UTC+3`` → ``Etc/GMT-3`` (the Etc names count the other way round)."""
    match = OFFSET.match(text.replace(" ", ""))
    if not match:
        return None
    sign = -1 if match.group(1) in "-−" else 1
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    if minutes:
        return HALF_HOURS.get((sign * hours, minutes))
    if hours == 0:
        return "UTC"
    if hours > 14 or (sign < 0 and hours > 12):
        return None
    return f"Etc/GMT{'-' if sign > 0 else '+'}{hours}"


def typed_zone(text: str) -> str | None:
    """The IANA name a typed city, offset or abbreviation means, or None."""
    key = " ".join(text.strip().lower().split())
    if not key:
        return None
    return CITIES.get(key) or ABBREVIATIONS.get(key) or from_offset(key) or _by_city().get(key)
