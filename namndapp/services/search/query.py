"""From what the secretary types to an FTS5 query.

Every word and every "quoted phrase" becomes an FTS5 string, so punctuation inside a word (a case number
"SN 2026/14", "4 kap. 1 §", a hyphen) never breaks the query; a trailing * keeps its meaning as a prefix.
AND/OR/NOT, their Swedish OCH/ELLER/INTE (in capitals) and parentheses stay operators. What cannot be made
into a query is refused with a Swedish sentence that says what to change.
"""

from __future__ import annotations

import re

from namndapp.errors import ValidationError

MAX_LENGTH = 500
OPERATORS = {"AND": "AND", "OR": "OR", "NOT": "NOT", "OCH": "AND", "ELLER": "OR", "INTE": "NOT"}
_SWEDISH = {"AND": "OCH", "OR": "ELLER", "NOT": "INTE"}
_TOKEN = re.compile(r'"(?P<phrase>[^"]*)("|$)(?P<phrase_star>\*?)|(?P<paren>[()])|(?P<word>[^\s"()]+)')
_WORD_CHAR = re.compile(r"\w")


def _string(text: str, prefix: bool) -> str:
    return '"' + text.replace('"', '""') + '"' + ("*" if prefix else "")


def tokens(text: str) -> list[tuple[str, str]]:
    """(kind, FTS5 text) for each part of the query: 'term', 'op', '(' or ')'. Parts without a letter or a
    digit (a lone "§" or "–") are left out: they could only match nothing."""
    parts = []
    for match in _TOKEN.finditer(text):
        if match["paren"]:
            parts.append((match["paren"], match["paren"]))
        elif match["word"] is not None and match["word"] in OPERATORS:
            parts.append(("op", OPERATORS[match["word"]]))
        else:
            raw = match["phrase"] if match["word"] is None else match["word"]
            prefix = bool(match["phrase_star"]) if match["word"] is None else raw.endswith("*")
            raw = raw.rstrip("*") if match["word"] is not None else raw
            if _WORD_CHAR.search(raw.replace("_", "")):
                parts.append(("term", _string(raw, prefix)))
    return parts


def _check(parts: list[tuple[str, str]]) -> None:
    depth = 0
    previous = None
    for kind, text in parts:
        if kind == "(":
            depth += 1
        elif kind == ")":
            depth -= 1
            if depth < 0:
                raise ValidationError("Sökfrågan har en högerparentes ”)” utan vänsterparentes före. "
                                      "Ta bort den eller lägg till en ”(”.")
            if previous == "(":
                raise ValidationError("Sökfrågan har en tom parentes ”()”. Skriv sökord i den eller ta bort den.")
        if kind == "op" and previous in (None, "op", "("):
            raise ValidationError(f"”{_SWEDISH[text]}” måste stå mellan två sökord, till exempel "
                                  f"”bistånd {_SWEDISH[text]} boende”.")
        if kind == ")" and previous == "op":
            raise ValidationError("Ett ”OCH”, ”ELLER” eller ”INTE” står sist i en parentes. Skriv ett sökord efter det.")
        previous = kind
    if depth > 0:
        raise ValidationError("Sökfrågan har en vänsterparentes ”(” som inte stängs. Lägg till en ”)”.")
    if previous == "op":
        raise ValidationError("Sökfrågan slutar med ”OCH”, ”ELLER” eller ”INTE”. Skriv ett sökord efter det.")


def to_fts(text: str) -> str:
    """The FTS5 MATCH expression for a typed query, or "" when it holds nothing to search for.
    Raises ValidationError for a query that cannot be read."""
    text = (text or "").encode("utf-8", "replace").decode("utf-8").replace("\x00", " ")
    if len(text) > MAX_LENGTH:
        raise ValidationError(f"Sökfrågan är för lång ({len(text)} tecken). Korta den till högst {MAX_LENGTH} tecken.")
    parts = tokens(text)
    _check(parts)
    if not any(kind == "term" for kind, _ in parts):
        return ""
    pieces = []
    for kind, part in parts:
        # Two things side by side mean both (FTS5 would refuse a term right after a parenthesis).
        if pieces and kind in ("term", "(") and pieces[-1][0] in ("term", ")"):
            pieces.append(("op", "AND"))
        pieces.append((kind, part))
    return " ".join(part for _, part in pieces)
