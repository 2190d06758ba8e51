# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt
"""市级认定及奖补: city-certified communities, their award and its payment, with totals."""

import frappe
from frappe import _
from hqe_app.high_quality_employment.reporting.queries import award_amounts, column, year_filters


def execute(filters=None):
	filters = frappe._dict(filters or {})
	conditions = year_filters(filters, award_level="City")  # the counties' own: Awards by County
	rows = frappe.get_list(
		"HQE Award",
		filters=conditions,
		fields=[
			"name",
			"application",
			"community_name",
			"county",
			"township",
			"year",
			"amount",
			"status",
			"payment_date",
			"payment_reference",
		],
		order_by="county asc, community_name asc",
		limit_page_length=0,
	)
	paid = sum(r.amount for r in rows if r.status == "Paid")
	total = sum(r.amount for r in rows)
	for row in rows:
		row.status_label = _(row.status)
	columns = [
		column("application", "Application", "Link", 150, options="HQE Application"),
		column("community_name", "Community Name", "Data", 160),
		column("county", "County", "Link", 110, options="HQE Region"),
		column("township", "Township", "Link", 120, options="HQE Region"),
		column("amount", "Award Amount", "Currency", 110, options="CNY"),
		column("status_label", "Payment Status", "Data", 90),
		column("payment_date", "Payment Date", "Date", 100),
		column("payment_reference", "Payment Reference", "Data", 150),
		column("name", "HQE Award", "Link", 140, options="HQE Award"),
	]
	if rows:
		rows.append(
			{
				"community_name": _("Total"),
				"amount": total,
				"status_label": _("Paid")
				+ f" {frappe.format(paid, {'fieldtype': 'Currency', 'options': 'CNY'})}",
				"bold": 1,
			}
		)
	summary = [
		{"label": _("City Certified"), "value": len(rows) - 1 if rows else 0, "datatype": "Int"},
		*award_amounts(total, paid),
	]
	return columns, rows, None, None, summary
