"""Benchmark a township's bulk Consent on a province-scale site (prints figures).

Run with the bench's Python, from the bench's sites folder (bench_site.py runs it too):

    cd frappe-bench/sites && ../env/bin/python /path/to/hqe_app/benchmarks/bench_workflow.py --site SITE

A township of --count villages is added under the county with the most applications, each with an
application of the latest year placed in Pending Township, and a township reviewer with a node on it.
As that reviewer, Frappe's list-view bulk action (`frappe.model.workflow.bulk_workflow_approval`)
consents to all of them; 20 or more are queued by Frappe, and the job runs here, in this process, as
a worker would run it. Reported: seconds in all and per application, and a check that every effect is
present (state, the township's review, one timeline entry, the county's assignment). All of it is
removed afterwards.
"""

from __future__ import annotations

import argparse
import functools
import json
import time
from unittest.mock import patch

import frappe

TOWNSHIP = "基准测试镇"
REVIEWER = "hqe-bench-township@example.com"
ASSESSOR = "hqe-bench-county@example.com"  # told when the township consents


def main() -> None:
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", required=True)
	parser.add_argument("--sites-path", default=".")
	parser.add_argument("--count", type=int, default=200)
	args = parser.parse_args()
	frappe.init(site=args.site, sites_path=args.sites_path)
	frappe.connect()
	try:
		bench_bulk_consent(args.count)
	finally:
		frappe.destroy()


def bench_bulk_consent(count: int) -> dict:
	from frappe.model.workflow import bulk_workflow_approval
	from hqe_app.programme.lifecycle import PENDING_COUNTY, PENDING_TOWNSHIP

	frappe.set_user("Administrator")
	names, communities = setup(count, PENDING_TOWNSHIP)
	try:
		frappe.set_user(REVIEWER)
		start = time.perf_counter()
		with patch("frappe.enqueue", functools.partial(frappe.enqueue, now=True)):
			bulk_workflow_approval(json.dumps(names), "HQE Application", "Consent")
		seconds = time.perf_counter() - start
		frappe.set_user("Administrator")
		effects = check_effects(names, PENDING_COUNTY)
		print(
			f"\nbulk Consent of {count} applications by one township reviewer (queued job run in process):"
			f"\n  {seconds:.1f} s in all, {seconds / count * 1000:.0f} ms per application; effects: {effects}"
		)
		return {"seconds": seconds, "effects": effects}
	finally:
		frappe.set_user("Administrator")
		teardown(names, communities)


def setup(count: int, state: str) -> tuple[list[str], list[str]]:
	"""A township of `count` villages, each with an application in `state`, and its reviewer."""
	from hqe_app.high_quality_employment.testing import ensure_user, make_application

	county = frappe.db.sql(
		"select county from `tabHQE Application` group by county order by count(*) desc limit 1"
	)[0][0]
	year = int(frappe.db.sql("select max(year) from `tabHQE Application`")[0][0])
	if not frappe.db.exists("HQE Region", TOWNSHIP):
		frappe.get_doc(
			{
				"doctype": "HQE Region",
				"region_name": TOWNSHIP,
				"region_level": "Township",
				"parent_hqe_region": county,
			}
		).insert()
	communities, names = [], []
	for i in range(count):
		community = frappe.get_doc(
			{
				"doctype": "HQE Community",
				"community_name": f"基准{i:03d}村",
				"community_type": "Village",
				"township": TOWNSHIP,
			}
		).insert()
		communities.append(community.name)
		doc = make_application(community.name, year=year, seed=i)
		doc.db_set("workflow_state", state)  # the path to `state` is not what is measured
		names.append(doc.name)
	ensure_user(REVIEWER, "township", TOWNSHIP)
	ensure_user(ASSESSOR, "county", county)
	frappe.db.commit()
	return names, communities


def check_effects(names: list[str], state: str) -> str:
	moved = frappe.db.count("HQE Application", {"name": ("in", names), "workflow_state": state})
	reviews = frappe.db.count(
		"HQE Review", {"application": ("in", names), "review_level": "Township", "decision": "Approve"}
	)
	comments = frappe.db.count("Comment", {"reference_name": ("in", names), "comment_type": "Info"})
	assigned = len(
		frappe.get_all(
			"ToDo",
			filters={"reference_type": "HQE Application", "reference_name": ("in", names), "status": "Open"},
			pluck="reference_name",
			distinct=True,
		)
	)
	return (
		f"{moved} in {state}, {reviews} township reviews, {comments} timeline entries, "
		f"{assigned} assigned to the county"
	)


def teardown(names: list[str], communities: list[str]) -> None:
	from hqe_app.high_quality_employment.testing import purge_applications

	purge_applications(names)
	frappe.db.delete("Comment", {"reference_doctype": "HQE Application", "reference_name": ("in", names)})
	frappe.db.delete("HQE Community", {"name": ("in", communities)})
	frappe.db.delete("User Permission", {"user": REVIEWER})
	frappe.db.commit()
	if frappe.db.exists("HQE Region", TOWNSHIP):
		frappe.delete_doc("HQE Region", TOWNSHIP, force=True)
	frappe.db.commit()


if __name__ == "__main__":
	main()
