"""Telegram's text parse modes, applied the way the Bot API server applies them.

Why: the bot formats every card in HTML, and Telegram refuses the *whole* message when one tag
is unknown or one `<` comes from unescaped user data. Parsing here with Telegram's rules makes
those bugs fail in tests instead of in front of users. The result is what Telegram stores and
returns: the visible text (tags removed, entities decoded, outer whitespace trimmed) plus
`entities` with UTF-16 offsets, which is what aiogram's `Message.html_text` reads back.

One deliberate difference: Telegram keeps a bare `&` literally; here it is refused (unless
`strict=False`), because an unescaped `&` means dynamic text skipped `html.quote` and the next
value may carry a `<`.
"""

from __future__ import annotations

import re
from typing import Any

Entity = dict[str, Any]

_SPECIAL = re.compile(r"[<&]")
_HTML_ENTITY = re.compile(r"&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8})|([a-zA-Z][a-zA-Z0-9]*));")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG_NAME = re.compile(r"[^\s>/]*")
_ATTRIBUTE = re.compile(r"\s*([a-zA-Z_:-]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>\"']+))?")
_END_TAG = re.compile(r"</\s*([^\s>]*)\s*>")
_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
}
_ALLOWED_TAGS = {*_SIMPLE_TAGS, "span", "a", "blockquote", "tg-emoji"}
_MARKDOWN_V2_RESERVED = set("_*[]()~`>#+-=|{}.!")


class EntityParseError(ValueError):
    """Telegram's `can't parse entities: ...` reason."""


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: the unit of Telegram's entity offsets."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode())


def parse_text(
    text: str, parse_mode: str | None, *, strict: bool = True
) -> tuple[str, list[Entity]]:
    """Visible text and entities of `text` sent with `parse_mode`; raises `EntityParseError`."""
    mode = (parse_mode or "").lower()
    if mode == "html":
        visible, entities = parse_html(text, strict=strict)
    elif mode == "markdownv2":
        visible, entities = _parse_markdown_v2(text), []
    elif mode in ("", "markdown"):
        visible, entities = text, []
    else:
        raise ValueError(parse_mode)
    return _trim(visible, entities)


def parse_html(text: str, *, strict: bool = True) -> tuple[str, list[Entity]]:
    """Telegram's HTML parse mode: the allowed tags, `&lt;`-style entities, nesting checks."""
    if "<" not in text and "&" not in text:
        return text, []
    pieces: list[str] = []
    position = 0  # UTF-16 offset of the visible text built so far
    stack: list[dict[str, Any]] = []
    entities: list[tuple[int, int, int, Entity]] = []  # sort key (outer tag first) + entity
    index = 0
    while match := _SPECIAL.search(text, index):
        start = match.start()
        if start > index:
            chunk = text[index:start]
            pieces.append(chunk)
            position += utf16_len(chunk)
        if text[start] == "&":
            decoded, index = _decode_entity(text, start, strict)
            pieces.append(decoded)
            position += utf16_len(decoded)
        elif text.startswith("</", start):
            index = _close_tag(text, start, stack, entities, position)
        else:
            index = _open_tag(text, start, stack, position)
    if index < len(text):
        pieces.append(text[index:])
    if stack:
        raise EntityParseError(
            f'Can\'t find end tag corresponding to start tag "{stack[-1]["tag"]}"'
        )
    entities.sort(key=lambda item: item[:3])
    return "".join(pieces), [item[3] for item in entities]


def _decode_entity(text: str, start: int, strict: bool) -> tuple[str, int]:
    match = _HTML_ENTITY.match(text, start)
    if match:
        decimal, hexadecimal, name = match.groups()
        if name is not None:
            if name in _NAMED:
                return _NAMED[name], match.end()
        else:
            code = int(decimal) if decimal is not None else int(hexadecimal, 16)
            if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
                return chr(code), match.end()
    if not strict:
        return "&", start + 1
    found = match.group(0) if match else "&"
    raise EntityParseError(
        f'Unsupported HTML entity "{found}" at byte offset {_byte_offset(text, start)}: '
        "escape a literal & as &amp;"
    )


def _open_tag(text: str, start: int, stack: list[dict[str, Any]], position: int) -> int:
    name_match = _TAG_NAME.match(text, start + 1)
    assert name_match is not None  # the pattern matches the empty string
    tag = name_match.group(0).lower()
    offset = _byte_offset(text, start)
    if tag not in _ALLOWED_TAGS:
        raise EntityParseError(f'Unsupported start tag "{tag}" at byte offset {offset}')
    attributes: dict[str, str] = {}
    index = name_match.end()
    while True:
        if text.startswith(">", index):
            break
        attribute = _ATTRIBUTE.match(text, index)
        if attribute is None or attribute.end() == index:
            if text[index:].lstrip().startswith(">"):
                index = text.index(">", index)
                break
            raise EntityParseError(f"Unclosed start tag at byte offset {offset}")
        value = attribute.group(2) or ""
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        attributes[attribute.group(1).lower()] = _unescape_attribute(value)
        index = attribute.end()
    kind, extra = _entity_kind(tag, attributes, offset)
    opened = {"tag": tag, "kind": kind, "extra": extra, "offset": position, "start": start}
    stack.append(opened)
    return index + 1


def _unescape_attribute(value: str) -> str:
    if "&" not in value:
        return value
    return _HTML_ENTITY.sub(lambda match: _decode_entity(match.group(0), 0, False)[0], value)


def _entity_kind(tag: str, attributes: dict[str, str], offset: int) -> tuple[str, dict[str, Any]]:
    if tag in _SIMPLE_TAGS:
        extra = {}
        if tag == "code" and attributes.get("class", "").startswith("language-"):
            extra["language"] = attributes["class"].removeprefix("language-")
        return _SIMPLE_TAGS[tag], extra
    if tag == "span":
        if attributes.get("class") != "tg-spoiler":
            raise EntityParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {offset}'
            )
        return "spoiler", {}
    if tag == "a":
        return "text_link", {"url": attributes.get("href", "")}
    if tag == "blockquote":
        return ("expandable_blockquote" if "expandable" in attributes else "blockquote"), {}
    emoji_id = attributes.get("emoji-id", "")
    if not emoji_id.isdigit():
        raise EntityParseError(f"Custom emoji identifier expected at byte offset {offset}")
    return "custom_emoji", {"custom_emoji_id": emoji_id}


def _close_tag(
    text: str,
    start: int,
    stack: list[dict[str, Any]],
    entities: list[tuple[int, int, int, Entity]],
    position: int,
) -> int:
    offset = _byte_offset(text, start)
    match = _END_TAG.match(text, start)
    if match is None:
        raise EntityParseError(f"Unclosed end tag at byte offset {offset}")
    if not stack:
        raise EntityParseError(f"Unexpected end tag at byte offset {offset}")
    opened = stack.pop()
    tag = match.group(1).lower()
    if tag != opened["tag"]:
        raise EntityParseError(
            f'Unmatched end tag at byte offset {offset}, expected "</{opened["tag"]}>", '
            f'found "</{tag}>"'
        )
    inside_pre = any(item["kind"] == "pre" for item in stack)
    if opened["kind"] == "code" and stack and stack[-1]["kind"] == "pre":
        if "language" in opened["extra"]:
            stack[-1]["extra"]["language"] = opened["extra"]["language"]
        return match.end()
    length = position - opened["offset"]
    if length <= 0 or inside_pre:
        return match.end()  # Telegram drops empty entities and formatting inside pre
    if opened["kind"] == "text_link" and not opened["extra"]["url"]:
        return match.end()
    entity = {"type": opened["kind"], "offset": opened["offset"], "length": length}
    entities.append((opened["offset"], -length, opened["start"], {**entity, **opened["extra"]}))
    return match.end()


def _parse_markdown_v2(text: str) -> str:
    """Only the check that bites most often: reserved characters must be escaped.

    Formatting markers are left in the visible text; the bot formats with HTML, so this
    mode is here to refuse `1.5` or `-` sent unescaped, as Telegram does.
    """
    result: list[str] = []
    escaped = False
    in_code = False
    for index, char in enumerate(text):
        if escaped:
            result.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "`":
            in_code = not in_code
        elif in_code or char not in _MARKDOWN_V2_RESERVED or char in "_*~|[]()>":
            result.append(char)
        else:
            raise EntityParseError(
                f"Character '{char}' is reserved and must be escaped with the preceding '\\' "
                f"(byte offset {_byte_offset(text, index)})"
            )
    return "".join(result)


def _trim(text: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    """Telegram strips outer whitespace and moves the entities with the text."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    if not entities:
        return stripped, entities
    shift = utf16_len(text[: len(text) - len(text.lstrip())])
    end = utf16_len(stripped)
    moved = []
    for entity in entities:
        first = max(entity["offset"] - shift, 0)
        last = min(entity["offset"] + entity["length"] - shift, end)
        if last > first:
            moved.append({**entity, "offset": first, "length": last - first})
    return stripped, moved
