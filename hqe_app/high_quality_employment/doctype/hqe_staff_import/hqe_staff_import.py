# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

"""One staff workbook imported by an administrator: the file, and what the import did or refused."""

import json

import frappe
from frappe import _
from frappe.model.document import Document
from hqe_app.programme.staff import COLUMNS


class HQEStaffImport(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		created_count: DF.Int
		disabled_count: DF.Int
		error_log: DF.Code | None
		import_file: DF.Attach
		moved_count: DF.Int
		send_welcome_email: DF.Check
		status: DF.Literal["Pending", "Queued", "Success", "Failed"]
		total_rows: DF.Int
		unchanged_count: DF.Int
		updated_count: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		if self.import_file and not self.import_file.lower().endswith(".xlsx"):
			frappe.throw(_("The file is not an Excel workbook (.xlsx)"), title=_("Workbook"))

	def record(self, outcome) -> None:
		"""Keep an import's outcome (staff_import.Outcome): counts, or every refused row."""
		counts = outcome.counts
		self.status = "Failed" if outcome.errors else "Success"
		self.total_rows = outcome.rows
		for kind in ("created", "updated", "moved", "disabled", "unchanged"):
			self.set(f"{kind}_count", counts.get(kind, 0))
		labels = {c.key: c.label for c in COLUMNS}
		self.error_log = json.dumps(
			[{**e.__dict__, "label": labels.get(e.field, e.field)} for e in outcome.errors],
			ensure_ascii=False,
			indent=1,
		)
		self.flags.ignore_permissions = True
		self.save()
