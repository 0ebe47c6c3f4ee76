"""The fast engine of segment: jieba's tokens from jieba-rs (``rjieba``), ~0.1 × jieba's time.

Imported only by ``segment.segmenter()``, when rjieba is installed; jieba stays the reference.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path

from schemas.errors import SegmenterError

from .rules.chars import JIEBA_BLOCK, JIEBA_HAN, JIEBA_RS_ONLY_HAN, JIEBA_SKIP
from .segment import jieba_cache_dir, user_words

#: A dictionary word no text can hold: private-use characters are outside both engines' Han
#: class, so neither ever looks them up (see RustSegmenter).
_TOTAL_PAD = "\ue000\ue001"
#: How many tokens the engine remembers as needing no re-cut (then it starts over).
_MAX_JUDGED = 500_000


class RustSegmenter:
    """jieba's tokens from jieba-rs (``rjieba``): its built-in dictionary is jieba's dict.txt
    (tests/pipeline/test_segment.py checks every word, the total and a sample of frequencies),
    plus the project's user words.

    Three differences of jieba-rs are undone. jieba adds a word's frequency to its total on every
    ``add_word`` and every line of dict.txt, a repeated word too; jieba-rs replaces a repeated
    word's frequency: one word that no text can contain (``_TOTAL_PAD``) carries the difference,
    so both totals, and with them every route's probability, are the same. jieba-rs keeps an
    unknown run such as 2025-2027 whole where jieba cuts it (rules.chars.JIEBA_SKIP): a token
    outside jieba's Han class and dictionary is cut again the way jieba cuts it. And jieba-rs
    takes rarer Han characters into its dictionary class (rules.chars.JIEBA_RS_ONLY_HAN): the
    text is cut around them, each one a token, as jieba does.
    """

    def __init__(self) -> None:
        import rjieba

        self._rj = rjieba.Jieba()  # jieba's dict.txt, loaded in Rust (5 × faster than from here)
        words = user_words()
        for word, freq, tag in words:
            self._rj.add_word(word, freq, tag)
        pad = _cached_surplus(words)
        if pad > 0:
            self._rj.add_word(_TOTAL_PAD, pad, None)
        self._known = self._rj.has_word
        self._plain: set[str] = set()  # tokens that stay as jieba-rs cut them
        self._recut: dict[str, list[str]] = {}  # tokens jieba cuts otherwise, and how

    def lcut(self, text: str) -> list[str]:
        if not JIEBA_RS_ONLY_HAN.search(text):
            return self._cut(text)
        out: list[str] = []
        start = 0
        for m in JIEBA_RS_ONLY_HAN.finditer(text):
            if m.start() > start:
                out += self._cut(text[start:m.start()])
            out.append(m.group())
            start = m.end()
        return out + (self._cut(text[start:]) if start < len(text) else [])

    def _cut(self, text: str) -> list[str]:
        words = self._rj.cut(text, True)
        distinct = set(words)
        new = distinct - self._plain
        new.difference_update(self._recut)
        for w in new:  # each token is judged once per process: set operations, not a loop per token
            if len(w) > 1 and w != "\r\n" and not JIEBA_HAN.fullmatch(w) and not self._known(w) \
                    and (pieces := _jieba_recut(w)) != [w]:
                self._recut[w] = pieces
            else:
                self._plain.add(w)
        if len(self._plain) > _MAX_JUDGED:
            self._plain.clear()
        hits = distinct.intersection(self._recut)
        if not hits:
            return words
        at: list[int] = []  # where those few tokens are, found by list.index (in C)
        for w in hits:
            i = words.index(w)
            while True:
                at.append(i)
                try:
                    i = words.index(w, i + 1)
                except ValueError:
                    break
        out: list[str] = []
        prev = 0
        for i in sorted(at):
            out += words[prev:i]
            out += self._recut[words[i]]
            prev = i + 1
        out += words[prev:]
        return out


def _jieba_recut(word: str) -> list[str]:
    """How jieba cuts ``word``, a token holding no character of jieba's Han class that is not in
    its dictionary: runs of its dictionary class by JIEBA_SKIP, any other character alone."""
    out: list[str] = []
    for block in JIEBA_BLOCK.split(word):
        if not block:
            continue
        if JIEBA_BLOCK.fullmatch(block):
            out.extend(x for x in JIEBA_SKIP.split(block) if x)
        else:  # jieba's re_skip_default: a \r\n pair, or one character
            i = 0
            while i < len(block):
                step = 2 if block.startswith("\r\n", i) else 1
                out.append(block[i:i + step])
                i += step
    return out


def _cached_surplus(words: list[tuple[str, int, str | None]]) -> int:
    """``_total_surplus``, kept in jieba's cache folder under a key of dict.txt's size and time
    and the user words (reading dict.txt costs 0.3 s of every start)."""
    stat = _jieba_dict_file().stat()
    digest = hashlib.sha256(repr(words).encode("utf-8")).hexdigest()[:16]
    key = f"{stat.st_size}-{stat.st_mtime_ns}-{digest}"
    cache = jieba_cache_dir() / "rjieba-total-pad.txt"
    try:
        stored_key, _, value = cache.read_text(encoding="utf-8").partition(" ")
        if stored_key == key:
            return int(value)
    except (OSError, ValueError):
        pass
    surplus = _total_surplus(words)
    tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(f"{key} {surplus}", encoding="utf-8")
        tmp.replace(cache)
    except OSError:
        tmp.unlink(missing_ok=True)
    return surplus


def _total_surplus(words: list[tuple[str, int, str | None]]) -> int:
    """How much more jieba's total is than jieba-rs's once both hold dict.txt and ``words``: the
    frequency of every entry that a later line or ``add_word`` replaced, which jieba keeps
    counting (jieba-rs's built-in total is dict.txt's, each word once: the test checks it)."""
    freqs: dict[str, int] = {}
    surplus = 0
    with _jieba_dict_file().open(encoding="utf-8") as f:
        for line in f:
            word, _, rest = line.partition(" ")
            freq = int(rest.split(" ", 1)[0])
            surplus += freqs.get(word, 0)
            freqs[word] = freq
    for word, freq, _ in words:
        surplus += freqs.get(word, 0)
        freqs[word] = freq
    return surplus


def _jieba_dict_file() -> Path:
    """jieba's dict.txt, found without importing jieba (its import loads the HMM tables)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise SegmenterError("jieba is not installed (pip install 'jieba>=0.42.1,<0.43')")
    return Path(list(spec.submodule_search_locations)[0]) / "dict.txt"
