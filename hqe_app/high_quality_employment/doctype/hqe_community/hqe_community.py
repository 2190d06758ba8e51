# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class HQECommunity(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		address: DF.SmallText | None
		community_name: DF.Data
		community_type: DF.Literal["Community", "Village"]
		contact_person: DF.Data | None
		county: DF.Link | None
		disabled: DF.Check
		phone: DF.Data | None
		township: DF.Link
	# end: auto-generated types
	pass
