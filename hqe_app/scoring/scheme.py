"""A scoring scheme: its fields, its indicator rules, the checks that refuse impossible data, its limits
and its printed wording.

A scheme is plain data built from the pieces in `model`, `rules`, `checklist` and `flags`; the engine
(`evaluate`, `gap`) reads nothing else. `scheme_io` writes it to JSON and reads it back, `scheme_check`
checks it before it is used.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from hqe_app.scoring.flags import Flag
from hqe_app.scoring.model import FieldSpec, LeverPlan, LeverSpace, Limits, PartOf
from hqe_app.scoring.rules import Rule


class IndicatorText(NamedTuple):
	"""One indicator's row of 附件1 as printed."""

	number: str  # 序号 as printed; rows sharing it (8A–8D) are merged like the notice's 就业服务
	item: str  # 建设项目
	method: str  # 评分办法, the notice's wording


@dataclass(frozen=True)
class Wording:
	"""What the printed forms say about the scheme: 附件1's title and subtitle, who issued the table, under
	which notice, and per indicator code its 序号, 建设项目 and 评分办法. A scheme names its own: the
	defaults are the programme's title and nothing else, so that no city's name is printed on another's
	forms; an indicator without a text prints its own code and name and no method."""

	form_title: str = "高质量就业社区（村）评分表"
	form_subtitle: str = ""
	issuing_authority: str = ""
	notice: str = ""
	indicators: Mapping[str, IndicatorText] = field(default_factory=dict)

	def indicator(self, code: str, name: str = "") -> IndicatorText:
		return self.indicators.get(code) or IndicatorText(code, name, "")


DEFAULT_WORDING = Wording()


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
	version: int = 1
	wording: Wording = DEFAULT_WORDING

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
