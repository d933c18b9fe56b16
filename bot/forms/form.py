"""One form's progress: pure data and pure transitions, stored as JSON in the FSM data.

Nothing here talks to Telegram or the tracker, so the flow (required fields, then the
optional ones, then the confirmation) is easy to follow and a restart loses nothing.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass
from dataclasses import field as dc_field
from typing import Any

from bot.forms.fields import FieldSpec, ask_order, field_named
from keitaro.catalog import ACTIONS, Access, Action

#: where the form lives in the FSM data
DATA_KEY = "form"


@dataclass
class Form:
    """``step``: ``ask`` (one field), ``optional`` (the optional fields), ``confirm``, ``json``
    (the whole payload pasted), ``failed`` (the call failed; values kept to resend),
    ``doubt`` (an earlier attempt may have reached the tracker, which cannot tell)."""

    action: str
    token: str = dc_field(default_factory=lambda: secrets.token_urlsafe(4))
    values: dict[str, Any] = dc_field(default_factory=dict)
    #: the entity's values before the change (update forms), shown as "now"
    current: dict[str, Any] = dc_field(default_factory=dict)
    #: the entity the form is about, for naming it: "#12 «FB | DE | Offer A»"
    title: str = ""
    step: str = "ask"
    field: str | None = None
    history: list[list[Any]] = dc_field(default_factory=list)
    #: started from a card for one job: skip the optional screen after the answers
    quick: bool = False
    #: picker state of an id field: the search text and the page
    query: str = ""
    page: int = 0
    #: a problem to show on the next screen (already HTML)
    error: str = ""
    #: the tracker the form was opened for; after a switch it must not be sent to another one
    tracker_id: int = 0
    #: where Back leads from the form's first screen (the card it was opened from)
    origin: str = ""
    #: when an earlier attempt was sent (ISO, UTC), while its fate is in doubt
    since: str = ""
    #: names of the entities the form has seen, "of:3" → "Offer A", to show ids as names
    names: dict[str, str] = dc_field(default_factory=dict)
    #: a structured editor's state while its field is open (``bot.forms.editors``)
    sub: dict[str, Any] = dc_field(default_factory=dict)

    @property
    def spec(self) -> Action:
        return ACTIONS[self.action]

    @property
    def write_key(self) -> str:
        """The form's write in the journal (``bot.services.writes``): one per form."""
        return f"form:{self.token}"

    @property
    def asks_to_confirm(self) -> bool:
        """Whether the screen now shown is a question whose "Yes" must be fresh: a destroying
        action's confirmation (or its retry), or sending again what may have been done."""
        if self.step == "doubt":
            return True
        return self.step in ("confirm", "failed") and self.spec.access is Access.DESTROY

    @property
    def ticket(self) -> str:
        return f"form:{self.token}:{self.step}"

    def current_field(self) -> FieldSpec | None:
        return field_named(self.spec, self.field) if self.field else None

    def to_data(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_data(cls, data: Any) -> Form | None:
        """The stored form, or None when there is none (or it is not one we can read)."""
        if not isinstance(data, dict) or data.get("action") not in ACTIONS:
            return None
        try:
            return cls(**data)
        except TypeError:
            return None

    # --- transitions --------------------------------------------------------------------------

    def go(self, step: str, name: str | None = None) -> None:
        """Move on, remembering where we were for Back; a new screen resets the picker."""
        self.history.append([self.step, self.field])
        self.step, self.field = step, name
        self.query, self.page, self.sub = "", 0, {}

    def edit(self) -> None:
        """Edit from the confirmation: the optional fields, or (a form of required fields
        only, such as an archive) its first field, with the current value kept."""
        self.error = ""
        fields = ask_order(self.spec)
        if self.optional_fields():
            self.go("optional")
        elif fields:
            self.go("ask", fields[0].name)

    def back(self) -> bool:
        if not self.history:
            return False
        self.step, self.field = self.history.pop()
        self.query, self.page, self.error, self.sub = "", 0, "", {}
        return True

    def missing_required(self) -> FieldSpec | None:
        return next(
            (s for s in ask_order(self.spec) if s.required and s.name not in self.values), None
        )

    def optional_fields(self) -> list[FieldSpec]:
        return [s for s in ask_order(self.spec) if not s.required]

    def advance(self) -> None:
        """The next screen: a required field still missing, else the optional fields (or the
        confirmation for a quick job, or when there is nothing optional)."""
        missing = self.missing_required()
        if missing is not None:
            self.go("ask", missing.name)
        elif self.quick or not self.optional_fields():
            self.go("confirm")
        else:
            self.go("optional")

    def answered(self, value: Any, *, keep: bool = False) -> None:
        """Store the current field's answer (or keep what it was) and move on."""
        spec = self.current_field()
        if spec is not None and not keep:
            self.values[spec.name] = value
        self.error = ""
        if spec is not None and not spec.required and not self.quick:
            self.go("optional")
        else:
            self.advance()
