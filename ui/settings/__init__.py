"""The Settings window and its pages, one module per page."""
