"""Check a scheme before it is used (SPEC §13): its points add up, its bands are ordered and within
0–100 %, every field its rules, flags, checks and levers name is one of its fields, of the right kind.

Each problem names the indicator ("" for the scheme as a whole) and the parameter, as `scheme_io`'s
reading problems do. The notice's limits are the programme's: `programme.limits.check_scheme_against_notice`
passes the notice's own scheme in as `notice`, so a scheme is never laxer than the notice it comes from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import get_args

from hqe_app.i18n import Translator, translator
from hqe_app.scoring.checklist import CheckItem, Checklist, ChoiceItem, CountAtLeast
from hqe_app.scoring.display import fmt_points
from hqe_app.scoring.flags import Exceeds, OffStep, TickedWithout, WithoutBasis
from hqe_app.scoring.model import FieldKind
from hqe_app.scoring.quota import ROUNDINGS
from hqe_app.scoring.rules import Bonus, RatioTiers, Shortfall
from hqe_app.scoring.scheme import Scheme
from hqe_app.scoring.scheme_io import Problem, SchemeError, scheme_from_dict

#: SPEC §13: "base points add up to 100".
BASE_MAX = 100
#: The data template's identity columns (SPEC §10): no field may take their names.
IDENTITY_COLUMNS = frozenset({"community", "township", "county", "year"})
FIELD_NAME = re.compile(r"[a-z][a-z0-9_]*")


def check_scheme(
	scheme: Scheme | Mapping[str, object], _: Translator | None = None, notice: Scheme | None = None
) -> list[Problem]:
	"""Every problem of a scheme (or of the data `scheme_io.scheme_from_dict` reads); [] when it may be used.

	`notice`: the scheme of the notice this one comes from, whose pass mark and quota it may make
	stricter, never laxer (SPEC §6)."""
	_ = _ or translator("zh")
	if not isinstance(scheme, Scheme):
		try:
			scheme = scheme_from_dict(scheme, _)
		except SchemeError as e:
			return e.problems
	return [*_Check(scheme, _).problems(), *(_notice_problems(scheme, notice, _) if notice else ())]


def _kind(kind: str, _: Translator) -> str:
	names = {"count": _("count"), "check": _("yes/no"), "select": _("select"), "points": _("points")}
	return names.get(kind, kind)


class _Check:
	def __init__(self, scheme: Scheme, _: Translator):
		self.scheme, self._ = scheme, _
		self.kinds: dict[str, str] = {f.name: f.kind for f in scheme.fields}

	def problems(self) -> Iterator[Problem]:
		yield from self.totals()
		yield from self.fields()
		for rule in self.scheme.indicators:
			yield from self.indicator(rule)
		yield from self.checks()
		yield from self.flags()
		yield from self.levers()
		yield from self.limits()

	# -- the scheme as a whole ------------------------------------------------------------------------

	def totals(self) -> Iterator[Problem]:
		_, s = self._, self.scheme
		codes = [rule.code for rule in s.indicators]
		for code in sorted({c for c in codes if codes.count(c) > 1}):
			yield Problem(code, "code", _("Two indicators have the code {0}").format(code))
		for code in sorted(s.bonus_codes - set(codes)):
			yield Problem(code, "bonus", _("No indicator has the code {0}").format(code))
		for code in sorted(set(s.wording.indicators) - set(codes)):
			yield Problem(code, "form", _("No indicator has the code {0}").format(code))
		if s.base_max != BASE_MAX:
			yield Problem("", "base_max", _("The base points must add up to {0}").format(BASE_MAX))
		base = sum(rule.max_points for rule in s.indicators if rule.code not in s.bonus_codes)
		if base != s.base_max:
			yield Problem(
				"",
				"indicators",
				_("The base indicators' maximum points add up to {0}, not the base maximum {1}").format(
					fmt_points(base), fmt_points(s.base_max)
				),
			)
		bonus = sum(rule.max_points for rule in s.indicators if rule.code in s.bonus_codes)
		if s.bonus_max < 0 or bonus < s.bonus_max:
			yield Problem(
				"",
				"bonus_max",
				_("The bonus maximum {0} must be between 0 and the bonus indicators' points {1}").format(
					fmt_points(s.bonus_max), fmt_points(bonus)
				),
			)
		if not 0 < s.pass_mark <= s.base_max + max(s.bonus_max, 0):
			yield Problem(
				"",
				"pass_mark",
				_("The pass mark must be above 0 and at most {0}").format(
					fmt_points(s.base_max + s.bonus_max)
				),
			)
		if s.version < 1:
			yield Problem("", "version", _("The version must be 1 or more"))

	def fields(self) -> Iterator[Problem]:
		_, s = self._, self.scheme
		sections = [code for code, _label in s.sections]
		for code in sorted({c for c in sections if sections.count(c) > 1}):
			yield Problem("", "sections", _("Two sections have the code {0}").format(code))
		names = [f.name for f in s.fields]
		for i, spec in enumerate(s.fields):
			where = f"fields[{i}]"
			if not FIELD_NAME.fullmatch(spec.name) or spec.name in IDENTITY_COLUMNS:
				message = _("{0} is not a usable field name (lower-case letters, digits and _)")
				yield Problem("", f"{where}.name", message.format(repr(spec.name)))
			elif names.count(spec.name) > 1 and names.index(spec.name) < i:
				yield Problem("", f"{where}.name", _("Two fields are named {0}").format(spec.name))
			if spec.kind not in get_args(FieldKind):
				message = _("{0} is not one of {1}").format(repr(spec.kind), ", ".join(get_args(FieldKind)))
				yield Problem("", f"{where}.kind", message)
			if spec.section not in sections:
				yield Problem("", f"{where}.section", _("No section has the code {0}").format(spec.section))
			if spec.kind == "select" and (not spec.options or len(set(spec.options)) < len(spec.options)):
				yield Problem("", f"{where}.options", _("A select needs its options, each once"))
			elif spec.kind != "select" and spec.options:
				yield Problem("", f"{where}.options", _("Only a select has options"))
			if spec.kind == "points" and spec.maximum is None:
				yield Problem("", f"{where}.max", _("Points need a maximum"))
			low, high = spec.minimum, spec.maximum
			if (low is not None and low < 0) or (low is not None and high is not None and high < low):
				yield Problem("", f"{where}.min", _("The minimum must be 0 or more and at most the maximum"))

	# -- one indicator --------------------------------------------------------------------------------

	def indicator(self, rule: object) -> Iterator[Problem]:
		_, code = self._, rule.code
		if not rule.max_points > 0:
			yield Problem(code, "max_points", _("The maximum points must be above 0"))
		if isinstance(rule, RatioTiers):
			yield from self.ratio_tiers(rule)
		elif isinstance(rule, Shortfall):
			yield from self.field(code, "total", rule.total, "count")
			yield from self.field(code, "achieved", rule.achieved, "count")
			if not rule.per_miss > 0:
				yield Problem(code, "per_miss", _("The deduction must be above 0"))
		elif isinstance(rule, Checklist):
			yield from self.checklist(rule)
		elif isinstance(rule, Bonus):
			yield from self.bonus(rule)

	def ratio_tiers(self, rule: RatioTiers) -> Iterator[Problem]:
		_, code = self._, rule.code
		yield from self.field(code, "numerator", rule.numerator, "count")
		if not rule.denominator:
			yield Problem(code, "denominator", _("Name at least one field"))
		for i, name in enumerate(rule.denominator):
			yield from self.field(code, f"denominator[{i}]", name, "count")
		if not rule.tiers:
			yield Problem(code, "tiers", _("Give at least one band"))
		for i, (threshold, points) in enumerate(rule.tiers):
			if rule.as_percent and not 0 <= threshold <= 1:
				yield Problem(
					code,
					f"tiers[{i}].at_least",
					_("The band {0} is outside 0–100 %").format(_percent(threshold)),
				)
			elif threshold < 0:
				yield Problem(code, f"tiers[{i}].at_least", _("The band must be 0 or more"))
			if points < 0:
				yield Problem(code, f"tiers[{i}].points", _("Points must be 0 or more"))
			if i and not (threshold < rule.tiers[i - 1][0] and points < rule.tiers[i - 1][1]):
				yield Problem(
					code,
					f"tiers[{i}]",
					_(
						"Bands go from the highest down: each lower than the one before and worth fewer points"
					),
				)
		top = max((points for _t, points in rule.tiers), default=0)
		if rule.tiers and top != rule.max_points:
			yield Problem(
				code,
				"tiers[0].points",
				_("The top band gives {0} points, not the indicator's maximum {1}").format(
					fmt_points(top), fmt_points(rule.max_points)
				),
			)
		if not 0 <= rule.zero_denominator_points <= rule.max_points:
			message = _("Points must be between 0 and the indicator's maximum {0}")
			yield Problem(code, "zero_denominator_points", message.format(fmt_points(rule.max_points)))

	def checklist(self, rule: Checklist) -> Iterator[Problem]:
		_, code = self._, rule.code
		if not rule.items:
			yield Problem(code, "items", _("Give at least one item"))
		most = 0.0
		for i, item in enumerate(rule.items):
			where = f"items[{i}]"
			if isinstance(item, CheckItem):
				yield from self.field(code, f"{where}.field", item.field, "check")
				worth = [item.points]
			elif isinstance(item, ChoiceItem):
				yield from self.field(code, f"{where}.field", item.field, "select")
				options = self.options(item.field)
				for option in [*item.points, *item.texts]:
					if options is not None and option not in options:
						message = _("{0} is not an option of {1}").format(repr(option), item.field)
						yield Problem(code, f"{where}.points", message)
				worth = list(item.points.values()) or [0]
			else:
				yield from self.count_at_least(code, where, item)
				worth = [item.points]
			if min(worth) < 0:
				yield Problem(code, f"{where}.points", _("Points must be 0 or more"))
			most += max(worth)
		if rule.items and most != rule.max_points:
			yield Problem(
				code,
				"items",
				_("The items add up to {0} points, not the indicator's maximum {1}").format(
					fmt_points(most), fmt_points(rule.max_points)
				),
			)
		if rule.gate is not None and not 0 <= rule.gate <= most:
			message = _("The threshold must be between 0 and the items' {0} points")
			yield Problem(code, "gate", message.format(fmt_points(most)))

	def count_at_least(self, code: str, where: str, item: CountAtLeast) -> Iterator[Problem]:
		_ = self._
		yield from self.field(code, f"{where}.field", item.field, "count")
		if item.minimum < 0:
			yield Problem(code, f"{where}.minimum", _("The minimum must be 0 or more"))
		if item.share_of is not None:
			yield from self.field(code, f"{where}.share_of", item.share_of, "count")
		if not 0 <= item.share <= 1:
			message = _("The band {0} is outside 0–100 %").format(_percent(item.share))
			yield Problem(code, f"{where}.share", message)

	def bonus(self, rule: Bonus) -> Iterator[Problem]:
		_, code = self._, rule.code
		for i, (name, weight, _text) in enumerate(rule.media):
			yield from self.field(code, f"media[{i}].field", name, "count")
			if weight < 0:
				yield Problem(code, f"media[{i}].weight", _("Points must be 0 or more"))
		if rule.media_cap < 0:
			yield Problem(code, "media_cap", _("Points must be 0 or more"))
		yield from self.field(code, "innovation", rule.innovation, "points")
		spec = self.scheme.field_map.get(rule.innovation)
		if spec is not None and spec.maximum is not None and rule.media_cap + spec.maximum != rule.max_points:
			yield Problem(
				code,
				"media_cap",
				_(
					"The media cap and the innovation points add up to {0}, not the indicator's maximum {1}"
				).format(fmt_points(rule.media_cap + spec.maximum), fmt_points(rule.max_points)),
			)

	# -- what names fields ----------------------------------------------------------------------------

	def field(self, indicator: str, where: str, name: str, kind: str) -> Iterator[Problem]:
		"""`name` is a field of the scheme, of `kind`."""
		_ = self._
		known = self.kinds.get(name)
		if known is None:
			yield Problem(indicator, where, _("{0} is not a field of the scheme").format(repr(name)))
		elif known != kind:
			yield Problem(
				indicator,
				where,
				_("{0} is a {1} field; a {2} field is needed").format(name, _kind(known, _), _kind(kind, _)),
			)

	def options(self, name: str) -> tuple[str, ...] | None:
		spec = self.scheme.field_map.get(name)
		return spec.options if spec is not None else None

	def checks(self) -> Iterator[Problem]:
		_, s = self._, self.scheme
		for i, part in enumerate(s.parts):
			yield from self.field("", f"parts[{i}].part", part.part, "count")
			yield from self.field("", f"parts[{i}].whole", part.whole, "count")
		for i, name in enumerate(s.positive):
			yield from self.field("", f"positive[{i}]", name, "count")
		for i, group in enumerate(s.not_all_zero):
			if len(group) != 2:
				yield Problem("", f"not_all_zero[{i}]", _("Name two fields"))
			for j, name in enumerate(group):
				yield from self.field("", f"not_all_zero[{i}][{j}]", name, "count")

	def flags(self) -> Iterator[Problem]:
		_, s = self._, self.scheme
		codes = [flag.code for flag in s.flags]
		for i, flag in enumerate(s.flags):
			where = f"flags[{i}]"
			if codes.index(flag.code) < i:
				yield Problem("", f"{where}.code", _("Two flags have the code {0}").format(flag.code))
			if isinstance(flag, Exceeds):
				names = (("field", flag.field), ("other", flag.other))
			elif isinstance(flag, WithoutBasis):
				names = (("field", flag.field), ("basis", flag.basis))
			elif isinstance(flag, TickedWithout):
				names = (*((f"fields[{j}]", f) for j, f in enumerate(flag.fields)), ("basis", flag.basis))
			else:
				names = (("field", flag.field),)
			for key, name in names:
				if name not in self.kinds:
					yield Problem(
						"", f"{where}.{key}", _("{0} is not a field of the scheme").format(repr(name))
					)
			if isinstance(flag, OffStep) and not flag.step > 0:
				yield Problem("", f"{where}.step", _("The step must be above 0"))

	def levers(self) -> Iterator[Problem]:
		"""Each lever a field, read by one indicator at most (`gap.to_pass` asks that indicator alone)."""
		_, s = self._, self.scheme
		for i, name in enumerate(s.levers):
			if name not in self.kinds:
				yield Problem("", f"levers[{i}]", _("{0} is not a field of the scheme").format(repr(name)))
				continue
			readers = [rule.code for rule in s.indicators if name in rule.reads]
			if len(readers) > 1:
				message = _("A lever may be read by one indicator only; {0} is read by {1}")
				yield Problem(readers[1], f"levers[{i}]", message.format(name, ", ".join(readers)))

	def limits(self) -> Iterator[Problem]:
		_, limits = self._, self.scheme.limits
		if limits is None:
			return
		if not 0 < limits.max_quota_rate <= 1:
			yield Problem("", "limits.max_quota_rate", _("The quota rate must be above 0 and at most 100 %"))
		if limits.rounding not in ROUNDINGS:
			message = _("{0} is not one of {1}").format(repr(limits.rounding), ", ".join(ROUNDINGS))
			yield Problem("", "limits.rounding", message)


def _notice_problems(scheme: Scheme, notice: Scheme, _: Translator) -> Iterator[Problem]:
	"""What in `scheme` is laxer than the notice's own scheme allows (SPEC §6), and any count that is not
	one of the notice's: a scheme may add yes/no items, while the counts stay the fields of SPEC §4."""
	kinds = {f.name: f.kind for f in notice.fields}
	for i, spec in enumerate(scheme.fields):
		if spec.kind == "count" and kinds.get(spec.name) != "count":
			message = _("{0} is not one of the notice's counts; a scheme may add yes/no items, not counts")
			yield Problem("", f"fields[{i}].name", message.format(spec.name))
		elif spec.name not in kinds:
			if spec.kind != "check":
				message = _("{0} is not one of the notice's fields; a scheme may add yes/no items only")
				yield Problem("", f"fields[{i}].kind", message.format(spec.name))
		elif spec.kind != kinds[spec.name]:
			# an application keeps a field of the notice in its own column, of the notice's kind
			message = _("{0} is a field of the notice of kind {1}; it keeps that kind")
			yield Problem("", f"fields[{i}].kind", message.format(spec.name, kinds[spec.name]))
	ruled = notice.limits
	if ruled is None:
		return
	if Fraction(str(scheme.pass_mark)) < Fraction(str(notice.pass_mark)):
		message = _("The pass mark may not be below the notice's {0}: {1}")
		yield Problem("", "pass_mark", message.format(fmt_points(notice.pass_mark), ruled.pass_mark_text))
	limits = scheme.limits
	if limits is None:
		yield Problem(
			"", "limits", _("The scheme must carry the notice's limits: {0}").format(ruled.quota_text)
		)
		return
	if limits.max_quota_rate > ruled.max_quota_rate:
		message = _("The quota rate may not be above the notice's {0}: {1}")
		yield Problem(
			"", "limits.max_quota_rate", message.format(_percent(ruled.max_quota_rate), ruled.quota_text)
		)
	if limits.rounding != ruled.rounding:
		message = _("The quota is rounded as the notice says ({0}): {1}")
		yield Problem("", "limits.rounding", message.format(_(ruled.rounding), ruled.quota_text))


def _percent(value: Fraction) -> str:
	share = value * 100
	return f"{float(share):g}%" if share.denominator != 1 else f"{share.numerator}%"
