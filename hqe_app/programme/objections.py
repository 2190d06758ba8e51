"""Objections to a 公示 (SPEC §3, §11): where they come from and how the city decides them. Frappe-free.

Confirm waits until every objection is decided and none is upheld; an upheld objection lets the city
reject the application from the publication instead.
"""

from __future__ import annotations

from collections.abc import Iterable

#: An objection's source: by letter or phone, typed in the desk by the city; or from the public page.
DESK, PUBLIC = "Letter or Phone", "Public Website"
SOURCES = (DESK, PUBLIC)
#: The city's decision of an objection; empty while undecided.
UPHELD, NOT_UPHELD = "Upheld", "Not Upheld"
DECISIONS = (UPHELD, NOT_UPHELD)

#: What a citizen may send through the public form (a 公示 asks for real-name objections).
CONTENT_LIMIT = 1000
NAME_LIMIT = 40
PHONE_PATTERN = r"^(1\d{10}|0\d{2,3}-?\d{7,8})$"  # a mainland mobile, or a landline with area code


def undecided(rows: Iterable) -> list[int]:
	"""Row numbers of the objections with no decision yet."""
	return [row.idx for row in rows if not (row.get("decision") or "").strip()]


def upheld(rows: Iterable) -> list[int]:
	return [row.idx for row in rows if row.get("decision") == UPHELD]


def missing_reason(rows: Iterable) -> list[int]:
	"""Decided objections without the reason for the decision."""
	return [row.idx for row in rows if row.get("decision") and not (row.get("resolution") or "").strip()]
