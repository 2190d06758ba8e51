# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class HQEMediaReport(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		attachment: DF.Attach | None
		level: DF.Literal["County", "City", "Province"]
		link: DF.Data | None
		outlet: DF.Data
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		report_date: DF.Date | None
	# end: auto-generated types
	pass
