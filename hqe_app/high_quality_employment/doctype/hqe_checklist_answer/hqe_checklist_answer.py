# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class HQEChecklistAnswer(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		answer: DF.Check
		item: DF.Data | None
		label: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types
	pass
