"""Score one application on a scheme: points and basis per indicator, base, bonus, total, eligibility,
the data-quality flags and (read on demand) the gap to the pass mark."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from hqe_app.i18n import Translator, translator
from hqe_app.scoring.flags import DataFlag
from hqe_app.scoring.gap import ToPass, to_pass
from hqe_app.scoring.model import IndicatorResult
from hqe_app.scoring.scheme import Scheme
from hqe_app.scoring.schemes import get_scheme
from hqe_app.scoring.validate import InvalidApplication, normalize

_new, _new_card = tuple.__new__, object.__new__  # a tuple (a DataFlag) and an object, without __init__


@dataclass(frozen=True)
class ScoreCard:
	scheme: str
	results: tuple[IndicatorResult, ...]
	base: float
	bonus: float
	total: float
	pass_mark: float
	data_flags: tuple[DataFlag, ...] = ()
	# What `to_pass` is computed from, when first read: the scheme and the validated values.
	inputs: tuple[Scheme, Mapping[str, object]] | None = field(default=None, repr=False, compare=False)

	@property
	def eligible(self) -> bool:
		return self.total >= self.pass_mark

	@property
	def flags(self) -> tuple[str, ...]:
		"""The flags' messages alone (what the desk stores in `score_flags`); `data_flags` has them whole."""
		return tuple(flag.message for flag in self.data_flags)

	@property
	def to_pass(self) -> ToPass:
		"""Points missing to the pass mark and each lever's smallest rise (SPEC §12), built when first read."""
		known = self.__dict__.get("_to_pass")  # kept by hand: cached_property takes a lock each first read
		if known is None:
			if self.inputs is None:
				raise ValueError("this score card was built without its inputs")
			scheme, clean = self.inputs
			known = self.__dict__["_to_pass"] = to_pass(
				scheme, clean, self.results, self.total, self.pass_mark
			)
		return known

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
	flags = []
	for flag in scheme.flags:
		name = flag.raised(clean)
		if name is not None:
			_ = _ or translator("zh")
			flags.append(_new(DataFlag, (flag.code, name, _(flag.message))))
	# A frozen dataclass's __init__ sets each field through object.__setattr__: filled at once instead.
	card = _new_card(ScoreCard)
	card.__dict__.update(
		scheme=scheme.code,
		results=results,
		base=round(base, 6),
		bonus=round(bonus, 6),
		total=round(base + bonus, 6),
		pass_mark=scheme.pass_mark if pass_mark is None else pass_mark,
		data_flags=tuple(flags),
		inputs=(scheme, clean),
	)
	return card
