"""Names of Chinese government units: canonical forms, abbreviations, levels, collective owners.

The dictionaries are general conventions (standard organ names and their usual short forms), never a
particular document's bureaus. A name is read as ``<level prefix><core>``: ``区发改局`` is the prefix
``区`` and the core ``发改局``; only the core is expanded, so the level survives canonicalisation.
Abbreviations map to the full name *of the same kind* (委 stays 委, 局 stays 局): a 发展和改革委员会 and a
发展和改革局 are different organs in different cities.
"""
from __future__ import annotations

from functools import lru_cache
from typing import cast

from schemas.places import MARKER_LEVEL
from schemas.records import Level

from .rules.chars import WHITESPACE_RUN
from .rules.unitnames import (
    ALL_PREFIX,
    ALT_NAME_TAIL,
    GENERIC,
    LEVEL_MARKERS,
    NOT_IN_NAME,
    PAREN_NOTE,
    RELEVANT_TAIL,
    TERRITORIES,
)

# full core → its usual abbreviations and alternate spellings
CORE_ALIASES: dict[str, tuple[str, ...]] = {
    "发展和改革委员会": ("发展改革委", "发改委", "发展和改革委", "发展改革委员会"),
    "发展和改革局": ("发展改革局", "发改局"),
    "工业和信息化局": ("工信局", "工业信息化局"),
    "工业和信息化委员会": ("工信委", "工业和信息化委", "工业信息化委"),
    "工业和信息化厅": ("工信厅", "工业信息化厅"),
    "工业和信息化部": ("工信部", "工业信息化部"),
    "经济和信息化局": ("经信局", "经济信息化局"),
    "经济和信息化委员会": ("经信委", "经济和信息化委", "经济信息化委"),
    "科学技术局": ("科技局",),
    "科学技术厅": ("科技厅",),
    "科学技术部": ("科技部",),
    "科学技术委员会": ("科委", "科学技术委"),
    "市场监督管理局": ("市场监管局",),
    "市场监督管理总局": ("市场监管总局",),
    "人力资源和社会保障局": ("人社局", "人力资源社会保障局", "人力社保局", "人力资源社保局"),
    "人力资源和社会保障厅": ("人社厅", "人力资源社会保障厅"),
    "人力资源和社会保障部": ("人社部", "人力资源社会保障部"),
    "住房和城乡建设局": ("住建局", "住房城乡建设局"),
    "住房和城乡建设委员会": ("住建委", "住房城乡建设委", "住房和城乡建设委"),
    "住房和城乡建设厅": ("住建厅", "住房城乡建设厅"),
    "住房和城乡建设部": ("住建部", "住房城乡建设部"),
    "文化和旅游局": ("文旅局", "文化旅游局"),
    "文化和旅游厅": ("文旅厅", "文化旅游厅"),
    "文化和旅游部": ("文旅部", "文化旅游部"),
    "卫生健康委员会": ("卫健委", "卫生健康委"),
    "卫生健康局": ("卫健局",),
    "医疗保障局": ("医保局",),
    "自然资源和规划局": ("自然资源规划局", "资规局"),
    "交通运输局": ("交通局", "交运局"),
    "交通运输厅": ("交通厅",),
    "交通运输委员会": ("交通委", "交委"),
    "环境保护局": ("环保局",),
    "应急管理局": ("应急局",),
    "应急管理厅": ("应急厅",),
    "应急管理部": ("应急部",),
    "地方金融监督管理局": ("地方金融监管局",),
    "金融工作办公室": ("金融办",),
    "投资促进局": ("投促局",),
    "城市管理局": ("城管局",),
    "城市管理综合执法局": ("城管执法局",),
    "综合行政执法局": ("综合执法局",),
    "国有资产监督管理委员会": ("国资委",),
    "国有资产监督管理局": ("国资局",),
    "农业农村委员会": ("农业农村委", "农委"),
    "退役军人事务局": ("退役军人局",),
    "退役军人事务厅": ("退役军人厅",),
    "退役军人事务部": ("退役军人部",),
    "机关事务管理局": ("机关事务局",),
    "台湾事务办公室": ("台办",),
    "外事办公室": ("外事办", "外办"),
    "口岸办公室": ("口岸办",),
    "网络安全和信息化委员会办公室": ("网信办",),
    "机构编制委员会办公室": ("编办",),
    "统一战线工作部": ("统战部",),
    "政法委员会": ("政法委",),
    "人民政府": ("政府",),
    "管理委员会": ("管委会",),
    "人民政府办公室": ("政府办公室", "政府办"),
    "人民政府办公厅": ("政府办公厅",),
    "妇女联合会": ("妇联",),
    "工商业联合会": ("工商联",),
    "科学技术协会": ("科协",),
    "残疾人联合会": ("残联",),
    "归国华侨联合会": ("侨联",),
    "文学艺术界联合会": ("文联",),
    "教育和体育局": ("教体局",),
    "税务总局": (),
}

# cores with no common abbreviation, listed so that their level prefix can be found
PLAIN_CORES: frozenset[str] = frozenset({
    "商务局", "统计局", "税务局", "财政局", "教育局", "民政局", "司法局", "审计局", "公安局",
    "水务局", "水利局", "生态环境局", "自然资源局", "农业农村局", "体育局", "信访局", "档案局",
    "大数据局", "行政审批局", "行政审批服务局", "大数据发展管理局", "地方金融管理局", "金融工作局",
    "政务服务管理办公室", "海洋发展局", "林业局", "粮食和物资储备局", "知识产权局", "气象局",
    "商务厅", "财政厅", "教育厅", "民政厅", "公安厅", "司法厅", "审计厅", "自然资源厅",
    "生态环境厅", "水利厅", "农业农村厅", "总工会", "团委", "宣传部", "组织部",
    "商务委员会", "教育委员会", "卫生健康局", "公共资源交易中心", "融媒体中心",
})

# State Council bodies as written without a prefix in State Council documents → official name
NATIONAL_SHORT: dict[str, str] = {
    "发展改革委": "国家发展和改革委员会", "卫生健康委": "国家卫生健康委员会",
    "国资委": "国务院国有资产监督管理委员会", "税务总局": "国家税务总局",
    "市场监管总局": "国家市场监督管理总局", "金融监管总局": "国家金融监督管理总局",
    "广电总局": "国家广播电视总局", "体育总局": "国家体育总局", "知识产权局": "国家知识产权局",
    "医保局": "国家医疗保障局", "统计局": "国家统计局", "能源局": "国家能源局",
    "林草局": "国家林业和草原局", "数据局": "国家数据局", "药监局": "国家药品监督管理局",
    "中医药局": "国家中医药管理局", "移民局": "国家移民管理局", "邮政局": "国家邮政局",
    "文物局": "国家文物局", "外汇局": "国家外汇管理局", "铁路局": "国家铁路局",
    "民航局": "中国民用航空局", "人民银行": "中国人民银行", "证监会": "中国证券监督管理委员会",
    "网信办": "国家互联网信息办公室", "海关总署": "海关总署", "审计署": "审计署",
    "外交部": "外交部", "国防部": "国防部", "教育部": "教育部", "科技部": "科学技术部",
    "工业和信息化部": "工业和信息化部", "工信部": "工业和信息化部", "公安部": "公安部",
    "国家安全部": "国家安全部", "民政部": "民政部", "司法部": "司法部", "财政部": "财政部",
    "人力资源社会保障部": "人力资源和社会保障部", "人社部": "人力资源和社会保障部",
    "自然资源部": "自然资源部", "生态环境部": "生态环境部", "住房城乡建设部": "住房和城乡建设部",
    "交通运输部": "交通运输部", "水利部": "水利部", "农业农村部": "农业农村部", "商务部": "商务部",
    "文化和旅游部": "文化和旅游部", "退役军人部": "退役军人事务部", "应急部": "应急管理部",
    "应急管理部": "应急管理部", "退役军人事务部": "退役军人事务部", "科学技术部": "科学技术部",
    "人力资源和社会保障部": "人力资源和社会保障部", "住房和城乡建设部": "住房和城乡建设部",
    "银保监会": "中国银行保险监督管理委员会", "银监会": "中国银行业监督管理委员会",
    "保监会": "中国保险监督管理委员会", "供销合作总社": "中华全国供销合作总社",
    "粮食和储备局": "国家粮食和物资储备局", "国管局": "国家机关事务管理局",
    "扶贫办": "国务院扶贫开发领导小组办公室", "标准委": "国家标准化管理委员会", "版权局": "国家版权局",
    "共青团中央": "中国共产主义青年团中央委员会", "乡村振兴局": "国家乡村振兴局",
    "国台办": "国务院台湾事务办公室", "港澳办": "国务院港澳事务办公室", "侨办": "国务院侨务办公室",
    "烟草局": "国家烟草专卖局", "国防科工局": "国家国防科技工业局",
    "认监委": "国家认证认可监督管理委员会", "密码局": "国家密码管理局", "保密局": "国家保密局",
    "地震局": "中国地震局", "科学院": "中国科学院", "工程院": "中国工程院",
    "社科院": "中国社会科学院", "铁路总公司": "中国国家铁路集团有限公司", "国铁集团": "中国国家铁路集团有限公司",
}
NATIONAL_CANONICAL: frozenset[str] = frozenset(NATIONAL_SHORT.values())
NATIONAL_PREFIXES: tuple[str, ...] = ("国家", "国务院", "中共中央", "中央", "全国", "中国")

# a name must end like an organ to count as a unit (checked after dropping 等 and role words)
UNIT_SUFFIXES: tuple[str, ...] = (
    "局", "委", "委员会", "办", "办公室", "办公厅", "厅", "部", "署", "院", "中心", "政府", "办事处",
    "管委会", "公司", "集团", "协会", "学会", "商会", "联合会", "工会", "总会", "单位", "部门", "处室",
    "科室", "街道", "镇", "乡", "社区", "村委会", "居委会", "研究室", "研究所", "银行", "海关", "支队",
    "大队", "总队", "园区", "开发区", "高新区", "功能区", "专班", "指挥部", "领导小组", "机构", "妇联",
    "工商联", "残联", "侨联", "文联", "科协", "团委", "党校", "学校", "高校", "大学", "学院", "医院",
    "档案馆", "图书馆", "博物馆", "文化馆", "供销社", "报社", "管理处", "相关处", "有关处",
    "分行", "支行",  # a bank's regional branch (人民银行X分行): an owner in financial-support clauses
    "所",  # an institute or station of an enterprise or a bureau (经研所, 供电所, 派出所, 事务所)
    "服务商",  # a contracted service provider, an owner in enterprises' task lists (责任单位：服务商)
)
# word endings that look like organ suffixes but are ordinary words
NOT_UNIT_ENDINGS: tuple[str, ...] = (
    "格局", "布局", "大局", "全局", "结局", "开局", "变局", "当局", "全部", "内部", "外部", "局部",
    "东部", "西部", "南部", "北部", "中部", "总部", "干部", "底部", "顶部", "城乡", "场所",
    "住所", "处所", "居所", "厕所", "寓所", "会所", "所有", "之所", "无所",
)
NOT_UNIT_STARTS: tuple[str, ...] = ("以", "含", "包括", "不含", "其中", "如", "例如", "即")

_MARKER_LEVEL = cast(dict[str, Level], MARKER_LEVEL)  # its values are Level values
# (marker, preceding chars, following chars) that make a marker part of an ordinary word
_NOT_MARKER: dict[str, tuple[str, str]] = {
    "市": ("城都超门", "场"), "区": ("园片景校辖", "域块"), "县": ("", "域"), "乡": ("城", "村"),
    "镇": ("城", ""), "村": ("农乡", ""), "州": ("", ""), "省": ("", ""),
}

ALIAS_TO_CORE: dict[str, str] = {a: full for full, abbrs in CORE_ALIASES.items() for a in abbrs}
KNOWN_CORES: frozenset[str] = frozenset(CORE_ALIASES) | PLAIN_CORES


def _fullwidth_parens(name: str) -> str:
    return name.replace("(", "（").replace(")", "）")


def split_prefix(name: str) -> tuple[str, str]:
    """``区发改局`` → (``区``, ``发改局``): the shortest prefix whose rest is a known core, else ("", name)."""
    for i in range(len(name)):
        tail = name[i:]
        if tail in ALIAS_TO_CORE or tail in KNOWN_CORES:
            return name[:i], tail
    return "", name


def _ends_like_unit(name: str) -> bool:
    if len(name) < 2 or name.startswith(NOT_UNIT_STARTS) or name.endswith(NOT_UNIT_ENDINGS):
        return False
    if NOT_IN_NAME.search(name):
        return False
    if TERRITORIES.fullmatch(name):
        return True
    if name in ALIAS_TO_CORE or name in KNOWN_CORES or name in NATIONAL_SHORT:
        return True
    if len(name) == 2 and not name.endswith(("委", "办")):
        return False
    return name.endswith(UNIT_SUFFIXES)


def is_unit_name(name: str) -> bool:
    """Whether ``name`` reads as an organ (ends like one), which tells clauses from ordinary notes."""
    name = _fullwidth_parens(name.strip())
    return _ends_like_unit(_strip_tails(name))


def _strip_tails(name: str) -> str:
    """Drop ``相关处``-style tails and a trailing alternate name in parentheses, when what remains is a unit."""
    m = RELEVANT_TAIL.search(name)
    if m and _ends_like_unit(name[: m.start()]):
        name = name[: m.start()]
    m = ALT_NAME_TAIL.search(name)
    if m and "、" not in m.group(1) and _ends_like_unit(m.group(1)) and _ends_like_unit(name[: m.start()]):
        name = name[: m.start()]
    return name


@lru_cache(maxsize=4096)
def canonical_name(name: str) -> str:
    """The unit's full name, level prefix kept: ``区发改局`` → ``区发展和改革局``, ``市政府`` → ``市人民政府``."""
    name = _strip_tails(_fullwidth_parens(WHITESPACE_RUN.sub("", name)))
    if name.startswith("各"):
        return name  # generic owners (各区（市）政府, 各街道办事处) are kept as written
    if name in NATIONAL_SHORT:
        return NATIONAL_SHORT[name]
    prefix, core = split_prefix(name)
    return prefix + ALIAS_TO_CORE.get(core, core)


def aliases(canonical: str) -> list[str]:
    """Known short forms of a canonical name, with its prefix: ``市市场监督管理局`` → [``市市场监管局``]."""
    return list(_aliases(canonical))


@lru_cache(maxsize=4096)
def _aliases(canonical: str) -> tuple[str, ...]:
    canonical = canonical_name(canonical)
    prefix, core = split_prefix(canonical)
    found = [prefix + a for a in CORE_ALIASES.get(core, ())]
    found += [short for short, full in NATIONAL_SHORT.items() if full == canonical]
    found += [nat + a for a in CORE_ALIASES.get(core, ()) for nat in NATIONAL_PREFIXES]
    return tuple(a for a in dict.fromkeys(found) if a != canonical and canonical_name(a) == canonical)


def _chain_level(prefix: str) -> Level:
    """Level of a place prefix: the last marker of a chain (``山东省青岛市崂山区`` → district), or the
    first of an enumeration (``区市``, ``省、自治区、直辖市`` → its first marker)."""
    level: Level = "unknown"
    prev_end, seen = 0, False
    for m in LEVEL_MARKERS.finditer(prefix):
        before = prefix[m.start() - 1] if m.start() else ""
        after = prefix[m.end()] if m.end() < len(prefix) else ""
        bad_before, bad_after = _NOT_MARKER.get(m.group(), ("", ""))
        if (before and before in bad_before) or (after and after in bad_after):
            continue
        gap = prefix[prev_end: m.start()]
        if seen and gap in ("", "、"):
            prev_end = m.end()
            continue
        if len(gap) > 6:
            break
        level, prev_end, seen = _MARKER_LEVEL[m.group()], m.end(), True
    return level


@lru_cache(maxsize=4096)
def unit_level(name: str) -> Level:
    """Administrative level from the name's prefix (国家 · 省 · 市 · 区/县 · 街道/镇), else ``unknown``."""
    canonical = canonical_name(name)
    if canonical in NATIONAL_CANONICAL or canonical.startswith(NATIONAL_PREFIXES):
        return "national"
    prefix, core = split_prefix(canonical)
    scan = prefix if core in KNOWN_CORES or core in ALIAS_TO_CORE else canonical
    scan = PAREN_NOTE.sub("", scan)
    scan = ALL_PREFIX.sub("", scan)
    return _chain_level(scan)


def is_generic(name: str) -> bool:
    """A collective owner (``各街道办事处``, ``市有关部门``) rather than one named organ."""
    return bool(GENERIC.search(canonical_name(name)))
