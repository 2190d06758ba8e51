"""Every submitted value converted to its field's type before anything scores or stores it.

`programme/coercion.py` decides; this applies it to a document and its child rows through their
meta, and refuses the save naming every field that does not convert (HTTP 417, nothing written).
"""

from __future__ import annotations

import frappe
from frappe import _
from hqe_app.programme.coercion import Refused, coerce

SKIPPED_TYPES = frozenset({"Section Break", "Column Break", "Tab Break", "HTML", "Button", "Heading"})


class InvalidInput(frappe.ValidationError):
	pass


def convert_inputs(doc) -> None:
	"""Convert `doc`'s values (and its rows') in place; throw listing each field that does not convert."""
	errors: list[str] = []
	_convert(doc, errors, prefix="")
	for df in doc.meta.get_table_fields():
		rows = doc.get(df.fieldname)
		if rows is not None and not isinstance(rows, list):
			errors.append(_("{0} must be a list of rows").format(_(df.label)))
			continue
		for row in rows or []:
			_convert(row, errors, prefix=_("{0}, row {1}: ").format(_(df.label), row.idx))
	if errors:
		frappe.throw("<br>".join(errors), InvalidInput, title=_("Invalid Value"))


def _convert(doc, errors: list[str], prefix: str) -> None:
	for df in doc.meta.fields:
		if df.fieldtype in SKIPPED_TYPES or df.fieldtype in ("Table", "Table MultiSelect"):
			continue
		value = doc.get(df.fieldname)
		options = tuple((df.options or "").split("\n")) if df.fieldtype == "Select" else ()
		try:
			converted = coerce(df.fieldtype, value, options)
		except Refused as refused:
			errors.append(prefix + _(refused.reason).format(_(df.label), *refused.details))
			continue
		if converted is not value:
			doc.set(df.fieldname, converted)
