"""The buttons under a delivered digest: open the numbers, pause what loses, the settings.

They live in chats the owner may share with a team, so every button is safe for anyone to
press: "Open stats" shows the presser's own numbers, and "Pause losing" carries the owner's
id only to say "only the owner can do that" early (the handler still checks the digest
against the presser's own digests before it reads or changes anything).
"""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup

from bot.i18n import Translator
from bot.ui.callbacks import DigestCb, StatsCb
from bot.ui.keyboards import button, markup
from storage.models import Digest

#: ``DigestCb`` ops of a delivered digest: ask to pause the losing campaigns (a new message
#: under the digest), ask again in place (Retry), confirm, keep them running, undo a pause
PAUSE_ASK, PAUSE_AGAIN, PAUSE_YES, PAUSE_NO, PAUSE_UNDO = "L", "R", "Z", "X", "U"
#: tick or untick one campaign of the question (``arg``: ``<owner>-<campaign id>``)
PAUSE_TOGGLE = "T"
#: ``DigestCb(op="l", arg=...)``: the list as a new message, leaving the digest in place
LIST_BELOW = "new"


def pause_data(op: str, digest: Digest) -> str:
    return DigestCb(op=op, id=digest.id, arg=str(digest.owner_id)).pack()


def toggle_data(digest: Digest, campaign_id: int) -> str:
    return DigestCb(op=PAUSE_TOGGLE, id=digest.id, arg=f"{digest.owner_id}-{campaign_id}").pack()


def digest_keyboard(t: Translator, digest: Digest, losing: int) -> InlineKeyboardMarkup:
    """📊 Open stats · ⏸ Pause losing (N) when N > 0 · ⚙️ Digest settings."""
    period = "today" if digest.spec.get("period") == "today" else "yesterday"
    first = [button(t.plain("digest.open_stats"), StatsCb(op="n", p=period).pack())]
    if losing > 0:
        first.append(
            button(t.plain("digest.pause_losing", count=losing), pause_data(PAUSE_ASK, digest))
        )
    settings = button(t.plain("digest.settings_button"), DigestCb(op="l", arg=LIST_BELOW).pack())
    return markup(first, [settings])
