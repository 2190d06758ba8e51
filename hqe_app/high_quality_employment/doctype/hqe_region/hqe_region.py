# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils.nestedset import NestedSet
from hqe_app.programme.lifecycle import PARENT_LEVEL


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

	nsm_parent_field = "parent_hqe_region"

	def validate(self) -> None:
		self.validate_parent_level()
		self.is_group = int(self.region_level != "Township")

	def validate_parent_level(self) -> None:
		"""A county sits under a city, a township under a county; a city is a root."""
		expected = PARENT_LEVEL[self.region_level]
		if expected is None:
			if self.parent_hqe_region:
				frappe.throw(_("A city has no parent region"), title=_("Parent Region"))
			return
		parent_level = self.parent_hqe_region and frappe.db.get_value(
			"HQE Region", self.parent_hqe_region, "region_level"
		)
		if parent_level != expected:
			frappe.throw(
				_("Parent Region of a {0} must be a {1}").format(_(self.region_level), _(expected)),
				title=_("Parent Region"),
			)
