"""The application form as its scheme words it: each indicator field's label, each section's title,
and which of the notice's fields the scheme does not use (hidden). Read by hqe_application.js."""

from __future__ import annotations

import frappe
from frappe import _
from hqe_app.high_quality_employment.schemes.registry import recorded, scheme_for
from hqe_app.scoring import Scheme, get_scheme

DOCTYPE = "HQE Application"


@frappe.whitelist()
def form_layout(
	scheme: str | None = None, version: int | None = None, county: str | None = None, year: int | None = None
) -> dict:
	"""The layout of the scheme an application records, or (a new one) of the scheme its county and
	year would record."""
	frappe.has_permission(DOCTYPE, "read", throw=True)
	if scheme:
		return layout(recorded(scheme, int(version or 0) or None))
	return layout(scheme_for(county, int(year or 0) or None))


def layout(scheme: Scheme) -> dict:
	meta = frappe.get_meta(DOCTYPE)
	used = {f.name for f in scheme.fields}
	return {
		"scheme": scheme.code,
		"labels": {f.name: _(f.label) for f in scheme.fields if meta.has_field(f.name)},
		"sections": {
			f"{code}_section": _(label)
			for code, label in scheme.sections
			if meta.has_field(f"{code}_section")
		},
		"hidden": sorted(
			f.name for f in get_scheme().fields if f.name not in used and meta.has_field(f.name)
		),
	}
