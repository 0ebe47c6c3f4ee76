"""Sentences and clauses of normalized text, as half-open spans (used by targets and milestones)."""
from __future__ import annotations

import re

_MARKER_START = re.compile(r"[一二三四五六七八九十]+[、是]|第[一二三四五六七八九十百\d]+[章节条部]|[（(][一二三四五六七八九十\d]+[）)]"
                           r"|\d{1,2}[.．、](?!\d)|[①-⑳]")
_DATE_LINE = re.compile(r"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_DOC_NUMBER_LINE = re.compile(r"^[\u4e00-\u9fa5]{1,10}[〔\[［【（(]\s*(?:19|20)\d{2}\s*[〕\]］】）)]\s*(?:第\s*)?\d{1,4}\s*号$")
_TITLE_END = re.compile(r"(?:方案|计划|规划|意见|措施|纲要|办法|细则|要点|通知|决定|批复|函)$")
_ORGAN_END = re.compile(r"(?:人民政府|办公室|办公厅|委员会|局|厅|委|部|中心)$")
_SPACE_RUN = re.compile(r"\s*")
_ENDS_SENTENCE = "。！？；：!?;:）)”】」』"


def broken_line(text: str, i: int) -> bool:
    """A line break inside a sentence, as in text copied from web pages or converted from PDF.

    The line before does not end a sentence, the next non-blank line starts with text (not an
    outline marker), and the line before is prose: a heading or a signature is a short line.
    Blank lines between (a page break) do not end the sentence either.
    """
    line_start = text.rfind("\n", 0, i) + 1
    before = text[line_start:i].rstrip()
    j = i
    while not before and line_start > 0:  # on a blank line: look at the last line with text
        j = line_start - 1
        line_start = text.rfind("\n", 0, j) + 1
        before = text[line_start:j].rstrip()
    m = _SPACE_RUN.match(text, i + 1, i + 200)
    assert m is not None  # \s* matches the empty string
    m_end = m.end() - (i + 1)  # length of the blank run after the break
    after = text[i + 1 + m_end:i + 1 + m_end + 4]
    if not before or not after:
        return False
    if after[0] in "，。、；：！？）”》":
        return True  # no line starts with these: the line before was cut short
    if before.rfind("《") > before.rfind("》") and not _MARKER_START.match(after):
        return True  # 《……方案\n（2023—2025年）》: a cited title goes on to its 》
    if after[0] in "—–-" and before[-1].isdigit():
        pass  # 2025\n—2027年: a range cut in two
    elif not ("\u4e00" <= after[0] <= "\u9fff" or after[0].isdigit() or after[0] == "“"):
        return False
    if _DOC_NUMBER_LINE.match(before.strip()):
        return False
    if _MARKER_START.match(after):
        return False
    inside = before.count("（") + before.count("(") > before.count("）") + before.count(")")
    if before[-1] in _ENDS_SENTENCE and not (inside and before[-1] in "：:、，；;"):
        return False  # …（责任单位：\n市财政局）, （牵头单位：A；\n配合单位：B）: a clause goes on
    line_end = text.find("\n", i + 1 + m_end)
    next_line = text[i + 1 + m_end:line_end if line_end >= 0 else len(text)]
    if "\t" in before or "\t" in next_line or _DATE_LINE.match(next_line.strip()) \
            or _DOC_NUMBER_LINE.match(next_line.strip()) or _TITLE_END.search(before):
        return False  # table rows; a signature over its date; a title over its 文号 or text
    if len(before.strip()) <= 20 and _ORGAN_END.search(before):
        return False  # an issuer's name on a line of its own
    if before[-1] in "，、" or inside:
        return True
    prose = before.lstrip()
    if len(prose) < 12 or (_MARKER_START.match(prose) and len(prose) <= 25):
        return False
    return "\u4e00" <= before[-1] <= "\u9fff" or before[-1].isdigit() or before[-1] in "%％"


_SENTENCE_END = re.compile(r"[。！？!?\n]")
_CLAUSE_END = re.compile(r"[，；;,：:。！？]")


def sentences(text: str) -> list[tuple[int, int]]:
    """Half-open spans of sentences: split after 。！？ and at line breaks (；stays inside),
    except a line break in the middle of a sentence."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        i = m.start()
        if text[i] == "\n":
            if broken_line(text, i):
                continue
            end = i
        else:
            end = i + 1
        if text[start:end].strip():
            spans.append((start, end))
        start = i + 1
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Half-open spans of the clauses of ``text[s:e]``, split at ，；：。！？ (half-width too)."""
    out, start = [], s
    for m in _CLAUSE_END.finditer(text, s, e):
        i = m.start()
        if i > start:
            out.append((start, i))
        start = i + 1
    if e > start:
        out.append((start, e))
    return out


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def paragraph_of(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end
