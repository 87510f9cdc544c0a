"""The offline map: the data its layers draw, the page, MBTiles basemaps, and the standalone
HTML map of a report."""
