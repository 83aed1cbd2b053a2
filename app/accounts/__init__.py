"""Accounts: finding the server, registration, password, validity, devices."""
