"""Export applications in the SPEC §10 template, the file the importer and `hqe-score` read."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from openpyxl import load_workbook

import frappe
from frappe import _
from hqe_app.excel_io.columns import DATA_SHEET, columns
from hqe_app.excel_io.template import write_template
from hqe_app.i18n import translator
from hqe_app.scoring import get_scheme

DOCTYPE = "HQE Application"


@frappe.whitelist()
def export_applications(year: int, county: str | None = None, township: str | None = None) -> None:
	"""Download the applications of a year (of a county or township) that the user may read."""
	filters = {"year": int(year), "docstatus": ("<", 2)}
	if county:
		filters["county"] = county
	if township:
		filters["township"] = township
	content = template_with(application_rows(filters))
	frappe.response.filename = f"{_('Applications')}-{county or township or ''}-{year}.xlsx".replace(
		"--", "-"
	)
	frappe.response.filecontent = content
	frappe.response.type = "binary"


def application_rows(filters: dict) -> list[dict[str, object]]:
	"""Template rows (identity columns and every field) of the readable applications, one query."""
	scheme = get_scheme()
	names = [spec.name for spec in scheme.fields]
	apps = frappe.get_list(
		DOCTYPE,
		filters=filters,
		fields=["community_name as community", "township", "county", "year", *names],
		order_by="county asc, township asc, community_name asc",
		limit_page_length=0,
	)
	kinds = {spec.name: spec.kind for spec in scheme.fields}
	rows = []
	for app in apps:
		row = dict(app)
		for name, kind in kinds.items():
			if kind == "check":
				row[name] = "是" if row[name] else "否"
		rows.append(row)
	return rows


def template_with(rows: list[dict[str, object]]) -> bytes:
	"""The template workbook holding `rows` under its two header rows."""
	scheme = get_scheme()
	with tempfile.TemporaryDirectory() as folder:
		path = Path(folder) / "applications.xlsx"
		write_template(path, scheme, translator("zh"))
		wb = load_workbook(path)
	ws = wb[DATA_SHEET]
	order = [c.name for c in columns(scheme, translator("zh"))]
	for row in rows:
		ws.append([row.get(name) for name in order])
	out = io.BytesIO()
	wb.save(out)
	return out.getvalue()
