"""The values passed between pipeline stages (decode → normalize → segment → outline → extract).

Plain dataclasses: in-memory only, never serialized as a contract (the records are the contract).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Sequence

from .records import Plan, Section, SourceFormat, Warning

#: The typecode of the arrays of text positions (``NormalizedDocument.offsets``,
#: ``SegmentedDocument.bounds``): 4-byte signed integers, enough for any text under 2^31
#: characters (the input limit is 50 MB), half the memory of ``q``.
POSITIONS = "i"


@dataclass(frozen=True)
class DroppedLine:
    """A line of site noise removed by decode, kept so nothing disappears silently."""

    text: str
    reason: str
    line_no: int
    orig_start: Optional[int] = None  # where the line starts in RawDocument.original


@dataclass
class RawDocument:
    """Decoded text of one file.

    ``original`` is the decoded file as it is, every line kept (for an HTML page or a .docx, its
    text as laid out): the 'original text' every span maps back to, so offsets index the file the
    user has. ``text`` is ``original`` without the lines of site noise and layout whitespace;
    ``segments`` maps it back: ``(text_pos, original_pos)`` pairs, each the start of a stretch that
    was copied unchanged. Empty ``original`` means ``text`` is the original.
    """

    path: str
    text: str
    encoding: str
    format: SourceFormat
    sha256: str
    dropped: list[DroppedLine] = field(default_factory=list)
    original: str = ""
    segments: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.original:
            self.original, self.segments = self.text, [(0, 0)]
        self._seg_starts = [s for s, _ in self.segments]
    warnings: list[Warning] = field(default_factory=list)  # what decode had to repair
    #: Characters of ``text`` that stand for several characters of ``original`` (mojibake
    #: repaired: one character for the three its UTF-8 bytes were read as), by position.
    widths: dict[int, int] = field(default_factory=dict)

    @property
    def doc_id(self) -> str:
        return self.sha256[:16]

    def original_pos(self, pos: int) -> int:
        """Where character ``pos`` of ``text`` sits in ``original``."""
        k = bisect_right(self._seg_starts, pos) - 1
        start, orig = self.segments[max(k, 0)]
        return orig + (pos - start)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """A half-open span of ``text`` as a half-open span of ``original``."""
        o_start = self.original_pos(start)
        return o_start, (self.original_end(end - 1) if end > start else o_start)

    def original_end(self, pos: int) -> int:
        """Where character ``pos`` of ``text`` ends in ``original``."""
        return self.original_pos(pos) + self.widths.get(pos, 1)


@dataclass
class NormalizedDocument:
    """Simplified, width-folded text with a map back to ``raw.text`` (and through it to
    ``raw.original``).

    ``offsets[i]`` is the index in ``raw.text`` of normalized character ``i``; it has
    ``len(text) + 1`` entries so that an end offset maps too. An ``array(POSITIONS)`` in the
    pipeline (4 bytes an entry, not a list of int objects: a 50 MB plan holds tens of millions).
    """

    raw: RawDocument
    text: str
    offsets: Sequence[int]
    warnings: list[Warning] = field(default_factory=list)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open normalized span to a half-open span of ``raw.original``."""
        raw = self.raw
        o_start = raw.original_pos(self.offsets[start])
        o_end = raw.original_end(self.offsets[end - 1]) if end > start else o_start
        return o_start, o_end

    def original_text(self, start: int, end: int) -> str:
        """The original characters of a half-open normalized span."""
        o_start, o_end = self.to_original(start, end)
        return self.raw.original[o_start:o_end]


@dataclass
class SegmentedDocument:
    """Normalized text as jieba words, and as a spaCy Doc with sentence boundaries set.

    The Doc is built on first use of ``doc``: the rule-based extractor works on character
    offsets, and building a Doc for every document in a batch cost as much as jieba itself.
    """

    norm: NormalizedDocument
    #: Where jieba's words begin, and the text's end: word ``i`` is ``text[bounds[i]:bounds[i+1]]``
    #: (an array: a 50 MB plan has tens of millions of words, which as str objects took a GB).
    bounds: Sequence[int]
    build_doc: Callable[["SegmentedDocument"], Any] = field(repr=False, default=None)  # type: ignore[assignment]
    _doc: Any = field(default=None, repr=False)

    @property
    def raw(self) -> RawDocument:
        """The decoded document (``norm.raw``)."""
        return self.norm.raw

    @property
    def words(self) -> list[str]:
        """jieba's words; they concatenate to ``norm.text``."""
        text, b = self.norm.text, self.bounds
        return [text[b[i]:b[i + 1]] for i in range(len(b) - 1)]

    @property
    def spaces(self) -> list[bool]:
        """No word is followed by a space of its own: spaces are words (spaCy's ``spaces``)."""
        return [False] * (len(self.bounds) - 1)

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

    @property
    def norm(self) -> NormalizedDocument:
        """The normalized text and its offset map (a later stage never reaches through ``seg``)."""
        return self.seg.norm

    @property
    def raw(self) -> RawDocument:
        """The decoded document: its path, hash, encoding, dropped lines and warnings."""
        return self.seg.norm.raw
