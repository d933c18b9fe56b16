"""Greeting, help, language, cancel, and the fallbacks that keep the bot from going silent."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.handlers import menu
from bot.handlers.states import Connect, Search, TrackerEdit
from bot.i18n import LANGUAGES, Translator
from bot.ui.callbacks import CancelCb, LangCb
from bot.ui.keyboards import button, cancel_row, markup, menu_button
from bot.ui.screens import Screen, present
from storage import Tracker, User


def create_router() -> Router:
    router = Router(name="start")
    router.message.register(on_start, CommandStart())
    router.message.register(on_help, Command("help"))
    router.message.register(on_lang, Command("lang"))
    router.callback_query.register(on_lang_chosen, LangCb.filter())
    router.message.register(on_cancel, Command("cancel"))
    router.callback_query.register(on_cancel_button, CancelCb.filter())
    return router


async def on_start(
    message: Message, state: FSMContext, t: Translator, tracker: Tracker | None, **data: object
) -> None:
    await state.clear()
    name = message.from_user.first_name if message.from_user else ""
    greeting = t("start.greeting", name=name)
    if tracker is None:
        await state.set_state(Connect.url)
        keyboard = markup(cancel_row(t.plain("b.cancel")))
        await message.answer(f"{greeting}\n\n{t('connect.ask_url')}", reply_markup=keyboard)
        return
    await message.answer(greeting)
    screen = await menu.main_screen(t=t, tracker=tracker, **data)
    await present(message, screen)


async def on_help(message: Message, t: Translator) -> None:
    await message.answer(t("help"), reply_markup=markup([menu_button(t.plain("b.menu"))]))


def language_screen(t: Translator) -> Screen:
    names = {"ru": "🇷🇺 Русский", "en": "🇬🇧 English", "uk": "🇺🇦 Українська"}
    row = [button(names[code], LangCb(code=code).pack()) for code in LANGUAGES]
    return Screen(t("lang.choose"), markup(row, [menu_button(f"« {t.plain('b.menu')}")]))


async def on_lang(message: Message, t: Translator) -> None:
    await present(message, language_screen(t))


async def on_lang_chosen(
    query: CallbackQuery, callback_data: LangCb, user: User, services: object, **_: object
) -> None:
    code = callback_data.code if callback_data.code in LANGUAGES else LANGUAGES[0]
    await services.users.set_language(user.id, code)  # type: ignore[attr-defined]
    t = Translator(code)
    await present(query, Screen(t("lang.set"), markup([menu_button(t.plain("b.menu"))])))


async def on_cancel(message: Message, state: FSMContext, t: Translator, stopped: int = 0) -> None:
    """``stopped``: the user's requests still waiting that /cancel stopped (see
    :mod:`bot.middlewares.interrupts`)."""
    had_dialog = await state.get_state() is not None
    await state.clear()
    text = t("cancelled") if had_dialog else t("nothing_to_cancel")
    if stopped:
        text = t("cancel.stopped") + ("\n" + t("cancelled") if had_dialog else "")
    await message.answer(text, reply_markup=markup([menu_button(t.plain("b.menu"))]))


async def on_cancel_button(query: CallbackQuery, state: FSMContext, t: Translator) -> None:
    await state.clear()
    await present(query, Screen(t("cancelled"), markup([menu_button(t.plain("b.menu"))])))


# --- fallbacks: included last, so they only see what nothing else took -----------------------


STATE_HINTS = {
    Connect.url.state: "connect.ask_url",
    Connect.api_key.state: "connect.ask_key",
    TrackerEdit.rename.state: "trackers.ask_name",
    TrackerEdit.postback.state: "trackers.ask_postback",
    Search.query.state: "search.ask",
}


def create_fallback_router() -> Router:
    router = Router(name="fallback")
    router.message.register(on_unexpected_message)
    router.callback_query.register(on_stale_button)
    return router


async def on_unexpected_message(message: Message, state: FSMContext, t: Translator) -> None:
    current = await state.get_state()
    if current in STATE_HINTS:
        hint = t(STATE_HINTS[current])
        keyboard = markup(cancel_row(t.plain("b.cancel")))
        await message.answer(f"{t('fallback.in_dialog')}\n{hint}", reply_markup=keyboard)
        return
    if message.chat.type != "private":
        return  # a command meant for another bot, or talk among the members: not for us
    if message.text and message.text.startswith("/"):
        await message.answer(t("fallback.unknown_command"))
        return
    await message.answer(t("fallback.text"), reply_markup=markup([menu_button(t.plain("b.menu"))]))


async def on_stale_button(
    query: CallbackQuery, t: Translator, callback_answer: CallbackAnswer
) -> None:
    callback_answer.text = t.plain("stale.button")
    await present(query, Screen(t("stale.screen"), markup([menu_button(t.plain("b.menu"))])))
