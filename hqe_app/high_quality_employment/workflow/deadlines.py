"""Deadlines of SPEC §7 for the workflow: the year's date, or a region's extension, at every level."""

from __future__ import annotations

import datetime

import frappe
from frappe import _
from frappe.utils import add_days, format_date, getdate, nowdate
from frappe.utils.caching import request_cache
from hqe_app.programme.calendar import deadline
from hqe_app.programme.lifecycle import (
	CITY_REVIEW,
	COUNTY_CERTIFIED,
	DRAFT,
	PENDING_COUNTY,
	PENDING_TOWNSHIP,
	PUBLICIZED,
	RECOMMENDED,
	RETURNED_TO_COUNTY,
)
from hqe_app.programme.workflow import (
	APPROVE,
	CERTIFY,
	CONFIRM,
	CONSENT,
	RECOMMEND,
	REJECT,
	RESUBMIT,
	RETURN,
	START_REVIEW,
	SUBMIT,
	Transition,
)

#: Which deadline closes each move (state, action): each step closes for the level that owns it once
#: passed — the county's at the county deadlines, the city's review (Start Review, Approve, Reject) at
#: the city review deadline, Confirm at the city certification deadline.
CLOSED_BY = {
	(DRAFT, SUBMIT): "county_certification_deadline",
	(PENDING_TOWNSHIP, CONSENT): "county_certification_deadline",
	(PENDING_COUNTY, CERTIFY): "county_certification_deadline",
	(COUNTY_CERTIFIED, RECOMMEND): "county_recommendation_deadline",
	(RECOMMENDED, START_REVIEW): "city_review_deadline",
	(CITY_REVIEW, APPROVE): "city_review_deadline",
	(CITY_REVIEW, REJECT): "city_review_deadline",
	(CITY_REVIEW, RETURN): "city_review_deadline",
	(RETURNED_TO_COUNTY, RESUBMIT): "city_review_deadline",
	(PUBLICIZED, CONFIRM): "city_certification_deadline",
	(PUBLICIZED, REJECT): "city_certification_deadline",
}
CITY_STEPS = frozenset({"city_review_deadline", "city_certification_deadline"})


@request_cache
def regions_covering(township: str) -> list[str]:
	"""The township and every region above it (its county and city), once per request."""
	bounds = frappe.db.get_value("HQE Region", township, ["lft", "rgt"])
	if not bounds:
		return []
	return frappe.get_all(
		"HQE Region", filters={"lft": ("<=", bounds[0]), "rgt": (">=", bounds[1])}, pluck="name"
	)


def effective_deadline(step: str, township: str, year: int) -> datetime.date | None:
	"""The year's deadline of `step`, or the latest extension of it for a region covering the township."""
	settings = frappe.get_cached_doc("HQE Settings")
	regions = None
	extended = []
	for row in settings.extensions:
		if row.step == step and int(row.year) == int(year):
			regions = regions if regions is not None else set(regions_covering(township))
			if row.region in regions:
				extended.append(getdate(row.extended_to))
	return max(extended) if extended else deadline(settings, step, year)


def check_deadline(doc, t: Transition) -> None:
	step = CLOSED_BY.get((t.state, t.action))
	if not step:
		return
	closes = effective_deadline(step, doc.township, doc.year)
	if closes and getdate(nowdate()) > closes:
		region = city_of(doc.county) if step in CITY_STEPS else doc.county
		frappe.throw(
			_("{0} closed on {1} for {2} {3}; an administrator can extend it for this region").format(
				_(frappe.get_meta("HQE Year Calendar").get_label(step)),
				format_date(closes),
				region,
				doc.year,
			),
			title=_("Deadline Passed"),
		)


def city_of(county: str) -> str:
	return frappe.db.get_value("HQE Region", county, "parent_hqe_region") or county
