# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: the application workflow village → township → county → city, and every illegal move.

Runs on a real site. Data is committed (REST calls and the concurrency test run on their own
connections) under years far ahead, and removed afterwards.
"""

import json
from threading import Thread

import frappe
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, get_test_client, getdate, nowdate
from hqe_app.high_quality_employment.testing import (
	CITY,
	api_credentials,
	delete_applications,
	ensure_community,
	ensure_user,
	make_application,
)
from hqe_app.high_quality_employment.workflow.actions import apply_action
from hqe_app.programme.calendar import add_working_days
from hqe_app.programme.lifecycle import (
	CITY_CERTIFIED,
	COUNTY_CERTIFIED,
	COUNTY_REJECTED,
	DRAFT,
	PENDING_COUNTY,
	PENDING_TOWNSHIP,
	PUBLICIZED,
	RECOMMENDED,
)
from hqe_app.programme.workflow import COMMUNITY

YEAR = 2090  # its deadlines (31 August 2090 ...) are ahead
CLOSED_YEAR = 2091  # given a calendar whose deadlines have passed
STRONG = {"working_age_capable": 1000, "labor_force": 900, "employed": 890, "certified_workers": 300}
WEAK = {"employed": 800, "has_service_venue": 0, "has_professional_staff": 0, "job_referral_level": "none"}


def as_user(user):
	frappe.set_user(user)


class TestApplicationWorkflow(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.community = ensure_community("海门街道", "流程测试村")
		cls.other_community = ensure_community("海门街道", "流程对照村")
		cls.fillers = [ensure_community("白云街道", f"名额填充{i:02d}村") for i in range(19)]
		cls.hy_community = ensure_community("东城街道", "流程黄岩村")
		cls.village = ensure_user("hqe-wf-village@example.com", "community", community=cls.community)
		cls.township = ensure_user("hqe-wf-township@example.com", "township", "海门街道")
		cls.county = ensure_user("hqe-wf-county@example.com", "county", "椒江区")
		cls.county2 = ensure_user("hqe-wf-county2@example.com", "county", "椒江区")
		cls.county_hy = ensure_user("hqe-wf-county-hy@example.com", "county", "黄岩区")
		cls.city = ensure_user("hqe-wf-city@example.com", "city", CITY)
		# a township reviewer who also keeps a community's record: may not consent to its own submission
		cls.dual = ensure_user("hqe-wf-dual@example.com", "township", "海门街道")
		frappe.get_doc("User", cls.dual).add_roles(COMMUNITY)
		cls.tokens = {u: api_credentials(u) for u in (cls.county, cls.county2, cls.village)}
		settings = frappe.get_single("HQE Settings")
		settings.set("calendar", [r for r in settings.calendar if r.year != CLOSED_YEAR])
		settings.set("extensions", [r for r in settings.extensions if r.year != CLOSED_YEAR])
		settings.append(
			"calendar",
			{
				"year": CLOSED_YEAR,
				"county_certification_deadline": "2020-08-31",
				"county_recommendation_deadline": "2020-09-15",
			},
		)
		settings.save()
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		cls.cleanup()
		settings = frappe.get_single("HQE Settings")
		settings.set("calendar", [r for r in settings.calendar if r.year != CLOSED_YEAR])
		settings.set("extensions", [r for r in settings.extensions if r.year != CLOSED_YEAR])
		settings.save()
		frappe.db.commit()
		super().tearDownClass()

	@classmethod
	def cleanup(cls):
		for community in (cls.community, cls.other_community, cls.hy_community, *cls.fillers):
			delete_applications(community)

	def setUp(self):
		frappe.set_user("Administrator")
		self.cleanup()
		frappe.db.commit()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	# --- helpers --------------------------------------------------------------------------------------

	def draft(self, community=None, year=YEAR, owner=None, **values):
		as_user(owner or self.village)
		doc = make_application(community or self.community, year=year, seed=3, **{**STRONG, **values})
		frappe.set_user("Administrator")
		return doc.name

	def act(self, user, name, action, reason=None):
		"""Apply an action as `user`; a refused one leaves nothing, as a refused request would."""
		as_user(user)
		frappe.db.savepoint("hqe_act")
		try:
			return apply_action(name, action, reason)
		except Exception:
			frappe.db.rollback(save_point="hqe_act")
			raise
		finally:
			frappe.set_user("Administrator")

	def state(self, name):
		return frappe.db.get_value("HQE Application", name, ["workflow_state", "docstatus"])

	def to_pending_county(self, name, submitter=None):
		self.act(submitter or self.village, name, "Submit")
		self.act(self.township, name, "Consent")

	def certified_fillers(self, count, year=YEAR):
		"""`count` other county-certified applications of 椒江区 (their path is not under test here)."""
		names = []
		for community in self.fillers[:count]:
			doc = make_application(community, year=year, seed=5)
			doc.db_set({"workflow_state": COUNTY_CERTIFIED, "docstatus": 1})
			names.append(doc.name)
		return names

	def assert_refused(self, user, name, action, words, reason=None, exc=frappe.ValidationError):
		before = self.state(name)
		with self.assertRaises(exc) as caught:
			self.act(user, name, action, reason)
		if words:
			self.assertIn(words, str(caught.exception))
		self.assertEqual(self.state(name), before, "a refused action stores nothing")

	# --- the whole path -----------------------------------------------------------------------------------

	def test_whole_path_with_four_users_ends_certified_with_an_award(self):
		name = self.draft()
		self.certified_fillers(9)  # with this one, 10 certified: a quota of 1
		self.act(self.village, name, "Submit")
		self.assertEqual(self.state(name), (PENDING_TOWNSHIP, 0))
		self.assertIn(self.township, json.loads(frappe.db.get_value("HQE Application", name, "_assign")))
		self.act(self.township, name, "Consent")
		self.act(self.county, name, "Certify")
		self.assertEqual(self.state(name), (COUNTY_CERTIFIED, 1))
		self.act(self.county, name, "Recommend")
		self.act(self.city, name, "Start Review")
		self.assert_refused(self.city, name, "Approve", "city review")  # not yet recorded (SPEC §11)
		as_user(self.city)
		frappe.get_doc(
			{
				"doctype": "HQE Review",
				"application": name,
				"review_level": "City",
				"material_check": "材料齐全",
				"data_check": "数据一致",
				"site_visit_date": nowdate(),
				"site_visit_people": "王五、赵六",
				"site_visit_record": "窗口运行正常",
			}
		).insert()
		self.act(self.city, name, "Approve")
		doc = frappe.get_doc("HQE Application", name)
		self.assertEqual(doc.workflow_state, PUBLICIZED)
		self.assertEqual(doc.publication_start, getdate(nowdate()))
		self.assertEqual(doc.publication_end, add_working_days(doc.publication_start, 5))
		self.assert_refused(self.city, name, "Confirm", "publication period ends")
		doc.db_set("publication_end", add_days(nowdate(), -1))  # the five working days have passed
		self.act(self.city, name, "Confirm")
		self.assertEqual(self.state(name), (CITY_CERTIFIED, 1))
		award = frappe.get_doc("HQE Award", {"application": name})
		self.assertEqual((award.amount, award.status, award.county), (20000, "Pending", "椒江区"))
		levels = dict(
			frappe.get_all(
				"HQE Review", filters={"application": name}, fields=["review_level", "decision"], as_list=1
			)
		)
		self.assertEqual(levels, {"Township": "Approve", "County": "Approve", "City": "Approve"})
		comments = frappe.get_all(
			"Comment", filters={"reference_name": name, "comment_type": "Info"}, pluck="content"
		)
		self.assertEqual(len(comments), 7)
		open_todos = frappe.get_all(
			"ToDo", filters={"reference_type": "HQE Application", "reference_name": name, "status": "Open"}
		)
		self.assertEqual(open_todos, [], "nobody is left assigned to a certified application")

	def test_city_marks_a_certified_application_for_the_province(self):
		name = self.draft()
		self.certified_fillers(9)
		self.to_pending_county(name)
		for user, action in (
			(self.county, "Certify"),
			(self.county, "Recommend"),
			(self.city, "Start Review"),
		):
			self.act(user, name, action)
		doc = frappe.get_doc("HQE Application", name)
		doc.recommended_to_province = 1
		frappe.db.savepoint("province")
		with self.assertRaises(frappe.ValidationError):
			doc.save()  # not yet city-certified
		frappe.db.rollback(save_point="province")
		frappe.db.set_value("HQE Application", name, "workflow_state", CITY_CERTIFIED)
		as_user(self.city)
		doc = frappe.get_doc("HQE Application", name)
		doc.recommended_to_province = 1
		doc.save()
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("HQE Application", name, "recommended_to_province"), 1)

	# --- illegal moves ------------------------------------------------------------------------------------

	def test_wrong_role_is_refused(self):
		name = self.draft()
		self.assert_refused(self.township, name, "Submit", "Not a valid Workflow Action")
		self.act(self.village, name, "Submit")
		self.assert_refused(self.county, name, "Consent", "Not a valid Workflow Action")
		self.assert_refused(self.village, name, "Consent", "Not a valid Workflow Action")

	def test_wrong_subtree_is_refused(self):
		name = self.draft()
		self.act(self.village, name, "Submit")
		self.act(self.township, name, "Consent")
		self.assert_refused(self.county_hy, name, "Certify", None, exc=frappe.PermissionError)

	def test_own_submission_is_not_approved(self):
		name = self.draft(community=self.other_community, owner=self.dual)
		self.act(self.dual, name, "Submit")
		self.assert_refused(self.dual, name, "Consent", "Self approval")

	def test_certification_below_the_pass_mark_is_refused(self):
		name = self.draft(**WEAK)
		self.to_pending_county(name)
		total = frappe.db.get_value("HQE Application", name, "total_score")
		self.assertLess(total, 60)
		self.assert_refused(self.county, name, "Certify", "below the pass mark 60")

	def test_recommendation_over_quota_is_refused(self):
		name = self.draft()
		self.certified_fillers(8)  # 9 certified with this one: quota 0
		self.to_pending_county(name)
		self.act(self.county, name, "Certify")
		self.assert_refused(self.county, name, "Recommend", "quota of 0")

	def test_two_concurrent_recommendations_exactly_the_quota_succeeds(self):
		first, second = self.draft(), self.draft(community=self.other_community, owner=self.dual)
		self.certified_fillers(8)  # 10 certified with these two: quota 1
		for name, submitter in ((first, self.village), (second, self.dual)):
			self.to_pending_county(name, submitter)
			self.act(self.county, name, "Certify")
		frappe.db.commit()

		client = get_test_client()
		results = {}

		def recommend(name, token):
			results[name] = make_request(
				target=client.post,
				args=("/api/method/frappe.model.workflow.apply_workflow",),
				kwargs={
					"headers": {"Authorization": token},
					"json": {"doc": {"doctype": "HQE Application", "name": name}, "action": "Recommend"},
				},
			)

		threads = [
			Thread(target=recommend, args=(first, self.tokens[self.county])),
			Thread(target=recommend, args=(second, self.tokens[self.county2])),
		]
		for t in threads:
			t.start()
		for t in threads:
			t.join()
		frappe.db.rollback()
		codes = sorted(r.status_code for r in results.values())
		self.assertEqual(codes, [200, 417], [r.get_data(as_text=True)[:300] for r in results.values()])
		states = sorted(self.state(n)[0] for n in (first, second))
		self.assertEqual(states, sorted([COUNTY_CERTIFIED, RECOMMENDED]))

	def test_after_the_deadline_refused_until_extended(self):
		name = self.draft(year=CLOSED_YEAR)
		self.assert_refused(self.village, name, "Submit", "2020")
		settings = frappe.get_single("HQE Settings")
		settings.append(
			"extensions",
			{
				"region": "椒江区",
				"year": CLOSED_YEAR,
				"step": "county_certification_deadline",
				"extended_to": str(add_days(nowdate(), 3)),
				"reason": "台风影响",
			},
		)
		settings.save()
		self.act(self.village, name, "Submit")
		self.assertEqual(self.state(name)[0], PENDING_TOWNSHIP)

	def test_state_or_docstatus_written_directly_is_refused_unless_a_move_of_this_user(self):
		name = self.draft()
		frappe.db.commit()  # the REST calls below run on their own connection
		as_user(self.township)  # may read the draft, but submitting it is not the township's move
		doc = frappe.get_doc("HQE Application", name)
		doc.workflow_state = PENDING_TOWNSHIP
		with self.assertRaises(frappe.ValidationError):
			doc.save()
		frappe.set_user("Administrator")
		frappe.db.rollback()
		client = get_test_client()
		for data in (
			{"workflow_state": PENDING_COUNTY},
			{"docstatus": 1},
			{"workflow_state": COUNTY_CERTIFIED},
		):
			with self.subTest(data):
				response = make_request(
					target=client.put,
					args=(f"/api/resource/HQE Application/{name}",),
					kwargs={"headers": {"Authorization": self.tokens[self.village]}, "json": data},
				)
				self.assertGreaterEqual(response.status_code, 400)
				self.assertLess(response.status_code, 500)
				self.assertEqual(self.state(name), (DRAFT, 0))

	def test_deletion_after_submission_is_refused(self):
		name = self.draft()
		self.act(self.village, name, "Submit")
		as_user("Administrator")
		frappe.db.savepoint("before_delete")
		with self.assertRaises(frappe.ValidationError) as caught:
			frappe.delete_doc("HQE Application", name)
		self.assertIn("cannot be deleted", str(caught.exception))
		frappe.db.rollback(save_point="before_delete")
		self.assertTrue(frappe.db.exists("HQE Application", name))
		draft = self.draft(community=self.other_community, owner=self.dual)
		as_user(self.village)
		with self.assertRaises(frappe.PermissionError):  # not its community
			frappe.delete_doc("HQE Application", draft)

	# --- return and reject ------------------------------------------------------------------------------

	def test_return_needs_a_reason_and_shows_it(self):
		name = self.draft()
		self.act(self.village, name, "Submit")
		self.assert_refused(self.township, name, "Return", "reason is required")
		self.act(self.township, name, "Return", "就业率数据缺少佐证材料")
		self.assertEqual(self.state(name), (DRAFT, 0))
		doc = frappe.get_doc("HQE Application", name)
		self.assertEqual(doc.workflow_reason, "就业率数据缺少佐证材料")
		review = frappe.get_doc("HQE Review", {"application": name, "review_level": "Township"})
		self.assertEqual((review.decision, review.opinion), ("Return", "就业率数据缺少佐证材料"))
		# and back up again
		self.act(self.village, name, "Submit")
		self.act(self.township, name, "Consent")
		self.assertEqual(self.state(name), (PENDING_COUNTY, 0))

	def test_county_return_goes_one_step_back(self):
		name = self.draft()
		self.to_pending_county(name)
		self.act(self.county, name, "Return", "请乡镇复核")
		self.assertEqual(self.state(name), (PENDING_TOWNSHIP, 0))

	def test_reject_needs_a_reason_and_ends_the_year(self):
		name = self.draft()
		self.to_pending_county(name)
		self.assert_refused(self.county, name, "Reject", "reason is required", reason="  ")
		self.act(self.county, name, "Reject", "实地核查数据不实")
		self.assertEqual(self.state(name), (COUNTY_REJECTED, 1))
		self.assert_refused(self.county, name, "Certify", "Not a valid Workflow Action")
		with self.assertRaises(frappe.DuplicateEntryError):
			self.draft(year=YEAR)  # one application per community and year, a rejected one included

	# --- who must act next is told --------------------------------------------------------------------

	def test_daily_reminder_tells_the_next_level_before_the_deadline(self):
		from hqe_app.high_quality_employment.workflow.reminders import send_daily_reminders

		this_year = getdate(nowdate()).year
		settings = frappe.get_single("HQE Settings")
		settings.set("calendar", [r for r in settings.calendar if r.year != this_year])
		settings.append(
			"calendar", {"year": this_year, "county_certification_deadline": str(add_days(nowdate(), 3))}
		)
		settings.save()
		name = self.draft(year=this_year)
		self.act(self.village, name, "Submit")
		frappe.db.delete("Notification Log", {"document_name": name})
		self.assertGreaterEqual(send_daily_reminders(), 1)
		told = frappe.get_all("Notification Log", filters={"document_name": name}, pluck="for_user")
		self.assertIn(self.township, told)
		self.assertNotIn(self.county_hy, told)
		self.assertNotIn(self.village, told)
