"""The open room: header, timeline and its delegate, composer."""
