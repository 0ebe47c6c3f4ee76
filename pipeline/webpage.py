"""The article of a web page as lines of text, for decode (HTML pages from government and mirror
sites: navigation, scripts and footers around one content container)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .rules import chars as han
from .rules import noise
from .rules.noise import HTML_SPACE, LAYOUT_MARKS, LINE_MARKS


def article_text(markup: str) -> str:
    """The article of a page: the content container with the most Han characters, laid out as
    lines; the <title> is kept only when the article has no heading of its own."""
    from lxml import etree

    page = _Page()
    # Parser events, not a tree: lxml's tree builder silently drops whatever is nested deeper
    # than 256 (2,048) elements, as pages with thousands of unclosed tags are. Bytes with a
    # stated encoding: decode has found the charset already, and a <meta charset> must not win.
    parser = etree.HTMLParser(target=page, encoding="utf-8")
    parser.feed(LAYOUT_MARKS.sub("", markup).encode("utf-8", "surrogatepass"))
    parser.close()
    return page.article_text()


@dataclass
class _Element:
    name: str
    depth: int
    hint: bool  # an id or class of the usual content containers
    inner: int  # where its content starts in _Page.pieces
    han: int  # Han characters seen before it
    headings: int  # headings seen up to and including it
    end: int = -1
    han_count: int = 0
    has_heading: bool = False


class _Page:
    """An lxml parser target that lays the page out as it is parsed: every element's text between
    markers (\x00 around blocks, \x02 for <br>, \x01 after a cell), noise elements skipped, and
    for each content container its span of pieces and its count of Han characters."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.stack: list[_Element] = []
        self.candidates: list[_Element] = []
        self.body: Optional[_Element] = None
        self.han = self.headings = self.skip = 0
        self.title: Optional[list[str]] = None
        self.in_title = False

    def start(self, tag: str, attrib: dict) -> None:
        name = tag.lower() if isinstance(tag, str) else ""
        if name == "title" and self.title is None:  # the first one, even inside noise
            self.title, self.in_title = [], True
        if self.skip or name in noise.HTML_NOISE_TAGS:
            self.skip += 1
            return
        if name == "br":
            self.pieces.append("\x02")
        elif name in noise.HTML_BLOCK_TAGS:
            self.pieces.append("\x00")
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings += 1
        hint = " ".join([attrib.get("id") or ""] + (attrib.get("class") or "").split())
        el = _Element(name, len(self.stack), bool(hint and noise.HTML_CONTENT_HINT.search(hint)),
                      len(self.pieces), self.han, self.headings)
        if name == "body" and self.body is None:
            self.body = el
        elif el.hint and (self.body is None or self.body.end < 0):  # only inside the body
            self.candidates.append(el)
        self.stack.append(el)

    def end(self, tag: str) -> None:
        if self.in_title and isinstance(tag, str) and tag.lower() == "title":
            self.in_title = False
        if self.skip:
            self.skip -= 1
            return
        el = self.stack.pop()
        el.end, el.han_count, el.has_heading = len(self.pieces), self.han - el.han, self.headings > el.headings
        if el.name in noise.HTML_BLOCK_TAGS and el.name != "br":
            self.pieces.append("\x00")
        elif el.name in ("td", "th"):
            self.pieces.append("\x01")

    def data(self, text: str) -> None:
        if self.in_title and self.title is not None:
            self.title.append(text)
        if not self.skip:
            self.pieces.append(text)
            self.han += len(han.HAN.findall(text))

    def comment(self, text: str) -> None:
        pass  # not text; what surrounds it joins up

    def close(self) -> None:
        pass

    def article_text(self) -> str:
        """The deepest container holding ≥75% of the largest one's Han characters (when that is
        ≥30% of the page's), else the whole body, laid out as lines."""
        root = self.body if self.body is not None and self.body.end >= 0 else None
        total = root.han_count if root else self.han
        inside = [c for c in self.candidates if c.end >= 0 and (root is None or c.inner >= root.inner)]
        best = max((c.han_count for c in inside), default=0)
        article = root
        if inside and best >= 0.3 * total:
            article = max((c for c in inside if c.han_count >= 0.75 * best), key=lambda c: c.depth)
        pieces = self.pieces[article.inner:article.end] if article else self.pieces
        flat = HTML_SPACE.sub(" ", "".join(pieces))
        # Adjacent block edges make one line break; every <br> makes its own.
        flat = LINE_MARKS.sub("\n", flat).replace("\x02", "\n").replace("\x01", "\t")
        text = "\n".join(line.strip(" \t") for line in flat.split("\n"))
        title = " ".join(s.strip() for s in self.title or [] if s.strip())
        has_heading = article.has_heading if article else self.headings > 0
        if title and not has_heading:
            title = max(noise.HTML_TITLE_SEPARATORS.split(title), key=len)
            text = title + "\n\n" + text
        return text
