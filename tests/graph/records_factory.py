"""Small, valid DocumentRecords built by hand, for graph tests (fictional city 青川市).

``make_records()`` is a three-year action plan with 2 sections (one nested), 3 actions, 4 targets,
2 milestones, 5 units and 2 cited parent plans; ``make_parent_records()`` is the text of the first
parent plan, so tests can check that a cited plan and the same plan in the corpus share one node.
Every evidence span is cut from the document text, so ``text[start:end] == evidence.text`` holds.
"""
from __future__ import annotations

from typing import Optional

from schemas.ids import plan_id, record_id
from schemas.records import (
    Action,
    DocumentRecords,
    Evidence,
    Milestone,
    Normalized,
    ParentPlan,
    Plan,
    Responsibility,
    Section,
    Source,
    Target,
    Unit,
)

DOC_ID = "9f1c2a7b3d4e5f60"
PARENT_DOC_ID = "1a2b3c4d5e6f7081"

TITLE = "青川市数字经济高质量发展三年行动方案（2024—2026年）"
DOC_NUMBER = "青政办发〔2024〕12号"
PARENT_TITLE = "临江省数字经济发展“十四五”规划"
PARENT_NUMBER = "临政发〔2022〕5号"
SECOND_PARENT_TITLE = "临江省数据要素市场化配置改革实施意见"

TEXT = (
    f"{TITLE}\n"
    f"为贯彻落实《{PARENT_TITLE}》（{PARENT_NUMBER}）和《{SECOND_PARENT_TITLE}》，制定本方案。"
    "到2026年，全市数字经济核心产业增加值达到800亿元以上。\n"
    "一、重点任务\n"
    "（一）夯实数字基础设施\n"
    "1.加快5G网络建设。新建5G基站3000个，2025年底前实现重点场所5G网络全覆盖。"
    "（责任单位：市工业和信息化局牵头，市通信管理办、各区县人民政府配合）\n"
    "2.推进算力中心建设。2025年6月底前建成青川城市算力中心一期工程。"
    "（责任单位：市发展改革委、市大数据局）\n"
    "重点企业上云率达到60%。\n"
    "3.壮大软件和信息服务业。软件业务收入年均增长15%。（责任单位：市工业和信息化局）\n"
)

PARENT_TEXT = (
    f"{PARENT_TITLE}\n"
    "一、发展目标\n"
    "到2025年，全省数字经济核心产业增加值占地区生产总值比重达到10%。\n"
)


def evidence(text: str, fragment: str, doc_id: str = DOC_ID,
             section_path: Optional[list[str]] = None) -> Evidence:
    """Evidence for the first occurrence of ``fragment`` in ``text``, with its sentence."""
    start = text.index(fragment)
    end = start + len(fragment)
    s_start = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
    ends = [i for i in (text.find("。", end - 1), text.find("\n", end)) if i != -1]
    s_end = min(ends) + 1 if ends else len(text)
    return Evidence(document=doc_id, text=fragment, start=start, end=end, orig_text=fragment,
                    orig_start=start, orig_end=end, sentence=text[s_start:s_end].strip(),
                    section_path=section_path or [])


def _source(doc_id: str, name: str) -> Source:
    return Source(doc_id=doc_id, path=f"corpus/{name}.txt", sha256=doc_id + "0" * 48,
                  encoding="utf-8", format="text", pipeline_version="0.1.0")


def make_records(doc_id: str = DOC_ID) -> DocumentRecords:
    """The 青川市 action plan: 2 sections, 3 actions, 4 targets, 2 milestones, 5 units."""
    text = TEXT
    top_path = ["重点任务"]
    sub_path = ["重点任务", "夯实数字基础设施"]
    s1 = Section(id=record_id("section", doc_id, "一、", "重点任务"), marker="一、", depth=1,
                 title="重点任务", path=top_path, start=text.index("一、重点任务"), end=len(text))
    s2 = Section(id=record_id("section", doc_id, "（一）", "夯实数字基础设施"), marker="（一）",
                 depth=2, title="夯实数字基础设施", path=sub_path, parent_id=s1.id,
                 start=text.index("（一）"), end=text.index("3.壮大"))

    def action(number: str, title: str, section: Section, clause: Optional[str],
               responsibilities: list[Responsibility], open_list: bool = False) -> Action:
        start = text.index(f"{number}.{title}")
        return Action(
            id=record_id("action", doc_id, number, title), section_id=section.id, title=title,
            section_path=section.path, responsibilities=responsibilities,
            clause=evidence(text, clause, doc_id, section.path) if clause else None,
            open_list=open_list, start=start, end=text.index("\n", start))

    a1 = action("1", "加快5G网络建设", s2, "市工业和信息化局牵头，市通信管理办、各区县人民政府配合", [
        Responsibility(unit="市工业和信息化局", name="市工业和信息化局", role="lead", rank=1),
        Responsibility(unit="市通信管理办公室", name="市通信管理办", role="support", rank=2),
        Responsibility(unit="各区县人民政府", name="各区县人民政府", role="support", rank=3),
    ])
    a2 = action("2", "推进算力中心建设", s2, "市发展改革委、市大数据局", [
        Responsibility(unit="市发展和改革委员会", name="市发展改革委", role="responsible", rank=1),
        Responsibility(unit="市大数据局", name="市大数据局", role="responsible", rank=2),
    ])
    a3 = action("3", "壮大软件和信息服务业", s1, "市工业和信息化局", [
        Responsibility(unit="市工业和信息化局", name="市工业和信息化局", role="responsible", rank=1),
    ])

    targets = [
        Target(id=record_id("target", doc_id, "核心产业增加值"), metric="数字经济核心产业增加值",
               value=800.0, unit="亿元", normalized=Normalized(value=8.0e10, unit="元"),
               comparator="ge", kind="level", deadline="2026-12-31", deadline_rule="sentence",
               scope="全市", evidence=evidence(text, "数字经济核心产业增加值达到800亿元以上", doc_id)),
        Target(id=record_id("target", doc_id, "5G基站"), metric="新建5G基站", value=3000.0,
               unit="个", normalized=Normalized(value=3000.0, unit="个"), kind="increment",
               deadline="2025-12-31", deadline_rule="sentence", action_id=a1.id,
               section_path=sub_path, evidence=evidence(text, "新建5G基站3000个", doc_id, sub_path)),
        Target(id=record_id("target", doc_id, "上云率"), metric="重点企业上云率", value=60.0,
               unit="%", normalized=Normalized(value=0.6, unit="ratio"), comparator="ge",
               kind="share", deadline="2026-12-31", deadline_rule="plan_period",
               responsible_units=["市大数据局"], section_path=sub_path,
               evidence=evidence(text, "重点企业上云率达到60%", doc_id, sub_path)),
        Target(id=record_id("target", doc_id, "软件业务收入"), metric="软件业务收入",
               value=15.0, unit="%", normalized=Normalized(value=0.15, unit="ratio"),
               kind="growth_rate", recurrence="annual", deadline="2026-12-31",
               deadline_rule="plan_period", action_id=a3.id, section_path=top_path,
               evidence=evidence(text, "软件业务收入年均增长15%", doc_id, top_path)),
    ]
    milestones = [
        Milestone(id=record_id("milestone", doc_id, "5G全覆盖"),
                  description="实现重点场所5G网络全覆盖", deadline="2025-12-31",
                  deadline_rule="explicit", action_id=a1.id, section_path=sub_path,
                  evidence=evidence(text, "2025年底前实现重点场所5G网络全覆盖", doc_id, sub_path)),
        Milestone(id=record_id("milestone", doc_id, "算力中心"),
                  description="建成青川城市算力中心一期工程", deadline="2025-06-30",
                  action_id=a2.id, section_path=sub_path,
                  evidence=evidence(text, "2025年6月底前建成青川城市算力中心一期工程", doc_id, sub_path)),
    ]
    units = [
        Unit(name="市工业和信息化局", canonical="市工业和信息化局", aliases=["市工信局"], level="city"),
        Unit(name="市通信管理办公室", canonical="市通信管理办公室", aliases=["市通信管理办"],
             level="city"),
        Unit(name="各区县人民政府", canonical="各区县人民政府", level="district", generic=True),
        Unit(name="市发展和改革委员会", canonical="市发展和改革委员会", aliases=["市发展改革委", "市发改委"],
             level="city"),
        Unit(name="市大数据局", canonical="市大数据局", level="city"),
    ]
    plan = Plan(id=plan_id(TITLE, DOC_NUMBER), title=TITLE, region="青川市", level="city",
                period_start=2024, period_end=2026, issuer="青川市人民政府办公室",
                doc_number=DOC_NUMBER, issued_date="2024-03-15",
                parent_plans=[ParentPlan(title=PARENT_TITLE, doc_number=PARENT_NUMBER,
                                         issuer="临江省人民政府"),
                              ParentPlan(title=SECOND_PARENT_TITLE)])
    return DocumentRecords(source=_source(doc_id, "qingchuan-digital-economy"), plan=plan,
                           sections=[s1, s2], actions=[a1, a2, a3], targets=targets,
                           milestones=milestones, units=units)


def make_parent_records(doc_id: str = PARENT_DOC_ID) -> DocumentRecords:
    """The first parent plan as a document of its own: one section, one target, no actions."""
    text = PARENT_TEXT
    section = Section(id=record_id("section", doc_id, "一、", "发展目标"), marker="一、", depth=1,
                      title="发展目标", path=["发展目标"], start=text.index("一、"), end=len(text))
    target = Target(id=record_id("target", doc_id, "核心产业比重"), metric="数字经济核心产业增加值占地区生产总值比重",
                    value=10.0, unit="%", normalized=Normalized(value=0.1, unit="ratio"),
                    kind="share", deadline="2025-12-31", deadline_rule="sentence", scope="全省",
                    section_path=["发展目标"],
                    evidence=evidence(text, "数字经济核心产业增加值占地区生产总值比重达到10%", doc_id, ["发展目标"]))
    plan = Plan(id=plan_id(PARENT_TITLE, PARENT_NUMBER), title=PARENT_TITLE, region="临江省",
                level="provincial", period_start=2021, period_end=2025, issuer="临江省人民政府",
                doc_number=PARENT_NUMBER, issued_date="2022-01-20")
    return DocumentRecords(source=_source(doc_id, "linjiang-digital-economy"), plan=plan,
                           sections=[section], targets=[target])
