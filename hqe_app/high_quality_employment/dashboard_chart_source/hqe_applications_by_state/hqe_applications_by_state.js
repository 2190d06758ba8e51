// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt

frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["HQE Applications by State"] = {
	method: "hqe_app.high_quality_employment.dashboard_chart_source.hqe_applications_by_state.hqe_applications_by_state.get",
	filters: [
		{
			fieldname: "year",
			label: __("Year"),
			fieldtype: "Int",
			default: new Date().getFullYear(),
		},
	],
};
