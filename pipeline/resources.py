"""Conventions of Chinese policy texts as general dictionaries and regexes, one file for all stages.

Nothing here names a particular document's metrics, bureaus or numbers.
"""
from __future__ import annotations

import re
from functools import lru_cache

# --- decode/normalize ---

#: Site noise that decode drops, as (reason, pattern). Simplified AND traditional forms, because
#: decode runs before normalization. Only lines shorter than BOILERPLATE_MAX_LEN are tested.
BOILERPLATE_MAX_LEN = 80
BOILERPLATE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("copyright", r"版[权權]所有|copyright|©|\(c\)\s*\d{4}"),
        ("source", r"^[【\[]?\s*(信息|文章|稿件|新闻|新聞)?[来來]\s*源\s*[:：]"),
        ("publish date", r"(发布|發布|發佈|公布|更新)\s*(时间|時間|日期)\s*([:：]|\d)"),
        ("icp number", r"ICP\s*[备備证證]|公[网網]安[备備]"),
        ("print/close", r"打印本[页頁]|列印本[页頁]|[【\[]\s*(打印|列印|关闭|關閉)\s*[】\]]|"
                        r"关闭(窗口|本页)|關閉(窗口|視窗|本頁)"),
        ("breadcrumb", r"(当前|當前|您现在的|您現在的|您的|您所在的)\s*位置|首[页頁]\s*[>»›＞/]"),
        ("view count", r"(浏览|瀏覽|阅读|閱讀|点击|點擊|访问|訪問)\s*(次数|次數|量|数|數)\s*[:：]"),
        ("share", r"分享(到|至)"),
        ("font size", r"字[体體号號]\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小"),
        ("scan code", r"[扫掃]一[扫掃]|[扫掃]描二[维維][码碼]|手机[扫掃][码碼]|手機[扫掃][碼码]"),
        ("prev/next", r"^\s*[【\[]?\s*(上|下)一(篇|条|條|页|頁)\s*[】\]]?\s*[:：]?"),
        ("editor", r"^\s*[【\[（(]?\s*(责任编辑|責任編輯|编辑|編輯|审核|審核|校对|校對|供稿)\s*[:：]"),
        ("site footer", r"^\s*(主办|主辦|承办|承辦|技术支持|技術支持)(单位|單位)?\s*[:：]|"
                        r"网站地图|網站地圖|联系我们|聯繫我們|网站标识码|網站標識碼"),
    )
)

#: HTML elements that never hold the article text.
HTML_NOISE_TAGS = (
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe",
    "button", "select", "svg", "template",
)
#: Elements that end a line when the article text is laid out.
HTML_BLOCK_TAGS = frozenset(
    "p div br li ul ol tr table h1 h2 h3 h4 h5 h6 section article blockquote pre dd dt dl "
    "center hr title".split()
)
#: id/class fragments of the usual content containers on government and mirror sites.
HTML_CONTENT_HINT = re.compile(
    r"content|article|zoom|trs_?editor|main|detail|text|wenzhang|zhengwen|news_?con|con_?text|"
    r"body|view|pages?_?con|xxgk", re.IGNORECASE
)
#: How a <title> separates the page title from the site name: the longest part is kept.
HTML_TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜|\s[-–—]\s)\s*")

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
#: Structural punctuation written half-width next to Chinese, and its canonical full-width form.
HALF_TO_FULL_PUNCT = {"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"}


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
