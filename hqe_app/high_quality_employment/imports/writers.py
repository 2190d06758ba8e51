"""Write an import's rows in several processes at once, with one verdict for all of them.

Each row is a full `Document.insert()`: Frappe's own work for a document (links, naming, child rows,
the workflow's actions, other apps' hooks) and the app's controller. One process writes some fifty a
second, so a province's workbook is a minute of one core. From PARALLEL_FROM rows on, the rows are
shared out among `writer_count()` writer processes (`writer_process`), each inserting its share as
the importing user, in a transaction of its own, while the importing process waits. When every writer
has written its share without an error, all commit; otherwise all roll back, so the import stays all
or nothing.

Shares never wait on one another:
- The names are chosen first, in the importing process, by the DocType's own naming
  (`frappe.model.naming.set_new_name`: naming rules, autoname, the `HQE-{year}-{#####}` series); the
  writers insert under those names and never touch the series row. A failed import rolls the series
  back; a successful one commits it just before the writers commit.
- Besides its own new rows, an application's insert locks its community's row and its township's
  score tally; the rows are shared out by township, so no two writers lock one row.
- New rows of every writer land at the end of the same indexes (the names, the year's tallies,
  Frappe's Workflow Actions), where MariaDB's default REPEATABLE READ would have a locking read or an
  update of one writer lock the gap another writer inserts into. Writers run READ COMMITTED, which
  locks rows, not gaps; every lock they take is on a row they read or write.

What a commit across processes cannot close: a writer killed between the verdict and its own commit
leaves its share out while the others have committed. The result then names every row of that
share, so the file can be imported again for those rows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import frappe
from frappe import _
from frappe.model.naming import set_new_name

PARALLEL_FROM = 400  # rows; below, starting a process costs more than it saves
MAX_WRITERS = 4
CONFIG_KEY = "hqe_import_writers"  # site_config: how many writers (1: never in parallel)
REPORT = "HQE-WRITER-REPORT "  # a writer's stdout line that carries its report
PROGRESS = "HQE-WRITER-PROGRESS "  # a writer's stdout line: how many of its rows it has written
WRITER_MODULE = "hqe_app.high_quality_employment.imports.writer_process"


def writer_count(rows: int) -> int:
	"""How many writers for `rows` rows: the site's `hqe_import_writers`, else the machine's cores (≤ 4)."""
	if rows < PARALLEL_FROM:
		return 1
	configured = frappe.conf.get(CONFIG_KEY)
	count = int(configured) if configured else min(os.cpu_count() or 1, MAX_WRITERS)
	return max(1, min(count, rows // (PARALLEL_FROM // 2)))


def shares(items: Iterable, township_of: Callable[[object], str], count: int) -> list[list]:
	"""`items` in at most `count` shares of whole townships, as even as they go (largest first, each
	to the share with the fewest rows), each share in the file's order."""
	by_township: dict[str, list[tuple[int, object]]] = {}
	for position, item in enumerate(items):
		by_township.setdefault(township_of(item), []).append((position, item))
	out: list[list[tuple[int, object]]] = [[] for _ in range(max(1, min(count, len(by_township))))]
	for _township, rows in sorted(by_township.items(), key=lambda kv: (-len(kv[1]), kv[0])):
		min(out, key=len).extend(rows)
	return [[item for _position, item in sorted(share, key=lambda pair: pair[0])] for share in out]


def reserve_names(docs: Iterable) -> None:
	"""Name each new document now, as its insert would (this transaction holds the series until it ends)."""
	for doc in docs:
		set_new_name(doc)


@dataclass
class Writer:
	"""A writer process and what it was given."""

	process: subprocess.Popen
	rows: list  # the share's row numbers

	def report(self, progress: Callable[[int, int], None] | None = None) -> dict | None:
		"""The writer's report once it has written its share (None if it died first); `progress` is
		told (rows written, rows of the share) as the writer goes."""
		for line in self.process.stdout:
			if line.startswith(REPORT):
				return json.loads(line[len(REPORT) :])
			if progress and line.startswith(PROGRESS):
				progress(int(line[len(PROGRESS) :]), len(self.rows))
		return None

	def tell(self, verdict: str) -> dict | None:
		"""Send the verdict ("commit" or "rollback"); the writer's answer after it, if any."""
		try:
			self.process.stdin.write(verdict + "\n")
			self.process.stdin.flush()
		except (BrokenPipeError, OSError):
			self.process.wait()
			return None
		answer = self.report()
		self.process.wait()
		return answer


def start_writer(job: dict) -> Writer:
	"""A writer process for one share (`job`: site, user and rows); it starts writing at once."""
	process = subprocess.Popen(
		[sys.executable, "-m", WRITER_MODULE],
		stdin=subprocess.PIPE,
		stdout=subprocess.PIPE,
		cwd=os.path.abspath(frappe.local.sites_path),
		text=True,
		encoding="utf-8",
	)
	process.stdin.write(json.dumps(job, ensure_ascii=False, default=str) + "\n")
	process.stdin.flush()
	return Writer(process, [row["number"] for row in job["rows"]])


def job_for(rows: list[dict]) -> dict:
	"""What a writer process needs: where, as whom, and its rows."""
	return {
		"site": frappe.local.site,
		"sites_path": os.path.abspath(frappe.local.sites_path),
		"user": frappe.session.user,
		"lang": frappe.local.lang,
		"rows": rows,
	}


def lost(writer: Writer) -> list[dict]:
	"""Errors for every row of a writer that gave no answer."""
	message = _("The import's writer process for this row stopped before it finished")
	return [{"row": number, "field": "", "message": message} for number in writer.rows]


def end_writer(writer: Writer) -> None:
	"""Stop a writer that will not be asked for anything more."""
	if writer.process.poll() is None:
		writer.process.kill()
	writer.process.wait()
