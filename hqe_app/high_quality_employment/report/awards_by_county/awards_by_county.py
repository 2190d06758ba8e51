# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt
"""奖补 per county and year (SPEC §11): for each county, the city's awards (20,000 CNY per city-certified
community) and the county's own (its rule in HQE Settings), each level's count, amount, paid and pending,
and beneath it every award with its payment status."""

from collections import defaultdict

import frappe
from frappe import _
from hqe_app.high_quality_employment.reporting.queries import award_amounts, column, year_filters

LEVELS = ("City", "County")


def execute(filters=None):
	filters = frappe._dict(filters or {})
	conditions = year_filters(filters, ("county", "township", "award_level"))
	awards = frappe.get_list(
		"HQE Award",
		filters=conditions,
		fields=[
			"name",
			"application",
			"community_name",
			"county",
			"township",
			"award_level",
			"amount",
			"status",
			"payment_date",
			"payment_reference",
		],
		order_by="county asc, award_level asc, community_name asc",
		limit_page_length=0,
	)
	groups = defaultdict(list)
	for award in awards:
		groups[(award.county, award.award_level)].append(award)

	rows = []
	for (county, level), own in sorted(groups.items(), key=lambda g: (g[0][0] or "", LEVELS.index(g[0][1]))):
		paid = sum(a.amount for a in own if a.status == "Paid")
		amount = sum(a.amount for a in own)
		rows.append(
			{
				"county": county,
				"award_level": _(level),
				"awards": len(own),
				"amount": amount,
				"paid": paid,
				"pending": amount - paid,
				"indent": 0,
			}
		)
		for a in own:
			rows.append(
				{
					"county": county,
					"award_level": _(level),
					"community_name": a.community_name,
					"application": a.application,
					"township": a.township,
					"amount": a.amount,
					"paid": a.amount if a.status == "Paid" else 0,
					"pending": 0 if a.status == "Paid" else a.amount,
					"status": _(a.status),
					"payment_date": a.payment_date,
					"payment_reference": a.payment_reference,
					"award": a.name,
					"indent": 1,
				}
			)
	columns = [
		column("county", "County", "Link", 110, options="HQE Region"),
		column("award_level", "Award Level", "Data", 90),
		column("community_name", "Community Name", "Data", 160),
		column("application", "Application", "Link", 150, options="HQE Application"),
		column("township", "Township", "Link", 120, options="HQE Region"),
		column("awards", "Awards", "Int", 70),
		column("amount", "Award Amount", "Currency", 110, options="CNY"),
		column("paid", "Paid", "Currency", 110, options="CNY"),
		column("pending", "Pending", "Currency", 110, options="CNY"),
		column("status", "Payment Status", "Data", 90),
		column("payment_date", "Payment Date", "Date", 100),
		column("payment_reference", "Payment Reference", "Data", 140),
		column("award", "HQE Award", "Link", 140, options="HQE Award"),
	]
	total = sum(a.amount for a in awards)
	paid = sum(a.amount for a in awards if a.status == "Paid")
	summary = [{"label": _("Awards"), "value": len(awards), "datatype": "Int"}, *award_amounts(total, paid)]
	return columns, rows, None, None, summary
