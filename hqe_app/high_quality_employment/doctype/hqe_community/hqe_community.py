# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from hqe_app.high_quality_employment.application.authority import check_field_authority
from hqe_app.high_quality_employment.application.input_checks import convert_inputs


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

	def before_insert(self) -> None:
		self.validate_unique_in_township()

	def validate(self) -> None:
		convert_inputs(self)
		check_field_authority(self, None)
		self.community_name = (self.community_name or "").strip()
		self.validate_township()
		if not self.is_new():
			self.validate_unique_in_township()

	def validate_township(self) -> None:
		if frappe.db.get_value("HQE Region", self.township, "region_level") != "Township":
			frappe.throw(_("Township must be a region of level Township"), title=_("Township"))

	def validate_unique_in_township(self) -> None:
		existing = frappe.db.get_value(
			"HQE Community",
			{
				"township": self.township,
				"community_name": self.community_name,
				"name": ("!=", self.name or ""),
			},
			"name",
		)
		if existing:
			frappe.throw(
				_("{0} already has a community named {1}").format(self.township, self.community_name),
				frappe.DuplicateEntryError,
				title=_("Duplicate Community"),
			)


ENABLED_BY_COUNTY_INDEX = "county_disabled_township"


def on_doctype_update() -> None:
	"""(county, disabled, township): the communities in use per county (建成率's denominator, the number
	cards), counted in this index alone, a county user's User Permissions (township) included."""
	frappe.db.add_index("HQE Community", ["county", "disabled", "township"], ENABLED_BY_COUNTY_INDEX)
