# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt
"""县级认定名单 (SPEC §11): per county and year, the county-certified applications, each with the county
certification document (文号, date) that certified it; the annex of the county's 认定文件."""

import frappe
from frappe import _
from hqe_app.high_quality_employment.reporting.queries import (
	application_filters,
	column,
	document_dates,
	numbered,
)
from hqe_app.programme.lifecycle import CERTIFIED_STATES


def execute(filters=None):
	filters = frappe._dict(filters or {})
	rows = frappe.get_list(
		"HQE Application",
		filters=application_filters(filters, workflow_state=("in", CERTIFIED_STATES)),
		fields=[
			"name",
			"community_name",
			"county",
			"township",
			"year",
			"total_score",
			"workflow_state",
			"county_certification_document",
		],
		order_by="county asc, township asc, total_score desc, community_name asc",
		limit_page_length=0,
	)
	dates = document_dates(r.county_certification_document for r in rows)
	for row in rows:
		row.document_date = dates.get(row.county_certification_document)
		row.workflow_state = _(row.workflow_state)
	numbered(rows, "county")
	columns = [
		column("serial", "Serial No.", "Int", 60),
		column("county", "County", "Link", 110, options="HQE Region"),
		column("township", "Township", "Link", 120, options="HQE Region"),
		column("community_name", "Community Name", "Data", 160),
		column("name", "Application", "Link", 150, options="HQE Application"),
		column("total_score", "Total Score", "Float", 80, precision=1),
		column(
			"county_certification_document",
			"County Certification Document",
			"Link",
			170,
			options="HQE Certification Document",
		),
		column("document_date", "Document Date", "Date", 100),
		column("workflow_state", "Workflow State", "Data", 120),
	]
	documented = sum(1 for r in rows if r.county_certification_document)
	summary = [
		{"label": _("County Certified"), "value": len(rows), "datatype": "Int", "indicator": "Green"},
		{"label": _("County Certification Document"), "value": len(dates), "datatype": "Int"},
		{
			"label": _("Without a Document"),
			"value": len(rows) - documented,
			"datatype": "Int",
			"indicator": "Orange" if len(rows) > documented else "Green",
		},
	]
	return columns, rows, None, None, summary
