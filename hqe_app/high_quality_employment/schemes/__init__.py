"""Scoring schemes as records of the site (HQE Scheme): which applies to an application, and the simulation.

`registry` turns the records into the engine's `Scheme` objects (cached, cleared when a record changes)
and picks the scheme that applies to an application's city and year; it writes Taizhou 2019 as the
first record at install and migrate. `locking` keeps a scheme that a submitted application was scored
under unchanged. `simulation` scores a year's applications under a draft beside the scheme each was
scored under.
"""
