"""The vocabulary a scoring scheme is written in.

A scheme is plain data: the fields an application carries, the checks that refuse impossible data,
and one rule object per indicator. Each rule knows how to turn validated values into points and a
short Chinese basis text. A new scheme (another year or city) is a new module of data built from
these pieces; nothing else in the app changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property, lru_cache
from typing import Literal

FieldKind = Literal["count", "check", "select", "points"]
Values = Mapping[str, object]


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


def _reaches(num: int, den: int, threshold: Fraction) -> bool:
	"""num/den >= threshold, exactly, in integers."""
	return num * threshold.denominator >= threshold.numerator * den


@dataclass(frozen=True)
class RatioTiers:
	"""Points for the highest tier a ratio reaches. Tiers are (threshold, points), highest first."""

	code: str
	name: str
	max_points: float
	term: str
	numerator: str
	denominator: tuple[str, ...]
	tiers: tuple[tuple[Fraction, float], ...]
	as_percent: bool = True
	zero_denominator_points: float = 0
	zero_denominator_basis: str = ""

	@cached_property
	def _steps(self) -> tuple[tuple[int, int, float, str], ...]:
		"""Each tier as integers for an exact comparison, with its basis text precomputed."""
		return tuple(
			(
				t.numerator,
				t.denominator,
				float(points),
				f"，达{fmt_threshold(t, self.as_percent)}，得{fmt_points(points)}分",
			)
			for t, points in self.tiers
		)

	@cached_property
	def _missed(self) -> str:
		return f"，未达{fmt_threshold(self.tiers[-1][0], self.as_percent)}，得0分"

	def evaluate(self, v: Values) -> IndicatorResult:
		num = v[self.numerator]
		den = 0
		for name in self.denominator:
			den += v[name]
		if den == 0:
			return IndicatorResult(
				self.code,
				self.name,
				self.max_points,
				float(self.zero_denominator_points),
				self.zero_denominator_basis,
			)
		for t_num, t_den, points, reached in self._steps:
			if num * t_den >= t_num * den:  # num/den >= threshold, exactly
				return IndicatorResult(
					self.code, self.name, self.max_points, points, lambda: self._show(num, den) + reached
				)
		return IndicatorResult(
			self.code, self.name, self.max_points, 0.0, lambda: self._show(num, den) + self._missed
		)

	def _show(self, num: int, den: int) -> str:
		if self.as_percent:
			return f"{self.term} {fmt_share(num, den)}（{num}/{den}）"
		tenths = num * 10 // den
		return f"{self.term} 1:{tenths // 10}.{tenths % 10}（{den}:{num}）"


@dataclass(frozen=True)
class Shortfall:
	"""Full points less a deduction per household that misses the goal, never below zero."""

	code: str
	name: str
	max_points: float
	total: str
	achieved: str
	per_miss: float = 1

	def evaluate(self, v: Values) -> IndicatorResult:
		total, achieved = int(v[self.total]), int(v[self.achieved])
		if total == 0:
			return IndicatorResult(
				self.code,
				self.name,
				self.max_points,
				float(self.max_points),
				f"无低收入家庭，得{fmt_points(self.max_points)}分",
			)
		missing = total - achieved
		points = max(0.0, self.max_points - missing * self.per_miss)

		def basis() -> str:
			deducted = fmt_points(min(self.max_points, missing * self.per_miss))
			return (
				f"低收入家庭{total}户，{achieved}户实现至少1人就业，{missing}户未就业，"
				f"扣{deducted}分，得{fmt_points(points)}分"
			)

		return IndicatorResult(self.code, self.name, self.max_points, points, basis)


@dataclass(frozen=True)
class CheckItem:
	"""A yes/no item worth `points` when ticked."""

	field: str
	points: float
	text: str

	@cached_property
	def _met(self) -> tuple[float, str]:
		return float(self.points), f"{self.text}{fmt_points(self.points)}分"

	def points_for(self, v: Values) -> tuple[float, str] | None:
		"""(points, basis text) when met, else None."""
		return self._met if v[self.field] else None


@dataclass(frozen=True)
class ChoiceItem:
	"""A select whose options are worth different points (only one of them counts)."""

	field: str
	points: Mapping[str, float]
	texts: Mapping[str, str]

	@cached_property
	def _met(self) -> dict[str, tuple[float, str]]:
		return {
			option: (float(points), f"{self.texts.get(option, '')}{fmt_points(points)}分")
			for option, points in self.points.items()
			if points
		}

	def points_for(self, v: Values) -> tuple[float, str] | None:
		return self._met.get(str(v[self.field]))


@dataclass(frozen=True)
class CountAtLeast:
	"""Points when a count reaches a minimum and, optionally, a share of another count."""

	field: str
	minimum: int
	points: float
	text: str
	share_of: str | None = None
	share: Fraction = Fraction(0)

	@cached_property
	def _met(self) -> tuple[float, str]:
		return float(self.points), f"{self.text}{fmt_points(self.points)}分"

	def points_for(self, v: Values) -> tuple[float, str] | None:
		count = int(v[self.field])
		if count < self.minimum:
			return None
		if self.share_of is not None and not _reaches(count, int(v[self.share_of]), self.share):
			return None
		return self._met


ChecklistItem = CheckItem | ChoiceItem | CountAtLeast


@dataclass(frozen=True)
class Checklist:
	"""The sum of the items met; with a gate, a sum below it scores nothing."""

	code: str
	name: str
	max_points: float
	items: tuple[ChecklistItem, ...]
	gate: float | None = None

	@cached_property
	def _plan(self) -> tuple[tuple[str | None, tuple[float, str] | None, ChecklistItem], ...]:
		"""Plain yes/no items as (field, result) so the hot loop reads a value instead of calling."""
		return tuple(
			(item.field, item._met, item) if isinstance(item, CheckItem) else (None, None, item)
			for item in self.items
		)

	def evaluate(self, v: Values) -> IndicatorResult:
		met: list[str] = []
		total = 0.0
		for field, ticked, item in self._plan:
			hit = (ticked if v[field] else None) if field is not None else item.points_for(v)
			if hit is not None:
				total += hit[0]
				met.append(hit[1])
		if self.gate is not None and total < self.gate:
			return IndicatorResult(
				self.code, self.name, self.max_points, 0.0, lambda: self._below_gate(met, total)
			)
		return IndicatorResult(
			self.code,
			self.name,
			self.max_points,
			total,
			lambda: f"{self._listed(met)}；得{fmt_points(total)}分",
		)

	def _below_gate(self, met: list[str], total: float) -> str:
		return f"{self._listed(met)}；合计{fmt_points(total)}分，不足{fmt_points(self.gate)}分，本项不得分"

	@staticmethod
	def _listed(met: list[str]) -> str:
		return "、".join(met) if met else "无符合项"


@dataclass(frozen=True)
class Bonus:
	"""附加分: weighted media reports up to a cap, plus the reviewer's innovation points."""

	code: str
	name: str
	max_points: float
	media: tuple[tuple[str, float, str], ...]
	media_cap: float
	innovation: str

	def evaluate(self, v: Values) -> IndicatorResult:
		raw = 0.0
		for field, weight, _text in self.media:
			raw += v[field] * weight
		media = min(raw, self.media_cap)
		innovation = float(v[self.innovation])
		points = float(media + innovation)

		def basis() -> str:
			counts = "、".join(f"{text}{int(v[field])}篇" for field, _weight, text in self.media)
			capped = f"，超过上限按{fmt_points(self.media_cap)}分计" if raw > self.media_cap else ""
			return (
				f"媒体报道：{counts}，计{fmt_points(raw)}分{capped}；创新举措{fmt_points(innovation)}分；"
				f"得{fmt_points(points)}分"
			)

		return IndicatorResult(self.code, self.name, self.max_points, points, basis)


Rule = RatioTiers | Shortfall | Checklist | Bonus


@dataclass(frozen=True)
class Exceeds:
	"""Flag (not refuse) a count larger than another it is usually part of."""

	field: str
	other: str
	message: str

	def applies(self, v: Values) -> bool:
		return v[self.field] > v[self.other]


@dataclass(frozen=True)
class WithoutBasis:
	"""Flag a positive count whose basis is zero (e.g. jobs created with no new entities)."""

	field: str
	basis: str
	message: str

	def applies(self, v: Values) -> bool:
		return v[self.field] > 0 and v[self.basis] == 0


@dataclass(frozen=True)
class OffStep:
	"""Flag a value that is not a multiple of its step."""

	field: str
	step: Fraction
	message: str

	def applies(self, v: Values) -> bool:
		return _off_step(v[self.field], self.step)


@lru_cache(maxsize=1024)
def _off_step(value: object, step: Fraction) -> bool:
	return (Fraction(str(value)) / step).denominator != 1


Flag = Exceeds | WithoutBasis | OffStep


@dataclass(frozen=True)
class PartOf:
	"""`part` may not exceed `whole`."""

	part: str
	whole: str


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
	def indicator_codes(self) -> tuple[str, ...]:
		return tuple(rule.code for rule in self.indicators)
