"""Exact integer arithmetic the rules share, so no band edge depends on floating point."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from operator import itemgetter

from hqe_app.scoring.model import Values


def reaches(num: int, den: int, threshold: Fraction) -> bool:
	"""num/den >= threshold, exactly, in integers."""
	return num * threshold.denominator >= threshold.numerator * den


def ceil_div(a: int, b: int) -> int:
	return -(-a // b)


def values_getter(fields: tuple[str, ...]) -> Callable[[Values], tuple[object, ...]]:
	"""The values of `fields` as a tuple, in one C call (itemgetter gives a bare value for one field)."""
	if len(fields) == 1:
		(field,) = fields
		return lambda v: (v[field],)
	return itemgetter(*fields) if fields else lambda v: ()
