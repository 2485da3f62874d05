"""The embedded TrueType fonts every PDF uses (Liberation Sans/Serif, SIL OFL, in resurser/fonts)."""

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from namndapp.paths import resource

SANS = "LiberationSans"
SERIF = "LiberationSerif"
_STYLES = {"": "Regular", "-Bold": "Bold", "-Italic": "Italic", "-BoldItalic": "BoldItalic"}


@cache
def register_fonts() -> tuple[str, str]:
    """Register both families once per process; returns (sans, serif) base font names."""
    for family in (SANS, SERIF):
        for suffix, style in _STYLES.items():
            pdfmetrics.registerFont(TTFont(f"{family}{suffix}", str(resource("fonts", f"{family}-{style}.ttf"))))
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, f"{family}-Bold")
        addMapping(family, 0, 1, f"{family}-Italic")
        addMapping(family, 1, 1, f"{family}-BoldItalic")
    return SANS, SERIF
