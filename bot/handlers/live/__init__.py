"""``/live``: the settings of each tracker's live conversion feed, edited in place and saved
at once (the feed reads them every tick), and ``/live on`` / ``/live off``.

One module a job: ``command`` (the command, On/Off, back to the screen), ``screen`` (the
settings screen), ``statuses``, ``scope`` (the shared picker, hosted here), ``revenue``,
``target``, ``quiet``, ``burst``; ``questions`` (a typed value: ask, check, save) and
``common`` (the feed being edited, read for each press and checked to be the presser's).

Buttons are ``LiveCb`` (``t``: the tracker): ``s`` the settings screen, ``e`` on/off (``arg``
``1``/``0``: the state wanted), ``S`` statuses, ``x`` toggle status ``arg``, ``A`` all
statuses, ``g`` scope (the picker's ``o``; ``G`` group, ``p`` campaigns page, ``P`` tick a
campaign, ``F`` campaigns done), ``r`` minimum revenue (``R``: none), ``w`` where to send
(``h``: this chat), ``q`` quiet hours (``Q`` preset ``arg``), ``b`` burst (``B`` preset ``id``),
``i`` the S2S postback address (``I`` ask for a new one, ``J`` make it; ``postback``).
The notification buttons (``c``, ``k``, ``m``, ``M``, ``u``) are the feed's own.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, StateFilter

from bot.handlers.live import (
    burst,
    command,
    postback,
    quiet,
    revenue,
    scope,
    statuses,
    target,
)
from bot.handlers.live.questions import on_not_text
from bot.handlers.states import LiveSettings
from bot.ui.callbacks import LiveCb


def create_router() -> Router:
    router = Router(name="live_settings")
    router.message.register(command.on_command, Command("live"))
    cb = router.callback_query.register
    cb(command.on_show, LiveCb.filter(F.op == "s"))
    cb(command.on_toggle, LiveCb.filter(F.op == "e"))
    cb(statuses.on_statuses, LiveCb.filter(F.op == "S"))
    cb(statuses.on_toggle, LiveCb.filter(F.op == "x"))
    cb(statuses.on_all, LiveCb.filter(F.op == "A"))
    cb(scope.on_scope, LiveCb.filter(F.op == "g"))
    cb(scope.on_group, LiveCb.filter(F.op == "G"))
    cb(scope.on_campaign_page, LiveCb.filter(F.op == "p"))
    cb(scope.on_campaign_toggle, LiveCb.filter(F.op == "P"))
    cb(scope.on_campaigns_done, LiveCb.filter(F.op == "F"))
    cb(revenue.on_ask, LiveCb.filter(F.op == "r"))
    cb(revenue.on_none, LiveCb.filter(F.op == "R"))
    cb(target.on_ask, LiveCb.filter(F.op == "w"))
    cb(target.on_here, LiveCb.filter(F.op == "h"))
    cb(quiet.on_ask, LiveCb.filter(F.op == "q"))
    cb(quiet.on_preset, LiveCb.filter(F.op == "Q"))
    cb(burst.on_ask, LiveCb.filter(F.op == "b"))
    cb(burst.on_preset, LiveCb.filter(F.op == "B"))
    cb(postback.on_show, LiveCb.filter(F.op == "i"))
    cb(postback.on_renew_ask, LiveCb.filter(F.op == "I"))
    cb(postback.on_renew, LiveCb.filter(F.op == "J"))
    text = F.text & ~F.text.startswith("/")
    router.message.register(revenue.on_typed, LiveSettings.revenue, text)
    router.message.register(quiet.on_typed, LiveSettings.quiet, text)
    router.message.register(burst.on_typed, LiveSettings.burst, text)
    router.message.register(target.on_typed, LiveSettings.target, text)
    router.message.register(on_not_text, StateFilter(LiveSettings), ~F.text)
    return router
