"""Salons: creating, settings and rights, members and invitations."""
