"""Strict conversion of a submitted value to its field's type, before anything scores or stores it.

Frappe's own casts are lenient (`cint("abc")` is 0, `cint(2.7)` is 2): stored and scored values could
differ from what was sent, or a list could reach the engine. Here a value either converts exactly or
is refused with the reason, so what is scored is exactly what is stored. Frappe-free.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

WHOLE = re.compile(r"^\s*[+-]?\d+(\.0*)?\s*$")
NUMBER = re.compile(r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$")
CHECK_VALUES = {0: 0, 1: 1, "0": 0, "1": 1}  # True and False are 1 and 0 as keys

#: Why a value was refused: message ids translated by the caller (`_()`), "{0}" is the field's label.
NOT_WHOLE = "{0} must be a whole number"
NOT_NUMBER = "{0} must be a number"
NOT_CHECK = "{0} must be yes (1) or no (0)"
NOT_OPTION = "{0} must be one of: {1}"
NOT_DATE = "{0} must be a date (YYYY-MM-DD)"
NOT_TEXT = "{0} must be text"
NOT_SCALAR = "{0} must be a single value, not a list or an object"

INTEGER_TYPES = frozenset({"Int"})
NUMBER_TYPES = frozenset({"Float", "Currency", "Percent"})
TEXT_TYPES = frozenset({"Data", "Small Text", "Text", "Long Text", "Link", "Attach", "Dynamic Link"})


class Refused(ValueError):
	"""A value that cannot be converted; `reason` is one of the message ids above."""

	def __init__(self, reason: str, *details: str) -> None:
		super().__init__(reason)
		self.reason = reason
		self.details = details


def coerce(fieldtype: str, value: object, options: tuple[str, ...] = ()) -> object:
	"""`value` as the field stores it, or Refused. None stays empty (mandatory is checked elsewhere), as
	does "" in a field holding text; in a number field "" is text, not a number, and is refused."""
	if value is None:
		return value
	if value == "":
		if fieldtype in INTEGER_TYPES:
			raise Refused(NOT_WHOLE)
		if fieldtype in NUMBER_TYPES:
			raise Refused(NOT_NUMBER)
		return value
	if isinstance(value, list | tuple | dict | set):
		raise Refused(NOT_SCALAR)
	if fieldtype in INTEGER_TYPES:
		return _whole(value)
	if fieldtype in NUMBER_TYPES:
		return _number(value)
	if fieldtype == "Check":
		if isinstance(value, float) and value in (0.0, 1.0):
			return int(value)
		if isinstance(value, int | str) and value in CHECK_VALUES:
			return CHECK_VALUES[value]
		raise Refused(NOT_CHECK)
	if fieldtype == "Select":
		if options and str(value) not in options:
			raise Refused(NOT_OPTION, ", ".join(o for o in options if o))
		return str(value)
	if fieldtype == "Date":
		return _date(value)
	if fieldtype in TEXT_TYPES and not isinstance(value, str):
		if isinstance(value, bool):
			raise Refused(NOT_TEXT)
		return str(value)
	return value


def _whole(value: object) -> int:
	if isinstance(value, bool):
		raise Refused(NOT_WHOLE)
	if isinstance(value, int):
		return value
	if isinstance(value, float):
		if value.is_integer():
			return int(value)
		raise Refused(NOT_WHOLE)
	if isinstance(value, Decimal):
		if value == value.to_integral_value():
			return int(value)
		raise Refused(NOT_WHOLE)
	if isinstance(value, str) and WHOLE.match(value):
		return int(Decimal(value.strip()))
	raise Refused(NOT_WHOLE)


def _number(value: object) -> float:
	if isinstance(value, bool):
		raise Refused(NOT_NUMBER)
	if isinstance(value, int | float | Decimal):
		return float(value)
	if isinstance(value, str) and NUMBER.match(value):
		try:
			return float(Decimal(value.strip()))
		except InvalidOperation:
			pass
	raise Refused(NOT_NUMBER)


def _date(value: object) -> object:
	if isinstance(value, datetime.date):
		return value
	if isinstance(value, str):
		try:
			return datetime.date.fromisoformat(value.strip()[:10])
		except ValueError:
			pass
	raise Refused(NOT_DATE)
