"""The programme's settings defaults (SPEC §6, §7, §11), once: HQE Settings' field defaults are
checked against this table, and code that reads a setting falls back to it."""

from __future__ import annotations

DEFAULTS: dict[str, object] = {
	"pass_mark": 60,
	"target_share": 33.33,
	"quota_rate": 10,
	"quota_rounding": "floor",
	"quota_scope": "Current Year",
	"city_award_amount": 20000,
	"county_certification_deadline": "08-31",
	"county_recommendation_deadline": "09-15",
	"city_review_deadline": "09-30",
	"city_certification_deadline": "10-31",
	"publication_working_days": 5,
}


def setting(settings, fieldname: str):
	"""`settings.<fieldname>`, or its default when it is not set (None or empty)."""
	value = settings.get(fieldname) if hasattr(settings, "get") else getattr(settings, fieldname, None)
	return DEFAULTS[fieldname] if value in (None, "") else value
