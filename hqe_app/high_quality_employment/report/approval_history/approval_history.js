// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt

frappe.query_reports["Approval History"] = {
	filters: [
		...hqe.report_filters(),
		{
			fieldname: "application",
			label: __("Application"),
			fieldtype: "Link",
			options: "HQE Application",
		},
	],
};
