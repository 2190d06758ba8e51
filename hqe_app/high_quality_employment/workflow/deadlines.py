"""Deadlines of SPEC §7 for the workflow: the year's date, or a county's extension."""

from __future__ import annotations

import datetime

import frappe
from frappe import _
from frappe.utils import add_days, format_date, getdate, nowdate
from hqe_app.programme.calendar import deadline
from hqe_app.programme.workflow import CERTIFY, CONSENT, RECOMMEND, SUBMIT, Transition

#: Which deadline closes each action (SPEC §7: each step closes for the level below once passed).
CLOSED_BY = {
	SUBMIT: "county_certification_deadline",
	CONSENT: "county_certification_deadline",
	CERTIFY: "county_certification_deadline",
	RECOMMEND: "county_recommendation_deadline",
}


def effective_deadline(step: str, county: str, year: int) -> datetime.date | None:
	settings = frappe.get_cached_doc("HQE Settings")
	extended = [
		getdate(row.extended_to)
		for row in settings.extensions
		if row.step == step and row.county == county and int(row.year) == int(year)
	]
	return max(extended) if extended else deadline(settings, step, year)


def check_deadline(doc, t: Transition) -> None:
	step = CLOSED_BY.get(t.action)
	if not step:
		return
	closes = effective_deadline(step, doc.county, doc.year)
	if closes and getdate(nowdate()) > closes:
		frappe.throw(
			_("{0} closed on {1} for {2} {3}; an administrator can extend it for this county").format(
				_(frappe.get_meta("HQE Year Calendar").get_label(step)),
				format_date(closes),
				doc.county,
				doc.year,
			),
			title=_("Deadline Passed"),
		)


def add_working_days(start: datetime.date, days: int) -> datetime.date:
	"""The date `days` working days (Monday to Friday) after `start`."""
	current = getdate(start)
	while days > 0:
		current = getdate(add_days(current, 1))
		if current.weekday() < 5:
			days -= 1
	return current
