"""Machines: the Open311 GeoReport v2 API and its OpenAPI description."""
