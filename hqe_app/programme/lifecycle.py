"""The application's lifecycle (SPEC §3) as names shared by the workflow, reports and quota.

Frappe-free so the offline tools and tests can use it too.
"""

from __future__ import annotations

DRAFT = "Draft"
PENDING_TOWNSHIP = "Pending Township"
PENDING_COUNTY = "Pending County"
COUNTY_CERTIFIED = "County Certified"
RECOMMENDED = "Recommended to City"
#: The city sent it back from its review for more material; the recommendation and its quota slot stay.
RETURNED_TO_COUNTY = "Returned to County"
CITY_REVIEW = "City Review"
PUBLICIZED = "Publicized"
CITY_CERTIFIED = "City Certified"
COUNTY_REJECTED = "County Rejected"
CITY_REJECTED = "City Rejected"

#: County Certified "or any later state" (SPEC §6): what the recommendation quota counts.
CERTIFIED_STATES = (
	COUNTY_CERTIFIED,
	RECOMMENDED,
	RETURNED_TO_COUNTY,
	CITY_REVIEW,
	PUBLICIZED,
	CITY_CERTIFIED,
	CITY_REJECTED,
)
#: Recommended to the city or later (a return to the county for material included): what uses up the quota.
RECOMMENDED_OR_LATER = CERTIFIED_STATES[1:]

REGION_LEVELS = ("City", "County", "Township")
#: The level a region's parent must have.
PARENT_LEVEL = {"City": None, "County": "City", "Township": "County"}
REVIEW_LEVELS = ("Township", "County", "City")
