"""``/alerts`` and ``/alert``: the user's alert rules, built and kept in the chat (the
watcher that runs them is ``bot.alerts``).

One module a job: ``listing`` (``/alerts``: one tracker's rules, pages, the tracker switch),
``card`` (a rule's card: pause, delete, the toggles), ``command`` (``/alert <line>``),
``dialog`` (new or edit, step by step; ``steps`` draws its screens, ``draft`` holds its pure
logic), ``dry_run`` (🧪 Test), ``buttons`` (the buttons under an alert), ``quiet`` (quiet
hours) and ``common`` (the presser's own rule, the words for a rule's target and interval).

Buttons are ``AlertCb`` (``bot.ui.callbacks``): ``l`` tracker ``t``'s list (``arg``: the
page; none: below an alert, as a new message), ``c`` rule ``r``'s card, ``p`` pause
(``arg`` ``1``) or resume (``0``), ``R`` recovery and ``A`` automatic pause (``arg``: the
state wanted), ``t`` test, ``d`` delete (asks), ``D`` delete (confirmed), ``e`` edit
(``arg`` ``c``: from the card, in place), ``n`` a new rule for tracker ``t``, ``q`` quiet
hours, ``Q`` a quiet preset (``arg``: ``HHMM-HHMM`` or ``off``). The dialog: ``w`` a step's
choice (``arg``: ``<step>.<choice>``), ``W`` go to a step (« Back, change a step; ``arg``
empty: which step; ``confirm``: the confirm screen), ``S`` save, ``X`` cancel. Under an
alert: ``m`` / ``M`` mute, ``u`` unmute, ``s`` the entity's stats (``arg``: the packed
entity), ``o`` ask to pause an offer's streams, ``O`` pause them, ``U`` resume them
(``offer_pause``).
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, StateFilter

from bot.handlers.alerts import (
    buttons,
    card,
    command,
    dialog,
    dry_run,
    listing,
    offer_pause,
    quiet,
)
from bot.handlers.notice_buttons import MUTE_OPS, UNMUTE
from bot.handlers.states import AlertDialog
from bot.ui.callbacks import AlertCb


def create_router() -> Router:
    router = Router(name="alerts")
    router.message.register(listing.on_command, Command("alerts"))
    router.message.register(command.on_command, Command("alert"))
    cb = router.callback_query.register
    cb(listing.on_list, AlertCb.filter(F.op == "l"))
    cb(card.on_card, AlertCb.filter(F.op == "c"))
    cb(card.on_pause, AlertCb.filter(F.op == "p"))
    cb(card.on_toggle, AlertCb.filter(F.op.in_({"R", "A"})))
    cb(card.on_delete_ask, AlertCb.filter(F.op == "d"))
    cb(card.on_delete, AlertCb.filter(F.op == "D"))
    cb(dry_run.on_test, AlertCb.filter(F.op == "t"))
    cb(dialog.on_new, AlertCb.filter(F.op == "n"))
    cb(dialog.on_edit, AlertCb.filter(F.op == "e"))
    cb(dialog.on_choice, AlertCb.filter(F.op == "w"))
    cb(dialog.on_goto, AlertCb.filter(F.op == "W"))
    cb(dialog.on_save, AlertCb.filter(F.op == "S"))
    cb(dialog.on_cancel, AlertCb.filter(F.op == "X"))
    cb(quiet.on_ask, AlertCb.filter(F.op == "q"))
    cb(quiet.on_preset, AlertCb.filter(F.op == "Q"))
    cb(buttons.on_mute, AlertCb.filter(F.op.in_(MUTE_OPS | {UNMUTE})))
    cb(buttons.on_stats, AlertCb.filter(F.op == "s"))
    cb(offer_pause.on_ask, AlertCb.filter(F.op == "o"))
    cb(offer_pause.on_confirm, AlertCb.filter(F.op == "O"))
    cb(offer_pause.on_undo, AlertCb.filter(F.op == "U"))
    cb(offer_pause.on_cancel, AlertCb.filter(F.op == "N"))
    text = F.text & ~F.text.startswith("/")
    router.message.register(dialog.on_typed, AlertDialog.step, text)
    router.message.register(quiet.on_typed, AlertDialog.quiet, text)
    router.message.register(dialog.on_not_text, StateFilter(AlertDialog), ~F.text)
    return router
