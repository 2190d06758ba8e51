# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document


class HQEIndicatorResult(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		basis: DF.SmallText | None
		indicator_code: DF.Data | None
		indicator_name: DF.Data | None
		max_points: DF.Float
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		points: DF.Float
	# end: auto-generated types
	pass


def on_doctype_update() -> None:
	"""A covering index for per-indicator averages (the indicator analysis report at province scale)."""
	frappe.db.add_index(
		"HQE Indicator Result", ["parent", "parenttype", "indicator_code", "points"], "indicator_averages"
	)
