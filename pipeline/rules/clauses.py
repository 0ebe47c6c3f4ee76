"""Responsibility clauses: a document's own rules about its lead units, and the notes a clause carries."""
from __future__ import annotations

import re

#: A document's own rule that the first-listed unit of each clause leads (列第一位者为牵头单位,
#: 排在第一位的为牵头单位, 第一个单位为牵头单位, 首位为牵头单位), usually a note under a task list.
FIRST_LISTED_LEADS_RULE = re.compile(
    r"(?:列|排|排在|排名|列在|位列)?(?:第一|首)(?:位|个|家)?(?:的|者)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)"
)
#: Notes a clause may carry besides its units: the rule above, 下同 ("the same below").
CLAUSE_NOTE = re.compile(rf"[，,；;]\s*(?:(?:{FIRST_LISTED_LEADS_RULE.pattern})|下同)|[。；;]\s*以下[^（）()]*$")
