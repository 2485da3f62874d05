"""A passage as the index marks it, turned into plain text and the spans to highlight."""

from __future__ import annotations

from namndapp.storage.search import HIGHLIGHT_END, HIGHLIGHT_START


def split(marked: str | None) -> tuple[str, list[tuple[int, int]]]:
    """(text, [(start, end), …]) of a marked passage. A mark left alone (the personnummer mask may take
    its partner) closes or opens nothing."""
    marked = marked or ""
    pieces, spans, length, start = [], [], 0, None
    position = 0
    while True:
        found = [i for i in (marked.find(HIGHLIGHT_START, position), marked.find(HIGHLIGHT_END, position)) if i >= 0]
        end = min(found) if found else len(marked)
        pieces.append(marked[position:end])
        length += end - position
        if not found:
            break
        if marked[end] == HIGHLIGHT_START:
            start = length
        elif start is not None and length > start:
            spans.append((start, length))
            start = None
        else:
            start = None
        position = end + 1
    return "".join(pieces), spans


def highlighted(text: str, spans: list[tuple[int, int]], before: str, after: str, escape=lambda s: s) -> str:
    """The text with each span wrapped in `before`/`after` (`escape` applies to the text, not the marks)."""
    pieces, position = [], 0
    for start, end in spans:
        pieces += [escape(text[position:start]), before, escape(text[start:end]), after]
        position = end
    pieces.append(escape(text[position:]))
    return "".join(pieces)
