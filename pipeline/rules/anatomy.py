"""Document anatomy: issuers (organs) and 文号.
"""
from __future__ import annotations

import re

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
#: A line that is only a 文号: 某政发〔2025〕3号.
DOC_NUMBER_LINE = re.compile(r"^[\u4e00-\u9fa5]{1,10}[〔\[［【（(]\s*(?:19|20)\d{2}\s*[〕\]］】）)]\s*(?:第\s*)?\d{1,4}\s*号$")
#: The last word of a document title (…方案, …的通知).
TITLE_LINE_END = re.compile(r"(?:方案|计划|规划|意见|措施|纲要|办法|细则|要点|通知|决定|批复|函)$")
#: The last word of an organ's name on a line of its own (…人民政府, …局).
ORGAN_LINE_END = re.compile(r"(?:人民政府|办公室|办公厅|委员会|局|厅|委|部|中心)$")
#: A run of whitespace (from a given position).
SPACE_RUN = re.compile(r"\s*")
#: Characters that end a sentence or a clause line (a line ending in one is not broken).
LINE_ENDS_SENTENCE = "。！？；：!?;:）)”】」』"
#: Where a sentence ends: 。！？ and line breaks (；stays inside a sentence).
SENTENCE_END = re.compile(r"[。！？!?\n]")
#: Where a clause ends: ，；：。！？ (half-width too).
CLAUSE_END = re.compile(r"[，；;,：:。！？]")
