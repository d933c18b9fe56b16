"""``/stats``: a period's money in one tap, its chart, its CSV, and the user's time zone.

Days are counted in the user's time zone and the numbers come from the same ``reports.build``
request Keitaro's own report makes, so the bot and the tracker never disagree.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardButton, Message
from aiogram.utils.chat_action import ChatActionSender

from bot.charts import daily_chart, day_slots, hour_slots
from bot.handlers.states import StatsDialog
from bot.i18n import Html, Translator
from bot.services.request import TrackerRequest, chat_of
from bot.stats import PERIODS, Period, build_summary, period_of, previous_of
from bot.stats.export import report_csv
from bot.stats.names import preset_name
from bot.stats.periods import ALIASES, zone_named
from bot.stats.render import chart_names, summary_text
from bot.stats.summary import MEASURES
from bot.ui import format as fmt
from bot.ui.callbacks import MenuCb, StatsCb, TimezoneCb
from bot.ui.errors import describe
from bot.ui.keyboards import button, cancel_row, markup, menu_button, rows_of
from bot.ui.screens import Screen, fit, present
from keitaro import ApiResult, KeitaroClient, KeitaroError
from storage import Tracker, User

CURRENCY = "USD"
#: time zones offered as buttons; any other IANA name can be typed
COMMON_ZONES: tuple[str, ...] = (
    "UTC", "Europe/Moscow", "Europe/Kyiv", "Europe/Berlin", "Europe/London",
    "Asia/Almaty", "Asia/Dubai", "America/New_York",
)  # fmt: skip
CHART_MEASURES = ["clicks", "conversions", "revenue", "cost", "profit", "roi"]
PRESET_LABEL = 40


def now() -> datetime:
    """The current moment; a function so tests can move the clock."""
    return datetime.now(UTC)


def stats_store(state: FSMContext) -> FSMContext:
    """The user's stats data (report spec, presets) beside their dialogs, not inside: other
    dialogs clear their own data when they end, and must not wipe saved reports."""
    return FSMContext(storage=state.storage, key=replace(state.key, destiny="stats"))


class Ask(TrackerRequest):
    """One stats request: who asks, with which tracker, in which time zone."""

    def __init__(
        self,
        event: Message | CallbackQuery,
        t: Translator,
        user: User,
        tracker: Tracker,
        client: KeitaroClient,
        services: Any,
        bot: Bot,
        state: FSMContext,
    ) -> None:
        super().__init__(t, user, tracker, client, services, bot, chat_of(event, user))
        self.event, self.state = event, state
        self.store = stats_store(state)

    @property
    def timezone(self) -> str:
        return self.user.timezone or "UTC"

    async def call(
        self, action: str, params: dict[str, Any] | None = None, *, cached: bool = True
    ) -> ApiResult:
        """Stats reads come from the short cache unless asked otherwise."""
        return await super().call(action, params, cached=cached)

    def failure(self, error: KeitaroError, retry: str) -> Screen:
        rows = [[button(f"🔄 {self.t.plain('b.retry')}", retry), self.menu()]]
        text = self.t("stats.failed", reason=Html(describe(self.t, error, self.client.host)))
        return Screen(text, markup(*rows))

    def menu(self) -> InlineKeyboardButton:
        return menu_button(f"« {self.t.plain('b.menu')}")


async def ask_of(event: Message | CallbackQuery, data: dict[str, Any]) -> Ask | None:
    """The request, or None after showing the menu's "connect a tracker" screen."""
    if data.get("tracker") is None or data.get("client") is None:
        from bot.handlers.menu import main_screen

        await present(event, await main_screen(**data))
        return None
    keys = ("t", "user", "tracker", "client", "services", "bot", "state")
    return Ask(event, **{key: data[key] for key in keys})


def dates_text(period: Period) -> str:
    if period.first == period.last:
        return f"{period.first:%d.%m.%Y}"
    return f"{period.first:%d.%m}–{period.last:%d.%m.%Y}"


def period_title(t: Translator, period: Period) -> str:
    return t.plain(
        "stats.title",
        period=t.plain(f"stats.p.{period.key}"),
        dates=dates_text(period),
        zone=period.timezone,
    )


def period_row(t: Translator, current: str) -> list[list[InlineKeyboardButton]]:
    buttons = []
    for key in PERIODS:
        text = t.plain(f"stats.p.{key}")
        buttons.append(
            button(f"• {text}" if key == current else text, StatsCb(op="v", p=key).pack())
        )
    return rows_of(buttons, 3)


async def presets_of(ask: Ask) -> list[dict[str, Any]]:
    presets = (await ask.store.get_data()).get("presets")
    return [preset for preset in presets or [] if isinstance(preset, dict)]


async def stats_screen(ask: Ask, key: str) -> Screen:
    moment = now()
    period = period_of(key, ask.timezone, moment)
    previous = previous_of(period, moment)
    try:
        summary = await build_summary(ask.call, period, previous)
    except KeitaroError as error:
        return ask.failure(error, StatsCb(op="v", p=period.key).pack())
    t = ask.t
    text = summary_text(t, summary, period_title(t, period), CURRENCY)
    rows = period_row(t, period.key)
    rows.append(
        [
            button(t.plain("stats.b.chart"), StatsCb(op="c", p=period.key).pack()),
            button(t.plain("stats.b.build"), StatsCb(op="b", p=period.key).pack()),
            button(t.plain("stats.b.csv"), StatsCb(op="e", p=period.key).pack()),
        ]
    )
    presets = [
        button(
            f"⭐ {fmt.cut(preset_name(ask.t, preset), PRESET_LABEL)}", StatsCb(op="o", n=n).pack()
        )
        for n, preset in enumerate(await presets_of(ask))
    ]
    rows += rows_of(presets, 2)
    rows.append([ask.menu()])
    return Screen(text, markup(*rows))


def period_key(argument: str | None) -> str:
    """``/stats 7d``, ``/stats вчера``: the period typed after the command (today if none)."""
    word = (argument or "").strip().lower().split(maxsplit=1)
    return ALIASES.get(word[0], "today") if word else "today"


async def on_stats(message: Message, command: CommandObject, **data: Any) -> None:
    ask = await ask_of(message, data)
    if ask is not None:
        await present(message, await stats_screen(ask, period_key(command.args)))


async def on_stats_button(query: CallbackQuery, callback_data: StatsCb, **data: Any) -> None:
    if callback_data.op == "n":
        await open_below(query, callback_data, data)
        return
    ask = await ask_of(query, data)
    if ask is None:
        return
    key = callback_data.p if callback_data.p in PERIODS else "today"
    if callback_data.op == "c":
        await send_chart(ask, period_of(key, ask.timezone, now()))
    elif callback_data.op == "e":
        await send_csv(ask, period_of(key, ask.timezone, now()))
    else:
        await present(query, await stats_screen(ask, key))


async def open_below(query: CallbackQuery, callback_data: StatsCb, data: dict[str, Any]) -> None:
    """ "Open stats" under a digest: the presser's own stats as a new message, so the digest
    stays readable (and in a group, someone without a tracker only gets a hint)."""
    if data.get("tracker") is None or data.get("client") is None:
        answer = data.get("callback_answer")
        if answer is not None:
            answer.text, answer.show_alert = data["t"].plain("stats.connect_first"), True
        return
    ask = await ask_of(query, data)
    if ask is None:
        return
    key = callback_data.p if callback_data.p in PERIODS else "today"
    screen = fit(await stats_screen(ask, key))
    await ask.bot.send_message(ask.chat_id, screen.text, reply_markup=screen.keyboard)


# --- chart and CSV ------------------------------------------------------------------------------


async def send_chart(
    ask: Ask,
    period: Period,
    *,
    filters: list[dict[str, Any]] | None = None,
    name: str = "",
) -> None:
    """Revenue, cost and profit by day (one day: by hour) with ROI, as a photo with a caption.

    With ``filters`` it is the trend of one campaign (offer, source...), called ``name``.
    """
    key = "hour" if period.days == 1 else "day"
    params: dict[str, Any] = {
        "range": period.as_range(),
        "dimensions": [key],
        "measures": CHART_MEASURES,
        "sort": [{"name": key, "order": "ASC"}],
        "summary": True,
        "limit": 1000,
    }
    if filters:
        params["filters"] = filters
    t = ask.t
    async with ChatActionSender.upload_photo(bot=ask.bot, chat_id=ask.chat_id):
        try:
            result = await ask.call("reports.build", params)
        except KeitaroError as error:
            await ask.bot.send_message(ask.chat_id, ask.failure(error, "").text)
            return
        rows = [row for row in result.data.get("rows") or [] if isinstance(row, dict)]
        totals = result.data.get("summary") or {}
        title = period_title(t, period)
        if name:
            title = f"{title.split(',')[0]} · {fmt.cut(name, 40)}"
        png = await daily_chart(
            rows,
            currency=CURRENCY,
            title=title.removeprefix("📊 "),
            key=key,
            names=chart_names(t),
            slots=chart_slots(period, key),
            partial=period.last == now().astimezone(zoneinfo.ZoneInfo(period.timezone)).date(),
        )
        caption = t(
            "stats.chart_caption",
            title=title,
            profit=Html(fmt.money(totals.get("profit", 0), CURRENCY, signed=True)),
            roi=Html(fmt.roi(totals.get("roi", 0))),
            revenue=Html(fmt.money(totals.get("revenue", 0), CURRENCY)),
            cost=Html(fmt.money(totals.get("cost", 0), CURRENCY)),
        )
        name = f"stats-{period.first.isoformat()}-{period.last.isoformat()}.png"
        await ask.bot.send_photo(ask.chat_id, BufferedInputFile(png, name), caption=caption)


def chart_slots(period: Period, key: str) -> list[str]:
    """Every day of the period; for one day its hours (today: up to the current one)."""
    if key != "hour":
        return day_slots(period.first, period.last)
    local = now().astimezone(zoneinfo.ZoneInfo(period.timezone))
    return hour_slots(local.hour if local.date() == period.last else 23)


async def send_document(ask: Ask, content: bytes, name: str, caption: str) -> None:
    async with ChatActionSender.upload_document(bot=ask.bot, chat_id=ask.chat_id):
        await ask.bot.send_document(ask.chat_id, BufferedInputFile(content, name), caption=caption)


async def send_csv(ask: Ask, period: Period) -> None:
    """The period by campaign: one row each, then the totals, as a document."""
    params = {
        "range": period.as_range(),
        "dimensions": ["campaign_id", "campaign"],
        "measures": MEASURES,
        "sort": [{"name": "profit", "order": "DESC"}],
        "summary": True,
        "limit": 1000,
    }
    try:
        result = await ask.call("reports.build", params)
    except KeitaroError as error:
        await ask.bot.send_message(ask.chat_id, ask.failure(error, "").text)
        return
    rows = [row for row in result.data.get("rows") or [] if isinstance(row, dict)]
    content = report_csv(rows, ["campaign_id", "campaign", *MEASURES], result.data.get("summary"))
    name = f"stats-{period.first.isoformat()}-{period.last.isoformat()}.csv"
    caption = ask.t("stats.csv_caption", title=period_title(ask.t, period), rows=len(rows))
    await send_document(ask, content, name, caption)


# --- time zone ----------------------------------------------------------------------------------


def timezone_screen(t: Translator, user: User) -> Screen:
    zones = [button(zone, TimezoneCb(op="s", n=n).pack()) for n, zone in enumerate(COMMON_ZONES)]
    rows = rows_of(zones, 2)
    rows.append(cancel_row(t.plain("b.cancel")))
    return Screen(t("tz.title", zone=user.timezone or "UTC"), markup(*rows))


async def on_timezone_button(
    query: CallbackQuery,
    callback_data: TimezoneCb,
    t: Translator,
    user: User,
    services: Any,
    state: FSMContext,
) -> None:
    if callback_data.op == "s" and 0 <= callback_data.n < len(COMMON_ZONES):
        await save_timezone(query, t, user, services, state, COMMON_ZONES[callback_data.n])
        return
    await state.set_state(StatsDialog.timezone)
    await present(query, timezone_screen(t, user))


async def on_timezone_text(
    message: Message, t: Translator, user: User, services: Any, state: FSMContext
) -> None:
    zone = zone_named(message.text or "")
    if zone is None:
        await message.answer(t("tz.bad", zone=fmt.cut(message.text or "", 60)))
        return
    await save_timezone(message, t, user, services, state, zone)


async def save_timezone(
    event: Message | CallbackQuery,
    t: Translator,
    user: User,
    services: Any,
    state: FSMContext,
    zone: str,
) -> None:
    await services.users.set_timezone(user.id, zone)
    await state.set_state(None)
    rows = [
        [button(f"📊 {t.plain('stats.p.today')}", StatsCb(op="v").pack())],
        [button(f"« {t.plain('b.settings')}", MenuCb(screen="settings").pack())],
    ]
    await present(event, Screen(t("tz.saved", zone=zone), markup(*rows)))


def create_router() -> Router:
    router = Router(name="stats")
    router.message.register(on_stats, Command("stats"))
    router.callback_query.register(on_stats_button, StatsCb.filter(F.op.in_({"v", "n", "c", "e"})))
    router.callback_query.register(on_timezone_button, TimezoneCb.filter())
    router.message.register(
        on_timezone_text, StatsDialog.timezone, F.text & ~F.text.startswith("/")
    )
    return router
