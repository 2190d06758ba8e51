"""The county recommendation quota of SPEC §6, from HQE Settings and the applications' states."""

from __future__ import annotations

import frappe
from hqe_app.lifecycle import CERTIFIED_STATES
from hqe_app.scoring.quota import as_fraction, recommendation_quota


def county_quota(county: str, year: int) -> tuple[int, int]:
	"""(applications counted as certified, the quota) for one county and year."""
	certified = frappe.db.count("HQE Application", {"county": county, **certified_filters(year)})
	return certified, quota_for(certified)


def certified_filters(year: int) -> dict:
	"""Applications that count towards a year's quota: certified or later, in the year or up to it."""
	scope = frappe.get_cached_doc("HQE Settings").quota_scope or "Current Year"
	return {
		"workflow_state": ("in", CERTIFIED_STATES),
		"docstatus": ("<", 2),
		"year": year if scope == "Current Year" else ("<=", year),
	}


def quota_for(certified: int) -> int:
	"""The quota of a county with `certified` applications, by the rate and rounding in HQE Settings."""
	settings = frappe.get_cached_doc("HQE Settings")
	rate = as_fraction(settings.quota_rate if settings.quota_rate is not None else 10) / 100
	return recommendation_quota(certified, rate, settings.quota_rounding or "floor")
