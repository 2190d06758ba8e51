# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class HQEDeadlineExtension(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		extended_to: DF.Date
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		reason: DF.Data | None
		region: DF.Link
		step: DF.Literal[
			"county_certification_deadline",
			"county_recommendation_deadline",
			"city_review_deadline",
			"city_certification_deadline",
		]
		year: DF.Int
	# end: auto-generated types
	pass
