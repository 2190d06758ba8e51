"""A scheme as plain JSON data and back (SPEC §13): what the desk stores, `hqe-score scheme export` writes
and `hqe-score --scheme FILE` reads.

The file names each indicator's rule by a kind from a fixed set (`RULE_KINDS`: the engine's own rule
classes) with its parameters as numbers and field names: a rule is never a formula typed as text.
Fractions stay exact: a band is written "98%", "2/3" or 5 and read back as the same `Fraction`; 0.98 and
"0.98" are read as 49/50. The parameters are the rule classes' own dataclass fields, so `scheme_from_dict`
builds the very objects a scheme written in Python holds and the engine runs as fast on either.

Reading checks the shape only (kinds, names, types), naming each problem by indicator and parameter;
whether the scheme makes sense (points add up, bands ordered, fields known) is `scheme_check`'s.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import sys
import types
import typing
from collections.abc import Callable, Mapping
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from hqe_app.i18n import Translator, translator
from hqe_app.scoring.checklist import CheckItem, Checklist, ChoiceItem, CountAtLeast
from hqe_app.scoring.flags import Exceeds, Flag, OffStep, TickedWithout, WithoutBasis
from hqe_app.scoring.model import FieldSpec, Limits, PartOf
from hqe_app.scoring.rules import Bonus, RatioTiers, Shortfall
from hqe_app.scoring.scheme import DEFAULT_WORDING, IndicatorText, Scheme, Wording

FORMAT = 1  # the file's own version, written as "format"

#: Kind name → class: the indicator rules, a checklist's items, the data flags.
RULE_KINDS: dict[str, type] = {
	"ratio_tiers": RatioTiers,
	"shortfall": Shortfall,
	"checklist": Checklist,
	"bonus": Bonus,
}
ITEM_KINDS: dict[str, type] = {"check": CheckItem, "choice": ChoiceItem, "count_at_least": CountAtLeast}
FLAG_KINDS: dict[str, type] = {
	"exceeds": Exceeds,
	"without_basis": WithoutBasis,
	"ticked_without": TickedWithout,
	"off_step": OffStep,
}
KIND_OF: dict[type, str] = {
	cls: kind for kinds in (RULE_KINDS, ITEM_KINDS, FLAG_KINDS) for kind, cls in kinds.items()
}

#: Parameters the file spells otherwise than the class: (class, attribute) → key.
KEYS = {(FieldSpec, "minimum"): "min", (FieldSpec, "maximum"): "max"}
#: Exact fractions written as percentages ("20%") rather than as "num/den".
PERCENT = {(CountAtLeast, "share")}
#: Keys of an indicator beside its rule's parameters: whether it counts as bonus, its 附件1 texts.
INDICATOR_KEYS = ("code", "kind", "bonus", "form")
WORDING_KEYS = ("issuing_authority", "notice", "form_title", "form_subtitle")

_FRACTION = re.compile(r"-?\d+(?:\.\d+)?|-?\d+/\d+")


class Problem(NamedTuple):
	"""What is wrong with a scheme: the indicator's code ("" for the scheme as a whole), where in it (a
	parameter such as "tiers[0].at_least", or a key of the scheme such as "fields[3].kind") and why."""

	indicator: str
	field: str
	message: str

	def as_dict(self) -> dict[str, str]:
		return {"indicator": self.indicator, "field": self.field, "message": self.message}


class SchemeError(ValueError):
	"""A scheme that cannot be read or used, with every problem found."""

	def __init__(self, problems: list[Problem]):
		self.problems = list(problems)
		super().__init__("; ".join(describe(p) for p in self.problems))


def describe(problem: Problem, _: Translator | None = None) -> str:
	"""One problem as a line for a person: "indicator 1, tiers[0].at_least: …"."""
	_ = _ or translator(None)
	if problem.indicator:
		return _("Indicator {0}, {1}: {2}").format(problem.indicator, problem.field or "-", problem.message)
	if problem.field:
		return _("{0}: {1}").format(problem.field, problem.message)
	return problem.message


# -- exact numbers -------------------------------------------------------------------------------------


def parse_fraction(raw: object) -> Fraction:
	"""An exact fraction from the file: 5, 0.98, "0.98", "2/3", "98%", "97.5%"; ValueError otherwise."""
	if isinstance(raw, bool):
		raise ValueError(raw)
	if isinstance(raw, int):
		return Fraction(raw)
	if isinstance(raw, float):
		if not math.isfinite(raw):
			raise ValueError(raw)
		return Fraction(repr(raw))  # the decimal as written: 0.98 is 49/50, not the nearest double
	if not isinstance(raw, str):
		raise ValueError(raw)
	text = raw.strip()
	percent = text.endswith("%")
	if percent:
		text = text[:-1].strip()
	if not _FRACTION.fullmatch(text):
		raise ValueError(raw)
	try:
		value = Fraction(text)
	except ZeroDivisionError as e:
		raise ValueError(raw) from e
	return value / 100 if percent else value


def fraction_text(value: Fraction, percent: bool = False) -> int | str:
	"""How the file writes an exact fraction: a percentage with up to six decimals when `percent`
	("98%", "97.5%"), else a whole number bare (5) and any other as "num/den" ("2/3")."""
	if percent:
		share = value * 100
		for places in range(7):
			scaled = share * 10**places
			if scaled.denominator == 1:
				digits = str(abs(scaled.numerator)).rjust(places + 1, "0")
				sign = "-" if scaled < 0 else ""
				whole, decimals = (digits[:-places], digits[-places:]) if places else (digits, "")
				return f"{sign}{whole}{'.' if decimals else ''}{decimals}%"
	if value.denominator == 1:
		return value.numerator
	return f"{value.numerator}/{value.denominator}"


# -- writing -------------------------------------------------------------------------------------------


def scheme_to_dict(scheme: Scheme) -> dict[str, Any]:
	"""The scheme as plain JSON-ready data: numbers, text, lists and objects only."""
	wording = scheme.wording
	return {
		"format": FORMAT,
		"code": scheme.code,
		"version": scheme.version,
		"title": scheme.title,
		**{key: getattr(wording, key) for key in WORDING_KEYS},
		"pass_mark": scheme.pass_mark,
		"base_max": scheme.base_max,
		"bonus_max": scheme.bonus_max,
		"limits": None if scheme.limits is None else _plain(scheme.limits),
		"sections": [{"code": code, "label": label} for code, label in scheme.sections],
		"fields": [_field_to_dict(spec) for spec in scheme.fields],
		"indicators": [_indicator_to_dict(scheme, rule) for rule in scheme.indicators],
		"parts": [_plain(part) for part in scheme.parts],
		"positive": list(scheme.positive),
		"not_all_zero": [list(group) for group in scheme.not_all_zero],
		"flags": [{"kind": KIND_OF[type(flag)], **_plain(flag)} for flag in scheme.flags],
		"levers": list(scheme.levers),
	}


def scheme_to_json(scheme: Scheme) -> str:
	"""The scheme as JSON text for a person: whatever fits on a line on one line (a field, a band)."""
	return _pretty(scheme_to_dict(scheme), 0) + "\n"


def _pretty(value: Any, depth: int, width: int = 160) -> str:
	flat = json.dumps(value, ensure_ascii=False)
	if not isinstance(value, dict | list) or not value or 2 * depth + len(flat) <= width:
		return flat
	inner = "  " * (depth + 1)
	if isinstance(value, dict):
		lines = [
			f"{inner}{json.dumps(k, ensure_ascii=False)}: {_pretty(v, depth + 1)}" for k, v in value.items()
		]
		return "{\n" + ",\n".join(lines) + "\n" + "  " * depth + "}"
	lines = [f"{inner}{_pretty(v, depth + 1)}" for v in value]
	return "[\n" + ",\n".join(lines) + "\n" + "  " * depth + "]"


def dump_scheme(scheme: Scheme, path: str | Path) -> None:
	"""Write the scheme to a JSON file (UTF-8, Chinese as it is)."""
	Path(path).write_text(scheme_to_json(scheme), encoding="utf-8")


def _field_to_dict(spec: FieldSpec) -> dict[str, Any]:
	"""A field: its options, minimum and maximum only when it has them."""
	out = _plain(spec)
	for key in ("options", "min", "max"):
		if out[key] in ((), [], None):
			del out[key]
	return out


def _indicator_to_dict(scheme: Scheme, rule: object) -> dict[str, Any]:
	params = _plain(rule)
	out = {"code": params.pop("code"), "kind": KIND_OF[type(rule)]}
	out |= {"name": params.pop("name"), "max_points": params.pop("max_points")}
	out["bonus"] = rule.code in scheme.bonus_codes
	out |= params
	text = scheme.wording.indicators.get(rule.code)
	if text is not None:
		out["form"] = text._asdict()
	return out


def _plain(obj: object) -> dict[str, Any]:
	"""A dataclass's fields, each as plain data (`_encode`), keyed as the file spells them."""
	cls = type(obj)
	out: dict[str, Any] = {}
	for f in dataclasses.fields(obj):
		value = getattr(obj, f.name)
		custom = _WRITERS.get((cls, f.name))
		out[KEYS.get((cls, f.name), f.name)] = (
			custom(obj, value) if custom else _encode(value, (cls, f.name) in PERCENT)
		)
	return out


def _encode(value: object, percent: bool = False) -> Any:
	if isinstance(value, Fraction):
		return fraction_text(value, percent)
	if dataclasses.is_dataclass(value):
		kind = KIND_OF.get(type(value))
		return {"kind": kind, **_plain(value)} if kind else _plain(value)
	if isinstance(value, tuple | list):
		return [_encode(v) for v in value]
	if isinstance(value, Mapping):
		return {str(k): _encode(v) for k, v in value.items()}
	return value


def _tiers_to_list(rule: RatioTiers, tiers: tuple[tuple[Fraction, float], ...]) -> list[dict[str, Any]]:
	return [{"at_least": fraction_text(Fraction(t), rule.as_percent), "points": p} for t, p in tiers]


def _media_to_list(_rule: Bonus, media: tuple[tuple[str, float, str], ...]) -> list[dict[str, Any]]:
	return [{"field": field, "weight": weight, "text": text} for field, weight, text in media]


_WRITERS: dict[tuple[type, str], Callable[[Any, Any], Any]] = {
	(RatioTiers, "tiers"): _tiers_to_list,
	(Bonus, "media"): _media_to_list,
}


# -- reading -------------------------------------------------------------------------------------------


class _Bad:
	"""A value that could not be read (its problem is recorded)."""


BAD = _Bad()


@cache
def _hints(cls: type) -> dict[str, Any]:
	return typing.get_type_hints(cls)


class _Reader:
	"""Reads the parts of a scheme, recording each problem with the indicator and the path it is at."""

	def __init__(self, _: Translator):
		self._ = _
		self.problems: list[Problem] = []

	def problem(self, indicator: str, path: str, message: str) -> _Bad:
		self.problems.append(Problem(indicator, path, message))
		return BAD

	def value(self, raw: object, hint: Any, indicator: str, path: str) -> Any:
		"""`raw` read as the type `hint` (a class attribute's annotation), or BAD."""
		_ = self._
		origin, args = typing.get_origin(hint), typing.get_args(hint)
		if origin in (types.UnionType, typing.Union):
			if type(None) in args:
				if raw is None:
					return None
				(hint,) = [a for a in args if a is not type(None)]
				return self.value(raw, hint, indicator, path)
			return self.kinded(raw, _registry(args), indicator, path)
		if origin is typing.Literal:
			if raw in args:
				return raw
			return self.problem(
				indicator, path, _("{0} is not one of {1}").format(repr(raw), ", ".join(args))
			)
		if origin is tuple:
			if not isinstance(raw, list):
				return self.problem(indicator, path, _("must be a list"))
			items = [self.value(v, args[0], indicator, f"{path}[{i}]") for i, v in enumerate(raw)]
			return BAD if any(v is BAD for v in items) else tuple(items)
		if origin is Mapping or origin is dict:
			if not isinstance(raw, dict):
				return self.problem(indicator, path, _("must be an object"))
			read = {sys.intern(k): self.value(v, args[1], indicator, f"{path}.{k}") for k, v in raw.items()}
			return BAD if any(v is BAD for v in read.values()) else read
		if hint is Fraction:
			try:
				return parse_fraction(raw)
			except ValueError:
				return self.problem(
					indicator, path, _('must be an exact number such as 5, "2/3", "98%" or 0.98')
				)
		if hint is bool:
			return raw if isinstance(raw, bool) else self.problem(indicator, path, _("must be true or false"))
		if hint is int:
			if isinstance(raw, float) and raw.is_integer():
				return int(raw)
			if isinstance(raw, int) and not isinstance(raw, bool):
				return raw
			return self.problem(indicator, path, _("must be a whole number"))
		if hint is float:
			if isinstance(raw, int | float) and not isinstance(raw, bool) and math.isfinite(raw):
				return raw
			return self.problem(indicator, path, _("must be a number"))
		if hint is str:
			# interned, as a scheme written in Python has its names: the engine's lookups of a field
			# then find the very key object `normalize` stored, not an equal string to compare
			return (
				sys.intern(raw) if isinstance(raw, str) else self.problem(indicator, path, _("must be text"))
			)
		if dataclasses.is_dataclass(hint):
			return self.record(hint, raw, indicator, path)
		raise TypeError(f"no reader for {hint!r}")  # a new annotation in a rule class: teach `value` it

	def kinded(self, raw: object, kinds: Mapping[str, type], indicator: str, path: str, extra=()) -> Any:
		"""An object whose "kind" picks its class from `kinds`."""
		_ = self._
		if not isinstance(raw, dict):
			return self.problem(indicator, path, _("must be an object"))
		kind = raw.get("kind")
		cls = kinds.get(kind) if isinstance(kind, str) else None
		if cls is None:
			message = _("unknown kind {0}; use one of {1}").format(repr(kind), ", ".join(kinds))
			return self.problem(indicator, _join(path, "kind"), message)
		return self.record(cls, raw, indicator, path, ("kind", *extra))

	def record(self, cls: type, raw: object, indicator: str, path: str, extra=()) -> Any:
		"""An instance of the dataclass `cls` from an object keyed by its fields (`extra`: keys read elsewhere)."""
		_ = self._
		if not isinstance(raw, dict):
			return self.problem(indicator, path, _("must be an object"))
		values: dict[str, Any] = {}
		keys = set(extra)
		bad = False
		for f in dataclasses.fields(cls):
			key = KEYS.get((cls, f.name), f.name)
			keys.add(key)
			where = _join(path, key)
			if key not in raw:
				if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
					self.problem(indicator, where, _("is missing"))
					bad = True
				continue
			reader = _READERS.get((cls, f.name))
			value = (
				reader(self, raw[key], indicator, where)
				if reader
				else self.value(raw[key], _hints(cls)[f.name], indicator, where)
			)
			if value is BAD:
				bad = True
			else:
				values[f.name] = value
		for key in raw:
			if key not in keys:
				self.problem(indicator, _join(path, key), _("unknown parameter"))
				bad = True
		return BAD if bad else cls(**values)

	def pairs(self, raw: object, indicator: str, path: str, keys: tuple[tuple[str, Any], ...]) -> Any:
		"""A list of objects with exactly `keys` (name, type), read as tuples in that order."""
		_ = self._
		if not isinstance(raw, list):
			return self.problem(indicator, path, _("must be a list"))
		out = []
		for i, item in enumerate(raw):
			where = f"{path}[{i}]"
			if not isinstance(item, dict):
				out.append(self.problem(indicator, where, _("must be an object")))
				continue
			row = []
			for key, hint in keys:
				if key not in item:
					row.append(self.problem(indicator, f"{where}.{key}", _("is missing")))
				else:
					row.append(self.value(item[key], hint, indicator, f"{where}.{key}"))
			for key in item:
				if key not in dict(keys):
					self.problem(indicator, f"{where}.{key}", _("unknown parameter"))
					row.append(BAD)
			out.append(BAD if any(v is BAD for v in row) else tuple(row))
		return BAD if any(v is BAD for v in out) else tuple(out)


def _join(path: str, key: str) -> str:
	return f"{path}.{key}" if path else key


def _registry(members: tuple[type, ...]) -> Mapping[str, type]:
	for kinds in (ITEM_KINDS, FLAG_KINDS, RULE_KINDS):
		if set(members) == set(kinds.values()):
			return kinds
	raise TypeError(f"no kinds for {members!r}")


def _read_tiers(r: _Reader, raw: object, indicator: str, path: str) -> Any:
	return r.pairs(raw, indicator, path, (("at_least", Fraction), ("points", float)))


def _read_media(r: _Reader, raw: object, indicator: str, path: str) -> Any:
	return r.pairs(raw, indicator, path, (("field", str), ("weight", float), ("text", str)))


_READERS: dict[tuple[type, str], Callable[[_Reader, object, str, str], Any]] = {
	(RatioTiers, "tiers"): _read_tiers,
	(Bonus, "media"): _read_media,
}

_SCHEME_KEYS: tuple[tuple[str, Any, object], ...] = (
	# key, type, default (BAD: required)
	("format", int, FORMAT),
	("code", str, BAD),
	("version", int, 1),
	("title", str, BAD),
	*((key, str, getattr(DEFAULT_WORDING, key)) for key in WORDING_KEYS),
	("pass_mark", float, BAD),
	("base_max", float, BAD),
	("bonus_max", float, BAD),
	("limits", Limits | None, None),
	("sections", tuple[tuple[str, str], ...], ()),
	("fields", tuple[FieldSpec, ...], BAD),
	("indicators", None, BAD),
	("parts", tuple[PartOf, ...], ()),
	("positive", tuple[str, ...], ()),
	("not_all_zero", tuple[tuple[str, ...], ...], ()),
	("flags", tuple[Flag, ...], ()),
	("levers", tuple[str, ...], ()),
)


def scheme_from_dict(data: object, _: Translator | None = None) -> Scheme:
	"""The scheme a `scheme_to_dict` object describes; SchemeError lists every problem of its shape."""
	r = _Reader(_ or translator("zh"))
	_ = r._
	if not isinstance(data, dict):
		raise SchemeError([Problem("", "", _("A scheme must be one JSON object"))])
	values: dict[str, Any] = {}
	for key, hint, default in _SCHEME_KEYS:
		if key not in data:
			values[key] = default if default is not BAD else r.problem("", key, _("is missing"))
		elif key == "sections":
			values[key] = r.pairs(data[key], "", key, (("code", str), ("label", str)))
		elif key == "indicators":
			values[key] = _read_indicators(r, data[key])
		else:
			values[key] = r.value(data[key], hint, "", key)
	for key in data:
		if key not in {k for k, _hint, _default in _SCHEME_KEYS}:
			r.problem("", key, _("unknown parameter"))
	if values["format"] not in (FORMAT, BAD):
		r.problem(
			"",
			"format",
			_("unsupported format {0}; this version reads format {1}").format(values["format"], FORMAT),
		)
	if r.problems:
		raise SchemeError(r.problems)
	rules, bonus_codes, texts = values["indicators"]
	wording = Wording(**{key: values[key] for key in WORDING_KEYS}, indicators=texts)
	return Scheme(
		code=values["code"],
		title=values["title"],
		pass_mark=values["pass_mark"],
		base_max=values["base_max"],
		bonus_max=values["bonus_max"],
		fields=values["fields"],
		indicators=rules,
		bonus_codes=frozenset(bonus_codes),
		parts=values["parts"],
		positive=values["positive"],
		not_all_zero=values["not_all_zero"],
		flags=values["flags"],
		sections=values["sections"],
		levers=values["levers"],
		limits=values["limits"],
		version=values["version"],
		wording=wording,
	)


def _read_indicators(r: _Reader, raw: object) -> Any:
	"""(rules, the codes that count as bonus, the 附件1 texts by code)."""
	if not isinstance(raw, list):
		_ = r._
		return r.problem("", "indicators", _("must be a list"))
	rules, bonus, texts = [], [], {}
	for i, item in enumerate(raw):
		code = item.get("code") if isinstance(item, dict) else None
		indicator, path = (code, "") if isinstance(code, str) and code else ("", f"indicators[{i}]")
		rule = r.kinded(item, RULE_KINDS, indicator, path, extra=INDICATOR_KEYS[2:])
		if rule is BAD:
			continue
		rules.append(rule)
		if r.value(item.get("bonus", False), bool, indicator, _join(path, "bonus")) is True:
			bonus.append(rule.code)
		if "form" in item:
			text = r.record(_TextRecord, item["form"], indicator, _join(path, "form"))
			if text is not BAD:
				texts[rule.code] = IndicatorText(text.number, text.item, text.method)
	return (tuple(rules), bonus, texts)


@dataclasses.dataclass(frozen=True)
class _TextRecord:
	number: str
	item: str
	method: str = ""


def load_scheme_file(path: str | Path, _: Translator | None = None) -> Scheme:
	"""Read a scheme file; SchemeError when it cannot be read, is not JSON or is not a scheme."""
	_ = _ or translator("zh")
	path = Path(path)
	try:
		text = path.read_text(encoding="utf-8-sig")
	except (OSError, UnicodeDecodeError) as e:
		raise SchemeError([Problem("", "", _("Cannot read {0}: {1}").format(path.name, e))]) from e
	try:
		data = json.loads(text)
	except json.JSONDecodeError as e:
		raise SchemeError([Problem("", "", _("{0} is not JSON: {1}").format(path.name, e))]) from e
	return scheme_from_dict(data, _)
