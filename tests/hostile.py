"""Hostile inputs, generated at any size: the fuzz tests use them small, ``tests.bench --hostile``
large. Every text is written here by rule (no real document)."""
from __future__ import annotations

import io
import random
import zipfile

#: One clause of a plan, repeated to make big documents; numbers vary so no two lines are alike.
_CLAUSE = "到{y}年，全区服务业增加值达到{n}亿元，年均增长{p}%左右（责任单位：区发展改革局、区商务局）"
_WORDS = "推进现代服务业集聚发展提升产业能级优化营商环境强化要素保障完善体制机制加快数字化转型"


def long_line(size: int, numbers: bool = True, seed: int = 1) -> bytes:
    """One line of ``size`` bytes of plan-like text, with or without numbers, no line break."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        if numbers:
            piece = _CLAUSE.format(y=rng.randint(2024, 2030), n=rng.randint(1, 999), p=rng.randint(1, 20)) + "，"
        else:
            i = rng.randrange(len(_WORDS) - 8)
            piece = _WORDS[i:i + rng.randint(4, 8)] + "，"
        parts.append(piece)
        total += len(piece.encode("utf-8"))
    return "".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore").encode("utf-8")


def entity_html(size: int) -> bytes:
    """An HTML page whose article is mostly character entities (&#x4e00; &amp; &nbsp; …)."""
    head = b"<html><head><meta charset='utf-8'><title>t</title></head><body><div class='article'><p>"
    unit = "".join(f"&#{0x4e00 + i};&amp;&nbsp;&#x{0x4e00 + i:x};" for i in range(40)).encode("ascii")
    body = unit * max(1, (size - len(head)) // len(unit))
    return head + body + b"</p></div></body></html>"


def plan_text(size: int, seed: int = 2) -> bytes:
    """A multi-line plan of ``size`` bytes: headings, items and targets, repeated with variation."""
    rng = random.Random(seed)
    lines: list[str] = ["海河区服务业发展行动方案（2025—2027年）", ""]
    total = 0
    heads = "一二三四五六七八九十"
    while total < size:
        for h in heads:
            lines.append(f"{h}、推进重点任务")
            for k in range(1, 6):
                line = f"（{heads[k - 1]}）" + _CLAUSE.format(
                    y=rng.randint(2025, 2027), n=rng.randint(1, 999), p=rng.randint(1, 20)) + "。"
                lines.append(line)
                total += len(line.encode("utf-8")) + 1
    return "\n".join(lines).encode("utf-8")[:size].decode("utf-8", "ignore").encode("utf-8")


def _docx(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal .docx around ``document_xml`` (python-docx opens it)."""
    ct = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          b'<Default Extension="xml" ContentType="application/xml"/>'
          b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          b'</Types>')
    rels = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            b'</Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", ct)
        zf.writestr("_rels/.rels", rels)
        zf.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_paragraphs(count: int, text: str = "") -> bytes:
    """A .docx with ``count`` paragraphs (empty ones compress to almost nothing: a zip bomb).
    The document part is written in chunks, so 200 million paragraphs need no 1.2 GB string."""
    para = b"<w:p><w:r><w:t>" + text.encode("utf-8") + b"</w:t></w:r></w:p>" if text else b"<w:p/>"
    data = bytearray(_docx(b"<?xml version='1.0' encoding='UTF-8'?><w:document " + _W + b"><w:body>"
                           + b"</w:body></w:document>"))
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                zf.writestr(info.filename, src.read(info))
        with zf.open("word/document.xml", "w", force_zip64=count * len(para) > 1 << 31) as fh:
            fh.write(b"<?xml version='1.0' encoding='UTF-8'?><w:document " + _W + b"><w:body>")
            step = 1 << 16
            for done in range(0, count, step):
                fh.write(para * min(step, count - done))
            fh.write(b"</w:body></w:document>")
    return buf.getvalue()


def docx_tables(count: int) -> bytes:
    """A .docx with ``count`` small tables (two rows of two cells each)."""
    cell = b"<w:tc><w:p><w:r><w:t>" + "区商务局，区财政局".encode("utf-8") + b"</w:t></w:r></w:p></w:tc>"
    table = b"<w:tbl>" + (b"<w:tr>" + cell * 2 + b"</w:tr>") * 2 + b"</w:tbl>"
    return _docx(b"<?xml version='1.0' encoding='UTF-8'?><w:document " + _W + b"><w:body>" + table * count
                 + b"</w:body></w:document>")


def docx_lying_size(inflated: int) -> bytes:
    """A .docx whose document part inflates to ``inflated`` bytes but whose zip directory
    declares it small (the declared size lies): only a capped stream catches it."""
    data = bytearray(docx_paragraphs(inflated // len(b"<w:p/>")))
    # Patch the declared uncompressed size of word/document.xml in both headers to 1000 bytes.
    name = b"word/document.xml"
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = 0
        while (pos := data.find(sig, pos)) >= 0:
            name_at = pos + (30 if sig == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                data[pos + size_at:pos + size_at + 4] = (1000).to_bytes(4, "little")
            pos += 4
    return bytes(data)
