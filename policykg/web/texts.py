"""Source texts by document id, for evidence: the sentence and its paragraph in the simplified
text and in the original (traditional) text.

The database keeps each fact's offsets but not the documents; the user names the folders the
documents are in (``policykg serve PATHS``) and a document is found by its id, the first 16 hex
digits of its content sha256 (``schemas.records.Source.doc_id``), so a moved file is still found
and an edited one is never shown against stale offsets.
"""
from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional

from markupsafe import Markup, escape

from pipeline.batch import find_documents
from pipeline.sentences import paragraph_of, sentences

KEEP = 16  # normalized documents kept in memory


@dataclass(frozen=True)
class Passage:
    """A fact's span in one text: the paragraph around it with the sentence and span marked."""

    paragraph: str
    sentence: str
    span: str
    html: Markup


def _passage(text: str, start: int, end: int, sentence: Optional[tuple[int, int]]) -> Optional[Passage]:
    if not (0 <= start <= end <= len(text)):
        return None
    p0, p1 = paragraph_of(text, start)
    p1 = max(p1, min(end, len(text)))
    s0, s1 = sentence or (start, end)
    s0, s1 = max(p0, min(s0, start)), min(p1, max(s1, end))
    html = Markup("").join([escape(text[p0:s0]), Markup('<mark class="sentence">'), escape(text[s0:start]),
                            Markup('<mark class="span">'), escape(text[start:end]), Markup("</mark>"),
                            escape(text[end:s1]), Markup("</mark>"), escape(text[s1:p1])])
    return Passage(text[p0:p1], text[s0:s1], text[start:end], html)


def _sentence_around(text: str, start: int, end: int) -> Optional[tuple[int, int]]:
    for a, b in sentences(text):
        if a <= start < b or (a < end <= b):
            return a, max(b, end)
    return None


class Texts:
    """doc_id → source path, from the folders given; the normalized documents read lazily."""

    def __init__(self, paths: Iterable[str | os.PathLike] = ()) -> None:
        self._paths: dict[str, Path] = {}
        for path in find_documents(list(paths)):
            try:
                self._paths[hashlib.sha256(path.read_bytes()).hexdigest()[:16]] = path
            except OSError:
                continue
        self._docs: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._paths)

    def path(self, doc_id: Optional[str]) -> Optional[Path]:
        return self._paths.get(doc_id or "")

    def normalized(self, doc_id: Optional[str]) -> Any:
        """The document's ``NormalizedDocument`` (with its map to the original), or None."""
        path = self.path(doc_id)
        if path is None or doc_id is None:
            return None
        with self._lock:
            if doc_id in self._docs:
                self._docs.move_to_end(doc_id)
                return self._docs[doc_id]
        from pipeline.decode import read_document
        from pipeline.normalize import normalize
        from schemas.errors import PolicykgError

        try:
            norm = normalize(read_document(path))
        except (OSError, PolicykgError):
            return None
        with self._lock:
            self._docs[doc_id] = norm
            while len(self._docs) > KEEP:
                self._docs.popitem(last=False)
        return norm

    def passages(self, doc_id: Optional[str], start: Optional[int], end: Optional[int],
                 orig_start: Optional[int], orig_end: Optional[int]) -> tuple[Optional[Passage], Optional[Passage]]:
        """The fact in the simplified text and in the original, each within its paragraph."""
        norm = self.normalized(doc_id)
        if norm is None or start is None or end is None:
            return None, None
        text, original = norm.text, norm.raw.original or norm.raw.text
        sentence = _sentence_around(text, start, end)
        simplified = _passage(text, start, end, sentence)
        orig = None
        if orig_start is not None and orig_end is not None:
            around = norm.to_original(*sentence) if sentence else None  # the offset map, not a guess
            orig = _passage(original, orig_start, orig_end, around)
        return simplified, orig
