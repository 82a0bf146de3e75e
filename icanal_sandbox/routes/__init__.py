"""One router per resource area of API.md."""
