"""Writes of the research area, by sub-domain: surveys (building), studies (consent, waves,
invitations), answering."""
