"""The county's recommendation quota (SPEC §6) and the ranking that fills it."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from typing import Literal, TypeVar

Rounding = Literal["floor", "round", "ceil"]
ROUNDINGS: tuple[Rounding, ...] = ("floor", "round", "ceil")
DEFAULT_RATE = Fraction(10, 100)
T = TypeVar("T")


def as_fraction(rate: Fraction | float | int | str) -> Fraction:
	"""Exact value of a rate given as a fraction, a decimal or a string (0.1 stays exactly 1/10)."""
	return rate if isinstance(rate, Fraction) else Fraction(str(rate))


def recommendation_quota(
	certified: int, rate: Fraction | float | str = DEFAULT_RATE, rounding: Rounding = "floor"
) -> int:
	"""How many a county may recommend: rate × certified, rounded as set (floor by default)."""
	if certified < 0:
		raise ValueError("certified count cannot be negative")
	exact = as_fraction(rate) * certified
	if rounding == "floor":
		return math.floor(exact)
	if rounding == "ceil":
		return math.ceil(exact)
	if rounding == "round":
		return math.floor(exact + Fraction(1, 2))
	raise ValueError(f"unknown rounding {rounding!r}; use one of {', '.join(ROUNDINGS)}")


def rank(items: Iterable[T], key: Callable[[T], tuple]) -> list[T]:
	"""Best first. `key` gives (total, base, name); ties on points fall back to the name."""
	return sorted(items, key=lambda item: _descending(key(item)))


def _descending(key: tuple) -> tuple:
	total, base, name = key
	return (-total, -base, name)


def fill_quota(ranked: Sequence[T], quota: int) -> list[T]:
	"""The best `quota` of an already ranked list of eligible items."""
	return list(ranked[: max(quota, 0)])
