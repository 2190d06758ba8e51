# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document
from hqe_app.high_quality_employment.documents.batches import PUBLICATION, submit_batch, validate_batch


class HQEPublication(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from hqe_app.high_quality_employment.doctype.hqe_publication_item.hqe_publication_item import (
			HQEPublicationItem,
		)

		amended_from: DF.Link | None
		applications: DF.Table[HQEPublicationItem]
		contact: DF.SmallText | None
		publication_end: DF.Date | None
		publication_start: DF.Date | None
		region: DF.Link
		year: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		validate_batch(self, PUBLICATION, self.applications)

	def on_submit(self) -> None:
		first = submit_batch(self, PUBLICATION, self.applications)[0]
		self.db_set({"publication_start": first.publication_start, "publication_end": first.publication_end})
