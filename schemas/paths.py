"""File names as text that is safe to print and to store, and the tool's own home folder.

A file name is bytes on POSIX: it may not be UTF-8 (Python keeps those bytes as lone surrogates,
which JSON cannot hold) and it may carry a newline or an ESC/OSC sequence that a terminal would
obey. Every message and record that names a file goes through ``shown``.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

# C0 and C1 controls, DEL, and the line/paragraph separators: never reach a terminal raw.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown(path: str | os.PathLike) -> str:
    """``path`` with undecodable bytes as ``\\xNN`` and control characters as ``\\xNN``/``\\uNNNN``:
    printable, JSON-safe, and the same name for the same file every time."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                       else f"\\u{ord(m.group()):04x}", text)


def home() -> Path:
    """``$POLICYKG_HOME``, else ``$XDG_DATA_HOME/policykg``, else ``~/.local/share/policykg``
    (the same rule as graph.embedded.default_home)."""
    if os.environ.get("POLICYKG_HOME"):
        return Path(os.environ["POLICYKG_HOME"]).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "policykg"


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) with mode 0700; refuse one owned by someone else or open to
    others, since what we read back from it is trusted."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    st = path.stat()
    if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
        from .errors import InputError

        raise InputError(f"{shown(path)}: belongs to another user or is writable by others; "
                         "set POLICYKG_HOME to a folder of your own")
    return path
