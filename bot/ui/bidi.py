"""Text from the tracker never leaves a right-to-left override open in a message.

A campaign called ``"\u202eA reffO"`` (U+202E, RIGHT-TO-LEFT OVERRIDE) would otherwise turn
the rest of its line around: the ROI, the profit and the buttons' numbers after it read
backwards, which is how such names are used to mislead. Every dynamic value is closed right
after itself: each embedding or override it opens gets its POP DIRECTIONAL FORMATTING, each
isolate its POP DIRECTIONAL ISOLATE (Unicode's bidirectional algorithm, UAX #9).
"""

from __future__ import annotations

#: LRE, RLE, LRO, RLO: closed by PDF
EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")
PDF = "\u202c"
#: LRI, RLI, FSI: closed by PDI
ISOLATES = frozenset("\u2066\u2067\u2068")
PDI = "\u2069"
_CONTROLS = EMBEDDINGS | ISOLATES | {PDF, PDI}


def _closers(stack: list[str]) -> str:
    return "".join(PDI if opener in ISOLATES else PDF for opener in reversed(stack))


def terminate_bidi(text: str) -> str:
    """``text`` with every embedding, override and isolate it opens closed again.

    A paragraph (line) ends them anyway, so each line is closed on its own; a closer without
    an opener is left alone (it does nothing).
    """
    if not any(ch in _CONTROLS for ch in text):
        return text  # the common case: nothing to scan
    out: list[str] = []
    stack: list[str] = []
    for ch in text:
        if ch in "\n\r":
            out.append(_closers(stack))
            stack.clear()
        elif ch in EMBEDDINGS or ch in ISOLATES:
            stack.append(ch)
        elif ch == PDF and stack and stack[-1] in EMBEDDINGS:
            stack.pop()
        elif ch == PDI and any(opener in ISOLATES for opener in stack):
            # a PDI closes its isolate and every embedding opened inside it
            while stack and stack.pop() not in ISOLATES:
                pass
        out.append(ch)
    out.append(_closers(stack))
    return "".join(out)
