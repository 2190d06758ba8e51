"""What a review may change on its application: verified corrections and innovation points."""

from __future__ import annotations

import frappe
from frappe import _
from hqe_app.high_quality_employment.application.scoring import (
	overlay,
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

	The values are those the application will be scored on once this review is saved (its
	corrections among the other levels'); the engine validates them and its errors name the field.
	"""
	scheme = scheme_of(application)
	others = [r for r in reviews_of(application.name) if r.name != review.name]
	values, _applied = overlay(self_reported_values(application, scheme), [*others, review])
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
