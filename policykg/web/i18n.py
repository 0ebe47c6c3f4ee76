"""Interface words: Chinese first, English second (``?lang=en`` or the language cookie)."""
from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "app": ("政策规划工作台", "Policy plan workbench"),
    "plans": ("规划", "Plans"), "bureaus": ("部门", "Bureaus"), "targets": ("目标指标", "Targets"),
    "search": ("全文检索", "Search"), "compare": ("对比", "Compare"), "console": ("Cypher 控制台", "Cypher console"),
    "title": ("标题", "Title"), "region": ("地区", "Region"), "level": ("层级", "Level"),
    "period": ("期限", "Period"), "actions": ("任务", "Actions"), "milestones": ("时间节点", "Milestones"),
    "doc_number": ("文号", "Document number"), "issuer": ("发文机关", "Issuer"),
    "not_in_corpus": ("（未收录）", "(not in the corpus)"), "outline": ("提纲", "Outline"),
    "matrix": ("责任矩阵", "Responsibility matrix"), "implements": ("落实的上级规划", "Implements"),
    "implemented_by": ("落实本规划的下级规划", "Implemented by"), "metric": ("指标", "Metric"),
    "value": ("数值", "Value"), "deadline": ("期限", "Deadline"), "kind": ("类型", "Kind"),
    "owners": ("责任单位", "Owners"), "evidence": ("原文", "Evidence"), "name": ("名称", "Name"),
    "aliases": ("简称", "Aliases"), "work": ("承担任务数", "Responsibilities"), "role": ("角色", "Role"),
    "lead": ("牵头", "lead"), "support": ("配合", "support"), "responsible": ("负责", "responsible"),
    "counterparts_up": ("上级对口部门", "Counterparts one level up"),
    "counterparts_down": ("下级对口部门", "Counterparts one level down"),
    "find": ("查询", "Find"), "all": ("全部", "all"), "from": ("起", "from"), "to": ("止", "to"),
    "download": ("下载", "Download"), "rows": ("行", "rows"), "sort": ("排序", "Sort"),
    "desc": ("倒序", "descending"), "query": ("检索词", "Query"), "results": ("结果", "Results"),
    "simplified": ("简体文本", "Simplified text"), "original": ("原文（繁体）", "Original (traditional) text"),
    "no_text": ("未找到源文件：启动时用 policykg serve 文件夹 指定文档所在位置。",
                "Source file not found: name the documents' folder with policykg serve FOLDER."),
    "sentence": ("所在句", "Sentence"), "plan": ("规划", "Plan"), "parent": ("上级规划", "Parent plan"),
    "child": ("本规划", "This plan"), "score": ("相似度", "Score"), "gaps": ("上级目标未对应", "Parent targets unmatched"),
    "rollup": ("市对区汇总", "City against its districts"), "vs_parent": ("对比上级规划", "Against its parent"),
    "named": ("预设查询", "Named queries"), "free": ("自由 Cypher（只读）", "Free Cypher (read-only)"),
    "run": ("运行", "Run"), "table": ("表格", "Table"), "graph": ("图", "Graph"), "more": ("显示更多", "Show more"),
    "refused": ("写操作被拒绝：工作台只读。", "Writes are refused: the workbench is read-only."),
    "error": ("错误", "Error"), "none": ("无", "none"), "type": ("类别", "Type"), "text": ("内容", "Text"),
    "token_needed": ("需要访问令牌。", "An access token is needed."), "section": ("章节", "Section"),
}


def translate(key: str, lang: str) -> str:
    zh, en = WORDS.get(key, (key, key))
    return en if lang == "en" else zh
