"""Score one application on a scheme: points and basis per indicator, base, bonus, total, eligibility."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hqe_app.i18n import Translator, translator
from hqe_app.scoring.model import IndicatorResult, Scheme
from hqe_app.scoring.schemes import get_scheme
from hqe_app.scoring.validate import InvalidApplication, normalize


@dataclass(frozen=True)
class ScoreCard:
	scheme: str
	results: tuple[IndicatorResult, ...]
	base: float
	bonus: float
	total: float
	pass_mark: float
	flags: tuple[str, ...] = ()

	@property
	def eligible(self) -> bool:
		return self.total >= self.pass_mark

	@property
	def points(self) -> dict[str, float]:
		return {r.code: r.points for r in self.results}


def score(
	values: Mapping[str, object],
	scheme: Scheme | str | None = None,
	pass_mark: float | None = None,
	_: Translator | None = None,
	option_aliases: Mapping[str, str] | None = None,
) -> ScoreCard:
	"""Validate and score; raises InvalidApplication listing every refused field."""
	scheme = scheme if isinstance(scheme, Scheme) else get_scheme(scheme)
	_ = _ or translator("zh")
	clean, errors = normalize(scheme, values, _, option_aliases)
	if errors:
		raise InvalidApplication(errors)
	return evaluate(scheme, clean, pass_mark, _)


def evaluate(
	scheme: Scheme, clean: Mapping[str, object], pass_mark: float | None = None, _: Translator | None = None
) -> ScoreCard:
	"""Score values that `normalize` has already accepted."""
	results = tuple([rule.evaluate(clean) for rule in scheme.indicators])
	base = bonus = 0.0
	for r, is_bonus in zip(results, scheme.is_bonus, strict=True):
		if is_bonus:
			bonus += r.points
		else:
			base += r.points
	bonus = min(bonus, scheme.bonus_max)
	flags = [flag for flag in scheme.flags if flag.applies(clean)]
	if flags:
		_ = _ or translator("zh")
	return ScoreCard(
		scheme=scheme.code,
		results=results,
		base=round(base, 6),
		bonus=round(bonus, 6),
		total=round(base + bonus, 6),
		pass_mark=scheme.pass_mark if pass_mark is None else pass_mark,
		flags=tuple(_(flag.message) for flag in flags),
	)
