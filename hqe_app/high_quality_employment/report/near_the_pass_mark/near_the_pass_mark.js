// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt

frappe.query_reports["Near the Pass Mark"] = {
	filters: [
		...hqe.report_filters(),
		{
			fieldname: "within",
			label: __("Within Points"),
			fieldtype: "Float",
			default: 10,
			reqd: 1,
		},
	],
};
