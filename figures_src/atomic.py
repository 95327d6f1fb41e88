"""Write a file so that no reader ever sees half of it, even with two writers at once.

The bytes go to a temporary file with a unique name beside the target, then one rename puts
them in place.  Unique matters: the site and the offline copy build in parallel and share the
caches under build/, so a fixed temporary name let one build rename away the other's file.
"""

import os
import tempfile
from pathlib import Path


def write_atomic(path, data):
    """Write `data` (bytes, or str as UTF-8) to `path` atomically; create its folder."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it 0600; a served file must be readable
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_if_changed(path, text):
    """write_atomic, but only when the text differs, so the file's time says when it last
    changed (make then rebuilds only what depends on a real change).  True if written."""
    path = Path(path)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    write_atomic(path, text)
    return True
