"""Switches that make the sandbox misbehave the ways real trackers (and what sits in front of
them) do. Tests flip them on a live server: ``sb.faults.fail_5xx = 2``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass
class Faults:
    #: seconds added before every answer
    latency: float = 0.0
    #: the next N answers are ``status_5xx`` {"error": "Internal error"}; counts down
    fail_5xx: int = 0
    status_5xx: int = 500
    #: answer admin API requests with a 200 HTML login page (a wrong base URL)
    html: bool = False
    #: answer 403 HTML "Error 1010 browser_signature_banned" with a cf-ray header
    cloudflare: bool = False
    #: treat every key as the restricted (buyer) key
    restricted: bool = False
    #: seconds before a postback's conversion is processed (Keitaro queues postbacks)
    postback_delay: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def update(self, values: dict[str, Any]) -> list[str]:
        """Set the known switches from ``values``; returns the names it did not know."""
        known = {f.name: f.type for f in fields(self)}
        unknown = []
        for name, value in values.items():
            if name not in known:
                unknown.append(name)
                continue
            current = getattr(self, name)
            if isinstance(current, bool):
                setattr(self, name, bool(value))
            elif isinstance(current, int):
                setattr(self, name, int(value))
            else:
                setattr(self, name, float(value))
        return unknown

    def reset(self) -> None:
        for f in fields(self):
            setattr(self, f.name, f.default)
