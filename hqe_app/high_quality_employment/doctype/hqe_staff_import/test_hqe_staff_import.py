# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: a city's staff from one workbook, imported by the city's HQE Administrator over REST.

Every kind of bad row is refused with its field and nothing is written; a good workbook gives each
person one level and one node, and each then sees exactly its subtree; moves and disables leave one
User Permission; the node holders report is scoped to the viewer's subtree.
"""

import functools
import io
import json
from unittest.mock import patch

import frappe
from frappe.desk.query_report import run as run_report
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_test_client
from hqe_app.forms.staff_workbook import template_bytes
from hqe_app.high_quality_employment.people import staff_import
from hqe_app.high_quality_employment.testing import (
	CITY,
	api_credentials,
	delete_applications,
	delete_users,
	ensure_community,
	ensure_region,
	make_application,
	make_staff,
)

YEAR = 2098  # this module's own year
OTHER_CITY, OTHER_COUNTY, OTHER_TOWNSHIP = "丽水市", "莲都区", "紫金街道"
ADMIN = "hqe-staff-admin@example.com"
OUTSIDER = "hqe-staff-sysman@example.com"
PREFIX = "hqe-staff-"


def person(name, email, level, node, mobile="", parent="", status=""):
	return {
		"full_name": name,
		"mobile_no": mobile,
		"email": email,
		"level": level,
		"node": node,
		"parent": parent,
		"status": status,
	}


class TestStaffImport(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		ensure_region("人员测试县", "County", CITY)
		ensure_region("人员甲街道", "Township", "人员测试县")
		ensure_region("人员乙街道", "Township", "人员测试县")
		ensure_region("人员测试二县", "County", CITY)
		ensure_region("人员丙街道", "Township", "人员测试二县")
		ensure_region("人员丁街道", "Township", "人员测试二县")
		cls.haimen = ensure_community("人员甲街道", "人员一村")
		cls.baiyun = ensure_community("人员乙街道", "人员二村")
		cls.dongcheng = ensure_community("人员丙街道", "人员一村")  # same name, another township
		ensure_region(OTHER_CITY, "City")
		ensure_region(OTHER_COUNTY, "County", OTHER_CITY)
		ensure_region(OTHER_TOWNSHIP, "Township", OTHER_COUNTY)
		cls.lishui = ensure_community(OTHER_TOWNSHIP, "人员丽水村")
		cls.communities = (cls.haimen, cls.baiyun, cls.dongcheng, cls.lishui)
		for community in cls.communities:
			delete_applications(community)
		cls.apps = {c: make_application(c, year=YEAR).name for c in cls.communities}
		cls.cleanup_users()
		# the city's administrator, whose region is 台州市
		make_staff(ADMIN, "HQE Administration", ("HQE Region", CITY))
		cls.token = api_credentials(ADMIN)
		# someone who is not staff of the programme, and a staff member holding a mobile number
		make_staff(OUTSIDER, None, roles=[{"role": "System Manager"}])
		make_staff(
			PREFIX + "phone@example.com",
			"HQE Township Level",
			("HQE Region", "人员乙街道"),
			mobile_no="13900000009",
		)
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		for community in cls.communities:
			delete_applications(community)
		cls.cleanup_users()
		frappe.db.commit()
		super().tearDownClass()

	@classmethod
	def cleanup_users(cls):
		delete_users(frappe.get_all("User", filters={"name": ("like", PREFIX + "%")}, pluck="name"))
		frappe.db.delete("HQE Staff Import", {"owner": ADMIN})

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	# --- helpers --------------------------------------------------------------------------------------

	def rest(self, method, path, **kwargs):
		response = make_request(
			target=getattr(get_test_client(), method),
			args=(path,),
			kwargs={"headers": {"Authorization": self.token, "Accept-Language": "zh"}, **kwargs},
		)
		frappe.db.rollback()  # see what the request committed
		return response

	def import_over_rest(self, rows) -> frappe._dict:
		"""As the desk does: upload the workbook, create an HQE Staff Import, start it."""
		content = template_bytes(frappe._, rows)
		response = self.rest(
			"post",
			"/api/method/upload_file",
			data={"is_private": "1", "file": (io.BytesIO(content), "staff.xlsx")},
			content_type="multipart/form-data",
		)
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:300])
		file_url = response.json["message"]["file_url"]
		response = self.rest("post", "/api/resource/HQE Staff Import", json={"import_file": file_url})
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:300])
		return self.start_over_rest(response.json["data"]["name"])

	def start_over_rest(self, name) -> frappe._dict:
		response = self.rest(
			"post",
			"/api/method/hqe_app.high_quality_employment.people.staff_import.start_import",
			json={
				"name": name,
				"_lang": "zh",
			},  # a token has no session language; the desk's session has the user's
		)
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:300])
		return frappe.get_doc("HQE Staff Import", name)

	def nodes(self, email):
		return [
			tuple(p)
			for p in frappe.get_all(
				"User Permission",
				filters={"user": email},
				fields=["allow", "for_value", "apply_to_all_doctypes"],
				as_list=True,
			)
		]

	def visible(self, email):
		frappe.set_user(email)
		try:
			return set(frappe.get_list("HQE Application", filters={"year": YEAR}, pluck="name"))
		finally:
			frappe.set_user("Administrator")

	# --- tests ----------------------------------------------------------------------------------------

	def test_every_kind_of_bad_row_is_listed_and_nothing_is_written(self):
		rows = [
			person(
				"好人", PREFIX + "good@example.com", "乡镇(街道)", "人员甲街道", "13900000001"
			),  # row 2: fine
			person("甲", PREFIX + "a@example.com", "社区(村)", "不存在村"),  # 3: unknown node
			person("乙", PREFIX + "b@example.com", "县(市、区)", "人员甲街道"),  # 4: node of another level
			person(
				"丙", PREFIX + "c@example.com", "社区(村)", "人员乙街道"
			),  # 5: officer pointed at a township
			person("丁", PREFIX + "good@example.com", "市", CITY),  # 6: duplicate e-mail
			person("戊", PREFIX + "e@example.com", "市", CITY, "13900000001"),  # 7: duplicate mobile
			person(
				"己", PREFIX + "f@example.com", "县(市、区)", OTHER_COUNTY
			),  # 8: outside the admin's subtree
			person("庚", PREFIX + "g@example.com", "社区(村)", "人员一村"),  # 9: ambiguous community
			person("辛", PREFIX + "h@example.com", "省", CITY),  # 10: unknown level
			person("壬", PREFIX + "i@example.com", "市", CITY, "12345"),  # 11: not a mobile number
			person("癸", "not-an-email", "市", CITY),  # 12: bad e-mail
			person("", PREFIX + "k@example.com", "市", CITY),  # 13: no name
			person("子", PREFIX + "l@example.com", "市", CITY, status="调动"),  # 14: move of nobody
			person("丑", PREFIX + "m@example.com", "", "", status="停用"),  # 15: disable of nobody
			person("寅", OUTSIDER, "市", CITY),  # 16: not staff of the programme
			person("卯", PREFIX + "n@example.com", "市", CITY, "13900000009"),  # 17: mobile of someone else
			person(
				"辰", PREFIX + "o@example.com", "社区(村)", "人员一村", parent="人员丁街道"
			),  # 18: not there
			person("巳", PREFIX + "p@example.com", "市", CITY, status="离职"),  # 19: unknown status
		]
		doc = self.import_over_rest(rows)
		self.assertEqual(doc.status, "Failed")
		errors = [(e["row"], e["field"]) for e in frappe.parse_json(doc.error_log)]
		self.assertEqual(
			errors,
			[
				(3, "node"),
				(4, "node"),
				(5, "node"),
				(6, "email"),
				(7, "mobile_no"),
				(8, "node"),
				(9, "node"),
				(10, "level"),
				(11, "mobile_no"),
				(12, "email"),
				(13, "full_name"),
				(14, "email"),
				(15, "email"),
				(16, "email"),
				(17, "mobile_no"),
				(18, "node"),
				(19, "status"),
			],
		)
		messages = {e["row"]: e["message"] for e in frappe.parse_json(doc.error_log)}
		self.assertEqual(messages[3], "未知的节点 不存在村")
		self.assertEqual(messages[4], "人员甲街道 是乡镇(街道)，不是县(市、区)")
		self.assertEqual(messages[5], "人员乙街道 是乡镇(街道)，不是社区(村)")
		self.assertEqual(messages[8], "莲都区 不在您管辖的区划内")
		self.assertEqual(messages[9], "有多个名为 人员一村 的社区(村)：请在“上级节点”中填写所属乡镇(街道)")
		self.assertEqual(doc.created_count, 0)
		self.assertEqual([r["email"] for r in rows if frappe.db.exists("User", r["email"])], [OUTSIDER])

	def test_a_city_imported_then_moved_and_disabled(self):
		emails = {
			k: f"{PREFIX}{k}@example.com" for k in ("city", "county", "township", "village", "village2")
		}
		rows = [
			person("王市", emails["city"], "市", CITY, "13900000011"),
			person("李县", emails["county"], "县(市、区)", "人员测试县", "139 0000 0012"),
			person(
				"张镇",
				emails["township"],
				"乡镇（街道）",
				"人员甲街道",
				"+8613900000013",
				parent="人员测试县",
			),
			person("赵村", emails["village"], "社区(村)", "人员一村", "13900000014", parent="人员甲街道"),
			person("钱村", emails["village2"], "社区", self.baiyun),
		]
		with patch("frappe.sendmail") as sendmail:
			doc = self.import_over_rest(rows)
		self.assertEqual((doc.status, doc.total_rows, doc.created_count), ("Success", 5, 5), doc.error_log)
		sendmail.assert_not_called()  # no welcome e-mail unless asked
		expected = {
			"city": ("HQE City Level", "HQE City Reviewer", "HQE Region", CITY, "13900000011"),
			"county": ("HQE County Level", "HQE County Assessor", "HQE Region", "人员测试县", "13900000012"),
			"township": (
				"HQE Township Level",
				"HQE Township Reviewer",
				"HQE Region",
				"人员甲街道",
				"13900000013",
			),
			"village": (
				"HQE Community Level",
				"HQE Community Officer",
				"HQE Community",
				self.haimen,
				"13900000014",
			),
			"village2": ("HQE Community Level", "HQE Community Officer", "HQE Community", self.baiyun, None),
		}
		for key, (profile, role, allow, node, mobile) in expected.items():
			with self.subTest(key):
				user = frappe.get_doc("User", emails[key])
				self.assertEqual(
					(
						user.role_profile_name,
						[r.role for r in user.roles],
						user.language,
						user.mobile_no,
						user.enabled,
					),
					(profile, [role], "zh", mobile, 1),
				)
				self.assertEqual(self.nodes(emails[key]), [(allow, node, 1)])
		# each sees exactly its subtree
		taizhou = {self.apps[c] for c in (self.haimen, self.baiyun, self.dongcheng)}
		self.assertEqual(self.visible(emails["city"]), taizhou)
		self.assertEqual(self.visible(emails["county"]), {self.apps[self.haimen], self.apps[self.baiyun]})
		self.assertEqual(self.visible(emails["township"]), {self.apps[self.haimen]})
		self.assertEqual(self.visible(emails["village"]), {self.apps[self.haimen]})
		self.assertEqual(self.visible(emails["village2"]), {self.apps[self.baiyun]})

		# the same workbook again changes nothing
		again = self.import_over_rest(rows)
		self.assertEqual((again.status, again.unchanged_count, again.created_count), ("Success", 5, 0))

		# a person on another node without 调动 is refused; with it, moved, one User Permission left
		refused = self.import_over_rest([person("李县", emails["county"], "县(市、区)", "人员测试二县")])
		self.assertEqual(
			[(e["row"], e["field"]) for e in frappe.parse_json(refused.error_log)], [(2, "node")]
		)
		moves = [
			person("李县", emails["county"], "县(市、区)", "人员测试二县", status="调动"),
			person("赵村", emails["village"], "乡镇(街道)", "人员丙街道", status="调动"),
			person("", emails["township"], "", "", status="停用"),
		]
		doc = self.import_over_rest(moves)
		self.assertEqual((doc.status, doc.moved_count, doc.disabled_count), ("Success", 2, 1), doc.error_log)
		self.assertEqual(self.nodes(emails["county"]), [("HQE Region", "人员测试二县", 1)])
		self.assertEqual(self.nodes(emails["village"]), [("HQE Region", "人员丙街道", 1)])
		village = frappe.get_doc("User", emails["village"])
		self.assertEqual(
			(village.role_profile_name, [r.role for r in village.roles]),
			("HQE Township Level", ["HQE Township Reviewer"]),
		)
		self.assertEqual(frappe.db.get_value("User", emails["township"], "enabled"), 0)
		self.assertEqual(self.visible(emails["county"]), {self.apps[self.dongcheng]})
		self.assertEqual(self.visible(emails["village"]), {self.apps[self.dongcheng]})

		# the node holders report: the admin's city only; the county user's county only
		frappe.set_user(ADMIN)
		report = run_report("Node Holders", filters={}, ignore_prepared_report=True)
		frappe.set_user("Administrator")
		nodes = {row["node"]: row for row in report["result"] if row.get("node")}
		self.assertIn(CITY, nodes)
		self.assertNotIn(OTHER_CITY, nodes)
		self.assertNotIn(self.lishui, nodes)
		self.assertEqual(nodes["人员测试二县"]["people"], 1)
		self.assertIn(emails["county"], nodes["人员测试二县"]["holders"])
		self.assertEqual(nodes["人员甲街道"]["people"], 0)  # its reviewer was disabled
		self.assertEqual(nodes[self.haimen]["people"], 0)  # its officer moved away
		frappe.set_user(emails["county"])
		report = run_report("Node Holders", filters={"without_people": 1}, ignore_prepared_report=True)
		frappe.set_user("Administrator")
		empty = {row["node"]: row for row in report["result"]}
		self.assertIn("人员丁街道", empty)  # nobody holds it
		self.assertIn(self.dongcheng, empty)  # its officer became the township's reviewer
		self.assertNotIn("人员测试二县", empty)  # held by the county user
		self.assertNotIn("人员丙街道", empty)  # held by the moved officer
		self.assertEqual(
			{row["county"] for row in empty.values()}, {"人员测试二县"}, empty
		)  # its own county only
		self.assertEqual({row["people"] for row in empty.values()}, {0})

	def test_large_files_run_in_the_background_with_progress(self):
		rows = [person(f"后台{i}", f"{PREFIX}bg{i}@example.com", "市", CITY) for i in range(3)]
		published = []
		with (
			patch("frappe.enqueue", functools.partial(frappe.enqueue, now=True)),  # a worker, in this process
			patch.object(staff_import, "BACKGROUND_ABOVE", 2),
			patch.object(staff_import, "CHUNK_ROWS", 1),  # a job per row
			patch("frappe.publish_progress", lambda *a, **k: published.append(a[0])),
		):
			doc = self.import_over_rest(rows)
		self.assertEqual((doc.status, doc.created_count), ("Success", 3), doc.error_log)
		self.assertEqual([round(p) for p in published], [33, 67, 100])

	def test_an_import_cut_short_is_finished_by_running_it_again(self):
		rows = [person(f"续传{i}", f"{PREFIX}resume{i}@example.com", "市", CITY) for i in range(5)]
		write = staff_import.write

		def worker_lost_on(actions, send_welcome_email):
			if any(a.row.email == f"{PREFIX}resume3@example.com" for a in actions):
				raise frappe.QueryDeadlockError("the worker was lost")
			return write(actions, send_welcome_email)

		background = (
			patch("frappe.enqueue", functools.partial(frappe.enqueue, now=True)),
			patch.object(staff_import, "BACKGROUND_ABOVE", 2),
			patch.object(staff_import, "CHUNK_ROWS", 2),  # chunks of rows 2–3, 4–5 and 6
		)
		with background[0], background[1], background[2], patch.object(staff_import, "write", worker_lost_on):
			doc = self.import_over_rest(rows)
		self.assertEqual((doc.status, doc.rows_done, doc.created_count), ("Failed", 5, 3), doc.error_log)
		self.assertEqual(sorted({e["row"] for e in json.loads(doc.error_log)}), [4, 5])  # the lost chunk
		written = [f"{PREFIX}resume{i}@example.com" for i in (0, 1, 4)]
		before = dict(
			frappe.get_all(
				"User", filters={"name": ("in", written)}, fields=["name", "modified"], as_list=True
			)
		)
		self.assertEqual(set(before), set(written))
		self.assertFalse(frappe.db.exists("User", f"{PREFIX}resume2@example.com"))
		# a worker killed outright leaves the import Queued with no job: starting it again is allowed
		frappe.db.set_value("HQE Staff Import", doc.name, "status", "Queued")
		frappe.db.commit()
		with background[0], background[1], background[2]:
			doc = self.start_over_rest(doc.name)
		self.assertEqual(
			(doc.status, doc.created_count, doc.unchanged_count, doc.rows_done),
			("Success", 2, 3, 5),
			doc.error_log,
		)
		after = dict(
			frappe.get_all(
				"User", filters={"name": ("in", written)}, fields=["name", "modified"], as_list=True
			)
		)
		self.assertEqual(after, before)  # nothing already written was touched
		for i in range(5):
			self.assertEqual(self.nodes(f"{PREFIX}resume{i}@example.com"), [("HQE Region", CITY, 1)])
