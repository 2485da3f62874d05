"""The import of delegated decisions in four steps on one page: the file, the column mapping (suggested,
or the one remembered for this source), a trial run that shows the preview and the report row by row,
then the import itself with a progress bar. Reading and importing run off the GUI thread; the import
writes through its own connection in one transaction, so the file lands whole or not at all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from namndapp.errors import NamndappError
from namndapp.services.delegation import importing, mapping
from ui.context import open_for_worker
from ui.errors import show_error
from ui.tasks import run_task, run_with_progress_dialog
from ui.widgets import button_row, hint

NOT_USED = "(används inte)"


def _background_import(db_path: Path, path: str, name: str | None, columns: dict, dry_run: bool,
                       reject_warnings: bool):
    def work(progress=None):
        db = open_for_worker(db_path)
        try:
            def report_progress(done, total):
                if progress is None:
                    return False
                progress.update(done, total, "Importerar delegationsbeslut …")
                return progress.cancelled
            return importing.import_decisions(db, path, mapping_name=name, columns=columns, dry_run=dry_run,
                                              reject_warnings=reject_warnings, progress=report_progress,
                                              preview_rows=8)
        finally:
            db.close()
    return work


class ImportWizard(QDialog):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.header: list[str] = []
        self.last_report: importing.ImportReport | None = None
        self.setWindowTitle("Importera delegationsbeslut")
        self.resize(760, 640)
        layout = QVBoxLayout(self)

        file_row = QWidget()
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        self.path = QLineEdit()
        self.path.setPlaceholderText("CSV- eller XLSX-fil från verksamhetssystemet")
        self.path.editingFinished.connect(self.read_file)
        self.browse = QPushButton("Välj fil …")
        self.browse.clicked.connect(self.choose_file)
        file_layout.addWidget(self.path, 1)
        file_layout.addWidget(self.browse)
        layout.addWidget(QLabel("1. Fil"))
        layout.addWidget(file_row)

        self.mapping_box = QGroupBox("2. Kolumner")
        self.mapping_form = QFormLayout(self.mapping_box)
        self.source = QLineEdit()
        self.source.setPlaceholderText("Källans namn, t.ex. Verksamhetssystemet (kolumnerna sparas för nästa gång)")
        self.source.editingFinished.connect(self._load_remembered)
        self.mapping_form.addRow("Källa", self.source)
        self.combos: dict[str, QComboBox] = {}
        for field, (label, _) in mapping.FIELDS.items():
            combo = QComboBox()
            combo.setObjectName(f"column_{field}")
            self.combos[field] = combo
            self.mapping_form.addRow(label, combo)
        layout.addWidget(self.mapping_box)

        self.reject_warnings = QCheckBox("Lämna bort rader med varning (annars sparas de med varningen)")
        layout.addWidget(self.reject_warnings)
        self.check_button = QPushButton("3. Provkör och visa rapporten")
        self.check_button.clicked.connect(self.dry_run)
        self.import_button = QPushButton("4. Importera")
        self.import_button.clicked.connect(self.run_import)
        self.close_button = QPushButton("Stäng")
        self.close_button.clicked.connect(self.accept)
        for button in (self.browse, self.check_button, self.import_button, self.close_button):
            button.setAutoDefault(False)  # Return in a field only finishes the field
        layout.addWidget(button_row(self.check_button, self.import_button, self.close_button))
        self.summary = hint("")
        layout.addWidget(self.summary)
        self.report_text = QPlainTextEdit()
        self.report_text.setReadOnly(True)
        layout.addWidget(self.report_text, 1)
        self._set_ready(False)

    def _set_ready(self, ready: bool) -> None:
        self.mapping_box.setEnabled(ready)
        self.check_button.setEnabled(ready)
        self.import_button.setEnabled(ready)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Välj fil med delegationsbeslut", "",
                                              "Tabeller (*.csv *.xlsx *.txt);;Alla filer (*)")
        if path:
            self.path.setText(path)
            self.read_file()

    def read_file(self) -> None:
        path = self.path.text().strip()
        if not path:
            return
        try:
            self.header = importing.read_header(path)
        except NamndappError as error:
            self._set_ready(False)
            show_error(self, error)
            return
        for combo in self.combos.values():
            combo.clear()
            combo.addItem(NOT_USED, None)
            for heading in self.header:
                if heading:
                    combo.addItem(heading, heading)
        self._apply(mapping.suggest(self.header))
        self._load_remembered()
        self._set_ready(True)
        self.summary.setText(f"{len([h for h in self.header if h])} kolumner i {Path(path).name}. Kontrollera "
                             "kolumnerna och provkör.")

    def _apply(self, columns: dict[str, str]) -> None:
        for field, combo in self.combos.items():
            index = combo.findData(columns.get(field))
            combo.setCurrentIndex(index if index >= 0 else 0)

    def _load_remembered(self) -> None:
        if not self.header:
            return
        name = self.source.text().strip() or mapping.signature(self.header)
        remembered = mapping.saved(self.context.db, name)
        if remembered:
            self._apply(remembered)
            self.summary.setText(f"Kolumnerna för ”{name}” är hämtade från förra importen.")

    def columns(self) -> dict[str, str]:
        return {field: combo.currentData() for field, combo in self.combos.items() if combo.currentData()}

    def _start(self, dry_run: bool) -> None:
        work = _background_import(self.context.db_path, self.path.text().strip(), self.source.text().strip() or None,
                                  self.columns(), dry_run, self.reject_warnings.isChecked())
        self._set_ready(False)
        if dry_run:
            self.summary.setText("Provkör …")
            run_task(work, self._finished)
        else:
            self.progress_dialog = run_with_progress_dialog(self, "Importerar delegationsbeslut …", work,
                                                            self._finished)

    def dry_run(self) -> None:
        self._start(True)

    def run_import(self) -> None:
        self._start(False)

    def _finished(self, report, error) -> None:
        self._set_ready(True)
        if error is not None:
            show_error(self, error)
            return
        self.last_report = report
        lines = []
        if report.preview:
            lines.append("Förhandsvisning:")
            lines += [f"  Rad {r['row']}: {r['decision_date']}  {r.get('point') or '–'}  {r['kind']}  ({r['unit']})"
                      for r in report.preview]
            lines.append("")
        lines += [("Fel: " if i.severity == "fel" else "Varning: ") + i.text() for i in report.issues]
        hidden = report.error_count + report.warning_count - len(report.issues)
        if hidden > 0:
            lines.append(f"… och {hidden} problem till.")
        self.report_text.setPlainText("\n".join(lines))
        prefix = "Provkörning, inget sparat: " if report.dry_run else ("Klart: " if report.applied else
                                                                       "Inget sparat: ")
        self.summary.setText(prefix + report.summary())
