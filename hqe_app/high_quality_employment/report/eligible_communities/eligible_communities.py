# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt
"""达标社区(村): applications whose verified total reaches the pass mark."""

import frappe
from frappe import _
from hqe_app.high_quality_employment.application_scoring import pass_mark
from hqe_app.high_quality_employment.report_queries import (
	application_columns,
	application_filters,
	column,
	score_columns,
	state_column,
)


def execute(filters=None):
	filters = frappe._dict(filters or {})
	mark = pass_mark()
	rows = frappe.get_list(
		"HQE Application",
		filters=application_filters(filters, total_score=(">=", mark)),
		fields=[
			"name",
			"community_name",
			"county",
			"township",
			"year",
			"base_score",
			"bonus_score",
			"total_score",
			"self_reported_total",
			"workflow_state",
		],
		order_by="total_score desc, base_score desc, community_name asc",
		limit_page_length=0,
	)
	for row in rows:
		row.workflow_state = _(row.workflow_state) if row.workflow_state else ""
	columns = [
		*application_columns(),
		column("year", "Year", "Int", 70),
		*score_columns(),
		column("self_reported_total", "Self-reported Total", "Float", 100, precision=1),
		state_column(),
	]
	message = _("Pass mark {0}: {1} eligible").format(mark, len(rows))
	return columns, rows, message, None, summary(rows, mark)


def summary(rows, mark):
	average = sum(r.total_score for r in rows) / len(rows) if rows else 0
	return [
		{"label": _("Eligible"), "value": len(rows), "datatype": "Int", "indicator": "Green"},
		{"label": _("Pass Mark"), "value": mark, "datatype": "Float"},
		{"label": _("Average Total"), "value": round(average, 1), "datatype": "Float"},
	]
