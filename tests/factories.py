"""Factory helpers: a valid application in which each indicator can be set on its own."""

from __future__ import annotations

from hqe_app.scoring.schemes import get_scheme

SCHEME = get_scheme()
CHECK_FIELDS = [f.name for f in SCHEME.fields if f.kind == "check"]
COUNT_FIELDS = [f.name for f in SCHEME.fields if f.kind == "count"]


def application(**overrides: object) -> dict[str, object]:
	"""A valid application scoring 0 on every indicator it can, unless overridden.

	Indicator 2 cannot be zeroed without households, so it has 5 households none employed (→ 0).
	"""
	values: dict[str, object] = {
		"working_age_capable": 1000,
		"labor_force": 1000,
		"employed": 0,
		"low_income_households": 5,
		"low_income_households_employed": 0,
		"certified_workers": 0,
		"pension_employee_insured": 0,
		"pension_resident_insured": 100,
		"entrepreneurs": 0,
		"new_market_entities": 0,
		"jobs_created": 0,
		"hard_to_employ_persons": 0,
		"new_public_welfare_jobs": 0,
		"job_referral_level": "none",
		"other_services_level": "none",
		"media_reports_county": 0,
		"media_reports_city": 0,
		"media_reports_province": 0,
		"innovation_points": 0,
	}
	values |= {name: False for name in CHECK_FIELDS}
	values |= overrides
	return values


def full_marks(**overrides: object) -> dict[str, object]:
	"""An application reaching the top tier of every indicator (base 100, bonus 10)."""
	values = application(
		employed=1000,
		low_income_households=0,
		certified_workers=300,
		pension_employee_insured=100,
		pension_resident_insured=0,
		entrepreneurs=100,
		new_market_entities=2,
		jobs_created=10,
		hard_to_employ_persons=5,
		new_public_welfare_jobs=1,
		job_referral_level="outstanding",
		other_services_level="outstanding",
		media_reports_province=2,
		innovation_points=5,
	)
	values |= {name: True for name in CHECK_FIELDS}
	values |= overrides
	return values
