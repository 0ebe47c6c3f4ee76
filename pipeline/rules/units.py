"""Units and magnitudes: the unit words a quantity ends with, their factors and categories, the
shapes of numbers (Arabic, Chinese numerals, ranges) and the words that make a number a label.
"""
from __future__ import annotations

import re

# Units as written, longest first, with the factor and base unit of their normalized value.
# Currency and large magnitudes carry their scale (亿元 → ×1e8 元); measure words are their own base.
SCALED = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4}
BASE_UNITS = (
    # (unit, category)  category: money | percent | points | measure | count
    ("元", "money"), ("美元", "money"),
    ("%", "percent"), ("个百分点", "points"), ("百分点", "points"),
    ("人次", "count"), ("平方米", "measure"), ("平方公里", "measure"), ("公顷", "measure"),
    ("亩", "measure"), ("吨", "measure"), ("标准箱", "measure"), ("标箱", "measure"),
    ("TEU", "measure"), ("公里", "measure"), ("千米", "measure"), ("千瓦", "measure"),
    ("千瓦时", "measure"), ("度", "measure"), ("微克/立方米", "measure"), ("吨标准煤", "measure"), ("立方米", "measure"), ("立方", "measure"), ("倍", "measure"),
    ("家", "count"), ("个", "count"), ("项", "count"), ("件", "count"), ("条", "count"),
    ("处", "count"), ("栋", "count"), ("座", "count"), ("场次", "count"), ("场", "count"),
    ("次", "count"), ("人", "count"), ("名", "count"), ("所", "count"), ("套", "count"),
    ("台", "count"), ("户", "count"), ("张", "count"), ("间", "count"), ("辆", "count"),
    ("艘", "count"), ("架", "count"), ("部", "count"), ("款", "count"), ("种", "count"),
    ("支", "count"), ("位", "count"), ("床", "count"), ("期", "count"), ("组", "count"),
    ("批次", "count"), ("宗", "count"), ("列", "count"), ("班", "count"), ("块", "count"),
    ("片", "count"), ("区", "count"), ("园", "count"), ("街", "count"), ("村", "count"),
    # Technical units, as plans on computing, data, energy and environment write them.
    *((p + f, "measure") for p in ("E", "P", "T", "G") for f in ("FLOPS", "Flops", "flops", "FLOPS/W", "OPS", "OPS/W")),
    ("EB", "measure"), ("PB", "measure"), ("TB", "measure"), ("GB", "measure"), ("Gbps", "measure"),
    ("Mbps", "measure"), ("dB", "measure"), ("分贝", "measure"), ("MPa", "measure"), ("kPa", "measure"),
    ("Pa", "measure"), ("pT", "measure"), ("nT", "measure"), ("GW", "measure"), ("MW", "measure"),
    ("kW", "measure"), ("GWh", "measure"), ("kWh", "measure"), ("cm3/h", "measure"), ("m3/h", "measure"),
    ("立方米/小时", "measure"), ("立方米/日", "measure"), ("吨/小时", "measure"), ("吨/日", "measure"),
    ("万千瓦时", "measure"), ("兆瓦", "measure"), ("吉瓦", "measure"), ("千伏", "measure"), ("万伏", "measure"),
    # Intensities, a mass per unit of output, energy or area (供电煤耗304克/千瓦时, 供热能耗15千克标煤/
    # 平方米, 建筑垃圾排放300吨/万平方米, 能耗0.5吨标准煤/万元).
    *((m + "/" + per, "measure") for m in ("克", "千克", "吨", "克标准煤", "克标煤", "千克标准煤", "千克标煤",
                                           "吨标准煤", "吨标煤", "立方米", "千瓦时")
      for per in ("千瓦时", "平方米", "万平方米", "万元", "人", "吨")),
)
# Durations are amounts only after a verb that sets them (压缩至3个工作日以内); 24小时 is a label.
# 6个月 / 3个季度 are durations too (a job placement of 3—12个月, a supply period of 7个月), not a count of 个.
TIME_UNITS = (("个工作日", "time"), ("工作日", "time"), ("小时", "time"), ("分钟", "time"), ("天", "time"),
               ("h", "time"), ("个月", "time"), ("个季度", "time"), ("秒", "time"))
UNIT_TABLE: dict[str, tuple[float, str, str]] = {}
for _u, _cat in BASE_UNITS + TIME_UNITS:
    UNIT_TABLE[_u] = (1.0, _u, _cat)
    if _cat in ("money", "measure", "count"):
        for _s, _f in SCALED.items():
            # 5万家 / 120亿件 are magnitudes (level), not a handful of things (count).
            UNIT_TABLE.setdefault(_s + _u, (_f, _u, "measure" if _cat == "count" else _cat))
UNIT_TABLE["‰"] = (0.1, "%", "percent")  # 婴儿死亡率下降到4.5‰: a share in thousandths
UNIT_TABLE["个百分点"] = (1.0, "百分点", "points")
UNIT_TABLE["百分点"] = (1.0, "百分点", "points")


def trie_pattern(words: list[str]) -> str:
    """A regex matching the longest of ``words`` at a position, factored by common prefixes.

    Same matches as the alternation of the words longest first, but the engine walks a trie
    instead of trying all 368 units after every number.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body  # greedy: a longer unit is tried first

    return walk(trie)


UNITS_RE = trie_pattern(list(UNIT_TABLE))

CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
CHINESE = rf"[{CN_DIGITS}]+(?:点[{CN_DIGITS}]+)?"
NUMBER = rf"(?:{ARABIC}|{CHINESE})"
RANGE_SEP = r"(?:—|–|-|~|～|至|到)"
#: The sign between the two ends of a range whose unit is written twice (60%—70%).
RANGE_SEP_RE = re.compile(RANGE_SEP)
# The lookahead (implied by the pattern) lets the engine skip text that holds no numeral fast.
# The lookbehinds start a number only where its run of digits (or of Chinese numerals) starts:
# a match never ends inside such a run (no unit holds a digit or ends in a numeral), and any
# match starting inside one is also found from the run's start, so nothing changes, except that
# a line of 20,000 digits no longer costs 20,000 backtracking scans of the rest of the run.
QUANTITY_RE = re.compile(
    rf"(?:(?<!\d)(?=\d)|(?<![{CN_DIGITS}])(?=[{CN_DIGITS}]))(?P<num>{NUMBER})(?:(?P<sep>{RANGE_SEP})(?P<num2>{NUMBER}))?(?P<unit>{UNITS_RE})"
)
# Units that never follow a number we want (time spans, ranks, labels) are simply absent above;
# words after a quantity that turn it into a label rather than an amount:
LABEL_AFTER = re.compile(r"^(?:级|强|星|A|小时|分钟|周岁|岁|号|届|大|型|化|类|维|元化|站式|网|体化|流)")
#: A number OCR garbled: digits glued to a stray bracket or bar (}886万吨), or a run of zeros a
#: lost digit leaves (S00万吨 → 00): the value cannot be read, so no amount is.
GARBLED_BEFORE = re.compile(r"[{}\[\]|\\]$")
GARBLED_NUMBER = re.compile(r"0\d")
#: Verbs that set a duration (压缩至3个工作日): only then is a time span an amount.
TIME_VERB = re.compile(r"压缩|缩短|控制在|不超过|减少|减至|降至|降低|提速|时限|时间为|用时")
#: Half a month listed after a duration (分别减至1个月、半个月): 0.5个月.
HALF_MONTH = re.compile(r"(?<=、)半个月")
#: A duration that is itself the goal: a span of operation or life reaching a figure
#: (无故障运行时间达到8000小时, 使用寿命超过2万h); read in the dozen characters before the number.
DURATION_GOAL = re.compile(r"(?:时间|时长|寿命|时数)(?:平均)?(?:达到|超过|不低于|不少于|高于|延长至|延长到|提高到|提高至|提升至|提升到)$")
# Ordinals and time words before a number.
ORDINAL_BEFORE = re.compile(r"(?:第|前|后|近|约前)$")


# A magnitude reached, written as a class (规模达到万亿级, 迈上5000亿级台阶): a level in 元.
MAGNITUDE_LEVEL = re.compile(
    r"(?<=达到|突破|迈上|迈入|迈向|进入|跻身|形成)(?P<num>\d+(?:\.\d+)?)?(?P<mag>万亿|千亿|百亿|亿|千万|百万)级"
    r"(?=[，。；、\s]|$|规模|水平|台阶)"
)


# --- shapes the functions test text against ---

#: What may follow an amount to close it (以上, 左右, punctuation, the end).
AMOUNT_CLOSE = re.compile(r"^(?:以上|左右)?(?:[，；。、]|$)")
#: A place named with a numeral and 台 (九台区, 七台河市, 五台山): a name, not machines.
PLACE_AFTER_TAI = re.compile(r"[区县市河山镇乡村]")  # matched at a position
#: A lone zero (零部件, 零距离, 零排放): a word, never an amount.
LONE_ZERO = re.compile(r"[零〇]")
#: Scale characters without a digit (万, 亿): not a number.
BARE_SCALE = re.compile(r"[万亿千百]+")
#: A lone 百 or 千 before a counter a verb sets is a hundred, a thousand (开放百个场景, 培育千家企业;
#: not 百场景, where the counter opens a word: see target_base.ends_inside_word).
BARE_HUNDREDS = frozenset({"百", "千"})
#: A verb before a lone 一/两 that makes it an amount (建设一个…).
COUNTING_VERB_BEFORE = re.compile(r"(?:建设|打造|建成|培育|创建|引进|新增|设立|组建|形成|举办|认定|新建)$")


# Shares written as fractions (三分之一, 1/3) and proportions written as ratios (1∶4000, 1:1.2).
#: 三分之一 / 3分之1 (denominator first) and 1/3 (numerator first; not a date 2025/3/4, not 1/3/5).
FRACTION_CN = re.compile(rf"(?P<den>[{CN_DIGITS}]+|\d+)分之(?P<num>[{CN_DIGITS}]+|\d+)")
#: With a scale (12/10万, 孕产妇死亡率 per 100,000) it is a rate: value 12, unit /10万.
FRACTION_AR = re.compile(r"(?<![\d/.])(?P<num>\d{1,3}(?:\.\d+)?)/(?P<den>\d{1,3}(?P<scale>万|千|百)?)(?![\d/.])")
#: a∶b after a word of proportion (比例达到1∶4000, 医护比1:1.2, 师生比不高于1:18): not a time (8:30).
RATIO = re.compile(r"(?<![\d.:∶])(?P<a>\d+(?:\.\d+)?)\s*[:∶]\s*(?P<b>\d+(?:\.\d+)?)(?![\d:∶])")
RATIO_WORD_BEFORE = re.compile(r"比[^，；。]{0,8}$")
#: A colon between digits (1:1.2), matched two characters before a clause that starts after it.
RATIO_COLON = re.compile(r"\d[:∶]\d")
#: What sets a small count written in Chinese (建设三个平台, 不少于五个): a verb or a comparator right
#: before it. Without one, 三项意识 / 四个方面 name the parts of something.
COUNTED_BEFORE = re.compile(
    r"(?:建设|打造|建成|培育|创建|引进|新增|设立|组建|形成|举办|认定|新建|实施|推出|建立|完成|改造|开展|组织|"
    r"引育|招引|争创|创成|评选|遴选|布局|扶持|支持|新培育|新引进|新认定|累计|达到|达|超过|突破|不少于|不低于|至少|"
    r"增加|减少|设|选派|配备|安排|新开|开通|开放|推广|建|办)$"
)
#: Voltage classes (110千伏变电站, 10千伏线路): names of equipment unless the amount closes its clause.
VOLTAGE_UNITS = frozenset({"千伏", "万伏", "kV"})

