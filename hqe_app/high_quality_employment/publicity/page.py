"""The public 公示 page, /gongshi (the cities) and /gongshi/<city> (a city's batches and the form).

Served by a page renderer of its own (hooks: page_renderer), Frappe's extension point for pages an app
draws itself: a standalone document, without the website's navigation, footer and boot (which Frappe
computes on every website page, and which would cost a guest most of the page's time). No login.
Everything shown comes from `listing`, which returns only what a 公示 publishes.
"""

from __future__ import annotations

from urllib.parse import unquote

import frappe
from frappe.website.page_renderers.base_renderer import BaseRenderer
from hqe_app.high_quality_employment.publicity.listing import PAGE, cities_with_batches, city_listing
from hqe_app.programme.objections import CONTENT_LIMIT, NAME_LIMIT, PHONE_PATTERN

TEMPLATE = "templates/gongshi.html"


class PublicityPage(BaseRenderer):
	def can_render(self) -> bool:
		return self.path == PAGE or self.path.startswith(f"{PAGE}/")

	def render(self):
		city = unquote(self.path[len(PAGE) + 1 :]).strip("/ ")
		html = frappe.get_template(TEMPLATE).render(page_context(city))
		self.headers = {"Cache-Control": "no-store"}
		return self.build_response(html)


def page_context(city: str) -> dict:
	context = {
		"city": city,
		"content_limit": CONTENT_LIMIT,
		"name_limit": NAME_LIMIT,
		"phone_pattern": PHONE_PATTERN,
	}
	if city:
		context.update(batches=city_listing(city), title=f"{city}高质量就业社区（村）公示")
	else:
		context.update(cities=cities_with_batches(), title="高质量就业社区（村）公示")
	return context
