"""Qt item models over the cached data. They never call the API; they are filled with
records that the session read from the cache off the GUI thread."""
