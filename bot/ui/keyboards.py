"""Keyboard pieces shared by every screen: item numbers, paging, back and cancel."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.ui.bidi import terminate_bidi
from bot.ui.callbacks import CancelCb, MenuCb

T = TypeVar("T")
PAGE_SIZE = 10


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    number: int  # 0-based, clamped to what exists
    count: int  # pages
    total: int  # items


def page_of(items: Sequence[T], page: int, size: int = PAGE_SIZE) -> Page[T]:
    """The page ``page`` of ``items``; a page past the end (stale button) shows the last one."""
    count = max(1, -(-len(items) // size))
    number = min(max(page, 0), count - 1)
    start = number * size
    return Page(list(items[start : start + size]), number, count, len(items))


def button(text: str, callback: str) -> InlineKeyboardButton:
    """A callback button; its label (often a name from the tracker) cannot flip its row."""
    return InlineKeyboardButton(text=terminate_bidi(text), callback_data=callback)


def rows_of(
    buttons: Iterable[InlineKeyboardButton], width: int
) -> list[list[InlineKeyboardButton]]:
    rows: list[list[InlineKeyboardButton]] = []
    for item in buttons:
        if not rows or len(rows[-1]) >= width:
            rows.append([])
        rows[-1].append(item)
    return rows


def markup(*rows: list[InlineKeyboardButton] | None) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[row for row in rows if row])


def menu_button(label: str) -> InlineKeyboardButton:
    return button(label, MenuCb(screen="main").pack())


def cancel_row(label: str, where: str = "") -> list[InlineKeyboardButton]:
    return [button(label, CancelCb(where=where).pack())]
