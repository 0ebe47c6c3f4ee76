"""Milestones: deliverables and the verbs that deliver them (see pipeline/milestones.py)."""
from __future__ import annotations

import re

# --- milestones ---

#: Verbs that deliver a milestone (出台, 建成, 上线 …).
DELIVERABLE = re.compile(
    r"出台|制定|制订|印发|发布|完成|启动|编制|上线|投用|投入使用|开工|竣工|挂牌|设立|组建|召开|建立|"
    r"推出|落地|运营|开业|开放|建成|实现|形成|举办|开通|交付|验收|部署|修订|健全|完善|出具|公布|成立|开展|评估|"
    r"填写|填报|提出|推行|下放|淘汰|构建|划定"
)
# What is done by a deadline stated after its deliverable: 于…前报送/提交/上报.
#: A manner may come first (以传真或电子邮件的形式报送, 经负责同志审阅后，以WORD格式发至).
SUBMIT = re.compile(
    r"^(?:经[^，。；]{1,24}?后\s*[，,]?\s*)?(?:以[^，。；]{1,20}?(?:形式|方式|格式)\s*)?(?:报送|报|提交|上报|报告|报备|备案|印发|出台|完成|送|发至|发送至|传真至)"
)
#: A recurring duty (每月25日前报送, 定期通报): no milestone, whatever its date.
RECURRING = re.compile(r"每(?:年|月|季度?|周|半年|旬)|定期|常态化")
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
