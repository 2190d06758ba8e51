"""Download 附件1 (评分表) or 附件2 (推荐表) as Excel: one application, a selection, or a county-year.

Only applications the user may read are exported: a selection is checked document by document
(PermissionError on any other), a county-year is read through frappe.get_list.
"""

from __future__ import annotations

import frappe
from frappe import _
from hqe_app.forms.workbook import FORM_TITLES, FORMS, workbook_bytes
from hqe_app.high_quality_employment.documents.print_helpers import (
	APPLICATION_FIELDS,
	recommendation_forms,
	scoring_forms,
)

DOCTYPE = "HQE Application"
ORDER = "total_score desc, community_name asc, name asc"


@frappe.whitelist()
def export_forms(
	form: str,
	names: list[str] | str | None = None,
	county: str | None = None,
	year: int | None = None,
) -> None:
	"""Send an .xlsx of `form` ("scoring" or "recommendation"), one sheet per application."""
	if form not in FORMS:
		frappe.throw(_("Unknown form {0}").format(form))
	frappe.has_permission(DOCTYPE, "print", throw=True)
	applications = _applications(_names(names), county, year)
	forms = scoring_forms(applications) if form == "scoring" else recommendation_forms(applications)
	frappe.response.filename = export_filename(form, applications, county, year)
	frappe.response.filecontent = workbook_bytes(form, forms)
	frappe.response.type = "binary"


def export_filename(form: str, applications: list[dict], county: str | None, year: int | None) -> str:
	"""推荐表-椒江区-2024.xlsx for a county-year, 推荐表-某某村-2024.xlsx for one application."""
	if len(applications) == 1 and not county:
		app = applications[0]
		parts = (app["community_name"] or app["name"], app["year"])
	else:
		counties = {a["county"] for a in applications}
		years = {a["year"] for a in applications}
		parts = (
			county
			or (counties.pop() if len(counties) == 1 else _("{0} applications").format(len(applications))),
			year or (years.pop() if len(years) == 1 else ""),
		)
	stem = "-".join(str(p) for p in (FORM_TITLES[form], *parts) if p not in (None, ""))
	return frappe.utils.cstr(stem).replace("/", "_") + ".xlsx"


def _names(names: list[str] | str | None) -> list[str]:
	if not names:
		return []
	if isinstance(names, str):
		names = frappe.parse_json(names) if names.lstrip().startswith("[") else [names]
	return [str(n) for n in names if n]


def _applications(names: list[str], county: str | None, year: int | None) -> list[dict]:
	if names:
		for name in names:
			if not frappe.db.exists(DOCTYPE, name):
				frappe.throw(_("{0} {1} not found").format(_(DOCTYPE), name), frappe.DoesNotExistError)
			frappe.has_permission(DOCTYPE, "read", doc=name, throw=True)
		filters: dict = {"name": ("in", names)}
	elif county and year:
		filters = {"county": county, "year": int(year), "docstatus": ("<", 2)}
	else:
		frappe.throw(_("Select applications, or give a county and a year"))
	applications = frappe.get_list(DOCTYPE, filters=filters, fields=list(APPLICATION_FIELDS), order_by=ORDER)
	if not applications:
		frappe.throw(
			_("No application of {0} for {1} that you may read").format(county, year),
			frappe.DoesNotExistError,
		)
	return applications
