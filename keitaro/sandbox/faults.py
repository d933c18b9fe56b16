"""Switches that make the sandbox misbehave the ways real trackers (and what sits in front of
them) do. Tests flip them on a live server: ``sb.faults.fail_5xx = 2``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from keitaro.sandbox.garble import parse_modes


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
    #: seconds every write (a changing action or a postback) is held on the wire: after the
    #: tracker made the change (its answer is slow), or, with ``write_stall_before``, before
    #: it (and then never, if the client went away meanwhile: a bot killed mid-request)
    write_stall: float = 0.0
    write_stall_before: bool = False
    #: the next N writes go through unheld before ``write_stall`` applies; counts down (a
    #: batch cut off at its second request, whatever the speed of the machine)
    write_stall_skip: int = 0
    #: comma-separated ways to garble the JSON of reads, as odd tracker versions do: ``ids``,
    #: ``numbers``, ``nulls``, ``rows`` (see :mod:`keitaro.sandbox.garble`)
    garble: str = ""
    #: the report dialect ``/report/build`` reads: "" both pairs (``dimensions`` winning over
    #: ``grouping``, ``measures`` over ``metrics``); "legacy" only ``grouping``/``metrics``, as
    #: Keitaro 9 (the others are unknown keys, ignored: asked with ``measures``, it answers its
    #: default metrics); "dimensions" only ``dimensions``/``measures``
    report_dialect: str = ""
    #: an outage that lasts until it is switched off (``scenarios.down``/``up``), for every
    #: admin API request: "5xx" answers ``status_5xx`` {"error": "Internal error"}, "timeout"
    #: holds the request (until the client gives up, the outage ends or the sandbox stops),
    #: "revoked" refuses every API key with the 401 a wrong key gets; "" is no outage
    down: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def update(self, values: dict[str, Any]) -> list[str]:
        """Set the known switches from ``values``; returns the names it did not know. A value
        of the wrong kind raises ValueError and changes nothing."""
        known = {f.name for f in fields(self)}
        unknown = [name for name in values if name not in known]
        parsed = {
            name: _parse(name, value, getattr(self, name))
            for name, value in values.items()
            if name in known
        }
        for name, value in parsed.items():
            setattr(self, name, value)
        return unknown

    def reset(self) -> None:
        for f in fields(self):
            setattr(self, f.name, f.default)


REPORT_DIALECTS = ("", "legacy", "dimensions")
DOWN_KINDS = ("", "5xx", "timeout", "revoked")
TRUE_WORDS = frozenset({"1", "true", "on", "yes"})
FALSE_WORDS = frozenset({"0", "false", "off", "no", ""})


def parse_flag(value: Any) -> bool:
    """A switch from JSON or text: "0", "false", "off", "no" (any case) are False."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    if isinstance(value, str):
        word = value.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
    raise ValueError(f"not a flag: {value!r}")


def _parse(name: str, value: Any, current: Any) -> Any:
    if isinstance(current, str):
        if not isinstance(value, str):
            raise ValueError(f"Fault '{name}' must be text")
        if name == "garble":
            parse_modes(value)  # an unknown mode is refused, not ignored
        if name == "report_dialect" and value not in REPORT_DIALECTS:
            raise ValueError(f"Fault 'report_dialect' must be one of {REPORT_DIALECTS}")
        if name == "down" and value not in DOWN_KINDS:
            raise ValueError(f"Fault 'down' must be one of {DOWN_KINDS}")
        return value
    if isinstance(current, bool):
        try:
            return parse_flag(value)
        except ValueError:
            raise ValueError(f"Fault '{name}' must be true or false") from None
    kind = int if isinstance(current, int) else float
    try:
        if isinstance(value, bool):
            raise TypeError
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            raise ValueError
        if kind is int and not number.is_integer():
            raise ValueError
        return kind(number)
    except (TypeError, ValueError):
        raise ValueError(f"Fault '{name}' must be a number") from None
