"""The agents' directory and the public salons."""
