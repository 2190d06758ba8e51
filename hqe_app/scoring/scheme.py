"""A scoring scheme: its fields, its indicator rules, the checks that refuse impossible data, its limits.

A scheme is plain data built from the pieces in `model`, `rules`, `checklist` and `flags`; the engine
(`evaluate`, `gap`) reads nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from hqe_app.scoring.flags import Flag
from hqe_app.scoring.model import FieldSpec, LeverPlan, LeverSpace, Limits, PartOf
from hqe_app.scoring.rules import Rule


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
