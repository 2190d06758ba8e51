# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt
"""推荐社区(村): per county and year, the applications recommended to the city, quota used and left."""

from collections import defaultdict

import frappe
from frappe import _
from hqe_app.high_quality_employment.reporting.aggregates import count_by
from hqe_app.high_quality_employment.reporting.queries import application_filters, column, year_of
from hqe_app.high_quality_employment.workflow.quota import certified_filters, quota_for
from hqe_app.programme.lifecycle import RECOMMENDED_OR_LATER


def execute(filters=None):
	filters = frappe._dict(filters or {})
	certified = certified_counts(filters)
	recommended = frappe.get_list(
		"HQE Application",
		filters=application_filters(filters, workflow_state=("in", RECOMMENDED_OR_LATER)),
		fields=["name", "community_name", "county", "township", "total_score", "workflow_state"],
		order_by="county asc, total_score desc",
		limit_page_length=0,
	)
	by_county = defaultdict(list)
	for row in recommended:
		by_county[row.county].append(row)

	rows, totals = [], {"certified": 0, "quota": 0, "used": 0}
	for county in sorted(set(certified) | set(by_county)):
		quota = quota_for(certified.get(county, 0))
		used = len(by_county[county])
		rows.append(
			{
				"county": county,
				"community_name": county,
				"certified": certified.get(county, 0),
				"quota": quota,
				"used": used,
				"left": max(quota - used, 0),
				"indent": 0,
			}
		)
		for app in by_county[county]:
			rows.append(
				{
					"county": county,
					"community_name": app.community_name,
					"application": app.name,
					"township": app.township,
					"total_score": app.total_score,
					"workflow_state": _(app.workflow_state),
					"indent": 1,
				}
			)
		totals["certified"] += certified.get(county, 0)
		totals["quota"] += quota
		totals["used"] += used
	columns = [
		column("community_name", "County / Community", "Data", 200),
		column("application", "Application", "Link", 150, options="HQE Application"),
		column("township", "Township", "Link", 120, options="HQE Region"),
		column("total_score", "Total Score", "Float", 90, precision=1),
		column("workflow_state", "Workflow State", "Data", 130),
		column("certified", "County-certified Applications", "Int", 110),
		column("quota", "Quota", "Int", 80),
		column("used", "Quota Used", "Int", 90),
		column("left", "Quota Left", "Int", 90),
	]
	summary = [
		{"label": _("County-certified Applications"), "value": totals["certified"], "datatype": "Int"},
		{"label": _("Quota"), "value": totals["quota"], "datatype": "Int"},
		{"label": _("Quota Used"), "value": totals["used"], "datatype": "Int", "indicator": "Blue"},
		{
			"label": _("Quota Left"),
			"value": totals["quota"] - totals["used"],
			"datatype": "Int",
			"indicator": "Green",
		},
	]
	return columns, rows, None, None, summary


def certified_counts(filters) -> dict[str, int]:
	"""Applications counting towards the quota, per county (the quota's scope decides the years)."""
	conditions = certified_filters(year_of(filters))
	if filters.get("county"):
		conditions["county"] = filters.county
	return count_by("HQE Application", "county", conditions)
