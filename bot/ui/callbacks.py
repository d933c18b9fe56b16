"""Callback data of every button: short prefixes, ids and codes only, never names or free text.

Everything here comes back from the client and may be forged: handlers re-check each id
against the caller's own tracker (and the tracker's own answer) before acting.
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class MenuCb(CallbackData, prefix="m"):
    """A menu screen: ``main``, ``more``."""

    screen: str


class BrowseCb(CallbackData, prefix="b"):
    """The resource browser.

    ``op``: ``l`` list page, ``c`` card, ``f`` all fields, ``s`` start a search, ``p`` pick a
    parent first, ``t`` a table of a read action. ``view`` is a short view code (``cm``,
    ``st``...); ``parent`` scopes a list (a campaign's streams); ``arg`` is a code the view
    understands (a log type, a group type).
    """

    op: str
    view: str
    id: int = 0
    page: int = 0
    parent: int = 0
    arg: str = ""
    #: 1 when the list shows the results of the user's stored search
    q: int = 0


class TrackerCb(CallbackData, prefix="t"):
    """Tracker management: ``o`` open, ``u`` use, ``r`` rename, ``x`` test, ``k`` postback key,
    ``d`` delete (asks), ``D`` delete (confirmed), ``a`` add, ``l`` list."""

    op: str
    id: int = 0


class DetailsCb(CallbackData, prefix="d"):
    """The raw request and answer of a recent call, kept for a while under a short token."""

    token: str


class LangCb(CallbackData, prefix="lg"):
    code: str


class CancelCb(CallbackData, prefix="x"):
    """Leave the current dialog."""

    where: str = ""


class FormCb(CallbackData, prefix="fm"):
    """A button of an open form. ``t`` is the form's random token: a button of another form
    (stale, or forged for someone else's) finds no match and does nothing.

    ``op``: ``c`` choice, ``p`` pick an id, ``n`` picker page, ``s`` skip/keep, ``o`` open an
    optional field, ``d`` done, ``b`` back, ``j`` JSON mode, ``y`` send, ``e`` edit, ``x`` cancel.
    ``f`` is the field's index in the action's model; ``v`` a choice index, an id or a page.
    """

    op: str
    t: str
    f: int = -1
    v: int = 0


class WriteCb(CallbackData, prefix="wa"):
    """A write action from a card or a menu: ``a`` is the action's code (an index into the
    sorted write actions, see ``bot.forms.codes``), ``id`` the entity (0: ask for it).

    ``op``: ``r`` run (one tap, or a form when something must be asked), ``f`` open the form,
    ``q`` a form for one field ``f`` only.
    """

    op: str
    a: int
    id: int = 0
    f: int = -1
    #: the tracker the button was made for: after a switch, an old button must not act on
    #: the new tracker's entity that happens to have the same id
    tr: int = 0


class WriteMenuCb(CallbackData, prefix="wm"):
    """Every write action of a resource (``r``: its index in ``RESOURCES``), for entity ``id``."""

    r: int
    id: int = 0


class CostsCb(CallbackData, prefix="co"):
    """Cost upload preview: ``s`` send, ``c`` currency (``arg``: a three-letter code)."""

    op: str
    arg: str = ""


class ConversionCb(CallbackData, prefix="cv"):
    """The conversion dialog. ``op``: ``st`` a status (``arg``: lead, sale...), ``cu`` a
    currency (``arg``: three letters), ``sk`` skip a step, ``go`` go on with a click the log
    does not have, ``ad`` add the tid or comment, ``dn`` done with those, ``ok`` send, ``ch``
    choose a value to change, ``ed`` change one (``arg``: the field), ``cd`` back to the card,
    ``re`` resume an unfinished one, ``nw`` start over, ``rc`` check the tracker again
    (``arg``: a random token bound to the user)."""

    op: str
    arg: str = ""


#: ``ConversionCb(op="ck", arg=<click id>)`` records a conversion for that click (from its
#: trail); ``op="cs"``, ``arg=<click id>~<tid>`` sends a new status for that conversion
TID_MARK = "~"


class StatsCb(CallbackData, prefix="st"):
    """The /stats screen. ``op``: ``v`` view, ``n`` view as a new message (under a digest),
    ``c`` chart, ``e`` CSV, ``b`` build a report
    from this period, ``o`` open saved preset ``n``. ``p`` is a period key (``7d``)."""

    op: str
    p: str = "today"
    n: int = 0


class ReportCb(CallbackData, prefix="rb"):
    """The report builder; its spec lives in the user's stats data, so buttons carry codes.

    ``op``: ``P`` period screen, ``p`` set period ``v`` (``custom`` asks for dates), ``G`` group
    screen (``n`` 1: the sub_id screen), ``g`` set group ``v``, ``M`` metrics screen, ``m`` set
    metrics preset ``v``, ``t`` show/hide measure ``v``, ``r`` rows page ``n``, ``s`` sort by
    ``v``, ``d`` open the row whose id (country code) is ``v``, ``o`` view the opened row by
    ``v`` (``day``, ``offer``..., ``chart``), ``B`` back to the report it was opened from,
    ``c`` chart of the report, ``e`` CSV of the report, ``S`` save as a preset. Filters
    (``bot.handlers.report_filters``): ``W`` filter screen, ``A`` add kind ``v`` (a fresh
    picker), ``F`` picker of kind ``v`` page ``n``, ``f`` set ``v`` = ``kind.value``, ``x``
    remove kind ``v``, ``R`` a card's own report (kind ``v``, id ``n``).
    """

    op: str
    v: str = ""
    n: int = 0


class TimezoneCb(CallbackData, prefix="tz"):
    """The time zone setting: ``a`` ask, ``s`` set common zone ``n``."""

    op: str
    n: int = 0


class DigestCb(CallbackData, prefix="dg"):
    """Digests. ``op``: ``l`` list, ``p`` pause/resume ``id``, ``d`` delete (asks), ``D``
    delete (confirmed), ``e`` edit ``id``, ``n`` new; in the dialog: ``t`` time ``arg``
    (``0900``), ``w`` days ``arg`` (``all``, ``wd``, ``pick``), ``k`` toggle day ``arg``,
    ``K`` days chosen, ``z`` time zone ``arg``, ``r`` tracker ``id``, ``c`` chart on/off,
    ``y`` period yesterday/today, ``g`` target (``arg``: ``here``, ``ask``), ``s`` save; on an
    edit's card ``h`` time, ``a`` days, ``i`` time zone, ``Q`` tracker; ``N`` send ``id`` now.
    Under a delivered digest: ``bot.digests.buttons``."""

    op: str
    id: int = 0
    arg: str = ""


class LiveCb(CallbackData, prefix="lv"):
    """The live feed. ``t`` is the tracker the button is about: every press is checked
    against the presser's own trackers.

    Under a notification: ``c`` the campaign ``id``'s card, ``k`` the click trail of click
    ``arg``, ``m`` mute campaign ``id`` for an hour, ``M`` until tomorrow, ``u`` unmute.

    The settings screen (``bot.handlers.live``): ``s`` show tracker ``t``'s settings (also the
    tracker switch and Back), ``e`` on/off (``arg``: ``1``/``0``, the state wanted), ``S``
    statuses, ``x`` toggle status ``arg``, ``A`` all statuses, ``r`` ask the minimum revenue,
    ``R`` no minimum, ``w`` where to send, ``h`` this chat, ``q`` quiet hours, ``Q`` quiet
    preset ``arg`` (``2300-0800``, ``off``), ``b`` burst, ``B`` burst preset ``id``; the
    shared scope picker's steps: ``g`` scope screen (``arg``: ``all``, ``grp``, ``cmp``,
    ``card``; ``id``: a page), ``G`` group ``id``, ``p`` campaigns page ``id``, ``P`` tick
    campaign ``id`` (``arg``: page), ``F`` campaigns done; ``i`` the S2S postback address,
    ``I`` ask for a new one, ``J`` make it.
    """

    op: str
    t: int = 0
    id: int = 0
    arg: str = ""


class AlertCb(CallbackData, prefix="al"):
    """Alert rules. ``r`` is the rule, ``t`` its tracker: every press is checked against the
    presser's own rules, so a forged or stale button reaches nothing.

    ``/alerts`` (``bot.handlers.alerts``): ``l`` the list of tracker ``t``'s rules, ``c``
    rule ``r``'s card, ``p`` pause/resume it, ``t`` test it now, ``d`` delete (asks), ``D``
    delete (confirmed), ``e`` edit it, ``n`` a new rule, ``q`` quiet hours; the creation
    dialog's steps carry their choice in ``arg``. Under an alert: ``m`` mute rule ``r`` for
    entity ``arg`` (``c12``: campaign 12; see ``bot.alerts.entities``) an hour, ``M`` until
    tomorrow, ``u`` unmute, ``s`` the entity's stats, ``o`` ask to pause the offer's
    streams, ``O`` pause them (``arg``: the offer), ``N`` not, ``U`` resume those it paused.
    """

    op: str
    r: int = 0
    t: int = 0
    arg: str = ""
