# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class HQEProvinceRecommendationItem(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		achievements: DF.SmallText | None
		address: DF.SmallText | None
		application: DF.Link
		community_name: DF.Data | None
		contact_person: DF.Data | None
		county: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		phone: DF.Data | None
		total_score: DF.Float
		township: DF.Link | None
	# end: auto-generated types
	pass
