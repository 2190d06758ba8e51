# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt
"""Dashboard chart source: this year's applications by workflow state, with the states' names translated."""

import frappe
from frappe import _
from frappe.utils import getdate, nowdate
from hqe_app.high_quality_employment.reporting.aggregates import count_by
from hqe_app.programme.workflow import STATE_NAMES

SLICES = 5


@frappe.whitelist()
def get(
	chart_name=None,
	chart=None,
	no_cache=None,
	filters=None,
	from_date=None,
	to_date=None,
	timespan=None,
	time_interval=None,
	heatmap_year=None,
) -> dict:
	filters = frappe.parse_json(filters) or {}
	year = int(filters.get("year") or getdate(nowdate()).year)
	counts = count_by("HQE Application", "workflow_state", {"year": year, "docstatus": ("<", 2)})
	states = sorted((s for s in STATE_NAMES if counts.get(s)), key=lambda s: -counts[s])
	# A donut shows six slices; the smaller states share one, named here (not the chart's "Rest").
	shown, rest = states[:SLICES], states[SLICES:]
	labels = [_(s) for s in shown] + ([_("Other States")] if rest else [])
	values = [counts[s] for s in shown] + ([sum(counts[s] for s in rest)] if rest else [])
	return {"labels": labels, "datasets": [{"name": _("Applications"), "values": values}]}
