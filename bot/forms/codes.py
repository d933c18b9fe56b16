"""Compact codes for write actions in callback data: an index into their sorted names.

Action names (``integrations.facebook_remove_campaign``) would eat the 64 bytes of callback
data; an index does not. Codes change only when the catalog does, and every code is looked
up again on the server side, so an unknown or forged one finds nothing.
"""

from __future__ import annotations

from keitaro.catalog import ACTIONS, RESOURCES, Access, Action

WRITE_ACTIONS: tuple[str, ...] = tuple(
    sorted(name for name, action in ACTIONS.items() if action.access is not Access.READ)
)
_CODES = {name: index for index, name in enumerate(WRITE_ACTIONS)}


def code_of(name: str) -> int:
    return _CODES[name]


def action_for(code: int) -> Action | None:
    """The write action of ``code``, or None for a code that is not one."""
    if 0 <= code < len(WRITE_ACTIONS):
        return ACTIONS[WRITE_ACTIONS[code]]
    return None


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
