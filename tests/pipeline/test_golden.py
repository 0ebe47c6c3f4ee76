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
