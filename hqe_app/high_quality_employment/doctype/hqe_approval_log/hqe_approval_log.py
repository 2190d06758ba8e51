# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class HQEApprovalLog(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		acted_at: DF.Datetime | None
		action: DF.Data | None
		application: DF.Link
		community: DF.Link | None
		community_name: DF.Data | None
		county: DF.Link | None
		from_state: DF.Data | None
		level: DF.Data | None
		reason: DF.SmallText | None
		to_state: DF.Data | None
		township: DF.Link | None
		user: DF.Link | None
		year: DF.Int
	# end: auto-generated types
	pass
