"""The programme's rules that are facts, not Frappe glue: lifecycle states, the workflow table, the calendar.

Frappe-free, so the offline tools, the fixtures' checks and the tests read the same facts the app does.
"""
