# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class HQEObjection(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		content: DF.SmallText
		decision: DF.Literal["", "Upheld", "Not Upheld"]
		objection_date: DF.Date
		objector: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		phone: DF.Data | None
		resolution: DF.SmallText | None
		source: DF.Literal["Letter or Phone", "Public Website"]
	# end: auto-generated types
	pass
