"""The values passed between pipeline stages (decode → normalize → segment → outline → extract).

Plain dataclasses: in-memory only, never serialized as a contract (the records are the contract).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from .records import Plan, Section, Warning


@dataclass(frozen=True)
class DroppedLine:
    """A line of site noise removed by decode, kept so nothing disappears silently."""

    text: str
    reason: str
    line_no: int


@dataclass
class RawDocument:
    """Decoded text of one file: the 'original text' every span maps back to."""

    path: str
    text: str
    encoding: str
    format: str  # "text" | "html" | "docx"
    sha256: str
    dropped: list[DroppedLine] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)  # what decode had to repair

    @property
    def doc_id(self) -> str:
        return self.sha256[:16]


@dataclass
class NormalizedDocument:
    """Simplified, width-folded text with a map back to ``raw.text``.

    ``offsets[i]`` is the index in ``raw.text`` of normalized character ``i``; it has
    ``len(text) + 1`` entries so that an end offset maps too.
    """

    raw: RawDocument
    text: str
    offsets: list[int]
    warnings: list[Warning] = field(default_factory=list)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open normalized span to a half-open span of the original text."""
        o_start = self.offsets[start]
        o_end = self.offsets[end - 1] + 1 if end > start else o_start
        return o_start, o_end


@dataclass
class SegmentedDocument:
    """Normalized text as jieba words, and as a spaCy Doc with sentence boundaries set.

    The Doc is built on first use of ``doc``: the rule-based extractor works on character
    offsets, and building a Doc for every document in a batch cost as much as jieba itself.
    """

    norm: NormalizedDocument
    words: list[str]  # jieba's words; they concatenate to norm.text
    spaces: list[bool]
    build_doc: Callable[["SegmentedDocument"], Any] = field(repr=False, default=None)  # type: ignore[assignment]
    _doc: Any = field(default=None, repr=False)

    @property
    def doc(self) -> Any:
        """The spacy.tokens.Doc (typed loosely so schemas/ does not import spaCy)."""
        if self._doc is None:
            self._doc = self.build_doc(self)
        return self._doc


@dataclass
class OutlinedDocument:
    """The segmented document with its plan metadata and heading tree."""

    seg: SegmentedDocument
    plan: Plan
    sections: list[Section]
    body_start: int = 0  # where the plan's own text starts (after any notice wrapper)
    warnings: list[Warning] = field(default_factory=list)
    title_span: Optional[tuple[int, int]] = None
