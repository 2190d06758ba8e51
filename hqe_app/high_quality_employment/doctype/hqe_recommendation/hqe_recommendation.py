# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from hqe_app.high_quality_employment.documents.rows import check_achievements, check_rows
from hqe_app.high_quality_employment.workflow.quota import county_quota
from hqe_app.programme.lifecycle import RECOMMENDED_OR_LATER


class HQERecommendation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from hqe_app.high_quality_employment.doctype.hqe_recommendation_item.hqe_recommendation_item import (
			HQERecommendationItem,
		)

		certified_count: DF.Int
		county: DF.Link
		items: DF.Table[HQERecommendationItem]
		quota: DF.Int
		year: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		self.validate_county()
		self.validate_items()
		self.set_quota()
		self.validate_quota()

	def validate_county(self) -> None:
		if frappe.db.get_value("HQE Region", self.county, "region_level") != "County":
			frappe.throw(_("County must be a region of level County"), title=_("County"))

	def validate_items(self) -> None:
		def refusal(row, app) -> str | None:
			if app.workflow_state not in RECOMMENDED_OR_LATER:
				return _(
					"Row {0}: {1} has not been recommended to the city (workflow action Recommend)"
				).format(row.idx, app.community_name)
			return None

		check_rows(
			self.items, counties={self.county}, year=self.year, place=self.county, state_refusal=refusal
		)
		for row in self.items:
			check_achievements(row.achievements, row.idx)

	def set_quota(self) -> None:
		self.certified_count, self.quota = county_quota(self.county, self.year)

	def validate_quota(self) -> None:
		if len(self.items) > self.quota:
			frappe.throw(
				_(
					"{0} may recommend at most {1} communities for {2} ({3} county-certified); {4} listed"
				).format(self.county, self.quota, self.year, self.certified_count, len(self.items)),
				title=_("Recommendation Quota"),
			)
