"""Structured editors for what buyers edit daily, instead of JSON: a stream's offers and
landings with their shares, its filters, a campaign's postbacks, blacklist entries.

An editor takes over one field of a form while that field is asked (``form.step == "ask"``):
it shows the value as rows, changes a draft kept in ``form.sub`` by buttons and typed text,
and on ✅ Done hands the draft to the form like any other answer (so the same checks run).
"✍️ Edit as JSON" stays on every editor for anything it does not cover.
"""

from __future__ import annotations

from bot.forms.editors.base import EDITOR_OPS, Editor
from bot.forms.editors.filters import FiltersEditor
from bot.forms.editors.labels import LabelsEditor
from bot.forms.editors.postbacks import PostbacksEditor
from bot.forms.editors.shares import SharesEditor

#: field name → its editor, for the actions whose field holds that structure
EDITORS: dict[str, Editor] = {
    "offers": SharesEditor("offers", "offer_id", "of"),
    "landings": SharesEditor("landings", "landing_id", "lp"),
    "filters": FiltersEditor(),
    "postbacks": PostbacksEditor(),
    "items": LabelsEditor(),
}
#: actions whose fields of those names are the structures above (a report's ``filters`` or
#: a cost upload's are something else)
EDITED_ACTIONS: dict[str, frozenset[str]] = {
    "streams.create": frozenset({"offers", "landings", "filters"}),
    "streams.update": frozenset({"offers", "landings", "filters"}),
    "campaigns.create": frozenset({"postbacks"}),
    "campaigns.update": frozenset({"postbacks"}),
    "postbacks.set": frozenset({"postbacks"}),
    "blacklist.set": frozenset({"items"}),
}


def editor_for(action: str, field: str | None) -> Editor | None:
    """The structured editor of ``field`` in ``action``'s form, if it has one."""
    if field is None or field not in EDITED_ACTIONS.get(action, frozenset()):
        return None
    return EDITORS.get(field)


__all__ = ["EDITORS", "EDITOR_OPS", "Editor", "editor_for"]
