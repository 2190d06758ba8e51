"""The notice's hard limits (SPEC §6) and the coverage target (SPEC §1), in one place.

The limits belong to the scoring scheme (`Scheme.pass_mark`, `Scheme.limits`): a bureau may set its
pass mark higher, its quota rate lower, never the other way; the quota is always rounded down. A scheme
itself, written as data, may do the same to the notice's own table (`NOTICE_SCHEME`), never laxer:
`check_scheme_against_notice` is the check before a scheme is used. The coverage target "三分之一以上"
is exactly one third, compared in whole numbers.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction
from typing import NamedTuple

from hqe_app.i18n import Translator
from hqe_app.scoring.scheme import Scheme
from hqe_app.scoring.scheme_check import check_scheme
from hqe_app.scoring.scheme_io import Problem
from hqe_app.scoring.schemes import get_scheme

NOTICE = "台人社发〔2019〕52号"
#: The notice's own table (附件1) with its limits: pass mark 60, quota at most 10 %, rounded down.
NOTICE_SCHEME = get_scheme("taizhou-2019")
#: "力争到2022年全市三分之一以上的社区(村)建成高质量就业社区(村)".
COVERAGE_TARGET = Fraction(1, 3)
#: HQE Settings' Percent field shows one third to two decimals: that value means exactly one third.
COVERAGE_TARGET_PERCENT = 33.33


class Breach(NamedTuple):
	"""A setting laxer than the scheme allows: the setting, the scheme's bound, the notice's words."""

	field: str
	limit: object
	notice_text: str


def breaches(pass_mark: float, quota_rate_percent: float, rounding: str, scheme: Scheme) -> list[Breach]:
	"""Which of the settings break the scheme's limits (none for a scheme without limits)."""
	limits = scheme.limits
	if limits is None:
		return []
	found = []
	if Fraction(str(pass_mark or 0)) < Fraction(str(scheme.pass_mark)):
		found.append(Breach("pass_mark", scheme.pass_mark, limits.pass_mark_text))
	if Fraction(str(quota_rate_percent or 0)) / 100 > limits.max_quota_rate:
		found.append(Breach("quota_rate", limits.max_quota_rate * 100, limits.quota_text))
	if rounding != limits.rounding:
		found.append(Breach("quota_rounding", limits.rounding, limits.quota_text))
	return found


def check_scheme_against_notice(
	scheme: Scheme | Mapping[str, object], _: Translator | None = None
) -> list[Problem]:
	"""Every problem of a scheme (or of its data), its limits laxer than the notice's included: [] when
	it may be activated. Each problem names the indicator ("" for the whole scheme) and the parameter."""
	return check_scheme(scheme, _, notice=NOTICE_SCHEME)


def target_fraction(target_share_percent: float | None) -> Fraction:
	"""The coverage target as an exact fraction: the default 33.33 % is one third, anything else as set."""
	if target_share_percent in (None, "") or float(target_share_percent) == COVERAGE_TARGET_PERCENT:
		return COVERAGE_TARGET
	return Fraction(str(target_share_percent)) / 100


def target_reached(certified: int, communities: int, target: Fraction = COVERAGE_TARGET) -> bool:
	"""certified / communities ≥ target, in whole numbers (no rounding of one third)."""
	return communities > 0 and certified * target.denominator >= communities * target.numerator


def still_to_certify(certified: int, communities: int, target: Fraction = COVERAGE_TARGET) -> int:
	"""How many more certified communities reach the target."""
	return max(0, math.ceil(target * communities) - certified)
