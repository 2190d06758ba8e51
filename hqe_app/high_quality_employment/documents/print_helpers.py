"""Read what 附件1 and 附件2 show for applications, for the print formats (Jinja) and the Excel export.

The caller has already checked that the user may read the applications: the forms' community,
recommendation and review rows belong to them, so they are read here without further checks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import frappe
from hqe_app.forms.data import recommendation_form, scoring_form
from hqe_app.high_quality_employment.application.scoring import pass_mark
from hqe_app.high_quality_employment.schemes.registry import recorded

APPLICATION_FIELDS = (
	"name",
	"community",
	"community_name",
	"township",
	"county",
	"year",
	"scheme",
	"scheme_version",
	"base_score",
	"bonus_score",
	"total_score",
	"eligible",
	"achievements",
)
RESULT_FIELDS = ("parent", "indicator_code", "indicator_name", "max_points", "points", "basis")
ITEM_FIELDS = (
	"application",
	"contact_person",
	"phone",
	"address",
	"achievements",
	"township_opinion",
	"township_opinion_date",
	"county_opinion",
	"county_opinion_date",
	"city_opinion",
	"city_opinion_date",
)

PROVINCE_ITEM_FIELDS = ("application", "contact_person", "phone", "address", "achievements")


def scoring_forms(applications: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
	"""附件1 of each application (mappings with APPLICATION_FIELDS), in the given order."""
	names = [a["name"] for a in applications]
	results = defaultdict(list)
	for row in frappe.get_all(
		"HQE Indicator Result",
		filters={"parenttype": "HQE Application", "parent": ("in", names or [""])},
		fields=list(RESULT_FIELDS),
		order_by="idx asc",
	):
		results[row.parent].append(row)
	mark = pass_mark()
	forms = []
	for a in applications:
		scheme = recorded(a.get("scheme"), a.get("scheme_version"))
		forms.append(scoring_form(a, results[a["name"]], mark, scheme.base_max, scheme.bonus_max, scheme))
	return forms


def recommendation_forms(
	applications: Sequence[Mapping[str, Any]], overrides: Mapping[str, Mapping[str, Any]] | None = None
) -> list[dict[str, Any]]:
	"""附件2 of each application: contacts from its community, texts from the recommendation and reviews;
	what `overrides` (application → fields) fills in wins over the county's recommendation item."""
	names = [a["name"] for a in applications] or [""]
	communities = {
		c.name: c
		for c in frappe.get_all(
			"HQE Community",
			filters={"name": ("in", [a.get("community") for a in applications] or [""])},
			fields=["name", "community_name", "county", "contact_person", "phone", "address"],
		)
	}
	items: dict[str, Mapping[str, Any]] = {}
	for item in frappe.get_all(
		"HQE Recommendation Item",
		filters={"parenttype": "HQE Recommendation", "application": ("in", names)},
		fields=list(ITEM_FIELDS),
		order_by="modified desc",
	):
		items.setdefault(item.application, item)  # the latest recommendation's row
	for name, fields in (overrides or {}).items():
		items[name] = {**(items.get(name) or {}), **{k: v for k, v in fields.items() if v}}
	reviews = defaultdict(list)
	for review in frappe.get_all(
		"HQE Review",
		filters={"application": ("in", names)},
		fields=["application", "review_level", "opinion", "review_date"],
	):
		reviews[review.application].append(review)
	return [
		recommendation_form(
			a, communities.get(a.get("community"), {}), items.get(a["name"]), reviews[a["name"]]
		)
		for a in applications
	]


def province_forms(applications: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
	"""附件2 of applications on the city's province list (向省推荐): what the list's row says (contacts,
	建设成效) wins over the county's recommendation item and the community record."""
	rows = frappe.get_all(
		"HQE Province Recommendation Item",
		filters={
			"parenttype": "HQE Province Recommendation",
			"application": ("in", [a["name"] for a in applications] or [""]),
		},
		fields=list(PROVINCE_ITEM_FIELDS),
	)
	return recommendation_forms(applications, {r.application: r for r in rows})


def hqe_scoring_form(doc) -> dict[str, Any]:
	"""Jinja: 附件1 of the printed application."""
	results = [r.as_dict() for r in doc.get("indicator_results") or []]
	scheme = recorded(doc.get("scheme"), doc.get("scheme_version"))
	return scoring_form(_fields(doc), results, pass_mark(), scheme.base_max, scheme.bonus_max, scheme)


def hqe_recommendation_form(doc) -> dict[str, Any]:
	"""Jinja: 附件2 of the printed application."""
	return recommendation_forms([_fields(doc)])[0]


def _fields(doc) -> dict[str, Any]:
	return {field: doc.get(field) for field in APPLICATION_FIELDS}
