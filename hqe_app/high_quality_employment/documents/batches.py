"""The notice's official documents (SPEC §11) as batches of applications: the county's and the city's
certification documents (认定文件) and the city's publication (公示).

Submitting a batch takes the workflow action on each of its applications that still waits for it, as
the session user and through the same guards as the form (role, subtree, deadline, pass mark, city
review, publication period); one refusal refuses the whole batch. Applications already moved by their
own form may be listed too. Each application then shows the document that certified it.
"""

from __future__ import annotations

from typing import NamedTuple

import frappe
from frappe import _
from frappe.model.workflow import apply_workflow
from hqe_app.high_quality_employment.documents.rows import check_rows
from hqe_app.programme.lifecycle import (
	CITY_CERTIFIED,
	CITY_REVIEW,
	COUNTY_CERTIFIED,
	PENDING_COUNTY,
	PUBLICIZED,
	RECOMMENDED_OR_LATER,
)
from hqe_app.programme.workflow import APPROVE, CERTIFY, CONFIRM

APPLICATION = "HQE Application"


class Batch(NamedTuple):
	"""What a kind of batch does: its region's level, the state it acts on, the action, the states
	counted as already done, and the application field that points back at the document."""

	region_level: str
	waiting: str
	action: str
	done: tuple[str, ...]
	stamp: str | None


COUNTY_DOCUMENT = Batch(
	"County",
	PENDING_COUNTY,
	CERTIFY,
	(COUNTY_CERTIFIED, *RECOMMENDED_OR_LATER),
	"county_certification_document",
)
CITY_DOCUMENT = Batch("City", PUBLICIZED, CONFIRM, (CITY_CERTIFIED,), "city_certification_document")
PUBLICATION = Batch("City", CITY_REVIEW, APPROVE, (PUBLICIZED, CITY_CERTIFIED), None)


def validate_batch(doc, batch: Batch, rows) -> None:
	"""The region has the batch's level; every row is an application of that region and year, once,
	waiting for the action or already past it (and not in another document)."""
	if frappe.db.get_value("HQE Region", doc.region, "region_level") != batch.region_level:
		frappe.throw(
			_("{0} must be a region of level {1}").format(doc.region, _(batch.region_level)),
			title=_("Region"),
		)
	if not rows:
		frappe.throw(_("List at least one application"), frappe.MandatoryError)

	def refusal(row, app) -> str | None:
		if app.workflow_state != batch.waiting and app.workflow_state not in batch.done:
			return _("Row {0}: {1} is {2}; this document takes applications in {3}").format(
				row.idx, app.community_name, _(app.workflow_state), _(batch.waiting)
			)
		other = batch.stamp and app.get(batch.stamp)
		if other and other != doc.name:
			return _("Row {0}: {1} was certified by document {2}").format(row.idx, app.community_name, other)
		return None

	check_rows(
		rows,
		counties=counties_of(doc.region, batch.region_level),
		year=doc.year,
		place=doc.region,
		state_refusal=refusal,
		extra_fields=[batch.stamp] if batch.stamp else [],
	)


def counties_of(region: str, level: str) -> set[str]:
	if level == "County":
		return {region}
	return set(frappe.get_all("HQE Region", filters={"parent_hqe_region": region}, pluck="name"))


def submit_batch(doc, batch: Batch, rows) -> list:
	"""Take the action on each waiting application, then point each one at the document; returns them."""
	done = []
	for row in rows:
		app = frappe.get_doc(APPLICATION, row.application)
		if app.workflow_state == batch.waiting:
			try:
				app = apply_workflow(app, batch.action)
			except frappe.ValidationError as e:
				frappe.throw(
					_("Row {0}: {1}: {2}").format(row.idx, app.community_name, str(e) or type(e).__name__),
					type(e),
					title=_(batch.action),
				)
		if batch.stamp:
			app.db_set(batch.stamp, doc.name, update_modified=False)
		done.append(app)
	return done


def batch_of(level: str) -> Batch:
	return COUNTY_DOCUMENT if level == "County" else CITY_DOCUMENT
