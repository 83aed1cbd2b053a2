"""The sign-in screens: the form, and the panel shown when the session cannot start."""
