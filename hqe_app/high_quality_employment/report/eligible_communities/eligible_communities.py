# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt
"""达标社区(村): certified applications (County Certified or any later state, SPEC §6) whose verified total
reaches the pass mark, each with its state. Drafts, applications still with the township or the county,
and those the county rejected are not listed: they are not certified, whatever their score."""

import frappe
from frappe import _
from hqe_app.high_quality_employment.application.scoring import pass_mark
from hqe_app.high_quality_employment.reporting.queries import (
	application_columns,
	application_filters,
	column,
	score_columns,
	state_column,
)
from hqe_app.programme.lifecycle import CERTIFIED_STATES


def execute(filters=None):
	filters = frappe._dict(filters or {})
	mark = pass_mark()
	rows = frappe.get_list(
		"HQE Application",
		filters=application_filters(
			filters, total_score=(">=", mark), workflow_state=("in", CERTIFIED_STATES)
		),
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
	labels = {state: _(state) for state in {row.workflow_state for row in rows} if state}
	for row in rows:  # thousands of rows, a handful of states: each translated once
		row.workflow_state = labels.get(row.workflow_state, "")
	columns = [
		*application_columns(),
		column("year", "Year", "Int", 70),
		*score_columns(),
		column("self_reported_total", "Self-reported Total", "Float", 100, precision=1),
		state_column(),
	]
	message = _("Pass mark {0}: {1} eligible").format(mark, len(rows)) + _(
		"; certified applications only (County Certified or later), each with its state"
	)
	return columns, rows, message, None, summary(rows, mark)


def summary(rows, mark):
	average = sum(r.total_score for r in rows) / len(rows) if rows else 0
	return [
		{"label": _("Eligible"), "value": len(rows), "datatype": "Int", "indicator": "Green"},
		{"label": _("Pass Mark"), "value": mark, "datatype": "Float"},
		{"label": _("Average Total"), "value": round(average, 1), "datatype": "Float"},
	]
