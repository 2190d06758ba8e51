// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt

frappe.query_reports["Publication List"] = {
	filters: hqe.report_filters(),
};
