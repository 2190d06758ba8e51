"""The checklist rule: yes/no items, choices and counts, summed, with an optional gate (indicators 7, 8)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from itertools import compress
from operator import not_

from hqe_app.scoring.display import fmt_points
from hqe_app.scoring.exact import ceil_div, reaches, values_getter
from hqe_app.scoring.model import Finder, IndicatorResult, LeverSpace, Option, Outcomes, Values, kept

# An Option from a tuple, without NamedTuple's keyword-taking __new__ (the hot path builds thousands).
_new = tuple.__new__


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

	@cached_property
	def _share(self) -> tuple[int, int]:
		"""The share as integers: Fraction's numerator and denominator are Python-level properties."""
		return self.share.numerator, self.share.denominator

	def points_for(self, v: Values) -> tuple[float, str] | None:
		count = int(v[self.field])
		if count < self.minimum:
			return None
		if self.share_of is not None:
			num, den = self._share
			if count * den < num * int(v[self.share_of]):  # not reaches(count, whole, share), exactly
				return None
		return self._met

	def points_at(self, v: Values, value: object) -> float:
		met = value >= self.minimum and (
			self.share_of is None or reaches(value, int(v[self.share_of]), self.share)
		)
		return float(self.points) if met else 0.0

	def least(self, v: Values) -> int:
		"""The least count that meets this item, the other values as in `v`."""
		if self.share_of is None:
			return self.minimum
		return max(self.minimum, ceil_div(self.share.numerator * v[self.share_of], self.share.denominator))


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

	@cached_property
	def _decided_by(self) -> Callable[[Values], tuple[object, ...]]:
		"""What decides which items are met: the values of the yes/no and select fields, then whether
		each count reaches its minimum (and its share; the counts themselves vary too much to key by)."""
		values_of = values_getter(tuple(i.field for i in self.items if not isinstance(i, CountAtLeast)))
		counts = tuple(
			(i.field, i.minimum, i.share_of, *i._share) for i in self.items if isinstance(i, CountAtLeast)
		)
		if not counts:
			return values_of

		def decided_by(v: Values) -> tuple[object, ...]:
			met = []
			for field, minimum, share_of, num, den in counts:  # as CountAtLeast.points_for decides
				count = int(v[field])
				met.append(count >= minimum and (share_of is None or count * den >= num * int(v[share_of])))
			return (*values_of(v), *met)

		return decided_by

	@cached_property
	def _outcomes(self) -> Outcomes[IndicatorResult]:
		return Outcomes()

	def evaluate(self, v: Values) -> IndicatorResult:
		key = self._decided_by(v)
		known = self._outcomes.get(key)
		return known if known is not None else self._outcomes.keep(key, self._evaluate(v))

	def _evaluate(self, v: Values) -> IndicatorResult:
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
		ticked = values_getter(tuple(field for field, _worth in checks))
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

		if not (counts or other):
			return kept(raises, self._decided_by)  # the items met decide the options
		if other or checks or selects or gate is not None:
			return raises  # reads the other items too: too many values to keep options by
		# Only counts, no gate: the counts, the counts their shares are of, their ceilings and the points decide.
		read: list[str] = []
		for field, specs, wholes in count_specs:
			read += [field, *wholes, *(share_of for _least, share_of, *_share in specs if share_of)]
		return kept(raises, values_getter(tuple(dict.fromkeys(read))))

	def _below_gate(self, met: list[str], total: float) -> str:
		return f"{self._listed(met)}；合计{fmt_points(total)}分，不足{fmt_points(self.gate)}分，本项不得分"

	@staticmethod
	def _listed(met: list[str]) -> str:
		return "、".join(met) if met else "无符合项"
