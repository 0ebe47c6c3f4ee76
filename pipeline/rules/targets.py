"""The target grammar's words (see pipeline/targets.py): verbs, words that make an amount a
qualifier, a baseline or an incentive, and the shapes of qualitative and built goals.
"""
from __future__ import annotations

import re

from .comparators import CMP_WORDS

EQ_VERBS = (
    "达到", "达", "实现", "保持在", "保持", "稳定在", "维持在", "提高到", "提高至", "提升到", "提升至",
    "增加到", "增加至", "增至", "增长到", "增长至", "扩大到", "扩大至", "下降到", "下降至", "降低到",
    "降低至", "降至", "上升到", "上升至", "压缩至", "压缩到", "缩短至", "缩短到", "缩减至", "缩减到",
    "减少至", "减少到", "减至", "迈上", "迈入", "跻身", "力争", "为", "做到",
)
# Verbs whose object is the thing counted: 建设6个平台 / 新增专精特新企业40家.
BUILD_VERBS = (
    "新培育", "新引进", "新认定", "新建成", "新开工", "新开通", "新增", "新建", "新设", "新开",
    "累计建成", "累计培育", "累计引进", "累计新增", "累计", "培育", "引进", "招引", "引育", "建设",
    "建成", "打造", "创建", "认定", "举办", "开展", "组织", "建立", "设立", "组建",
    "集聚", "聚集", "改造", "提升", "布局", "推出", "发布", "实施", "落地", "签约", "吸引",
    "接待", "培训", "带动", "完成", "推动", "支持", "扶持", "创成", "争创", "形成",
    "评选", "评定", "遴选", "储备", "新登记", "招引落地", "开工", "投用", "上线", "拓展", "开辟",
    "申报", "入选", "获批", "挂牌", "回收", "整治", "筹建", "统筹安排", "安排", "配置", "帮助", "招聘",
    "改扩建", "参加", "举行",
)
RATE_VERBS = ("年均增长", "平均增长", "增长", "增速", "增幅", "提高", "提升", "上升", "下降", "降低",
               "减少", "递增", "增加")
# Verbs inside nouns are not verbs: 增加值, 增长极, 提升工程, 达标率, 完成率, 回收站点; nor after 化 or 线
# (数字化改造项目, 线上线下).
VERB_RE = re.compile(r"(?<![化线])(?:" + "|".join(sorted({w for w, _ in CMP_WORDS} | set(EQ_VERBS) | set(BUILD_VERBS)
                                                       | set(RATE_VERBS), key=len, reverse=True))
                      + r")(?!值|极|点|工程|行动|计划|标|业|额|量|面|区(?!域)|型|站|网点|率)")
#: A run of verbs with nothing between (培育壮大, 培育推广, 引进培育): never a name.
VERBS_ONLY = re.compile("(?:" + "|".join(sorted(set(BUILD_VERBS) | {"壮大", "推广", "发展", "扶持", "提质", "扩容"},
                                                key=len, reverse=True)) + ")+")
#: Acts a name ends with when another verb governs it (完成线路隐患整治120处, 推进老旧小区改造50个):
#: counted acts, kept in the metric.
ACT_NOUNS = ("整治", "改造", "治理", "修复", "升级", "更新", "提升", "建设", "回收")
#: A character a name holds (not only signs and punctuation).
NAME_CHAR = re.compile(r"[\u4e00-\u9fa5A-Za-z]")
#: A name between two verbs: characters, no punctuation, two at least.
NAME_BETWEEN = re.compile(r"[\u4e00-\u9fa5A-Za-z\d（）()]{2,20}")
#: Acts that are themselves what is counted (培训养老护理员2000人次, 接待游客1500万人次): the verb
#: stays in the metric.
COUNTED_ACTS = ("培训", "接待", "服务", "救助", "帮扶", "吸纳")
#: A total of the things the clause before counted (…8处煤矿，合计产能240万吨): the total is theirs.
TOTAL_OF_LAST = re.compile(r"(?:合计|共计|总计)[\u4e00-\u9fa5]{1,4}")
#: A metric that only names places (自由贸易试验区力争达到150项, （济南、青岛达到50%）): the clause
#: states the metric before for those places.
PLACE_ONLY = re.compile(r"[\u4e00-\u9fa5]{0,8}(?:自由贸易试验区|自贸试验区|试验区|新区|开发区|高新区)"
                        r"|[\u4e00-\u9fa5]{2,3}(?:、[\u4e00-\u9fa5]{2,3})+")
#: Acts of closing (关闭, 关停退出, 淘汰): a count of things closed keeps the act (关闭煤矿 8处,
#: 关停退出地炼企业 6家); a clause with only the act (其中2021年关停退出206万千瓦) is the last metric's.
CLOSURE_VERB = re.compile(r"(?:关停退出|关闭退出|转移退出|整合退出|关停|关闭|淘汰|拆除|退出)(?=[^，；。]*$)")
#: A clause naming a group, closed by 的 (已建成铁路专用线的，大宗货物…比例达到90%): the next clause's
#: metric is that group's.
GROUP_CLAUSE = re.compile(r"^[，、\s]*(?:(?:到|至)?(?:19|20)\d{2}年(?:底|末)?前?[，,]?)?(?P<group>(?:已|未|尚未)?[\u4e00-\u9fa5A-Za-z]{2,16}的)[，,]?$")
#: A bare ratio of a change (削减比例较2010年不低于10%): whose, the clause before says (推进…排放总量控制).
BARE_RATIO = re.compile(r"(?:削减|下降|降低|减少|压减)(?:比例|幅度)")
#: Where the things counted are built (在重点县建设30个电气化项目): the place names them too.
BUILT_AT = re.compile(r"(?<![存现实])在(?P<place>[\u4e00-\u9fa5]{2,8}?)(?:建设|建成|打造|培育|新建|布局|创建)\s*$")
#: An act between a verb and a number that counts the noun after it (新增投产15项工程, 新增开工8个项目).
ACT_GAP = re.compile(r"投产|开工|竣工|完工|投运|并网|上线|开业|落地")
#: What 完成 counts when the things come before their act (完成1万个行政村的环境综合整治): the things
#: that complete it (完成环境综合整治的行政村).
DONE_OBJECT = re.compile(r"^(?P<noun>[\u4e00-\u9fa5]{1,10}?)的(?P<act>[\u4e00-\u9fa5]{0,10}?"
                         r"(?:整治|改造|治理|验收|认证|评估|编制|备案|登记|修复)(?:任务|工作)?)(?=[，；。、\s]|$)")
#: Verbs by which works form a capacity (脱硫工程形成脱硫能力30万吨): the works stay in the metric.
FORMING_VERBS = ("形成",)
#: An act a list of things completes, after the last of them (…街区保护规划编制报批工作).
DONE_ACT = re.compile(r"(?:整治|改造|治理|验收|认证|评估|编制|备案|登记|修复|报批|审批|普查|调查)$")
#: Verbs whose percentage is the share of a plan done (完成年度计划80%): the verb stays in the metric.
DONE_VERBS = ("完成",)
#: Build verbs that also modify nouns (集聚示范区, 改造项目, 储备库): never stripped from a name.
MODIFIER_VERBS = ("集聚", "聚集", "改造", "提升", "布局", "储备", "回收", "整治", "实施", "落地", "带动")
#: Verbs a metric may start with once the grammar has placed it (推出精品线路6条 → 精品线路): the
#: build verbs and a few that only ever precede their object.
LEADING_VERB = re.compile(
    "^(?:" + "|".join(sorted((set(BUILD_VERBS) | {"新培育", "新引进", "推动", "推进", "加快", "鼓励", "补充", "升级"})
                             - set(COUNTED_ACTS) - set(MODIFIER_VERBS), key=len, reverse=True)) + ")+"
)
#: A funding sentence's subject and verb (区财政每年安排X资金 → X资金): the organ that pays is not
#: part of what is measured.
FUNDING_SUBJECT = re.compile(
    r"^[\u4e00-\u9fa5]{0,8}?(?:财政|政府|局|委|部门)(?:每年|每季度|年度|从[^，；。]{1,20}?中)?"
    r"(?:统筹安排|安排|投入|设立|筹集|统筹)"
)
#: A recurrence word opening a clause, after a deadline phrase or a scope if any: it governs the
#: sentence's following clauses too.
RECURRENCE_OPENING = re.compile(r"[\s，,]*(?:(?:到|至)?(?:19|20)\d{2}年[底末]?前?[，,]?)?(?:全[省市区县]|我[省市区县])?(?:每年|每季度|每月)")
#: A clause's own time: a year, a cumulative total, another recurrence.
OWN_TIME = re.compile(r"(?:19|20)\d{2}年|累计|每年|每季度|每月|年均")
#: Verbs of acts that recur (举办活动, 开展对接): a clause with one takes the sentence's 每年.
EVENT_VERB = re.compile(r"举办|开展|组织|举行|召开|承办")
#: A clause a recurrence does not reach: a scope of its own, or a level rather than a count of acts.
NOT_CARRIED = re.compile(r"全[国省市区县]|达到|突破|超过|保持|控制在|不低于|不超过|比重|占比|率|覆盖")
#: A clause that qualifies a goal by what it matches (与先进制造业相匹配的…体系).
MATCHING_CLAUSE = re.compile(r"相匹配|相适应|相衔接|相协调|相契合")
#: The head noun of a counted name, shared by the items of a list (批发、零售企业).
HEAD_NOUN = re.compile(r"(?:企业|机构|平台|项目|基地|园区|中心|单位|门店|网点|市场|主体)$")
#: A qualifier that opens a list and holds for every item (限额以上批发、零售企业).
LIST_QUALIFIER = re.compile(r"^(?:限额以上|规模以上|规上|限上|年营业收入[^、，]{1,10}?以上|国家级|省级|市级|区级|县级)")
#: What the things counted first must do (3个街区达到示范街标准, 5家企业在境内外上市): the metric is
#: the things that do it.
PREDICATE_VERB = re.compile(r"达到|达|实现|完成|建成|通过|获得|进入|入选|纳入|实施|开展|具备|在")
#: A share stated before the things it counts (全省50%以上的文化馆具备数字服务能力, 三分之一的乡镇
#:建成示范站): the metric is the things that do it (具备数字服务能力的文化馆).
#: 的 may be left out (70%以上市、县完成管网改造, 50%以上县（市、区）基本建成…): the noun then holds
#: no more than a list of places, and an adverb before the predicate goes with it.
SHARE_OF = re.compile(rf"^(?:及以上|以上|以下|左右)?(?:的(?P<noun>[\u4e00-\u9fa5A-Za-z]{{1,20}}?)|(?P<bare>[\u4e00-\u9fa5A-Za-z、（）()]{{1,12}}?))"
                      rf"(?P<pred>(?:基本|全面|全部|均|率先)?(?:{PREDICATE_VERB.pattern}|有(?![机限关效])|得到)[^，；。\n]{{1,30}})")
#: Verbs after which a percentage names the share of the subject done in a way (新建住宅实现100%
#: 全装修交付).
SHARE_VERBS = ("实现", "达到", "达")
#: A clause raising a rate with no amount (提升垃圾焚烧处理率，2025年达到85%以上), or cutting a time
#: limit (将A、B业务办理时限压缩一半，分别减至1个月、半个月), or controlling a total (推进A行业排放总量
#: 控制，削减比例较2010年不低于10%): the next clause's amount with no name of its own, or a bare
#: ratio of a change, is that rate's, limit's or total's.
RATE_CLAUSE = re.compile(r"^[，、\s]*(?:提升|提高|增加|扩大|降低|稳步提升|逐步提高)(?P<name>[\u4e00-\u9fa5A-Za-z]{2,16}?(?:率|比重|比例|占比))$"
                         r"|^[，、\s]*(?:推进|实施|加强|强化|开展)(?P<controlled>[\u4e00-\u9fa5、]{4,30}?)(?:控制|管控)$"
                         r"|^[^，；。]*?(?:将|把)(?P<object>[\u4e00-\u9fa5A-Za-z、]{2,20}?(?:时限|时间|周期|时长))(?:压缩|缩短|减少|降低)[\u4e00-\u9fa5]{0,4}$")
#: A property with no owner in its clause (能效比超过5TOPS/W): the owner is the product named before.
PROPERTY_METRIC = re.compile(r"(?:单位|平均|综合|峰值|典型)?(?:能效比|能效|功耗|算力|精度|效率|速率|带宽|延时|时延|寿命|良率|能耗|"
                             r"转换效率|续航里程|续航|性能|容量|密度|纯度|强度)")
#: A clause naming a product to make (研发高端芯片, 突破一批高端芯片): its verb and its name.
PRODUCT_CLAUSE = re.compile(r"^[，、\s]*(?:研发|研制|攻克|突破|推出|开发|打造|量产|发布)(?:一批|一系列|若干|多款)?"
                            r"(?P<name>[\u4e00-\u9fa5A-Za-z\d]{2,12})$")
#: A share phased over years (2026年60%以上、2027年80%以上县（市）达到…): after the first share, the
#: later ones, whose things and predicate follow the last; before a later one, the earlier ones.
PHASED_SHARE_AFTER = re.compile(r"^(?:及以上|以上|左右)?(?:、(?:(?:19|20)\d{2}年(?:底|末)?)?[\d.]+%)+")
PHASED_SHARE_BEFORE = re.compile(r"^[，、\s]*(?:(?:19|20)\d{2}年(?:底|末)?[\d.]+%(?:及以上|以上|左右)?、)+(?:19|20)\d{2}年(?:底|末)?$")
#: What may stand before such a share: a scope, nothing else (全省, 县域内).
SHARE_SCOPE = re.compile(r"^(?:[\u4e00-\u9fa5]{1,4}内)?$")
#: A predicate after the things counted (3个街区达到示范街标准).
COUNTED_PREDICATE = re.compile(rf"(?:{PREDICATE_VERB.pattern})[^，；。\n]{{1,30}}")
#: A predicate after the thing counted (数字金融法人机构落户3家, 分支机构在本区落户2家).
TRAILING_PREDICATE = re.compile(r"(?:在[\u4e00-\u9fa5]{1,6})?(?:落户|入驻|落地)$")
#: A qualifier after an amount (以上, 左右, 以内).
SUFFIX_RE = re.compile(r"^(?:及以上|以上|左右|上下|以内|以下|之内|多)")
#: An approximation before an amount (约, 近, 超).
PREFIX_APPROX = re.compile(r"(?:约|近|大约|接近|超|逾)$")
#: The scope opening a metric (全市, 我区, 各区).
SCOPE_RE = re.compile(r"^(?:全[国省市区县镇]|我[国省市区县]|本[省市区县]|辖区内?|区域内|区内|市内|省内|全域"
                      r"|各(?:设区的?市|县（市、区）|区（市）|区（县）|[省市区县]))")
#: Words before a metric that are not part of it (力争, 其中, 同比 …).
LEAD_NOISE = re.compile(
    r"^(?:[，、；：\s]|其中|同比|环比|同时|并且?|力争|确保|努力|争取|使得?|让|推动|带动|促进|实现|全年|到期末|"
    r"届时|此外|另外|以及|以|及|和|与|或|每年|每季度|每月|年均|平均|均|其|各类|的|今年|年内|年底前|上半年|下半年)+"
)
#: Words after a metric that are not part of it (累计, 均, 将 …).
TAIL_NOISE = re.compile(r"(?:[，、：\s]|的|力争|确保|努力|争取|全面|基本|初步|全部|都|每年|每季度|每月|年均|平均|均|总计|合计|累计|共|分别|各|约|近|将|要|需|可"
                        r"|(?<=[\u4e00-\u9fa5]{2})工作|(?<=[率重例比数])在)+$")  # 制修订工作: the act is counted; 完成率在
#: 的 after an amount: the amount qualifies a noun (5000万元以上的项目, 30万千瓦以上（含）的机组); or
#: 以下 and a noun (30万千瓦以下煤电机组): the amount bounds the things named, it is no goal.
QUALIFIER_AFTER = re.compile(r"^(?:/[年日时])?(?:(?:及以上|以上|及以下|以下|左右)?(?:[（(]含[）)])?的|(?:及以下|以下)(?=[\u4e00-\u9fa5\d]))")
#: A count whose things are the object of a task or name a document's issuers: 加大对41个集群和62家
#: 企业的支持力度, 推进4条专用线的建设工作, 12个部委印发的《…》. The count says which things the task
#: concerns, not a goal.
COUNT_OF_OBJECTS = re.compile(
    r"^[^，；。]{1,40}?的[\u4e00-\u9fa5]{0,6}(?:工作|力度|管理|保护|监管|建设|使用|指导|督导|服务保障)$"
    r"|^[\u4e00-\u9fa5]{1,10}(?:联合)?(?:印发|发布|出台|制定|下发)的(?=[《“]|$)"
)
#: Things an amount counts or qualifies that are given a duty, no verb setting the amount (16个设区的市
#: 要制定落实方案, 其余2500吨/日生产线须确定置换方案).
DUTY_AFTER = re.compile(r"^[\u4e00-\u9fa5]{2,12}?(?:(?<![重主纲摘提概需只])要(?![素求点害])|须|应当|必须)[\u4e00-\u9fa5]")
#: Things counted with the way they are served (58项事项异地办理, 30项高频事项跨省通办): the served
#: things (异地办理的事项).
SERVED_AFTER = re.compile(r"^(?P<noun>[\u4e00-\u9fa5]{2,10}?)(?P<act>(?:异地|跨省|跨区域|跨市|全程|网上|掌上|就近|一次)"
                          r"(?:办理|通办|网办|办结|可办|办))$")
# After a verb, an amount that qualifies a noun: 超10亿元的 / 过亿元企业 / 超10亿元企业5家.
QUALIFIER_VERB = re.compile(r"^(?:[\d.一二三四五六七八九十百千万亿]+[^\s，；。、\d]{0,3}?(?:以上|以下)?的|[百千万亿]+元)")
# Incentives (给予最高200万元奖励, 按投资额的10%给予补助) are amounts a plan pays, not goals.
SUBSIDY = re.compile(
    r"给予|最高|一次性|按[^，；。]{0,15}的\d|(?:奖励|补助|补贴|资助|奖补|贴息)(?=\s*(?:共计|合计|总计|总额)?\s*\d|最高)"
    r"|(?:奖励|补助|补贴|资助|奖补|贴息)(?:标准|比例|额度|金额)"  # 补贴标准为每平方米20元, 贴息比例不超过50%
    r"|\d[^，；。]{0,6}?(?:奖励|补助|补贴|资助|奖补)"
    r"|单个(?:企业|项目|主体|单位|机构)[^，；。]{0,12}?(?:累计)?(?:不超过|最高|最多)"  # a cap per beneficiary
    r"|返还|退还|减免|免征"  # 可返还其上年度实际缴纳失业保险费的50%: money paid back
    r"|罚款|罚金|并处|处以(?![上下内])"  # 处10万元以上50万元以下的罚款: a penalty (not 50处以上)
)
#: 将/把 before the metric (引导合作机构逐步将平均担保费率降至1%以下): the metric starts after it.
BA_OBJECT = re.compile(r"^[^，；。]*?(?:将|把)(?=[\u4e00-\u9fa5A-Za-z“]{2})")
#: What joins the amounts of a list (、和及与，).
COORD = re.compile(r"^[、和及与，]$")
# Words of a sentence about the past (its amounts are baselines). Kept narrow: 历史文化街区 and
# 现有企业 are common in forward-looking text, and 已建成X的 names a group (已建成铁路专用线的，…比例达到90%).
HISTORY_WORDS = re.compile(
    r"同比|比上年|较上年|以来|已经|已[建完累实达形培引获启投成有](?![^，；。\d]{0,15}的)|实现了|达到了|完成了|去年|上一年|截至目前|目前已"
    r"|(?:近|过去)[一二两三四五六七八九十\d]{1,2}年(?!内)"  # 近三年 / 过去五年: what was done
    r"|[\u4e00-\u9fa5](?<![为除罢到])了(?![解如然结])|到了(?!(?:19|20)\d{2})"  # 选取了 / 受到了: a verb's perfective (not 到了2025年)
    r"|共发生|累计发生|死亡(?!率|人数)|遇难|受伤(?!率)|重伤|失踪|丧生"  # what happened: events, casualties
)
#: A clause stating what is now (全省现有煤炭储备能力1920万吨, 全市共有养老机构186家, 目前…): a baseline.
#: Opening the clause, or after a scope no verb governs (推动全市现有企业… is a task).
PRESENT_STATE = re.compile(r"^[，、\s]*(?:现有|目前|当前|现阶段)"
                           r"|(?<![动进持导励对])(?:全[国省市区县]|我[国省市区县]|本[省市区县])(?:现有|目前|当前|共有)")
#: Words that make a percentage a share (占, 比重, 覆盖率).
PERCENT_SHARE = re.compile(r"占|比重|比例|占比|率|份额|覆盖|普及|达标")
# Only 新增 marks an increment; 新培育/新建 name what is counted (a count target).
INCREMENT = re.compile(r"新增")
#: Metrics that measure a quantity even when counted in things (发明专利拥有量156件).
LEVEL_METRIC = re.compile(r"(?:拥有量|保有量|占有量|总量|密度)$")
#: 累计: a cumulative total.
CUMULATIVE = re.compile(r"累计")
#: A base year (比2020年, 较2025年末).
BASE_YEAR = re.compile(r"(?:比|较|相比|与)\s*((?:19|20)\d{2})\s*年(?:末|底)?")
#: A base year closing the words before a change's verb (能耗比2020年|下降8.8%): the change's name
#: keeps it and the verb (能耗比2020年下降).
BASE_YEAR_END = re.compile(r"(?:比|较|相比)\s*(?:19|20)\d{2}\s*年(?:末|底)?\s*$")
#: Names that share one base year (能耗、人均用水量分别比2020年下降3%、4%): the items before 分别,
#: the base year and verb after it.
SHARED_BASE = re.compile(r"^(?P<items>[^，；。]+?)分别(?P<tail>(?:比|较)\s*(?:19|20)\d{2}\s*年(?:末|底)?[\u4e00-\u9fa5]{0,4})$")
#: Quoted text and titles (“…”, 《…》, 〔…〕): never targets.
QUOTED = re.compile(r"“[^”]{0,30}”|「[^」]{0,30}」|《[^》]{0,80}》|〔[^〕]{0,10}〕")
#: A framework named by its counted parts (一个目标、两项任务、四个分工、六项保障措施): a label, never
#: targets. Three or more numeral + measure word + noun items in a row.
_FRAMEWORK_ITEM = r"[一二两三四五六七八九十\d]{1,3}[个项条大类种张支批]\s*[\u4e00-\u9fa5]{1,8}"
#: The definition of a rate in brackets right after its share (及时率达到95%以上（故障处理时间不超过
#: 24小时）): the time that defines the rate, not a goal of its own.
RATE_DEFINITION = re.compile(r"(?<=%)(?:及以上|以上|以下|左右|以内)?[（(](?![^（）()]*其中)[^（）()]{0,80}?"
                             r"(?:小时|分钟|工作日|天|秒)[^（）()]{0,80}?[）)]")
#: A framework named by its counted parts (一个目标、两项任务、四个分工).
FRAMEWORK = re.compile(rf"{_FRAMEWORK_ITEM}(?:、{_FRAMEWORK_ITEM}){{2,}}")
#: A verb of a goal right before such a list (完成1项国标、2项行标、7项团标制修订): counts to reach, no
#: framework's label.
LIST_GOAL_VERB = re.compile(r"(?:完成|新增|建成|培育|引进|新建|创建|认定|达到)$")
#: The items of an enumeration the count after it merely sums up (A路、B路和C路三条…).
ENUMERATION = re.compile(r"([\u4e00-\u9fa5A-Za-z\d]{2,12}(?:[、和及与][\u4e00-\u9fa5A-Za-z\d]{2,12})+)$")
#: Words that make a qualitative phrase a task, not a goal (推进…全覆盖, 加快…全覆盖).
TASK_VERB = re.compile(r"^[，、\s]*(?:推进|推动|加快|促进|着力|大力|逐步|有序|积极)")

#: Qualitative goals: (pattern, comparator, trigger). The patterns backtrack a lot, so each runs
#: only on sentences holding its trigger, a word every match must contain.
QUAL_PATTERNS: tuple[tuple[re.Pattern[str], str, re.Pattern[str]], ...] = (
    (re.compile(r"(?P<metric>[^，；。：、\n]{2,24}?)[：:]?(?P<cmp>不低于|高于|快于|略高于|超过|不少于)"
                r"(?P<ref>全[国省市区县][^，；。\n]{0,10}?(?:平均)?(?:水平|增速|增幅|速度|增长率))"), "ge",
     re.compile(r"(?:不低于|高于|快于|超过|不少于)全")),
    (re.compile(r"(?P<metric>[^，；。：、\n]{2,24}?)(?:实现|达到|基本实现|全面实现)?(?P<ref>全覆盖)"), "eq",
     re.compile(r"全覆盖")),
    (re.compile(r"(?P<metric>[^，；。：、\n]{2,24}?)[：:]?(?:稳居|位居|保持在|保持|居于|处于|位于|居|进入|迈入|走在)"
                r"(?P<ref>(?:全[国省市区]|全国|全省|全市|同类城市|同级|国内|世界|全球)[^，；。\n]{0,8}?"
                r"(?:前列|前茅|第一方阵|首位|第一|领先|前十|先进行列))"), "eq",
     re.compile(r"前列|前茅|第一方阵|首位|第一|领先|前十|先进行列")),
)
# A reference a target is measured against: 高于全市平均水平1个百分点.
RELATIVE_REF = re.compile(r"(?:全[国省市区县]|全国|全省|全市|同类城市|上级)[^，；。]{0,8}?(?:平均)?(?:水平|增速|增幅|速度|增长率)")
#: Every trigger of QUAL_PATTERNS, so one search skips a sentence holding none.
QUAL_TRIGGER = re.compile("|".join(f"(?:{trigger.pattern})" for _, _, trigger in QUAL_PATTERNS))
#: The verbs of a built goal (建成, 形成, 构建 …).
BUILT_TRIGGER = re.compile(r"建成|形成|构建|打造|确立|健全|建立起")
# Heads of a goal's name: a system, a pattern, a place of a kind. Not 中心 after 建成 (建成X中心 by a
# date is a milestone, a thing delivered), only before 基本建成 (X中心基本建成, a state).
_BUILT_HEADS = (r"体系|格局|机制|模式|生态|高地|标杆|示范区|集聚区|聚集区|度假区|功能区|旅游区|枢纽|品牌|城市|城区|"
                r"样板|布局|目的地|产业链|新门户|新平台")
#: A name ending in a built goal's head (…体系, …格局).
BUILT_HEAD = re.compile(rf"(?:{_BUILT_HEADS})$")
#: A built goal stated after its name (…体系基本建成).
BUILT_AFTER = re.compile(
    rf"(?P<metric>[^，；。\n]{{2,40}}?(?:{_BUILT_HEADS}|中心))"
    r"(?:基本|全面|初步|有效)(?:建成|形成|确立|健全)"
)
#: A goal whose name runs over commas to the end of its sentence (形成以项目为载体，…，…的服务业发展
#: 新格局。): only the head after the last 的 names it.
BUILT_LONG = re.compile(
    rf"(?:基本|全面|初步)?(?:建成|形成|构建)(?P<metric>[^。；\n]{{20,160}}?的[^。；，\n]{{2,16}}?(?:{_BUILT_HEADS}))(?=[。；]|$)"
)
#: A built goal stated by its verb (建成…体系, 打造…强区).
BUILT_GOAL = re.compile(
    r"(?:基本|全面|初步)?(?:建成|形成|构建|打造成?|建立起)(?P<metric>[^，；。\n]{2,40}?"
    rf"(?:{_BUILT_HEADS}|强区|强市|强省|强县|名城|之都))"
)


# --- targets ---

#: A deadline phrase inside a metric (到2025年底前, 11月底前, 10月底), stripped from its name; not a
#: base year (比2020年, 较2010年), which the name of a change keeps.
DEADLINE_WORDS = re.compile(r"(?:到|至|截至|力争到)?(?:(?<![比较])(?:19|20)\d{2}年(?:底|末|上半年|下半年)?(?:前)?"
                            r"|(?<![\d年])\d{1,2}月(?:\d{1,2}日|底|末)(?:前|之前|以前)?)")
#: A note in brackets inside a metric (社会储备能力（包括发电企业、钢铁企业等）): what it covers, not its name.
NOTE_BRACKET = re.compile(r"[（(](?:包括|包含|含|不含|不包括|其中|即|以下简称|简称|主要是)[^（）()]*[）)]")
#: An item marker opening a metric ((1), 1.), stripped from its name.
LEADING_MARKER = re.compile(r"^\s*(?:[（(][\d一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d))")


# --- shapes the functions test text against ---

#: A character of an amount or a comparator (a digit, 超, 过, 亿, 万).
AMOUNT_CHAR = re.compile(r"[\d超过亿万]")
#: A sentence introducing a list (如下：).
AS_FOLLOWS = re.compile(r"如下[：:]?\s*$")
#: A date that qualifies a noun (2025年前建成的…), not a deadline.
DEADLINE_QUALIFIER = re.compile(r"^(?:以前|之前|以后|之后|前|后)?[^，；。]{0,8}?的")
#: 各 before an amount, or 均达到: one amount for each item of the list.
EACH_BEFORE = re.compile(r"各$|均(?:达到|达|为|超过|保持在|稳定在|不低于|不少于|提高到|提升至)$")
#: A fall before a rate or a change in points (下降5%, 压减6%以上, 比重下降5个百分点): the value is negative.
FALL_BEFORE = re.compile(r"(?:下降|降低|减少|压减|削减|缩减)$")
#: What may stand between a verb and its amount (到, 为, 约, 超).
GAP_WORDS = re.compile(r"^(?:到|至|在|为|了)?\s*(?:约|近|超|逾|大约)?$")
#: A word naming a growth rate (增速, 增幅, 增长率).
GROWTH_RATE_WORD = re.compile(r"增速|增幅|增长率")
#: A word of growth: a percentage after it is a rate.
GROWTH_WORD = re.compile(r"增长|增速|增幅")
#: An item marker opening a label ((1) 一、 2.).
LABEL_MARKER = re.compile(r"\s*(?:[（(]?[\d一二三四五六七八九十]{1,3}[）)]?[.．、]?)?\s*")
#: A verb left at the start of a metric (达到, 新增, 累计).
LEADING_REACH = re.compile(r"^(?:达到|达|实现|新增|累计)")
#: What separates the items of a list (、和及与).
LIST_SEP = re.compile(r"[、和及与]")
#: The noun right after an amount.
#: A quoted word may open or sit inside it (100个“双师型”教师培养培训基地), a short bracket close it
#: (骨干专业（群）).
NOUN_AFTER = re.compile(r"^(?:“[^”，；。]{1,8}”|[\u4e00-\u9fa5A-Za-z]){1,24}(?:（[\u4e00-\u9fa5]{1,3}）)?")
#: The noun after an amount, closed by 的 (a qualifier).
NOUN_AFTER_DE = re.compile(r"^[\u4e00-\u9fa5A-Za-z]{1,20}的")
#: A word that makes a percentage a rate (增长, 年均, 递增; a cut: 煤炭消费总量压减6%).
RATE_WORD = re.compile(r"增长|增速|增幅|年均|递增|压减|削减")
#: A list of examples closed by 等 right before a count (实现A、B、C等58项事项异地办理): the noun after
#: the count names what is counted.
EXAMPLES_BEFORE = re.compile(r"[、和及与][^，；。、]{1,20}等\s*$")
#: A list closed by 等, its items maybe parted by commas (…公司，…公司等14家单位的…).
LIST_CLOSED_BY_DENG = re.compile(r"(?<![中平高同对均])等\s*$")
#: An amount and the 、 after it inside the words before a metric (…886万吨、炼铁产能): the metric
#: starts after it.
AMOUNT_LISTED = re.compile(r"\d[^\d，；。、\u4e00-\u9fa5]{0,3}[\u4e00-\u9fa5/]{0,4}?(?:以上|左右)?、")
#: A verb of reaching that ends a counted name.
REACH_VERB = re.compile(r"达到|达|实现|建成|完成")
#: A sentence opened by a recurrence (每年，…).
RECURRENCE_LEAD = re.compile(r"\s*(?:每年|每季度|每月)[，,]")
#: A rise to a level (提高到, 增长至): the amount is the level, not the rise.
RISE_TO = re.compile(r"(?:提高|提升|增长|增加|上升)(?:到|至)$")
#: Punctuation that ends a clause (，；。).
SENTENCE_PUNCT = re.compile(r"[，；。]")
#: A word of a total (共, 合计, 总计).
TOTAL_WORD = re.compile(r"共|合计|总计")
