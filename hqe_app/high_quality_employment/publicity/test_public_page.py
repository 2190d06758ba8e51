"""The public 公示: the page and the objection form as a guest, the city's decision, a guest's other doors.

The API-level tests run through Frappe's test client. The browser tests serve this site with
`bench serve` and drive Debian's Chromium with Playwright; without either they say plainly that they
were skipped (they are never counted as passed).
"""

from __future__ import annotations

import random
import unittest

import frappe
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, get_test_client, getdate, nowdate
from hqe_app.high_quality_employment.publicity.intake import PER_PHONE
from hqe_app.high_quality_employment.testing import (
	CITY,
	api_credentials,
	delete_applications,
	ensure_community,
	ensure_user,
	make_application,
	publish_batch,
)
from hqe_app.high_quality_employment.testing_browser import SCREENSHOTS, BrowserCase, browser_missing
from hqe_app.programme.lifecycle import CITY_CERTIFIED, CITY_REJECTED, PUBLICIZED
from hqe_app.programme.objections import PUBLIC
from hqe_app.programme.roles import programme_doctypes

YEAR = 2090
STRONG = {"working_age_capable": 1000, "labor_force": 900, "employed": 890, "certified_workers": 300}
ENDPOINT = "/api/method/hqe_app.high_quality_employment.publicity.intake.submit_objection"


def a_phone() -> str:
	return "13" + "".join(random.choice("0123456789") for _ in range(9))


class PublicityScenery(FrappeTestCase):
	"""Two batches of the city: one open today, one closed last month; communities of 椒江区."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.communities = [ensure_community("海门街道", f"公示测试村{i}") for i in range(4)]
		cls.closed_community = ensure_community("白云街道", "公示已结束村")
		cls.city = ensure_user("hqe-gs-city@example.com", "city", CITY)
		cls.township = ensure_user("hqe-gs-township@example.com", "township", "海门街道")
		cls.tokens = {u: api_credentials(u) for u in (cls.city, cls.township)}
		cls.clean()
		today = getdate(nowdate())
		cls.open_apps = [cls.publicized(c, today, add_days(today, 4)) for c in cls.communities]
		cls.open_batch = cls.publish(cls.open_apps, today, add_days(today, 4))
		start = add_days(today, -40)
		cls.closed_app = cls.publicized(cls.closed_community, start, add_days(start, 5))
		cls.closed_batch = cls.publish([cls.closed_app], start, add_days(start, 5))
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		cls.clean()
		frappe.db.commit()
		super().tearDownClass()

	@classmethod
	def clean(cls):
		for community in (*cls.communities, cls.closed_community):
			delete_applications(community)
		batches = frappe.get_all("HQE Publication", filters={"year": YEAR}, pluck="name")
		frappe.db.delete("HQE Publication Item", {"parent": ("in", batches or [""])})
		frappe.db.delete("HQE Publication", {"name": ("in", batches or [""])})
		frappe.cache.delete_keys("rl:")

	@staticmethod
	def publicized(community, start, end) -> str:
		doc = make_application(community, year=YEAR, seed=5, **STRONG)
		doc.db_set(
			{"workflow_state": PUBLICIZED, "docstatus": 1, "publication_start": start, "publication_end": end}
		)
		return doc.name

	@staticmethod
	def publish(applications, start, end) -> str:
		return publish_batch(
			CITY, YEAR, start, end, applications, contact="电话：0576-88888888；地址：台州市市府大道"
		)

	def setUp(self):
		frappe.set_user("Administrator")
		frappe.cache.delete_keys("rl:")

	def guest(self, method, path, **kwargs):
		response = make_request(
			target=getattr(get_test_client(use_cookies=False), method), args=(path,), kwargs=kwargs
		)
		frappe.db.rollback()
		return response

	def as_user(self, user, method, path, **kwargs):
		response = make_request(
			target=getattr(get_test_client(), method),
			args=(path,),
			kwargs={"headers": {"Authorization": self.tokens[user]}, **kwargs},
		)
		frappe.db.rollback()
		return response

	def object(self, application, phone=None, content="该社区就业数据与实际不符", **extra):
		data = {
			"application": application,
			"content": content,
			"objector": "张三",
			"phone": phone or a_phone(),
		}
		return self.guest("post", ENDPOINT, data={**data, **extra})


class TestPublicityApi(PublicityScenery):
	def test_the_page_lists_the_open_batch_and_the_closed_one_and_nothing_else(self):
		response = self.guest("get", f"/gongshi/{CITY}")
		self.assertEqual(response.status_code, 200)
		html = response.get_data(as_text=True)
		self.assertIn("关于2090年度市级高质量就业社区（村）拟认定名单的公示", html)
		for community in ("公示测试村0", "公示测试村1", "公示测试村3", "公示已结束村"):
			self.assertIn(community, html)
		self.assertIn("（已结束）", html)
		self.assertIn("0576-88888888", html)
		self.assertEqual(html.count('class="hqe-objection"'), 1, "a form for the open batch only")
		for private in ("labor_force", "employed", "hqe-gs-city", "working_age_capable", "to_pass"):
			self.assertNotIn(private, html)

	def test_an_objection_lands_on_the_application_for_the_city_only(self):
		application = self.open_apps[0]
		response = self.object(application, phone="13800000001", content="<script>alert(1)</script>数据不实")
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:300])
		[row] = frappe.get_all(
			"HQE Objection",
			filters={"parent": application},
			fields=["source", "objector", "phone", "content", "objection_date", "decision"],
		)
		self.assertEqual(row.source, PUBLIC)
		self.assertEqual(row.phone, "13800000001")
		self.assertEqual(str(row.objection_date), nowdate())
		self.assertEqual(row.content, "&lt;script&gt;alert(1)&lt;/script&gt;数据不实")
		self.assertFalse(row.decision)
		todo = frappe.get_all(
			"ToDo", filters={"reference_name": application, "status": "Open"}, pluck="allocated_to"
		)
		self.assertIn(self.city, todo)
		# the phone: the city reads it, the township does not
		seen = self.as_user(self.city, "get", f"/api/resource/HQE Application/{application}").json["data"]
		self.assertEqual(seen["objections"][0]["phone"], "13800000001")
		seen = self.as_user(self.township, "get", f"/api/resource/HQE Application/{application}").json["data"]
		self.assertNotIn("13800000001", str(seen))

	def test_the_limits_refuse_past_them(self):
		phone = a_phone()
		for _ in range(PER_PHONE):
			self.assertEqual(self.object(self.open_apps[1], phone=phone).status_code, 200)
		self.assertEqual(self.object(self.open_apps[1], phone=phone).status_code, 429)
		self.assertEqual(self.object(self.open_apps[1], content="很" * 1001).status_code, 417)
		self.assertEqual(self.object(self.open_apps[1], phone="12345").status_code, 417)
		before = frappe.db.count("HQE Objection", {"parent": self.open_apps[1]})
		response = self.object(self.open_apps[1], website="http://spam.example")
		self.assertEqual(response.status_code, 200)
		self.assertEqual(frappe.db.count("HQE Objection", {"parent": self.open_apps[1]}), before)

	def test_after_the_period_an_objection_is_refused(self):
		response = self.object(self.closed_app)
		self.assertEqual(response.status_code, 417)
		self.assertIn("ended", response.get_data(as_text=True))
		self.assertEqual(frappe.db.count("HQE Objection", {"parent": self.closed_app}), 0)

	def test_an_upheld_objection_blocks_confirm_and_allows_reject(self):
		application = self.open_apps[2]
		self.assertEqual(self.object(application).status_code, 200)
		frappe.db.set_value("HQE Application", application, "publication_end", add_days(nowdate(), -1))
		frappe.db.commit()
		url = f"/api/resource/HQE Application/{application}"
		act = "/api/method/frappe.model.workflow.apply_workflow"
		target = {"doctype": "HQE Application", "name": application}
		# undecided: Confirm refused
		response = self.as_user(self.city, "post", act, json={"doc": target, "action": "Confirm"})
		self.assertEqual(response.status_code, 417, response.get_data(as_text=True)[:300])
		rows = self.as_user(self.city, "get", url).json["data"]["objections"]
		rows[0]["decision"] = "Upheld"
		response = self.as_user(self.city, "put", url, json={"objections": rows})
		self.assertEqual(response.status_code, 417, "a decision needs its reason")
		rows[0]["resolution"] = "经核实，就业数据不实"
		response = self.as_user(self.city, "put", url, json={"objections": rows})
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:300])
		# upheld: Confirm refused, Reject (with its reason) allowed
		response = self.as_user(self.city, "post", act, json={"doc": target, "action": "Confirm"})
		self.assertEqual(response.status_code, 417)
		self.assertIn("upheld", response.get_data(as_text=True))
		frappe.db.set_value("HQE Application", application, "action_reason", "异议成立")
		frappe.db.commit()
		response = self.as_user(self.city, "post", act, json={"doc": target, "action": "Reject"})
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:300])
		self.assertEqual(frappe.db.get_value("HQE Application", application, "workflow_state"), CITY_REJECTED)
		self.assertFalse(frappe.db.exists("HQE Award", {"application": application, "award_level": "City"}))
		html = self.guest("get", f"/gongshi/{CITY}").get_data(as_text=True)
		self.assertNotIn("公示测试村2", html, "rejected from the publication: off the 公示名单")
		batch = frappe.get_doc("HQE Publication", self.open_batch)
		from hqe_app.high_quality_employment.documents.export import hqe_document_list

		listed = [row[3] for row in hqe_document_list(batch)["rows"]]
		self.assertEqual(listed, ["公示测试村0", "公示测试村1", "公示测试村3"])

	def test_not_upheld_objections_let_the_city_confirm(self):
		"""Not upheld objections do not stand in the way (the city decided them)."""
		application = self.open_apps[3]
		self.assertEqual(self.object(application).status_code, 200)
		frappe.db.set_value("HQE Application", application, "publication_end", add_days(nowdate(), -1))
		frappe.db.commit()
		url = f"/api/resource/HQE Application/{application}"
		rows = self.as_user(self.city, "get", url).json["data"]["objections"]
		for row in rows:
			row.update(decision="Not Upheld", resolution="经核实，反映情况不属实")
		self.assertEqual(len(rows), 1)
		self.assertEqual(self.as_user(self.city, "put", url, json={"objections": rows}).status_code, 200)
		response = self.as_user(
			self.city,
			"post",
			"/api/method/frappe.model.workflow.apply_workflow",
			json={"doc": {"doctype": "HQE Application", "name": application}, "action": "Confirm"},
		)
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:300])
		self.assertEqual(
			frappe.db.get_value("HQE Application", application, "workflow_state"), CITY_CERTIFIED
		)

	def test_a_guest_reads_nothing_else(self):
		refused = {}
		for doctype in programme_doctypes():
			response = self.guest("get", f"/api/resource/{doctype}")
			if response.status_code != 403:
				refused[doctype] = response.status_code
			response = self.guest("get", f"/api/resource/{doctype}/{self.open_apps[0]}")
			if response.status_code not in (403, 404):
				refused[f"{doctype} one"] = response.status_code
			response = self.guest(
				"get",
				"/api/method/frappe.desk.search.search_link",
				query_string={"doctype": doctype, "txt": ""},
			)
			if response.status_code != 403:
				refused[f"{doctype} search"] = response.status_code
		for report in frappe.get_all("Report", filters={"module": "High Quality Employment"}, pluck="name"):
			response = self.guest(
				"get", "/api/method/frappe.desk.query_report.run", query_string={"report_name": report}
			)
			if response.status_code != 403:
				refused[f"report {report}"] = response.status_code
		self.assertEqual(refused, {})


@unittest.skipIf(browser_missing(), f"SKIPPED browser tests: {browser_missing()}")
class TestPublicityInBrowser(BrowserCase, PublicityScenery):
	"""A guest on a phone and the city in the desk, in Chromium against `bench serve` of this site."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.start_browser()

	@classmethod
	def tearDownClass(cls):
		cls.stop_browser()
		super().tearDownClass()

	def phone_page(self):
		context = self.browser.new_context(
			viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="zh-CN"
		)
		return context, context.new_page()

	def test_a_guest_reads_the_list_and_objects_from_a_phone(self):
		context, page = self.phone_page()
		try:
			page.goto(f"{self.base}/gongshi/{CITY}")
			page.wait_for_selector("form.hqe-objection")
			self.assertIn("公示测试村1", page.inner_text(".hqe-batch.is-open"))
			self.assertIn("（已结束）", page.inner_text(".hqe-batch.is-closed"))
			SCREENSHOTS.mkdir(parents=True, exist_ok=True)
			page.screenshot(path=str(SCREENSHOTS / "gongshi-phone.png"), full_page=True)
			form = page.locator("form.hqe-objection")
			form.locator("select[name=application]").select_option(self.open_apps[1])
			form.locator("textarea[name=content]").fill("公示测试村1的就业数据与实际不符，请核实。")
			form.locator("input[name=objector]").fill("李四")
			form.locator("input[name=phone]").fill(a_phone())
			form.locator("button[type=submit]").click()
			page.wait_for_selector(".hqe-result.is-ok")
			self.assertIn("您的异议已提交", page.inner_text(".hqe-result"))
			page.screenshot(path=str(SCREENSHOTS / "gongshi-objection-sent-phone.png"), full_page=True)
		finally:
			context.close()
		frappe.db.rollback()
		contents = frappe.get_all("HQE Objection", filters={"parent": self.open_apps[1]}, pluck="content")
		self.assertIn("公示测试村1的就业数据与实际不符，请核实。", contents)

	def test_the_desktop_page_and_a_refusal_past_the_limit(self):
		context = self.browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
		page = context.new_page()
		try:
			page.goto(f"{self.base}/gongshi/{CITY}")
			page.wait_for_selector("form.hqe-objection")
			page.screenshot(path=str(SCREENSHOTS / "gongshi-desktop.png"), full_page=True)
			phone = a_phone()
			for attempt in range(PER_PHONE + 1):
				form = page.locator("form.hqe-objection")
				form.locator("select[name=application]").select_option(self.open_apps[0])
				form.locator("textarea[name=content]").fill(f"第{attempt + 1}次异议")
				form.locator("input[name=objector]").fill("王五")
				form.locator("input[name=phone]").fill(phone)
				form.locator("button[type=submit]").click()
				page.wait_for_function(
					"document.querySelector('.hqe-result').className.includes('is-')"
					" && !document.querySelector('form.hqe-objection button').disabled"
				)
				status = page.get_attribute(".hqe-result", "class")
				expected = "is-ok" if attempt < PER_PHONE else "is-error"
				self.assertIn(expected, status, f"attempt {attempt + 1}")
				if attempt < PER_PHONE:
					page.evaluate("document.querySelector('.hqe-result').className = 'hqe-result'")
			self.assertIn("频繁", page.inner_text(".hqe-result"))
		finally:
			context.close()

	def test_script_in_an_objection_is_shown_as_text_in_the_desk(self):
		self.assertEqual(
			self.object(
				self.open_apps[2], content="<img src=x onerror=alert(1)><script>alert(2)</script>"
			).status_code,
			200,
		)
		frappe.db.commit()
		context = self.logged_in(self.city, "Hqe-test-2090!", viewport={"width": 1440, "height": 1000})
		page = context.new_page()
		dialogs = []
		page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
		try:
			page.request.post(
				f"{self.base}/api/method/login", data={"usr": self.city, "pwd": "Hqe-test-2090!"}
			)
			page.goto(f"{self.base}/app/hqe-application/{self.open_apps[2]}")
			page.wait_for_selector("[data-fieldname=objections] .grid-row", timeout=60000)
			text = page.inner_text("[data-fieldname=objections]")
			self.assertIn("alert(2)", text)
			cell = page.locator("[data-fieldname=objections] .rows [data-fieldname=content] .static-area")
			self.assertIn("<script>alert(2)</script>", cell.inner_text())  # the text, shown as text
			self.assertEqual(page.locator("[data-fieldname=objections] .rows img").count(), 0)
			self.assertEqual(dialogs, [])
		finally:
			context.close()
