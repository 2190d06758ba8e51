"""Integration: the townships' tallies follow the applications, through the doors the users use.

The community officer creates, changes and submits applications over REST in their desk session, and
deletes a draft; after each, the township's HQE Score Tally is a fresh count of its applications. The
Indicator Score Analysis, run over REST by a county user, averages exactly the applications' points;
a user of another county sees none of them.
"""

from threading import Thread

import frappe
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils.password import update_password
from hqe_app.high_quality_employment.application.test_gap_section import login
from hqe_app.high_quality_employment.reporting import score_tally
from hqe_app.high_quality_employment.testing import (
	delete_applications,
	ensure_community,
	ensure_user,
	indicator_fields,
)
from hqe_app.scoring import get_scheme

YEAR = 2083  # this module's own year
TOWNSHIP = "海门街道"
PASSWORD = "Score-tally-17!"


class TestScoreTally(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.communities = [ensure_community(TOWNSHIP, f"汇总测试{i}") for i in (1, 2)]
		cls.officers = [
			ensure_user(f"hqe-tally-officer{i}@example.com", "community", community=c)
			for i, c in enumerate(cls.communities, start=1)
		]
		cls.county = ensure_user("hqe-tally-county@example.com", "county", "椒江区")
		cls.other_county = ensure_user("hqe-tally-county-hy@example.com", "county", "黄岩区")
		users = (*cls.officers, cls.county, cls.other_county)
		for user in users:
			update_password(user, PASSWORD)
		cls.cleanup()
		frappe.db.commit()
		cls.clients = {user: login(user, PASSWORD) for user in users}

	@classmethod
	def tearDownClass(cls):
		cls.cleanup()
		frappe.db.commit()
		super().tearDownClass()

	def tearDown(self):
		self.cleanup()
		frappe.db.commit()

	@classmethod
	def cleanup(cls):
		frappe.set_user("Administrator")
		for community in cls.communities:
			delete_applications(community)

	def rest(self, user, method, path, **body):
		response = make_request(
			target=getattr(self.clients[user], method), args=(path,), kwargs={"json": body or None}
		)
		frappe.db.rollback()  # see what the request committed
		self.assertIn(response.status_code, (200, 202), response.get_data(as_text=True)[:400])
		return response.json

	def tally(self) -> tuple[dict | None, dict | None]:
		"""(the kept tally, a fresh count) of this module's township and year."""
		name = score_tally.name_of(YEAR, TOWNSHIP)
		kept = frappe.db.get_value(
			score_tally.DOCTYPE, name, ["county", "applications", "points"], as_dict=True
		)
		if kept:
			kept = {
				"county": kept.county,
				"applications": kept.applications,
				"points": frappe.parse_json(kept.points),
			}
		return kept, score_tally.count([(YEAR, TOWNSHIP)])[(YEAR, TOWNSHIP)]

	def points(self, name) -> dict[str, float]:
		return {r.indicator_code: r.points for r in frappe.get_doc("HQE Application", name).indicator_results}

	def test_the_tally_follows_each_save_submit_and_delete(self):
		first, second = self.officers
		values = indicator_fields(7)
		a = self.rest(
			first, "post", "/api/resource/HQE Application", community=self.communities[0], year=YEAR, **values
		)
		a = a["data"]["name"]
		kept, fresh = self.tally()
		self.assertEqual(kept, fresh)
		self.assertEqual(kept["applications"], 1)
		self.assertEqual(kept["points"], {code: [1, p] for code, p in self.points(a).items()})

		b = self.rest(
			second,
			"post",
			"/api/resource/HQE Application",
			community=self.communities[1],
			year=YEAR,
			**indicator_fields(8),
		)
		b = b["data"]["name"]
		self.rest(second, "put", f"/api/resource/HQE Application/{b}", employed=values["employed"] // 2)
		kept, fresh = self.tally()
		self.assertEqual(kept, fresh)
		both = {code: [2, p + self.points(b)[code]] for code, p in self.points(a).items()}
		self.assertEqual(kept["points"], both)

		self.rest(
			first,
			"post",
			"/api/method/frappe.model.workflow.apply_workflow",
			doc=frappe.get_doc("HQE Application", a).as_json(),
			action="Submit",
		)
		self.assertEqual(frappe.db.get_value("HQE Application", a, "workflow_state"), "Pending Township")
		kept, fresh = self.tally()
		self.assertEqual((kept, kept["points"]), (fresh, both))

		self.rest(second, "delete", f"/api/resource/HQE Application/{b}")
		self.assertFalse(frappe.db.exists("HQE Application", b))
		kept, fresh = self.tally()
		self.assertEqual(kept, fresh)
		self.assertEqual(kept["points"], {code: [1, p] for code, p in self.points(a).items()})

		# the county's analysis averages its applications' points; another county sees none of them
		report = "/api/method/frappe.desk.query_report.run"
		filters = {"year": YEAR, "township": TOWNSHIP}
		result = self.rest(
			self.county, "post", report, report_name="Indicator Score Analysis", filters=filters
		)
		[row] = [r for r in result["message"]["result"] if r.get("county") == "椒江区"]
		self.assertEqual(row["applications"], 1)
		for rule in get_scheme().indicators:
			self.assertEqual(row[f"indicator_{rule.code.lower()}"], round(self.points(a)[rule.code], 2))
		result = self.rest(
			self.other_county, "post", report, report_name="Indicator Score Analysis", filters={"year": YEAR}
		)
		self.assertEqual(result["message"]["result"], [])

	def test_two_saves_in_one_township_at_once_add_up(self):
		names = [
			self.rest(
				officer,
				"post",
				"/api/resource/HQE Application",
				community=community,
				year=YEAR,
				**indicator_fields(9 + i),
			)["data"]["name"]
			for i, (officer, community) in enumerate(zip(self.officers, self.communities, strict=True))
		]
		codes = {}

		def save(officer, name, employed):
			response = make_request(
				target=self.clients[officer].put,
				args=(f"/api/resource/HQE Application/{name}",),
				kwargs={"json": {"employed": employed}},
			)
			codes[name] = response.status_code

		threads = [
			Thread(target=save, args=(officer, name, 10 + i))
			for i, (officer, name) in enumerate(zip(self.officers, names, strict=True))
		]
		for thread in threads:
			thread.start()
		for thread in threads:
			thread.join()
		frappe.db.rollback()
		self.assertEqual(sorted(codes.values()), [200, 200])
		self.assertEqual([frappe.db.get_value("HQE Application", n, "employed") for n in names], [10, 11])
		kept, fresh = self.tally()
		self.assertEqual(kept, fresh)
		self.assertEqual(kept["applications"], 2)
