# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

"""One staff workbook imported by an administrator: the file, and what the import did or refused."""

import json

import frappe
from frappe import _
from frappe.model.document import Document
from hqe_app.programme.staff import COLUMNS

KINDS = ("created", "updated", "moved", "disabled", "unchanged")


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
		rows_done: DF.Int
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
		self.status = "Failed" if outcome.errors else "Success"
		self.total_rows = self.rows_done = outcome.rows
		self.set_counts(outcome.counts)
		self.set_errors(outcome.errors)
		self.save_as_import()

	def start(self, rows: int) -> None:
		"""A background import whose rows were all checked: its chunks are about to be written."""
		self.status, self.total_rows, self.rows_done = "Queued", rows, 0
		self.set_counts({})
		self.set_errors([])
		self.save_as_import()

	def add_chunk(self, rows: int, counts: dict[str, int], errors: list) -> bool:
		"""Add one written (or refused) chunk of a background import; whether the import is done. The
		caller holds this document's row lock (get_doc(..., for_update=True)), so chunks add up."""
		self.rows_done += rows
		self.set_counts({kind: (self.get(f"{kind}_count") or 0) + counts.get(kind, 0) for kind in KINDS})
		refused = json.loads(self.error_log or "[]") + [e.__dict__ for e in errors]
		self.set_errors(refused)
		done = self.rows_done >= self.total_rows
		if done:
			self.status = "Failed" if refused else "Success"
		self.save_as_import()
		return done

	def set_counts(self, counts: dict[str, int]) -> None:
		for kind in KINDS:
			self.set(f"{kind}_count", counts.get(kind, 0))

	def save_as_import(self) -> None:
		"""Saved by the import itself, whoever started it."""
		self.flags.ignore_permissions = True
		self.save()

	def progress(self) -> float:
		return self.rows_done * 100 / self.total_rows if self.total_rows else 100

	def set_errors(self, errors: list) -> None:
		labels = {c.key: c.label for c in COLUMNS}
		rows = [e if isinstance(e, dict) else e.__dict__ for e in errors]
		self.error_log = json.dumps(
			sorted(
				({**e, "label": labels.get(e["field"], e["field"])} for e in rows),
				key=lambda e: e["row"],
			),
			ensure_ascii=False,
			indent=1,
		)
