# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document
from hqe_app.high_quality_employment.documents.province_list import (
	mark_recommended,
	validate_province_list,
)


class HQEProvinceRecommendation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from hqe_app.high_quality_employment.doctype.hqe_province_recommendation_item.hqe_province_recommendation_item import (
			HQEProvinceRecommendationItem,
		)

		applications: DF.Table[HQEProvinceRecommendationItem]
		region: DF.Link
		year: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		validate_province_list(self)

	def on_update(self) -> None:
		mark_recommended(self)

	def on_trash(self) -> None:
		self.set("applications", [])
		mark_recommended(self)
