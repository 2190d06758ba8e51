# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from hqe_app.programme.settings import setting


class HQEAward(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amount: DF.Currency
		application: DF.Link
		community_name: DF.Data | None
		county: DF.Link | None
		payment_date: DF.Date | None
		payment_reference: DF.Data | None
		status: DF.Literal["Pending", "Paid"]
		township: DF.Link | None
		year: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		self.set_default_amount()
		self.validate_payment()

	def set_default_amount(self) -> None:
		if not self.amount:
			self.amount = setting(frappe.get_cached_doc("HQE Settings"), "city_award_amount")

	def validate_payment(self) -> None:
		if self.status != "Paid":
			return
		for fieldname in ("payment_date", "payment_reference"):
			if not self.get(fieldname):
				frappe.throw(
					_("{0} is required when the award is paid").format(_(self.meta.get_label(fieldname))),
					frappe.MandatoryError,
				)
