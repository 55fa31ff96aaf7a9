"""Pages for a signed-in child: my suggestions, my group, group visits."""
