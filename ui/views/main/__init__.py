"""The signed-in window: its frame, the sidebar and the room list."""
