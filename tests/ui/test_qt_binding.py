import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        changed = Signal(object)

    emitter = Emitter()
    emitter.changed.connect(lambda value: None)
    for _ in range(100_000):  # far more than True's reference count on an unpatched CPython 3.11
        emitter.changed.emit(None)
    print("överlevde")
""")


def test_many_signal_emits_do_not_abort_the_interpreter():
    """Guards the PySide6 pin in pyproject.toml: 6.12.0 aborts here on CPython 3.11 (bool_dealloc)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120,
                            cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "överlevde" in result.stdout
