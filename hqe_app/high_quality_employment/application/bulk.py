"""Many applications' verified values at once (the health check, the scheme simulation): the
self-reported values with every review's corrections and innovation points laid over them, read in
three queries whatever the number of applications."""

from __future__ import annotations

from collections import defaultdict

import frappe
from hqe_app.high_quality_employment.application.scoring import overlay, self_reported_values
from hqe_app.scoring import Scheme

#: An application's own fields the bulk readers need beside the scheme's data fields.
RECORD_FIELDS = (
	"name",
	"scheme",
	"scheme_version",
	"workflow_state",
	"docstatus",
	"community",
	"community_name",
	"township",
	"county",
	"year",
	"base_score",
	"bonus_score",
	"total_score",
)


def data_fields(*schemes: Scheme) -> list[str]:
	"""The application columns holding the schemes' data (a field a draft scheme adds that the DocType
	does not hold yet is read as not given; innovation points come from the county's review)."""
	known = {f.fieldname for f in frappe.get_meta("HQE Application").fields}
	names = {f.name for scheme in schemes for f in scheme.fields} - {"innovation_points"}
	return sorted(names & known)


def reviews_by_application(names: list[str] | None = None) -> dict[str, list]:
	"""Each application's reviews with their corrections (all applications when `names` is None)."""
	filters = {"application": ("in", names or [""])} if names is not None else {}
	reviews = defaultdict(list)
	by_name = {}
	for review in frappe.get_all(
		"HQE Review",
		filters=filters,
		fields=["name", "application", "review_level", "innovation_points"],
		limit_page_length=0,
	):
		review.corrections = []
		reviews[review.application].append(review)
		by_name[review.name] = review
	for c in frappe.get_all(
		"HQE Correction",
		filters={"parenttype": "HQE Review", "parent": ("in", list(by_name) or [""])}
		if names is not None
		else {"parenttype": "HQE Review"},
		fields=["parent", "fieldname", "verified_value", "idx"],
		order_by="parent asc, idx asc",
		limit_page_length=0,
	):
		if c.parent in by_name:
			by_name[c.parent].corrections.append(c)
	return reviews


def verified_values(app, scheme: Scheme, reviews: list) -> dict[str, object]:
	"""One application's verified values under `scheme` (its fields read from the bulk row)."""
	verified, _applied = overlay(self_reported_values(app, scheme), reviews)
	return verified
