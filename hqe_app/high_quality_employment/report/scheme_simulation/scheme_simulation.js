// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt

frappe.query_reports["Scheme Simulation"] = {
	filters: [
		{ fieldname: "scheme", label: __("Scheme"), fieldtype: "Link", options: "HQE Scheme", reqd: 1 },
		{
			fieldname: "year",
			label: __("Year"),
			fieldtype: "Int",
			reqd: 1,
			default: new Date().getFullYear(),
		},
	],
};
