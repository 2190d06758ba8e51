"""Number cards of the 高质量就业 workspace that are more than a count of one DocType."""

from __future__ import annotations

import frappe
from frappe.utils import getdate, nowdate
from hqe_app.high_quality_employment.reporting.aggregates import count
from hqe_app.high_quality_employment.reporting.coverage_counts import (
	certified_by_county,
	communities_by_county,
)
from hqe_app.programme.lifecycle import CERTIFIED_STATES
from hqe_app.programme.workflow import TRANSITIONS


@frappe.whitelist()
def waiting_at_my_level(filters=None) -> int:
	"""This year's applications in a state where the user's role has an action, inside its subtree."""
	roles = set(frappe.get_roles())
	waiting = sorted({t.state for t in TRANSITIONS if t.role in roles})
	if not waiting:
		return 0
	return count("HQE Application", {"year": getdate(nowdate()).year, "workflow_state": ("in", waiting)})


@frappe.whitelist()
def coverage(filters=None) -> dict:
	"""Communities certified (any year up to now) ÷ all communities the user can see, in percent; merged
	(disabled) communities on neither side (coverage_counts)."""
	communities = sum(communities_by_county({}).values())
	certified = sum(certified_by_county(getdate(nowdate()).year, {}).values())
	value = round(certified * 100 / communities, 1) if communities else 0
	return {"value": value, "fieldtype": "Percent"}
