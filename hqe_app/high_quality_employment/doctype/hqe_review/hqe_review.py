# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class HQEReview(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from hqe_app.high_quality_employment.doctype.hqe_correction.hqe_correction import HQECorrection

		application: DF.Link
		community_name: DF.Data | None
		corrections: DF.Table[HQECorrection]
		county: DF.Link | None
		data_check: DF.SmallText | None
		decision: DF.Literal["", "Approve", "Return", "Reject"]
		innovation_points: DF.Float
		material_check: DF.SmallText | None
		opinion: DF.SmallText | None
		review_date: DF.Date | None
		review_level: DF.Literal["Township", "County", "City"]
		reviewer: DF.Link | None
		seal_note: DF.Data | None
		site_visit_date: DF.Date | None
		site_visit_record: DF.SmallText | None
		township: DF.Link | None
		year: DF.Int
	# end: auto-generated types
	pass
