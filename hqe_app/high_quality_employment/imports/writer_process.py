"""One writer process of a parallel import (see `writers`): `python -m` this module, from the sites folder.

It reads one line from stdin (site, user, language and its rows: each a row number, the reserved name,
the document's values and innovation points), connects to the site as that user and inserts each row
as a one-process import does (`applications.insert_row`), all in one READ COMMITTED transaction (why:
`writers`). It prints its progress, then its report (the names written and each refused row's error)
on lines of their own, and waits for the verdict, one line: "commit" commits, anything else (or stdin
closing) rolls back; a last report says whether it committed.
"""

from __future__ import annotations

import json
import sys

import frappe
from hqe_app.excel_io.reader import InputRow
from hqe_app.high_quality_employment.imports import applications
from hqe_app.high_quality_employment.imports.writers import PROGRESS, REPORT


def main() -> None:
	job = json.loads(sys.stdin.readline())
	frappe.init(site=job["site"], sites_path=job["sites_path"])
	frappe.connect()
	try:
		frappe.db.sql("set session transaction isolation level read committed")
		frappe.set_user(job["user"])
		frappe.local.lang = job["lang"]
		result = applications.ImportResult(rows=len(job["rows"]))
		for i, row in enumerate(job["rows"], start=1):
			applications.insert_row(prepared(row), result)
			if i % applications.PROGRESS_EVERY == 0:
				print(f"{PROGRESS}{i}", flush=True)
		send(
			{
				"written": result.written,
				"errors": [e.__dict__ for e in result.errors],
			}
		)
		verdict = sys.stdin.readline().strip()
		if verdict == "commit" and not result.errors:
			frappe.db.commit()
			send({"committed": True})
		else:
			frappe.db.rollback()
			send({"committed": False})
	finally:
		frappe.destroy()


def prepared(row: dict) -> applications.PreparedRow:
	doc = frappe.get_doc({**row["doc"], "doctype": applications.DOCTYPE, "name": row["name"]})
	return applications.PreparedRow(
		InputRow(row["number"], {}), doc, row["innovation_points"], row["township"]
	)


def send(report: dict) -> None:
	print(REPORT + json.dumps(report, ensure_ascii=False), flush=True)


if __name__ == "__main__":
	main()
