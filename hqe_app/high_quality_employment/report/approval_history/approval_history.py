# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt
"""审批记录 (SPEC §3, §11): every move of the year's applications — who, when, what, from which state to
which, and why — from HQE Approval Log, oldest first; one application's history with its filter."""

import frappe
from frappe import _
from hqe_app.high_quality_employment.reporting.queries import column, year_filters


def execute(filters=None):
	filters = frappe._dict(filters or {})
	conditions = year_filters(filters, ("county", "township", "application"))
	rows = frappe.get_list(
		"HQE Approval Log",
		filters=conditions,
		fields=[
			"acted_at",
			"application",
			"community_name",
			"county",
			"township",
			"level",
			"action",
			"from_state",
			"to_state",
			"user",
			"reason",
		],
		order_by="acted_at asc, creation asc",
		limit_page_length=0,
	)
	names = {
		u.name: u.full_name
		for u in frappe.get_all(
			"User",
			filters={"name": ("in", sorted({r.user for r in rows}) or [""])},
			fields=["name", "full_name"],
		)
	}
	for row in rows:
		row.full_name = names.get(row.user) or row.user
		for key in ("level", "action", "from_state", "to_state"):
			row[key] = _(row[key]) if row[key] else ""
	columns = [
		column("acted_at", "Time", "Datetime", 150),
		column("application", "Application", "Link", 150, options="HQE Application"),
		column("community_name", "Community Name", "Data", 150),
		column("county", "County", "Link", 100, options="HQE Region"),
		column("township", "Township", "Link", 110, options="HQE Region"),
		column("level", "Review Level", "Data", 80),
		column("action", "Action", "Data", 90),
		column("from_state", "From State", "Data", 110),
		column("to_state", "To State", "Data", 110),
		column("full_name", "Full Name", "Data", 100),
		column("user", "User", "Link", 170, options="User"),
		column("reason", "Reason", "Data", 240),
	]
	return columns, rows
