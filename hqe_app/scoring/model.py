"""The vocabulary a scoring scheme is written in.

A scheme is plain data: the fields an application carries, the checks that refuse impossible data,
and one rule object per indicator. This module holds the scheme and its fields; the rules are in
`rules` and `checklist`, the data flags in `flags`, the wording of numbers in `display`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
	from hqe_app.scoring.flags import Flag
	from hqe_app.scoring.gap import LeverPlan
	from hqe_app.scoring.rules import Rule

FieldKind = Literal["count", "check", "select", "points"]
Values = Mapping[str, object]


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
		self.code, self.name, self.max_points, self.points, self._basis = (
			code,
			name,
			max_points,
			points,
			basis,
		)

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


@dataclass(frozen=True)
class Scheme:
	code: str
	title: str
	pass_mark: float
	base_max: float
	bonus_max: float
	fields: tuple[FieldSpec, ...]
	indicators: tuple[Rule, ...]
	bonus_codes: frozenset[str]
	parts: tuple[PartOf, ...] = ()
	positive: tuple[str, ...] = ()
	not_all_zero: tuple[tuple[str, ...], ...] = ()
	flags: tuple[Flag, ...] = ()
	sections: tuple[tuple[str, str], ...] = ()
	levers: tuple[str, ...] = ()
	limits: Limits | None = None

	@cached_property
	def field_map(self) -> dict[str, FieldSpec]:
		return {f.name: f for f in self.fields}

	@cached_property
	def field_plan(self) -> tuple[tuple[str, type | None, FieldSpec], ...]:
		"""(name, the type a ready value has: int for counts, bool for checks, spec) per field."""
		ready = {"count": int, "check": bool}
		return tuple((f.name, ready.get(f.kind), f) for f in self.fields)

	@cached_property
	def is_bonus(self) -> tuple[bool, ...]:
		return tuple(rule.code in self.bonus_codes for rule in self.indicators)

	@cached_property
	def lever_space(self) -> LeverSpace:
		ceilings: dict[str, list[str]] = {}
		for rule in self.parts:
			ceilings.setdefault(rule.part, []).append(rule.whole)
		return LeverSpace(
			frozenset(self.levers),
			{field: tuple(wholes) for field, wholes in ceilings.items()},
			{f.name: f.options for f in self.fields if f.kind == "select"},
		)

	@cached_property
	def lever_plan(self) -> LeverPlan:
		"""How `gap.to_pass` visits this scheme's levers, worked out once."""
		from hqe_app.scoring.gap import plan

		return plan(self)
