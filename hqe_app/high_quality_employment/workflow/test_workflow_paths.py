# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: every door that moves an application obeys the same rules and leaves the same effects.

Doors: Frappe's `apply_workflow` over REST (the form's action menu calls it), a REST PUT of the state,
the list view's bulk action (synchronous under 20, queued from 20), a Workflow Action e-mail link,
and `frappe.model.workflow.apply_workflow` from server code. Each is driven by a level's own user.
"""

import functools
import json
from unittest.mock import patch

import frappe
from frappe.model.workflow import apply_workflow, bulk_workflow_approval
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_test_client
from frappe.workflow.doctype.workflow_action.workflow_action import get_confirm_workflow_action_url
from hqe_app.high_quality_employment.testing import (
	api_credentials,
	delete_applications,
	ensure_community,
	ensure_user,
	make_application,
)
from hqe_app.high_quality_employment.workflow.actions import set_action_reason
from hqe_app.programme.lifecycle import COUNTY_CERTIFIED, DRAFT, PENDING_COUNTY, PENDING_TOWNSHIP

YEAR = 2092
STRONG = {"working_age_capable": 1000, "labor_force": 900, "employed": 890, "certified_workers": 300}
WEAK = {"employed": 800, "has_service_venue": 0, "has_professional_staff": 0, "job_referral_level": "none"}


class TestWorkflowDoors(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.communities = [ensure_community("白云街道", f"通道测试{i:02d}村") for i in range(32)]
		cls.village = ensure_user("hqe-door-village@example.com", "community", community=cls.communities[0])
		cls.township = ensure_user("hqe-door-township@example.com", "township", "白云街道")
		cls.county = ensure_user("hqe-door-county@example.com", "county", "椒江区")
		cls.county_hy = ensure_user("hqe-door-county-hy@example.com", "county", "黄岩区")
		cls.nodeless = ensure_user("hqe-door-nodeless@example.com", "county")
		cls.tokens = {u: api_credentials(u) for u in (cls.village, cls.township, cls.county)}
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		cls.cleanup()
		frappe.db.commit()
		super().tearDownClass()

	@classmethod
	def cleanup(cls):
		for community in cls.communities:
			delete_applications(community)

	def setUp(self):
		frappe.set_user("Administrator")
		self.cleanup()
		frappe.db.commit()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	# --- helpers --------------------------------------------------------------------------------------

	def application(self, i=0, state=DRAFT, **values):
		"""An application of community `i`, drafted (by the village officer for community 0), placed in `state`."""
		frappe.set_user(self.village if i == 0 else "Administrator")
		doc = make_application(self.communities[i], year=YEAR, seed=3, **{**STRONG, **values})
		frappe.set_user("Administrator")
		if state != DRAFT:
			doc.db_set("workflow_state", state)  # the path to `state` is not under test here
		return doc.name

	def state(self, name):
		return frappe.db.get_value("HQE Application", name, ["workflow_state", "docstatus"])

	def rest(self, user, method, path, **json_body):
		response = make_request(
			target=getattr(get_test_client(), method),
			args=(path,),
			kwargs={"headers": {"Authorization": self.tokens[user]}, "json": json_body},
		)
		frappe.db.rollback()  # see what the request committed
		return response

	def follow(self, url):
		"""Open a Workflow Action e-mail's link, as its addressee's mail client would (no session)."""
		path = url.replace(frappe.utils.get_url(), "")
		response = make_request(target=get_test_client(use_cookies=False).get, args=(path,))
		frappe.db.rollback()
		return response

	def assert_told(self, assigned):
		"""The county of this subtree is told; another county's user and a user without a node are not."""
		self.assertIn(self.county, assigned)
		self.assertNotIn(self.county_hy, assigned)
		self.assertNotIn(self.nodeless, assigned)

	def effects(self, name, level):
		"""What one move leaves: the level's review, the app's timeline entries, open assignments."""
		reviews = frappe.get_all(
			"HQE Review", filters={"application": name, "review_level": level}, fields=["decision", "opinion"]
		)
		comments = frappe.get_all(
			"Comment", filters={"reference_name": name, "comment_type": "Info"}, pluck="content"
		)
		assigned = frappe.get_all(
			"ToDo",
			filters={"reference_type": "HQE Application", "reference_name": name, "status": "Open"},
			pluck="allocated_to",
		)
		return reviews, comments, sorted(assigned)

	def bulk(self, user, names, action):
		"""Frappe's list-view bulk action as `user`; a queued job runs in this process, as a worker would.

		Returns the result dialog's text (Frappe publishes it to the user's browser in real time).
		"""
		published = []
		real_enqueue = frappe.enqueue

		def record(event=None, message=None, *args, **kwargs):
			if event == "msgprint":
				published.append(message.get("message") if isinstance(message, dict) else str(message))

		frappe.set_user(user)
		try:
			with (
				patch("frappe.enqueue", functools.partial(real_enqueue, now=True)),
				patch("frappe.realtime.publish_realtime", record),
			):
				bulk_workflow_approval(json.dumps(names), "HQE Application", action)
		finally:
			frappe.set_user("Administrator")
		frappe.db.rollback()
		return "\n".join(published)

	# --- the doors ------------------------------------------------------------------------------------

	def test_rest_apply_workflow_as_the_form_does(self):
		name = self.application(state=PENDING_TOWNSHIP)
		frappe.db.commit()
		response = self.rest(
			self.township,
			"post",
			"/api/method/frappe.model.workflow.apply_workflow",
			doc={"doctype": "HQE Application", "name": name},
			action="Consent",
		)
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:400])
		self.assertEqual(self.state(name), (PENDING_COUNTY, 0))
		reviews, comments, assigned = self.effects(name, "Township")
		self.assertEqual([r.decision for r in reviews], ["Approve"])
		self.assertEqual(len(comments), 1)
		self.assert_told(assigned)

	def test_rest_put_of_a_transition_the_user_may_take(self):
		name = self.application()
		frappe.db.commit()
		url = f"/api/resource/HQE Application/{name}"
		# a move this user may take, written as a field: the same rules and effects as the action
		response = self.rest(self.village, "put", url, workflow_state=PENDING_TOWNSHIP)
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:400])
		self.assertEqual(self.state(name), (PENDING_TOWNSHIP, 0))
		self.assertIn(self.township, self.effects(name, "Township")[2])
		# a return needs its reason, given in the same request
		response = self.rest(self.township, "put", url, workflow_state=DRAFT)
		self.assertEqual(response.status_code, 417)
		self.assertIn("reason is required", response.get_data(as_text=True))
		self.assertEqual(self.state(name), (PENDING_TOWNSHIP, 0))
		response = self.rest(self.township, "put", url, workflow_state=DRAFT, action_reason="缺少佐证材料")
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:400])
		doc = frappe.get_doc("HQE Application", name)
		self.assertEqual(
			(doc.workflow_state, doc.workflow_reason, doc.action_reason), (DRAFT, "缺少佐证材料", None)
		)
		# what no action does, or not this user's: refused, nothing stored
		for user, data in (
			(self.village, {"workflow_state": PENDING_COUNTY}),
			(self.village, {"docstatus": 1}),
			(self.village, {"workflow_state": COUNTY_CERTIFIED, "docstatus": 1}),
		):
			with self.subTest(data):
				response = self.rest(user, "put", url, **data)
				self.assertGreaterEqual(response.status_code, 400)
				self.assertLess(response.status_code, 500)
				self.assertEqual(self.state(name), (DRAFT, 0))

	def test_server_code_apply_workflow_has_the_effects_once(self):
		name = self.application(state=PENDING_COUNTY)
		frappe.set_user(self.county)
		apply_workflow(frappe.get_doc("HQE Application", name), "Certify")
		frappe.set_user("Administrator")
		self.assertEqual(self.state(name), (COUNTY_CERTIFIED, 1))
		reviews, comments, assigned = self.effects(name, "County")
		self.assertEqual(([r.decision for r in reviews], len(comments)), (["Approve"], 1))
		self.assert_told(assigned)  # the county acts next on a certified application (Recommend)

	def test_server_code_is_refused_as_the_form_is(self):
		name = self.application(state=PENDING_COUNTY, **WEAK)
		frappe.set_user(self.county)
		with self.assertRaises(frappe.ValidationError) as caught:
			apply_workflow(frappe.get_doc("HQE Application", name), "Certify")
		frappe.set_user("Administrator")
		self.assertIn("below the pass mark", str(caught.exception))
		self.assertEqual(self.state(name), (PENDING_COUNTY, 0))

	def test_workflow_action_link_acts_as_the_form_would(self):
		name = self.application(state=PENDING_COUNTY)
		frappe.db.commit()
		doc = frappe.get_doc("HQE Application", name)
		response = self.follow(get_confirm_workflow_action_url(doc, "Certify", self.county))
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:400])
		self.assertEqual(self.state(name), (COUNTY_CERTIFIED, 1))
		self.assertEqual(len(self.effects(name, "County")[0]), 1)
		# the same link for an application below the pass mark: refused with the form's message
		weak = self.application(1, state=PENDING_COUNTY, **WEAK)
		frappe.db.commit()
		response = self.follow(
			get_confirm_workflow_action_url(frappe.get_doc("HQE Application", weak), "Certify", self.county)
		)
		self.assertIn("pass mark", response.get_data(as_text=True))
		self.assertEqual(self.state(weak), (PENDING_COUNTY, 0))

	def test_bulk_consent_under_twenty(self):
		names = [self.application(i, state=PENDING_TOWNSHIP) for i in range(3)]
		frappe.db.commit()
		self.bulk(self.township, names, "Consent")
		for name in names:
			self.assertEqual(self.state(name), (PENDING_COUNTY, 0))
			reviews, comments, assigned = self.effects(name, "Township")
			self.assertEqual((len(reviews), len(comments)), (1, 1))
			self.assert_told(assigned)

	def test_bulk_certify_of_thirty_certifies_exactly_those_at_the_pass_mark(self):
		weak = {i for i in range(30) if i % 4 == 0}  # 8 of 30 below the pass mark
		names = [self.application(i, PENDING_COUNTY, **(WEAK if i in weak else {})) for i in range(30)]
		frappe.db.commit()
		totals = dict(
			frappe.get_all(
				"HQE Application", filters={"name": ("in", names)}, fields=["name", "total_score"], as_list=1
			)
		)
		self.assertEqual({n for i, n in enumerate(names) if i in weak}, {n for n in names if totals[n] < 60})
		dialog = self.bulk(self.county, names, "Certify")
		for i, name in enumerate(names):
			with self.subTest(name=name):
				expected = (PENDING_COUNTY, 0) if i in weak else (COUNTY_CERTIFIED, 1)
				self.assertEqual(self.state(name), expected)
		failed = dialog.split("Successful Transactions")[0] if "Successful" in dialog else dialog
		for i, name in enumerate(names):
			if i in weak:
				self.assertIn(name, failed)
		self.assertEqual(failed.count("below the pass mark"), len(weak), dialog[:600])

	def test_bulk_return_needs_the_reason_given_with_the_list_action(self):
		names = [self.application(i, state=PENDING_TOWNSHIP) for i in range(3)]
		frappe.db.commit()
		dialog = self.bulk(self.township, names, "Return")
		self.assertEqual(dialog.count("reason is required"), 3)
		self.assertTrue(all(self.state(n) == (PENDING_TOWNSHIP, 0) for n in names))
		frappe.set_user(self.township)
		self.assertEqual(sorted(set_action_reason(json.dumps(names), "Return", "材料不全")), sorted(names))
		frappe.set_user("Administrator")
		frappe.db.commit()
		self.bulk(self.township, names, "Return")
		for name in names:
			doc = frappe.get_doc("HQE Application", name)
			self.assertEqual((doc.workflow_state, doc.workflow_reason), (DRAFT, "材料不全"))
			review = frappe.get_doc("HQE Review", {"application": name, "review_level": "Township"})
			self.assertEqual((review.decision, review.opinion), ("Return", "材料不全"))

	def test_a_reason_is_recorded_only_where_the_user_may_act(self):
		mine = self.application(0, state=PENDING_TOWNSHIP)
		draft = self.application(1)
		frappe.set_user(self.county_hy)
		self.assertEqual(set_action_reason([mine], "Return", "不是本县"), [])
		frappe.set_user(self.township)
		self.assertEqual(set_action_reason([mine, draft], "Return", "退回"), [mine])
		frappe.set_user("Administrator")
		self.assertIsNone(frappe.db.get_value("HQE Application", draft, "action_reason"))

	def test_nobody_without_a_node_is_assigned(self):
		name = self.application(state=PENDING_TOWNSHIP)
		frappe.set_user(self.township)
		apply_workflow(frappe.get_doc("HQE Application", name), "Consent")
		frappe.set_user("Administrator")
		self.assert_told(self.effects(name, "Township")[2])
		self.assertFalse(
			frappe.db.exists("Workflow Action", {"reference_name": name, "status": "Open"}),
			"Frappe's Workflow Actions are off: the assignment is the one to-do",
		)
