"""The county recommendation quota of SPEC §6, from HQE Settings and the applications' states."""

from __future__ import annotations

import frappe
from hqe_app.programme.lifecycle import CERTIFIED_STATES
from hqe_app.programme.settings import setting
from hqe_app.scoring.quota import as_fraction, recommendation_quota


def county_quota(county: str, year: int) -> tuple[int, int]:
	"""(applications counted as certified, the quota) for one county and year."""
	certified = frappe.db.count("HQE Application", {"county": county, **certified_filters(year)})
	return certified, quota_for(certified)


def certified_filters(year: int) -> dict:
	"""Applications that count towards a year's quota: certified or later, in the year or up to it."""
	scope = setting(frappe.get_cached_doc("HQE Settings"), "quota_scope")
	return {
		"workflow_state": ("in", CERTIFIED_STATES),
		"docstatus": ("<", 2),
		"year": year if scope == "Current Year" else ("<=", year),
	}


def quota_for(certified: int) -> int:
	"""The quota of a county with `certified` applications, by the rate and rounding in HQE Settings."""
	settings = frappe.get_cached_doc("HQE Settings")
	rate = as_fraction(setting(settings, "quota_rate")) / 100
	return recommendation_quota(certified, rate, setting(settings, "quota_rounding"))
