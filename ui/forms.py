"""Form building blocks: fields keyed by the service's field names, a form that saves itself after
every edit, and a dialog for creating something. Errors from the services show as a red Swedish line."""

from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget)

from namndapp.errors import NamndappError

Choices = list[tuple[str, Any]]  # (text shown, value stored)


class ErrorLabel(QLabel):
    """A red line under a form; hidden while there is nothing to say."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020; font-weight: bold;")
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


class PlainTextField(QPlainTextEdit):
    """A multi-line field that, like QLineEdit, says when the user has finished editing."""
    editingFinished = Signal()

    def focusOutEvent(self, event):
        super().focusOutEvent(event)
        if self.document().isModified():
            self.editingFinished.emit()


class FormFields:
    """Builds labelled fields into a QFormLayout and reads/writes them as a dict."""

    def __init__(self, layout: QFormLayout):
        self.layout = layout
        self.widgets: dict[str, QWidget] = {}

    def line(self, key: str, label: str, placeholder: str = "", read_only: bool = False) -> QLineEdit:
        widget = QLineEdit()
        widget.setPlaceholderText(placeholder)
        widget.setReadOnly(read_only)
        return self._add(key, label, widget)

    def text(self, key: str, label: str, height: int = 90) -> PlainTextField:
        widget = PlainTextField()
        widget.setMinimumHeight(height)
        widget.setTabChangesFocus(True)
        return self._add(key, label, widget)

    def combo(self, key: str, label: str, choices: Choices, editable: bool = False) -> QComboBox:
        widget = QComboBox()
        widget.setEditable(editable)
        self._add(key, label, widget)
        self.set_choices(key, choices)
        return widget

    def check(self, key: str, label: str, text: str = "") -> QCheckBox:
        return self._add(key, label, QCheckBox(text))

    def number(self, key: str, label: str, empty_text: str = "–", maximum: int = 999) -> QSpinBox:
        widget = QSpinBox()
        widget.setRange(0, maximum)
        widget.setSpecialValueText(empty_text)  # 0 shows as "–" and means "not set"
        return self._add(key, label, widget)

    def _add(self, key: str, label: str, widget: QWidget):
        widget.setObjectName(key)
        self.widgets[key] = widget
        self.layout.addRow(label, widget)
        return widget

    def set_choices(self, key: str, choices: Choices) -> None:
        combo: QComboBox = self.widgets[key]
        current = self.value(key) if combo.count() else None
        combo.blockSignals(True)
        combo.clear()
        for text, value in choices:
            combo.addItem(text, value)
        combo.blockSignals(False)
        if current is not None:
            self.set_value(key, current)

    def value(self, key: str):
        widget = self.widgets[key]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QSpinBox):
            return widget.value() or None
        if isinstance(widget, QComboBox):
            index = widget.findText(widget.currentText()) if widget.isEditable() else widget.currentIndex()
            if widget.isEditable() and index < 0:
                return widget.currentText()
            return widget.itemData(index) if index >= 0 else None
        raise TypeError(key)

    def set_value(self, key: str, value) -> None:
        widget = self.widgets[key]
        widget.blockSignals(True)
        try:
            if isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))
                widget.setModified(False)
                widget.setCursorPosition(0)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText("" if value is None else str(value))
                widget.document().setModified(False)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value or 0))
            elif isinstance(widget, QComboBox):
                index = widget.findData(value)
                if index < 0 and widget.isEditable():
                    widget.setEditText("" if value is None else str(value))
                else:
                    widget.setCurrentIndex(max(index, 0) if widget.count() else -1)
        finally:
            widget.blockSignals(False)

    def values(self) -> dict:
        return {key: self.value(key) for key in self.widgets}

    def load(self, row: dict) -> None:
        for key in self.widgets:
            self.set_value(key, row.get(key))


class AutoSaveForm(QWidget):
    """A form that hands all its values to `save(values)` whenever the user finishes an edit.

    The whole form is sent, not one field, because fields depend on each other (start and end time,
    the secrecy flag and its OSL reference). A service error leaves the field as typed and shows
    the message in red below the form; nothing was written.
    """
    saved = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.form_layout = QFormLayout()
        self.form_layout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        outer.addLayout(self.form_layout)
        self.error_label = ErrorLabel()
        outer.addWidget(self.error_label)
        self.fields = FormFields(self.form_layout)
        self._save: Callable[[dict], Any] | None = None

    def set_saver(self, save: Callable[[dict], Any] | None) -> None:
        self._save = save
        self.setEnabled(save is not None)

    def watch(self, *keys: str) -> None:
        """Save after edits of these fields (call once the fields are built)."""
        for key in keys or self.fields.widgets:
            widget = self.fields.widgets[key]
            if isinstance(widget, QLineEdit):
                if not widget.isReadOnly():
                    widget.editingFinished.connect(self._line_finished)
            elif isinstance(widget, PlainTextField):
                widget.editingFinished.connect(self.commit)
            elif isinstance(widget, QCheckBox):
                widget.clicked.connect(self.commit)
            elif isinstance(widget, QSpinBox):
                widget.editingFinished.connect(self.commit)
            elif isinstance(widget, QComboBox):
                widget.activated.connect(self.commit)
                if widget.isEditable():
                    widget.lineEdit().editingFinished.connect(self.commit)

    def _line_finished(self) -> None:
        if self.sender() is None or self.sender().isModified():
            self.commit()

    def load(self, row: dict) -> None:
        self.fields.load(row)
        self.error_label.show_message("")

    def values(self) -> dict:
        return self.fields.values()

    def commit(self) -> bool:
        if self._save is None:
            return False
        try:
            self._save(self.values())
        except NamndappError as error:
            self.error_label.show_message(f"Inte sparat: {error.message}")
            return False
        self.error_label.show_message("")
        for widget in self.fields.widgets.values():
            if isinstance(widget, QLineEdit):
                widget.setModified(False)
            elif isinstance(widget, QPlainTextEdit):
                widget.document().setModified(False)
        self.saved.emit()
        return True


class CreateDialog(QDialog):
    """Asks for what a new thing needs; `create(values)` returns its id or raises a domain error,
    which is shown in red while the dialog stays open."""

    def __init__(self, title: str, create: Callable[[dict], int], parent=None, button_text: str = "Skapa"):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self._create = create
        self.created_id: int | None = None
        layout = QVBoxLayout(self)
        self.form_layout = QFormLayout()
        layout.addLayout(self.form_layout)
        self.fields = FormFields(self.form_layout)
        self.error_label = ErrorLabel()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(button_text)
        self.buttons.button(QDialogButtonBox.Cancel).setText("Avbryt")
        self.buttons.accepted.connect(self.try_create)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def try_create(self) -> bool:
        try:
            self.created_id = self._create(self.fields.values())
        except NamndappError as error:
            self.error_label.show_message(error.message)
            self.fit_height()
            return False
        self.accept()
        return True

    def fit_height(self) -> None:
        """Grow to the height the wrapped texts need at the present width: a dialog keeps its size when
        an error line appears, and Qt then squeezes the explanation above it until lines are cut."""
        layout = self.layout()
        layout.activate()
        needed = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit_height()
