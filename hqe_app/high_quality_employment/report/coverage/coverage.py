# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt
"""建成率: per county, communities certified (county level or later, up to the year) ÷ all communities,
against exactly one third (the notice's 三分之一以上), and one city-wide row per city the user sees whole.

Merged (disabled) communities are left out of both sides.
"""

import frappe
from frappe import _
from hqe_app.high_quality_employment.reporting.coverage_counts import (
	certified_by_county,
	city_of,
	communities_by_county,
	counties_with_communities,
)
from hqe_app.high_quality_employment.reporting.queries import column, year_of
from hqe_app.programme.limits import still_to_certify, target_fraction, target_reached
from hqe_app.programme.settings import setting


def execute(filters=None):
	filters = frappe._dict(filters or {})
	target = target_fraction(setting(frappe.get_cached_doc("HQE Settings"), "target_share"))
	region = {"county": filters.county} if filters.get("county") else {}
	communities = communities_by_county(region)
	certified = certified_by_county(year_of(filters), region)
	counties = sorted(c for c in communities if c)
	rows = [row(county, communities[county], certified.get(county, 0), target) for county in counties]
	rows += total_rows(counties, communities, certified, target, whole_city=not filters.get("county"))
	columns = [
		column("county", "County", "Data", 130),
		column("communities", "Communities", "Int", 110),
		column("certified", "Certified Communities", "Int", 130),
		column("coverage", "Coverage (%)", "Percent", 110),
		column("target", "Coverage Target", "Percent", 110),
		column("gap", "Still to Certify", "Int", 110),
		column("reached", "Target Reached", "Data", 100),
	]
	county_rows = [r for r in rows if not r.get("bold")]
	chart = {
		"data": {
			"labels": [r["county"] for r in county_rows],
			"datasets": [
				{
					"name": _("Coverage (%)"),
					"values": [r["coverage"] for r in county_rows],
					"chartType": "bar",
				},
				{
					"name": _("Coverage Target"),
					"values": [r["target"] for r in county_rows],
					"chartType": "line",
				},
			],
		},
		"type": "axis-mixed",
		"barOptions": {"spaceRatio": 0.4},
		"colors": ["#5e64ff", "#ff5858"],
	}
	return columns, rows, None, chart


def row(label: str, communities: int, certified: int, target, **extra) -> dict:
	return {
		"county": label,
		"communities": communities,
		"certified": certified,
		"coverage": round(certified / communities * 100, 1) if communities else 0,
		"target": round(float(target * 100), 2),
		"gap": still_to_certify(certified, communities, target),
		"reached": _("Yes") if target_reached(certified, communities, target) else _("No"),
		**extra,
	}


def total_rows(counties, communities, certified, target, whole_city: bool) -> list[dict]:
	"""One city-wide row per city whose counties the user sees all of; otherwise one total row."""
	if not counties:
		return []
	cities = city_of(counties)
	by_city: dict[str, list[str]] = {}
	for county in counties:
		by_city.setdefault(cities.get(county) or "", []).append(county)
	rows = []
	for city, mine in sorted(by_city.items()):
		if not (whole_city and city and set(mine) >= counties_with_communities(city)):
			continue
		label = _("{0} (City-wide)").format(city)
		rows.append(total(label, mine, communities, certified, target))
	if not rows:
		rows.append(total(_("Total"), counties, communities, certified, target))
	return rows


def total(label, counties, communities, certified, target) -> dict:
	return row(
		label,
		sum(communities[c] for c in counties),
		sum(certified.get(c, 0) for c in counties),
		target,
		bold=1,
	)
