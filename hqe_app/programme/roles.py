"""The programme's roles (SPEC §2), the Role Profile that gives a user one level, and the node.

Every person of the programme holds one level (a Role Profile) and one node of the region tree: a
User Permission on the city, county or township (HQE Region) or on the community (HQE Community),
the city level included. A person holding a programme role without a node reads nothing of the
programme (high_quality_employment/permissions.py) and is assigned nothing.
"""

from __future__ import annotations

from hqe_app.programme.workflow import CITY, COMMUNITY, COUNTY, TOWNSHIP

ADMINISTRATOR = "HQE Administrator"
#: Every role the app ships (fixtures/role.json), highest level first.
ROLES = (ADMINISTRATOR, CITY, COUNTY, TOWNSHIP, COMMUNITY)
#: Role Profile → its roles; a user gets a level by getting one profile.
ROLE_PROFILES = {
	"HQE Community Level": (COMMUNITY,),
	"HQE Township Level": (TOWNSHIP,),
	"HQE County Level": (COUNTY,),
	"HQE City Level": (CITY,),
	"HQE Administration": (ADMINISTRATOR, CITY),
}

#: The workbook's levels (lowest first) → the level's Role Profile, and the DocType of its node.
LEVEL_PROFILES = {
	"Community": "HQE Community Level",
	"Township": "HQE Township Level",
	"County": "HQE County Level",
	"City": "HQE City Level",
}
#: The Module Profile every person of a level holds: the desk offers them the programme's module only
#: (the administrator holds none and keeps what a bureau's administrator needs).
MODULE_PROFILE = "HQE Programme"
MODULE = "High Quality Employment"
COMMUNITY_NODE, REGION_NODE = "HQE Community", "HQE Region"
#: Where a person's node is kept: a User Permission allowing one of these.
NODE_DOCTYPES = (REGION_NODE, COMMUNITY_NODE)


def programme_doctypes() -> tuple[str, ...]:
	"""The app's DocTypes that are not child tables (a child follows its parent): nothing of them
	without a node. Read from the DocType files, so a new DocType is covered the day it lands."""
	import json
	from pathlib import Path

	folder = Path(__file__).parent.parent / "high_quality_employment" / "doctype"
	names = []
	for path in sorted(folder.glob("*/*.json")):
		meta = json.loads(path.read_text(encoding="utf-8"))
		if meta.get("doctype") == "DocType" and not meta.get("istable"):
			names.append(meta["name"])
	return tuple(names)
