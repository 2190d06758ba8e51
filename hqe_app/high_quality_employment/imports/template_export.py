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
from hqe_app.high_quality_employment.application.checklist_answers import answers_by_application
from hqe_app.high_quality_employment.schemes.registry import covering
from hqe_app.i18n import translator
from hqe_app.scoring import Scheme, get_scheme

DOCTYPE = "HQE Application"


@frappe.whitelist()
def export_applications(year: int, county: str | None = None, township: str | None = None) -> None:
	"""Download the applications of a year (of a county or township) that the user may read."""
	filters = {"year": int(year), "docstatus": ("<", 2)}
	if county:
		filters["county"] = county
	if township:
		filters["township"] = township
	content = template_with(application_rows(filters), covering(int(year)))
	frappe.response.filename = f"{_('Applications')}-{county or township or ''}-{year}.xlsx".replace(
		"--", "-"
	)
	frappe.response.filecontent = content
	frappe.response.type = "binary"


def application_rows(filters: dict, scheme: Scheme | None = None) -> list[dict[str, object]]:
	"""Template rows (identity columns and every field of `scheme`, by default those of the schemes in
	force) of the readable applications, in two queries. A yes/no item that an application's own scheme
	does not have is left empty."""
	scheme = scheme or covering(filters.get("year"))
	columns = {f.fieldname for f in frappe.get_meta(DOCTYPE).fields}
	names = [spec.name for spec in scheme.fields if spec.name in columns]
	apps = frappe.get_list(
		DOCTYPE,
		filters=filters,
		fields=["name", "community_name as community", "township", "county", "year", *names],
		order_by="county asc, township asc, community_name asc",
		limit_page_length=0,
	)
	answers = answers_by_application([app.name for app in apps])
	checks = [spec.name for spec in scheme.fields if spec.kind == "check"]
	rows = []
	for app in apps:
		row = dict(app)
		row.update(answers.get(row.pop("name"), {}))
		for name in checks:
			if name in row:
				row[name] = "是" if row[name] else "否"
		rows.append(row)
	return rows


def template_with(rows: list[dict[str, object]], scheme: Scheme | None = None) -> bytes:
	"""The template workbook (of `scheme`'s fields, by default the built-in scheme's) holding `rows`
	under its two header rows."""
	scheme = scheme or get_scheme()
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
