# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class HQEYearCalendar(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		city_certification_deadline: DF.Date | None
		city_review_deadline: DF.Date | None
		county_certification_deadline: DF.Date | None
		county_recommendation_deadline: DF.Date | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		year: DF.Int
	# end: auto-generated types
	pass
