"""Everything that is not Qt: workspace database, records, history, search, reference data, demo."""
