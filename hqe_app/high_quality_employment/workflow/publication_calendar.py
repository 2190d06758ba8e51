"""Approve only into a publication that ends by the city's certification deadline (SPEC §7)."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import format_date, getdate
from hqe_app.programme.workflow import APPROVE, Transition

from .deadlines import effective_deadline


class PublicationTooLate(frappe.ValidationError):
	pass


def check_publication_fits(doc, t: Transition) -> None:
	"""After `start_publication` set the period: refuse it when it would end after the deadline."""
	if t.action != APPROVE or not doc.publication_end:
		return
	closes = effective_deadline("city_certification_deadline", doc.township, doc.year)
	if closes and getdate(doc.publication_end) > closes:
		frappe.throw(
			_(
				"The publication would end on {0}, after the city certification deadline {1}: "
				"approve earlier or have the deadline extended"
			).format(format_date(doc.publication_end), format_date(closes)),
			PublicationTooLate,
			title=_("Publication"),
		)
