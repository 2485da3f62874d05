"""Reading JSON from outside within limits: nesting depth, the size of numbers, no NaN or Infinity.

Python's json module raises RecursionError for deep nesting and ValueError for an integer of more
than 4,300 digits; an integer of 2⁶³ or more passes and overflows in SQLite. Each of these becomes an
ImportFileError that names the JSON path, e.g. ``cases[0].reports``.
"""

import json
import math
import re

from namndapp.errors import ImportFileError

MAX_DEPTH = 32                 # the format itself needs 6 levels
MAX_INTEGER = 2 ** 53 - 1      # the integers every JSON reader keeps exactly (RFC 7493)
_MAX_DIGITS = 30
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{},:]|-?\d[\d.eE+-]*')


def _path(frames: list[list]) -> str:
    path = ""
    for kind, key in frames:
        if kind == "list":
            path += f"[{key}]"
        elif key is not None:
            path += f".{key}" if path else str(key)
    return path


def _locate(text: str) -> tuple[str, str]:
    """Scan the text (not parse it) for where it nests too deep or holds a too long number."""
    frames: list[list] = []
    last_string = None
    for token in _TOKENS.finditer(text):
        value = token.group()
        first = value[0]
        if first in "[{":
            if len(frames) >= MAX_DEPTH:
                return _path(frames), f"filen är nästlad i fler än {MAX_DEPTH} nivåer."
            frames.append(["list", 0] if first == "[" else ["dict", None])
        elif first in "]}":
            if frames:
                frames.pop()
        elif first == ",":
            if frames and frames[-1][0] == "list":
                frames[-1][1] += 1
        elif first == ":":
            if frames and last_string is not None:
                try:
                    frames[-1][1] = json.loads(last_string)
                except ValueError:
                    frames[-1][1] = last_string.strip('"')
        elif first == '"':
            last_string = value
        elif len(value.lstrip("-")) > _MAX_DIGITS:
            digits = len(value.lstrip("-"))
            return _path(frames), f"talet har {digits} siffror; så stora tal förekommer inte i formatet."
    return "", "filen går inte att läsa som JSON."


def _no_constant(name: str):
    raise ValueError(name)


def loads(text: str, source: str = "Filen"):
    """json.loads with the limits above; refusals are ImportFileError with the JSON path."""
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError:
        raise
    except (RecursionError, ValueError, OverflowError):
        path, message = _locate(text)
        if message.startswith("filen går inte"):
            message = f"{source} innehåller ett värde som inte är giltig JSON (t.ex. NaN eller Infinity)."
        raise ImportFileError(message, path) from None
    check_structure(data)
    return data


def check_structure(data) -> None:
    """Refuse nesting deeper than MAX_DEPTH, integers beyond MAX_INTEGER and NaN/Infinity, with the path.
    Iterative, so a deeply nested value built in Python cannot overflow the stack here either."""
    stack = [(data, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth >= MAX_DEPTH:
                raise ImportFileError(f"filen är nästlad i fler än {MAX_DEPTH} nivåer.", path)
            items = list(value.items() if isinstance(value, dict) else enumerate(value))
            for key, child in reversed(items):  # the stack then yields the first problem first
                if isinstance(value, dict):
                    child_path = f"{path}.{key}" if path else str(key)
                else:
                    child_path = f"{path}[{key}]"
                stack.append((child, child_path, depth + 1))
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int) and abs(value) > MAX_INTEGER:
            raise ImportFileError(f"talet är för stort (högst {MAX_INTEGER}).", path)
        elif isinstance(value, float) and not math.isfinite(value):
            raise ImportFileError("talet är inte ändligt (NaN eller oändligt förekommer inte i formatet).", path)
