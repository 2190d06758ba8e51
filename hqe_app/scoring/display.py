"""How points, shares and thresholds read in the basis texts and the forms: one wording everywhere."""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache


@lru_cache(maxsize=1024)
def fmt_points(value: float) -> str:
	"""Points as shown to people: integers bare, halves with one decimal."""
	return f"{value:g}" if float(value).is_integer() else f"{value:.1f}"


def fmt_share(num: int, den: int) -> str:
	"""A share as a percentage with one decimal, truncated so it never reads as reaching a tier it misses."""
	tenths = (num * 1000) // den
	return f"{tenths // 10}.{tenths % 10}%"


@lru_cache(maxsize=256)
def fmt_threshold(threshold: Fraction, as_percent: bool) -> str:
	if as_percent:
		return f"{fmt_points(float(threshold * 100))}%"
	return f"1:{fmt_points(float(threshold))}"
