"""向省推荐 (SPEC §11): the city's list of its best city-certified communities for the province.

The list is the record; each listed application's `recommended_to_province` follows it, and each
prints the same 附件2 推荐表 (what the list's row says wins over the community record).
"""

from __future__ import annotations

import frappe
from frappe import _
from hqe_app.high_quality_employment.documents.batches import counties_of
from hqe_app.high_quality_employment.documents.rows import check_achievements, check_rows
from hqe_app.programme.lifecycle import CITY_CERTIFIED


def validate_province_list(doc) -> None:
	if frappe.db.get_value("HQE Region", doc.region, "region_level") != "City":
		frappe.throw(_("{0} must be a region of level {1}").format(doc.region, _("City")), title=_("Region"))

	def refusal(row, app) -> str | None:
		if app.workflow_state != CITY_CERTIFIED:
			return _("Only a city-certified application can be recommended to the province") + (
				f" ({row.idx}: {app.community_name})"
			)
		return None

	check_rows(
		doc.applications,
		counties=counties_of(doc.region, "City"),
		year=doc.year,
		place=doc.region,
		state_refusal=refusal,
	)
	for row in doc.applications:
		check_achievements(row.achievements, row.idx)


def mark_recommended(doc) -> None:
	"""Listed applications are recommended to the province; the city's others of that year are not."""
	listed = {row.application for row in doc.applications}
	marked = set(
		frappe.get_all(
			"HQE Application",
			filters={
				"county": ("in", list(counties_of(doc.region, "City")) or [""]),
				"year": doc.year,
				"recommended_to_province": 1,
			},
			pluck="name",
		)
	)
	for name in listed - marked:
		frappe.db.set_value("HQE Application", name, "recommended_to_province", 1, update_modified=False)
	for name in marked - listed:
		frappe.db.set_value("HQE Application", name, "recommended_to_province", 0, update_modified=False)
