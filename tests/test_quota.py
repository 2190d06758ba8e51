"""The county recommendation quota of SPEC §6."""

from __future__ import annotations

from fractions import Fraction

import pytest

from hqe_app.scoring import fill_quota, rank, recommendation_quota


@pytest.mark.parametrize(
	("certified", "expected"),
	[(0, 0), (9, 0), (10, 1), (19, 1), (20, 2), (23, 2), (29, 2), (30, 3), (105, 10)],
)
def test_ten_percent_rounded_down(certified: int, expected: int) -> None:
	assert recommendation_quota(certified) == expected


@pytest.mark.parametrize(
	("certified", "rounding", "expected"),
	[(15, "round", 2), (14, "round", 1), (11, "ceil", 2), (10, "ceil", 1), (19, "floor", 1)],
)
def test_rounding_is_a_setting(certified: int, rounding: str, expected: int) -> None:
	assert recommendation_quota(certified, rounding=rounding) == expected


@pytest.mark.parametrize("rate", [0.1, "0.1", Fraction(1, 10), "10/100"])
def test_rate_is_exact_whatever_its_form(rate: object) -> None:
	# 0.7 * 10 is 7.000000000000001 in binary floating point; ceil must still give 7.
	assert recommendation_quota(70, rate, "ceil") == 7
	assert recommendation_quota(23, rate) == 2


def test_other_rate() -> None:
	assert recommendation_quota(23, 0.2) == 4


def test_bad_arguments() -> None:
	with pytest.raises(ValueError):
		recommendation_quota(-1)
	with pytest.raises(ValueError):
		recommendation_quota(10, rounding="banker")


def test_rank_best_first_then_base_then_name_and_fill() -> None:
	rows = [("乙村", 70, 65), ("甲村", 70, 65), ("丙村", 70, 68), ("丁村", 90, 80), ("戊村", 61, 61)]
	ranked = rank(rows, key=lambda r: (r[1], r[2], r[0]))
	# equal total and base: by name (code point order), so the ranking is stable across runs
	assert [r[0] for r in ranked] == ["丁村", "丙村", "乙村", "甲村", "戊村"]
	assert fill_quota(ranked, 2) == ranked[:2]
	assert fill_quota(ranked, 0) == []
