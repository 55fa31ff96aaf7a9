"""The city office: triage, re-routing, 督办, exports, safeguarding cases, the access log."""
