"""Delegation point numbers ("7.2.10"): their chapter and their order."""

import re

_POINT = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?\s*$")


def normal_point(text) -> str | None:
    """'7.2.10', ' 7.2.10. ' → '7.2.10'; anything else → None."""
    match = _POINT.match(str(text or ""))
    return match[1] if match else None


def chapter_of(point: str) -> str:
    return point.split(".")[0]


def point_order(point: str) -> tuple[int, ...]:
    return tuple(int(part) for part in point.split("."))
