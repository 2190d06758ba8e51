// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt
// Staff import: download the template, attach the filled workbook, start; refused rows are listed.

frappe.ui.form.on("HQE Staff Import", {
	refresh(frm) {
		frm.add_custom_button(__("Download Template"), () => {
			window.open("/api/method/hqe_app.high_quality_employment.people.staff_import.download_template");
		});
		if (!frm.is_new() && frm.doc.import_file && ["Pending", "Failed", "Queued"].includes(frm.doc.status)) {
			frm.add_custom_button(__("Start Import"), () => frm.events.start(frm)).addClass("btn-primary");
		}
		frm.events.show_errors(frm);
	},

	start(frm) {
		frappe
			.call({
				method: "hqe_app.high_quality_employment.people.staff_import.start_import",
				args: { name: frm.doc.name },
				freeze: true,
				freeze_message: __("Importing Staff"),
			})
			.then(({ message }) => {
				if (message.queued) {
					frappe.show_alert({ message: __("Importing Staff"), indicator: "blue" });
				}
				frm.reload_doc();
			});
	},

	show_errors(frm) {
		const errors = JSON.parse(frm.doc.error_log || "[]");
		const field = frm.get_field("errors_html");
		frm.toggle_display("errors_section", errors.length > 0);
		if (!errors.length) {
			field.$wrapper.empty();
			return;
		}
		const rows = errors
			.map(
				(e) =>
					`<tr><td>${e.row || ""}</td><td>${frappe.utils.escape_html(e.label || "")}</td>` +
					`<td>${frappe.utils.escape_html(e.message)}</td></tr>`
			)
			.join("");
		field.$wrapper.html(
			`<p>${__("Nothing was imported")}</p>` +
				`<table class="table table-bordered"><thead><tr><th>${__("Row")}</th><th>${__("Field")}</th>` +
				`<th>${__("Message")}</th></tr></thead><tbody>${rows}</tbody></table>`
		);
	},
});

frappe.realtime.on("hqe_staff_import_done", ({ name }) => {
	if (cur_frm && cur_frm.doctype === "HQE Staff Import" && cur_frm.doc.name === name) {
		cur_frm.reload_doc();
	}
});
