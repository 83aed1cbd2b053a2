"""The launcher: the command line above both the core (app/) and the UI (ui/)."""
