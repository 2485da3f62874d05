"""A passage as the index marks it, turned into plain text and the spans to highlight."""

from __future__ import annotations

from namndapp.storage.search import HIGHLIGHT_END, HIGHLIGHT_START


def split(marked: str | None) -> tuple[str, list[tuple[int, int]]]:
    """(text, [(start, end), …]) of a marked passage. A mark left alone (the personnummer mask may take
    its partner) closes or opens nothing."""
    text, spans, start = [], [], None
    length = 0
    for char in marked or "":
        if char == HIGHLIGHT_START:
            start = length
        elif char == HIGHLIGHT_END:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
        else:
            text.append(char)
            length += 1
    return "".join(text), spans


def highlighted(text: str, spans: list[tuple[int, int]], before: str, after: str, escape=lambda s: s) -> str:
    """The text with each span wrapped in `before`/`after` (`escape` applies to the text, not the marks)."""
    pieces, position = [], 0
    for start, end in spans:
        pieces += [escape(text[position:start]), before, escape(text[start:end]), after]
        position = end
    pieces.append(escape(text[position:]))
    return "".join(pieces)
