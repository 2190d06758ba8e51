# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt
"""公示名单 (SPEC §11): the applications that entered publication in the year, by publication batch and
county, with the period (start, end) and, beneath each, the objections received and their resolution."""

from collections import defaultdict

import frappe
from frappe import _
from hqe_app.high_quality_employment.reporting.queries import application_filters, column


def execute(filters=None):
	filters = frappe._dict(filters or {})
	apps = frappe.get_list(
		"HQE Application",
		filters=application_filters(filters, publication_start=("is", "set")),
		fields=[
			"name",
			"community_name",
			"county",
			"township",
			"total_score",
			"workflow_state",
			"publication_start",
			"publication_end",
		],
		order_by="publication_start asc, county asc, total_score desc, community_name asc",
		limit_page_length=0,
	)
	names = [a.name for a in apps] or [""]
	# read through the applications above, which the user may read: one query each, none per row
	batches = {
		i.application: i.parent
		for i in frappe.get_all(
			"HQE Publication Item",
			filters={"parenttype": "HQE Publication", "docstatus": 1, "application": ("in", names)},
			fields=["parent", "application"],
		)
	}
	objections = defaultdict(list)
	for o in frappe.get_all(
		"HQE Objection",
		filters={"parenttype": "HQE Application", "parent": ("in", names)},
		fields=["parent", "objection_date", "objector", "content", "resolution"],
		order_by="objection_date asc, idx asc",
	):
		objections[o.parent].append(o)
	apps.sort(key=lambda a: (batches.get(a.name) or "", a.publication_start, a.county or ""))

	rows, unresolved = [], 0
	for app in apps:
		own = objections[app.name]
		open_ = sum(1 for o in own if not (o.resolution or "").strip())
		unresolved += open_
		rows.append(
			{
				**app,
				"application": app.name,
				"publication": batches.get(app.name),
				"workflow_state": _(app.workflow_state),
				"objections": len(own),
				"unresolved": open_,
				"indent": 0,
			}
		)
		for o in own:
			rows.append(
				{
					"application": app.name,
					"county": app.county,
					"community_name": app.community_name,
					"total_score": None,  # blank, not 0.0, under the application's row
					"objection_date": o.objection_date,
					"objector": o.objector,
					"content": o.content,
					"resolution": o.resolution,
					"indent": 1,
				}
			)
	columns = [
		column("publication", "Publication", "Link", 150, options="HQE Publication"),
		column("county", "County", "Link", 110, options="HQE Region"),
		column("township", "Township", "Link", 120, options="HQE Region"),
		column("community_name", "Community Name", "Data", 160),
		column("application", "Application", "Link", 150, options="HQE Application"),
		column("total_score", "Total Score", "Float", 80, precision=1),
		column("publication_start", "Publication Start", "Date", 100),
		column("publication_end", "Publication End", "Date", 100),
		column("workflow_state", "Workflow State", "Data", 110),
		column("objections", "Objections", "Int", 80),
		column("unresolved", "Unresolved Objections", "Int", 90),
		column("objection_date", "Objection Date", "Date", 100),
		column("objector", "Objector", "Data", 100),
		column("content", "Objection", "Data", 220),
		column("resolution", "Resolution", "Data", 220),
	]
	total = sum(len(v) for v in objections.values())
	summary = [
		{"label": _("Publication List"), "value": len(apps), "datatype": "Int", "indicator": "Blue"},
		{"label": _("Objections"), "value": total, "datatype": "Int"},
		{
			"label": _("Unresolved Objections"),
			"value": unresolved,
			"datatype": "Int",
			"indicator": "Red" if unresolved else "Green",
		},
	]
	return columns, rows, None, None, summary
