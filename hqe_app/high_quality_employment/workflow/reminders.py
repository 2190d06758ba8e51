"""Daily reminder of what is still open before each deadline (scheduler, hooks.py)."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import date_diff, format_date, getdate, nowdate
from hqe_app.programme.lifecycle import (
	CITY_REVIEW,
	DRAFT,
	PENDING_COUNTY,
	PENDING_TOWNSHIP,
	PUBLICIZED,
	RECOMMENDED,
)

from .deadlines import effective_deadline
from .effects import EDITOR, Responsible

#: The states that must be left before each deadline. The county recommendation deadline has none:
#: recommending is a choice, not a duty, so a certified application is never reminded of it.
OPEN_BEFORE = {
	"county_certification_deadline": (DRAFT, PENDING_TOWNSHIP, PENDING_COUNTY),
	"city_review_deadline": (RECOMMENDED, CITY_REVIEW),
	"city_certification_deadline": (PUBLICIZED,),
}
WARN_DAYS = 7


def send_daily_reminders() -> int:
	"""Notify the responsible users of each open application whose deadline is within a week."""
	today = getdate(nowdate())
	responsible = Responsible()
	sent = 0
	for step, states in OPEN_BEFORE.items():
		applications = frappe.get_all(
			"HQE Application",
			filters={"workflow_state": ("in", states), "year": today.year, "docstatus": ("<", 2)},
			fields=["name", "community_name", "township", "community", "county", "year", "workflow_state"],
		)
		for app in applications:
			closes = effective_deadline(step, app.township, app.year)
			if not closes or not 0 <= date_diff(closes, today) <= WARN_DAYS:
				continue
			for user in responsible.users(app, EDITOR[app.workflow_state]):
				notify(user, app, closes)
				sent += 1
	return sent


def notify(user: str, app, closes) -> None:
	frappe.get_doc(
		{
			"doctype": "Notification Log",
			"for_user": user,
			"type": "Alert",
			"document_type": "HQE Application",
			"document_name": app.name,
			"subject": _("{0} is still {1}; the deadline is {2}").format(
				app.community_name, _(app.workflow_state), format_date(closes)
			),
		}
	).insert(ignore_permissions=True)
