"""Binary document formats: the text layer of a PDF, Word 97–2003 (.doc) and WPS (.wps) files.

Chosen by measurement (PDFs LibreOffice made of the fixtures, 2–6 pages, 2026-12-02):
pdfplumber (pdfminer.six underneath, 166–233 ms a document) gives every character of the text in
reading order; pypdfium2 is 40x faster (4–6 ms) but moves quotes set in another font out of their
place (“十四五” → 十四五 with the quotes elsewhere), which breaks metrics, so speed loses. antiword
reads .doc (and compound-file .wps) in ~10 ms, its DocBook output keeping paragraphs and table rows
apart (its text output wraps table cells); LibreOffice's headless converter (~2.3 s a file, a
fresh profile each) is the fallback for what antiword does not read: RTF saved as .doc, other
.wps. Both are Debian packages the Makefile installs; a missing one is a one-line error naming
its package.

Page furniture (page numbers, running headers) and lines broken inside a sentence are left to
``decode.clean_lines`` and ``normalize``, as for text converted from PDF by other tools.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Optional

from schemas.errors import ConverterMissing, InputError, NoTextLayer
from schemas.records import SourceFormat

#: What each accepted file type is read as (``policykg … --help`` and README list these).
DOCUMENT_SUFFIXES = {".txt", ".text", ".md", ".htm", ".html", ".xhtml", ".docx", ".doc", ".wps", ".pdf"}
READS = ("plain text (.txt, .text, .md; UTF-8, GB18030/GBK, Big5), web pages (.htm, .html, .xhtml; "
         "a saved page's NAME_files/ folder is skipped), Word (.docx; .doc through antiword), WPS (.wps), "
         "PDF with a text layer (.pdf; a scanned PDF must be OCR'd first)")
#: Folders a browser or Word writes beside a saved page for its images and scripts.
_ASSET_FOLDER_ENDINGS = ("_files", ".files")
_HTML_SUFFIXES = (".htm", ".html", ".xhtml", ".shtml", ".mht", ".mhtml")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: Word 97–2003, WPS, Works
_TIMEOUT_S = 120
#: Chinese characters and punctuation: a gap next to one on a PDF page is layout, not a space.
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026"
_LAYOUT_GAP = re.compile(f"(?<=[{_CJK}])[ \t]+|[ \t]+(?=[{_CJK}])")
_PACKAGE = {"antiword": "antiword", "soffice": "libreoffice-writer-nogui"}


def page_of_assets(folder: Path) -> Optional[Path]:
    """The saved page ``NAME.htm(l)`` whose images and scripts ``folder`` holds, when it is
    ``NAME_files/`` (or Word's ``NAME.files/``) beside it; such a folder is never plans."""
    for ending in _ASSET_FOLDER_ENDINGS:
        if folder.name.endswith(ending) and len(folder.name) > len(ending):
            stem = folder.name[: -len(ending)]
            for suffix in _HTML_SUFFIXES:
                if (folder.parent / f"{stem}{suffix}").is_file():
                    return folder.parent / f"{stem}{suffix}"
    return None


def assets_holding(path: Path, root: Path) -> Optional[tuple[Path, Path]]:
    """(asset folder, its page) when ``path``, found under ``root``, lies in a saved page's assets."""
    for rel in reversed(path.relative_to(root).parents[:-1]):  # outermost folder first, root left out
        page = page_of_assets(root / rel)
        if page is not None:
            return root / rel, page
    return None


def binary_text(data: bytes, path: str) -> Optional[tuple[SourceFormat, str]]:
    """(format, text) of a PDF, .doc or .wps file, judged by content (the name only tells .doc
    from .wps); None for anything else, which decode reads as text, HTML or .docx."""
    head = data[:1024]
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf", pdf_text(data, path)
    fmt: SourceFormat = "wps" if path.lower().endswith(".wps") else "doc"
    if data.startswith(_OLE_MAGIC):
        return fmt, word_text(data, path)
    if head.lstrip().startswith(b"{\\rtf") and path.lower().endswith((".doc", ".wps", ".rtf")):
        return fmt, _libreoffice_text(data, path, "rtf")
    return None


# --- PDF ---------------------------------------------------------------------------------------

def pdf_text(data: bytes, path: str) -> str:
    """The text layer, page by page, one line per printed line (joined again by normalize).

    Word and LibreOffice set a gap between Chinese and Latin or digits (autospace), which the
    layer's reader takes for a space: ``到 2026 年``. Gaps beside a Chinese character or
    punctuation mark are removed, so ``到2026年`` reads as it was typed; spaces between Latin
    words stay."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
    except PDFPasswordIncorrect:
        raise InputError(f"{path}: the PDF is encrypted with a password") from None
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        raise InputError(f"{path}: not a readable PDF ({type(exc).__name__}: {exc})") from None
    if not any(p.strip() for p in pages):
        raise NoTextLayer(f"{path}: no text layer in {len(pages)} page(s) (a scan?); OCR it first")
    return _LAYOUT_GAP.sub("", "\n".join(pages))


# --- Word 97–2003 and WPS ----------------------------------------------------------------------

def word_text(data: bytes, path: str) -> str:
    """Paragraphs and table rows (cells tab-separated, as for .docx) of a compound-file document:
    antiword where it reads the file, else LibreOffice where it is installed."""
    if shutil.which("antiword"):
        text = _antiword_text(data)
        if text is not None:
            return text
        if shutil.which("soffice"):
            return _libreoffice_text(data, path, "doc")
        raise ConverterMissing(f"{path}: antiword cannot read it (not a Word 97–2003 document?); "
                               f"LibreOffice might: apt-get install {_PACKAGE['soffice']}")
    if shutil.which("soffice"):
        return _libreoffice_text(data, path, "doc")
    raise ConverterMissing(f"{path}: reading .doc/.wps needs antiword: apt-get install antiword")


def _antiword_text(data: bytes) -> Optional[str]:
    """antiword's DocBook output laid out as lines; None when antiword does not take the file."""
    with tempfile.TemporaryDirectory(prefix="policykg-") as tmp:
        src = Path(tmp) / "in.doc"
        src.write_bytes(data)
        try:
            done = subprocess.run(["antiword", "-x", "db", "-m", "UTF-8.txt", str(src)],
                                  capture_output=True, timeout=_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            return None
    if done.returncode != 0 or not done.stdout.strip():
        return None
    return _docbook_lines(done.stdout)


_TABLES = {"informaltable", "table"}
_BLOCKS = {"para", "title", "chapter", "sect1", "sect2", "sect3", "sect4", "sect5", "book", "entry"}


def _docbook_lines(xml: bytes) -> str:
    """Paragraphs one per line, table rows cells joined by tabs; the book's metadata left out."""
    from lxml import etree

    parser = etree.XMLParser(recover=True, resolve_entities=False, load_dtd=False, no_network=True,
                             huge_tree=False)
    root = etree.fromstring(xml, parser)
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = "".join(buf)
        buf.clear()
        lines.extend(line.strip() for line in text.splitlines() if line.strip())

    def emit(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "bookinfo":
            return
        if tag in _TABLES:
            flush()
            for row in el.iter("row"):
                cells = [" ".join(" ".join(entry.itertext()).split()) for entry in row.iterchildren("entry")]
                lines.append("\t".join(cells))
            return
        block = tag in _BLOCKS
        if block:
            flush()
        buf.append(el.text or "")
        for child in el:
            emit(child)
            buf.append(child.tail or "")
        if block:
            flush()

    if root is not None:
        emit(root)
    flush()
    return "\n".join(lines)


def _libreoffice_text(data: bytes, path: str, suffix: str) -> str:
    """LibreOffice's plain-text export (UTF-8), in a private profile so workers never share one."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise ConverterMissing(f"{path}: reading this file needs LibreOffice: "
                               f"apt-get install {_PACKAGE['soffice']}")
    with tempfile.TemporaryDirectory(prefix="policykg-lo-") as tmp:
        src = Path(tmp) / f"in.{suffix}"
        src.write_bytes(data)
        cmd = [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
               "--convert-to", "txt:Text (encoded):UTF8", "--outdir", tmp, str(src)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise InputError(f"{path}: LibreOffice did not finish converting it in {_TIMEOUT_S} s") from None
        out = Path(tmp) / "in.txt"
        if not out.is_file():
            raise InputError(f"{path}: LibreOffice cannot read it as a text document")
        text = out.read_bytes().decode("utf-8-sig", errors="replace")
    return text
