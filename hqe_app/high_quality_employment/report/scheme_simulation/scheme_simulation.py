# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt
"""模拟评分 (SPEC §13): a year's applications scored under a draft scheme beside the scheme each was
scored under, per county: passing before and after, the communities that cross the pass mark either
way, and the recommendation quota that follows. A prepared report: it runs as a background job."""

import frappe
from frappe import _
from hqe_app.high_quality_employment.reporting.queries import column
from hqe_app.high_quality_employment.schemes.simulation import simulate


def execute(filters=None):
	filters = frappe._dict(filters or {})
	if not filters.get("scheme") or not filters.get("year"):
		frappe.throw(_("Choose a scheme and a year"), title=_("Scheme Simulation"))
	rows = simulate(filters.scheme, int(filters.year), progress=bool(frappe.flags.in_prepared_report))
	data = [{**row, "up": "、".join(row["up"]), "down": "、".join(row["down"])} for row in rows]
	total = {
		key: sum(r[key] for r in rows)
		for key in ("applications", "before", "after", "change", "quota_before", "quota_after", "refused")
	}
	summary = [
		{"label": _("Passing Before"), "value": total["before"], "datatype": "Int"},
		{"label": _("Passing After"), "value": total["after"], "datatype": "Int"},
		{"label": _("Quota After"), "value": total["quota_after"], "datatype": "Int"},
	]
	return columns(), data, None, None, summary


def columns():
	return [
		column("county", "County", "Link", 120, options="HQE Region"),
		column("applications", "Applications", "Int", 90),
		column("before", "Passing Before", "Int", 100),
		column("after", "Passing After", "Int", 100),
		column("change", "Change", "Int", 80),
		column("quota_before", "Quota Before", "Int", 90),
		column("quota_after", "Quota After", "Int", 90),
		column("up", "Now Passing", "Small Text", 260),
		column("down", "No Longer Passing", "Small Text", 260),
		column("refused", "Refused by the Scheme", "Int", 100),
	]
