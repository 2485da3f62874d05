"""A passage as the index marks it, turned into plain text and the spans to highlight."""

from __future__ import annotations

import re

from namndapp.storage.search import HIGHLIGHT_END, HIGHLIGHT_START

_MARKS = re.compile(f"[{HIGHLIGHT_START}{HIGHLIGHT_END}]")


def split(marked: str | None) -> tuple[str, list[tuple[int, int]]]:
    """(text, [(start, end), …]) of a marked passage. A mark left alone (the personnummer mask may take
    its partner) closes or opens nothing."""
    marked = marked or ""
    spans, start = [], None
    for removed, mark in enumerate(_MARKS.finditer(marked)):
        at = mark.start() - removed   # where the mark stands in the text without marks
        if mark.group() == HIGHLIGHT_START:
            start = at
        elif start is not None and at > start:
            spans.append((start, at))
            start = None
        else:
            start = None
    return marked.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, ""), spans


def highlighted(text: str, spans: list[tuple[int, int]], before: str, after: str, escape=lambda s: s) -> str:
    """The text with each span wrapped in `before`/`after` (`escape` applies to the text, not the marks)."""
    pieces, position = [], 0
    for start, end in spans:
        pieces += [escape(text[position:start]), before, escape(text[start:end]), after]
        position = end
    pieces.append(escape(text[position:]))
    return "".join(pieces)
