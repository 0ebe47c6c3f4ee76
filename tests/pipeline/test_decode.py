"""decode: formats, encodings, site noise, and the errors a user meets."""
from __future__ import annotations

import hashlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.decode import decode, read_document
from schemas.errors import DocumentTooLarge, EmptyDocument, InputError

SIMPLIFIED = "根据国家发展和改革委员会的要求，到2027年，全区服务业增加值达到300亿元，年均增长百分之七左右。"
TRADITIONAL = "根據國家發展和改革委員會的要求，到2027年，全區服務業增加值達到300億元，年均增長百分之七左右。"


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (SIMPLIFIED.encode("gbk"), "gb18030", SIMPLIFIED),
        (SIMPLIFIED.encode("gb18030"), "gb18030", SIMPLIFIED),
        (TRADITIONAL.encode("big5"), "big5", TRADITIONAL),
        (SIMPLIFIED.encode("utf-8"), "utf-8", SIMPLIFIED),
        (b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8-sig", SIMPLIFIED),
        (TRADITIONAL.encode("utf-16"), "utf-16", TRADITIONAL),
    ],
)
def test_decode_detects_encoding(data: bytes, encoding: str, text: str) -> None:
    raw = decode(data, "plan.txt")
    assert raw.encoding == encoding
    assert raw.text == text
    assert raw.format == "text"
    assert raw.sha256 == hashlib.sha256(data).hexdigest()
    assert raw.doc_id == raw.sha256[:16]


def test_decode_short_big5_and_gbk_are_not_confused() -> None:
    assert decode("發展規劃".encode("big5")).text == "發展規劃"
    assert decode("发展规划".encode("gbk")).text == "发展规划"


HTML = """<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>关于印发服务业发展行动方案的通知_政策文件_某某市人民政府网</title>
<script>var nav = "首页 政务公开 政策文件 政策解读 互动交流 办事服务";</script>
<style>.zoom { font-size: 16px }</style></head>
<body>
<nav><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/zcwj">政策文件</a></nav>
<div class="crumb">当前位置：首页 &gt; 政策文件</div>
<div class="main"><div class="sidebar">热点专题 政务服务</div>
<div id="zoom" class="TRS_Editor">
<p>　　一、总体要求</p>
<p>为加快推进服务业高质量发展，<b>制定</b>本方案。<br>到2027年，全市营业收入达到300亿元。</p>
<table><tr><td>序号</td><td>任务</td><td>责任单位</td></tr>
<tr><td>1</td><td>建设公共服务平台</td><td>市商务局</td></tr></table>
<p>来源：某某市人民政府办公室</p>
</div></div>
<footer>版权所有：某某市人民政府 某ICP备12345678号 网站标识码1234567890</footer>
</body></html>"""


def test_decode_html_takes_the_article_with_meta_charset() -> None:
    raw = decode(HTML.encode("gbk"), "page.html")
    assert raw.format == "html"
    assert raw.encoding == "gb18030"
    assert raw.text.splitlines() == [
        "关于印发服务业发展行动方案的通知",
        "",
        "\u3000\u3000一、总体要求",
        "为加快推进服务业高质量发展，制定本方案。",
        "到2027年，全市营业收入达到300亿元。",
        "序号\t任务\t责任单位",
        "1\t建设公共服务平台\t市商务局",
    ]
    assert [(d.text, d.reason) for d in raw.dropped] == [("来源：某某市人民政府办公室", "source")]


def test_decode_html_title_dropped_when_article_has_heading() -> None:
    page = ("<html><head><meta charset='utf-8'><title>网页标题_某某网</title></head><body>"
            "<div class='article'><h1>某某区行动方案</h1><p>一、总体要求</p></div></body></html>")
    raw = decode(page.encode("utf-8"), "<bytes>")
    assert raw.format == "html"
    assert raw.text == "某某区行动方案\n一、总体要求"


def test_decode_html_sniffed_without_extension() -> None:
    raw = decode("<div><p>一、总体要求</p><p>（一）指导思想</p></div>".encode("utf-8"), "page")
    assert raw.format == "html"
    assert raw.text == "一、总体要求\n（一）指导思想"


def test_decode_html_layout_comments_declaration_and_deep_nesting() -> None:
    """<br> breaks a line, cells are tab-separated, a comment inside a word leaves the word
    whole, an XML declaration is no obstacle, and text under 5,000 unclosed-looking nested
    <div>s is kept (lxml's tree builder stops at 2,048 levels; we lay out from parser events)."""
    page = ("<?xml version='1.0' encoding='gbk'?><html><body><nav>首页 &gt; 通知</nav>"
            "<div class='content'>一、总体<!-- 注 -->要求<br>到2025年<br/>"
            "<table><tr><td>指标</td><th>2025年</th></tr></table>尾句<script>x=1</script>完"
            + "<div>" * 5000 + "深处的句子。" + "</div>" * 5000 + "</div></body></html>")
    raw = decode(page.encode("utf-8"), "page.html")
    assert raw.text.splitlines() == ["一、总体要求", "到2025年", "", "指标\t2025年", "尾句完", "深处的句子。"]


def test_decode_docx_paragraphs_and_tables_in_order() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("一、主要目标")
    document.add_paragraph("到2026年，全区服务业增加值达到680亿元。")
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([["序号", "任务", "责任单位"], ["1", "建设平台", "区商务局、区财政局"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("二、保障措施")
    buffer = io.BytesIO()
    document.save(buffer)
    raw = decode(buffer.getvalue(), "plan.docx")
    assert raw.format == "docx"
    assert raw.text.splitlines() == [
        "一、主要目标",
        "到2026年，全区服务业增加值达到680亿元。",
        "序号\t任务\t责任单位",
        "1\t建设平台\t区商务局、区财政局",
        "二、保障措施",
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("版权所有：某某市人民政府", "copyright"),
        ("版權所有 © 某某市某某區人民政府", "copyright"),
        ("来源：某某区人民政府办公室", "source"),
        ("來源：某某區人民政府辦公室", "source"),
        ("发布时间：2024-03-20 09:30", "publish date"),
        ("發佈時間：2024-03-20", "publish date"),
        ("某ICP备05012345号-1", "icp number"),
        ("某ICP備05012345號-1", "icp number"),
        ("打印本页 关闭窗口", "print/close"),
        ("打印本頁 關閉窗口", "print/close"),
        ("当前位置：首页 > 政策文件", "breadcrumb"),
        ("網站首頁 > 政策文件 > 區政府文件", "breadcrumb"),
        ("浏览次数：1286", "view count"),
        ("瀏覽次數：1286", "view count"),
        ("分享到：微信 微博", "share"),
        ("【字体：大 中 小】", "font size"),
        ("【字體：大 中 小】", "font size"),
        ("微信扫一扫", "scan code"),
        ("上一篇：关于开展消费促进月活动的通知", "prev/next"),
        ("下一篇：關於做好防汛工作的通知", "prev/next"),
        ("责任编辑：张三", "editor"),
        ("責任編輯：張三", "editor"),
        ("某某市人民政府关于印发某某方案的通知_市政府文件_某某", "page title"),  # a printed page's title bar
        ("某某市人民政府关于印发某某方案的通知_某某市人民政府网", "page title"),
        ("市政府网《(www.example.gov.cn)", "page title"),                     # and the site's address
    ],
)
def test_decode_drops_boilerplate(line: str, reason: str) -> None:
    raw = decode(f"一、总体要求\n{line}\n二、主要目标".encode("utf-8"))
    assert raw.text == "一、总体要求\n二、主要目标"
    assert [(d.text, d.reason, d.line_no) for d in raw.dropped] == [(line, reason, 2)]


@pytest.mark.parametrize(
    "line",
    [
        "数据来源：统计部门年报显示，全区服务业增加值增长较快。",
        "（三）拓宽资金来源渠道，加大财政支持力度。",
        "积极争取国家和省级资金，来源多元、投入稳定。",
        "（2）推广扫码支付等便民服务。",
        "（5）建设3D打印公共服务平台。",
        "（责任单位：区委宣传部、区融媒体中心）",
        "加强知识产权保护，支持企业申请著作权登记，保护原创者的版权。" * 2,
        "指标名称_单位",                             # one underscore is no title bar
        "详见市政府门户网站（www.example.gov.cn）的公告栏，按要求报名参加培训。",
    ],
)
def test_decode_keeps_plan_text_that_mentions_noise_words(line: str) -> None:
    raw = decode(f"一、重点任务\n{line}".encode("utf-8"))
    assert raw.text == f"一、重点任务\n{line}"
    assert raw.dropped == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、总体要求\r\n（一）指导思想  \r\n", "一、总体要求\n（一）指导思想"),
        ("一、总体要求\r（一）指导思想", "一、总体要求\n（一）指导思想"),
        ("一、总体要求\n\n\n\n\n（一）指导思想", "一、总体要求\n\n（一）指导思想"),
        ("\n\n一、总体要求 \t\n\n（一）", "一、总体要求\n\n（一）"),
    ],
)
def test_decode_cleans_line_endings_and_blank_lines(text: str, expected: str) -> None:
    assert decode(text.encode("utf-8")).text == expected


def test_decode_truncated_utf8_drops_partial_character() -> None:
    data = "到2027年，营业收入达到300亿元".encode("utf-8")[:-1]
    raw = decode(data)
    assert raw.text == "到2027年，营业收入达到300亿"
    assert raw.encoding == "utf-8"
    assert [d.reason for d in raw.dropped] == ["truncated bytes"]


@pytest.mark.parametrize("data", [b"", b"   \r\n\t\n", "\u3000\u3000\n".encode("utf-8")])
def test_decode_empty_input_raises(data: bytes) -> None:
    with pytest.raises(EmptyDocument):
        decode(data)


def test_decode_only_boilerplate_raises_empty() -> None:
    with pytest.raises(EmptyDocument):
        decode("版权所有：某某市人民政府\n打印本页 关闭窗口".encode("utf-8"))


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        bytes(range(256)) * 4,
        b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 20,
    ],
)
def test_decode_binary_raises_input_error(data: bytes) -> None:
    with pytest.raises(InputError, match="does not look like text"):
        decode(data)


def test_decode_broken_docx_raises_input_error() -> None:
    with pytest.raises(InputError, match="docx"):
        decode(b"PK\x03\x04 not really a zip", "plan.docx")


def test_decode_read_document_errors(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        read_document(tmp_path)
    big = tmp_path / "big.txt"
    big.write_bytes("一、总体要求\n".encode("utf-8") * 100)
    with pytest.raises(DocumentTooLarge, match="limit of 100 bytes"):
        read_document(big, max_bytes=100)
    raw = read_document(big)
    assert raw.path == str(big)
    assert raw.text.startswith("一、总体要求")


@given(st.binary(max_size=400) | st.text(max_size=200).map(lambda t: t.encode("utf-8")))
@settings(max_examples=300, deadline=None)
def test_decode_arbitrary_bytes_decode_or_raise_input_error(data: bytes) -> None:
    try:
        raw = decode(data)
    except InputError:
        return
    assert raw.text.strip()
    assert "\r" not in raw.text
    assert all(line == line.rstrip() for line in raw.text.split("\n"))
    assert "\n\n\n" not in raw.text


def test_decode_drops_page_numbers_and_running_headers():
    text = ("某市行动方案\n一、目标\n到2026年，全市增加值达到\n300亿元。\n\n— 3 —\n\n某市人民政府办公室文件\n"
            "二、任务\n- 4 -\n第 5 页 共 12 页\n某市人民政府办公室文件\n三、保障\n某市人民政府办公室文件\n")
    raw = decode(text.encode("utf-8"), "pdf.txt")
    assert "— 3 —" not in raw.text and "第 5 页" not in raw.text and "办公室文件" not in raw.text
    assert {d.reason for d in raw.dropped} == {"page number", "running header"}
    assert "300亿元" in raw.text and "三、保障" in raw.text
