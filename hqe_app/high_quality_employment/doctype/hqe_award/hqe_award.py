# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class HQEAward(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amount: DF.Currency
		application: DF.Link
		community_name: DF.Data | None
		county: DF.Link | None
		payment_date: DF.Date | None
		payment_reference: DF.Data | None
		status: DF.Literal["Pending", "Paid"]
		township: DF.Link | None
		year: DF.Int
	# end: auto-generated types
	pass
