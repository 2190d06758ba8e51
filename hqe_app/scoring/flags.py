"""Data flags (SPEC §12): odd but valid data, raised for the reviewer and never refused."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property, lru_cache
from typing import NamedTuple

from hqe_app.scoring.model import Values


class DataFlag(NamedTuple):
	"""Odd but valid data, for the reviewer (SPEC §12): a code, the field it is about, a message."""

	code: str
	field: str
	message: str

	def as_dict(self) -> dict[str, str]:
		return {"code": self.code, "field": self.field, "message": self.message}


@dataclass(frozen=True)
class Exceeds:
	"""Flag (not refuse) a count larger than another it is usually part of."""

	code: str
	field: str
	other: str
	message: str

	def raised(self, v: Values) -> str | None:
		"""The field flagged, or None."""
		return self.field if v[self.field] > v[self.other] else None


@dataclass(frozen=True)
class WithoutBasis:
	"""Flag a positive count whose basis is zero or no (e.g. jobs created with no new entities)."""

	code: str
	field: str
	basis: str
	message: str

	def raised(self, v: Values) -> str | None:
		return self.field if v[self.field] > 0 and not v[self.basis] else None


@dataclass(frozen=True)
class TickedWithout:
	"""Flag a detail ticked yes while the item it details is no; the first such detail is named."""

	code: str
	fields: tuple[str, ...]
	basis: str
	message: str

	def raised(self, v: Values) -> str | None:
		if v[self.basis]:
			return None
		for field in self.fields:
			if v[field]:
				return field
		return None


@dataclass(frozen=True)
class OffStep:
	"""Flag a value that is not a multiple of its step."""

	code: str
	field: str
	step: Fraction
	message: str

	@cached_property
	def _step(self) -> tuple[int, int]:
		"""The step as integers: hashing a Fraction, for the cache, runs Python code."""
		return self.step.numerator, self.step.denominator

	def raised(self, v: Values) -> str | None:
		return self.field if _off_step(v[self.field], *self._step) else None


@lru_cache(maxsize=1024)
def _off_step(value: object, num: int, den: int) -> bool:
	return (Fraction(str(value)) / Fraction(num, den)).denominator != 1


Flag = Exceeds | WithoutBasis | TickedWithout | OffStep
