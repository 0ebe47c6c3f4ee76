"""Whole documents against golden files written by reading them (tests/fixtures/golden/).

Thresholds are floors, not targets: the scores themselves are printed by
``python -m tests.golden_score -v`` and quoted in the issue notes.
"""
import pytest

from tests.golden_score import FIELDS, GOLDEN_DIR, score_document

GOLDEN = sorted(GOLDEN_DIR.glob("*.json"))


@pytest.fixture(scope="module", params=GOLDEN, ids=[p.stem for p in GOLDEN])
def score(request):
    return score_document(request.param)


def test_golden_targets_recall_and_precision(score):
    assert score.recall >= 0.85, score.misses
    assert score.precision >= 0.85, score.spurious


def test_golden_target_fields(score):
    for name in FIELDS:
        assert score.field_accuracy(name) >= 0.8, (name, score.field_errors)


def test_golden_numbers_that_are_not_targets(score):
    assert not score.not_target_violations


def test_golden_plan_metadata(score):
    assert not score.plan_errors


def test_golden_milestones_and_responsibilities(score):
    assert score.milestones_matched >= 0.75 * score.milestones_golden
    assert score.resp_matched >= 0.8 * score.resp_golden


def test_golden_metric_phrases_a_reader_accepts(score):
    """At least 9 in 10 metric phrases name what is measured (golden_score.metric_accepted)."""
    assert score.metric_accepted >= 0.9 * score.matched, score.metric_rejected


SEED = GOLDEN_DIR / "laoshan_services_2024-2026.json"


def test_golden_the_seed_is_right_end_to_end():
    """The document this project was started for: every numeric target found with its deadline,
    owners and unit, no number from a name, every clause with the roles the text gives (none, so
    every unit is responsible), both milestones."""
    sc = score_document(SEED)
    assert sc.precision == 1.0, sc.spurious
    assert sc.recall >= 0.97, sc.misses  # two 实现从…转变到… goals are left
    for name in ("unit", "comparator", "deadline", "recurrence", "responsible_units"):
        assert sc.field_accuracy(name) == 1.0, (name, sc.field_errors)
    assert sc.resp_matched == sc.resp_golden
    assert sc.milestones_matched == sc.milestones_golden == sc.milestones_extracted
    assert not sc.plan_errors and not sc.not_target_violations
