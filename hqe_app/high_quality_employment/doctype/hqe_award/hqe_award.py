# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from hqe_app.high_quality_employment.workflow.county_awards import award_amount, check_award_state
from hqe_app.programme.workflow import CITY, COUNTY


class HQEAward(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amount: DF.Currency
		application: DF.Link
		award_level: DF.Literal["City", "County"]
		community_name: DF.Data | None
		county: DF.Link | None
		payment_date: DF.Date | None
		payment_reference: DF.Data | None
		status: DF.Literal["Pending", "Paid"]
		township: DF.Link | None
		year: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		self.validate_one_per_level()
		self.validate_payer()
		check_award_state(self)
		self.set_default_amount()
		self.validate_payment()

	def validate_one_per_level(self) -> None:
		existing = frappe.db.exists(
			"HQE Award",
			{"application": self.application, "award_level": self.award_level, "name": ("!=", self.name)},
		)
		if existing:
			frappe.throw(
				_("{0} already has a {1} award: {2}").format(self.application, _(self.award_level), existing),
				frappe.DuplicateEntryError,
			)

	def validate_payer(self) -> None:
		"""The city keeps the city's awards, a county its own (SPEC §11: each level pays its own)."""
		if self.flags.ignore_permissions or frappe.session.user == "Administrator":
			return
		roles = set(frappe.get_roles())
		if "HQE Administrator" in roles or {"City": CITY, "County": COUNTY}[self.award_level] in roles:
			return
		frappe.throw(
			_("Only the {0} level records its awards").format(_(self.award_level)), frappe.PermissionError
		)

	def set_default_amount(self) -> None:
		if not self.amount:
			self.amount = award_amount(self.award_level, self.county) or 0

	def validate_payment(self) -> None:
		if self.status != "Paid":
			return
		for fieldname in ("payment_date", "payment_reference"):
			if not self.get(fieldname):
				frappe.throw(
					_("{0} is required when the award is paid").format(_(self.meta.get_label(fieldname))),
					frappe.MandatoryError,
				)
