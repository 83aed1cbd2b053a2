"""Salons: kinds and rules, settings, power levels, members and invitations (Qt-free)."""
