"""Responsibility clauses: a document's own rules about its lead units, and the notes a clause carries."""
from __future__ import annotations

import re
from typing import Optional

from schemas.records import Role

#: A document's own rule that the first-listed unit of each clause leads (列第一位者为牵头单位,
#: 排在第一位的为牵头单位, 第一个单位为牵头单位, 首位为牵头单位), usually a note under a task list.
FIRST_LISTED_LEADS_RULE = re.compile(
    r"(?:列|排|排在|排名|列在|位列)?(?:第一|首)(?:位|个|家)?(?:的|者)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)"
)
#: Notes a clause may carry besides its units: the rule above, 下同 ("the same below").
CLAUSE_NOTE = re.compile(rf"[，,；;。]\s*(?:(?:{FIRST_LISTED_LEADS_RULE.pattern})|下同)|[。；;]\s*以下[^（）()]*$")


# --- responsibility ---

#: An opening parenthesis (the clause parser's fast check).
OPEN_RE = re.compile("[（(]")
#: 由/请 opening a list of units (由市财政局负责).
BY = re.compile(r"^(?:由|请)")
UNIT_WORD = r"(?:单位|部门|处室|科室|主体)"
#: A role label (牵头单位：, 配合部门：, 责任单位：).
LABEL = re.compile(
    rf"(?P<lead>牵头责任|主要责任|牵头|主责|主办){UNIT_WORD}?\s*[：:]"
    rf"|(?P<support>责任配合|配合责任|配合|参与|协办|协助|协同|支持){UNIT_WORD}?\s*[：:]"
    rf"|(?:责任|实施|落实|承办|工作){UNIT_WORD}\s*[：:]"
)
#: A role label outside parentheses, opening a flattened task table's cell (……调试。责任单位：A、B配合单位：C
#: 完成时限：…): at the text's start or after a sentence's end, a space, a closing parenthesis or the
#: colon of a line introducing a list (改造内容具体如下：责任单位：…).
BARE_LABEL = re.compile(rf"(?:^|(?<=[。；;！？\s）)：:]))(?:{LABEL.pattern})")
#: Where a bare label's list stops: a sentence's end, a parenthesis, or the deadline column's label.
BARE_LABEL_STOP = re.compile(r"[。；;！？\n\r（(]|(?P<deadline>(?:完成|办结|工作)?(?:时限|时间节点|完成时间|期限)\s*[：:])")
#: An owner label run on to the text before it (……拓扑图责任单位：A、B完成时限：…, a caption or a cell
#: without an end mark): a clause only when its list runs to the deadline column's label.
RUN_ON_LABEL = re.compile(rf"(?<=[\u4e00-\u9fff])(?:{LABEL.pattern})")
VERBS: dict[str, Optional[Role]] = {
    **dict.fromkeys(("牵头负责", "负责牵头", "牵头抓总", "牵头落实", "牵头实施", "为牵头单位", "牵头",
                     "主责", "领衔"), "lead"),
    **dict.fromkeys(("配合落实", "协助落实", "配合实施", "共同参与", "为配合单位", "配合", "协助", "协同",
                     "参与", "协办", "支持"), "support"),
    **dict.fromkeys(("分别负责", "分别牵头", "分别落实", "各负其责"), "responsible"),
    **dict.fromkeys(("按职责分工负责", "按照职责分工负责", "按职能分工负责", "按职责分工落实", "按职责负责",
                     "按职责分工", "按职责", "分工负责", "共同负责", "负责落实", "抓好落实", "组织实施",
                     "负责实施", "具体实施", "为责任单位", "负责", "落实", "实施", "推进", "承担",
                     "负责指导", "指导", "负责落实", "督促落实"), None),
}
#: A role verb closing a list of units (…牵头, …配合).
VERB_TAIL = re.compile("(?:" + "|".join(sorted(VERBS, key=len, reverse=True)) + r")\s*$")
#: Whose "relevant departments" a list's tail names: the State Council's (国务院相关部门), the
#: centre's, or a province's / city's directly subordinate ones (省直有关部门, 市直相关单位).
RELEVANT_OWNER = r"(?:国务院|中央|省直|市直|区直|县直|省级|市级|县级|区级)"
#: 等 (有关部门, 有关部门和单位, 等国务院相关部门) closing a list: the list is open.
OPEN_TAIL = re.compile(rf"等(?:其他)?{RELEVANT_OWNER}?(?:有关|相关)?(?:(?:部门|单位|机构)(?:和|及|与)?){{0,2}}\s*$")
#: 及相关地区 / 和有关地区 closing a list: the generic "and the regions concerned" (dropped, as 有关部门
#: is), so the list is open: 市场监管总局及相关地区按职责分工负责 → 市场监管总局.
REGIONS_TAIL = re.compile(r"(?:以及|和|及|与)(?:其他)?(?:有关|相关)地区\s*$")
INLINE_ROLE = re.compile(r"[（(](牵头|牵头单位|主责|配合|配合单位|参与|负责)[）)]?\s*$")  # ） may be lost
#: A conjunction between two units (以及, 及, 和, 与).
CONJUNCTION = re.compile("以及|及|和|与")
#: 有关部门 / 相关单位 / 国务院相关部门（和单位） alone: a collective owner; beside named units, "and
#: the others" (State Council style: A牵头，国务院相关部门及各地区按职责分工负责).
BARE_RELEVANT = re.compile(
    rf"^(?:其他)?{RELEVANT_OWNER}?(?:有关|相关)(?:部门|单位|处室|机构)(?:(?:和|及)(?:部门|单位|机构))?$"
)
#: A level word alone (各区, 市, 街道): not a unit.
LEVEL_WORD = re.compile(r"^各?(?:省|自治区|直辖市|计划单列市|市|州|盟|县|区|旗|乡|镇|街道)$")
#: Organs of one level's leadership, written once after a shared level word (各市党委、政府 → 各市党委,
#: 各市政府): a bare one in a list takes the level word of the unit before it.
SHARED_ORGAN = re.compile(r"^(?:党委|政府|人民政府|人大|政协|纪委)$")
#: The level word opening such a unit (各市 in 各市党委).
LEVEL_BEFORE_ORGAN = re.compile(r"^(各?(?:省|自治区|市|州|盟|县|区|旗|乡|镇|街道))(?=(?:党委|政府|人民政府|人大|政协|纪委)$)")
#: A government named by its level alone (市政府, 县人民政府): after 各区、 it completes 各区、市政府.
LEVEL_GOVERNMENT = re.compile(r"^(?:省|自治区|直辖市|市|州|盟|县|区|旗|乡|镇)(?:人民)?政府$")
#: What closes a parenthesised clause (a closing parenthesis or the end of a line).
CLOSE_CHAR = re.compile(r"[）)\n\r]")
#: What a clause closing a sentence stands next to: the sentence's end, or the line's.
SENTENCE_STOPS = "\n。；;！？!?"
#: The end of a sentence or a line (a clause never runs past it).
SENTENCE_STOP = re.compile(r"[。\n\r]")
#: A list that runs on past a stray close (（责任单位：A）、B）): it belongs to the clause.
STRAY_TAIL = re.compile(r"[、，,]([^（）()\n。；;]{1,60})[）)]")

# --- inline clauses: an owner opening its sentence, without parentheses ---

#: The names before an inline clause's verb: a phrase without sentence or clause punctuation,
#: quotes, digits or a colon (a label's), at most 60 characters.
_INLINE_NAMES = r"[^。；;，,：:（）()\n\r\t 　“”\"《》0-9０-９]{2,60}?"
#: An owner opening its sentence (or a comma's phrase), without parentheses: ``A牵头，B、C配合，……``
#: (work arrangements, meeting minutes), ``A牵头在3月底前完成……``, ``A部组织，……``, ``A、B协同，……``.
#: 牵头 leads whatever follows it (not 、 or 的: 政府牵头、部门协同 is a slogan); 组织/协同/负责 own
#: the item only when a comma closes them (A组织开展…… is the sentence's subject, not a clause). A
#: supporting phrase may follow: ``，B配合`` / ``，B联动配合``. ``由A牵头，组织……`` is left to the prose: the
#: unit is the subject of a procedure the sentence describes (由 opens it), not an item's owner; 牵头
#: is not followed by 部门/单位 (牵头部门, the noun) nor by a past tense (牵头起草了《…》 reports what was done).
INLINE_CLAUSE = re.compile(
    rf"(?:^|(?<=[。；;！？!?\n\r，,]))[ \t　]*(?![由请])(?P<owners>{_INLINE_NAMES})"
    r"(?:(?P<lead>牵头负责|牵头)(?![、的和与及]|部门|单位|处室|科室)(?![^，,。；;]{0,15}了)"
    r"|(?P<own>组织|协同|负责)(?=[，,]))"
    rf"(?:[，,](?P<support>{_INLINE_NAMES})(?:联动配合|配合|参与|协助)(?=[，,。；;]))?"
)
#: What an inline clause's names never are: a phrase opened by a preposition, an adverb or the
#: writer's own organ (本次由…, 对…, 用于…, 会同…, 我委…), or holding 由 or 的 (……由A牵头, 未达成一致的由…).
INLINE_NOT_OWNER = re.compile(r"^(?:本次|此次|会同|用于|争取|参加|根据|按照|对|在|将|把|并|同时|其中|要|我)|(?<!自)由|的")
#: A quick check before INLINE_CLAUSE runs: one of its verbs is in the text.
INLINE_VERB = re.compile("牵头|组织|协同|负责")
#: A short name before a shared ending (山东、江苏公司 → 山东公司, 江苏公司): two or three Han
#: characters, the length of a province's or a city's short name.
SHARED_HEAD = re.compile(r"^[\u4e00-\u9fa5]{2,3}$")
