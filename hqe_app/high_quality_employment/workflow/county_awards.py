"""Awards (SPEC §11): the city's 20,000 CNY per city-certified community, and each county's own rule
(HQE Settings → County Award Amounts) for its county-certified ones, each with its payment status."""

from __future__ import annotations

import frappe
from frappe import _
from hqe_app.programme.lifecycle import CERTIFIED_STATES, CITY_CERTIFIED, COUNTY_CERTIFIED
from hqe_app.programme.settings import setting
from hqe_app.programme.workflow import Transition


def award_amount(level: str, county: str | None) -> float | None:
	"""The city's amount, or the county's own rule (None when the county has none)."""
	settings = frappe.get_cached_doc("HQE Settings")
	if level == "City":
		return setting(settings, "city_award_amount")
	return next((row.amount for row in settings.county_awards if row.county == county), None)


def create_awards(doc, t: Transition) -> None:
	"""After a move into County Certified or City Certified: that level's award, once."""
	level = {COUNTY_CERTIFIED: "County", CITY_CERTIFIED: "City"}.get(t.next_state)
	if not level or frappe.db.exists("HQE Award", {"application": doc.name, "award_level": level}):
		return
	amount = award_amount(level, doc.county)
	if amount is None:
		return
	award = frappe.get_doc(
		{
			"doctype": "HQE Award",
			"application": doc.name,
			"award_level": level,
			"amount": amount,
			"status": "Pending",
		}
	)
	award.flags.ignore_permissions = True  # the action itself passed the role and subtree checks
	award.insert()


#: The application states in which each level's award may exist: the city's for a city-certified
#: community only, a county's for a county-certified one or later (the county's certification stands).
AWARDED_STATES = {"City": frozenset({CITY_CERTIFIED}), "County": frozenset(CERTIFIED_STATES)}


def check_award_state(award) -> None:
	"""An award is for an application the awarding level has certified."""
	state = frappe.db.get_value("HQE Application", award.application, "workflow_state")
	if state not in AWARDED_STATES.get(award.award_level, ()):
		frappe.throw(
			_("A {0} award is only for a {1} application; {2} is {3}").format(
				_(award.award_level),
				_(CITY_CERTIFIED if award.award_level == "City" else COUNTY_CERTIFIED),
				award.application,
				_(state or "Draft"),
			),
			frappe.ValidationError,
			title=_("Award"),
		)
