"""Words that make an amount no goal (pipeline/target_filters.py): norms per person, item or cycle,
conditions on who may apply, articles, times as a rule, formulas, a pilot's scope, the level a
change starts from, and days of events that are no deadlines. Incentives (SUBSIDY) and the words
of history (HISTORY_WORDS, PRESENT_STATE) stay with the target grammar in ``targets``.
"""
from __future__ import annotations

import re

#: The end of a condition on who may apply (…人数达到在职职工人数25%的，可申请…): the amounts of
#: the clause it closes are eligibility thresholds, not goals.
ELIGIBILITY = re.compile(r"的[，,]\s*(?:可以?|给予|予以|按|享受|经认定|一次性|由[^，；。]{0,8}给予)")
#: What a condition runs on through before its end: a clause it goes on with (……3000万元以上，且纳入
#: 规上企业库的，按……), and a note in parentheses (……80款以上应用产品（经备案的……），且……的，给予).
CONDITION_GOES_ON = re.compile(r"[，,]\s*(?=且|并且|同时|以及)|[（(][^（()）]*[）)]")

#: A rule per person, per item or per cycle (每人每年只享受一次, 每项任务至少明确2—3个阶段性目标,
#: 每5年修订1次, 钢绞线只能有一条, 一般为6个月): a norm, not a goal. Per place (每个县建成1个) is a
#: goal spread over places, and 每年/每季度 a recurrence.
NORM_BEFORE = re.compile(
    r"(?:每(?:\d+|[一二两三四五六七八九十])年|每(?:人|户|名|位|项|次|批|件|家|所|队|组|单位|支队伍)|每个(?!县|区|市|乡|镇|街道|村|社区|省|园区)"
    r"|只能|只可|只享受|仅限|一般为|一般不超过|原则上|允许"
    r"|每(?:立方米|平方米|平方公里|公顷|亩|吨|千瓦时|度|公斤|升))[^，；。]*$"  # a price, a rate or a density per unit (每立方米2.4元)
)

#: What follows 一支/一所 as an article (打造一支懂农业、爱农村的队伍, 建设一所符合…需要的学校): a
#: description closed by 的 before the clause ends, where 建成一个国家级枢纽 counts one.
ARTICLE_AFTER = re.compile(r"^[^，；。\n]{1,30}?的")

#: How often an act is done, as a rule (至少接地2次, 每年调整1次专业): 次 after 至少, or before the
#: thing acted on with no event verb (举办2次展会 counts events).
TIMES_UNIT = ("次",)
#: 至少 before a count of times (至少接地2次).
AT_LEAST_BEFORE = re.compile(r"至少[^，；。]{0,8}$")

#: A formula (门诊收入/医疗收入×100%): how an indicator is computed, not a goal.
FORMULA_BEFORE = re.compile(r"[×*]\s*$")

#: 由 before an amount (比重由30%提高到40%): the level it starts from, a baseline.
FROM_BEFORE = re.compile(r"(?<![理自缘经])由\s*$")

#: The start of a change inside a metric (比重由30%): cut from the metric.
FROM_IN_METRIC = re.compile(r"(?<![理自缘经])由(?!于)[^，；。由]*$")

#: Choosing the places of a pilot (选择10个左右城市开展试点) or the winners of a programme (每年遴选
#: 不超过6条示范产线): the scope, not a goal; or where
#: an act takes place (推动职业院校在10个左右紧缺领域开展培训, 在A、B等13个行业开展审核), not 保持在/控制在
#: a level (nor a rate: 完成率在98%以上); or what an act is done to (对7个城市查漏补缺).
SELECTION_BEFORE = re.compile(r"(?:选择|选取|挑选|遴选|评选|择优)[^，；。]{0,6}$|(?<!保持|稳定|控制|维持|限制|处于)(?<![率])(?<!比重|比例|占比|指数)在$"
                              r"|(?<!保持|稳定|控制|维持|限制|处于)在[^，；。]{1,24}等$"  # 在能源、化工等13个重点行业开展审核
                              r"|(?<![相绝])对\s*$")  # 对7个城市查漏补缺, 加大对41个集群的支持: what an act is done to

#: A date to the day, with nothing after it (2021年1月7日, not 2021年1月7日前): the day of an event.
EVENT_DAY = re.compile(r"\d\s*日$")

#: A need or a forecast (环保投资需求约3.4万亿元, 投资约需占…的1.35%, 预计可征收…750亿元): what the
#: plan costs or expects, not a goal it sets.
NEED_BEFORE = re.compile(r"(?:投资|资金)(?:总)?需求|约需|需(?:投入|投资)|预计(?:可|将|能)?[^，；。]{0,10}$")

#: An obligation (合作机构…的比例不得低于80%): in a sentence with no date a rule to keep, not a goal;
#: with one (到2027年，…占比不得低于80%) a floor to reach by then.
OBLIGATION_BEFORE = re.compile(r"不得(?:低于|少于|高于|超过|小于|大于)\s*$")

#: The basis an amount is reckoned on (按照年度总用量的60%—70%, 按照40套采购规模): a rule of
#: calculation, not a goal.
BASIS_BEFORE = re.compile(r"按照(?:[^，；。]{0,30}的)?\s*$")

#: What a body is made of (由各成员单位各派1名代表组成): its composition, not a goal; ``after``
#: the amount in its sentence.
COMPOSED_AFTER = re.compile(r"^[\u4e00-\u9fa5]{0,6}组成")

#: A set already designated (列入整县光伏试点的70个县, 确定的20个重点县): which places a measure
#: concerns, not a goal.
DESIGNATED_BEFORE = re.compile(r"(?:列入|纳入|确定|认定|明确)[^，；。]{0,24}的\s*$")

#: A slogan of service (最多跑一次, 只跑一次): a name, not a count of visits.
SLOGAN_BEFORE = re.compile(r"(?:最多|至多|只|一次)跑\s*$")

#: The coverage an act is carried out with (每年对…企业进行100%全覆盖巡查): how it is done, a norm.
COVERAGE_OF_ACT = re.compile(r"(?:进行|开展)\s*$")
