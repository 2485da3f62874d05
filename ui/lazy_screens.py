"""The main window's screens by title, in navigation order. A screen is built, and its module imported, the
first time it is asked for: the window opens with the one it shows, not with all of them (a start-up cost)."""

import importlib
from collections.abc import Callable, Iterator, Mapping

from PySide6.QtWidgets import QWidget

# A screen's class, or "package.module.ClassName" so that its module is imported only when it is built.
ScreenClass = type[QWidget] | str


def screen_class(spec: ScreenClass) -> type[QWidget]:
    if not isinstance(spec, str):
        return spec
    module, _, name = spec.rpartition(".")
    return getattr(importlib.import_module(module), name)


class LazyScreens(Mapping):
    """Iterating, `len` and `in` see every title; `screens[title]` (and `.get`) builds the screen if need be.
    `built()` is what exists so far, for code that must not build a screen just to look at it."""

    def __init__(self, on_built: Callable[[str, QWidget], None]):
        self._makers: dict[str, Callable[[], QWidget]] = {}
        self._built: dict[str, QWidget] = {}
        self._on_built = on_built

    def add(self, title: str, make: Callable[[], QWidget]) -> None:
        self._makers[title] = make

    def add_built(self, title: str, screen: QWidget) -> None:
        self._makers[title] = lambda: screen
        self._built[title] = screen
        self._on_built(title, screen)

    def __getitem__(self, title: str) -> QWidget:
        screen = self._built.get(title)
        if screen is None:
            screen = self._makers[title]()  # KeyError for a title that is no screen
            self._built[title] = screen
            self._on_built(title, screen)
        return screen

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)

    def __contains__(self, title) -> bool:
        return title in self._makers

    def is_built(self, title: str) -> bool:
        return title in self._built

    def built(self) -> dict[str, QWidget]:
        return {title: self._built[title] for title in self._makers if title in self._built}
