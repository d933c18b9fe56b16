"""``/digest``: the list (pause, delete, edit), ``/digest now``, the new-digest dialog, and the
"Pause losing" button under a delivered digest.

One module a job: ``listing`` (the command, the list, now, pause/resume, delete), ``dialog``
(new or edit, from the time to Save), ``scope`` (everything, a group, chosen campaigns),
``losing`` (pausing a digest's losing campaigns), and ``common`` (what they share). The
router is built here so the order of the handlers, and so their filters' precedence, stays
in one place.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, StateFilter

from bot.digests.buttons import (
    PAUSE_AGAIN,
    PAUSE_ASK,
    PAUSE_NO,
    PAUSE_TOGGLE,
    PAUSE_UNDO,
    PAUSE_YES,
)
from bot.handlers.digests import dialog, listing, losing, scope
from bot.handlers.states import DigestDialog
from bot.ui.callbacks import DigestCb


def create_router() -> Router:
    router = Router(name="digests")
    router.message.register(listing.on_command, Command("digest"))
    cb = router.callback_query.register
    cb(listing.on_list, DigestCb.filter(F.op == "l"))
    cb(listing.on_pause, DigestCb.filter(F.op == "p"))
    cb(listing.on_delete_ask, DigestCb.filter(F.op == "d"))
    cb(listing.on_delete, DigestCb.filter(F.op == "D"))
    cb(dialog.on_new, DigestCb.filter(F.op.in_({"n", "e"})))
    cb(dialog.on_time_button, DigestCb.filter(F.op == "t"))
    cb(dialog.on_days, DigestCb.filter(F.op.in_({"w", "k", "K"})))
    cb(dialog.on_zone_button, DigestCb.filter(F.op == "z"))
    cb(dialog.on_tracker_button, DigestCb.filter(F.op == "r"))
    cb(dialog.on_card_toggle, DigestCb.filter(F.op.in_({"c", "b", "y", "g"})))
    cb(dialog.on_setting, DigestCb.filter(F.op.in_({"h", "a", "i", "Q"})))
    cb(listing.on_send_now, DigestCb.filter(F.op == "N"))
    cb(scope.on_scope, DigestCb.filter(F.op == "o"))
    cb(scope.on_group, DigestCb.filter(F.op == "G"))
    cb(scope.on_campaign_page, DigestCb.filter(F.op == "m"))
    cb(scope.on_campaign_toggle, DigestCb.filter(F.op == "M"))
    cb(scope.on_campaigns_done, DigestCb.filter(F.op == "F"))
    cb(dialog.on_save, DigestCb.filter(F.op == "s"))
    cb(losing.on_pause_losing, DigestCb.filter(F.op.in_({PAUSE_ASK, PAUSE_AGAIN})))
    cb(losing.on_pause_confirmed, DigestCb.filter(F.op == PAUSE_YES))
    cb(losing.on_pause_kept, DigestCb.filter(F.op == PAUSE_NO))
    cb(losing.on_pause_undone, DigestCb.filter(F.op == PAUSE_UNDO))
    cb(losing.on_pause_toggled, DigestCb.filter(F.op == PAUSE_TOGGLE))
    text = F.text & ~F.text.startswith("/")
    router.message.register(dialog.on_time_typed, DigestDialog.time, text)
    router.message.register(dialog.on_zone_typed, DigestDialog.timezone, text)
    router.message.register(dialog.on_target_typed, DigestDialog.target, text)
    taps = (DigestDialog.days, DigestDialog.tracker, DigestDialog.confirm)
    router.message.register(dialog.on_tap_expected, StateFilter(*taps), text)
    return router
