"""Coverage (建成率, SPEC §1 and §9): certified communities ÷ all communities, the same ones on both sides.

A merged community is disabled: it leaves the denominator, and its certifications leave the numerator
with it, so a share never counts a community that the total does not. Every read goes through
`frappe.get_list`, scoped by the user's User Permissions.
"""

from __future__ import annotations

import frappe
from hqe_app.high_quality_employment.reporting.aggregates import count_by
from hqe_app.programme.lifecycle import CERTIFIED_STATES


def communities_by_county(region: dict) -> dict[str, int]:
	"""Enabled communities per county the user may read."""
	return count_by("HQE Community", "county", {"disabled": 0, **region})


def certified_by_county(year: int, region: dict) -> dict[str, int]:
	"""Enabled communities with an application certified at the county level or later, up to `year`."""
	disabled = set(frappe.get_all("HQE Community", filters={"disabled": 1, **region}, pluck="name"))
	rows = frappe.get_list(
		"HQE Application",
		filters={
			"year": ("<=", year),
			"workflow_state": ("in", CERTIFIED_STATES),
			"docstatus": 1,
			**region,
		},
		fields=["county", "community"],
		group_by="county, community",
		order_by="county asc, community asc",  # the index's order (hqe_application.COVERAGE_INDEX): no sort
		limit_page_length=0,
		as_list=True,  # some 20,000 pairs for a province: tuples, not dicts
	)
	counts: dict[str, int] = {}
	for county, community in rows:
		if community not in disabled:
			counts[county] = counts.get(county, 0) + 1
	return counts


def city_of(counties: list[str]) -> dict[str, str]:
	"""county → its city."""
	return dict(
		frappe.get_all(
			"HQE Region",
			filters={"name": ("in", counties or [""])},
			fields=["name", "parent_hqe_region"],
			as_list=True,
		)
	)


def counties_with_communities(city: str) -> set[str]:
	"""All counties of a city that have enabled communities, whatever the user may read."""
	counties = frappe.get_all(
		"HQE Region", filters={"parent_hqe_region": city, "region_level": "County"}, pluck="name"
	)
	return set(
		frappe.get_all(
			"HQE Community",
			filters={"county": ("in", counties or [""]), "disabled": 0},
			group_by="county",
			pluck="county",
		)
	)
