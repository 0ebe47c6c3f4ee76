"""Milestones: dated deliverables without a number."""
import pytest

from pipeline import process_bytes


@pytest.mark.parametrize("text, milestones", [
    # a one-year plan: 年底前 and 上半年 name no year, the plan's year is theirs
    ("青禾市2026年消费提振工作要点\n一、重点任务\n（一）完善政策。年底前，出台促进消费的若干措施。上半年，建成消费监测平台。\n",
     [("2026-12-31", "出台促进消费的若干措施"), ("2026-06-30", "建成消费监测平台")]),
    # the deliverable first, its deadline after it
    ("青禾市数字政府建设方案（2025—2027年）\n一、任务\n（一）健全制度。各区制定实施细则，于2025年12月31日前报送市政府办公室。\n",
     [("2025-12-31", "各区制定实施细则，报送市政府办公室")]),
])
def test_milestones_without_a_year_or_dated_after_the_deliverable(text, milestones):
    r = process_bytes(text.encode("utf-8"), "m.txt")
    assert [(m.deadline, m.description) for m in r.milestones] == milestones
