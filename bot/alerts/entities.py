"""What an alert is about, as stored ("campaign:12") and as a button carries it ("c12")."""

from __future__ import annotations

#: the kind of entity → its one-letter code in callback data
CODES: dict[str, str] = {
    "campaign": "c",
    "offer": "o",
    "source": "s",
    "country": "g",
    "domain": "d",
    "tracker": "t",
}
KINDS: dict[str, str] = {code: kind for kind, code in CODES.items()}


def pack(entity: str) -> str:
    """``"campaign:12"`` → ``"c12"``; ``"tracker"`` → ``"t"``. Short, for 64-byte buttons."""
    kind, _, value = entity.partition(":")
    return CODES.get(kind, "?") + value[:40]


def unpack(code: str) -> str | None:
    """The entity a button names, None for anything malformed."""
    if not code or code[0] not in KINDS:
        return None
    kind, value = KINDS[code[0]], code[1:]
    if kind == "tracker":
        return "tracker" if not value else None
    if not value or (kind != "country" and not value.isdigit()):
        return None
    return f"{kind}:{value}"


def kind_of(entity: str) -> str:
    return entity.partition(":")[0]


def id_of(entity: str) -> int | None:
    """The numeric id of a campaign, offer, source or domain; None for a country or the
    tracker."""
    value = entity.partition(":")[2]
    return int(value) if value.isdigit() else None
