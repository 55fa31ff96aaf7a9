"""Pages for staff, one package or module per role."""
