"""Milestones: deliverables and the verbs that deliver them (see pipeline/milestones.py)."""
from __future__ import annotations

import re

# --- milestones ---

#: Verbs that deliver a milestone (出台, 建成, 上线 …).
DELIVERABLE = re.compile(
    r"出台|制定|制订|印发|发布|完成|启动|编制|上线|投用|投入使用|开工|竣工|挂牌|设立|组建|召开|建立|"
    r"推出|落地|运营|开业|开放|建成|实现|形成|举办|开通|交付|验收|部署|修订|健全|完善|出具|公布|成立|开展|评估"
)
# What is done by a deadline stated after its deliverable: 于…前报送/提交/上报.
SUBMIT = re.compile(r"^(?:报送|报|提交|上报|报告|报备|备案|印发|出台|完成|送)")
#: An amount in a deliverable (then it is a target, not a milestone).
NUMBERED = re.compile(r"\d|[一二三四五六七八九十百千万]+[家个项件条处座场次名所套]")


# --- shapes the functions test text against ---

#: What joins a deliverable to its deadline (，并于 / 须在), dropped from the deliverable.
DEADLINE_LEAD_OUT = re.compile(r"[，,]?\s*(?:并|均|须|要|应)?\s*(?:于|在)?$")
