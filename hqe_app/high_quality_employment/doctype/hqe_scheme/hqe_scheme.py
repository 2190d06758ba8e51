# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from hqe_app.high_quality_employment.schemes.definition import check_definition, problems_of
from hqe_app.high_quality_employment.schemes.locking import check_locked, in_use
from hqe_app.high_quality_employment.schemes.registry import ACTIVE, clear_cache


class HQEScheme(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		city: DF.Link | None
		definition: DF.Code
		from_year: DF.Int
		scheme_code: DF.Data
		status: DF.Literal["Draft", "Active", "Retired"]
		title: DF.Data | None
		to_year: DF.Int
		version: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		check_definition(self, activating=self.status == ACTIVE)
		check_locked(self)

	def on_update(self) -> None:
		clear_cache()

	def on_trash(self) -> None:
		if in_use(self.name, int(self.version or 1)):
			frappe.throw(
				_("Scheme {0} scores submitted applications and cannot be deleted").format(self.name)
			)
		clear_cache()


@frappe.whitelist()
def check(name: str) -> list[dict]:
	"""The form's Check button: every problem of the scheme, named by indicator and field."""
	doc = frappe.get_doc("HQE Scheme", name)
	doc.check_permission("read")
	return problems_of(doc)
