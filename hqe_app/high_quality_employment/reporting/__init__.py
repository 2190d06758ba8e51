"""What the query reports, number cards and charts share: filters, columns and permission-scoped counts.

`queries` builds the year and region filters and column specs; `aggregates` counts and sums through
`frappe.get_list` in the syntax of the running Frappe version; `coverage_counts` gives the 建成率
counts per county; `dashboard` the workspace's number cards that are more than one DocType's count.
The reports themselves stay in `report/`, where Frappe expects them.
"""
