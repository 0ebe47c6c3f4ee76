"""Characters: Han ranges, pinyin glosses, width and space folding, everyday Han (for mojibake).
"""
from __future__ import annotations

import re
from functools import lru_cache

#: Tone-marked vowels that tell a pinyin gloss `(jù)` from a parenthesised abbreviation.
PINYIN_TONE_MARKS = "āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜü"
#: A parenthesised lowercase pinyin syllable with a tone mark, right after a CJK character.
PINYIN_GLOSS = re.compile(
    r"(?<=[\u3400-\u9fff])[(（]\s?"
    rf"((?=[a-z{PINYIN_TONE_MARKS}]*[{PINYIN_TONE_MARKS}])[a-z{PINYIN_TONE_MARKS}]{{1,7}})"
    r"\s?[)）]"
)

#: Full-width symbols folded to ASCII for matching (besides full-width digits and letters).
FULLWIDTH_SYMBOLS = {"％": "%", "．": ".", "＋": "+", "－": "-", "～": "~", "／": "/"}
#: Unicode spaces folded to ' ' (NBSP, ideographic space, en/em spaces, narrow NBSP, …).
UNICODE_SPACES = frozenset("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                           "\u2008\u2009\u200a\u202f\u205f\u3000")
#: Invisible characters removed by normalize (zero-width spaces and joiners, stray BOM).
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
#: A character normalize folds 1:1: full-width digits and Latin letters, FULLWIDTH_SYMBOLS,
#: UNICODE_SPACES (found in C; a document holds few, so they are replaced one by one).
FOLDABLE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a" + re.escape("".join(FULLWIDTH_SYMBOLS))
                      + re.escape("".join(sorted(UNICODE_SPACES))) + "]")
#: Structural punctuation written half-width next to Chinese, and its canonical full-width form.
HALF_TO_FULL_PUNCT = {"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"}


#: One Han character: the ranges of :func:`is_cjk`, for searching whole strings in C.
HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003ffff]")


def is_cjk(ch: str) -> bool:
    """A Han character (unified, extension A, compatibility or astral extensions)."""
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x3FFFF)


def is_cjk_context(ch: str) -> bool:
    """A character that makes neighbouring punctuation Chinese: Han, CJK or full-width punct."""
    o = ord(ch)
    return (is_cjk(ch) or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF
            or ch in "“”‘’—…·")


@lru_cache(maxsize=1)
def common_cjk() -> frozenset[str]:
    """Han characters in everyday use: all of GB2312 plus Big5's frequently-used level 1.

    Decoding GBK bytes as Big5 (or the reverse) yields mostly characters outside this set, which
    is how decode picks the right codec and normalize spots mojibake.
    """
    chars: set[str] = set()
    for lead in range(0xB0, 0xF8):  # GB2312 hanzi, levels 1 and 2
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for lead in range(0xA4, 0xC7):  # Big5 level 1: A440–C67E
        for trail in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            if (lead, trail) > (0xC6, 0x7E):
                break
            try:
                chars.add(bytes((lead, trail)).decode("big5"))
            except UnicodeDecodeError:
                pass
    return frozenset(c for c in chars if len(c) == 1 and is_cjk(c))


# --- encodings ---

#: The charset an HTML page declares (<meta charset=…>).
META_CHARSET = re.compile(
    rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.IGNORECASE
)
#: A character outside ASCII.
NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: CJK and full-width punctuation (for telling Chinese text from mojibake).
CJK_PUNCT = re.compile("[\u3000-\u303f\uff01-\uff5e\u2010-\u2027]")
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")  # not \t \n \v \f \r
#: C0 control characters and NUL (a binary file, not text).
CONTROL_OR_NUL = re.compile("[\x00-\x08\x0e-\x1f]")


# --- normalize ---

#: Half-width structural punctuation, folded to full width next to Chinese.
HALF_PUNCT = re.compile(r"[(),:;]")
#: A character mojibake leaves (?, U+FFFD, private use, kana, half-width katakana, box drawing).
SUSPECT = re.compile("[?\ufffd\ue000-\uf8ff\u3040-\u30ff\uff61-\uff9f\u2500-\u257f]")
#: A run of SUSPECT characters.
SUSPECT_RUN = re.compile(SUSPECT.pattern + "+")


# --- shapes the functions test text against ---

#: A run of digits.
DIGITS = re.compile(r"\d+")
#: A byte outside ASCII (how much of a file is not plain ASCII).
NON_ASCII_BYTE = re.compile(rb"[\x80-\xff]")
#: One whitespace character (removed to compare titles and 文号).
WHITESPACE = re.compile(r"\s")
#: A run of whitespace.
WHITESPACE_RUN = re.compile(r"\s+")


# --- segment: how jieba 0.42 itself cuts what its dictionary does not know (pipeline/segment.py) ---

#: A character jieba 0.42 runs through its dictionary (``jieba.re_han_default``); every other
#: character is a token of its own (a ``\r\n`` pair one token).
JIEBA_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]+)")
#: How jieba 0.42 cuts an unknown run that holds no Han character (``jieba.finalseg.re_skip``):
#: letters and digits with one decimal part and a %; 2025-2027 → 2025 - 2027. jieba-rs writes the
#: dot unescaped (any character), so it keeps 2025-2027 whole; the fast engine re-cuts such runs.
JIEBA_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
#: jieba 0.42's Han characters (``jieba.finalseg.re_han``): a token of only these is never re-cut.
JIEBA_HAN = re.compile("[\u4e00-\u9fd5]+")
#: Characters jieba-rs runs through its dictionary and HMM but jieba 0.42 does not (CJK extension A
#: and later, 9FD6–9FFF, compatibility ideographs): jieba makes each a token of its own and cuts the
#: text around it separately, so the fast engine cuts the pieces between them one by one.
JIEBA_RS_ONLY_HAN = re.compile("[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
# --- UTF-8 read as a single-byte code page (pipeline/mojibake.py) ---

#: Code pages a UTF-8 page is commonly mis-read as, each byte one character: Western (cp1252,
#: latin-1), Cyrillic (Windows, Mac, KOI8-R, DOS) and Mac Roman. Tried in this order.
MOJIBAKE_CODECS = ("cp1252", "latin-1", "mac_cyrillic", "cp1251", "koi8_r", "cp866", "mac_roman")
#: Characters a repaired run may plausibly decode to besides common Han: CJK punctuation and
#: full-width forms, general punctuation, Latin-1 letters.
REPAIRED_PLAUSIBLE = re.compile("[\u3000-\u303f\uff01-\uff5e\u2010-\u206f\u00c0-\u00ff\u00a0-\u00bf]")


@lru_cache(maxsize=None)
def code_page_runs(codec: str) -> re.Pattern[str]:
    """Runs of two or more characters a single-byte code page reads bytes 80–FF as (one such
    byte alone is never the UTF-8 of a non-ASCII character)."""
    upper = {bytes([b]).decode(codec, "ignore") for b in range(0x80, 0x100)} - {""}
    return re.compile("[" + re.escape("".join(sorted(upper))) + "]{2,}")
