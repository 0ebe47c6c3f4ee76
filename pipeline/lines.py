"""Lines broken inside a sentence, as in text copied from web pages or converted from PDF: normalize
joins them, sentences does not split at them."""
from __future__ import annotations

from typing import Iterator

from .rules import anatomy as A
from .rules.tables import LINE_ROW, LINED_HEADER, PAGE_NUMBER_LINE, TABLE_BODY_END

#: At least this many rows closed by an attribute word make a header's lines a table.
_MIN_ROWS = 2
#: A row's name wraps over at most this many lines on either side of its values.
MAX_SIDE = 3
#: Lines between two rows: the name lines below one, a group label, the name lines above the next.
MAX_GAP = 2 * MAX_SIDE + 1


def lines_from(text: str, pos: int) -> Iterator[tuple[int, int]]:
    """The (start, end) of each line of ``text`` from ``pos`` on, one at a time."""
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        yield pos, end
        pos = end + 1


def lined_tables(text: str) -> list[tuple[int, int]]:
    """The spans of indicator tables whose rows a PDF broke over lines (a header 指标 … 2025年 属性,
    then lines up to a heading or a sentence's end, rows closed by 约束性/预期性): their line
    breaks are the table's layout, never a sentence's (flat_lines reads them)."""
    out: list[tuple[int, int]] = []
    for h in LINED_HEADER.finditer(text):
        if out and h.start() < out[-1][1]:
            continue  # inside the table before
        rows, end = 0, h.end()
        pending: list[int] = []  # the ends of the lines since the last row
        for a, b in lines_from(text, h.end() + 1):
            line = text[a:b]
            if not line.strip() or PAGE_NUMBER_LINE.match(line):
                continue
            if LINE_ROW.match(line):
                rows, end, pending = rows + 1, b, []
            elif TABLE_BODY_END.search(line) or len(pending) == MAX_GAP or LINED_HEADER.match(line):
                break
            else:
                pending.append(b)
        if rows >= _MIN_ROWS:
            out.append((h.start(), pending[min(len(pending), MAX_SIDE) - 1] if pending else end))
    return out

#: The fewest characters of a line of prose as a PDF's page width sets it (a heading is shorter).
PDF_LINE = 28


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
    m = A.SPACE_RUN.match(text, i + 1, i + 200)
    assert m is not None  # \s* matches the empty string
    m_end = m.end() - (i + 1)  # length of the blank run after the break
    after = text[i + 1 + m_end:i + 1 + m_end + 4]
    if not before or not after:
        return False
    if after[0] in "，。、；：！？）”》":
        return True  # no line starts with these: the line before was cut short
    if before.rfind("《") > before.rfind("》") and not A.MARKER_START.match(after):
        return True  # 《……方案\n（2023—2025年）》: a cited title goes on to its 》
    if after[0] in "—–-" and before[-1].isdigit():
        pass  # 2025\n—2027年: a range cut in two
    elif not ("\u4e00" <= after[0] <= "\u9fff" or after[0].isdigit() or after[0] == "“"):
        return False
    if A.DOC_NUMBER_LINE.match(before.strip()) or A.DISCLOSURE_FIELD.match(text, i + 1 + m_end):
        return False  # a 文号 line; a field of a disclosure page's header (名称：…, 成文日期：…)
    if A.MARKER_START.match(after):
        return False
    inside = before.count("（") + before.count("(") > before.count("）") + before.count(")")
    # a PDF's full line of prose may end with a quoted name's ” (纳入“规上”\n企业库的): it goes on
    quoted_on = before[-1] == "”" and len(before.strip()) >= PDF_LINE and not A.MARKER_START.match(before.lstrip())
    if before[-1] in A.LINE_ENDS_SENTENCE and not (inside and before[-1] in "：:、，；;") and not quoted_on:
        return False  # …（责任单位：\n市财政局）, （牵头单位：A；\n配合单位：B）: a clause goes on
    line_end = text.find("\n", i + 1 + m_end)
    next_line = text[i + 1 + m_end:line_end if line_end >= 0 else len(text)]
    if "\t" in before or "\t" in next_line or A.DATE_LINE.match(next_line.strip()) \
            or A.DOC_NUMBER_LINE.match(next_line.strip()) or A.TITLE_LINE_END.search(before):
        return False  # table rows; a signature over its date; a title over its 文号 or text
    if len(before.strip()) <= 20 and A.ISSUER_LINE.search(before):
        return False  # an issuer's name on a line of its own
    if before[-1] in "，、" or inside:
        return True
    prose = before.lstrip()
    if len(prose) < 12 or (A.MARKER_START.match(prose) and len(prose) <= 25):
        return False
    return "\u4e00" <= before[-1] <= "\u9fff" or before[-1].isdigit() or before[-1] in "%％" or quoted_on
