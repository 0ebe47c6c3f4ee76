"""Fictional plans for the roll-up tests: a province (云岭省), its city (澜州市) and four districts.

Generated, never read from a real document. The city sets counts and amounts (summed), a growth
rate, a share and a per-capita figure (never summed) and a qualitative goal; each district takes
up some of them with its own numbers; 芦滨区 leaves out the cold-storage goal.
"""
from __future__ import annotations

PROVINCE, CITY = "云岭省", "澜州市"
PROVINCE_TITLE = "云岭省现代服务业发展行动方案（2024—2026年）"
PROVINCE_NUMBER = "云政办发〔2023〕9号"
CITY_TITLE = "澜州市现代服务业发展行动方案（2024—2026年）"
CITY_NUMBER = "澜政办发〔2024〕5号"
DISTRICT_TITLE = "关于加快发展现代服务业的实施方案"
# district → (增加值 亿元, 新增企业 家, 冷库 万吨 or None, 增速 %, 占比 %, 人均 万元)
DISTRICTS = {
    "凤鸣区": (300, 40, 10, 8.0, 62, 12),
    "石湾区": (250, 35, 12, 7.5, 58, 11),
    "柳岸区": (200, 30, 8, 7.0, 66, 13),
    "芦滨区": (150, 25, None, 9.0, 55, 10),
}
CITY_FIGURES = (1000, 120, 40, 6.5, 60, 11)


def _body(scope: str, owner: str, figures: tuple, number_of_firms: str = "新增") -> str:
    value, firms, cold, growth, share, per_head = figures
    lines = [
        "一、主要目标",
        f"到2026年，{scope}服务业增加值达到{value}亿元，年均增长{growth}%以上，"
        f"服务业增加值占地区生产总值比重达到{share}%。（责任单位：{owner}发展和改革委员会）",
        f"到2026年，{scope}人均服务业增加值达到{per_head}万元。（责任单位：{owner}统计局）",
        "二、重点任务",
        f"（一）发展商贸服务。到2026年，{number_of_firms}限额以上商贸企业{firms}家。（牵头单位：{owner}商务局）",
    ]
    if cold is not None:
        lines.append(f"（二）壮大物流产业。到2026年，建成冷库库容{cold}万吨。（{owner}商务局牵头）")
    lines.append(f"（三）优化营商环境。到2026年，基本形成便捷高效的服务业营商环境。（责任单位：{owner}政务服务管理局）")
    return "\n".join(lines) + "\n"


def province_plan() -> str:
    return (f"{PROVINCE}人民政府办公厅关于印发《{PROVINCE_TITLE}》的通知\n{PROVINCE_NUMBER}\n\n"
            f"{PROVINCE_TITLE}\n\n为推动全省服务业高质量发展，制定本方案。\n"
            + _body("全省", "省", (5000, 600, 150, 6.0, 58, 10))
            + "三、保障措施\n（一）加强组织领导。建立全省服务业发展工作协调机制。\n")  # no owner named


def city_plan(cites_province: bool = False) -> str:
    cite = f"为贯彻落实《{PROVINCE_TITLE}》（{PROVINCE_NUMBER}），" if cites_province else "为"
    return (f"{CITY}人民政府办公厅关于印发《{CITY_TITLE}》的通知\n{CITY_NUMBER}\n\n"
            f"{CITY_TITLE}\n\n{cite}推动全市服务业高质量发展，制定本方案。\n"
            + _body("全市", "市", CITY_FIGURES))


MILESTONE = "2024年6月底前，出台冷链物流发展扶持办法。（责任单位：区商务局）\n"


def district_plan(district: str) -> str:
    """A district's plan: its own figures, and one dated milestone (2024-06-30)."""
    i = list(DISTRICTS).index(district)
    return (f"{CITY}{district}人民政府办公室关于印发《{DISTRICT_TITLE}》的通知\n"
            f"{district[0]}政办发〔2024〕{10 + i}号\n\n{DISTRICT_TITLE}\n\n"
            f"为深入贯彻落实《{CITY_TITLE}》（{CITY_NUMBER}）精神，结合我区实际，制定本方案。\n"
            + _body("全区", "区", DISTRICTS[district]) + MILESTONE)
