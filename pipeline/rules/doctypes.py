"""What a document is, from words of its title."""
from __future__ import annotations

import re

#: The words that name a plan or a notice in a title; both the title finder
#: (``anatomy.TITLE_WORDS``) and the document types below read them.
PLAN_WORDS = ("规划", "计划", "方案", "纲要", "要点", "意见", "行动", "举措")
NOTICE_WORDS = ("通知", "决定", "批复")


def _any(*words: str) -> str:
    return "|".join(words)


#: What a document is, from words of its title, tried in order (a 解读 of a 方案 is an
#: interpretation; a notice that carries a plan is that plan).
DOC_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("interpretation", re.compile(r"解读|答记者问|问答|新闻发布会|吹风会|负责人就|图解|一图读懂|起草说明|编制说明|修订说明")),
    ("bulletin", re.compile(r"公报|统计快报|统计数据|统计月报|经济运行(?:情况|简况|分析)")),
    ("minutes", re.compile(r"纪要")),
    ("report", re.compile(r"报告$|(?:工作|情况|执行|评估|调研|专项)报告|工作总结|情况的通报|评估情况|(?:年|度)总结$")),
    ("policy_measures", re.compile(r"若干(?:措施|政策|意见)|政策措施|支持政策|扶持政策|(?:扶持|奖励|补贴|资助|奖补)(?:办法|细则|政策)|"
                                   r"(?:支持|促进|鼓励)[^，。]{0,20}(?:若干|十条|二十条|措施)")),
    ("regulation", re.compile(r"条例|规定|管理办法|实施细则|办法(?:（试行）|\(试行\))?$|政府令")),
    # A notice about something (关于2026年部分节假日安排的通知): a notice, whatever it is about.
    # … also with a word on what kind of notice it is (的预备通知, 的补充通知, 的紧急通知).
    ("notice", re.compile(r"的(?:预备|补充|紧急|再次)?(?:通知|函|决定|批复|公告|通告|请示|复函|意见函)$")),
    ("plan", re.compile(_any(*PLAN_WORDS, "任务", "清单", "部署", "安排"))),
    ("notice", re.compile(_any(*NOTICE_WORDS, "函", "公告", "通告"))),
)
#: A notice that carries a document (关于印发《X方案》的通知, 关于转发X办法的通知): the type is X's.
CARRIED = re.compile(r"(?:印发|转发|颁布|发布|下达)《?(?P<inner>[^《》]{4,}?)》?的(?:通知|函)$")
#: A text with no title that reports a press event (国新办举行吹风会，介绍…情况) or answers
#: reporters: an interpretation, whose amounts are observations.
PRESS_OPENING = re.compile(r"(?:举行|召开)[^，。]{0,20}(?:新闻发布会|吹风会)|答记者问|记者问|(?:介绍|通报)[^，。]{0,12}情况")

#: A text with no title of its type that reports a year's results (初步核算，全年…比上年增长4.0%;
#: 年末常住人口…): a statistics bulletin whose title was lost (a PDF page's title in an image).
#: Counted against the words that look ahead, which a plan is full of.
OBSERVED = re.compile(r"比上年末?(?:同期)?(?:增长|下降|提高|增加|减少|上升|回落|持平)|同比(?:增长|下降|提高|增加|减少)|"
                      r"初步核算|按可比价(?:格)?计算|年末|全年")
FORWARD = re.compile(r"到20\d\d年|力争|确保|目标|预期|规划期|(?:要|将)(?:进一步|加快|推进|加强)|年底前")
#: At least this many observations, and this many times the forward words, make a bulletin.
OBSERVED_MIN = 20
OBSERVED_RATIO = 5
