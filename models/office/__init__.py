"""The coordinator's office: administration, exports, the Open311 API."""
