"""formats: PDF (text layer), .doc and .wps give the records of the plan's text; a scan, a missing
converter and a saved page's asset folder are said plainly.

The binary files are made here from a fictional fixture text: a .docx (python-docx, 三号 type,
a running header and a '- N -' page number, as government documents are printed), which
LibreOffice's headless converter turns into a PDF, a Word 97 .doc and RTF (saved as .doc, as
sites often serve Word files). WPS Office's own .wps is, like .doc, a compound file (read by
content, named by suffix); LibreOffice cannot write one, so the .wps here is the .doc's bytes under
a .wps name: a .wps written by WPS Office itself is not among these tests.
"""
from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from pipeline.batch import extract_one, find_documents
from pipeline.decode import decode, read_document
from policykg.inputs import sort_inputs
from schemas.errors import ConverterMissing, NoTextLayer, describe

FIXTURE = Path(__file__).parents[1] / "fixtures" / "docs" / "linjiang_district_services_2024-2026.txt"
HEADER = "海澄区人民政府办公室"  # a running header: on every page, no digits or punctuation

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed (make install)")
needs_antiword = pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword not installed (make install)")


def _page_number_footer(paragraph) -> None:
    paragraph.add_run("- ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    paragraph.add_run(" -")


def _docx(text: str) -> bytes:
    document = Document()
    style = document.styles["Normal"]
    style.font.size = Pt(16)  # 三号, so the plan runs over several pages
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER
    _page_number_footer(section.footer.paragraphs[0])
    for line in text.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    """The plan as .txt, .docx, and (LibreOffice) .pdf, .doc, .wps and RTF named .doc."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed (make install)")
    folder = tmp_path_factory.mktemp("formats")
    txt = folder / "plan.txt"
    txt.write_bytes(FIXTURE.read_bytes())
    docx = folder / "plan.docx"
    docx.write_bytes(_docx(FIXTURE.read_text(encoding="utf-8")))
    profile = f"-env:UserInstallation=file://{folder}/lo-profile"
    for target in ("pdf", "doc", "rtf"):
        subprocess.run(["soffice", profile, "--headless", "--convert-to", target, "--outdir", str(folder), str(docx)],
                       check=True, capture_output=True, timeout=300)
    wps = folder / "plan.wps"
    wps.write_bytes((folder / "plan.doc").read_bytes())
    rtf = folder / "rtf" / "plan.doc"  # Word's RTF saved under .doc, as sites often serve it: LibreOffice
    rtf.parent.mkdir()
    rtf.write_bytes((folder / "plan.rtf").read_bytes())
    made = {p.suffix[1:]: p for p in (txt, docx, folder / "plan.pdf", folder / "plan.doc", wps)}
    return made | {"rtf": rtf}


def _facts(path: Path) -> dict:
    outcome = extract_one(path)
    assert outcome.ok, outcome.error
    r = outcome.records
    assert r is not None
    return {
        "targets": sorted((t.metric, t.value, t.value_max, t.unit, str(t.deadline), t.kind, t.comparator,
                           tuple(t.responsible_units)) for t in r.targets),
        "clauses": sorted(tuple((u.name, u.role) for u in a.responsibilities) for a in r.actions),
        "plan": r.plan.model_dump(),
        "milestones": sorted((m.description, m.deadline, tuple(m.responsible_units)) for m in r.milestones),
        "sections": [s.title for s in r.sections],
        "format": r.source.format,
    }


@needs_antiword
@pytest.mark.parametrize("kind", ["pdf", "doc", "wps", "docx", "rtf"])
def test_formats_give_the_records_of_the_text(made: dict[str, Path], kind: str) -> None:
    text, other = _facts(made["txt"]), _facts(made[kind])
    assert len(text["targets"]) > 30 and len(text["clauses"]) > 10  # the fixture is a real test
    assert other["format"] == {"rtf": "doc"}.get(kind, kind)
    for field in ("targets", "clauses", "plan", "milestones", "sections"):
        assert other[field] == text[field], field


def test_formats_pdf_page_furniture_is_dropped(made: dict[str, Path]) -> None:
    raw = read_document(made["pdf"])
    reasons = [d.reason for d in raw.dropped]
    assert reasons.count("page number") >= 3 and reasons.count("running header") >= 3
    assert HEADER not in raw.text and "- 2 -" not in raw.text
    assert "- 2 -" in raw.original  # the original keeps every line the PDF has


@needs_antiword
def test_formats_doc_table_rows_are_tab_separated(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("一、重点任务")
    table = document.add_table(rows=2, cols=3)
    for row, cells in zip(table.rows, [("任务", "完成时限", "责任单位"),
                                       ("建成冷链物流中心1个", "2025年底前", "区商务局、区交通运输局")]):
        for cell, value in zip(row.cells, cells):
            cell.text = value
    document.add_paragraph("二、保障措施")
    document.save(tmp_path / "t.docx")
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed (make install)")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/p", "--headless", "--convert-to", "doc",
                    "--outdir", str(tmp_path), str(tmp_path / "t.docx")], check=True, capture_output=True,
                   timeout=300)
    raw = read_document(tmp_path / "t.doc")
    assert raw.format == "doc"
    assert raw.text.splitlines() == ["一、重点任务", "任务\t完成时限\t责任单位",
                                     "建成冷链物流中心1个\t2025年底前\t区商务局、区交通运输局", "二、保障措施"]
    assert raw.text == read_document(tmp_path / "t.docx").text


def test_formats_scanned_pdf_says_ocr_first(tmp_path: Path) -> None:
    from PIL import Image, ImageDraw

    page = Image.new("RGB", (800, 400), "white")
    ImageDraw.Draw(page).rectangle((100, 100, 700, 140), fill="black")  # what a scan is: pixels
    scan = tmp_path / "scan.pdf"
    page.save(scan, "PDF", resolution=100)
    with pytest.raises(NoTextLayer) as info:
        read_document(scan)
    line = describe(info.value)
    assert line.startswith("[E005]") and "no text layer" in line and "OCR it first" in line
    assert "\n" not in line
    assert extract_one(scan).error == line  # a batch lists it with the same line


def test_formats_missing_converter_names_its_package(made: dict[str, Path], monkeypatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")  # neither antiword nor soffice on the PATH
    with pytest.raises(ConverterMissing) as info:
        read_document(made["doc"])
    assert "apt-get install antiword" in str(info.value) and "\n" not in str(info.value)


def test_formats_damaged_pdf_is_an_input_error() -> None:
    from schemas.errors import InputError

    with pytest.raises(InputError, match="not a readable PDF"):
        decode(b"%PDF-1.7\n1 0 obj garbage", "broken.pdf")


def _saved_page(folder: Path) -> None:
    (folder / "plan.html").write_text("<html><body><h1>海澄区服务业行动方案</h1><p>到2026年，新增企业10家。</p>"
                                      "</body></html>", encoding="utf-8")
    assets = folder / "plan_files"
    assets.mkdir()
    (assets / "style.html").write_text("<html><body>菜单</body></html>", encoding="utf-8")
    (assets / "logo.png").write_bytes(b"\x89PNG\r\n")
    (folder / "notes_files").mkdir()  # no page beside it: a folder of the user's, walked
    (folder / "notes_files" / "b.txt").write_text("到2026年，新增企业10家。", encoding="utf-8")


def test_formats_saved_page_assets_are_skipped(tmp_path: Path) -> None:
    _saved_page(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in find_documents([tmp_path])] == \
        ["notes_files/b.txt", "plan.html"]
    found = sort_inputs([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found.documents] == ["notes_files/b.txt", "plan.html"]
    assert [(Path(s.path).name, s.reason) for s in found.skipped] == \
        [("plan_files", "the asset folder of the saved page plan.html (images, scripts), not plans")]
