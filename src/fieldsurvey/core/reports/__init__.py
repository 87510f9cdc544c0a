"""The city's reports: the filter, the rows every format reads, and one module per format.
The writers depend on the rows, never the other way."""
