"""Photos: the content-addressed store, what their headers say (place, time, heading), and
placing them from a GPX track."""
