"""The vocabulary a scoring scheme is written in.

A scheme is plain data: the fields an application carries, the checks that refuse impossible data,
and one rule object per indicator. Each rule knows how to turn validated values into points and a
short Chinese basis text. A new scheme (another year or city) is a new module of data built from
these pieces; nothing else in the app changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
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


@dataclass(frozen=True)
class IndicatorResult:
	code: str
	name: str
	max_points: float
	points: float
	basis: str

	def __post_init__(self) -> None:
		object.__setattr__(self, "points", float(self.points))


def fmt_points(value: float) -> str:
	"""Points as shown to people: integers bare, halves with one decimal."""
	return f"{value:g}" if float(value).is_integer() else f"{value:.1f}"


def fmt_share(num: int, den: int) -> str:
	"""A share as a percentage with one decimal, truncated so it never reads as reaching a tier it misses."""
	tenths = (num * 1000) // den
	return f"{tenths // 10}.{tenths % 10}%"


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

	def evaluate(self, v: Values) -> IndicatorResult:
		num = int(v[self.numerator])
		den = sum(int(v[f]) for f in self.denominator)
		if den == 0:
			return self._result(self.zero_denominator_points, self.zero_denominator_basis)
		shown = self._show(num, den)
		for threshold, points in self.tiers:
			if _reaches(num, den, threshold):
				return self._result(
					points,
					f"{shown}，达{fmt_threshold(threshold, self.as_percent)}，得{fmt_points(points)}分",
				)
		lowest = fmt_threshold(self.tiers[-1][0], self.as_percent)
		return self._result(0, f"{shown}，未达{lowest}，得0分")

	def _show(self, num: int, den: int) -> str:
		if self.as_percent:
			return f"{self.term} {fmt_share(num, den)}（{num}/{den}）"
		tenths = (num * 10) // den
		return f"{self.term} 1:{tenths // 10}.{tenths % 10}（{den}:{num}）"

	def _result(self, points: float, basis: str) -> IndicatorResult:
		return IndicatorResult(self.code, self.name, self.max_points, points, basis)


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
				self.max_points,
				f"无低收入家庭，得{fmt_points(self.max_points)}分",
			)
		missing = total - achieved
		points = max(0.0, self.max_points - missing * self.per_miss)
		basis = (
			f"低收入家庭{total}户，{achieved}户实现至少1人就业，{missing}户未就业，"
			f"扣{fmt_points(min(self.max_points, missing * self.per_miss))}分，得{fmt_points(points)}分"
		)
		return IndicatorResult(self.code, self.name, self.max_points, points, basis)


@dataclass(frozen=True)
class CheckItem:
	"""A yes/no item worth `points` when ticked."""

	field: str
	points: float
	text: str

	def points_for(self, v: Values) -> tuple[float, str | None]:
		return (self.points, self.text) if v[self.field] else (0, None)


@dataclass(frozen=True)
class ChoiceItem:
	"""A select whose options are worth different points (only one of them counts)."""

	field: str
	points: Mapping[str, float]
	texts: Mapping[str, str]

	def points_for(self, v: Values) -> tuple[float, str | None]:
		option = str(v[self.field])
		return self.points.get(option, 0), self.texts.get(option)


@dataclass(frozen=True)
class CountAtLeast:
	"""Points when a count reaches a minimum and, optionally, a share of another count."""

	field: str
	minimum: int
	points: float
	text: str
	share_of: str | None = None
	share: Fraction = Fraction(0)

	def points_for(self, v: Values) -> tuple[float, str | None]:
		count = int(v[self.field])
		if count < self.minimum:
			return 0, None
		if self.share_of is not None and not _reaches(count, int(v[self.share_of]), self.share):
			return 0, None
		return self.points, self.text


ChecklistItem = CheckItem | ChoiceItem | CountAtLeast


@dataclass(frozen=True)
class Checklist:
	"""The sum of the items met; with a gate, a sum below it scores nothing."""

	code: str
	name: str
	max_points: float
	items: tuple[ChecklistItem, ...]
	gate: float | None = None

	def evaluate(self, v: Values) -> IndicatorResult:
		met: list[str] = []
		total = 0.0
		for item in self.items:
			points, text = item.points_for(v)
			if points:
				total += points
				met.append(f"{text}{fmt_points(points)}分")
		listed = "、".join(met) if met else "无符合项"
		if self.gate is not None and total < self.gate:
			basis = f"{listed}；合计{fmt_points(total)}分，不足{fmt_points(self.gate)}分，本项不得分"
			return IndicatorResult(self.code, self.name, self.max_points, 0, basis)
		return IndicatorResult(
			self.code, self.name, self.max_points, total, f"{listed}；得{fmt_points(total)}分"
		)


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
		raw = sum(int(v[f]) * weight for f, weight, _ in self.media)
		media = min(raw, self.media_cap)
		innovation = float(v[self.innovation])
		counts = "、".join(f"{text}{int(v[f])}篇" for f, _, text in self.media)
		capped = f"，超过上限按{fmt_points(self.media_cap)}分计" if raw > self.media_cap else ""
		basis = (
			f"媒体报道：{counts}，计{fmt_points(raw)}分{capped}；创新举措{fmt_points(innovation)}分；"
			f"得{fmt_points(media + innovation)}分"
		)
		return IndicatorResult(self.code, self.name, self.max_points, media + innovation, basis)


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
		return (Fraction(str(v[self.field])) / self.step).denominator != 1


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
	def indicator_codes(self) -> tuple[str, ...]:
		return tuple(rule.code for rule in self.indicators)
