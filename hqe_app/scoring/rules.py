"""The indicator rules a scheme is built from: ratio tiers, a shortfall deduction, a checklist, the bonus.

Each rule turns validated values into points and a short Chinese basis text, and offers `gap.to_pass`
the smallest rise of each lever it reads (SPEC §12).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from operator import mul

from hqe_app.scoring.checklist import Checklist
from hqe_app.scoring.display import fmt_points, fmt_share, fmt_threshold
from hqe_app.scoring.exact import values_getter
from hqe_app.scoring.model import Finder, IndicatorResult, LeverSpace, Option, Outcomes, Values, kept

# An Option from a tuple, without NamedTuple's keyword-taking __new__ (the hot path builds thousands).
_new = tuple.__new__


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

	@cached_property
	def _read(self) -> tuple[str, str, float, str, tuple[str, ...], tuple[tuple[int, int, float, str], ...]]:
		"""What `evaluate` reads of the rule, in one lookup: each attribute read costs as much as a tier."""
		return self.code, self.name, self.max_points, self.numerator, self.denominator, self._steps

	@cached_property
	def _no_denominator(self) -> IndicatorResult:
		"""The one result of every application without a denominator (its basis names no numbers)."""
		points = float(self.zero_denominator_points)
		return IndicatorResult(self.code, self.name, self.max_points, points, self.zero_denominator_basis)

	def evaluate(self, v: Values) -> IndicatorResult:
		code, name, max_points, numerator, denominator, steps = self._read
		num = v[numerator]
		den = 0
		for field in denominator:
			den += v[field]
		if den == 0:
			return self._no_denominator
		for t_num, t_den, points, reached in steps:
			if num * t_den >= t_num * den:  # num/den >= threshold, exactly
				return IndicatorResult(code, name, max_points, points, lambda: self._show(num, den) + reached)
		return IndicatorResult(code, name, max_points, 0.0, lambda: self._show(num, den) + self._missed)

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

	@cached_property
	def _outcomes(self) -> Outcomes[IndicatorResult]:
		return Outcomes()

	def evaluate(self, v: Values) -> IndicatorResult:
		key = (v[self.total], v[self.achieved])
		known = self._outcomes.get(key)
		return known if known is not None else self._outcomes.keep(key, self._evaluate(v))

	def _evaluate(self, v: Values) -> IndicatorResult:
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
class Bonus:
	"""附加分: weighted media reports up to a cap, plus the reviewer's innovation points."""

	code: str
	name: str
	max_points: float
	media: tuple[tuple[str, float, str], ...]
	media_cap: float
	innovation: str

	@cached_property
	def _decided_by(self) -> Callable[[Values], tuple[object, ...]]:
		return values_getter((*(field for field, _weight, _text in self.media), self.innovation))

	@cached_property
	def _outcomes(self) -> Outcomes[IndicatorResult]:
		return Outcomes()

	def evaluate(self, v: Values) -> IndicatorResult:
		key = self._decided_by(v)
		known = self._outcomes.get(key)
		return known if known is not None else self._outcomes.keep(key, self._evaluate(v))

	def _evaluate(self, v: Values) -> IndicatorResult:
		raw = 0.0
		for field, weight, _text in self.media:
			raw += v[field] * weight
		media = min(raw, self.media_cap)
		innovation = float(v[self.innovation])
		points = float(media + innovation)
		# What the basis says is read now, not from `v` later: the result is shared with applications alike.
		reports = [(text, int(v[field])) for field, _weight, text in self.media]

		def basis() -> str:
			counts = "、".join(f"{text}{count}篇" for text, count in reports)
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
		code, cap, counts_of = self.code, self.media_cap, values_getter(fields)

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

		return kept(raises, counts_of)  # the reports decide the options


Rule = RatioTiers | Shortfall | Checklist | Bonus
