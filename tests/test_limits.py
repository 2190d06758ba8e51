"""The notice's hard limits (SPEC §6) and the exact one-third coverage target (SPEC §1)."""

from fractions import Fraction

import pytest

from hqe_app.programme.limits import (
	COVERAGE_TARGET,
	breaches,
	still_to_certify,
	target_fraction,
	target_reached,
)
from hqe_app.scoring import get_scheme

SCHEME = get_scheme()


def test_the_notices_values_and_stricter_ones_pass() -> None:
	assert breaches(60, 10, "floor", SCHEME) == []
	assert breaches(75.5, 5, "floor", SCHEME) == []
	assert breaches(60, 0, "floor", SCHEME) == []


@pytest.mark.parametrize(
	("pass_mark", "rate", "rounding", "fields"),
	[
		(59.9, 10, "floor", ["pass_mark"]),
		(50, 10, "floor", ["pass_mark"]),
		(60, 10.01, "floor", ["quota_rate"]),
		(60, 100, "floor", ["quota_rate"]),
		(60, 10, "ceil", ["quota_rounding"]),
		(60, 10, "round", ["quota_rounding"]),
		(50, 100, "ceil", ["pass_mark", "quota_rate", "quota_rounding"]),
	],
)
def test_laxer_values_are_breaches_naming_the_notice(pass_mark, rate, rounding, fields) -> None:
	found = breaches(pass_mark, rate, rounding, SCHEME)
	assert [b.field for b in found] == fields
	texts = {b.field: b.notice_text for b in found}
	if "pass_mark" in texts:
		assert "不应低于60分" in texts["pass_mark"]
	for field in ("quota_rate", "quota_rounding"):
		if field in texts:
			assert "不超过" in texts[field] and "10%" in texts[field]


def test_the_limits_are_the_schemes() -> None:
	assert SCHEME.pass_mark == 60
	assert SCHEME.limits.max_quota_rate == Fraction(1, 10)
	assert SCHEME.limits.rounding == "floor"


def test_coverage_target_is_exactly_one_third() -> None:
	assert target_fraction(33.33) == COVERAGE_TARGET == Fraction(1, 3)
	assert target_fraction(None) == Fraction(1, 3)
	assert target_fraction(40) == Fraction(2, 5)
	# 3,333 of 10,000 is 33.33 % but not one third; 3,334 is.
	assert not target_reached(3333, 10000)
	assert target_reached(3334, 10000)
	assert target_reached(1, 3) and not target_reached(0, 3) and not target_reached(0, 0)
	assert still_to_certify(3333, 10000) == 1
	assert still_to_certify(0, 10) == 4
	assert still_to_certify(5, 10) == 0
