"""The county recommendation quota of SPEC §6, from HQE Settings and the applications' states."""

from __future__ import annotations

import frappe
from hqe_app.lifecycle import CERTIFIED_STATES
from hqe_app.scoring.quota import as_fraction, recommendation_quota


def county_quota(county: str, year: int) -> tuple[int, int]:
	"""(applications counted as certified, the quota) for one county and year."""
	settings = frappe.get_cached_doc("HQE Settings")
	filters = {"county": county, "workflow_state": ("in", CERTIFIED_STATES), "docstatus": ("<", 2)}
	if (settings.quota_scope or "Current Year") == "Current Year":
		filters["year"] = year
	certified = frappe.db.count("HQE Application", filters)
	rate = as_fraction(settings.quota_rate if settings.quota_rate is not None else 10) / 100
	return certified, recommendation_quota(certified, rate, settings.quota_rounding or "floor")
