"""The database URI (NEO4J_URI): checked before the driver sees it, and never shown with secrets.

Why here and not in the driver: the neo4j driver reports a bad URI in words that quote it whole
(a password in ``bolt://user:pw@host`` included), calls a newline "a bad query parameter" and
wraps port 99999 silently. Credentials belong in NEO4J_USER / NEO4J_PASSWORD, so a URI that
carries them is refused, and ``redact`` hides them in any text that might still hold one.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from schemas.errors import BadURI

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
_SECRET_KEYS = frozenset({"password", "passwd", "pwd", "pass", "secret", "token", "credentials",
                          "auth", "user", "username"})
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#\s@]*@")
_SECRET_PARAM = re.compile(r"(?i)([?&;](?:" + "|".join(sorted(_SECRET_KEYS)) + r")=)[^&#\s]*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def redact(text: str) -> str:
    """``text`` with the user-info of every URI and secret query parameters replaced by ``***``."""
    return _SECRET_PARAM.sub(r"\1***", _USERINFO.sub(r"\1***@", text))


def check_uri(uri: str) -> str:
    """``uri`` if it is a usable address, else BadURI in one line that never quotes a secret."""
    shown = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", redact(uri))
    if _CONTROL.search(uri):
        raise BadURI(f"NEO4J_URI {shown} contains a control character (a newline?); "
                     "give the address on one line, e.g. bolt://localhost:7687")
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError:
        raise BadURI(f"NEO4J_URI {shown}: the port must be a number from 1 to 65535") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise BadURI(f"NEO4J_URI {shown}: unsupported scheme {scheme or '(none)'!r}; use one of "
                     + ", ".join(SCHEMES))
    query_keys = {k.lower() for k, _ in parse_qsl(parts.query, keep_blank_values=True)}
    if parts.username is not None or parts.password is not None or query_keys & _SECRET_KEYS:
        raise BadURI(f"NEO4J_URI {shown} carries credentials; put the user in NEO4J_USER and the "
                     "password in NEO4J_PASSWORD (environment or .env), not in the URI")
    if not parts.hostname:
        raise BadURI(f"NEO4J_URI {shown}: no host; expected e.g. bolt://localhost:7687")
    if port is not None and not 1 <= port <= 65535:
        raise BadURI(f"NEO4J_URI {shown}: the port must be a number from 1 to 65535")
    if parts.path not in ("", "/"):
        raise BadURI(f"NEO4J_URI {shown}: a path is not allowed (the database goes in NEO4J_DATABASE)")
    return uri
