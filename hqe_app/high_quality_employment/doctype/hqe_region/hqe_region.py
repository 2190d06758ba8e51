# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

# import frappe
from frappe.utils.nestedset import NestedSet


class HQERegion(NestedSet):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		is_group: DF.Check
		lft: DF.Int
		old_parent: DF.Link | None
		parent_hqe_region: DF.Link | None
		region_code: DF.Data | None
		region_level: DF.Literal["City", "County", "Township"]
		region_name: DF.Data
		rgt: DF.Int
	# end: auto-generated types
	pass
