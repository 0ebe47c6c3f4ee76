"""Ten fictional district plans of one fictional city (澄州市) and the city plan they implement.

Generated, never read from a real document: the districts' plans share their title, their
preamble and their parent, as a city's districts' plans do; each names its own 区商务局 etc.
Numbers differ per district so every target is its own.
"""
from __future__ import annotations

DISTRICTS = ("东港区", "西岭区", "南湖区", "北塘区", "青石区", "白沙区", "云溪区", "枫桥区", "临川区", "金湾区")
CITY = "澄州市"
CITY_TITLE = "澄州市现代服务业发展行动方案（2024—2026年）"
CITY_NUMBER = "澄政办发〔2024〕5号"
DISTRICT_TITLE = "关于加快发展现代服务业的实施方案"


def city_plan() -> str:
    return (
        f"{CITY}人民政府办公厅关于印发《{CITY_TITLE}》的通知\n{CITY_NUMBER}\n\n"
        "各区人民政府，市政府各部门：\n"
        f"现将《{CITY_TITLE}》印发给你们，请认真贯彻执行。\n\n{CITY}人民政府办公厅\n2024年1月10日\n\n"
        f"{CITY_TITLE}\n\n"
        "为推动全市服务业高质量发展，制定本方案。\n"
        "一、主要目标\n"
        "到2026年，全市服务业增加值达到2400亿元。（责任单位：市发展和改革委员会）\n"
        "二、重点任务\n"
        "（一）发展商贸服务。新增限额以上商贸企业300家。（牵头单位：市商务局；配合单位：市财政局）\n"
        "（二）壮大物流产业。建成冷库库容50万吨。（市商务局牵头，市交通运输局配合）\n"
    )


def district_plan(i: int) -> str:
    """The plan of DISTRICTS[i]: the shared title and preamble, the district's own numbers."""
    d = DISTRICTS[i]
    return (
        f"{CITY}{d}人民政府办公室关于印发《{DISTRICT_TITLE}》的通知\n"
        f"{d[0]}政办发〔2024〕{10 + i}号\n\n"
        "各街道办事处，区政府各部门：\n"
        f"现将《{DISTRICT_TITLE}》印发给你们，请认真贯彻执行。\n\n"
        f"{CITY}{d}人民政府办公室\n2024年3月{i + 1}日\n\n"
        f"{DISTRICT_TITLE}\n\n"
        f"为深入贯彻落实《{CITY_TITLE}》（{CITY_NUMBER}）精神，加快全区服务业高质量发展，"
        "结合我区实际，制定本方案。\n"
        "一、主要目标\n"
        f"到2026年，全区服务业增加值达到{100 + 10 * i}亿元。（责任单位：区发展和改革局）\n"
        "二、重点任务\n"
        f"（一）发展商贸服务。新增限额以上商贸企业{20 + i}家。（牵头单位：区商务局；配合单位：区财政局、市商务局）\n"
        f"（二）壮大物流产业。建成冷库库容{2 + i}万吨。（区商务局牵头，各街道办事处配合）\n"
        "2024年6月底前，出台冷链物流发展扶持办法。（责任单位：区商务局）\n"
    )
