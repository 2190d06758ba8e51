# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: an import shared among writer processes writes what one process writes, or nothing.

Real writer processes on the test site, as a county user: their rows must be committed to be seen,
so every test commits its scenery and removes what it imported. The threshold is lowered so that a
few rows are shared out; the site's `hqe_import_writers` asks for two writers.
"""

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from hqe_app.high_quality_employment.imports import applications as importer
from hqe_app.high_quality_employment.imports import writers
from hqe_app.high_quality_employment.imports.test_import_export import row_for, template_file
from hqe_app.high_quality_employment.reporting import score_tally
from hqe_app.high_quality_employment.testing import (
	delete_applications,
	ensure_community,
	ensure_user,
	purge_applications,
)

YEAR = 2093
SERIES = f"HQE-{YEAR}-"
# Two shares: 海门街道's rows (the most), and 白云街道's with 东城街道's, each written by a writer
# process. 东城街道 is 黄岩区's: outside the county user's area.
OWN_FIRST = [("海门街道", f"并行导入海门{i}村") for i in range(4)]
OWN_SECOND = [("白云街道", f"并行导入白云{i}村") for i in range(2)]
OTHER_COUNTY = [("东城街道", "并行导入东城村")]
COUNTY_USER = "hqe-parallel-county@example.com"


def rows_of(places) -> list[dict]:
	return [row_for(t, c, seed=70 + i, year=YEAR) for i, (t, c) in enumerate(places)]


class TestParallelImport(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.communities = {place: ensure_community(*place) for place in OWN_FIRST + OWN_SECOND + OTHER_COUNTY}
		ensure_user(COUNTY_USER, "county", "椒江区")
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		cls.cleanup()
		frappe.db.delete("User Permission", {"user": COUNTY_USER})
		frappe.db.commit()
		super().tearDownClass()

	@classmethod
	def cleanup(cls):
		for community in cls.communities.values():
			delete_applications(community)
		score_tally.rebuild()

	def setUp(self):
		frappe.set_user("Administrator")
		self.cleanup()
		frappe.db.commit()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		self.cleanup()
		frappe.db.commit()

	def import_as_county(self, rows: list[dict], writer_count: int):
		"""The import's result, and the sheet's row number of each of `rows`."""
		path = template_file(rows)
		numbers = [row.number for row in importer.read(path)]
		frappe.set_user(COUNTY_USER)
		try:
			with (
				patch.object(writers, "PARALLEL_FROM", 2),
				patch.dict(frappe.local.conf, {writers.CONFIG_KEY: writer_count}),
			):
				return importer.run_import(path), numbers
		finally:
			frappe.set_user("Administrator")

	def written(self) -> list[tuple]:
		"""What the import left behind for each community, whoever wrote it."""
		out = []
		for app in frappe.get_all(
			"HQE Application",
			filters={"year": YEAR, "community": ("in", list(self.communities.values()))},
			fields=["name", "community", "owner", "workflow_state", "total_score", "base_score", "eligible"],
			order_by="community",
		):
			results = frappe.get_all(
				"HQE Indicator Result",
				filters={"parent": app.name, "parenttype": "HQE Application"},
				fields=["indicator_code", "points"],
				order_by="indicator_code",
			)
			actions = frappe.get_all(
				"Workflow Action",
				filters={"reference_doctype": "HQE Application", "reference_name": app.name},
				fields=["workflow_state", "status"],
			)
			media = frappe.db.count("HQE Media Report", {"parent": app.name})
			out.append(
				(
					app.community,
					app.owner,
					app.workflow_state,
					app.total_score,
					app.base_score,
					app.eligible,
					tuple((r.indicator_code, r.points) for r in results),
					tuple((a.workflow_state, a.status) for a in actions),
					media,
				)
			)
		return out

	def series(self) -> int:
		"""The last number the application series gave for YEAR (Frappe's naming series table)."""
		current = frappe.db.sql("select current from `tabSeries` where name=%s", SERIES)
		return int(current[0][0]) if current else 0

	def test_two_writers_write_what_one_writes(self):
		rows = rows_of(OWN_FIRST + OWN_SECOND)
		alone, _numbers = self.import_as_county(rows, 1)
		self.assertEqual((len(alone.imported), alone.errors), (6, []))
		one_writer = self.written()
		self.cleanup()
		frappe.db.commit()

		first = self.series()
		shared, _numbers = self.import_as_county(rows, 2)
		self.assertEqual((len(shared.imported), shared.errors), (6, []))
		# the names follow the file's rows, one after another in the series, whoever wrote each row
		self.assertEqual(shared.imported, [f"{SERIES}{n:05d}" for n in range(first + 1, first + 7)])
		by_name = dict(
			frappe.get_all(
				"HQE Application", filters={"year": YEAR}, fields=["name", "community"], as_list=True
			)
		)
		self.assertEqual(
			[by_name[name] for name in shared.imported],
			[self.communities[place] for place in OWN_FIRST + OWN_SECOND],
		)
		self.assertEqual(self.written(), one_writer)
		self.assertEqual({row[1] for row in one_writer}, {COUNTY_USER})
		self.assertEqual(score_tally.stale(), [])

	def test_a_refusal_in_the_writer_process_rolls_back_every_share(self):
		before = self.series()
		result, numbers = self.import_as_county(rows_of(OWN_FIRST + OWN_SECOND + OTHER_COUNTY), 2)
		self.assertEqual([(e.row, e.field) for e in result.errors], [(numbers[-1], "community")])
		self.assertIn("并行导入东城村", result.errors[0].message)
		self.assertEqual((result.imported, self.written()), ([], []))
		self.assertEqual(self.series(), before)  # the names chosen for the import are given back

	def test_a_refusal_here_rolls_back_the_writer_processes(self):
		rows = rows_of(OWN_FIRST + OWN_SECOND)
		rows[0]["community"] = "并行导入不存在村"
		result, numbers = self.import_as_county(rows, 2)
		self.assertEqual([(e.row, e.field) for e in result.errors], [(numbers[0], "community")])
		self.assertEqual((result.imported, self.written()), ([], []))

	def test_a_writer_that_dies_leaves_nothing_and_names_its_rows(self):
		start = writers.start_writer
		started = []

		def start_and_kill_the_second(job):
			writer = start(job)
			started.append(writer)
			if len(started) == 2:
				writer.process.kill()
			return writer

		with patch.object(writers, "start_writer", start_and_kill_the_second):
			result, numbers = self.import_as_county(rows_of(OWN_FIRST + OWN_SECOND), 2)
		self.assertEqual([e.row for e in result.errors], numbers[4:])  # 白云街道's rows: the writer's share
		lost = frappe._("The import's writer process for this row stopped before it finished")
		self.assertEqual({e.message for e in result.errors}, {lost})
		self.assertEqual((result.imported, self.written()), ([], []))
