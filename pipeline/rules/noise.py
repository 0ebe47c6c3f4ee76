"""Site noise: the lines decode drops and the parts of an HTML page that are never the article.

Simplified AND traditional forms: decode runs before normalization.
"""
from __future__ import annotations

import re

#: Site noise that decode drops, as (reason, pattern). Simplified AND traditional forms, because
#: decode runs before normalization. Only lines shorter than BOILERPLATE_MAX_LEN are tested.
BOILERPLATE_MAX_LEN = 80
#: Site noise that decode drops, as (reason, pattern).
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
        # A page printed from a browser: its title bar (标题_栏目_网站, the site's name cut over two
        # lines) and the site's address; the title comes again in the body.
        ("page title", r"^[^_]{6,}(?:_[^_\s]{1,12}){2,}$|^[^_]{6,}_[^_\s]{1,12}(?:网|网站|门户)$|"
                       r"^[^，。；]{0,12}[(（]\s*(?:https?://)?www\.[\w.-]+\s*[)）]\s*$"),
        # Text converted from PDF or Word: page numbers on lines of their own.
        ("page number", r"^\s*[-—–－]+\s*\d{1,4}\s*[-—–－]+\s*$|^\s*第\s*\d{1,4}\s*[页頁]"
                        r"(\s*[/，,]?\s*共\s*\d{1,4}\s*[页頁])?\s*$|^\s*\d{1,4}\s*/\s*\d{1,4}\s*$"),
    )
)
#: All of BOILERPLATE in one pattern: most lines match none, and one search says so.
ANY_BOILERPLATE = re.compile("|".join(f"(?:{p.pattern})" for _, p in BOILERPLATE), re.IGNORECASE)
#: A short line without punctuation met this many times is a running page header or footer.
RUNNING_HEADER_MIN_REPEATS = 3

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


# --- decode ---

#: The start of an HTML page (a .txt that is really HTML).
HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|body|meta|div|head|p[\s>])", re.IGNORECASE)
#: Every line break: CR LF, CR, LF and the Unicode separators.
LINE_BREAK = re.compile(r"\r\n?|[\n\u2028\u2029\f\v\x85]")


# --- shapes the functions test text against ---

#: HTML whitespace, collapsed to one space.
HTML_SPACE = re.compile(r"[ \t\r\n\f]+")
#: The characters webpage uses as its own layout marks (removed from the markup first).
LAYOUT_MARKS = re.compile(r"[\x00-\x02]")
#: A run of line marks (and spaces between): one line break.
LINE_MARKS = re.compile(r"\x00[\x00 \x01]*")
#: Punctuation or a digit: a line holding one is text, not a running header.
PROSE_MARK = re.compile(r"[，。；：、（）()\d]")
