"""Link search on the programme's DocTypes, always within the user's subtree (hooks: standard_queries).

Frappe's own link search skips User Permissions when the client asks (`ignore_user_permissions=1`,
which a link field with that option sends); on these DocTypes it answers through `frappe.get_list`,
which applies them, whatever the client sends.
"""

from __future__ import annotations

import frappe

#: The DocTypes that carry a community's data and are searched through links.
SCOPED = ("HQE Community", "HQE Application", "HQE Review", "HQE Award", "HQE Region")


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def subtree_search(doctype, txt, searchfield, start, page_len, filters, as_dict=False, **kwargs):
	if doctype not in SCOPED:
		frappe.throw(frappe._("Not permitted"), frappe.PermissionError)
	meta = frappe.get_meta(doctype)
	fields = list(dict.fromkeys(["name", *(meta.get_search_fields() or []), meta.title_field or "name"]))
	fields = [f for f in fields if f == "name" or meta.has_field(f)]
	or_filters = [[doctype, field, "like", f"%{txt}%"] for field in fields] if txt else None
	return frappe.get_list(
		doctype,
		filters=filters or {},
		or_filters=or_filters,
		fields=fields,
		limit_start=start,
		limit_page_length=page_len,
		order_by="name asc",
		as_list=not as_dict,
	)
