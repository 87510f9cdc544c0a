"""Distances and directions on the ground, in the two ways the app needs them.

``distance_m`` is the great-circle distance (haversine), for any two points. The flat-earth
helpers (``offset_m``, ``bearing_and_distance``, ``destination``) treat a degree of latitude as
``METRES_PER_DEGREE`` and a degree of longitude as that times cos(latitude): good to a fraction
of a percent over the few hundred metres they are used for (duplicates, coverage, the commune
lookup's margin, the demo's placing), and several times cheaper in the tight loops that use them.
"""

from __future__ import annotations

import math
from typing import Final

EARTH_RADIUS_M: Final = 6_371_008.8
# One degree of latitude on the ground (and of longitude at the equator), in metres.
METRES_PER_DEGREE: Final = 111_320.0


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def metres_per_degree_lon(lat: float) -> float:
    """Metres in one degree of longitude at latitude ``lat`` (flat earth)."""
    return METRES_PER_DEGREE * math.cos(math.radians(lat))


def offset_m(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """(east, north) in metres from point 1 to point 2 (flat earth, at point 1's latitude)."""
    return (lon2 - lon1) * metres_per_degree_lon(lat1), (lat2 - lat1) * METRES_PER_DEGREE


def bearing_and_distance(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """Compass bearing (0–360) and distance in metres from point 1 to point 2 (flat earth)."""
    dx, dy = offset_m(lat1, lon1, lat2, lon2)
    return math.degrees(math.atan2(dx, dy)) % 360, math.hypot(dx, dy)


def destination(lat: float, lon: float, metres: float, bearing: float) -> tuple[float, float]:
    """(lat, lon) of the point ``metres`` away towards ``bearing`` degrees (flat earth)."""
    d_lat = metres * math.cos(math.radians(bearing)) / METRES_PER_DEGREE
    d_lon = metres * math.sin(math.radians(bearing)) / metres_per_degree_lon(lat)
    return lat + d_lat, lon + d_lon
