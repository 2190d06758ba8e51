"""A scheme record's definition: read as the engine's data, checked before it is activated.

The definition is the `scoring.scheme_io` dict as JSON: its code and version are the record's. A
definition that cannot be read is refused on every save (nothing is stored); one that breaks a rule of
the engine or the notice's limits may be saved as a draft, and is refused when it is activated. Every
problem is named by indicator and field.
"""

from __future__ import annotations

import json

import frappe
from frappe import _
from hqe_app.i18n import translator
from hqe_app.programme.limits import check_scheme_against_notice
from hqe_app.scoring.scheme_io import Problem, SchemeError, describe, scheme_from_dict


class SchemeRefused(frappe.ValidationError):
	pass


def parsed(doc) -> dict:
	try:
		data = json.loads(doc.definition or "")
	except ValueError as e:
		frappe.throw(_("Definition is not JSON: {0}").format(str(e)), SchemeRefused, title=_("Definition"))
	if not isinstance(data, dict):
		frappe.throw(_("Definition must be a JSON object"), SchemeRefused, title=_("Definition"))
	data["code"] = doc.scheme_code or doc.name
	data["version"] = int(doc.version or 1)
	if doc.title:
		data["title"] = doc.title
	return data


def problems_of(doc) -> list[dict]:
	data = parsed(doc)
	return [p._asdict() for p in check_scheme_against_notice(data, translator(frappe.local.lang or "zh"))]


def check_definition(doc, activating: bool) -> None:
	"""Refuse what cannot be read; when activating, refuse any problem. Stores the normalised JSON."""
	_zh = translator(frappe.local.lang or "zh")
	data = parsed(doc)
	try:
		scheme = scheme_from_dict(data, _zh)
	except SchemeError as e:
		refuse(e.problems)
	doc.title = doc.title or scheme.title
	doc.definition = json.dumps(data, ensure_ascii=False, indent=1)
	if activating:
		problems = check_scheme_against_notice(data, _zh)
		if problems:
			refuse(problems)


def refuse(problems: list[Problem]) -> None:
	_zh = translator(frappe.local.lang or "zh")
	frappe.throw(
		"<br>".join(describe(p, _zh) for p in problems[:30]),
		SchemeRefused,
		title=_("The scheme has {0} problems").format(len(problems)),
	)
