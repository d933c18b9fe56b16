"""Compact codes for write actions in callback data: a checksum of the action's name.

Action names (``integrations.facebook_remove_campaign``) would eat the 64 bytes of callback
data. A position in the list would shift when an action is added, so a button sent before a
deploy could run another action; a checksum of the name stays the same. Every code is looked up
again on the server side, so an unknown or forged one finds nothing.
"""

from __future__ import annotations

import zlib

from keitaro.catalog import ACTIONS, RESOURCES, Access, Action

WRITE_ACTIONS: tuple[str, ...] = tuple(
    sorted(name for name, action in ACTIONS.items() if action.access is not Access.READ)
)
#: every action can be run from the chat: the writes as forms, the reads too (a few reads have
#: no screen of their own in the browser: downloads, a file's contents, stream events...)
_CODES = {name: zlib.crc32(name.encode()) & 0xFFFFF for name in sorted(ACTIONS)}
_NAMES = {code: name for name, code in _CODES.items()}
if len(_NAMES) != len(_CODES):
    raise RuntimeError("two write actions share a code: widen the checksum")


def code_of(name: str) -> int:
    return _CODES[name]


def action_for(code: int) -> Action | None:
    """The action of ``code``, or None for a code that is not one."""
    name = _NAMES.get(code)
    return ACTIONS[name] if name else None


def reads_of(resource: str) -> list[Action]:
    """The read actions of a resource, for the end of its actions menu."""
    return sorted(
        (a for a in ACTIONS.values() if a.resource == resource and a.access is Access.READ),
        key=lambda a: a.operation,
    )


def writes_of(resource: str) -> list[Action]:
    """The write actions of a resource, creation first, destroying ones last."""
    found = [ACTIONS[name] for name in WRITE_ACTIONS if ACTIONS[name].resource == resource]
    return sorted(
        found,
        key=lambda a: (a.operation != "create", a.access is Access.DESTROY, a.operation),
    )


def resource_index(resource: str) -> int:
    return RESOURCES.index(resource)


def resource_at(index: int) -> str | None:
    return RESOURCES[index] if 0 <= index < len(RESOURCES) else None


def is_one_tap(action: Action) -> bool:
    """Takes nothing but the entity's id and destroys nothing: no form, no confirmation."""
    return action.access is Access.WRITE and set(action.params.model_fields) == {"id"}
