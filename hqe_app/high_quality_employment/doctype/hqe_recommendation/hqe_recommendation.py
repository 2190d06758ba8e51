# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class HQERecommendation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from hqe_app.high_quality_employment.doctype.hqe_recommendation_item.hqe_recommendation_item import HQERecommendationItem

		certified_count: DF.Int
		county: DF.Link
		items: DF.Table[HQERecommendationItem]
		quota: DF.Int
		year: DF.Int
	# end: auto-generated types
	pass
