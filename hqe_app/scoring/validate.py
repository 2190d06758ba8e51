"""Refuse impossible application data (SPEC §5), naming the field, and coerce what is acceptable."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from hqe_app.i18n import Translator
from hqe_app.scoring.display import fmt_points
from hqe_app.scoring.model import FieldSpec
from hqe_app.scoring.scheme import Scheme

_NO_ALIASES: Mapping[str, str] = MappingProxyType({})
TRUE_WORDS = frozenset({"1", "是", "yes", "y", "true", "t", "√", "✓", "有"})
FALSE_WORDS = frozenset({"0", "否", "no", "n", "false", "f", "×", "无"})


@dataclass(frozen=True)
class FieldError:
	field: str
	message: str

	def as_dict(self) -> dict[str, str]:
		return {"field": self.field, "message": self.message}


class InvalidApplication(ValueError):
	"""Raised with every field error of one application."""

	def __init__(self, errors: list[FieldError]):
		self.errors = errors
		super().__init__("; ".join(e.message for e in errors))


class _Invalid(Exception):
	def __init__(self, message: str):
		self.message = message


def label(spec: FieldSpec, _: Translator) -> str:
	return _(spec.label)


def normalize(
	scheme: Scheme, raw: Mapping[str, object], _: Translator, option_aliases: Mapping[str, str] | None = None
) -> tuple[dict[str, object], list[FieldError]]:
	"""Coerce every field of the scheme from `raw`; return the clean values and the errors found.

	`option_aliases` maps other spellings of a select option (e.g. its Chinese label) to the option.
	"""
	values: dict[str, object] = {}
	errors: list[FieldError] = []
	aliases = option_aliases or _NO_ALIASES
	get = raw.get
	for name, ready_type, spec in scheme.field_plan:
		value = get(name)
		# A value already of its field's type (what forms and the ORM send) needs no coercion.
		if type(value) is ready_type and (ready_type is bool or value >= 0):
			values[name] = value
			continue
		try:
			values[name] = _coerce(spec, value, _, aliases)
		except _Invalid as e:
			errors.append(FieldError(name, e.message))
	if errors or not _related(scheme, values):
		errors.extend(_relations(scheme, values, _))
	return values, errors


def _coerce(spec: FieldSpec, value: object, _: Translator, aliases: Mapping[str, str]) -> object:
	# What forms send for a select or a points field, taken as `_points` and the select below take it.
	if spec.kind == "select" and type(value) is str and value in spec.options and value == value.strip():
		return value
	if spec.kind == "points" and type(value) in (int, float):
		high = spec.maximum
		if (spec.minimum or 0) <= value and (high is None or value <= high):  # nan fails: refused below
			return float(value)
	if value is None or (isinstance(value, str) and not value.strip()):
		raise _Invalid(_("{0} is required").format(label(spec, _)))
	if spec.kind == "count":
		number = _integer(value)
		if number is None:
			raise _Invalid(_("{0} must be a whole number").format(label(spec, _)))
		if number < 0:
			raise _Invalid(_("{0} cannot be negative").format(label(spec, _)))
		return number
	if spec.kind == "check":
		return _boolean(spec, value, _)
	if spec.kind == "select":
		text = str(value).strip()
		option = text if text in spec.options else aliases.get(text)
		if option not in spec.options:
			allowed = ", ".join(spec.options)
			raise _Invalid(
				_("{0}: unknown option {1}; use one of {2}").format(label(spec, _), repr(text), allowed)
			)
		return option
	return _points(spec, value, _)


def _integer(value: object) -> int | None:
	if isinstance(value, bool):
		return None
	if isinstance(value, int):
		return value
	try:
		number = float(str(value).strip())
	except ValueError:
		return None
	return int(number) if number.is_integer() else None


def _boolean(spec: FieldSpec, value: object, _: Translator) -> bool:
	if isinstance(value, bool):
		return value
	if isinstance(value, int | float) and value in (0, 1):
		return bool(value)
	word = str(value).strip().lower()
	if word in TRUE_WORDS:
		return True
	if word in FALSE_WORDS:
		return False
	raise _Invalid(
		_("{0}: unknown option {1}; use one of {2}").format(label(spec, _), repr(str(value)), "是, 否")
	)


def _points(spec: FieldSpec, value: object, _: Translator) -> float:
	try:
		number = float(str(value).strip()) if not isinstance(value, bool) else None
	except ValueError:
		number = None
	if number is None or number != number:
		raise _Invalid(_("{0} must be a number").format(label(spec, _)))
	low, high = spec.minimum or 0, spec.maximum
	if number < low or (high is not None and number > high):
		raise _Invalid(
			_("{0} must be between {1} and {2}").format(
				label(spec, _), fmt_points(low), fmt_points(high or 0)
			)
		)
	return number


def _related(scheme: Scheme, values: dict[str, object]) -> bool:
	"""The checks across fields all pass (`_relations` would find nothing), every field being valid."""
	for name in scheme.positive:
		if values[name] == 0:
			return False
	for rule in scheme.parts:
		if values[rule.part] > values[rule.whole]:
			return False
	for group in scheme.not_all_zero:
		for name in group:
			if values[name] != 0:
				break
		else:
			return False
	return True


def _relations(scheme: Scheme, values: dict[str, object], _: Translator) -> list[FieldError]:
	"""Checks across fields; each runs only when the fields it reads were valid on their own."""
	fields = scheme.field_map
	errors: list[FieldError] = []
	for name in scheme.positive:
		if name in values and values[name] == 0:
			errors.append(FieldError(name, _("{0} must be greater than zero").format(label(fields[name], _))))
	for rule in scheme.parts:
		if rule.part in values and rule.whole in values and values[rule.part] > values[rule.whole]:
			message = _("{0} cannot be greater than {1}").format(
				label(fields[rule.part], _), label(fields[rule.whole], _)
			)
			errors.append(FieldError(rule.part, message))
	for group in scheme.not_all_zero:
		if all(name in values and values[name] == 0 for name in group):
			message = _("{0} and {1} cannot both be zero").format(*(label(fields[n], _) for n in group))
			errors.append(FieldError(group[0], message))
	return errors
