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
from itertools import compress
from operator import itemgetter, mul, not_
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
	from hqe_app.scoring.gap import LeverPlan

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


# An Option from a tuple, without NamedTuple's keyword-taking __new__ (the hot path builds thousands).
_new = tuple.__new__
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


def _getter(fields: tuple[str, ...]) -> Callable[[Values], tuple[object, ...]]:
	"""The values of `fields` as a tuple, in one C call (itemgetter gives a bare value for one field)."""
	if len(fields) == 1:
		(field,) = fields
		return lambda v: (v[field],)
	return itemgetter(*fields) if fields else lambda v: ()


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

	def lever_finder(self, levers: LeverSpace) -> Finder | None:
		"""For the numerator, when a lever: the least whole n' reaching a higher tier t, that is
		n'·t_den >= t_num·den(n'), den(n') being the other fields, plus n' when the numerator is part
		of its own denominator; the highest tier n' reaches gives the points."""
		field = self.numerator
		if field not in levers.names:
			return None
		inside, others, climb, _top = self._lever_shape
		code, wholes = self.code, levers.ceilings.get(field, ())
		other = others[0] if len(others) == 1 else None

		def aim(points: float) -> tuple[int, int, float, tuple[tuple[int, int, int, float], ...]] | None:
			"""The lowest tier worth more than `points` (it needs the least n', as n' grows with the
			threshold), as (t_num, n' coefficient, its points, the tiers above it); None: none."""
			for step, (t_num, _t_den, coefficient, tier_points) in enumerate(climb):
				if tier_points > points and coefficient > 0:
					return t_num, coefficient, tier_points, climb[step + 1 :]
			return None

		# `points` is always one of few values (a tier's, 0, the no-denominator points): aim once.
		known = {p: aim(p) for p in {0.0, float(self.zero_denominator_points), *(t[3] for t in climb)}}
		exact = all(float(p).is_integer() for p in known)

		def raises(v: Values, points: float) -> tuple[Option, ...]:
			target = known[points] if points in known else aim(points)
			if target is None:
				return ()
			t_num, coefficient, tier_points, higher = target
			if other is not None:
				fixed = v[other]
			else:
				fixed = 0
				for name in others:
					fixed += v[name]
			if not inside and not fixed:
				return ()  # no denominator: the ratio is not defined, whatever the numerator
			need = -(-t_num * fixed // coefficient)
			for whole in wholes:
				if need > v[whole]:
					return ()  # a part may not pass its whole
			if higher:  # a small denominator may take n' past higher tiers too
				den = fixed + inside * need
				for t_num, t_den, _coefficient, above in higher:
					if need * t_den < t_num * den:
						break
					tier_points = above
			rise = tier_points - points if exact else round(tier_points - points, 6)
			return (_new(Option, (field, code, v[field], need, rise)),) if rise > 0 else ()

		return raises

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

	def lever_finder(self, levers: LeverSpace) -> Finder | None:
		"""Fewest more households employed that win back a point (all of them up to the cut-off)."""
		field = self.achieved
		if field not in levers.names:
			return None
		code, of, most, full, per_miss = (
			self.code,
			self.total,
			self._most_misses_scoring,
			self.max_points,
			self.per_miss,
		)

		def raises(v: Values, points: float) -> tuple[Option, ...]:
			total, achieved = v[of], v[field]
			target = min(total - achieved - 1, most)
			if target < 0:
				return ()
			rise = round(max(0.0, full - target * per_miss) - points, 6)
			return (_new(Option, (field, code, achieved, total - target, rise)),) if rise > 0 else ()

		return raises


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

	def lever_finder(self, levers: LeverSpace, flat: bool = False) -> Finder | None:
		"""Per lever field, the nearest value (no → yes, the next option, the least count) adding points.

		`flat`: the caller reads the lone yes/no items and selects itself (`lever_plan`), which it
		may for a checklist without a gate, since what they add depends on nothing else."""
		checks, selects, counts, other = self.lever_plan(levers)
		if flat and self.gate is None:
			checks, selects = (), ()
		if not (checks or selects or counts or other):
			return None
		code, gate, gated, raw_of = self.code, self.gate, self._gated, self._raw
		ticking = tuple(Option(field, code, False, True, worth) for field, worth in checks)
		ticked = _getter(tuple(field for field, _worth in checks))
		count_specs = tuple(
			(
				field,
				tuple(
					(i.minimum, i.share_of, i.share.numerator, i.share.denominator, float(i.points))
					for i in items
				),
				levers.ceilings.get(field, ()),
			)
			for field, items in counts
		)

		def raises(v: Values, points: float) -> list[Option]:
			out: list[Option] = []
			if gate is None:  # the points are the sum: an item adds its own points
				raw = points
				for field, worth in checks:
					if not v[field]:
						out.append(_new(Option, (field, code, False, True, worth)))
				for field, ahead in selects:
					step = ahead.get(v[field])
					if step is not None:
						out.append(_new(Option, (field, code, v[field], step[0], step[1])))
			elif points:  # the gate is passed: an item adds its own points, as without a gate
				raw = points
				out += compress(ticking, map(not_, ticked(v)))
			else:
				raw = raw_of(v)
				for field, worth in checks:
					if not v[field] and raw + worth >= gate:  # below the gate an item adds nothing
						out.append(_new(Option, (field, code, False, True, round(raw + worth - points, 6))))
			for field, specs, wholes in count_specs:
				value = v[field]
				now = 0.0
				leasts = []
				unmet = False
				for minimum, share_of, s_num, s_den, worth in specs:
					least = minimum if share_of is None else max(minimum, -(-s_num * v[share_of] // s_den))
					leasts.append((least, worth))
					if value >= least:
						now += worth
					else:
						unmet = True
				if not unmet:
					continue
				cap = min([v[whole] for whole in wholes]) if wholes else None
				for candidate in sorted({least for least, _worth in leasts if least > value}):
					if cap is not None and candidate > cap:
						break
					after = raw - now
					for least, worth in leasts:
						if candidate >= least:
							after += worth
					rise = round((after if gate is None else gated(after)) - points, 6)
					if rise > 0:
						out.append(_new(Option, (field, code, value, candidate, rise)))
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
					rise = round(gated(raw - now + after) - points, 6)
					if rise > 0:
						out.append(_new(Option, (field, code, value, candidate, rise)))
						break
			return out

		return raises

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

	def lever_finder(self, levers: LeverSpace) -> Finder | None:
		"""One more report at each level, while the media points are under their cap."""
		fields = tuple(field for field, _weight, _text in self.media)
		weights = tuple(float(weight) for _field, weight, _text in self.media)
		movable = tuple(
			(at, field, weight)
			for at, (field, weight) in enumerate(zip(fields, weights, strict=True))
			if field in levers.names and weight > 0
		)
		if not movable:
			return None
		code, cap, counts_of = self.code, self.media_cap, _getter(fields)

		def raises(v: Values, points: float) -> list[Option]:
			counts = counts_of(v)
			room = cap - sum(map(mul, counts, weights))
			out: list[Option] = []
			if room > 0:
				for at, field, weight in movable:
					n = counts[at]
					out.append(
						_new(Option, (field, code, n, n + 1, weight if weight <= room else round(room, 6)))
					)
			return out

		return raises


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
