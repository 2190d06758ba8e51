"""The programme's roles (SPEC §2) and the Role Profile that gives a user one level."""

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
