# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt
"""建成率: per county, communities certified (county level, up to the year) ÷ all communities."""

import frappe
from frappe import _
from hqe_app.high_quality_employment.aggregates import count_by, count_distinct_by
from hqe_app.high_quality_employment.report_queries import column, year_of
from hqe_app.programme.lifecycle import CERTIFIED_STATES
from hqe_app.programme.settings import setting


def execute(filters=None):
	filters = frappe._dict(filters or {})
	target = float(setting(frappe.get_cached_doc("HQE Settings"), "target_share")) / 100
	region = {"county": filters.county} if filters.get("county") else {}
	communities = [
		frappe._dict(county=county, n=n)
		for county, n in count_by("HQE Community", "county", {"disabled": 0, **region}).items()
	]
	done = count_distinct_by(
		"HQE Application",
		"county",
		"community",
		{
			"year": ("<=", year_of(filters)),
			"workflow_state": ("in", CERTIFIED_STATES),
			"docstatus": 1,
			**region,
		},
	)
	rows = []
	for r in sorted(communities, key=lambda r: r.county or ""):
		share = done.get(r.county, 0) / r.n if r.n else 0
		rows.append(
			{
				"county": r.county,
				"communities": r.n,
				"certified": done.get(r.county, 0),
				"coverage": round(share * 100, 1),
				"target": round(target * 100, 1),
				"gap": max(0, int(-(-target * r.n // 1)) - done.get(r.county, 0)),
				"reached": _("Yes") if share >= target else _("No"),
			}
		)
	all_communities = sum(r["communities"] for r in rows)
	all_certified = sum(r["certified"] for r in rows)
	if rows:
		rows.append(
			{
				"county": _("Total"),
				"communities": all_communities,
				"certified": all_certified,
				"coverage": round(all_certified / all_communities * 100, 1) if all_communities else 0,
				"target": round(target * 100, 1),
				"bold": 1,
			}
		)
	columns = [
		column("county", "County", "Data", 130),
		column("communities", "Communities", "Int", 110),
		column("certified", "Certified Communities", "Int", 130),
		column("coverage", "Coverage (%)", "Percent", 110),
		column("target", "Coverage Target", "Percent", 110),
		column("gap", "Still to Certify", "Int", 110),
		column("reached", "Target Reached", "Data", 100),
	]
	chart = {
		"data": {
			"labels": [r["county"] for r in rows[:-1]],
			"datasets": [
				{"name": _("Coverage (%)"), "values": [r["coverage"] for r in rows[:-1]], "chartType": "bar"},
				{
					"name": _("Coverage Target"),
					"values": [r["target"] for r in rows[:-1]],
					"chartType": "line",
				},
			],
		},
		"type": "axis-mixed",
		"barOptions": {"spaceRatio": 0.4},
		"colors": ["#5e64ff", "#ff5858"],
	}
	return columns, rows, None, chart
