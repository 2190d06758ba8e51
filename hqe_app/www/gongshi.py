"""The public 公示 page: /gongshi lists the cities, /gongshi/<city> a city's batches and the objection form.

No login. Everything shown comes from `publicity.listing`, which returns only what a 公示 publishes.
"""

from __future__ import annotations

import frappe
from hqe_app.high_quality_employment.publicity.listing import cities_with_batches, city_listing
from hqe_app.programme.objections import CONTENT_LIMIT, NAME_LIMIT, PHONE_PATTERN

no_cache = 1


def get_context(context) -> None:
	city = (frappe.form_dict.get("city") or "").strip()
	context.no_cache = 1
	context.show_sidebar = False
	context.city = city
	context.content_limit = CONTENT_LIMIT
	context.name_limit = NAME_LIMIT
	context.phone_pattern = PHONE_PATTERN
	if city:
		context.batches = city_listing(city)
		context.title = f"{city}高质量就业社区（村）公示"
	else:
		context.cities = cities_with_batches()
		context.title = "高质量就业社区（村）公示"
