"""Document anatomy: issuers (organs) and 文号.
"""
from __future__ import annotations

import re

from schemas.places import LEVEL_PREFIXES, PLACE_SUFFIX

from .dates import RANGE_SIGN, YEAR_NUMBER
from .doctypes import NOTICE_WORDS, PLAN_WORDS

#: A title opened by a national organ, which names no place (生态环境部、农业农村部…就…答记者问).
NATIONAL_ORGAN = re.compile(r"^[\u4e00-\u9fa5]{2,8}?(?:部|总局|总署|署|银行)(?=、|关于|办公厅|有关|就|[\u4e00-\u9fa5]{0,8}司)")
#: Provinces by the one-character prefix of their 文号 (鲁政办发 → 山东省). Only prefixes no city
#: shares: 青 (青海/青岛), 宁 (宁夏/南京), 苏 (江苏/苏州), 云 (云南/云浮), 新 (新疆/新乡) are left out.
PROVINCE_BY_DOC_PREFIX = {
    "京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省", "晋": "山西省",
    "辽": "辽宁省", "吉": "吉林省", "黑": "黑龙江省", "浙": "浙江省", "皖": "安徽省", "闽": "福建省",
    "赣": "江西省", "鲁": "山东省", "豫": "河南省", "鄂": "湖北省", "湘": "湖南省", "粤": "广东省",
    "琼": "海南省", "川": "四川省", "黔": "贵州省", "滇": "云南省", "陕": "陕西省", "甘": "甘肃省",
    "蒙": "内蒙古自治区", "桂": "广西壮族自治区", "藏": "西藏自治区",
}


# --- lines and sentences (sentences.broken_line, sentences, clauses) ---

#: An outline marker opening a line: 一、 一是 第一章 （一） 1. ①.
MARKER_START = re.compile(r"[一二三四五六七八九十]+[、是]|第[一二三四五六七八九十百\d]+[章节条部]|[（(][一二三四五六七八九十\d]+[）)]"
                          r"|\d{1,2}[.．、](?!\d)|[①-⑳]")
#: A line that is only a date (a signature's date): 2025年3月1日.
DATE_LINE = re.compile(r"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
#: A 文号 (发文字号): issuer prefix, year in brackets, serial number (某政办发〔2025〕3号).
DOC_NUMBER_RE = re.compile(
    r"[\u4e00-\u9fa5]{1,10}[〔\[［【（(]\s*(?:19|20)\d{2}\s*[〕\]］】）)]\s*(?:第\s*)?\d{1,4}\s*号"
)
#: A line that is only a 文号: 某政发〔2025〕3号.
DOC_NUMBER_LINE = re.compile(rf"^{DOC_NUMBER_RE.pattern}$")
#: The last word of a document title (…方案, …的通知).
TITLE_LINE_END = re.compile(r"(?:方案|计划|规划|意见|措施|纲要|办法|细则|要点|通知|决定|批复|函)$")
#: A run of whitespace (from a given position).
SPACE_RUN = re.compile(r"\s*")
#: Characters that end a sentence or a clause line (a line ending in one is not broken).
LINE_ENDS_SENTENCE = "。！？；：!?;:）)”】」』"
#: Where a sentence ends: 。！？ and line breaks (；stays inside a sentence: a deadline phrase
#: governs the clauses after it, 到2027年，A达到X；B达到Y). The one definition: segment's sentences too.
SENTENCE_END = re.compile(r"[。！？!?\n]")
#: Closing quotes and brackets right after a sentence's end stay in it (他说：“好。”).
SENTENCE_CLOSERS = frozenset("”’」』）)》〕】\"'")
#: Where a clause ends: ，；：。！？ (half-width too).
CLAUSE_END = re.compile(r"[，；;,：:。！？]")


# --- extract ---

# Headings of background chapters (their amounts are baselines); anchored at the start so that a
# task such as 优化外贸发展环境 is not taken for one.
HISTORY_TITLE = re.compile(
    r"^(?:“?十[一二三四五]五”?(?:时期|以来|期间)?)?(?:发展|工作|现实|主要|取得的?)?(?:基础|现状|成效|回顾|环境|形势|背景|成就|成绩|基本情况|进展)"
)
#: A heading of a goals chapter (主要目标, 发展目标): built goals there are targets.
GOAL_TITLE = re.compile(r"目标")
#: A plan's stated validity (有效期至2027年12月31日): its end when it has no period.
VALID_UNTIL = re.compile(r"有效期(?:至|到|截至)\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
#: A sub-item opening inside a block (一是, 其二是…).
ENUM = re.compile(r"(?:^|(?<=[。；！？\n）)]))\s*(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]+是?)[，、：]?")
#: A task table's column of responsible units (责任单位, 牵头部门).
OWNER_HEADER = re.compile(r"^(?:(?:责任|牵头|主责|实施|承办)(?:单位|部门|主体)|责任分工|职责分工)")
#: A task table's column of supporting units (配合单位) beside its owner column.
SUPPORT_HEADER = re.compile(r"^(?:配合|协办|参与|协助|责任配合)(?:单位|部门)")
#: A task table's column of deadlines (完成时限, 时间节点).
TIME_HEADER = re.compile(r"时限|时间|进度|节点")


# --- outline ---

CN = "一二三四五六七八九十百零〇"
# (style name, regex on a line start) — order does not matter; depth comes from first appearance.
MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"^第[{CN}]+[章部篇](?:\s|　)*")),
    ("part", re.compile(rf"^第[{CN}]+部分(?:\s|　)*")),
    ("section", re.compile(rf"^第[{CN}]+节(?:\s|　)*")),
    ("article", re.compile(rf"^第[{CN}]+条(?:\s|　)*")),
    # 一、2025年主要目标 is a heading; 一.5 and 一，2 are not (a digit right after a point or comma).
    ("cn", re.compile(rf"^[{CN}]+(?:、|[，.．](?!\d))\s*")),
    ("paren_cn", re.compile(rf"^[（(][{CN}]+[）)]\s*[、.．]?\s*")),
    ("arabic", re.compile(r"^\d{1,2}(?:[.．、](?!\d)|\s)\s*")),
    ("paren_arabic", re.compile(r"^[（(]\d{1,2}[）)]\s*[、.．]?\s*")),
    ("circled", re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*")),
)
#: An outline marker inside a line (一、 （一） 1. （1）), followed by text: where a text whose line
#: breaks were lost (OCR, a page flattened into one line) had its headings. Groups: the numeral.
INNER_MARKER = re.compile(
    rf"(?:(?P<cn>[{CN}]{{1,3}})[、.．]|[（(](?P<pcn>[{CN}]{{1,3}})[）)]|(?<![\d.．])(?P<ar>\d{{1,2}})[.．、]"
    rf"|[（(](?P<par>\d{{1,2}})[）)])(?=[\u4e00-\u9fff“])(?![{CN}])"
)
#: What stands before a marker inside a line when it opens a heading: a sentence's or clause's end.
INNER_MARKER_AFTER = "。；;！？!?：:）)】 \u3000"
#: A date closing the text before a marker inside a line: a flattened task table's deadline cell
#: (……完成时限：2026年9月30日（2）下一项……, ……2026年11月-12月（2）……), after which the next item's
#: marker opens a heading (still only when it goes on with its style's numbering).
DATE_BEFORE_MARKER = re.compile(r"\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$")
#: The words a document title holds (方案, 规划, 通知, 解读 …).
TITLE_WORDS = re.compile("(?:" + "|".join((*PLAN_WORDS, *NOTICE_WORDS, "措施", "办法", "细则", "政策", "若干", "公报",
                                           "报告", "纪要", "条例", "规定", "答记者问", "解读")) + ")")
#: A field of a government information-disclosure page's header (索引号：…  发布机构：…  成文日期：…
#: 名称：…): each on a line of its own, never the rest of the line before it.
DISCLOSURE_FIELD = re.compile(r"(?:索引号|主题分类|分类|发布机构|发文机关|成文日期|发布日期|发文日期|名称|标题|文号|发文字号|"
                              r"主题词|公开方式|公开范围|有效性|时效)[：:]")
#: A notice that carries a plan: 关于印发《X》的通知 → X.
NOTICE = re.compile(r"关于(?:印发|转发|下发|发布)[《<〈]?(?P<title>.+?)[》>〉]?(?:的)?通知")
# What stands between a cited notice and the plan it carries: 关于印发<…>的通知（文号）.
CITED_NOTICE = re.compile(r"^关于(?:印发|转发|下发|发布|呈报|报送|报请审批)\s*[<〈《]?(?P<title>.+?)[>〉》]?\s*的?(?:通知|请示)")
#: A cited document that is no plan to implement: a report, a request, a proposal, minutes.
CITED_NOT_PLAN = re.compile(r"(?:报告|请示|建议|提案|批示|纪要|汇报|总结)$")
#: What introduces a short name, not a citation: （以下简称《条例》）.
SHORT_NAME_BEFORE = re.compile(r"(?:以下)?简称$")
#: What cites a plan a document implements: 根据《…》, 按照, 依据, 贯彻落实 (never 未按照《…》).
IMPLEMENTS_BEFORE = re.compile(r"(?<!未)(?<!不)(?<!没有)(?:根据|依据|按照|遵照|贯彻|落实|执行)[^。；，,]{0,6}$")
#: A letter's title (…工作联系函, …的函): it cites what it implements only with 根据/按照.
LETTER_TITLE = re.compile(r"函$")
#: The marker of a regulation's first article (第一条).
ARTICLE_ONE = re.compile(r"^第一条")
#: How the first line of a title opens: an organ's 关于 (国务院关于…), or 关于 alone.
TITLE_OPENS = re.compile(r"^(?:国务院|中共中央|[\u4e00-\u9fa5]{2,20}?(?:人民政府|政府|办公厅|办公室|委员会|厅|局|部|委))?关于")
#: A decree's line naming its issuer: 上海市人民政府令, 中华人民共和国国务院令.
DECREE_LINE = re.compile(r"^(?:中华人民共和国)?(国务院|[\u4e00-\u9fa5]{2,20}?(?:人民政府|政府))令$")
#: A decree's number under its line: 第 622 号.
DECREE_NUMBER = re.compile(r"^第\s*(\d{1,5})\s*号")
#: What a decree promulgates: 《X条例》已经……会议通过，现予公布 (the decree's title is X).
PROMULGATED = re.compile(r"《(?P<title>[^《》]{2,60})》\s*(?:已经|已于|业经)[^。]{0,80}?(?:通过|审议|修订)")
#: A letterhead glued to a 文号 in a text whose lines were lost (国网X公司文件某〔2022〕1号): the
#: letterhead ends at 文件, never part of the number.
LETTERHEAD_FILE = re.compile(r"^.*?文件(?=.)")
#: A letterhead opening a text: a place and one of its organs (龙岩市工业和信息化局…, 山东省发展和改革委员会…).
LETTERHEAD = re.compile(
    r"^([\u4e00-\u9fa5]{1,8}?(?:省|自治区|市|自治州|地区|盟|州|县|旗|区|新区|高新区))"
    r"(?=[\u4e00-\u9fa5（）()]{0,24}?(?:人民政府|办公厅|办公室|委员会|局|厅|委|办|领导小组))"
)
# The organ that issued a cited document, written right before its 《: 落实青岛市人民政府办公厅《…》.
CITED_ISSUER = re.compile(
    r"(?:国务院办公厅|国务院|中共中央办公厅|中共中央|[\u4e00-\u9fa5]{2,24}?"
    r"(?:人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|办公厅|办公室|委员会|总局|厅|局|委|部|署))$"
)
#: Verbs and connectives before a cited title (深入贯彻落实《…》), never part of it.
LEAD_VERBS = re.compile(r"^(?:深入|认真|全面|进一步|贯彻|落实|执行|实施|根据|按照|依据|对照|结合|遵照|为|按|和|及|与|、)+")
#: A posting date on a web page's dropped lines (2025-03-01, 2025年3月1日).
POSTED_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
#: A 文号 in brackets closing a cited title (《…方案（某政发〔2025〕3号）》).
CITED_DOC_NUMBER = re.compile(r"[（(]\s*(" + DOC_NUMBER_RE.pattern + r")\s*[）)]\s*$")
#: A period of years (2024—2026年, 2021至2025年).
PERIOD = re.compile(f"({YEAR_NUMBER})\\s*(?:年)?\\s*{RANGE_SIGN}+\\s*({YEAR_NUMBER})\\s*年")
#: One year (2025年).
SINGLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
#: The run of place names opening a title or an issuer (临江市西岭区).
REGION = re.compile(
    r"^((?:[\u4e00-\u9fa5]{1,8}?(?:省|自治区|特别行政区|市|自治州|地区|盟|州(?![市区县])|县|自治县|旗|区|新区|镇|街道))+)"
)
#: A cited title in 《》, with its 文号 in brackets after it if any.
CITED = re.compile(r"《(?P<title>[^《》]{4,80}|[^《》]{2}法)》\s*(?:[（(](?P<no>[^（）()]{3,30}?号)[）)])?")  # 《电力法》
#: The last word of an organ's name (…人民政府, …局, 管委会): an issuer's line, a signature.
ISSUER_LINE = re.compile(r"(?:人民政府|办公厅|办公室|委员会|政府|局|厅|委|部|国务院|管委会|中心)$")
# A document title inside running text: …关于…的通知/函/方案…, …就《…》答记者问, or a letter's
# name opening the text before its addressee (…办公室工作联系函某公司：).
TITLE_IN_TEXT = re.compile(
    r"(?:(?:^|(?<=[^\u4e00-\u9fa5])|(?<=号))(?!号)(?:国务院办公厅|国务院|中共中央|"
    r"[\u4e00-\u9fa5、]{2,30}?(?:人民政府|办公厅|办公室|委员会|局|厅|部|委|公司)))?"
    r"关于[^。：:，；]{4,80}?"
    r"(?:的(?:预备|补充|紧急)?(?:通知|函|决定|批复|报告|请示)|的(?:实施|指导|若干)?意见|纪要|(?:工作)?方案(?=[^\u4e00-\u9fa5》（(]|$)|规划(?=[^\u4e00-\u9fa5》（(]|$))"
    r"|[^。：:，；]{2,60}?就《[^》]{2,60}》[^。：:，；]{0,10}?答记者问"
    r"|^[\u4e00-\u9fa5]{2,40}?(?:联系函|便函|提示函|告知函|督办函)(?=[\u4e00-\u9fa5（）()]{2,40}[：:])"  # a letter's head
)
#: A plan's title opening a text whose lines were lost, ended by its preamble's first words
#: (某公司X工作方案为贯彻落实《…》…): the title ends at a plan word before 为/根据/按照.
FLAT_PLAN_TITLE = re.compile(
    r"^[\u4e00-\u9fa5“”\"（）()\d—\-－]{6,60}?(?:方案|计划|规划|意见|措施|要点|办法|细则|安排)"
    r"(?=为了?(?:深入|认真|全面|进一步|加快|推动|贯彻|落实|做好|加强)|根据|按照|依据)"
)
SIGN_NOTE = re.compile(r"[（(](?:此件|本件)[^（）()]{0,10}[）)]")  # （此件公开发布） under a signature
# A title that names its issuer: 国务院关于…的意见, 青禾市人民政府关于…的实施意见.
TITLE_ISSUER = re.compile(
    r"^((?:国务院|中共中央|[\u4e00-\u9fa5]{2,20}?(?:人民政府|政府|办公厅|办公室|委员会|厅|局|部|委)))关于"
)


# --- shapes the functions test text against ---

#: A city-level name's ending.
CITY_END = re.compile(PLACE_SUFFIX["city"] + "$")
#: Punctuation inside a sentence: a line holding one is prose.
CLAUSE_PUNCT = re.compile(r"[，。；：、]")
#: Where the title of a clause-split item ends.
CLAUSE_TITLE_END = re.compile(r"[，。；：（(]")
#: A county-level name's ending.
COUNTY_END = re.compile(PLACE_SUFFIX["district"] + "$")
#: Where the title of an enumerated item (一是…) ends.
ITEM_TITLE_END = re.compile(r"[，。；：（]")
#: A 文号 of the State Council (国发, 国办发).
NATIONAL_DOC_PREFIX = re.compile(r"^国(?:发|办发|办函|函)")
#: A title or issuer of the national government.
NATIONAL_OPENING = re.compile("(?:" + "|".join(LEVEL_PREFIXES["national"]) + ")")
#: A province-level name's ending.
PROVINCE_END = re.compile(PLACE_SUFFIX["provincial"] + "$")
#: A 文号 of a provincial government (鲁政发, 浙政办发).
PROVINCIAL_DOC_PREFIX = re.compile(r"^.政")
#: Any administrative division's ending.
REGION_END = re.compile(r"(?:省|自治区|市|自治州|地区|盟|州|县|旗|区|镇|街道)$")
#: What two titles of one plan may differ in (spaces, brackets, years).
TITLE_NOISE = re.compile(r"[\s（）()—\-\d年]")
#: Words opening a title before its place name (关于, 中共; 国网, which opens the names of State
#: Grid's provincial and city companies, 国网X省电力有限公司, with the place after it; the year of a
#: bulletin or a yearly plan, 2023年周口市国民经济和社会发展统计公报; 印发《 of a notice carrying a plan).
TITLE_OPENING = re.compile(r"^(?:关于|中共|国网|(?:19|20)\d\d年度?|(?:印发|转发)[《<〈]?)+")
#: Words of a title's topic, never of a place name: 关于进一步规范市中心区…审批 names no place
#: (the 市中心区 is the city's centre, not a district called 进一步规范市中心区).
NOT_A_PLACE = re.compile(r"进一步|规范|推进|加强|加快|做好|开展|促进|支持|深化|实施|建立|完善|推动|全面|切实|优化|落实|贯彻|创建|打造")
#: A township-level name's ending.
TOWNSHIP_END = re.compile(r"(?:镇|街道|乡)$")
#: A parenthesised note of responsible units closing a heading.
TRAILING_UNITS_NOTE = re.compile(r"[（(][^（）()]*(?:单位|部门|牵头|负责|配合)[^（）()]*[）)]\s*$")
#: A line that is only a year or a period (（2024—2026年）) under a title.
YEAR_LINE = re.compile(r"[（(]?\s*(?:19|20)\d{2}.{0,6}年\s*[）)]?")
#: One administrative division of a run of them (临江市西岭区 → 临江市, 西岭区); 州 ends one only
#: when no 市/区/县 follows it (澄州市 is one city).
REGION_PART = re.compile(r".+?(?:特别行政区|自治区|自治州|自治县|新区|地区|街道|省|市|州(?![市区县])|盟|县|旗|区|镇)")
