"""What the public 公示 page shows: each city's open publication batches and those closed within a year.

Read as Guest, so it reads with the system's rights and returns only the fields a 公示 publishes
(the notice's title and wording, the period, the bureau's contact, and per community its county,
township, name and score). A community rejected from the publication is no longer listed.
"""

from __future__ import annotations

import datetime
from typing import Any

import frappe
from frappe.utils import add_days, getdate, nowdate
from hqe_app.forms.document_lists import publication
from hqe_app.programme.lifecycle import CITY_CERTIFIED, PUBLICIZED

PAGE = "gongshi"
#: Closed batches stay listed this long after their period ends.
KEPT_DAYS = 365
#: The states in which a published community stays on the list.
LISTED_STATES = (PUBLICIZED, CITY_CERTIFIED)


def cities_with_batches() -> list[str]:
	"""The cities that have a batch to show (open, or closed within a year)."""
	return frappe.get_all(
		"HQE Publication",
		filters=_shown_filters(),
		pluck="region",
		distinct=True,
		order_by="region asc",
		ignore_permissions=True,
	)


def city_listing(city: str, today: datetime.date | None = None) -> list[dict[str, Any]]:
	"""The city's batches, newest first, each as the notice words it, with `is_open` and its rows."""
	today = today or getdate(nowdate())
	batches = frappe.get_all(
		"HQE Publication",
		filters={**_shown_filters(today), "region": city},
		fields=["name", "region", "year", "publication_start", "publication_end", "contact"],
		order_by="publication_start desc, name desc",
		ignore_permissions=True,
	)
	if not batches:
		return []
	item = frappe.qb.DocType("HQE Publication Item")
	application = frappe.qb.DocType("HQE Application")
	rows = (
		frappe.qb.from_(item)
		.join(application)
		.on(application.name == item.application)
		.select(item.parent, item.application, item.idx, application.county, application.township)
		.select(application.community_name, application.total_score)
		.where(item.parent.isin([b.name for b in batches]))
		.where(item.parenttype == "HQE Publication")
		.where(application.workflow_state.isin(LISTED_STATES))
		.orderby(item.parent)
		.orderby(item.idx)
		.run(as_dict=True)
	)
	by_batch: dict[str, list[dict]] = {}
	for row in rows:
		by_batch.setdefault(row.parent, []).append(row)
	listing = []
	for batch in batches:
		listed = by_batch.get(batch.name, [])
		words = publication(batch, listed)
		listing.append(
			{
				"name": batch.name,
				"title": words["title"],
				"body": words["body"],
				"issuer": words["issuer"],
				"date": words["date"],
				"list_title": words["list_title"],
				"header": words["header"],
				"rows": words["rows"],
				"applications": [r.application for r in listed],
				"contact": batch.contact or "",
				"start": batch.publication_start,
				"end": batch.publication_end,
				"is_open": getdate(batch.publication_start) <= today <= getdate(batch.publication_end),
			}
		)
	return listing


def open_batch_of(application: str, today: datetime.date | None = None) -> str | None:
	"""The open batch of the city that lists `application`, or None (the objection form's check)."""
	today = today or getdate(nowdate())
	item = frappe.qb.DocType("HQE Publication Item")
	batch = frappe.qb.DocType("HQE Publication")
	found = (
		frappe.qb.from_(item)
		.join(batch)
		.on(batch.name == item.parent)
		.select(batch.name)
		.where(item.application == application)
		.where(item.parenttype == "HQE Publication")
		.where(batch.docstatus == 1)
		.where(batch.publication_start <= today)
		.where(batch.publication_end >= today)
		.limit(1)
		.run()
	)
	return found[0][0] if found else None


def _shown_filters(today: datetime.date | None = None) -> dict:
	today = today or getdate(nowdate())
	return {"docstatus": 1, "publication_end": (">=", add_days(today, -KEPT_DAYS))}
