"""The notice's lists printed and exported (SPEC §11): the 认定文件 with its 认定名单 and the 公示名单
(print formats through `hqe_document_list`, Excel through `export_document_list`), and 附件2 of every
community on the city's province list (`export_province_forms`, one sheet per community).

Each export is of one document the user may print; the lists are that document's own rows.
"""

from __future__ import annotations

from typing import Any

import frappe
from frappe import _
from hqe_app.forms.document_lists import certification_document, filename, publication
from hqe_app.forms.list_workbook import list_workbook_bytes
from hqe_app.forms.workbook import FORM_TITLES, workbook_bytes
from hqe_app.high_quality_employment.documents.print_helpers import APPLICATION_FIELDS, province_forms
from hqe_app.programme.lifecycle import CITY_REJECTED

LISTS = {"HQE Certification Document": certification_document, "HQE Publication": publication}


def hqe_document_list(doc) -> dict[str, Any]:
	"""Jinja: what the printed 认定文件 or 公示 shows; a community rejected from the publication since
	(an upheld objection) is no longer on its list."""
	rejected = set(
		frappe.get_all(
			"HQE Application",
			filters={
				"name": ("in", [r.application for r in doc.applications] or [""]),
				"workflow_state": CITY_REJECTED,
			},
			pluck="name",
		)
	)
	rows = [r.as_dict() for r in doc.applications if r.application not in rejected]
	return LISTS[doc.doctype](doc.as_dict(), rows)


@frappe.whitelist()
def export_document_list(doctype: str, name: str) -> None:
	"""Send the document's list (认定名单 or 公示名单) as an .xlsx."""
	if doctype not in LISTS:
		frappe.throw(_("Unknown form {0}").format(doctype))
	doc = frappe.get_doc(doctype, name)
	doc.check_permission("print")
	data = hqe_document_list(doc)
	_send(filename(data, name), list_workbook_bytes(data))


@frappe.whitelist()
def export_province_forms(name: str) -> None:
	"""Send 附件2 of every community on a province list, one sheet each, in the list's order."""
	doc = frappe.get_doc("HQE Province Recommendation", name)
	doc.check_permission("print")
	order = [row.application for row in doc.applications]
	if not order:
		frappe.throw(_("List at least one application"))
	found = {
		a.name: a
		for a in frappe.get_list(
			"HQE Application", filters={"name": ("in", order)}, fields=list(APPLICATION_FIELDS)
		)
	}
	applications = [found[n] for n in order if n in found]
	_send(
		f"{FORM_TITLES['recommendation']}-{name}.xlsx".replace("/", "_"),
		workbook_bytes("recommendation", province_forms(applications)),
	)


def _send(file_name: str, content: bytes) -> None:
	frappe.response.filename = file_name
	frappe.response.filecontent = content
	frappe.response.type = "binary"
