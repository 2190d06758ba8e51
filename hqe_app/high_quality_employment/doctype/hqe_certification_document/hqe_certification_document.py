# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document
from hqe_app.high_quality_employment.documents.batches import batch_of, submit_batch, validate_batch


class HQECertificationDocument(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from hqe_app.high_quality_employment.doctype.hqe_certified_application.hqe_certified_application import (
			HQECertifiedApplication,
		)

		amended_from: DF.Link | None
		applications: DF.Table[HQECertifiedApplication]
		document_date: DF.Date
		document_number: DF.Data
		level: DF.Literal["County", "City"]
		region: DF.Link
		title: DF.Data | None
		year: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		validate_batch(self, batch_of(self.level), self.applications)

	def on_submit(self) -> None:
		submit_batch(self, batch_of(self.level), self.applications)
