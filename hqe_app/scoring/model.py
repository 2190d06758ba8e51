"""The vocabulary a scoring scheme is written in.

A scheme is plain data: the fields an application carries, the checks that refuse impossible data,
and one rule object per indicator. Each rule knows how to turn validated values into points and a
short Chinese basis text, and how the smallest rise of each lever field it reads would change its
points (SPEC §12, gathered by `gap.to_pass`). A new scheme (another year or city) is a new module of
data built from these pieces; nothing else in the app changes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
	from hqe_app.scoring.gap import LeverPlan

FieldKind = Literal["count", "check", "select", "points"]
Values = Mapping[str, object]
# One lever change inside one indicator: (field, from, to, rise of that indicator's points).
Raise = tuple[str, object, object, float]


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


def _ceil_div(a: int, b: int) -> int:
	return -(-a // b)


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

	@cached_property
	def reads(self) -> frozenset[str]:
		return frozenset((self.numerator, *self.denominator))

	@cached_property
	def _lever_shape(self) -> tuple[int, tuple[str, ...], tuple[tuple[int, int, int, float], ...], float]:
		"""How often the numerator is in its own denominator, the denominator's other fields, the tiers
		lowest first as (threshold numerator, threshold denominator, n' coefficient, points), and the
		most points a tier gives."""
		inside = self.denominator.count(self.numerator)
		others = tuple(d for d in self.denominator if d != self.numerator)
		climb = tuple(
			(t.numerator, t.denominator, t.denominator - inside * t.numerator, float(points))
			for t, points in sorted(self.tiers)
		)
		return inside, others, climb, max(float(points) for _t, points in self.tiers)

	def raises(self, v: Values, points: float, levers: LeverSpace) -> tuple[Raise, ...]:
		"""The least whole numerator n' reaching a higher tier t: n'·t_den >= t_num·den(n'), where
		den(n') = the other fields + n' when the numerator is part of its own denominator."""
		field = self.numerator
		if field not in levers.names:
			return ()
		inside, others, climb, top = self._lever_shape
		if points >= top:
			return ()
		fixed = 0
		for name in others:
			fixed += v[name]
		if not inside and not fixed:
			return ()  # no denominator: the ratio is not defined, whatever the numerator
		# The lowest tier worth more needs the least numerator (n' grows with the threshold).
		step = 0
		for tier in climb:
			if tier[3] > points and tier[2] > 0:
				break
			step += 1
		else:
			return ()
		t_num, _t_den, coefficient, tier_points = tier
		need = _ceil_div(t_num * fixed, coefficient)
		for whole in levers.ceilings.get(field, ()):
			if need > v[whole]:
				return ()
		# A small denominator may take n' past higher tiers too: the highest reached counts.
		den = fixed + inside * need
		for t_num, t_den, _coefficient, higher in climb[step + 1 :]:
			if need * t_den < t_num * den:
				break
			tier_points = higher
		rise = round(tier_points - points, 6)
		return ((field, v[field], need, rise),) if rise > 0 else ()

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

	@cached_property
	def reads(self) -> frozenset[str]:
		return frozenset((self.total, self.achieved))

	@cached_property
	def _most_misses_scoring(self) -> int:
		"""The largest number of households missing the goal that still leaves points (-1: none)."""
		if self.per_miss <= 0:
			return -1
		return math.ceil(Fraction(str(self.max_points)) / Fraction(str(self.per_miss))) - 1

	def raises(self, v: Values, points: float, levers: LeverSpace) -> tuple[Raise, ...]:
		"""Fewest more households employed that win back a point (all of them up to the cut-off)."""
		field = self.achieved
		if field not in levers.names:
			return ()
		total, achieved = v[self.total], v[field]
		target = min(total - achieved - 1, self._most_misses_scoring)
		if target < 0:
			return ()
		rise = round(max(0.0, self.max_points - target * self.per_miss) - points, 6)
		return ((field, achieved, total - target, rise),) if rise > 0 else ()


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

	def points_at(self, v: Values, value: object) -> float:
		"""The points if this item's field had `value`, everything else as in `v`."""
		return float(self.points) if value else 0.0


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

	def points_at(self, v: Values, value: object) -> float:
		return float(self.points.get(str(value), 0))


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

	def points_at(self, v: Values, value: object) -> float:
		met = value >= self.minimum and (
			self.share_of is None or _reaches(value, int(v[self.share_of]), self.share)
		)
		return float(self.points) if met else 0.0

	def least(self, v: Values) -> int:
		"""The least count that meets this item, the other values as in `v`."""
		if self.share_of is None:
			return self.minimum
		return max(self.minimum, _ceil_div(self.share.numerator * v[self.share_of], self.share.denominator))


ChecklistItem = CheckItem | ChoiceItem | CountAtLeast
ChecklistLevers = tuple[
	tuple[tuple[str, float], ...],
	tuple[tuple[str, dict[str, tuple[str, float]]], ...],
	tuple[tuple[str, tuple[CountAtLeast, ...]], ...],
	tuple[tuple[str, tuple[ChecklistItem, ...]], ...],
]


def _next_options(item: ChoiceItem, options: tuple[str, ...]) -> dict[str, tuple[str, float]]:
	"""Per option of a select, the nearest higher option worth more points, and how many more."""
	ahead: dict[str, tuple[str, float]] = {}
	for index, option in enumerate(options):
		worth = item.points_at({}, option)
		for higher in options[index + 1 :]:
			if item.points_at({}, higher) > worth:
				ahead[option] = (higher, round(item.points_at({}, higher) - worth, 6))
				break
	return ahead


def _candidates(
	v: Values, field: str, value: object, items: tuple[ChecklistItem, ...], levers: LeverSpace
) -> list[object]:
	"""The values worth trying for a field, nearest first: yes, the options above, the counts to reach."""
	if isinstance(value, bool):
		return [] if value else [True]
	if isinstance(value, str):
		return list(levers.above(field, value))
	cap = levers.ceiling(v, field)
	reach = sorted({item.least(v) for item in items if isinstance(item, CountAtLeast)} - {value})
	return [c for c in reach if c > value and (cap is None or c <= cap)]


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

	@cached_property
	def reads(self) -> frozenset[str]:
		return frozenset(
			name for item in self.items for name in (item.field, getattr(item, "share_of", None)) if name
		)

	@cached_property
	def _lever_plans(self) -> dict[frozenset[str], ChecklistLevers]:
		return {}

	def lever_plan(self, levers: LeverSpace) -> ChecklistLevers:
		"""For one scheme's levers: (field, points) of each lone yes/no item; per lone select (without
		a gate), from each option the nearest higher one adding points, with the points it adds; the
		count fields with the items reading them; any other lever field with its items (a select
		behind a gate, a yes/no field read twice)."""
		plan = self._lever_plans.get(levers.names)
		if plan is None:
			grouped: dict[str, list[ChecklistItem]] = {}
			for item in self.items:
				if item.field in levers.names:
					grouped.setdefault(item.field, []).append(item)
			checks, selects, counts, other = [], [], [], []
			for field, items in grouped.items():
				item = items[0] if len(items) == 1 else None
				if isinstance(item, CheckItem):
					if item.points > 0:
						checks.append((field, float(item.points)))
				elif isinstance(item, ChoiceItem) and self.gate is None:
					selects.append((field, _next_options(item, levers.options.get(field, ()))))
				elif all(isinstance(i, CountAtLeast) for i in items):
					counts.append((field, tuple(items)))
				else:
					other.append((field, tuple(items)))
			plan = (tuple(checks), tuple(selects), tuple(counts), tuple(other))
			self._lever_plans[levers.names] = plan
		return plan

	def _gated(self, total: float) -> float:
		return 0.0 if self.gate is not None and total < self.gate else total

	def _raw(self, v: Values) -> float:
		"""The sum of the items met, before the gate."""
		raw = 0.0
		for field, ticked, item in self._plan:
			hit = (ticked if v[field] else None) if field is not None else item.points_for(v)
			if hit is not None:
				raw += hit[0]
		return raw

	def raises(self, v: Values, points: float, levers: LeverSpace) -> list[Raise]:
		"""Per lever field, the nearest value (no → yes, the next option, the least count) adding points."""
		checks, selects, counts, other = self.lever_plan(levers)
		if self.gate is None:  # the points are the sum: an item adds its own points
			raw = points
			out: list[Raise] = [(field, False, True, worth) for field, worth in checks if not v[field]]
			for field, ahead in selects:
				step = ahead.get(v[field])
				if step is not None:
					out.append((field, v[field], step[0], step[1]))
		else:
			raw = points if points else self._raw(v)
			gate = self.gate
			out = []
			for field, worth in checks:
				if not v[field] and raw + worth >= gate:  # below the gate the item adds nothing
					out.append((field, False, True, round(raw + worth - points, 6)))
		self._raise_rest(v, points, raw, counts, other, levers, out)
		return out

	def raises_rest(self, v: Values, points: float, levers: LeverSpace) -> list[Raise]:
		"""`raises` less the lone yes/no items and selects, for a checklist without a gate whose
		plan's first two parts the caller reads itself (their rise depends on nothing else)."""
		out: list[Raise] = []
		_checks, _selects, counts, other = self._lever_plans.get(levers.names) or self.lever_plan(levers)
		self._raise_rest(v, points, points, counts, other, levers, out)
		return out

	def _raise_rest(
		self,
		v: Values,
		points: float,
		raw: float,
		counts: tuple[tuple[str, tuple[CountAtLeast, ...]], ...],
		other: tuple[tuple[str, tuple[ChecklistItem, ...]], ...],
		levers: LeverSpace,
		out: list[Raise],
	) -> None:
		for field, items in counts:
			value = v[field]
			leasts = [(item.least(v), float(item.points)) for item in items]
			now = 0.0
			for least, worth in leasts:
				if value >= least:
					now += worth
			cap = levers.ceiling(v, field)
			for candidate in sorted({least for least, _worth in leasts if least > value}):
				if cap is not None and candidate > cap:
					break
				after = 0.0
				for least, worth in leasts:
					if candidate >= least:
						after += worth
				if self._add(out, field, value, candidate, raw - now + after, points):
					break
		for field, items in other:
			value = v[field]
			now = 0.0
			for item in items:
				now += item.points_at(v, value)
			for candidate in _candidates(v, field, value, items, levers):
				after = 0.0
				for item in items:
					after += item.points_at(v, candidate)
				if self._add(out, field, value, candidate, raw - now + after, points):
					break

	def _add(
		self, out: list[Raise], field: str, before: object, after: object, raw: float, points: float
	) -> bool:
		"""Append the change when the gated sum `raw` beats `points`; say whether it did."""
		rise = round(self._gated(raw) - points, 6)
		if rise > 0:
			out.append((field, before, after, rise))
		return rise > 0

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

	@cached_property
	def reads(self) -> frozenset[str]:
		return frozenset((*(field for field, _weight, _text in self.media), self.innovation))

	def raises(self, v: Values, points: float, levers: LeverSpace) -> tuple[Raise, ...]:
		"""One more report at each level, while the media points are under their cap."""
		raw = 0.0
		for field, weight, _text in self.media:
			raw += v[field] * weight
		cap = self.media_cap
		if raw >= cap:
			return ()
		out: list[Raise] = []
		for field, weight, _text in self.media:
			if field in levers.names:
				rise = float(weight) if raw + weight <= cap else round(cap - raw, 6)
				if rise > 0:
					out.append((field, v[field], v[field] + 1, rise))
		return tuple(out)


Rule = RatioTiers | Shortfall | Checklist | Bonus


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

	def raised(self, v: Values) -> str | None:
		return self.field if _off_step(v[self.field], self.step) else None


@lru_cache(maxsize=1024)
def _off_step(value: object, step: Fraction) -> bool:
	return (Fraction(str(value)) / step).denominator != 1


Flag = Exceeds | WithoutBasis | TickedWithout | OffStep


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
	levers: tuple[str, ...] = ()

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
