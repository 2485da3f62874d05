"""Corrections to the Swedish words Qt writes itself (the standard buttons of message boxes and dialogs).

Qt's own Swedish translation names the OK button "Ok"; Swedish writes "OK". The correction is looked up
before Qt's translation, so it must be installed after it.
"""

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

CORRECTIONS = {"OK": "OK", "&OK": "&OK"}


class QtWordCorrections(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):
        return CORRECTIONS.get(source_text)  # None: not ours, the next translator answers

    def isEmpty(self) -> bool:
        return False


def install_word_corrections(app: QApplication) -> None:
    """Install once, and always as the newest translator (Qt asks the newest first)."""
    corrections = app.findChild(QtWordCorrections) or QtWordCorrections(app)
    app.removeTranslator(corrections)
    app.installTranslator(corrections)
