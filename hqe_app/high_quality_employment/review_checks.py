"""What a review may change on its application: verified corrections and innovation points."""

from __future__ import annotations

import frappe
from frappe import _
from hqe_app.high_quality_employment.application_scoring import (
	REVIEW_ORDER,
	reviews_of,
	scheme_of,
	self_reported_values,
	throw_field_errors,
)
from hqe_app.scoring.validate import normalize


def field_label(application, fieldname: str) -> str:
	spec = scheme_of(application).field_map.get(fieldname)
	return spec.label if spec else fieldname


def format_value(value: object) -> str:
	"""A field value as the review table shows it beside the verified value."""
	if value is None:
		return ""
	if isinstance(value, float) and value.is_integer():
		return str(int(value))
	return str(value)


def check_verified_values(application, review) -> None:
	"""Refuse a correction (or innovation points) that makes the application's data impossible.

	The review's corrections are laid over the self-reported values and the other levels' corrections,
	then validated by the engine; errors name the field.
	"""
	scheme = scheme_of(application)
	values = self_reported_values(application, scheme)
	for other in reviews_of(application.name):
		if other.name == review.name:
			continue
		if other.review_level == "County" and other.innovation_points is not None:
			values["innovation_points"] = other.innovation_points
		for c in other.corrections:
			if REVIEW_ORDER[other.review_level] < REVIEW_ORDER[review.review_level]:
				values[c.fieldname] = c.verified_value
	for row in review.corrections:
		values[row.fieldname] = row.verified_value
	if review.review_level == "County" and review.innovation_points is not None:
		values["innovation_points"] = review.innovation_points
	errors = normalize(scheme, values, _)[1]
	if errors:
		throw_field_errors(errors)


def rescore_application(name: str) -> None:
	"""Recompute an application's verified scores after a review changed.

	The review itself passed its permission checks; the application's save only rewrites derived
	score fields, so it runs with the review author's authority.
	"""
	application = frappe.get_doc("HQE Application", name)
	application.flags.ignore_permissions = True
	application.save()
