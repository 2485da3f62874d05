"""Writing a finished document to disk."""

import os
import tempfile
from pathlib import Path


def write_atomically(target: Path | str, content: bytes) -> Path:
    """The whole file or nothing: a half-written PDF must not replace a good one."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".namndapp-", suffix=target.suffix)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target
