"""A small generated coat of arms for the made-up municipality (a PNG written without image libraries)."""

import struct
import zlib

_SIZE = 96
_BLUE = (22, 64, 120)
_GOLD = (232, 182, 48)
_WHITE = (255, 255, 255)


def _pixel(x: int, y: int) -> tuple[int, int, int, int]:
    half = _SIZE / 2
    # A shield: straight sides for the upper two thirds, then a curve down to a point.
    width = half - 6 if y < _SIZE * 0.62 else (half - 6) * max(0.0, 1 - ((y - _SIZE * 0.62) / (_SIZE * 0.36)) ** 2) ** 0.5
    inside = 4 <= y <= _SIZE - 4 and abs(x - half) <= width
    if not inside:
        return (0, 0, 0, 0)
    border = abs(x - half) > width - 4 or y < 8
    if border:
        return (*_GOLD, 255)
    wave = 46 + 5 * ((x // 12) % 2)
    if y > wave:
        return (*_WHITE, 255) if (y - wave) % 10 < 4 else (*_BLUE, 255)
    star = abs(x - half) + abs(y - 26) < 11
    return (*_GOLD, 255) if star else (*_BLUE, 255)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def logo_png() -> bytes:
    raw = b"".join(b"\x00" + b"".join(bytes(_pixel(x, y)) for x in range(_SIZE)) for y in range(_SIZE))
    header = struct.pack(">IIBBBBB", _SIZE, _SIZE, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b"")
