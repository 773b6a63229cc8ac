"""Forms of the projects app, one module per area (shape only: services check the rules)."""
