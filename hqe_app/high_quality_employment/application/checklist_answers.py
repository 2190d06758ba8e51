"""The yes/no items a scheme adds beyond the notice's fields, answered in the application's table.

The notice's indicator values are columns of HQE Application (SPEC §4). A scheme may add yes/no items
(`scoring.scheme_check` refuses any other new field), and adding one needs no schema change: its
answer is a row of the application's `checklist_answers` table (HQE Checklist Answer), one row per
added item of the application's scheme, in the scheme's order, made and labelled by the server.
"""

from __future__ import annotations

from collections.abc import Mapping

import frappe
from frappe import _
from hqe_app.scoring import Scheme
from hqe_app.scoring.model import FieldSpec

TABLE = "checklist_answers"
DOCTYPE = "HQE Checklist Answer"
APPLICATION = "HQE Application"


def added_items(scheme: Scheme) -> list[FieldSpec]:
	"""The scheme's yes/no items that HQE Application has no column for."""
	meta = frappe.get_meta(APPLICATION)
	return [spec for spec in scheme.fields if spec.kind == "check" and not meta.has_field(spec.name)]


def answers_of(doc) -> dict[str, bool]:
	"""item → answer of a document's table (a bulk row has its answers laid in by `with_answers`)."""
	return {row.item: bool(row.answer) for row in doc.get(TABLE) or []}


def answer_rows(doc, scheme: Scheme) -> list[dict]:
	"""The table as it must be: the scheme's added items in order, labelled as worded, with the answers
	given (a row for anything else is dropped)."""
	given = answers_of(doc)
	return [
		{"item": spec.name, "label": _(spec.label), "answer": int(given.get(spec.name, False))}
		for spec in added_items(scheme)
	]


def answers_by_application(names: list[str] | None) -> dict[str, dict[str, bool]]:
	"""Per application its added items' answers, in one query (all applications when `names` is None)."""
	filters: dict[str, object] = {"parenttype": APPLICATION, "parentfield": TABLE}
	if names is not None:
		filters["parent"] = ("in", names or [""])
	found: dict[str, dict[str, bool]] = {}
	for row in frappe.get_all(
		DOCTYPE, filters=filters, fields=["parent", "item", "answer"], limit_page_length=0
	):
		found.setdefault(row.parent, {})[row.item] = bool(row.answer)
	return found


def with_answers(rows: list, answers: Mapping[str, Mapping[str, bool]]) -> list:
	"""Bulk rows (frappe._dict) with their added items' answers laid in as fields."""
	for row in rows:
		row.update(answers.get(row.name, {}))
	return rows
