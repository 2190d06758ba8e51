"""What it takes to pass (SPEC §12): the points missing and, per lever field, its smallest useful rise.

Each indicator rule knows the nearest value of each lever field it reads that adds points, and how
many (`Rule.lever_finder`, as `Option`s); this module caps the bonus's, gathers and orders them. A
lever is read by one indicator only, which `plan` checks once per scheme.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import compress
from operator import itemgetter, not_
from typing import TYPE_CHECKING, NamedTuple

from hqe_app.scoring.checklist import Checklist
from hqe_app.scoring.model import IndicatorResult, LeverPlan, Option

if TYPE_CHECKING:
	from hqe_app.scoring.scheme import Scheme


_FIELD, _GAIN = itemgetter(0), itemgetter(4)
_new = tuple.__new__


class ToPass(NamedTuple):
	missing: float
	options: tuple[Option, ...]

	def as_dict(self) -> dict[str, object]:
		return {"missing": self.missing, "options": [o.as_dict() for o in self.options]}


def plan(scheme: Scheme) -> LeverPlan:
	levers = scheme.lever_space
	owner: dict[str, str] = {}
	check_rows: list[Option] = []
	selects: list[tuple[str, dict[str, Option]]] = []
	calls = []
	for index, rule in enumerate(scheme.indicators):
		read = levers.names & rule.reads
		for name in sorted(read):
			if name in owner:
				raise ValueError(f"lever {name} is read by indicators {owner[name]} and {rule.code}")
			owner[name] = rule.code
		if not read:
			continue
		is_bonus = scheme.is_bonus[index]
		flat = isinstance(rule, Checklist) and rule.gate is None and not is_bonus
		if flat:
			lone, ahead, _counts, _other = rule.lever_plan(levers)
			check_rows += [Option(field, rule.code, False, True, worth) for field, worth in lone]
			for field, steps in ahead:
				rows = {now: Option(field, rule.code, now, to, rise) for now, (to, rise) in steps.items()}
				selects.append((field, rows))
		finder = rule.lever_finder(levers, flat=True) if flat else rule.lever_finder(levers)
		if finder is not None:
			calls.append((index, is_bonus, finder))
	fields = [row.field for row in check_rows]
	getter = itemgetter(*fields) if len(fields) > 1 else lambda v: tuple(v[f] for f in fields)
	bonus = tuple(i for i, is_bonus in enumerate(scheme.is_bonus) if is_bonus)
	return LeverPlan(getter, tuple(check_rows), tuple(selects), tuple(calls), bonus)


def to_pass(
	scheme: Scheme,
	clean: Mapping[str, object],
	results: Sequence[IndicatorResult],
	total: float,
	pass_mark: float,
) -> ToPass:
	"""The gap to `pass_mark` and every lever's smallest rise, by gain (largest first), then field name."""
	p = scheme.lever_plan
	rows: list[Option] = list(compress(p.check_rows, map(not_, p.check_values(clean))))
	for field, steps in p.selects:
		row = steps.get(clean[field])
		if row is not None:
			rows.append(row)
	for index, is_bonus, raises in p.calls:
		if not is_bonus:
			rows += raises(clean, results[index].points)
			continue
		found = raises(clean, results[index].points)
		if not found:
			continue
		bonus_raw = 0.0
		for at in p.bonus:
			bonus_raw += results[at].points
		bonus_max = scheme.bonus_max
		if bonus_raw + max(found, key=_GAIN)[4] <= bonus_max:
			rows += found  # under the cap the gain is the rise itself
			continue
		room = round(bonus_max - min(bonus_raw, bonus_max), 6)
		for option in found:
			if bonus_raw + option.gain > bonus_max:
				if room <= 0:
					continue
				option = option._replace(gain=room)
			rows.append(option)
	# By gain, largest first, then field name: two sorts, as the second (reversed) keeps ties in order.
	rows.sort(key=_FIELD)
	rows.sort(key=_GAIN, reverse=True)
	return _new(ToPass, (round(max(0.0, pass_mark - total), 6), tuple(rows)))
