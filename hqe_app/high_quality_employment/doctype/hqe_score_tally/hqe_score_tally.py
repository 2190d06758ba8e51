# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class HQEScoreTally(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		applications: DF.Int
		county: DF.Link | None
		points: DF.JSON | None
		township: DF.Link
		year: DF.Int
	# end: auto-generated types
	pass
