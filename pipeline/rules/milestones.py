"""Milestones: deliverables and the verbs that deliver them (see pipeline/milestones.py)."""
from __future__ import annotations

import re

# --- milestones ---

#: Verbs that deliver a milestone (出台, 建成, 上线 …).
DELIVERABLE = re.compile(
    r"出台|制定|制订|印发|发布|完成|启动|编制|上线|投用|投入使用|开工|竣工|挂牌|设立|组建|召开|建立|"
    r"推出|落地|运营|开业|开放|建成|实现|形成|举办|开通|交付|验收|部署|修订|健全|完善|出具|公布|成立|开展|评估|"
    r"填写|填报|提出|推行|下放|淘汰|构建|划定|纳入"
)
# What is done by a deadline stated after its deliverable: 于…前报送/提交/上报.
#: A manner may come first (以传真或电子邮件的形式报送, 经负责同志审阅后，以WORD格式发至).
SUBMIT = re.compile(
    r"^(?:经[^，。；]{1,24}?后\s*[，,]?\s*)?(?:以[^，。；]{1,20}?(?:形式|方式|格式)\s*)?(?:报送|报|提交|上报|报告|报备|备案|印发|出台|完成|送|发至|发送至|传真至)"
)
#: The verbs of SUBMIT whose object is the deliverable itself (完成推广, 印发方案), not a recipient.
OWN_OBJECT = re.compile(r"(?:印发|出台|完成)$")
#: A recurring duty (每月25日前报送, 定期通报): no milestone, whatever its date.
RECURRING = re.compile(r"每(?:年|月|季度?|周|半年|旬)|定期|常态化|月度|季度")
#: An amount in a deliverable (then it is a target, not a milestone).
NUMBERED = re.compile(r"\d|[一二三四五六七八九十百千万]+[家个项件条处座场次名所套]")
#: A name in quotes (“三项制度”, “一网通办”): its numerals count nothing, so it is no amount.
QUOTED_NAME = re.compile(r"“[^“”]{1,12}”")


# --- shapes the functions test text against ---

#: What joins a deliverable to its deadline (，并于 / 须在), dropped from the deliverable.
DEADLINE_LEAD_OUT = re.compile(r"[，,]?\s*(?:并|均|须|要|应)?\s*(?:于|在)?$")
#: A goal that introduces a list (……，主要指标如下：): the list holds the facts, not this sentence.
INTRODUCES_LIST = re.compile(r"(?:如下|以下|下列)[^，。；]{0,6}$")
#: A deliverable that is a document (报告, 方案, 清单 …): a dated one is a milestone even where the
#: goal grammar also reads it as a qualitative goal (形成试点工作总结报告).
DOCUMENT_DELIVERABLE = re.compile(r"报告|方案|办法|细则|清单|名单|目录|规划|计划|意见|指南|标准|协议|台账")

# --- the description a deadline governs ---

#: An ordinal (第一批, 第2次, 第三阶段): it counts nothing, so it is no amount of a deliverable.
ORDINAL = re.compile(r"第[\d一二三四五六七八九十]+[批次个项轮期阶段届]*")
#: A date inside a deliverable (完成2000年以前建成的小区改造): no amount either.
DATE_WORDS = re.compile(r"(?:19|20)\d{2}\s*年|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*日")
#: Where a deliverable's clauses are cut: ，；： (a 。 ends the sentence already).
CLAUSE_CUT = re.compile(r"[，,；;：:]")
#: A clause that starts with a new subject (……，各省公司要做好……; ……，国网客服中心负责……): the
#: deliverable before it stops there.
NEW_SUBJECT = re.compile(r"^[^，；。、“”《》（）()]{2,14}?(?:要|应当|应|须|需|将|负责|牵头|配合|确保|力争)")
#: A deliverable that is a bare verb (……原则上于9月底前完成; 11月建成投产): what is done is named
#: before the date, by its subject.
BARE_VERB = re.compile(r"^(?:全面|全部|基本|确保|按期|如期|完成|建成|投产|开工|竣工|上线|验收|实现|落地|到位|启动|挂牌|运营|开业)+$")
#: A subject that only points back (该项工作于…完成): the deliverable is the item's title.
REFERENT = re.compile(r"^(?:该|此|本|上述|以上|前述)(?:项|两项|各项)?(?:工作|任务|事项)?$")
#: Words of manner between a subject and its date (原则上于…, 力争…): no subject by themselves.
MANNER_ONLY = re.compile(r"^(?:原则上|力争|争取|确保|务必|必须|要|须|均|应|并|全部|一律|)$")
#: A dated attribute, not a deadline: 2005年底前注册的企业, 2000年底前建成的小区.
ATTRIBUTIVE = re.compile(  # matched at the date's end
    r"\s*(?:注册|登记|建成|投产|投运|出厂|生产|成立|设立|开工|竣工|运营|取得|批准|认定|核准|备案|购置|签订|出台|印发|发布|"
    r"完成|实施|启用|销售|上牌)+的"
)
#: A date that marks an event, not a deadline, when nothing else marks it (2021年1月14日，国新办举行…;
#: …办公室 2022年5月26日印发): a calendar day without 前, or a month followed by a comma or 起.
DEADLINE_PREFIX = re.compile(r"^(?:截止到|力争到|预计到|争取到|截至|截止|力争|到|至|于)")
EVENT_MONTH_AFTER = re.compile(r"\s*(?:[，,]|起|以来|份[，,]|日)")  # matched at the date's end
#: A month right before what it delivers (6月完成…升级, 11月建成投产): a date of the plan's year.
MONTH_BEFORE_VERB = re.compile(
    r"(?<![\d年月日.第每])(?P<month>1[0-2]|[1-9])\s*月(?=完成|建成|实现|开工|投产|上线|启动|出台|印发|制定|建立)"
)

# --- task items with a deadline label (flattened task tables) ---

#: The label of a task item's deadline: ……责任单位：X 完成时限：2021年9月30日.
TASK_DEADLINE = re.compile(r"(?:完成时限|完成时间|完成期限|时间节点|时限要求)\s*[：:]\s*")
#: The label right before a date (matched with the date's start as ``endpos``).
TASK_DEADLINE_END = re.compile(TASK_DEADLINE.pattern + "$")
#: The date after the label: 2021年9月30日, 11月30日, 2021年11月-12月, 2021年底, 2022年.
TASK_DATE = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2})\s*年)?\s*(?:(?P<month>1[0-2]|0?[1-9])\s*月(?:\s*(?P<day>\d{1,2})\s*日)?"
    r"(?:\s*(?:—|–|-|－|~|～|至|到)\s*(?:(?:19|20)\d{2}\s*年)?\s*(?P<month2>1[0-2]|0?[1-9])\s*月(?:\s*(?P<day2>\d{1,2})\s*日)?)?"
    r"|(?P<end>底|末|年底|年末))?\s*(?:前|之前|以前)?"
)
#: The marker that opens a task item: （1） (2) 1. 1、 （一）.
ITEM_MARKER = re.compile(r"[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|(?<![\d.．])\d{1,2}[.．、](?!\d)")
#: Where an item's title ends: its colon, else its first clause.
TITLE_END = re.compile(r"[：:。；，,]")

# --- 分别: two dates, two deliverables ---

#: ……在2013年底和2015年底，分别对……进行中期评估和终期考核.
DATES_JOINED = re.compile(r"\s*(?:和|与|及|、)\s*(?=(?:19|20)\d{2}\s*年)")  # matched at the first date's end
RESPECTIVELY = re.compile(r"\s*[，,]?\s*分别")  # matched at the last date's end
#: What joins the paired deliverables (中期评估和终期考核).
PAIR_JOIN = re.compile(r"和|与|及|、")
#: The verb the paired deliverables share (进行中期评估和终期考核: 进行).
SHARED_VERB = re.compile(r"进行|开展|组织|完成|实现|开展了")

#: A deliverable told in the past (组织完成了……工作): history, whatever its date.
PAST_TENSE = re.compile(r"(?:完成|建成|出台|印发|制定|发布|实现|形成|建立|开展|启动|召开|举办)了")
#: A date every year (每年2月底前……，3月底前……): a recurring duty, not a milestone.
EVERY_YEAR = re.compile(r"每(?:年|月|季度?|半年)")
#: A heading's date in parentheses (集中整治及验收（2024年底前）): cut from the heading's name.
DATED_PARENTHESIS = re.compile(r"[（(][^（）()]*(?:19|20)\d{2}\s*年[^（）()]*[）)]")
#: A quarter that names no year (设备责任人一季度完成……): a date of the plan's year.
QUARTER_NO_YEAR = re.compile(r"(?<![\d年月每个])(?:第)?(?P<quarter>[一二三四1234])季度(?:末|底)?(?:前|之前)?")
#: A document submitted, told as 将X报送Y (请各单位于2月10日前，将盖章后的任务分解表报送至……): X is
#: delivered. A meeting's receipt (将参会回执报送) is no document of the work.
SUBMIT_BA = re.compile(
    r"^将[^，。；]{0,30}?(?:表|清单|名单|方案|报告|计划|台账|总结)[^，。；]{0,8}?"
    r"(?:报送|提交|上报|报备|发送|发至|传真至|送至|送交)"
)
#: A short aside in parentheses inside a deliverable (新一代采集系统（采集系统2.0）建设标准): its
#: numbers count nothing.
ASIDE = re.compile(r"[（(][^（）()]{1,20}[）)]")
#: A clause that opens with a verb of a new step (……，提出推广意见; ……，并启动……): a step of its own.
#: Not what a step yields (……进行评估总结，形成总结报告; ……，实现……).
NEXT_STEP = re.compile(r"^(?:并|同时|再|随后)?(?:提出|启动|开展|组织|召开|举办|出台|制定|制订|印发|发布|推行|部署|编制|修订)")
#: A year's end without 前 (霞泽变确保年底开工): a date of the plan's year. Not last year's (去年底).
#: Only before what it delivers: 纳入年底效能考核 is the year-end's assessment, no deadline.
YEAR_END_NO_YEAR = re.compile(
    r"(?<![\d年去明上每当同前〇零一二三四五六七八九])(?:今年|本年)?年底(?!前|之前|以前)"
    r"(?=(?:要|须|将|确保|全面|基本)?(?:开工|完成|建成|实现|投产|竣工|上线|出台|印发|投用))"
)
#: The first year of a range just before a date (（2021年至2023年）): the date ends a period, no deadline.
#: (The sign may open the date's phrase instead: 至2023年.)
RANGE_BEFORE = re.compile(r"(?:19|20)\d{2}\s*年\s*(?P<sign>至|到|—|–|-|－|~|～)?\s*$")

#: A step dated by when it starts (2022年秋季学期起，全面推行……; 自2026年3月起，……): its date is the start,
#: a school year's autumn term on 1 September, its spring term on 1 March. A bare year (2019年起) starts
#: a standing rule more often than a step (从2020年起，每年……), and is none.
START_DATE = re.compile(r"(?:自|从)?(?P<year>(?:19|20)\d{2})\s*年\s*(?:(?P<term>秋季学期|春季学期|秋季|春季)|"
                        r"(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*日)?)\s*起(?!草)")
TERM_START = {"秋季学期": "09-01", "秋季": "09-01", "春季学期": "03-01", "春季": "03-01"}
