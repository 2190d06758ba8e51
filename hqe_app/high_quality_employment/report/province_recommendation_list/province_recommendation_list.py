# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt
"""向省推荐名单 (SPEC §11): the city-certified applications on the city's list for the province, with
the city's certification document and the 附件2 contents (what the list's row says wins)."""

import frappe
from frappe import _
from hqe_app.high_quality_employment.documents.print_helpers import APPLICATION_FIELDS, province_forms
from hqe_app.high_quality_employment.reporting.queries import application_filters, column


def execute(filters=None):
	filters = frappe._dict(filters or {})
	apps = frappe.get_list(
		"HQE Application",
		filters=application_filters(filters, recommended_to_province=1),
		fields=[*APPLICATION_FIELDS, "city_certification_document"],
		order_by="county asc, total_score desc, community_name asc",
		limit_page_length=0,
	)
	rows = []
	for app, form in zip(apps, province_forms(apps), strict=True):
		rows.append(
			{
				"application": app.name,
				"community_name": app.community_name,
				"county": app.county,
				"township": app.township,
				"total_score": app.total_score,
				"city_certification_document": app.city_certification_document,
				**{k: form[k] for k in ("contact_person", "phone", "address", "achievements")},
			}
		)
	_serials(rows)
	columns = [
		column("serial", "Serial No.", "Int", 60),
		column("county", "County", "Link", 110, options="HQE Region"),
		column("township", "Township", "Link", 120, options="HQE Region"),
		column("community_name", "Community Name", "Data", 160),
		column("application", "Application", "Link", 150, options="HQE Application"),
		column("total_score", "Total Score", "Float", 80, precision=1),
		column(
			"city_certification_document",
			"City Certification Document",
			"Link",
			170,
			options="HQE Certification Document",
		),
		column("contact_person", "Contact Person", "Data", 90),
		column("phone", "Contact Phone", "Data", 120),
		column("address", "Address", "Data", 180),
		column("achievements", "Achievements", "Data", 300),
	]
	summary = [
		{
			"label": _("Recommended to the Province"),
			"value": len(rows),
			"datatype": "Int",
			"indicator": "Green",
		}
	]
	return columns, rows, None, None, summary


def _serials(rows: list[dict]) -> None:
	for i, row in enumerate(rows, start=1):
		row["serial"] = i
