"""向省推荐 (SPEC §11): the city's list of its best city-certified communities for the province.

The list is the record; each listed application's `recommended_to_province` follows it, and each
prints the same 附件2 推荐表 (what the list's row says wins over the community record).
"""

from __future__ import annotations

import frappe
from frappe import _
from hqe_app.high_quality_employment.documents.batches import counties_of
from hqe_app.programme.lifecycle import CITY_CERTIFIED

ACHIEVEMENTS_LIMIT = 300


def validate_province_list(doc) -> None:
	if frappe.db.get_value("HQE Region", doc.region, "region_level") != "City":
		frappe.throw(_("{0} must be a region of level {1}").format(doc.region, _("City")), title=_("Region"))
	counties = counties_of(doc.region, "City")
	apps = {
		a.name: a
		for a in frappe.get_all(
			"HQE Application",
			filters={"name": ("in", [r.application for r in doc.applications] or [""])},
			fields=["name", "county", "year", "workflow_state", "community_name"],
		)
	}
	seen = set()
	for row in doc.applications:
		app = apps[row.application]
		if row.application in seen:
			frappe.throw(_("Row {0}: {1} is listed twice").format(row.idx, app.community_name))
		seen.add(row.application)
		if app.county not in counties or int(app.year) != int(doc.year):
			frappe.throw(
				_("Row {0}: {1} is not an application of {2} for {3}").format(
					row.idx, app.community_name, doc.region, doc.year
				)
			)
		if app.workflow_state != CITY_CERTIFIED:
			frappe.throw(
				_("Only a city-certified application can be recommended to the province")
				+ f" ({row.idx}: {app.community_name})"
			)
		check_achievements(row.achievements, row.idx)


def check_achievements(text: str | None, row: int | None = None) -> None:
	"""建设成效 has at most 300 characters (附件2: 300字以内)."""
	if len(text or "") > ACHIEVEMENTS_LIMIT:
		prefix = _("Row {0}: ").format(row) if row else ""
		frappe.throw(
			prefix
			+ _("{0} may have at most {1} characters ({2} given)").format(
				_("Achievements"), ACHIEVEMENTS_LIMIT, len(text)
			),
			title=_("Achievements"),
		)


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
