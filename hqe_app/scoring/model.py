"""The vocabulary a scoring scheme is written in.

A scheme is plain data: the fields an application carries, the checks that refuse impossible data,
and one rule object per indicator. This module holds the words every part shares (fields, results,
options, levers); the scheme itself is in `scheme`, the rules in `rules` and `checklist`, the data
flags in `flags`, the wording of numbers in `display`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal, NamedTuple, TypeVar

FieldKind = Literal["count", "check", "select", "points"]
Values = Mapping[str, object]
T = TypeVar("T")


class Option(NamedTuple):
	"""One way to gain points (SPEC §12): `field` from `from_` to `to`, the total rising by `gain`.

	A rule's lever finder gives the rise of its own points as `gain`; `gap.to_pass` caps the bonus's.
	"""

	field: str
	indicator: str
	from_: object
	to: object
	gain: float

	def as_dict(self) -> dict[str, object]:
		return {
			"field": self.field,
			"indicator": self.indicator,
			"from": self.from_,
			"to": self.to,
			"gain": self.gain,
		}


# What a rule gives `gap.to_pass` for one scheme's levers: (validated values, the rule's points) →
# the options it offers, built once with the scheme's constants bound, as it runs for every application.
Finder = Callable[[Values, float], Sequence[Option]]


@dataclass(frozen=True)
class FieldSpec:
	"""One input of an application. `label` is English; the zh wording comes from locale/zh.po."""

	name: str
	label: str
	kind: FieldKind
	section: str
	options: tuple[str, ...] = ()
	minimum: float | None = None
	maximum: float | None = None


class IndicatorResult:
	"""One indicator's outcome: points (always a float) and the basis text in Chinese.

	The basis is built the first time it is read: ranking a province's applications needs only the
	points, and formatting thirteen sentences per application would be most of the engine's time.
	"""

	__slots__ = ("_basis", "code", "max_points", "name", "points")

	def __init__(
		self, code: str, name: str, max_points: float, points: float, basis: str | Callable[[], str]
	) -> None:
		self.code = code
		self.name = name
		self.max_points = max_points
		self.points = points
		self._basis = basis

	@property
	def basis(self) -> str:
		if not isinstance(self._basis, str):
			self._basis = self._basis()
		return self._basis

	def as_tuple(self) -> tuple[str, str, float, float, str]:
		return (self.code, self.name, self.max_points, self.points, self.basis)

	def __eq__(self, other: object) -> bool:
		return isinstance(other, IndicatorResult) and self.as_tuple() == other.as_tuple()

	__hash__ = None  # compared by value; the basis is cached inside

	def __repr__(self) -> str:
		return f"IndicatorResult{self.as_tuple()!r}"


class Outcomes(dict[Hashable, T]):
	"""A rule's results kept by what decides them, so that applications alike share one.

	Many applications tick the same items of a checklist, count as many households, report as many
	media stories: their result (an IndicatorResult, basis text included, or the options to pass) is
	made once. A result is never changed once made (an IndicatorResult's basis is built from the same
	inputs whoever reads it first), so sharing it is safe. A dict, so that looking up costs one C call;
	bounded: all forgotten at once when full.
	"""

	__slots__ = ()
	LIMIT = 4096

	def keep(self, key: Hashable, result: T) -> T:
		if len(self) >= self.LIMIT:
			self.clear()
		self[key] = result
		return result


def kept(finder: Finder, decided_by: Callable[[Values], Hashable]) -> Finder:
	"""`finder` with its options kept by `decided_by(values)` and the points: for a rule whose options
	depend on those alone."""
	outcomes: Outcomes[tuple[Option, ...]] = Outcomes()

	def raises(v: Values, points: float) -> tuple[Option, ...]:
		key = (decided_by(v), points)
		found = outcomes.get(key)
		return found if found is not None else outcomes.keep(key, tuple(finder(v, points)))

	return raises


class LeverSpace:
	"""What a scheme lets a community change, and how far: built once per scheme by `Scheme.levers`.

	`names`: the lever fields; `ceilings`: per field the wholes it may not exceed (the scheme's
	`PartOf` checks), so a raise keeps the data valid; `options`: per select its options in order.
	"""

	__slots__ = ("ceilings", "names", "options")

	def __init__(
		self, names: frozenset[str], ceilings: dict[str, tuple[str, ...]], options: dict[str, tuple[str, ...]]
	) -> None:
		self.names, self.ceilings, self.options = names, ceilings, options

	def ceiling(self, v: Values, field: str) -> int | None:
		wholes = self.ceilings.get(field)
		if not wholes:
			return None
		cap = v[wholes[0]]
		for whole in wholes[1:]:
			cap = min(cap, v[whole])
		return cap

	def above(self, field: str, value: object) -> tuple[str, ...]:
		"""The options after `value`, nearest first."""
		options = self.options.get(field, ())
		return options[options.index(value) + 1 :] if value in options else ()


@dataclass(frozen=True)
class PartOf:
	"""`part` may not exceed `whole`."""

	part: str
	whole: str


@dataclass(frozen=True)
class Limits:
	"""The notice's numbers a bureau may make stricter, never laxer (SPEC §6); the minimum pass mark is
	the scheme's own `pass_mark`."""

	max_quota_rate: Fraction  # of the county's certified count
	rounding: str  # the quota's only rounding: "不超过" rounds down
	pass_mark_text: str  # the notice's words, quoted when a laxer setting is refused
	quota_text: str


class LeverPlan(NamedTuple):
	"""How `to_pass` visits one scheme's levers, built once by `plan` (cached as `Scheme.lever_plan`).

	The yes/no items and selects of base checklists without a gate add what they add whatever the
	other values: their rows are made here, and `to_pass` only picks those whose field is no (or
	holds the option the row starts from). Every other indicator is asked (`calls`).
	"""

	check_values: Callable[[Values], tuple[object, ...]]
	check_rows: tuple[Option, ...]
	selects: tuple[tuple[str, dict[str, Option]], ...]
	calls: tuple[tuple[int, bool, Finder], ...]
	bonus: tuple[int, ...]
