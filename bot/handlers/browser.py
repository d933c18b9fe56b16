"""The resource browser: one set of handlers serving all 17 resources, driven by the views.

Lists come from the tracker once and are paged from a short cache; every button carries ids
only and acts on the caller's own active tracker, so forged data reaches nothing else.
"""

from __future__ import annotations

import functools
from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, Message

from bot.handlers import stats as stats_screens
from bot.handlers.states import Search
from bot.i18n import Html, Translator
from bot.services.request import TrackerRequest, chat_of
from bot.stats import ratios
from bot.stats.today import today_row, today_rows
from bot.ui import format as fmt
from bot.ui import render
from bot.ui.callbacks import TID_MARK, BrowseCb, ConversionCb, ReportCb, TrackerCb
from bot.ui.errors import describe
from bot.ui.keyboards import PAGE_SIZE, button, cancel_row, markup, menu_button, page_of, rows_of
from bot.ui.screens import Screen, present
from bot.ui.views import VIEWS, EntityView, Link, TableView
from keitaro import ApiResult, KeitaroClient, KeitaroError, NotFoundError
from storage import Tracker, User

#: commands that open a view directly
COMMANDS = {
    "campaigns": "cm",
    "offers": "of",
    "streams": "st",
    "landings": "lp",
    "logs": "lg",
}


def create_router() -> Router:
    router = Router(name="browser")
    router.message.register(on_command, Command(*COMMANDS))
    router.callback_query.register(on_browse, BrowseCb.filter())
    router.message.register(on_search_query, Search.query, F.text & ~F.text.startswith("/"))
    return router


class Browse(TrackerRequest):
    """One browsing request: who asks, with which tracker, and how to answer."""

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
        self.event = event
        self.state = state

    def back_button(self, cb: BrowseCb | None) -> InlineKeyboardButton:
        if cb is None:
            return menu_button(f"« {self.t.plain('b.menu')}")
        return button(f"« {self.t.plain('b.back')}", cb.pack())

    def failure(self, error: KeitaroError, retry: BrowseCb, back: BrowseCb | None) -> Screen:
        rows = [[button(f"🔄 {self.t.plain('b.retry')}", retry.pack()), self.back_button(back)]]
        if error.result is not None:
            rows.append([self.details_button(error.result)])
        if error.code in {"bad_key", "forbidden", "unreachable", "not_keitaro"}:
            rows.append([button(f"🔑 {self.t.plain('b.trackers')}", TrackerCb(op="l").pack())])
        return Screen(f"❌ {describe(self.t, error, self.client.host)}", markup(*rows))

    async def search_query(self, view: str) -> str:
        data = await self.state.get_data()
        return str((data.get("search") or {}).get(view, ""))

    # --- entity lists -------------------------------------------------------------------------

    async def entity_rows(self, view: EntityView, parent: int, arg: str) -> tuple[list, ApiResult]:
        result = await self.call(view.list_action, view.list_params(parent, arg), cached=True)
        rows = result.data if isinstance(result.data, list) else []
        return [row for row in rows if isinstance(row, dict)], result

    async def pick(self, cb: BrowseCb, target: EntityView | TableView) -> Screen:
        """The parent a view needs (a campaign for streams), as a list whose items lead on."""
        assert target.parent_view is not None
        parent = VIEWS[target.parent_view]
        assert isinstance(parent, EntityView)
        rows, result = await self.entity_rows(parent, 0, "")
        rows = [row for row in rows if row.get("state") != "deleted"]
        page = page_of(rows, cb.page)
        op = "l" if isinstance(target, EntityView) else "t"
        lines = [render.entity_line(parent, row) for row in page.items]
        items = [
            button(f"#{row['id']}", BrowseCb(op=op, view=target.code, parent=row["id"]).pack())
            for row in page.items
        ]
        title = self.t(
            "browse.pick", what=self.t.plain(target.label), parent=self.t.plain(parent.label)
        )
        nav = self.nav_row(cb, page.number, page.count, search=False)
        body = "\n".join(lines) or self.t("browse.empty")
        keyboard = markup(
            *rows_of(items, 5), nav, [self.details_button(result), self.back_button(None)]
        )
        return Screen(
            f"{title}\n{self.page_note(page.number, page.count, page.total)}\n\n{body}", keyboard
        )

    def choose_arg(self, cb: BrowseCb, view: EntityView | TableView) -> Screen:
        op = "l" if isinstance(view, EntityView) else "t"
        choices = [
            button(
                self.t.plain(f"arg.{choice}"),
                BrowseCb(op=op, view=view.code, parent=cb.parent, arg=choice).pack(),
            )
            for choice in view.arg_choices
        ]
        keyboard = markup(*rows_of(choices, 2), [self.back_button(None)])
        return Screen(self.t("browse.choose", what=self.t.plain(view.label)), keyboard)

    def nav_row(
        self, cb: BrowseCb, page: int, pages: int, *, search: bool
    ) -> list[InlineKeyboardButton]:
        row = []
        if page > 0:
            row.append(
                button(
                    "« " + self.t.plain("b.prev"), cb.model_copy(update={"page": page - 1}).pack()
                )
            )
        if search:
            row.append(
                button(
                    "🔎 " + self.t.plain("b.search"),
                    cb.model_copy(update={"op": "s", "page": 0}).pack(),
                )
            )
        if page < pages - 1:
            row.append(
                button(
                    self.t.plain("b.next") + " »", cb.model_copy(update={"page": page + 1}).pack()
                )
            )
        return row

    def page_note(self, page: int, pages: int, total: int) -> str:
        return self.t("browse.page", page=page + 1, pages=pages, total=fmt.number(total))

    async def entity_list(self, cb: BrowseCb, view: EntityView) -> Screen:
        if view.parent_view and not cb.parent:
            return await self.pick(cb, view)
        if view.arg_choices and not cb.arg:
            return self.choose_arg(cb, view)
        rows, result = await self.entity_rows(view, cb.parent, cb.arg)
        query = await self.search_query(view.code) if cb.q else ""
        if query:
            rows = search(view, rows, query)
        page = page_of(rows, cb.page)
        title = f"{view.icon} <b>{self.t(view.label)}</b>"
        if cb.parent:
            title += f" · #{cb.parent}"
        if cb.arg:
            title += f" · {self.t(f'arg.{cb.arg}')}"
        if query:
            title += " · " + self.t("browse.found", query=query)
        lines = [render.entity_line(view, row) for row in page.items]
        if view.stats_filter and page.items:  # today's profit and ROI on each row
            today = await self.today_rows(view.stats_filter)
            lines = [
                line + render.today_suffix(self.t, today.get(row.get("id")))
                for line, row in zip(lines, page.items, strict=True)
            ]
        body = "\n".join(lines) or (
            self.t("browse.nothing_found") if query else self.t("browse.empty")
        )
        items = [
            button(f"#{row['id']}", cb.model_copy(update={"op": "c", "id": row["id"]}).pack())
            for row in page.items
        ]
        nav = self.nav_row(cb, page.number, page.count, search=True)
        back = None
        if view.parent_view:
            back = BrowseCb(op="l", view=view.code)
        from bot.handlers.actions import create_button

        create = create_button(self.t, view.resource, self.tracker.id, cb.parent)
        if not rows and not query and create is not None:
            body = self.t("browse.empty_create", what=self.t.plain(view.label))
        if result.warnings and not rows:
            body += "\n\n" + self.t("browse.restricted_hint")
        keyboard = markup(
            *rows_of(items, 5),
            nav,
            [create] if create else None,
            [self.details_button(result), self.back_button(back)],
            writes_row(self.t, view),
        )
        text = f"{title}\n{self.page_note(page.number, page.count, page.total)}\n\n{body}"
        return Screen(text, keyboard)

    # --- cards ----------------------------------------------------------------------------------

    async def entity(
        self, view: EntityView, cb: BrowseCb
    ) -> tuple[dict[str, Any] | None, ApiResult]:
        if view.get_action:
            result = await self.call(view.get_action, {"id": cb.id}, cached=False)
            return (result.data if isinstance(result.data, dict) else None), result
        rows, result = await self.entity_rows(view, cb.parent, cb.arg)
        return next((row for row in rows if row.get("id") == cb.id), None), result

    async def card(self, cb: BrowseCb, view: EntityView) -> Screen:
        back = cb.model_copy(update={"op": "l", "id": 0})
        try:
            row, result = await self.entity(view, cb)
        except NotFoundError:
            row, result = None, None
        if row is None:
            keyboard = markup([self.back_button(back)])
            return Screen(self.t("browse.gone", what=self.t.plain(view.label), id=cb.id), keyboard)
        text = render.card_text(self.t, view, row, self.tracker.url)
        if view.stats_filter:
            text += await self.today_line(view.stats_filter, cb.id)
        links = [item for link in view.links for item in self.link_buttons(link, row)]
        for code in view.tables:
            table = VIEWS[code]
            links.append(
                button(
                    f"{table.icon} {self.t.plain(table.label)}",
                    BrowseCb(op="t", view=code, parent=cb.id).pack(),
                )
            )
        if view.stats_filter:  # its own report, a tap from its trend chart
            stats = f"📊 {self.t.plain('b.stats')}"
            links.append(button(stats, ReportCb(op="R", v=view.stats_filter, n=cb.id).pack()))
        more = button(
            f"📋 {self.t.plain('b.all_fields')}",
            cb.model_copy(update={"op": "f", "page": 0}).pack(),
        )
        from bot.handlers.actions import card_buttons, create_button  # the write actions

        children = [
            made
            for child in VIEWS.values()
            if isinstance(child, EntityView) and child.parent_view == view.code
            if (made := create_button(self.t, child.resource, self.tracker.id, cb.id))
        ]
        keyboard = markup(
            *rows_of(card_buttons(self.t, view, row, self.tracker.id), 3),
            *rows_of(links, 2),
            children,
            [more, self.details_button(result)],
            [self.back_button(back)],
        )
        return Screen(text, keyboard)

    async def today_rows(self, kind: str) -> dict[int, dict[str, Any]]:
        """Today's numbers of every entity of the kind (one cached report; none when the key
        may not read reports: the list still opens)."""
        call = functools.partial(self.call, cached=True)
        try:
            return await today_rows(call, kind, self.user.timezone or "UTC", stats_screens.now())
        except KeitaroError:
            return {}

    async def today_line(self, kind: str, entity_id: int) -> str:
        """``Today: 412 clicks · 14 conv. · profit +$310.00 · ROI 92%`` under a card; nothing
        when the key may not read reports (a card must open even then)."""
        zone = self.user.timezone or "UTC"
        call = functools.partial(self.call, cached=True)
        try:
            row = await today_row(call, kind, entity_id, zone, stats_screens.now())
        except KeitaroError:
            return ""
        return "\n" + self.t(
            "card.today",
            clicks=Html(fmt.number(row.get("clicks") or 0)),
            conversions=Html(fmt.number(row.get("conversions") or 0)),
            profit=Html(fmt.money(row.get("profit") or 0, "USD", signed=True)),
            roi=Html(fmt.roi(ratios.based(row, "roi"))),  # no spend: "—", not 🟢 0%
        )

    def link_buttons(self, link: Link, row: dict[str, Any]) -> list[InlineKeyboardButton]:
        """Buttons that open what a card relates to: a list scoped to it, or other cards."""
        target = VIEWS[link.view]
        label = f"{target.icon} {self.t.plain(link.label)}"
        if link.items_from:
            items = row.get(link.items_from) or []
            ids = [item.get(link.item_id) for item in items if isinstance(item, dict)]
            return [
                button(f"{label} #{item}", BrowseCb(op="c", view=link.view, id=int(item)).pack())
                for item in ids[:10]
                if item
            ]
        value = row.get("id") if link.parent_from == "id" else row.get(link.parent_from)
        if not value:
            return []
        if link.as_card:
            return [button(label, BrowseCb(op="c", view=link.view, id=int(value)).pack())]
        op = "l" if isinstance(target, EntityView) else "t"
        return [button(label, BrowseCb(op=op, view=link.view, parent=int(value)).pack())]

    async def all_fields(self, cb: BrowseCb, view: EntityView) -> Screen:
        back = cb.model_copy(update={"op": "c", "page": 0})
        try:
            row, _result = await self.entity(view, cb)
        except NotFoundError:
            row = None
        if row is None:
            return Screen(
                self.t("browse.gone", what=self.t.plain(view.label), id=cb.id),
                markup([self.back_button(back)]),
            )
        lines, pages = render.fields_page(row, cb.page)
        page = min(cb.page, pages - 1)
        title = f"{view.icon} <b>{fmt.esc(fmt.cut(view.title(row), 200))}</b> <code>#{cb.id}</code>"
        nav = self.nav_row(cb, page, pages, search=False)
        return Screen("\n".join([title, *lines]), markup(nav, [self.back_button(back)]))

    # --- tables ---------------------------------------------------------------------------------

    async def table(self, cb: BrowseCb, view: TableView) -> Screen:
        if view.parent_view and not cb.parent:
            return await self.pick(cb, view)
        if view.arg_choices and not cb.arg:
            return self.choose_arg(cb, view)
        tz = self.user.timezone or "UTC"
        params = view.call_params(cb.parent, cb.arg, cb.page, PAGE_SIZE, tz)
        result = await self.call(view.action, params, cached=not view.server_paging)
        rows, total, summary = render.table_rows(view, result.data)
        if view.server_paging:
            count = max(1, -(-(total or 0) // PAGE_SIZE))
            page_number, shown, total_count = min(cb.page, count - 1), rows, total or 0
        else:
            page = page_of(rows, cb.page)
            page_number, count, shown, total_count = page.number, page.count, page.items, page.total
        title = f"{view.icon} <b>{self.t(view.label)}</b>"
        if cb.parent:
            title += f" · #{cb.parent}"
        if cb.arg:
            title += f" · {self.t(f'arg.{cb.arg}')}"
        lines = [render.table_line(view, row, t=self.t) for row in shown]
        actions = row_actions(view, shown)
        if actions:  # numbered, so "🔁 3" says which row it changes
            lines = [f"{n}. {line}" for n, line in enumerate(lines, 1)]
            lines.append(self.t("browse.status_hint"))
        if view.shape == "grid" and view.columns and shown:
            lines.insert(0, "<i>" + " · ".join(self.t(f"col.{c}") for c in view.columns) + "</i>")
        if summary:
            lines.insert(0, "<b>Σ</b> " + render.table_line(view, summary, totals=True))
        body = "\n".join(lines) or self.t("browse.empty")
        switch = []
        if view.arg_choices and cb.arg:
            switch = [
                button(
                    ("• " if choice == cb.arg else "") + self.t.plain(f"arg.{choice}"),
                    cb.model_copy(update={"arg": choice, "page": 0}).pack(),
                )
                for choice in view.arg_choices
            ]
        nav = self.nav_row(cb, page_number, count, search=False)
        keyboard = markup(
            *rows_of(switch, 3),
            *rows_of(actions, 5),
            nav,
            [self.details_button(result), self.back_button(None)],
            writes_row(self.t, view),
        )
        text = f"{title}\n{self.page_note(page_number, count, total_count)}\n\n{body}"
        return Screen(text, keyboard)


def row_actions(view: TableView, rows: list[Any]) -> list[InlineKeyboardButton]:
    """ "🔁 n" under a conversion log: send that conversion a new status (its click id and tid
    go with it into the conversion dialog)."""
    if view.row_action != "status":
        return []
    found = []
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not row.get("sub_id"):
            continue
        data = ConversionCb(op="cs", arg=f"{row['sub_id']}{TID_MARK}{row.get('tid') or ''}").pack()
        if len(data.encode()) <= 64:
            found.append(button(f"🔁 {n}", data))
    return found


def writes_row(t: Translator, view: EntityView | TableView) -> list[InlineKeyboardButton]:
    """The "✍️ Actions" button of the view's resource (create and the rest), when it has any."""
    from bot.handlers.actions import view_actions_button

    found = view_actions_button(t, view)
    return [found] if found else []


def search(view: EntityView, rows: list[dict[str, Any]], query: str) -> list[dict[str, Any]]:
    """Rows whose id is ``query`` (with or without #) or whose title contains it."""
    needle = query.strip().lstrip("#").casefold()
    if needle.isdigit():
        exact = [row for row in rows if str(row.get("id")) == needle]
        if exact:
            return exact
    return [row for row in rows if needle in view.title(row).casefold()]


async def show(event: Message | CallbackQuery, cb: BrowseCb, **data: Any) -> None:
    t: Translator = data["t"]
    if data.get("tracker") is None or data.get("client") is None:
        keyboard = markup([button(t.plain("b.connect"), TrackerCb(op="a").pack())])
        await present(event, Screen(t("menu.no_tracker"), keyboard))
        return
    view = VIEWS.get(cb.view)
    if view is None:
        await present(event, Screen(t("stale.screen"), markup([menu_button(t.plain("b.menu"))])))
        return
    browse = Browse(
        event,
        t,
        data["user"],
        data["tracker"],
        data["client"],
        data["services"],
        data["bot"],
        data["state"],
    )
    back = None if cb.op == "l" else cb.model_copy(update={"op": "l", "id": 0})
    try:
        if isinstance(view, TableView):
            screen = await browse.table(cb, view)
        elif cb.op == "c":
            screen = await browse.card(cb, view)
        elif cb.op == "f":
            screen = await browse.all_fields(cb, view)
        else:
            screen = await browse.entity_list(cb, view)
    except KeitaroError as error:
        screen = browse.failure(error, cb, back)
    await present(event, screen)


async def on_command(message: Message, **data: Any) -> None:
    command = (message.text or "").split()[0].lstrip("/").split("@")[0]
    code = COMMANDS.get(command, "cm")
    view = VIEWS[code]
    op = "l" if isinstance(view, EntityView) else "t"
    await show(message, BrowseCb(op=op, view=code), **data)


async def on_browse(
    query: CallbackQuery, callback_data: BrowseCb, state: FSMContext, **data: Any
) -> None:
    if callback_data.op == "s":
        await state.set_state(Search.query)
        await state.update_data(
            searching={**callback_data.model_dump(), "op": "l", "q": 1, "page": 0}
        )
        t: Translator = data["t"]
        keyboard = markup(cancel_row(t.plain("b.cancel")))
        await present(query, Screen(t("search.ask"), keyboard))
        return
    await show(query, callback_data, state=state, **data)


async def on_search_query(message: Message, state: FSMContext, **data: Any) -> None:
    stored = await state.get_data()
    target = stored.get("searching")
    await state.set_state(None)
    if not target:
        await show(message, BrowseCb(op="l", view="cm"), state=state, **data)
        return
    cb = BrowseCb(**target)
    searches = dict(stored.get("search") or {})
    searches[cb.view] = (message.text or "").strip()[:100]
    await state.update_data(search=searches, searching=None)
    await show(message, cb, state=state, **data)
