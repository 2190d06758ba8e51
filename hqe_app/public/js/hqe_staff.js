// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt
// A person with a level of the programme but no node sees nothing of it: tell them why, once per session.

$(document).on("app_ready", () => {
	const message = frappe.boot.hqe_without_node;
	if (message && !sessionStorage.getItem("hqe_without_node_told")) {
		sessionStorage.setItem("hqe_without_node_told", "1");
		frappe.msgprint({ title: __("No Node"), indicator: "orange", message });
	}
});
