"""FieldSurvey: survey Hà Nội's surveillance cameras offline; combine the surveys at the office."""

__version__ = "0.1.0"
