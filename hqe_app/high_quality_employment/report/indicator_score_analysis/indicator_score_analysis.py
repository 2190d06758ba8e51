# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt
"""指标得分分析: average points per indicator per county, and how far below the maximum they fall.

Added up from the HQE Score Tally of each township (reporting/score_tally.py): a year's applications
(not cancelled) with their points per indicator, through `frappe.get_list`, so the user's User
Permissions decide which townships count."""

import json
from collections import defaultdict

import frappe
from frappe import _
from hqe_app.high_quality_employment.reporting.queries import column, year_filters
from hqe_app.scoring import get_scheme


def execute(filters=None):
	filters = frappe._dict(filters or {})
	scheme = get_scheme()
	indicators = [(rule.code, rule.name, float(rule.max_points)) for rule in scheme.indicators]
	applications: dict[str, int] = defaultdict(int)
	sums: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(lambda: [0, 0.0]))
	for tally in frappe.get_list(
		"HQE Score Tally",
		filters=year_filters(filters),
		fields=["county", "applications", "points"],
		order_by="county asc",
		limit_page_length=0,
	):
		applications[tally.county] += tally.applications
		for code, (scored, points) in json.loads(tally.points or "{}").items():
			sums[tally.county][code][0] += scored
			sums[tally.county][code][1] += points
	table = {
		county: {code: points / scored for code, (scored, points) in sums[county].items() if scored}
		for county in applications
		if applications[county]
	}

	rows = []
	for county in sorted(table):
		row = {"county": county, "applications": applications.get(county, 0)}
		for code, _name, _max in indicators:
			row[field(code)] = round(table[county].get(code, 0), 2)
		row["total"] = round(sum(table[county].values()), 2)
		rows.append(row)
	if rows:
		weight = sum(r["applications"] for r in rows)
		overall = {"county": _("All Counties"), "applications": weight, "bold": 1}
		for code, _name, _max in indicators:
			overall[field(code)] = round(sum(r[field(code)] * r["applications"] for r in rows) / weight, 2)
		overall["total"] = round(sum(overall[field(code)] for code, _n, _m in indicators), 2)
		lost = {"county": _("Points Lost (Maximum − Average)"), "bold": 1}
		for code, _name, maximum in indicators:
			lost[field(code)] = round(maximum - overall[field(code)], 2)
		rows += [overall, lost]

	columns = [column("county", "County", "Data", 150), column("applications", "Applications", "Int", 90)]
	columns += [
		column(field(code), f"{code} {name}（{maximum:g}）", "Float", 105, precision=2)
		for code, name, maximum in indicators
	]
	columns.append(column("total", "Total Score", "Float", 90, precision=2))
	chart = None
	if rows:
		chart = {
			"data": {
				"labels": [f"{code} {name}" for code, name, _m in indicators],
				"datasets": [
					{
						"name": _("Points Lost (Maximum − Average)"),
						"values": [rows[-1][field(c)] for c, _n, _m in indicators],
					}
				],
			},
			"type": "bar",
			"colors": ["#ff5858"],
		}
	return columns, rows, None, chart


def field(code: str) -> str:
	return f"indicator_{code.lower()}"
