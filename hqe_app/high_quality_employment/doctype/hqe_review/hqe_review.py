# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt
from hqe_app.high_quality_employment.application.authority import check_field_authority, check_review_level
from hqe_app.high_quality_employment.application.input_checks import convert_inputs
from hqe_app.high_quality_employment.application.review_checks import (
	check_verified_values,
	field_label,
	format_value,
	rescore_application,
)


class HQEReview(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from hqe_app.high_quality_employment.doctype.hqe_correction.hqe_correction import HQECorrection

		application: DF.Link
		community: DF.Link | None
		community_name: DF.Data | None
		corrections: DF.Table[HQECorrection]
		county: DF.Link | None
		data_check: DF.SmallText | None
		decision: DF.Literal["", "Approve", "Return", "Reject"]
		innovation_points: DF.Float
		material_check: DF.SmallText | None
		opinion: DF.SmallText | None
		review_date: DF.Date | None
		review_level: DF.Literal["Township", "County", "City"]
		reviewer: DF.Link | None
		seal_note: DF.Data | None
		site_visit_date: DF.Date | None
		site_visit_people: DF.Data | None
		site_visit_record: DF.SmallText | None
		township: DF.Link | None
		year: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		convert_inputs(self)
		state = frappe.db.get_value("HQE Application", self.application, "workflow_state")
		check_review_level(self, state)
		check_field_authority(self, state)
		self.reviewer = self.reviewer or frappe.session.user
		self.validate_one_per_level()
		self.validate_corrections()
		self.validate_innovation_points()

	def on_update(self) -> None:
		if self.changes_scores():
			rescore_application(self.application)

	def changes_scores(self) -> bool:
		"""Whether this save changes what the application is scored on: its corrections or innovation
		points. A decision alone (each workflow action writes one) leaves the scores as they are."""

		def scored(review) -> tuple:
			corrections = sorted((r.fieldname, str(r.verified_value)) for r in review.corrections)
			return corrections, flt(review.innovation_points)

		before = self.get_doc_before_save()
		if before is None:
			return scored(self) != ([], 0.0)
		return scored(before) != scored(self)

	def after_delete(self) -> None:
		rescore_application(self.application)

	def validate_one_per_level(self) -> None:
		existing = frappe.db.get_value(
			"HQE Review",
			{"application": self.application, "review_level": self.review_level, "name": ("!=", self.name)},
			"name",
		)
		if existing:
			frappe.throw(
				_("Application {0} already has a {1} review: {2}").format(
					self.application, _(self.review_level), existing
				),
				frappe.DuplicateEntryError,
			)

	def validate_corrections(self) -> None:
		"""Keep the self-reported value beside each correction and refuse impossible verified values."""
		if self.corrections and self.review_level == "Township":
			frappe.throw(
				_("Corrections are made by the county and the city"), title=_("Verified Corrections")
			)
		if not self.corrections and not flt(self.innovation_points):
			return  # nothing of this review changes the values the application is scored on
		application = frappe.get_doc("HQE Application", self.application)
		seen = set()
		for row in self.corrections:
			if row.fieldname in seen:
				frappe.throw(
					_("Row {0}: {1} is corrected twice").format(
						row.idx, _(field_label(application, row.fieldname))
					)
				)
			seen.add(row.fieldname)
			row.reported_value = format_value(application.get(row.fieldname))
		check_verified_values(application, self)

	def validate_innovation_points(self) -> None:
		if self.review_level != "County":
			self.innovation_points = None
